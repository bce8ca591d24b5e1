// The lexer: keywords in both languages, quantities with units, ratios, citations, dates, names.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "frontend_util.h"

namespace polc::test {
namespace {

using L = gen::PolcLexer;
using Names = std::vector<std::string>;

// The spellings of every literal token, generated from PolcLexer.g4 (the same table messages use).
const std::map<std::string, std::vector<std::string>>& grammarSpellings() {
  static const std::map<std::string, std::vector<std::string>> table = {
#include "keyword_spellings.inc"
  };
  return table;
}

// Lexes `source` and expects exactly one token.
Tok single(const std::string& source) {
  auto toks = lex(source);
  EXPECT_EQ(toks.size(), 1u) << "`" << source << "` lexed as " << ::testing::PrintToString(tokenNames(source));
  return toks.empty() ? Tok{0, ""} : toks.front();
}

TEST(Lexer, EnglishAndChineseKeywordsLexToTheSameToken) {
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"document", "文件"},   {"article", "条"},      {"clause", "款"},       {"text", "原文"},
      {"subject", "主体"},    {"fact", "事实"},       {"for", "对象"},        {"when", "条件"},
      {"pay", "给予"},        {"target", "标的"},     {"kind", "类别"},       {"payee", "受益人"},
      {"installments", "分期"}, {"negotiated", "一事一议"}, {"up to", "最高"}, {"tiers", "分档"},
      {"cases", "分情形"},    {"otherwise", "其他"},  {"cap", "上限"},        {"and", "且"},
      {"or", "或"},           {"not", "非"},          {"in", "属于"},         {"not in", "不属于"},
      {"has", "含"},          {"new", "新认定"},      {"first_over", "首次超"}, {"over", "超"},
      {"at_least", "不低于"}, {"at_most", "不超过"},  {"under", "低于"},      {"true", "是"},
      {"false", "否"},        {"of", "隶属"},         {"history", "历史"},    {"nonstacking", "不重复"},
      {"scope", "范围"},      {"per", "每个"},        {"funding", "资金分担"}, {"rest", "其余"},
      {"from", "自"},         {"to", "至"},           {"at", "于"},           {"if", "若"},
      {"then", "则"},         {"else", "否则"},         {"capped", "封顶"},
  };
  for (const auto& [en, zh] : pairs) {
    Tok a = single(en), b = single(zh);
    EXPECT_EQ(a.type, b.type) << en << " is " << tokenName(a.type) << " but " << zh << " is "
                              << tokenName(b.type);
    EXPECT_NE(a.type, static_cast<std::size_t>(L::IDENT)) << en << " lexed as a name";
  }
}

TEST(Lexer, EverySpellingOfEveryKeywordLexesToItsToken) {
  std::size_t checked = 0;
  for (const auto& [token, spellings] : grammarSpellings()) {
    for (const auto& s : spellings) {
      Tok t = single(s);
      EXPECT_EQ(tokenName(t.type), token) << "spelling `" << s << "`";
      ++checked;
    }
  }
  EXPECT_GT(checked, 150u);  // both languages, punctuation included
}

TEST(Lexer, KeywordTableKeepsPunctuationAndJoinedSpellings) {
  // keywords.cmake once mangled `;` (a CMake list separator) into {"'", "'", "；"}.
  const auto& table = grammarSpellings();
  ASSERT_TRUE(table.count("SEMI"));
  EXPECT_EQ(table.at("SEMI"), (std::vector<std::string>{";", "；"}));
  EXPECT_EQ(table.at("COMMA"), (std::vector<std::string>{",", "，", "、"}));
  EXPECT_EQ(table.at("UPTO"), (std::vector<std::string>{"up to", "最高"}));
  EXPECT_EQ(table.at("NOTIN"), (std::vector<std::string>{"not in", "不属于"}));
  for (const auto& [token, spellings] : table)
    for (const auto& s : spellings) EXPECT_EQ(s.find('\''), std::string::npos) << token << ": " << s;
}

TEST(Lexer, QuantitiesCarryTheirUnit) {
  for (const char* q : {"1000万元", "2.5亿元", "12%", "5‰", "500元/吨标煤", "3.70%/年", "20", "0.5",
                        "100万美元", "1/12年"}) {
    // 1/12年 is two quantities around a slash; all the others are one token.
    if (std::string(q) == "1/12年") continue;
    Tok t = single(q);
    EXPECT_EQ(t.type, static_cast<std::size_t>(L::QUANTITY)) << q << " is " << tokenName(t.type);
    EXPECT_EQ(t.text, q);
  }
  EXPECT_EQ(tokenNames("1/12年"), (Names{"QUANTITY", "SLASH", "QUANTITY"}));
}

TEST(Lexer, APostfixComparisonWordGluedToAQuantityBecomesPartOfItsUnit) {
  // The pitfall sema reports as an unknown unit `万元以上`.
  Tok glued = single("5000万元以上");
  EXPECT_EQ(glued.type, static_cast<std::size_t>(L::QUANTITY));
  EXPECT_EQ(glued.text, "5000万元以上");
  EXPECT_EQ(tokenNames("达 5000万元 以上"), (Names{"REACH", "QUANTITY", "ABOVE"}));
  EXPECT_EQ(tokenNames("在 50万元 以下"), (Names{"AT_POS", "QUANTITY", "BELOW"}));
}

