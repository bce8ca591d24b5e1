// A stretch between two clauses on one number that other clauses pay into only for other values of
// the other numbers the two bound: a grid of cells over several numbers with an inner cell missing
// (`营业收入 低于 1亿元 且 人数 达 100 以上` and `营业收入 达 2亿元 以上 且 人数 达 100 以上`, while `营业收入 达 1亿元
// 以上 且 人数 低于 100` pays the stretch for fewer people). coveredBetween alone reads any clause
// paying inside the stretch as a division drawn on purpose (another district, another kind of
// project); a clause that differs from the gap's applicants in those numbers only is a neighbouring
// cell of the same table, and leaves the cell a missing rule.
#include <algorithm>
#include <set>

#include "check/checker.h"

namespace polc::check {

std::optional<Checker::GridCells> Checker::otherCells(const std::vector<int>& same, int lower, int upper, const Box& L,
                                                      const Box& U, int var, const Cond& between) {
  // The grid's other numbers: those either clause bounds besides `var`.
  std::set<int> others;
  for (const Box* b : {&L, &U})
    for (const Dom& d : b->doms) {
      const VarInfo& v = vars_[d.var];
      if (d.var != var && v.dom == DomKind::Num && v.kind != VarKind::Date && (d.num.loLit || d.num.hiLit))
        others.insert(d.var);
    }
  if (others.empty()) return std::nullopt;
  // The gap's applicants: both clauses but for their bounds on `var`, inside the stretch.
  Cond freedL = solver_.prepare(boxes_.formula(L, var)), freedU = solver_.prepare(boxes_.formula(U, var));
  GridCells out;
  out.vars.assign(others.begin(), others.end());
  for (int c : same) {
    if (c == lower || c == upper || payIndex_[static_cast<std::size_t>(c)] < 0) continue;
    const ClauseData& d = cl_[static_cast<std::size_t>(c)];
    if (!d.pay || d.dead) continue;
    Sat inside = solver_.solve({&pay(c), &between}).sat;
    if (inside == Sat::No) continue;
    if (inside != Sat::Yes || solver_.solve({&pay(c), &freedL, &freedU, &between}).sat != Sat::No) return std::nullopt;
    // Its bounds on the grid's numbers freed, c must pay every applicant of the gap: nothing else (a
    // district, a kind of project, a period) sets it apart from them.
    const std::vector<Box> boxes = joinedBoxes(pay(c));
    if (boxes.empty()) return std::nullopt;
    std::vector<F> freed;
    for (Box b : boxes) {
      b.doms.erase(std::remove_if(b.doms.begin(), b.doms.end(), [&](const Dom& x) { return others.count(x.var) > 0; }),
                   b.doms.end());
      freed.push_back(boxes_.formula(b));
    }
    Cond outside = solver_.prepare(negate(F::any(std::move(freed))));
    if (solver_.solve({&outside, &freedL, &freedU, &between}).sat != Sat::No) return std::nullopt;
    out.clauses.push_back(c);
  }
  return out;
}

}  // namespace polc::check
