// Amounts below zero (W0636). An award is never below 0: the evaluator stops with an error for an
// applicant whose amount is negative (docs/ir.md, step 6), so a branch whose amount is a negative
// constant (`省级: -20万元`, `10万元 - 20万元`) fails every applicant that reaches it. The policy must
// say when the clause pays nothing with a condition. The other findings about such a clause's tiers
// would need its witness evaluated, which fails, so tiers() leaves the clause to this one.
#include <fmt/format.h>

#include "check/checker.h"
#include "check/replay.h"

namespace polc::check {

// A condition the solver cannot model (a text compared, `名称 == "甲"`) is a free variable to it, so its
// applicant may not meet the condition: the last finding is kept only when the evaluator shows it.
// A finding not shown is a missed finding, never a false one.
void Checker::keepIfShown() {
  if (!out_.findings.empty() && !replay(m_, p_, out_.findings.back()).ok) out_.findings.pop_back();
}

// A negative constant, or a cap below 0 (`上限 -60万元`, `封顶 -5万元`): the evaluators stop at either.
bool Checker::negativeBranch(int c, std::size_t bi) const {
  const Shape& s = cl_[static_cast<std::size_t>(c)].branches[bi].shape;
  return (s.kind == Shape::Const && (s.lo.sign() < 0 || s.hi.sign() < 0)) || (s.cap && s.cap->sign() < 0);
}

bool Checker::alwaysBelowZero(int c) const {
  const auto& branches = cl_[static_cast<std::size_t>(c)].branches;
  for (std::size_t i = 0; i < branches.size(); ++i)
    if (!negativeBranch(c, i)) return false;
  return !branches.empty();
}

bool Checker::paysBelowZero(int c) const {
  for (std::size_t i = 0; i < cl_[static_cast<std::size_t>(c)].branches.size(); ++i)
    if (negativeBranch(c, i)) return true;
  return false;
}

void Checker::negativeAmounts(int c) {
  capBelowZero(c);
  const auto& branches = cl_[static_cast<std::size_t>(c)].branches;
  for (std::size_t i = 0; i < branches.size(); ++i) {
    if (!negativeBranch(c, i)) {
      linearBelowZero(c, i);
      continue;
    }
    auto model = atMax(c, i);
    if (!model) continue;  // a branch no applicant reaches (W0621)
    const Shape& s = branches[i].shape;
    const auto [where, who] = branchWhere(c, i);
    auto lo = s.lo.toDecimal(), hi = s.hi.toDecimal();
    const std::string amount = lo && hi ? eval::amountText(*lo, *hi, s.form) : moneyText(s.lo);
    const bool capBelow = s.cap && s.cap->sign() < 0;
    Finding& f = add(FindingKind::NegativeAmount, c,
                     capBelow ? fmt::format("{}{} has the cap {}, below 0: an award is never negative, so the "
                                            "evaluation stops with an error for every applicant of {}",
                                            cite(c), where, moneyText(*s.cap), who)
                              : fmt::format("{}{} pays {}, below 0: an award is never negative, so the evaluation "
                                            "stops with an error for every applicant of {}",
                                            cite(c), where, amount, who));
    const ir::Clause& cl = p_.clauses[static_cast<std::size_t>(c)];
    if (capBelow && !cl.cap.empty() && tr_.constant(cl.cap[0]) == *s.cap && cl.cap[0].span.valid())
      f.span = cl.cap[0].span;
    else if (s.expr && s.expr->span.valid())
      f.span = s.expr->span;
    f.help.push_back("say when the clause pays nothing with a condition (条件), or pay 0元 there");
    attachWitness(f, *model, subject(c));
    keepIfShown();
  }
}

// An applicant of clause c meeting `when` for whom the linear form is below 0, with the form's value.
std::optional<std::pair<Assignment, Q>> Checker::belowZero(int c, const Lin& form, const Cond* when) {
  std::vector<Cond> below;
  try {
    if (auto l = tr_.literal(form, ast::CmpOp::Lt)) below.push_back(solver_.prepare(F::of(*l)));
  } catch (const ArithOverflow&) {
  }
  if (below.empty()) return std::nullopt;
  std::vector<const Cond*> q{&pay(c), &below.front()};
  if (when) q.push_back(when);
  Answer a = solver_.solve(q, cl_[static_cast<std::size_t>(c)].touch);
  if (a.sat != Sat::Yes) return std::nullopt;
  auto v = valueAt(form, a.model);
  if (!v || v->sign() >= 0) return std::nullopt;
  return std::make_pair(std::move(a.model), *v);
}

// A rate of a number that can be below 0 (`增量(营业收入) × 5%`, a revenue that fell) or an amount with
// a negative part (`投资 × 10% - 5万元`) is below 0 for some applicants the branch pays: their
// evaluation stops. The solver finds one; its amount is linear, so the witness's is the form's value.
void Checker::linearBelowZero(int c, std::size_t bi) {
  ClauseData& d = cl_[static_cast<std::size_t>(c)];
  const Shape& s = d.branches[bi].shape;
  auto form = s.lin();
  if (!form) return;
  auto found = belowZero(c, *form, &d.guards[bi]);
  if (!found) return;
  const auto [where, who] = branchWhere(c, bi);
  Finding& f = add(FindingKind::NegativeAmount, c,
                   fmt::format("{}{} can pay below 0: `{}` is {} for the witness, and an award is never negative, so "
                               "the evaluation stops with an error for such an applicant of {}",
                               cite(c), where, s.expr ? s.expr->source : "?", moneyText(found->second), who));
  if (s.expr && s.expr->span.valid()) f.span = s.expr->span;
  f.help.push_back("say with a condition (条件) when the clause pays nothing, e.g. that the base is above 0");
  attachWitness(f, found->first, subject(c));
  keepIfShown();
}

// A clause's 上限 that is not a constant (the shapes leave it out) and is below 0 for an applicant the
// clause pays (`上限 取证人数 × 100元 - 10万元`): the evaluators stop there as for a negative amount.
void Checker::capBelowZero(int c) {
  const ir::Clause& cl = p_.clauses[static_cast<std::size_t>(c)];
  if (cl.cap.empty() || tr_.constant(cl.cap[0])) return;
  auto form = tr_.lin(cl.cap[0]);
  if (!form) return;
  auto found = belowZero(c, *form, nullptr);
  if (!found) return;
  Finding& f = add(FindingKind::NegativeAmount, c,
                   fmt::format("the cap `{}` of {} is {} for the witness, below 0: a cap is never negative, so the "
                               "evaluation stops with an error for such an applicant",
                               cl.cap[0].source, cite(c), moneyText(found->second)));
  if (cl.cap[0].span.valid()) f.span = cl.cap[0].span;
  f.help.push_back("say with a condition (条件) when the clause pays nothing");
  attachWitness(f, found->first, subject(c));
  keepIfShown();
}

}  // namespace polc::check
