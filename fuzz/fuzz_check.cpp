// Fuzz target: the consistency checker, with its own oracle. The input is one policy document,
// compiled with the small schema of the checker's tests (tests/unit/check/check_texts.h); when it
// compiles, the checker runs, and every finding's witness is replayed through the reference
// evaluator (check/replay.h), as the checker's tests replay theirs. A finding whose witness does not
// show its claim is a wrong finding: the target aborts, and the input is kept as an artifact.
// Seeds: the documents of the checker's kind tests (write_check_seeds.cpp).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "check/check.h"
#include "check/replay.h"
#include "fuzz_util.h"
#include "unit/check/check_texts.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  auto c = polc::fuzz::compileTexts({polc::test::kCheckSchema, input});
  if (!c->program) return 0;
  polc::check::Options options;
  options.z3TimeoutMs = 200;  // an undecided query is reported as undecided, never as an answer
  auto result = polc::check::run(*c->model, *c->program, options);
  for (const auto& f : result.findings) {
    auto r = polc::check::replay(*c->model, *c->program, f);
    if (r.ok) continue;
    std::fprintf(stderr, "wrong finding %s: %s\n  replay: %s\n  witness: %s\n", polc::check::codeOf(f.kind),
                 f.message.c_str(), r.detail.c_str(), f.witness.dump().c_str());
    std::abort();
  }
  return 0;
}
