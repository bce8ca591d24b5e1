// C++ spelling for the generator: identifiers made from policy names, unique within a scope,
// string literals, comment lines, and the runtime names of comparisons and rounding modes.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "ir/ir.h"

namespace polc::cpp {

// Decodes one UTF-8 code point at s[i], advancing i.
unsigned nextCodePoint(const std::string& s, std::size_t& i);

// A C++ identifier for a policy name: CJK characters, ASCII letters and digits are kept (valid in
// identifiers for g++ ≥ 10 and clang), everything else becomes `_`.
std::string ident(const std::string& name);

// Names unique within one scope.
class Names {
 public:
  std::string take(const std::string& want) {
    std::string n = want;
    for (int k = 2; used_.count(n); ++k) n = want + "_" + std::to_string(k);
    used_.insert(n);
    return n;
  }
  void reserve(const std::string& n) { used_.insert(n); }

 private:
  std::set<std::string> used_;
};

// A C++ string literal (UTF-8 kept as is).
std::string lit(const std::string& s);
// A std::vector<std::string> of the texts, as a C++ expression.
std::string stringList(const std::vector<std::string>& texts);
// A comment line: keeps the text readable, never ends the comment early.
std::string commentText(std::string s);
// Wraps a long text into comment lines of at most `columns` display columns (a Chinese character
// takes two), longer only where a number or Latin word alone is, or where closing punctuation
// stays with the text it closes.
std::vector<std::string> wrap(const std::string& text, int columns);
// A decimal constant as a C++ expression of polc_rt::Dec.
std::string decLiteral(const polrt::Decimal& d);
// polc_rt::Cmp::Gt, …
const char* cmpName(ast::CmpOp op);
// polc_rt::RoundingMode::HalfUp, …
const char* roundingName(polrt::RoundingMode m);

}  // namespace polc::cpp
