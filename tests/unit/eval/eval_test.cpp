// The reference evaluator, construct by construct: small policies written here, small facts, exact
// amounts (docs/ir.md is the definition).
#include "eval_util.h"

namespace polc::test {
namespace {

std::unique_ptr<CompiledPolicy> doc(const std::string& body, const std::string& extra = "") {
  return compilePolicy(std::string(kSchema) + "文件 测试 {\n  文号 \"测〔2024〕1号\"\n  舍入 0.01元 四舍五入\n" +
                       body + "\n}\n" + extra);
}

std::string facts(const std::string& enterprise, const std::string& date = "2024-06-30") {
  return "{\"date\": \"" + date + "\", \"企业\": {" + enterprise + "}}";
}

TEST(Eval, TiersPayTheFirstMatchingEntry) {
  auto c = doc(R"(条 1 { 款 1 { 原文 "分档" 对象 企业 标的 规模奖励
      给予 分档 营业收入 达 { 100亿元: 200万元; 50亿元: 100万元; 10亿元: 20万元 } } })");
  ASSERT_TRUE(c);
  auto r = evaluate(*c, facts(R"("营业收入": "120亿元")"));
  auto* a = award(*c, r, "第1条第1款");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->form, AmountForm::Exact);
  EXPECT_EQ(str(a->hi), "2000000");
  r = evaluate(*c, facts(R"("营业收入": "60亿元")"));
  EXPECT_EQ(str(award(*c, r, "第1条第1款")->hi), "1000000");
  r = evaluate(*c, facts(R"("营业收入": "5亿元")"));
  EXPECT_EQ(award(*c, r, "第1条第1款"), nullptr) << "no tier: the clause pays nothing";
}

TEST(Eval, FirstOverUsesEveryEarlierYear) {
  auto c = doc(R"(条 2 { 款 1 { 原文 "首次超" 对象 企业 标的 规模奖励
      给予 最高 分档 营业收入 首次超 { 1000亿元: 1000万元; 500亿元: 500万元; 100亿元: 200万元 } } })");
  ASSERT_TRUE(c);
  auto r = evaluate(*c, facts(R"("营业收入": "520亿元", "history": {"营业收入": {"2022": "450亿元", "2023": "480亿元"}})"));
  auto* a = award(*c, r, "第2条第1款");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->form, AmountForm::UpTo);
  EXPECT_EQ(str(a->lo), "0");
  EXPECT_EQ(str(a->hi), "5000000");
  // Above 500亿 in 2022 already: neither the 500亿 nor the 100亿 tier is crossed for the first time.
  r = evaluate(*c, facts(R"("营业收入": "520亿元", "history": {"营业收入": {"2022": "510亿元", "2023": "480亿元"}})"));
  EXPECT_EQ(award(*c, r, "第2条第1款"), nullptr);
  // No history: never above before.
  r = evaluate(*c, facts(R"("营业收入": "520亿元")"));
  EXPECT_EQ(str(award(*c, r, "第2条第1款")->hi), "5000000");
  // Exactly at the threshold is not 超.
  r = evaluate(*c, facts(R"("营业收入": "500亿元")"));
  EXPECT_EQ(str(award(*c, r, "第2条第1款")->hi), "2000000");
}

TEST(Eval, IncreaseNeedsLastYear) {
  auto c = doc(R"(条 1 { 款 1 { 原文 "增量" 对象 企业 标的 规模奖励 给予 增量(产值) × 10% } })");
  ASSERT_TRUE(c);
  auto r = evaluate(*c, facts(R"("产值": "12亿元", "history": {"产值": {"2023": "10亿元"}})"));
  EXPECT_EQ(str(award(*c, r, "第1条第1款")->hi), "20000000");
  r = evaluate(*c, facts(R"("产值": "12亿元", "history": {"产值": {"2022": "10亿元"}})"));
  auto* a = award(*c, r, "第1条第1款");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->status, eval::Status::NotAssessable);
  ASSERT_EQ(a->missing.size(), 1u);
  EXPECT_NE(a->missing[0].find("上年 企业.产值"), std::string::npos) << a->missing[0];
}

// 历史最高 is the highest of the earlier years given, a gap or no last year notwithstanding; with
// no earlier year at all it has no value (where 首次超 holds: a first crossing), as the docs say.
TEST(Eval, HistoryMaxNeedsSomeEarlierYear) {
  auto c = doc(R"(条 1 { 款 1 { 原文 "历史最高" 对象 企业 标的 规模奖励 给予 历史最高(营业收入) × 1% } })");
  ASSERT_TRUE(c);
  auto r = evaluate(*c, facts(R"("营业收入": "1亿元", "history": {"营业收入": {"2020": "3亿元", "2022": "2亿元"}})"));
  EXPECT_EQ(str(award(*c, r, "第1条第1款")->hi), "3000000");
  r = evaluate(*c, facts(R"("营业收入": "1亿元")"));
  auto* a = award(*c, r, "第1条第1款");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->status, eval::Status::NotAssessable);
  ASSERT_EQ(a->missing.size(), 1u);
  EXPECT_EQ(a->missing[0], "历史 企业.营业收入");
}

