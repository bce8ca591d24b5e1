// A stretch between two clauses on one number that other clauses pay into only for other values of
// the other numbers the two bound: a grid of cells over several numbers with an inner cell missing
// (`营业收入 低于 1亿元 且 人数 达 100 以上` and `营业收入 达 2亿元 以上 且 人数 达 100 以上`, while `营业收入 达 1亿元
// 以上 且 人数 低于 100` pays the stretch for fewer people). coveredBetween alone reads any clause
// paying inside the stretch as a division drawn on purpose (another district, another kind of
// project); a clause that differs from the gap's applicants in those numbers only is a neighbouring
// cell of the same table, and leaves the cell a missing rule. A corner beyond every clause's bounds
// on both numbers, which no two clauses flank on one number, is found from the two cells diagonal to
// each other beside it (cornerGap).
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "check/checker.h"

namespace polc::check {

namespace {

// x ends where y begins, or y where x does: no value in both, none between.
bool meets(const NumDom& x, const NumDom& y) {
  auto ends = [](const NumDom& lo, const NumDom& hi) {
    return lo.hasHi && lo.hiLit && hi.hasLo && hi.loLit && lo.hi == hi.lo && lo.hiStrict != hi.loStrict;
  };
  return ends(x, y) || ends(y, x);
}

// b with d for its variable's domain.
Box with(Box b, const Dom& d) {
  for (Dom& x : b.doms)
    if (x.var == d.var) x = d;
  return b;
}

}  // namespace

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

// The literal bounds of a number's domain, as a reader says them (`营业收入 ≥ 1亿元`).
std::string Checker::boundsText(const Dom& d) const {
  std::string out;
  if (d.num.hasLo && d.num.loLit)
    out = describeLit(p_, vars_, literal(d.var, d.num.loStrict ? ast::CmpOp::Gt : ast::CmpOp::Ge, d.num.lo));
  if (d.num.hasHi && d.num.hiLit)
    out += (out.empty() ? "" : " 且 ") +
           describeLit(p_, vars_, literal(d.var, d.num.hiStrict ? ast::CmpOp::Lt : ast::CmpOp::Le, d.num.hi));
  return out;
}

// Clauses a and b pay two cells of a grid over two numbers diagonal to each other: their bounds meet
// on both numbers (`营业收入 达 1亿元 以上 且 人数 低于 100` / `营业收入 低于 1亿元 且 人数 达 100 以上`), and
// nothing else sets them apart. A third clause of the target and subject paying the whole of one of
// the two other cells (`营业收入 低于 1亿元 且 人数 低于 100`) makes it a grid of four; the fourth cell
// (`营业收入 ≥ 1亿元 且 人数 ≥ 100`), when no clause pays any applicant in it, is a missing rule (W0624),
// not a division drawn on purpose: one that pays it for some applicants only (another kind, another
// district) leaves it quiet, as does a third clause set apart by anything else.
bool Checker::cornerGap(int a, int b) {
  // Two numbers both conditions read, before the boxes are joined (most pairs have none).
  int shared = 0;
  for (int v : cl_[static_cast<std::size_t>(a)].vars) {
    const auto& bv = cl_[static_cast<std::size_t>(b)].vars;
    if (vars_[v].dom == DomKind::Num && std::binary_search(bv.begin(), bv.end(), v)) ++shared;
  }
  if (shared < 2) return false;
  const std::vector<Box> as = joinedBoxes(pay(a)), bs = joinedBoxes(pay(b));
  if (as.size() != 1 || bs.size() != 1) return false;
  const Box &A = as[0], &B = bs[0];
  std::vector<int> met;
  for (const Dom& da : A.doms) {
    const VarInfo& v = vars_[da.var];
    const Dom* db = boxes_.find(B, da.var);
    if (v.dom == DomKind::Num && v.kind != VarKind::Date && db && meets(da.num, db->num)) met.push_back(da.var);
  }
  if (met.size() != 2) return false;
  const Dom &bR = *boxes_.find(B, met[0]), &aN = *boxes_.find(A, met[1]), &bN = *boxes_.find(B, met[1]);
  // The other two cells; X is the same box drawn from either clause, or something else sets a and b
  // apart.
  const Box X = with(B, aN), Y = with(A, bN);
  const Box X2 = with(A, bR);
  if (!boxes_.sat(X) || !boxes_.sat(Y) || !boxes_.subset(X, X2) || !boxes_.subset(X2, X)) return false;
  std::vector<int> same;
  for (std::size_t k = 0; k < p_.clauses.size(); ++k) {
    const int c = static_cast<int>(k);
    if (p_.clauses[k].target == p_.clauses[static_cast<std::size_t>(a)].target && subject(c) == subject(a) &&
        payIndex_[k] >= 0 && cl_[k].pay && !cl_[k].dead)
      same.push_back(c);
  }
  // The clause paying every applicant of `cell`, if one does.
  auto payingAll = [&](const Box& cell) -> int {
    for (int c : same)
      for (const Box& k : joinedBoxes(pay(c)))
        if (boxes_.subset(cell, k)) return c;
    return -1;
  };
  auto payingNone = [&](const Cond& cell) {
    for (int c : same)
      if (solver_.solve({&pay(c), &cell}).sat != Sat::No) return false;
    return true;
  };
  for (const auto& [missing, opposite] : {std::pair<const Box*, const Box*>{&X, &Y}, {&Y, &X}}) {
    const int fourth = payingAll(*opposite);
    if (fourth < 0 || fourth == a || fourth == b) continue;
    Cond cell = solver_.prepare(boxes_.formula(*missing));
    if (!payingNone(cell)) continue;
    Answer ans = solver_.solve({&cell}, touchOf({a, b}));
    if (ans.sat != Sat::Yes) return false;
    auto unpaidBy = unpaid(a, ans.model);
    if (!unpaidBy) return false;
    const Dom &r = *boxes_.find(*missing, met[0]), &n = *boxes_.find(*missing, met[1]);
    Finding& f = add(FindingKind::CaseRangeGap, a,
                     fmt::format("{} 且 {}, a corner of the grid over {} and {}, is paid by no clause of {}: {} and {} "
                                 "pay the cells beside it and {} the opposite corner",
                                 boundsText(r), boundsText(n), vars_[met[0]].name, vars_[met[1]].name,
                                 targetName(a), cite(a), cite(b), cite(fourth)));
    noteOther(f, b, "the other clause beside it");
    noteOther(f, fourth, "the clause paying the opposite corner");
    f.clauses = *unpaidBy;
    attachWitness(f, ans.model, subject(a));
    return true;
  }
  return false;
}

}  // namespace polc::check
