// Syntax errors as diagnostics: codes, places, readable expectations and hints.
#include <gtest/gtest.h>

#include <string>

#include "frontend_util.h"
#include "support/diag_codes.h"
#include "syntax/token_names.h"

namespace polc::test {
namespace {

const antlr4::dfa::Vocabulary& vocabulary() {
  static antlr4::ANTLRInputStream input("");
  static gen::PolcLexer lexer(&input);
  return lexer.getVocabulary();
}

TEST(TokenNames, KeywordsShowTheirEnglishAndChineseSpelling) {
  using L = gen::PolcLexer;
  EXPECT_EQ(describeTokenType(L::CLAUSE, vocabulary()), "`clause` (款)");
  EXPECT_EQ(describeTokenType(L::UPTO, vocabulary()), "`up to` (最高)");
  // The Chinese spelling, not a second English alias: note/interpretation, >/over.
  EXPECT_EQ(describeTokenType(L::NOTE, vocabulary()), "`note` (释义)");
  EXPECT_EQ(describeTokenType(L::GT, vocabulary()), "`>` (超)");
  EXPECT_EQ(describeTokenType(L::NE, vocabulary()), "`!=` (不等于)");
  // Punctuation keeps its full-width form; `;` once came out as `'` (').
  EXPECT_EQ(describeTokenType(L::SEMI, vocabulary()), "`;` (；)");
  EXPECT_EQ(describeTokenType(L::COMMA, vocabulary()), "`,` (，)");
  EXPECT_EQ(describeTokenType(L::RBRACE, vocabulary()), "`}`");
  EXPECT_EQ(describeTokenType(L::IDENT, vocabulary()), "a name");
  EXPECT_EQ(describeTokenType(L::CITATION, vocabulary()), "a citation (第N条第M款)");
}

TEST(TokenNames, LeadingKeywordFindsTheLongestChineseKeyword) {
  EXPECT_EQ(leadingKeyword("对象企业"), "对象");
  EXPECT_EQ(leadingKeyword("首次超过100亿"), "首次超过");
  EXPECT_EQ(leadingKeyword("给予奖励"), "给予");
  EXPECT_FALSE(leadingKeyword("对象"));      // the keyword itself is not glued to anything
  EXPECT_FALSE(leadingKeyword("forward"));   // English keywords need a space anyway
  EXPECT_FALSE(leadingKeyword("营业收入"));
}

TEST(SyntaxErrors, AGluedKeywordGetsASpacingHint) {
  auto c = parseOnly("文件 甲 { 条 1 { 款 1 { 对象企业 } } }");
  ASSERT_EQ(c->codes(), std::vector<std::string>{diag::kUnexpectedToken}) << c->dump();
  const Diagnostic& d = c->diags.all()[0];
  EXPECT_EQ(d.message, "`对象企业` is the keyword `对象` glued to `企业`");
  EXPECT_EQ(c->textOf(d.span), "对象企业");
  ASSERT_EQ(d.help.size(), 1u);
  EXPECT_EQ(d.help[0], "put a space after the keyword: `对象 企业`");
}

// A second keyword is set apart only before an amount: `最高限额` is a name.
TEST(TokenNames, SpacedKeywordsAndATrailingKeyword) {
  EXPECT_EQ(spacedKeywords("给予最高30万元"), "给予 最高 30万元");
  EXPECT_EQ(spacedKeywords("给予最高限额"), "给予 最高限额");
  EXPECT_EQ(spacedKeywords("上限10万元"), "上限 10万元");
  // `且非制造业`: 非 takes a value, so it is set apart when 制造业 is a name and 非制造业 is not.
  const auto fact = [](const std::string& n) { return n == "制造业"; };
  const auto both = [](const std::string& n) { return n == "制造业" || n == "非制造业"; };
  EXPECT_EQ(spacedKeywords("且非制造业", fact), "且 非 制造业");
  EXPECT_EQ(spacedKeywords("且非制造业", both), "且 非制造业");
  EXPECT_EQ(spacedKeywords("且非制造业"), "且 非制造业");
  EXPECT_EQ(trailingKeyword("营业收入超过"), "超过");
  EXPECT_EQ(trailingKeyword("100万元且"), "且");
  EXPECT_FALSE(trailingKeyword("超"));
  EXPECT_FALSE(trailingKeyword("营业收入"));
}

TEST(SyntaxErrors, AnUnclosedBlockListsTheClosingBraceFirst) {
  auto c = parseOnly("文件 甲 {\n  条 1 {\n    款 1 { 原文 \"…\" }\n");
  ASSERT_EQ(c->codes(), std::vector<std::string>{diag::kUnexpectedToken}) << c->dump();
  const Diagnostic& d = c->diags.all()[0];
  EXPECT_EQ(d.message, "unexpected end of file");
  EXPECT_EQ(d.label.rfind("expected `}`, ", 0), 0u) << d.label;
}

TEST(SyntaxErrors, AMissingNameIsSaidOnce) {
  // IDENT and BACKTICK_IDENT are both "a name".
  auto c = parseOnly("主体 { }");
  ASSERT_EQ(c->codes().size(), 1u) << c->dump();
  const Diagnostic& d = c->diags.all()[0];
  EXPECT_EQ(d.message.find("a name, a name"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("a name"), std::string::npos) << d.message;
}

TEST(SyntaxErrors, AMissingColonIsAMissingToken) {
  auto c = parseOnly("主体 企业 { 事实 营业收入 元 }");
  ASSERT_EQ(c->codes(), std::vector<std::string>{diag::kMissingToken}) << c->dump();
  EXPECT_EQ(c->diags.all()[0].message, "missing `:` (：) before `元`");
}

TEST(SyntaxErrors, AnOperatorWithoutItsValueSaysSo) {
  auto c = parseOnly("文件 甲 { 条 1 { 款 1 { 条件 营业收入 超\n 给予 1万元 } } }");
  ASSERT_EQ(c->codes(), std::vector<std::string>{diag::kUnexpectedToken}) << c->dump();
  const Diagnostic& d = c->diags.all()[0];
  EXPECT_EQ(c->textOf(d.span), "超");
  ASSERT_EQ(d.help.size(), 1u);
  EXPECT_EQ(d.help[0], "`超` is an operator and needs a value on each side; is one missing?");
}

// The first diagnostic of `src`: its code, the text it points at, and its one help line.
void expectFirstHelp(const std::string& src, const char* code, const std::string& at, const std::string& help) {
  auto c = parseOnly(src);
  ASSERT_FALSE(c->diags.all().empty()) << src;  // recovery may report a second token after it
  const Diagnostic& d = c->diags.all()[0];
  EXPECT_EQ(d.code, code) << c->dump();
  EXPECT_EQ(c->textOf(d.span), at) << c->dump();
  ASSERT_EQ(d.help.size(), 1u) << c->dump();
  EXPECT_EQ(d.help[0], help);
}

TEST(SyntaxErrors, AMisspeltKeywordGetsADidYouMean) {
  // 给与 for 给予: one wrong character makes a name, and `给予` is past the eight expectations shown.
  expectFirstHelp("文件 甲 { 条 1 { 款 1 { 对象 企业\n 给与 1万元 } } }", diag::kUnexpectedToken, "给与",
                  "did you mean the keyword `给予`?");
  expectFirstHelp("文件 甲 { 条 1 { 款 1 { 对像 企业 } } }", diag::kUnexpectedToken, "对像",
                  "did you mean the keyword `对象`?");
  // A name unlike every expected keyword gets no guess.
  auto far = parseOnly("文件 甲 { 条 1 { 款 1 { 营业收入 } } }");
  ASSERT_FALSE(far->diags.all().empty()) << far->dump();
  EXPECT_TRUE(far->diags.all()[0].help.empty());
}

TEST(SyntaxErrors, AUnitApartFromItsNumberSaysToJoinThem) {
  expectFirstHelp("文件 甲 { 条 1 { 款 1 { 条件 营业收入 超 5000 万元 } } }", diag::kUnexpectedToken, "万元",
                  "if `万元` is the unit of `5000`, write it right after the number, without a space: `5000万元`");
  // On the next line the name starts something else: no such guess.
  auto nextLine = parseOnly("文件 甲 { 条 1 { 款 1 { 条件 营业收入 超 5000\n 万元 } } }");
  ASSERT_FALSE(nextLine->diags.all().empty()) << nextLine->dump();
  for (const auto& h : nextLine->diags.all()[0].help) EXPECT_EQ(h.find("right after the number"), std::string::npos) << h;
}

TEST(SyntaxErrors, ARangeGluedToItsFirstNumberSaysToSpaceThe至) {
  // language.md §2.3 warns of `1000元至4000元`; the error fell on `4000元` with no word of why.
  expectFirstHelp("文件 甲 { 条 1 { 款 1 { 给予 (1000元至4000元) × 人数 } } }", diag::kUnexpectedToken, "4000元",
                  "`1000元至` reads as one number whose unit ends in 至; put spaces around 至: `1000元 至 4000元`");
}

TEST(SyntaxErrors, APostfixWordAfterAnotherComparisonSaysWhatItCloses) {
  // `超 5000万元 以上` is what following the E0203 hint for `超 5000万元以上` gives: explain it too.
  expectFirstHelp("文件 甲 { 条 1 { 款 1 { 条件 营业收入 超 5000万元 以上 } } }", diag::kUnexpectedToken, "以上",
                  "`以上` only closes a comparison begun with `达` or `在` (`达 500万元 以上`); after another "
                  "comparison word such as `超`, leave it out");
}

TEST(SyntaxErrors, ARatioGluedToATableValueSaysToSpaceTheColon) {
  // language.md §2.4 warns of `10:5万元`; the parser's own words were only "missing `:`".
  expectFirstHelp("文件 甲 { 条 1 { 款 1 { 给予 分档 人数 达 { 10:5万元; 5: 1万元 } } } }", diag::kMissingToken, "万元",
                  "`10:5` reads as a ratio; for a table entry put a space after the colon: `10: 5万元`");
}

TEST(SyntaxErrors, AFullWidthCharacterNamesItsAsciiTwin) {
  // The whole run, so that `＞＝` is not fixed to `>` first and to `>=` only after a second error.
  expectFirstHelp("文件 甲 { 条 1 { 款 1 { 给予 １００万元 } } }", diag::kInvalidCharacter, "１",
                  "`１００` is full-width; write the ASCII `100`");
  expectFirstHelp("文件 甲 { 条 1 { 款 1 { 条件 营业收入 ＞＝ 1元 } } }", diag::kInvalidCharacter, "＞",
                  "`＞＝` is full-width; write the ASCII `>=`");
}

TEST(SyntaxErrors, ChineseNumeralsCopiedFromThePolicyGetTheirArabicForm) {
  expectFirstHelp("文件 甲 { 条 二十三 { 款 1 { 对象 企业 } } }", diag::kUnexpectedToken, "二十三",
                  "numbers are written in Arabic numerals: `23` for `二十三`");
  // A citation so written is one name; the error falls on what follows it.
  expectFirstHelp("文件 甲 { 条 1 { 款 1 { 关系 第二条第一款 \"不同事项\" } } }", diag::kUnexpectedToken,
                  "\"不同事项\"", "`第二条第一款` reads as a name; a citation is written with Arabic numerals: `第2条第1款`");
  expectFirstHelp("文件 甲 { 上限 总额 200万元 每个 企业 覆盖 第一条, 第2条 }", diag::kUnexpectedToken, ",",
                  "`第一条` reads as a name; a citation is written with Arabic numerals: `第1条`");
}

TEST(SyntaxErrors, AnInvisibleCharacterIsNamedByItsCodePoint) {
  // `invalid character ` `` showed nothing between the quotes for a no-break space.
  expectFirstHelp("文件 甲 {\u00A0条 1 { 款 1 { 给予 1万元 } } }", diag::kInvalidCharacter, "\u00A0",
                  "it is U+00A0, a space the language does not read as one (often copied from a web page or a word "
                  "processor); write an ordinary space");
  expectFirstHelp("文件 甲 {\u200B条 1 { 款 1 { 给予 1万元 } } }", diag::kInvalidCharacter, "\u200B",
                  "it is U+200B, an invisible character (often copied from a web page or a word processor); delete it");
}

TEST(SyntaxErrors, StringsAndStrayCharacters) {
  auto open = parseOnly("文件 甲 { 文号 \"常办发〔2022〕1号\n}");
  ASSERT_FALSE(open->codes().empty());
  EXPECT_EQ(open->codes()[0], diag::kUnterminatedString) << open->dump();
  EXPECT_EQ(open->at(open->diags.all()[0].span), "1:11");

  auto stray = parseOnly("文件 甲 { 条 1 { 款 1 { 条件 营业收入 ＞ 1亿元 } } }");
  ASSERT_FALSE(stray->codes().empty());
  EXPECT_EQ(stray->codes()[0], diag::kInvalidCharacter) << stray->dump();
  EXPECT_EQ(stray->diags.all()[0].message, "invalid character `＞`");
}

TEST(SyntaxErrors, RecoveryReportsSeveralErrorsButStopsAfterTwentyFive) {
  std::string src = "文件 甲 { 条 1 {\n";
  for (int i = 1; i <= 30; ++i) src += "款 " + std::to_string(i) + " { 给予 }\n";
  src += "} }\n";
  auto c = parseOnly(src);
  EXPECT_FALSE(c->tree());
  auto codes = c->codes();
  ASSERT_EQ(codes.size(), 26u) << c->dump();
  EXPECT_EQ(codes.back(), diag::kTooManySyntaxErrors);
  for (std::size_t i = 0; i + 1 < codes.size(); ++i) EXPECT_EQ(codes[i], diag::kUnexpectedToken);
}

TEST(SyntaxErrors, AByteOrderMarkDoesNotShiftPositions) {
  // ANTLR drops a leading BOM that SourceFile counts; spans must still land on the same text.
  const std::string body = "主体 企业 {\n  事实 营业收入 元\n}\n";
  auto plain = parseOnly(body);
  auto bom = parseOnly("\xEF\xBB\xBF" + body);
  ASSERT_EQ(plain->codes().size(), 1u) << plain->dump();
  ASSERT_EQ(bom->codes().size(), 1u) << bom->dump();
  EXPECT_EQ(plain->at(plain->diags.all()[0].span), "2:11");
  EXPECT_EQ(bom->at(bom->diags.all()[0].span), "2:11");
  EXPECT_EQ(bom->textOf(bom->diags.all()[0].span), "元");

  auto crlf = parseOnly("\xEF\xBB\xBF主体 企业 {\r\n  事实 营业收入 元\r\n}\r\n");
  ASSERT_EQ(crlf->codes().size(), 1u) << crlf->dump();
  EXPECT_EQ(crlf->at(crlf->diags.all()[0].span), "2:11");
  EXPECT_EQ(crlf->textOf(crlf->diags.all()[0].span), "元");
}

TEST(SyntaxErrors, ABomFileParsesIntoCorrectSpans) {
  auto c = parseOnly("\xEF\xBB\xBF单位 吨标煤\n主体 项目 { 事实 节能量: 吨标煤 }\n");
  ASSERT_TRUE(c->tree()) << c->dump();
  const auto& fact = c->tree()->subjects.at(0).facts.at(0);
  EXPECT_EQ(c->textOf(fact.name.span), "节能量");
  EXPECT_EQ(c->at(fact.name.span), "2:12");
  EXPECT_EQ(c->textOf(c->tree()->units.at(0).name.span), "吨标煤");
}

}  // namespace
}  // namespace polc::test
