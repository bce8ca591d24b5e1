// How `polc eval` writes an amount with a fractional part for people: to the fen (617,283.90 元, not
// 617,283.9 元, which reads as a figure cut short), in the award's block, the explanation, the totals
// and a batch's summary, with every backend; digits beyond the fen are kept (money is exact), whole
// amounts stay whole, and the JSON keeps its exact decimal strings (docs/eval-output.md).
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_util.h"

namespace polc::moneytext {
namespace {

using namespace polc::clitest;

const char* kPolicy = R"(
主体 企业 { 事实 营业收入: 元 取值 0元 至 10000亿元 }
标的 规模奖励
文件 甲 {
  文号 "甲〔2026〕1号"
  条 1 { 款 1 { 原文 "按营业收入的 10% 给予奖励。" 对象 企业 标的 规模奖励 条件 营业收入 超 0元 给予 营业收入 × 10% } }
}
)";

std::vector<std::string> backends() {
  std::vector<std::string> out{"ref", "vm"};
  if (runPolc("build policies/schema.pol --emit=llvm-ir -o /dev/null", "llvm-probe").exit == 0) out.push_back("llvm");
  return out;
}

std::string factsLine(const std::string& revenue) {
  return R"({"date": "2026-06-30", "企业": {"营业收入": ")" + revenue + R"("}})";
}

CliRun evalRevenue(const std::string& revenue, const std::string& backend, const std::string& options) {
  const fs::path policy = scratch("money_text.pol"), input = scratch("money_text.json");
  write(policy, kPolicy);
  write(input, factsLine(revenue));
  return runPolc("eval '" + policy.string() + "' --facts '" + input.string() + "' " + options + " --backend=" + backend,
                 "money-text-" + backend);
}

void expectContains(const std::string& text, const std::vector<std::string>& parts) {
  for (const auto& part : parts) EXPECT_NE(text.find(part), std::string::npos) << part << "\n" << text;
}

TEST(MoneyText, AnAmountWithAFractionIsWrittenToTheFen) {
  // 6172839元 × 10% = 617283.9元.
  for (const auto& backend : backends()) {
    SCOPED_TRACE(backend);
    CliRun r = evalRevenue("6172839元", backend, "--explain");
    ASSERT_EQ(r.exit, 0) << r.err;
    expectContains(r.out, {"    金额     617,283.90 元\n", "    计算：营业收入 × 10% = 617283.90元\n",
                           "    定额合计       617,283.90 元（1 项）\n", "    总范围         617,283.90 元 至 617,283.90 元\n"});
    EXPECT_EQ(r.out.find("617,283.9 "), std::string::npos) << r.out;
  }
}

TEST(MoneyText, WholeAmountsStayWholeAndDigitsBeyondTheFenAreKept) {
  for (const auto& backend : backends()) {
    SCOPED_TRACE(backend);
    CliRun whole = evalRevenue("6172830元", backend, "--explain");
    ASSERT_EQ(whole.exit, 0) << whole.err;
    expectContains(whole.out, {"    金额     617,283 元（61.7283万元）\n", "    计算：营业收入 × 10% = 61.7283万元\n"});
    CliRun finer = evalRevenue("1.25元", backend, "--explain");
    ASSERT_EQ(finer.exit, 0) << finer.err;
    expectContains(finer.out, {"    金额     0.125 元\n", "    计算：营业收入 × 10% = 0.125元\n"});
  }
}

TEST(MoneyText, JsonKeepsItsExactDecimalStrings) {
  CliRun r = evalRevenue("6172839元", "ref", "--format json --explain");
  ASSERT_EQ(r.exit, 0) << r.err;
  const nlohmann::json result = nlohmann::json::parse(r.out);
  const nlohmann::json& award = result.at("awards").at(0);
  EXPECT_EQ(award.at("max"), "617283.9");
  EXPECT_EQ(result.at("totals").at("max"), "617283.9");
  // The explanation is text for people, in JSON as in text.
  EXPECT_EQ(award.at("explanation").back(), "计算：营业收入 × 10% = 617283.90元");
}

TEST(MoneyText, TheBatchSummaryWritesTheFenToo) {
  const fs::path policy = scratch("money_text.pol"), batch = scratch("money_text.jsonl");
  write(policy, kPolicy);
  write(batch, factsLine("6172839元") + "\n" + factsLine("6172830元") + "\n");
  CliRun r = runPolc("eval '" + policy.string() + "' --batch '" + batch.string() + "'", "money-text-batch");
  ASSERT_EQ(r.exit, 0) << r.err;
  expectContains(r.err, {"total: 2 awards to 2 applicants, 1,234,566.90 元\n",
                         "clause 甲〔2026〕1号 第1条第1款: 2 awards to 2 applicants, 1,234,566.90 元\n"});
}

}  // namespace
}  // namespace polc::moneytext
