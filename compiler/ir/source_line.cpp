#include "ir/source_line.h"

#include <algorithm>

namespace polc::ir {

namespace {

// The length of the white space character at `s[i]` (ASCII, U+3000 ideographic space, U+FEFF byte
// order mark: the lexer's white space), or 0.
std::size_t spaceAt(std::string_view s, std::size_t i) {
  char c = s[i];
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') return 1;
  if (s.substr(i, 3) == "\xE3\x80\x80" || s.substr(i, 3) == "\xEF\xBB\xBF") return 3;
  return 0;
}

}  // namespace

std::string oneLine(std::string_view s) {
  std::string out;
  std::string_view gap;  // the white space since the last text, as written
  bool broken = false;   // … and it held a line break or a comment
  std::size_t i = 0;
  auto text = [&](std::size_t n) {
    if (!out.empty() && (broken || !gap.empty())) out += broken ? std::string(" ") : std::string(gap);
    gap = {};
    broken = false;
    out.append(s.substr(i, n));
    i += n;
  };
  while (i < s.size()) {
    if (std::size_t n = spaceAt(s, i)) {
      if (gap.empty()) gap = s.substr(i, n);
      else gap = std::string_view(gap.data(), static_cast<std::size_t>(s.data() + i + n - gap.data()));
      broken = broken || s[i] == '\n' || s[i] == '\r';
      i += n;
    } else if (s[i] == '#' || s.substr(i, 2) == "//") {
      std::size_t end = s.find('\n', i);
      i = end == std::string_view::npos ? s.size() : end;
      broken = true;
    } else if (s.substr(i, 2) == "/*") {
      std::size_t end = s.find("*/", i + 2);
      i = end == std::string_view::npos ? s.size() : end + 2;
      broken = true;
    } else if (s[i] == '"') {
      std::size_t end = i + 1;
      while (end < s.size() && s[end] != '"' && s[end] != '\n') end += s[end] == '\\' ? 2 : 1;
      text(std::min(end + 1, s.size()) - i);
    } else {
      text(1);
    }
  }
  return out;
}

}  // namespace polc::ir
