// Semantic analysis of all files compiled together: the one entry point of this folder.
#pragma once

#include <memory>
#include <vector>

#include "sema/model.h"
#include "support/diagnostics.h"

namespace polc::sema {

// Takes ownership of the parsed files. Always returns a model; it is complete only when no error
// was reported.
std::unique_ptr<Model> analyze(std::vector<std::unique_ptr<ast::File>> files, const SourceManager& sm,
                               DiagnosticEngine& diags);

}  // namespace polc::sema
