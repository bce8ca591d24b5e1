// Fuzz target: a facts file (JSON, docs/facts.md) read against the seed policies (policies/*.pol,
// compiled once), then evaluated when it is valid. Bad facts must be reported as errors, evaluation
// failures as eval::EvalError; nothing may crash, hang, leak or trip a sanitizer.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "eval/eval.h"
#include "facts/facts.h"
#include "ir/ir.h"
#include "fuzz_util.h"

namespace {

std::unique_ptr<polc::fuzz::Compiled> gSeed;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  std::vector<std::string> texts;
  for (const char* f : {"policies/schema.pol", "policies/changzhou-2022-industry-policy.pol",
                        "policies/changzhou-2022-reply-189.pol", "policies/wujin-2024-manufacturing-measures.pol",
                        "policies/changzhou-2022-implementation-opinions.pol", "policies/changzhou-2021-reply-141.pol"})
    texts.push_back(polc::fuzz::readSourceFile(f));
  gSeed = polc::fuzz::compileTexts(texts);
  if (!gSeed->program) {
    std::fprintf(stderr, "fuzz_facts: the seed policies do not compile\n%s",
                 polc::renderText(gSeed->sm, gSeed->diags.all(), polc::RenderOptions{}).c_str());
    std::abort();
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string json(reinterpret_cast<const char*>(data), size);
  auto facts = polc::facts::readFacts(*gSeed->model, *gSeed->program, json);
  if (!facts.ok()) return 0;
  polc::eval::Options options;
  options.explain = size % 2 == 0;  // both paths, deterministically per input
  // 2024-06-30 when the facts give no date, so that nothing depends on today.
  if (!facts.applicant.date) options.date = polc::ir::parseDate("2024-06-30");
  try {
    auto result = polc::eval::evaluate(*gSeed->program, facts.applicant, options);
    for (const auto& a : result.awards)
      if (a.hasAmount() && a.lo > a.hi) std::abort();  // an award's range is never reversed
  } catch (const polc::eval::EvalError&) {
  }
  return 0;
}
