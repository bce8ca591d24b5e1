#include "syntax/previous_token.h"

#include <cstddef>
#include <string>

#include "PolcLexer.h"

namespace polc {

Previous previousToken(antlr4::Parser* parser, const antlr4::Token* offending) {
  auto* tokens = parser->getTokenStream();
  Previous p;
  for (auto i = static_cast<std::ptrdiff_t>(offending->getTokenIndex()) - 1; i >= 0; --i) {
    antlr4::Token* t = tokens->get(static_cast<std::size_t>(i));
    if (t->getChannel() == antlr4::Token::DEFAULT_CHANNEL) {
      p.token = t;
      return p;
    }
    p.adjacent = false;
    p.newLine |= t->getText().find('\n') != std::string::npos;
  }
  return p;
}

std::optional<std::pair<std::size_t, std::size_t>> nameAndBracketRun(antlr4::Parser* parser, const antlr4::Token* t) {
  using L = gen::PolcLexer;
  auto* tokens = parser->getTokenStream();
  const auto inRun = [&](std::size_t i) {
    const std::size_t type = tokens->get(i)->getType();
    return type == L::IDENT || type == L::LPAREN || type == L::RPAREN;
  };
  // White space or a comment between two tokens is a token of its own, so a run of consecutive
  // indices is written without a space.
  const std::size_t at = t->getTokenIndex();
  if (!inRun(at)) return std::nullopt;
  std::size_t first = at, last = at;
  while (first > 0 && inRun(first - 1)) --first;
  while (last + 1 < tokens->size() && inRun(last + 1)) ++last;
  return std::make_pair(first, last);
}

}  // namespace polc
