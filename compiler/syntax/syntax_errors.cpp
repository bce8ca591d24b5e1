#include "syntax/syntax_errors.h"

#include <fmt/format.h>

#include "PolcLexer.h"
#include "support/diag_codes.h"
#include "syntax/token_names.h"

namespace polc {
namespace {

// ANTLR's recovery can report many errors for one slip; beyond this the rest are noise.
constexpr std::size_t kMaxSyntaxErrorsPerFile = 25;
constexpr std::size_t kMaxExpectedShown = 8;

std::string describeToken(const antlr4::Token* t) {
  if (t->getType() == antlr4::Token::EOF) return "end of file";
  return "`" + t->getText() + "`";
}

Span tokenSpan(FileId file, const antlr4::Token* t) {
  if (t->getType() == antlr4::Token::EOF) {
    auto at = static_cast<std::uint32_t>(t->getStartIndex());
    return Span{file, at, at};
  }
  return Span{file, static_cast<std::uint32_t>(t->getStartIndex()),
              static_cast<std::uint32_t>(t->getStopIndex() + 1)};
}

std::string expectedList(antlr4::Parser* parser) {
  antlr4::misc::IntervalSet expected;
  try {
    expected = parser->getExpectedTokens();
  } catch (...) {
    return {};
  }
  std::vector<std::string> names;
  for (auto type : expected.toList()) {
    if (type < 0) continue;
    names.push_back(describeTokenType(static_cast<std::size_t>(type), parser->getVocabulary()));
  }
  if (names.empty()) return {};
  std::string out;
  std::size_t shown = std::min(names.size(), kMaxExpectedShown);
  for (std::size_t i = 0; i < shown; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > shown) out += fmt::format(" or {} more", names.size() - shown);
  return out;
}

}  // namespace

void SyntaxErrorListener::syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending,
                                      size_t, size_t, const std::string& msg, std::exception_ptr) {
  auto* parser = dynamic_cast<antlr4::Parser*>(recognizer);
  if (!parser || !offending) return;  // the lexer never fails: ERRCHAR catches every stray char
  // Recovery may report the same token twice; one diagnostic per place is enough.
  if (offending->getStartIndex() == lastOffset_) return;
  lastOffset_ = offending->getStartIndex();
  if (++count_ > kMaxSyntaxErrorsPerFile) {
    if (count_ == kMaxSyntaxErrorsPerFile + 1)
      diags_.error(diag::kTooManySyntaxErrors, tokenSpan(file_, offending),
                   "too many syntax errors in this file; stopping here");
    return;
  }

  Span span = tokenSpan(file_, offending);
  std::string expected = expectedList(parser);
  const std::string text = offending->getText();
  if (offending->getType() == gen::PolcLexer::ERRCHAR) {
    if (text == "\"") {
      auto& d = diags_.error(diag::kUnterminatedString, span, "unterminated string");
      d.help.push_back("a string ends with `\"` on the same line; write \\\" for a quote inside it");
      return;
    }
    auto& d = diags_.error(diag::kInvalidCharacter, span,
                           fmt::format("invalid character `{}`", text));
    if (text == "`")
      d.help.push_back("a back-quoted name ends with ` on the same line");
    return;
  }
  if (msg.rfind("missing ", 0) == 0) {
    auto& d = diags_.error(diag::kMissingToken, span,
                           fmt::format("missing {} before {}", expected.empty() ? "a token" : expected,
                                       describeToken(offending)));
    (void)d;
    return;
  }
  auto& d = diags_.error(diag::kUnexpectedToken, span,
                         fmt::format("unexpected {}", describeToken(offending)));
  if (!expected.empty()) d.label = "expected " + expected;
  // A Chinese keyword glued to a name lexes as one name: 对象企业. Say so.
  if (offending->getType() == gen::PolcLexer::IDENT) {
    if (auto kw = leadingKeyword(text))
      d.help.push_back(fmt::format("`{}` starts with the keyword `{}`; separate keywords from names "
                                   "with a space: `{} {}`",
                                   text, *kw, *kw, text.substr(kw->size())));
  }
}

}  // namespace polc
