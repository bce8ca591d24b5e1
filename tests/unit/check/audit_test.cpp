// Findings that an audit of the checker showed wrong (false positives, false messages, missed
// findings), each on the small policy that showed it; every finding left is replayed through the
// reference evaluator.
#include <algorithm>

#include "check_util.h"
#include "eval/eval.h"
#include "facts/facts.h"
#include "kind_policies.h"

namespace polc::test {
namespace {

using check::FindingKind;

void replayEvery(const Checked& c) {
  for (const auto& f : c.result.findings) c.expectReplays(f);
}

std::unique_ptr<Checked> oneArticle(const std::vector<std::string>& rests, const std::string& extra = "",
                                    const std::string& subject = "项目") {
  std::string body = "条 1 {\n";
  for (std::size_t i = 0; i < rests.size(); ++i) body += clause(std::to_string(i + 1), subject, "设备奖励", rests[i]);
  return compileOne(kindsDoc(body + "}", extra));
}

// ---- tiers ----------------------------------------------------------------------------------------

TEST(CheckAudit, AscendingTablePayingMoreForMoreIsInOrder) {
  // With 不超过 / 低于 the first entry is the lowest band: paying more for more is no W0620.
  auto c = oneArticle({"给予 分档 设备投入 不超过 { 100万元: 10万元; 200万元: 20万元; 300万元: 30万元 }"});
  ASSERT_TRUE(c->program);
  EXPECT_TRUE(c->result.findings.empty()) << c->listing();
  auto d = oneArticle({"给予 分档 设备投入 低于 { 50万元: 10万元; 100万元: 20万元 }"});
  ASSERT_TRUE(d->program);
  EXPECT_TRUE(d->result.findings.empty()) << d->listing();
}

TEST(CheckAudit, AscendingTablePayingLessForMoreIsATierPayingLess) {
  // The band up to 200万元 is the higher one: paying it less is W0620, witness in the higher band.
  auto c = oneArticle({"给予 分档 设备投入 不超过 { 100万元: 30万元; 200万元: 10万元 }"});
  ASSERT_TRUE(c->program);
  auto f = c->find(FindingKind::TierPaysLess);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_NE(f[0]->message.find("tier `200万元`"), std::string::npos) << f[0]->message;
  EXPECT_NE(f[0]->witnessSummary.find("项目.设备投入=101万元"), std::string::npos) << f[0]->witnessSummary;
  replayEvery(*c);
}

// `c`, one article with `rest`, has no finding of `kind`; the findings it has replay.
void expectNone(const Checked& c, FindingKind kind, const std::string& rest) {
  ASSERT_TRUE(c.program);
  EXPECT_TRUE(c.find(kind).empty()) << rest << "\n" << c.listing();
  replayEvery(c);
}

// One article with `rest` has exactly one finding of `kind`, whose message says `says`; its witness replays.
void expectOneMessage(const std::string& rest, FindingKind kind, const std::string& says) {
  auto c = oneArticle({rest});
  ASSERT_TRUE(c->program);
  auto f = c->find(kind);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_NE(f[0]->message.find(says), std::string::npos) << f[0]->message;
  replayEvery(*c);
}

TEST(CheckAudit, ATierAboveTheClauseCapIsNamedNotTheWholeClause) {
  // Only the 500万元 tier's 50万元 is above the cap; the 100万元 tier pays 10万元. The warning once
  // said "the clause always pays the cap".
  expectOneMessage("给予 分档 设备投入 超 { 500万元: 50万元; 100万元: 10万元 } 上限 20万元", FindingKind::CapAlwaysReached,
                   "is always reached in its tier `500万元`: the amount 50万元 is above it, so that tier always pays "
                   "the cap");
}

TEST(CheckAudit, ACasePayingLessThanALaterOneIsNotCalledHigherOrLower) {
  // A 分情形 is read from the top: the 以上 case is not "the lower case" of the 以下 one, as the
  // message once said; it is the later one, and at 100万元 both hold.
  expectOneMessage("给予 分情形 { 设备投入 在 100万元 以下: 1万元; 设备投入 达 100万元 以上: 2万元 }",
                   FindingKind::TierPaysLess,
                   "pays 1万元 but the later case `设备投入 达 100万元 以上` pays 2万元: an applicant who meets both is "
                   "paid the earlier, smaller one");
}

TEST(CheckAudit, AHigherTierCappedBelowALowerOneIsATierPayingLess) {
  // A rate capped at 10万元 against a fixed 30万元: less for every applicant, at the cap or below it.
  for (const char* rate : {"设备投入 × 5%", "设备投入 × 1%"}) {
    auto c = oneArticle({std::string("给予 分档 设备投入 超 { 200万元: ") + rate + " 封顶 10万元; 100万元: 30万元 }"});
    ASSERT_TRUE(c->program);
    auto f = c->find(FindingKind::TierPaysLess);
    ASSERT_EQ(f.size(), 1u) << rate << "\n" << c->listing();
    EXPECT_NE(f[0]->message.find("(at most 10万元)"), std::string::npos) << f[0]->message;
    replayEvery(*c);
  }
}

TEST(CheckAudit, ATierCappedByWhatIsNotAConstantIsNoBoundOfWhatItPays) {
  // 20万元 封顶 投资 × 10% pays 1万元 when 投资 is 10万元: the 100万元 tier can pay less than the 500万元
  // tier's 10万元, and so can a whole table under 上限 投资 × 10% (both tiers cut to the same amount).
  // A constant cap is read: 封顶 15万元 still pays more than 10万元.
  for (const char* rest : {"给予 分档 设备投入 超 { 500万元: 10万元; 100万元: 20万元 封顶 投资 × 10% }",
                           "给予 分档 设备投入 超 { 500万元: 10万元; 100万元: 20万元 } 上限 投资 × 10%",
                           "给予 分档 设备投入 超 { 500万元: 10万元; 100万元: 20万元 } 封顶 投资 × 10%",
                           "给予 分档 设备投入 不超过 { 100万元: 20万元 封顶 投资 × 10%; 500万元: 10万元 }"}) {
    expectNone(*oneArticle({rest}), FindingKind::TierPaysLess, rest);
  }
  expectOneMessage("给予 分档 设备投入 超 { 500万元: 10万元; 100万元: 20万元 封顶 15万元 }", FindingKind::TierPaysLess,
                   "pays 10万元 but the lower tier `100万元` pays 15万元");
  // On the tier claimed to pay less, such a cap only lowers it further: the claim stands, and says
  // "at most".
  expectOneMessage("给予 分档 设备投入 超 { 500万元: 10万元 封顶 投资 × 10%; 100万元: 20万元 }", FindingKind::TierPaysLess,
                   "pays at most 10万元 but the lower tier `100万元` pays 20万元");
}

TEST(CheckAudit, TiersAreComparedWithTheCapsAndFactorsAroundTheTable) {
  // 上限 10万元 (or 封顶 10万元 around the table) pays both tiers 10万元: no tier pays less. Under 15万元
  // the 500万元 tier still pays 10万元 against 15万元. A factor scales both: 5万元 against 10万元.
  for (const char* rest : {"给予 分档 设备投入 超 { 500万元: 20万元; 100万元: 30万元 } 上限 10万元",
                           "给予 分档 设备投入 超 { 500万元: 20万元; 100万元: 30万元 } 封顶 10万元"}) {
    expectNone(*oneArticle({rest}), FindingKind::TierPaysLess, rest);
  }
  expectOneMessage("给予 分档 设备投入 超 { 500万元: 10万元; 100万元: 30万元 } 上限 15万元", FindingKind::TierPaysLess,
                   "pays 10万元 but the lower tier `100万元` pays 15万元");
  expectOneMessage("给予 分档 设备投入 超 { 500万元: 10万元; 100万元: 20万元 } × 50%", FindingKind::TierPaysLess,
                   "pays 5万元 but the lower tier `100万元` pays 10万元");
}

// One article in a document that rounds every award with `rounding` (舍入 as written).
std::unique_ptr<Checked> roundedArticle(const std::string& rounding, const std::string& rest) {
  return compileOne(std::string(kCheckSchema) + "文件 测试 {\n  文号 \"测试\"\n  舍入 " + rounding + "\n条 1 {\n" +
                    clause("1", "项目", "设备奖励", rest) + "}\n}\n");
}

TEST(CheckAudit, TierAmountsAreComparedAsTheDocumentRoundsThem) {
  // Rounded to 1万元, 10.3万元 and 10.4万元 are both paid as 10万元: the 500万元 tier pays as much, not
  // less. 10.6万元 is paid as 11万元: less. The same for rates of one base: 10 % and 10.01 % of 500万元
  // and a little more differ by 500元, both 50万元 once rounded; 11 % pays at least 5万元 more.
  for (const char* rest : {"给予 分档 设备投入 超 { 500万元: 10.3万元; 100万元: 10.4万元 }",
                           "给予 分档 设备投入 超 { 500万元: 设备投入 × 10%; 100万元: 设备投入 × 10.01% }",
                           "给予 分档 设备投入 不超过 { 100万元: 10.4万元; 500万元: 10.3万元 }"}) {
    expectNone(*roundedArticle("1万元 四舍五入", rest), FindingKind::TierPaysLess, rest);
  }
  for (const char* rest : {"给予 分档 设备投入 超 { 500万元: 10.3万元; 100万元: 10.6万元 }",
                           "给予 分档 设备投入 超 { 500万元: 设备投入 × 10%; 100万元: 设备投入 × 11% }",
                           "给予 分档 设备投入 不超过 { 100万元: 10.6万元; 500万元: 10.3万元 }"}) {
    auto c = roundedArticle("1万元 四舍五入", rest);
    ASSERT_TRUE(c->program);
    EXPECT_EQ(c->find(FindingKind::TierPaysLess).size(), 1u) << rest << "\n" << c->listing();
    replayEvery(*c);
  }
}

TEST(CheckAudit, CasesSharingABoundArePaidAsTheClausePaysThemThere) {
  // At 设备投入 = 100万元 both cases hold. Cut to 10万元 by 上限 (or 封顶 around the table), 30万元 and
  // 20万元 are paid alike there: the order decides nothing. Rounded to 1万元, so are 10.3万元 and
  // 10.4万元, and 10 % and 10.3 % of the bound itself. Under 上限 25万元 they still differ (25万元
  // against 20万元), as do 12 % and 10 % of the bound, and 10.6万元 and 10.3万元 rounded (11万元, 10万元).
  const std::string cases = "给予 分情形 { 设备投入 达 100万元 以上: ";
  for (const char* rest : {"30万元; 设备投入 不超过 100万元: 20万元 } 上限 10万元",
                           "30万元; 设备投入 不超过 100万元: 20万元 } 封顶 10万元"}) {
    expectNone(*oneArticle({cases + rest}), FindingKind::CaseSharedBound, rest);
  }
  for (const char* rest : {"10.3万元; 设备投入 不超过 100万元: 10.4万元 }",
                           "设备投入 × 10%; 设备投入 不超过 100万元: 设备投入 × 10.3% }"}) {
    expectNone(*roundedArticle("1万元 四舍五入", cases + rest), FindingKind::CaseSharedBound, rest);
  }
  expectOneMessage(cases + "30万元; 设备投入 不超过 100万元: 20万元 } 上限 25万元", FindingKind::CaseSharedBound,
                   "= 100万元 meets two cases");
  expectOneMessage(cases + "设备投入 × 12%; 设备投入 不超过 100万元: 设备投入 × 10% }", FindingKind::CaseSharedBound,
                   "= 100万元 meets two cases");
  auto c = roundedArticle("1万元 四舍五入", cases + "10.6万元; 设备投入 不超过 100万元: 10.3万元 }");
  ASSERT_TRUE(c->program);
  EXPECT_EQ(c->find(FindingKind::CaseSharedBound).size(), 1u) << c->listing();
  replayEvery(*c);
}

TEST(CheckAudit, CasesSharingABoundPayingTheSameRateOfAnotherBaseAreNotReported) {
  // At 设备投入 = 100万元 both cases hold, and each pays 投资 × 10%: whichever is paid, every applicant
  // gets the same, under one cap, scaled alike, or cut by a cap the clause's 投资 never reaches. So
  // does 设备投入 × 10% + 投资 × 5% beside 10万元 + 投资 × 5%: the same amount once 设备投入 is at the
  // bound. Another rate, another base, a cap on one case only, or a fixed amount against the rate can
  // pay the applicant at the bound another amount: still W0625.
  const std::string cases = "分情形 { 设备投入 达 100万元 以上: ";
  const std::string lower = "; 设备投入 不超过 100万元: ";
  for (const std::string& rest :
       {"给予 " + cases + "投资 × 10%" + lower + "投资 × 10% }",
        "给予 " + cases + "投资 × 10%" + lower + "投资 × 10% } 上限 20万元",
        "给予 " + cases + "投资 × 10%" + lower + "投资 × 10% } × 50%",
        "给予 " + cases + "投资 × 10% 封顶 20万元" + lower + "投资 × 10% 封顶 20万元 }",
        "给予 " + cases + "设备投入 × 10% + 投资 × 5%" + lower + "10万元 + 投资 × 5% }",
        "条件 投资 不超过 100万元 给予 " + cases + "投资 × 10% 封顶 10万元" + lower + "投资 × 10% }"}) {
    expectNone(*oneArticle({rest}), FindingKind::CaseSharedBound, rest);
  }
  for (const std::string& rest : {"给予 " + cases + "投资 × 12%" + lower + "投资 × 10% }",
                                  "给予 " + cases + "投资 × 10% 封顶 20万元" + lower + "投资 × 10% }",
                                  "给予 " + cases + "投资 × 10%" + lower + "节能量 × 1000元/吨标煤 }",
                                  "给予 " + cases + "投资 × 10%" + lower + "10万元 }"}) {
    expectOneMessage(rest, FindingKind::CaseSharedBound, "= 100万元 meets two cases");
  }
}

TEST(CheckAudit, RatesUnderOneCapPayTheHigherTierNoLess) {
  // Every applicant of the 500万元 tier reaches the cap of both rates (12 % from 250万元, 10 % from
  // 300万元): each tier pays it 30万元, whatever the rates. Under a higher cap the 12 % tier pays more.
  auto c = oneArticle({"给予 分档 设备投入 超 { 500万元: 设备投入 × 10% 封顶 30万元; 100万元: 设备投入 × 12% 封顶 30万元 }"});
  ASSERT_TRUE(c->program);
  EXPECT_TRUE(c->find(FindingKind::TierPaysLess).empty()) << c->listing();
  replayEvery(*c);
  auto r = oneArticle({"给予 分档 设备投入 超 { 500万元: 设备投入 × 10% 封顶 30万元; 100万元: 设备投入 × 12% 封顶 80万元 }"});
  ASSERT_TRUE(r->program);
  EXPECT_EQ(r->find(FindingKind::TierPaysLess).size(), 1u) << r->listing();
  replayEvery(*r);
}

TEST(CheckAudit, ARateTiersContrastIsPaidMoreThanItsWitness) {
  // The contrast of a rate was any applicant of the lower tier: at 100万元 and a little more, 11 %
  // pays 11万元, less than the witness's 50万元 at 500万元; the replay showed no tier paying less.
  auto c = oneArticle({"给予 分档 设备投入 超 { 500万元: 设备投入 × 10%; 100万元: 设备投入 × 11% }"});
  ASSERT_TRUE(c->program);
  auto f = c->find(FindingKind::TierPaysLess);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  ASSERT_TRUE(f[0]->expectHi && f[0]->contrastHi);
  EXPECT_LT(*f[0]->expectHi, *f[0]->contrastHi);
  replayEvery(*c);
}

TEST(CheckAudit, ATierPayingUpToItsCeilingIsNotSaidToPayIt) {
  // 最高 30万元 pays up to 30万元, a range capped at 30万元 from 10万元 to 30万元: the message once said
  // "pays 30万元" for both. A rate keeps its 最高 and its cap, and a factor around the table is shown.
  expectOneMessage("给予 分档 设备投入 超 { 500万元: 最高 30万元; 100万元: 40万元 }", FindingKind::TierPaysLess,
                   "pays 最高 30万元 but the lower tier `100万元` pays 40万元");
  expectOneMessage("给予 分档 设备投入 超 { 500万元: 10万元 至 50万元 封顶 30万元; 100万元: 40万元 }",
                   FindingKind::TierPaysLess, "pays 10万元至30万元 but the lower tier `100万元` pays 40万元");
  expectOneMessage("给予 分档 设备投入 超 { 500万元: 最高 设备投入 × 10% 封顶 30万元; 100万元: 40万元 }",
                   FindingKind::TierPaysLess, "pays 最高 设备投入 × 10% (at most 30万元) but the lower tier");
  expectOneMessage("给予 分档 设备投入 超 { 500万元: 设备投入 × 10% 封顶 30万元; 100万元: 40万元 } × 50%",
                   FindingKind::TierPaysLess,
                   "pays (设备投入 × 10%) × 50% (at most 15万元) but the lower tier `100万元` pays 20万元");
}

TEST(CheckAudit, AgainstALowerTierPayingUpToACeilingOnlyTheCeilingsAreCompared) {
  // 最高 40万元 may be paid as less than 30万元: the higher tier only can get less. Against a fixed
  // 40万元 it always does, up to its own ceiling or not.
  expectOneMessage("给予 分档 设备投入 超 { 500万元: 30万元; 100万元: 最高 40万元 }", FindingKind::TierPaysLess,
                   "pays 30万元 but the lower tier `100万元` pays 最高 40万元: an applicant who qualifies for the higher "
                   "tier can get less");
  expectOneMessage("给予 分档 设备投入 超 { 500万元: 30万元; 100万元: 20万元 至 40万元 }", FindingKind::TierPaysLess,
                   "pays 20万元至40万元: an applicant who qualifies for the higher tier can get less");
  expectOneMessage("给予 分档 设备投入 超 { 500万元: 最高 30万元; 100万元: 40万元 }", FindingKind::TierPaysLess,
                   "an applicant who qualifies for the higher tier gets less");
  expectOneMessage("给予 分档 设备投入 不超过 { 100万元: 最高 40万元; 500万元: 30万元 }", FindingKind::TierPaysLess,
                   "an applicant with a higher `设备投入` can get less");
}

TEST(CheckAudit, TierHiddenByTheClauseConditionIsUnreachableNotOutOfOrder) {
  // The thresholds are in order; it is 条件 设备投入 超 300万元 that makes the 50万元 tier unreachable.
  auto c = oneArticle({"条件 设备投入 超 300万元 给予 分档 设备投入 超 { 500万元: 50万元; 100万元: 30万元; 50万元: 10万元 }"});
  ASSERT_TRUE(c->program);
  EXPECT_TRUE(c->find(FindingKind::TierOrder).empty()) << c->listing();
  auto f = c->find(FindingKind::TierUnreachable);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  // Every applicant above 50万元 the clause pays meets 100万元; not all of them meet 500万元.
  EXPECT_NE(f[0]->message.find("the earlier threshold `100万元`"), std::string::npos) << f[0]->message;
  replayEvery(*c);
}

// ---- shadowing ------------------------------------------------------------------------------------

TEST(CheckAudit, OnceAndTopUpClausesDoNotShadow) {
  // With 已获奖励, a 一次性 award pays nothing and a 晋级补差 award can be topped up to 0: the other
  // clause is then kept.
  const std::string group = "不重复 组 { 原文 \"就高\" 范围 文件 取 最高 每个 项目 }";
  for (const char* rule : {"一次性", "晋级补差"}) {
    auto c = oneArticle({"条件 改造 给予 10万元", std::string("条件 改造 给予 20万元 ") + rule}, group);
    ASSERT_TRUE(c->program);
    EXPECT_TRUE(c->find(FindingKind::Shadowed).empty()) << rule << "\n" << c->listing();
    replayEvery(*c);
  }
}

TEST(CheckAudit, ADominatorDroppedForAHigherAwardStillShadows) {
  // 第2款 loses every tie to 第1款, and both lose to 第3款's 20万元 (when nothing was received before):
  // 第2款 is never kept, though the witness keeps neither of the first two.
  auto c = compileOne(kindsDoc("条 1 {\n" + clause("1", "企业", "设备奖励", "条件 制造业 给予 10万元") +
                                   clause("2", "企业", "规模奖励", "条件 制造业 给予 10万元") +
                                   clause("3", "企业", "称号奖励", "条件 制造业 给予 20万元 晋级补差") + "}",
                               "不重复 组 { 原文 \"就高\" 范围 文件 取 最高 }"));
  ASSERT_TRUE(c->program);
  auto f = c->find(FindingKind::Shadowed);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_NE(f[0]->refs[0].citation.find("第1条第2款"), std::string::npos) << c->listing();
  replayEvery(*c);
}

TEST(CheckAudit, AClauseDroppedByAnEarlierGroupDoesNotShadow) {
  // 组一 drops 第2款 for 第3款 before 组二 compares 第1款 with 第2款: 组二 keeps 第1款.
  std::string body = "条 1 {\n" + clause("1", "企业", "设备奖励", "条件 制造业 给予 10万元") +
                     clause("2", "企业", "规模奖励", "条件 制造业 给予 20万元") +
                     clause("3", "企业", "称号奖励", "条件 制造业 给予 30万元") + "}";
  auto c = compileOne(kindsDoc(body, "不重复 组一 { 原文 \"BC\" 范围 第1条第2款, 第1条第3款 取 最高 }\n"
                                     "不重复 组二 { 原文 \"AB\" 范围 第1条第1款, 第1条第2款 取 最高 }"));
  ASSERT_TRUE(c->program);
  auto f = c->find(FindingKind::Shadowed);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_EQ(f[0]->group, "组一");
  EXPECT_NE(f[0]->refs[0].citation.find("第1条第2款"), std::string::npos) << c->listing();
  replayEvery(*c);
}

TEST(CheckAudit, AnEarlierGroupThatKeepsTheDominatorOnATieDoesNotStopTheShadowing) {
  // 丙's group applies first; 丙 第1条第2款 ties with its 第2条第1款 and wins (citation order), so it is
  // still there when 全 compares it with 甲's 10万元.
  auto c = compileOne(
      std::string(kCheckSchema) +
      doc("甲", "条 1 {\n" + clause("1", "项目", "规模奖励", "条件 设备投入 超 100万元 给予 10万元") + "}",
          "不重复 全 { 原文 \"x\" 范围 所有文件 同一 标的 每个 事项 取 最高 }") +
      doc("丙", "条 1 {\n" + clause("2", "项目", "规模奖励", "条件 设备投入 超 50万元 给予 20万元") + "}\n条 2 {\n" +
                    clause("1", "项目", "节能奖励", "条件 设备投入 超 10万元 给予 20万元") + "}",
          "不重复 本 { 原文 \"y\" 范围 文件 取 最高 }"));
  ASSERT_TRUE(c->program);
  auto f = c->find(FindingKind::Shadowed);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_EQ(f[0]->group, "全");
  replayEvery(*c);
}

TEST(CheckAudit, ADominatorMayReadFactsTheDominatedClauseDoesNot) {
  // 改造 implies 改造 或 设备投入 超 100万元, though the second reads 设备投入.
  auto c = oneArticle({"条件 改造 给予 10万元", "条件 改造 或 设备投入 超 100万元 给予 20万元"},
                      "不重复 组 { 原文 \"就高\" 范围 文件 取 最高 每个 项目 }");
  ASSERT_TRUE(c->program);
  auto f = c->find(FindingKind::Shadowed);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_NE(f[0]->refs[0].citation.find("第1条第1款"), std::string::npos);
  replayEvery(*c);
}

// ---- shadowing applicant by applicant --------------------------------------------------------------

const char* const kTakeHighest = "不重复 组 { 原文 \"就高\" 范围 文件 取 最高 每个 项目 }";

// The one W0640 of c: `shadowed` never kept, `by` kept instead (citations' ends); every finding replays.
void expectShadowed(const Checked& c, const std::string& shadowed, const std::string& by) {
  auto f = c.find(FindingKind::Shadowed);
  ASSERT_EQ(f.size(), 1u) << c.listing();
  ASSERT_EQ(f[0]->refs.size(), 2u);
  EXPECT_NE(f[0]->refs[0].citation.find(shadowed), std::string::npos) << c.listing();
  EXPECT_NE(f[0]->refs[1].citation.find(by), std::string::npos) << c.listing();
  replayEvery(c);
}

void expectNoShadowing(const Checked& c) {
  EXPECT_TRUE(c.find(FindingKind::Shadowed).empty()) << c.listing();
  replayEvery(c);
}

// The evaluator's status for the award of the clause whose citation ends with `cite`, for one 项目 of
// the facts `project` (a JSON object): the claim a W0640 makes, checked on an applicant of our choice.
eval::Status statusFor(const Checked& c, const std::string& project, const std::string& cite) {
  auto facts = facts::readFacts(*c.model, *c.program,
                                R"({"date": "2024-06-30", "企业": {"所在地": "新北区", "项目": [)" + project + "]}}");
  EXPECT_TRUE(facts.ok()) << facts.errors.front();
  auto res = eval::evaluate(*c.program, facts.applicant, eval::Options{});
  for (const auto& a : res.awards) {
    const std::string& citation = c.program->clauses[static_cast<std::size_t>(a.clause)].citation;
    if (citation.size() >= cite.size() && citation.compare(citation.size() - cite.size(), cite.size(), cite) == 0)
      return a.status;
  }
  ADD_FAILURE() << "no award of " << cite;
  return eval::Status::NotAssessable;
}

// The W0640 the proof claims before the evaluator confirms it on the witness: the confirmation runs
// one applicant, the claim is about all of them.
std::size_t claimedShadowings(const Checked& c) {
  check::Options o;
  o.confirm = false;
  auto res = check::run(*c.model, *c.program, o);
  return static_cast<std::size_t>(std::count_if(res.findings.begin(), res.findings.end(),
                                                [](const auto& f) { return f.kind == FindingKind::Shadowed; }));
}

// A project's award and its enterprise's share a partition only where the evaluator keys both by
// the enterprise: with `每个 项目, 企业` or `每个 事项` the project's is keyed apart and kept, so the
// enterprise's 20万元 shadows the project's 10万元 only under `每个 企业`.
TEST(CheckAudit, AnEnterprisesClauseShadowsItsProjectsOnlyInOnePartition) {
  const std::string body = "条 1 {\n" + clause("1", "项目", "设备奖励", "条件 改造 给予 10万元") +
                           clause("2", "企业", "规模奖励", "给予 20万元") + "}";
  auto group = [](const std::string& per) { return "不重复 组 { 原文 \"就高\" 范围 第1条第1款, 第1条第2款 取 最高 " + per + " }"; };
  for (const char* per : {"每个 项目, 企业", "每个 事项"}) {
    auto c = compileOne(kindsDoc(body, group(per)));
    ASSERT_TRUE(c->program);
    EXPECT_EQ(claimedShadowings(*c), 0u) << per << "\n" << c->listing();
    expectNoShadowing(*c);
  }
  auto c = compileOne(kindsDoc(body, group("每个 企业")));
  ASSERT_TRUE(c->program);
  expectShadowed(*c, "第1条第1款", "第1条第2款");
}

TEST(CheckAudit, AHigherRateOfTheSameBaseShadows) {
  // Whenever 第1款 pays (超 200万元), 第2款 pays too (超 100万元), 12 % of the same 设备投入 against 10 %:
  // more for every applicant, though neither has a ceiling. Either order: 第2款 wins on the amount.
  auto c = oneArticle({"条件 设备投入 超 200万元 给予 设备投入 × 10%", "条件 设备投入 超 100万元 给予 设备投入 × 12%"},
                      kTakeHighest);
  ASSERT_TRUE(c->program);
  expectShadowed(*c, "第1条第1款", "第1条第2款");
  EXPECT_NE(c->find(FindingKind::Shadowed)[0]->message.find("more to every such applicant"), std::string::npos);
  auto r = oneArticle({"条件 设备投入 超 100万元 给予 设备投入 × 12%", "条件 设备投入 超 200万元 给予 设备投入 × 10%"},
                      kTakeHighest);
  ASSERT_TRUE(r->program);
  expectShadowed(*r, "第1条第2款", "第1条第1款");
}

TEST(CheckAudit, TheSameRateShadowsOnlyWhereTheTieGoesToTheOther) {
  // Equal amounts for every applicant: the tie goes to the earlier clause, which is never dropped.
  auto c = oneArticle({"条件 设备投入 超 100万元 给予 设备投入 × 10%", "条件 设备投入 超 200万元 给予 设备投入 × 10%"},
                      kTakeHighest);
  ASSERT_TRUE(c->program);
  expectShadowed(*c, "第1条第2款", "第1条第1款");
  auto r = oneArticle({"条件 设备投入 超 200万元 给予 设备投入 × 10%", "条件 设备投入 超 100万元 给予 设备投入 × 10%"},
                      kTakeHighest);
  ASSERT_TRUE(r->program);
  expectNoShadowing(*r);
}

TEST(CheckAudit, ARateCappedBelowTheOtherDoesNotShadowIt) {
  // 12 % capped at 30万元 pays less than 10 % capped at 50万元 from 设备投入 300万元 on: not shadowed,
  // only a covered overlap. With the higher cap it is.
  auto c = oneArticle({"条件 设备投入 超 200万元 给予 设备投入 × 10% 上限 50万元",
                       "条件 设备投入 超 100万元 给予 设备投入 × 12% 上限 30万元"},
                      kTakeHighest);
  ASSERT_TRUE(c->program);
  expectNoShadowing(*c);
  EXPECT_FALSE(c->find(FindingKind::CoveredOverlap).empty()) << c->listing();
  auto r = oneArticle({"条件 设备投入 超 200万元 给予 设备投入 × 10% 上限 50万元",
                       "条件 设备投入 超 100万元 给予 设备投入 × 12% 上限 60万元"},
                      kTakeHighest);
  ASSERT_TRUE(r->program);
  expectShadowed(*r, "第1条第1款", "第1条第2款");
}

TEST(CheckAudit, ALowerCapShadowsWhereTheOtherClauseNeverPaysAboveIt) {
  // 第1款 pays at most 25万元 (设备投入 up to 250万元), under 第2款's cap of 30万元 (封顶 in the amount):
  // shadowed. Up to 400万元 it pays up to 40万元, above the cap: not shadowed.
  auto c = oneArticle({"条件 设备投入 超 200万元 且 设备投入 不超过 250万元 给予 设备投入 × 10%",
                       "条件 设备投入 超 100万元 给予 设备投入 × 12% 封顶 30万元"},
                      kTakeHighest);
  ASSERT_TRUE(c->program);
  expectShadowed(*c, "第1条第1款", "第1条第2款");
  auto r = oneArticle({"条件 设备投入 超 200万元 且 设备投入 不超过 400万元 给予 设备投入 × 10%",
                       "条件 设备投入 超 100万元 给予 设备投入 × 12% 封顶 30万元"},
                      kTakeHighest);
  ASSERT_TRUE(r->program);
  expectNoShadowing(*r);
}

TEST(CheckAudit, ARateShadowsAFixedAmountItExceedsWhereverThatPays) {
  // Wherever 第1款 pays (设备投入 超 300万元), 第2款 pays 10 % of it: more than 30万元, above 10万元, in
  // either order, and under a cap of 15万元. 第2款's own condition (超 50万元) bounds it only to 5万元:
  // its lowest is no help, the proof is applicant by applicant.
  for (const char* b : {"给予 设备投入 × 10%", "给予 设备投入 × 10% 上限 15万元"}) {
    const std::string rate = std::string("条件 设备投入 超 50万元 ") + b;
    auto c = oneArticle({"条件 设备投入 超 300万元 给予 10万元", rate}, kTakeHighest);
    ASSERT_TRUE(c->program);
    expectShadowed(*c, "第1条第1款", "第1条第2款");
    EXPECT_NE(c->find(FindingKind::Shadowed)[0]->message.find("more to every such applicant"), std::string::npos);
    auto r = oneArticle({rate, "条件 设备投入 超 300万元 给予 10万元"}, kTakeHighest);
    ASSERT_TRUE(r->program);
    expectShadowed(*r, "第1条第2款", "第1条第1款");
  }
}

TEST(CheckAudit, ARateCappedOrTooLowDoesNotShadowAFixedAmount) {
  // Capped at 8万元, below 10万元, the rate always pays less; at 3 % it pays 9万元 to 300万元 and a
  // little more, and 10万元 only from 333.34万元 on: 第1款 is kept at 310万元 either way.
  for (const char* b : {"给予 设备投入 × 10% 上限 8万元", "给予 设备投入 × 3%"}) {
    auto c = oneArticle({"条件 设备投入 超 300万元 给予 10万元", std::string("条件 设备投入 超 200万元 ") + b},
                        kTakeHighest);
    ASSERT_TRUE(c->program);
    expectNoShadowing(*c);
    EXPECT_EQ(claimedShadowings(*c), 0u) << b;
    EXPECT_EQ(statusFor(*c, R"({"设备投入": "310万元"})", "第1条第1款"), eval::Status::Kept) << b;
  }
}

TEST(CheckAudit, ASumOfFactsIsComparedPartByPart) {
  // The same sum at a higher rate shadows; so does a higher rate of each part. A lower rate of one
  // part does not: with 投资 large enough, 第2款 pays less; nor does the same rate of one part: with
  // everything in 投资 the amounts tie, and the earlier 第1款 is kept.
  const std::string a = "条件 设备投入 + 投资 超 200万元 给予 (设备投入 + 投资) × 10%";
  for (const char* b : {"条件 设备投入 + 投资 超 100万元 给予 (设备投入 + 投资) × 12%",
                        "条件 设备投入 + 投资 超 100万元 给予 设备投入 × 12% + 投资 × 11%"}) {
    auto c = oneArticle({a, b}, kTakeHighest);
    ASSERT_TRUE(c->program);
    expectShadowed(*c, "第1条第1款", "第1条第2款");
  }
  for (const char* b : {"条件 设备投入 + 投资 超 100万元 给予 设备投入 × 12% + 投资 × 8%",
                        "条件 设备投入 + 投资 超 100万元 给予 设备投入 × 12% + 投资 × 10%"}) {
    auto c = oneArticle({a, b}, kTakeHighest);
    ASSERT_TRUE(c->program);
    expectNoShadowing(*c);
  }
}

TEST(CheckAudit, ARoundingUnitCanTieAmountsThatDifferByLess) {
  // Rounded to 1万元, 10.1 % and 10 % of 200万元 and a little more are both 20万元: a tie, which the
  // earlier 第1款 wins. 11 % is at least 2万元 more: 第1款 is shadowed.
  auto article = [&](const std::string& rate) {
    return compileOne(std::string(kCheckSchema) + "文件 测试 {\n  文号 \"测试\"\n  舍入 1万元 四舍五入\n条 1 {\n" +
                      clause("1", "项目", "设备奖励", "条件 设备投入 超 200万元 给予 设备投入 × 10%") +
                      clause("2", "项目", "设备奖励", "条件 设备投入 超 100万元 给予 设备投入 × " + rate) + "}\n" +
                      kTakeHighest + "\n}\n");
  };
  auto c = article("10.1%");
  ASSERT_TRUE(c->program);
  expectNoShadowing(*c);
  auto r = article("11%");
  ASSERT_TRUE(r->program);
  expectShadowed(*r, "第1条第1款", "第1条第2款");
}

TEST(CheckAudit, BankersRoundingCanTieAmountsOneUnitApart) {
  // 第2款 pays exactly 1万元 more. Rounded half up to 1万元, it stays 1万元 more: 第1款 is shadowed.
  // With 银行家舍入, 设备投入 215万元 gives 21.5万元 and 22.5万元, both 22万元: a tie the earlier 第1款
  // wins, so no claim.
  auto article = [&](const std::string& mode) {
    return compileOne(std::string(kCheckSchema) + "文件 测试 {\n  文号 \"测试\"\n  舍入 1万元 " + mode + "\n条 1 {\n" +
                      clause("1", "项目", "设备奖励", "条件 设备投入 超 200万元 给予 设备投入 × 10%") +
                      clause("2", "项目", "设备奖励", "条件 设备投入 超 100万元 给予 设备投入 × 10% + 1万元") +
                      "}\n" + kTakeHighest + "\n}\n");
  };
  auto c = article("四舍五入");
  ASSERT_TRUE(c->program);
  expectShadowed(*c, "第1条第1款", "第1条第2款");
  auto r = article("银行家舍入");
  ASSERT_TRUE(r->program);
  expectNoShadowing(*r);
  // The tie the proof allows for, evaluated.
  auto facts = facts::readFacts(*r->model, *r->program,
                                std::string(R"({"date": "2024-06-30", "企业": {"所在地": "新北区", "项目": [{"设备投入": "215万元"}]}})"));
  ASSERT_TRUE(facts.ok()) << facts.errors.front();
  auto res = eval::evaluate(*r->program, facts.applicant, eval::Options{});
  ASSERT_EQ(res.awards.size(), 2u);
  EXPECT_EQ(res.awards[0].status, eval::Status::Kept);
  EXPECT_EQ(res.awards[1].status, eval::Status::Dropped);
  EXPECT_EQ(res.awards[0].hi, res.awards[1].hi);
}

// ---- shadowing by ceilings: what the evaluator compares ----------------------------------------------

// A document like doc()'s, with `rounding` (舍入 as written) instead of 0.01元; without 舍入 when it
// is empty.
std::string roundedDoc(const std::string& name, const std::string& rounding, const std::string& body,
                       const std::string& extra = "") {
  const std::string line = rounding.empty() ? "" : "  舍入 " + rounding + "\n";
  return "文件 " + name + " {\n  文号 \"" + name + "\"\n" + line + body + "\n" + extra + "\n}\n";
}

const char* const kAllDocuments = "不重复 全 { 原文 \"就高\" 范围 所有文件 同一 标的 每个 事项 取 最高 }";
const char* const kCapped = "条件 设备投入 超 50万元 给予 设备投入 × 10% 上限 10.3万元";

// `policy(amount)`: 第1款 kept (at 设备投入 200万元) while 第2款 pays `kept`, shadowed by 第2款 when
// it pays `shadowing`.
template <class Policy>
void expectKeptThenShadowed(const Policy& policy, const std::string& kept, const std::string& shadowing) {
  auto c = policy(kept);
  ASSERT_TRUE(c->program);
  expectNoShadowing(*c);
  EXPECT_EQ(claimedShadowings(*c), 0u);
  EXPECT_EQ(statusFor(*c, R"({"设备投入": "200万元"})", "第1条第1款"), eval::Status::Kept);
  auto r = policy(shadowing);
  ASSERT_TRUE(r->program);
  expectShadowed(*r, "第1条第1款", "第1条第2款");
}

TEST(CheckAudit, CeilingsAreComparedAsEachDocumentRoundsThem) {
  // 乙 rounds to 1万元: its 10.4万元 (第2款) is paid as 10万元, less than the 10.3万元 甲 (第1款) pays
  // from 设备投入 103万元 on, though 10.4万元 is the higher ceiling. 11万元 stays above it: shadowed.
  auto policy = [&](const std::string& b) {
    return compileOne(std::string(kCheckSchema) +
                      doc("甲", "条 1 {\n" + clause("1", "项目", "设备奖励", kCapped) + "}", kAllDocuments) +
                      roundedDoc("乙", "1万元 四舍五入",
                                 "条 1 {\n" + clause("2", "项目", "设备奖励", "条件 设备投入 超 10万元 给予 " + b) + "}"));
  };
  expectKeptThenShadowed(policy, "10.4万元", "11万元");
}

TEST(CheckAudit, CeilingsThatRoundToATieGoToTheTieBreak) {
  // Rounded to 1万元, 10.4万元 and the capped 10.3万元 are both 10万元: a tie the earlier 第1款 wins.
  // 10.6万元 rounds to 11万元: 第1款 is shadowed.
  auto policy = [&](const std::string& b) {
    return compileOne(std::string(kCheckSchema) +
                      roundedDoc("测试", "1万元 四舍五入",
                                 "条 1 {\n" + clause("1", "项目", "设备奖励", kCapped) +
                                     clause("2", "项目", "设备奖励", "条件 设备投入 超 10万元 给予 " + b) + "}",
                                 kTakeHighest));
  };
  expectKeptThenShadowed(policy, "10.4万元", "10.6万元");
}

TEST(CheckAudit, ACapThatIsNotAConstantLowersTheCeiling) {
  // 20万元 capped at 10 % of 投资 pays 1万元 when 投资 is 10万元: less than 第1款's 10万元, which is
  // then kept, whether the cap is the clause's 上限 or a 封顶 in the amount. A constant cap is read:
  // 20万元 上限 15万元 always pays more.
  for (const char* b : {"给予 20万元 上限 投资 × 10%", "给予 20万元 封顶 投资 × 10%"}) {
    auto c = oneArticle({"条件 设备投入 超 50万元 给予 10万元", std::string("条件 设备投入 超 10万元 ") + b}, kTakeHighest);
    ASSERT_TRUE(c->program);
    expectNoShadowing(*c);
    EXPECT_EQ(claimedShadowings(*c), 0u) << b;
    EXPECT_EQ(statusFor(*c, R"({"设备投入": "100万元", "投资": "10万元"})", "第1条第1款"), eval::Status::Kept) << b;
  }
  // The witness of a clause that pays either way may sit where the cap is high (投资 200万元 and a
  // little more): the confirmation on it showed the claim, while 改造 with 投资 10万元 keeps 第1款.
  auto w = oneArticle({"条件 设备投入 超 50万元 且 (投资 超 200万元 或 改造) 给予 10万元",
                       "条件 设备投入 超 10万元 给予 20万元 上限 投资 × 10%"},
                      kTakeHighest);
  ASSERT_TRUE(w->program);
  expectNoShadowing(*w);
  EXPECT_EQ(claimedShadowings(*w), 0u);
  EXPECT_EQ(statusFor(*w, R"({"设备投入": "100万元", "投资": "10万元", "改造": true})", "第1条第1款"),
            eval::Status::Kept);
  auto r = oneArticle({"条件 设备投入 超 50万元 给予 10万元", "条件 设备投入 超 10万元 给予 20万元 上限 15万元"},
                      kTakeHighest);
  ASSERT_TRUE(r->program);
  expectShadowed(*r, "第1条第1款", "第1条第2款");
}

// ---- shadowing applicant by applicant across documents that round differently --------------------

// 甲 rounding as `ra` with 第1款 paying `a` where 设备投入 超 200万元, 乙 rounding as `rb` with 第2款
// paying `b` where it is 超 100万元 (no 舍入 when empty), one take-the-highest group over both. 甲 comes
// first, so 第1款 wins a tie.
std::unique_ptr<Checked> acrossDocuments(const std::string& ra, const std::string& a, const std::string& rb,
                                         const std::string& b) {
  return compileOne(
      std::string(kCheckSchema) +
      roundedDoc("甲", ra, "条 1 {\n" + clause("1", "项目", "设备奖励", "条件 设备投入 超 200万元 给予 " + a) + "}",
                 kAllDocuments) +
      roundedDoc("乙", rb, "条 1 {\n" + clause("2", "项目", "设备奖励", "条件 设备投入 超 100万元 给予 " + b) + "}"));
}

// The roundings of 甲 and 乙, and a 设备投入 at which 10 % in 甲 is paid more than 10.01 % in 乙.
struct TwoRoundings {
  const char* ra;
  const char* rb;
  const char* keptAt;
};
const TwoRoundings kTwoRoundings[] = {
    {"0.01元 四舍五入", "1万元 四舍五入", "204万元"},  // 20.4万元 against 20.4204万元 paid as 20万元
    {"1万元 四舍五入", "0.01元 四舍五入", "205万元"},  // 20.5万元 paid as 21万元 against 20.5205万元
    {"", "1万元 四舍五入", "204万元"},                 // 20.4万元 as computed against 20万元
    {"1万元 进一", "", "201万元"},                     // 20.1万元 paid as 21万元 against 20.1201万元
};

TEST(CheckAudit, AHigherRateShadowsAcrossDocumentsThatRoundDifferently) {
  // Each rounding moves an amount by less than its unit, so 12 % against 10 %, at least 4万元 more
  // from 200万元 on, stays more once each document rounds its own; without 舍入 an amount is paid as
  // computed. Exactly the two units more (1.01万元 for 1万元 and 0.01元) is still enough.
  for (const auto& r : kTwoRoundings) {
    auto c = acrossDocuments(r.ra, "设备投入 × 10%", r.rb, "设备投入 × 12%");
    ASSERT_TRUE(c->program);
    expectShadowed(*c, "第1条第1款", "第1条第2款");
  }
  auto c = acrossDocuments("0.01元 四舍五入", "设备投入 × 10%", "1万元 四舍五入", "设备投入 × 10% + 1.01万元");
  ASSERT_TRUE(c->program);
  expectShadowed(*c, "第1条第1款", "第1条第2款");
}

TEST(CheckAudit, RatesThatTheRoundingsCanTurnAroundDoNotShadow) {
  // 10.01 % pays 10 % and a 1000th more, less than a rounding unit of 1万元 up to 1亿元: where 乙
  // rounds to 1万元 it can be paid below 甲's 10 %, where 甲 does, 甲's can be rounded above it.
  for (const auto& r : kTwoRoundings) {
    auto c = acrossDocuments(r.ra, "设备投入 × 10%", r.rb, "设备投入 × 10.01%");
    ASSERT_TRUE(c->program);
    expectNoShadowing(*c);
    EXPECT_EQ(claimedShadowings(*c), 0u) << r.ra << " / " << r.rb;
    EXPECT_EQ(statusFor(*c, std::string(R"({"设备投入": ")") + r.keptAt + "\"}", "第1条第1款"), eval::Status::Kept)
        << r.ra << " / " << r.rb;
  }
}

// ---- shadowing by ceilings: a rate bounded by its own conditions ----------------------------------

// The first W0640 of c, or none (an empty finding) when the proof claims none.
check::Finding firstShadowed(const Checked& c) {
  auto f = c.find(FindingKind::Shadowed);
  return f.empty() ? check::Finding{} : *f[0];
}

TEST(CheckAudit, ARateItsConditionsBoundIsShadowedByAHigherFixedAmount) {
  // 设备投入 不超过 200万元 at 10 %: at most 20万元 wherever 第1款 pays, where 第2款 always pays 30万元.
  // The rate has no ceiling of its own; its base's bound makes one. Up to 400万元 it pays up to
  // 40万元, more than 30万元: kept at 400万元.
  auto c = oneArticle({"条件 设备投入 超 100万元 且 设备投入 不超过 200万元 给予 设备投入 × 10%",
                       "条件 设备投入 超 50万元 给予 30万元"},
                      kTakeHighest);
  ASSERT_TRUE(c->program);
  expectShadowed(*c, "第1条第1款", "第1条第2款");
  EXPECT_NE(firstShadowed(*c).message.find(
                "(30万元 vs at most 20万元, the most `设备投入 × 10%` pays under its conditions)"),
            std::string::npos)
      << c->listing();
  auto r = oneArticle({"条件 设备投入 超 100万元 且 设备投入 不超过 400万元 给予 设备投入 × 10%",
                       "条件 设备投入 超 50万元 给予 30万元"},
                      kTakeHighest);
  ASSERT_TRUE(r->program);
  expectNoShadowing(*r);
  EXPECT_EQ(claimedShadowings(*r), 0u);
  EXPECT_EQ(statusFor(*r, R"({"设备投入": "400万元"})", "第1条第1款"), eval::Status::Kept);
  // A cap below the base's bound is the ceiling: 15万元 against 15万元 is a tie, which the earlier
  // 第1款 wins (kept at 300万元); against 16万元 it is shadowed.
  auto capped = [&](const std::string& fixed) {
    return oneArticle({"条件 设备投入 超 100万元 且 设备投入 不超过 300万元 给予 设备投入 × 10% 上限 15万元",
                       "条件 设备投入 超 50万元 给予 " + fixed},
                      kTakeHighest);
  };
  auto t = capped("15万元");
  ASSERT_TRUE(t->program);
  expectNoShadowing(*t);
  EXPECT_EQ(claimedShadowings(*t), 0u);
  EXPECT_EQ(statusFor(*t, R"({"设备投入": "300万元"})", "第1条第1款"), eval::Status::Kept);
  auto u = capped("16万元");
  ASSERT_TRUE(u->program);
  expectShadowed(*u, "第1条第1款", "第1条第2款");
}

TEST(CheckAudit, ABoundOnlySomeAlternativesOfTheConditionsPutDoesNotBoundTheRate) {
  // Inside an `或`, 设备投入 不超过 200万元 bounds only one alternative: with 改造, 第1款 pays 40万元 at
  // 400万元 and is kept. When every alternative bounds it (the other at 250万元), 25万元 at most: shadowed.
  auto c = oneArticle({"条件 设备投入 超 100万元 且 (设备投入 不超过 200万元 或 改造) 给予 设备投入 × 10%",
                       "条件 设备投入 超 50万元 给予 30万元"},
                      kTakeHighest);
  ASSERT_TRUE(c->program);
  expectNoShadowing(*c);
  EXPECT_EQ(claimedShadowings(*c), 0u);
  EXPECT_EQ(statusFor(*c, R"({"设备投入": "400万元", "改造": true})", "第1条第1款"), eval::Status::Kept);
  auto r = oneArticle({"条件 设备投入 超 100万元 且 (设备投入 不超过 200万元 或 (改造 且 设备投入 不超过 250万元)) "
                       "给予 设备投入 × 10%",
                       "条件 设备投入 超 50万元 给予 30万元"},
                      kTakeHighest);
  ASSERT_TRUE(r->program);
  expectShadowed(*r, "第1条第1款", "第1条第2款");
}

TEST(CheckAudit, ABoundOnAnotherFactDoesNotBoundTheRate) {
  // 上年(营业收入) 不超过 2000万元 says nothing of this year's 营业收入, the base: 0.5 % of it can exceed
  // 15万元 (its 取值 goes to 100000亿元). A bound on this year's does: at most 10万元, shadowed.
  const char* group = "不重复 组 { 原文 \"就高\" 范围 文件 取 最高 每个 企业 }";
  auto article = [&](const std::string& cond) {
    return compileOne(kindsDoc("条 1 {\n" +
                                   clause("1", "企业", "规模奖励", "条件 " + cond + " 给予 营业收入 × 0.5%") +
                                   clause("2", "企业", "规模奖励", "条件 营业收入 超 0元 给予 15万元") + "}",
                               group));
  };
  auto c = article("营业收入 超 100万元 且 上年(营业收入) 不超过 2000万元");
  ASSERT_TRUE(c->program);
  expectNoShadowing(*c);
  EXPECT_EQ(claimedShadowings(*c), 0u);
  auto r = article("营业收入 超 100万元 且 营业收入 不超过 2000万元");
  ASSERT_TRUE(r->program);
  expectShadowed(*r, "第1条第1款", "第1条第2款");
}

TEST(CheckAudit, AStrictBoundOnTheBaseKeepsTheRateBelowTheTie) {
  // 低于 200万元 at 10 %: below 20万元, so 第2款's 20万元 (which loses a tie to the earlier 第1款) is
  // always more, in a document that does not round. 不超过 200万元 reaches 20万元: a tie, 第1款 kept.
  auto article = [&](const std::string& bound) {
    return compileOne(std::string(kCheckSchema) + "文件 测试 {\n  文号 \"测试\"\n条 1 {\n" +
                      clause("1", "项目", "设备奖励", "条件 设备投入 超 100万元 且 设备投入 " + bound + " 给予 设备投入 × 10%") +
                      clause("2", "项目", "设备奖励", "条件 设备投入 超 50万元 给予 20万元") + "}\n" + kTakeHighest +
                      "\n}\n");
  };
  auto c = article("低于 200万元");
  ASSERT_TRUE(c->program);
  expectShadowed(*c, "第1条第1款", "第1条第2款");
  EXPECT_NE(firstShadowed(*c).message.find("(20万元 vs less than 20万元"), std::string::npos)
      << c->listing();
  auto r = article("不超过 200万元");
  ASSERT_TRUE(r->program);
  expectNoShadowing(*r);
  EXPECT_EQ(claimedShadowings(*r), 0u);
  EXPECT_EQ(statusFor(*r, R"({"设备投入": "200万元"})", "第1条第1款"), eval::Status::Kept);
}

TEST(CheckAudit, ARateBoundedByItsConditionsIsComparedAsItsDocumentRoundsIt) {
  // Rounded half up to 0.01元, 10 % of 1999999.96元 (低于 200万元) is 200000.00元: a tie with 20万元,
  // which the earlier 第1款 wins. Rounded toward zero (舍去) to 1万元, below 20万元 is at most 19万元: shadowed.
  auto strict = [&](const std::string& rounding) {
    return compileOne(std::string(kCheckSchema) +
                      roundedDoc("测试", rounding,
                                 "条 1 {\n" +
                                     clause("1", "项目", "设备奖励", "条件 设备投入 超 100万元 且 设备投入 低于 200万元 给予 设备投入 × 10%") +
                                     clause("2", "项目", "设备奖励", "条件 设备投入 超 50万元 给予 20万元") + "}",
                                 kTakeHighest));
  };
  auto c = strict("0.01元 四舍五入");
  ASSERT_TRUE(c->program);
  expectNoShadowing(*c);
  EXPECT_EQ(claimedShadowings(*c), 0u);
  EXPECT_EQ(statusFor(*c, R"({"设备投入": "1999999.96元"})", "第1条第1款"), eval::Status::Kept);
  auto r = strict("1万元 舍去");
  ASSERT_TRUE(r->program);
  expectShadowed(*r, "第1条第1款", "第1条第2款");
  // Rounded half up to 1万元, 不超过 204万元 pays at most 20.4万元, paid as 20万元: a tie with the
  // earlier 第1款's 20万元, which wins it. 不超过 206万元 reaches 21万元: 第2款 kept at 206万元.
  auto near = [&](const std::string& bound) {
    return compileOne(std::string(kCheckSchema) +
                      roundedDoc("测试", "1万元 四舍五入",
                                 "条 1 {\n" + clause("1", "项目", "设备奖励", "条件 设备投入 超 50万元 给予 20万元") +
                                     clause("2", "项目", "设备奖励",
                                            "条件 设备投入 超 100万元 且 设备投入 不超过 " + bound + " 给予 设备投入 × 10%") +
                                     "}",
                                 kTakeHighest));
  };
  auto t = near("204万元");
  ASSERT_TRUE(t->program);
  expectShadowed(*t, "第1条第2款", "第1条第1款");
  auto u = near("206万元");
  ASSERT_TRUE(u->program);
  expectNoShadowing(*u);
  EXPECT_EQ(claimedShadowings(*u), 0u);
  EXPECT_EQ(statusFor(*u, R"({"设备投入": "206万元"})", "第1条第2款"), eval::Status::Kept);
}

TEST(CheckAudit, AnEarlierGroupThatWinsARoundedTieDropsTheDominator) {
  // Rounded to 1万元, 第1款's 10.3万元 and 第2款's 10.4万元 are both 10万元: 组一 keeps the earlier 第1款
  // and drops 第2款, which is then not there when 组二 compares it with 第3款 (9.6万元, also 10万元).
  // Before rounding 第1款 never beat 第2款, and 第3款 was claimed shadowed; the evaluator keeps it.
  // The one W0640 is 第2款's in 组一 (a rounded tie the search by ceilings once stopped before, as
  // 10.3万元 is below 10.4万元 unrounded).
  auto c = compileOne(std::string(kCheckSchema) +
                      roundedDoc("测试", "1万元 四舍五入",
                                 "条 1 {\n" + clause("1", "项目", "设备奖励", "条件 改造 给予 10.3万元") +
                                     clause("2", "项目", "规模奖励", "条件 改造 给予 10.4万元") +
                                     clause("3", "项目", "称号奖励", "条件 改造 给予 9.6万元") + "}",
                                 "不重复 组一 { 原文 \"AB\" 范围 第1条第1款, 第1条第2款 取 最高 每个 项目 }\n"
                                 "不重复 组二 { 原文 \"BC\" 范围 第1条第2款, 第1条第3款 取 最高 每个 项目 }"));
  ASSERT_TRUE(c->program);
  expectShadowed(*c, "第1条第2款", "第1条第1款");
  EXPECT_EQ(firstShadowed(*c).group, "组一");
  EXPECT_EQ(claimedShadowings(*c), 1u);
  EXPECT_EQ(statusFor(*c, R"({"改造": true})", "第1条第2款"), eval::Status::Dropped);
  EXPECT_EQ(statusFor(*c, R"({"改造": true})", "第1条第3款"), eval::Status::Kept);
}

// ---- shadowing by ceilings: a dominating rate bounded below by its own conditions -----------------

// 第1款 (`a`) in 甲, which rounds to 0.01元, against 第2款 (`b`) in 乙, which rounds to 1万元, in one group
// over both documents: the two round differently, so only ceilings can prove a W0640 — applicant by
// applicant, 乙's rounding could bring 第2款 below 第1款.
std::unique_ptr<Checked> acrossRoundings(const std::string& a, const std::string& b) {
  return compileOne(std::string(kCheckSchema) +
                    doc("甲", "条 1 {\n" + clause("1", "项目", "设备奖励", a) + "}", kAllDocuments) +
                    roundedDoc("乙", "1万元 四舍五入", "条 1 {\n" + clause("2", "项目", "设备奖励", b) + "}"));
}

// The claim must not be made: none confirmed, none claimed, and the evaluator keeps 第1款 for `project`.
void expectKept(const Checked& c, const std::string& project) {
  ASSERT_TRUE(c.program);
  expectNoShadowing(c);
  EXPECT_EQ(claimedShadowings(c), 0u);
  EXPECT_EQ(statusFor(c, project, "第1条第1款"), eval::Status::Kept);
}

// 第1款 is shadowed by 第2款, and the message says what each pays as `says`.
void expectShadowedSaying(const Checked& c, const std::string& says) {
  ASSERT_TRUE(c.program);
  expectShadowed(c, "第1条第1款", "第1条第2款");
  EXPECT_NE(firstShadowed(c).message.find(says), std::string::npos) << c.listing();
}

TEST(CheckAudit, ARateItsConditionsBoundBelowShadowsALowerFixedAmount) {
  // 设备投入 达 300万元 以上 at 10 %: at least 30万元 wherever 第2款 pays, and it pays wherever 第1款
  // does, which pays 20万元. Under 上限 25万元 still at least 25万元; under 上限 15万元 it pays 15万元, and
  // 第1款 is kept. 35万元 is above what 第2款 pays at 300万元: kept there.
  const std::string a = "条件 设备投入 达 300万元 以上 且 改造 给予 ";
  const std::string b = "条件 设备投入 达 300万元 以上 给予 设备投入 × 10%";
  expectShadowedSaying(*acrossRoundings(a + "20万元", b),
                       "(at least 30万元, the least `设备投入 × 10%` pays under its conditions, vs at most 20万元)");
  expectShadowedSaying(*acrossRoundings(a + "20万元", b + " 上限 25万元"), "(25万元 vs at most 20万元)");
  expectKept(*acrossRoundings(a + "20万元", b + " 上限 15万元"), R"({"设备投入": "500万元", "改造": true})");
  expectKept(*acrossRoundings(a + "35万元", b), R"({"设备投入": "300万元", "改造": true})");
}

TEST(CheckAudit, ARateBoundedBelowShadowsARateOfAnotherBaseBoundedAbove) {
  // 第1款 pays 10 % of 投资, at most 200万元: at most 20万元; 第2款 at least 30万元. Neither has a ceiling
  // of its own, and they read different facts: only their conditions compare them. With 投资 up to
  // 400万元, 第1款 pays 40万元 and is kept.
  auto article = [&](const std::string& bound) {
    return oneArticle({"条件 设备投入 达 300万元 以上 且 投资 不超过 " + bound + " 给予 投资 × 10%",
                       "条件 设备投入 达 300万元 以上 给予 设备投入 × 10%"},
                      kTakeHighest);
  };
  expectShadowedSaying(*article("200万元"), "(at least 30万元, the least `设备投入 × 10%` pays under its conditions, "
                                            "vs at most 20万元, the most `投资 × 10%` pays under its conditions)");
  expectKept(*article("400万元"), R"({"设备投入": "300万元", "投资": "400万元"})");
}

TEST(CheckAudit, ATableEntrysKeyBoundsTheDominatingRateInThatEntry) {
  // Above 300万元 第2款 pays 5 %: more than 15万元, which its condition (超 200万元) alone would put at
  // 10万元; up to 300万元 12 %, more than 24万元. So more than 15万元, above 第1款's 14万元: shadowed.
  // 16万元 is more than 15.0005万元 (at 300.01万元), which 乙 rounds to 15万元: 第1款 kept there.
  const std::string b = "条件 设备投入 超 200万元 给予 分档 设备投入 超 { 300万元: 设备投入 × 5%; 200万元: 设备投入 × 12% }";
  expectShadowedSaying(*acrossRoundings("条件 设备投入 超 200万元 且 改造 给予 14万元", b),
                       "(more than 15万元, the least `分档");
  expectKept(*acrossRoundings("条件 设备投入 超 200万元 且 改造 给予 16万元", b), R"({"设备投入": "300.01万元", "改造": true})");
}

TEST(CheckAudit, ALowerBoundInOnlySomeAlternativesDoesNotBoundTheDominatingRate) {
  // With 改造, 第2款 pays 10 % of any 设备投入: 10万元 at 100万元, below 第1款's 20万元. When the other
  // alternative bounds it too (250万元), at least 25万元: shadowed.
  expectKept(*acrossRoundings("条件 改造 给予 20万元", "条件 设备投入 达 300万元 以上 或 改造 给予 设备投入 × 10%"),
             R"({"设备投入": "100万元", "改造": true})");
  expectShadowedSaying(*acrossRoundings("条件 改造 且 设备投入 达 250万元 以上 给予 20万元",
                                        "条件 设备投入 达 300万元 以上 或 (改造 且 设备投入 达 250万元 以上) 给予 设备投入 × 10%"),
                       "(at least 25万元, the least `设备投入 × 10%` pays under its conditions");
}

TEST(CheckAudit, AStrictLowerBoundIsComparedAsTheDocumentRoundsTheAmountsAboveIt) {
  // 超 200万元 at 10 %: more than 20万元, which rounded down (舍去) to 1万元 is 20万元 (at 200.5万元), a
  // tie the earlier 第1款 wins; rounded up (进一), at least 21万元: shadowed. Applicant by applicant 第2款
  // would need 1万元 more than 第1款 before rounding, which it does not pay.
  auto article = [&](const std::string& rounding) {
    return compileOne(std::string(kCheckSchema) +
                      roundedDoc("测试", rounding,
                                 "条 1 {\n" + clause("1", "项目", "设备奖励", "条件 设备投入 超 200万元 且 改造 给予 20万元") +
                                     clause("2", "项目", "设备奖励", "条件 设备投入 超 200万元 给予 设备投入 × 10%") + "}",
                                 kTakeHighest));
  };
  expectKept(*article("1万元 舍去"), R"({"设备投入": "200.5万元", "改造": true})");
  expectShadowedSaying(*article("1万元 进一"), "(more than 20万元, the least `设备投入 × 10%` pays under its conditions");
}

TEST(CheckAudit, ADominatingRateUnderACapThatIsNotAConstantHasNoLowest) {
  // Capped at 10 % of 投资, 第2款 pays 1万元 when 投资 is 10万元, whatever 设备投入: 第1款 is kept.
  for (const char* b : {"设备投入 × 10% 上限 投资 × 10%", "设备投入 × 10% 封顶 投资 × 10%"}) {
    expectKept(*acrossRoundings("条件 设备投入 达 300万元 以上 且 改造 给予 20万元",
                                std::string("条件 设备投入 达 300万元 以上 给予 ") + b),
               R"({"设备投入": "300万元", "投资": "10万元", "改造": true})");
  }
}

// ---- overlaps and conflicts -----------------------------------------------------------------------

TEST(CheckAudit, AmountsThatDifferForSomeApplicantAreAConflict) {
  // A cap against none, rates of different bases, ranges with different lower ends: the amounts
  // differ beyond the cap, when the bases differ, and in the range.
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"给予 设备投入 × 10% 上限 200万元", "给予 设备投入 × 10%"},
      {"给予 设备投入 × 10%", "给予 投资 × 10%"},
      {"给予 (10万元 至 20万元)", "给予 (15万元 至 20万元)"},
  };
  for (const auto& [x, y] : pairs) {
    auto c = oneArticle({"条件 改造 " + x, "条件 改造 " + y});
    ASSERT_TRUE(c->program);
    EXPECT_TRUE(c->find(FindingKind::Overlap).empty()) << x << " / " << y << "\n" << c->listing();
    EXPECT_EQ(c->find(FindingKind::Conflict).size(), 1u) << x << " / " << y << "\n" << c->listing();
    replayEvery(*c);
  }
}

