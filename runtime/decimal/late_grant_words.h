// The warning about a recognition granted after the evaluation date (docs/facts.md), in one place
// for every evaluator: polc's facts reader (compiler/facts/facts.cpp), the runtime's Session
// (runtime/vm/late_grants.cpp, whose warnings the C API gives) and the generated C++'s Run
// (polc_decimal.h, made from these sources, carries this header). Each evaluator also tests a
// grant by heldOn, so the warning is given exactly when the grant is passed over for its date.
#pragma once

#include <string>

namespace polrt {

// Whether a recognition granted on `grantDay` counts on `date` (held, and for 新认定 in its year):
// one granted later is not held yet.
inline bool heldOn(int grantDay, int date) { return grantDay <= date; }

// Calls `late(g)` for each grant of `grants` (one recognition fact's) passed over for being after
// `date`, unless another grant of the same member is held: then the member counts all the same.
// `member(g)` and `day(g)` read a grant as the evaluator holds it.
template <class Grants, class Member, class Day, class Late>
void lateGrants(const Grants& grants, int date, Member member, Day day, Late late) {
  for (const auto& g : grants) {
    if (heldOn(day(g), date)) continue;
    bool held = false;
    for (const auto& other : grants) held = held || (member(other) == member(g) && heldOn(day(other), date));
    if (!held) late(g);
  }
}

// The warning's words after where the grant is, appended to `out`, which holds that place: the VM
// writes its warnings into strings it reuses (Session::newWarning), so that a batch allocates none.
inline void appendLateGrantWords(std::string& out, const std::string& granted, const std::string& evaluated) {
  out.append(": granted on ").append(granted).append(", after the evaluation date ").append(evaluated);
  out.append(", so it is not counted: a recognition counts from the day it is granted");
}

// `where`: the recognition and its member, as a facts file names it (企业.称号.国家专精特新小巨人企业).
inline std::string lateGrantWarning(const std::string& where, const std::string& granted, const std::string& evaluated) {
  std::string out = where;
  appendLateGrantWords(out, granted, evaluated);
  return out;
}

}  // namespace polrt
