// The .polb checksum (runtime/bytecode/crc32.h) against the CRC-32 definition itself, a bit at a
// time, so that the eight-bytes-a-step tables cannot drift from the files polc wrote before them.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string_view>
#include <vector>

#include "bytecode/crc32.h"

namespace {

uint32_t crc32Bitwise(const uint8_t* p, std::size_t n) {
  uint32_t c = 0xFFFFFFFFu;
  for (std::size_t i = 0; i < n; ++i) {
    c ^= p[i];
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
  }
  return c ^ 0xFFFFFFFFu;
}

TEST(Crc32, TheStandardCheckValue) {
  constexpr std::string_view check = "123456789";
  EXPECT_EQ(polrt::bc::crc32(reinterpret_cast<const uint8_t*>(check.data()), check.size()), 0xCBF43926u);
  EXPECT_EQ(polrt::bc::crc32(nullptr, 0), 0u);
}

// Every length up to 40 from each of eight starts: the 8-byte steps, the byte tail, and
// unaligned starts.
TEST(Crc32, AgreesWithTheBitwiseDefinitionAtEveryLengthAndOffset) {
  std::mt19937 rng(20261207);
  std::vector<uint8_t> bytes(64);
  for (auto& b : bytes) b = static_cast<uint8_t>(rng());
  for (std::size_t start = 0; start < 8; ++start)
    for (std::size_t n = 0; n <= 40; ++n)
      ASSERT_EQ(polrt::bc::crc32(bytes.data() + start, n), crc32Bitwise(bytes.data() + start, n))
          << "start " << start << ", length " << n;
}

}  // namespace
