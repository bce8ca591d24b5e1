// What `polc eval --explain` says about the steps after a clause's amount — funding that cannot be
// decided, the notes (说明) of groups, caps and funding, a 一事一议 award's basis, a drop decided
// after caps, a drop whose kept award a later group drops, rounded funding parts, an expression
// written over several lines, an up-to amount with a floor — on one small policy, with every
// backend (the reference evaluator, the VM, and the VM with LLVM when polc has it). The generated
// C++ says the same: tests/differential compares it on tests/differential/features, which has
// each of these.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_util.h"

namespace polc::explaintest {
namespace {

using namespace polc::clitest;

// 甲 pays 10% of 营业收入 (written over two lines, with a comment) and 20元 plus up to 1% of 投入,
// capped together at 100元 and not stacked; 乙 pays 200元 for the same target as 甲's first clause,
// when 投入 is over 1000元, and the two documents' awards of one target are not stacked either.
const char* kPolicy = R"(
枚举 辖区 { 新北区, 溧阳市 }
主体 企业 {
  事实 所在地: 辖区
  事实 营业收入: 元 取值 0元 至 10000亿元
  事实 投入: 元 取值 0元 至 10000亿元
  事实 研发: 元 取值 0元 至 10000亿元
}
标的 规模奖励
标的 投入奖励
标的 研发奖励
文件 甲 {
  文号 "甲〔2026〕1号"
  舍入 1元 四舍五入
  条 1 {
    款 1 { 原文 "规模奖励 10%。" 对象 企业 标的 规模奖励 条件 营业收入 超 0元
           给予 营业收入 ×   // 比例
                10% }
    款 2 { 原文 "投入奖励 20 元，另给予最高 1%。" 对象 企业 标的 投入奖励 条件 投入 超 0元 给予 20元 + 最高 投入 × 1% }
    款 3 { 原文 "研发一事一议。" 对象 企业 标的 研发奖励 条件 研发 超 0元 一事一议 "根据研发投入一事一议" }
  }
  资金分担 {
    原文 "市区按 1:1 分担；溧阳市由市补助 15%。"
    条件 所在地 == 溧阳市: 市 15%, 溧阳市 其余
    其他: 市, 区 = 1:1
    说明 "区指所在地的区。"
  }
  不重复 就高 { 原文 "就高不重复享受。" 范围 文件 取 最高 说明 "同一企业只取最高一项。" }
  上限 合计 100元 每个 企业 覆盖 第1条第1款, 第1条第2款 { 原文 "合计最高 100 元。" 说明 "两项合计。" }
}
文件 乙 {
  文号 "乙〔2026〕1号"
  条 1 { 款 1 { 原文 "规模奖励 200 元。" 对象 企业 标的 规模奖励 条件 投入 超 1000元 给予 200元 } }
  不重复 从优从高 { 原文 "从优从高。" 范围 所有文件 取 最高 同一 标的 }
}
)";

std::vector<std::string> backends() {
  std::vector<std::string> out{"ref", "vm"};
  if (runPolc("build policies/schema.pol --emit=llvm-ir -o /dev/null", "llvm-probe").exit == 0) out.push_back("llvm");
  return out;
}

// `polc eval` of `text` (kPolicy unless given) for an enterprise with `facts`, with `backend` and
// `options`.
CliRun evalPolicy(const std::string& facts, const std::string& backend, const std::string& options,
                  const char* text = kPolicy) {
  const fs::path policy = scratch("explain.pol"), input = scratch("explain.json");
  write(policy, text);
  write(input, R"({"date": "2026-06-30", "企业": {)" + facts + "}}");
  return runPolc("eval '" + policy.string() + "' --facts '" + input.string() + "' " + options + " --backend=" + backend,
                 "explain-" + backend);
}

// `polc eval --explain` of the policy for an enterprise with `facts` prints each of `lines` as a
// line of its own (the explanation's lines are indented by four spaces), with every backend.
void expectLines(const std::string& facts, const std::vector<std::string>& lines, const char* text = kPolicy) {
  for (const auto& backend : backends()) {
    SCOPED_TRACE(backend + ": " + facts);
    CliRun r = evalPolicy(facts, backend, "--explain", text);
    ASSERT_EQ(r.exit, 0) << r.err;
    for (const auto& line : lines) EXPECT_NE(r.out.find("    " + line + "\n"), std::string::npos) << line << "\n" << r.out;
  }
}

TEST(ExplainCli, FundingThatCannotBeDecidedHasItsLineAndTheNote) {
  // 101元 capped to 100元 by 合计; 所在地 decides the funding rule and is not given.
  expectLines(R"("营业收入": "1005元")",
              {"合计上限：合计 100元：合计 101元，超出 1元；本项减至 100元；原文：合计最高 100 元。",
               "释义（合计）：两项合计。",
               "资金分担：条件 所在地 == 溧阳市: 市 15%, 溧阳市 其余：尚不能判断，缺少事实：企业.所在地",
               "释义（资金分担）：区指所在地的区。"});
  // The JSON result says it in the award's notes, explained or not.
  for (const auto& backend : backends()) {
    SCOPED_TRACE(backend);
    CliRun r = evalPolicy(R"("营业收入": "1005元")", backend, "--format json");
    ASSERT_EQ(r.exit, 0) << r.err;
    const nlohmann::json result = nlohmann::json::parse(r.out);
    const nlohmann::json& award = result.at("awards").at(0);
    EXPECT_EQ(award.at("citation"), "甲〔2026〕1号 第1条第1款");
    // 投入 is not given either, so 甲 第1条第2款 (就高) and 乙's clause (从优从高, the same 标的) are not
    // assessable: each group's note follows, in the order of the groups.
    EXPECT_EQ(award.at("notes"),
              nlohmann::json::array({"资金分担无法判断，缺少：企业.所在地",
                                     "不重复享受（就高）中 甲〔2026〕1号 第1条第2款 无法评估：评估后本项可能被替换",
                                     "不重复享受（从优从高）中 乙〔2026〕1号 第1条第1款 无法评估：评估后本项可能被替换"}))
        << r.out;
    EXPECT_EQ(award.at("funding"), nlohmann::json::array()) << r.out;
  }
}

// 甲's first funding rule needs 所在地, which is not given: a 一事一议 award's funding is then
// undecided, naming the fact, as a paying award's is (it said nothing: the rule that condition decides
// could have been one in words, naming who pays).
TEST(ExplainCli, ANegotiatedAwardShowsItsBasis) {
  expectLines(R"("研发": "1元")", {"条件：均满足", "一事一议：根据研发投入一事一议",
                                   "资金分担：条件 所在地 == 溧阳市: 市 15%, 溧阳市 其余：尚不能判断，缺少事实：企业.所在地"});
}

TEST(ExplainCli, FundingPartsAreThoseRoundedAndPaid) {
  // 333元 × 10% = 33.30元, rounded to 33元; 15% of it is 4.95元, paid as 5元; 溧阳市 takes the rest,
  // and the line says why its part is not 85% of 33元.
  expectLines(R"("营业收入": "333元", "所在地": "溧阳市")",
              {"计算：营业收入 × 10% = 33.30元", "舍入（1元 四舍五入）：33元",
               "资金分担：条件 所在地 == 溧阳市: 市 15%, 溧阳市 其余：市 5元，溧阳市 28元"
               "（不能按比例整分：市 的份额按 1元 四舍五入 舍入，余额由 溧阳市 承担）",
               "释义（资金分担）：区指所在地的区。"});
}

TEST(ExplainCli, AnUpToAmountWithAFixedPartShowsItsFloor) {
  // 20元 + up to 300元 × 1% = 20元 to 23元; split 1:1 and rounded to the yuan: 10 to 12, 10 to 11.
  expectLines(R"("投入": "300元", "所在地": "新北区")",
              {"投入 300元 × 1% = 3元", "20元 + 最高 3元 = 最低 20元、最高 23元",
               "计算：20元 + 最高 投入 × 1% = 最低 20元、最高 23元",
               "资金分担：其他: 市, 区 = 1:1：市 最低 10元、最高 12元，区 最低 10元、最高 11元"
               "（不能按比例整分：市 的份额按 1元 四舍五入 舍入，余额由 区 承担）"});
  CliRun r = evalPolicy(R"("投入": "300元", "所在地": "新北区")", "ref", "");
  EXPECT_NE(r.out.find("    金额     最低 20 元、最高 23 元\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("    资金分担 市 最低 10 元、最高 12 元；区 最低 10 元、最高 11 元\n"), std::string::npos) << r.out;
}

TEST(ExplainCli, DropsShowTheCapsTheyComparedAfterAndTheAwardFinallyKept) {
  // 甲 第1条第1款: 1005元 × 10% = 101元; 第2款: 20元 + up to 33.33元, rounded to 最低 20元、最高 53元.
  // 就高 compares them after 合计 100元: 154元 is 54元 over, taken off the last clause first — 第2款
  // to 0, 第1款 to 100元 — so 第2款 is dropped. 从优从高 then drops 第1款 (100元 after the cap)
  // for 乙's 200元: 第2款's line names 乙's award as the one finally kept, not 第1款.
  expectLines(R"("营业收入": "1005元", "投入": "3333元")",
              {"计算：营业收入 × 10% = 100.50元",
               "不重复享受（就高）：不及 甲〔2026〕1号 第1条第1款（100元）；该项又因不重复享受（从优从高）不予叠加，"
               "最终保留 乙〔2026〕1号 第1条第1款；原文：就高不重复享受。",
               "不重复享受（就高）按上限后的金额比较：本项 最低 20元、最高 53元 经合计上限 合计 100元 减至 最高 0元；"
               "甲〔2026〕1号 第1条第1款 101元 经合计上限 合计 100元 减至 100元",
               "释义（就高）：同一企业只取最高一项。",
               "不重复享受（就高）：本项金额最高，予以保留",
               "不重复享受（就高）按上限后的金额比较：本项 101元 经合计上限 合计 100元 减至 100元；"
               "甲〔2026〕1号 第1条第2款 最低 20元、最高 53元 经合计上限 合计 100元 减至 最高 0元",
               "不重复享受（从优从高）：保留 乙〔2026〕1号 第1条第1款（200元）；原文：从优从高。",
               "不重复享受（从优从高）按上限后的金额比较：本项 101元 经合计上限 合计 100元 减至 100元"});
}

// A 1:1 split of an odd amount: 330元 × 10% = 33元 gives 市 16.50元, paid as 17元, and 区 what is
// left, 16元. A caseworker reconciling the accounts asked why the parts differ: the line says which
// payer's share was rounded, by which rule, and who took the remainder, and so does the award's
// JSON note, which the finance bureau's program reads, before the notes of the groups that may still
// drop the award (投入 not given); the block's 待定 lines are those groups' alone. An even amount (34元:
// 17元 each) has no such words, and the amounts are the same with or without --explain.
TEST(ExplainCli, AnUnevenSplitSaysWhoTookTheRemainder) {
  const std::string remainder = "不能按比例整分：市 的份额按 1元 四舍五入 舍入，余额由 区 承担";
  const std::string pending[] = {"不重复享受（就高）中 甲〔2026〕1号 第1条第2款 无法评估：评估后本项可能被替换",
                                 "不重复享受（从优从高）中 乙〔2026〕1号 第1条第1款 无法评估：评估后本项可能被替换"};
  for (const auto& backend : backends()) {
    SCOPED_TRACE(backend);
    CliRun r = evalPolicy(R"("营业收入": "330元", "所在地": "新北区")", backend, "--explain");
    ASSERT_EQ(r.exit, 0) << r.err;
    EXPECT_NE(r.out.find("    资金分担：其他: 市, 区 = 1:1：市 17元，区 16元（" + remainder + "）\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("    待定     " + pending[0] + "\n    待定     " + pending[1] + "\n    受益人"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("待定     资金分担"), std::string::npos) << r.out;
    r = evalPolicy(R"("营业收入": "330元", "所在地": "新北区")", backend, "--format json --explain");
    ASSERT_EQ(r.exit, 0) << r.err;
    const nlohmann::json award = nlohmann::json::parse(r.out).at("awards").at(0);
    EXPECT_EQ(award.at("funding"), nlohmann::json::parse(R"([{"payer": "市", "min": "17", "max": "17"},
                                                             {"payer": "区", "min": "16", "max": "16"}])"))
        << r.out;
    EXPECT_EQ(award.at("notes"), nlohmann::json::array({"资金分担" + remainder, pending[0], pending[1]})) << r.out;
    EXPECT_NE(award.at("explanation").dump().find("余额由 区 承担"), std::string::npos) << r.out;
    // Which payer took it, as data (the C API's polrt_award_funding_remainder): 区, the second.
    EXPECT_EQ(award.at("funding_remainder"), 1) << r.out;
    EXPECT_EQ(award.at("installments_remainder"), nullptr) << r.out;
    // In a batch line, an even split: no words, and no index.
    const fs::path batch = scratch("explain.jsonl");
    write(batch, R"({"date": "2026-06-30", "企业": {"营业收入": "340元", "所在地": "新北区"}})"
                 "\n");
    r = runPolc("eval '" + scratch("explain.pol").string() + "' --batch '" + batch.string() + "' --explain --backend=" + backend,
                "explain-batch-" + backend);
    ASSERT_EQ(r.exit, 0) << r.err;
    const nlohmann::json even = nlohmann::json::parse(r.out).at("awards").at(0);
    EXPECT_NE(even.at("explanation").dump().find("资金分担：其他: 市, 区 = 1:1：市 17元，区 17元\""), std::string::npos) << r.out;
    EXPECT_EQ(even.at("funding_remainder"), nullptr) << r.out;
  }
}

// Three awards of 100元 each: 甲's two tie in 就高 (no 优先 there: citation order keeps 第1款), and
// 甲's 第1款 ties with 乙's in 从优从高, whose 优先 names 乙.
const char* kTiePolicy = R"(
主体 企业 { 事实 投入: 元 取值 0元 至 10000亿元 }
标的 投入奖励
文件 甲 {
  文号 "甲〔2026〕1号"
  条 1 {
    款 1 { 原文 "投入奖励 10%。" 对象 企业 标的 投入奖励 条件 投入 超 0元 给予 投入 × 10% }
    款 2 { 原文 "投入奖励 100 元。" 对象 企业 标的 投入奖励 条件 投入 超 0元 给予 100元 }
  }
  不重复 就高 { 原文 "就高不重复享受。" 范围 文件 取 最高 }
}
文件 乙 {
  文号 "乙〔2026〕1号"
  条 1 { 款 1 { 原文 "投入奖励 100 元。" 对象 企业 标的 投入奖励 条件 投入 超 0元 给予 100元 } }
  不重复 从优从高 { 原文 "从优从高，金额相同的优先享受乙。" 范围 所有文件 取 最高 同一 标的 优先 乙 }
}
)";

// A dropped award that would have paid as much as the one kept said it fell short of it (不及) or
// named the kept award without a word of the tie: it now says it was equal and which rule chose the
// other — the group's 优先, or citation order — in the explanation and in the JSON reason, with
// every backend (the differential tests compare the generated C++ on tests/differential/features).
TEST(ExplainCli, ATieSaysTheDroppedAwardWasEqualAndWhichRuleChose) {
  const std::string byPrefer =
      "不重复享受（从优从高）：保留 乙〔2026〕1号 第1条第1款（100元）；本项与之金额相同，按本组优先 乙〔2026〕1号 让位；"
      "原文：从优从高，金额相同的优先享受乙。";
  const std::string byOrderThenDropped =
      "不重复享受（就高）：与 甲〔2026〕1号 第1条第1款（100元）金额相同，按引用先后让位（该项在前）；"
      "该项又因不重复享受（从优从高）不予叠加，最终保留 乙〔2026〕1号 第1条第1款；原文：就高不重复享受。";
  expectLines(R"("投入": "1000元")",
              {byPrefer, byOrderThenDropped, "不重复享受（就高）：与他项金额相同，按优先文件与引用先后予以保留"},
              kTiePolicy);
  for (const auto& backend : backends()) {
    SCOPED_TRACE(backend);
    CliRun r = evalPolicy(R"("投入": "1000元")", backend, "--format json", kTiePolicy);
    ASSERT_EQ(r.exit, 0) << r.err;
    const nlohmann::json awards = nlohmann::json::parse(r.out).at("awards");
    ASSERT_EQ(awards.size(), 3u) << r.out;
    EXPECT_EQ(awards.at(0).at("reason"), byPrefer) << r.out;
    EXPECT_EQ(awards.at(1).at("reason"), byOrderThenDropped) << r.out;
    EXPECT_EQ(awards.at(2).at("status"), "kept") << r.out;
    EXPECT_EQ(r.out.find("不及"), std::string::npos) << r.out;
  }
  // Without the tie (乙 pays 100元, 甲 第1条第1款 110元) the words are as before.
  expectLines(R"("投入": "1100元")",
              {"不重复享受（从优从高）：保留 甲〔2026〕1号 第1条第1款（110元）；原文：从优从高，金额相同的优先享受乙。"},
              kTiePolicy);
}

}  // namespace
}  // namespace polc::explaintest
