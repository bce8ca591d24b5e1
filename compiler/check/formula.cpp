#include "check/formula.h"

#include <algorithm>
#include <functional>
#include <set>

#include <fmt/format.h>

#include "eval/eval.h"

namespace polc::check {

// ---- variables ------------------------------------------------------------------------------------

int VarTable::find(VarKind kind, int subject, int fact) const {
  auto it = index_.find({static_cast<int>(kind), subject, fact});
  return it == index_.end() ? -1 : it->second;
}

int VarTable::date() {
  auto key = std::make_tuple(static_cast<int>(VarKind::Date), -1, -1);
  if (auto it = index_.find(key); it != index_.end()) return it->second;
  VarInfo v;
  v.kind = VarKind::Date;
  v.dom = DomKind::Num;
  v.integer = true;
  v.type = Type::date();
  v.name = "评价日期";
  vars_.push_back(v);
  return index_[key] = size() - 1;
}

int VarTable::get(const ir::Program& p, const std::map<std::pair<int, int>, std::pair<Q, Q>>& ranges,
                  VarKind kind, int subject, int fact) {
  auto key = std::make_tuple(static_cast<int>(kind), subject, fact);
  if (auto it = index_.find(key); it != index_.end()) return it->second;
  const ir::FactSlot& slot = p.subjects[subject].facts[fact];
  VarInfo v;
  v.kind = kind;
  v.subject = subject;
  v.fact = fact;
  v.type = slot.type;
  v.enumIndex = slot.type.enumIndex;
  if (v.enumIndex >= 0) {
    v.members = static_cast<int>(p.enums[v.enumIndex].members.size());
    v.ordered = p.enums[v.enumIndex].ordered;
  }
  switch (slot.type.kind) {
    case TypeKind::Bool: v.dom = DomKind::Bool; break;
    case TypeKind::Enum: v.dom = DomKind::Enum; break;
    case TypeKind::Set: v.dom = DomKind::Set; break;
    case TypeKind::Recognition: v.dom = DomKind::Rec; break;
    case TypeKind::Text: v.dom = DomKind::Text; break;
    case TypeKind::Date: v.dom = DomKind::Num; v.integer = true; break;
    default: v.dom = DomKind::Num; v.integer = slot.type.integer; break;
  }
  std::string base = p.subjects[subject].name + "." + slot.name;
  switch (kind) {
    case VarKind::Fact: v.name = base; break;
    case VarKind::Prev: v.name = "上年(" + base + ")"; break;
    case VarKind::HistMax: v.name = "往年最高(" + base + ")"; break;
    case VarKind::Increase: v.name = "增量(" + base + ")"; break;
    case VarKind::Date:
    case VarKind::Sum: break;
  }
  if (v.dom == DomKind::Num && slot.type.kind == TypeKind::Number) {
    // Quantities with a unit are never negative in a facts file; counts neither.
    bool nonneg = !slot.type.dim.dimensionless() || slot.type.integer;
    auto r = ranges.find({subject, fact});
    if (kind == VarKind::Increase) {
      if (r != ranges.end()) {
        v.lo = r->second.first - r->second.second;
        v.hi = r->second.second - r->second.first;
      }
    } else {
      if (nonneg) v.lo = Q(0);
      if (r != ranges.end()) {
        v.lo = v.lo ? qmax(*v.lo, r->second.first) : r->second.first;
        v.hi = r->second.second;
      }
      if (kind == VarKind::HistMax) {
        v.histLo = v.lo;
        v.lo = Q(-1);  // -1: no earlier year
      }
    }
  }
  vars_.push_back(std::move(v));
  return index_[key] = size() - 1;
}

int VarTable::findSum(const Terms& terms) const {
  auto it = sums_.find(terms);
  return it == sums_.end() ? -1 : it->second;
}

int VarTable::sum(const Terms& terms) {
  if (int v = findSum(terms); v >= 0) return v;
  VarInfo v;
  v.kind = VarKind::Sum;
  v.dom = DomKind::Num;
  v.terms = terms;
  // The first coefficient is 1: the sum is in the unit of its first part.
  v.type = vars_[static_cast<std::size_t>(terms.front().first)].type;
  v.integer = true;
  std::optional<Q> lo = Q(0), hi = Q(0);
  for (const auto& [var, k] : terms) {
    const VarInfo& part = vars_[static_cast<std::size_t>(var)];
    v.integer = v.integer && part.integer && k.isInteger();
    const std::string times = k == Q(1) || k == Q(-1) ? "" : (k.sign() < 0 ? -k : k).str() + " × ";
    v.name += (v.name.empty() ? "" : k.sign() < 0 ? " − " : " + ") + times + part.name;
    // The bounds of the sum: each part at the end of its domain that makes it lowest (highest).
    const std::optional<Q>& low = k.sign() > 0 ? part.lo : part.hi;
    const std::optional<Q>& high = k.sign() > 0 ? part.hi : part.lo;
    try {
      lo = lo && low ? std::optional<Q>(*lo + k * *low) : std::nullopt;
      hi = hi && high ? std::optional<Q>(*hi + k * *high) : std::nullopt;
    } catch (const ArithOverflow&) {
      lo = hi = std::nullopt;
    }
  }
  v.lo = lo;
  v.hi = hi;
  vars_.push_back(std::move(v));
  return sums_[terms] = size() - 1;
}

// ---- formulas -------------------------------------------------------------------------------------

F F::all(std::vector<F> kids) {
  F out;
  out.op = And;
  for (auto& k : kids) {
    if (k.op == True) continue;
    if (k.op == False) return F::f();
    if (k.op == And) {
      for (auto& g : k.kids) out.kids.push_back(std::move(g));
    } else {
      out.kids.push_back(std::move(k));
    }
  }
  if (out.kids.empty()) return F::t();
  if (out.kids.size() == 1) return std::move(out.kids[0]);
  return out;
}

F F::any(std::vector<F> kids) {
  F out;
  out.op = Or;
  for (auto& k : kids) {
    if (k.op == False) continue;
    if (k.op == True) return F::t();
    if (k.op == Or) {
      for (auto& g : k.kids) out.kids.push_back(std::move(g));
    } else {
      out.kids.push_back(std::move(k));
    }
  }
  if (out.kids.empty()) return F::f();
  if (out.kids.size() == 1) return std::move(out.kids[0]);
  return out;
}

bool F::hasOpaque() const {
  if (op == Opaque) return true;
  for (const auto& k : kids)
    if (k.hasOpaque()) return true;
  return false;
}

namespace {

ast::CmpOp flip(ast::CmpOp op) {
  using C = ast::CmpOp;
  switch (op) {
    case C::Gt: return C::Le;
    case C::Ge: return C::Lt;
    case C::Le: return C::Gt;
    case C::Lt: return C::Ge;
    case C::Eq: return C::Ne;
    case C::Ne: return C::Eq;
  }
  return op;
}

}  // namespace

ast::CmpOp mirror(ast::CmpOp op) {
  switch (op) {
    case ast::CmpOp::Gt: return ast::CmpOp::Lt;
    case ast::CmpOp::Ge: return ast::CmpOp::Le;
    case ast::CmpOp::Lt: return ast::CmpOp::Gt;
    case ast::CmpOp::Le: return ast::CmpOp::Ge;
    default: return op;
  }
}

F negate(const F& f) {
  switch (f.op) {
    case F::True: return F::f();
    case F::False: return F::t();
    case F::Opaque: {
      F out = f;
      out.positive = !f.positive;
      return out;
    }
    case F::And:
    case F::Or: {
      std::vector<F> kids;
      for (const auto& k : f.kids) kids.push_back(negate(k));
      return f.op == F::And ? F::any(std::move(kids)) : F::all(std::move(kids));
    }
    case F::Lit: break;
  }
  Lit l = f.lit;
  switch (l.kind) {
    case Lit::Cmp: l.op = flip(l.op); return F::of(l);
    case Lit::BoolIs: l.b = !l.b; return F::of(l);
    case Lit::EnumIn: l.bits.flip(); return F::of(l);
    case Lit::SetAny: {
      std::vector<F> kids;
      for (auto [m, s] : f.lit.any) {
        Lit u;
        u.kind = Lit::SetAny;
        u.var = l.var;
        u.any = {{m, static_cast<std::uint8_t>(~s & kAllStates)}};
        kids.push_back(F::of(u));
      }
      return F::all(std::move(kids));
    }
  }
  return F::t();
}

// ---- boxes ----------------------------------------------------------------------------------------

Dom Boxes::initial(int var) const {
  const VarInfo& v = vars_[var];
  Dom d;
  d.var = var;
  if (v.dom == DomKind::Num) {
    if (v.lo) {
      d.num.hasLo = true;
      d.num.lo = *v.lo;
    }
    if (v.hi) {
      d.num.hasHi = true;
      d.num.hi = *v.hi;
    }
  }
  if (v.dom == DomKind::Enum)
    for (int i = 0; i < v.members && i < ir::kMaxEnumMembers; ++i) d.enumAllowed.set(i);
  return d;
}

const Dom* Boxes::find(const Box& b, int var) const {
  auto it = std::lower_bound(b.doms.begin(), b.doms.end(), var, [](const Dom& d, int v) { return d.var < v; });
  return it != b.doms.end() && it->var == var ? &*it : nullptr;
}

Dom& Boxes::slot(Box& b, int var) const {
  auto it = std::lower_bound(b.doms.begin(), b.doms.end(), var, [](const Dom& d, int v) { return d.var < v; });
  if (it != b.doms.end() && it->var == var) return *it;
  return *b.doms.insert(it, initial(var));
}

namespace {

std::uint8_t defaultStates(DomKind k) { return k == DomKind::Set ? (kAbsent | kOld) : kAllStates; }

void narrowLo(NumDom& d, const Q& v, bool strict) {
  if (!d.hasLo || v > d.lo || (v == d.lo && strict && !d.loStrict)) {
    d.hasLo = true;
    d.lo = v;
    d.loStrict = strict;
  }
  d.loLit = true;
}

void narrowHi(NumDom& d, const Q& v, bool strict) {
  if (!d.hasHi || v < d.hi || (v == d.hi && strict && !d.hiStrict)) {
    d.hasHi = true;
    d.hi = v;
    d.hiStrict = strict;
  }
  d.hiLit = true;
}

std::uint8_t& memberMask(Dom& d, int m, DomKind k) {
  auto it = std::lower_bound(d.masks.begin(), d.masks.end(), m,
                             [](const std::pair<int, std::uint8_t>& x, int v) { return x.first < v; });
  if (it != d.masks.end() && it->first == m) return it->second;
  return d.masks.insert(it, {m, defaultStates(k)})->second;
}

}  // namespace

Lit snapHistory(const VarInfo& v, Lit l) {
  if (v.kind != VarKind::HistMax || !v.histLo || *v.histLo <= Q(-1) || l.kind != Lit::Cmp) return l;
  const Q none(-1);
  const Q& lo = *v.histLo;
  bool between = l.val > none && l.val < lo;  // a value no history takes
  auto to = [&l](ast::CmpOp op, const Q& val) {
    l.op = op;
    l.val = val;
  };
  switch (l.op) {
    case ast::CmpOp::Gt:  // above a value in [−1, lo): some earlier year, so at least lo
      if (l.val >= none && l.val < lo) to(ast::CmpOp::Ge, lo);
      break;
    case ast::CmpOp::Ge:
      if (between) to(ast::CmpOp::Ge, lo);
      break;
    case ast::CmpOp::Lt:  // below a value in (−1, lo]: no earlier year
      if (l.val > none && l.val <= lo) to(ast::CmpOp::Le, none);
      break;
    case ast::CmpOp::Le:
      if (between) to(ast::CmpOp::Le, none);
      break;
    case ast::CmpOp::Eq:  // no value between: an empty literal
      if (between) to(ast::CmpOp::Lt, none);
      break;
    case ast::CmpOp::Ne: break;
  }
  return l;
}

bool Boxes::add(Box& b, const Lit& given) const {
  if (b.empty) return false;
  const VarInfo& v = vars_[given.var];
  const Lit l = snapHistory(v, given);
  Dom& d = slot(b, l.var);
  switch (l.kind) {
    case Lit::Cmp:
      switch (l.op) {
        case ast::CmpOp::Gt: narrowLo(d.num, l.val, true); break;
        case ast::CmpOp::Ge: narrowLo(d.num, l.val, false); break;
        case ast::CmpOp::Lt: narrowHi(d.num, l.val, true); break;
        case ast::CmpOp::Le: narrowHi(d.num, l.val, false); break;
        case ast::CmpOp::Eq:
          narrowLo(d.num, l.val, false);
          narrowHi(d.num, l.val, false);
          break;
        case ast::CmpOp::Ne:
          if (std::find(d.num.ne.begin(), d.num.ne.end(), l.val) == d.num.ne.end()) d.num.ne.push_back(l.val);
          break;
      }
      if (!numSat(d.num, v.integer)) b.empty = true;
      break;
    case Lit::BoolIs:
      d.boolMask &= l.b ? 2 : 1;
      if (!d.boolMask) b.empty = true;
      break;
    case Lit::EnumIn:
      d.enumAllowed &= l.bits;
      if (d.enumAllowed.none()) b.empty = true;
      break;
    case Lit::SetAny:
      if (l.any.size() == 1) {
        std::uint8_t& m = memberMask(d, l.any[0].first, v.dom);
        m &= l.any[0].second;
        if (!m) b.empty = true;
      } else {
        d.anys.push_back(l.any);
      }
      break;
  }
  return !b.empty;
}

bool Boxes::numSat(const NumDom& d, bool integer) const {
  if (d.hasLo && d.hasHi) {
    int c = d.lo.cmp(d.hi);
    if (c > 0 || (c == 0 && (d.loStrict || d.hiStrict))) return false;
  }
  if (integer) {
    std::optional<Q> lo, hi;
    if (d.hasLo) lo = d.loStrict ? d.lo.floor() + Q(1) : d.lo.ceil();
    if (d.hasHi) hi = d.hiStrict ? d.hi.ceil() - Q(1) : d.hi.floor();
    if (lo && hi && *lo > *hi) return false;
    if (lo && hi) {
      Q count = *hi - *lo + Q(1);
      int excluded = 0;
      for (const auto& p : d.ne)
        if (p.isInteger() && p >= *lo && p <= *hi) ++excluded;
      if (count <= Q(excluded)) return false;
    }
    return true;
  }
  if (d.hasLo && d.hasHi && d.lo == d.hi)
    return std::find(d.ne.begin(), d.ne.end(), d.lo) == d.ne.end();
  return true;
}

bool Boxes::setSatWith(const Dom& d, std::vector<std::pair<int, std::uint8_t>>* model) const {
  DomKind k = vars_[d.var].dom;
  for (auto [m, s] : d.masks)
    if (!s) return false;
  // Backtracking over the any-of clauses: each needs one literal whose state is still allowed.
  std::vector<std::pair<int, std::uint8_t>> masks = d.masks;
  auto get = [&](int m) -> std::uint8_t {
    for (auto& [x, s] : masks)
      if (x == m) return s;
    return defaultStates(k);
  };
  auto set = [&](int m, std::uint8_t s) {
    for (auto& [x, t] : masks)
      if (x == m) {
        t = s;
        return;
      }
    masks.push_back({m, s});
  };
  std::size_t steps = 0;
  std::function<bool(std::size_t)> go = [&](std::size_t i) -> bool {
    if (++steps > 100000) return true;  // give up exactness only beyond absurd sizes: treat as satisfiable
    if (i == d.anys.size()) return true;
    for (auto [m, s] : d.anys[i]) {
      std::uint8_t cur = get(m);
      if (!(cur & s)) continue;
      set(m, cur & s);
      if (go(i + 1)) return true;
      set(m, cur);
    }
    return false;
  };
  if (!go(0)) return false;
  if (model) {
    model->clear();
    std::sort(masks.begin(), masks.end());
    for (auto [m, s] : masks) {
      if (s & kAbsent) continue;
      model->push_back({m, (s & kNew) ? kNew : kOld});
    }
  }
  return true;
}

bool Boxes::setSat(const Dom& d) const { return setSatWith(d, nullptr); }

bool Boxes::sat(const Box& b) const {
  if (b.empty) return false;
  for (const auto& d : b.doms) {
    const VarInfo& v = vars_[d.var];
    switch (v.dom) {
      case DomKind::Num:
        if (!numSat(d.num, v.integer)) return false;
        break;
      case DomKind::Bool:
        if (!d.boolMask) return false;
        break;
      case DomKind::Enum:
        if (d.enumAllowed.none()) return false;
        break;
      case DomKind::Set:
      case DomKind::Rec:
        if (!setSat(d)) return false;
        break;
      case DomKind::Text: break;
    }
  }
  return true;
}

Box Boxes::meet(const Box& a, const Box& b) const {
  Box out;
  if (a.empty || b.empty) {
    out.empty = true;
    return out;
  }
  out.doms.reserve(a.doms.size() + b.doms.size());
  std::size_t i = 0, j = 0;
  while (i < a.doms.size() || j < b.doms.size()) {
    if (j == b.doms.size() || (i < a.doms.size() && a.doms[i].var < b.doms[j].var)) {
      out.doms.push_back(a.doms[i++]);
      continue;
    }
    if (i == a.doms.size() || b.doms[j].var < a.doms[i].var) {
      out.doms.push_back(b.doms[j++]);
      continue;
    }
    Dom d = a.doms[i];
    const Dom& e = b.doms[j];
    const VarInfo& v = vars_[d.var];
    switch (v.dom) {
      case DomKind::Num:
        if (e.num.hasLo) narrowLo(d.num, e.num.lo, e.num.loStrict);
        if (e.num.hasHi) narrowHi(d.num, e.num.hi, e.num.hiStrict);
        d.num.loLit = d.num.loLit || e.num.loLit;
        d.num.hiLit = d.num.hiLit || e.num.hiLit;
        for (const auto& p : e.num.ne)
          if (std::find(d.num.ne.begin(), d.num.ne.end(), p) == d.num.ne.end()) d.num.ne.push_back(p);
        if (!numSat(d.num, v.integer)) out.empty = true;
        break;
      case DomKind::Bool:
        d.boolMask &= e.boolMask;
        if (!d.boolMask) out.empty = true;
        break;
      case DomKind::Enum:
        d.enumAllowed &= e.enumAllowed;
        if (d.enumAllowed.none()) out.empty = true;
        break;
      case DomKind::Set:
      case DomKind::Rec:
        for (auto [m, s] : e.masks) {
          std::uint8_t& x = memberMask(d, m, v.dom);
          x &= s;
          if (!x) out.empty = true;
        }
        for (const auto& c : e.anys) d.anys.push_back(c);
        break;
      case DomKind::Text: break;
    }
    out.doms.push_back(std::move(d));
    ++i;
    ++j;
  }
  return out;
}

namespace {

// Integer-normalised bounds for comparisons of integer domains.
NumDom normalised(const NumDom& d, bool integer) {
  if (!integer) return d;
  NumDom n = d;
  if (d.hasLo) {
    n.lo = d.loStrict ? d.lo.floor() + Q(1) : d.lo.ceil();
    n.loStrict = false;
  }
  if (d.hasHi) {
    n.hi = d.hiStrict ? d.hi.ceil() - Q(1) : d.hi.floor();
    n.hiStrict = false;
  }
  return n;
}

bool inside(const NumDom& a, const Q& p) {
  if (a.hasLo && (p < a.lo || (p == a.lo && a.loStrict))) return false;
  if (a.hasHi && (p > a.hi || (p == a.hi && a.hiStrict))) return false;
  return std::find(a.ne.begin(), a.ne.end(), p) == a.ne.end();
}

}  // namespace

bool Boxes::subset(const Box& a, const Box& b) const {
  if (a.empty) return true;
  for (const auto& db : b.doms) {
    const Dom* found = find(a, db.var);
    Dom da = found ? *found : initial(db.var);
    const VarInfo& v = vars_[db.var];
    switch (v.dom) {
      case DomKind::Num: {
        NumDom x = normalised(da.num, v.integer), y = normalised(db.num, v.integer);
        if (y.hasLo) {
          if (!x.hasLo) return false;
          int c = x.lo.cmp(y.lo);
          if (c < 0 || (c == 0 && y.loStrict && !x.loStrict)) return false;
        }
        if (y.hasHi) {
          if (!x.hasHi) return false;
          int c = x.hi.cmp(y.hi);
          if (c > 0 || (c == 0 && y.hiStrict && !x.hiStrict)) return false;
        }
        for (const auto& p : y.ne)
          if (inside(x, p) && (!v.integer || p.isInteger())) return false;
        break;
      }
      case DomKind::Bool:
        if (da.boolMask & ~db.boolMask) return false;
        break;
      case DomKind::Enum:
        if ((da.enumAllowed & ~db.enumAllowed).any()) return false;
        break;
      case DomKind::Set:
      case DomKind::Rec: {
        for (auto [m, s] : db.masks) {
          Dom t = da;
          std::uint8_t& x = memberMask(t, m, v.dom);
          x &= static_cast<std::uint8_t>(~s);
          if (x && setSat(t)) return false;
        }
        for (const auto& c : db.anys) {
          Dom t = da;
          bool possible = true;
          for (auto [m, s] : c) {
            std::uint8_t& x = memberMask(t, m, v.dom);
            x &= static_cast<std::uint8_t>(~s);
            if (!x) possible = false;
          }
          if (possible && setSat(t)) return false;
        }
        break;
      }
      case DomKind::Text: break;
    }
  }
  return true;
}

namespace {

// The smallest interval holding both, and whether it holds nothing else (they meet or overlap).
// Excluded points are not joined: a box with one gives no interval.
std::optional<NumDom> hull(const NumDom& a, const NumDom& b) {
  if (!a.ne.empty() || !b.ne.empty()) return std::nullopt;
  // `first` starts no later than `second`.
  const bool aFirst = !a.hasLo || (b.hasLo && (a.lo < b.lo || (a.lo == b.lo && !a.loStrict)));
  const NumDom& first = aFirst ? a : b;
  const NumDom& second = aFirst ? b : a;
  if (first.hasHi && second.hasLo) {
    int c = second.lo.cmp(first.hi);
    if (c > 0 || (c == 0 && first.hiStrict && second.loStrict)) return std::nullopt;
  }
  NumDom h = first;
  if (!second.hasHi) {
    h.hasHi = false;
    h.hiLit = false;
  } else if (first.hasHi) {
    int c = second.hi.cmp(first.hi);
    if (c > 0 || (c == 0 && !second.hiStrict)) {
      h.hi = second.hi;
      h.hiStrict = second.hiStrict;
      h.hiLit = second.hiLit;
    }
  }
  return h;
}

}  // namespace

std::optional<Box> Boxes::join(const Box& a, const Box& b) const {
  if (a.empty) return b;
  if (b.empty) return a;
  if (subset(a, b)) return b;
  if (subset(b, a)) return a;
  std::set<int> vars;
  for (const auto& d : a.doms) vars.insert(d.var);
  for (const auto& d : b.doms) vars.insert(d.var);
  for (int var : vars) {
    if (vars_[var].dom != DomKind::Num) continue;
    const Dom* fa = find(a, var);
    const Dom* fb = find(b, var);
    auto h = hull(fa ? fa->num : initial(var).num, fb ? fb->num : initial(var).num);
    if (!h) continue;
    // Widened on `var` to the hull, the two must be one box: they differed on `var` only.
    Box wa = a, wb = b;
    slot(wa, var).num = *h;
    slot(wb, var).num = *h;
    if (subset(wa, wb) && subset(wb, wa)) return wa;
  }
  return std::nullopt;
}


std::vector<Q> roundUnits(const VarInfo& v) {
  if (v.kind == VarKind::Date || v.type.kind != TypeKind::Number) return {};
  if (v.type.dim == Dimension::base(0)) return {Q(10000), Q(1)};  // whole 万元, else whole 元
  if (v.integer) return {Q(1)};
  // Shown as a percentage: a share, or a rate per a unit (%/年), as ir::numberStyle writes it.
  const auto& exps = v.type.dim.exps;
  if (exps.empty() || (exps.size() == 1 && exps[0].second == -1)) return {Q::frac(1, 100), Q::frac(1, 10000)};
  return {Q(1), Q::frac(1, 100)};  // whole 人, 平方米, 年, 吨标煤, else hundredths of one
}

InForce inForce(const ir::Program& p) {
  InForce out;
  for (const ir::Document& d : p.documents) {
    if (d.effectiveFrom && (!out.from || *d.effectiveFrom < *out.from)) out.from = d.effectiveFrom;
    if (d.effectiveTo && (!out.to || *d.effectiveTo > *out.to)) out.to = d.effectiveTo;
  }
  return out;
}

namespace {

// A date: mid-2024, or the nearest day some document is in force.
Q defaultValue(const VarInfo& v, const InForce& days) {
  if (v.kind == VarKind::Date || v.type.kind == TypeKind::Date) {
    int d = *ir::parseDate("2024-06-30");
    if (days.to && d > *days.to) d = *days.to;
    if (days.from && d < *days.from) d = *days.from;
    return Q(d);
  }
  if (v.type.kind == TypeKind::Number) {
    if (v.type.dim == Dimension::base(0)) return Q(10000000);  // 1000万元
    if (!v.type.dim.dimensionless()) return Q(10);  // 10年, 10人, 10吨标煤: 1000年 read as no applicant
    if (v.type.integer) return Q(10);
    return Q::frac(1, 2);
  }
  return Q(0);
}

Q stepOf(const VarInfo& v) {
  if (v.integer || v.kind == VarKind::Date) return Q(1);
  if (v.type.kind == TypeKind::Number && v.type.dim.dimensionless()) return Q::frac(1, 10000);
  return Q(1);
}

// A witness reads as an applicant when its amounts are round: 501万元 above a threshold of 500万元,
// not 500.0001万元. The multiple of the largest unit nearest to `x` that the domain allows, the
// one above on a tie (x stands just inside a lower bound); `x` itself when none does.
Q rounded(const VarInfo& v, const NumDom& n, const Q& x) {
  if (v.kind == VarKind::HistMax && x.sign() < 0) return x;  // no earlier year
  auto allowed = [&](const Q& y) {
    if (n.hasLo && (y < n.lo || (y == n.lo && n.loStrict))) return false;
    if (n.hasHi && (y > n.hi || (y == n.hi && n.hiStrict))) return false;
    if (v.lo && y < *v.lo) return false;
    if (v.hi && y > *v.hi) return false;
    if (v.histLo && y < *v.histLo) return false;
    return std::find(n.ne.begin(), n.ne.end(), y) == n.ne.end();
  };
  for (const Q& unit : roundUnits(v)) {
    const Q down = (x / unit).floor() * unit;
    if (down == x) return x;
    const Q up = down + unit;
    const bool upFirst = up - x <= x - down;
    for (const Q& y : upFirst ? std::vector<Q>{up, down} : std::vector<Q>{down, up})
      if (allowed(y)) return y;
  }
  return x;
}

}  // namespace

VarValue Boxes::pickVar(int var, const Box& b) const {
  const Dom* found = find(b, var);
  Dom d = found ? *found : initial(var);
  const VarInfo& v = vars_[var];
  VarValue out;
  switch (v.dom) {
    case DomKind::Bool: out.b = d.boolMask == 2; return out;
    case DomKind::Enum:
      for (int i = 0; i < v.members && i < ir::kMaxEnumMembers; ++i)
        if (d.enumAllowed[i]) {
          out.e = i;
          break;
        }
      return out;
    case DomKind::Set:
    case DomKind::Rec: setSatWith(d, &out.states); return out;
    case DomKind::Text: return out;
    case DomKind::Num: break;
  }
  const NumDom& n = d.num;
  if (v.kind == VarKind::HistMax && (!n.hasLo || n.lo < Q(0)) && (!n.hasHi || n.hi >= Q(-1))) {
    out.absent = true;
    out.num = Q(-1);
    return out;
  }
  Q step = stepOf(v);
  Q x;
  auto above = [&](const Q& lo, bool strict) {
    Q r = strict ? lo + step : lo;
    if (!r.toDecimal()) r = lo.roundUp(6);
    if (strict && r == lo) r = r + Q::frac(1, 1000000);
    return r;
  };
  auto below = [&](const Q& hi, bool strict) {
    Q r = strict ? hi - step : hi;
    if (!r.toDecimal()) r = hi.roundDown(6);
    if (strict && r == hi) r = r - Q::frac(1, 1000000);
    return r;
  };
  // A bound at 0 (`上级实到资金 超 0元`, `增量(产值) 超 0元`) asks for some, or for growth: not a
  // threshold anyone drew, and one unit above it (1元) reads as an odd applicant, so such a value
  // starts from the default like an unbounded one. A bound the policy sets elsewhere is stood on.
  bool lowFromPolicy = n.hasLo && ((n.loLit && n.lo.sign() != 0) || (v.lo && n.lo > *v.lo));
  if (lowFromPolicy) {
    x = above(n.lo, n.loStrict);
  } else {
    x = defaultValue(v, days_);
    if (n.hasLo && (x < n.lo || (x == n.lo && n.loStrict))) x = above(n.lo, n.loStrict);
  }
  if (n.hasHi && (x > n.hi || (x == n.hi && n.hiStrict))) {
    if (n.hasLo && n.hiLit && !lowFromPolicy) {
      // Only an upper bound from the policy: stay just inside it.
      x = below(n.hi, n.hiStrict);
      if (x < n.lo || (x == n.lo && n.loStrict)) x = ((n.lo + n.hi) / Q(2));
    } else if (n.hasLo) {
      x = (n.lo + n.hi) / Q(2);
    } else {
      x = below(n.hi, n.hiStrict);
    }
    if (!x.toDecimal()) x = x.roundDown(6);
  }
  if (v.integer && !x.isInteger()) {
    Q c = x.ceil();
    if (!n.hasHi || c < n.hi || (c == n.hi && !n.hiStrict)) x = c;
    else x = x.floor();
  }
  for (int guard = 0; guard < 64 && std::find(n.ne.begin(), n.ne.end(), x) != n.ne.end(); ++guard) {
    Q y = x + step;
    if (n.hasHi && (y > n.hi || (y == n.hi && n.hiStrict))) y = x - step;
    x = y;
  }
  out.num = rounded(v, n, x);
  return out;
}

F Boxes::formula(const Box& b, int except) const {
  if (b.empty) return F::f();
  std::vector<F> parts;
  auto lit = [&](int var, auto&& fill) {
    Lit l;
    l.var = var;
    fill(l);
    parts.push_back(F::of(std::move(l)));
  };
  for (const Dom& d : b.doms) {
    if (d.var == except) continue;
    switch (vars_[d.var].dom) {
      case DomKind::Num:
        if (d.num.hasLo && d.num.loLit)
          lit(d.var, [&](Lit& l) {
            l.op = d.num.loStrict ? ast::CmpOp::Gt : ast::CmpOp::Ge;
            l.val = d.num.lo;
          });
        if (d.num.hasHi && d.num.hiLit)
          lit(d.var, [&](Lit& l) {
            l.op = d.num.hiStrict ? ast::CmpOp::Lt : ast::CmpOp::Le;
            l.val = d.num.hi;
          });
        for (const Q& p : d.num.ne)
          lit(d.var, [&](Lit& l) {
            l.op = ast::CmpOp::Ne;
            l.val = p;
          });
        break;
      case DomKind::Bool:
        if (d.boolMask != 3)
          lit(d.var, [&](Lit& l) {
            l.kind = Lit::BoolIs;
            l.b = d.boolMask == 2;
          });
        if (d.boolMask == 0) return F::f();
        break;
      case DomKind::Enum:
        lit(d.var, [&](Lit& l) {
          l.kind = Lit::EnumIn;
          l.bits = d.enumAllowed;
        });
        break;
      case DomKind::Set:
      case DomKind::Rec:
        for (const auto& m : d.masks)
          lit(d.var, [&](Lit& l) {
            l.kind = Lit::SetAny;
            l.any = {m};
          });
        for (const auto& any : d.anys)
          lit(d.var, [&](Lit& l) {
            l.kind = Lit::SetAny;
            l.any = any;
          });
        break;
      case DomKind::Text: break;
    }
  }
  return F::all(std::move(parts));
}

Assignment Boxes::pick(const Box& b) const {
  Assignment out;
  for (const auto& d : b.doms) out[d.var] = pickVar(d.var, b);
  return out;
}

std::optional<std::vector<Box>> Boxes::dnf(const F& f, std::size_t limit) const {
  switch (f.op) {
    case F::True: return std::vector<Box>{Box{}};
    case F::False: return std::vector<Box>{};
    case F::Opaque: return std::nullopt;
    case F::Lit: {
      Box b;
      if (!add(b, f.lit)) return std::vector<Box>{};
      return std::vector<Box>{std::move(b)};
    }
    case F::Or: {
      std::vector<Box> out;
      for (const auto& k : f.kids) {
        auto sub = dnf(k, limit);
        if (!sub) return std::nullopt;
        for (auto& b : *sub) out.push_back(std::move(b));
        if (out.size() > limit) return std::nullopt;
      }
      return out;
    }
    case F::And: {
      // Literals first, into one box; then the disjunctive parts multiply it out.
      Box base;
      std::vector<const F*> rest;
      for (const auto& k : f.kids) {
        if (k.op == F::Lit) {
          if (!add(base, k.lit)) return std::vector<Box>{};
        } else {
          rest.push_back(&k);
        }
      }
      std::vector<Box> acc{std::move(base)};
      for (const F* k : rest) {
        auto sub = dnf(*k, limit);
        if (!sub) return std::nullopt;
        std::vector<Box> next;
        for (const auto& a : acc)
          for (const auto& b : *sub) {
            Box m = meet(a, b);
            if (!m.empty) next.push_back(std::move(m));
            if (next.size() > limit) return std::nullopt;
          }
        acc = std::move(next);
        if (acc.empty()) break;
      }
      return acc;
    }
  }
  return std::nullopt;
}

bool viewsClash(const VarTable& vars, const Box& b) {
  // Views of one fact that the box would treat as independent although they are not.
  std::map<std::pair<int, int>, unsigned> kinds;
  for (const auto& d : b.doms) {
    const VarInfo& v = vars[d.var];
    if (v.kind == VarKind::Sum) return true;
    if (v.kind == VarKind::Date) continue;
    kinds[{v.subject, v.fact}] |= 1u << static_cast<unsigned>(v.kind);
  }
  auto bit = [](VarKind k) { return 1u << static_cast<unsigned>(k); };
  for (const auto& [key, k] : kinds) {
    if ((k & bit(VarKind::Increase)) && (k & ~bit(VarKind::Increase))) return true;
    if ((k & bit(VarKind::Prev)) && (k & bit(VarKind::HistMax))) return true;
  }
  return false;
}

std::string describeValue(const ir::Program& p, const VarInfo& v, const Q& q) {
  // Dates are day numbers to the solver, and 2023-12-31 to the reader.
  if ((v.kind == VarKind::Date || v.type.kind == TypeKind::Date) && q.isInteger())
    return ir::formatDate(static_cast<int>(q.num()));
  if (auto d = q.toDecimal()) return eval::quantity(p, *d, v.type);
  return q.str();
}

Stretch describeStretch(const ir::Program& p, const VarInfo& v, const Q& lo, bool loIn, const Q& hi, bool hiIn) {
  auto value = [&](const Q& q) { return describeValue(p, v, q); };
  if (v.integer) {
    try {
      const Q first = loIn ? lo.ceil() : lo.floor() + Q(1);
      const Q last = hiIn ? hi.floor() : hi.ceil() - Q(1);
      if (first == last) return {fmt::format("{} = {}", v.name, value(first)), true};
      if (first < last) return {fmt::format("{} from {} to {}", v.name, value(first), value(last)), false};
    } catch (const ArithOverflow&) {
    }
  }
  return {fmt::format("{} between {} and {}", v.name, value(lo), value(hi)), false};
}

std::string describeLit(const ir::Program& p, const VarTable& vars, const Lit& l) {
  const VarInfo& v = vars[l.var];
  auto value = [&](const Q& q) { return describeValue(p, v, q); };
  static const char* const kOps[] = {">", "≥", "≤", "<", "=", "≠"};
  switch (l.kind) {
    case Lit::Cmp: return fmt::format("{} {} {}", v.name, kOps[static_cast<int>(l.op)], value(l.val));
    case Lit::BoolIs: return l.b ? v.name : "非 " + v.name;
    case Lit::EnumIn: {
      std::string out;
      for (int i = 0; i < v.members && i < ir::kMaxEnumMembers; ++i)
        if (l.bits[i]) out += (out.empty() ? "" : "、") + p.enums[v.enumIndex].members[i];
      return v.name + " ∈ {" + out + "}";
    }
    case Lit::SetAny: {
      std::string out;
      for (auto [m, s] : l.any) {
        std::string name = p.enums[v.enumIndex].members[m];
        std::string what = s == kNew ? "新认定 " : s == kAbsent ? "不含 " : (s & kAbsent) ? "非新认定 " : "";
        out += (out.empty() ? "" : " 或 ") + what + name;
      }
      return v.name + " 含 " + out;
    }
  }
  return "?";
}

std::string moneyText(const Q& q) {
  auto d = q.toDecimal();
  return d ? eval::money(*d) : q.str();
}

}  // namespace polc::check
