// Exact decimal numbers for award amounts.
//
// A Decimal is mantissa x 10^-scale with a signed 128-bit mantissa and 0 <= scale <= 18.
// Money must never pass through binary floating point, and a result that does not fit must
// be reported, never wrapped or silently rounded. The arithmetic primitives therefore return
// an ArithError and write the result through an out-parameter, leaving it untouched on error.
// They neither allocate nor throw: the bytecode VM calls them on every instruction.
//
// Representable values: |mantissa| <= 2^127 - 1 (INT128_MIN is excluded so negation and
// absolute value can never overflow) and scale <= 18. Every operation computes the exact
// mathematical result first and reports:
//   Precision  - the exact result has more than 18 decimal places;
//   Overflow   - otherwise, the result does not fit in 128 bits at its shortest scale;
// so an error is only ever reported when no Decimal could hold the answer (quantize, which
// asks for a particular scale, is the one documented exception).
//
// Values are not normalised: 1.50 is stored as (150, 2). Equality and ordering are by
// value, so 1.50 == 1.5; use normalized() or toString() for a canonical form.
#pragma once

#include <cassert>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "decimal/wide_int.h"

namespace polrt {

enum class ArithError : uint8_t { None, Overflow, Precision, DivideByZero };

// HalfUp is 四舍五入 (ties away from zero); HalfEven is banker's rounding; Down truncates
// toward zero; Up rounds away from zero; Floor and Ceiling round toward -inf and +inf.
enum class RoundingMode : uint8_t { HalfUp, HalfEven, Down, Up, Floor, Ceiling };

const char* toString(ArithError e) noexcept;
const char* toString(RoundingMode m) noexcept;

namespace detail {

constexpr int kMaxPow10 = 38;  // 10^38 < 2^127 - 1 < 10^39

struct Pow10Table {
  uint128_t v[kMaxPow10 + 1];
  constexpr Pow10Table() : v() {
    v[0] = 1;
    for (int i = 1; i <= kMaxPow10; ++i) v[i] = v[i - 1] * 10;
  }
};
inline constexpr Pow10Table kPow10{};

constexpr uint128_t pow10(int e) { return kPow10.v[e]; }

}  // namespace detail

class Decimal {
 public:
  static constexpr int kMaxScale = 18;
  static constexpr int128_t kMaxMantissa = static_cast<int128_t>(~static_cast<uint128_t>(0) >> 1);
  static constexpr int128_t kMinMantissa = -kMaxMantissa;

  constexpr Decimal() noexcept = default;  // zero

  static constexpr Decimal fromInt(int64_t v) noexcept { return Decimal(v, 0); }

  // Precondition: kMinMantissa <= mantissa <= kMaxMantissa and 0 <= scale <= kMaxScale.
  // Use tryFromParts for values that come from outside (e.g. a loaded bytecode file).
  static constexpr Decimal fromParts(int128_t mantissa, int scale) noexcept {
    assert(isValidParts(mantissa, scale));
    return Decimal(mantissa, scale);
  }
  static constexpr std::optional<Decimal> tryFromParts(int128_t mantissa, int scale) noexcept {
    if (!isValidParts(mantissa, scale)) return std::nullopt;
    return Decimal(mantissa, scale);
  }

  // Accepts [+-]digits[.digits]: "123", "-0.5", "1200.00", "+3". No exponent, blanks,
  // thousands separators, or bare "." at either end. nullopt on bad syntax, more than
  // kMaxScale fraction digits (even if they are zeros: the source says that scale), or a
  // mantissa beyond 128 bits. The scale of the text is kept: "1200.00" has scale 2.
  static std::optional<Decimal> parse(std::string_view text) noexcept;

  constexpr int128_t mantissa() const noexcept { return m_; }
  constexpr int scale() const noexcept { return s_; }

  constexpr bool isZero() const noexcept { return m_ == 0; }
  constexpr bool isNegative() const noexcept { return m_ < 0; }
  constexpr int sign() const noexcept { return (m_ > 0) - (m_ < 0); }
  constexpr bool isInteger() const noexcept {
    return s_ == 0 || static_cast<uint128_t>(m_ < 0 ? -m_ : m_) % detail::pow10(s_) == 0;
  }

  // Cannot fail: the mantissa range is symmetric.
  constexpr Decimal negated() const noexcept { return Decimal(-m_, s_); }
  constexpr Decimal abs() const noexcept { return Decimal(m_ < 0 ? -m_ : m_, s_); }

  // Integer part at scale 0. Cannot fail: the result is never larger in magnitude than
  // the input's mantissa. floor() is what "每满1亿元增加10万元" step counts need.
  Decimal floor() const noexcept;
  Decimal ceil() const noexcept;
  Decimal trunc() const noexcept;

  // Same value with trailing fractional zeros removed (1.50 -> 1.5, 1200 stays 1200).
  Decimal normalized() const noexcept;

  // Exact conversion: nullopt if the value has a fractional part or is out of range.
  std::optional<int64_t> toInt64() const noexcept;

  // Canonical shortest form: "123.45", "0", "-0.5", "1200". parse(toString()) == *this.
  std::string toString() const;

  // Exactly `places` decimals (places < 0 is taken as 0). A value with more decimals is
  // rounded with `mode`, half-even unless told otherwise; round explicitly first when the
  // policy prescribes a rule. "-0.00" is never produced.
  std::string toFixed(int places, RoundingMode mode = RoundingMode::HalfEven) const;

 private:
  constexpr Decimal(int128_t m, int s) noexcept : m_(m), s_(s) {}
  static constexpr bool isValidParts(int128_t m, int s) noexcept {
    return m >= kMinMantissa && s >= 0 && s <= kMaxScale;
  }
  // round() for places >= 0, which cannot fail.
  Decimal roundedTo(int places, RoundingMode mode) const noexcept;

