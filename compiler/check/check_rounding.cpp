// Written amounts the document's 舍入 moves (W0635). The evaluator rounds an award after its caps
// (docs/ir.md, step 6), so a cap that is not a multiple of the rounding unit is paid above itself
// when the mode rounds it up (`上限 10.5万元` under `舍入 1万元 进一` pays 11万元 at the cap, which
// the text forbids), and a fixed amount that is not one is paid other than as written (`给予 10.5万元`
// paid 11万元, or 10万元 under 舍去). Either way the text and its rounding disagree, and only the
// policy writer can say which one is meant.
#include <fmt/format.h>

#include "check/checker.h"

namespace polc::check {

void Checker::roundingMoves(int c) {
  const ir::Clause& cl = p_.clauses[static_cast<std::size_t>(c)];
  const ir::Rounding& r = roundingOf(c);
  // A cap that is not a constant (`上限 投资 × 10%`) is not in the shapes and can cut the amount
  // below what is written: the applicant at the written amount or cap may be paid less.
  if (!r.present || !cl_[static_cast<std::size_t>(c)].capsRead) return;
  const auto& branches = cl_[static_cast<std::size_t>(c)].branches;
  for (std::size_t i = 0; i < branches.size(); ++i) {
    const Shape& s = branches[i].shape;
    // What the text says the branch pays at most: its constant, or its cap when that cuts it.
    const bool capped = s.cap && (s.kind != Shape::Const || *s.cap < s.hi);
    if (s.kind != Shape::Const && !(capped && s.lin())) continue;
    const Q limit = capped ? *s.cap : s.hi;
    if (limit.sign() <= 0) continue;  // W0634
    const auto paid = rounded(c, limit);
    // A cap rounded down is still kept: only the amount rounded above it breaks the text.
    if (!paid || *paid == limit || (capped && *paid < limit)) continue;
    auto model = atMax(c, i);
    if (!model) continue;  // a branch no applicant reaches (W0621), or a cap none reaches (W0631)
    const std::string where = branchWhere(c, i).first;
    const std::string unit = eval::money(r.unit);
    Finding& f = add(FindingKind::RoundingMovesAmount, c,
                     capped ? fmt::format("the cap {} of {}{} is not a multiple of the rounding unit {}: `舍入 {}` pays "
                                          "an applicant at the cap {}, above it",
                                          moneyText(limit), cite(c), where, unit, r.text, moneyText(*paid))
                            : fmt::format("the amount {} of {}{} is not a multiple of the rounding unit {}: `舍入 {}` "
                                          "pays it as {}",
                                          moneyText(limit), cite(c), where, unit, r.text, moneyText(*paid)));
    const bool clauseCap = capped && !cl.cap.empty() && tr_.constant(cl.cap[0]) == limit;
    if (clauseCap && cl.cap[0].span.valid())
      f.span = cl.cap[0].span;
    else if (!capped && s.expr && s.expr->span.valid())
      f.span = s.expr->span;
    f.limit = limit.toDecimal();
    f.expectHi = paid->toDecimal();
    f.help.push_back(fmt::format("write the {} as a multiple of {}, or round to a unit that divides it",
                                 capped ? "cap" : "amount", unit));
    attachWitness(f, *model, subject(c));
    keepIfShown();
  }
}

}  // namespace polc::check
