// Fuzz target: policy source text → parse → analyse → lower → render diagnostics.
// The input is split at NUL bytes into at most four files compiled together, so that documents may
// refer to each other (a NUL never occurs in a real policy). Anything may be reported; nothing may
// crash, hang, leak or trip a sanitizer. With an error-free program, the IR dump runs too.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "ir/lower.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> texts;
  std::size_t start = 0;
  while (texts.size() < 3) {
    std::size_t nul = input.find('\0', start);
    if (nul == std::string::npos) break;
    texts.push_back(input.substr(start, nul - start));
    start = nul + 1;
  }
  texts.push_back(input.substr(start));
  auto c = polc::fuzz::compileTexts(texts);
  polc::fuzz::renderAll(*c);
  if (c->program) (void)polc::ir::dump(*c->program);
  return 0;
}
