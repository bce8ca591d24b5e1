#include "check/product.h"

namespace polc::check {

using ir::Op;

namespace {

bool isMul(const ir::Expr& e) { return e.op == Op::Arith && e.arith == ast::ArithOp::Mul; }
bool isDiv(const ir::Expr& e) { return e.op == Op::Arith && e.arith == ast::ArithOp::Div; }

// A plain number the product scales by (no unit: 元/吨标煤 makes a base of its factor), as the ends
// of its values; nullopt when e is not constant.
std::optional<std::pair<Q, Q>> constantFactor(const ir::Expr& e, Translator& tr) {
  if (e.type.kind != TypeKind::Number || !e.type.dim.dimensionless()) return std::nullopt;
  if (e.op == Op::Range) {
    auto a = tr.constant(e.kids[0]);
    auto b = tr.constant(e.kids[1]);
    if (!a || !b) return std::nullopt;
    return std::make_pair(qmin(*a, *b), qmax(*a, *b));
  }
  auto v = tr.constant(e);
  if (!v) return std::nullopt;
  return std::make_pair(*v, *v);
}

bool writtenAsPercent(const ir::Expr& e) {
  return (e.op == Op::Const || e.op == Op::Range) &&
         (e.source.find('%') != std::string::npos || e.source.find("‰") != std::string::npos);
}

// Adds the factors of e (multiplied, or divided by when `divide`) to the product; false when a
// constant factor is not positive.
bool collect(const ir::Expr& e, bool divide, Product& out, Translator& tr) {
  if (!divide && isMul(e)) return collect(e.kids[0], false, out, tr) && collect(e.kids[1], false, out, tr);
  if (!divide && isDiv(e) && constantFactor(e.kids[1], tr))
    return collect(e.kids[0], false, out, tr) && collect(e.kids[1], true, out, tr);
  auto k = constantFactor(e, tr);
  if (!k) {
    out.base.push_back(&e);  // a divisor is always constant here (see above)
    return true;
  }
  auto [lo, hi] = *k;
  if (lo.sign() <= 0) return false;
  try {
    if (divide) {
      out.lo = out.lo / hi;
      out.hi = out.hi / lo;
    } else {
      out.lo = out.lo * lo;
      out.hi = out.hi * hi;
    }
  } catch (const ArithOverflow&) {
    return false;
  }
  (divide ? out.divides : out.times).push_back(&e);
  out.percent = out.percent || writtenAsPercent(e);
  return true;
}

std::string joined(const std::vector<const ir::Expr*>& parts, const char* sep) {
  std::string out;
  for (const ir::Expr* p : parts) out += (out.empty() ? "" : sep) + p->source;
  return out;
}

}  // namespace

std::string Product::rateText() const {
  std::string out = joined(times, " × ");
  for (const ir::Expr* d : divides) out += (out.empty() ? "1 ÷ " : " ÷ ") + d->source;
  return out;
}

std::string Product::baseText() const { return joined(base, " × "); }

std::optional<Product> productOf(const ir::Expr& e, Translator& tr) {
  // A quotient by something that varies is no rate of a base.
  if (!isMul(e) && !(isDiv(e) && constantFactor(e.kids[1], tr))) return std::nullopt;
  Product p;
  p.node = &e;
  if (!collect(e, false, p, tr)) return std::nullopt;
  return p;
}

std::optional<Lin> baseLin(const Product& p, Translator& tr) {
  std::optional<Lin> out;
  for (const ir::Expr* b : p.base) {
    auto l = tr.lin(*b);
    if (!l || l->nonlinear) return std::nullopt;
    if (!out) {
      out = l;
      continue;
    }
    // One of the two is a constant (with a unit: 500元/吨标煤): it scales the other.
    if (!out->coef.empty() && !l->coef.empty()) return std::nullopt;
    Lin& x = out->coef.empty() ? *l : *out;
    const Q k = out->coef.empty() ? out->c : l->c;
    try {
      for (auto& [v, c] : x.coef) c = c * k;
      x.c = x.c * k;
    } catch (const ArithOverflow&) {
      return std::nullopt;
    }
    out = x;
  }
  return out;
}

}  // namespace polc::check