TEST(CheckAudit, AnOverlapThatAGroupAlwaysSettlesWithAThirdClauseIsCovered) {
  // 丙's group drops its 第2款 for its 第1款 (30万元) whenever 甲's clause and 丙 第2款 both pay: the two
  // never both count, so the pair is W0603, not W0601.
  auto c = compileOne(std::string(kCheckSchema) +
                      doc("甲", "条 1 {\n" + clause("1", "项目", "设备奖励", "条件 设备投入 超 50万元 给予 20万元") + "}") +
                      doc("丙", "条 1 {\n" + clause("1", "项目", "规模奖励", "条件 设备投入 超 50万元 给予 30万元") +
                                    clause("2", "项目", "设备奖励", "条件 设备投入 超 10万元 给予 20万元") + "}",
                          "不重复 本 { 原文 \"就高\" 范围 文件 取 最高 }"));
  ASSERT_TRUE(c->program);
  EXPECT_TRUE(c->find(FindingKind::Overlap).empty()) << c->listing();
  auto f = c->find(FindingKind::CoveredOverlap);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_EQ(f[0]->group, "本");
  replayEvery(*c);
}

TEST(CheckAudit, AnOverlapClaimsEqualAmountsOnlyWhenTheyAreEqualForEveryone) {
  // A rate that the conditions pin to 10万元 and a fixed 10万元: equal for every applicant, but not
  // provably so from the amounts: the message speaks of the witness only.
  auto c = oneArticle({"条件 设备投入 达 100万元 以上 且 设备投入 不超过 100万元 给予 设备投入 × 10%",
                       "条件 设备投入 超 50万元 给予 10万元"});
  ASSERT_TRUE(c->program);
  auto f = c->find(FindingKind::Overlap);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_EQ(f[0]->message.find("each)"), std::string::npos) << f[0]->message;
  EXPECT_NE(f[0]->message.find("the witness is paid 10万元 by each"), std::string::npos) << f[0]->message;
  replayEvery(*c);
}

