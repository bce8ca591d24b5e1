// Did-you-mean suggestions over code points.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/suggest.h"

namespace polc {
namespace {

const std::vector<std::string> kFacts = {"营业收入", "地方贡献", "研发费用", "设备投入", "所在地", "节能量"};

TEST(ClosestName, OneWrongCharacterInAChineseName) {
  EXPECT_EQ(closestName("营业收人", kFacts), "营业收入");
  EXPECT_EQ(closestName("设备投资", kFacts), "设备投入");
  EXPECT_EQ(closestName("节能", kFacts), "节能量");  // one character missing
}

TEST(ClosestName, NothingWhenTooFar) {
  EXPECT_FALSE(closestName("利润", kFacts));
  EXPECT_FALSE(closestName("净利润总额", kFacts));
  EXPECT_FALSE(closestName("x", {}));
}

TEST(ClosestName, ANameContainingTheOtherIsAGuess) {
  EXPECT_EQ(closestName("企业所在地", kFacts), "所在地");
  EXPECT_EQ(closestName("年度研发费用", kFacts), "研发费用");
}

TEST(ClosestName, TheExactNameIsNotSuggested) {
  EXPECT_FALSE(closestName("营业收入", {"营业收入"}));
}

TEST(ClosestName, LongerNamesAllowMoreEdits) {
  // Six characters allow two edits: 技改 for 改造.
  EXPECT_EQ(closestName("节能技改奖励", {"节能改造奖励", "设备投入奖励"}), "节能改造奖励");
  // Three characters allow one: two substitutions are too many.
  EXPECT_FALSE(closestName("能源量", {"节能量"}));
  EXPECT_EQ(closestName("能耗量", {"节能量"}), std::nullopt);
  EXPECT_FALSE(closestName("甲乙丙", {"丁戊己"}));
}

TEST(ClosestName, TwoNeighboursSwappedAreOneSlip) {
  // Levenshtein counts a swap as two replacements, over the one edit a four-character name allows.
  EXPECT_EQ(closestName("营业入收", kFacts), "营业收入");
  EXPECT_EQ(closestName("fro", {"for", "to"}), "for");
  EXPECT_EQ(editDistance(U"ab", U"ba"), 1u);
  EXPECT_EQ(editDistance(U"abc", U"ca"), 3u);  // not a swap of neighbours: no shortcut
}

TEST(ClosestName, EnglishNamesToo) {
  EXPECT_EQ(closestName("increse", {"increase", "previous", "max"}), "increase");
}

}  // namespace
}  // namespace polc
