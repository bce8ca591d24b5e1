// The warning about an award paid to one of several payee items (docs/facts.md), in one place for
// every reader of applicants: polc's facts reader (compiler/facts/facts.cpp), the runtime's Session
// (runtime/vm/payees.cpp, whose warnings the C API gives) and the generated C++'s Run (polc_decimal.h,
// made from these sources by compiler/backend/cpp/decimal_header.cmake, carries this header). So
// the three cannot disagree on which items and clauses are concerned, nor word it differently.
#pragma once

#include <string>
#include <vector>

#include "decimal/decimal.h"

namespace polrt {

// A clause's 受益人 below its subject (a project's 引荐人, a cluster's 促进机构) is found among the
// items the subject's owner lists; every evaluator pays the whole award to the first of them. The
// policy texts do not say how to share it, so the amount stays: the agency is told whom it went to.
inline std::string sharedPayeeWarning(const std::string& owner, std::size_t count, const std::string& payeeName,
                                      const std::string& first, const std::vector<std::string>& citations) {
  constexpr std::size_t kNamed = 3;  // as the warning about an award received: a line, not a list
  std::string named;
  for (std::size_t i = 0; i < citations.size() && i < kNamed; ++i) named += (i ? "、" : "") + citations[i];
  if (citations.size() > kNamed) named += " and " + std::to_string(citations.size() - kNamed) + " more";
  const bool one = citations.size() == 1;
  return owner + " lists " + std::to_string(count) + " " + payeeName + ": the award" + (one ? "" : "s") + " of " +
         named + (one ? " goes" : " go") + " to " + first + " only; the policy does not say how to share " +
         (one ? "it" : "them");
}

// Whether clause `cl` pays a subject below its own (its 受益人 is neither it nor one of its owners).
template <class Clause, class OwnedBy>
bool paysBelow(const Clause& cl, OwnedBy ownedBy) {
  return cl.payee >= 0 && !ownedBy(static_cast<int>(cl.subject), static_cast<int>(cl.payee));
}

// The subjects some clause pays below its own, in a list: the only items the warning looks at. It
// depends on the clauses alone, so each evaluator finds it once per program, not per applicant (a
// pass over every clause, and a vector, at every evaluation cost the VM 0.45 µs an applicant).
template <class Clauses, class OwnedBy>
std::vector<int> payeesBelow(const Clauses& clauses, OwnedBy ownedBy) {
  std::vector<int> below;
  for (const auto& cl : clauses)
    if (paysBelow(cl, ownedBy)) {
      bool seen = false;
      for (int s : below) seen = seen || s == static_cast<int>(cl.payee);
      if (!seen) below.push_back(static_cast<int>(cl.payee));
    }
  return below;
}

// Whether an award grants its payee something, so that which of several payees receives it
// matters to the agency: the result holds it as payable — kept, capped or quota-limited (`status`
// 0 to 2) — and it is a benefit or 一事一议 (`kind` 1, 2), or an amount (`kind` 0) that may be above
// 0: a range 0 to max, or 最高 max, may pay max, so it counts; an exact 0, or a cap that cut it to
// 0, pays nothing. A clause whose conditions fail gives no award; one not assessable, dropped by a
// non-stacking rule or already received pays nothing. `status` and `kind` in the order of every
// evaluator's enums (Kept, Capped, QuotaLimited, …; Pay, Benefit, Negotiated, None).
inline bool grantsPayee(int status, int kind, const Decimal& hi) {
  return status <= 2 && (kind == 1 || kind == 2 || (kind == 0 && !hi.isZero()));
}

// The warnings for the applicant's `n` items, into `out`, after the evaluation: for each item
// listing two or more items of a subject that some clause pays below its own (`below`, from
// payeesBelow), the clauses whose award in the result goes to the first of them and grants it
// something (grantsPayee). A clause whose conditions fail for that item, which is not assessable
// or which a non-stacking rule drops is not named: the agency has nothing of it to share. The
// evaluators' tables differ, so each says how to read them: `subjectOf(i)`, `parentOf(i)` and
// `path(i)` of an item, `subjectName(s)`, `citation(cl)`, and `granted(c, i)`: whether its result
// holds an award of clause `c` (an index) paid to item `i` that grants (grantsPayee). The clauses
// name `subject` and `payee` alike. Allocates nothing, and asks nothing of the result, for an
// applicant with no such item.
template <class Clauses, class SubjectOf, class ParentOf, class OwnedBy, class Path, class SubjectName, class Citation,
          class Granted>
void sharedPayeeWarnings(const std::vector<int>& below, const Clauses& clauses, int n, SubjectOf subjectOf,
                         ParentOf parentOf, OwnedBy ownedBy, Path path, SubjectName subjectName, Citation citation,
                         Granted granted, std::vector<std::string>& out) {
  if (below.empty()) return;
  for (int first = 0; first < n; ++first) {
    const int s = subjectOf(first), o = parentOf(first);
    bool payee = false;
    for (int b : below) payee = payee || b == s;
    if (!payee || o < 0) continue;
    bool earlier = false;  // the group is seen from its first item
    for (int j = 0; j < first && !earlier; ++j) earlier = parentOf(j) == o && subjectOf(j) == s;
    if (earlier) continue;
    std::size_t count = 0;
    for (int j = first; j < n; ++j) count += parentOf(j) == o && subjectOf(j) == s;
    if (count < 2) continue;
    std::vector<std::string> cited;
    int c = -1;
    for (const auto& cl : clauses) {
      ++c;
      if (static_cast<int>(cl.payee) == s && paysBelow(cl, ownedBy) && granted(c, first)) cited.push_back(citation(cl));
    }
    if (!cited.empty()) out.push_back(sharedPayeeWarning(path(o), count, subjectName(s), path(first), cited));
  }
}

}  // namespace polrt
