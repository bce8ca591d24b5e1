// polc_runtime.h, part 1 of 11: exact values, amounts and three-valued conditions.
// polc writes the parts as one header (runtime_header.cmake); each is a header of its own so
// that the source can be read, and compiled, a part at a time.
#pragma once

#include <algorithm>
#include <bitset>
#include <cctype>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <exception>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "polc_decimal.h"

namespace polc_rt {

using Dec = Decimal;

// A decimal literal: D(1200, 2) is 12.00. A scale outside 0 to Decimal::kMaxScale (a call in an
// embedder's code) throws std::invalid_argument rather than index past the powers of ten.
constexpr Dec D(int64_t mantissa, int scale) {
  return scale >= 0 && scale <= Decimal::kMaxScale ? Decimal::fromParts(mantissa, scale)
                                                   : throw std::invalid_argument("polc_rt::D: scale out of range");
}

// ---- amounts and conditions -------------------------------------------------------------------

enum class Form : uint8_t { Exact, UpTo, Range };
inline const char* formName(Form f) {
  return f == Form::Exact ? "exact" : f == Form::UpTo ? "up_to" : "range";
}
inline int formRank(Form f) { return f == Form::Exact ? 0 : f == Form::Range ? 1 : 2; }
inline Form wider(Form a, Form b) { return formRank(a) >= formRank(b) ? a : b; }

// An amount of money: exact (lo == hi), up to a ceiling (lo == 0), or a range.
struct Amount {
  Dec lo, hi;
  Form form = Form::Exact;
};
inline Amount exact(Dec v) { return Amount{v, v, Form::Exact}; }

// A condition's value: false, true, unknown (it needs a fact the applicant did not give), or
// no-match (a 分档/分情形 without a matching entry: the clause pays nothing).
enum class T4 : uint8_t { F, T, U, N };
inline T4 t4(bool b) { return b ? T4::T : T4::F; }
inline T4 t4not(T4 v) { return v == T4::T ? T4::F : v == T4::F ? T4::T : v; }

// Evaluation failed: an overflow, a result needing more than 18 decimals, a division by zero, a
// parameter before its first date. The message names the clause and the expression.
struct EvalError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// A value filled in code that the facts readers refuse (outside its 取值 or its enum, a day outside
// the years 0000 to 9999), found where a clause reads it: whyNot lets it through where a trace
// reads it, as evaluate does, instead of showing 计算出错, polc's words for a computation that
// failed; the C API refuses such a value when it is set, so nothing else can show it.
struct FactError : EvalError {
  using EvalError::EvalError;
};

// The values a number fact may take, in its base unit: its 取值, and 0 at least for a quantity
// with a unit. The reader refuses a value outside, as polc does, since the checker's findings
// assume the bounds; a value filled in code is tested where a clause reads it (Run::bounded).
struct Bounds {
  bool hasMin;
  Dec min;
  bool hasMax;
  Dec max;
  bool integer;       // a count (计数): whole numbers only
  const char* fact;
  const char* range;  // the 取值 as written; "" when only the unit bounds the fact
  // Inline and cheap (every value a clause reads is tested): most facts are bounded by 0 alone, a
  // sign test.
  [[gnu::always_inline]] bool holds(const Dec& v) const {
    if (hasMin && (min.isZero() ? v.isNegative() : v < min)) return false;
    if (integer && !v.isInteger()) return false;
    return !(hasMax && v > max);
  }
  // Why `v` does not hold, in every reader's words (fact_errors.h); `given` is the value as given, quoted.
  std::string why(const Dec& v, const std::string& given) const {
    if (integer && !v.isInteger()) return notAWholeNumber(given);
    if (!*range) return negativeAmount(given);
    return outsideRange(given, fact, range);
  }
};

// Where an arithmetic step happens, for error messages: the clause and the expression as written.
// The message is put together only when a step fails, so that a step that succeeds (every step, on
// nearly every input) never builds a string: hence the prefix and suffix ("上限 " + the cap's name,
// the citation + " 资金分担") instead of a text made beforehand.
struct Where {
  const char* clause;
  const char* expr;  // null: a step of the clause itself (cap, rounding, funding)
  const char* prefix = "";
  const char* suffix = "";
};

// Cold and out of line: the checked operations that call it stay small enough to be inlined.
[[noreturn, gnu::cold, gnu::noinline]] inline void fail(const Where& w, const std::string& what) {
  const std::string place = std::string(w.prefix) + w.clause + w.suffix;
  if (w.expr) throw EvalError(errorAt(place, w.expr, what));
  throw EvalError(place + ": " + what);
}
[[noreturn, gnu::cold, gnu::noinline]] inline void fail(const Where& w, ArithError e) { fail(w, toString(e)); }
inline Dec check(ArithError e, Dec v, const Where& w) {
  if (e != ArithError::None) fail(w, e);
  return v;
}
inline Dec add(Dec a, Dec b, const Where& w) {
  // A sum that starts at zero (totals, caps over several clauses) adds to a zero first. Adding a
  // zero with no more decimals than the other operand gives that operand, digits and scale, as
  // the general path would, without its 128-bit scaling and overflow checks.
  if (a.isZero() && a.scale() <= b.scale()) return b;
  if (b.isZero() && b.scale() <= a.scale()) return a;
  Dec out;
  return check(polc_rt::add(a, b, out), out, w);
}
inline Dec sub(Dec a, Dec b, const Where& w) {
  if (b.isZero() && b.scale() <= a.scale()) return a;  // as in add
  Dec out;
  return check(polc_rt::sub(a, b, out), out, w);
}
inline Dec mul(Dec a, Dec b, const Where& w) {
  Dec out;
  return check(polc_rt::mul(a, b, out), out, w);
}
// An exact quotient: one that needs more than 18 decimals is an error, never rounded.
inline Dec divExact(Dec a, Dec b, const Where& w) {
  Dec q;
  if (const char* bad = divideExactly(a, b, q)) fail(w, bad);
  return q;
}
// Rounds to a multiple of `unit` (1元, 0.01元) with the document's mode.
inline Dec roundTo(Dec v, Dec unit, RoundingMode mode, const Where& w) {
  // A value with no more decimals than a unit of 10^-k (0.01元: k = 2) is a multiple of it already:
  // most amounts are, and this skips a 128-bit division and a multiplication.
  if (unit.mantissa() == 1 && v.scale() <= unit.scale()) return v.normalized();
  Dec q;
  check(polc_rt::div(v, unit, 0, mode, q), q, w);
  return mul(q, unit, w).normalized();
}

// Amount arithmetic as docs/ir.md defines it: × and ÷ by an exact number scale both ends, + and −
// combine ends and take the wider form.
inline Amount amul(const Amount& a, const Amount& b, const Where& w) {
  bool aExact = a.form == Form::Exact;
  const Amount& amount = aExact ? b : a;
  const Amount& factor = aExact ? a : b;
  Dec lo = mul(amount.lo, factor.lo, w), hi = mul(amount.hi, factor.lo, w);
  if (hi < lo) std::swap(lo, hi);
  return Amount{lo, hi, amount.form};
}
inline Amount adiv(const Amount& a, const Amount& b, const Where& w) {
  bool aExact = a.form == Form::Exact;
  Dec lo, hi;
  if (!aExact || b.form == Form::Exact) {
    lo = divExact(a.lo, b.lo, w);
    hi = divExact(a.hi, b.lo, w);
  } else {
    lo = divExact(a.lo, b.hi, w);
    hi = divExact(a.lo, b.lo, w);
  }
  if (hi < lo) std::swap(lo, hi);
  return Amount{lo, hi, aExact ? b.form : a.form};
}
inline Amount aadd(const Amount& a, const Amount& b, const Where& w) {
  return Amount{add(a.lo, b.lo, w), add(a.hi, b.hi, w), wider(a.form, b.form)};
}
inline Amount asub(const Amount& a, const Amount& b, const Where& w) {
  return Amount{sub(a.lo, b.hi, w), sub(a.hi, b.lo, w), wider(a.form, b.form)};
}
inline Amount aneg(const Amount& a) { return Amount{a.hi.negated(), a.lo.negated(), a.form}; }
inline Amount amin(const Amount& a, const Amount& b) {
  return Amount{polc_rt::min(a.lo, b.lo), polc_rt::min(a.hi, b.hi), wider(a.form, b.form)};
}
inline Amount amax(const Amount& a, const Amount& b) {
  return Amount{polc_rt::max(a.lo, b.lo), polc_rt::max(a.hi, b.hi), wider(a.form, b.form)};
}
inline Amount upTo(const Amount& a) { return Amount{Dec(), a.hi, Form::UpTo}; }
inline Amount range(const Amount& a, const Amount& b) { return Amount{a.lo, b.hi, Form::Range}; }
inline Amount capAt(const Amount& a, const Amount& c) {
  return Amount{polc_rt::min(a.lo, c.lo), polc_rt::min(a.hi, c.lo), a.form};
}
// Comparing amounts: both must be exact.
inline int acmp(const Amount& a, const Amount& b, const Where& w) {
  if (a.form != Form::Exact || b.form != Form::Exact) fail(w, inexactComparison());
  return compare(a.lo, b.lo);
}
// 递增 x 自 a 每增加 b 另给予 c: floor((x − a) / b) × c when x > a.
inline Amount steps(const Amount& x, const Amount& from, const Amount& every, const Amount& add_, const Where& w) {
  if (!(x.lo > from.lo)) return Amount{Dec(), Dec(), add_.form};
  if (every.lo.sign() <= 0) fail(w, stepNotPositive());
  Dec n;
  check(polc_rt::div(sub(x.lo, from.lo, w), every.lo, 0, RoundingMode::Floor, n), n, w);
  return Amount{mul(add_.lo, n, w), mul(add_.hi, n, w), add_.form};
}

// Orders of enum members: index 0 is the highest.
inline int enumCmp(int a, int b) { return a == b ? 0 : (a < b ? 1 : -1); }
enum class Cmp : uint8_t { Gt, Ge, Le, Lt, Eq, Ne };
inline bool holds(int c, Cmp op) {
  switch (op) {
    case Cmp::Gt: return c > 0;
    case Cmp::Ge: return c >= 0;
    case Cmp::Le: return c <= 0;
    case Cmp::Lt: return c < 0;
    case Cmp::Eq: return c == 0;
    case Cmp::Ne: return c != 0;
  }
  return false;
}
// A set of an ordered enum compared by order: some member compares so.
template <std::size_t N>
bool someMember(const std::bitset<N>& s, int value, Cmp op) {
  for (std::size_t m = 0; m < N; ++m)
    if (s[m] && holds(enumCmp(static_cast<int>(m), value), op)) return true;
  return false;
}

template <std::size_t N>
std::bitset<N> bits(std::initializer_list<int> members) {
  std::bitset<N> b;
  for (int m : members) b.set(static_cast<std::size_t>(m));
  return b;
}

}  // namespace polc_rt