// 增量(产值) in the conditions and in the amount: the explanation lists its computation once, where
// the conditions computed it.
TEST(Eval, AValueTheConditionsComputedIsExplainedOnce) {
  auto c = doc(R"(条 1 { 款 1 { 原文 "增量" 对象 企业 标的 规模奖励 条件 增量(产值) 超 1亿元 给予 增量(产值) × 10% } })");
  ASSERT_TRUE(c);
  auto r = evaluate(*c, facts(R"("产值": "12亿元", "history": {"产值": {"2023": "10亿元"}})"), true);
  auto* a = award(*c, r, "第1条第1款");
  ASSERT_TRUE(a);
  const std::vector<std::string>& e = a->explanation;
  const std::string increase = "增量(产值)：12亿元 − 上年 10亿元 = 2亿元";
  EXPECT_EQ(std::count(e.begin(), e.end(), increase), 1) << ::testing::PrintToString(e);
  auto at = std::find(e.begin(), e.end(), increase);
  ASSERT_NE(at, e.end());
  ASSERT_NE(at + 1, e.end());
  EXPECT_EQ(*(at + 1), "条件：均满足") << ::testing::PrintToString(e);
  EXPECT_NE(std::find(e.begin(), e.end(), "增量(产值) 2亿元 × 10% = 2000万元"), e.end()) << ::testing::PrintToString(e);
}

TEST(Eval, NewlyRecognisedVersusHeld) {
  auto c = doc(R"(条 1 {
      款 1 { 原文 "新认定" 对象 企业 标的 称号奖励 类别 授牌认定 条件 新认定 称号 含 小巨人 给予 最高 100万元 }
      款 2 { 原文 "持有" 对象 企业 标的 称号奖励 条件 称号 含 小巨人 给予 10万元 } })");
  ASSERT_TRUE(c);
  auto r = evaluate(*c, facts(R"("称号": {"小巨人": "2024-03-01"})"));
  ASSERT_TRUE(award(*c, r, "第1条第1款"));
  ASSERT_TRUE(award(*c, r, "第1条第2款"));
  r = evaluate(*c, facts(R"("称号": {"小巨人": "2023-03-01"})"));
  EXPECT_EQ(award(*c, r, "第1条第1款"), nullptr) << "granted last year: held, not new";
  ASSERT_TRUE(award(*c, r, "第1条第2款"));
  // Granted after the evaluation date: not held yet.
  r = evaluate(*c, facts(R"("称号": {"小巨人": "2024-09-01"})"));
  EXPECT_EQ(award(*c, r, "第1条第2款"), nullptr);
}

// A recognition granted after the evaluation date is passed over, as above: the reader warns,
// naming it, its date and the evaluation date, exactly when it is passed over for that (not on the
// date itself, not for one held since an unknown date, nor when the date given to the reader is later).
TEST(Eval, ARecognitionGrantedAfterTheDateIsPassedOverWithAWarning) {
  auto c = doc(R"(条 1 {
      款 1 { 原文 "新认定" 对象 企业 标的 称号奖励 类别 授牌认定 条件 新认定 称号 含 小巨人 给予 最高 100万元 }
      款 2 { 原文 "持有" 对象 企业 标的 称号奖励 条件 称号 含 小巨人 给予 10万元 } })");
  ASSERT_TRUE(c);
  const std::string late = facts(R"("称号": {"小巨人": "2025-06-01", "省小巨人": "2025-03-01"})", "2025-03-01");
  auto f = readFacts(*c, late);
  ASSERT_TRUE(f.ok()) << f.errors.front();
  EXPECT_EQ(f.warnings, std::vector<std::string>{"企业.称号.小巨人: granted on 2025-06-01, after the evaluation date "
                                                 "2025-03-01, so it is not counted: a recognition counts from the day "
                                                 "it is granted"});
  auto r = evaluate(*c, late);
  EXPECT_EQ(award(*c, r, "第1条第1款"), nullptr);
  EXPECT_EQ(award(*c, r, "第1条第2款"), nullptr);
  EXPECT_TRUE(readFacts(*c, facts(R"("称号": {"小巨人": "2025-03-01"})", "2025-03-01")).warnings.empty());
  EXPECT_TRUE(readFacts(*c, facts(R"("称号": ["小巨人"])", "2025-03-01")).warnings.empty());
  // The date given besides the facts (polc eval --date) is the evaluation's.
  auto later = facts::readFacts(*c->model, *c->program, late, ir::parseDate("2025-06-01"));
  EXPECT_TRUE(later.warnings.empty()) << later.warnings.front();
  auto earlier = facts::readFacts(*c->model, *c->program, late, ir::parseDate("2025-02-28"));
  EXPECT_EQ(earlier.warnings.size(), 2u);
}

