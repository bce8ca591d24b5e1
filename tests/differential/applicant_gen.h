// Random applicants for differential testing: facts JSON (docs/facts.md) for a compiled policy set,
// biased towards the values where results change — thresholds of comparisons and tiers, the edges
// where a rate times a fact reaches a cap, members the policies name, recognitions granted in the
// evaluation year — with facts left out now and then so that clauses become not assessable.
#pragma once

#include <cstdint>
#include <memory>
#include <random>
#include <string>

#include "ir/ir.h"

namespace polc::difftest {

class ApplicantGenerator {
 public:
  ApplicantGenerator(const ir::Program& program, std::uint64_t seed);
  // One applicant as a JSON document (one line).
  std::string next();

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace polc::difftest
