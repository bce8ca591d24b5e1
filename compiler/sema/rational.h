// Exact sums of literal shares (分期 40%, 30%, 30%; 市 15%, 溧阳市 其余) so that "adds up to 100%"
// is decided without rounding.
#pragma once

#include <optional>
#include <string>

#include "syntax/ast.h"

namespace polc::sema {

struct Rational {
  __extension__ typedef __int128 Int;
  Int num = 0;
  Int den = 1;

  Rational operator+(const Rational& o) const;
  bool operator==(const Rational& o) const { return num * o.den == o.num * den; }
  bool isOne() const { return num == den; }
  bool operator<(const Rational& o) const { return num * o.den < o.num * den; }  // denominators > 0
};

// The value of a literal expression (a quantity or ratio literal, already checked), or nullopt for
// anything that is not a plain literal or is too large to sum exactly.
std::optional<Rational> literalRational(const ast::Expr& e);

// r as a percentage, as a writer reads a sum of shares: 90%, 99.5%, ≈33.3333%.
std::string percentText(const Rational& r);

}  // namespace polc::sema
