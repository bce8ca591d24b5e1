#include "syntax/previous_token.h"

#include <cstddef>
#include <string>

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

}  // namespace polc
