#include "syntax/parse.h"

#include <antlr4-runtime.h>

#include <fmt/format.h>

#include "PolcLexer.h"
#include "syntax/code_point_stream.h"
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

// A token that begins an item of a clause, an article or a document, which no expression holds.
bool beginsItem(std::size_t type) {
  using L = gen::PolcLexer;
  switch (type) {
    case L::TEXT: case L::NOTE: case L::FOR: case L::TARGET: case L::KIND: case L::PAYEE: case L::WHEN:
    case L::PAY: case L::BENEFIT: case L::NEGOTIATED: case L::CAP: case L::QUOTA: case L::INSTALLMENTS:
    case L::TOPUP: case L::ONCE: case L::RELATION: case L::CLAUSE: case L::ARTICLE: case L::CHAPTER:
    case L::DOCUMENT:
      return true;
    default: return false;
  }
}

// ANTLR's recovery skips to the next token that could follow where the error is: a `;`, a `}` or
// an item keyword. A mistyped item keyword (`给与 分档 x { a: 1; b: 2 }`) then resumed inside the
// table it introduced, at its first `;`, and its `}` closed the clause: every later line of the
// file became an error. Skipping over a whole `{ … }` (and `( … )`) opened while skipping resumes
// after it, where the next item starts, so the one slip gives one error. A table opened with a
// full-width ｛ is skipped the same way.
class BracketAwareErrorStrategy : public antlr4::DefaultErrorStrategy {
 protected:
  void consumeUntil(antlr4::Parser* recognizer, const antlr4::misc::IntervalSet& set) override {
    using L = gen::PolcLexer;
    int depth = 0;
    for (std::size_t t = recognizer->getInputStream()->LA(1); t != antlr4::Token::EOF;
         t = recognizer->getInputStream()->LA(1)) {
      if (depth == 0 && set.contains(t)) return;
      // A full-width ｛ or （ (already reported, E0103) opens a group all the same for the writer;
      // a name's `）` closes a `(` typed ASCII (`辖区(所在地）`), else the rest of the file was skipped.
      const std::string text = t == L::ERRCHAR || t == L::IDENT ? recognizer->getCurrentToken()->getText() : std::string();
      const bool closesHalfPair = t == L::IDENT && text.find("）") != std::string::npos && text.find("（") == std::string::npos;
      if (t == L::LBRACE || t == L::LPAREN || text == "｛" || text == "（") ++depth;
      if ((t == L::RBRACE || t == L::RPAREN || text == "｝" || text == "）" || closesHalfPair) && depth > 0) --depth;
      recognizer->consume();
    }
  }
  // `… 则 最高 x × 10% caped 30万元 否则 5万元`: at `caped`, where `否则` was expected, ANTLR took the
  // mistyped keyword for a value after a missing `否则`, reported that, read `caped` as the value
  // and failed again at `30万元`: a second error, for the same slip. Where the error falls on such
  // a name or just after one (`则 upto x × 10% 否则 …`), the token is reported as unexpected, with
  // the hint naming the keyword, and recovery skips to the next item, so the slip gives one error.
  // `资金分担 { 其它: 市, 辖区 = 1:1 }`, `款 1 { 原闻 "…" …`: a mistyped first item of a block failed
  // the whole block at its first token, and recovery resumed at the block's `}` as if it were the
  // enclosing block's, so the real end of that one became a second error (or, in a clause, an item
  // after the slip). A slip there is skipped as a slip after another item is: reported, and what
  // follows consumed up to the next item or the block's end, inside the block. (Were the slip itself
  // a token to stop at, nothing would be consumed: the default then fails the block as before.)
  void sync(antlr4::Parser* recognizer) override {
    if (!inErrorRecoveryMode(recognizer) && mistypedKeywordAt(recognizer, recognizer->getCurrentToken())) {
      antlr4::atn::ATNState* s = recognizer->getInterpreter<antlr4::atn::ATNSimulator>()->atn.states[recognizer->getState()];
      const antlr4::misc::IntervalSet next = recognizer->getATN().nextTokens(s);
      const antlr4::misc::IntervalSet until = recognizer->getExpectedTokens().Or(getErrorRecoverySet(recognizer));
      const std::size_t la = recognizer->getInputStream()->LA(1);
      if (s->getStateType() == antlr4::atn::ATNState::STAR_LOOP_ENTRY && !next.contains(antlr4::Token::EPSILON) &&
          !next.contains(la) && !until.contains(la)) {
        reportUnwantedToken(recognizer);
        consumeUntil(recognizer, until);
        return;
      }
    }
    DefaultErrorStrategy::sync(recognizer);
  }
  bool singleTokenInsertion(antlr4::Parser* recognizer) override {
    if (mistypedKeywordAt(recognizer, recognizer->getCurrentToken())) return false;
    return DefaultErrorStrategy::singleTokenInsertion(recognizer);
  }
  // `(x × 10% caped 30万元) + 5万元`: recovery would resume at the first token that may follow the
  // failed rule — `×`, inside the brackets — and the `)` after it became a second error. After a
  // mistyped keyword the rest of what the brackets open around it hold is skipped first, up to the
  // bracket that closes the outermost, which the rule that opened it then matches.
  void recover(antlr4::Parser* recognizer, std::exception_ptr e) override {
    if (mistypedKeywordAt(recognizer, recognizer->getCurrentToken())) skipOpenGroups(recognizer);
    DefaultErrorStrategy::recover(recognizer, e);
  }

