// Why the parts of an award differ when it does not divide evenly at the rounding unit: a funding
// split (1:1 of 100,000.01元 pays 50,000.01 and 50,000.00) or installments (40%, 30%, 30% of 100.01元
// rounded up pays 40.01, 30.01 and 29.99). The words of the explanation lines and of the award's
// notes (polc eval's JSON "notes", polrt_award_note, the generated C++'s Result::notes), in one
// place for every evaluator — the reference evaluator and the VM include this header, and
// polc_decimal.h (made from these sources by compiler/backend/cpp/decimal_header.cmake) carries it
// for the generated C++. The rule itself is docs/ir.md, step 10: each part but one is rounded to
// the document's 舍入 (else to the fen, 四舍五入), never beyond what is left, and the 其余 payer (or
// without one the last), or the last installment, takes what is left so that the parts add up.
#pragma once

#include <string>

#include "decimal/decimal.h"

namespace polrt {

// How a part is rounded when the document says nothing (its 舍入 text otherwise).
inline const char* defaultPartRounding() { return "0.01元 四舍五入"; }

// Whether `part` is exactly amount × ratio ÷ total (a ratio split), or amount × proportion (a
// share, an installment): when it is not, rounding moved a remainder to the part that takes what
// is left. An arithmetic error (an amount far beyond any award) counts as exact: no words rather
// than wrong ones.
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

// Why the parts differ, "" when every part is its exact share: the parts that were rounded
// (`exact(i)` false for both ends of part i, named `name(i)`; `n` parts) and the one that took the
// remainder (`rest`), by the document's rounding (`rounding`: its 舍入 text).
template <class Exact, class Name>
std::string remainderReason(int n, int rest, const std::string& rounding, Exact exact, Name name) {
  std::string rounded;
  for (int i = 0; i < n; ++i)
    if (i != rest && !exact(i)) rounded += (rounded.empty() ? "" : "、") + name(i);
  if (rounded.empty()) return "";
  return "不能按比例整分：" + rounded + " 的份额按 " + rounding + " 舍入，余额由 " + name(rest) + " 承担";
}

// The reason as the explanation line gives it, after the parts; and as the award's note, named by
// the step whose parts it explains (a caseworker reading the notes alone knows which).
inline std::string remainderAside(const std::string& reason) { return reason.empty() ? "" : "（" + reason + "）"; }
inline std::string fundingRemainderNote(const std::string& reason) { return "资金分担" + reason; }
inline std::string installmentsRemainderNote(const std::string& reason) { return "分期" + reason; }

// Installments: part i (`part(i)`: its year, lo and hi) is the award [lo, hi] × `share(i)`, rounded,
// but the last, which takes the remainder. Each is named by its year (2026年), as its line is.
template <class Part, class Share>
std::string installmentsRemainder(int n, const Decimal& lo, const Decimal& hi, const std::string& rounding, Part part,
                                  Share share) {
  return remainderReason(
      n, n - 1, rounding,
      [&](int i) { return exactShare(lo, share(i), part(i).lo) && exactShare(hi, share(i), part(i).hi); },
      [&](int i) { return std::to_string(part(i).year) + "年"; });
}

}  // namespace polrt
