// Which clause a citation of an award received names (docs/facts.md), in one place for every
// reader of applicants: polc's facts reader (compiler/facts/facts.cpp), the runtime's program
// (Program::findClause, for polrt_add_received) and the generated C++ (polc_decimal.h, made from
// these sources, carries this header: clauseIndex and readFacts). So an award that one accepts the
// others accept, under the same clause.
#pragma once

#include <string>
#include <string_view>

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

}  // namespace polrt