 private:
  // The brackets opened by the expression being parsed and not yet closed: the rules still in
  // progress, from the failed one out to the item that holds the expression, each counted by the
  // brackets among what it has matched so far.
  static int openGroups(antlr4::Parser* recognizer) {
    using P = gen::PolcParser;
    int open = 0;
    for (antlr4::RuleContext* ctx = recognizer->getContext(); ctx; ctx = dynamic_cast<antlr4::RuleContext*>(ctx->parent)) {
      const std::size_t rule = ctx->getRuleIndex();
      if (rule != P::RuleExpr && rule != P::RulePrimary && rule != P::RuleTierEntry && rule != P::RuleCaseEntry) break;
      for (antlr4::tree::ParseTree* child : ctx->children)
        if (auto* t = dynamic_cast<antlr4::tree::TerminalNode*>(child)) open += bracketStep(t->getSymbol()->getType());
    }
    return open;
  }
  static int bracketStep(std::size_t type) {
    using L = gen::PolcLexer;
    return type == L::LPAREN || type == L::LBRACE ? 1 : type == L::RPAREN || type == L::RBRACE ? -1 : 0;
  }
  // Consumes up to the bracket that closes the outermost open group; not past a token that begins
  // an item (a `)` left out too must not take the rest of the file with it).
  static void skipOpenGroups(antlr4::Parser* recognizer) {
    int open = openGroups(recognizer), inner = 0;
    while (open > 0) {
      const std::size_t t = recognizer->getInputStream()->LA(1);
      if (t == antlr4::Token::EOF || beginsItem(t)) return;
      const int step = bracketStep(t);
      if (step > 0) ++inner;
      if (step < 0 && inner > 0) --inner;
      else if (step < 0 && --open == 0) return;
      recognizer->consume();
    }
  }
};

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

// A file SLL could not parse, parsed again to report its errors: lexed in full, since the hints of
// syntax_errors.cpp look at the spaces and comments around a slip; in full LL with recovery, so
// that its diagnostics are those of an ANTLR parse that skips bracketed groups whole.
std::unique_ptr<ast::File> parseReportingErrors(antlr4::CharStream& input, FileId file, DiagnosticEngine& diags) {
  input.seek(0);
  PolicyLexer lexer(&input);
  lexer.removeErrorListeners();
  antlr4::CommonTokenStream tokens(&lexer);
  tokens.fill();  // the hints look ahead too, as far as the end of the file
  gen::PolcParser parser(&tokens);
  parser.removeErrorListeners();
  parser.setErrorHandler(std::make_shared<BracketAwareErrorStrategy>());
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::LL);
  SyntaxErrorListener listener(file, diags);
  parser.addErrorListener(&listener);
  gen::PolcParser::FileContext* tree = parser.file();
  if (listener.count() > 0) return nullptr;
  return buildAst(tree, file, diags);
}

}  // namespace

std::unique_ptr<ast::File> parseFile(const SourceManager& sm, FileId file, DiagnosticEngine& diags) {
  const SourceFile& src = sm.file(file);
  // Token indices are SourceFile's code-point offsets. SourceFile counts a leading BOM as code
  // point 0: the lexer gets a space in its place.
  std::u32string codepoints = src.codepoints();
  if (!codepoints.empty() && codepoints[0] == U'\uFEFF') codepoints[0] = U' ';
  CodePointStream input(std::move(codepoints));
  {
    // Only a file with a syntax error (or, in theory, one SLL cannot decide) pays for a second
    // lexing and parse. The first one's tokens and tree are freed before it.
    ParsingLexer lexer(&input);
    lexer.removeErrorListeners();
    antlr4::CommonTokenStream tokens(&lexer);
    tokens.fill();
    if (!checkNesting(tokens.getTokens(), file, diags)) return nullptr;
    gen::PolcParser parser(&tokens);
    parser.removeErrorListeners();
    if (gen::PolcParser::FileContext* tree = parseSll(parser)) return buildAst(tree, file, diags);
  }
  return parseReportingErrors(input, file, diags);
}

}  // namespace polc
