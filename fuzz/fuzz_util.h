// Shared by the fuzz targets: compile policy text in memory, exactly as `polc check`/`polc eval` do
// after loading (UTF-8 check, parse, analyse, lower), without touching the file system.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "ir/ir.h"
#include "sema/model.h"
#include "support/diagnostics.h"

namespace polc::fuzz {

struct Compiled {
  SourceManager sm;
  DiagnosticEngine diags;
  std::unique_ptr<sema::Model> model;      // null when a file failed to load or parse
  std::unique_ptr<ir::Program> program;    // null when analysis or lowering reported an error
};

// Each text is one file; invalid UTF-8 is rejected the way the loader rejects it (E0002).
std::unique_ptr<Compiled> compileTexts(const std::vector<std::string>& texts);

// The input split at NUL bytes into at most `maxFiles` files (the last takes the rest): several
// documents in one input, which may refer to each other. A NUL never occurs in a real policy.
std::vector<std::string> splitFiles(const std::string& input, std::size_t maxFiles);

// Renders every diagnostic as text and JSON (the renderers read spans and source lines, so they are
// part of what hostile input reaches) and returns the total length, to keep the work observable.
std::size_t renderAll(const Compiled& c);

// The text of a file of the source tree (policies/schema.pol …); aborts when it cannot be read.
std::string readSourceFile(const std::string& relative);

}  // namespace polc::fuzz
