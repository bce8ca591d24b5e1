// The front end as every command uses it: load, parse, analyse.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sema/model.h"
#include "support/diagnostics.h"

namespace polc {

struct FrontEnd {
  SourceManager sources;
  DiagnosticEngine diags;
  std::unique_ptr<sema::Model> model;  // null when loading or parsing failed
};

// Semantic analysis runs only when every file loaded and parsed, so that its errors are never
// consequences of a syntax error.
std::unique_ptr<FrontEnd> runFrontEnd(const std::vector<std::string>& paths);

}  // namespace polc
