// The words of the evaluation errors every evaluator raises on its own steps
// (runtime/decimal/eval_errors.h, which the generated C++ carries in polc_decimal.h); that the four
// evaluators give them alike on real inputs is tests/differential/eval_errors.
#include <gtest/gtest.h>

#include "decimal/eval_errors.h"

namespace polrt::evalerrors {
namespace {

Decimal dec(const char* s) { return *Decimal::parse(s); }

TEST(EvalErrors, AParameterWithoutAFirstValueSaysNever) {
  // The checker refuses a parameter with no value (E0416); were one to reach an evaluator,
  // each would say the same instead of the generated C++'s shorter text of before.
  EXPECT_EQ(noValueOn("补助比例", "2024-12-31", ""), "补助比例 has no value on 2024-12-31 (its first value is from never)");
  EXPECT_EQ(noValueOn("补助比例", "2024-12-31", "2025-01-01"),
            "补助比例 has no value on 2024-12-31 (its first value is from 2025-01-01)");
}

TEST(EvalErrors, AnExactQuotientOrWhyThereIsNone) {
  Decimal q;
  EXPECT_EQ(divideExactly(dec("3"), dec("2.0"), q), nullptr);
  EXPECT_EQ(q.toString(), "1.5");
  EXPECT_STREQ(divideExactly(dec("1"), dec("0"), q), "division by zero");
  EXPECT_STREQ(divideExactly(dec("1"), dec("3"), q), "the quotient needs more than 18 decimals");
}

}  // namespace
}  // namespace polrt::evalerrors
