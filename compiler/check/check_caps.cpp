// Caps: above the programme cap, unreachable, always reached (a rate's or a constant's), caps not
// positive.
#include <algorithm>

#include <fmt/format.h>

#include "check/checker.h"
#include "check/extent.h"

namespace polc::check {

void Checker::caps() {
  for (std::size_t k = 0; k < p_.caps.size(); ++k) programmeCap(static_cast<int>(k));
  for (std::size_t c = 0; c < p_.clauses.size(); ++c) {
    ClauseData& d = cl_[c];
    if (payIndex_[c] < 0 || !d.pay || d.dead) continue;
    itemCaps(static_cast<int>(c));
    rates(static_cast<int>(c), p_.clauses[c].amount[0]);
    roundingMoves(static_cast<int>(c));
    negativeAmounts(static_cast<int>(c));
  }
}

Span Checker::capSpan(int k) const {
  const auto& mk = m_.caps[static_cast<std::size_t>(k)];
  return mk.decl ? mk.decl->name.span : Span{};
}

// An applicant for which branch `bi` of clause c pays its highest amount.
std::optional<Assignment> Checker::atMax(int c, std::size_t bi) {
  ClauseData& d = cl_[static_cast<std::size_t>(c)];
  const Shape& s = d.branches[bi].shape;
  std::vector<Cond> extra;
  // A rate (of one base or of a sum) pays its highest at its cap: the amount at least the cap. A
  // range of rates (每吨300元至500元 × 节能量 封顶 50万元) reaches it with its upper end.
  std::optional<Lin> form = s.lin();
  if (!form && s.cap && s.expr) form = tr_.upperEnd(*s.expr);
  if (form && s.cap) {
    try {
      Lin over = *form;
      over.c = over.c - *s.cap;
      if (auto l = tr_.literal(over, ast::CmpOp::Ge)) extra.push_back(solver_.prepare(F::of(*l)));
    } catch (const ArithOverflow&) {
    }
  }
  std::vector<const Cond*> q{&pay(c), &d.guards[bi]};
  for (const auto& e : extra) q.push_back(&e);
  Answer a = solver_.solve(q, d.touch);
  if (a.sat == Sat::Yes) return a.model;
  return std::nullopt;
}

void Checker::programmeCap(int k) {
  const ir::Cap& cap = p_.caps[static_cast<std::size_t>(k)];
  Q limit = Q::fromDecimal(cap.amount);
  if (limit.sign() <= 0) {
    Finding f;
    f.kind = FindingKind::CapNotPositive;
    f.message = fmt::format("the cap {} is {}: every award it covers is cut to nothing", cap.name, eval::money(cap.amount));
    f.span = capSpan(k);
    f.group = cap.name;
    f.limit = cap.amount;
    for (int c : cap.clauses)
      if (payIndex_[static_cast<std::size_t>(c)] >= 0 && cl_[static_cast<std::size_t>(c)].witness) {
        f.clauses.push_back(c);
        out_.findings.push_back(f);
        attachWitness(out_.findings.back(), *cl_[static_cast<std::size_t>(c)].witness, subject(c));
        break;
      }
    if (f.clauses.empty()) out_.findings.push_back(f);
    return;
  }
  for (int c : cap.clauses) {
    ClauseData& d = cl_[static_cast<std::size_t>(c)];
    if (payIndex_[static_cast<std::size_t>(c)] < 0 || !d.pay || d.dead) continue;
    std::optional<Q> best;
    std::size_t bi = 0;
    for (std::size_t i = 0; i < d.branches.size(); ++i) {
      auto h = d.branches[i].shape.maxHi();
      if (h && (!best || *h > *best)) {
        best = h;
        bi = i;
      }
    }
    if (!best || *best <= limit) continue;
    auto model = atMax(c, bi);
    if (!model) continue;
    Finding f;
    f.kind = FindingKind::CapAboveProgramme;
    f.message = fmt::format("{} can pay up to {} for one {}, above the {} cap {} of {} that contains it: the item "
                            "cap is never reached",
                            cite(c), moneyText(*best),
                            p_.subjects[static_cast<std::size_t>(subject(c))].name,
                            cap.period == ir::CapPeriod::Annual ? "annual" : cap.period == ir::CapPeriod::Cumulative ? "cumulative" : "programme",
                            cap.name, eval::money(cap.amount));
    f.span = capSpan(k);
    f.group = cap.name;
    f.limit = cap.amount;
    f.expectHi = best->toDecimal();
    f.clauses.push_back(c);
    f.notes.push_back(DiagNote{span(c), "the item: " + cite(c) + " " + quote(c)});
    f.notes.push_back(DiagNote{Span{}, ruleNote("the cap", cap.name, cap.text)});
    out_.findings.push_back(std::move(f));
    attachWitness(out_.findings.back(), *model, subject(c));
  }
}

void Checker::itemCaps(int c) {
  ClauseData& d = cl_[static_cast<std::size_t>(c)];
  const ir::Clause& cl = p_.clauses[static_cast<std::size_t>(c)];
  if (!cl.cap.empty()) {
    auto v = tr_.constant(cl.cap[0]);
    if (v && v->sign() == 0) {  // below 0 stops the evaluation: W0636
      Finding& f = add(FindingKind::CapNotPositive, c,
                       fmt::format("the cap of {} is {}: the clause never pays anything", cite(c), cl.cap[0].source));
      if (cl.cap[0].span.valid()) f.span = cl.cap[0].span;
      f.expectHi = polrt::Decimal();
      if (d.witness) attachWitness(f, *d.witness, subject(c));
    }
  }
  for (std::size_t i = 0; i < d.branches.size(); ++i) {
    const Shape& s = d.branches[i].shape;
    if (!s.cap) continue;
    if (s.cap->sign() <= 0) {
      if (!cl.cap.empty() || s.cap->sign() < 0) continue;  // the clause's cap, reported above; below 0, W0636
      Finding& f = add(FindingKind::CapNotPositive, c, fmt::format("a cap in the amount of {} is 0", cite(c)));
      f.expectHi = polrt::Decimal();
      if (auto m = atMax(c, i)) attachWitness(f, *m, subject(c));
      continue;
    }
    if (s.kind == Shape::Const) {
      constantOverCap(c, i);
      continue;
    }
    // A rate of one base or of a sum of bases (every part paid at a positive rate): where the
    // branch pays, the extent of the amount against the cap.
    auto form = s.lin();
    if (!form) continue;
    bool positive = true;
    for (const auto& [v, k] : form->coef) positive = positive && k.sign() > 0;
    const Cond& pc = pay(c);
    if (!positive || !pc.boxes || !d.guards[i].boxes) continue;
    Extent x = extentOf(boxes_, vars_, *pc.boxes, *d.guards[i].boxes, *form);
    if (!x.any) continue;
    if (x.hi && x.hi->value < *s.cap) capNeverReached(c, i, *x.hi);
    if (x.lo && x.lo->value >= *s.cap) capAlwaysReached(c, i, *x.lo);
  }
}

// "企业.营业收入 is at least 1亿元 and …": the ends of the parts that bound an amount.
std::string Checker::endsText(const End& end, bool low) const {
  std::string out;
  for (const AtBound& b : end.parts) {
    const char* is = low ? (b.strict ? " is more than " : " is at least ") : (b.strict ? " is less than " : " is at most ");
    out += (out.empty() ? "" : " and ") + vars_[b.var].name + is + describeValue(p_, vars_[b.var], b.value);
  }
  return out;
}

// An applicant branch `bi` of clause c pays with every part of the amount at its end (strictly
// inside it, for an end the interval stops short of); or, when the parts cannot all sit there
// together (the parts of a sum the conditions also bound), any applicant of the branch.
std::optional<Assignment> Checker::atEnd(int c, std::size_t bi, const End& end, bool low) {
  ClauseData& d = cl_[static_cast<std::size_t>(c)];
  std::vector<Cond> pins;
  for (const AtBound& b : end.parts) {
    const ast::CmpOp op = !b.strict ? ast::CmpOp::Eq : low ? ast::CmpOp::Gt : ast::CmpOp::Lt;
    pins.push_back(solver_.prepare(F::of(literal(b.var, op, b.value))));
  }
  std::vector<const Cond*> q{&pay(c), &d.guards[bi]};
  for (const auto& p : pins) q.push_back(&p);
  Answer a = solver_.solve(q, d.touch);
  if (a.sat != Sat::Yes) a = solver_.solve({&pay(c), &d.guards[bi]}, d.touch);
  if (a.sat == Sat::Yes) return a.model;
  return std::nullopt;
}

// A finding about one branch of a 分档 / 分情形 / 若 speaks of that branch: "the clause always pays
// the cap" was said of a table whose other tiers pay less than the cap.
std::pair<std::string, std::string> Checker::branchWhere(int c, std::size_t bi) const {
  const auto& branches = cl_[static_cast<std::size_t>(c)].branches;
  if (branches.size() < 2) return {"", "the clause"};
  const Branch& b = branches[bi];
  if (b.node && b.entry >= 0) {
    const char* what = b.node->op == Op::Tiers ? "tier" : "case";
    return {fmt::format(" in its {} `{}`", what, entryName(*b.node, static_cast<std::size_t>(b.entry))),
            fmt::format("that {}", what)};
  }
  return {fmt::format(" where it pays `{}`", b.shape.expr ? b.shape.expr->source : "?"), "that branch"};
}

void Checker::capNeverReached(int c, std::size_t bi, const End& hi) {
  const Shape& s = cl_[static_cast<std::size_t>(c)].branches[bi].shape;
  Finding& f = add(FindingKind::CapUnreachable, c,
                   fmt::format("the cap {} of {} is never reached{}: {}, so `{}` pays at most {}", moneyText(*s.cap),
                               cite(c), branchWhere(c, bi).first, endsText(hi, false), s.expr ? s.expr->source : "?",
                               moneyText(hi.value)));
  f.limit = s.cap->toDecimal();
  if (auto m = atEnd(c, bi, hi, false)) attachWitness(f, *m, subject(c));
}

void Checker::capAlwaysReached(int c, std::size_t bi, const End& lo) {
  const Shape& s = cl_[static_cast<std::size_t>(c)].branches[bi].shape;
  Finding& f = add(FindingKind::CapAlwaysReached, c,
                   fmt::format("the cap {} of {} is always reached{}: {}, so `{}` is always at or above the cap and the "
                               "rate never decides the amount",
                               moneyText(*s.cap), cite(c), branchWhere(c, bi).first, endsText(lo, true),
                               s.expr ? s.expr->source : "?"));
  f.limit = s.cap->toDecimal();
  f.expectHi = s.cap->toDecimal();
  if (auto m = atEnd(c, bi, lo, true)) attachWitness(f, *m, subject(c));
}

// A constant amount above its own cap (`给予 50万元 上限 20万元`): the cap always cuts it, so one of
// the two numbers is wrong. An amount at its cap is only said twice, and is not reported.
void Checker::constantOverCap(int c, std::size_t bi) {
  const Shape& s = cl_[static_cast<std::size_t>(c)].branches[bi].shape;
  auto lo = s.lo.toDecimal(), hi = s.hi.toDecimal();
  if (!(s.hi > *s.cap) || !lo || !hi) return;
  auto model = atMax(c, bi);
  if (!model) return;  // a branch nobody reaches is reported as such (W0621)
  std::string amount = eval::amountText(*lo, *hi, s.form);
  const auto [where, who] = branchWhere(c, bi);
  Finding& f = add(FindingKind::CapAlwaysReached, c,
                   s.lo > *s.cap
                       ? fmt::format("the cap {} of {} is always reached{}: the amount {} is above it, so {} "
                                     "always pays the cap and one of the two numbers is wrong",
                                     moneyText(*s.cap), cite(c), where, amount, who)
                       : fmt::format("the cap {} of {} is always reached{}: the amount {} goes above it, so the cap "
                                     "always cuts its upper end and one of the two numbers is wrong",
                                     moneyText(*s.cap), cite(c), where, amount));
  f.limit = s.cap->toDecimal();
  f.expectHi = s.cap->toDecimal();
  attachWitness(f, *model, subject(c));
}

}  // namespace polc::check
