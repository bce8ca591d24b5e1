#include "sema/rational.h"

#include <cctype>

namespace polc::sema {
namespace {

Rational::Int gcd(Rational::Int a, Rational::Int b) {
  if (a < 0) a = -a;
  if (b < 0) b = -b;
  while (b != 0) {
    Rational::Int t = a % b;
    a = b;
    b = t;
  }
  return a == 0 ? 1 : a;
}

Rational normalized(Rational r) {
  Rational::Int g = gcd(r.num, r.den);
  return Rational{r.num / g, r.den / g};
}

}  // namespace

Rational Rational::operator+(const Rational& o) const {
  return normalized(Rational{num * o.den + o.num * den, den * o.den});
}

std::optional<Rational> literalRational(const ast::Expr& e) {
  if (e.kind != ast::ExprKind::Quantity && e.kind != ast::ExprKind::Ratio) return std::nullopt;
  const LiteralValue& v = e.sema.literal;
  if (v.digits.empty() || v.digits.size() > 18) return std::nullopt;
  Rational r{0, 1};
  bool fraction = false;
  for (char c : v.digits) {
    if (c == '.') {
      fraction = true;
      continue;
    }
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    r.num = r.num * 10 + (c - '0');
    if (fraction) r.den *= 10;
  }
  if (v.pow10 > 12 || v.pow10 < -12) return std::nullopt;
  for (int i = 0; i < v.pow10; ++i) r.num *= 10;
  for (int i = 0; i > v.pow10; --i) r.den *= 10;
  r.num *= v.scaleNum;
  r.den *= v.scaleDen;
  return normalized(r);
}

std::string percentText(const Rational& r) {
  // Shares are literals, never negative; a sum that is no short decimal percent (1:3 is 33.33…%) is
  // shown to four places after a "≈".
  Rational::Int n = r.num * 100, d = r.den;
  if (n < 0 || d <= 0) return "?";
  auto digits = [](Rational::Int v) {
    std::string out;
    do {
      out.insert(out.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
      v /= 10;
    } while (v > 0);
    return out;
  };
  std::string text = digits(n / d);
  Rational::Int rem = n % d;
  if (rem != 0) text += '.';
  for (int i = 0; i < 4 && rem != 0; ++i) {
    rem *= 10;
    text += static_cast<char>('0' + static_cast<int>(rem / d));
    rem %= d;
  }
  return (rem != 0 ? "≈" : "") + text + "%";
}

}  // namespace polc::sema