// ---- values and ranges ----------------------------------------------------------------------------

TEST(CheckAudit, AGapOnADatePrintsTheDate) {
  auto c = compileOne(
      "主体 企业 {\n  事实 放款日期: 日期\n}\n标的 T3\n" +
      doc("甲", "条 1 {\n" + clause("1", "企业", "T3", "条件 放款日期 超 2023-12-31 给予 20万元") +
                    clause("2", "企业", "T3", "条件 放款日期 低于 2023-12-31 给予 10万元") + "}"));
  ASSERT_TRUE(c->program);
  auto f = c->find(FindingKind::TierGap);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_NE(f[0]->message.find("企业.放款日期 = 2023-12-31"), std::string::npos) << f[0]->message;
  replayEvery(*c);
}

// A witness reads as an applicant. Z3's model of a comparison between two dates (no box can hold it)
// was the smallest it met: 1970-01-01 and 1970-01-02, a loan of 101元 above a bound of 100元. Its
// amounts are whole 万元 where the conditions allow, its dates inside the 有效期, on every run.
TEST(CheckAudit, AWitnessHasRoundAmountsAndDatesWhileInForce) {
  const std::string policy =
      "主体 企业 {\n  事实 放款日期: 日期\n  事实 竣工日期: 日期\n  事实 贷款: 元\n}\n标的 T3\n" +
      doc("甲", "有效期 自 2023-01-01 至 2025-12-31\n条 1 {\n" +
                    clause("1", "企业", "T3", "条件 放款日期 低于 竣工日期 且 贷款 超 100元 给予 20万元") +
                    clause("2", "企业", "T3", "条件 放款日期 低于 竣工日期 给予 10万元") + "}");
  auto c = compileOne(policy);
  ASSERT_TRUE(c->program);
  auto f = c->find(FindingKind::Conflict);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  const nlohmann::ordered_json& who = f[0]->witness["企业"];
  for (const char* day : {"放款日期", "竣工日期"}) {
    const std::string d = who.value(day, "");
    EXPECT_TRUE(d >= "2023-01-01" && d <= "2025-12-31") << day << " " << f[0]->witnessSummary;
  }
  const std::string loan = who.value("贷款", "");
  EXPECT_TRUE(loan.size() > 6 && loan.find('.') == std::string::npos && loan.substr(loan.size() - 6) == "万元")
      << f[0]->witnessSummary;
  // Two dates compared with each other are Z3's to decide, and its first answer (day 0, 100.01元)
  // is not round: the check asked again, and `polc check --stats` counts it.
  EXPECT_GT(c->result.stats.z3Reasked, 0);
  EXPECT_GT(c->result.stats.z3Queries, 0);
  replayEvery(*c);
  EXPECT_EQ(compileOne(policy)->find(FindingKind::Conflict).at(0)->witnessSummary, f[0]->witnessSummary);
}

