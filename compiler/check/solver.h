// Deciding conjunctions of formulas: exactly by boxes when every formula is a small disjunction of
// literal conjunctions, otherwise by Z3 (linear arithmetic across facts, opaque conditions). The
// answer is Yes (with a model), No, or Unknown — never a guess.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "check/translate.h"

namespace polc::check {

struct Cond {
  F f;
  std::optional<std::vector<Box>> boxes;  // the DNF, when small and free of Opaque nodes
};

enum class Sat { Yes, No, Unknown };

struct Answer {
  Sat sat = Sat::Unknown;
  Assignment model;
  bool viaZ3 = false;
  bool approx = false;  // Z3 stood in for a condition it could not model: Yes needs confirming
};

struct SolverStats {
  long boxQueries = 0, z3Queries = 0, z3Unknown = 0;
  // Second checks within a Z3 query, asking again for a readable witness (round amounts, dates in
  // force, decimals): part of a query's cost that z3Queries does not show.
  long z3Reasked = 0;
  // The most of Z3's resource count (its `rlimit count`) one query used: what kZ3ResourceLimit is
  // measured against.
  std::uint64_t z3MostResources = 0;
};

class Solver {
 public:
  // Per query: Z3's resource limit, which decides, and a wall-clock backstop (check.h's
  // kZ3ResourceLimit and kZ3BackstopMs).
  Solver(Translator& tr, Boxes& boxes, unsigned resourceLimit, unsigned backstopMs);
  ~Solver();
  Solver(const Solver&) = delete;
  Solver& operator=(const Solver&) = delete;

  Cond prepare(F f) const;
  // Is the conjunction satisfiable? `touch`: variables the model must give a value to even when
  // unconstrained (the facts an amount needs).
  Answer solve(const std::vector<const Cond*>& conj, const std::vector<int>& touch = {});
  SolverStats stats;

 private:
  Answer viaZ3(const std::vector<const Cond*>& conj, const std::vector<int>& touch);
  struct Z3;
  Translator& tr_;
  Boxes& boxes_;
  unsigned resourceLimit_, backstopMs_;
  std::unique_ptr<Z3> z3_;
};

}  // namespace polc::check
