// Did-you-mean: the closest known name to an unknown one, by edit distance over code points (so a
// one-character slip in a three-character Chinese name is found). In one place for the checker's
// diagnostics (compiler/support/suggest.h), polc's facts reader and the generated C++'s facts reader
// (polc_decimal.h, made from these sources by compiler/backend/cpp/decimal_header.cmake, carries
// this header): a misspelt field is told the same name by every reader.
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "decimal/utf8_decode.h"

namespace polrt {

// The code points of well-formed UTF-8; none for anything else (a name to suggest is never one).
inline std::optional<std::u32string> codePoints(std::string_view s) {
  std::u32string out;
  char32_t cp = 0;
  for (std::size_t i = 0, n = 0; i < s.size(); i += n) {
    n = utf8At(s, i, cp);
    if (n == 0) return std::nullopt;
    out += cp;
  }
  return out;
}

// Edit distance over code points: insertions, deletions, replacements, and two neighbours swapped
// (`fro` for `for`, 营业入收 for 营业收入) — a slip of the fingers, counted as one edit rather than two
// replacements, so that the swap is suggested like any other one-character slip.
inline std::size_t editDistance(const std::u32string& a, const std::u32string& b) {
  // Three rows: a swap looks two rows back.
  std::vector<std::size_t> before(b.size() + 1), prev(b.size() + 1), row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    before.swap(prev);
    prev.swap(row);
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      row[j] = std::min({prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) row[j] = std::min(row[j], before[j - 2] + 1);
    }
  }
  return row[b.size()];
}

// The candidate closest to `unknown`, the first of those equally close; none when none is close.
inline std::optional<std::string> closestName(const std::string& unknown, const std::vector<std::string>& candidates) {
  const std::optional<std::u32string> u = codePoints(unknown);
  if (!u) return std::nullopt;
  // Allow one edit per three characters, at least one: 营业收人 → 营业收入, not 营业 → 利润.
  const std::size_t limit = std::max<std::size_t>(1, u->size() / 3);
  std::optional<std::string> best;
  std::size_t bestDistance = limit + 1;
  for (const std::string& c : candidates) {
    const std::optional<std::u32string> cu = codePoints(c);
    if (c == unknown || !cu) continue;
    std::size_t d = editDistance(*u, *cu);
    // Replacing every character is no suggestion: 年 → 元 says nothing about what was meant.
    if (d >= std::max(u->size(), cu->size())) continue;
    // A name that contains the other (企业所在地 for 所在地) is a good guess too.
    if (d > limit && (cu->find(*u) != std::u32string::npos || u->find(*cu) != std::u32string::npos) &&
        std::min(cu->size(), u->size()) >= 2)
      d = limit;
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best;
}

// " (did you mean X?)" after an unknown field's message, or "" when no name is close.
inline std::string didYouMean(const std::string& unknown, const std::vector<std::string>& names) {
  const std::optional<std::string> best = closestName(unknown, names);
  return best ? " (did you mean " + *best + "?)" : "";
}

}  // namespace polrt