TEST(CheckAudit, HistoryHighestKeepsToTheDeclaredRange) {
  // An earlier year's 营业收入 is at least 10亿元 (取值), or there is none: `历史最高 低于 10亿元` never
  // holds, and 首次超 20亿元 is met with no earlier year or one between 10亿元 and 20亿元.
  auto c = compileOne("主体 企业 {\n  事实 营业收入: 元 历史 取值 10亿元 至 1000亿元\n}\n标的 T2\n" +
                      doc("甲", "条 1 {\n" + clause("1", "企业", "T2", "条件 营业收入 首次超 20亿元 给予 20万元") +
                                    clause("2", "企业", "T2", "条件 历史最高(营业收入) 低于 10亿元 给予 10万元") +
                                    clause("3", "企业", "T2", "条件 历史最高(营业收入) 低于 15亿元 给予 10万元") + "}"));
  ASSERT_TRUE(c->program);
  EXPECT_EQ(c->find(FindingKind::DeadClause, "第1条第2款").size(), 1u) << c->listing();
  EXPECT_TRUE(c->find(FindingKind::DeadClause, "第1条第3款").empty()) << c->listing();
  EXPECT_TRUE(c->find(FindingKind::UndecidedPair).empty()) << c->listing();
  EXPECT_EQ(c->find(FindingKind::Conflict, "第1条第3款").size(), 1u) << c->listing();
  replayEvery(*c);
}

