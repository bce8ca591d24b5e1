// The parser and the AST builder: the shape of the tree for small sources.
#include <gtest/gtest.h>

#include <string>

#include "frontend_util.h"
#include "support/diag_codes.h"

namespace polc::test {
namespace {

using K = ast::ExprKind;

// A document with one article holding `clauses` (each a full `款 … { … }`).
std::string doc(const std::string& clauses) {
  return "文件 常办发2022第1号 {\n  条 3 {\n" + clauses + "\n  }\n}\n";
}

// Parses `给予 <expr>` inside a clause and returns the tree (the Compiled keeps it alive).
struct ParsedExpr {
  std::unique_ptr<Compiled> c;
  const ast::Expr* e = nullptr;
};
ParsedExpr payExpr(const std::string& expr) {
  ParsedExpr out;
  out.c = parseOnly(doc("    款 1 { 给予 " + expr + " }"));
  const ast::File* f = out.c->tree();
  EXPECT_TRUE(f) << out.c->dump();
  if (!f) return out;
  out.e = f->documents.at(0).articles.at(0).clauses.at(0).pay.get();
  EXPECT_TRUE(out.e);
  return out;
}
ParsedExpr whenExpr(const std::string& expr) {
  ParsedExpr out;
  out.c = parseOnly(doc("    款 1 { 条件 " + expr + " }"));
  const ast::File* f = out.c->tree();
  EXPECT_TRUE(f) << out.c->dump();
  if (!f) return out;
  const auto& conds = f->documents.at(0).articles.at(0).clauses.at(0).conditions;
  EXPECT_EQ(conds.size(), 1u);
  if (!conds.empty()) out.e = conds[0].get();
  return out;
}

std::string pathOf(const ast::Expr& e) {
  std::string out;
  for (const auto& n : e.path) out += (out.empty() ? "" : ".") + n.text;
  return out;
}

TEST(Parser, ClauseNumbersSplitIntoClauseAndItem) {
  auto c = parseOnly(doc("    款 3 { 原文 \"甲\" }\n    款 4.1 { 原文 \"乙\" }\n    款 4.2 { }"));
  ASSERT_TRUE(c->tree()) << c->dump();
  const auto& a = c->tree()->documents.at(0).articles.at(0);
  EXPECT_EQ(a.number, 3);
  ASSERT_EQ(a.clauses.size(), 3u);
  EXPECT_EQ(a.clauses[0].clause, 3);
  EXPECT_EQ(a.clauses[0].item, 0);
  EXPECT_EQ(a.clauses[1].clause, 4);
  EXPECT_EQ(a.clauses[1].item, 1);
  EXPECT_EQ(a.clauses[2].item, 2);
  ASSERT_EQ(a.clauses[0].text.size(), 1u);
  EXPECT_EQ(a.clauses[0].text[0].value, "甲");
  EXPECT_EQ(c->textOf(a.clauses[1].headerSpan), "款 4.1");
}

TEST(Parser, AClauseNumberOfThreePartsIsOneClearError) {
  auto c = parseOnly(doc("    款 3.1.2 { 原文 \"甲\" }"));
  ASSERT_EQ(c->codes(), std::vector<std::string>{diag::kBadClauseNumber}) << c->dump();
  EXPECT_EQ(c->textOf(c->diags.all()[0].span), "3.1.2");
  EXPECT_EQ(c->diags.all()[0].message, "`3.1.2` is not a clause number");
}

TEST(Parser, AZeroClauseOrAFractionalArticleIsRejected) {
  auto zero = parseOnly(doc("    款 0 { }"));
  EXPECT_EQ(zero->codes(), std::vector<std::string>{diag::kBadClauseNumber}) << zero->dump();
  auto article = parseOnly("文件 甲 { 条 3.1 { } }");
  EXPECT_EQ(article->codes(), std::vector<std::string>{diag::kBadClauseNumber}) << article->dump();
}

TEST(Parser, ClauseItemsLandInTheirFields) {
  auto c = parseOnly(doc(
      "    款 2 \"标题\" {\n"
      "      原文 \"第一句，\" \"第二句。\"\n"
      "      说明 \"释义\"\n"
      "      对象 项目\n      受益人 企业\n      标的 设备投入奖励\n      类别 授牌认定\n"
      "      条件 甲\n      条件 乙\n"
      "      给予 100万元\n      上限 200万元 \"单个项目\"\n      名额 10 年度\n"
      "      分期 40%, 30%, 30%\n      晋级补差\n"
      "      关系 武进2024 第11条第2款 \"从优从高\"\n    }"));
  ASSERT_TRUE(c->tree()) << c->dump();
  const auto& cl = c->tree()->documents.at(0).articles.at(0).clauses.at(0);
  ASSERT_TRUE(cl.title);
  EXPECT_EQ(cl.title->value, "标题");
  ASSERT_EQ(cl.text.size(), 1u);
  EXPECT_EQ(cl.text[0].value, "第一句，第二句。");  // several strings join into one text
  EXPECT_EQ(cl.notes.size(), 1u);
  EXPECT_EQ(cl.subject->text, "项目");
  EXPECT_EQ(cl.payee->text, "企业");
  EXPECT_EQ(cl.target->text, "设备投入奖励");
  EXPECT_EQ(cl.kind->text, "授牌认定");
  EXPECT_EQ(cl.conditions.size(), 2u);
  ASSERT_TRUE(cl.pay);
  EXPECT_EQ(cl.pay->number, "100");
  EXPECT_EQ(cl.pay->unit, "万元");
  ASSERT_TRUE(cl.cap);
  EXPECT_EQ(cl.capLabel->value, "单个项目");
  ASSERT_TRUE(cl.quota);
  EXPECT_TRUE(cl.quotaAnnual);
  EXPECT_EQ(cl.installments.size(), 3u);
  EXPECT_TRUE(cl.topup);
  ASSERT_EQ(cl.relations.size(), 1u);
  EXPECT_EQ(cl.relations[0].other.document->text, "武进2024");
  EXPECT_EQ(cl.relations[0].other.article, 11);
  EXPECT_EQ(cl.relations[0].other.clause, 2);
  EXPECT_EQ(cl.relations[0].reason.value, "从优从高");
}

TEST(Parser, TiersKeepTheirEntriesAndComparison) {
  auto p = payExpr("分档 营业收入 超 { 100亿元: 200万元; 50亿元: 100万元 }");
  ASSERT_TRUE(p.e);
  EXPECT_EQ(p.e->kind, K::Tiers);
  ASSERT_TRUE(p.e->tiersCmp);
  EXPECT_EQ(*p.e->tiersCmp, ast::CmpOp::Gt);
  EXPECT_EQ(pathOf(*p.e->kids.at(0)), "营业收入");
  ASSERT_EQ(p.e->entries.size(), 2u);
  EXPECT_EQ(p.e->entries[0].key->number, "100");
  EXPECT_EQ(p.e->entries[0].key->unit, "亿元");
  EXPECT_EQ(p.e->entries[0].value->number, "200");
  EXPECT_EQ(p.e->entries[1].key->number, "50");

  auto reach = payExpr("分档 节能量 达 { 5000吨标煤: 50万元 1000吨标煤: 20万元 }");  // no separators
  ASSERT_TRUE(reach.e);
  EXPECT_EQ(*reach.e->tiersCmp, ast::CmpOp::Ge);
  EXPECT_EQ(reach.e->entries.size(), 2u);

  auto has = payExpr("分档 称号 含 { 国家级: 100万元, 省级: 50万元 }");
  ASSERT_TRUE(has.e);
  EXPECT_TRUE(has.e->tiersHas);
  EXPECT_FALSE(has.e->tiersCmp);

  auto first = payExpr("分档 营业收入 首次超 { 100亿元: 200万元 }");
  ASSERT_TRUE(first.e);
  EXPECT_TRUE(first.e->tiersFirstOver);

  auto plain = payExpr("分档 级别 { 国家级: 100万元 }");
  ASSERT_TRUE(plain.e);
  EXPECT_FALSE(plain.e->tiersCmp);
  EXPECT_FALSE(plain.e->tiersHas);
}

TEST(Parser, CasesEndWithOtherwise) {
  auto p = payExpr("分情形 { 级别 == 国家级: 100万元; 级别 == 省级: 50万元; 其他: 20万元 }");
  ASSERT_TRUE(p.e);
  EXPECT_EQ(p.e->kind, K::Cases);
  ASSERT_EQ(p.e->entries.size(), 3u);
  ASSERT_TRUE(p.e->entries[0].key);
  EXPECT_EQ(p.e->entries[0].key->kind, K::Compare);
  EXPECT_EQ(p.e->entries[0].key->cmp, ast::CmpOp::Eq);
  EXPECT_FALSE(p.e->entries[2].key);  // 其他 has no condition
  EXPECT_EQ(p.e->entries[2].value->number, "20");
}

TEST(Parser, UpToTimesAndCapNestAsWritten) {
  // 最高 a × b 封顶 c  is  最高 ((a × b) 封顶 c).
  auto p = payExpr("最高 设备投入 × 10% 封顶 500万元");
  ASSERT_TRUE(p.e);
  ASSERT_EQ(p.e->kind, K::UpTo);
  const ast::Expr& cap = *p.e->kids.at(0);
  ASSERT_EQ(cap.kind, K::Cap);
  const ast::Expr& mul = *cap.kids.at(0);
  ASSERT_EQ(mul.kind, K::Arith);
  EXPECT_EQ(mul.arith, ast::ArithOp::Mul);
  EXPECT_EQ(pathOf(*mul.kids.at(0)), "设备投入");
  EXPECT_EQ(mul.kids.at(1)->unit, "%");
  EXPECT_EQ(cap.kids.at(1)->number, "500");
  EXPECT_EQ(p.c->textOf(p.e->span), "最高 设备投入 × 10% 封顶 500万元");
  EXPECT_EQ(p.c->textOf(mul.span), "设备投入 × 10%");
}

TEST(Parser, UpLimitAfterAnAwardIsTheClauseCap) {
  // `给予 最高 a × b 上限 c`: 上限 starts the clause's own cap item, it does not extend the amount.
  auto c = parseOnly(doc("    款 1 { 给予 最高 设备投入 × 10% 上限 500万元 }"));
  ASSERT_TRUE(c->tree()) << c->dump();
  const auto& cl = c->tree()->documents.at(0).articles.at(0).clauses.at(0);
  ASSERT_TRUE(cl.pay);
  ASSERT_EQ(cl.pay->kind, K::UpTo);
  EXPECT_EQ(cl.pay->kids.at(0)->kind, K::Arith);
  EXPECT_EQ(c->textOf(cl.pay->span), "最高 设备投入 × 10%");
  ASSERT_TRUE(cl.cap);
  EXPECT_EQ(cl.cap->number, "500");
  EXPECT_EQ(cl.cap->unit, "万元");
}

TEST(Parser, MultiplicationBindsTighterThanAddition) {
  auto p = payExpr("a + b × c - d");
  ASSERT_TRUE(p.e);
  // (a + (b × c)) - d: left-associative, × first.
  ASSERT_EQ(p.e->kind, K::Arith);
  EXPECT_EQ(p.e->arith, ast::ArithOp::Sub);
  const ast::Expr& add = *p.e->kids.at(0);
  EXPECT_EQ(add.arith, ast::ArithOp::Add);
  EXPECT_EQ(add.kids.at(1)->arith, ast::ArithOp::Mul);
  EXPECT_EQ(pathOf(*p.e->kids.at(1)), "d");
}

TEST(Parser, ParenthesesRegroupAndWidenTheSpan) {
  auto p = payExpr("(a + b) × c");
  ASSERT_TRUE(p.e);
  EXPECT_EQ(p.e->arith, ast::ArithOp::Mul);
  EXPECT_EQ(p.e->kids.at(0)->arith, ast::ArithOp::Add);
  EXPECT_EQ(p.c->textOf(p.e->kids.at(0)->span), "(a + b)");
}

TEST(Parser, PostfixComparisons) {
  auto above = whenExpr("设备投入 达 5000万元 以上");
  ASSERT_TRUE(above.e);
  EXPECT_EQ(above.e->kind, K::Compare);
  EXPECT_EQ(above.e->cmp, ast::CmpOp::Ge);
  EXPECT_EQ(pathOf(*above.e->kids.at(0)), "设备投入");
  EXPECT_EQ(above.e->kids.at(1)->unit, "万元");
  EXPECT_EQ(above.c->textOf(above.e->span), "设备投入 达 5000万元 以上");

  auto below = whenExpr("贷款期限 在 3年 以下");
  ASSERT_TRUE(below.e);
  EXPECT_EQ(below.e->cmp, ast::CmpOp::Le);
  auto within = whenExpr("贷款期限 在 3年 以内");
  ASSERT_TRUE(within.e);
  EXPECT_EQ(within.e->kind, K::Compare);
  EXPECT_EQ(within.e->cmp, ast::CmpOp::Le);

  // Without 以上, 达 alone is the same inclusive comparison.
  auto reach = whenExpr("设备投入 达 5000万元");
  ASSERT_TRUE(reach.e);
  EXPECT_EQ(reach.e->kind, K::Compare);
  EXPECT_EQ(reach.e->cmp, ast::CmpOp::Ge);
}

TEST(Parser, PostfixComparisonsWithoutADirectionOrWithTwo) {
  // The grammar takes a postfix as optional after every comparison word (one alternative, for SLL
  // prediction); the builder checks §7.4. 在 wants one.
  auto at = parseOnly(doc("    款 1 { 条件 贷款期限 在 3年 }"));
  ASSERT_EQ(at->codes(), std::vector<std::string>{diag::kMissingToken}) << at->dump();
  EXPECT_EQ(at->diags.all()[0].message, "`在 …` needs `以上`, `以下` or `以内` after its bound");
  EXPECT_EQ(at->textOf(at->diags.all()[0].span), "贷款期限 在 3年");
  // 达 points upwards, 以下 downwards.
  auto both = parseOnly(doc("    款 1 { 条件 设备投入 达 5000万元 以下 }"));
  ASSERT_EQ(both->codes(), std::vector<std::string>{diag::kUnexpectedToken}) << both->dump();
  EXPECT_EQ(both->diags.all()[0].message, "`达 … 以下` is contradictory");
  EXPECT_EQ(both->textOf(both->diags.all()[0].span), "以下");
  // After 超 the postfix has no place: the same error and hint as where the grammar refuses it.
  auto over = parseOnly(doc("    款 1 { 条件 设备投入 超 5000万元 以上 }"));
  ASSERT_EQ(over->codes(), std::vector<std::string>{diag::kUnexpectedToken}) << over->dump();
  EXPECT_EQ(over->diags.all()[0].message, "unexpected `以上`");
  EXPECT_EQ(over->textOf(over->diags.all()[0].span), "以上");
  EXPECT_EQ(over->diags.all()[0].help.at(0).rfind("`以上` only closes a comparison begun with `达` or `在`", 0), 0u);
}

TEST(Parser, ComparisonWordsMapToOperators) {
  const std::vector<std::pair<std::string, ast::CmpOp>> words = {
      {"超", ast::CmpOp::Gt},     {"超过", ast::CmpOp::Gt},   {">", ast::CmpOp::Gt},
      {"不低于", ast::CmpOp::Ge}, {"≥", ast::CmpOp::Ge},      {"不超过", ast::CmpOp::Le},
      {"不高于", ast::CmpOp::Le}, {"低于", ast::CmpOp::Lt},   {"不足", ast::CmpOp::Lt},
      {"==", ast::CmpOp::Eq},     {"为", ast::CmpOp::Eq},     {"不等于", ast::CmpOp::Ne},
      {"over", ast::CmpOp::Gt},   {"at_least", ast::CmpOp::Ge}, {"under", ast::CmpOp::Lt},
  };
  for (const auto& [word, op] : words) {
    auto p = whenExpr("营业收入 " + word + " 1亿元");
    ASSERT_TRUE(p.e) << word;
    EXPECT_EQ(p.e->kind, K::Compare) << word;
    EXPECT_EQ(p.e->cmp, op) << word;
  }
}

TEST(Parser, RangesAndFirstOver) {
  auto range = payExpr("10万元 至 50万元");
  ASSERT_TRUE(range.e);
  EXPECT_EQ(range.e->kind, K::Range);
  EXPECT_EQ(range.e->kids.at(0)->number, "10");
  EXPECT_EQ(range.e->kids.at(1)->number, "50");
  auto dash = payExpr("10万元 — 50万元");
  ASSERT_TRUE(dash.e);
  EXPECT_EQ(dash.e->kind, K::Range);

  auto first = whenExpr("营业收入 首次超 100亿元");
  ASSERT_TRUE(first.e);
  EXPECT_EQ(first.e->kind, K::FirstOver);
}

TEST(Parser, FactRangesAndModifiers) {
  auto c = parseOnly("主体 企业 { 事实 营业收入: 元 历史 取值 0元 至 100000亿元 \"年度营业收入\"\n"
                     "  事实 上级实到资金: 元 默认 0元\n  事实 称号: 称号名录 认定\n"
                     "  事实 入库: 集合 隶属 项目库\n  事实 单价: 元/吨标煤 }");
  ASSERT_TRUE(c->tree()) << c->dump();
  const auto& facts = c->tree()->subjects.at(0).facts;
  ASSERT_EQ(facts.size(), 5u);
  EXPECT_TRUE(facts[0].history);
  ASSERT_TRUE(facts[0].range);
  EXPECT_EQ(facts[0].range->kind, K::Range);
  EXPECT_EQ(facts[0].description->value, "年度营业收入");
  ASSERT_TRUE(facts[1].defaultValue);
  EXPECT_EQ(facts[1].defaultValue->number, "0");
  EXPECT_EQ(facts[2].type.form, ast::TypeRef::Form::Recognition);
  EXPECT_EQ(facts[2].type.parts.at(0).text, "称号名录");
  EXPECT_EQ(facts[3].type.form, ast::TypeRef::Form::Set);
  EXPECT_EQ(facts[3].type.parts.at(0).text, "项目库");
  ASSERT_EQ(facts[4].type.parts.size(), 2u);
  EXPECT_EQ(facts[4].type.parts[0].text, "元");
  EXPECT_EQ(facts[4].type.parts[1].text, "吨标煤");
}

TEST(Parser, LogicPrecedenceIsNotThenAndThenOr) {
  auto p = whenExpr("非 甲 且 乙 或 丙");
  ASSERT_TRUE(p.e);
  ASSERT_EQ(p.e->kind, K::Or);
  const ast::Expr& conj = *p.e->kids.at(0);
  ASSERT_EQ(conj.kind, K::And);
  EXPECT_EQ(conj.kids.at(0)->kind, K::Not);
  EXPECT_EQ(pathOf(*p.e->kids.at(1)), "丙");
}

TEST(Parser, MembershipRecognitionAndLookups) {
  auto in = whenExpr("产业 属于 先进制造业");
  ASSERT_TRUE(in.e);
  EXPECT_EQ(in.e->kind, K::Member);
  EXPECT_FALSE(in.e->negated);
  auto notIn = whenExpr("产业 不属于 {高端装备, 新能源}");
  ASSERT_TRUE(notIn.e);
  EXPECT_TRUE(notIn.e->negated);
  EXPECT_EQ(notIn.e->kids.at(1)->kind, K::SetLit);
  EXPECT_EQ(notIn.e->kids.at(1)->path.size(), 2u);

  auto newly = whenExpr("新认定 称号 含 国家专精特新小巨人企业");
  ASSERT_TRUE(newly.e);
  ASSERT_EQ(newly.e->kind, K::Has);
  EXPECT_EQ(newly.e->kids.at(0)->kind, K::Newly);

  auto at = payExpr("贷款金额 × (LPR一年期 于 放款日期) × 50%");
  ASSERT_TRUE(at.e);
  const ast::Expr& left = *at.e->kids.at(0);
  EXPECT_EQ(left.kids.at(1)->kind, K::At);

  auto dotted = whenExpr("企业.所在地 == 辖区.溧阳市");
  ASSERT_TRUE(dotted.e);
  EXPECT_EQ(pathOf(*dotted.e->kids.at(0)), "企业.所在地");
  EXPECT_EQ(pathOf(*dotted.e->kids.at(1)), "辖区.溧阳市");

  auto call = payExpr("增量(营业收入) × 5%");
  ASSERT_TRUE(call.e);
  EXPECT_EQ(call.e->kids.at(0)->kind, K::Call);
  EXPECT_EQ(pathOf(*call.e->kids.at(0)), "增量");
  EXPECT_EQ(call.e->kids.at(0)->kids.size(), 1u);
}

TEST(Parser, IfThenElseAndSteps) {
  auto p = payExpr("若 甲 则 100万元 否则 50万元");
  ASSERT_TRUE(p.e);
  ASSERT_EQ(p.e->kind, K::If);
  EXPECT_EQ(p.e->kids.size(), 3u);
  auto steps = payExpr("递增 营业收入 自 10亿元 每增加 10亿元 另给予 50万元");
  ASSERT_TRUE(steps.e);
  EXPECT_EQ(steps.e->kind, K::Steps);
  EXPECT_EQ(steps.e->kids.size(), 4u);
}

TEST(Parser, DocumentHeaderGroupsCapsAndFunding) {
  auto c = parseOnly(
      "文件 常办发2022第1号 {\n"
      "  文号 \"常办发〔2022〕1号\"\n  标题 \"若干政策\"\n  印发日期 2022-01-20\n"
      "  有效期 自 2022-01-01 至 2024-12-31\n  舍入 1元 四舍五入\n"
      "  章 一 \"提升产业发展能级\" { 条 1 { 款 1 { } } 章 二 { 条 2 { } } }\n"
      "  不重复 就高 { 范围 第1条第1款, @2.1; 取 最高; 每个 企业; 除外 类别 授牌认定; 优先 武进2024 }\n"
      "  上限 单个集群累计 2000万元 每个 集群 累计 覆盖 第1条第1款 { 原文 \"…\" }\n"
      "  资金分担 { 条件 所在地 == 溧阳市: 市 15%, 溧阳市 其余; 其他: 市, 辖区 = 1:1 }\n"
      "}\n");
  ASSERT_TRUE(c->tree()) << c->dump();
  const auto& d = c->tree()->documents.at(0);
  EXPECT_EQ(d.number->value, "常办发〔2022〕1号");
  EXPECT_EQ(*d.issued, "2022-01-20");
  EXPECT_EQ(*d.effectiveFrom, "2022-01-01");
  EXPECT_EQ(*d.effectiveTo, "2024-12-31");
  EXPECT_EQ(d.roundingMode->text, "四舍五入");
  ASSERT_EQ(d.chapters.size(), 2u);
  EXPECT_EQ(d.chapters[1].parent, 0);
  ASSERT_EQ(d.articles.size(), 2u);
  EXPECT_EQ(d.articles[1].chapter, 1);
  ASSERT_EQ(d.groups.size(), 1u);
  const auto& g = d.groups[0];
  EXPECT_EQ(g.scope, ast::NonStackingGroup::Scope::Clauses);
  ASSERT_EQ(g.clauses.size(), 2u);
  EXPECT_EQ(g.clauses[1].article, 2);
  EXPECT_EQ(g.clauses[1].clause, 1);
  EXPECT_TRUE(g.takeHighest);
  ASSERT_EQ(g.per.size(), 1u);
  EXPECT_EQ(g.per[0].text, "企业");
  EXPECT_EQ(g.exceptKinds.size(), 1u);
  EXPECT_EQ(g.prefer.at(0).text, "武进2024");
  ASSERT_EQ(d.caps.size(), 1u);
  EXPECT_EQ(d.caps[0].period, ast::CapDecl::Period::Cumulative);
  EXPECT_EQ(d.caps[0].per.text, "集群");
  ASSERT_EQ(d.funding.size(), 1u);
  ASSERT_EQ(d.funding[0].rules.size(), 2u);
  const auto& first = d.funding[0].rules[0];
  ASSERT_EQ(first.shares.size(), 2u);
  EXPECT_FALSE(first.shares[1].amount);  // 其余
  EXPECT_EQ(d.funding[0].rules[1].ratio, "1:1");
  EXPECT_EQ(d.funding[0].rules[1].ratioPayers.size(), 2u);
}

TEST(Parser, EnglishAndChineseKeywordsBuildTheSameTree) {
  auto zh = parseOnly("单位 吨标煤\n枚举 级别 { 国家级 > 省级 }\n主体 项目 隶属 企业 { 事实 节能量: 吨标煤 历史 }\n"
                      "文件 甲 { 条 14 { 款 1 { 原文 \"…\" 对象 项目 标的 奖励 条件 节能量 首次超 1000吨标煤 且 非 否\n"
                      "给予 最高 节能量 × 500元/吨标煤 上限 200万元 } } }");
  auto en = parseOnly("unit 吨标煤\nenum 级别 { 国家级 > 省级 }\nsubject 项目 of 企业 { fact 节能量: 吨标煤 history }\n"
                      "document 甲 { article 14 { clause 1 { text \"…\" for 项目 target 奖励 when 节能量 first_over 1000吨标煤 and not false\n"
                      "pay up to 节能量 * 500元/吨标煤 cap 200万元 } } }");
  ASSERT_TRUE(zh->tree()) << zh->dump();
  ASSERT_TRUE(en->tree()) << en->dump();
  const auto& a = zh->tree()->documents.at(0).articles.at(0).clauses.at(0);
  const auto& b = en->tree()->documents.at(0).articles.at(0).clauses.at(0);
  EXPECT_EQ(a.subject->text, b.subject->text);
  ASSERT_EQ(a.conditions.size(), b.conditions.size());
  EXPECT_EQ(a.conditions[0]->kind, b.conditions[0]->kind);
  EXPECT_EQ(a.conditions[0]->kids[0]->kind, b.conditions[0]->kids[0]->kind);
  EXPECT_EQ(a.conditions[0]->kids[1]->kind, b.conditions[0]->kids[1]->kind);
  EXPECT_EQ(a.pay->kind, K::UpTo);
  EXPECT_EQ(b.pay->kind, K::UpTo);
  EXPECT_EQ(a.pay->kids[0]->kind, b.pay->kids[0]->kind);
  EXPECT_EQ(zh->tree()->enums.at(0).ordered, en->tree()->enums.at(0).ordered);
  EXPECT_TRUE(en->tree()->subjects.at(0).facts.at(0).history);
  EXPECT_EQ(en->tree()->subjects.at(0).owner->text, "企业");
}

TEST(Parser, SyntaxErrorsReturnNoTreeButSeveralDiagnostics) {
  auto c = parseOnly(doc("    款 1 { 条件 营业收入 超\n 给予 100万元 }\n    款 2 { 给予 × 2 }\n    款 3 { 给予 1 ) }"));
  EXPECT_FALSE(c->tree());
  EXPECT_EQ(c->codes(), (std::vector<std::string>{diag::kUnexpectedToken, diag::kUnexpectedToken,
                                                  diag::kUnexpectedToken}))
      << c->dump();
}

TEST(Parser, ImpossibleDatesAreReported) {
  auto c = parseOnly("文件 甲 { 印发日期 2023-02-29 }");
  ASSERT_EQ(c->codes(), std::vector<std::string>{diag::kBadDate}) << c->dump();
  EXPECT_EQ(c->at(c->diags.all()[0].span), "1:13");
  auto leap = parseOnly("文件 甲 { 印发日期 2024-02-29 }");
  EXPECT_TRUE(leap->codes().empty()) << leap->dump();
}

}  // namespace
}  // namespace polc::test
