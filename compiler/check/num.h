// Exact rationals for the checker's interval reasoning: bounds come from decimal literals divided by
// rates (x × 3 > 10 gives x > 10/3), so they are kept as fractions. Arithmetic is checked: an
// overflow throws ArithOverflow and the caller hands the question to Z3, which is unbounded.
#pragma once

#include <optional>
#include <string>

#include "decimal/decimal.h"

namespace polc::check {

struct ArithOverflow {};

class Q {
 public:
  using I = polrt::int128_t;

  Q() = default;
  Q(long long v) : n_(v), d_(1) {}  // NOLINT: integers convert implicitly
  static Q frac(I n, I d);
  static Q fromDecimal(const polrt::Decimal& d);
  // Parses "p/q", "-12.5" or "3" (Z3's numerals).
  static std::optional<Q> parse(const std::string& text);

  I num() const { return n_; }
  I den() const { return d_; }
  int sign() const { return n_ > 0 ? 1 : n_ < 0 ? -1 : 0; }
  bool isZero() const { return n_ == 0; }
  bool isInteger() const { return d_ == 1; }

  Q operator+(const Q& o) const;
  Q operator-(const Q& o) const;
  Q operator*(const Q& o) const;
  Q operator/(const Q& o) const;
  Q operator-() const { return frac(-n_, d_); }
  bool operator==(const Q& o) const { return n_ == o.n_ && d_ == o.d_; }
  bool operator!=(const Q& o) const { return !(*this == o); }
  bool operator<(const Q& o) const { return cmp(o) < 0; }
  bool operator<=(const Q& o) const { return cmp(o) <= 0; }
  bool operator>(const Q& o) const { return cmp(o) > 0; }
  bool operator>=(const Q& o) const { return cmp(o) >= 0; }
  int cmp(const Q& o) const;

  Q floor() const;
  Q ceil() const;
  // The exact decimal, when the denominator divides a power of ten within polrt::Decimal.
  std::optional<polrt::Decimal> toDecimal() const;
  // A decimal with at most `places` decimals, rounded toward -inf (down) or +inf (up).
  Q roundDown(int places) const;
  Q roundUp(int places) const;
  std::string str() const;       // the decimal when exact, else "p/q"
  std::string fraction() const;  // always "p/q", as Z3 reads a real

 private:
  I n_ = 0, d_ = 1;
};

inline Q qmin(const Q& a, const Q& b) { return a < b ? a : b; }
inline Q qmax(const Q& a, const Q& b) { return a < b ? b : a; }

}  // namespace polc::check
