// Chinese numerals read for the Arabic form an error suggests.
#include <gtest/gtest.h>

#include "support/chinese_numerals.h"

namespace polc {
namespace {

TEST(ChineseNumeral, ReadsTheNumbersOfArticlesClausesAndItems) {
  EXPECT_EQ(chineseNumeral("一"), 1);
  EXPECT_EQ(chineseNumeral("九"), 9);
  EXPECT_EQ(chineseNumeral("十"), 10);
  EXPECT_EQ(chineseNumeral("十二"), 12);
  EXPECT_EQ(chineseNumeral("二十"), 20);
  EXPECT_EQ(chineseNumeral("二十三"), 23);
  EXPECT_EQ(chineseNumeral("两"), 2);
  EXPECT_EQ(chineseNumeral("一百"), 100);
  EXPECT_EQ(chineseNumeral("一百零五"), 105);
  EXPECT_EQ(chineseNumeral("一百一十"), 110);
  EXPECT_EQ(chineseNumeral("九百九十九"), 999);
}

TEST(ChineseNumeral, RefusesWhatIsNotOne) {
  for (const char* text : {"", "零", "二三", "十十", "十百", "零五", "一零", "2", "二a", "第二", "条"})
    EXPECT_FALSE(chineseNumeral(text)) << text;
}

TEST(ArabicCitation, RewritesEveryChineseNumber) {
  EXPECT_EQ(arabicCitation("第二条"), "第2条");
  EXPECT_EQ(arabicCitation("第二条第一款"), "第2条第1款");
  EXPECT_EQ(arabicCitation("第十二条第三款第二项"), "第12条第3款第2项");
  EXPECT_EQ(arabicCitation("第2条第三项"), "第2条第3项");
}

TEST(ArabicCitation, NothingWhenNotACitationOrAlreadyArabic) {
  for (const char* text : {"第2条第1款", "第二", "二条", "第条", "第二条款外", "设备奖励", "第X条"})
    EXPECT_FALSE(arabicCitation(text)) << text;
}

}  // namespace
}  // namespace polc
