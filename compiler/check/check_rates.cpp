// Rates above 100 % (W0633): the constant factors of a product, one of them written as a percentage,
// paying more than the base (`设备投入 × 120%`, `设备投入 × 60% × 2`, `设备投入 × (50% 至 150%)`), or
// an amount of money times plain numbers above 1 (`设备投入 × 8`, the % left out).
#include <fmt/format.h>

#include "check/checker.h"

namespace polc::check {

namespace {

bool contains(const ir::Expr& root, const ir::Expr* node) {
  if (&root == node) return true;
  for (const auto& k : root.kids)
    if (contains(k, node)) return true;
  for (const auto& en : root.entries)
    for (const auto& v : en.value)
      if (contains(v, node)) return true;
  return false;
}

// `设备投入 × 8` for 8 %: one amount of money times plain numbers above 1 is a multiple of the base,
// which a subsidy never pays; the rate was written without its %. Two facts or more (`上年(地方贡献) ×
// 2 × 增幅`) are a formula, not a rate.
bool moneyTimesPlainNumbers(const Product& p) {
  return p.base.size() == 1 && p.base[0]->type.isNumber() && p.base[0]->type.dim == Dimension::base(0);
}

}  // namespace

void Checker::rates(int c, const ir::Expr& e) {
  if (auto prod = productOf(e, tr_)) {
    if ((prod->percent || moneyTimesPlainNumbers(*prod)) && prod->hi > Q(1) && !prod->base.empty())
      rateFinding(c, *prod);
    for (const ir::Expr* b : prod->base) rates(c, *b);
    return;
  }
  for (const auto& kid : e.kids) rates(c, kid);
  for (const auto& en : e.entries)
    for (const auto& v : en.value) rates(c, v);
}

void Checker::rateFinding(int c, const Product& prod) {
  ClauseData& d = cl_[static_cast<std::size_t>(c)];
  const bool range = prod.lo != prod.hi;
  // A single percentage says the rate; a product or a range also gets the rate it comes to.
  std::string rate = prod.oneLiteral() && !range && prod.percent
                         ? fmt::format("`{}`", prod.rateText())
                         : fmt::format("`{}` ({}{} %)", prod.rateText(), range ? "up to " : "", (prod.hi * Q(100)).str());
  Finding& f = add(FindingKind::RateOver100, c,
                   fmt::format("{} pays {} of `{}`: a rate above 100 % pays more than the base", cite(c), rate,
                               prod.baseText()));
  Span where;
  for (const auto* parts : {&prod.times, &prod.divides})
    for (const ir::Expr* k : *parts) where = Span::cover(where, k->span);
  if (where.valid()) f.span = where;
  if (!prod.percent && prod.oneLiteral())
    f.help.push_back(fmt::format("a rate is written with its %: `{0}%` for {0} %", prod.rateText()));
  // Witness: a branch paying this product, with a positive base small enough that no cap hides the
  // rate.
  const auto base = baseLin(prod, tr_);
  for (std::size_t i = 0; i < d.branches.size(); ++i) {
    const Shape& s = d.branches[i].shape;
    if (!s.expr || !contains(*s.expr, prod.node)) continue;
    // The amount's upper end: the branch's own linear form, or the rate's top end times the base.
    std::optional<Lin> top = s.lin();
    std::vector<Cond> extra;
    bool capped = false;
    try {
      if (!top && base && s.expr == prod.node) top = base->times(prod.hi);
      if (base)
        if (auto l = tr_.literal(*base, ast::CmpOp::Gt)) extra.push_back(solver_.prepare(F::of(*l)));
      if (top && s.cap) {
        Lin over = *top;
        over.c = over.c - *s.cap;
        if (auto l = tr_.literal(over, ast::CmpOp::Le)) {
          extra.push_back(solver_.prepare(F::of(*l)));
          capped = true;
        }
      }
    } catch (const ArithOverflow&) {
    }
    std::vector<const Cond*> q{&pay(c), &d.guards[i]};
    for (const auto& x : extra) q.push_back(&x);
    Answer a = solver_.solve(q, d.touch);
    if (a.sat != Sat::Yes && capped) {
      q.pop_back();
      a = solver_.solve(q, d.touch);
    }
    if (a.sat != Sat::Yes) continue;
    attachWitness(f, a.model, subject(c));
    auto amount = top ? valueAt(*top, a.model) : std::nullopt;
    auto paid = base ? valueAt(*base, a.model) : std::nullopt;
    if (amount && paid) {
      if (s.cap) amount = qmin(*amount, *s.cap);
      f.expectHi = amount->toDecimal();
      f.limit = paid->toDecimal();
      const bool oneFact = base->coef.size() == 1 && base->coef.begin()->second == Q(1) && base->c.isZero();
      f.baseFact = oneFact ? vars_[base->coef.begin()->first].name : "`" + prod.baseText() + "`";
      // The base in its fact's unit (a sum of facts is in the unit of its first part).
      const std::string baseValue =
          oneFact ? describeValue(p_, vars_[base->coef.begin()->first], *paid) : moneyText(*paid);
      f.help.push_back(fmt::format("the witness's {} is {}; the clause pays {}{}", f.baseFact, baseValue,
                                   range ? "up to " : "", moneyText(*amount)));
    }
    return;
  }
  if (d.witness) attachWitness(f, *d.witness, subject(c));
}

}  // namespace polc::check
