// Which clause a citation of an award received names (docs/facts.md), in one place for every
// reader of applicants: polc's facts reader (compiler/facts/facts.cpp), the runtime's program
// (Program::findClause, for polrt_add_received) and the generated C++ (polc_decimal.h, made from
// these sources, carries this header: clauseIndex and readFacts). So an award that one accepts the
// others accept, under the same clause.
#pragma once

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

// Whether `want` (a citationKey) names the clause cited `full`, of the document numbered `number`
// (its 文号, else its name) and named `name`: the full citation, or with the document's name for
// its number — an agency knows a document by either. A clause's citation is its document's number
// then 第…条… (compiler/sema/documents.cpp), so the name replaces that start.
inline bool citesClause(const std::string& want, std::string_view full, std::string_view number,
                        std::string_view name) {
  const std::string key = citationKey(full);
  if (want == key) return true;
  const std::string num = citationKey(number);
  return key.compare(0, num.size(), num) == 0 && want == citationKey(name) + key.substr(num.size());
}

// Whether `want` (a citationKey) asks about the clause cited `full`, as `polc eval --why-not` and
// polrt_why_not read a citation: the clause itself (citesClause), or a part of the policies that
// holds it — 第2条 every 款 and 项 of article 2, 第2条第1款 every 项 of that 款 — with its document's
// number or name before it, or without, for every document that has it (第2条第1款: the city's
// and each district's). A document alone asks about nothing.
inline bool asksAboutClause(const std::string& want, std::string_view full, std::string_view number,
                            std::string_view name) {
  if (citesClause(want, full, number, name)) return true;
  const std::string key = citationKey(full), num = citationKey(number), article = "第";
  if (key.compare(0, num.size(), num) != 0) return false;
  const std::string local = key.substr(num.size());  // 第2条第1款第3项
  // `part` is the clause, or it ends where one of the clause's own 第 begins: 第2条 holds 第2条第1款,
  // not 第21条.
  auto holds = [&](std::string_view part) {
    return part.compare(0, article.size(), article) == 0 && local.compare(0, part.size(), part) == 0 &&
           (local.size() == part.size() || local.compare(part.size(), article.size(), article) == 0);
  };
  if (holds(want)) return true;
  for (std::string_view d : {number, name}) {
    const std::string k = citationKey(d);
    if (!k.empty() && want.compare(0, k.size(), k) == 0 && holds(std::string_view(want).substr(k.size()))) return true;
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
