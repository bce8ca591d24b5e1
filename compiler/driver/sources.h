// Finding and reading policy files: the paths given on the command line, directories searched for
// *.pol files. Every failure is a diagnostic, never an exception.
#pragma once

#include <string>
#include <vector>

#include "support/diagnostics.h"

namespace polc {

// Adds each readable, valid UTF-8 policy file to `sm` and returns their ids in a stable order.
std::vector<FileId> loadSources(const std::vector<std::string>& paths, SourceManager& sm,
                                DiagnosticEngine& diags);

}  // namespace polc
