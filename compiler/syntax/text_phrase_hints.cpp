#include "syntax/text_phrase_hints.h"

#include <algorithm>

#include <fmt/format.h>

#include "PolcLexer.h"
#include "PolcParser.h"
#include "syntax/token_names.h"

namespace polc {
namespace {

using L = gen::PolcLexer;

// The tokens of the default channel from `from` up to, not including, `to`.
std::vector<antlr4::Token*> tokensBetween(antlr4::Parser* parser, std::size_t from, std::size_t to) {
  std::vector<antlr4::Token*> out;
  auto* tokens = parser->getTokenStream();
  for (std::size_t i = from; i < to; ++i)
    if (antlr4::Token* t = tokens->get(i); t->getChannel() == antlr4::Token::DEFAULT_CHANNEL) out.push_back(t);
  return out;
}

std::optional<PhraseSlip> fundingSplitInProse(antlr4::Parser* parser, const antlr4::Token* offending) {
  for (antlr4::RuleContext* ctx = parser->getContext(); ctx; ctx = dynamic_cast<antlr4::RuleContext*>(ctx->parent)) {
    auto* rule = dynamic_cast<gen::PolcParser::FundingRuleContext*>(ctx);
    if (!rule) continue;
    if (!rule->COLON()) return std::nullopt;
    const auto after = tokensBetween(parser, rule->COLON()->getSymbol()->getTokenIndex() + 1, offending->getTokenIndex());
    if (after.size() != 1 || after[0]->getType() != L::IDENT) return std::nullopt;
    return PhraseSlip{after[0], after[0], fmt::format("the split `{}` gives no share", after[0]->getText()),
                      "read as the name of one payer",
                      "a split gives each payer a share, `市 50%, 辖区（所在地） 其余`, or names the payers and "
                      "a ratio: `市, 辖区（所在地） = 1:1`"};
  }
  return std::nullopt;
}

}  // namespace

std::string gluedKeywordHelp(const std::string& word, const std::string& keyword,
                             const antlr4::dfa::Vocabulary& vocabulary) {
  const auto once = keywordSpellings(gen::PolcLexer::ONCE, vocabulary);
  if (std::find(once.begin(), once.end(), keyword) != once.end())
    return fmt::format("`{0}` is written alone on its line; the award stays in the clause's `给予 …`: `{0}`", keyword);
  return fmt::format("`{}` starts with the keyword `{}`; separate keywords from names with a space: `{} {}`", word,
                     keyword, keyword, word.substr(keyword.size()));
}

std::optional<PhraseSlip> textPhraseSlip(antlr4::Parser* parser, const antlr4::Token* offending) {
  return fundingSplitInProse(parser, offending);
}

}  // namespace polc
