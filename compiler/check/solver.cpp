#include "check/solver.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <set>

#include <z3++.h>

namespace polc::check {

using ir::Op;
using C = ast::CmpOp;

namespace {
constexpr std::size_t kDnfLimit = 32;
constexpr std::size_t kComboLimit = 4096;
// Z3's resource count so far (a 32-bit statistic, cumulative over the context's queries).
std::uint32_t resourceCount(const z3::solver& s) {
  z3::stats st = s.statistics();
  for (unsigned i = 0; i < st.size(); ++i)
    if (st.key(i) == "rlimit count" && st.is_uint(i)) return st.uint_value(i);
  return 0;
}

// The values a witness shows as amounts and dates, and what makes them read as an applicant's.
bool shown(const VarInfo& info) {
  return info.dom == DomKind::Num && (info.kind == VarKind::Fact || info.kind == VarKind::Prev ||
                                      info.kind == VarKind::HistMax || info.kind == VarKind::Date);
}
bool isDate(const VarInfo& info) { return info.kind == VarKind::Date || info.type.kind == TypeKind::Date; }

// Every amount a multiple of its `level`th unit (roundUnits), every date inside the 有效期.
bool readable(const VarTable& vars, const Assignment& a, std::size_t level, const InForce& days) {
  for (const auto& [v, val] : a) {
    const VarInfo& info = vars[v];
    if (!shown(info) || val.absent) continue;
    if (isDate(info)) {
      if ((days.from && val.num < Q(*days.from)) || (days.to && val.num > Q(*days.to))) return false;
      continue;
    }
    const std::vector<Q> units = roundUnits(info);
    if (level < units.size() && !(val.num / units[level]).isInteger()) return false;
  }
  return true;
}
}  // namespace

struct Solver::Z3 {
  z3::context ctx;
  // One solver for every query (push/pop): creating a solver reads Z3's parameters, which costs
  // milliseconds, while a scoped query on a small formula takes microseconds.
  std::optional<z3::solver> solver;
  const VarTable* vars = nullptr;
  Translator* tr = nullptr;
  std::map<int, z3::expr> terms;              // numeric, bool and enum variables
  std::map<std::pair<int, int>, z3::expr> held, fresh;  // set/rec members: present (held), new
  std::set<int> used;
  std::vector<z3::expr> domain;
  bool approx = false;
  int freshCount = 0;

  void reset() {
    used.clear();
    domain.clear();
    approx = false;
  }

  z3::expr q(const Q& v) { return ctx.real_val(v.fraction().c_str()); }

  // Asks for the model `readable` wants at `level`, near `model` (Z3 would otherwise go to the ends
  // of the 取值: 10000亿元); false when there is nothing to ask.
  bool pinReadable(z3::solver& s, std::size_t level, const InForce& days, const Assignment& model) {
    bool asked = false;
    for (int v : used) {
      const VarInfo& info = (*vars)[v];
      auto t = terms.find(v);
      auto was = model.find(v);
      if (!shown(info) || t == terms.end() || was == model.end()) continue;
      const z3::expr& x = t->second;
      if (isDate(info)) {
        // A date already inside stays: only the amounts are asked to change.
        const Q& day = was->second.num;
        const bool inside = (!days.from || day >= Q(*days.from)) && (!days.to || day <= Q(*days.to));
        if (inside) s.add(x == q(day));
        if (!inside && days.from) s.add(x >= ctx.real_val(*days.from));
        if (!inside && days.to) s.add(x <= ctx.real_val(*days.to));
        asked = asked || !inside;
        continue;
      }
      const std::vector<Q> units = roundUnits(info);
      if (level >= units.size()) continue;
      const Q& unit = units[level];
      const z3::expr whole = z3::is_int(x / q(unit));
      s.add(info.kind == VarKind::HistMax ? (x < 0 || whole) : whole);  // −1: no earlier year
      // Near the first model: from 0 (or its value, when negative) up to 1000万元 (a rate: 100 %) or
      // its value, when higher.
      const Q ceiling = info.type.dim == Dimension::base(0) ? Q(10000000) : Q(1);
      s.add(x <= q((std::max(was->second.num, ceiling) / unit).ceil() * unit));
      if (info.kind != VarKind::HistMax) s.add(x >= q((std::min(was->second.num, Q(0)) / unit).floor() * unit));
      asked = true;
    }
    return asked;
  }

