// Each kind of finding on a small policy written here, with its witness replayed through the
// reference evaluator (check/replay.h) — the claim of every finding kind is tested.
#include "check_util.h"

namespace polc::test {
namespace {

using check::FindingKind;

std::unique_ptr<Checked> policy(const std::string& body, const std::string& extra = "") {
  return compileOne(std::string(kCheckSchema) + doc("测试", body, extra));
}

std::string clause(const std::string& n, const std::string& subject, const std::string& target,
                   const std::string& rest) {
  return "款 " + n + " { 原文 \"条文" + n + "\" 对象 " + subject + " 标的 " + target + " " + rest + " }\n";
}

void replayAll(const Checked& c) {
  for (const auto& f : c.result.findings) c.expectReplays(f);
}

TEST(CheckKinds, OverlapWithEqualAmounts) {
  auto c = policy("条 1 {\n" + clause("1", "项目", "设备奖励", "条件 改造 且 设备投入 达 100万元 以上 给予 10万元") +
                  clause("2", "项目", "设备奖励", "条件 设备投入 超 50万元 给予 10万元") + "}");
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
  auto c = policy("条 1 {\n" + clause("1", "项目", "设备奖励", "条件 设备投入 超 100万元 给予 20万元") +
                  clause("2", "项目", "设备奖励", "条件 设备投入 超 50万元 给予 10万元") + "}");
  ASSERT_TRUE(c->program);
  auto f = c->find(FindingKind::Conflict);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  // Strict 超: the witness is just above the higher threshold.
  EXPECT_NE(f[0]->witnessSummary.find("项目.设备投入=100.0001万元"), std::string::npos) << f[0]->witnessSummary;
  ASSERT_EQ(f[0]->amounts.size(), 2u);
  replayAll(*c);
}

TEST(CheckKinds, StrictAndInclusiveBoundariesDoNotOverlap) {
  auto c = policy("条 1 {\n" + clause("1", "项目", "设备奖励", "条件 设备投入 超 100万元 给予 20万元") +
                  clause("2", "项目", "设备奖励", "条件 设备投入 不超过 100万元 给予 10万元") + "}");
  ASSERT_TRUE(c->program);
  EXPECT_TRUE(c->find(FindingKind::Overlap).empty()) << c->listing();
  EXPECT_TRUE(c->find(FindingKind::Conflict).empty()) << c->listing();
  EXPECT_TRUE(c->find(FindingKind::TierGap).empty()) << c->listing();
}

TEST(CheckKinds, GapAtAStrictBoundaryOnBothSides) {
  auto c = policy("条 1 {\n" + clause("1", "项目", "设备奖励", "条件 设备投入 超 100万元 给予 20万元") +
                  clause("2", "项目", "设备奖励", "条件 设备投入 低于 100万元 给予 10万元") + "}");
  ASSERT_TRUE(c->program);
  auto f = c->find(FindingKind::TierGap);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_NE(f[0]->witnessSummary.find("项目.设备投入=100万元"), std::string::npos) << f[0]->witnessSummary;
  replayAll(*c);
}

TEST(CheckKinds, DifferentEnumValuesAndSetsAreDisjoint) {
  auto c = policy("条 1 {\n" + clause("1", "项目", "设备奖励", "条件 产业 属于 先进制造业 给予 20万元") +
                  clause("2", "项目", "设备奖励", "条件 产业 为 其他产业 给予 10万元") +
                  clause("3", "企业", "称号奖励", "条件 新认定 称号 含 小巨人 给予 20万元") +
                  clause("4", "企业", "称号奖励", "条件 称号 含 小巨人 且 非 新认定 称号 含 小巨人 给予 10万元") + "}");
  ASSERT_TRUE(c->program);
  EXPECT_TRUE(c->result.findings.empty()) << c->listing();
}

TEST(CheckKinds, AnyOfAndHeldOverlapNewlyRecognised) {
  auto c = policy("条 1 {\n" + clause("1", "企业", "称号奖励", "条件 新认定 称号 含 {小巨人, 省小巨人} 给予 20万元") +
                  clause("2", "企业", "称号奖励", "条件 称号 含 省小巨人 给予 10万元") + "}");
  ASSERT_TRUE(c->program);
  auto f = c->find(FindingKind::Conflict);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_NE(f[0]->witnessSummary.find("新认定 省小巨人"), std::string::npos) << f[0]->witnessSummary;
  replayAll(*c);
}

TEST(CheckKinds, CoveredByAGroupAndAcceptedByARelation) {
  auto c = policy("条 1 {\n" + clause("1", "项目", "设备奖励", "条件 设备投入 超 100万元 给予 20万元") +
                      clause("2", "项目", "设备奖励", "条件 设备投入 超 50万元 给予 10万元") + "}\n条 2 {\n" +
                      clause("1", "企业", "规模奖励", "条件 制造业 给予 5万元") +
                      clause("2", "企业", "规模奖励", "关系 第2条第1款 \"两项均可享受\" 条件 人数 超 10 给予 5万元") + "}",
                  "不重复 组 { 原文 \"就高不重复\" 范围 第1条第1款, 第1条第2款 取 最高 每个 项目 }");
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
  auto c = policy("条 1 {\n" + clause("1", "项目", "设备奖励", "条件 改造 且 设备投入 超 100万元 给予 10万元") +
                      clause("2", "项目", "节能奖励", "条件 设备投入 超 50万元 给予 20万元") + "}",
                  "不重复 就高 { 原文 \"就高不重复\" 范围 文件 取 最高 每个 项目 }");
  ASSERT_TRUE(c->program);
  auto f = c->find(FindingKind::Shadowed);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_NE(f[0]->refs[0].citation.find("第1条第1款"), std::string::npos);
  replayAll(*c);
}

TEST(CheckKinds, DeadClauseAndContradictoryExclusion) {
  auto c = policy("条 1 {\n" + clause("1", "项目", "设备奖励", "条件 投资 > 1000万元 且 投资 < 500万元 给予 10万元") +
                      clause("2", "企业", "规模奖励", "条件 排除 且 制造业 给予 5万元") +
                      clause("3", "企业", "称号奖励", "条件 人数 超 5 且 人数 低于 7 给予 1万元") +
                      clause("4", "企业", "称号奖励", "条件 人数 超 5 且 人数 低于 6 给予 1万元") + "}",
                  "申报条件 非 排除");
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
  auto c = policy("条 1 {\n" + clause("1", "企业", "规模奖励", "条件 制造业 且 比例 达 0% 以上 给予 5万元") + "}");
  ASSERT_TRUE(c->program);
  ASSERT_EQ(c->find(FindingKind::AlwaysTrue).size(), 1u) << c->listing();
  replayAll(*c);
}

TEST(CheckKinds, HigherTierPaysLess) {
  auto c = policy("条 1 {\n" +
                  clause("1", "企业", "规模奖励",
                         "给予 最高 分档 营业收入 首次超 { 1000亿元: 500万元; 500亿元: 1000万元; 100亿元: 200万元 }") +
                  "}");
  ASSERT_TRUE(c->program);
  auto f = c->find(FindingKind::TierPaysLess);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_NE(f[0]->witnessSummary.find("企业.营业收入=10000000.0001万元"), std::string::npos) << f[0]->witnessSummary;
  EXPECT_FALSE(f[0]->contrast.is_null());
  replayAll(*c);
}

TEST(CheckKinds, ThresholdsOutOfOrderAndUnreachableCases) {
  auto c = policy("条 1 {\n" +
                  clause("1", "企业", "规模奖励", "给予 分档 营业收入 超 { 100亿元: 200万元; 500亿元: 500万元 }") +
                  clause("2", "企业", "称号奖励", "给予 分情形 { 制造业: 10万元; 制造业 且 排除: 20万元 }") + "}");
  ASSERT_TRUE(c->program);
  ASSERT_EQ(c->find(FindingKind::TierOrder).size(), 1u) << c->listing();
  ASSERT_EQ(c->find(FindingKind::TierUnreachable).size(), 1u) << c->listing();
  replayAll(*c);
}

TEST(CheckKinds, GapBetweenCases) {
  auto c = policy("条 1 {\n" +
                  clause("1", "项目", "设备奖励", "给予 分情形 { 投资 低于 100万元: 1万元; 投资 超 100万元: 2万元 }") + "}");
  ASSERT_TRUE(c->program);
  auto f = c->find(FindingKind::TierGap);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  replayAll(*c);
}

TEST(CheckKinds, Caps) {
  auto c = policy("条 1 {\n" + clause("1", "项目", "设备奖励", "条件 改造 给予 最高 200万元") +
                      clause("2", "项目", "节能奖励", "给予 节能量 × 500元/吨标煤 上限 100万元") +
                      clause("3", "项目", "规模奖励", "条件 设备投入 达 5亿元 以上 给予 设备投入 × 10% 上限 1000万元") +
                      clause("4", "项目", "称号奖励", "条件 级别 为 国家级 给予 设备投入 × 120% 上限 1000万元") +
                      clause("5", "企业", "称号奖励", "条件 制造业 给予 10万元 上限 0元") + "}",
                  "上限 合计 100万元 每个 企业 累计 覆盖 第1条第1款 { 原文 \"累计最高100万元\" }");
  ASSERT_TRUE(c->program);
  EXPECT_EQ(c->find(FindingKind::CapAboveProgramme).size(), 1u) << c->listing();
  EXPECT_EQ(c->find(FindingKind::CapUnreachable).size(), 1u) << c->listing();
  EXPECT_EQ(c->find(FindingKind::CapAlwaysReached).size(), 1u) << c->listing();
  EXPECT_EQ(c->find(FindingKind::RateOver100).size(), 1u) << c->listing();
  EXPECT_EQ(c->find(FindingKind::CapNotPositive).size(), 1u) << c->listing();
  replayAll(*c);
}

TEST(CheckKinds, CrossFactArithmeticGoesToZ3) {
  // 增量 with the current value: the box cannot treat them apart; Z3 decides (and finds no overlap).
  auto c = policy("条 1 {\n" +
                  clause("1", "企业", "规模奖励", "条件 增量(地方贡献) 超 100万元 且 地方贡献 低于 50万元 给予 5万元") +
                  clause("2", "企业", "称号奖励", "条件 增量(地方贡献) 超 0元 且 地方贡献 超 上年(地方贡献) × 2 给予 5万元") + "}");
  ASSERT_TRUE(c->program);
  EXPECT_EQ(c->find(FindingKind::DeadClause, "第1条第1款").size(), 1u) << c->listing();
  EXPECT_TRUE(c->find(FindingKind::DeadClause, "第1条第2款").empty()) << c->listing();
  EXPECT_GT(c->result.stats.z3Queries, 0);
  replayAll(*c);
}

}  // namespace
}  // namespace polc::test
