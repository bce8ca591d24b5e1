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

namespace polrt {

// The code points of well-formed UTF-8; none for anything else (a name to suggest is never one).
inline std::optional<std::u32string> codePoints(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto lead = static_cast<unsigned char>(s[i]);
    const std::size_t n = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return std::nullopt;
    char32_t cp = n == 1 ? lead : lead & (0x7Fu >> n);
    for (std::size_t k = 1; k < n; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if ((b & 0xC0) != 0x80) return std::nullopt;
      cp = (cp << 6) | (b & 0x3Fu);
    }
    // Overlong forms, surrogates and code points beyond U+10FFFF are not UTF-8.
    static const char32_t kLeast[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kLeast[n] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return std::nullopt;
    out += cp;
    i += n;
  }
  return out;
}

// Levenshtein distance over code points: insertions, deletions and replacements.
inline std::size_t editDistance(const std::u32string& a, const std::u32string& b) {
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