  z3::expr term(int v) {
    const VarInfo& info = (*vars)[v];
    if (info.kind == VarKind::Increase) {
      int f = tr->var(VarKind::Fact, info.subject, info.fact);
      int p = tr->var(VarKind::Prev, info.subject, info.fact);
      return term(f) - term(p);
    }
    if (info.kind == VarKind::Sum) {
      z3::expr out = ctx.real_val(0);
      for (const auto& [part, k] : info.terms) out = out + q(k) * term(part);
      return out;
    }
    auto it = terms.find(v);
    if (it == terms.end()) {
      std::string name = "v" + std::to_string(v);
      z3::expr e = info.dom == DomKind::Bool ? ctx.bool_const(name.c_str())
                   : info.dom == DomKind::Enum ? ctx.int_const(name.c_str())
                                               : ctx.real_const(name.c_str());
      it = terms.emplace(v, e).first;
    }
    if (used.insert(v).second) constrain(v, it->second);
    return it->second;
  }

  void constrain(int v, const z3::expr& x) {
    const VarInfo& info = (*vars)[v];
    if (info.dom == DomKind::Enum) {
      domain.push_back(x >= 0 && x < info.members);
      return;
    }
    if (info.dom != DomKind::Num) return;
    if (info.integer) domain.push_back(z3::is_int(x));
    if (info.kind == VarKind::HistMax) {
      domain.push_back(x >= -1);
      domain.push_back(z3::implies(x < 0, x == -1));
      if (info.histLo) domain.push_back(z3::implies(x > -1, x >= q(*info.histLo)));
      if (info.hi) domain.push_back(x <= q(*info.hi));
      int p = vars->find(VarKind::Prev, info.subject, info.fact);
      if (p >= 0 && used.count(p)) domain.push_back(x >= terms.at(p));
      return;
    }
    if (info.lo) domain.push_back(x >= q(*info.lo));
    if (info.hi) domain.push_back(x <= q(*info.hi));
    if (info.kind == VarKind::Prev) {
      int h = vars->find(VarKind::HistMax, info.subject, info.fact);
      if (h >= 0 && used.count(h)) domain.push_back(terms.at(h) >= x);
    }
  }

  z3::expr member(int v, int m, bool isNew) {
    used.insert(v);
    auto key = std::make_pair(v, m);
    auto& table = isNew ? fresh : held;
    auto it = table.find(key);
    if (it == table.end()) {
      std::string name = (isNew ? "n" : "h") + std::to_string(v) + "_" + std::to_string(m);
      it = table.emplace(key, ctx.bool_const(name.c_str())).first;
    }
    return it->second;
  }

  z3::expr state(int v, int m, std::uint8_t mask) {
    bool rec = (*vars)[v].dom == DomKind::Rec;
    z3::expr h = member(v, m, false);
    z3::expr out = ctx.bool_val(false);
    if (!rec) {
      if (mask & kAbsent) out = out || !h;
      if (mask & kHeld) out = out || h;
      return out;
    }
    z3::expr n = member(v, m, true);
    domain.push_back(z3::implies(n, h));
    if (mask & kAbsent) out = out || !h;
    if (mask & kOld) out = out || (h && !n);
    if (mask & kNew) out = out || n;
    return out;
  }

  z3::expr lit(const Lit& l) {
    switch (l.kind) {
      case Lit::Cmp: return cmp(term(l.var), q(l.val), l.op);
      case Lit::BoolIs: return l.b ? term(l.var) : !term(l.var);
      case Lit::EnumIn: {
        z3::expr x = term(l.var), out = ctx.bool_val(false);
        const VarInfo& info = (*vars)[l.var];
        for (int i = 0; i < info.members && i < ir::kMaxEnumMembers; ++i)
          if (l.bits[i]) out = out || x == i;
        return out;
      }
      case Lit::SetAny: {
        z3::expr out = ctx.bool_val(false);
        for (auto [m, s] : l.any) out = out || state(l.var, m, s);
        return out;
      }
    }
    return ctx.bool_val(true);
  }

  z3::expr freshBool() {
    approx = true;
    return ctx.bool_const(("x" + std::to_string(freshCount++)).c_str());
  }
  z3::expr freshReal() {
    approx = true;
    return ctx.real_const(("r" + std::to_string(freshCount++)).c_str());
  }

