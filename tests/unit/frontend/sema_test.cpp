// Semantic analysis of whole small programs: valid programs in either language check clean and
// give the same model; invalid ones get the right code at the right place.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "frontend_util.h"
#include "support/diag_codes.h"

namespace polc::test {
namespace {

using sema::AwardKind;

std::string readProgram(const std::string& name) {
  std::ifstream in(std::string(POLC_SOURCE_DIR) + "/tests/unit/frontend/programs/" + name, std::ios::binary);
  EXPECT_TRUE(in) << name;
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// ---- valid programs ------------------------------------------------------------------------------

// Whether every keyword token of `source` is spelt in English (ASCII) or every one in Chinese.
// Punctuation and operators (`:`, `==`, `*`) are shared and not counted.
std::pair<int, int> keywordLanguages(const std::string& source) {
  int ascii = 0, chinese = 0;
  for (const auto& t : lex(source)) {
    if (t.type >= gen::PolcLexer::LBRACE || t.type == gen::PolcLexer::GT ||
        t.type == gen::PolcLexer::GE || t.type == gen::PolcLexer::LE || t.type == gen::PolcLexer::LT ||
        t.type == gen::PolcLexer::EQ || t.type == gen::PolcLexer::NE)
      continue;  // punctuation, literals and names (LBRACE and everything after it in the vocabulary)
    bool isAscii = static_cast<unsigned char>(t.text[0]) < 0x80;
    (isAscii ? ascii : chinese)++;
  }
  return {ascii, chinese};
}

TEST(SemaPrograms, TheEnglishProgramUsesOnlyEnglishKeywordsAndTheChineseOneOnlyChinese) {
  auto [enAscii, enChinese] = keywordLanguages(readProgram("valid_english_keywords.pol"));
  auto [zhAscii, zhChinese] = keywordLanguages(readProgram("valid_chinese_keywords.pol"));
  EXPECT_GT(enAscii, 100);
  EXPECT_EQ(enChinese, 0);
  EXPECT_GT(zhChinese, 100);
  EXPECT_EQ(zhAscii, 0);
}

TEST(SemaPrograms, AValidProgramInChineseKeywordsHasNoErrors) {
  auto c = compile(readProgram("valid_chinese_keywords.pol"), "valid_chinese_keywords.pol");
  ASSERT_TRUE(c->model) << c->dump();
  EXPECT_TRUE(c->diags.all().empty()) << c->dump();
  EXPECT_EQ(c->model->documents.size(), 2u);
  EXPECT_EQ(c->model->clauses.size(), 7u);
}

TEST(SemaPrograms, AValidProgramInEnglishKeywordsHasNoErrors) {
  auto c = compile(readProgram("valid_english_keywords.pol"), "valid_english_keywords.pol");
  ASSERT_TRUE(c->model) << c->dump();
  EXPECT_TRUE(c->diags.all().empty()) << c->dump();
  EXPECT_EQ(c->model->documents.size(), 2u);
  EXPECT_EQ(c->model->clauses.size(), 7u);
}

TEST(SemaPrograms, BothLanguagesGiveTheSameModel) {
  auto zh = compile(readProgram("valid_chinese_keywords.pol"));
  auto en = compile(readProgram("valid_english_keywords.pol"));
  ASSERT_TRUE(zh->model && en->model);
  const auto& a = *zh->model;
  const auto& b = *en->model;
  ASSERT_EQ(a.clauses.size(), b.clauses.size());
  for (std::size_t i = 0; i < a.clauses.size(); ++i) {
    EXPECT_EQ(a.clauses[i].citation, b.clauses[i].citation);
    EXPECT_EQ(a.clauses[i].subject, b.clauses[i].subject);
    EXPECT_EQ(a.clauses[i].payee, b.clauses[i].payee);
    EXPECT_EQ(a.clauses[i].target, b.clauses[i].target);
    EXPECT_EQ(a.clauses[i].kind, b.clauses[i].kind);
    EXPECT_EQ(a.clauses[i].award, b.clauses[i].award);
    ASSERT_TRUE(a.clauses[i].decl->pay && b.clauses[i].decl->pay);
    EXPECT_EQ(a.describe(a.clauses[i].decl->pay->sema.type), b.describe(b.clauses[i].decl->pay->sema.type));
  }
  ASSERT_EQ(a.subjects.size(), b.subjects.size());
  for (std::size_t s = 0; s < a.subjects.size(); ++s) {
    EXPECT_EQ(a.subjects[s].owner, b.subjects[s].owner);
    ASSERT_EQ(a.subjects[s].facts.size(), b.subjects[s].facts.size());
    for (std::size_t f = 0; f < a.subjects[s].facts.size(); ++f) {
      EXPECT_EQ(a.describe(a.subjects[s].facts[f].type), b.describe(b.subjects[s].facts[f].type))
          << a.subjects[s].facts[f].name;
      EXPECT_EQ(a.subjects[s].facts[f].history, b.subjects[s].facts[f].history);
    }
  }
  EXPECT_EQ(a.groups.size(), b.groups.size());
  EXPECT_EQ(a.caps.size(), b.caps.size());
  ASSERT_EQ(a.caps.size(), 1u);
  EXPECT_EQ(a.caps[0].clauses, b.caps[0].clauses);
  EXPECT_EQ(a.caps[0].clauses.size(), 5u);  // 第4条第1款 and the four clauses of 第5条
}

TEST(SemaPrograms, TheModelRecordsSubjectsPayeesAndTypes) {
  auto c = compile(readProgram("valid_chinese_keywords.pol"));
  ASSERT_TRUE(c->model) << c->dump();
  const auto& m = *c->model;
  int enterprise = m.subjectIndex.at("企业"), project = m.subjectIndex.at("项目"),
      referrer = m.subjectIndex.at("引荐人");
  EXPECT_EQ(m.subjects[project].owner, enterprise);
  EXPECT_TRUE(m.ownedBy(referrer, enterprise));
  EXPECT_EQ(m.rootOf(referrer), enterprise);

  const auto& doc = m.documents.at(m.documentIndex.at("常办发2022第1号"));
  EXPECT_EQ(doc.displayNumber, "常办发〔2022〕1号");
  int c51 = doc.byCitation.at({5, 1, 0});
  const auto& clause = m.clauses[c51];
  EXPECT_EQ(clause.citation, "常办发〔2022〕1号 第5条第1款");
  EXPECT_EQ(clause.subject, project);
  EXPECT_EQ(clause.payee, enterprise);  // a project's award is paid to its enterprise
  EXPECT_EQ(clause.award, AwardKind::Pay);
  EXPECT_EQ(clause.decl->pay->sema.type.form, AmountForm::UpTo);
  EXPECT_EQ(m.describe(clause.decl->pay->sema.type), "up-to amount in 元");

  const auto& c53 = m.clauses[doc.byCitation.at({5, 3, 0})];
  EXPECT_EQ(c53.payee, referrer);

  // The interest subsidy multiplies 元 × %/年 × % × 月: money, thanks to 月 = 1/12年.
  const auto& c52 = m.clauses[doc.byCitation.at({5, 2, 0})];
  EXPECT_EQ(m.describe(c52.decl->pay->sema.type), "元");
}

TEST(SemaPrograms, NamesInExpressionsAreResolved) {
  auto c = compile(readProgram("valid_chinese_keywords.pol"));
  ASSERT_TRUE(c->model) << c->dump();
  const auto& m = *c->model;
  const auto& doc = m.documents.at(m.documentIndex.at("常办发2022第1号"));
  const ast::Clause& c51 = *m.clauses[doc.byCitation.at({5, 1, 0})].decl;
  // 产业 属于 先进制造业 且 设备投入 达 5000万元 以上 且 竣工
  const ast::Expr& cond = *c51.conditions.at(0);
  ASSERT_EQ(cond.kind, ast::ExprKind::And);
  const ast::Expr& inner = *cond.kids.at(0);  // (产业 属于 先进制造业) 且 (设备投入 达 …)
  const ast::Expr& member = *inner.kids.at(0);
  ASSERT_EQ(member.kind, ast::ExprKind::Member);
  EXPECT_EQ(member.kids[0]->sema.ref, RefKind::Fact);
  EXPECT_EQ(member.kids[0]->sema.subject, m.subjectIndex.at("项目"));
  EXPECT_EQ(member.kids[1]->sema.ref, RefKind::Set);
  const ast::Expr& threshold = *inner.kids.at(1)->kids.at(1);
  EXPECT_EQ(threshold.sema.literal.digits, "5000");
  EXPECT_EQ(threshold.sema.literal.pow10, 4);

  const ast::Clause& c52 = *m.clauses[doc.byCitation.at({5, 2, 0})].decl;
  // 贷款金额 × (LPR一年期 于 放款日期) × 50% × 12月: find the parameter lookup and the month.
  const ast::Expr* e = c52.pay.get();
  const ast::Expr& month = *e->kids.at(1);
  EXPECT_EQ(month.sema.literal.scaleNum, 1);
  EXPECT_EQ(month.sema.literal.scaleDen, 12);
  const ast::Expr& at = *e->kids.at(0)->kids.at(0)->kids.at(1);
  ASSERT_EQ(at.kind, ast::ExprKind::At);
  EXPECT_EQ(at.kids[0]->sema.ref, RefKind::Parameter);

  const ast::Clause& c54 = *m.clauses[doc.byCitation.at({5, 4, 0})].decl;
  const ast::Expr& otherwise = *c54.pay->kids.at(2);  // 最大(增量(营业收入) × 1%, 10万元)
  EXPECT_EQ(otherwise.sema.ref, RefKind::Builtin);
  EXPECT_EQ(otherwise.sema.builtin, Builtin::Max);
  EXPECT_EQ(otherwise.kids.at(0)->kids.at(0)->sema.builtin, Builtin::Increase);
}

// ---- invalid programs ----------------------------------------------------------------------------

const char* kSchema =
    "单位 吨标煤\n单位 美元\n"
    "枚举 级别 { 国家级 > 省级 > 市级 }\n"
    "枚举 平台级别 { 国家级 > 省级 }\n"
    "枚举 标准层级 { 国际, 国家, 行业 }\n"
    "枚举 辖区 { 武进区, 溧阳市 }\n"
    "主体 企业 { 事实 营业收入: 元 历史\n 事实 利润: 元\n 事实 所在地: 辖区\n 事实 标准: 标准层级\n"
    "  事实 级: 级别\n 事实 获评: 布尔 }\n"
    "主体 项目 隶属 企业 { 事实 节能量: 吨标煤\n 事实 外资: 美元\n 事实 设备投入: 元 }\n"
    "主体 个人 { 事实 地方贡献: 元 }\n"
    "主体 集群 { 事实 名称: 文本 }\n"
    "标的 奖励\n";

// A program with one clause (第3条第1款) of subject `subject` holding `items`; `extra` goes after the
// article inside the document.
std::string program(const std::string& subject, const std::string& items, const std::string& extra = "") {
  return std::string(kSchema) + "文件 甲 {\n  条 3 {\n    款 1 {\n      原文 \"…\"\n      对象 " + subject +
         "\n      标的 奖励\n" + items + "\n    }\n  }\n" + extra + "}\n";
}

struct Case {
  const char* name;
  std::string source;
  const char* code;
  const char* spanText;  // the text under the primary span
};

void PrintTo(const Case& k, std::ostream* os) { *os << k.name; }

class InvalidProgram : public ::testing::TestWithParam<Case> {};

TEST_P(InvalidProgram, ReportsOneErrorWithTheRightCodeAndPlace) {
  const Case& k = GetParam();
  auto c = compile(k.source);
  ASSERT_EQ(c->codes(), std::vector<std::string>{k.code}) << c->dump();
  EXPECT_EQ(c->textOf(c->diags.all()[0].span), k.spanText) << c->dump();
}

INSTANTIATE_TEST_SUITE_P(
    Sema, InvalidProgram,
    ::testing::Values(
        Case{"AddTceToMoney", program("项目", "给予 节能量 + 100万元"), diag::kDimensionMismatch,
             "节能量 + 100万元"},
        Case{"SubtractMoneyFromUsd", program("项目", "给予 外资 - 100万元"), diag::kDimensionMismatch,
             "外资 - 100万元"},
        Case{"CompareUsdWithCny", program("项目", "条件 外资 超 3000万元\n给予 1万元"),
             diag::kCompareDimensions, "外资 超 3000万元"},
        Case{"CompareMoneyWithPlainNumber", program("企业", "条件 营业收入 超 100亿\n给予 1万元"),
             diag::kCompareDimensions, "营业收入 超 100亿"},
        Case{"ConditionNotBool", program("项目", "条件 设备投入\n给予 1万元"), diag::kNotACondition, "设备投入"},
        Case{"AwardInTce", program("项目", "给予 节能量 × 500"), diag::kAwardNotMoney, "节能量 × 500"},
        Case{"AwardInUsd", program("项目", "给予 50万美元"), diag::kAwardNotMoney, "50万美元"},
        Case{"CapInAnotherUnit", program("项目", "给予 设备投入 × 10% 封顶 100吨标煤"),
             diag::kDimensionMismatch, "设备投入 × 10% 封顶 100吨标煤"},
        Case{"ClauseCapInAnotherUnit", program("项目", "给予 设备投入 × 10%\n上限 100吨标煤"),
             diag::kAwardNotMoney, "100吨标煤"},
        Case{"UnknownFact", program("企业", "条件 营业收人 超 1亿元\n给予 1万元"), diag::kUnknownName, "营业收人"},
        Case{"UnknownUnitGluedToYishang", program("项目", "条件 设备投入 达 5000万元以上\n给予 1万元"),
             diag::kUnknownUnit, "5000万元以上"},
        Case{"UnorderedEnum", program("企业", "条件 标准 不低于 国家\n给予 1万元"), diag::kUnorderedEnum,
             "标准 不低于 国家"},
        Case{"EnumMismatch", program("企业", "条件 所在地 == 市级\n给予 1万元"), diag::kEnumMismatch,
             "所在地 == 市级"},
        Case{"AmbiguousEnumValue", program("企业", "条件 国家级 == 级\n给予 1万元"), diag::kAmbiguousName,
             "国家级"},
        Case{"FirstOverWithoutHistory", program("企业", "条件 利润 首次超 1亿元\n给予 1万元"),
             diag::kNeedsHistory, "利润"},
        Case{"IncreaseWithoutHistory", program("企业", "给予 增量(利润) × 5%"), diag::kNeedsHistory, "利润"},
        Case{"UnknownFunction", program("企业", "给予 增长(营业收入) × 5%"), diag::kUnknownFunction, "增长"},
        Case{"MaxOfOne", program("企业", "给予 最大(1万元)"), diag::kArgumentCount, "最大(1万元)"},
        Case{"AtOnAFact", program("企业", "给予 利润 于 2022-01-01"), diag::kNeedsParameter, "利润"},
        Case{"CapNotExact", program("企业", "给予 1万元 封顶 最高 2万元"), diag::kAmountFormMisuse, "最高 2万元"},
        Case{"ClauseCapNotExact", program("企业", "给予 1万元\n上限 最高 2万元"), diag::kAmountFormMisuse,
             "最高 2万元"},
        Case{"QuotaNotWhole", program("企业", "给予 1万元\n名额 2.5"), diag::kNotAnInteger, "2.5"},
        Case{"InstallmentsNot100", program("企业", "给予 1万元\n分期 40%, 30%, 20%"), diag::kInstallmentsSum,
             "40%, 30%, 20%"},
        Case{"MissingAward", program("企业", ""), diag::kMissingAward, "款 1"},
        Case{"SeveralAwards", program("企业", "给予 1万元\n一事一议"), diag::kSeveralAwards, "一事一议"},
        Case{"RepeatedSubject", program("企业", "对象 企业\n给予 1万元"), diag::kRepeatedItem, "对象 企业"},
        Case{"UnknownSubject", program("企", "给予 1万元"), diag::kUnknownSubject, "企"},
        Case{"PayeeUnrelated", program("项目", "受益人 个人\n给予 1万元"), diag::kUnrelatedPayee, "个人"},
        Case{"UnknownCitation", program("企业", "给予 1万元\n关系 第3条第2款 \"…\""), diag::kUnknownCitation,
             "第3条第2款"},
        Case{"UnknownDocument", program("企业", "给予 1万元\n关系 乙 第3条 \"…\""), diag::kUnknownDocument, "乙"},
        Case{"CapCoversUnrelatedSubject",
             program("企业", "给予 1万元", "  上限 集群上限 100万元 每个 集群 覆盖 第3条第1款\n"), diag::kCapSubject,
             "第3条第1款"},
        Case{"FundingNot100", program("企业", "给予 1万元", "  资金分担 { 其他: 市 50%, 区 40% }\n"),
             diag::kFundingSum, "其他: 市 50%, 区 40%"},
        Case{"RatioArity", program("企业", "给予 1万元", "  资金分担 { 其他: 市, 区 = 1:1:2 }\n"),
             diag::kRatioArity, "1:1:2"},
        // One payer twice in a split: a label, in a ratio or in shares, or two payers named by one fact
        // (the same value, whatever the applicant's), in either kind of bracket.
        Case{"PayerTwiceInARatio", program("企业", "给予 1万元", "  资金分担 { 其他: 市, 区, 市 = 1:1:1 }\n"),
             diag::kPayerTwice, "市"},
        Case{"PayerTwiceInShares", program("企业", "给予 1万元", "  资金分担 { 其他: 市 50%, 市 其余 }\n"),
             diag::kPayerTwice, "市"},
        Case{"PayerFactTwice",
             program("企业", "给予 1万元", "  资金分担 { 其他: 区（所在地）, 镇(所在地) = 1:1 }\n"),
             diag::kPayerTwice, "镇(所在地)"}),
    [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

// A written date is checked against the parameter's dates: before the first value every evaluation
// would fail; on the first value's own date it holds.
TEST(SemaDiagnostics, AParameterAtAWrittenDateBeforeItsFirstValue) {
  const std::string parameter = "参数 利率 { 2019-08-20: 4%\n 2022-01-20: 3% }\n";
  auto before = compile(parameter + program("企业", "给予 利润 × (利率 于 2019-08-19)"));
  ASSERT_EQ(before->codes(), std::vector<std::string>{diag::kBeforeFirstValue}) << before->dump();
  EXPECT_EQ(before->textOf(before->diags.all()[0].span), "2019-08-19");
  EXPECT_EQ(before->textOf(before->diags.all()[0].notes.at(0).span), "2019-08-20");
  for (const char* day : {"2019-08-20", "2020-01-01", "2030-01-01"}) {
    auto ok = compile(parameter + program("企业", std::string("给予 利润 × (利率 于 ") + day + ")"));
    EXPECT_TRUE(ok->codes().empty()) << day << "\n" << ok->dump();
  }
}

// W0424 reads every condition that can name a payer's fact: an order comparison, a declared set and
// a 若 that keep the applicants whose fact is 市 out of the split, or take them in an earlier rule,
// were once taken to let them through, and warned of; beside each, one that lets them through.
TEST(SemaDiagnostics, PayerLabelWarningReadsOrderComparisonsSetsAndIf) {
  auto warned = [](const std::string& rules) {
    auto c = compile(
        "枚举 层级 { 市 > 区 > 镇 }\n集合 基层 = { 区, 镇 }\n主体 企业 { 事实 所在层级: 层级\n 事实 获评: 布尔 }\n"
        "标的 奖励\n文件 甲 {\n  条 1 {\n    款 1 {\n      原文 \"…\"\n      对象 企业\n      标的 奖励\n"
        "      给予 1万元\n    }\n  }\n  资金分担 {\n" +
        rules + "\n  }\n}\n");
    const auto codes = c->codes();
    return std::count(codes.begin(), codes.end(), std::string(diag::kPayerMayTakeLabel));
  };
  const std::string split = ": 市, 级（所在层级） = 1:1";
  EXPECT_EQ(warned("条件 所在层级 低于 市" + split), 0);
  EXPECT_EQ(warned("条件 所在层级 不超过 区" + split), 0);
  EXPECT_EQ(warned("条件 所在层级 达 区 以上" + split + "\n其他: 市 100%"), 1);
  EXPECT_EQ(warned("条件 所在层级 达 市 以上: 市 100%\n其他" + split), 0);
  EXPECT_EQ(warned("条件 所在层级 超 区: 市 100%\n其他" + split), 0);
  EXPECT_EQ(warned("条件 所在层级 超 镇: 市 100%\n其他" + split), 0);
  EXPECT_EQ(warned("条件 所在层级 低于 区: 镇 100%\n其他" + split), 1);
  EXPECT_EQ(warned("条件 所在层级 属于 基层" + split), 0);
  EXPECT_EQ(warned("条件 所在层级 不属于 基层" + split), 1);
  EXPECT_EQ(warned("条件 若 获评 则 所在层级 == 区 否则 所在层级 == 镇" + split), 0);
  EXPECT_EQ(warned("条件 若 获评 则 所在层级 == 区 否则 所在层级 == 市" + split), 1);
}

TEST(SemaDiagnostics, UnknownFactSuggestsTheClosestName) {
  auto c = compile(program("企业", "条件 营业收人 超 1亿元\n给予 1万元"));
  const Diagnostic* d = find(*c, diag::kUnknownName);
  ASSERT_TRUE(d) << c->dump();
  EXPECT_EQ(d->message, "unknown name `营业收人`");
  EXPECT_EQ(d->help, std::vector<std::string>{"did you mean `营业收入`?"});
}

TEST(SemaDiagnostics, AGluedPostfixWordGetsASpacingHint) {
  auto c = compile(program("项目", "条件 设备投入 达 5000万元以上\n给予 1万元"));
  const Diagnostic* d = find(*c, diag::kUnknownUnit);
  ASSERT_TRUE(d) << c->dump();
  EXPECT_EQ(d->message, "unknown unit `万元以上`");
  EXPECT_EQ(d->help, std::vector<std::string>{"put a space before `以上`: `5000万元 以上`"});
}

TEST(SemaDiagnostics, ADimensionMismatchNamesBothSides) {
  auto c = compile(program("项目", "给予 节能量 + 100万元"));
  const Diagnostic* d = find(*c, diag::kDimensionMismatch);
  ASSERT_TRUE(d) << c->dump();
  EXPECT_EQ(d->message, "cannot add 吨标煤 to 元");
  ASSERT_EQ(d->notes.size(), 2u);
  EXPECT_EQ(c->textOf(d->notes[0].span), "节能量");
  EXPECT_EQ(d->notes[0].message, "this is 吨标煤");
  EXPECT_EQ(c->textOf(d->notes[1].span), "100万元");
  EXPECT_EQ(d->notes[1].message, "this is 元");
}

TEST(SemaDiagnostics, MixedAlternativesPointAtTheFirstAlternative) {
  // Both notes once pointed at the offending alternative; the 元 note must point at 50万元.
  auto c = compile(program("企业", "给予 分情形 { 级 == 国家级: 50万元; 级 == 省级: 30吨标煤 }"));
  const Diagnostic* d = find(*c, diag::kDimensionMismatch);
  ASSERT_TRUE(d) << c->dump();
  EXPECT_EQ(c->textOf(d->span), "30吨标煤");
  ASSERT_EQ(d->notes.size(), 2u);
  EXPECT_EQ(c->textOf(d->notes[0].span), "50万元");
  EXPECT_EQ(d->notes[0].message, "this is 元");
  EXPECT_EQ(c->textOf(d->notes[1].span), "30吨标煤");

  auto ifElse = compile(program("企业", "给予 若 获评 则 50万元 否则 30吨标煤"));
  const Diagnostic* e = find(*ifElse, diag::kDimensionMismatch);
  ASSERT_TRUE(e) << ifElse->dump();
  ASSERT_EQ(e->notes.size(), 2u);
  EXPECT_EQ(ifElse->textOf(e->notes[0].span), "50万元");
  EXPECT_EQ(ifElse->textOf(e->notes[1].span), "30吨标煤");
}

TEST(SemaDiagnostics, DuplicateClausesPointAtTheFirst) {
  std::string src = std::string(kSchema) +
                    "文件 甲 { 条 3 {\n 款 1 { 原文 \"…\" 对象 企业 标的 奖励 给予 1万元 }\n"
                    " 款 1 { 原文 \"…\" 对象 企业 标的 奖励 给予 2万元 } } }\n";
  auto c = compile(src);
  ASSERT_EQ(c->codes(), std::vector<std::string>{diag::kDuplicateCitation}) << c->dump();
  const Diagnostic& d = c->diags.all()[0];
  EXPECT_EQ(d.message, "第3条第1款 appears twice in 甲");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_LT(d.notes[0].span.begin, d.span.begin);
}

// Results, facts and test files cite a clause by its document's 文号 or name: one shared by two
// documents would cite two clauses alike (and an award received would count for the first).
TEST(SemaDiagnostics, ADocumentNumberIsNoOtherDocumentsNumberOrName) {
  const std::string clause = " { 条 1 { 款 1 { 原文 \"…\" 对象 企业 标的 奖励 给予 1万元 } } }\n";
  auto byName = compile(std::string(kSchema) + "文件 甲 { 文号 \"乙\"" + clause.substr(2) + "文件 乙" + clause);
  ASSERT_EQ(byName->codes(), std::vector<std::string>{diag::kDuplicateCitation}) << byName->dump();
  const Diagnostic& d = byName->diags.all()[0];
  EXPECT_EQ(d.message, "文号 \"乙\" of 甲 is the name of another document, 乙: their clauses would be cited alike");
  EXPECT_EQ(byName->textOf(d.span), "\"乙\"");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(byName->textOf(d.notes[0].span), "乙");

  auto byNumber = compile(std::string(kSchema) + "文件 甲 { 文号 \"丙 1号\"" + clause.substr(2) + "文件 乙 { 文号 \"丙1号\"" +
                          clause.substr(2));
  ASSERT_EQ(byNumber->codes(), std::vector<std::string>{diag::kDuplicateCitation}) << byNumber->dump();
  EXPECT_EQ(byNumber->diags.all()[0].message, "文号 \"丙1号\" of 乙 is also the 文号 of 甲: their clauses would be cited alike")
      << "blanks are ignored in citations";

  auto ownName = compile(std::string(kSchema) + "文件 甲 { 文号 \"甲\"" + clause.substr(2));
  EXPECT_TRUE(ownName->codes().empty()) << ownName->dump();
}

// A band runs from its threshold to the next: a threshold written below the one before it gave a
// negative band (10% × (50元 − 100元)), and one equal to it a band of nothing.
TEST(SemaDiagnostics, MarginalThresholdsMustIncrease) {
  auto c = compile(program("企业", "给予 累进 营业收入 { 0元: 1%; 1亿元: 2%; 5000万元: 3%; 5000万元: 4% }"));
  ASSERT_EQ(c->codes(), (std::vector<std::string>{diag::kParameterOrder, diag::kParameterOrder})) << c->dump();
  const Diagnostic& d = c->diags.all()[0];
  EXPECT_EQ(d.message, "the thresholds of 累进 must increase");
  EXPECT_EQ(c->textOf(d.span), "5000万元");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(c->textOf(d.notes[0].span), "1亿元");
  EXPECT_TRUE(compile(program("企业", "给予 累进 营业收入 { 0元: 1%; 5000万元: 2%; 1亿元: 3% }"))->codes().empty());
}

// A step of 0 compiled, and the evaluation of every applicant above 自 stopped at it.
TEST(SemaDiagnostics, AStepOfZeroIsABadNumber) {
  auto c = compile(program("企业", "给予 递增 营业收入 自 0元 每增加 0.0万元 另给予 1万元"));
  ASSERT_EQ(c->codes(), std::vector<std::string>{diag::kBadNumber}) << c->dump();
  EXPECT_EQ(c->diags.all()[0].message, "每增加 (every) must be above 0");
  EXPECT_EQ(c->textOf(c->diags.all()[0].span), "0.0万元");
}

TEST(SemaDiagnostics, StructuralOmissionsOfAClause) {
  std::string src = std::string(kSchema) + "文件 甲 { 条 3 { 款 1 { 给予 1万元 } } }\n";
  auto c = compile(src);
  auto list = c->codes();
  std::multiset<std::string> codes(list.begin(), list.end());
  EXPECT_EQ(codes, (std::multiset<std::string>{diag::kMissingText, diag::kMissingSubject, diag::kMissingTarget}))
      << c->dump();
}

TEST(SemaDiagnostics, AnOwnershipCycleIsBroken) {
  auto c = compile("主体 甲 隶属 乙 { }\n主体 乙 隶属 甲 { }\n");
  EXPECT_EQ(c->codes(), std::vector<std::string>{diag::kOwnerCycle}) << c->dump();
}

TEST(SemaDiagnostics, AmountFormsPropagate) {
  auto c = compile(program("企业", "给予 最高 营业收入 × 1% 封顶 100万元"));
  ASSERT_TRUE(c->model) << c->dump();
  EXPECT_TRUE(c->diags.all().empty()) << c->dump();
  const auto& pay = *c->model->clauses.at(0).decl->pay;
  EXPECT_EQ(pay.sema.type.form, AmountForm::UpTo);
  auto range = compile(program("企业", "给予 10万元 至 50万元"));
  ASSERT_TRUE(range->model) << range->dump();
  EXPECT_EQ(range->model->clauses.at(0).decl->pay->sema.type.form, AmountForm::Range);
  auto compared = compile(program("企业", "条件 营业收入 超 最高 1亿元\n给予 1万元"));
  EXPECT_EQ(compared->codes(), std::vector<std::string>{diag::kAmountFormMisuse}) << compared->dump();
}

TEST(SemaDiagnostics, EnglishTypeWordsThatAreAlsoKeywords) {
  // `text` and `number` are keywords (原文, 文号) but also the English names of 文本 and 数值.
  auto c = compile("subject 企业 { fact 名称: text\n fact 指数: number\n fact 人数: count }\n");
  ASSERT_TRUE(c->model) << c->dump();
  EXPECT_TRUE(c->diags.all().empty()) << c->dump();
  const auto& facts = c->model->subjects.at(0).facts;
  EXPECT_EQ(facts.at(0).type.kind, TypeKind::Text);
  EXPECT_EQ(facts.at(1).type.kind, TypeKind::Number);
  EXPECT_TRUE(facts.at(2).type.integer);
}

}  // namespace
}  // namespace polc::test
