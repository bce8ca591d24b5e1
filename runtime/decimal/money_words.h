// How an amount of money is written for people, in one place for every evaluator: the reference
// evaluator and polc's text output (through runtime/text), the VM and the C API (runtime/text), and
// the generated C++ (polc_decimal.h, made from these sources by
// compiler/backend/cpp/decimal_header.cmake, carries this header). So `polc eval`, an explanation
// line and an embedding program cannot write one amount two ways.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "decimal/decimal.h"

namespace polrt {

// v × 10^exp, if it needs no more than `places` decimals: 9600000 元 is 960 万元 (exp -4), and
// 0.125 a percentage of 12.5 (exp 2).
inline std::optional<Decimal> scaledExactly(const Decimal& v, int exp, int places) {
  Decimal out;
  if (shift(v, exp, out) != ArithError::None) return std::nullopt;
  out = out.normalized();
  if (out.scale() > places) return std::nullopt;
  return out;
}

// An amount in 元, exact: whole, or to the fen when it has a fractional part (617283.90, never
// 617283.9, which a clerk reads as a figure cut short); digits beyond the fen, which a step before
// rounding may have, are all kept.
inline std::string yuanDigits(const Decimal& yuan) {
  std::string s = yuan.normalized().toString();
  const std::size_t dot = s.find('.');
  if (dot != std::string::npos && s.size() - dot == 2) s += '0';
  return s;
}

// Digits grouped by thousands: 12,000,000; 617,283.90. `digits` is a decimal as toString() writes it.
inline std::string groupedDigits(std::string digits) {
  const bool neg = !digits.empty() && digits[0] == '-';
  if (neg) digits.erase(0, 1);
  const std::size_t dot = digits.find('.');
  const std::string whole = digits.substr(0, dot), frac = dot == std::string::npos ? "" : digits.substr(dot);
  std::string out;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) out += ',';
    out += whole[i];
  }
  return (neg ? "-" : "") + out + frac;
}

// 617,283.90: an amount in 元 as the blocks and totals of `polc eval` write it, before ` 元`.
inline std::string groupedYuan(const Decimal& yuan) { return groupedDigits(yuanDigits(yuan)); }

// 960万元, 2.5亿元, 1234.50元: an amount with the unit a policy text would use, exact — in 亿元 or
// 万元 only when that needs no more digits than the 元 it stands for.
inline std::string moneyWords(const Decimal& yuan) {
  const Decimal a = yuan.abs();
  if (a >= Decimal::fromInt(100000000))
    if (auto v = scaledExactly(yuan, -8, 2)) return v->toString() + "亿元";
  if (a >= Decimal::fromInt(10000))
    if (auto v = scaledExactly(yuan, -4, 4)) return v->toString() + "万元";
  return yuanDigits(yuan) + "元";
}

}  // namespace polrt
