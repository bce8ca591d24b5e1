// The numbers W0639 reads in a 原文 (check/quoted_numbers.h): each form the seed texts write, and
// the value and unit it must come out as, so that the code's `1亿元` meets the text's `10000万元`.
#include <gtest/gtest.h>

#include "check/quote_roles.h"
#include "check/quoted_numbers.h"
#include "check_util.h"

namespace polc::test {
namespace {

using check::quotedNumbers;
using polrt::Decimal;

const std::vector<std::string> kUnits{"元", "吨标煤", "吨", "年", "美元", "家"};

// "value unit" for each number of the text, in order.
std::vector<std::string> read(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& q : quotedNumbers(text, kUnits)) out.push_back(q.value.toString() + (q.unit.empty() ? "" : " " + q.unit));
  return out;
}

using V = std::vector<std::string>;

TEST(QuotedNumbers, MoneyWithItsScale) {
  EXPECT_EQ(read("给予50万元奖励"), V{"500000 元"});
  EXPECT_EQ(read("最高不超过 500 万元"), V{"5000000 元"});
  EXPECT_EQ(read("超1.5亿元"), V{"150000000 元"});
  EXPECT_EQ(read("每人 10000 元"), V{"10000 元"});
  EXPECT_EQ(read("总规模超 50 亿元"), V{"5000000000 元"});
  EXPECT_EQ(read("1万亿元"), V{"1000000000000 元"});
}

TEST(QuotedNumbers, AScaleWithoutDigitsIsOne) {
  EXPECT_EQ(read("技术设备投入超亿元"), V{"100000000 元"});
  EXPECT_EQ(read("万亿之城"), V{});
}

TEST(QuotedNumbers, RatesInEveryForm) {
  EXPECT_EQ(read("按 50% 奖励"), V{"0.5"});
  EXPECT_EQ(read("按5‰给予"), V{"0.005"});
  EXPECT_EQ(read("按照 0.1‰ 给予奖励"), V{"0.0001"});
  EXPECT_EQ(read("百分之三"), V{"0.03"});
  EXPECT_EQ(read("千分之三"), V{"0.003"});
  EXPECT_EQ(read("百分之五十"), V{"0.5"});
  EXPECT_EQ(read("提高2个百分点"), V{"0.02"});
  EXPECT_EQ(read("给予地方贡献全额奖励"), V{"1"});
  // 3‰ and 3% are different numbers: the slip W0639 is for.
  EXPECT_NE(read("3‰"), read("3%"));
}

TEST(QuotedNumbers, FullWidthDigitsAndSigns) {
  EXPECT_EQ(read("５００万元"), V{"5000000 元"});
  EXPECT_EQ(read("３％"), V{"0.03"});
  EXPECT_EQ(read("１．５亿元"), V{"150000000 元"});
}

TEST(QuotedNumbers, ChineseNumerals) {
  EXPECT_EQ(read("三年内"), V{"3 年"});
  EXPECT_EQ(read("两年"), V{"2 年"});
  EXPECT_EQ(read("十万元"), V{"100000 元"});
  EXPECT_EQ(read("一万五千元"), V{"15000 元"});
  EXPECT_EQ(read("第一年"), V{"1 年"});
  EXPECT_EQ(read("一次性"), V{"1"});
}

TEST(QuotedNumbers, UnitsOtherThanMoney) {
  EXPECT_EQ(read("超 5000 万美元"), V{"50000000 美元"});
  EXPECT_EQ(read("按最高500元/吨标煤节能量"), V{"500 元/吨标煤"});
  EXPECT_EQ(read("节能量达50吨标煤以上"), V{"50 吨标煤"});  // 吨标煤, not 吨
  EXPECT_EQ(read("不少于 10 家"), V{"10 家"});
  EXPECT_EQ(read("世界 500 强"), V{"500"});  // an undeclared unit: a plain number
}

TEST(QuotedNumbers, ARangesFirstEndTakesTheUnitOfTheSecond) {
  EXPECT_EQ(read("100—300万元"), (V{"1000000 元", "3000000 元"}));
  EXPECT_EQ(read("3-5年"), (V{"3 年", "5 年"}));
  EXPECT_EQ(read("按每人1000元—4000元"), (V{"1000 元", "4000 元"}));
  EXPECT_EQ(read("1～2亿元"), (V{"100000000 元", "200000000 元"}));
}

TEST(QuotedNumbers, RatiosAreReadAsProportions) {
  auto r = check::quotedRatios("市和辖区两级原则上按1:1分担资金，省、市、区按２：３：５，或5比5");
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].size(), 2u);
  EXPECT_EQ(r[1].size(), 3u);
  EXPECT_TRUE(check::sameRatio(r[0], r[2]));  // 1:1 is 5比5
  EXPECT_FALSE(check::sameRatio(r[0], {Decimal::fromInt(2), Decimal::fromInt(1)}));
  EXPECT_TRUE(check::quotedRatios("第1条第2款，2022年").empty());
}

