// The front end as every command uses it: load, parse, analyse.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "ir/ir.h"
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

// The path of every policy file read, as given or found in a directory.
std::vector<std::string> sourcePaths(const FrontEnd& fe);

// The checked model lowered to the policy IR; null when the front end or the lowering reported an
// error (in fe.diags).
std::unique_ptr<ir::Program> lowerModel(FrontEnd& fe);

}  // namespace polc
