#include "syntax/text_phrase_hints.h"

#include <algorithm>
#include <regex>

#include <fmt/format.h>

#include "PolcLexer.h"
#include "PolcParser.h"
#include "syntax/previous_token.h"
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

std::optional<PhraseSlip> possessiveBeforeRate(antlr4::Parser* parser, const antlr4::Token* offending) {
  const Previous p = previousToken(parser, offending);
  if (!p.token || p.newLine || p.token->getType() != L::IDENT) return std::nullopt;
  // `项目实际付款额的 30%` ends the name at 的; written without the space, `…的30%`, the digits are the
  // name's too, and the `%` is the character that does not fit.
  static const std::regex spaced("^(.+)的$"), glued("^(.+)的([0-9]+(\\.[0-9]+)?)$");
  std::smatch m;
  const std::string name = p.token->getText();
  std::string rate;
  if (offending->getType() == L::QUANTITY && std::regex_match(name, m, spaced))
    rate = offending->getText();
  else if (offending->getText() == "%" && p.adjacent && std::regex_match(name, m, glued))
    rate = m.str(2) + "%";
  else
    return std::nullopt;
  const std::string written = name + (rate == offending->getText() ? " " : "") + offending->getText();
  return PhraseSlip{p.token, offending, fmt::format("`{}` is no amount", written),
                    fmt::format("`的` reads as part of the name `{}`", name),
                    fmt::format("a share of an amount is written with `×`: `{} × {}`", m.str(1), rate)};
}

std::optional<PhraseSlip> wordsBeforeCapAmount(antlr4::Parser* parser, const antlr4::Token* offending) {
  const Previous p = previousToken(parser, offending);
  if (offending->getType() != L::QUANTITY || !p.token || p.newLine || p.token->getType() != L::IDENT) return std::nullopt;
  const Previous cap = previousToken(parser, p.token);
  if (!cap.token || cap.newLine || (cap.token->getType() != L::CAP && cap.token->getType() != L::CAPPED)) return std::nullopt;
  return PhraseSlip{p.token, p.token,
                    fmt::format("`{}` stands between `{}` and its amount", p.token->getText(), cap.token->getText()),
                    "the text's words for whom the cap is",
                    fmt::format("a cap is written `{} {}`; whom it is for is the clause's `对象`", cap.token->getText(),
                                offending->getText())};
}

std::optional<PhraseSlip> halfFullWidthBrackets(antlr4::Parser* parser, const antlr4::Token* offending) {
  auto* tokens = parser->getTokenStream();
  const auto run = nameAndBracketRun(parser, offending);
  if (!run) return std::nullopt;
  const auto [first, last] = *run;
  std::string written;
  for (std::size_t i = first; i <= last; ++i) written += tokens->get(i)->getText();
  const auto count = [&](const std::string& s) {
    std::size_t n = 0;
    for (auto i = written.find(s); i != std::string::npos; i = written.find(s, i + s.size())) ++n;
    return n;
  };
  const std::size_t fullOpen = count("（"), fullClose = count("）"), asciiOpen = count("("), asciiClose = count(")");
  if (fullOpen + asciiOpen != 1 || fullClose + asciiClose != 1 || fullOpen == fullClose) return std::nullopt;
  std::string name;
  for (char c : written) name += c == '(' ? "（" : c == ')' ? "）" : std::string(1, c);
  return PhraseSlip{tokens->get(first), tokens->get(last), fmt::format("the brackets of `{}` are half full-width", written),
                    fmt::format("opened with `{}`, closed with `{}`", fullOpen ? "（" : "(", fullClose ? "）" : ")"),
                    fmt::format("a name keeps the full-width brackets of the text: `{}`", name)};
}

}  // namespace

std::string gluedKeywordHelp(const std::string& word, const std::string& keyword, const antlr4::dfa::Vocabulary& vocabulary,
                             const std::function<bool(const std::string&)>& known) {
  const auto spelling = [&](std::size_t type, const std::string& w) {
    const auto list = keywordSpellings(type, vocabulary);
    return std::find(list.begin(), list.end(), w) != list.end();
  };
  if (spelling(L::ONCE, keyword))
    return fmt::format("`{0}` is written alone on its line; the award stays in the clause's `给予 …`: `{0}`", keyword);
  const std::string spaced = spacedKeywords(word, known);
  // `上限最高10万元`, the text's 最高不超过10万元: spaced, `上限 最高 10万元` is a cap that is no exact
  // amount (E0311). A cap is the most paid already; 最高 goes.
  const std::string rest = spaced.substr(keyword.size() + 1);
  if (spelling(L::CAP, keyword) || spelling(L::CAPPED, keyword))
    if (const auto upto = leadingKeyword(rest); upto && spelling(L::UPTO, *upto) && rest.size() > upto->size() &&
                                                rest[upto->size()] == ' ')
      return fmt::format("put a space after the keyword, and leave out `{}`: a cap is the most paid already: `{} {}`", *upto,
                         keyword, rest.substr(upto->size() + 1));
  return fmt::format("put a space after the keyword: `{}`", spaced);
}

std::optional<PhraseSlip> textPhraseSlip(antlr4::Parser* parser, const antlr4::Token* offending) {
  if (auto slip = fundingSplitInProse(parser, offending)) return slip;
  if (auto slip = possessiveBeforeRate(parser, offending)) return slip;
  if (auto slip = wordsBeforeCapAmount(parser, offending)) return slip;
  return halfFullWidthBrackets(parser, offending);
}

}  // namespace polc