  int128_t m_ = 0;
  int32_t s_ = 0;
};

static_assert(std::is_trivially_copyable_v<Decimal>);
static_assert(sizeof(Decimal) <= 32);

// ---- Checked arithmetic (the primitives). On error `out` is left unchanged. ----

namespace detail {
// Out-of-line exact paths taken when the 128-bit fast path overflows.
ArithError addSlow(Decimal a, Decimal b, Decimal& out) noexcept;
ArithError mulSlow(Decimal a, Decimal b, Decimal& out) noexcept;
}  // namespace detail

// Result scale is max(a.scale, b.scale), or shorter if that is needed to fit.
inline ArithError add(Decimal a, Decimal b, Decimal& out) noexcept {
  int128_t am = a.mantissa(), bm = b.mantissa();
  const int s = a.scale() > b.scale() ? a.scale() : b.scale();
  int128_t r;
  if (a.scale() != b.scale()) {
    const bool aLower = a.scale() < b.scale();
    int128_t& lm = aLower ? am : bm;
    const int diff = s - (aLower ? a.scale() : b.scale());
    if (__builtin_mul_overflow(lm, static_cast<int128_t>(detail::pow10(diff)), &lm)) {
      return detail::addSlow(a, b, out);
    }
  }
  if (__builtin_add_overflow(am, bm, &r) || r < Decimal::kMinMantissa) {
    return detail::addSlow(a, b, out);
  }
  out = Decimal::fromParts(r, s);
  return ArithError::None;
}

inline ArithError sub(Decimal a, Decimal b, Decimal& out) noexcept {
  return add(a, b.negated(), out);
}

// Always succeeds; kept as a primitive so the VM's opcode table is uniform.
inline ArithError neg(Decimal a, Decimal& out) noexcept {
  out = a.negated();
  return ArithError::None;
}

// Scales add (0.0370 x 0.5 has scale 5). If that exceeds 18 or the product does not fit,
// trailing zeros are stripped exactly; it is never rounded.
inline ArithError mul(Decimal a, Decimal b, Decimal& out) noexcept {
  const int s = a.scale() + b.scale();
  int128_t r;
  if (s > Decimal::kMaxScale || __builtin_mul_overflow(a.mantissa(), b.mantissa(), &r) ||
      r < Decimal::kMinMantissa) {
    return detail::mulSlow(a, b, out);
  }
  out = Decimal::fromParts(r, s);
  return ArithError::None;
}

inline ArithError mulInt(Decimal a, int64_t k, Decimal& out) noexcept {
  return mul(a, Decimal::fromInt(k), out);
}

// a / b rounded to `scale` places (0..18, else Precision) with `mode`.
ArithError div(Decimal a, Decimal b, int scale, RoundingMode mode, Decimal& out) noexcept;

// a rounded to at most `scale` decimals. A negative scale rounds to a multiple of
// 10^-scale (round(x, -4, ...) rounds to whole 万), stored at scale 0. A value that already
// has no more than `scale` decimals is returned as is. Fails only with Overflow, when
// rounding away from zero at a negative scale leaves the 128-bit range.
ArithError round(Decimal a, int scale, RoundingMode mode, Decimal& out) noexcept;

// Like round, but the result is stored with exactly max(scale, 0) decimals (1.5 -> 1.50 for
// scale 2). Unlike every other primitive this can report Overflow for a representable value,
// because the caller asked for that representation; scale > 18 gives Precision.
ArithError quantize(Decimal a, int scale, RoundingMode mode, Decimal& out) noexcept;

// a x 10^exp, exactly: shift(x, 4) converts 万元 to 元, shift(x, -8) 元 to 亿元.
ArithError shift(Decimal a, int exp, Decimal& out) noexcept;

// -1, 0 or 1 by value. Never overflows: when aligning the scales would leave 128 bits the
// scaled operand is necessarily the larger in magnitude.
inline int compare(Decimal a, Decimal b) noexcept {
  const int128_t am = a.mantissa(), bm = b.mantissa();
  if (a.scale() != b.scale()) {
    const int sa = a.sign(), sb = b.sign();
    if (sa != sb) return sa < sb ? -1 : 1;
    if (sa == 0) return 0;
    const bool aLower = a.scale() < b.scale();
    const int diff = aLower ? b.scale() - a.scale() : a.scale() - b.scale();
    int128_t scaled;
    if (__builtin_mul_overflow(aLower ? am : bm, static_cast<int128_t>(detail::pow10(diff)),
                               &scaled)) {
      // |scaled operand| > 2^127 > |other|; its sign is sa (== sb).
      return aLower ? sa : -sa;
    }
    const int128_t x = aLower ? scaled : am, y = aLower ? bm : scaled;
    return (x > y) - (x < y);
  }
  return (am > bm) - (am < bm);
}

inline bool operator==(Decimal a, Decimal b) noexcept { return compare(a, b) == 0; }
inline bool operator!=(Decimal a, Decimal b) noexcept { return compare(a, b) != 0; }
inline bool operator<(Decimal a, Decimal b) noexcept { return compare(a, b) < 0; }
inline bool operator<=(Decimal a, Decimal b) noexcept { return compare(a, b) <= 0; }
inline bool operator>(Decimal a, Decimal b) noexcept { return compare(a, b) > 0; }
inline bool operator>=(Decimal a, Decimal b) noexcept { return compare(a, b) >= 0; }

// On a tie the first argument is returned (its scale is kept).
inline Decimal min(Decimal a, Decimal b) noexcept { return compare(b, a) < 0 ? b : a; }
inline Decimal max(Decimal a, Decimal b) noexcept { return compare(b, a) > 0 ? b : a; }

}  // namespace polrt
