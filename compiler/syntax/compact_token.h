// A token of the parse of a file without syntax errors (ParsingLexer, syntax/policy_lexer.h): what
// ANTLR's CommonToken holds, in 40 bytes instead of 112. A policy has a token every few characters,
// all kept until the syntax tree is built, so their size is a large part of the front end's peak
// memory (docs/performance.md). The text is read from the input when asked for, as CommonToken
// does when no text was set; the token source is the lexer, the input its input stream.
#pragma once

#include <cstdint>
#include <string>

#include <antlr4-runtime.h>

namespace polc {

class CompactToken : public antlr4::WritableToken {
 public:
  // Positions are code-point offsets, lines and columns of a file of at most 64 MiB (the loader's
  // limit), so 32 bits hold them.
  CompactToken(antlr4::Lexer* lexer, std::size_t type, std::size_t channel, std::size_t start, std::size_t stop,
               std::size_t line, std::size_t column);

  std::string getText() const override;
  std::size_t getType() const override { return type_; }
  std::size_t getLine() const override { return line_; }
  std::size_t getCharPositionInLine() const override { return column_; }
  std::size_t getChannel() const override { return channel_; }
  std::size_t getTokenIndex() const override { return index_; }
  std::size_t getStartIndex() const override { return start_; }
  std::size_t getStopIndex() const override { return stop_; }
  antlr4::TokenSource* getTokenSource() const override { return lexer_; }
  antlr4::CharStream* getInputStream() const override { return lexer_->getInputStream(); }
  std::string toString() const override;

  // Only ANTLR's token stream writes a token, its index; error recovery makes tokens of its own.
  void setText(const std::string&) override;
  void setType(std::size_t type) override { type_ = static_cast<std::uint16_t>(type); }
  void setLine(std::size_t line) override { line_ = static_cast<std::uint32_t>(line); }
  void setCharPositionInLine(std::size_t column) override { column_ = static_cast<std::uint32_t>(column); }
  void setChannel(std::size_t channel) override { channel_ = static_cast<std::uint16_t>(channel); }
  void setTokenIndex(std::size_t index) override { index_ = static_cast<std::uint32_t>(index); }

 private:
  antlr4::Lexer* lexer_;
  std::uint16_t type_, channel_;
  std::uint32_t line_, column_, start_, stop_, index_;
};

}  // namespace polc
