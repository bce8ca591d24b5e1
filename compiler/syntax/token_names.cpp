#include "syntax/token_names.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "PolcLexer.h"
#include "support/source.h"
#include "support/suggest.h"

namespace polc {
namespace {

// In the lexer's order, which is the token types': a list of look-alike keywords comes out in it.
using Spellings = std::vector<std::pair<std::string, std::vector<std::string>>>;

const Spellings& spellings() {
  static const Spellings table = {
#include "keyword_spellings.inc"
  };
  return table;
}

Spellings::const_iterator spellingsOf(const std::string& symbolic) {
  return std::find_if(spellings().begin(), spellings().end(), [&](const auto& e) { return e.first == symbolic; });
}

}  // namespace

std::string describeTokenType(std::size_t type, const antlr4::dfa::Vocabulary& vocabulary) {
  using L = gen::PolcLexer;
  switch (type) {
    case antlr4::Token::EOF: return "end of file";
    case L::IDENT:
    case L::BACKTICK_IDENT: return "a name";
    case L::QUANTITY: return "a number";
    case L::STRING: return "a string";
    case L::DATE: return "a date";
    case L::RATIO: return "a ratio";
    case L::CITATION: return "a citation (第N条第M款)";
    default: break;
  }
  std::string symbolic(vocabulary.getSymbolicName(type));
  auto it = spellingsOf(symbolic);
  if (it == spellings().end() || it->second.empty()) return symbolic;
  const auto& s = it->second;
  // An English keyword first, its Chinese spelling after: `clause` (款). The Chinese spelling is the
  // first one that starts with a CJK ideograph (U+3400..U+9FFF: E3 90.. to E9 ..), so that `note`
  // shows 释义 rather than its English alias `interpretation`; without one, the second spelling
  // (`,` shows ，).
  std::string out = "`" + s[0] + "`";
  const std::string* second = s.size() > 1 ? &s[1] : nullptr;
  for (std::size_t i = 1; i < s.size(); ++i) {
    auto lead = static_cast<unsigned char>(s[i][0]);
    auto next = s[i].size() > 1 ? static_cast<unsigned char>(s[i][1]) : 0;
    if ((lead >= 0xE4 && lead <= 0xE9) || (lead == 0xE3 && next >= 0x90)) {
      second = &s[i];
      break;
    }
  }
  if (second) out += " (" + *second + ")";
  return out;
}

std::optional<std::string> leadingKeyword(const std::string& word) {
  std::optional<std::string> best;
  for (const auto& [token, list] : spellings()) {
    for (const auto& s : list) {
      // Only multi-byte (Chinese) spellings glue to names; English ones need a space anyway.
      if (s.empty() || static_cast<unsigned char>(s[0]) < 0x80) continue;
      if (s.size() < word.size() && word.compare(0, s.size(), s) == 0 &&
          (!best || s.size() > best->size()))
        best = s;
    }
  }
  return best;
}

std::optional<std::string> trailingKeyword(const std::string& word) {
  std::optional<std::string> best;
  for (const auto& [token, list] : spellings())
    for (const auto& s : list) {
      if (s.empty() || static_cast<unsigned char>(s[0]) < 0x80) continue;  // see leadingKeyword
      if (s.size() < word.size() && word.compare(word.size() - s.size(), s.size(), s) == 0 &&
          (!best || s.size() > best->size()))
        best = s;
    }
  return best;
}

bool isChineseKeyword(const std::string& word) {
  if (word.empty() || static_cast<unsigned char>(word[0]) < 0x80) return false;
  for (const auto& [token, list] : spellings())
    if (std::find(list.begin(), list.end(), word) != list.end()) return true;
  return false;
}

std::string spacedKeywords(const std::string& word, const std::function<bool(const std::string&)>& known) {
  const std::optional<std::string> first = leadingKeyword(word);
  if (!first) return word;
  const std::string rest = word.substr(first->size());
  const std::optional<std::string> second = leadingKeyword(rest);
  if (!second) return *first + " " + rest;
  const std::string after = rest.substr(second->size());
  const bool amount = after[0] >= '0' && after[0] <= '9';
  const bool name = known && known(after) && !known(rest);
  return *first + " " + (amount || name ? *second + " " + after : rest);
}

std::vector<std::string> keywordSpellings(std::size_t type, const antlr4::dfa::Vocabulary& vocabulary) {
  auto it = spellingsOf(std::string(vocabulary.getSymbolicName(type)));
  return it == spellings().end() ? std::vector<std::string>{} : it->second;
}

std::optional<std::string> keywordsOneCharAway(const std::string& name) {
  static const std::map<std::string, std::string> meaning = {
      {"大于", "超"},        {"多于", "超"},        {"小于", "低于"},       {"大于等于", "不低于"},
      {"大于或等于", "不低于"}, {"不小于", "不低于"}, {"小于等于", "不超过"}, {"小于或等于", "不超过"},
      {"不大于", "不超过"},
      // The text's words for joining conditions (`承担国家核心技术攻关 和 制造业`), no slip of a
      // keyword: 和 and 及 are one character, 以及 differs from 并且 in both.
      {"和", "且"},          {"及", "且"},          {"以及", "且"}};
  if (auto it = meaning.find(name); it != meaning.end()) return "`" + it->second + "`";
  if (findInvalidUtf8(name) != std::string::npos) return std::nullopt;
  const std::u32string u = decodeUtf8(name);
  if (u.size() < 2) return std::nullopt;
  const bool ascii = std::all_of(u.begin(), u.end(), [](char32_t c) { return c < 0x80; });
  std::vector<std::string> found;
  auto add = [&](const std::string& kw) {
    if (std::find(found.begin(), found.end(), kw) == found.end()) found.push_back(kw);
  };
  for (const auto& [token, list] : spellings())
    for (const auto& kw : list) {
      const std::u32string k = decodeUtf8(kw);
      if (ascii) {
        if (u.size() >= 3 && editDistance(u, k) == 1) add(kw);
        continue;
      }
      if (k.size() != u.size()) continue;
      std::size_t differ = 0;
      for (std::size_t i = 0; i < k.size(); ++i) differ += k[i] != u[i];
      if (differ == 1) add(kw);
    }
  if (found.empty()) return std::nullopt;
  std::string out;
  for (std::size_t i = 0; i < found.size(); ++i)
    out += fmt::format("{}`{}`", i == 0 ? "" : i + 1 == found.size() ? " or " : ", ", found[i]);
  return out;
}

std::string readsAsName(const std::string& name, const std::string& keywords) {
  return fmt::format("`{}` reads as a name; did you mean the keyword {}?", name, keywords);
}

}  // namespace polc
