#include "syntax/syntax_errors.h"

#include <algorithm>

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
  // A block left open is the commonest slip, and its `}` would otherwise hide among "or N more".
  if (expected.contains(static_cast<size_t>(gen::PolcLexer::RBRACE)))
    names.push_back(describeTokenType(gen::PolcLexer::RBRACE, parser->getVocabulary()));
  for (auto type : expected.toList()) {
    if (type < 0 || type == static_cast<ssize_t>(gen::PolcLexer::RBRACE)) continue;
    // IDENT and BACKTICK_IDENT are both "a name": say it once.
    std::string name = describeTokenType(static_cast<std::size_t>(type), parser->getVocabulary());
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
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
  // `条件 营业收入 超` with the value left out: ANTLR ends the expression before the operator and
  // reports the operator itself, which reads as if the operator were wrong. Say what it needs.
  using L = gen::PolcLexer;
  switch (offending->getType()) {
    case L::GT: case L::GE: case L::LE: case L::LT: case L::EQ: case L::NE: case L::REACH:
    case L::FIRSTOVER: case L::AND: case L::OR: case L::PLUS: case L::STAR: case L::SLASH:
    case L::IN: case L::NOTIN: case L::HAS:
      d.help.push_back(fmt::format("`{}` is an operator and needs a value on each side; is one missing?",
                                   text));
      break;
    default: break;
  }
}

}  // namespace polc
