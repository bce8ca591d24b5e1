// Turns ANTLR's syntax errors into polc diagnostics with spans and readable expectations.
#pragma once

#include <antlr4-runtime.h>

#include "support/diagnostics.h"

namespace polc {

class SyntaxErrorListener : public antlr4::BaseErrorListener {
 public:
  SyntaxErrorListener(FileId file, DiagnosticEngine& diags) : file_(file), diags_(diags) {}

  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending, size_t line,
                   size_t column, const std::string& msg, std::exception_ptr e) override;

  std::size_t count() const { return count_; }

 private:
  FileId file_;
  DiagnosticEngine& diags_;
  std::size_t count_ = 0;
  std::size_t lastOffset_ = ~std::size_t{0};
};

// Whether `t`, or the token just before it on the same line, is a name one slip away from a keyword
// (caped, 分挡, 封项, upto): an error at `t` is then that slip's, and its diagnostic says so.
bool mistypedKeywordAt(antlr4::Parser* parser, const antlr4::Token* t);

// The help for a postfix 以上/以下/以内 (`word`) after a comparison word other than 达 or 在.
std::string postfixAfterOtherComparisonHelp(const std::string& word, bool above);

}  // namespace polc