TEST(QuotedNumbers, WordsThatStateANumberWithoutDigits) {
  EXPECT_EQ(read("经认定人员超过半数"), V{"0.5"});
  EXPECT_EQ(read("市、区各承担一半"), V{"0.5"});
  EXPECT_EQ(read("持股过半"), V{"0.5"});
  EXPECT_EQ(read("营业收入翻一番"), (V{"2", "1"}));  // ×2, or a growth of 100 %
  EXPECT_EQ(read("翻两番"), (V{"4", "3"}));
  EXPECT_EQ(read("上市公司数量倍增"), (V{"2", "1"}));
  EXPECT_EQ(read("给予双倍奖励"), V{"2"});
  EXPECT_EQ(read("第三代半导体"), V{"3"});  // 半 alone is no number
}

TEST(QuotedNumbers, AScaleWithoutAUnitLeavesItToTheSentence) {
  auto q = quotedNumbers("分别给予最高200万元、50万、5万元奖励", kUnits);
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[1].value, Decimal::fromInt(500000));
  EXPECT_EQ(q[1].unit, "");
  EXPECT_TRUE(q[1].unitImplied);
  EXPECT_FALSE(q[0].unitImplied);
  EXPECT_TRUE(quotedNumbers("超过五十万的", kUnits).at(0).unitImplied);
  // A measure word or a declared unit says what is counted: no money there.
  EXPECT_FALSE(quotedNumbers("累计有效注册商标20万件", kUnits).at(0).unitImplied);
  EXPECT_FALSE(quotedNumbers("新增市场主体70万户", kUnits).at(0).unitImplied);
  EXPECT_EQ(read("年产50万吨"), V{"500000 吨"});
  EXPECT_FALSE(quotedNumbers("按50%", kUnits).at(0).unitImplied);
  EXPECT_FALSE(quotedNumbers("500强", kUnits).at(0).unitImplied);
}

// What the words around each number make of it (quote_roles.h).
std::vector<unsigned> roles(const std::string& text) {
  std::vector<unsigned> out;
  for (const auto& q : quotedNumbers(text, kUnits)) out.push_back(q.roles);
  return out;
}

TEST(QuotedNumbers, RolesFromTheWordsAround) {
  using check::kAmount;
  using check::kCap;
  using check::kThreshold;
  using R = std::vector<unsigned>;
  EXPECT_EQ(roles("对年营业收入首次超过5000万元的，给予最高50万元奖励"), (R{kThreshold, kCap | kAmount}));
  EXPECT_EQ(roles("按设备投入的10%给予奖励，最高不超过500万元"), (R{kAmount, kCap}));
  EXPECT_EQ(roles("分别给予最高200万元、100万元、50万元奖励"), (R{kCap | kAmount, kCap | kAmount, kCap | kAmount}));
  EXPECT_EQ(roles("节能量达到50吨标煤以上"), R{kThreshold});
  EXPECT_EQ(roles("对投资不超过500万元的项目"), R{kCap | kThreshold});  // a cap, or a threshold here
  EXPECT_EQ(roles("由市承担30%"), R{0u});
  EXPECT_EQ(roles("给予10—30万元补助"), (R{kAmount, kAmount}));
}

