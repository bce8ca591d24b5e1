// Why the parts of an award differ when it does not divide evenly at the rounding unit: a funding
// split (1:1 of 100,000.01元 pays 50,000.01 and 50,000.00) or installments (40%, 30%, 30% of 100.01元
// rounded up pays 40.01, 30.01 and 29.99). The words of the explanation lines and of the award's
// notes (polc eval's JSON "notes", polrt_award_note, the generated C++'s Result::notes), in one
// place for every evaluator — the reference evaluator and the VM include this header, and
// polc_decimal.h (made from these sources by compiler/backend/cpp/decimal_header.cmake) carries it
// for the generated C++. The rule itself is docs/ir.md, step 10: each part but one is rounded to
// the document's 舍入 (else to the fen, 四舍五入), never beyond what is left (a part held there is
// said to be, not to be rounded; a range's part held at one end only has each end worded), and the
// 其余 payer (or without one the last), or the last installment, takes what is left so that the
// parts add up.
#pragma once

#include <string>

#include "decimal/decimal.h"

namespace polrt {

// How the parts of an award were made (docs/ir.md, step 10): part i is amount × num(i) ÷ den (a
// ratio split; a share or an installment has den 1), rounded once to `unit` with `mode` (the
// document's 舍入, in words `words`), never beyond what is left; the part `rest` takes what is left.
struct PartRounding {
  Decimal unit;
  RoundingMode mode = RoundingMode::HalfUp;
  std::string words;
};

// How a part is rounded when the document says nothing (its 舍入 otherwise): to the fen, 四舍五入.
inline PartRounding defaultPartRounding() { return {Decimal::fromParts(1, 2), RoundingMode::HalfUp, "0.01元 四舍五入"}; }

// Whether `part` is exactly amount × num ÷ den: when it is not, rounding (or what was left) moved a
// remainder to the part that takes what is left. An arithmetic error (an amount far beyond any
// award) counts as exact: no words rather than wrong ones.
inline bool exactPart(const Decimal& amount, const Decimal& num, const Decimal& den, const Decimal& part) {
  Decimal whole, back;
  if (mul(amount, num, whole) != ArithError::None || mul(part, den, back) != ArithError::None) return true;
  return whole == back;
}

// Whether `part` is below amount × num ÷ den rounded: the rounded share was more than what was left
// (1:1:1 of 0.01元 rounded up gives 0.01, then 0.01 of nothing left: 0), so the part is what was
// left, not a rounding. An arithmetic error counts as not held.
inline bool heldPart(const Decimal& amount, const Decimal& num, const Decimal& den, const PartRounding& r,
                     const Decimal& part) {
  Decimal whole, step, q, rounded;
  if (mul(amount, num, whole) != ArithError::None || mul(den, r.unit, step) != ArithError::None ||
      div(whole, step, 0, r.mode, q) != ArithError::None || mul(q, r.unit, rounded) != ArithError::None)
    return false;
  return part < rounded;
}

// What rounding did to one end of a part: nothing (its exact share), rounded it, or held it at what
// was left.
enum class PartEnd { Exact, Rounded, Held };

inline PartEnd partEnd(const Decimal& amount, const Decimal& num, const Decimal& den, const PartRounding& r,
                       const Decimal& part) {
  if (exactPart(amount, num, den, part)) return PartEnd::Exact;
  return heldPart(amount, num, den, r, part) ? PartEnd::Held : PartEnd::Rounded;
}

// The words for one end of a part held at one end and not at the other (a range award: 最低份额, 最高
// 份额), each for what happened to it; none for an end that is its exact share.
inline std::string partEndWords(const char* end, PartEnd e, const PartRounding& r) {
  if (e == PartEnd::Exact) return "";
  return std::string(end) + (e == PartEnd::Held ? "份额舍入后超过剩余金额，只分得剩余金额，" : "份额按 " + r.words + " 舍入，");
}

// Who took the remainder and why, when the parts do not divide evenly: `part` the index of the part
// that took it (-1 when every part is its exact share), `reason` the words (empty then).
struct Remainder {
  int part = -1;
  std::string reason;
};

// The parts (`n`, part(i) with lo and hi, named name(i)) of the award [lo, hi], each num(i) ÷ den of
// it, by the rounding `r`: those rounded, those held at what was left, and the one that took the rest.
template <class Num, class Part, class Name>
Remainder remainder(int n, int rest, const Decimal& lo, const Decimal& hi, const Decimal& den, const PartRounding& r,
                    Num num, Part part, Name name) {
  std::string rounded, held, mixed;
  for (int i = 0; i < n; ++i) {
    if (i == rest) continue;
    const PartEnd low = partEnd(lo, num(i), den, r, part(i).lo), high = partEnd(hi, num(i), den, r, part(i).hi);
    if (low == PartEnd::Exact && high == PartEnd::Exact) continue;
    // A range's part held at one end only was rounded, or exact, at the other: each end is worded
    // for what happened to it rather than the whole share said to be held.
    if (low != high && (low == PartEnd::Held || high == PartEnd::Held)) {
      mixed += name(i) + " 的" + partEndWords("最低", low, r) + partEndWords("最高", high, r);
      continue;
    }
    std::string& list = low == PartEnd::Held ? held : rounded;
    list += (list.empty() ? "" : "、") + name(i);
  }
  if (rounded.empty() && held.empty() && mixed.empty()) return {};
  std::string reason = "不能按比例整分：";
  if (!rounded.empty()) reason += rounded + " 的份额按 " + r.words + " 舍入，";
  if (!held.empty()) reason += held + " 的份额舍入后超过剩余金额，只分得剩余金额，";
  return {rest, reason + mixed + "余额由 " + name(rest) + " 承担"};
}

// The reason as the explanation line gives it, after the parts; and as the award's note, named by
// the step whose parts it explains (a caseworker reading the notes alone knows which).
inline std::string remainderAside(const std::string& reason) { return reason.empty() ? "" : "（" + reason + "）"; }
inline std::string fundingRemainderNote(const std::string& reason) { return "资金分担" + reason; }
inline std::string installmentsRemainderNote(const std::string& reason) { return "分期" + reason; }

// Installments: part i (`part(i)`: its year, lo and hi) is the award [lo, hi] × `share(i)`, rounded,
// but the last, which takes the remainder. Each is named by its year (2026年), as its line is.
template <class Part, class Share>
Remainder installmentsRemainder(int n, const Decimal& lo, const Decimal& hi, const PartRounding& r, Part part,
                                Share share) {
  return remainder(n, n - 1, lo, hi, Decimal::fromParts(1, 0), r, share, part,
                   [&](int i) { return std::to_string(part(i).year) + "年"; });
}

}  // namespace polrt
