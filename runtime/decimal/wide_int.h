// Internal 256-bit unsigned arithmetic for the slow paths of Decimal.
//
// A product of two 127-bit mantissas, or a mantissa scaled by up to 10^36 before a division,
// needs up to 254 bits. These paths are taken only when the 128-bit fast path overflows, so
// the code favours being obviously correct (schoolbook limbs, Knuth's algorithm D) over speed.
// Not part of the public API; exposed as a header so the unit tests can check it directly.
#pragma once

#include <cstdint>

// Marks every out-of-line definition of the decimal sources. Empty here; the header-only copy that
// generated C++ includes (polc_decimal.h, made from these files by
// compiler/backend/cpp/decimal_header.cmake) defines it as `inline`.
#ifndef POLRT_DECIMAL_DEF
#define POLRT_DECIMAL_DEF
#endif

namespace polrt {

__extension__ typedef __int128 int128_t;
__extension__ typedef unsigned __int128 uint128_t;

namespace detail {

struct U256 {
  uint64_t w[4] = {0, 0, 0, 0};  // little-endian 64-bit limbs
};

constexpr uint64_t lo64(uint128_t v) { return static_cast<uint64_t>(v); }
constexpr uint64_t hi64(uint128_t v) { return static_cast<uint64_t>(v >> 64); }

constexpr U256 u256(uint128_t v) {
  U256 r;
  r.w[0] = lo64(v);
  r.w[1] = hi64(v);
  return r;
}

constexpr bool fitsU128(const U256& a) { return a.w[2] == 0 && a.w[3] == 0; }
constexpr uint128_t lowU128(const U256& a) {
  return (static_cast<uint128_t>(a.w[1]) << 64) | a.w[0];
}
constexpr bool isZero(const U256& a) { return (a.w[0] | a.w[1] | a.w[2] | a.w[3]) == 0; }

constexpr int compare(const U256& a, const U256& b) {
  for (int i = 3; i >= 0; --i) {
    if (a.w[i] != b.w[i]) return a.w[i] < b.w[i] ? -1 : 1;
  }
  return 0;
}

// Wraps modulo 2^256; callers only add values whose sum is known to fit.
constexpr U256 add(const U256& a, const U256& b) {
  U256 r;
  uint64_t carry = 0;
  for (int i = 0; i < 4; ++i) {
    uint128_t s = static_cast<uint128_t>(a.w[i]) + b.w[i] + carry;
    r.w[i] = lo64(s);
    carry = hi64(s);
  }
  return r;
}

// Requires a >= b.
constexpr U256 sub(const U256& a, const U256& b) {
  U256 r;
  uint64_t borrow = 0;
  for (int i = 0; i < 4; ++i) {
    uint128_t d = static_cast<uint128_t>(a.w[i]) - b.w[i] - borrow;
    r.w[i] = lo64(d);
    borrow = hi64(d) ? 1 : 0;  // the high half is all ones exactly when we wrapped
  }
  return r;
}

// Full 128 x 128 -> 256-bit product; never overflows.
constexpr U256 mul(uint128_t a, uint128_t b) {
  const uint128_t a0 = lo64(a), a1 = hi64(a), b0 = lo64(b), b1 = hi64(b);
  const uint128_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  const uint128_t mid = static_cast<uint128_t>(hi64(p00)) + lo64(p01) + lo64(p10);
  const uint128_t top = static_cast<uint128_t>(hi64(mid)) + hi64(p01) + hi64(p10) + lo64(p11);
  U256 r;
  r.w[0] = lo64(p00);
  r.w[1] = lo64(mid);
  r.w[2] = lo64(top);
  r.w[3] = hi64(top) + hi64(p11);
  return r;
}

// In-place a /= d; returns a % d. d must be nonzero.
constexpr uint64_t divSmall(U256& a, uint64_t d) {
  uint128_t rem = 0;
  for (int i = 3; i >= 0; --i) {
    const uint128_t cur = (rem << 64) | a.w[i];
    a.w[i] = lo64(cur / d);
    rem = cur % d;
  }
  return static_cast<uint64_t>(rem);
}

// q = n / d, r = n % d (Knuth, TAOCP vol. 2, 4.3.1, algorithm D, with 64-bit digits).
// d must be nonzero.
U256 divmod(const U256& n, const U256& d, U256& r);

}  // namespace detail
}  // namespace polrt
