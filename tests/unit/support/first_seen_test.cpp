// support/first_seen.h: the table polc eval --batch finds an applicant given twice with. The batch's
// memory is documented as growing by at most 32 bytes per applicant for it (docs/eval-output.md).
#include <gtest/gtest.h>

#include <cstdint>

#include "support/first_seen.h"

namespace {

// Distinct keys that are hashes, as the batch's are (facts/facts_digest.h).
std::uint64_t mixed(std::uint64_t n) {
  n = (n ^ (n >> 30)) * 0xBF58476D1CE4E5B9ULL;
  n = (n ^ (n >> 27)) * 0x94D049BB133111EBULL;
  return n ^ (n >> 31);
}

TEST(FirstSeen, NamesTheLineThatGaveAKeyFirst) {
  polc::FirstSeen seen;
  EXPECT_EQ(seen.firstOrAdd(42, 3), 0u);
  EXPECT_EQ(seen.firstOrAdd(7, 4), 0u);
  EXPECT_EQ(seen.firstOrAdd(42, 9), 3u);
  EXPECT_EQ(seen.firstOrAdd(42, 12), 3u) << "the first line, not the last repeat";
  EXPECT_EQ(seen.firstOrAdd(0, 13), 0u) << "a key 0 is a key like another";
  EXPECT_EQ(seen.firstOrAdd(0, 14), 13u);
  EXPECT_EQ(seen.size(), 3u);
}

TEST(FirstSeen, KeepsAtMost32BytesAKeyAndFindsEveryOne) {
  polc::FirstSeen seen;
  constexpr std::uint32_t kKeys = 300000;
  for (std::uint32_t i = 1; i <= kKeys; ++i) ASSERT_EQ(seen.firstOrAdd(mixed(i), i), 0u) << i;
  EXPECT_EQ(seen.size(), kKeys);
  EXPECT_LE(seen.bytes(), 32u * kKeys);
  for (std::uint32_t i = 1; i <= kKeys; i += 997) EXPECT_EQ(seen.firstOrAdd(mixed(i), kKeys + i), i);
}

}  // namespace
