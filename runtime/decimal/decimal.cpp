#include "decimal/decimal.h"

namespace polrt {

using detail::U256;

namespace {

constexpr int kMaxScale = Decimal::kMaxScale;

constexpr uint128_t magnitude(int128_t m) {
  // Safe: kMinMantissa is -kMaxMantissa, so -m never overflows.
  return m < 0 ? static_cast<uint128_t>(-m) : static_cast<uint128_t>(m);
}

constexpr bool fitsMantissa(const U256& m) {
  return detail::fitsU128(m) &&
         detail::lowU128(m) <= static_cast<uint128_t>(Decimal::kMaxMantissa);
}

POLRT_DECIMAL_DEF Decimal make(bool negative, uint128_t mag, int scale) {
  const auto m = static_cast<int128_t>(mag);
  return Decimal::fromParts(negative ? -m : m, scale);
}

// Stores the exact value (-1)^negative * mag * 10^-scale (scale >= 0, possibly > 18).
// Trailing zeros are stripped only as far as needed to fit, so the error tells the truth:
// Precision when the value needs more than 18 decimals, Overflow when it needs more than
// 127 bits at its shortest scale.
POLRT_DECIMAL_DEF ArithError finish(bool negative, U256 mag, int scale, Decimal& out) {
  while (scale > 0 && (scale > kMaxScale || !fitsMantissa(mag))) {
    U256 q = mag;
    if (detail::divSmall(q, 10) != 0) break;
    mag = q;
    --scale;
  }
  if (scale > kMaxScale) return ArithError::Precision;
  if (!fitsMantissa(mag)) return ArithError::Overflow;
  out = make(negative, detail::lowU128(mag), scale);
  return ArithError::None;
}

// Whether a truncated quotient must be moved one unit away from zero.
// halfCmp is the sign of (remainder - divisor/2); negative is the sign of the exact quotient.
POLRT_DECIMAL_DEF bool roundsAway(RoundingMode mode, bool negative, bool inexact, int halfCmp, bool quotientOdd) {
  if (!inexact) return false;
  switch (mode) {
    case RoundingMode::HalfUp: return halfCmp >= 0;
    case RoundingMode::HalfEven: return halfCmp > 0 || (halfCmp == 0 && quotientOdd);
    case RoundingMode::Down: return false;
    case RoundingMode::Up: return true;
    case RoundingMode::Floor: return negative;
    case RoundingMode::Ceiling: return !negative;
  }
  return false;
}

// n / d rounded to an integer. Comparing r with d - r instead of 2r with d cannot overflow.
POLRT_DECIMAL_DEF uint128_t divRound(uint128_t n, uint128_t d, bool negative, RoundingMode mode) {
  // Money mostly fits in 64 bits: a 64-bit division is several times faster than __udivti3.
  const bool small = (n >> 64) == 0 && (d >> 64) == 0;
  const uint128_t q = small ? static_cast<uint64_t>(n) / static_cast<uint64_t>(d) : n / d;
  const uint128_t r = small ? static_cast<uint64_t>(n) % static_cast<uint64_t>(d) : n % d;
  const int halfCmp = (r > d - r) - (r < d - r);
  // q + 1 cannot wrap: d == 1 leaves no remainder, and d >= 2 halves n.
  return q + roundsAway(mode, negative, r != 0, halfCmp, q & 1);
}

POLRT_DECIMAL_DEF U256 divRound(const U256& n, const U256& d, bool negative, RoundingMode mode) {
  U256 r;
  const U256 q = detail::divmod(n, d, r);
  const bool away =
      roundsAway(mode, negative, !detail::isZero(r), detail::compare(r, detail::sub(d, r)),
                 q.w[0] & 1);
  return away ? detail::add(q, detail::u256(1)) : q;
}

POLRT_DECIMAL_DEF U256 pow10Wide(int e) {  // 0 <= e <= 2 * kMaxPow10
  return e <= detail::kMaxPow10
             ? detail::u256(detail::pow10(e))
             : detail::mul(detail::pow10(detail::kMaxPow10), detail::pow10(e - detail::kMaxPow10));
}

}  // namespace

POLRT_DECIMAL_DEF const char* toString(ArithError e) noexcept {
  switch (e) {
    case ArithError::None: return "none";
    case ArithError::Overflow: return "overflow";
    case ArithError::Precision: return "precision";
    case ArithError::DivideByZero: return "divide by zero";
  }
  return "?";
}

POLRT_DECIMAL_DEF const char* toString(RoundingMode m) noexcept {
  switch (m) {
    case RoundingMode::HalfUp: return "half-up";
    case RoundingMode::HalfEven: return "half-even";
    case RoundingMode::Down: return "down";
    case RoundingMode::Up: return "up";
    case RoundingMode::Floor: return "floor";
    case RoundingMode::Ceiling: return "ceiling";
  }
  return "?";
}

namespace detail {

POLRT_DECIMAL_DEF ArithError addSlow(Decimal a, Decimal b, Decimal& out) noexcept {
  const int s = a.scale() > b.scale() ? a.scale() : b.scale();
  const U256 x = mul(magnitude(a.mantissa()), pow10(s - a.scale()));
  const U256 y = mul(magnitude(b.mantissa()), pow10(s - b.scale()));
  if (a.isNegative() == b.isNegative()) return finish(a.isNegative(), add(x, y), s, out);
  return compare(x, y) >= 0 ? finish(a.isNegative(), sub(x, y), s, out)
                            : finish(b.isNegative(), sub(y, x), s, out);
}

POLRT_DECIMAL_DEF ArithError mulSlow(Decimal a, Decimal b, Decimal& out) noexcept {
  return finish(a.isNegative() != b.isNegative(),
                mul(magnitude(a.mantissa()), magnitude(b.mantissa())), a.scale() + b.scale(),
                out);
}

}  // namespace detail

POLRT_DECIMAL_DEF ArithError div(Decimal a, Decimal b, int scale, RoundingMode mode, Decimal& out) noexcept {
  if (b.isZero()) return ArithError::DivideByZero;
  if (scale < 0 || scale > kMaxScale) return ArithError::Precision;
  const bool negative = a.isNegative() != b.isNegative();
  // The quotient's mantissa at `scale` is a.m * 10^e / b.m; e is in [-18, 36], and the power
  // goes to whichever side keeps it an integer.
  const int e = scale + b.scale() - a.scale();
  // When both sides fit in 128 bits and so does the quotient, finish() below would store it as
  // is: skip the 256-bit detour (the usual case: amounts divided at scale 18 in funding splits).
  uint128_t n128 = magnitude(a.mantissa()), d128 = magnitude(b.mantissa());
  if (!__builtin_mul_overflow(e >= 0 ? n128 : d128, detail::pow10(e >= 0 ? e : -e), e >= 0 ? &n128 : &d128)) {
    const uint128_t q = divRound(n128, d128, negative, mode);
    if (q <= static_cast<uint128_t>(Decimal::kMaxMantissa)) {
      out = make(negative, q, scale);
      return ArithError::None;
    }
  }
  const U256 n = e >= 0 ? detail::mul(magnitude(a.mantissa()), detail::pow10(e))
                        : detail::u256(magnitude(a.mantissa()));
  const U256 d = e >= 0 ? detail::u256(magnitude(b.mantissa()))
                        : detail::mul(magnitude(b.mantissa()), detail::pow10(-e));
  const U256 q = detail::fitsU128(n) && detail::fitsU128(d)
                     ? detail::u256(divRound(detail::lowU128(n), detail::lowU128(d), negative, mode))
                     : divRound(n, d, negative, mode);
  return finish(negative, q, scale, out);
}

POLRT_DECIMAL_DEF ArithError round(Decimal a, int scale, RoundingMode mode, Decimal& out) noexcept {
  if (scale >= a.scale()) {
    out = a;
    return ArithError::None;
  }
  // Every Decimal is below 10^39 / 2, so scales below -39 round exactly like -39; clamping
  // keeps the divisor's exponent small.
  if (scale < -(detail::kMaxPow10 + 1)) scale = -(detail::kMaxPow10 + 1);
  const bool negative = a.isNegative();
  const int drop = a.scale() - scale;
  const uint128_t mag = magnitude(a.mantissa());
  const U256 q = drop <= detail::kMaxPow10
                     ? detail::u256(divRound(mag, detail::pow10(drop), negative, mode))
                     : divRound(detail::u256(mag), pow10Wide(drop), negative, mode);
  if (scale >= 0) return finish(negative, q, scale, out);
  if (detail::isZero(q)) {
    out = Decimal();
    return ArithError::None;
  }
  if (-scale > detail::kMaxPow10) return ArithError::Overflow;  // q * 10^39 or more
  return finish(negative, detail::mul(detail::lowU128(q), detail::pow10(-scale)), 0, out);
}

POLRT_DECIMAL_DEF ArithError quantize(Decimal a, int scale, RoundingMode mode, Decimal& out) noexcept {
  if (scale > kMaxScale) return ArithError::Precision;
  Decimal r;
  const ArithError e = round(a, scale, mode, r);
  if (e != ArithError::None) return e;
  const int target = scale < 0 ? 0 : scale;
  int128_t m = r.mantissa();
  if (r.scale() < target &&
      __builtin_mul_overflow(m, static_cast<int128_t>(detail::pow10(target - r.scale())), &m)) {
    return ArithError::Overflow;
  }
  out = Decimal::fromParts(m, target);  // m is a multiple of 10 or r itself, never INT128_MIN
  return ArithError::None;
}

POLRT_DECIMAL_DEF ArithError shift(Decimal a, int exp, Decimal& out) noexcept {
  if (a.isZero()) {
    out = Decimal();
    return ArithError::None;
  }
  const bool negative = a.isNegative();
  const uint128_t mag = magnitude(a.mantissa());
  const int64_t s = static_cast<int64_t>(a.scale()) - exp;  // 64-bit: exp may be extreme
  if (s < 0) {
    if (-s > detail::kMaxPow10) return ArithError::Overflow;  // at least 10^39
    return finish(negative, detail::mul(mag, detail::pow10(static_cast<int>(-s))), 0, out);
  }
  // A mantissa has at most 38 trailing zeros to give up.
  if (s > kMaxScale + detail::kMaxPow10) return ArithError::Precision;
  return finish(negative, detail::u256(mag), static_cast<int>(s), out);
}

POLRT_DECIMAL_DEF Decimal Decimal::roundedTo(int places, RoundingMode mode) const noexcept {
  Decimal r;
  [[maybe_unused]] const ArithError e = round(*this, places, mode, r);
  assert(e == ArithError::None);  // only rounding at a negative scale can overflow
  return r;
}

POLRT_DECIMAL_DEF Decimal Decimal::floor() const noexcept { return roundedTo(0, RoundingMode::Floor); }
POLRT_DECIMAL_DEF Decimal Decimal::ceil() const noexcept { return roundedTo(0, RoundingMode::Ceiling); }
POLRT_DECIMAL_DEF Decimal Decimal::trunc() const noexcept { return roundedTo(0, RoundingMode::Down); }

POLRT_DECIMAL_DEF Decimal Decimal::normalized() const noexcept {
  // Amounts fit in 64 bits, where dividing by 10 is a multiplication; 128-bit division is a call.
  if (m_ >= INT64_MIN && m_ <= INT64_MAX) {
    int64_t m = static_cast<int64_t>(m_);
    int s = s_;
    while (s > 0 && m % 10 == 0) {
      m /= 10;
      --s;
    }
    return Decimal(m, s);
  }
  int128_t m = m_;
  int s = s_;
  while (s > 0 && m % 10 == 0) {
    m /= 10;
    --s;
  }
  return Decimal(m, s);
}

POLRT_DECIMAL_DEF std::optional<int64_t> Decimal::toInt64() const noexcept {
  if (!isInteger()) return std::nullopt;
  const int128_t v = m_ / static_cast<int128_t>(detail::pow10(s_));
  if (v < INT64_MIN || v > INT64_MAX) return std::nullopt;
  return static_cast<int64_t>(v);
}

}  // namespace polrt
