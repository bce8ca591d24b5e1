#include "check/num.h"

#include <cstdlib>

namespace polc::check {
namespace {

using I = Q::I;

I gcd(I a, I b) {
  if (a < 0) a = -a;
  if (b < 0) b = -b;
  while (b != 0) {
    I t = a % b;
    a = b;
    b = t;
  }
  return a;
}

I mulc(I a, I b) {
  I r;
  if (__builtin_mul_overflow(a, b, &r)) throw ArithOverflow{};
  return r;
}

I addc(I a, I b) {
  I r;
  if (__builtin_add_overflow(a, b, &r)) throw ArithOverflow{};
  return r;
}

std::string toString(I v) {
  if (v == 0) return "0";
  bool neg = v < 0;
  unsigned __int128 u = neg ? static_cast<unsigned __int128>(-(v + 1)) + 1 : static_cast<unsigned __int128>(v);
  std::string s;
  while (u > 0) {
    s.insert(s.begin(), static_cast<char>('0' + static_cast<int>(u % 10)));
    u /= 10;
  }
  return neg ? "-" + s : s;
}

}  // namespace

Q Q::frac(I n, I d) {
  if (d == 0) throw ArithOverflow{};
  if (d < 0) {
    n = -n;
    d = -d;
  }
  I g = gcd(n, d);
  Q q;
  if (g > 1) {
    n /= g;
    d /= g;
  }
  q.n_ = n;
  q.d_ = d;
  return q;
}

Q Q::fromDecimal(const polrt::Decimal& d) {
  I den = 1;
  for (int i = 0; i < d.scale(); ++i) den *= 10;
  return frac(d.mantissa(), den);
}

std::optional<Q> Q::parse(const std::string& text) {
  auto slash = text.find('/');
  if (slash != std::string::npos) {
    auto a = parse(text.substr(0, slash));
    auto b = parse(text.substr(slash + 1));
    if (!a || !b || b->isZero()) return std::nullopt;
    try {
      return *a / *b;
    } catch (const ArithOverflow&) {
      return std::nullopt;
    }
  }
  std::string t = text;
  if (!t.empty() && t.back() == '?') t.pop_back();  // Z3 marks truncated decimals with '?'
  auto d = polrt::Decimal::parse(t);
  if (!d) return std::nullopt;
  return fromDecimal(*d);
}

Q Q::operator+(const Q& o) const {
  I g = gcd(d_, o.d_);
  I a = mulc(n_, o.d_ / g), b = mulc(o.n_, d_ / g);
  return frac(addc(a, b), mulc(d_ / g, o.d_));
}

Q Q::operator-(const Q& o) const { return *this + (-o); }

Q Q::operator*(const Q& o) const {
  I g1 = gcd(n_, o.d_), g2 = gcd(o.n_, d_);
  if (g1 == 0) g1 = 1;
  if (g2 == 0) g2 = 1;
  return frac(mulc(n_ / g1, o.n_ / g2), mulc(d_ / g2, o.d_ / g1));
}

Q Q::operator/(const Q& o) const {
  if (o.n_ == 0) throw ArithOverflow{};
  return *this * frac(o.d_, o.n_);
}

int Q::cmp(const Q& o) const {
  if (d_ == o.d_) return n_ < o.n_ ? -1 : n_ > o.n_ ? 1 : 0;
  // Compare n_/d_ with o.n_/o.d_ by cross multiplication; on overflow, by the integer parts first.
  I a, b;
  if (!__builtin_mul_overflow(n_, o.d_, &a) && !__builtin_mul_overflow(o.n_, d_, &b))
    return a < b ? -1 : a > b ? 1 : 0;
  Q fa = floor(), fb = o.floor();
  if (fa.n_ != fb.n_) return fa.n_ < fb.n_ ? -1 : 1;
  Q ra = *this - fa, rb = o - fb;
  long double x = static_cast<long double>(ra.n_) / static_cast<long double>(ra.d_);
  long double y = static_cast<long double>(rb.n_) / static_cast<long double>(rb.d_);
  return x < y ? -1 : x > y ? 1 : 0;
}

Q Q::floor() const {
  I q = n_ / d_;
  if (n_ % d_ != 0 && n_ < 0) q -= 1;
  return frac(q, 1);
}

Q Q::ceil() const {
  I q = n_ / d_;
  if (n_ % d_ != 0 && n_ > 0) q += 1;
  return frac(q, 1);
}

std::optional<polrt::Decimal> Q::toDecimal() const {
  I den = 1;
  for (int s = 0; s <= polrt::Decimal::kMaxScale; ++s) {
    if (den % d_ == 0) {
      I m;
      if (__builtin_mul_overflow(n_, den / d_, &m)) return std::nullopt;
      return polrt::Decimal::tryFromParts(m, s);
    }
    den *= 10;
  }
  return std::nullopt;
}

Q Q::roundDown(int places) const {
  I p = 1;
  for (int i = 0; i < places; ++i) p *= 10;
  Q scaled = *this * Q::frac(p, 1);
  return scaled.floor() / Q::frac(p, 1);
}

Q Q::roundUp(int places) const {
  I p = 1;
  for (int i = 0; i < places; ++i) p *= 10;
  Q scaled = *this * Q::frac(p, 1);
  return scaled.ceil() / Q::frac(p, 1);
}

std::string Q::fraction() const { return toString(n_) + "/" + toString(d_); }

std::string Q::str() const {
  if (auto d = toDecimal()) return d->normalized().toString();
  return fraction();
}

}  // namespace polc::check
