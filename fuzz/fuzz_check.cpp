// Fuzz target: the consistency checker, with its own oracle. An input without a NUL byte is one
// policy document, compiled with the small schema of the checker's tests
// (tests/unit/check/check_texts.h); one with NUL bytes is split there into at most four files
// compiled as they are, which declare their own subjects (a golden case and its neighbours). When it
// compiles, the checker runs, and every finding's witness is replayed through the reference
// evaluator (check/replay.h), as the checker's tests replay theirs. A finding whose witness does not
// show its claim is a wrong finding: the target aborts, and the input is kept as an artifact.
// Seeds: the documents of the checker's kind tests (write_check_seeds.cpp), and the golden cases
// and regression policies, each followed by a NUL (fuzz/run.sh).
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
  auto c = input.find('\0') == std::string::npos ? polc::fuzz::compileTexts({polc::test::kCheckSchema, input})
                                                  : polc::fuzz::compileTexts(polc::fuzz::splitFiles(input, 4));
  if (!c->program) return 0;
  polc::check::Options options;
  // Quick over thorough: an undecided query is reported as undecided, never as an answer.
  options.z3ResourceLimit = polc::check::kZ3ResourceLimit / 10;
  options.z3BackstopMs = 2000;
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
