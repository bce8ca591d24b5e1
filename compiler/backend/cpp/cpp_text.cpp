#include "backend/cpp/cpp_text.h"

#include <cctype>
#include <cstdint>

#include <fmt/format.h>

#include "support/source.h"

namespace polc::cpp {

unsigned nextCodePoint(const std::string& s, std::size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  unsigned cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < n && i + static_cast<std::size_t>(k) < s.size(); ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
  i += static_cast<std::size_t>(n);
  return cp;
}

namespace {

bool isIdentCodePoint(unsigned cp) {
  return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF);
}

const std::set<std::string>& keywords() {
  static const std::set<std::string> k{
      "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break", "case", "catch",
      "char", "class", "compl", "const", "constexpr", "const_cast", "continue", "decltype", "default", "delete",
      "do", "double", "dynamic_cast", "else", "enum", "explicit", "export", "extern", "false", "float", "for",
      "friend", "goto", "if", "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not",
      "not_eq", "nullptr", "operator", "or", "or_eq", "private", "protected", "public", "register",
      "reinterpret_cast", "return", "short", "signed", "sizeof", "static", "static_assert", "static_cast",
      "struct", "switch", "template", "this", "thread_local", "throw", "true", "try", "typedef", "typeid",
      "typename", "union", "unsigned", "using", "virtual", "void", "volatile", "wchar_t", "while", "xor",
      "xor_eq", "polc_rt", "std", "run", "item", "aw"};
  return k;
}

}  // namespace

std::string ident(const std::string& name) {
  std::string out;
  for (std::size_t i = 0; i < name.size();) {
    std::size_t start = i;
    unsigned cp = nextCodePoint(name, i);
    bool ascii = cp < 0x80 && (std::isalnum(static_cast<int>(cp)) != 0 || cp == '_');
    if (ascii || isIdentCodePoint(cp)) {
      out += name.substr(start, i - start);
    } else if (!out.empty() && out.back() != '_') {
      out += '_';
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  if (out.empty() || (out[0] >= '0' && out[0] <= '9') || out[0] == '_') out = "n" + out;
  if (keywords().count(out)) out += "_";
  return out;
}

std::string stringList(const std::vector<std::string>& texts) {
  std::string out;
  for (const auto& t : texts) (out += out.empty() ? "" : ", ") += lit(t);
  return "std::vector<std::string>{" + out + "}";
}

std::string lit(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '?': out += "\\?"; break;  // no trigraphs
      default: out += c;
    }
  }
  return out + "\"";
}

std::string commentText(std::string s) {
  for (auto& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  // A trailing backslash would continue the comment onto the next line.
  while (!s.empty() && s.back() == '\\') s.pop_back();
  return s;
}

namespace {

// Chinese line breaking (禁则): closing punctuation never begins a line, opening punctuation never
// ends one, so that a quoted clause reads as typeset text does.
bool opensOnly(unsigned cp) {
  static const std::u32string k = U"（「『“‘《〈【〔［｛([{";
  return k.find(static_cast<char32_t>(cp)) != std::u32string::npos;
}
bool closesOnly(unsigned cp) {
  static const std::u32string k = U"，。、；：？！）」』”’》〉】〕］｝…—%,.;:!?)]}";
  return k.find(static_cast<char32_t>(cp)) != std::u32string::npos;
}
// A number or a Latin word is not broken: "200吨标煤", "LPR", "2022-01-30" stay whole.
bool latin(unsigned cp) { return cp < 0x80 && (std::isalnum(static_cast<int>(cp)) || cp == '.' || cp == '-' || cp == '_'); }

struct Piece {
  std::string text;
  int width = 0;
  unsigned first = 0, last = 0;  // code points
};

std::vector<Piece> pieces(const std::string& s) {
  std::vector<Piece> out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t start = i;
    unsigned cp = nextCodePoint(s, i);
    int w = displayWidth(static_cast<char32_t>(cp));
    if (!out.empty() && latin(cp) && latin(out.back().last)) {
      out.back().text += s.substr(start, i - start);
      out.back().width += w;
      out.back().last = cp;
      continue;
    }
    out.push_back({s.substr(start, i - start), w, cp, cp});
  }
  return out;
}

}  // namespace

std::vector<std::string> wrap(const std::string& text, int columns) {
  std::vector<std::string> out;
  std::vector<Piece> line;
  int width = 0;
  auto flush = [&](std::vector<Piece>& ps) {
    std::string t;
    for (const auto& p : ps) t += p.text;
    out.push_back(t);
  };
  for (Piece& p : pieces(commentText(text))) {
    if (!line.empty() && width + p.width > columns && !closesOnly(p.first)) {
      // Opening punctuation at the end moves down with what it opens.
      std::size_t keep = line.size();
      while (keep > 0 && opensOnly(line[keep - 1].first)) --keep;
      if (keep == 0) keep = line.size();
      std::vector<Piece> next(line.begin() + static_cast<std::ptrdiff_t>(keep), line.end());
      line.resize(keep);
      flush(line);
      line = std::move(next);
      width = 0;
      for (const auto& q : line) width += q.width;
    }
    width += p.width;
    line.push_back(std::move(p));
  }
  if (!line.empty() || out.empty()) flush(line);
  return out;
}

std::string decLiteral(const polrt::Decimal& d) {
  auto m = d.mantissa();
  if (m >= INT64_MIN && m <= INT64_MAX)
    return fmt::format("polc_rt::D({}, {})", static_cast<long long>(m), d.scale());
  return fmt::format("*polc_rt::Decimal::parse(\"{}\")", d.toString());
}

const char* cmpName(ast::CmpOp op) {
  switch (op) {
    case ast::CmpOp::Gt: return "polc_rt::Cmp::Gt";
    case ast::CmpOp::Ge: return "polc_rt::Cmp::Ge";
    case ast::CmpOp::Le: return "polc_rt::Cmp::Le";
    case ast::CmpOp::Lt: return "polc_rt::Cmp::Lt";
    case ast::CmpOp::Eq: return "polc_rt::Cmp::Eq";
    case ast::CmpOp::Ne: return "polc_rt::Cmp::Ne";
  }
  return "?";
}
const char* roundingName(polrt::RoundingMode m) {
  switch (m) {
    case polrt::RoundingMode::HalfUp: return "polc_rt::RoundingMode::HalfUp";
    case polrt::RoundingMode::HalfEven: return "polc_rt::RoundingMode::HalfEven";
    case polrt::RoundingMode::Down: return "polc_rt::RoundingMode::Down";
    case polrt::RoundingMode::Up: return "polc_rt::RoundingMode::Up";
    case polrt::RoundingMode::Floor: return "polc_rt::RoundingMode::Floor";
    case polrt::RoundingMode::Ceiling: return "polc_rt::RoundingMode::Ceiling";
  }
  return "?";
}

}  // namespace polc::cpp
