#include "support/suggest.h"

#include <algorithm>

#include "support/source.h"

namespace polc {

std::size_t editDistance(const std::u32string& a, const std::u32string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::optional<std::string> closestName(const std::string& unknown,
                                       const std::vector<std::string>& candidates) {
  if (findInvalidUtf8(unknown) != std::string::npos) return std::nullopt;
  std::u32string u = decodeUtf8(unknown);
  // Allow one edit per three characters, at least one: 营业收人 → 营业收入, not 营业 → 利润.
  std::size_t limit = std::max<std::size_t>(1, u.size() / 3);
  std::optional<std::string> best;
  std::size_t bestDistance = limit + 1;
  for (const auto& c : candidates) {
    if (c == unknown || findInvalidUtf8(c) != std::string::npos) continue;
    std::u32string cu = decodeUtf8(c);
    std::size_t d = editDistance(u, cu);
    // Replacing every character is no suggestion: 年 → 元 says nothing about what was meant.
    if (d >= std::max(u.size(), cu.size())) continue;
    // A name that contains the other (企业所在地 for 所在地) is a good guess too.
    if (d > limit && (cu.find(u) != std::u32string::npos || u.find(cu) != std::u32string::npos) &&
        std::min(cu.size(), u.size()) >= 2)
      d = limit;
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best;
}

}  // namespace polc
