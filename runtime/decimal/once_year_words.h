// The warning about an award received in the evaluation year under a 一次性 clause that the result
// pays again, in one place for every evaluator: polc's facts reader (compiler/facts/facts.cpp, after
// the evaluation), the runtime's Session (runtime/vm/once_year.cpp, whose warnings the C API gives)
// and the generated C++'s Run (polc_decimal.h, made from these sources by
// compiler/backend/cpp/decimal_header.cmake, carries this header). So they cannot disagree on which
// awards are concerned, nor word it differently.
#pragma once

#include <string>
#include <vector>

#include "decimal/payee_words.h"
#include "decimal/uncounted_words.h"

namespace polrt {

// A 一次性 clause is stopped by an award of an earlier year only (onceCountsReceived, docs/ir.md
// step 5): one received in the evaluation year itself may be this very award, evaluated again, or
// a second payment. Whether a re-evaluation in the same year pays it again is the policy owner's to
// say, so the amount stays; the caseworker is told what to check.
inline std::string onceThisYearWarning(const std::string& where, int year, const std::string& citation) {
  return where + ": received in " + std::to_string(year) + ", the evaluation year, under " + citation +
         ", which is paid once (一次性): only an award of an earlier year stops it, so this one was not counted "
         "and the result pays " + citation + " again; if this evaluation is of that same award, do not pay it twice";
}

// Whether the award received `r` may be the result's own award, evaluated again: received in the
// evaluation year `year` (`yearOf(r)`) under a clause (`clauseOf(r)`, -1 for an award given by its
// target alone) that the result pays (`pays(c, item)`) to the item whose 已获奖励 lists it
// (`itemOf(r)`). 一次性 (below) and the caps over several clauses (cap_year_words.h) recognise it so.
template <class ClauseOf, class YearOf, class ItemOf, class Pays>
bool paidAgainThisYear(int r, int year, ClauseOf clauseOf, YearOf yearOf, ItemOf itemOf, Pays pays) {
  const int c = clauseOf(r);
  return c >= 0 && yearOf(r) == year && pays(c, itemOf(r));
}

// The place of the award received `r` in the facts: `path(item)` then its index among that item's
// awards received (every evaluator lists an item's awards together, in the order of the facts).
template <class ItemOf, class Path>
std::string receivedWhere(int r, ItemOf itemOf, Path path) {
  const int item = itemOf(r);
  int place = 0;
  for (int j = 0; j < r; ++j) place += itemOf(j) == item;
  return path(item) + ".已获奖励[" + std::to_string(place) + "]";
}

// The warnings for the applicant's `n` awards received, into `out`, after the evaluation: each one
// naming a 一次性 clause, received in `year`, the evaluation's, on an item for which the result holds
// an award of that clause that grants something (`granted(c, item)`, as grantsPayee says):
// paidAgainThisYear. `where` as receivedWhere places it. The clauses name `once` alike; `citation(cl)`.
template <class Clauses, class ClauseOf, class YearOf, class ItemOf, class Path, class Citation, class Granted>
void onceThisYearWarnings(int n, const Clauses& clauses, int year, ClauseOf clauseOf, YearOf yearOf, ItemOf itemOf,
                          Path path, Citation citation, Granted granted, std::vector<std::string>& out) {
  for (int r = 0; r < n; ++r) {
    const int c = clauseOf(r);
    if (c < 0 || !clauses[c].once || !paidAgainThisYear(r, year, clauseOf, yearOf, itemOf, granted)) continue;
    out.push_back(onceThisYearWarning(receivedWhere(r, itemOf, path), year, citation(clauses[c])));
  }
}

}  // namespace polrt