// ---- rates, caps and gaps over products and sums of facts -----------------------------------------

constexpr auto npos = std::string::npos;

// One clause a target, so that the clauses do not overlap with each other.
std::unique_ptr<Checked> oneEach(const std::vector<std::string>& rests, const std::string& decls = "") {
  const char* targets[] = {"设备奖励", "规模奖励", "称号奖励", "节能奖励"};
  std::string body = "条 1 {\n";
  for (std::size_t i = 0; i < rests.size() && i < 4; ++i)
    body += clause(std::to_string(i + 1), "项目", targets[i], rests[i]);
  return compileOne(std::string(kCheckSchema) + decls + doc("测试", body + "}"));
}

TEST(CheckAudit, ARateMadeOfSeveralFactorsOrARangeIsARateAbove100) {
  // The constant factors together are the rate: 60% × 2 and 240% ÷ 2 pay 120 % of the base,
  // 50% 至 150% up to 150 %. The witness is a base the rate pays more than, below the cap.
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"设备投入 × 60% × 2", "pays `60% × 2` (120 %) of `设备投入`"},
      {"设备投入 × 240% ÷ 2 上限 100万元", "pays `240% ÷ 2` (120 %) of `设备投入`"},
      {"设备投入 × (50% 至 150%)", "(up to 150 %) of `设备投入`"},
  };
  for (const auto& [amount, says] : cases) {
    auto c = oneArticle({"给予 " + amount});
    ASSERT_TRUE(c->program);
    auto f = c->find(FindingKind::RateOver100);
    ASSERT_EQ(f.size(), 1u) << amount << "\n" << c->listing();
    EXPECT_NE(f[0]->message.find(says), npos) << f[0]->message;
    ASSERT_TRUE(f[0]->expectHi && f[0]->limit) << amount;
    EXPECT_GT(*f[0]->expectHi, *f[0]->limit) << amount;
    // Amounts in words, as everywhere in a finding: "is 1元; the clause pays 1.2元", never "1.2".
    ASSERT_FALSE(f[0]->help.empty());
    EXPECT_NE(f[0]->help.back().find("the witness's 项目.设备投入 is " + eval::money(*f[0]->limit)), npos)
        << f[0]->help.back();
    EXPECT_NE(f[0]->help.back().find(eval::money(*f[0]->expectHi)), npos) << f[0]->help.back();
    replayEvery(*c);
  }
  // 120% × 50% pays 60 % of the base; a range up to 90 % never pays more than it.
  for (const char* amount : {"设备投入 × 120% × 50%", "设备投入 × (50% 至 90%)"}) {
    auto c = oneArticle({std::string("给予 ") + amount});
    ASSERT_TRUE(c->program);
    EXPECT_TRUE(c->find(FindingKind::RateOver100).empty()) << amount << "\n" << c->listing();
  }
}

