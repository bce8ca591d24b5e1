// The warning about an award received given by its target alone (docs/facts.md), in one place for
// every reader of applicants: polc's facts reader (compiler/facts/facts.cpp), the runtime's Session
// (runtime/vm/uncounted.cpp, whose warnings the C API gives) and the generated C++'s Run
// (polc_decimal.h, made from these sources by compiler/backend/cpp/decimal_header.cmake, carries
// this header). So the three cannot word the warning differently, nor disagree on which rules count
// which years; each passes its own tables of the program and how to read them.
#pragma once

#include <string>
#include <vector>

namespace polrt {

// Whether a cap over several clauses counts an award received in `awardYear`, evaluating in `year`
// (docs/ir.md, steps 5 and 8). `period`: 0 合计, 1 累计, 2 年度 (capKind's order). A 合计 cap counts
// this evaluation's awards only, a 年度 cap this year's received, a 累计 cap those up to this year.
inline bool capCountsReceived(int period, int awardYear, int year) {
  if (period == 0) return false;
  return period == 2 ? awardYear == year : awardYear <= year;
}

// A 一次性 clause counts an award of an earlier year: this year's is the one being evaluated.
inline bool onceCountsReceived(int awardYear, int year) { return awardYear < year; }

// The rules the warning names: a cap by its name, a 一次性 clause by its citation.
inline std::string capRule(const std::string& cap) { return "上限 " + cap; }
inline std::string onceRule(const std::string& citation) { return "一次性 " + citation; }

// The rules that would count an award received of `target`, listed on an item of `subject` in
// `awardYear`, if it named its clause, into `rules`: each cap over several clauses that counts that
// year, counted per a subject that is or owns `subject` (a cap counts an award for the instance of
// its 每个 subject owning the award's item: none owns an award listed above it), over a clause of
// `target` paid to `subject` or to an item it owns; then each 一次性 clause of `target` paid to
// such an item, for an earlier year. A 一次性 clause's award listed above its item is an error once
// it names the clause, and that error says where to list it: the warning leads there rather than
// leave the award uncounted in silence. `caps` and `clauses` are the program's tables in the
// evaluator's own types, which all name these fields alike (period, per, clauses; target, subject,
// once); `ownedBy(s, ancestor)` and `name(x)` (of a cap's name or a clause's citation, as the tables
// hold them) read what they hold differently.
template <class Caps, class Clauses, class OwnedBy, class Name>
void uncountedRules(const Caps& caps, const Clauses& clauses, int target, int subject, int awardYear,
                    int year, OwnedBy ownedBy, Name name, std::vector<std::string>& rules) {
  for (const auto& k : caps) {
    if (!capCountsReceived(static_cast<int>(k.period), awardYear, year) || !ownedBy(subject, k.per)) continue;
    for (const auto c : k.clauses)
      if (clauses[c].target == target && ownedBy(clauses[c].subject, subject)) {
        rules.push_back(capRule(name(k.name)));
        break;
      }
  }
  for (const auto& cl : clauses)
    if (cl.once && cl.target == target && ownedBy(cl.subject, subject) && onceCountsReceived(awardYear, year))
      rules.push_back(onceRule(name(cl.citation)));
}

// The rules a warning names: at most three, then how many more — a target paid under many clauses
// would make a line of every cap.
inline std::string namedRules(const std::vector<std::string>& rules) {
  constexpr std::size_t kNamed = 3;
  std::string named;
  for (std::size_t i = 0; i < rules.size() && i < kNamed; ++i) named += (i ? "、" : "") + rules[i];
  if (rules.size() > kNamed) named += " and " + std::to_string(rules.size() - kNamed) + " more";
  return named;
}

// The warning for the award received at `where` (企业.项目[0].已获奖励[1]) of `target`, which
// `rules` would count if it named its clause (namedRules); "" when none would.
inline std::string uncountedWarning(const std::string& where, const std::string& target,
                                    const std::vector<std::string>& rules) {
  if (rules.empty()) return "";
  return where + ": given by its target " + target + " alone, this award names no clause, so " + namedRules(rules) +
         " do" + (rules.size() == 1 ? "es" : "") +
         " not count it: give its citation, the clause it was paid under, for them to count it";
}

}  // namespace polrt
