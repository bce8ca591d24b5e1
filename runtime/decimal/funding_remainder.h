// Why the parts of a funding split differ when the award does not divide evenly at the rounding
// unit (1:1 of 100,000.01元 pays 50,000.01 and 50,000.00): the words of the `资金分担` explanation
// line, in one place for every evaluator — the reference evaluator and the VM include this header,
// and polc_decimal.h (made from these sources by compiler/backend/cpp/decimal_header.cmake) carries
// it for the generated C++. The rule itself is docs/ir.md, step 10: each part but one is rounded to
// the document's 舍入 (else to the fen, 四舍五入), never beyond what is left, and the 其余 payer, or
// without one the last, takes what is left so that the parts add up.
#pragma once

#include <string>

#include "decimal/decimal.h"

namespace polrt {

// How a part is rounded when the document says nothing (its 舍入 text otherwise).
inline const char* defaultPartRounding() { return "0.01元 四舍五入"; }

// Whether `part` is exactly amount × ratio ÷ total (a ratio split), or amount × proportion (a
// share): when it is not, rounding moved a remainder to the payer who takes what is left. An
// arithmetic error (an amount far beyond any award) counts as exact: no words rather than wrong ones.
inline bool exactRatioPart(const Decimal& amount, const Decimal& ratio, const Decimal& total, const Decimal& part) {
  Decimal whole, back;
  if (mul(amount, ratio, whole) != ArithError::None || mul(part, total, back) != ArithError::None) return true;
  return whole == back;
}
inline bool exactShare(const Decimal& amount, const Decimal& proportion, const Decimal& part) {
  Decimal share;
  if (mul(amount, proportion, share) != ArithError::None) return true;
  return share == part;
}

// The words after the split, "" when every part is its exact share: the payers whose parts were
// rounded (`exact(i)` false for both ends of payer i's part, `name(i)`; `n` payers) and the one that
// took the remainder (`rest`), by the document's rounding (`rounding`: its 舍入 text).
template <class Exact, class Name>
std::string fundingRemainderWords(int n, int rest, const std::string& rounding, Exact exact, Name name) {
  std::string rounded;
  for (int i = 0; i < n; ++i)
    if (i != rest && !exact(i)) rounded += (rounded.empty() ? "" : "、") + name(i);
  if (rounded.empty()) return "";
  return "（不能按比例整分：" + rounded + " 的份额按 " + rounding + " 舍入，余额由 " + name(rest) + " 承担）";
}

}  // namespace polrt