// Facts without a date are evaluated as of the day the caller fixed (a batch takes one day for all
// its undated lines, docs/eval-output.md): the warning goes by that day, not by the clock's when
// the line is read, so a batch running past midnight does not warn by one day and evaluate by another.
TEST(Eval, TheLateGrantWarningOfUndatedFactsGoesByTheDayGiven) {
  auto c = doc(R"(条 1 { 款 1 { 原文 "持有" 对象 企业 标的 称号奖励 条件 称号 含 小巨人 给予 10万元 } })");
  ASSERT_TRUE(c);
  // Granted in 2999: the clock's today is before it, so only the day given can silence the warning.
  const std::string undated = R"({"企业": {"称号": {"小巨人": "2999-06-01"}}})";
  auto f = facts::readFacts(*c->model, *c->program, undated, std::nullopt, ir::parseDate("3000-01-01"));
  ASSERT_TRUE(f.ok()) << f.errors.front();
  EXPECT_TRUE(f.warnings.empty()) << f.warnings.front();
  f = facts::readFacts(*c->model, *c->program, undated, std::nullopt, ir::parseDate("2999-05-31"));
  ASSERT_EQ(f.warnings.size(), 1u);
  EXPECT_NE(f.warnings[0].find("after the evaluation date 2999-05-31,"), std::string::npos) << f.warnings[0];
  // The date given besides the facts still wins over the day.
  f = facts::readFacts(*c->model, *c->program, undated, ir::parseDate("2999-07-01"), ir::parseDate("2999-05-31"));
  EXPECT_TRUE(f.warnings.empty()) << f.warnings.front();
}

TEST(Eval, RangeTimesCount) {
  auto c = doc(R"(条 29 { 款 2 { 原文 "每人1000元—4000元" 对象 企业 标的 培训补贴 条件 人数 达 1 以上
      给予 (1000元 至 4000元) × 人数 } })");
  ASSERT_TRUE(c);
  auto r = evaluate(*c, facts(R"("人数": 3)"));
  auto* a = award(*c, r, "第29条第2款");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->form, AmountForm::Range);
  EXPECT_EQ(str(a->lo), "3000");
  EXPECT_EQ(str(a->hi), "12000");
  EXPECT_EQ(str(r.totals.rangeLo), "3000");
  EXPECT_EQ(str(r.totals.rangeHi), "12000");
}

TEST(Eval, CasesAndPerItemCapWithExplanation) {
  auto c = doc(R"(条 3 {
      款 3 { 原文 "12%，单个项目最高1000万元；其他6%，最高600万元" 对象 项目 标的 设备奖励
        给予 最高 分情形 { 产业 属于 先进制造业: 设备投入 × 12% 封顶 1000万元; 其他: 设备投入 × 6% 封顶 600万元 } }
      款 4 { 原文 "12%" 释义 "按设备投入计" 对象 项目 标的 改造奖励 给予 设备投入 × 12% 上限 1000万元 "单个项目上限" } })");
  ASSERT_TRUE(c);
  auto r = evaluate(*c, facts(R"("项目": [{"产业": "新能源", "设备投入": "1亿元"}, {"产业": "其他产业", "设备投入": "1亿元"},
                                         {"产业": "高端装备", "设备投入": "8000万元"}])"), true);
  EXPECT_EQ(str(award(*c, r, "第3条第3款", 0)->hi), "10000000");
  EXPECT_EQ(str(award(*c, r, "第3条第3款", 1)->hi), "6000000");
  EXPECT_EQ(str(award(*c, r, "第3条第3款", 2)->hi), "9600000");
  auto* a = award(*c, r, "第3条第4款", 2);
  ASSERT_TRUE(a);
  EXPECT_EQ(str(a->hi), "9600000");
  std::string all;
  for (const auto& l : a->explanation) all += l + "\n";
  EXPECT_NE(all.find("原文：12%"), std::string::npos) << all;
  EXPECT_NE(all.find("释义：按设备投入计"), std::string::npos) << all;
  EXPECT_NE(all.find("设备投入 8000万元 × 12% = 960万元"), std::string::npos) << all;
  EXPECT_NE(all.find("未超过单个项目上限 1000万元"), std::string::npos) << all;
  // Without --explain nothing is recorded.
  r = evaluate(*c, facts(R"("项目": [{"产业": "新能源", "设备投入": "1亿元"}])"));
  EXPECT_TRUE(award(*c, r, "第3条第4款")->explanation.empty());
}

TEST(Eval, ParameterAtADate) {
  auto c = doc(R"(条 5 { 款 3 { 原文 "按同期LPR的50%贴息，单个项目最高200万元" 对象 项目 标的 改造奖励
      给予 贷款金额 × LPR 于 放款日期 × 50% × 贷款期限 上限 200万元 } })");
  ASSERT_TRUE(c);
  auto loan = [](const char* day) {
    return facts(std::string(R"("项目": [{"贷款金额": "5000万元", "放款日期": ")") + day + R"(", "贷款期限": "1年"}])",
                 "2022-12-31");
  };
  auto r = evaluate(*c, loan("2022-03-01"));
  EXPECT_EQ(str(award(*c, r, "第5条第3款")->hi), "925000");
  r = evaluate(*c, loan("2022-09-01"));
  EXPECT_EQ(str(award(*c, r, "第5条第3款")->hi), "912500");
  auto f = readFacts(*c, loan("2021-12-01"));
  ASSERT_TRUE(f.ok());
  try {
    eval::evaluate(*c->program, f.applicant, eval::Options{});
    FAIL() << "a date before the first value is an evaluation error";
  } catch (const eval::EvalError& e) {
    EXPECT_NE(std::string(e.what()).find("测〔2024〕1号 第5条第3款"), std::string::npos) << e.what();
  }
}