TEST(CheckAudit, ARangeOfRatesAboveAProgrammeCapIsWitnessedAtItsCap) {
  // 3 % to 5 % of 设备投入 above 100万元, at most 50万元, under a cumulative cap of 15万元: the clause
  // can pay 50万元, but its witness was any applicant it paid (100万元 and a little more, 3万元 to
  // 5万元), which showed nothing above the cap. The witness now pays the upper end at the clause's cap.
  auto c = compileOne(kindsDoc(
      "条 1 {\n" + clause("1", "项目", "设备奖励", "条件 设备投入 超 100万元 给予 (3% 至 5%) × 设备投入 封顶 50万元") + "}",
      "上限 合计 15万元 每个 企业 累计 覆盖 第1条第1款 { 原文 \"累计最高15万元\" }"));
  ASSERT_TRUE(c->program);
  auto f = c->find(FindingKind::CapAboveProgramme);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  replayEvery(*c);
}

TEST(CheckAudit, ACapThatASumOfBasesAlwaysOrNeverReachesIsReported) {
  // Both bases above 500万元, or their sum at least 1000万元: 10 % of the sum is always at the cap.
  // With 投资 free to be 0 it is not. Both bases bounded: the cap is never reached.
  auto c = oneEach({"条件 设备投入 超 500万元 且 投资 超 500万元 给予 (设备投入 + 投资) × 10% 上限 100万元",
                    "条件 设备投入 + 投资 达 1000万元 以上 给予 (设备投入 + 投资) × 10% 上限 100万元",
                    "条件 设备投入 超 500万元 给予 (设备投入 + 投资) × 10% 上限 100万元",
                    "条件 设备投入 低于 100万元 且 投资 不超过 100万元 给予 设备投入 × 10% + 投资 × 20% 上限 100万元"});
  ASSERT_TRUE(c->program);
  auto both = c->find(FindingKind::CapAlwaysReached, "第1条第1款");
  ASSERT_EQ(both.size(), 1u) << c->listing();
  EXPECT_NE(both[0]->message.find("项目.设备投入 is more than 500万元 and 项目.投资 is more than 500万元"), npos)
      << both[0]->message;
  auto sum = c->find(FindingKind::CapAlwaysReached, "第1条第2款");
  ASSERT_EQ(sum.size(), 1u) << c->listing();
  EXPECT_NE(sum[0]->message.find("项目.设备投入 + 项目.投资 is at least 1000万元"), npos) << sum[0]->message;
  EXPECT_TRUE(c->find(FindingKind::CapAlwaysReached, "第1条第3款").empty()) << c->listing();
  auto never = c->find(FindingKind::CapUnreachable, "第1条第4款");
  ASSERT_EQ(never.size(), 1u) << c->listing();
  EXPECT_NE(never[0]->message.find("pays at most 30万元"), npos) << never[0]->message;
  replayEvery(*c);
}

