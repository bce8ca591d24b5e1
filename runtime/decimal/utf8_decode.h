// UTF-8, decoded strictly (no overlong form, no surrogate, nothing beyond U+10FFFF), in one place
// for the facts readers' check of a file's encoding (json_words.h) and for the names a suggestion
// compares (name_suggest.h); polc_decimal.h, made from these sources by
// compiler/backend/cpp/decimal_header.cmake, carries this header to the generated C++.
#pragma once

#include <cstddef>
#include <string_view>

namespace polrt {

// The length of the well-formed character at s[i], its code point in `cp`; 0 when ill-formed.
inline std::size_t utf8At(std::string_view s, std::size_t i, char32_t& cp) {
  const auto lead = static_cast<unsigned char>(s[i]);
  const std::size_t n = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  cp = n == 1 ? lead : lead & (0x7Fu >> n);
  for (std::size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3Fu);
  }
  static const char32_t kLeast[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kLeast[n] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return 0;
  return n;
}

// The byte where `s` stops being UTF-8, or npos.
inline std::size_t illFormedUtf8(std::string_view s) {
  char32_t cp = 0;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8At(s, i, cp);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

}  // namespace polrt
