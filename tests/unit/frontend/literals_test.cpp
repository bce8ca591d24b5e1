// The literal helpers: quantities, clause numbers, citations, dates, strings.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "syntax/literals.h"

namespace polc {
namespace {

std::pair<std::string, std::string> split(const std::string& token) {
  std::string number, unit;
  splitQuantity(token, number, unit);
  return {number, unit};
}

TEST(SplitQuantity, SeparatesTheNumberFromItsUnit) {
  using P = std::pair<std::string, std::string>;
  EXPECT_EQ(split("1000万元"), (P{"1000", "万元"}));
  EXPECT_EQ(split("2.5亿元"), (P{"2.5", "亿元"}));
  EXPECT_EQ(split("12%"), (P{"12", "%"}));
  EXPECT_EQ(split("5‰"), (P{"5", "‰"}));
  EXPECT_EQ(split("500元/吨标煤"), (P{"500", "元/吨标煤"}));
  EXPECT_EQ(split("3.70%/年"), (P{"3.70", "%/年"}));
  EXPECT_EQ(split("20"), (P{"20", ""}));
  EXPECT_EQ(split("5000万元以上"), (P{"5000", "万元以上"}));
  EXPECT_EQ(split("100万美元"), (P{"100", "万美元"}));
}

TEST(SplitClauseNumber, ClauseOrClauseAndItem) {
  using P = std::pair<int, int>;
  EXPECT_EQ(splitClauseNumber("3"), (P{3, 0}));
  EXPECT_EQ(splitClauseNumber("3.1"), (P{3, 1}));
  EXPECT_EQ(splitClauseNumber("12.10"), (P{12, 10}));
  EXPECT_FALSE(splitClauseNumber("3.1.2"));
  EXPECT_FALSE(splitClauseNumber("0"));
  EXPECT_FALSE(splitClauseNumber("3.0"));
  EXPECT_FALSE(splitClauseNumber("3元"));
  EXPECT_FALSE(splitClauseNumber(""));
  EXPECT_FALSE(splitClauseNumber("3."));
  EXPECT_FALSE(splitClauseNumber("1234567"));  // absurdly long parts are refused, not overflowed
}

TEST(SplitDotted, AllPartsMustBePositiveNumbers) {
  EXPECT_EQ(splitDotted("3.3.1"), (std::vector<int>{3, 3, 1}));
  EXPECT_EQ(splitDotted("11"), (std::vector<int>{11}));
  EXPECT_TRUE(splitDotted("3..1").empty());
  EXPECT_TRUE(splitDotted("3.a").empty());
  EXPECT_TRUE(splitDotted("0.1").empty());
}

TEST(ParseCitation, ReadsArticleClauseAndItem) {
  int a = 0, c = 0, i = 0;
  parseCitation("第3条第3款", a, c, i);
  EXPECT_EQ(a, 3);
  EXPECT_EQ(c, 3);
  EXPECT_EQ(i, 0);
  a = c = i = 0;
  parseCitation("第2条第3款第1项", a, c, i);
  EXPECT_EQ(a, 2);
  EXPECT_EQ(c, 3);
  EXPECT_EQ(i, 1);
  a = c = i = 0;
  parseCitation("第27条", a, c, i);
  EXPECT_EQ(a, 27);
  EXPECT_EQ(c, 0);
  EXPECT_EQ(i, 0);
}

TEST(FormatCitation, OmitsMissingParts) {
  EXPECT_EQ(formatCitation(3, 3, 0), "第3条第3款");
  EXPECT_EQ(formatCitation(2, 3, 1), "第2条第3款第1项");
  EXPECT_EQ(formatCitation(14, 0, 0), "第14条");
}

TEST(IsValidDate, ChecksMonthsDaysAndLeapYears) {
  EXPECT_TRUE(isValidDate("2022-01-20"));
  EXPECT_TRUE(isValidDate("2024-12-31"));
  EXPECT_TRUE(isValidDate("2024-02-29"));   // divisible by 4
  EXPECT_FALSE(isValidDate("2023-02-29"));  // not a leap year
  EXPECT_FALSE(isValidDate("1900-02-29"));  // divisible by 100 but not by 400
  EXPECT_TRUE(isValidDate("2000-02-29"));   // divisible by 400
  EXPECT_TRUE(isValidDate("2023-02-28"));
  EXPECT_FALSE(isValidDate("2022-04-31"));
  EXPECT_TRUE(isValidDate("2022-03-31"));
  EXPECT_FALSE(isValidDate("2022-13-01"));
  EXPECT_FALSE(isValidDate("2022-00-10"));
  EXPECT_FALSE(isValidDate("2022-01-00"));
  EXPECT_FALSE(isValidDate("2022-1-20"));
  EXPECT_FALSE(isValidDate("2022/01/20"));
  EXPECT_FALSE(isValidDate("20220120xx"));
}

TEST(UnquoteString, DropsQuotesAndResolvesEscapes) {
  EXPECT_EQ(unquoteString("\"给予奖励\""), "给予奖励");
  EXPECT_EQ(unquoteString("\"a\\\"b\""), "a\"b");
  EXPECT_EQ(unquoteString("\"a\\\\b\""), "a\\b");
  EXPECT_EQ(unquoteString("\"a\\nb\\tc\""), "a\nb\tc");
  EXPECT_EQ(unquoteString("\"\\x\""), "x");  // an unknown escape keeps the character
  EXPECT_EQ(unquoteString("\"\""), "");
}

}  // namespace
}  // namespace polc
