#include "syntax/parse.h"

#include <antlr4-runtime.h>

#include <fmt/format.h>

#include "PolcLexer.h"
#include "syntax/policy_lexer.h"
#include "support/diag_codes.h"
#include "PolcParser.h"
#include "syntax/ast_builder.h"
#include "syntax/syntax_errors.h"

namespace polc {
namespace {

// The parser, the tree builder and sema all recurse on nesting. Real policies nest a handful of
// levels; a hostile or generated file nested thousands deep must get a diagnostic, not a stack
// overflow, so depth is bounded on the token stream before any recursion starts.
constexpr int kMaxNesting = 256;

bool checkNesting(const std::vector<antlr4::Token*>& tokens, FileId file, DiagnosticEngine& diags) {
  using L = gen::PolcLexer;
  int depth = 0, prefixRun = 0;
  for (auto* t : tokens) {
    if (t->getChannel() != antlr4::Token::DEFAULT_CHANNEL) continue;  // spaces and comments
    switch (t->getType()) {
      case L::LPAREN:
      case L::LBRACE: ++depth; break;
      case L::RPAREN:
      case L::RBRACE: depth = depth > 0 ? depth - 1 : 0; break;
      default: break;
    }
    // Prefix operators nest without brackets: - - - x, 非 非 x, 若 … 则 若 … .
    bool prefix = t->getType() == L::MINUS || t->getType() == L::NOT || t->getType() == L::UPTO ||
                  t->getType() == L::NEWLY || t->getType() == L::IF || t->getType() == L::ELSE;
    prefixRun = prefix ? prefixRun + 1 : 0;
    if (depth > kMaxNesting || prefixRun > kMaxNesting) {
      Span at{file, static_cast<std::uint32_t>(t->getStartIndex()),
              static_cast<std::uint32_t>(t->getStopIndex() + 1)};
      diags.error(diag::kTooDeep, at,
                  fmt::format("nesting deeper than {} levels; polc stops reading this file here", kMaxNesting));
      return false;
    }
  }
  return true;
}

// ANTLR's two-stage parse: SLL prediction, bailing out at the first error. Full LL prediction
// retried every clause's condition with the whole outer context (a sixth of the front end's time);
// an SLL parse that succeeds is the one LL gives on this grammar (tests/unit/frontend compares the
// trees of both on every policy file of the repository).
gen::PolcParser::FileContext* parseSll(gen::PolcParser& parser) {
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::SLL);
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  try {
    return parser.file();
  } catch (const antlr4::ParseCancellationException&) {
    return nullptr;
  }
}

}  // namespace

std::unique_ptr<ast::File> parseFile(const SourceManager& sm, FileId file, DiagnosticEngine& diags) {
  const SourceFile& src = sm.file(file);
  // ANTLR decodes UTF-8 itself; the loader has already rejected invalid UTF-8, so its code-point
  // indices match SourceFile's. ANTLR drops a leading BOM, which SourceFile counts as code point 0:
  // hand it a space in the BOM's place so that every token index stays aligned.
  std::string text = src.text();
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.replace(0, 3, " ");
  antlr4::ANTLRInputStream input(text);
  PolicyLexer lexer(&input);
  lexer.removeErrorListeners();
  antlr4::CommonTokenStream tokens(&lexer);
  tokens.fill();
  if (!checkNesting(tokens.getTokens(), file, diags)) return nullptr;
  gen::PolcParser parser(&tokens);
  parser.removeErrorListeners();
  gen::PolcParser::FileContext* tree = parseSll(parser);
  if (!tree) {
    // Only a file with a syntax error (or, in theory, one SLL cannot decide) pays for a second
    // parse, in full LL with recovery: its diagnostics are those of a plain ANTLR parse.
    tokens.seek(0);
    parser.reset();
    parser.setErrorHandler(std::make_shared<antlr4::DefaultErrorStrategy>());
    parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::LL);
    SyntaxErrorListener listener(file, diags);
    parser.addErrorListener(&listener);
    tree = parser.file();
    if (listener.count() > 0) return nullptr;
  }
  return buildAst(tree, file, diags);
}

}  // namespace polc
