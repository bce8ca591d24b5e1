// Which clause a citation of an award received names (docs/facts.md), in one place for every
// reader of applicants: polc's facts reader (compiler/facts/facts.cpp), the runtime's program
// (Program::findClause, for polrt_add_received) and the generated C++ (polc_decimal.h, made from
// these sources, carries this header: clauseIndex and readFacts). So an award that one accepts the
// others accept, under the same clause.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace polrt {

// A citation as people type it, with or without blanks ("常办发〔2022〕1号 第3条第3款").
inline std::string citationKey(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\t') out += c;
  return out;
}

namespace citation_detail {
// The matchers below compare citations with their blanks left out, as citationKey does, without
// building the keys: the why-not of every clause by its citation asks each clause about every
// other, and the keys' allocations took 70% of the differential test's time.
inline bool blank(char c) { return c == ' ' || c == '\t'; }
inline std::size_t skipBlanks(std::string_view s, std::size_t i) {
  while (i < s.size() && blank(s[i])) ++i;
  return i;
}
// Whether `want` (a key) holds s's key at `pos`; moves `pos` past it.
inline bool consumeKey(std::string_view want, std::size_t& pos, std::string_view s) {
  for (char c : s) {
    if (blank(c)) continue;
    if (pos >= want.size() || want[pos] != c) return false;
    ++pos;
  }
  return true;
}
// What follows in `full` (as written) when its key starts with `prefix`'s key.
inline std::optional<std::string_view> afterKey(std::string_view full, std::string_view prefix) {
  std::size_t i = 0;
  for (char c : prefix) {
    if (blank(c)) continue;
    i = skipBlanks(full, i);
    if (i >= full.size() || full[i] != c) return std::nullopt;
    ++i;
  }
  return full.substr(i);
}
}  // namespace citation_detail

// Whether `want` (a citationKey) names the clause cited `full`, of the document numbered `number`
// (its 文号, else its name) and named `name`: the full citation, or with the document's name for
// its number — an agency knows a document by either. A clause's citation is its document's number
// then 第…条… (compiler/sema/documents.cpp), so the name replaces that start.
inline bool citesClause(const std::string& want, std::string_view full, std::string_view number,
                        std::string_view name) {
  using namespace citation_detail;
  std::size_t pos = 0;
  if (consumeKey(want, pos, full) && pos == want.size()) return true;
  const std::optional<std::string_view> rest = afterKey(full, number);
  pos = 0;
  return rest && consumeKey(want, pos, name) && consumeKey(want, pos, *rest) && pos == want.size();
}

namespace citation_detail {
// `want` with the leading zeros of its article, clause and item numbers left out (第02条 is 第2条:
// the CLI read them as numbers before it matched through asksAboutClause), or nothing when it has
// none — the usual case, which builds no string. A 文号's 第054号 is left as written.
inline std::optional<std::string> withoutLeadingZeros(std::string_view want) {
  constexpr std::string_view ordinal = "第";
  auto digit = [&](std::size_t i) { return i < want.size() && want[i] >= '0' && want[i] <= '9'; };
  std::optional<std::string> out;
  std::size_t copied = 0;
  for (std::size_t at = want.find(ordinal); at != std::string_view::npos; at = want.find(ordinal, at + 1)) {
    std::size_t i = at + ordinal.size(), zeros = i, end = i;
    while (want.compare(zeros, 1, "0") == 0 && digit(zeros + 1)) ++zeros;
    while (digit(end)) ++end;
    const std::string_view unit = want.substr(end, ordinal.size());
    if (zeros == i || (unit != "条" && unit != "款" && unit != "项")) continue;
    if (!out) out.emplace();
    out->append(want.substr(copied, i - copied));
    copied = zeros;
  }
  if (out) out->append(want.substr(copied));
  return out;
}
}  // namespace citation_detail

// Whether `want` (a citationKey) asks about the clause cited `full`, as `polc eval --why-not` and
// polrt_why_not read a citation: the clause itself (citesClause), or a part of the policies that
// holds it — 第2条 every 款 and 项 of article 2, 第2条第1款 every 项 of that 款 — with its document's
// number or name before it, or without, for every document that has it (第2条第1款: the city's
// and each district's). A document alone asks about nothing.
inline bool asksAboutClause(const std::string& want, std::string_view full, std::string_view number,
                            std::string_view name) {
  using namespace citation_detail;
  if (const std::optional<std::string> plain = withoutLeadingZeros(want))
    return asksAboutClause(*plain, full, number, name);
  if (citesClause(want, full, number, name)) return true;
  constexpr std::string_view article = "第";
  const std::optional<std::string_view> local = afterKey(full, number);  // 第2条第1款第3项
  if (!local) return false;
  // `part` (a key) is the clause, or it ends where one of the clause's own 第 begins: 第2条 holds
  // 第2条第1款, not 第21条.
  auto holds = [&](std::string_view part) {
    if (part.compare(0, article.size(), article) != 0) return false;
    std::size_t i = 0;
    for (char c : part) {
      i = skipBlanks(*local, i);
      if (i >= local->size() || (*local)[i] != c) return false;
      ++i;
    }
    i = skipBlanks(*local, i);
    return i == local->size() || afterKey(local->substr(i), article).has_value();
  };
  if (holds(want)) return true;
  for (std::string_view d : {number, name}) {
    std::size_t pos = 0;  // past d's key at the start of want; 0 when d has none
    if (consumeKey(want, pos, d) && pos > 0 && holds(std::string_view(want).substr(pos))) return true;
  }
  return false;
}

// Whether `citation` names a document none of the policies is (an earlier edition's, most often),
// so that its refusal can say so: it starts with neither 第 nor @, nor with any document's number or
// name followed by 第 or @. `names(i)` gives document i's number and name, for i below `count`.
template <class Names>
bool citesAnotherDocument(std::string_view citation, int count, Names names) {
  const std::string want = citationKey(citation);
  const std::string article = "第";
  if (want.empty() || want[0] == '@' || want.compare(0, article.size(), article) == 0) return false;
  for (int i = 0; i < count; ++i) {
    const auto [number, name] = names(i);
    for (std::string_view s : {std::string_view(number), std::string_view(name)}) {
      const std::string k = citationKey(s);
      // The document's part ends where its articles begin: the name 甲 does not name 甲〔2025〕1号.
      if (!k.empty() && want.compare(0, k.size(), k) == 0 &&
          (want.compare(k.size(), article.size(), article) == 0 || want.compare(k.size(), 1, "@") == 0))
        return false;
    }
  }
  return true;
}

}  // namespace polrt