TEST(Eval, FundingRatioAndShares) {
  auto c = doc(R"(资金分担 {
      条件 所在地 == 溧阳市: 市 15%, 溧阳市 其余
      其他: 市, 辖区 = 1:1 }
    条 1 { 款 1 { 原文 "x" 对象 项目 标的 设备奖励 给予 设备投入 } })");
  ASSERT_TRUE(c);
  auto r = evaluate(*c, facts(R"("所在地": "新北区", "项目": [{"设备投入": "1000.01"}])"));
  auto* a = award(*c, r, "第1条第1款");
  ASSERT_EQ(a->funding.size(), 2u);
  EXPECT_EQ(a->funding[0].payer, "市");
  EXPECT_EQ(str(a->funding[0].hi), "500.01") << "500.005 rounded half-up to the document's 0.01元";
  EXPECT_EQ(a->funding[1].payer, "辖区");
  EXPECT_EQ(str(a->funding[1].hi), "500") << "the last payer takes the remainder";
  // The bureau billing each payer reads why the parts differ in the notes (the JSON result's),
  // explained or not; an even split has no such note.
  EXPECT_EQ(a->notes, std::vector<std::string>{"资金分担不能按比例整分：市 的份额按 0.01元 四舍五入 舍入，余额由 辖区 承担"});
  r = evaluate(*c, facts(R"("所在地": "溧阳市", "项目": [{"设备投入": "100万元"}])"));
  a = award(*c, r, "第1条第1款");
  ASSERT_EQ(a->funding.size(), 2u);
  EXPECT_EQ(a->notes, std::vector<std::string>{});
  EXPECT_EQ(str(a->funding[0].hi), "150000");
  EXPECT_EQ(a->funding[1].payer, "溧阳市");
  EXPECT_EQ(str(a->funding[1].hi), "850000");
  EXPECT_EQ(str(r.totals.byPayer["市"].second), "150000");
}

// `辖区（所在地）` pays the district the 项目's enterprise is in, under its name (a share here, the
// city policy's ratio in the differential tests); a plain label with brackets is written in
// backticks and stays a label.
// 分期 40%, 30%, 30% of 100.01元, rounded half up to the fen: 40元 (of 40.004), 30元 (of 30.003), and
// the last year what is left, 30.01元; split 1:1, 50.01元 and 50元. The notes, after the clause's 释义,
// say which years and payers were rounded and which took the remainder, installments first as the
// steps go; the explanation lines end with the same words. 100元 divides evenly: the 释义 alone.
TEST(Eval, InstallmentsAndSplitsThatDoNotDivideEvenlySayWhoTookTheRemainder) {
  auto c = doc(R"(资金分担 { 其他: 市, 辖区 = 1:1 }
    条 1 { 款 1 { 原文 "x" 对象 项目 标的 设备奖励 给予 设备投入 分期 40%, 30%, 30% 说明 "分三年拨付。" } })");
  ASSERT_TRUE(c);
  const std::string installments = "不能按比例整分：2024年、2025年 的份额按 0.01元 四舍五入 舍入，余额由 2026年 承担";
  const std::string split = "不能按比例整分：市 的份额按 0.01元 四舍五入 舍入，余额由 辖区 承担";
  for (bool explain : {false, true}) {
    auto r = evaluate(*c, facts(R"("项目": [{"设备投入": "100.01"}])"), explain);
    auto* a = award(*c, r, "第1条第1款");
    ASSERT_TRUE(a);
    ASSERT_EQ(a->installments.size(), 3u);
    EXPECT_EQ(str(a->installments[2].hi), "30.01");
    EXPECT_EQ(a->notes, (std::vector<std::string>{"分三年拨付。", "分期" + installments, "资金分担" + split}));
    EXPECT_EQ(a->remainderNotes, 2);
    if (!explain) continue;
    std::string lines;
    for (const auto& line : a->explanation) lines += line + "\n";
    EXPECT_NE(lines.find("分期：2024年 40元，2025年 30元，2026年 30.01元（" + installments + "）\n"), std::string::npos) << lines;
    EXPECT_NE(lines.find("：市 50.01元，辖区 50元（" + split + "）\n"), std::string::npos) << lines;
  }
  auto r = evaluate(*c, facts(R"("项目": [{"设备投入": "100"}])"));
  EXPECT_EQ(award(*c, r, "第1条第1款")->notes, std::vector<std::string>{"分三年拨付。"});
}

TEST(Eval, FundingPayerNamedByAFact) {
  auto c = doc(R"(资金分担 { 其他: `市（本级）` 40%, 辖区（所在地） 其余 }
    条 1 { 款 1 { 原文 "x" 对象 项目 标的 设备奖励 给予 设备投入 } })");
  ASSERT_TRUE(c);
  auto r = evaluate(*c, facts(R"("所在地": "武进区", "项目": [{"设备投入": "100万元"}])"));
  auto* a = award(*c, r, "第1条第1款");
  ASSERT_EQ(a->funding.size(), 2u);
  EXPECT_EQ(a->funding[0].payer, "市（本级）");
  EXPECT_EQ(a->funding[1].payer, "武进区");
  EXPECT_EQ(str(a->funding[1].hi), "600000");
  EXPECT_EQ(str(r.totals.byPayer["武进区"].second), "600000");
  EXPECT_EQ(r.totals.byPayer.count("辖区"), 0u);
}

