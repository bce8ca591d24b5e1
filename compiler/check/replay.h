// Replaying a finding's witness through the reference evaluator (the whole program, non-stacking
// groups and caps included) and checking that it shows what the finding claims: both clauses pay,
// the higher tier pays less, the dead clause pays nothing, the cap cuts the item, ….
#pragma once

#include <string>
#include <vector>

#include "check/check.h"

namespace polc::check {

struct Replay {
  bool ok = false;
  std::string detail;  // what was observed, or why the claim does not hold
};

// The witness (and contrast) held in the finding.
Replay replay(const sema::Model& model, const ir::Program& program, const Finding& finding);

// Replays findings without a contrast applicant, evaluating the whole program once per distinct
// witness: the clauses a take-the-highest group never keeps often share one (on the 10,000-clause
// benchmark, 1,626 W0640 have 67 witnesses, and one evaluation takes ≈ 21 ms). Each finding's claim
// is judged on that evaluation as replay() judges it. Returns one answer per finding, in order.
std::vector<Replay> replayAll(const sema::Model& model, const ir::Program& program,
                              const std::vector<const Finding*>& findings);

// The witness files written by writeWitnesses, read the way `polc eval --facts FILE` reads them
// (facts::readFactsFile, then eval::evaluate on the whole program). `contrastPath` is empty when the
// finding has no contrast applicant.
Replay replayFiles(const sema::Model& model, const ir::Program& program, const Finding& finding,
                   const std::string& witnessPath, const std::string& contrastPath);

}  // namespace polc::check
