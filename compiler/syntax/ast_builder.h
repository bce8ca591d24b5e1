// Parse tree → owned AST. Runs only on trees without syntax errors, so every mandatory child exists;
// it still reports what the grammar cannot express (a clause number like 3.1.2, an impossible date).
#pragma once

#include <memory>

#include "PolcLexer.h"
#include "PolcParser.h"
#include "support/diagnostics.h"
#include "syntax/ast.h"

namespace polc {

std::unique_ptr<ast::File> buildAst(gen::PolcParser::FileContext* tree, FileId file,
                                    DiagnosticEngine& diags);

}  // namespace polc