  // ---- IR expressions (for Opaque nodes) ----------------------------------------------------------
  std::optional<z3::expr> num(const ir::Expr& e) {
    switch (e.op) {
      case Op::Const:
        if (e.value.type == ir::VType::Num && e.value.form == AmountForm::Exact) return q(Q::fromDecimal(e.value.lo));
        if (e.value.type == ir::VType::Date) return ctx.real_val(e.value.day);
        return std::nullopt;
      case Op::Fact:
        if (e.subject < 0) return std::nullopt;
        if (e.type.kind == TypeKind::Number || e.type.kind == TypeKind::Date)
          return term(tr->var(VarKind::Fact, e.subject, e.fact));
        return std::nullopt;
      case Op::Previous: return term(tr->var(VarKind::Prev, e.subject, e.fact));
      case Op::Increase: return term(tr->var(VarKind::Increase, e.subject, e.fact));
      case Op::HistoryMax: {
        z3::expr h = term(tr->var(VarKind::HistMax, e.subject, e.fact));
        domain.push_back(h >= 0);
        return h;
      }
      case Op::ParamAt: return paramAt(e);
      case Op::Neg: {
        auto a = num(e.kids[0]);
        if (!a) return std::nullopt;
        return -*a;
      }
      case Op::Arith: {
        auto a = num(e.kids[0]);
        auto b = num(e.kids[1]);
        if (!a || !b) return std::nullopt;
        switch (e.arith) {
          case ast::ArithOp::Add: return *a + *b;
          case ast::ArithOp::Sub: return *a - *b;
          case ast::ArithOp::Mul: return *a * *b;
          case ast::ArithOp::Div: return *a / *b;
        }
        return std::nullopt;
      }
      case Op::Min:
      case Op::Max: {
        auto out = num(e.kids[0]);
        if (!out) return std::nullopt;
        for (std::size_t i = 1; i < e.kids.size(); ++i) {
          auto k = num(e.kids[i]);
          if (!k) return std::nullopt;
          out = e.op == Op::Min ? z3::ite(*k < *out, *k, *out) : z3::ite(*k > *out, *k, *out);
        }
        return out;
      }
      default: return std::nullopt;
    }
  }

  // A parameter at a date: the value of the last period begun, by cases on the date; before the first
  // value the evaluator stops, so any value stands for it there.
  std::optional<z3::expr> paramAt(const ir::Expr& e) {
    auto periods = periodsOf(tr->program().parameters[static_cast<std::size_t>(e.param)]);
    std::optional<z3::expr> day = e.kids.empty() ? std::optional<z3::expr>(term(tr->vars().date())) : num(e.kids[0]);
    if (!periods || !day) return std::nullopt;
    z3::expr out = freshReal();
    for (const auto& [from, value] : *periods) out = z3::ite(*day >= ctx.real_val(from), q(value), out);
    return out;
  }

  z3::expr cmp(const z3::expr& a, const z3::expr& b, C op) {
    switch (op) {
      case C::Gt: return a > b;
      case C::Ge: return a >= b;
      case C::Lt: return a < b;
      case C::Le: return a <= b;
      case C::Eq: return a == b;
      case C::Ne: return a != b;
    }
    return ctx.bool_val(true);
  }

  // Some member of a set compares so with an enum constant.
  std::optional<z3::expr> setOrder(const ir::Expr& s, int k, C op) {
    int v = -1;
    bool isNew = false;
    if (s.op == Op::Fact) v = tr->var(VarKind::Fact, s.subject, s.fact);
    else if (s.op == Op::Newly && s.kids[0].op == Op::Fact) {
      v = tr->var(VarKind::Fact, s.kids[0].subject, s.kids[0].fact);
      isNew = true;
    }
    if (v < 0) return std::nullopt;
    z3::expr out = ctx.bool_val(false);
    const VarInfo& info = (*vars)[v];
    for (int i = 0; i < info.members && i < ir::kMaxEnumMembers; ++i) {
      int c = i == k ? 0 : (i < k ? 1 : -1);
      bool holds = op == C::Gt ? c > 0 : op == C::Ge ? c >= 0 : op == C::Lt ? c < 0 : op == C::Le ? c <= 0
                 : op == C::Eq ? c == 0 : c != 0;
      if (holds) out = out || state(v, i, isNew ? kNew : kHeld);
    }
    return out;
  }

