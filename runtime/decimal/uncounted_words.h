// The warning about an award received given by its target alone (docs/facts.md), in one place for
// every reader of applicants: polc's facts reader (compiler/facts/facts.cpp), the runtime's Session
// (runtime/vm/uncounted.cpp, the C API's polrt_warning) and the generated C++'s reader (polc_decimal.h,
// made from these sources by compiler/backend/cpp/decimal_header.cmake, carries this header). So the
// three cannot word the warning differently, nor disagree on which years a rule counts; each finds
// the rules in its own tables of the program and passes their names here.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace polrt {

// Whether a cap over several clauses counts an award received in `awardYear`, evaluating in `year`
// (docs/ir.md, steps 5 and 8). `period`: 0 合计, 1 累计, 2 年度 (capKind's order). A 合计 cap counts
// this evaluation's awards only, a 年度 cap this year's received, a 累计 cap those up to this year.
// With no year known (polc eval given no date), every year's: the warning cannot tell.
inline bool capCountsReceived(int period, int awardYear, std::optional<int> year) {
  if (period == 0) return false;
  if (!year) return true;
  return period == 2 ? awardYear == *year : awardYear <= *year;
}

// A 一次性 clause counts an award of an earlier year: this year's is the one being evaluated.
inline bool onceCountsReceived(int awardYear, std::optional<int> year) { return !year || awardYear < *year; }

// The rules the warning names: a cap by its name, a 一次性 clause by its citation.
inline std::string capRule(const std::string& cap) { return "上限 " + cap; }
inline std::string onceRule(const std::string& citation) { return "一次性 " + citation; }

// The warning for the award received at `where` (企业.项目[0].已获奖励[1]) of `target`, which
// `rules` would count if it named its clause; "" when none would. At most three rules are named,
// then how many more: a target paid under many clauses would make a line of every cap.
inline std::string uncountedWarning(const std::string& where, const std::string& target,
                                    const std::vector<std::string>& rules) {
  if (rules.empty()) return "";
  constexpr std::size_t kNamed = 3;
  std::string named;
  for (std::size_t i = 0; i < rules.size() && i < kNamed; ++i) named += (i ? "、" : "") + rules[i];
  if (rules.size() > kNamed) named += " and " + std::to_string(rules.size() - kNamed) + " more";
  return where + ": given by its target " + target + " alone, this award names no clause, so " + named + " do" +
         (rules.size() == 1 ? "es" : "") +
         " not count it: give its citation, the clause it was paid under, for them to count it";
}

}  // namespace polrt
