// What no award's amount, nor a band of 累进, may be, in one place for every evaluator: the
// reference evaluator and the VM include this header, and polc_decimal.h (the generated C++'s
// decimal, made from these sources by compiler/backend/cpp/decimal_header.cmake) carries it, so
// the rules and words cannot drift.
#pragma once

#include <string>

#include "decimal/decimal.h"

namespace polrt {

// What is wrong with an award's amount as its 给予 expression gives it — negative, or a range whose
// lower end is above its upper end — or "" when nothing is. No award is below 0: the policy must
// say when a clause pays nothing (a condition such as `增量 超 0元`), so this is an evaluation
// error, never a negative payment.
inline std::string badAmount(const Decimal& lo, const Decimal& hi) {
  if (lo.isNegative() || hi.isNegative())
    return "the amount is negative (" + (lo.isNegative() ? lo : hi).normalized().toString() +
           "): an award is never below 0; the policy must say when the clause pays nothing";
  if (lo > hi)
    return "the amount's lower end " + lo.normalized().toString() + " is above its upper end " +
           hi.normalized().toString();
  return "";
}

// What is wrong with a clause's cap (上限) as its expression gives it, or "" when nothing is: a cap
// below 0 would make the award negative, which badAmount forbids, so it is an evaluation error too.
inline std::string badCap(const Decimal& cap) {
  if (!cap.isNegative()) return "";
  return "the cap (上限) is negative (" + cap.normalized().toString() +
         "): a cap is never below 0; the policy must say when the clause pays nothing";
}

// What is wrong with a band of 累进 that is followed by another, given its width — the next
// threshold, or the amount when it is below that, minus this band's threshold — or nullptr when
// nothing is. The band is only weighed when the amount is above its threshold, so a width that is
// not positive means the next threshold is not above this one: below it, the band would take money
// off the award; equal to it, the band is empty and its rate can never pay, which is as surely a
// mistake in the facts as the reverse order. Literal thresholds are E0414; those that facts give
// can only be checked here.
inline const char* badMarginalBand(const Decimal& width) {
  return width.sign() > 0 ? nullptr : "the thresholds of 累进 must increase";
}

}  // namespace polrt