// A policy writer types 辖区(所在地) as often as 辖区（所在地）: the same payer, in a ratio and in a share
// (followed by its proportion, or 其余), while `市 (40%)` stays a share in brackets.
TEST(Eval, FundingPayerNamedByAFactWithAsciiBrackets) {
  const std::string project = R"("所在地": "武进区", "项目": [{"设备投入": "100万元"}])";
  for (const char* split : {"市, 辖区(所在地) = 1:1", "市 (50%), 辖区(所在地) 其余", "辖区 (所在地) 50%, 市 其余"}) {
    auto c = doc(std::string("资金分担 { 其他: ") + split + R"( }
      条 1 { 款 1 { 原文 "x" 对象 项目 标的 设备奖励 给予 设备投入 } })");
    ASSERT_TRUE(c) << split;
    auto r = evaluate(*c, facts(project));
    auto* a = award(*c, r, "第1条第1款");
    ASSERT_TRUE(a);
    ASSERT_EQ(a->funding.size(), 2u) << split;
    EXPECT_EQ(r.totals.byPayer.count("武进区"), 1u) << split;
    EXPECT_EQ(str(r.totals.byPayer["武进区"].second), "500000") << split;
    EXPECT_EQ(str(r.totals.byPayer["市"].second), "500000") << split;
  }
}

// A range award's part may be held at what was left at one end and only rounded at the other: the
// note said the whole share was held. Each end is now worded for what happened to it. 1:1:1 of
// 0.01元 至 0.02元 rounded up: 区 gets 0 at the low end (0.01 rounded up, but nothing was left) and
// 0.01 at the high end (0.0066… rounded up); 2:2:1 of 0.02元 至 0.03元: 区 gets 0.01 at the low end
// (0.008 rounded up) and at the high end 0.01, what was left of 0.012 rounded up to 0.02.
TEST(Eval, ARangeSharePartlyHeldAtWhatWasLeftSaysWhichEnd) {
  const std::string rounded = "不能按比例整分：市 的份额按 0.01元 进一 舍入，";
  const struct {
    const char* ratio;
    const char* amount;
    const char* lo;
    const char* hi;
    std::string note;
  } cases[] = {
      {"1:1:1", "0.01元 至 0.02元", "0", "0.01",
       rounded + "区 的最低份额舍入后超过剩余金额，只分得剩余金额，最高份额按 0.01元 进一 舍入，余额由 镇 承担"},
      {"2:2:1", "0.02元 至 0.03元", "0.01", "0.01",
       rounded + "区 的最低份额按 0.01元 进一 舍入，最高份额舍入后超过剩余金额，只分得剩余金额，余额由 镇 承担"},
  };
  for (const auto& k : cases) {
    SCOPED_TRACE(k.ratio);
    auto c = compilePolicy(std::string(kSchema) + R"(文件 测试 { 文号 "测〔2024〕1号" 舍入 0.01元 进一
      资金分担 { 其他: 市, 区, 镇 = )" + k.ratio + R"( }
      条 1 { 款 1 { 原文 "x" 对象 企业 标的 设备奖励 给予 )" + k.amount + " } } }");
    ASSERT_TRUE(c);
    auto r = evaluate(*c, facts(""));
    auto* a = award(*c, r, "第1条第1款");
    ASSERT_TRUE(a);
    ASSERT_EQ(a->funding.size(), 3u);
    EXPECT_EQ(str(a->funding[1].lo), k.lo);
    EXPECT_EQ(str(a->funding[1].hi), k.hi);
    EXPECT_EQ(a->notes, std::vector<std::string>{"资金分担" + k.note});
    EXPECT_EQ(a->fundingRemainder, 2);
  }
}

TEST(Eval, FundingPartsWithoutRoundingGoToTheFenHalfUp) {
  // language.md §10 once said 1:1:1 of 0.01元 is 0.01, 0 and 0 without a 舍入: that is 进一's
  // result; the default is the fen, 四舍五入, so 0.0033… rounds to 0 and the last payer takes it all.
  auto c = compilePolicy(std::string(kSchema) + R"(文件 测试 { 文号 "测〔2024〕1号"
    资金分担 { 其他: 市, 区, 镇 = 1:1:1 }
    条 1 { 款 1 { 原文 "x" 对象 项目 标的 设备奖励 给予 设备投入 } } })");
  ASSERT_TRUE(c);
  auto r = evaluate(*c, facts(R"("项目": [{"设备投入": "0.01"}])"));
  auto* a = award(*c, r, "第1条第1款");
  ASSERT_TRUE(a);
  ASSERT_EQ(a->funding.size(), 3u);
  EXPECT_EQ(str(a->funding[0].hi), "0");
  EXPECT_EQ(str(a->funding[1].hi), "0");
  EXPECT_EQ(str(a->funding[2].hi), "0.01");
  r = evaluate(*c, facts(R"("项目": [{"设备投入": "0.02"}])"));
  a = award(*c, r, "第1条第1款");
  EXPECT_EQ(str(a->funding[0].hi), "0.01") << "0.0066… rounds half-up to the fen";
  EXPECT_EQ(str(a->funding[1].hi), "0.01");
  EXPECT_EQ(str(a->funding[2].hi), "0");
}