TEST(CheckAudit, ASumBoundsItsPartsPaidAtDifferentRates) {
  // 设备投入 + 投资 at least 1000万元, paid 10 % and 20 %: at least 100万元 (all of it 设备投入), so a
  // cap of 50万元 always cuts; at most 100万元 together: at most 20万元, below a cap of 50万元. A cap
  // of 150万元 is neither: the amount runs from 100万元 up without bound.
  auto c = oneEach({"条件 设备投入 + 投资 达 1000万元 以上 给予 设备投入 × 10% + 投资 × 20% 上限 50万元",
                    "条件 设备投入 + 投资 不超过 100万元 给予 设备投入 × 10% + 投资 × 20% 上限 50万元",
                    "条件 设备投入 + 投资 达 1000万元 以上 给予 设备投入 × 10% + 投资 × 20% 上限 150万元"});
  ASSERT_TRUE(c->program);
  auto always = c->find(FindingKind::CapAlwaysReached, "第1条第1款");
  ASSERT_EQ(always.size(), 1u) << c->listing();
  EXPECT_NE(always[0]->message.find("项目.设备投入 + 项目.投资 is at least 1000万元"), npos) << always[0]->message;
  auto never = c->find(FindingKind::CapUnreachable, "第1条第2款");
  ASSERT_EQ(never.size(), 1u) << c->listing();
  EXPECT_NE(never[0]->message.find("pays at most 20万元"), npos) << never[0]->message;
  EXPECT_TRUE(c->find(FindingKind::CapAlwaysReached, "第1条第3款").empty()) << c->listing();
  EXPECT_TRUE(c->find(FindingKind::CapUnreachable, "第1条第3款").empty()) << c->listing();
  replayEvery(*c);
}

