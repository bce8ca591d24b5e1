// Fills the hand-written evaluator's facts from an applicant read by the generated C++ of the
// subset (subset_policy::readFacts, the JSON of docs/facts.md), so that both read the same
// applicants. Done once per applicant, outside the timed loops.
#pragma once

#include <stdexcept>

#include "handwritten/subset_eval.h"
#include "subset_policy.h"

namespace hw {

// Throws std::runtime_error for a value the hand-written types cannot hold exactly (more than two
// decimals of 元, more than three of another unit): the benchmark applicants never have one.
Applicant fromGenerated(const subset_policy::Facts& f);

}  // namespace hw