TEST(Lexer, RatiosAreWrittenWithoutSpaces) {
  EXPECT_EQ(single("1:1").type, static_cast<std::size_t>(L::RATIO));
  Tok three = single("1:1:2");
  EXPECT_EQ(three.type, static_cast<std::size_t>(L::RATIO));
  EXPECT_EQ(three.text, "1:1:2");
  // With a space it is a colon between numbers, as in `2022-01-20: 3.70%/年`.
  EXPECT_EQ(tokenNames("1: 1"), (Names{"QUANTITY", "COLON", "QUANTITY"}));
  EXPECT_EQ(tokenNames("其他: 市"), (Names{"OTHERWISE", "COLON", "IDENT"}));
}

TEST(Lexer, CitationsAreOneToken) {
  for (const char* c : {"第3条", "第3条第3款", "第2条第3款第1项", "第11条第2款"}) {
    Tok t = single(c);
    EXPECT_EQ(t.type, static_cast<std::size_t>(L::CITATION)) << c;
    EXPECT_EQ(t.text, c);
  }
  // A citation in another document: the document name, then the citation.
  EXPECT_EQ(tokenNames("武进2024 第11条第2款"), (Names{"IDENT", "CITATION"}));
  EXPECT_EQ(tokenNames("@3.3"), (Names{"ATSIGN", "QUANTITY"}));
}

TEST(Lexer, DatesAreOneToken) {
  Tok d = single("2022-01-20");
  EXPECT_EQ(d.type, static_cast<std::size_t>(L::DATE));
  EXPECT_EQ(tokenNames("自 2022-01-01 至 2024-12-31"), (Names{"FROM", "DATE", "TO", "DATE"}));
}

TEST(Lexer, NamesKeepChineseBracketsAndBackQuotes) {
  for (const char* n : {"首台（套）重大装备", "常办发〔2022〕1号", "国家级“双跨”平台", "列入《推荐目录》", "LPR一年期",
                        "企业_1", "“双跨”平台", "《常州制造创新产品推广应用推荐目录》"}) {
    Tok t = single(n);
    EXPECT_EQ(t.type, static_cast<std::size_t>(L::IDENT)) << n;
    EXPECT_EQ(t.text, n);
  }
  Tok b = single("`对象 名称`");
  EXPECT_EQ(b.type, static_cast<std::size_t>(L::BACKTICK_IDENT));
  EXPECT_EQ(b.text, "`对象 名称`");
}

TEST(Lexer, AKeywordGluedToANameLexesAsOneName) {
  // Chinese has no spaces, so the lexer cannot split 对象企业; the parser explains it.
  Tok t = single("对象企业");
  EXPECT_EQ(t.type, static_cast<std::size_t>(L::IDENT));
  EXPECT_EQ(t.text, "对象企业");
  EXPECT_EQ(tokenNames("对象 企业"), (Names{"FOR", "IDENT"}));
  EXPECT_EQ(single("给予奖励").type, static_cast<std::size_t>(L::IDENT));
  EXPECT_EQ(single("documents").type, static_cast<std::size_t>(L::IDENT));
}

TEST(Lexer, FullWidthPunctuationIsAccepted) {
  EXPECT_EQ(tokenNames("甲，乙、丙；丁：戊"),
            (Names{"IDENT", "COMMA", "IDENT", "COMMA", "IDENT", "SEMI", "IDENT", "COLON", "IDENT"}));
  EXPECT_EQ(tokenNames("a × b ÷ c"), (Names{"IDENT", "STAR", "IDENT", "SLASH", "IDENT"}));
}

TEST(Lexer, CommentsAndSpacesAreHidden) {
  EXPECT_EQ(tokenNames("// 注释\n文件 # 也是注释\n/* 块\n注释 */ 甲\u3000乙"),
            (Names{"DOCUMENT", "IDENT", "IDENT"}));
}

TEST(Lexer, StrayCharactersBecomeErrorTokens) {
  EXPECT_EQ(tokenNames("营业收入 ＞ 1亿元"), (Names{"IDENT", "ERRCHAR", "QUANTITY"}));
  // An unterminated string leaves its quote as an error token for the parser to report.
  auto toks = lex("原文 \"没有结尾\n对象");
  ASSERT_GE(toks.size(), 2u);
  EXPECT_EQ(toks[1].type, static_cast<std::size_t>(L::ERRCHAR));
  EXPECT_EQ(toks[1].text, "\"");
}

TEST(Lexer, StringsMayHoldEscapedQuotes) {
  Tok s = single("\"称“小巨人”的 \\\"企业\\\"\"");
  EXPECT_EQ(s.type, static_cast<std::size_t>(L::STRING));
}

}  // namespace
}  // namespace polc::test