TEST(QuotedNumbers, KeepsTheTextAsWritten) {
  auto q = quotedNumbers("最高 50 万元，千分之三", kUnits);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].text, "50 万元");
  EXPECT_EQ(q[1].text, "千分之三");
}

// W0639 on the seeds: every number their code writes is in the 原文 or a 释义, and a slip in one is
// reported at the number, with the 原文's numbers in the note.
std::vector<const check::Finding*> quoteFindings(const Files& files, const Checked*& keep,
                                                 check::FindingKind kind = check::FindingKind::QuoteNumber) {
  static std::unique_ptr<Checked> c;
  c = compileAll(files, true, check::Options{});
  keep = c.get();
  return c->program ? c->find(kind) : std::vector<const check::Finding*>{};
}

// The seeds with `edits` (from, to) made in the file whose name contains `file`.
Files seedsWith(const std::string& file, const std::vector<std::pair<std::string, std::string>>& edits) {
  Files files = seedFiles();
  for (const auto& [from, to] : edits) mutate(files, file, from, to);
  return files;
}

TEST(QuoteNumbers, TheSeedsStateEveryNumberTheirCodeWrites) {
  const Checked* c = nullptr;
  auto f = quoteFindings(seedFiles(), c);
  ASSERT_TRUE(c->program);
  EXPECT_TRUE(f.empty()) << c->listing();
  EXPECT_TRUE(c->find(check::FindingKind::QuoteNumberRole).empty()) << c->listing();
}

// Wujin's 第2条第1款第1项: “对当年度产销首次超过50亿元的工业企业，给予20万元的奖励”. The threshold and the
// amount swapped are both in the 原文, so W0639 is quiet; W0642 reads the words around each.
TEST(QuoteNumbers, AThresholdAndAnAmountSwappedAreReportedByTheirRoles) {
  Files files = seedFiles();
  mutate(files, "wujin", "产销 首次超过 50亿元\n          给予 20万元", "产销 首次超过 20万元\n          给予 50亿元");
  const Checked* c = nullptr;
  EXPECT_TRUE(quoteFindings(files, c).empty()) << c->listing();
  // 50亿元 is stated in the clause's 释义 (“当年产销超过（大于）50亿元”): accepted there, as W0639's are.
  auto f = quoteFindings(files, c, check::FindingKind::QuoteNumberRole);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_NE(f[0]->message.find("第2条第1款第1项 uses `20万元` as a threshold, but its 原文 states `20万元` only as "
                               "an amount paid"),
            std::string::npos)
      << f[0]->message;
  const auto& where = c->sm.file(f[0]->span.file).codepoints();
  EXPECT_EQ(encodeUtf8(where.substr(f[0]->span.begin, f[0]->span.end - f[0]->span.begin)), "20万元");
  c->expectReplays(*f[0]);  // about the encoding: no witness

  mutate(files, "wujin", "释义 \"“首次超过”：当年产销超过（大于）50亿元，且以往各年均未超过。\"", "");
  f = quoteFindings(files, c, check::FindingKind::QuoteNumberRole);
  ASSERT_EQ(f.size(), 2u) << c->listing();
  EXPECT_NE(f[1]->message.find("uses `50亿元` as an amount paid, but its 原文 states `50亿元` only as a threshold"),
            std::string::npos)
      << f[1]->message;
}

// A number whose words name no role (承担), or both (不超过: a cap, or a threshold in 投资不超过…的), is
// never reported for its role.
TEST(QuoteNumbers, ANumberOfNoKnownRoleStaysQuiet) {
  Files files = seedFiles();
  // The city's 第25条第1款第2项 “…按照 0.1‰ 给予奖励，最高 50 万元”, its cap in words of no role.
  mutate(files, "changzhou-2022-industry-policy", "给予奖励，最高 50 万元。", "给予奖励，由市承担 50 万元。");
  const Checked* c = nullptr;
  EXPECT_TRUE(quoteFindings(files, c, check::FindingKind::QuoteNumberRole).empty()) << c->listing();
  EXPECT_TRUE(quoteFindings(files, c).empty()) << c->listing();
}

