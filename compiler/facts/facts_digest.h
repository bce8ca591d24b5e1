// What tells an applicant of a batch from another, as a 64-bit hash, for polc eval --batch to find
// one given twice (docs/eval-output.md): its id when the line gives one, else its facts.
#pragma once

#include <cstdint>

#include <nlohmann/json.hpp>

#include "eval/eval.h"

namespace polc::facts {

// An id as FactsResult::id holds it: 17 and "17" are the same id, as the agency's records would
// have them.
std::uint64_t idDigest(const nlohmann::json& id);

// An applicant as the facts reader gives it, not its JSON: the same whatever the line's key order,
// spacing, escapes, comments (keys starting with `_`) and id, and whatever way a value is written —
// "1000万元" and 10000000 (元) are one amount, "1.50" and 1.5 one number — since it is the parsed
// values that are evaluated. Items of one kind are the same in any order (a 项目 listed first or
// second is the same project), as are the awards received an item lists; only a list whose first
// item is paid (a payee below a clause's subject, such as a project's 引荐人: docs/facts.md) is
// compared in the order given, since another order pays another payee.
std::uint64_t applicantDigest(const ir::Program& program, const eval::Applicant& applicant);

}  // namespace polc::facts
