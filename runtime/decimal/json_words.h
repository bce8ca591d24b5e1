// The words of a facts file's refusal before any fact is read — its encoding, its JSON syntax, a
// repeated key, an exponent, its nesting — in one place for the one JSON parser both facts readers
// use (compiler/backend/cpp/runtime/json.h: polc's reader, compiler/facts/facts.cpp, and the
// generated C++'s, which polc_decimal.h, made from these sources by
// compiler/backend/cpp/decimal_header.cmake, gives these words).
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

#include "decimal/utf8_decode.h"

namespace polrt {

// A file saved by Excel or Notepad in another encoding than UTF-8 — UTF-16 ("Unicode") or GBK
// ("ANSI" on a Chinese Windows) — named as such, with what to do; "" for UTF-8. A JSON parser
// said "a NUL byte at byte 1", or quoted the raw bytes (ill-formed UTF-8 on stderr).
inline std::string otherEncoding(std::string_view text) {
  const auto b = [&](std::size_t i) { return i < text.size() ? static_cast<unsigned char>(text[i]) : 0x100; };
  const std::string save = ": save it as UTF-8";
  if ((b(0) == 0xFF && b(1) == 0xFE) || (b(0) == 0xFE && b(1) == 0xFF))
    return "the file is UTF-16 (it begins with a UTF-16 byte order mark)" + save;
  if (b(0) == 0 || b(1) == 0)  // ASCII text in UTF-16 without a byte order mark: every other byte is 0
    return "a NUL byte at byte " + std::to_string(b(0) == 0 ? 0 : 1) + ": the file looks UTF-16" + save;
  const std::size_t bad = illFormedUtf8(text);
  if (bad == std::string_view::npos) return "";
  // The line only for a text of several: a batch's line is one, and its number is in the prefix.
  const auto lines = std::count(text.begin(), text.end(), '\n');
  const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(bad), '\n');
  return "the file is not UTF-8 (byte " + std::to_string(bad) +
         (lines ? ", on line " + std::to_string(line) + "," : std::string()) +
         " is ill-formed UTF-8; GBK, \"ANSI\" on a Chinese Windows, is the usual cause)" + save;
}

// A NUL byte outside a string (in one it must be escaped): a parser that stops at it would read
// only what comes before.
inline std::string nulByte(std::size_t at) { return "a NUL byte at byte " + std::to_string(at); }

// Where byte `at` of a UTF-8 `text` is, as an editor shows it and as polc's policy diagnostics
// count: line 2, column 22, the column in characters ("新北区" is 3 columns, not 9 bytes), a byte
// order mark no column. Both 1-based.
struct JsonLineColumn {
  std::size_t line = 1, column = 1;
};
inline JsonLineColumn jsonLineColumn(std::string_view text, std::size_t at) {
  at = std::min(at, text.size());
  std::size_t line = 1, begin = 0;
  for (std::size_t i = 0; i < at; ++i)
    if (text[i] == '\n') ++line, begin = i + 1;
  if (begin == 0 && text.substr(0, 3) == "\xEF\xBB\xBF") begin = std::min<std::size_t>(3, at);
  std::size_t column = 1;
  for (std::size_t i = begin; i < at; ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  return {line, column};
}
// The same, in a syntax error's words: "line 2, column 22".
inline std::string jsonPlace(std::string_view text, std::size_t at) {
  const JsonLineColumn p = jsonLineColumn(text, at);
  return "line " + std::to_string(p.line) + ", column " + std::to_string(p.column);
}

// A JSON syntax error at `place` (jsonPlace): `what` says what was expected and what was found.
inline std::string invalidJson(const std::string& place, const std::string& what) {
  return "invalid JSON at " + place + ": " + what;
}

// The next character of `text` at `at`, as a syntax error shows what it found.
inline std::string foundAt(std::string_view text, std::size_t at) {
  if (at >= text.size()) return "the end of the text";
  char32_t cp = 0;
  const std::size_t n = utf8At(text, at, cp);
  return "'" + std::string(text.substr(at, n ? n : 1)) + "'";
}

// Valid JSON that facts do not take. Each is named by the path of the field where it stands
// (`企业.项目[1]: …`), as the readers name facts, so that it is found in a file of many items.
inline std::string atPath(const std::string& path, const std::string& message) {
  return path.empty() ? message : path + ": " + message;
}
// A key given twice in one object: the second would silently replace the first (the whole
// applicant, for "企业"). `other`: the field's other name, when it was given under both.
inline std::string duplicateKey(const std::string& key, const char* other = nullptr) {
  return "duplicate key \"" + key + "\"" + (other ? " (the same field as \"" + std::string(other) + "\")" : "");
}
// Kept as its text, an exponent would read as a unit ("1e3": unknown unit `e3`); amounts are exact
// decimals, written out in full.
inline std::string numberWithExponent(const std::string& number) {
  return "the number " + number + " has an exponent: write it out in full (1e3 as 1000)";
}
// Nested deeper than any facts file is: refused before copying or reading the tree recurses.
inline std::string nestedTooDeeply(int levels) {
  return "nested too deeply (more than " + std::to_string(levels) + " levels)";
}

}  // namespace polrt
