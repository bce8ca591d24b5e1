// What a `且`/`或` (or a clause's conditions, which hold together as a `且`) gives when no operand
// decided it, in one place for every evaluator: the reference evaluator, the VM (and so LLVM's
// blocks) and, through polc_decimal.h, the generated C++ (docs/ir.md, "Then the operands of
// `且`/`或`"). An operand decides — false for 且, true for 或 — before anything here is asked.
#pragma once

namespace polrt {

// NoValue: a 分档/分情形 in an operand found no entry, which leaves the whole with no value (the
// clause is not eligible, and a 分档 at the top of an amount pays nothing).
enum class Undecided { Value, NoValue, Absent, Error };

// No value sits between false and true: under 且 it ranks right after a false, so it decides before
// an absent fact or an error elsewhere (whatever they turn out to be, the 且 is not true); under 或
// it decides nothing, so it ranks last, after an absent fact or an error, which might have been
// true. The same rank whatever order the operands are written in.
constexpr Undecided undecided(bool isOr, bool noValue, bool absent, bool erred) {
  if (noValue && !isOr) return Undecided::NoValue;
  if (absent) return Undecided::Absent;
  if (erred) return Undecided::Error;
  return noValue ? Undecided::NoValue : Undecided::Value;
}

}  // namespace polrt
