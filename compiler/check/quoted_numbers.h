// The numbers a clause's 原文 states, with their units, as a Chinese policy text writes them:
// `500万元`, `1.5亿元`, `超亿元`, `50%`, `3‰`, `百分之三`, `千分之三`, `三年`, `2000 万美元`,
// `400元/吨标煤`, ranges (`100—300万元`: both ends in 万元), full-width digits, a scale whose unit the
// sentence implies (`50万`), and the words that state a number without digits (`半数`, `翻一番`). W0639 compares the
// numbers a clause's code writes with them (check_quoted_numbers.cpp; docs/checker.md).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "decimal/decimal.h"

namespace polc::check {

struct QuotedNumber {
  polrt::Decimal value;  // in the unit's base: 500万元 is 5000000 (元); 3‰ is 0.003
  std::string unit;      // 元, 美元, 元/吨标煤, 年 …; "" for a plain number, a rate or an unknown unit
  std::string text;      // as the text writes it, for the note: `500万元`, `千分之三`
  // `50万`, `超过5000万的`: a scale with no unit and no measure word, the unit left to the sentence
  // (money, in a text of awards). It meets a number of the code of any unit (sameNumber).
  bool unitImplied = false;
  std::size_t begin = 0, end = 0;  // code points of the text
  unsigned roles = 0;  // what the words around it make of it (quote_roles.h): a cap, a threshold …
};

// Every number of `text`. `units` are the unit names to recognise after a number and its scale
// (万, 亿 …), besides 元: the declared units of the program (吨标煤, 美元, 年 …). A number followed
// by no known unit is plain (`500强`, `20个` when 个 is not declared). Numbers that are not amounts
// (`2022年`, `第1条`) come out too: they only add readings a code number may match.
std::vector<QuotedNumber> quotedNumbers(std::string_view text, const std::vector<std::string>& units);

// The ratios of `text`: `1:1`, `1：1`, `5比5`, `2:3:5`, each as its parts.
std::vector<std::vector<polrt::Decimal>> quotedRatios(std::string_view text);

// Whether two ratios state one proportion: `1:1` and `5:5`.
bool sameRatio(const std::vector<polrt::Decimal>& a, const std::vector<polrt::Decimal>& b);

}  // namespace polc::check
