// How every evaluator writes money for people (runtime/decimal/money_words.h, which the generated
// C++ carries in polc_decimal.h): exact, in 万元/亿元 when that loses no digit, to the fen when not whole.
#include <gtest/gtest.h>

#include "decimal/money_words.h"

namespace polrt {
namespace {

Decimal dec(const char* s) { return *Decimal::parse(s); }

TEST(MoneyWords, AnAmountThatIsNotWholeIsWrittenToTheFen) {
  EXPECT_EQ(groupedYuan(dec("617283.9")), "617,283.90");
  EXPECT_EQ(groupedYuan(dec("617283.90")), "617,283.90");
  EXPECT_EQ(moneyWords(dec("617283.9")), "617283.90元");
  EXPECT_EQ(moneyWords(dec("0.5")), "0.50元");
  EXPECT_EQ(moneyWords(dec("-33.3")), "-33.30元");
}

TEST(MoneyWords, WholeAmountsAndDigitsBeyondTheFenAreKeptAsTheyAre) {
  EXPECT_EQ(groupedYuan(dec("12000000")), "12,000,000");
  EXPECT_EQ(groupedYuan(dec("12000000.00")), "12,000,000");
  EXPECT_EQ(groupedYuan(dec("-1234567.125")), "-1,234,567.125");
  EXPECT_EQ(moneyWords(dec("9600000")), "960万元");
  EXPECT_EQ(moneyWords(dec("250000000")), "2.5亿元");
  EXPECT_EQ(moneyWords(dec("617283")), "61.7283万元");
  EXPECT_EQ(moneyWords(dec("0.125")), "0.125元");
  EXPECT_EQ(groupedDigits("1234567"), "1,234,567");
}

}  // namespace
}  // namespace polrt