TEST(Eval, TakeHighestDropsOthersButTitleAwardsStack) {
  auto c = doc(R"(条 2 { 款 3 { 原文 "小巨人" 对象 企业 标的 称号奖励 类别 授牌认定 条件 新认定 称号 含 小巨人 给予 最高 100万元 } }
    条 3 { 款 3 { 原文 "12%" 对象 项目 标的 设备奖励 给予 最高 设备投入 × 12% } }
    条 5 { 款 3 { 原文 "5%" 对象 项目 标的 改造奖励 条件 改造 给予 最高 设备投入 × 5% 上限 200万元 } }
    不重复 就高不重复 { 原文 "就高不重复（授牌认定类除外）" 范围 文件 取 最高 每个 项目 除外 类别 授牌认定 })");
  ASSERT_TRUE(c);
  auto r = evaluate(*c, facts(R"("称号": {"小巨人": "2024-04-15"},
      "项目": [{"设备投入": "8000万元", "改造": true}, {"设备投入": "100万元", "改造": true}])"));
  auto* kept = award(*c, r, "第3条第3款", 0);
  auto* dropped = award(*c, r, "第5条第3款", 0);
  ASSERT_TRUE(kept && dropped);
  EXPECT_EQ(kept->status, eval::Status::Kept);
  EXPECT_EQ(str(kept->hi), "9600000");
  EXPECT_EQ(dropped->status, eval::Status::Dropped);
  EXPECT_NE(dropped->reason.find("就高不重复"), std::string::npos);
  EXPECT_NE(dropped->reason.find("第3条第3款"), std::string::npos) << dropped->reason;
  // The second project is its own partition: 12% of 100万 = 12万 beats 5万.
  EXPECT_EQ(award(*c, r, "第3条第3款", 1)->status, eval::Status::Kept);
  EXPECT_EQ(award(*c, r, "第5条第3款", 1)->status, eval::Status::Dropped);
  EXPECT_EQ(award(*c, r, "第2条第3款")->status, eval::Status::Kept);
  EXPECT_EQ(str(r.totals.upTo), "10720000");
  EXPECT_EQ(r.totals.dropped, 2);
}

TEST(Eval, CrossDocumentSameTargetPrefersTheNamedDocument) {
  auto policy = [](const char* district) {
    return compilePolicy(std::string(kSchema) + R"(
文件 市政策 { 文号 "市〔2024〕1号"
  条 12 { 款 1 { 原文 "市" 对象 项目 标的 设备奖励 给予 最高 50万元 } } }
文件 区政策 { 文号 "区〔2024〕1号"
  条 11 { 款 1 { 原文 "区" 对象 项目 标的 设备奖励 给予 最高 )" + district + R"( } }
  条 12 { 款 1 { 原文 "区" 对象 项目 标的 改造奖励 给予 最高 1万元 } }
  不重复 从优从高 { 原文 "从优从高不重复" 范围 所有文件 同一 标的 取 最高 优先 市政策 } }
)");
  };
  auto c = policy("50万元");
  ASSERT_TRUE(c);
  std::string f = facts(R"("项目": [{}])");
  auto r = evaluate(*c, f);
  EXPECT_EQ(award(*c, r, "市〔2024〕1号 第12条第1款")->status, eval::Status::Kept);
  EXPECT_EQ(award(*c, r, "区〔2024〕1号 第11条第1款")->status, eval::Status::Dropped) << "a tie goes to 优先";
  EXPECT_EQ(award(*c, r, "区〔2024〕1号 第12条第1款")->status, eval::Status::Kept) << "another target";
  c = policy("80万元");
  ASSERT_TRUE(c);
  r = evaluate(*c, f);
  EXPECT_EQ(award(*c, r, "市〔2024〕1号 第12条第1款")->status, eval::Status::Dropped);
  EXPECT_EQ(award(*c, r, "区〔2024〕1号 第11条第1款")->status, eval::Status::Kept);
}

TEST(Eval, CumulativeCapCountsAwardsReceivedBefore) {
  auto make = [](const char* period) {
    return doc(std::string(R"(条 1 { 款 1 { 原文 "x" 对象 项目 标的 设备奖励 给予 最高 100万元 } }
      上限 累计上限 150万元 每个 企业 )") + period + R"( 覆盖 第1条第1款 { 原文 "单个企业累计最高150万元" })");
  };
  auto c = make("累计");
  ASSERT_TRUE(c);
  std::string f = facts(R"("项目": [{}, {}],
      "已获奖励": [{"citation": "测〔2024〕1号 第1条第1款", "amount": "30万元", "year": 2023}])");
  auto r = evaluate(*c, f);
  // 30万 received + 100万 + 100万 = 230万: 80万 comes off the last project first.
  EXPECT_EQ(str(award(*c, r, "第1条第1款", 0)->hi), "1000000");
  auto* last = award(*c, r, "第1条第1款", 1);
  EXPECT_EQ(str(last->hi), "200000");
  EXPECT_EQ(last->status, eval::Status::Capped);
  EXPECT_EQ(str(r.totals.upTo), "1200000");
  c = make("年度");
  ASSERT_TRUE(c);
  r = evaluate(*c, f);
  EXPECT_EQ(str(award(*c, r, "第1条第1款", 1)->hi), "500000") << "年度: last year's award does not count";
}

TEST(Eval, AbsentFactMakesTheClauseNotAssessable) {
  auto c = doc(R"(条 1 {
      款 1 { 原文 "x" 对象 项目 标的 设备奖励 给予 设备投入 × 12% }
      款 2 { 原文 "y" 对象 项目 标的 改造奖励 条件 改造 且 设备投入 超 100万元 给予 1万元 } })");
  ASSERT_TRUE(c);
  auto r = evaluate(*c, facts(R"("项目": [{"改造": false}])"));
  auto* a = award(*c, r, "第1条第1款");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->status, eval::Status::NotAssessable);
  EXPECT_EQ(a->missing, std::vector<std::string>{"项目.设备投入"});
  EXPECT_EQ(award(*c, r, "第1条第2款"), nullptr) << "a false condition decides without the absent fact";
  r = evaluate(*c, facts(R"("项目": [{"改造": true}])"));
  EXPECT_EQ(award(*c, r, "第1条第2款")->status, eval::Status::NotAssessable);
}

