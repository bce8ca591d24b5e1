// 累进's bands run from each threshold to the next, so the thresholds must increase. Written as
// literals, sema says so (SemaDiagnostics.MarginalThresholdsMustIncrease); given by facts, only the
// evaluation can: a next threshold below this one is an evaluation error in every backend, where
// the band's negative width once took money off the award, and so is one equal to it (a band of no
// width, whose rate can never pay), by the same rule (decimal/amount_rules.h, badMarginalBand).
#include <string>
#include <vector>

#include "cli_util.h"

namespace polc::marginaltest {
namespace {

using namespace polc::clitest;

const char* kPolicy = R"(
主体 企业 {
  事实 收入: 元 取值 0元 至 10000亿元
  事实 一档: 元 取值 0元 至 10000亿元
  事实 二档: 元 取值 0元 至 10000亿元
}
标的 规模奖励
文件 甲 {
  条 1 { 款 1 { 原文 "分段累进奖励。" 对象 企业 标的 规模奖励 给予 累进 收入 { 一档: 10%; 二档: 20% } } }
}
)";

std::vector<std::string> backends() {
  std::vector<std::string> out{"ref", "vm"};
  if (runPolc("build policies/schema.pol --emit=llvm-ir -o /dev/null", "llvm-probe").exit == 0) out.push_back("llvm");
  return out;
}

CliRun evalBands(const std::string& facts, const std::string& backend) {
  const fs::path policy = scratch("marginal.pol"), input = scratch("marginal.json");
  write(policy, kPolicy);
  write(input, R"({"date": "2026-06-30", "企业": {)" + facts + "}}");
  return runPolc("eval '" + policy.string() + "' --facts '" + input.string() + "' --backend=" + backend,
                 "marginal-" + backend);
}

TEST(MarginalCli, ThresholdsOutOfOrderAreAnEvaluationErrorInEveryBackend) {
  for (const auto& backend : backends()) {
    SCOPED_TRACE(backend);
    // 收入 200元 above 一档 100元 and 二档 50元: the first band would be 10% × (50元 − 100元) = −5元.
    CliRun bad = evalBands(R"("收入": "200", "一档": "100", "二档": "50")", backend);
    EXPECT_EQ(bad.exit, 1) << bad.out;
    EXPECT_NE(bad.err.find("evaluation error: 甲 第1条第1款: `累进 收入 { 一档: 10%; 二档: 20% }`: the thresholds of "
                           "累进 must increase"),
              std::string::npos)
        << bad.err;
    // 一档 = 二档 = 100元: the first band is empty, its 10% can never pay — as much a mistake in the
    // facts as the reverse order, and once paid 20% × 100元 = 20元 without a word.
    CliRun empty = evalBands(R"("收入": "200", "一档": "100", "二档": "100")", backend);
    EXPECT_EQ(empty.exit, 1) << empty.out;
    EXPECT_NE(empty.err.find("evaluation error: 甲 第1条第1款: `累进 收入 { 一档: 10%; 二档: 20% }`: the thresholds of "
                             "累进 must increase"),
              std::string::npos)
        << empty.err;
    // In order: 10% × (100元 − 50元) + 20% × (200元 − 100元) = 25元.
    CliRun good = evalBands(R"("收入": "200", "一档": "50", "二档": "100")", backend);
    EXPECT_EQ(good.exit, 0) << good.err;
    EXPECT_NE(good.out.find("金额     25 元"), std::string::npos) << good.out;
    // 收入 below the first threshold reaches no band, so the order of the thresholds does not matter.
    CliRun below = evalBands(R"("收入": "25", "一档": "30", "二档": "20")", backend);
    EXPECT_EQ(below.exit, 0) << below.err;
  }
}

}  // namespace
}  // namespace polc::marginaltest
