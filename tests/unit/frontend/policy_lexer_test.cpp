// The front end's lexer caches DFA transitions for every code point (syntax/policy_lexer.h). That
// is only a speed-up if it gives ANTLR's tokens exactly: every token's type, channel, position and
// line/column, on every policy file of the repository and on hostile text.
#include <gtest/gtest.h>

#include <antlr4-runtime.h>

#include <random>
#include <string>
#include <vector>

#include "PolcLexer.h"
#include "syntax/policy_lexer.h"
#include "frontend_util.h"
#include "../under_asan.h"

namespace polc {
namespace {

// Under ASan (build-san) the two comparisons over many texts take a sample: every 5th file of the
// repository and 300 random mixes. Whole, they took 26 s of the sanitizer phase's CPU (ANTLR's
// lexer is slow there) for what the normal build, which runs them whole, already checks; the
// sample still runs both lexers' every path under the sanitizers.
#ifdef POLC_UNDER_ASAN
constexpr std::size_t kFileStride = 5;
constexpr int kRandomMixes = 300;
#else
constexpr std::size_t kFileStride = 1;
constexpr int kRandomMixes = 3000;
#endif

// Every token of `lexer` (only those of the default channel with `defaultOnly`), all it says of
// itself but its index in the stream.
std::vector<std::string> tokensOf(antlr4::Lexer& lexer, bool defaultOnly = false) {
  lexer.removeErrorListeners();
  antlr4::CommonTokenStream tokens(&lexer);
  tokens.fill();
  std::vector<std::string> out;
  for (auto* t : tokens.getTokens())
    if (!defaultOnly || t->getChannel() == antlr4::Token::DEFAULT_CHANNEL)
      out.push_back(std::to_string(t->getType()) + "/" + std::to_string(t->getChannel()) + " " +
                    std::to_string(t->getStartIndex()) + "-" + std::to_string(t->getStopIndex()) + " " +
                    std::to_string(t->getLine()) + ":" + std::to_string(t->getCharPositionInLine()) + " " +
                    t->getText());
  return out;
}

void expectSameTokens(const std::string& text, const std::string& what) {
  antlr4::ANTLRInputStream plainInput(text), cachingInput(text);
  gen::PolcLexer plain(&plainInput);
  PolicyLexer caching(&cachingInput);
  // Twice: the second run reads the edges the first one cached.
  for (int round = 0; round < 2; ++round) {
    plainInput.reset();
    cachingInput.reset();
    plain.reset();
    caching.reset();
    ASSERT_EQ(tokensOf(plain), tokensOf(caching)) << what << ", round " << round;
  }
}

TEST(PolicyLexer, GivesAntlrsTokensOnEveryPolicyFileOfTheRepository) {
  auto files = test::repositoryPolicyFiles();
  EXPECT_GT(files.size(), 50u);  // the seeds, the tests' programs and the golden cases were all read
  for (std::size_t i = 0; i < files.size(); i += kFileStride) expectSameTokens(files[i].second, files[i].first);
}

// The parse of a file without syntax errors reads ParsingLexer's tokens: they must be the default
// channel's of PolicyLexer, and nothing else.
void expectDefaultChannelTokens(const std::string& text, const std::string& what) {
  antlr4::ANTLRInputStream fullInput(text), parsingInput(text);
  PolicyLexer full(&fullInput);
  ParsingLexer parsing(&parsingInput);
  ASSERT_EQ(tokensOf(full, true), tokensOf(parsing)) << what;
}

TEST(ParsingLexer, GivesTheDefaultChannelsTokensOnEveryPolicyFileOfTheRepository) {
  for (const auto& [path, text] : test::repositoryPolicyFiles()) expectDefaultChannelTokens(text, path);
  expectDefaultChannelTokens("单位 吨标煤\n// 注释：中文\n/* 块 */ 参数\u3000LPR \"未闭合", "comments, odd spaces");
  expectDefaultChannelTokens("", "nothing");
}

TEST(PolicyLexer, GivesAntlrsTokensOnOddText) {
  expectSameTokens("条 一 { 款 1 { 原文 \"未闭合", "an unterminated string");
  expectSameTokens("给予 ５０万元 × ３％ 😀 \u00A0\u3000 超过", "full-width digits, emoji, odd spaces");
  expectSameTokens("单位 吨标煤\n// 注释：中文\n/* 块 */ 参数 LPR", "comments");
  expectSameTokens("", "nothing");
  expectSameTokens("首次 首次超 首次超过 首次超过了 新 新认定 新认定的", "keywords and their prefixes");
}

TEST(PolicyLexer, GivesAntlrsTokensOnRandomMixesOfTheGrammarsCharacters) {
  // Pieces of keywords, numbers, units and punctuation, glued at random: prefixes of keywords
  // that stop part-way are where a wrong cached edge would show.
  const std::vector<std::string> pieces = {
      "条", "款", "给予", "最高", "万元", "元", "%", "×", "超", "首次", "首次超", "过", "新", "认定", "非",
      "属于", "不属于", "“", "”", "\"", "《", "》", "（", "）", "(", ")", "{", "}", "1", "2.5", "10",
      "亿", "—", "－", "，", "。", " ", "\n", "\t", "//", "/*", "*/", "a", "企业", "_", "吨标煤", "‰",
      "第2条第1款", "二十三", "😀", "\u3000", "≥", "≤", ">=", "=", "：", ":"};
  std::mt19937 rng(20261206);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1), length(1, 40);
  for (int i = 0; i < kRandomMixes; ++i) {
    std::string text;
    for (std::size_t n = length(rng); n > 0; --n) text += pieces[pick(rng)];
    expectSameTokens(text, "random mix \"" + text + "\"");
    if (HasFatalFailure()) return;
  }
}

}  // namespace
}  // namespace polc
