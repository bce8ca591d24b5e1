// The checks of a decision-table verifier (overlapping rules, missing rules, boundary errors between
// intervals) on the small policies of the QA catalogue of docs/checker.md ("Compared with
// decision-table verifiers") that the other tests did not cover; every finding is replayed through
// the reference evaluator.
#include "check_util.h"
#include "kind_policies.h"

namespace polc::test {
namespace {

using check::FindingKind;

std::unique_ptr<Checked> tableArticle(const std::vector<std::string>& rests) {
  std::string body = "条 1 {\n";
  for (std::size_t i = 0; i < rests.size(); ++i) body += clause(std::to_string(i + 1), "项目", "设备奖励", rests[i]);
  return compileOne(kindsDoc(body + "}"));
}

void replayAllOf(const Checked& c) {
  for (const auto& f : c.result.findings) c.expectReplays(f);
}

// The policy compiled and gave one finding, of kind k, whose message says `words` and whose witness
// `witness`; it replays.
void expectOnly(const Checked& c, FindingKind k, const std::string& words, const std::string& witness) {
  ASSERT_TRUE(c.program);
  auto f = c.find(k);
  ASSERT_EQ(f.size(), 1u) << c.listing();
  EXPECT_EQ(c.result.findings.size(), 1u) << c.listing();
  EXPECT_NE(f[0]->message.find(words), std::string::npos) << f[0]->message;
  EXPECT_NE(f[0]->witnessSummary.find(witness), std::string::npos) << f[0]->witnessSummary;
  replayAllOf(c);
}

// A 分档 table pays on the union of its entries (`超 200万元 或 超 100万元`), which the gap analysis read
// as two boxes and skipped: 设备投入 = 100万元 between the table's lowest threshold and a clause paying
// `低于 100万元` was paid by neither, unreported.
TEST(CheckDecisionTable, AGapBetweenATiersLowestThresholdAndAClauseIsReported) {
  auto c = tableArticle({"给予 分档 设备投入 超 { 200万元: 20万元; 100万元: 10万元 }", "条件 设备投入 低于 100万元 给予 5万元"});
  ASSERT_TRUE(c->program);
  auto point = c->find(FindingKind::TierGap);
  ASSERT_EQ(point.size(), 1u) << c->listing();
  EXPECT_NE(point[0]->message.find("项目.设备投入 = 100万元 falls between"), std::string::npos) << point[0]->message;
  EXPECT_NE(point[0]->witnessSummary.find("项目.设备投入=100万元"), std::string::npos) << point[0]->witnessSummary;
  replayAllOf(*c);
  // The same table beside `不超过 50万元`: the stretch (50万元, 100万元] is paid by neither.
  auto d = tableArticle({"给予 分档 设备投入 超 { 200万元: 20万元; 100万元: 10万元 }", "条件 设备投入 不超过 50万元 给予 5万元"});
  ASSERT_TRUE(d->program);
  ASSERT_EQ(d->find(FindingKind::CaseRangeGap).size(), 1u) << d->listing();
  replayAllOf(*d);
  // 达 thresholds meet `低于 50吨标煤`: no gap, no finding.
  auto e = tableArticle({"给予 分档 节能量 达 { 100吨标煤: 20万元; 50吨标煤: 10万元 }", "条件 节能量 低于 50吨标煤 给予 5万元"});
  ASSERT_TRUE(e->program);
  EXPECT_TRUE(e->result.findings.empty()) << e->listing();
  // Bands apart (`超 50万元 且 低于 100万元` or `超 200万元`) join to no box: each band is compared, and
  // 50万元 lies between the first and `低于 50万元`.
  auto f = tableArticle({"条件 (设备投入 超 50万元 且 设备投入 低于 100万元) 或 设备投入 超 200万元 给予 10万元",
                         "条件 设备投入 低于 50万元 给予 5万元"});
  ASSERT_TRUE(f->program);
  auto band = f->find(FindingKind::TierGap);
  ASSERT_EQ(band.size(), 1u) << f->listing();
  EXPECT_NE(band[0]->witnessSummary.find("项目.设备投入=50万元"), std::string::npos) << band[0]->witnessSummary;
  replayAllOf(*f);
}

// A condition with an `或` has one box per alternative, and gap() compared single boxes only: the
// 改造 projects' 设备投入 = 100万元 was paid by neither clause, unreported; so was 营业收入 = 5亿元 beside
// a 首次超 table (each tier is `超 T 且 历史最高 不超过 T`, boxes that do not join).
TEST(CheckDecisionTable, AGapInOneAlternativeOfAConditionIsReported) {
  auto c = tableArticle({"条件 (改造 或 级别 为 国家级) 且 设备投入 低于 100万元 给予 10万元", "条件 设备投入 超 100万元 给予 20万元"});
  ASSERT_TRUE(c->program);
  auto point = c->find(FindingKind::TierGap);
  ASSERT_EQ(point.size(), 1u) << c->listing();
  EXPECT_NE(point[0]->witnessSummary.find("项目.设备投入=100万元"), std::string::npos) << point[0]->witnessSummary;
  replayAllOf(*c);
  std::string body = "条 1 {\n" + clause("1", "企业", "规模奖励", "给予 分档 营业收入 首次超 { 10亿元: 50万元; 5亿元: 20万元 }") +
                     clause("2", "企业", "规模奖励", "条件 营业收入 低于 5亿元 给予 5万元") + "}";
  auto d = compileOne(kindsDoc(body));
  ASSERT_TRUE(d->program);
  auto first = d->find(FindingKind::TierGap);
  ASSERT_EQ(first.size(), 1u) << d->listing();
  EXPECT_NE(first[0]->message.find("企业.营业收入 = 5亿元"), std::string::npos) << first[0]->message;
  replayAllOf(*d);
  // An alternative of the clause paying inside the stretch draws it on purpose: no W0624.
  auto e = tableArticle({"条件 设备投入 低于 100万元 或 (改造 且 设备投入 超 150万元 且 设备投入 低于 160万元) 给予 10万元",
                         "条件 设备投入 达 200万元 以上 给予 20万元"});
  ASSERT_TRUE(e->program);
  EXPECT_TRUE(e->find(FindingKind::CaseRangeGap).empty()) << e->listing();
  // Without it, the stretch is reported.
  auto f = tableArticle({"条件 设备投入 低于 100万元 或 改造 且 设备投入 低于 50万元 给予 10万元", "条件 设备投入 达 200万元 以上 给予 20万元"});
  ASSERT_TRUE(f->program);
  EXPECT_EQ(f->find(FindingKind::CaseRangeGap).size(), 1u) << f->listing();
  replayAllOf(*f);
}

// caseBounds reads cases of one bound on one number only: `改造 且 投资 低于 100万元` / `改造 且 投资 超
// 100万元` left 投资 = 100万元 unpaid for 改造 projects, and `投资 低于 100万元 或 级别 为 国家级` /
// `投资 超 100万元` left it unpaid for the others, both unreported.
TEST(CheckDecisionTable, AGapBetweenCasesThatSayMoreThanOneBoundIsReported) {
  for (const std::string cases : {"改造 且 投资 低于 100万元: 1万元; 改造 且 投资 超 100万元: 2万元",
                                  "投资 低于 100万元 或 级别 为 国家级: 1万元; 投资 超 100万元: 2万元"}) {
    auto c = tableArticle({"给予 分情形 { " + cases + " }"});
    ASSERT_TRUE(c->program);
    auto point = c->find(FindingKind::TierGap);
    ASSERT_EQ(point.size(), 1u) << cases << "\n" << c->listing();
    EXPECT_NE(point[0]->message.find("项目.投资 = 100万元 is covered by no case"), std::string::npos) << point[0]->message;
    EXPECT_NE(point[0]->witnessSummary.find("项目.投资=100万元"), std::string::npos) << point[0]->witnessSummary;
    replayAllOf(*c);
  }
  // A third case at the value, a 其他, or contexts that exclude each other leave no gap.
  for (const std::string cases : {"改造 且 投资 低于 100万元: 1万元; 改造 且 投资 超 100万元: 2万元; 投资 为 100万元: 1万元",
                                  "改造 且 投资 低于 100万元: 1万元; 改造 且 投资 超 100万元: 2万元; 其他: 0元",
                                  "改造 且 投资 低于 100万元: 1万元; 非 改造 且 投资 超 100万元: 2万元"}) {
    auto c = tableArticle({"给予 分情形 { " + cases + " }"});
    ASSERT_TRUE(c->program);
    EXPECT_TRUE(c->find(FindingKind::TierGap).empty()) << cases << "\n" << c->listing();
  }
}

// A whole number's uncovered stretch was worded as a stretch of fractions: `不超过 9` beside `超 10`
// left 人数 = 10 alone, and W0624 said "between 9 and 10". Named by its values, in a table and
// between two clauses alike; money keeps "between".
TEST(CheckDecisionTable, AWholeNumbersStretchIsNamedByItsValues) {
  auto expectGap = [](const std::string& body, const std::string& words) {
    auto c = compileOne(kindsDoc("条 1 {\n" + body + "}"));
    ASSERT_TRUE(c->program);
    auto f = c->find(FindingKind::CaseRangeGap);
    ASSERT_EQ(f.size(), 1u) << c->listing();
    EXPECT_NE(f[0]->message.find(words), std::string::npos) << f[0]->message;
    EXPECT_EQ(f[0]->message.find("between 9"), std::string::npos) << f[0]->message;
    replayAllOf(*c);
  };
  expectGap(clause("1", "企业", "规模奖励", "给予 分情形 { 人数 不超过 9: 1万元; 人数 超 10: 2万元 }"),
            "企业.人数 = 10 is covered by no case of");
  expectGap(clause("1", "企业", "规模奖励", "条件 人数 不超过 9 给予 1万元") +
                clause("2", "企业", "规模奖励", "条件 人数 超 11 给予 2万元"),
            "企业.人数 from 10 to 11 falls between");
  expectGap(clause("1", "企业", "规模奖励", "条件 人数 不超过 9 给予 1万元") +
                clause("2", "企业", "规模奖励", "条件 人数 超 10 给予 2万元"),
            "企业.人数 = 10 falls between");
}

// Clauses over two numbers tiling a grid with an inner cell left out (营业收入 1亿元 to 2亿元 with 人数
// 100 or more, between `低于 1亿元` and `达 2亿元 以上` of that 人数, while `达 1亿元 以上 且 人数 低于 100`
// pays the stretch for fewer people) were silent: any clause paying inside the stretch read as a
// division drawn on purpose. A neighbouring cell of the grid — differing from the gap's applicants in
// the other numbers only — no longer does; a clause set apart by anything else still does, and a
// corner of the grid outside every clause's bounds is not a stretch between two clauses.
TEST(CheckDecisionTable, AMissingInnerCellOfAGridOverTwoNumbersIsReported) {
  auto grid = [](const std::string& second, const std::string& fourth) {
    std::string body = "条 1 {\n" + clause("1", "企业", "规模奖励", "条件 营业收入 低于 1亿元 且 人数 低于 100 给予 5万元") +
                       clause("2", "企业", "规模奖励", second) +
                       clause("3", "企业", "规模奖励", "条件 营业收入 低于 1亿元 且 人数 达 100 以上 给予 10万元") +
                       (fourth.empty() ? "" : clause("4", "企业", "规模奖励", fourth)) + "}";
    return compileOne(kindsDoc(body));
  };
  const std::string cell2 = "条件 营业收入 达 1亿元 以上 且 人数 低于 100 给予 10万元";
  const std::string cell4 = "条件 营业收入 达 2亿元 以上 且 人数 达 100 以上 给予 20万元";
  auto c = grid(cell2, cell4);
  expectOnly(*c, FindingKind::CaseRangeGap,
             "企业.营业收入 between 1亿元 and 2亿元 falls between 测试 第1条第3款 and 测试 第1条第4款", "企业.营业收入=1.5亿元");
  ASSERT_FALSE(c->find(FindingKind::CaseRangeGap).empty());
  EXPECT_NE(c->find(FindingKind::CaseRangeGap)[0]->message.find(
                "for the values of 企业.人数 both require (测试 第1条第2款 pays there only for others)"),
            std::string::npos)
      << c->listing();
  // The cell paying the stretch for fewer people only if they are manufacturers, or one district's
  // cell beside another's, is a division drawn on purpose (the missing corner: the next test).
  for (const auto& [second, fourth] : std::vector<std::pair<std::string, std::string>>{
           {"条件 营业收入 达 1亿元 以上 且 人数 低于 100 且 制造业 给予 10万元", cell4},
           {"条件 营业收入 达 1亿元 以上 且 营业收入 低于 2亿元 且 人数 达 100 以上 且 所在地 为 武进区 给予 10万元", cell4}}) {
    auto quiet = grid(second, fourth);
    ASSERT_TRUE(quiet->program);
    EXPECT_TRUE(quiet->find(FindingKind::CaseRangeGap).empty()) << quiet->listing();
  }
}

// The missing outer corner of a grid over two numbers (营业收入 达 1亿元 以上 with 人数 达 100 以上, the other
// three cells paid) lies beyond every clause's bounds, not between two, and was reported by nothing.
// Now W0624 from the two cells diagonal to each other beside it; a grid whose cells are set apart by
// anything else, or a corner another clause pays for some applicants, stays quiet.
TEST(CheckDecisionTable, AMissingOuterCornerOfAGridOverTwoNumbersIsReported) {
  auto grid = [](const std::string& third, const std::string& fourth) {
    std::string body = "条 1 {\n" + clause("1", "企业", "规模奖励", "条件 营业收入 低于 1亿元 且 人数 低于 100 给予 5万元") +
                       clause("2", "企业", "规模奖励", "条件 营业收入 达 1亿元 以上 且 人数 低于 100 给予 10万元") +
                       clause("3", "企业", "规模奖励", third) +
                       (fourth.empty() ? "" : clause("4", "企业", "规模奖励", fourth)) + "}";
    return compileOne(kindsDoc(body));
  };
  const std::string cell3 = "条件 营业收入 低于 1亿元 且 人数 达 100 以上 给予 10万元";
  expectOnly(*grid(cell3, ""), FindingKind::CaseRangeGap,
             "企业.营业收入 ≥ 1亿元 且 企业.人数 ≥ 100, a corner of the grid over 企业.营业收入 and 企业.人数, is paid by "
             "no clause of 规模奖励: 测试 第1条第2款 and 测试 第1条第3款 pay the cells beside it and 测试 第1条第1款 the "
             "opposite corner",
             "企业.人数=");
  for (const auto& [third, fourth] : std::vector<std::pair<std::string, std::string>>{
           {"条件 营业收入 低于 1亿元 且 人数 达 100 以上 且 制造业 给予 10万元", ""},
           {cell3, "条件 营业收入 达 1亿元 以上 且 人数 达 100 以上 且 所在地 为 武进区 给予 20万元"}}) {
    auto quiet = grid(third, fourth);
    ASSERT_TRUE(quiet->program);
    EXPECT_TRUE(quiet->find(FindingKind::CaseRangeGap).empty()) << quiet->listing();
  }
}

// An ordered enumeration's level between two levels that are paid was reported by nothing: `级别 为
// 国家级` and `级别 为 市级`, as two clauses or two cases, left 省级 projects unpaid. Now W0624 at the
// skipped level; the levels below the lowest paid, an unordered enumeration's members, and a level
// another clause pays (for 改造 projects only) stay quiet, as the stretches of a number do.
TEST(CheckDecisionTable, AnOrderedLevelSkippedBetweenTwoPaidIsReported) {
  auto expectSkipped = [](const std::string& body, const std::string& words) {
    expectOnly(*compileOne(kindsDoc("条 1 {\n" + body + "}")), FindingKind::CaseRangeGap, words, "项目.级别=省级");
  };
  expectSkipped(clause("1", "项目", "设备奖励", "条件 级别 为 国家级 给予 20万元") +
                    clause("2", "项目", "设备奖励", "条件 级别 为 市级 给予 5万元"),
                "项目.级别 = 省级 falls between 测试 第1条第1款 and 测试 第1条第2款");
  expectSkipped(clause("1", "项目", "设备奖励", "给予 分情形 { 级别 为 国家级: 20万元; 级别 为 市级: 5万元 }"),
                "项目.级别 = 省级 is covered by no case of 测试 第1条第1款");
  for (const std::string& body :
       {clause("1", "项目", "设备奖励", "条件 级别 为 国家级 给予 20万元") + clause("2", "项目", "设备奖励", "条件 级别 为 省级 给予 5万元"),
        clause("1", "项目", "设备奖励", "给予 分情形 { 级别 为 国家级: 20万元; 级别 为 省级: 5万元 }"),
        clause("1", "项目", "设备奖励", "条件 产业 为 高端装备 给予 20万元") + clause("2", "项目", "设备奖励", "条件 产业 为 其他产业 给予 5万元"),
        clause("1", "项目", "设备奖励", "条件 级别 为 国家级 给予 20万元") + clause("2", "项目", "设备奖励", "条件 级别 为 市级 给予 5万元") +
            clause("3", "项目", "设备奖励", "条件 级别 为 省级 且 改造 给予 10万元")}) {
    auto quiet = compileOne(kindsDoc("条 1 {\n" + body + "}"));
    ASSERT_TRUE(quiet->program);
    EXPECT_TRUE(quiet->find(FindingKind::CaseRangeGap).empty()) << quiet->listing();
  }
}

// An unordered enumeration's member left out of all the others was reported by nothing: clauses (or
// the cases of a table without 其他) paying 国际, 国家 and 地方 standards one by one left 行业 standards
// unpaid. Now W0624 at that member; a catch-all member (其他层级), a 其他 case and a member another
// clause pays to 改造 projects only stay quiet (two members left out: golden enum_catch_all_left_out_quiet).
// The witness came from the first alternative of each clause only, and none was found when that one
// could not give it (golden enum_member_left_out_second_alternative).
TEST(CheckDecisionTable, AnUnorderedMemberLeftOutOfAllTheOthersIsReported) {
  auto standards = [](const std::string& body) {
    return compileOne(std::string(kCheckSchema) +
                      "枚举 层级 { 国际, 国家, 行业, 地方, 其他层级 }\n主体 标准 隶属 企业 {\n  事实 层级: 层级\n  事实 改造: 布尔\n}\n" +
                      doc("测试", "条 1 {\n" + body + "}"));
  };
  auto each = [](const std::vector<std::string>& levels) {
    std::string body;
    for (std::size_t i = 0; i < levels.size(); ++i)
      body += clause(std::to_string(i + 1), "标准", "设备奖励", "条件 层级 " + levels[i] + " 给予 10万元");
    return body;
  };
  expectOnly(*standards(each({"为 国际", "为 国家", "属于 {地方, 其他层级}"})), FindingKind::CaseRangeGap,
             "标准.层级 = 行业 is paid by no clause of 设备奖励", "标准.层级=行业");
  expectOnly(*standards(clause("1", "标准", "设备奖励", "给予 分情形 { 层级 为 国际: 20万元; 层级 属于 {国家, 其他层级}: 10万元; 层级 为 地方: 5万元 }")),
             FindingKind::CaseRangeGap, "标准.层级 = 行业 is covered by no case of 测试 第1条第1款", "标准.层级=行业");
  // The witness is freed from an alternative of each clause that can give one: the first of 第1款
  // (改造) cannot beside 第2款 (非 改造), the second can.
  expectOnly(*standards(clause("1", "标准", "设备奖励", "条件 (层级 为 国际 且 改造) 或 (层级 为 国家 且 非 改造) 给予 10万元") +
                        clause("2", "标准", "设备奖励", "条件 层级 属于 {地方, 其他层级} 且 非 改造 给予 5万元")),
             FindingKind::CaseRangeGap, "标准.层级 = 行业 is paid by no clause of 设备奖励", "标准.层级=行业");
  for (const std::string& body :
       {each({"为 国际", "为 国家", "为 行业", "为 地方"}),
        each({"为 国际", "为 国家", "为 地方", "为 其他层级 且 改造", "为 行业 且 改造"}),
        clause("1", "标准", "设备奖励", "给予 分情形 { 层级 为 国际: 20万元; 层级 属于 {国家, 地方, 其他层级}: 10万元; 其他: 1万元 }")}) {
    auto quiet = standards(body);
    ASSERT_TRUE(quiet->program);
    EXPECT_TRUE(quiet->find(FindingKind::CaseRangeGap).empty()) << quiet->listing();
  }
}

// Clauses of `subject` in a document in force from 2023 to 2025, beside a dated 基准利率 (3.55 % and
// 3.50 % lie between 3.5 % and 3.6 %) and loans with a date.
std::unique_ptr<Checked> withDatedRate(const std::string& subject, const std::vector<std::string>& rests) {
  const std::string decls =
      "参数 基准利率 { 2023-01-01: 3.65%; 2023-07-01: 3.55%; 2024-01-01: 3.50%; 2025-01-01: 3.10% }\n"
      "主体 贷款 隶属 企业 {\n  事实 放款日期: 日期\n}\n";
  std::string body = "有效期 自 2023-01-01 至 2025-12-31\n条 1 {\n";
  for (std::size_t i = 0; i < rests.size(); ++i) body += clause(std::to_string(i + 1), subject, "设备奖励", rests[i]);
  return compileOne(std::string(kCheckSchema) + decls + doc("测试", body + "}"));
}

void expectNoGap(const Checked& c) {
  ASSERT_TRUE(c.program);
  EXPECT_TRUE(c.find(FindingKind::TierGap).empty()) << c.listing();
  EXPECT_TRUE(c.find(FindingKind::CaseRangeGap).empty()) << c.listing();
}

// A dated parameter compared from either side (`基准利率 超 3.5%` / `基准利率 低于 3.5%`) is read period by
// period into the date, so the two clauses were disjoint on dates and the gap between them, on the
// dates where the rate is 3.5 %, was reported by nothing. Now: W0622 at the value (read at the
// evaluation date or at a date fact) and W0624 for a stretch of values, each witness dated into a
// period that has the value; nothing when the rate never has it while the document is in force.
TEST(CheckDecisionTable, AGapOnADatedParameterIsReported) {
  const auto& checked = withDatedRate;
  auto expectGap = [&](const std::string& subject, const std::vector<std::string>& rests, FindingKind kind,
                       const std::string& words, const std::string& date) {
    expectOnly(*checked(subject, rests), kind, words, date);
  };
  expectGap("企业", {"条件 基准利率 超 3.5% 给予 10万元", "条件 基准利率 低于 3.5% 给予 5万元"}, FindingKind::TierGap,
            "基准利率 = 3.5% (in force from 2024-01-01 to 2024-12-31) falls between", "评价日期 2024-");
  // Written the other way round, and read at a loan's date.
  expectGap("贷款", {"条件 3.5% 低于 基准利率 于 放款日期 给予 10万元", "条件 基准利率 于 放款日期 低于 3.5% 给予 5万元"},
            FindingKind::TierGap, "基准利率 于 贷款.放款日期 = 3.5%", "贷款.放款日期=2024-");
  // In a 分情形 table, named by the parameter's values, not as a stretch of dates.
  expectGap("企业", {"给予 分情形 { 基准利率 超 3.5%: 10万元; 基准利率 低于 3.5%: 5万元 }"}, FindingKind::TierGap,
            "基准利率 = 3.5% (in force from 2024-01-01 to 2024-12-31) is covered by no case of", "评价日期 2024-");
  expectGap("企业", {"给予 分情形 { 基准利率 达 3.6% 以上: 10万元; 基准利率 低于 3.5%: 5万元 }"}, FindingKind::CaseRangeGap,
            "基准利率 between 3.5% and 3.6% (3.55% from 2023-07-01 to 2023-12-31, 3.5% from 2024-01-01 to 2024-12-31) is "
            "covered by no case of",
            "评价日期 2023-");
  // A stretch: 3.55 % and 3.50 % lie between 低于 3.5% and 达 3.6% 以上.
  expectGap("企业", {"条件 基准利率 达 3.6% 以上 给予 10万元", "条件 基准利率 低于 3.5% 给予 5万元"}, FindingKind::CaseRangeGap,
            "(3.55% from 2023-07-01 to 2023-12-31, 3.5% from 2024-01-01 to 2024-12-31)", "评价日期 2023-");
  // Nothing where every value is paid or never taken: bounds that meet, a value the rate never has
  // (3.6 %), a band (the stretch above it is drawn on purpose), a third clause paying inside the
  // stretch, or a value in force only before the 有效期 (3.50 % in 2021 beside a document from 2023).
  for (const auto& rests : std::vector<std::vector<std::string>>{
           {"条件 基准利率 超 3.5% 给予 10万元", "条件 基准利率 不超过 3.5% 给予 5万元"},
           {"条件 基准利率 超 3.6% 给予 10万元", "条件 基准利率 低于 3.6% 给予 5万元"},
           {"给予 分情形 { 基准利率 超 3.6%: 10万元; 基准利率 低于 3.6%: 5万元 }"},
           {"条件 基准利率 达 3.6% 以上 给予 10万元", "条件 基准利率 超 3.4% 且 基准利率 低于 3.5% 给予 5万元"},
           {"条件 基准利率 达 3.6% 以上 给予 10万元", "条件 基准利率 低于 3.5% 给予 5万元",
            "条件 基准利率 达 3.5% 以上 且 基准利率 低于 3.6% 且 制造业 给予 5万元"}}) {
    expectNoGap(*checked("企业", rests));
  }
  const std::string earlier = "参数 基准利率 { 2021-01-01: 3.50%; 2022-01-20: 3.70%; 2023-08-21: 3.45% }\n";
  std::string body = "有效期 自 2023-01-01 至 2025-12-31\n条 1 {\n" +
                     clause("1", "企业", "设备奖励", "条件 基准利率 超 3.5% 给予 10万元") +
                     clause("2", "企业", "设备奖励", "条件 基准利率 低于 3.5% 给予 5万元") + "}";
  auto outside = compileOne(std::string(kCheckSchema) + earlier + doc("测试", body));
  EXPECT_TRUE(outside->result.findings.empty()) << outside->listing();
}

// A bound on a dated parameter was searched only as a conjunct of its own: the same 3.5 % left unpaid
// by a 分档 table on the rate, by one alternative of an `或`, or by a comparison of an expression of
// the rate (`基准利率 × 50% 超 1.75%`) went unreported.
TEST(CheckDecisionTable, AGapOnADatedParameterInATableAnAlternativeOrAnExpressionIsReported) {
  const std::string below = "条件 基准利率 低于 3.5% 给予 5万元";
  const std::string point = "基准利率 = 3.5% (in force from 2024-01-01 to 2024-12-31) falls between";
  expectOnly(*withDatedRate("企业", {"给予 分档 基准利率 超 { 3.6%: 10万元; 3.5%: 8万元 }", below}), FindingKind::TierGap,
             point, "评价日期 2024-");
  // The witness misses the other alternative (a rate above 4 %) and meets this one's other condition.
  expectOnly(*withDatedRate("企业", {"条件 (基准利率 超 3.5% 且 人数 达 100 以上) 或 基准利率 超 4% 给予 10万元", below}),
             FindingKind::TierGap, point, "企业.人数=100");
  expectOnly(*withDatedRate("企业", {"条件 基准利率 × 50% 超 1.75% 给予 10万元", "条件 基准利率 × 50% 低于 1.75% 给予 5万元"}),
             FindingKind::TierGap, point, "评价日期 2024-");
  // Written with the constant first and the rate scaled down by a division: the bound turns around.
  expectOnly(*withDatedRate("企业", {"条件 1.75% 低于 基准利率 / 2 给予 10万元", below}), FindingKind::TierGap, point,
             "评价日期 2024-");
  // A stretch between a table's lowest threshold (达 3.55%) and 低于 3.5%, read at a loan's date.
  expectOnly(*withDatedRate("贷款", {"给予 分档 基准利率 于 放款日期 达 { 3.65%: 10万元; 3.55%: 8万元 }",
                                    "条件 基准利率 于 放款日期 低于 3.5% 给予 5万元"}),
             FindingKind::CaseRangeGap, "基准利率 于 贷款.放款日期 between 3.5% and 3.55%", "贷款.放款日期=");
  // Quiet: a third clause paying the stretch to 制造业 only (a division by kind), the table's lowest
  // threshold meeting the other bound, another alternative paying at 3.5 % to everyone, a band, and
  // a comparison that is not linear in the rate (its square: not read as a bound, though 3.5 % is
  // unpaid there too).
  for (const auto& rests : std::vector<std::vector<std::string>>{
           {"给予 分档 基准利率 达 { 4%: 10万元; 3.6%: 8万元 }", below,
            "条件 制造业 且 基准利率 达 3.5% 以上 且 基准利率 低于 3.6% 给予 6万元"},
           {"给予 分档 基准利率 达 { 4%: 10万元; 3.5%: 8万元 }", below},
           {"条件 基准利率 超 3.5% 或 基准利率 达 3.5% 以上 给予 10万元", below},
           {"条件 基准利率 达 3.6% 以上 或 基准利率 低于 3.4% 给予 10万元", "条件 基准利率 超 3.4% 且 基准利率 低于 3.5% 给予 5万元"},
           {"条件 基准利率 × 基准利率 超 0.1225% 给予 10万元", below}}) {
    expectNoGap(*withDatedRate("企业", rests));
  }
}

// A bound on the rate under `非` was not searched: `非 (基准利率 不超过 3.5% 或 人数 低于 100)` is `基准利率
// 超 3.5% 且 人数 达 100 以上`, and beside `低于 3.5%` it leaves 3.5 % unpaid to enterprises of 100 people or
// more. Now read with its side turned and 且/或 traded (De Morgan). `非 (基准利率 低于 3.5%)`, which meets
// `低于 3.5%`, and an alternative paying at 3.5 % to everyone stay quiet.
TEST(CheckDecisionTable, AGapOnADatedParameterUnderNotIsReported) {
  const std::string below = "条件 基准利率 低于 3.5% 给予 5万元";
  const std::string point = "基准利率 = 3.5% (in force from 2024-01-01 to 2024-12-31) falls between";
  expectOnly(*withDatedRate("企业", {"条件 非 (基准利率 不超过 3.5% 或 人数 低于 100) 给予 10万元", below}),
             FindingKind::TierGap, point, "企业.人数=100");
  expectOnly(*withDatedRate("企业", {"条件 非 (基准利率 不超过 3.5%) 给予 10万元", below}), FindingKind::TierGap, point,
             "评价日期 2024-");
  for (const auto& rests : std::vector<std::vector<std::string>>{
           {"条件 非 (基准利率 低于 3.5%) 给予 10万元", below},
           {"条件 非 (基准利率 不超过 3.5% 且 基准利率 低于 3.5%) 给予 10万元", below},
           {"给予 分情形 { 基准利率 超 3.5%: 10万元; 非 (基准利率 超 3.5% 或 人数 低于 100): 5万元 }"}})
    expectNoGap(*withDatedRate("企业", rests));
  // A 分情形 key under 非 is read the same way: below 3.5 % for 100 people or more.
  expectOnly(*withDatedRate("企业", {"给予 分情形 { 基准利率 超 3.5%: 10万元; 非 (基准利率 达 3.5% 以上 或 人数 低于 100): "
                                    "5万元 }"}),
             FindingKind::TierGap, "基准利率 = 3.5% (in force from 2024-01-01 to 2024-12-31) is covered by no case of",
             "企业.人数=100");
}

// A bound in a branch of a `若` was not searched: `若 制造业 则 基准利率 超 3.5% 否则 人数 达 100 以上` beside
// `制造业 且 基准利率 低于 3.5%` paid no 制造业 enterprise at 3.5 %, unreported. A bound in the 则 branch
// counts where the test holds, one in the 否则 branch where it does not, under `非` too.
TEST(CheckDecisionTable, AGapOnADatedParameterInABranchOfIfIsReported) {
  const std::string point = "基准利率 = 3.5% (in force from 2024-01-01 to 2024-12-31) falls between";
  const std::string thenBranch = "条件 若 制造业 则 基准利率 超 3.5% 否则 人数 达 100 以上 给予 10万元";
  expectOnly(*withDatedRate("企业", {thenBranch, "条件 制造业 且 基准利率 低于 3.5% 给予 5万元"}), FindingKind::TierGap,
             point, "企业.制造业");
  expectOnly(*withDatedRate("企业", {"条件 若 制造业 则 人数 达 100 以上 否则 基准利率 超 3.5% 给予 10万元",
                                    "条件 非 制造业 且 基准利率 低于 3.5% 给予 5万元"}),
             FindingKind::TierGap, point, "评价日期 2024-");
  expectOnly(*withDatedRate("企业", {"条件 非 (若 制造业 则 基准利率 不超过 3.5% 否则 人数 低于 100) 给予 10万元",
                                    "条件 制造业 且 基准利率 低于 3.5% 给予 5万元"}),
             FindingKind::TierGap, point, "企业.制造业");
  // Quiet: the other clause meets the bound, or pays at 3.5 % only those the 否则 branch pays anyway.
  for (const auto& rests : std::vector<std::vector<std::string>>{
           {thenBranch, "条件 制造业 且 基准利率 不超过 3.5% 给予 5万元"},
           {thenBranch, "条件 非 制造业 且 基准利率 低于 3.5% 给予 5万元"}})
    expectNoGap(*withDatedRate("企业", rests));
}

// A bound on the rate in the test of a `若` was not searched: `若 基准利率 超 3.5% 则 制造业 否则 非 制造业 且
// 人数 达 100 以上` beside `制造业 且 基准利率 低于 3.5%` pays no 制造业 enterprise while the rate is 3.5 %
// (the test fails and chooses the 否则 branch). The test holding is one bound, its negation another.
TEST(CheckDecisionTable, AGapOnADatedParameterInTheTestOfIfIsReported) {
  const std::string point = "基准利率 = 3.5% (in force from 2024-01-01 to 2024-12-31) falls between";
  const std::string lower = "条件 制造业 且 基准利率 低于 3.5% 给予 5万元";
  const std::string holds = "条件 若 基准利率 超 3.5% 则 制造业 否则 非 制造业 且 人数 达 100 以上 给予 10万元";
  // The test holding (`超 3.5%` chooses 则), failing (`不超过 3.5%` fails above 3.5 % and chooses 否则),
  // and under 非, which turns the branches but not the test.
  expectOnly(*withDatedRate("企业", {holds, lower}), FindingKind::TierGap, point, "企业.制造业");
  expectOnly(*withDatedRate("企业", {"条件 若 基准利率 不超过 3.5% 则 非 制造业 且 人数 达 100 以上 否则 制造业 给予 10万元", lower}),
             FindingKind::TierGap, point, "企业.制造业");
  expectOnly(*withDatedRate("企业", {"条件 非 (若 基准利率 超 3.5% 则 非 制造业 否则 制造业 或 人数 低于 100) 给予 10万元", lower}),
             FindingKind::TierGap, point, "企业.制造业");
  // A stretch (3.55 % and 3.50 %): the test's two sides are one bound, not a band drawn on purpose.
  expectOnly(*withDatedRate("企业", {"条件 若 基准利率 达 3.6% 以上 则 制造业 否则 非 制造业 且 人数 达 100 以上 给予 10万元", lower}),
             FindingKind::CaseRangeGap, "基准利率 between 3.5% and 3.6%", "企业.制造业");
  // Quiet: the other clause meets the bound, on either side of the test, or the value is never taken.
  for (const auto& rests : std::vector<std::vector<std::string>>{
           {holds, "条件 制造业 且 基准利率 不超过 3.5% 给予 5万元"},
           {"条件 若 基准利率 不超过 3.5% 则 非 制造业 且 人数 达 100 以上 否则 制造业 给予 10万元",
            "条件 制造业 且 基准利率 不超过 3.5% 给予 5万元"},
           {"条件 若 基准利率 超 3.6% 则 制造业 否则 非 制造业 且 人数 达 100 以上 给予 10万元",
            "条件 制造业 且 基准利率 低于 3.6% 给予 5万元"}})
    expectNoGap(*withDatedRate("企业", rests));
}

// The gap search tried every pair of bounds on a dated read, one per alternative of each clause: 20
// alternatives beside 20 were 400 solver queries. It now stops at kGapPairsPerClausePair pairs, and
// says so in the statistics. Five alternatives beside five, whose only compatible pair (武进区, 制造业,
// 排除) comes last: found when it is the first pair, cut (and counted) when it is the 25th.
TEST(CheckDecisionTable, AGapSearchStopsAtTheCapOnPairsOfAlternatives) {
  auto alternatives = [](const std::vector<std::string>& places, const std::string& bound) {
    std::string out;
    for (const auto& where : places)
      out += (out.empty() ? "" : " 或 ") + std::string("(") + where + " 且 基准利率 " + bound + ")";
    return "条件 " + out;
  };
  const std::vector<std::string> xinbei = {"所在地 为 新北区 且 制造业 且 排除", "所在地 为 新北区 且 制造业 且 非 排除",
                                           "所在地 为 新北区 且 非 制造业 且 排除", "所在地 为 新北区 且 非 制造业 且 非 排除"};
  const std::vector<std::string> liyang = {"所在地 为 溧阳市 且 制造业 且 排除", "所在地 为 溧阳市 且 制造业 且 非 排除",
                                           "所在地 为 溧阳市 且 非 制造业 且 排除", "所在地 为 溧阳市 且 非 制造业 且 非 排除"};
  const std::string wujin = "所在地 为 武进区 且 制造业 且 排除";
  auto with = [&](bool wujinFirst) {
    auto a = xinbei, b = liyang;
    a.insert(wujinFirst ? a.begin() : a.end(), wujin);
    b.insert(wujinFirst ? b.begin() : b.end(), wujin);
    return withDatedRate("企业", {alternatives(a, "超 3.5%") + " 给予 10万元", alternatives(b, "低于 3.5%") + " 给予 5万元"});
  };
  auto first = with(true);
  expectOnly(*first, FindingKind::TierGap, "基准利率 = 3.5% (in force from 2024-01-01 to 2024-12-31) falls between",
             "企业.所在地=武进区");
  // The number search over the same boxes (each alternative's periods of the date) is cut in both;
  // the parameter search only in the second.
  auto last = with(false);
  expectNoGap(*last);
  EXPECT_EQ(last->result.stats.gapSearchesCut, first->result.stats.gapSearchesCut + 1) << last->listing();
}

// A bound on the rate inside an `或` that is itself below another condition (`(制造业 且 (基准利率 超 3.5% 或
// (人数 达 100 以上 且 基准利率 达 3.5% 以上))) 或 (非 制造业 且 …)`) was searched only at the top two
// levels: 3.5 % was paid to no 制造业 enterprise of fewer than 100 people, unreported. Bounds are now
// reached through 且 and 或 at any depth (after the shallower ones, whose findings a pair keeps).
TEST(CheckDecisionTable, AGapOnADatedParameterInAnAlternativeBelowAnotherConditionIsReported) {
  const std::string nested =
      "条件 (制造业 且 (基准利率 超 3.5% 或 (人数 达 100 以上 且 基准利率 达 3.5% 以上))) 或 (非 制造业 且 基准利率 达 3.5% 以上) "
      "给予 10万元";
  expectOnly(*withDatedRate("企业", {nested, "条件 基准利率 低于 3.5% 给予 5万元"}), FindingKind::TierGap,
             "基准利率 = 3.5% (in force from 2024-01-01 to 2024-12-31) falls between", "评价日期 2024-");
  // Deeper still, and as a stretch (3.55 % and 3.50 % below 达 3.6% 以上).
  expectOnly(*withDatedRate("企业", {"条件 制造业 且 ((人数 达 10 以上 且 (基准利率 达 3.6% 以上 或 (人数 达 100 以上 且 "
                                    "基准利率 达 3.5% 以上))) 或 (人数 低于 10 且 基准利率 达 3.5% 以上)) 给予 10万元",
                                    "条件 基准利率 低于 3.5% 给予 5万元"}),
             FindingKind::CaseRangeGap, "基准利率 between 3.5% and 3.6%", "评价日期 202");
  // Quiet: the other clause pays a band (the stretch above it is drawn on purpose), bounds that meet,
  // and an alternative beside the bound that pays everyone at 3.5 %.
  for (const auto& rests : std::vector<std::vector<std::string>>{
           {"条件 (制造业 且 (基准利率 达 3.6% 以上 或 (人数 达 100 以上 且 基准利率 达 3.55% 以上))) 或 (非 制造业 且 "
            "基准利率 达 3.55% 以上) 给予 10万元",
            "条件 基准利率 超 3.0% 且 基准利率 低于 3.55% 给予 5万元"},
           {nested, "条件 基准利率 不超过 3.5% 给予 5万元"},
           {"条件 (制造业 且 (基准利率 超 3.5% 或 基准利率 达 3.5% 以上)) 或 非 制造业 给予 10万元",
            "条件 基准利率 低于 3.5% 给予 5万元"}}) {
    expectNoGap(*withDatedRate("企业", rests));
  }
}

// A 分情形 key bounding the rate beside other conditions made the table's parameter search give up:
// 3.5 % between `改造 且 基准利率 超 3.5%` and `改造 且 基准利率 低于 3.5%` was paid to no 改造 project.
TEST(CheckDecisionTable, AGapOnADatedParameterBetweenCasesThatSayMoreIsReported) {
  const std::string point = "基准利率 = 3.5% (in force from 2024-01-01 to 2024-12-31) is covered by no case of";
  expectOnly(*withDatedRate("项目", {"给予 分情形 { 改造 且 基准利率 超 3.5%: 10万元; 改造 且 基准利率 低于 3.5%: 5万元; "
                                    "非 改造: 3万元 }"}),
             FindingKind::TierGap, point, "项目.改造");
  expectOnly(*withDatedRate("项目", {"给予 分情形 { 改造 且 基准利率 达 3.6% 以上: 10万元; 基准利率 低于 3.5% 且 改造: 5万元 }"}),
             FindingKind::CaseRangeGap, "基准利率 between 3.5% and 3.6%", "项目.改造");
  // Quiet: each kind paid on one side only (a division by kind), and a case without a bound on the
  // rate paying every 改造 project.
  for (const auto& rests : std::vector<std::vector<std::string>>{
           {"给予 分情形 { 改造 且 基准利率 超 3.5%: 10万元; 非 改造 且 基准利率 低于 3.5%: 5万元 }"},
           {"给予 分情形 { 改造 且 基准利率 超 3.5%: 10万元; 改造 且 基准利率 低于 3.5%: 5万元; 改造: 3万元 }"}}) {
    expectNoGap(*withDatedRate("项目", rests));
  }
}

// A key bounding the rate from both sides (a band) made the table's parameter search give up, and the
// stretch above the band was named as days of 评价日期 instead of the rate's values.
TEST(CheckDecisionTable, AGapAboveABandCaseOfADatedParameterIsReported) {
  expectOnly(*withDatedRate("企业", {"给予 分情形 { 基准利率 超 3.6%: 10万元; 基准利率 达 3.0% 以上 且 基准利率 低于 3.5%: 8万元 }"}),
             FindingKind::CaseRangeGap, "基准利率 between 3.5% and 3.6%", "评价日期 202");
  // Quiet: a band that meets the cases on both sides, and the stretch above the band paid to 改造
  // projects only (a division by kind).
  for (const auto& [subject, table] : std::vector<std::pair<std::string, std::string>>{
           {"企业", "给予 分情形 { 基准利率 超 3.6%: 10万元; 基准利率 达 3.0% 以上 且 基准利率 不超过 3.6%: 8万元 }"},
           {"项目", "给予 分情形 { 基准利率 超 3.6%: 10万元; 基准利率 达 3.0% 以上 且 基准利率 低于 3.5%: 8万元; 改造 且 基准利率 达 "
                    "3.5% 以上 且 基准利率 不超过 3.6%: 6万元 }"}}) {
    expectNoGap(*withDatedRate(subject, {table}));
  }
}

}  // namespace
}  // namespace polc::test
