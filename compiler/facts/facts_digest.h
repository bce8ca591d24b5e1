// What tells an applicant of a batch from another, as a 64-bit hash, for polc eval --batch to find
// one given twice (docs/eval-output.md): its id when the line gives one, else its facts.
#pragma once

#include <cstdint>

#include <nlohmann/json.hpp>

namespace polc::facts {

// An id as FactsResult::id holds it: 17 and "17" are the same id, as the agency's records would
// have them.
std::uint64_t idDigest(const nlohmann::json& id);

// A document as parseFactsJson gives it, the same whatever its key order, spacing and escapes (the
// parsed tree, not its bytes), and whatever its comments (keys starting with `_`) and id: a line
// given again with another id, or a note, is the same facts. A value is hashed as written:
// "1000万元" and 10000000 differ.
std::uint64_t factsDigest(const nlohmann::json& doc);

}  // namespace polc::facts
