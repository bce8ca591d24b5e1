// Between the compiler's applicant/result types (compiler/eval) and the runtime VM
// (runtime/vm): `polc eval --backend=vm` and the differential tests feed the VM the applicant the
// facts reader built, and read its result back as an eval::Result, so both backends print through
// the same code.
#pragma once

#include <optional>
#include <string>

#include "eval/eval.h"
#include "vm/vm.h"

namespace polc::bytecode {

// Puts the applicant into the session (after reset()). The program must be the one the bytecode
// was emitted from: slots, clauses and targets have the same indices.
void loadApplicant(polrt::Session& s, const eval::Applicant& a, std::optional<int> date);
// The same, recorded for Session::load(): read once, loaded as often as needed (batches).
polrt::Applicant record(const eval::Applicant& a, std::optional<int> date);

// The session's last result as the reference evaluator's type.
eval::Result toResult(const polrt::Session& s, bool explain);

}  // namespace polc::bytecode
