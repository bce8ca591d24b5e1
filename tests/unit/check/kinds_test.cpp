// Each kind of finding on a small policy written here, with its witness replayed through the
// reference evaluator (check/replay.h) — the claim of every finding kind is tested.
#include "check_util.h"
#include "kind_policies.h"

namespace polc::test {
namespace {

using check::FindingKind;

void replayAll(const Checked& c) {
  for (const auto& f : c.result.findings) c.expectReplays(f);
}

TEST(CheckKinds, OverlapWithEqualAmounts) {
  auto c = compileOne(kindPolicy("OverlapWithEqualAmounts"));
  ASSERT_TRUE(c->program);
  auto f = c->find(FindingKind::Overlap);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_EQ(f[0]->clauses.size(), 2u);
  EXPECT_FALSE(f[0]->witness.is_null());
  // The witness sits on the inclusive boundary of 达…以上.
  EXPECT_NE(f[0]->witnessSummary.find("项目.设备投入=100万元"), std::string::npos) << f[0]->witnessSummary;
  replayAll(*c);
}

TEST(CheckKinds, ConflictWithDifferentAmounts) {
  auto c = compileOne(kindPolicy("ConflictWithDifferentAmounts"));
  ASSERT_TRUE(c->program);
  auto f = c->find(FindingKind::Conflict);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  // Strict 超: the witness is the first whole 万元 above the higher threshold.
  EXPECT_NE(f[0]->witnessSummary.find("项目.设备投入=101万元"), std::string::npos) << f[0]->witnessSummary;
  ASSERT_EQ(f[0]->amounts.size(), 2u);
  replayAll(*c);
}

// Two 设备奖励 clauses paying `first` and `second`, the first under the enterprise's cap of 50万元.
std::unique_ptr<Checked> underACapOf50(const std::string& first, const std::string& second) {
  return compileOne(kindsDoc("条 1 {\n" + clause("1", "项目", "设备奖励", "条件 改造 给予 " + first) +
                                 clause("2", "项目", "设备奖励", "条件 改造 给予 " + second) + "}",
                             "上限 合计 50万元 每个 企业 年度 覆盖 第1条第1款 { 原文 \"单个企业最高50万元\" }"));
}

TEST(CheckKinds, AConflictNamesTheAmountsACapOverSeveralClausesLeaves) {
  // At the solver's 1000万元 the two pay 80万元 and 50万元 alone, but the enterprise's cap of 50万元
  // cuts the first to 50万元 as polc eval pays it: the witness must show different amounts there.
  auto c = underACapOf50("设备投入 × 8% 上限 80万元", "设备投入 × 5% 上限 200万元");
  ASSERT_TRUE(c->program);
  auto f = c->find(FindingKind::Conflict);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_EQ(f[0]->message.find("80万元"), std::string::npos) << f[0]->message;
  replayAll(*c);
}

TEST(CheckKinds, AnOverlapNamesTheAmountsACapOverSeveralClausesLeaves) {
  // 80万元 beside 50万元, but the cap cuts the first to 50万元 for every applicant: no one is paid
  // differently, and the finding names 50万元 each, as polc eval pays them.
  auto c = underACapOf50("80万元", "50万元");
  ASSERT_TRUE(c->program);
  EXPECT_TRUE(c->find(FindingKind::Conflict).empty()) << c->listing();
  auto f = c->find(FindingKind::Overlap);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_NE(f[0]->message.find("the witness is paid 50万元 by each"), std::string::npos) << f[0]->message;
  for (const auto& a : f[0]->amounts) EXPECT_EQ(a.find("80万元"), std::string::npos) << a;
  replayAll(*c);
}

TEST(CheckKinds, StrictAndInclusiveBoundariesDoNotOverlap) {
  auto c = compileOne(kindPolicy("StrictAndInclusiveBoundariesDoNotOverlap"));
  ASSERT_TRUE(c->program);
  EXPECT_TRUE(c->find(FindingKind::Overlap).empty()) << c->listing();
  EXPECT_TRUE(c->find(FindingKind::Conflict).empty()) << c->listing();
  EXPECT_TRUE(c->find(FindingKind::TierGap).empty()) << c->listing();
}

TEST(CheckKinds, GapAtAStrictBoundaryOnBothSides) {
  auto c = compileOne(kindPolicy("GapAtAStrictBoundaryOnBothSides"));
  ASSERT_TRUE(c->program);
  auto f = c->find(FindingKind::TierGap);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_NE(f[0]->witnessSummary.find("项目.设备投入=100万元"), std::string::npos) << f[0]->witnessSummary;
  // It said "(one says 超/低于, the other needs more than the same value)": say which needs which.
  EXPECT_NE(f[0]->message.find("at the boundary (测试 第1条第2款 needs less than it, 测试 第1条第1款 more)"),
            std::string::npos)
      << f[0]->message;
  replayAll(*c);
}

// A search the cap on pairs of alternatives stopped is said, once for the pair, with no witness: a
// clean report would read as "no gap" where one is.
TEST(CheckKinds, GapSearchCutBetweenClausesOfManyAlternatives) {
  auto c = compileOne(kindPolicy("GapSearchCutBetweenClausesOfManyAlternatives"));
  ASSERT_TRUE(c->program);
  auto f = c->find(FindingKind::GapNotSearched);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_TRUE(c->find(FindingKind::CaseRangeGap).empty()) << c->listing();
  EXPECT_EQ(f[0]->clauses.size(), 2u);
  EXPECT_TRUE(f[0]->witness.is_null());
  EXPECT_NE(f[0]->message.find("测试 第1条第1款 and 测试 第1条第2款"), std::string::npos) << f[0]->message;
  EXPECT_GE(c->result.stats.gapSearchesCut, 1);
}

// Groups apply in order (docs/ir.md, step 7): a pair a later group covers is paid together when an
// earlier group drops the one it would keep. W0603 must not say "keeps only the higher" alone there.
TEST(CheckKinds, EarlierGroupDropsTheAwardALaterOneWouldKeep) {
  auto c = compileOne(kindPolicy("EarlierGroupDropsTheAwardALaterOneWouldKeep"));
  ASSERT_TRUE(c->program);
  auto f = c->find(FindingKind::KeptAfterEarlierDrop);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  ASSERT_EQ(f[0]->clauses.size(), 3u);
  EXPECT_EQ(f[0]->refs[0].citation, "测试 第1条第2款");  // kept
  EXPECT_EQ(f[0]->refs[1].citation, "测试 第1条第1款");  // dropped by the earlier group
  EXPECT_EQ(f[0]->refs[2].citation, "测试 第1条第3款");  // kept by it instead
  EXPECT_EQ(f[0]->group, "项目内");
  EXPECT_NE(f[0]->message.find("the group 项目内, applied before it, drops 测试 第1条第1款 for 测试 第1条第3款"),
            std::string::npos)
      << f[0]->message;
  EXPECT_NE(f[0]->witnessSummary.find("项目.级别=国家级"), std::string::npos) << f[0]->witnessSummary;
  auto covered = c->find(FindingKind::CoveredOverlap);
  ASSERT_EQ(covered.size(), 1u) << c->listing();
  EXPECT_NE(covered[0]->message.find("keeps only the higher, unless the group 项目内, applied before it, drops the "
                                     "higher first (W0643)"),
            std::string::npos)
      << covered[0]->message;
  replayAll(*c);
}

// Without the earlier group's third clause nothing drops the higher first: W0603 alone, as before.
TEST(CheckKinds, NoEarlierDropNoKeptAfterEarlierDrop) {
  auto c = compileOne(kindsDoc("条 1 {\n" + clause("1", "项目", "设备奖励", "条件 改造 且 设备投入 超 100万元 给予 20万元") +
                                   clause("2", "项目", "设备奖励", "条件 设备投入 超 50万元 给予 10万元") +
                                   clause("3", "项目", "节能奖励", "条件 级别 为 国家级 给予 5万元") + "}",
                               "不重复 项目内 { 原文 \"同一项目就高\" 范围 第1条第1款, 第1条第3款 取 最高 每个 项目 }\n"
                               "不重复 同标的 { 原文 \"同一标的就高\" 范围 文件 同一 标的 取 最高 每个 项目 }"));
  ASSERT_TRUE(c->program);
  EXPECT_TRUE(c->find(FindingKind::KeptAfterEarlierDrop).empty()) << c->listing();
  auto covered = c->find(FindingKind::CoveredOverlap);
  ASSERT_EQ(covered.size(), 1u) << c->listing();
  EXPECT_EQ(covered[0]->message.find("W0643"), std::string::npos) << covered[0]->message;
}

// Two awards of one project on its 设备投入, 70 % and 50 % of it under two targets: 120 % of the base
// together (W0644), with the base and both amounts of the witness. Quiet once a group compares them
// (the evaluator drops one), or a 关系 says they go together.
TEST(CheckKinds, TwoRatesOfOneBaseAboveIt) {
  const std::string pair = clause("1", "项目", "设备奖励", "条件 改造 给予 设备投入 × 70%") +
                           clause("2", "项目", "节能奖励", "给予 设备投入 × 50%");
  auto c = compileOne(kindPolicy("TwoRatesOfOneBaseAboveIt"));
  ASSERT_TRUE(c->program);
  auto f = c->find(FindingKind::PairOverBase);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_EQ(f[0]->refs[0].citation, "测试 第1条第1款");  // the larger award first
  EXPECT_EQ(f[0]->refs[1].citation, "测试 第1条第2款");
  EXPECT_NE(f[0]->message.find("both pay the same 项目 on 项目.设备投入, and together more than it"), std::string::npos)
      << f[0]->message;
  EXPECT_NE(f[0]->message.find("(120 % of it)"), std::string::npos) << f[0]->message;
  ASSERT_TRUE(f[0]->limit);
  EXPECT_FALSE(f[0]->limit->isZero());
  replayAll(*c);
  auto grouped = compileOne(kindsDoc("条 1 {\n" + pair + "}", "不重复 组 { 原文 \"就高\" 范围 文件 取 最高 每个 项目 }"));
  ASSERT_TRUE(grouped->program);
  EXPECT_TRUE(grouped->find(FindingKind::PairOverBase).empty()) << grouped->listing();
  auto related = compileOne(kindsDoc("条 1 {\n" + clause("1", "项目", "设备奖励", "关系 第1条第2款 \"叠加\" 条件 改造 给予 设备投入 × 70%") +
                                     clause("2", "项目", "节能奖励", "给予 设备投入 × 50%") + "}"));
  ASSERT_TRUE(related->program) << related->listing();
  EXPECT_TRUE(related->find(FindingKind::PairOverBase).empty()) << related->listing();
}

// 13 awards of 60 % on one base are 78 pairs above it, past the 64 a W0644 search tries: the 14 left
// are counted (`polc check --stats`, the summary line), so that a report short of them does not read
// as "no other pair above its base". 11 of them, 55 pairs, are all tried.
TEST(CheckKinds, PairsOfOneBasePastTheCapAreCounted) {
  auto awards = [](int n) {
    std::string body = "条 1 {\n";
    for (int i = 1; i <= n; ++i)
      body += clause(std::to_string(i), "项目", i % 2 ? "设备奖励" : "节能奖励", "给予 设备投入 × 60%");
    return compileOne(kindsDoc(body + "}"));
  };
  auto many = awards(13);
  ASSERT_TRUE(many->program);
  EXPECT_EQ(many->find(FindingKind::PairOverBase).size(), static_cast<std::size_t>(check::kPairsPerBase))
      << many->listing();
  EXPECT_EQ(many->result.stats.basePairsNotTried, 13 * 12 / 2 - check::kPairsPerBase);
  auto fewer = awards(11);
  ASSERT_TRUE(fewer->program);
  EXPECT_EQ(fewer->find(FindingKind::PairOverBase).size(), 55u) << fewer->listing();
  EXPECT_EQ(fewer->result.stats.basePairsNotTried, 0);
}

TEST(CheckKinds, DifferentEnumValuesAndSetsAreDisjoint) {
  auto c = compileOne(kindPolicy("DifferentEnumValuesAndSetsAreDisjoint"));
  ASSERT_TRUE(c->program);
  EXPECT_TRUE(c->result.findings.empty()) << c->listing();
}

TEST(CheckKinds, AnyOfAndHeldOverlapNewlyRecognised) {
  auto c = compileOne(kindPolicy("AnyOfAndHeldOverlapNewlyRecognised"));
  ASSERT_TRUE(c->program);
  auto f = c->find(FindingKind::Conflict);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_NE(f[0]->witnessSummary.find("新认定 省小巨人"), std::string::npos) << f[0]->witnessSummary;
  replayAll(*c);
}

TEST(CheckKinds, CoveredByAGroupAndAcceptedByARelation) {
  auto c = compileOne(kindPolicy("CoveredByAGroupAndAcceptedByARelation"));
  ASSERT_TRUE(c->program);
  ASSERT_EQ(c->find(FindingKind::CoveredOverlap).size(), 1u) << c->listing();
  EXPECT_EQ(c->find(FindingKind::CoveredOverlap)[0]->group, "组");
  auto acc = c->find(FindingKind::AcceptedOverlap);
  ASSERT_EQ(acc.size(), 1u) << c->listing();
  EXPECT_EQ(acc[0]->relation, "两项均可享受");
  EXPECT_EQ(check::defaultSeverity(acc[0]->kind), Severity::Note);
  replayAll(*c);
}

TEST(CheckKinds, ShadowedInsideATakeTheHighestGroup) {
  auto c = compileOne(kindPolicy("ShadowedInsideATakeTheHighestGroup"));
  ASSERT_TRUE(c->program);
  auto f = c->find(FindingKind::Shadowed);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_NE(f[0]->refs[0].citation.find("第1条第1款"), std::string::npos);
  EXPECT_NE(f[0]->message.find("pays too, at least as much (20万元 vs at most 10万元)"), std::string::npos) << f[0]->message;
  replayAll(*c);
}

// The group compares ceilings: of two 最高 awards the message names them as ceilings, not as what
// the kept clause pays (the seeds' 从优从高 said the city "pays at least as much (100万元 vs at most
// 100万元)" of an award up to 100万元).
TEST(CheckKinds, ShadowedUpToAwardsAreComparedAsCeilings) {
  auto c = compileOne(kindsDoc(
      "条 1 {\n" + clause("1", "项目", "设备奖励", "条件 改造 且 设备投入 超 100万元 给予 最高 10万元") +
          clause("2", "项目", "节能奖励", "条件 设备投入 超 50万元 给予 最高 20万元") + "}",
      "不重复 就高 { 原文 \"就高不重复\" 范围 文件 取 最高 每个 项目 }"));
  ASSERT_TRUE(c->program);
  auto f = c->find(FindingKind::Shadowed);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_NE(f[0]->message.find("pays too, with a ceiling at least as high (20万元 vs at most 10万元)"),
            std::string::npos)
      << f[0]->message;
  replayAll(*c);
}

TEST(CheckKinds, AClauseUnderACapDoesNotShadow) {
  // 第2款 pays 20万元 whenever 第1款 pays 10万元, but its cumulative cap of 5万元 cuts it first, so
  // the group keeps 第1款: no W0640 (the cap finding stays).
  auto c = compileOne(kindsDoc(
      "条 1 {\n" + clause("1", "项目", "设备奖励", "条件 设备投入 超 100万元 给予 10万元") +
          clause("2", "项目", "节能奖励", "条件 设备投入 超 50万元 给予 20万元") + "}",
      "不重复 就高 { 原文 \"就高不重复\" 范围 文件 取 最高 每个 项目 }\n"
      "上限 合计 5万元 每个 项目 累计 覆盖 第1条第2款 { 原文 \"累计最高5万元\" }"));
  ASSERT_TRUE(c->program);
  EXPECT_TRUE(c->find(FindingKind::Shadowed).empty()) << c->listing();
  EXPECT_EQ(c->find(FindingKind::CapAboveProgramme).size(), 1u) << c->listing();
  replayAll(*c);
}

TEST(CheckKinds, DeadClauseAndContradictoryExclusion) {
  auto c = compileOne(kindPolicy("DeadClauseAndContradictoryExclusion"));
  ASSERT_TRUE(c->program);
  auto dead = c->find(FindingKind::DeadClause);
  ASSERT_EQ(dead.size(), 2u) << c->listing();
  EXPECT_NE(dead[0]->message.find("投资 > 1000万元"), std::string::npos) << dead[0]->message;
  EXPECT_EQ(c->find(FindingKind::DeadClause, "第1条第4款").size(), 1u) << "no whole count between 5 and 6";
  EXPECT_TRUE(c->find(FindingKind::DeadClause, "第1条第3款").empty()) << "6 is between 5 and 7";
  auto ex = c->find(FindingKind::ContradictoryExclusion);
  ASSERT_EQ(ex.size(), 1u) << c->listing();
  replayAll(*c);
}

TEST(CheckKinds, AlwaysTrueCondition) {
  auto c = compileOne(kindPolicy("AlwaysTrueCondition"));
  ASSERT_TRUE(c->program);
  ASSERT_EQ(c->find(FindingKind::AlwaysTrue).size(), 1u) << c->listing();
  replayAll(*c);
}

TEST(CheckKinds, HigherTierPaysLess) {
  auto c = compileOne(kindPolicy("HigherTierPaysLess"));
  ASSERT_TRUE(c->program);
  auto f = c->find(FindingKind::TierPaysLess);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_NE(f[0]->witnessSummary.find("企业.营业收入=10000001万元"), std::string::npos) << f[0]->witnessSummary;
  EXPECT_FALSE(f[0]->contrast.is_null());
  replayAll(*c);
}

TEST(CheckKinds, ThresholdsOutOfOrderAndUnreachableCases) {
  auto c = compileOne(kindPolicy("ThresholdsOutOfOrderAndUnreachableCases"));
  ASSERT_TRUE(c->program);
  ASSERT_EQ(c->find(FindingKind::TierOrder).size(), 1u) << c->listing();
  ASSERT_EQ(c->find(FindingKind::TierUnreachable).size(), 1u) << c->listing();
  replayAll(*c);
}

TEST(CheckKinds, GapBetweenCases) {
  auto c = compileOne(kindPolicy("GapBetweenCases"));
  ASSERT_TRUE(c->program);
  auto f = c->find(FindingKind::TierGap);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  replayAll(*c);
}

// A decision table's missing rule: values between two cases that neither pays, reported once per
// table, with an applicant inside the stretch; not when the clause's condition leaves the stretch
// out, nor between cases that meet.
TEST(CheckKinds, RangeGapBetweenCases) {
  auto c = compileOne(kindPolicy("RangeGapBetweenCases"));
  ASSERT_TRUE(c->program);
  EXPECT_TRUE(c->find(FindingKind::TierGap).empty()) << c->listing();
  auto f = c->find(FindingKind::CaseRangeGap);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_STREQ(codeOf(f[0]->kind), "W0624");
  EXPECT_NE(f[0]->message.find("第1条第1款"), std::string::npos) << f[0]->message;
  EXPECT_NE(f[0]->message.find("between 100万元 and 200万元"), std::string::npos) << f[0]->message;
  replayAll(*c);
}

// The same missing rule across two clauses of one target and subject: one pays below 100万元, the
// other from 200万元, and no clause in between; the witness sits in the middle of the stretch.
TEST(CheckKinds, RangeGapBetweenClauses) {
  auto c = compileOne(kindPolicy("RangeGapBetweenClauses"));
  ASSERT_TRUE(c->program);
  EXPECT_TRUE(c->find(FindingKind::TierGap).empty()) << c->listing();
  auto f = c->find(FindingKind::CaseRangeGap);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_NE(f[0]->message.find("项目.投资 between 100万元 and 200万元 falls between 测试 第1条第1款 and 测试 第1条第2款"),
            std::string::npos)
      << f[0]->message;
  EXPECT_NE(f[0]->witnessSummary.find("项目.投资=150万元"), std::string::npos) << f[0]->witnessSummary;
  EXPECT_EQ(f[0]->clauses.size(), 2u);
  replayAll(*c);
}

// 以上 and 以下 of one number both include it: the applicant at the bound meets two cases and is
// paid the first. Not when one side is strict, nor when the clause's condition excludes the bound,
// nor when both cases pay the same.
TEST(CheckKinds, CasesShareABound) {
  auto c = compileOne(kindPolicy("CasesShareABound"));
  ASSERT_TRUE(c->program);
  auto f = c->find(FindingKind::CaseSharedBound);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_STREQ(codeOf(f[0]->kind), "W0625");
  EXPECT_NE(f[0]->message.find("第1条第1款"), std::string::npos) << f[0]->message;
  EXPECT_NE(f[0]->message.find("= 100万元 meets two cases"), std::string::npos) << f[0]->message;
  EXPECT_NE(f[0]->witnessSummary.find("项目.投资=100万元"), std::string::npos) << f[0]->witnessSummary;
  ASSERT_TRUE(f[0]->expectHi);
  EXPECT_EQ(f[0]->expectHi->toString(), "20000");
  EXPECT_TRUE(c->find(FindingKind::TierPaysLess).empty()) << c->listing();
  replayAll(*c);
}

TEST(CheckKinds, Caps) {
  auto c = compileOne(kindPolicy("Caps"));
  ASSERT_TRUE(c->program);
  EXPECT_EQ(c->find(FindingKind::CapAboveProgramme).size(), 1u) << c->listing();
  EXPECT_EQ(c->find(FindingKind::CapUnreachable).size(), 1u) << c->listing();
  EXPECT_EQ(c->find(FindingKind::CapAlwaysReached).size(), 1u) << c->listing();
  EXPECT_EQ(c->find(FindingKind::RateOver100).size(), 1u) << c->listing();
  EXPECT_EQ(c->find(FindingKind::CapNotPositive).size(), 1u) << c->listing();
  replayAll(*c);
}

TEST(CheckKinds, RoundingMovesAWrittenAmount) {
  auto c = compileOne(kindPolicy("RoundingMovesAWrittenAmount"));
  ASSERT_TRUE(c->program);
  auto f = c->find(FindingKind::RoundingMovesAmount);
  ASSERT_EQ(f.size(), 4u) << c->listing();
  EXPECT_STREQ(codeOf(f[0]->kind), "W0635");
  // The cap of a rate, reached by the witness and paid above itself.
  auto cap = c->find(FindingKind::RoundingMovesAmount, "第1条第1款");
  ASSERT_EQ(cap.size(), 1u) << c->listing();
  EXPECT_NE(cap[0]->message.find("the cap 10.5万元 of"), std::string::npos) << cap[0]->message;
  EXPECT_NE(cap[0]->message.find("pays an applicant at the cap 11万元, above it"), std::string::npos) << cap[0]->message;
  EXPECT_EQ(cap[0]->expectHi->toString(), "110000");
  // A fixed amount and the ceiling of 最高, paid other than as written.
  auto fixed = c->find(FindingKind::RoundingMovesAmount, "第1条第2款");
  ASSERT_EQ(fixed.size(), 1u) << c->listing();
  EXPECT_NE(fixed[0]->message.find("the amount 2.5万元 of"), std::string::npos) << fixed[0]->message;
  EXPECT_NE(fixed[0]->message.find("pays it as 3万元"), std::string::npos) << fixed[0]->message;
  EXPECT_EQ(c->find(FindingKind::RoundingMovesAmount, "第1条第4款").size(), 1u) << c->listing();
  // The cap of a sum of bases: the witness's sum reaches it.
  EXPECT_EQ(c->find(FindingKind::RoundingMovesAmount, "第1条第5款").size(), 1u) << c->listing();
  // A cap that is a multiple of the unit.
  EXPECT_TRUE(c->find(FindingKind::RoundingMovesAmount, "第1条第3款").empty()) << c->listing();
  replayAll(*c);
}

TEST(CheckKinds, RoundingWithinTheWrittenAmountIsNotReported) {
  const std::string body = "条 1 {\n" + clause("1", "项目", "设备奖励", "给予 设备投入 × 10% 上限 10.5万元") +
                           clause("2", "项目", "节能奖励", "条件 改造 给予 2万元") + "}";
  // Rounded down, the cap is still kept; 2万元 is a multiple of 1万元.
  auto down = compileOne(roundingDoc("1万元 舍去", body));
  ASSERT_TRUE(down->program);
  EXPECT_TRUE(down->find(FindingKind::RoundingMovesAmount).empty()) << down->listing();
  // A unit that divides both.
  auto fine = compileOne(roundingDoc("0.5万元 进一", body));
  ASSERT_TRUE(fine->program);
  EXPECT_TRUE(fine->find(FindingKind::RoundingMovesAmount).empty()) << fine->listing();
  // Rounded up, only the cap is paid above itself.
  auto up = compileOne(roundingDoc("1万元 向上取整", body));
  ASSERT_TRUE(up->program);
  EXPECT_EQ(up->find(FindingKind::RoundingMovesAmount).size(), 1u) << up->listing();
  replayAll(*up);
}

// A cap that is not a constant (`上限 投资 × 10%`, `封顶 投资 × 10%`) can cut the amount below what the
// rounding moves: the shapes leave it out, so the witness need not be paid the written amount at all
// (with no 投资 it is not evaluated), and W0635 says nothing of such a clause.
TEST(CheckKinds, RoundingIsNotClaimedUnderACapThatIsNotAConstant) {
  auto c = compileOne(roundingDoc(
      "1万元 进一", "条 1 {\n" + clause("1", "项目", "设备奖励", "给予 10.5万元 上限 投资 × 10%") +
                       clause("2", "项目", "节能奖励", "给予 (10.5万元 封顶 投资 × 10%)") +
                       clause("3", "项目", "规模奖励", "给予 设备投入 × 10% 上限 12.5万元") + "}"));
  ASSERT_TRUE(c->program);
  EXPECT_TRUE(c->find(FindingKind::RoundingMovesAmount, "第1条第1款").empty()) << c->listing();
  EXPECT_TRUE(c->find(FindingKind::RoundingMovesAmount, "第1条第2款").empty()) << c->listing();
  EXPECT_EQ(c->find(FindingKind::RoundingMovesAmount, "第1条第3款").size(), 1u) << c->listing();
  replayAll(*c);
}

TEST(CheckKinds, AmountsBelowZero) {
  auto c = compileOne(kindPolicy("AmountsBelowZero"));
  ASSERT_TRUE(c->program);
  auto tier = c->find(FindingKind::NegativeAmount, "第1条第1款");
  ASSERT_EQ(tier.size(), 1u) << c->listing();
  EXPECT_STREQ(codeOf(tier[0]->kind), "W0636");
  EXPECT_NE(tier[0]->message.find("in its tier `省级` pays -20万元, below 0"), std::string::npos) << tier[0]->message;
  EXPECT_NE(tier[0]->witnessSummary.find("项目.级别=省级"), std::string::npos) << tier[0]->witnessSummary;
  // Its table is left alone: the higher tier paying less would need the witness evaluated.
  EXPECT_TRUE(c->find(FindingKind::TierPaysLess).empty()) << c->listing();
  // A constant the amount comes to, not only one written.
  EXPECT_EQ(c->find(FindingKind::NegativeAmount, "第1条第2款").size(), 1u) << c->listing();
  // 0元 is an amount, not below 0, and the rate's case holds only for an increase above 0.
  EXPECT_TRUE(c->find(FindingKind::NegativeAmount, "第1条第3款").empty()) << c->listing();
  // An amount with a negative part, below 0 for a small base: the witness has one.
  auto part = c->find(FindingKind::NegativeAmount, "第1条第4款");
  ASSERT_EQ(part.size(), 1u) << c->listing();
  EXPECT_NE(part[0]->message.find("can pay below 0: `投资 × 10% - 5万元` is"), std::string::npos) << part[0]->message;
  replayAll(*c);
}

// An overlap of a clause that pays below 0 for some applicants (W0636) is decided on an applicant
// it pays 0 or more: the solver's first one (投资 above 设备投入) stopped the evaluation, and the pair
// was said undecided with a witness that does not evaluate.
TEST(CheckKinds, AnOverlapIsDecidedOnAnApplicantPaidNoLessThanZero) {
  auto c = compileOne(roundingDoc("1万元 进一", "条 1 {\n" +
                                      clause("1", "项目", "设备奖励", "条件 设备投入 超 300万元 给予 (设备投入 - 投资) × 10%") +
                                      clause("2", "项目", "设备奖励", "条件 设备投入 超 400万元 给予 1万元") + "}\n" +
                                      "不重复 组 { 原文 \"就高\" 范围 文件 取 最高 每个 项目 }"));
  ASSERT_TRUE(c->program);
  EXPECT_TRUE(c->find(FindingKind::UndecidedPair).empty()) << c->listing();
  EXPECT_EQ(c->find(FindingKind::CoveredOverlap).size(), 1u) << c->listing();
  EXPECT_EQ(c->find(FindingKind::NegativeAmount).size(), 1u) << c->listing();
  replayAll(*c);
}

// A cap below 0 stops the evaluation (a cap of 0 pays nothing, W0634): the clause's 上限, a 封顶 in the
// amount, and a 上限 that is not a constant but below 0 for some applicant.
TEST(CheckKinds, ACapBelowZeroStopsTheEvaluation) {
  auto c = compileOne(kindsDoc("条 1 {\n" + clause("1", "项目", "设备奖励", "给予 设备投入 × 10% 上限 -60万元") +
                               clause("2", "项目", "节能奖励", "给予 设备投入 × 10% 封顶 -5万元") +
                               clause("3", "企业", "规模奖励", "条件 制造业 给予 10万元 上限 0元") +
                               clause("4", "企业", "称号奖励", "给予 人数 × 100元 上限 人数 × 100元 - 10万元") +
                               clause("5", "项目", "设备奖励", "条件 设备投入 超 100万元 给予 10万元") + "}"));
  ASSERT_TRUE(c->program);
  auto cap = c->find(FindingKind::NegativeAmount, "第1条第1款");
  ASSERT_EQ(cap.size(), 1u) << c->listing();
  EXPECT_NE(cap[0]->message.find("has the cap -60万元, below 0"), std::string::npos) << cap[0]->message;
  EXPECT_EQ(c->find(FindingKind::NegativeAmount, "第1条第2款").size(), 1u) << c->listing();
  EXPECT_TRUE(c->find(FindingKind::CapNotPositive, "第1条第1款").empty()) << c->listing();
  EXPECT_TRUE(c->find(FindingKind::CapNotPositive, "第1条第2款").empty()) << c->listing();
  EXPECT_EQ(c->find(FindingKind::CapNotPositive, "第1条第3款").size(), 1u) << c->listing();
  auto linear = c->find(FindingKind::NegativeAmount, "第1条第4款");
  ASSERT_EQ(linear.size(), 1u) << c->listing();
  EXPECT_NE(linear[0]->message.find("the cap `人数 × 100元 - 10万元` of"), std::string::npos) << linear[0]->message;
  // A clause that pays no applicant is not paired: no undecided overlap with 第1条第5款.
  EXPECT_TRUE(c->find(FindingKind::UndecidedPair).empty()) << c->listing();
  replayAll(*c);
}

// A rate of an increase pays below 0 when the number fell, unless a condition says it rose.
TEST(CheckKinds, ARateOfAnIncreaseThatCanFallPaysBelowZero) {
  auto c = compileOne(kindsDoc("条 1 {\n" + clause("1", "企业", "规模奖励", "给予 增量(营业收入) × 5%") +
                               clause("2", "企业", "称号奖励", "条件 增量(营业收入) 超 0元 给予 增量(营业收入) × 5%") + "}"));
  ASSERT_TRUE(c->program);
  auto f = c->find(FindingKind::NegativeAmount);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_EQ(f[0]->refs.at(0).citation, "测试 第1条第1款");
  EXPECT_NE(f[0]->witnessSummary.find("增量(企业.营业收入)=-"), std::string::npos) << f[0]->witnessSummary;
  replayAll(*c);
}

// A condition the solver cannot model (a text compared) leaves the witness short of it: W0635 and
// W0636 are reported only when the evaluator shows them (fuzz_check found W0635 claimed there).
TEST(CheckKinds, RoundingAndNegativeAmountsAreReportedOnlyWhereTheEvaluatorShowsThem) {
  auto c = compileOne(roundingDoc("1万元 进一", "条 1 {\n" +
                                                  clause("1", "企业", "规模奖励", "条件 名称 == \"甲\" 给予 2.5万元") +
                                                  clause("2", "企业", "称号奖励", "条件 名称 == \"乙\" 给予 -1万元") +
                                                  clause("3", "企业", "设备奖励", "条件 制造业 给予 2.5万元") + "}"));
  ASSERT_TRUE(c->program);
  EXPECT_TRUE(c->find(FindingKind::RoundingMovesAmount, "第1条第1款").empty()) << c->listing();
  EXPECT_TRUE(c->find(FindingKind::NegativeAmount, "第1条第2款").empty()) << c->listing();
  EXPECT_EQ(c->find(FindingKind::RoundingMovesAmount, "第1条第3款").size(), 1u) << c->listing();
  replayAll(*c);
}

TEST(CheckKinds, CrossFactArithmeticGoesToZ3) {
  // 增量 with the current value: the box cannot treat them apart; Z3 decides (and finds no overlap).
  auto c = compileOne(kindPolicy("CrossFactArithmeticGoesToZ3"));
  ASSERT_TRUE(c->program);
  EXPECT_EQ(c->find(FindingKind::DeadClause, "第1条第1款").size(), 1u) << c->listing();
  EXPECT_TRUE(c->find(FindingKind::DeadClause, "第1条第2款").empty()) << c->listing();
  EXPECT_GT(c->result.stats.z3Queries, 0);
  replayAll(*c);
}

TEST(CheckKinds, AProjectsAndAnEnterprisesClausesOfDifferentDistrictsAreNeverPaired) {
  // 9 project clauses and 9 enterprise clauses on one target, in two districts alternately: the
  // pairs across the two buckets are split on the district as a bucket of one subject is, so only
  // 5 × 4 + 4 × 5 of the 81 cross pairs are candidates, besides the 2 × 36 inside the buckets (too
  // small to split; those of one district, 10 + 6 in each, overlap), and every cross candidate overlaps.
  std::string body = "条 1 {\n";
  const char* districts[] = {"新北区", "武进区"};
  for (int i = 0; i < 18; ++i)
    body += clause(std::to_string(i + 1), i < 9 ? "项目" : "企业", "规模奖励",
                   std::string("条件 所在地 为 ") + districts[i % 2] + " 且 人数 超 " + std::to_string(i) + " 给予 5万元");
  auto c = compileOne(kindsDoc(body + "}"));
  ASSERT_TRUE(c->program);
  EXPECT_EQ(c->result.stats.candidatePairs, 2 * 36 + 4 * 5 + 5 * 4);
  EXPECT_EQ(c->find(FindingKind::Overlap).size(), 2u * 16u + 40u) << c->listing();
}

TEST(CheckKinds, ClausesOfDifferentDistrictsAreNeverPaired) {
  // 24 clauses on one target and subject, 8 per district: the bucket is split on the district each
  // clause forces, so only pairs inside a district are candidates (3 × 28, not 276), and each of
  // those overlaps.
  std::string body = "条 1 {\n";
  const char* districts[] = {"新北区", "武进区", "溧阳市"};
  for (int i = 0; i < 24; ++i)
    body += clause(std::to_string(i + 1), "企业", "规模奖励",
                   std::string("条件 所在地 为 ") + districts[i % 3] + " 且 人数 超 " + std::to_string(i) + " 给予 5万元");
  auto c = compileOne(kindsDoc(body + "}"));
  ASSERT_TRUE(c->program);
  EXPECT_EQ(c->result.stats.candidatePairs, 3 * 28);
  EXPECT_EQ(c->find(FindingKind::Overlap).size(), 3u * 28u) << c->listing();
  EXPECT_EQ(c->result.findings.size(), 3u * 28u) << c->listing();
}

TEST(CheckKinds, AHigherEnumMemberPaysLess) {
  // 级别 is ordered (国家级 > 省级 > 市级): the national tier paying less than the provincial one is
  // W0620, though no applicant meets both; the witness is national, the contrast provincial.
  auto c = compileOne(kindPolicy("AHigherEnumMemberPaysLess"));
  ASSERT_TRUE(c->program);
  auto f = c->find(FindingKind::TierPaysLess);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_NE(f[0]->witnessSummary.find("项目.级别=国家级"), std::string::npos) << f[0]->witnessSummary;
  EXPECT_EQ(f[0]->contrastHi->normalized().toString(), "200000");
  replayAll(*c);
}

TEST(CheckKinds, ARepeatedThresholdIsUnreachableNotATierPayingLess) {
  // The second `10` is never chosen, so nobody is paid its 2万元: no "higher tier pays less".
  auto c = compileOne(kindsDoc("条 1 {\n" + clause("1", "企业", "规模奖励", "给予 分档 人数 达 { 10: 1万元; 10: 2万元 }") + "}"));
  ASSERT_TRUE(c->program);
  EXPECT_TRUE(c->find(FindingKind::TierPaysLess).empty()) << c->listing();
  ASSERT_EQ(c->find(FindingKind::TierOrder).size(), 1u) << c->listing();
  replayAll(*c);
}

// 40 alternatives are more than the 32 boxes of the exact expansion: Z3 decides the pair.
std::string largeDisjunctionDoc() {
  std::string any;
  for (int i = 0; i < 40; ++i) any += (i ? " 或 人数 为 " : "人数 为 ") + std::to_string(i);
  return kindsDoc("条 1 {\n" + clause("1", "企业", "规模奖励", "条件 " + any + " 给予 1万元") +
                  clause("2", "企业", "规模奖励", "条件 人数 超 38 且 人数 低于 41 给予 2万元") + "}");
}

TEST(CheckKinds, ALargeDisjunctionGoesToZ3) {
  // The overlap Z3 finds (人数 = 39) is confirmed by the evaluator.
  auto c = compileOne(largeDisjunctionDoc());
  ASSERT_TRUE(c->program);
  // Measured, and far below the limit.
  EXPECT_GT(c->result.stats.z3MostResources, 0u);
  EXPECT_LE(c->result.stats.z3MostResources, check::kZ3ResourceLimit / 1000);
  EXPECT_GT(c->result.stats.z3Queries, 0);
  auto f = c->find(FindingKind::Conflict);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_NE(f[0]->witnessSummary.find("企业.人数=39"), std::string::npos) << f[0]->witnessSummary;
  replayAll(*c);
}

// Z3's resource limit decides, not the time: a query over it is undecided (W0605), never "no overlap",
// and the same on every run and machine, where a busy machine once turned a finding into W0605.
TEST(CheckKinds, AQueryOverTheResourceLimitIsUndecidedTheSameOnEveryRun) {
  check::Options tiny = withoutQuoteNumbers();
  tiny.z3ResourceLimit = 1;
  std::string first;
  for (int run = 0; run < 2; ++run) {
    auto c = compileAll({{"test.pol", largeDisjunctionDoc()}}, true, tiny);
    ASSERT_TRUE(c->program);
    EXPECT_GT(c->result.stats.z3Unknown, 0);
    EXPECT_TRUE(c->find(FindingKind::Conflict).empty()) << c->listing();
    EXPECT_EQ(c->find(FindingKind::UndecidedPair, "第1条第1款").size(), 1u) << c->listing();
    if (run == 0) first = c->listing();
    else EXPECT_EQ(c->listing(), first);
  }
}

// An enterprise with one project is paid for one target twice: once for itself, once for its project.
TEST(CheckKinds, AProjectsAndItsEnterprisesAwardsOfOneTargetOverlap) {
  auto c = compileOne(kindPolicy("AProjectsAndItsEnterprisesAwardsOfOneTarget"));
  ASSERT_TRUE(c->program);
  auto conflict = c->find(FindingKind::Conflict);
  ASSERT_EQ(conflict.size(), 1u) << c->listing();
  EXPECT_NE(conflict[0]->message.find("测试 第1条第1款 and 测试 第1条第2款 can both pay 设备奖励 to the same 企业 (one "
                                      "for its 项目) with different amounts (20万元 vs 10万元)"),
            std::string::npos)
      << conflict[0]->message;
  // The witness is the enterprise with the project inside it.
  EXPECT_TRUE(conflict[0]->witness["企业"]["项目"].is_array()) << conflict[0]->witness.dump();
  auto overlap = c->find(FindingKind::Overlap);
  ASSERT_EQ(overlap.size(), 1u) << c->listing();
  EXPECT_NE(overlap[0]->message.find("节能奖励 to the same 企业 (one for its 项目) (5万元 each)"), std::string::npos)
      << overlap[0]->message;
  // 规模奖励 and 称号奖励 are different targets.
  EXPECT_EQ(c->result.findings.size(), 2u) << c->listing();
  replayAll(*c);
}

// The evaluator keys an award by the nearest 每个 subject above its item: `每个 企业` compares the
// enterprise's award with its project's, `每个 项目` and `每个 事项` leave the enterprise's alone.
TEST(CheckKinds, AProjectsAndItsEnterprisesAwardsAreCoveredOnlyByAGroupPerEnterprise) {
  auto c = compileOne(kindPolicy("AProjectsAndItsEnterprisesAwardsUnderGroups"));
  ASSERT_TRUE(c->program);
  auto covered = c->find(FindingKind::CoveredOverlap);
  ASSERT_EQ(covered.size(), 1u) << c->listing();
  EXPECT_EQ(covered[0]->group, "企业组");
  EXPECT_NE(covered[0]->message.find("设备奖励 to the same 企业 (one for its 项目)"), std::string::npos)
      << covered[0]->message;
  EXPECT_EQ(c->find(FindingKind::Conflict, "第2条第2款").size(), 1u) << c->listing();
  EXPECT_EQ(c->find(FindingKind::Conflict, "第3条第2款").size(), 1u) << c->listing();
  EXPECT_EQ(c->result.findings.size(), 3u) << c->listing();
  replayAll(*c);
}

TEST(CheckKinds, AProjectsAwardToItselfIsNotComparedWithItsEnterprises) {
  auto c = compileOne(kindsDoc("条 1 {\n" + clause("1", "项目", "设备奖励", "受益人 项目 条件 改造 给予 20万元") +
                               clause("2", "企业", "设备奖励", "条件 制造业 给予 10万元") + "}"));
  ASSERT_TRUE(c->program);
  EXPECT_TRUE(c->result.findings.empty()) << c->listing();
}

// A cap whose clauses give 待遇, 一事一议 or never apply cuts nothing; a group with one money award
// to compare, or awards of different targets under 同一 标的, drops nothing. Each is reported at the
// cap or group, without an applicant; a cap or group over clauses that pay, and a group whose one
// 项目 clause competes with itself under 每个 企业 (an enterprise's two projects), are not.
TEST(CheckKinds, CapsAndGroupsThatNeverAct) {
  auto c = compileOne(kindPolicy("CapsAndGroupsThatNeverAct"));
  ASSERT_TRUE(c->program);
  auto f = c->find(FindingKind::NeverActs);
  ASSERT_EQ(f.size(), 3u) << c->listing();
  EXPECT_EQ(f[0]->group, "服务合计");
  EXPECT_EQ(f[0]->message, "the cap 服务合计 covers no clause that pays money: it never cuts an award");
  ASSERT_EQ(f[0]->refs.size(), 3u);
  ASSERT_GE(f[0]->notes.size(), 3u);
  EXPECT_NE(f[0]->notes[0].message.find("待遇"), std::string::npos) << f[0]->notes[0].message;
  EXPECT_NE(f[0]->notes[1].message.find("一事一议"), std::string::npos) << f[0]->notes[1].message;
  EXPECT_NE(f[0]->notes[2].message.find("its conditions cannot hold"), std::string::npos) << f[0]->notes[2].message;
  EXPECT_EQ(f[0]->help, std::vector<std::string>{"a cap counts money awards only: check the citations it covers"});
  EXPECT_EQ(f[1]->group, "单项");
  EXPECT_NE(f[1]->message.find("covers one clause that pays money, 测试 第1条第1款"), std::string::npos) << f[1]->message;
  EXPECT_EQ(f[2]->group, "同标的");
  EXPECT_NE(f[2]->message.find("no two clauses it covers that pay money share a target"), std::string::npos)
      << f[2]->message;
  for (const auto* x : f) {
    EXPECT_TRUE(x->witness.is_null()) << x->message;
    EXPECT_TRUE(x->span.valid()) << x->message;
    EXPECT_EQ(check::defaultSeverity(x->kind), Severity::Warning);
  }
  replayAll(*c);
}

// A 范围 文件 group judges its document's clauses, a 范围 所有文件 one its own document's: another
// document's money awards compete in it only against one of its own. Excepted kinds are outside.
TEST(CheckKinds, DocumentAndEveryDocumentGroupsThatNeverAct) {
  std::string a = doc("甲", "条 1 {\n" + clause("1", "企业", "规模奖励", "待遇 \"免费诊断\"") +
                               clause("2", "项目", "设备奖励", "类别 授牌认定 条件 改造 给予 10万元") + "}",
                      "不重复 本文件 { 原文 \"就高\" 范围 文件 取 最高 每个 项目 除外 类别 授牌认定 }\n"
                      "不重复 跨文件 { 原文 \"从优从高\" 范围 所有文件 同一 标的 每个 事项 取 最高 除外 类别 授牌认定 }");
  std::string b = doc("乙", "条 1 {\n" + clause("1", "项目", "设备奖励", "条件 改造 给予 20万元") +
                               clause("2", "项目", "设备奖励", "条件 设备投入 超 100万元 给予 30万元") + "}",
                      "不重复 本文件 { 原文 \"就高\" 范围 文件 取 最高 每个 项目 }");
  auto c = compileAll({{"test.pol", std::string(kCheckSchema) + a + b}});
  ASSERT_TRUE(c->program) << renderText(c->sm, c->diags.all(), RenderOptions{});
  auto f = c->find(FindingKind::NeverActs);
  ASSERT_EQ(f.size(), 2u) << c->listing();
  EXPECT_EQ(f[0]->message, "the non-stacking group 本文件 covers no clause that pays money: it never drops an award");
  ASSERT_EQ(f[0]->refs.size(), 1u);  // the 待遇; the 授牌认定 clause is excepted
  EXPECT_EQ(f[0]->refs[0].citation, "甲 第1条第1款");
  EXPECT_EQ(f[1]->message,
            "the non-stacking group 跨文件 covers no clause of its own document that pays money: it never drops an award");
  for (const auto* x : f) c->expectReplays(*x);
}

TEST(CheckKinds, APreferredDocumentNeverInForceTogether) {
  // 乙's 2026 measures prefer 甲, which ends in 2025: the preference never decides a tie. The group
  // still acts, between 乙 and 丙 of 2026: only its 优先 is reported. Beside a 甲 in force in 2026
  // too, nothing. (A group that would act with 甲 alone never acts: golden never_in_force_together.)
  auto run = [](const std::string& until) {
    std::string a = doc("甲", "有效期 自 2022-01-30 至 " + until + "\n条 1 {\n" +
                                 clause("1", "项目", "设备奖励", "条件 改造 给予 20万元") + "}");
    std::string b = doc("乙", "有效期 自 2026-01-01 至 2026-12-31\n条 1 {\n" +
                                 clause("1", "项目", "设备奖励", "条件 改造 给予 10万元") + "}",
                        "不重复 从优从高 { 原文 \"从优从高\" 范围 所有文件 同一 标的 每个 事项 取 最高 优先 甲 }");
    std::string third = doc("丙", "有效期 自 2026-01-01 至 2026-12-31\n条 1 {\n" +
                                     clause("1", "项目", "设备奖励", "条件 改造 给予 15万元") + "}");
    return compileAll({{"test.pol", std::string(kCheckSchema) + a + b + third}});
  };
  auto c = run("2025-12-31");
  ASSERT_TRUE(c->program) << renderText(c->sm, c->diags.all(), RenderOptions{});
  auto f = c->find(FindingKind::NeverActs);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_NE(f[0]->message.find("优先 甲 of the non-stacking group 从优从高 never acts"), std::string::npos) << f[0]->message;
  c->expectReplays(*f[0]);
  auto met = run("2026-06-30");
  ASSERT_TRUE(met->program);
  EXPECT_TRUE(met->find(FindingKind::NeverActs).empty()) << met->listing();
}

TEST(CheckKinds, UndecidedPairIsReported) {
  // Text comparisons are outside both the boxes and the Z3 encoding: the solver's "sat" is only a
  // candidate, the evaluator does not confirm it, and the pair is reported as undecided — never as
  // disjoint, and never as an overlap.
  auto c = compileOne(kindPolicy("UndecidedPairIsReported"));
  ASSERT_TRUE(c->program);
  auto f = c->find(FindingKind::UndecidedPair);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_EQ(f[0]->clauses.size(), 2u);
  EXPECT_NE(f[0]->message.find("not known to be disjoint"), std::string::npos) << f[0]->message;
  EXPECT_EQ(check::defaultSeverity(f[0]->kind), Severity::Warning);
  EXPECT_TRUE(c->find(FindingKind::Overlap).empty()) << c->listing();
  EXPECT_TRUE(c->find(FindingKind::Conflict).empty()) << c->listing();
}

}  // namespace
}  // namespace polc::test