TEST(QuoteNumbers, APermilleWrittenAsAPercentageIsReportedAtTheNumber) {
  Files files = seedFiles();
  mutate(files, "changzhou-2022-industry-policy", "给予 债券融资额 × 0.1‰", "给予 债券融资额 × 0.1%");
  const Checked* c = nullptr;
  auto f = quoteFindings(files, c);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_NE(f[0]->message.find("第25条第1款第2项 writes `0.1%`"), std::string::npos) << f[0]->message;
  const auto& where = c->sm.file(f[0]->span.file).codepoints();
  EXPECT_EQ(encodeUtf8(where.substr(f[0]->span.begin, f[0]->span.end - f[0]->span.begin)), "0.1%");
  ASSERT_FALSE(f[0]->notes.empty());
  EXPECT_NE(f[0]->notes[0].message.find("states 0.1‰, 50 万元"), std::string::npos) << f[0]->notes[0].message;
  c->expectReplays(*f[0]);  // about the encoding: no witness, no file
}

TEST(QuoteNumbers, AScaleWithoutAUnitMeetsTheCodesMoney) {
  // Wujin's 第4条第1款第5项 pays 50万元 where the text writes “最高200万元、50万、5万元”: its 释义 said
  // so, which the reader no longer needs; a slip in the same number is still reported.
  Files files = seedFiles();
  mutate(files, "wujin", "释义 \"原文“50万”即50万元。\"", "");
  const Checked* c = nullptr;
  EXPECT_TRUE(quoteFindings(files, c).empty()) << c->listing();
  mutate(files, "wujin", "省级服务型制造示范平台}: 50万元", "省级服务型制造示范平台}: 40万元");
  auto f = quoteFindings(files, c);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_NE(f[0]->message.find("第4条第1款第5项 writes `40万元`"), std::string::npos) << f[0]->message;
}

// The city's 资金分担 quotes “市和辖区…按1:1分担资金；溧阳市政策兑现市级按照15%比例给予补助”: a share or
// a ratio that the block's 原文 does not state pays every award's split wrongly, as a clause's does.
TEST(QuoteNumbers, AFundingShareTheBlocksTextDoesNotStateIsReported) {
  const Checked* c = nullptr;
  auto f = quoteFindings(seedsWith("changzhou-2022-industry-policy", {{"市 15%, 溧阳市 其余", "市 20%, 溧阳市 其余"},
                                                                     {"市, 辖区（所在地） = 1:1", "市, 辖区（所在地） = 2:1"}}),
                         c);
  ASSERT_EQ(f.size(), 2u) << c->listing();
  EXPECT_NE(f[0]->message.find("常办发〔2022〕1号's 资金分担 writes `20%`"), std::string::npos) << f[0]->message;
  EXPECT_NE(f[1]->message.find("常办发〔2022〕1号's 资金分担 writes `2:1`"), std::string::npos) << f[1]->message;
  EXPECT_TRUE(f[0]->clauses.empty());  // every clause's split: no one clause is named
  ASSERT_FALSE(f[0]->notes.empty());
  EXPECT_NE(f[0]->notes[0].message.find("states 两, 1, 1, 15%"), std::string::npos) << f[0]->notes[0].message;
}

// Wujin's 申报条件 quotes its 注意事项 (a chapter's 原文): a threshold it adds that no text of the
// document states is reported; one the chapter states is not.
TEST(QuoteNumbers, AnEligibilityThresholdIsLookedForInTheDocumentsText) {
  Files files = seedFiles();
  mutate(files, "wujin", "申报条件 所在地 为 武进区", "申报条件 产销 达 2000万元 以上\n  申报条件 所在地 为 武进区");
  const Checked* c = nullptr;
  auto f = quoteFindings(files, c);
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_NE(f[0]->message.find("武进区2024制造业若干措施's 申报条件 writes `2000万元`"), std::string::npos)
      << f[0]->message;

  mutate(files, "wujin", "具有独立法人资格的企业和社会组织。", "具有独立法人资格、年产销2000万元以上的企业和社会组织。");
  EXPECT_TRUE(quoteFindings(files, c).empty()) << c->listing();
}

}  // namespace
}  // namespace polc::test
