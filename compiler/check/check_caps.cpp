// Caps: above the programme cap, unreachable, always reached, rates over 100 %, caps not positive.
#include <algorithm>

#include <fmt/format.h>

#include "check/checker.h"

namespace polc::check {

void Checker::caps() {
  for (std::size_t k = 0; k < p_.caps.size(); ++k) programmeCap(static_cast<int>(k));
  for (std::size_t c = 0; c < p_.clauses.size(); ++c) {
    ClauseData& d = cl_[c];
    if (payIndex_[c] < 0 || !d.pay || d.dead) continue;
    itemCaps(static_cast<int>(c));
    rates(static_cast<int>(c), p_.clauses[c].amount[0]);
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
  if (s.kind == Shape::Linear && s.cap && s.coef.sign() > 0) {
    Lit l;
    l.var = s.var;
    l.op = ast::CmpOp::Ge;
    try {
      l.val = (*s.cap - s.offset) / s.coef;
      extra.push_back(solver_.prepare(F::of(l)));
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
                            cite(c), eval::money(*best->toDecimal()),
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
    if (v && v->sign() <= 0) {
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
    if (s.cap->sign() <= 0 && cl.cap.empty()) {
      Finding& f = add(FindingKind::CapNotPositive, c, fmt::format("a cap in the amount of {} is {} or less", cite(c), s.cap->str()));
      f.expectHi = polrt::Decimal();
      if (auto m = atMax(c, i)) attachWitness(f, *m, subject(c));
      continue;
    }
    if (s.kind != Shape::Linear || s.coef.sign() <= 0) continue;
    // The base's interval where this branch pays.
    std::vector<const Cond*> q{&pay(c), &d.guards[i]};
    const Cond& pc = pay(c);
    if (!pc.boxes || !d.guards[i].boxes) continue;
    std::optional<Q> lo, hi;
    bool loStrict = false, hiStrict = false, bounded = true, boundedBelow = true, any = false;
    for (const Box& x : *pc.boxes)
      for (const Box& y : *d.guards[i].boxes) {
        Box m = boxes_.meet(x, y);
        if (!boxes_.sat(m)) continue;
        any = true;
        const Dom* dom = boxes_.find(m, s.var);
        Dom dd = dom ? *dom : boxes_.initial(s.var);
        if (!dd.num.hasHi) bounded = false;
        else if (!hi || dd.num.hi > *hi) {
          hi = dd.num.hi;
          hiStrict = dd.num.hiStrict;
        }
        // One box without a lower bound makes the base unbounded below, whatever the others say.
        if (!dd.num.hasLo) boundedBelow = false;
        else if (!lo || dd.num.lo < *lo) {
          lo = dd.num.lo;
          loStrict = dd.num.loStrict;
        }
      }
    if (!any) continue;
    try {
      const Q& capv = *s.cap;
      const VarInfo& vi = vars_[s.var];
      if (bounded && hi && s.coef * *hi + s.offset < capv) {
        Lit at;
        at.var = s.var;
        at.op = hiStrict ? ast::CmpOp::Lt : ast::CmpOp::Eq;
        at.val = *hi;
        Cond pin = solver_.prepare(F::of(at));
        Answer a = solver_.solve({&pay(c), &d.guards[i], &pin}, d.touch);
        Finding& f = add(FindingKind::CapUnreachable, c,
                         fmt::format("the cap {} of {} is never reached: {} is at most {}, so `{}` pays at most {}",
                                     eval::money(*capv.toDecimal()), cite(c), vi.name,
                                     hi->toDecimal() ? eval::quantity(p_, *hi->toDecimal(), vi.type) : hi->str(),
                                     s.expr ? s.expr->source : "?",
                                     (s.coef * *hi + s.offset).toDecimal() ? eval::money(*(s.coef * *hi + s.offset).toDecimal()) : "?"));
        f.limit = capv.toDecimal();
        if (a.sat == Sat::Yes) attachWitness(f, a.model, subject(c));
      }
      if (boundedBelow && lo && s.coef * *lo + s.offset >= capv) {
        Lit at;
        at.var = s.var;
        at.op = loStrict ? ast::CmpOp::Gt : ast::CmpOp::Eq;
        at.val = *lo;
        Cond pin = solver_.prepare(F::of(at));
        Answer a = solver_.solve({&pay(c), &d.guards[i], &pin}, d.touch);
        Finding& f = add(FindingKind::CapAlwaysReached, c,
                         fmt::format("the cap {} of {} is always reached: {} is at least {}, so `{}` is always at or "
                                     "above the cap and the rate never decides the amount",
                                     eval::money(*capv.toDecimal()), cite(c), vi.name,
                                     lo->toDecimal() ? eval::quantity(p_, *lo->toDecimal(), vi.type) : lo->str(),
                                     s.expr ? s.expr->source : "?"));
        f.limit = capv.toDecimal();
        f.expectHi = capv.toDecimal();
        if (a.sat == Sat::Yes) attachWitness(f, a.model, subject(c));
      }
    } catch (const ArithOverflow&) {
    }
  }
}

// Rates above 100 %: a percentage literal multiplying an amount.
void Checker::rates(int c, const ir::Expr& e) {
  if (e.op == Op::Arith && e.arith == ast::ArithOp::Mul) {
    for (int side = 0; side < 2; ++side) {
      const ir::Expr& k = e.kids[static_cast<std::size_t>(side)];
      const ir::Expr& base = e.kids[static_cast<std::size_t>(1 - side)];
      if (k.op != Op::Const || k.value.type != ir::VType::Num || !k.type.dim.dimensionless()) continue;
      bool percent = k.source.find('%') != std::string::npos || k.source.find("‰") != std::string::npos;
      if (!percent || !(k.value.lo > polrt::Decimal::fromInt(1))) continue;
      rateFinding(c, k, base);
    }
  }
  for (const auto& kid : e.kids) rates(c, kid);
  for (const auto& en : e.entries)
    for (const auto& v : en.value) rates(c, v);
}

void Checker::rateFinding(int c, const ir::Expr& rate, const ir::Expr& base) {
  ClauseData& d = cl_[static_cast<std::size_t>(c)];
  Finding& f = add(FindingKind::RateOver100, c,
                   fmt::format("{} pays `{}` of `{}`: a rate above 100 % pays more than the base", cite(c),
                               rate.source, base.source));
  if (rate.span.valid()) f.span = rate.span;
  // Witness: a branch using this rate, with a base small enough that no cap hides the rate.
  for (std::size_t i = 0; i < d.branches.size(); ++i) {
    const Shape& s = d.branches[i].shape;
    if (!s.expr || s.expr->source.find(rate.source) == std::string::npos) continue;
    std::vector<Cond> extra;
    if (s.kind == Shape::Linear && s.coef.sign() > 0) {
      Lit pos;
      pos.var = s.var;
      pos.op = ast::CmpOp::Gt;
      pos.val = Q(0);
      extra.push_back(solver_.prepare(F::of(pos)));
      if (s.cap) {
        Lit l;
        l.var = s.var;
        l.op = ast::CmpOp::Le;
        try {
          l.val = (*s.cap - s.offset) / s.coef;
          extra.push_back(solver_.prepare(F::of(l)));
        } catch (const ArithOverflow&) {
        }
      }
    }
    std::vector<const Cond*> q{&pay(c), &d.guards[i]};
    for (const auto& x : extra) q.push_back(&x);
    Answer a = solver_.solve(q, d.touch);
    if (a.sat != Sat::Yes && extra.size() > 1) {
      q.pop_back();
      a = solver_.solve(q, d.touch);
    }
    if (a.sat != Sat::Yes) continue;
    attachWitness(f, a.model, subject(c));
    if (s.kind == Shape::Linear) {
      auto it = a.model.find(s.var);
      if (it != a.model.end()) {
        try {
          Q amount = s.coef * it->second.num + s.offset;
          if (s.cap) amount = qmin(amount, *s.cap);
          f.expectHi = amount.toDecimal();
          f.limit = it->second.num.toDecimal();
          f.baseFact = vars_[s.var].name;
          f.help.push_back(fmt::format("the witness's {} is {}; the clause pays {}", vars_[s.var].name,
                                       it->second.num.str(), amount.str()));
        } catch (const ArithOverflow&) {
        }
      }
    }
    return;
  }
  if (d.witness) attachWitness(f, *d.witness, subject(c));
}

}  // namespace polc::check
