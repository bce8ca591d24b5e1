// Text conversion. Not on the VM's arithmetic path, so std::string allocation is fine here.
#include "decimal/decimal.h"

namespace polrt {

namespace {

constexpr uint64_t kChunk = 10000000000000000000ull;  // 10^19, the largest power in 64 bits
constexpr int kChunkDigits = 19;
constexpr int kMaxDigits = 39;  // 2^127 - 1 has 39 digits

// Writes the digits of v right-aligned ending at `end`; returns the first digit.
// Peels 19-digit chunks so most divisions are 64-bit rather than 128-bit.
POLRT_DECIMAL_DEF char* writeDigits(uint128_t v, char* end) {
  while (v >= kChunk) {
    uint64_t chunk = static_cast<uint64_t>(v % kChunk);
    v /= kChunk;
    for (int i = 0; i < kChunkDigits; ++i, chunk /= 10) *--end = static_cast<char>('0' + chunk % 10);
  }
  auto rest = static_cast<uint64_t>(v);
  do {
    *--end = static_cast<char>('0' + rest % 10);
    rest /= 10;
  } while (rest != 0);
  return end;
}

// Requires d.scale() <= places.
POLRT_DECIMAL_DEF std::string formatFixed(Decimal d, int places) {
  const int128_t m = d.mantissa();
  char buf[kMaxDigits];
  char* const end = buf + kMaxDigits;
  const char* first = writeDigits(m < 0 ? static_cast<uint128_t>(-m) : static_cast<uint128_t>(m), end);
  const int n = static_cast<int>(end - first);
  const int s = d.scale();

  std::string out;
  out.reserve(static_cast<size_t>(n + places + 3));
  if (m < 0) out.push_back('-');
  if (n > s) {
    out.append(first, static_cast<size_t>(n - s));
  } else {
    out.push_back('0');
  }
  if (places > 0) {
    out.push_back('.');
    if (n < s) out.append(static_cast<size_t>(s - n), '0');
    const int fracDigits = n < s ? n : s;
    out.append(end - fracDigits, static_cast<size_t>(fracDigits));
    out.append(static_cast<size_t>(places - s), '0');
  }
  return out;
}

}  // namespace

POLRT_DECIMAL_DEF std::optional<Decimal> Decimal::parse(std::string_view text) noexcept {
  size_t i = 0;
  bool negative = false;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    negative = text[0] == '-';
    ++i;
  }
  const auto max = static_cast<uint128_t>(kMaxMantissa);
  uint128_t mag = 0;
  int intDigits = 0, fracDigits = 0;
  bool inFraction = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.') {
      if (inFraction || intDigits == 0) return std::nullopt;
      inFraction = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    if (inFraction) {
      if (++fracDigits > kMaxScale) return std::nullopt;
    } else {
      ++intDigits;
    }
    const auto digit = static_cast<unsigned>(c - '0');
    if (mag > (max - digit) / 10) return std::nullopt;
    mag = mag * 10 + digit;
  }
  if (intDigits == 0 || (inFraction && fracDigits == 0)) return std::nullopt;
  const auto m = static_cast<int128_t>(mag);
  return Decimal(negative ? -m : m, fracDigits);
}

POLRT_DECIMAL_DEF std::string Decimal::toString() const {
  const Decimal n = normalized();
  return formatFixed(n, n.scale());
}

POLRT_DECIMAL_DEF std::string Decimal::toFixed(int places, RoundingMode mode) const {
  if (places < 0) places = 0;
  return formatFixed(places < s_ ? roundedTo(places, mode) : *this, places);
}

}  // namespace polrt
