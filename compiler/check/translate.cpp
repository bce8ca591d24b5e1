#include "check/translate.h"

namespace polc::check {

using ir::Op;
using C = ast::CmpOp;

Lin Lin::times(const Q& k) const {
  Lin out = *this;
  for (auto& [v, c] : out.coef) c = c * k;
  out.c = out.c * k;
  return out;
}

std::optional<Q> valueAt(const Lin& l, const Assignment& a) {
  try {
    Q out = l.c;
    for (const auto& [v, k] : l.coef) {
      auto it = a.find(v);
      if (it == a.end()) return std::nullopt;
      out = out + k * it->second.num;
    }
    return out;
  } catch (const ArithOverflow&) {
    return std::nullopt;
  }
}

std::optional<Periods> periodsOf(const ir::Parameter& p) {
  Periods out;
  for (const auto& en : p.entries) {
    if (en.value.type != ir::VType::Num || en.value.form != AmountForm::Exact) return std::nullopt;
    out.push_back({en.day, Q::fromDecimal(en.value.lo)});
  }
  return out;
}

std::optional<Q> Shape::maxHi() const {
  std::optional<Q> out;
  if (kind == Const) out = hi;
  if (cap) out = out ? qmin(*out, *cap) : *cap;
  return out;
}

std::optional<Q> Shape::minHi() const {
  if (kind != Const) return std::nullopt;
  return cap ? qmin(hi, *cap) : hi;
}

std::optional<Lin> Shape::lin() const {
  if (kind != Linear && kind != Sum) return std::nullopt;
  Lin l;
  l.coef = terms;
  l.c = offset;
  return l;
}

void Shape::scale(const Q& f) {
  lo = lo * f;
  hi = hi * f;
  coef = coef * f;
  offset = offset * f;
  for (auto& [v, k] : terms) k = k * f;
  if (cap) cap = *cap * f;
}

namespace {

F opaqueOf(const ir::Expr& e, int entry = -1) {
  F f;
  f.op = F::Opaque;
  f.expr = &e;
  f.entry = entry;
  return f;
}

// Enum order: index 0 is the highest; `a op b` on indices.
bool enumHolds(int a, int b, C op) {
  int c = a == b ? 0 : (a < b ? 1 : -1);
  switch (op) {
    case C::Gt: return c > 0;
    case C::Ge: return c >= 0;
    case C::Le: return c <= 0;
    case C::Lt: return c < 0;
    case C::Eq: return c == 0;
    case C::Ne: return c != 0;
  }
  return false;
}

}  // namespace

std::optional<Q> Translator::constant(const ir::Expr& e) {
  auto l = lin(e);
  if (!l || !l->coef.empty() || l->nonlinear) return std::nullopt;
  return l->c;
}

std::optional<Lin> Translator::lin(const ir::Expr& e) {
  try {
    switch (e.op) {
      case Op::Const:
        if (e.value.type == ir::VType::Num) {
          if (e.value.form != AmountForm::Exact) return std::nullopt;
          Lin l;
          l.c = Q::fromDecimal(e.value.lo);
          return l;
        }
        if (e.value.type == ir::VType::Date) {
          Lin l;
          l.c = Q(e.value.day);
          return l;
        }
        return std::nullopt;
      case Op::Fact: {
        if (e.subject < 0) return std::nullopt;
        const auto& t = p_.subjects[e.subject].facts[e.fact].type;
        if (t.kind != TypeKind::Number && t.kind != TypeKind::Date) return std::nullopt;
        Lin l;
        l.coef[var(VarKind::Fact, e.subject, e.fact)] = Q(1);
        return l;
      }
      case Op::Previous: {
        Lin l;
        l.coef[var(VarKind::Prev, e.subject, e.fact)] = Q(1);
        return l;
      }
      case Op::Increase: {
        Lin l;
        l.coef[var(VarKind::Increase, e.subject, e.fact)] = Q(1);
        return l;
      }
      case Op::HistoryMax: {
        Lin l;
        int v = var(VarKind::HistMax, e.subject, e.fact);
        l.coef[v] = Q(1);
        Lit present;
        present.var = v;
        present.op = C::Ge;
        present.val = Q(0);
        side_.push_back(present);
        return l;
      }
      case Op::ParamAt: {
        if (&e == paramAt_) {
          Lin l;
          l.c = paramValue_;
          return l;
        }
        // Read at a fixed date, a parameter is the constant in force then.
        if (e.kids.empty()) return std::nullopt;
        auto day = lin(e.kids[0]);
        auto periods = periodsOf(p_.parameters[static_cast<std::size_t>(e.param)]);
        if (!day || !day->coef.empty() || !periods) return std::nullopt;
        std::optional<Lin> out;
        for (const auto& [from, value] : *periods)
          if (Q(from) <= day->c) {
            out = Lin{};
            out->c = value;
          }
        return out;
      }
      case Op::Neg: {
        auto l = lin(e.kids[0]);
        if (!l) return std::nullopt;
        for (auto& [v, k] : l->coef) k = -k;
        l->c = -l->c;
        return l;
      }
      case Op::Arith: {
        auto a = lin(e.kids[0]);
        auto b = lin(e.kids[1]);
        if (!a || !b) return std::nullopt;
        switch (e.arith) {
          case ast::ArithOp::Add:
          case ast::ArithOp::Sub: {
            Q sign = e.arith == ast::ArithOp::Add ? Q(1) : Q(-1);
            for (auto& [v, k] : b->coef) {
              Q sum = a->coef.count(v) ? a->coef[v] + sign * k : sign * k;
              if (sum.isZero()) a->coef.erase(v);
              else a->coef[v] = sum;
            }
            a->c = a->c + sign * b->c;
            a->nonlinear = a->nonlinear || b->nonlinear;
            return a;
          }
          case ast::ArithOp::Mul: {
            if (!a->coef.empty() && !b->coef.empty()) {
              a->nonlinear = true;
              return a;
            }
            Lin& x = a->coef.empty() ? *b : *a;
            Q k = a->coef.empty() ? a->c : b->c;
            for (auto& [v, c] : x.coef) c = c * k;
            x.c = x.c * k;
            for (auto it = x.coef.begin(); it != x.coef.end();)
              it = it->second.isZero() ? x.coef.erase(it) : std::next(it);
            x.nonlinear = a->nonlinear || b->nonlinear;
            return x;
          }
          case ast::ArithOp::Div: {
            if (!b->coef.empty() || b->c.isZero()) {
              a->nonlinear = true;
              return a;
            }
            for (auto& [v, c] : a->coef) c = c / b->c;
            a->c = a->c / b->c;
            return a;
          }
        }
        return std::nullopt;
      }
      default: return std::nullopt;
    }
  } catch (const ArithOverflow&) {
    return std::nullopt;
  }
}

std::optional<Lit> Translator::literal(const Lin& d, C op) {
  if (d.coef.empty() || d.nonlinear) return std::nullopt;
  try {
    const auto& [first, k] = *d.coef.begin();
    // k·v + c op 0  ⇔  v op' −c/k; with several variables, v is their sum Σ (kᵢ/k)·vᵢ.
    Lit l;
    l.kind = Lit::Cmp;
    l.var = first;
    if (d.coef.size() > 1) {
      Terms terms;
      for (const auto& [v, kv] : d.coef) {
        const VarInfo& vi = vars_[v];
        bool summable = (vi.kind == VarKind::Fact || vi.kind == VarKind::Prev || vi.kind == VarKind::Increase) &&
                        vi.type.kind == TypeKind::Number;
        if (!summable) return std::nullopt;
        terms.push_back({v, kv / k});
      }
      l.var = vars_.sum(terms);
    }
    l.val = -d.c / k;
    l.op = k.sign() > 0 ? op : mirror(op);
    return l;
  } catch (const ArithOverflow&) {
    return std::nullopt;
  }
}

void datedReads(const ir::Expr& e, std::vector<const ir::Expr*>& out) {
  if (e.op == Op::ParamAt && (e.kids.empty() || e.kids[0].op != Op::Const)) out.push_back(&e);
  for (const auto& k : e.kids) datedReads(k, out);
}

std::optional<Lin> Translator::dayRead(const ir::Expr& read) {
  // The date a parameter is read at: the evaluation date, or a date fact (plus days).
  Lin day;
  if (read.kids.empty()) {
    day.coef[vars_.date()] = Q(1);
    return day;
  }
  auto d = lin(read.kids[0]);
  if (!d || d->nonlinear || d->coef.size() != 1 || d->coef.begin()->second != Q(1)) return std::nullopt;
  return d;
}

std::optional<Lin> Translator::upperEnd(const ir::Expr& amount) {
  try {
    if (auto l = lin(amount); l && !l->nonlinear) return l;
    if (amount.op != Op::Arith || amount.arith != ast::ArithOp::Mul || amount.kids.size() != 2) return std::nullopt;
    for (std::size_t i = 0; i < 2; ++i) {
      const ir::Expr& range = amount.kids[i];
      if (range.op != Op::Range) continue;
      auto hi = constant(range.kids[1]);
      auto x = lin(amount.kids[1 - i]);
      // With hi above 0, hi × x at or above a positive bound has x above 0: hi × x is the upper end.
      if (hi && hi->sign() > 0 && x && !x->nonlinear) return x->times(*hi);
    }
  } catch (const ArithOverflow&) {
  }
  return std::nullopt;
}

F Translator::readable(const ir::Expr& amount) {
  // Before its first value a dated parameter has none and the evaluator stops with an error, so an
  // amount that reads one at a date fact pays only from that value on: without this bound a witness
  // could draw a loan in 1970 and the evaluator would pay nothing for it.
  std::vector<const ir::Expr*> reads;
  datedReads(amount, reads);
  std::vector<F> parts;
  for (const ir::Expr* read : reads) {
    const auto& entries = p_.parameters[static_cast<std::size_t>(read->param)].entries;
    auto day = entries.empty() ? std::nullopt : dayRead(*read);
    if (!day) continue;
    Lit l;
    l.var = day->coef.begin()->first;
    l.op = C::Ge;
    l.val = Q(entries.front().day) - day->c;
    parts.push_back(F::of(l));
  }
  return F::all(std::move(parts));
}

// The day `day` in period i of `periods`: [its first day, the next period's).
F Translator::inPeriod(const Lin& day, const Periods& periods, std::size_t i) {
  const int v = day.coef.begin()->first;
  auto onDay = [&](C o, int at) {
    Lit l;
    l.var = v;
    l.op = o;
    l.val = Q(at) - day.c;
    return F::of(l);
  };
  std::vector<F> parts{onDay(C::Ge, periods[i].first)};
  if (i + 1 < periods.size()) parts.push_back(onDay(C::Lt, periods[i + 1].first));
  return F::all(std::move(parts));
}

std::optional<F> Translator::daysWhere(const ir::Expr& read, const std::function<bool(const Q&)>& keep) {
  auto periods = periodsOf(p_.parameters[static_cast<std::size_t>(read.param)]);
  auto day = dayRead(read);
  if (!periods || !day) return std::nullopt;
  std::vector<F> cases;
  try {
    for (std::size_t i = 0; i < periods->size(); ++i)
      if (keep((*periods)[i].second)) cases.push_back(inPeriod(*day, *periods, i));
  } catch (const ArithOverflow&) {
    return std::nullopt;
  }
  return F::any(std::move(cases));
}

// The difference a - b taken at three values of the read: constant steps make it k × read + c, which
// a product or quotient of the read, or another variable, does not.
std::optional<std::pair<C, Q>> Translator::boundOnRead(const ir::Expr& a, const ir::Expr& b, C op,
                                                       const ir::Expr& read) {
  if (op == C::Eq || op == C::Ne) return std::nullopt;
  std::vector<Q> at;
  try {
    for (int v = 1; v <= 3; ++v) {
      paramAt_ = &read;
      paramValue_ = Q(v);
      side_.clear();
      auto la = lin(a), lb = lin(b);
      paramAt_ = nullptr;
      if (!la || !lb || la->nonlinear || lb->nonlinear || !la->coef.empty() || !lb->coef.empty() || !side_.empty())
        return std::nullopt;
      at.push_back(la->c - lb->c);
    }
    side_.clear();
    const Q k = at[1] - at[0];
    if (k.isZero() || !(at[2] - at[1] == k)) return std::nullopt;
    // k × read + c op 0, with c the difference at read = 0.
    const Q c = at[0] - k;
    return std::pair<C, Q>{k.sign() > 0 ? op : mirror(op), -c / k};
  } catch (const ArithOverflow&) {
    paramAt_ = nullptr;
    side_.clear();
    return std::nullopt;
  }
}

std::optional<F> Translator::byPeriod(const ir::Expr& a, const ir::Expr& b, C op, const F& opaque, bool positive) {
  std::vector<const ir::Expr*> reads;
  datedReads(a, reads);
  datedReads(b, reads);
  if (reads.size() != 1) return std::nullopt;
  const ir::Expr& read = *reads[0];
  auto periods = periodsOf(p_.parameters[static_cast<std::size_t>(read.param)]);
  if (!periods) return std::nullopt;
  auto readDay = dayRead(read);
  if (!readDay) return std::nullopt;
  // One case per period [from, next): the comparison with the value in force, or its negation. Before
  // the first value the evaluator stops with an error: neither holds there.
  std::vector<F> cases;
  try {
    for (std::size_t i = 0; i < periods->size(); ++i) {
      paramAt_ = &read;
      paramValue_ = (*periods)[i].second;
      F f = compareValues(a, b, op, opaque);
      paramAt_ = nullptr;
      cases.push_back(F::all({inPeriod(*readDay, *periods, i), positive ? f : negate(f)}));
    }
  } catch (const ArithOverflow&) {
    paramAt_ = nullptr;
    return std::nullopt;
  }
  return F::any(std::move(cases));
}

F Translator::compare(const ir::Expr& a, const ir::Expr& b, C op, const F& opaque, bool positive) {
  if (auto f = byPeriod(a, b, op, opaque, positive)) return *f;
  F f = compareValues(a, b, op, opaque);
  return positive ? f : negate(f);
}

F Translator::compareValues(const ir::Expr& a, const ir::Expr& b, C op, const F& opaque) {
  TypeKind ka = a.type.kind, kb = b.type.kind;
  // Numbers and dates: a linear form in one variable is a bound.
  if ((ka == TypeKind::Number || ka == TypeKind::Date) && (kb == TypeKind::Number || kb == TypeKind::Date)) {
    side_.clear();
    auto la = lin(a), lb = lin(b);
    if (!la || !lb || la->nonlinear || lb->nonlinear) return opaque;
    try {
      Lin d = *la;
      for (auto& [v, k] : lb->coef) {
        Q sum = d.coef.count(v) ? d.coef[v] - k : -k;
        if (sum.isZero()) d.coef.erase(v);
        else d.coef[v] = sum;
      }
      d.c = d.c - lb->c;
      std::vector<F> parts;
      for (const auto& s : side_) parts.push_back(F::of(s));
      side_.clear();
      if (d.coef.empty()) {
        int c = d.c.sign();
        bool holds = op == C::Gt ? c > 0 : op == C::Ge ? c >= 0 : op == C::Lt ? c < 0 : op == C::Le ? c <= 0
                   : op == C::Eq ? c == 0 : c != 0;
        parts.push_back(holds ? F::t() : F::f());
        return F::all(std::move(parts));
      }
      auto l = literal(d, op);
      if (!l) return opaque;
      parts.push_back(F::of(*l));
      return F::all(std::move(parts));
    } catch (const ArithOverflow&) {
      return opaque;
    }
  }
  // An enum fact against a constant member.
  auto enumFact = [&](const ir::Expr& x) { return x.op == Op::Fact && x.type.kind == TypeKind::Enum; };
  auto enumConst = [&](const ir::Expr& x) { return x.op == Op::Const && x.value.type == ir::VType::Enum; };
  if ((enumFact(a) && enumConst(b)) || (enumConst(a) && enumFact(b))) {
    const ir::Expr& f = enumFact(a) ? a : b;
    int m = enumFact(a) ? b.value.e : a.value.e;
    C o = enumFact(a) ? op : mirror(op);
    Lit l;
    l.kind = Lit::EnumIn;
    l.var = var(VarKind::Fact, f.subject, f.fact);
    const VarInfo& vi = vars_[l.var];
    for (int i = 0; i < vi.members && i < ir::kMaxEnumMembers; ++i)
      if (enumHolds(i, m, o)) l.bits.set(i);
    return F::of(l);
  }
  // A set or recognitions against a member by order: some member compares so.
  if ((ka == TypeKind::Set || ka == TypeKind::Recognition) && enumConst(b)) {
    int v = -1;
    std::uint8_t mask = kHeld;
    if (a.op == Op::Fact) v = var(VarKind::Fact, a.subject, a.fact);
    else if (a.op == Op::Newly && a.kids[0].op == Op::Fact) {
      v = var(VarKind::Fact, a.kids[0].subject, a.kids[0].fact);
      mask = kNew;
    }
    if (v < 0) return opaque;
    const VarInfo& vi = vars_[v];
    Lit l;
    l.kind = Lit::SetAny;
    l.var = v;
    for (int i = 0; i < vi.members && i < ir::kMaxEnumMembers; ++i)
      if (enumHolds(i, b.value.e, op)) l.any.push_back({i, mask});
    if (l.any.empty()) return F::f();
    return F::of(l);
  }
  if (ka == TypeKind::Bool && kb == TypeKind::Bool && (op == C::Eq || op == C::Ne)) {
    const ir::Expr* f = a.op == Op::Fact ? &a : b.op == Op::Fact ? &b : nullptr;
    const ir::Expr* k = a.op == Op::Const ? &a : b.op == Op::Const ? &b : nullptr;
    if (f && k) {
      Lit l;
      l.kind = Lit::BoolIs;
      l.var = var(VarKind::Fact, f->subject, f->fact);
      l.b = k->value.b == (op == C::Eq);
      return F::of(l);
    }
  }
  return opaque;
}

F Translator::has(const ir::Expr& s, const ir::Expr& m, const F& opaque) {
  int v = -1;
  std::uint8_t mask = kHeld;
  if (s.op == Op::Fact && (s.type.kind == TypeKind::Set || s.type.kind == TypeKind::Recognition)) {
    v = var(VarKind::Fact, s.subject, s.fact);
  } else if (s.op == Op::Newly && s.kids[0].op == Op::Fact) {
    v = var(VarKind::Fact, s.kids[0].subject, s.kids[0].fact);
    mask = kNew;
  }
  if (v < 0 || m.op != Op::Const) return opaque;
  Lit l;
  l.kind = Lit::SetAny;
  l.var = v;
  if (m.value.type == ir::VType::Enum) {
    if (m.value.e < 0) return F::f();
    l.any.push_back({m.value.e, mask});
  } else if (m.value.type == ir::VType::Set) {
    for (int i = 0; i < ir::kMaxEnumMembers; ++i)
      if (m.value.bits[i]) l.any.push_back({i, mask});
  } else {
    return opaque;
  }
  if (l.any.empty()) return F::f();
  return F::of(l);
}

F Translator::cond(const ir::Expr& e, bool positive) {
  auto sign = [&](F f) { return positive ? f : negate(f); };
  switch (e.op) {
    case Op::Const:
      if (e.value.type == ir::VType::Bool) return e.value.b == positive ? F::t() : F::f();
      return sign(opaqueOf(e));
    case Op::Fact:
      if (e.type.kind == TypeKind::Bool && e.subject >= 0) {
        Lit l;
        l.kind = Lit::BoolIs;
        l.var = var(VarKind::Fact, e.subject, e.fact);
        l.b = positive;
        return F::of(l);
      }
      return sign(opaqueOf(e));
    case Op::And:
    case Op::Or: {
      std::vector<F> kids;
      for (const auto& k : e.kids) kids.push_back(cond(k, positive));
      return (e.op == Op::And) == positive ? F::all(std::move(kids)) : F::any(std::move(kids));
    }
    case Op::Not: return cond(e.kids[0], !positive);
    case Op::Compare: return compare(e.kids[0], e.kids[1], e.cmp, opaqueOf(e), positive);
    case Op::FirstOver: {
      const ir::Expr& x = e.kids[0];
      auto t = constant(e.kids[1]);
      if (!t || x.op != Op::Fact) return sign(opaqueOf(e));
      Lit over;
      over.var = var(VarKind::Fact, x.subject, x.fact);
      over.op = C::Gt;
      over.val = *t;
      Lit before;
      before.var = var(VarKind::HistMax, x.subject, x.fact);
      before.op = C::Le;
      before.val = *t;
      return sign(F::all({F::of(over), F::of(before)}));
    }
    case Op::Member: {
      const ir::Expr& v = e.kids[0];
      const ir::Expr& s = e.kids[1];
      if (v.op != Op::Fact || v.type.kind != TypeKind::Enum || s.op != Op::Const) return sign(opaqueOf(e));
      Lit l;
      l.kind = Lit::EnumIn;
      l.var = var(VarKind::Fact, v.subject, v.fact);
      l.bits = s.value.bits;
      const VarInfo& vi = vars_[l.var];
      if (e.negated) {
        l.bits.flip();
        for (int i = vi.members; i < ir::kMaxEnumMembers; ++i) l.bits.reset(i);
      }
      return sign(F::of(l));
    }
    case Op::Has: return sign(has(e.kids[0], e.kids[1], opaqueOf(e)));
    case Op::If:
      return F::any({F::all({cond(e.kids[0], true), cond(e.kids[1], positive)}),
                     F::all({cond(e.kids[0], false), cond(e.kids[2], positive)})});
    default: return sign(opaqueOf(e));
  }
}

F Translator::tierKey(const ir::Expr& t, std::size_t i) {
  const ir::Expr& x = t.kids[0];
  const ir::Expr& k = t.entries[i].key[0];
  F opaque = opaqueOf(t, static_cast<int>(i));
  switch (t.tierMode) {
    case ir::TierMode::Compare: return compare(x, k, t.cmp, opaque);
    case ir::TierMode::Equal: return compare(x, k, C::Eq, opaque);
    case ir::TierMode::Has: return has(x, k, opaque);
    case ir::TierMode::FirstOver: {
      auto th = constant(k);
      if (!th || x.op != Op::Fact) return opaque;
      Lit over;
      over.var = var(VarKind::Fact, x.subject, x.fact);
      over.op = C::Gt;
      over.val = *th;
      Lit before;
      before.var = var(VarKind::HistMax, x.subject, x.fact);
      before.op = C::Le;
      before.val = *th;
      return F::all({F::of(over), F::of(before)});
    }
  }
  return opaque;
}

F Translator::caseKey(const ir::Expr& node, std::size_t i) {
  if (node.op == Op::Tiers) return tierKey(node, i);
  const auto& en = node.entries[i];
  return en.key.empty() ? F::t() : cond(en.key[0]);
}

F Translator::firstMatch(const ir::Expr& node, std::size_t i) {
  std::vector<F> parts{caseKey(node, i)};
  for (std::size_t j = 0; j < i; ++j) parts.push_back(negate(caseKey(node, j)));
  return F::all(std::move(parts));
}

F Translator::period(int document) {
  const ir::Document& d = p_.documents[document];
  std::vector<F> parts;
  int v = vars_.date();
  if (d.effectiveFrom) {
    Lit l;
    l.var = v;
    l.op = C::Ge;
    l.val = Q(*d.effectiveFrom);
    parts.push_back(F::of(l));
  }
  if (d.effectiveTo) {
    Lit l;
    l.var = v;
    l.op = C::Le;
    l.val = Q(*d.effectiveTo);
    parts.push_back(F::of(l));
  }
  return F::all(std::move(parts));
}

bool Translator::capsRead(const ir::Expr& e) {
  if (e.op == Op::Cap && !constant(e.kids[1])) return false;
  for (const auto& k : e.kids)
    if (!capsRead(k)) return false;
  for (const auto& en : e.entries)
    for (const auto& v : en.value)
      if (!capsRead(v)) return false;
  return true;
}

std::vector<Branch> Translator::branches(const ir::Expr& amount, std::optional<Q> clauseCap) {
  std::vector<Branch> out;
  branchesOf(amount, F::t(), clauseCap, false, out, nullptr, -1);
  return out;
}

void Translator::branchesOf(const ir::Expr& e, F guard, std::optional<Q> cap, bool upTo, std::vector<Branch>& out,
                            const ir::Expr* node, int entry) {
  if (out.size() > 64) return;
  auto leaf = [&](Shape s) {
    s.expr = &e;
    if (cap) s.cap = s.cap ? qmin(*s.cap, *cap) : *cap;
    if (upTo) {
      s.form = AmountForm::UpTo;
      if (s.kind == Shape::Const) s.lo = Q(0);
    }
    out.push_back(Branch{F::all({std::move(guard), readable(e)}), std::move(s), node, entry});
  };
  try {
    switch (e.op) {
      case Op::UpTo: branchesOf(e.kids[0], std::move(guard), cap, true, out, node, entry); return;
      case Op::Cap: {
        auto c = constant(e.kids[1]);
        std::optional<Q> next = cap;
        if (c) next = cap ? qmin(*cap, *c) : *c;
        branchesOf(e.kids[0], std::move(guard), next, upTo, out, node, entry);
        return;
      }
      case Op::Tiers:
      case Op::Cases:
        for (std::size_t i = 0; i < e.entries.size(); ++i)
          branchesOf(e.entries[i].value[0], F::all({guard, firstMatch(e, i)}), cap, upTo, out, &e,
                     static_cast<int>(i));
        return;
      case Op::If:
        branchesOf(e.kids[1], F::all({guard, cond(e.kids[0], true)}), cap, upTo, out, node, entry);
        branchesOf(e.kids[2], F::all({guard, cond(e.kids[0], false)}), cap, upTo, out, node, entry);
        return;
      case Op::Range: {
        auto a = constant(e.kids[0]);
        auto b = constant(e.kids[1]);
        Shape s;
        if (a && b) {
          s.kind = Shape::Const;
          s.lo = *a;
          s.hi = *b;
          s.form = AmountForm::Range;
        }
        leaf(s);
        return;
      }
      case Op::Arith:
        if (e.arith == ast::ArithOp::Mul || e.arith == ast::ArithOp::Div) {
          // A table scaled by a constant: scale each branch.
          bool left = e.kids[0].op == Op::Tiers || e.kids[0].op == Op::Cases;
          auto k = constant(e.kids[1]);
          if (left && k && k->sign() > 0) {
            std::size_t first = out.size();
            branchesOf(e.kids[0], guard, std::nullopt, upTo, out, node, entry);
            Q f = e.arith == ast::ArithOp::Mul ? *k : Q(1) / *k;
            for (std::size_t i = first; i < out.size(); ++i) {
              Shape& s = out[i].shape;
              s.scale(f);
              if (cap) s.cap = s.cap ? qmin(*s.cap, *cap) : *cap;
            }
            return;
          }
        }
        break;
      default: break;
    }
    Shape s;
    auto l = lin(e);
    if (l && !l->nonlinear) {
      if (l->coef.empty()) {
        s.kind = Shape::Const;
        s.lo = s.hi = l->c;
      } else {
        s.kind = l->coef.size() == 1 ? Shape::Linear : Shape::Sum;
        if (s.kind == Shape::Linear) {
          s.var = l->coef.begin()->first;
          s.coef = l->coef.begin()->second;
        }
        s.terms = l->coef;
        s.offset = l->c;
      }
    }
    leaf(s);
  } catch (const ArithOverflow&) {
    leaf(Shape{});
  }
}

}  // namespace polc::check
