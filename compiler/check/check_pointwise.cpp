// Shadowing by amounts compared applicant by applicant: clause b keeps a out of a take-the-highest
// group when, wherever a pays, b pays at least as much *for that applicant* — `超 200万元: 设备投入 ×
// 10%` under `超 100万元: 设备投入 × 12%` — although b's lowest is below a's highest (a rate has no
// ceiling of its own, and its conditions may bound it too loosely). Proven per pair of branches with the solver: no applicant of both
// branches for whom b's amount falls short of a's, caps included.
#include <algorithm>

#include <fmt/format.h>

#include "check/checker.h"

namespace polc::check {

namespace {

// x − y, without the variables whose coefficients cancel (the same rate of the same base).
Lin minus(const Lin& x, const Lin& y) {
  Lin out = x;
  for (const auto& [v, k] : y.coef) {
    Q& c = out.coef[v];
    c = c - k;
    if (c.isZero()) out.coef.erase(v);
  }
  out.c = out.c - y.c;
  return out;
}

// The highest amount the evaluator computes for the shape, before its cap: a constant's or a range's
// upper end (what a group compares), or the linear form of a rate.
std::optional<Lin> uncapped(const Shape& s) {
  if (s.kind == Shape::Const) {
    Lin l;
    l.c = s.hi;
    return l;
  }
  return s.lin();
}

}  // namespace

bool Checker::fixedAmount(int c) const {
  const auto& branches = cl_[static_cast<std::size_t>(c)].branches;
  return !branches.empty() &&
         std::all_of(branches.begin(), branches.end(), [](const Branch& b) { return b.shape.kind == Shape::Const; });
}

std::optional<std::vector<int>> Checker::baseOf(int c) const {
  std::set<int> vars;
  for (const Branch& b : cl_[static_cast<std::size_t>(c)].branches) {
    if (b.shape.kind == Shape::Unknown) return std::nullopt;
    for (const auto& [v, k] : b.shape.terms) vars.insert(v);
  }
  if (vars.empty()) return std::nullopt;
  return std::vector<int>(vars.begin(), vars.end());
}

// Rounding to multiples of u is monotone and moves a value u higher by exactly u, so an amount at
// least u more than another stays more once both are rounded — except with 银行家舍入, where 21.5 and
// 22.5 both round to 22: there more than u, since a half mode rounds within u/2. Without 舍入,
// strictly more.
Checker::Margin Checker::strictlyMore(const ir::Rounding& r) {
  if (!r.present) return Margin{Q(0), true};
  return Margin{Q::fromDecimal(r.unit), r.mode == polrt::RoundingMode::HalfEven};
}

const ir::Rounding& Checker::roundingOf(int c) const {
  return p_.documents[static_cast<std::size_t>(p_.clauses[static_cast<std::size_t>(c)].document)].rounding;
}

// The unit clause c's award is rounded to: 0 without 舍入, which the evaluator pays as computed.
Q Checker::unitOf(int c) const {
  const ir::Rounding& r = roundingOf(c);
  return r.present ? Q::fromDecimal(r.unit) : Q(0);
}

// How much more than a's amount b must pay to be kept: the evaluator compares the rounded amounts and
// settles a tie by 优先 and document and citation order. With the 舍入 both documents share: when b
// wins ties, as much is enough (rounding is monotone); when it loses them, strictlyMore().
//
// Documents that round differently, to units u_a and u_b (0 without 舍入): every mode rounds to a
// multiple of its unit less than a unit away (half modes within half a unit, 舍去 / 向下取整 down, 进一 /
// 向上取整 up), so with x and y the amounts before rounding, a's is paid at most x + u_a and b's at
// least y − u_b, each bound strict when its unit is above 0. Hence
//   round_b(y) − round_a(x) ≥ y − x − (u_a + u_b), strictly when u_a + u_b > 0,
// and y ≥ x + u_a + u_b leaves b paid strictly more, which wins whatever the tie rule: δ = u_a + u_b,
// b short when y < x + δ. (A sum of 0, from a unit of 0 that lower.cpp rejects, would give no strict
// bound: strictly more, as without 舍入.) One unit each way is more than the half modes need; it is
// the bound every mode keeps.
Checker::Margin Checker::marginOf(const ir::Group& g, int a, int b) const {
  const ir::Rounding& ra = roundingOf(a);
  const ir::Rounding& rb = roundingOf(b);
  if (ra.present == rb.present && (!ra.present || (ra.unit == rb.unit && ra.mode == rb.mode))) {
    if (winsTie(g, b, a)) return Margin{Q(0), false};
    return strictlyMore(ra);
  }
  const Q spread = unitOf(a) + unitOf(b);
  return Margin{spread, spread.sign() <= 0};
}

// `x op y`, one literal; nullopt when the difference cannot be one (a date, 往年最高 in a sum).
std::optional<F> Checker::compareLin(const Lin& x, const Lin& y, ast::CmpOp op) {
  Lin d = minus(x, y);
  if (d.coef.empty()) {
    bool holds = op == ast::CmpOp::Lt ? d.c.sign() < 0 : d.c.sign() <= 0;
    return holds ? F::t() : F::f();
  }
  auto l = tr_.literal(d, op);
  if (!l) return std::nullopt;
  return F::of(*l);
}

// The applicants for whom branch shape y (of b) pays less than x (of a) plus the margin:
// min(Ly, cy) < min(Lx, cx) + δ  ⇔  (Ly < Lx + δ ∧ Ly < cx + δ) ∨ (cy < Lx + δ ∧ cy < cx + δ), with
// ≤ for `orEqual` and a missing cap as +∞. nullopt when a comparison is not linear.
std::optional<F> Checker::shortfall(const Shape& x, const Shape& y, const Margin& m) {
  auto lx = uncapped(x), ly = uncapped(y);
  if (!lx || !ly) return std::nullopt;
  const ast::CmpOp op = m.orEqual ? ast::CmpOp::Le : ast::CmpOp::Lt;
  lx->c = lx->c + m.delta;
  std::optional<Lin> cx;
  if (x.cap) {
    cx = Lin{};
    cx->c = *x.cap + m.delta;
  }
  std::vector<F> sides;
  for (const std::optional<Lin>& low : {std::optional<Lin>(*ly), y.cap ? std::optional<Lin>(Lin{{}, *y.cap}) : std::nullopt}) {
    if (!low) continue;
    std::vector<F> both;
    for (const std::optional<Lin>& high : {lx, cx}) {
      if (!high) continue;
      auto f = compareLin(*low, *high, op);
      if (!f) return std::nullopt;
      both.push_back(std::move(*f));
    }
    sides.push_back(F::all(std::move(both)));
  }
  return F::any(std::move(sides));
}

// Whether, wherever `when` holds (a pays), b pays at least a's amount plus the margin: for each pair of
// branches, no applicant of both falls short. b's caps must all be constants the shapes hold; a
// table with more branches than the translation keeps (64) is left out, its last branches unknown.
bool Checker::outpays(const ir::Group& g, int a, int b, const Cond& when) {
  const ClauseData& da = cl_[static_cast<std::size_t>(a)];
  const ClauseData& db = cl_[static_cast<std::size_t>(b)];
  constexpr std::size_t kMaxPairs = 64;
  if (da.branches.empty() || db.branches.empty() || da.branches.size() * db.branches.size() > kMaxPairs) return false;
  if (!db.capsRead) return false;
  const Margin margin = marginOf(g, a, b);
  try {
    for (std::size_t i = 0; i < da.branches.size(); ++i)
      for (std::size_t j = 0; j < db.branches.size(); ++j) {
        auto less = shortfall(da.branches[i].shape, db.branches[j].shape, margin);
        if (!less) return false;
        Cond v = solver_.prepare(std::move(*less));
        if (solver_.solve({&when, &da.guards[i], &db.guards[j], &v}).sat != Sat::No) return false;
      }
  } catch (const ArithOverflow&) {
    return false;
  }
  return true;
}

namespace {

// A clause's amount as written, with its 上限.
std::string amountSource(const ir::Clause& c) {
  return c.amount[0].source + (c.cap.empty() ? "" : " 上限 " + c.cap[0].source);
}

}  // namespace

std::string Checker::byEachText(const ir::Group& g, int a, int b) const {
  return fmt::format("{} to every such applicant (`{}` vs `{}`)", winsTie(g, b, a) ? "at least as much" : "more",
                     amountSource(p_.clauses[static_cast<std::size_t>(b)]),
                     amountSource(p_.clauses[static_cast<std::size_t>(a)]));
}

}  // namespace polc::check
