// The front door of the syntax pass: source text in, owned AST out, syntax errors reported as polc
// diagnostics (ANTLR never prints to the console).
#pragma once

#include <memory>

#include "support/diagnostics.h"
#include "syntax/ast.h"

namespace polc {

// Parses one file. Returns null when the file has syntax errors (they are reported, several per run
// thanks to ANTLR's recovery); semantic analysis only runs on files that parsed cleanly, so that it
// never reports consequences of a syntax error.
std::unique_ptr<ast::File> parseFile(const SourceManager& sm, FileId file, DiagnosticEngine& diags);

}  // namespace polc