  std::optional<z3::expr> enumTerm(const ir::Expr& e) {
    if (e.op == Op::Fact && e.type.kind == TypeKind::Enum) return term(tr->var(VarKind::Fact, e.subject, e.fact));
    if (e.op == Op::Const && e.value.type == ir::VType::Enum) return ctx.int_val(e.value.e);
    return std::nullopt;
  }

  z3::expr compare(const ir::Expr& a, const ir::Expr& b, C op) {
    TypeKind ka = a.type.kind;
    if (ka == TypeKind::Number || ka == TypeKind::Date) {
      auto x = num(a), y = num(b);
      if (x && y) return cmp(*x, *y, op);
      return freshBool();
    }
    if (ka == TypeKind::Enum) {
      auto x = enumTerm(a), y = enumTerm(b);
      if (!x || !y) return freshBool();
      // index 0 is the highest: a > b ⇔ index(a) < index(b)
      switch (op) {
        case C::Gt: return *x < *y;
        case C::Ge: return *x <= *y;
        case C::Lt: return *x > *y;
        case C::Le: return *x >= *y;
        case C::Eq: return *x == *y;
        case C::Ne: return *x != *y;
      }
    }
    if ((ka == TypeKind::Set || ka == TypeKind::Recognition) && b.op == Op::Const && b.value.type == ir::VType::Enum) {
      if (auto r = setOrder(a, b.value.e, op)) return *r;
      return freshBool();
    }
    if (ka == TypeKind::Bool) {
      z3::expr x = boolean(a), y = boolean(b);
      return op == C::Ne ? x != y : x == y;
    }
    return freshBool();
  }

  z3::expr has(const ir::Expr& s, const ir::Expr& m) {
    int v = -1;
    bool isNew = false;
    if (s.op == Op::Fact) v = tr->var(VarKind::Fact, s.subject, s.fact);
    else if (s.op == Op::Newly && s.kids[0].op == Op::Fact) {
      v = tr->var(VarKind::Fact, s.kids[0].subject, s.kids[0].fact);
      isNew = true;
    }
    if (v < 0 || m.op != Op::Const) return freshBool();
    std::uint8_t mask = isNew ? kNew : kHeld;
    z3::expr out = ctx.bool_val(false);
    if (m.value.type == ir::VType::Enum) {
      if (m.value.e >= 0) out = state(v, m.value.e, mask);
    } else if (m.value.type == ir::VType::Set) {
      for (int i = 0; i < ir::kMaxEnumMembers; ++i)
        if (m.value.bits[i]) out = out || state(v, i, mask);
    } else {
      return freshBool();
    }
    return out;
  }

  z3::expr boolean(const ir::Expr& e) {
    switch (e.op) {
      case Op::Const:
        if (e.value.type == ir::VType::Bool) return ctx.bool_val(e.value.b);
        return freshBool();
      case Op::Fact:
        if (e.type.kind == TypeKind::Bool && e.subject >= 0) return term(tr->var(VarKind::Fact, e.subject, e.fact));
        return freshBool();
      case Op::And:
      case Op::Or: {
        z3::expr out = ctx.bool_val(e.op == Op::And);
        for (const auto& k : e.kids) out = e.op == Op::And ? (out && boolean(k)) : (out || boolean(k));
        return out;
      }
      case Op::Not: return !boolean(e.kids[0]);
      case Op::Compare: return compare(e.kids[0], e.kids[1], e.cmp);
      case Op::FirstOver: {
        const ir::Expr& x = e.kids[0];
        auto t = num(e.kids[1]);
        if (x.op != Op::Fact || !t) return freshBool();
        z3::expr now = term(tr->var(VarKind::Fact, x.subject, x.fact));
        z3::expr before = term(tr->var(VarKind::HistMax, x.subject, x.fact));
        return now > *t && before <= *t;
      }
      case Op::Member: {
        auto x = enumTerm(e.kids[0]);
        if (!x || e.kids[1].op != Op::Const) return freshBool();
        z3::expr out = ctx.bool_val(false);
        for (int i = 0; i < ir::kMaxEnumMembers; ++i)
          if (e.kids[1].value.bits[i]) out = out || *x == i;
        return e.negated ? !out : out;
      }
      case Op::Has: return has(e.kids[0], e.kids[1]);
      case Op::If: return z3::ite(boolean(e.kids[0]), boolean(e.kids[1]), boolean(e.kids[2]));
      default: return freshBool();
    }
  }

