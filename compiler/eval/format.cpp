// How amounts are written for people: exact, with the units a policy text uses.
#include <fmt/format.h>

#include "eval/eval.h"
#include "ir/words.h"

namespace polc::eval {
namespace {

// v × 10^exp when that has at most `places` decimals.
std::optional<Decimal> scaled(const Decimal& v, int exp, int places) {
  Decimal out;
  if (polrt::shift(v, exp, out) != polrt::ArithError::None) return std::nullopt;
  out = out.normalized();
  if (out.scale() > places) return std::nullopt;
  return out;
}

}  // namespace

std::string money(const Decimal& yuan) {
  Decimal a = yuan.abs();
  Decimal yi = Decimal::fromInt(100000000), wan = Decimal::fromInt(10000);
  if (a >= yi)
    if (auto v = scaled(yuan, -8, 2)) return v->toString() + "亿元";
  if (a >= wan)
    if (auto v = scaled(yuan, -4, 4)) return v->toString() + "万元";
  return yuan.normalized().toString() + "元";
}

std::string grouped(const Decimal& v) {
  std::string s = v.normalized().toString();
  bool neg = !s.empty() && s[0] == '-';
  if (neg) s = s.substr(1);
  auto dot = s.find('.');
  std::string whole = s.substr(0, dot), frac = dot == std::string::npos ? "" : s.substr(dot);
  std::string out;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) out += ',';
    out += whole[i];
  }
  return (neg ? "-" : "") + out + frac;
}

std::string quantity(const ir::Program& p, const Decimal& v, const Type& t) {
  ir::NumberStyle style = ir::numberStyle(p, t);
  switch (style.kind) {
    case ir::NumberStyle::Kind::Plain: break;
    case ir::NumberStyle::Kind::Money: return money(v);
    case ir::NumberStyle::Kind::Ratio:
      if (style.integer || v.isInteger()) return v.normalized().toString() + style.text;
      if (auto pct = scaled(v, 2, 18)) return pct->toString() + "%" + style.text;
      return v.normalized().toString() + style.text;
    case ir::NumberStyle::Kind::Unit: return v.normalized().toString() + style.text;
  }
  return v.normalized().toString();
}

std::string amountText(const Decimal& lo, const Decimal& hi, AmountForm form) {
  switch (form) {
    case AmountForm::Exact: return money(hi);
    case AmountForm::UpTo: return "最高 " + money(hi);
    case AmountForm::Range: return money(lo) + "至" + money(hi);
  }
  return "?";
}

}  // namespace polc::eval
