// Which earlier line gave the same key, for a batch of millions of lines: the keys are 64-bit hashes
// (of an applicant's id or facts, facts/facts_digest.h), kept in one open-addressing table of
// 12 bytes a slot (the hash and the line), at most three quarters full, so 16 to 32 bytes a
// distinct key: a million applicants take at most 32 MB, where a std::unordered_map of the same
// takes about 60 (a node and a bucket each).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace polc {

class FirstSeen {
 public:
  // The line that gave `key` first, or 0 when none did yet: `line` (≥ 1) is then kept for it.
  std::uint32_t firstOrAdd(std::uint64_t key, std::uint32_t line);
  std::size_t size() const { return used_; }
  std::size_t bytes() const { return keys_.capacity() * sizeof(std::uint64_t) + lines_.capacity() * sizeof(std::uint32_t); }

 private:
  void grow();
  std::vector<std::uint64_t> keys_;  // 0: an empty slot (a key 0 is kept as 1)
  std::vector<std::uint32_t> lines_;
  std::size_t used_ = 0;
};

}  // namespace polc