// Conditions are decided three-valued without an exception for each absent fact (ExprEval::decide),
// and a table that applies to nothing pays nothing without one (ExprEval::amount): the facts named
// and what is decided are those of the rules, node by node.
TEST(Eval, AbsentFactsAreNamedInTheOrderTheConditionsReadThem) {
  auto c = doc(R"(条 1 {
      款 1 { 原文 "或" 对象 企业 标的 规模奖励 条件 营业收入 超 1亿元 或 产值 超 1亿元 给予 1万元 }
      款 2 { 原文 "非" 对象 企业 标的 规模奖励 条件 非 (营业收入 超 1亿元) 给予 1万元 }
      款 3 { 原文 "若" 对象 企业 标的 规模奖励 条件 若 制造业 则 营业收入 超 1亿元 否则 产值 超 1亿元 给予 1万元 }
      款 4 { 原文 "比" 对象 企业 标的 规模奖励 条件 产值 超 营业收入 给予 1万元 }
      款 5 { 原文 "档" 对象 企业 标的 规模奖励 给予 最高 分档 营业收入 达 { 10亿元: 20万元; 1亿元: 2万元 } } })");
  ASSERT_TRUE(c);
  auto missing = [&](const eval::Result& r, const char* citation) {
    auto* a = award(*c, r, citation);
    if (!a) return std::string("no award");
    if (a->status != eval::Status::NotAssessable) return "pays " + str(a->hi);
    std::string out;
    for (const auto& m : a->missing) out += (out.empty() ? "" : ", ") + m;
    return out;
  };
  auto r = evaluate(*c, facts(R"("人数": 10)"));
  EXPECT_EQ(missing(r, "第1条第1款"), "企业.营业收入, 企业.产值") << "或: both alternatives are needed";
  EXPECT_EQ(missing(r, "第1条第2款"), "企业.营业收入");
  EXPECT_EQ(missing(r, "第1条第3款"), "企业.产值") << "not 制造业 (false when not given): the 否则 branch";
  EXPECT_EQ(missing(r, "第1条第4款"), "企业.产值, 企业.营业收入")
      << "both sides are looked for before comparing (ir/needs_first.cpp), the left first";
  EXPECT_EQ(missing(r, "第1条第5款"), "企业.营业收入");
  r = evaluate(*c, facts(R"("产值": "2亿元", "制造业": true)"));
  EXPECT_EQ(missing(r, "第1条第1款"), "pays 10000") << "one true alternative decides 或";
  EXPECT_EQ(missing(r, "第1条第3款"), "企业.营业收入") << "制造业: the 则 branch";
  EXPECT_EQ(missing(r, "第1条第4款"), "企业.营业收入");
  r = evaluate(*c, facts(R"("营业收入": "5000万元", "产值": "4000万元")"));
  EXPECT_EQ(missing(r, "第1条第1款"), "no award") << "both alternatives false";
  EXPECT_EQ(missing(r, "第1条第2款"), "pays 10000");
  EXPECT_EQ(missing(r, "第1条第4款"), "no award");
  EXPECT_EQ(missing(r, "第1条第5款"), "no award") << "below every tier: nothing is paid";
  r = evaluate(*c, facts(R"("营业收入": "2亿元")"));
  EXPECT_EQ(missing(r, "第1条第5款"), "pays 20000");
}

TEST(Eval, OverflowIsAnErrorNamingTheClause) {
  auto c = doc(R"(条 9 { 款 1 { 原文 "x" 对象 项目 标的 设备奖励 给予 设备投入 × 设备投入 ÷ 1元 × 设备投入 ÷ 1元 } })");
  ASSERT_TRUE(c);
  auto f = readFacts(*c, facts(R"("项目": [{"设备投入": "10万亿元"}])"));
  ASSERT_TRUE(f.ok());
  try {
    eval::evaluate(*c->program, f.applicant, eval::Options{});
    FAIL() << "expected an overflow";
  } catch (const eval::EvalError& e) {
    std::string m = e.what();
    EXPECT_NE(m.find("测〔2024〕1号 第9条第1款"), std::string::npos) << m;
    EXPECT_NE(m.find("overflow"), std::string::npos) << m;
  }
}

