#include "decimal/wide_int.h"

namespace polrt::detail {

namespace {

POLRT_DECIMAL_DEF int significantLimbs(const U256& a) {
  int n = 4;
  while (n > 0 && a.w[n - 1] == 0) --n;
  return n;
}

}  // namespace

POLRT_DECIMAL_DEF U256 divmod(const U256& n, const U256& d, U256& r) {
  U256 q;
  const int nd = significantLimbs(d);
  const int nn = significantLimbs(n);
  if (nn < nd || compare(n, d) < 0) {
    r = n;
    return q;
  }
  if (nd == 1) {
    q = n;
    r = U256{};
    r.w[0] = divSmall(q, d.w[0]);
    return q;
  }

  // Normalise so the divisor's top limb has its high bit set; that bounds each trial quotient
  // digit to at most two too large. A shift of 0 must not reach `x >> 64`, which is undefined.
  const int s = __builtin_clzll(d.w[nd - 1]);
  auto shl = [s](uint64_t hi, uint64_t lo) -> uint64_t {
    return s == 0 ? hi : (hi << s) | (lo >> (64 - s));
  };
  uint64_t vn[4] = {0, 0, 0, 0};
  uint64_t un[5] = {0, 0, 0, 0, 0};
  for (int i = nd - 1; i > 0; --i) vn[i] = shl(d.w[i], d.w[i - 1]);
  vn[0] = d.w[0] << s;
  un[nn] = s == 0 ? 0 : n.w[nn - 1] >> (64 - s);
  for (int i = nn - 1; i > 0; --i) un[i] = shl(n.w[i], n.w[i - 1]);
  un[0] = n.w[0] << s;

  const uint128_t base = static_cast<uint128_t>(1) << 64;
  for (int j = nn - nd; j >= 0; --j) {
    const uint128_t num = (static_cast<uint128_t>(un[j + nd]) << 64) | un[j + nd - 1];
    uint128_t qhat = num / vn[nd - 1];
    uint128_t rhat = num % vn[nd - 1];
    while (qhat >= base ||
           qhat * vn[nd - 2] > ((rhat << 64) | un[j + nd - 2])) {
      --qhat;
      rhat += vn[nd - 1];
      if (rhat >= base) break;
    }

    // Multiply and subtract; t and k are signed because the running value can dip below zero.
    int128_t k = 0;
    int128_t t = 0;
    for (int i = 0; i < nd; ++i) {
      const uint128_t p = qhat * vn[i];
      t = static_cast<int128_t>(un[i + j]) - k - static_cast<int128_t>(lo64(p));
      un[i + j] = static_cast<uint64_t>(t);
      k = static_cast<int128_t>(hi64(p)) - (t >> 64);
    }
    t = static_cast<int128_t>(un[j + nd]) - k;
    un[j + nd] = static_cast<uint64_t>(t);

    q.w[j] = static_cast<uint64_t>(qhat);
    if (t < 0) {  // qhat was one too large (rare): add the divisor back
      --q.w[j];
      uint128_t carry = 0;
      for (int i = 0; i < nd; ++i) {
        const uint128_t sum = static_cast<uint128_t>(un[i + j]) + vn[i] + carry;
        un[i + j] = lo64(sum);
        carry = hi64(sum);
      }
      un[j + nd] += static_cast<uint64_t>(carry);
    }
  }

  r = U256{};
  for (int i = 0; i < nd - 1; ++i) {
    r.w[i] = s == 0 ? un[i] : (un[i] >> s) | (un[i + 1] << (64 - s));
  }
  r.w[nd - 1] = un[nd - 1] >> s;
  return q;
}

}  // namespace polrt::detail
