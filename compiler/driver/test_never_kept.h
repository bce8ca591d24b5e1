// polc test --coverage: which clauses of a policy set no applicant can be paid by, because their
// non-stacking group always keeps another clause's award (the checker's W0640, docs/checker.md).
// Coverage lists them apart from the clauses no case happens to pay: a case cannot pay them.
#pragma once

#include <map>
#include <string>

#include "driver/test_report.h"
#include "ir/ir.h"
#include "sema/model.h"

namespace polc {

// By the shadowed clause's citation. Runs the consistency checker on the whole set (about 0.1 s of
// CPU on the seed policies), so the caller asks once per set, and only when a case showed a clause
// dropped that no case paid.
std::map<std::string, NeverKeptClause> clausesNeverKept(const sema::Model& model, const ir::Program& program);

}  // namespace polc
