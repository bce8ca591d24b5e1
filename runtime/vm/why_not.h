// What Session::whyNot gives (runtime/vm/why_not.cpp): for a clause and an item, whether it paid
// and, when not, why; the same as `polc eval --why-not` (compiler/eval/why_not.h) gives.
#pragma once

#include <string>
#include <vector>

#include "decimal/why_not_walk.h"

namespace polrt {

// A value a trace read, and a line of it: the walk's (decimal/why_not_walk.h), which the generated
// C++ shares.
using WhyNotValueR = WhyNotValue;
using TraceLineR = TraceLine;

struct WhyNotR {
  int clause = -1;
  int instance = -1;  // the item; -1 when the applicant has none the clause is about
  int award = -1;     // its award in the result, -1 when there is none
  WhyNotKind kind = WhyNotKind::Applied;
  std::string reason;  // the result's words: a drop's, a cap's, 申报条件不成立, the period
  std::string where;   // Condition: 申报条件 or 条件
  std::vector<TraceLineR> condition;  // Condition, NoTier; empty when there is nothing to show
  std::vector<std::string> missing;   // NotAssessable
};

}  // namespace polrt
