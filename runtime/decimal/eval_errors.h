// The words of the evaluation errors that every evaluator raises on its own steps, in one place:
// the reference evaluator (compiler/eval) and the VM (runtime/vm, whose session the LLVM backend's
// code runs in) include this header, and polc_decimal.h (the generated C++'s decimal, made from
// these sources by compiler/backend/cpp/decimal_header.cmake) carries it. Each evaluator wrote
// these texts itself before, and only the differential tests kept them equal; a user (or a test
// that compares messages) must get one text for one fault whichever evaluator ran. The arithmetic
// errors' names are decimal.h's toString(ArithError); amount_rules.h words a bad amount or cap.
#pragma once

#include <string>

#include "decimal/decimal.h"

namespace polrt {

// An error at an expression: `place` (the clause's citation, or what names the step), the
// expression as the policy writes it, and what went wrong.
inline std::string errorAt(const std::string& place, const std::string& source, const std::string& what) {
  return place + ": `" + source + "`: " + what;
}

// Taking a cap over several clauses from their sum: the sum is at the scale of its largest
// member and the cap at its own, and the difference may need more digits than an exact amount has
// (an award of 10^36 元 under a cap of 3.111 元). The error names the member with the largest
// award, which made the sum that large, as the sum's own overflow names the award being added.
inline std::string capExcessPlace(const std::string& cap, const std::string& largest) {
  return "上限 " + cap + "（自含 " + largest + " 的合计减去上限时）";
}

// A dated parameter looked up on `day` (YYYY-MM-DD) before its first value, which is from `first`
// ("" when it has none, which the checker refuses, so the text is a fallback).
inline std::string noValueOn(const std::string& param, const std::string& day, const std::string& first) {
  return param + " has no value on " + day + " (its first value is from " + (first.empty() ? "never" : first) + ")";
}

// A fact given for the evaluation year whose history gives another value for that year: which of
// the two an evaluator read would decide the amounts without a word, so it is an error. `path`
// names the item (企业.项目[0]).
inline std::string historyDisagrees(const std::string& path, const std::string& fact, int year) {
  return path + "." + fact + " is given, and its history gives another value for " + std::to_string(year) +
         ", the evaluation year";
}

// A funding split whose payers, once those named by the applicant's facts are read (辖区（所在地）),
// name one payer twice (市, 辖区（所在地） = 1:1 for an applicant whose 所在地 is 市). The rule says how
// two payers share an award and names one: billing it both parts would be a guess at what the
// policy means for such an applicant, which a rule before this one should say. Every evaluator
// refuses it alike, after the split's rule is chosen and its payers read.
inline std::string payerTwice(const std::string& payer) {
  return "the split names the payer " + payer + " twice for this applicant (a payer named by a fact has the value " +
         payer + "): give such applicants a funding rule of their own before this one";
}

// The place of the first of `n` payers that repeats an earlier one (`same(i, j)`), or -1.
template <class Same>
int repeatedPayer(int n, Same same) {
  for (int i = 1; i < n; ++i)
    for (int j = 0; j < i; ++j)
      if (same(i, j)) return i;
  return -1;
}

// Comparing two amounts needs both exact: an up-to or a range amount has no one value to compare.
inline const char* inexactComparison() { return "comparing amounts that are not exact"; }

// 递增 x 自 a 每增加 b: a step b that is not positive would count steps without end.
inline const char* stepNotPositive() { return "每增加 must be positive"; }

// The exact quotient a / b into `q`, normalized, or what is wrong (nullptr when nothing is): a
// quotient that needs more than 18 decimals is an error, never rounded.
inline const char* divideExactly(const Decimal& a, const Decimal& b, Decimal& q) {
  if (b.isZero()) return "division by zero";
  Decimal back;
  if (auto e = div(a, b, Decimal::kMaxScale, RoundingMode::HalfEven, q); e != ArithError::None) return toString(e);
  if (mul(q, b, back) != ArithError::None || back != a) return "the quotient needs more than 18 decimals";
  q = q.normalized();
  return nullptr;
}

}  // namespace polrt
