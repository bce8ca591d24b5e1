// An award received in the evaluation year that a cap over several clauses (累计, 年度) would count
// beside the very award the result pays for it: the rule, and the warning about it, in one place for
// every evaluator — the reference (compiler/eval/evaluate.cpp, cap) and polc's facts reader
// (compiler/facts/facts.cpp, after the evaluation), the runtime's Session (runtime/vm/caps.cpp and
// cap_year.cpp, whose warnings the C API gives) and the generated C++'s Run (polc_decimal.h, made
// from these sources by compiler/backend/cpp/decimal_header.cmake, carries this header). So they
// cannot disagree on which awards received a cap counts, nor word it differently.
#pragma once

#include <string>
#include <vector>

#include "decimal/once_year_words.h"
#include "decimal/uncounted_words.h"

namespace polrt {

// Whether an award of the result pays something a cap's sum holds (`pays` of capCountsAward): money
// (`kind` 0) that counts (grantsPayee), by its ceiling before the caps over several clauses
// (`computedHi`) — not its final one, so that every cap, on the trial of non-stacking and on the
// result, and the warning after them, take the same award received to be its own.
inline bool capPaysOwn(int status, int kind, const Decimal& computedHi) {
  return kind == 0 && grantsPayee(status, kind, computedHi);
}

// Whether the award received `r` is taken to be the result's own award of its clause for its item,
// evaluated again (an agency often evaluates an applicant again after paying it): received in the
// evaluation year under a clause the result pays to that item (paidAgainThisYear, as 一次性 finds
// it), and the first such of its clause and item in the facts — the result holds one award of a
// clause for an item, so a second one listed is another award.
template <class ClauseOf, class YearOf, class ItemOf, class Pays>
bool takenAsOwnAward(int r, int year, ClauseOf clauseOf, YearOf yearOf, ItemOf itemOf, Pays pays) {
  if (!paidAgainThisYear(r, year, clauseOf, yearOf, itemOf, pays)) return false;
  for (int j = 0; j < r; ++j)
    if (clauseOf(j) == clauseOf(r) && itemOf(j) == itemOf(r) && yearOf(j) == year) return false;
  return true;
}

// Whether a cap of `period` (capCountsReceived's order) counts the award received `r` of a clause it
// covers, evaluating in `year`: by its year (capCountsReceived), unless it is taken to be the
// result's own award: counted too, it made the cap count this year's award twice, once received
// and once computed, and cut the result by that much.
template <class ClauseOf, class YearOf, class ItemOf, class Pays>
bool capCountsAward(int period, int r, int year, ClauseOf clauseOf, YearOf yearOf, ItemOf itemOf, Pays pays) {
  return capCountsReceived(period, yearOf(r), year) && !takenAsOwnAward(r, year, clauseOf, yearOf, itemOf, pays);
}

// The warning for the award received at `where` (企业.项目[0].已获奖励[1]) under `citation` in `year`,
// the evaluation's, taken to be the result's own award, which the caps `rules` (capRule) therefore
// did not count. Another award of the same clause, item and year cannot be told from it, so the
// agency is told how to make the caps count one that is not.
inline std::string capThisYearWarning(const std::string& where, int year, const std::string& citation,
                                      const std::vector<std::string>& rules) {
  return where + ": received in " + std::to_string(year) + ", the evaluation year, under " + citation +
         ", which the result pays again to the same item: it was taken to be this same award, evaluated again, so " +
         namedRules(rules) + " do" + (rules.size() == 1 ? "es" : "") +
         " not count it a second time; if it is another award, the two cannot be told apart and the result may pay "
         "more than the cap allows: give its year if it was received earlier, or the citation it was really paid under";
}

// The warnings for the applicant's `n` awards received, into `out`, after the evaluation: each one
// taken to be the result's own award (takenAsOwnAward, `pays(c, item)` as capPaysOwn says), naming
// the caps that count its year and cover its clause. The caps name `period` and `clauses` alike,
// `name(k.name)` reads a cap's name; `path(item)` and `citation(cl)` as onceThisYearWarnings'.
template <class Caps, class Clauses, class ClauseOf, class YearOf, class ItemOf, class Path, class Name,
          class Citation, class Pays>
void capThisYearWarnings(int n, const Caps& caps, const Clauses& clauses, int year, ClauseOf clauseOf, YearOf yearOf,
                         ItemOf itemOf, Path path, Name name, Citation citation, Pays pays,
                         std::vector<std::string>& out) {
  std::vector<std::string> rules;
  for (int r = 0; r < n; ++r) {
    if (!takenAsOwnAward(r, year, clauseOf, yearOf, itemOf, pays)) continue;
    const int c = clauseOf(r);
    rules.clear();
    for (const auto& k : caps) {
      if (!capCountsReceived(static_cast<int>(k.period), year, year)) continue;
      for (const auto covered : k.clauses)
        if (static_cast<int>(covered) == c) {
          rules.push_back(capRule(name(k.name)));
          break;
        }
    }
    if (!rules.empty())
      out.push_back(capThisYearWarning(receivedWhere(r, itemOf, path), year, citation(clauses[c]), rules));
  }
}

}  // namespace polrt
