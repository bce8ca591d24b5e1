#include "support/first_seen.h"

namespace polc {

std::uint32_t FirstSeen::firstOrAdd(std::uint64_t key, std::uint32_t line) {
  if (key == 0) key = 1;
  if (4 * (used_ + 1) > 3 * keys_.size()) grow();
  const std::size_t mask = keys_.size() - 1;
  // The keys are hashes already: their low bits pick the slot; linear probing from there.
  for (std::size_t i = key & mask;; i = (i + 1) & mask) {
    if (keys_[i] == key) return lines_[i];
    if (keys_[i] == 0) {
      keys_[i] = key;
      lines_[i] = line;
      ++used_;
      return 0;
    }
  }
}

void FirstSeen::grow() {
  std::vector<std::uint64_t> keys(keys_.empty() ? 64 : 2 * keys_.size());
  std::vector<std::uint32_t> lines(keys.size());
  const std::size_t mask = keys.size() - 1;
  for (std::size_t k = 0; k < keys_.size(); ++k) {
    if (keys_[k] == 0) continue;
    std::size_t i = keys_[k] & mask;
    while (keys[i] != 0) i = (i + 1) & mask;
    keys[i] = keys_[k];
    lines[i] = lines_[k];
  }
  keys_.swap(keys);
  lines_.swap(lines);
}

}  // namespace polc
