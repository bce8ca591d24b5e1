// The generated C++ quotes each clause's text in a comment, wrapped as Chinese text is typeset.
#include <gtest/gtest.h>

#include "backend/cpp/cpp_text.h"
#include "support/source.h"

namespace polc::cpp {
namespace {

int columns(const std::string& s) { return displayWidth(decodeUtf8(s)); }

TEST(CppCommentWrap, LinesFitTheColumnsAndKeepTheText) {
  const std::string text =
      "鼓励企业实施绿色化改造项目和重大节能环保装备（产品）产业化项目，对年节能量不低于200吨标煤（合同能源管理项目不低于"
      "100吨标煤）、设备投资不低于100万元的节能改造项目，按最高500元/吨标煤节能量进行奖励，最高200万元。";
  auto lines = wrap(text, 40);
  std::string joined;
  for (const auto& l : lines) {
    EXPECT_LE(columns(l), 41) << l;  // one more for closing punctuation kept with its text
    joined += l;
  }
  EXPECT_EQ(joined, text);
  EXPECT_GT(lines.size(), 4u);
}

TEST(CppCommentWrap, PunctuationAndNumbersFollowTheLineBreakingRules) {
  // 18 columns hold "一二三四五六七八九"; the next character does not fit.
  auto lines = wrap("一二三四五六七八九十，后", 18);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1], "十，后");  // never a line that begins with "，"
  lines = wrap("一二三四五六七八九，后", 18);
  EXPECT_EQ(lines[0], "一二三四五六七八九，");  // the comma stays, one column over
  lines = wrap("一二三四五六七八（九）", 18);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1], "（九）");  // an opening bracket moves down with what it opens
  lines = wrap("一二三四五六七2022-01-30起", 18);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1], "2022-01-30起");  // a date is not broken
}

TEST(CppCommentWrap, EmptyAndCommentBreakingText) {
  EXPECT_EQ(wrap("", 10), std::vector<std::string>{""});
  for (const auto& l : wrap("第一行\n第二行\\", 40)) {
    EXPECT_EQ(l.find('\n'), std::string::npos);
    EXPECT_NE(l.back(), '\\');
  }
}

}  // namespace
}  // namespace polc::cpp
