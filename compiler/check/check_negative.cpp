// Amounts below zero (W0636). An award is never below 0: the evaluator stops with an error for an
// applicant whose amount is negative (docs/ir.md, step 6), so a branch whose amount is a negative
// constant (`省级: -20万元`, `10万元 - 20万元`) fails every applicant that reaches it. The policy must
// say when the clause pays nothing with a condition. The other findings about such a clause's tiers
// would need its witness evaluated, which fails, so tiers() leaves the clause to this one.
#include <fmt/format.h>

#include "check/checker.h"

namespace polc::check {

bool Checker::negativeBranch(int c, std::size_t bi) const {
  const Shape& s = cl_[static_cast<std::size_t>(c)].branches[bi].shape;
  return s.kind == Shape::Const && (s.lo.sign() < 0 || s.hi.sign() < 0);
}

bool Checker::paysBelowZero(int c) const {
  for (std::size_t i = 0; i < cl_[static_cast<std::size_t>(c)].branches.size(); ++i)
    if (negativeBranch(c, i)) return true;
  return false;
}

void Checker::negativeAmounts(int c) {
  const auto& branches = cl_[static_cast<std::size_t>(c)].branches;
  for (std::size_t i = 0; i < branches.size(); ++i) {
    if (!negativeBranch(c, i)) continue;
    auto model = atMax(c, i);
    if (!model) continue;  // a branch no applicant reaches (W0621)
    const Shape& s = branches[i].shape;
    const auto [where, who] = branchWhere(c, i);
    auto lo = s.lo.toDecimal(), hi = s.hi.toDecimal();
    const std::string amount = lo && hi ? eval::amountText(*lo, *hi, s.form) : moneyText(s.lo);
    Finding& f = add(FindingKind::NegativeAmount, c,
                     fmt::format("{}{} pays {}, below 0: an award is never negative, so the evaluation stops with an "
                                 "error for every applicant of {}",
                                 cite(c), where, amount, who));
    if (s.expr && s.expr->span.valid()) f.span = s.expr->span;
    f.help.push_back("say when the clause pays nothing with a condition (条件), or pay 0元 there");
    attachWitness(f, *model, subject(c));
  }
}

}  // namespace polc::check
