// Fuzz target: one facts file (JSON) through the evaluators of the seed policies that this build
// has — the reference evaluator, the bytecode VM and the generated C++ (tests/differential/
// evaluators.h; the sanitizer build has no LLVM). They must agree: each reader accepts the same
// files (the generated code reads facts with its own JSON reader, compiled into an embedder's
// program), and the evaluators give the same awards, totals, missing facts and explanations, or the
// same error. A disagreement aborts, with the outcomes printed; so do a crash and a sanitizer report,
// also in the reasons of `--why-not all`, computed on the reference's result.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "differential/evaluators.h"

namespace {

std::unique_ptr<polc::difftest::Evaluators> gEvaluators;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  gEvaluators = std::make_unique<polc::difftest::Evaluators>(POLC_SOURCE_DIR "/policies");
  if (!gEvaluators->error().empty()) {
    std::fprintf(stderr, "fuzz_evaluators: %s\n", gEvaluators->error().c_str());
    std::abort();
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string json(reinterpret_cast<const char*>(data), size);
  polc::difftest::Outcome out[polc::difftest::Evaluators::kCount];
  gEvaluators->run(json, size % 2 == 0, out);  // with and without explanations, per input
  const std::string report = gEvaluators->disagreement(out);
  if (!report.empty()) {
    std::fprintf(stderr, "fuzz_evaluators: the evaluators disagree\n%s", report.c_str());
    std::abort();
  }
  gEvaluators->whyNotAll(json);  // `--why-not all` on the same facts: a crash or a sanitizer report
  return 0;
}
