#include "syntax/compact_token.h"

namespace polc {

CompactToken::CompactToken(antlr4::Lexer* lexer, std::size_t type, std::size_t channel, std::size_t start,
                           std::size_t stop, std::size_t line, std::size_t column)
    : lexer_(lexer),
      type_(static_cast<std::uint16_t>(type)),
      channel_(static_cast<std::uint16_t>(channel)),
      line_(static_cast<std::uint32_t>(line)),
      column_(static_cast<std::uint32_t>(column)),
      start_(static_cast<std::uint32_t>(start)),
      stop_(static_cast<std::uint32_t>(stop)),
      index_(static_cast<std::uint32_t>(INVALID_INDEX)) {}

// As CommonToken::getText without a text of its own.
std::string CompactToken::getText() const {
  antlr4::CharStream* input = getInputStream();
  if (!input) return "";
  const std::size_t n = input->size();
  return start_ < n && stop_ < n ? input->getText(antlr4::misc::Interval(getStartIndex(), getStopIndex())) : "<EOF>";
}

std::string CompactToken::toString() const {
  return "[@" + std::to_string(index_) + "," + std::to_string(start_) + ":" + std::to_string(stop_) + "='" +
         getText() + "',<" + std::to_string(type_) + ">," + std::to_string(line_) + ":" + std::to_string(column_) + "]";
}

// The grammar has no action that sets a token's text; nothing else may change it.
void CompactToken::setText(const std::string&) {
  throw antlr4::UnsupportedOperationException("CompactToken has no text of its own");
}

}  // namespace polc
