// A plain driver for instruction counts (docs/performance.md, "Bytecode VM"): evaluates scenario
// P2 on the city policy N times (default 2000) without explanations, so that
//   valgrind --tool=callgrind --dump-instr=no build/bench/polc_vm_profile
// gives Session::evaluate's inclusive count, divided by N, as the instructions per evaluation.
// With "batch" as second argument it loads and evaluates N of the 1000 generated applicants that
// polc_bench's batches use (seed 42), so that loadApplicant's inclusive count, divided by N, is
// the instructions per applicant loaded; with "load", it only loads them (for wall-clock time).
// Prints the P2 total (or the batch's award count) so a broken build is obvious.
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "backend/bytecode/bridge.h"
#include "facts/facts.h"
#include "vm_util.h"

int main(int argc, char** argv) {
  using namespace polc;
  int n = argc > 1 ? std::atoi(argv[1]) : 2000;
  bool loadOnly = argc > 2 && std::strcmp(argv[2], "load") == 0;
  bool batch = loadOnly || (argc > 2 && std::strcmp(argv[2], "batch") == 0);
  auto c = vmtest::compile(vmtest::kCity);
  if (!c->error.empty()) return 1;
  auto r = polrt::load(c->bytecode.data(), c->bytecode.size());
  if (!r.program) return 1;
  polrt::Session s(*r.program);
  if (batch) {
    vmtest::Generator gen(*c->program, 42);
    std::vector<eval::Applicant> applicants;
    for (int i = 0; i < 1000; ++i) applicants.push_back(gen.next());
    long awards = 0;
    for (int i = 0; i < n; ++i) {
      bytecode::loadApplicant(s, applicants[static_cast<std::size_t>(i) % applicants.size()], std::nullopt);
      if (!loadOnly && s.evaluate(false)) awards += s.awardCount();
    }
    std::cout << "batch awards " << awards << "\n";
    return 0;
  }
  std::ifstream in(std::string(POLC_SOURCE_DIR) + "/examples/applicants/p2.json");
  std::stringstream ss;
  ss << in.rdbuf();
  auto facts = facts::readFacts(*c->model, *c->program, ss.str());
  if (!facts.ok()) return 1;
  bytecode::loadApplicant(s, facts.applicant, std::nullopt);
  for (int i = 0; i < n; ++i)
    if (!s.evaluate(false)) return 1;
  std::cout << "P2 total " << s.totals().hi.toString() << " awards " << s.awardCount() << "\n";
  return 0;
}
