#include "syntax/unclosed_block.h"

#include <vector>

#include "PolcLexer.h"

namespace polc {
namespace {

using L = gen::PolcLexer;

// The tokens of the default channel up to `offending`, which is left out.
std::vector<antlr4::Token*> tokensBefore(antlr4::Parser* parser, const antlr4::Token* offending) {
  std::vector<antlr4::Token*> out;
  auto* stream = parser->getTokenStream();
  for (std::size_t i = 0; i < offending->getTokenIndex(); ++i)
    if (antlr4::Token* t = stream->get(i); t->getChannel() == antlr4::Token::DEFAULT_CHANNEL) out.push_back(t);
  return out;
}

// The first token of the line of tokens[i].
std::size_t lineStart(const std::vector<antlr4::Token*>& tokens, std::size_t i) {
  while (i > 0 && tokens[i - 1]->getLine() == tokens[i]->getLine()) --i;
  return i;
}

bool opensNamedBlock(std::size_t type) {
  switch (type) {
    case L::DOCUMENT: case L::CHAPTER: case L::ARTICLE: case L::CLAUSE: case L::SUBJECT: case L::ENUM:
    case L::PARAMETER: case L::NONSTACKING: case L::FUNDING: case L::CAP: case L::SET:
      return true;
    default: return false;
  }
}

UnclosedBlock describe(const std::vector<antlr4::Token*>& tokens, std::size_t brace, const antlr4::Token* misplaced) {
  const antlr4::Token* first = tokens[lineStart(tokens, brace)];
  return UnclosedBlock{first, tokens[brace], opensNamedBlock(first->getType()) ? first->getText() : "", misplaced, {}};
}

}  // namespace

std::optional<UnclosedBlock> unclosedBlock(antlr4::Parser* parser, const antlr4::Token* offending) {
  const std::vector<antlr4::Token*> tokens = tokensBefore(parser, offending);
  std::vector<std::size_t> open;  // indices of the `{` not yet closed
  std::vector<std::pair<std::size_t, std::size_t>> misplaced;  // (its `{`, the `}` that closed it)
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::size_t type = tokens[i]->getType();
    if (type == L::LBRACE) open.push_back(i);
    if (type != L::RBRACE || open.empty()) continue;
    const std::size_t inner = open.back();
    open.pop_back();
    // A `}` that begins its line where the line of the outer block's `{` begins, not where its own
    // block's does: it was written for the outer block, and the inner one's `}` is missing.
    const auto column = tokens[i]->getCharPositionInLine();
    if (lineStart(tokens, i) != i || open.empty()) continue;
    const auto indent = [&](std::size_t b) { return tokens[lineStart(tokens, b)]->getCharPositionInLine(); };
    if (indent(inner) != column && indent(open.back()) == column) misplaced.emplace_back(inner, i);
  }
  if (open.empty()) return std::nullopt;
  // Only a `}` inside the block still open counts: one in a block closed since was made up for.
  for (auto [brace, close] : misplaced)
    if (close > open.back()) return describe(tokens, brace, tokens[close]);
  UnclosedBlock innermost = describe(tokens, open.back(), nullptr);
  if (offending->getType() == antlr4::Token::EOF)
    for (auto b = open.rbegin() + 1; b != open.rend(); ++b) innermost.around.push_back(describe(tokens, *b, nullptr));
  return innermost;
}

}  // namespace polc
