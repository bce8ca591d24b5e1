// polc test --coverage: the clauses of a policy set no applicant can be paid by, as the consistency
// checker proves them (docs/checker.md): those whose conditions cannot hold together (W0610, W0611)
// and those whose non-stacking group always keeps another clause's award (W0640). Coverage lists
// them apart from the clauses no case happens to pay: a case cannot pay them.
#pragma once

#include <map>
#include <string>

#include "driver/test_report.h"
#include "ir/ir.h"
#include "sema/model.h"

namespace polc {

// Each by the clause's citation.
struct ClausesNoCaseCanPay {
  std::map<std::string, NeverAppliesClause> neverApply;
  std::map<std::string, NeverKeptClause> neverKept;
};

// Runs the consistency checker on the whole set (about 0.1 s of CPU on the seed policies), so the
// caller asks once per set, and only when the set has a clause no case paid.
ClausesNoCaseCanPay clausesNoCaseCanPay(const sema::Model& model, const ir::Program& program);

}  // namespace polc