  z3::expr tierKey(const ir::Expr& t, int i) {
    const ir::Expr& x = t.kids[0];
    const ir::Expr& k = t.entries[static_cast<std::size_t>(i)].key[0];
    switch (t.tierMode) {
      case ir::TierMode::Compare: return compare(x, k, t.cmp);
      case ir::TierMode::Equal: return compare(x, k, C::Eq);
      case ir::TierMode::Has: return has(x, k);
      case ir::TierMode::FirstOver: {
        auto th = num(k);
        if (x.op != Op::Fact || !th) return freshBool();
        z3::expr now = term(tr->var(VarKind::Fact, x.subject, x.fact));
        z3::expr before = term(tr->var(VarKind::HistMax, x.subject, x.fact));
        return now > *th && before <= *th;
      }
    }
    return freshBool();
  }

  z3::expr formula(const F& f) {
    switch (f.op) {
      case F::True: return ctx.bool_val(true);
      case F::False: return ctx.bool_val(false);
      case F::Lit: return lit(f.lit);
      case F::And:
      case F::Or: {
        z3::expr out = ctx.bool_val(f.op == F::And);
        for (const auto& k : f.kids) out = f.op == F::And ? (out && formula(k)) : (out || formula(k));
        return out;
      }
      case F::Opaque: {
        z3::expr e = f.entry >= 0 ? tierKey(*f.expr, f.entry) : boolean(*f.expr);
        return f.positive ? e : !e;
      }
    }
    return ctx.bool_val(true);
  }
};

Solver::Solver(Translator& tr, Boxes& boxes, unsigned resourceLimit, unsigned backstopMs)
    : tr_(tr), boxes_(boxes), resourceLimit_(resourceLimit), backstopMs_(backstopMs), z3_(std::make_unique<Z3>()) {
  z3_->vars = &tr.vars();
  z3_->tr = &tr;
}

Solver::~Solver() = default;

Cond Solver::prepare(F f) const {
  Cond c;
  if (!f.hasOpaque()) c.boxes = boxes_.dnf(f, kDnfLimit);
  c.f = std::move(f);
  return c;
}

Answer Solver::solve(const std::vector<const Cond*>& conj, const std::vector<int>& touch) {
  bool boxed = true;
  for (const Cond* c : conj)
    if (!c->boxes) boxed = false;
  if (boxed) {
    ++stats.boxQueries;
    std::size_t combos = 0;
    bool clash = false, tooMany = false;
    std::optional<Box> found;
    std::function<void(std::size_t, const Box&)> go = [&](std::size_t i, const Box& acc) {
      if (found || tooMany) return;
      if (i == conj.size()) {
        if (++combos > kComboLimit) {
          tooMany = true;
          return;
        }
        if (!boxes_.sat(acc)) return;
        if (viewsClash(tr_.vars(), acc)) {
          clash = true;
          return;
        }
        found = acc;
        return;
      }
      for (const Box& b : *conj[i]->boxes) {
        Box m = boxes_.meet(acc, b);
        if (m.empty) continue;
        go(i + 1, m);
        if (found || tooMany) return;
      }
    };
    go(0, Box{});
    if (found) {
      Answer a;
      a.sat = Sat::Yes;
      a.model = boxes_.pick(*found);
      for (int v : touch)
        if (!a.model.count(v)) a.model[v] = boxes_.pickVar(v, *found);
      return a;
    }
    if (!clash && !tooMany) {
      Answer a;
      a.sat = Sat::No;
      return a;
    }
  }
  return viaZ3(conj, touch);
}

Answer Solver::viaZ3(const std::vector<const Cond*>& conj, const std::vector<int>& touch) {
  ++stats.z3Queries;
  Z3& z = *z3_;
  z.reset();
  Answer out;
  out.viaZ3 = true;
  try {
    if (!z.solver) {
      z.solver.emplace(z.ctx);
      z3::params prm(z.ctx);
      // Per query: Z3 counts each check against the count at its start.
      prm.set("rlimit", resourceLimit_);
      prm.set("timeout", backstopMs_);
      z.solver->set(prm);
    }
    z3::solver& s = *z.solver;
    auto check = [&] {
      const std::uint32_t before = resourceCount(s);
      z3::check_result r = s.check();
      const std::uint32_t used = resourceCount(s) - before;  // modulo 2^32, as the statistic wraps
      stats.z3MostResources = std::max<std::uint64_t>(stats.z3MostResources, used);
      return r;
    };
    struct Scope {
      z3::solver& s;
      explicit Scope(z3::solver& x) : s(x) { s.push(); }
      ~Scope() { s.pop(); }
    } scope(s);
    for (const Cond* c : conj) s.add(z.formula(c->f));
    for (int v : touch) z.term(v);
    // Domains of variables created while encoding (the list grows as terms appear).
    for (std::size_t i = 0; i < z.domain.size(); ++i) s.add(z.domain[i]);
    out.approx = z.approx;
    z3::check_result r = check();
    if (r == z3::unsat) {
      out.sat = Sat::No;
      return out;
    }
    if (r == z3::unknown) {
      ++stats.z3Unknown;
      out.sat = Sat::Unknown;
      return out;
    }
    auto read = [&](z3::model& m, bool& decimal) {
      Assignment a;
      decimal = true;
      for (int v : z.used) {
        const VarInfo& info = tr_.vars()[v];
        VarValue val;
        switch (info.dom) {
          case DomKind::Bool: {
            auto t = z.terms.find(v);
            val.b = t != z.terms.end() && m.eval(t->second, true).is_true();
            break;
          }
          case DomKind::Enum: {
            auto t = z.terms.find(v);
            val.e = t != z.terms.end() ? m.eval(t->second, true).get_numeral_int() : 0;
            break;
          }
          case DomKind::Set:
          case DomKind::Rec:
            for (const auto& [key, h] : z.held) {
              if (key.first != v || !m.eval(h, true).is_true()) continue;
              bool isNew = false;
              auto n = z.fresh.find(key);
              if (n != z.fresh.end()) isNew = m.eval(n->second, true).is_true();
              val.states.push_back({key.second, isNew ? kNew : kOld});
            }
            break;
          case DomKind::Num: {
            if (info.kind == VarKind::Increase) {
              z3::expr t = z.term(v);
              auto qv = Q::parse(Z3_get_numeral_string(z.ctx, m.eval(t, true)));
              if (qv) val.num = *qv;
              break;
            }
            auto t = z.terms.find(v);
            if (t == z.terms.end()) break;
            auto qv = Q::parse(Z3_get_numeral_string(z.ctx, m.eval(t->second, true)));
            if (qv) val.num = *qv;
            if (!val.num.toDecimal()) decimal = false;
            if (info.kind == VarKind::HistMax && val.num < Q(0)) val.absent = true;
            break;
          }
          case DomKind::Text: break;
        }
        a[v] = val;
      }
      return a;
    };
    z3::model m = s.get_model();
    bool decimal = true;
    out.model = read(m, decimal);
    // Z3 answers with the smallest values it meets (0.01元, day 0): a witness a policy writer can
    // read has round amounts and dates while the policies are in force. Asked again with every
    // amount a multiple of the largest unit, then of the next, dates inside the 有效期; the first
    // model kept, the plain one when neither is one.
    for (std::size_t level = 0; level < 2 && !readable(tr_.vars(), out.model, level, boxes_.days()); ++level) {
      s.push();
      const bool pinned = z.pinReadable(s, level, boxes_.days(), out.model);
      stats.z3Reasked += pinned;
      const bool found = pinned && check() == z3::sat;
      if (found) {
        z3::model mr = s.get_model();
        out.model = read(mr, decimal);
      }
      s.pop();
      if (found) break;
    }
    if (!decimal) {
      // Pin every non-decimal value to a nearby decimal and ask again.
      s.push();
      for (auto& [v, val] : out.model) {
        auto t = z.terms.find(v);
        if (t == z.terms.end() || val.num.toDecimal() || tr_.vars()[v].dom != DomKind::Num) continue;
        s.add(t->second == z.q(val.num.roundDown(6)));
      }
      ++stats.z3Reasked;
      if (check() == z3::sat) {
        z3::model m2 = s.get_model();
        out.model = read(m2, decimal);
      }
      s.pop();
    }
    out.sat = Sat::Yes;
    for (int v : touch)
      if (!out.model.count(v)) out.model[v] = boxes_.pickVar(v, Box{});
  } catch (const z3::exception&) {
    ++stats.z3Unknown;
    out.sat = Sat::Unknown;
  } catch (const ArithOverflow&) {
    ++stats.z3Unknown;
    out.sat = Sat::Unknown;
  }
  return out;
}

}  // namespace polc::check
