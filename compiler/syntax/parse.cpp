#include "syntax/parse.h"

#include <antlr4-runtime.h>

#include "PolcLexer.h"
#include "PolcParser.h"
#include "syntax/ast_builder.h"
#include "syntax/syntax_errors.h"

namespace polc {

std::unique_ptr<ast::File> parseFile(const SourceManager& sm, FileId file, DiagnosticEngine& diags) {
  const SourceFile& src = sm.file(file);
  // ANTLR decodes UTF-8 itself; the loader has already rejected invalid UTF-8, so its code-point
  // indices match SourceFile's.
  antlr4::ANTLRInputStream input(src.text());
  gen::PolcLexer lexer(&input);
  lexer.removeErrorListeners();
  antlr4::CommonTokenStream tokens(&lexer);
  gen::PolcParser parser(&tokens);
  parser.removeErrorListeners();
  SyntaxErrorListener listener(file, diags);
  parser.addErrorListener(&listener);

  gen::PolcParser::FileContext* tree = parser.file();
  if (listener.count() > 0) return nullptr;
  return buildAst(tree, file, diags);
}

}  // namespace polc
