// ctest bench_handwritten_vs_reference: the hand-written evaluator gives the reference evaluator's
// result — every award's status, amounts, payee and funding split — on the benchmark applicants.
//
//   polc_handwritten_check N SEED
#include <iostream>
#include <map>

#include "facts/facts.h"
#include "handwritten/compare.h"
#include "handwritten/from_generated.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: polc_handwritten_check N SEED\n";
    return 2;
  }
  auto c = polc::vmtest::compile(hw::kSubsetFiles);
  if (!c->error.empty()) {
    std::cerr << c->error << "\n";
    return 1;
  }
  int n = std::stoi(argv[1]), failed = 0;
  std::map<std::string, int> seen;  // what the applicants exercised, so a vacuous pass shows
  hw::Result mine;
  for (const auto& line : hw::benchmarkApplicants(*c, n, std::stoull(argv[2]))) {
    auto ref = polc::facts::readFacts(*c->model, *c->program, line);
    subset_policy::Facts gen;
    std::vector<std::string> errors;
    if (!subset_policy::readFacts(line, gen, errors)) {
      std::cerr << "the generated reader rejects: " << line << "\n";
      return 1;
    }
    hw::Applicant in = hw::fromGenerated(gen);
    hw::evaluate(in, mine);
    std::string diff = hw::compareWithReference(*c->program, ref.applicant, mine, in);
    if (!diff.empty() && ++failed <= 3) std::cerr << "differs on " << line << "\n" << diff << "\n";
    if (mine.error) ++seen["evaluation error"];
    for (const auto& aw : mine.awards) ++seen[hw::statusName(aw.status)];
  }
  for (const auto& [what, count] : seen) std::cout << what << ": " << count << "\n";
  if (failed) {
    std::cerr << failed << " of " << n << " applicants differ\n";
    return 1;
  }
  // The applicants must exercise every outcome, else the comparison proves little.
  for (const char* s : {"kept", "quota_limited", "dropped", "not_assessable", "already_received"})
    if (seen[s] == 0) {
      std::cerr << "no award was " << s << ": the applicants do not exercise the evaluator\n";
      return 1;
    }
  std::cout << n << " applicants: the hand-written evaluator agrees with the reference evaluator\n";
  return 0;
}
