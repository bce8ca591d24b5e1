// A plain driver for instruction counts (docs/performance.md, "Bytecode VM"): evaluates scenario
// P2 on the city policy N times (default 2000) without explanations, so that
//   valgrind --tool=callgrind --dump-instr=no build/bench/polc_vm_profile
// gives Session::evaluate's inclusive count, divided by N, as the instructions per evaluation.
// Prints the P2 total so a broken build is obvious.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "backend/bytecode/bridge.h"
#include "facts/facts.h"
#include "vm_util.h"

int main(int argc, char** argv) {
  using namespace polc;
  int n = argc > 1 ? std::atoi(argv[1]) : 2000;
  auto c = vmtest::compile(vmtest::kCity);
  if (!c->error.empty()) return 1;
  auto r = polrt::load(c->bytecode.data(), c->bytecode.size());
  if (!r.program) return 1;
  std::ifstream in(std::string(POLC_SOURCE_DIR) + "/examples/applicants/p2.json");
  std::stringstream ss;
  ss << in.rdbuf();
  auto facts = facts::readFacts(*c->model, *c->program, ss.str());
  if (!facts.ok()) return 1;
  polrt::Session s(*r.program);
  bytecode::loadApplicant(s, facts.applicant, std::nullopt);
  for (int i = 0; i < n; ++i)
    if (!s.evaluate(false)) return 1;
  std::cout << "P2 total " << s.totals().hi.toString() << " awards " << s.awardCount() << "\n";
  return 0;
}
