// Fuzz target: policy source text → parse → analyse → lower → render diagnostics.
// The input is split at NUL bytes into at most four files compiled together, so that documents may
// refer to each other (a NUL never occurs in a real policy). Anything may be reported; nothing may
// crash, hang, leak or trip a sanitizer. With an error-free program, the IR dump runs too.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "ir/lower.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  auto c = polc::fuzz::compileTexts(polc::fuzz::splitFiles(input, 4));
  polc::fuzz::renderAll(*c);
  if (c->program) (void)polc::ir::dump(*c->program);
  return 0;
}