TEST(Eval, OnceAndTopup) {
  auto c = doc(R"(条 1 {
      款 1 { 原文 "一次性" 对象 企业 标的 规模奖励 一次性 给予 10万元 }
      款 2 { 原文 "晋级补差" 对象 企业 标的 称号奖励 晋级补差
        给予 最高 分档 称号 含 { 小巨人: 100万元; 省小巨人: 50万元 } } })");
  ASSERT_TRUE(c);
  auto r = evaluate(*c, facts(R"("称号": {"小巨人": "2024-01-10", "省小巨人": "2022-01-10"},
      "已获奖励": [{"citation": "测〔2024〕1号 第1条第1款", "amount": "10万元", "year": 2023},
                   {"target": "称号奖励", "amount": "50万元", "year": 2022}])"));
  EXPECT_EQ(award(*c, r, "第1条第1款")->status, eval::Status::AlreadyReceived);
  EXPECT_EQ(str(award(*c, r, "第1条第2款")->hi), "500000");
  r = evaluate(*c, facts(R"("称号": {"小巨人": "2024-01-10"})"));
  EXPECT_EQ(award(*c, r, "第1条第1款")->status, eval::Status::Kept);
  EXPECT_EQ(str(award(*c, r, "第1条第2款")->hi), "1000000");
}

TEST(Eval, MarginalAndSteps) {
  auto c = doc(R"(条 1 {
      款 1 { 原文 "累进" 对象 企业 标的 规模奖励 给予 累进 营业收入 { 0元: 1%; 10亿元: 0.5% } }
      款 2 { 原文 "递增" 对象 企业 标的 称号奖励 给予 100万元 + 递增 营业收入 自 10亿元 每增加 1亿元 另给予 10万元 } })");
  ASSERT_TRUE(c);
  auto r = evaluate(*c, facts(R"("营业收入": "15.5亿元")"));
  EXPECT_EQ(str(award(*c, r, "第1条第1款")->hi), "12750000");
  EXPECT_EQ(str(award(*c, r, "第1条第2款")->hi), "1500000");
  r = evaluate(*c, facts(R"("营业收入": "8亿元")"));
  EXPECT_EQ(str(award(*c, r, "第1条第1款")->hi), "8000000");
  EXPECT_EQ(str(award(*c, r, "第1条第2款")->hi), "1000000");
}

TEST(Eval, AnyOfSetsAndOrderOverSets) {
  auto c = doc(R"(条 1 {
      款 1 { 原文 "任一" 对象 企业 标的 称号奖励 条件 称号 含 {小巨人, 省小巨人} 给予 1万元 }
      款 2 { 原文 "省级以上" 对象 企业 标的 规模奖励 条件 平台级别 达 省级 以上 给予 2万元 } })");
  ASSERT_TRUE(c);
  auto r = evaluate(*c, facts(R"("称号": ["省小巨人"], "平台级别": ["市级"])"));
  EXPECT_TRUE(award(*c, r, "第1条第1款"));
  EXPECT_EQ(award(*c, r, "第1条第2款"), nullptr);
  r = evaluate(*c, facts(R"("平台级别": ["市级", "国家级"])"));
  EXPECT_EQ(award(*c, r, "第1条第1款"), nullptr);
  EXPECT_TRUE(award(*c, r, "第1条第2款"));
}

TEST(Eval, EffectivePeriodAndEligibility) {
  auto c = compilePolicy(std::string(kSchema) + R"(
文件 区政策 { 文号 "区〔2024〕1号" 有效期 自 2024-01-01 至 2024-12-31
  申报条件 所在地 为 武进区
  条 1 { 款 1 { 原文 "企业" 对象 企业 标的 规模奖励 给予 1万元 }
         款 2 { 原文 "项目" 对象 项目 标的 设备奖励 给予 2万元 } } })");
  ASSERT_TRUE(c);
  auto r = evaluate(*c, facts(R"("所在地": "武进区", "项目": [{}])"));
  EXPECT_EQ(r.awards.size(), 2u) << "申报条件 resolves for 企业 and for 项目 (through its owner)";
  r = evaluate(*c, facts(R"("所在地": "新北区", "项目": [{}])"));
  EXPECT_TRUE(r.awards.empty());
  r = evaluate(*c, facts(R"("所在地": "武进区", "项目": [{}])", "2025-01-01"));
  EXPECT_TRUE(r.awards.empty()) << "out of force";
}

TEST(Eval, QuotaMarksTheAward) {
  auto c = doc(R"(条 1 { 款 1 { 原文 "每年择优支持不超过20个项目" 对象 项目 标的 改造奖励 给予 最高 5万元 名额 20 每年 } })");
  ASSERT_TRUE(c);
  auto r = evaluate(*c, facts(R"("项目": [{}])"));
  auto* a = award(*c, r, "第1条第1款");
  EXPECT_TRUE(a->quotaLimited);
  EXPECT_EQ(a->status, eval::Status::QuotaLimited);
  EXPECT_NE(a->reason.find("20"), std::string::npos);
}

TEST(Lower, DumpShowsExactConstantsAndPerSubjectEligibility) {
  auto c = compilePolicy(std::string(kSchema) + R"(
文件 区政策 { 文号 "区〔2024〕1号" 申报条件 所在地 为 武进区
  条 1 { 款 1 { 原文 "项目" 对象 项目 标的 设备奖励 给予 设备投入 × 2.5% 上限 1.5亿元 } } })");
  ASSERT_TRUE(c);
  std::string d = ir::dump(*c->program);
  EXPECT_NE(d.find("eligible (compare == 企业.所在地 辖区.武进区)"), std::string::npos) << d;
  EXPECT_NE(d.find("pay (arith * 项目.设备投入 0.025)\n  cap 150000000"), std::string::npos) << d;
  EXPECT_NE(d.find("2022-08-22: 0.0365"), std::string::npos) << d;
}

}  // namespace
}  // namespace polc::test