TEST(CheckAudit, AFixedAmountAboveItsOwnCapIsACapAlwaysReached) {
  // The cap always cuts 50万元 (and the top of 最高 50万元, and the 改造 case): one of the numbers is
  // wrong. An amount equal to its cap is only said twice.
  auto c = oneEach({"给予 50万元 上限 20万元", "给予 最高 50万元 上限 20万元",
                    "给予 分情形 { 改造: 50万元; 其他: 10万元 } 上限 20万元", "给予 20万元 上限 20万元"});
  ASSERT_TRUE(c->program);
  auto fixed = c->find(FindingKind::CapAlwaysReached, "第1条第1款");
  ASSERT_EQ(fixed.size(), 1u) << c->listing();
  EXPECT_NE(fixed[0]->message.find("the amount 50万元 is above it"), npos) << fixed[0]->message;
  auto upTo = c->find(FindingKind::CapAlwaysReached, "第1条第2款");
  ASSERT_EQ(upTo.size(), 1u) << c->listing();
  EXPECT_NE(upTo[0]->message.find("the amount 最高 50万元 goes above it"), npos) << upTo[0]->message;
  auto cases = c->find(FindingKind::CapAlwaysReached, "第1条第3款");
  ASSERT_EQ(cases.size(), 1u) << c->listing();
  EXPECT_NE(cases[0]->witnessSummary.find("项目.改造"), npos) << cases[0]->witnessSummary;
  EXPECT_TRUE(c->find(FindingKind::CapAlwaysReached, "第1条第4款").empty()) << c->listing();
  replayEvery(*c);
}

TEST(CheckAudit, AGapOnASumOfFactsIsReported) {
  // 低于 / 超 the same sum: 设备投入 + 投资 = 100万元 is paid by neither case, nor by either clause.
  auto c = oneEach({"给予 分情形 { 设备投入 + 投资 低于 100万元: 1万元; 设备投入 + 投资 超 100万元: 2万元 }"});
  ASSERT_TRUE(c->program);
  auto cases = c->find(FindingKind::TierGap);
  ASSERT_EQ(cases.size(), 1u) << c->listing();
  EXPECT_NE(cases[0]->message.find("项目.设备投入 + 项目.投资 = 100万元"), npos) << cases[0]->message;
  replayEvery(*c);
  auto d = oneArticle({"条件 设备投入 + 投资 超 100万元 给予 20万元", "条件 设备投入 + 投资 低于 100万元 给予 10万元"});
  ASSERT_TRUE(d->program);
  auto clauses = d->find(FindingKind::TierGap);
  ASSERT_EQ(clauses.size(), 1u) << d->listing();
  EXPECT_NE(clauses[0]->message.find("项目.设备投入 + 项目.投资 = 100万元 falls between"), npos) << clauses[0]->message;
  replayEvery(*d);
  // 不低于 closes the gap.
  auto e = oneArticle({"条件 设备投入 + 投资 不低于 100万元 给予 20万元", "条件 设备投入 + 投资 低于 100万元 给予 10万元"});
  ASSERT_TRUE(e->program);
  EXPECT_TRUE(e->result.findings.empty()) << e->listing();
}

TEST(CheckAudit, AStretchBetweenClausesOnASumOrACountIsReported) {
  // 设备投入 + 投资 between 100万元 and 200万元: Z3 splits the middle between the parts.
  auto c = oneArticle({"条件 设备投入 + 投资 低于 100万元 给予 10万元", "条件 设备投入 + 投资 超 200万元 给予 20万元"});
  ASSERT_TRUE(c->program);
  auto sum = c->find(FindingKind::CaseRangeGap);
  ASSERT_EQ(sum.size(), 1u) << c->listing();
  EXPECT_NE(sum[0]->message.find("项目.设备投入 + 项目.投资 between 100万元 and 200万元"), npos) << sum[0]->message;
  // The message names the target no clause pays inside the stretch ("no clause of it" said nothing).
  EXPECT_NE(sum[0]->message.find("and no clause of 设备奖励 pays inside it"), npos) << sum[0]->message;
  replayEvery(*c);
  // Whole numbers: 6 is the only count between 不超过 5 and 超 6; 不超过 5 and 达 6 以上 leave none.
  auto d = oneArticle({"条件 人数 不超过 5 给予 1万元", "条件 人数 超 6 给予 2万元"}, "", "企业");
  ASSERT_TRUE(d->program);
  auto count = d->find(FindingKind::CaseRangeGap);
  ASSERT_EQ(count.size(), 1u) << d->listing();
  EXPECT_NE(count[0]->witnessSummary.find("企业.人数=6"), npos) << count[0]->witnessSummary;
  replayEvery(*d);
  auto e = oneArticle({"条件 人数 不超过 5 给予 1万元", "条件 人数 达 6 以上 给予 2万元"}, "", "企业");
  ASSERT_TRUE(e->program);
  EXPECT_TRUE(e->result.findings.empty()) << e->listing();
}

// A decision table's rule for the stretch between two clauses: reported only when nothing covers it.
TEST(CheckAudit, AStretchBetweenClausesIsNotReportedWhenSomethingCoversIt) {
  const std::string below = "条件 投资 低于 100万元 给予 1万元", above = "条件 投资 达 200万元 以上 给予 2万元";
  // A third clause pays inside the stretch, for every applicant or only for some (改造 projects).
  for (const std::string third : {"条件 投资 达 100万元 以上 且 投资 低于 200万元 给予 1.5万元", "条件 改造 给予 1万元"}) {
    auto c = oneArticle({below, above, third});
    ASSERT_TRUE(c->program);
    EXPECT_TRUE(c->find(FindingKind::CaseRangeGap).empty()) << third << "\n" << c->listing();
  }
  // The two clauses are for different districts: no applicant would be paid by either but for 营业收入.
  auto d = oneArticle({"条件 所在地 为 新北区 且 营业收入 低于 1亿元 给予 1万元",
                       "条件 所在地 为 武进区 且 营业收入 达 2亿元 以上 给予 2万元"},
                      "", "企业");
  ASSERT_TRUE(d->program);
  EXPECT_TRUE(d->result.findings.empty()) << d->listing();
  // Bounds that meet leave no stretch; a single value between 低于 and 超 is W0622's, not also W0624's.
  auto e = oneArticle({below, "条件 投资 达 100万元 以上 给予 2万元"});
  ASSERT_TRUE(e->program);
  EXPECT_TRUE(e->result.findings.empty()) << e->listing();
  auto f = oneArticle({below, "条件 投资 超 100万元 给予 2万元"});
  ASSERT_TRUE(f->program);
  EXPECT_EQ(f->find(FindingKind::TierGap).size(), 1u) << f->listing();
  EXPECT_TRUE(f->find(FindingKind::CaseRangeGap).empty()) << f->listing();
  // A clause bounded on both sides marks out a band on purpose: the stretch above it is not reported.
  auto g = oneArticle({"条件 投资 超 50万元 且 投资 低于 100万元 给予 1万元", above});
  ASSERT_TRUE(g->program);
  EXPECT_TRUE(g->find(FindingKind::CaseRangeGap).empty()) << g->listing();
}

TEST(CheckAudit, ADatedParameterIsReadPeriodByPeriod) {
  // The rate in force decides: above 3.5 % until 2023-06-20, at most 3.5 % after, so the first two
  // clauses never both apply (no W0605); above 3.6 % is the first period, which 改造 meets too (a
  // conflict, on a date of that period); above 5 % never holds. Read at a loan's date, the periods
  // of 超 3.6% and 低于 3.4% are apart, and a loan drawn while the rate is 3.45 % is paid by neither
  // (W0624, on the parameter's values).
  const std::string decls =
      "参数 基准利率 { 2022-01-20: 3.70%; 2023-06-20: 3.45%; 2024-07-22: 3.35% }\n"
      "主体 贷款 隶属 企业 {\n  事实 放款日期: 日期\n}\n";
  std::string body = "条 1 {\n" + clause("1", "项目", "设备奖励", "条件 基准利率 超 3.5% 给予 10万元") +
                     clause("2", "项目", "设备奖励", "条件 基准利率 不超过 3.5% 给予 20万元") +
                     clause("3", "项目", "规模奖励", "条件 基准利率 超 3.6% 给予 10万元") +
                     clause("4", "项目", "规模奖励", "条件 改造 给予 20万元") +
                     clause("5", "贷款", "称号奖励", "条件 基准利率 于 放款日期 超 3.6% 给予 10万元") +
                     clause("6", "贷款", "称号奖励", "条件 基准利率 于 放款日期 低于 3.4% 给予 20万元") +
                     clause("7", "项目", "节能奖励", "条件 基准利率 超 5% 给予 1万元") + "}";
  auto c = compileOne(std::string(kCheckSchema) + decls + doc("测试", body));
  ASSERT_TRUE(c->program);
  EXPECT_TRUE(c->find(FindingKind::UndecidedPair).empty()) << c->listing();
  EXPECT_TRUE(c->find(FindingKind::Overlap).empty()) << c->listing();
  auto conflict = c->find(FindingKind::Conflict);
  ASSERT_EQ(conflict.size(), 1u) << c->listing();
  EXPECT_NE(conflict[0]->refs[0].citation.find("第1条第3款"), npos) << c->listing();
  EXPECT_NE(conflict[0]->witnessSummary.find("评价日期 2022-"), npos) << conflict[0]->witnessSummary;
  EXPECT_EQ(c->find(FindingKind::DeadClause, "第1条第7款").size(), 1u) << c->listing();
  auto stretch = c->find(FindingKind::CaseRangeGap, "第1条第6款");
  ASSERT_EQ(stretch.size(), 1u) << c->listing();
  EXPECT_NE(stretch[0]->witnessSummary.find("贷款.放款日期=2023-06-20"), npos) << stretch[0]->witnessSummary;
  // The document has no 有效期 start, so the clauses that read the rate on the evaluation date stop
  // before 2022-01-20 (W0638); the dead one is not evaluated, and a read at the loan's date is the
  // applicant's to give.
  for (const char* read : {"第1条第1款", "第1条第2款", "第1条第3款"})
    EXPECT_EQ(c->find(FindingKind::ReadBeforeFirstValue, read).size(), 1u) << read << "\n" << c->listing();
  EXPECT_EQ(c->result.findings.size(), 6u) << c->listing();
  replayEvery(*c);
}

// A group that quotes no 原文 is named in the note, not shown as an empty 原文「」.
TEST(CheckAudit, AGroupWithoutTextIsNamedInTheNote) {
  auto c = oneArticle({"条件 改造 给予 10万元", "条件 改造 给予 20万元"},
                      "  不重复 组 {\n    范围 文件\n    取 最高\n    每个 项目\n  }");
  ASSERT_TRUE(c->program);
  auto f = c->find(FindingKind::CoveredOverlap);
  ASSERT_FALSE(f.empty()) << c->listing();
  bool named = false;
  for (const auto& n : f[0]->notes) {
    EXPECT_EQ(n.message.find("原文「」"), std::string::npos) << n.message;
    named = named || n.message == "the non-stacking group 组 (it quotes no 原文)";
  }
  EXPECT_TRUE(named) << c->listing();
}

}  // namespace
}  // namespace polc::test
