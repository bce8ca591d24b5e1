// Witnesses: a solver model → an applicant in the facts format of `polc eval`; and running chosen
// clauses of the program on such an applicant with the reference evaluator.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "check/formula.h"
#include "eval/eval.h"
#include "sema/model.h"

namespace polc::check {

class WitnessBuilder {
 public:
  WitnessBuilder(const ir::Program& p, const VarTable& vars) : p_(p), vars_(vars) {}
  // The applicant owning one item of `subject` (a chain root → … → subject), with the model's values.
  nlohmann::ordered_json build(const Assignment& a, int subject, const std::string& comment) const;
  // One line for messages: 企业.所在地=武进区, 产品.称号 新认定 省级首台（套）重大装备 (2024-01-01), …
  std::string summary(const Assignment& a) const;
  int dayOf(const Assignment& a) const;

 private:
  std::string valueText(const VarInfo& v, const Q& q) const;
  const ir::Program& p_;
  const VarTable& vars_;
};

// Runs some clauses of the program (without non-stacking groups and caps over several clauses, or
// with everything) on a facts document.
class Runner {
 public:
  Runner(const sema::Model& m, const ir::Program& p);
  // nullopt when the facts do not read (the message in *error).
  std::optional<eval::Result> run(const std::vector<int>& clauses, const nlohmann::ordered_json& facts,
                                  std::string* error = nullptr);
  std::optional<eval::Result> runAll(const nlohmann::ordered_json& facts, std::string* error = nullptr);
  // Some clauses with the non-stacking groups and caps over several clauses that reach them, in the
  // program's order: what the whole program does to these awards when no other clause pays. A whole
  // program's evaluation costs as much as its clauses (≈ 10 ms at 10,000).
  std::optional<eval::Result> runWithRules(std::vector<int> clauses, const nlohmann::ordered_json& facts,
                                           std::string* error = nullptr);
  // The original index of an award's clause in the last run().
  int clauseOf(const eval::Award& a) const { return map_[static_cast<std::size_t>(a.clause)]; }
  long runs = 0;

 private:
  const sema::Model& m_;
  const ir::Program& p_;
  std::optional<eval::Result> evaluate(const ir::Program& p, const nlohmann::ordered_json& facts, std::string* error);
  ir::Program sub_;
  std::vector<int> held_;  // the clauses sub_ holds
  ir::Program ruled_;      // runWithRules' program: sub_'s, with groups and caps
  std::vector<int> map_;
};

// The award of `clause` in a result (after run(): translated through clauseOf), or null.
const eval::Award* awardOf(const Runner* r, const eval::Result& res, int clause);

}  // namespace polc::check
