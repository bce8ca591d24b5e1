// polc_runtime.h, part 3 of 11: money as people write it, and values as the explanation lines write them.
// polc writes the parts as one header (runtime_header.cmake); each is a header of its own so
// that the source can be read, and compiled, a part at a time.
#pragma once

#include "dates.h"

namespace polc_rt {

// ---- money as people write it -----------------------------------------------------------------

// The words are polc_decimal.h's (runtime/decimal/money_words.h), as the runtime's and polc's.
// 960万元, 2.5亿元, 1234.50元.
inline std::string money(const Dec& yuan) { return moneyWords(yuan); }
inline std::string amountText(const Dec& lo, const Dec& hi, Form form) {
  return amountWords(lo, hi, static_cast<int>(form), [](const Dec& v) { return money(v); });
}

// ---- values in explanation lines, written as the reference evaluator writes them ------------------

// How a number of some type is written: as money; as a ratio (a percentage unless whole, then
// `unit`, as in 5%/年); or followed by its unit.
enum class Shown : uint8_t { Money, Ratio, Unit };
struct NumFormat {
  Shown how;
  const char* unit;
  bool integer;
};
constexpr NumFormat kMoney{Shown::Money, "", false};
constexpr NumFormat ratio(const char* unit, bool integer) { return NumFormat{Shown::Ratio, unit, integer}; }
constexpr NumFormat unit(const char* text) { return NumFormat{Shown::Unit, text, false}; }

inline std::string quantity(const Dec& v, const NumFormat& f) {
  if (f.how == Shown::Money) return money(v);
  if (f.how == Shown::Ratio) {
    if (f.integer || v.isInteger()) return v.normalized().toString() + f.unit;
    if (auto pct = scaledExactly(v, 2, 18)) return pct->toString() + "%" + f.unit;
  }
  return v.normalized().toString() + f.unit;
}
inline std::string show(const Dec& v, const NumFormat& f) { return quantity(v, f); }
inline std::string show(const Amount& a, const NumFormat& f) {
  return amountWords(a.lo, a.hi, static_cast<int>(a.form), [&](const Dec& v) { return quantity(v, f); });
}
inline std::string show(bool b) { return b ? "是" : "否"; }
inline std::string showEnum(int v, const char* const* names, int count) {
  return v >= 0 && v < count ? std::string(names[v]) : std::to_string(v);
}
template <std::size_t N>
std::string showSet(const std::bitset<N>& bits, const char* const* names, int count) {
  std::string out;
  for (std::size_t i = 0; i < N; ++i)
    if (bits[i]) out += (out.empty() ? "" : "、") + showEnum(static_cast<int>(i), names, count);
  return "{" + out + "}";
}
// `v 超过上限 c，按 c`, or `v 未超过上限 c` (the 上限 node of an expression).
inline std::string capLine(const Amount& v, const Dec& cap, const std::string& capText) {
  return amountText(v.lo, v.hi, v.form) +
         (min(v.hi, cap) < v.hi ? " 超过上限 " + capText + "，按 " + capText : " 未超过上限 " + capText);
}
// The note of a 首次超 tier: the highest value of the years before.
inline std::string pastBest(const std::optional<Dec>& best, const NumFormat& f) {
  return best ? "（往年最高 " + quantity(*best, f) + "）" : std::string("（无往年记录）");
}
// 递增's line, after steps() computed `outText`'s amount (so the count cannot fail here).
inline std::string stepsLine(const Amount& x, const Amount& from, const Amount& every, const std::string& xText,
                             const char* fromSource, const char* everySource, const char* addSource,
                             const std::string& outText, const Where& w) {
  if (!(x.lo > from.lo)) return "递增：" + xText + " 未超过 " + fromSource + "，另给予 0";
  Dec n;
  check(polc_rt::div(sub(x.lo, from.lo, w), every.lo, 0, RoundingMode::Floor, n), n, w);
  return "递增：(" + xText + " − " + fromSource + ") ÷ " + everySource + " 取整 = " + n.toString() + " 档 × " +
         addSource + " = " + outText;
}
// 12,000,000; 617,283.90 (to the fen)
inline std::string grouped(const Dec& v) { return groupedYuan(v); }

}  // namespace polc_rt
