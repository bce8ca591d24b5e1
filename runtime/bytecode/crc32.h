#pragma once
// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320; zlib's crc32), the checksum of a .polb body.
//
// Eight bytes a step ("slicing-by-8"): the byte-at-a-time loop took 60% of loading the seed
// policies' 202 KB file, and most of the .polb mutation test and of fuzz_polb's time, which
// checksum every variant. zlib computes the same function, but the runtime links nothing beyond the
// C++ standard library, so an embedder links one archive; these tables are the whole of it.
#include <cstddef>
#include <cstdint>

namespace polrt::bc {

namespace crc32_detail {
struct Tables {
  uint32_t t[8][256];
};
// t[0] is the classic byte table; t[j][i] is the CRC of byte i followed by j zero bytes, so eight
// lookups advance the register by eight bytes at once.
constexpr Tables makeTables() {
  Tables s{};
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    s.t[0][i] = c;
  }
  for (int j = 1; j < 8; ++j)
    for (uint32_t i = 0; i < 256; ++i) s.t[j][i] = (s.t[j - 1][i] >> 8) ^ s.t[0][s.t[j - 1][i] & 0xFF];
  return s;
}
inline constexpr Tables kTables = makeTables();

// Little-endian by construction, whatever the machine's byte order.
inline uint32_t load32(const uint8_t* p) {
  return uint32_t{p[0]} | uint32_t{p[1]} << 8 | uint32_t{p[2]} << 16 | uint32_t{p[3]} << 24;
}
}  // namespace crc32_detail

inline uint32_t crc32(const uint8_t* p, std::size_t n) {
  const auto& t = crc32_detail::kTables.t;
  uint32_t c = 0xFFFFFFFFu;
  for (; n >= 8; p += 8, n -= 8) {
    const uint32_t lo = c ^ crc32_detail::load32(p), hi = crc32_detail::load32(p + 4);
    c = t[7][lo & 0xFF] ^ t[6][(lo >> 8) & 0xFF] ^ t[5][(lo >> 16) & 0xFF] ^ t[4][lo >> 24] ^
        t[3][hi & 0xFF] ^ t[2][(hi >> 8) & 0xFF] ^ t[1][(hi >> 16) & 0xFF] ^ t[0][hi >> 24];
  }
  for (; n > 0; --n, ++p) c = t[0][(c ^ *p) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

}  // namespace polrt::bc
