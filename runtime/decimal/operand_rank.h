// What a `且`/`或` (or a clause's conditions, which hold together as a `且`) gives when no operand
// decided it, in one place for every evaluator: the reference evaluator, the VM (and so LLVM's
// blocks) and, through polc_decimal.h, the generated C++ (docs/ir.md, "Then the operands of
// `且`/`或`"). An operand decides — false for 且, true for 或 — before anything here is asked.
#pragma once

namespace polrt {

// NoValue: a 分档/分情形 in an operand found no entry, which leaves the whole with no value (the
// clause is not eligible, and a 分档 at the top of an amount pays nothing).
enum class Undecided { Value, NoValue, Absent, Error };

// Where a 且/或 stands in its condition, which the compiler knows (ir/polarity.cpp). No value
// makes the clause not eligible, so it stands for the truth value that does: false under an even
// number of 非 (Positive), true under an odd number (Negative). Mixed: in the test of a 若, a
// 分情形's case or a comparison of conditions, where each truth value may be the one that pays; it
// stands for neither. The numbers are the bytecode's (ANDOR_END's c, docs/bytecode.md).
enum class Polarity { Positive = 0, Negative = 1, Mixed = 2 };

// No value sits between false and true. Where it stands for the value that decides (false under a
// positive 且, true under a negative 或) it ranks right after a real decider, before an absent fact
// or an error elsewhere: whatever they turn out to be, the clause is not eligible. Elsewhere it
// decides nothing and ranks last, after an absent fact or an error, which might have made the
// clause eligible. The same rank whatever order the operands are written in.
constexpr Undecided undecided(bool isOr, Polarity where, bool noValue, bool absent, bool erred) {
  const bool noValueDecides = where == Polarity::Positive ? !isOr : where == Polarity::Negative && isOr;
  if (noValue && noValueDecides) return Undecided::NoValue;
  if (absent) return Undecided::Absent;
  if (erred) return Undecided::Error;
  return noValue ? Undecided::NoValue : Undecided::Value;
}

}  // namespace polrt
