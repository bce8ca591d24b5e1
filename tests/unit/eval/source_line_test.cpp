// The source of an expression as the IR keeps it for explanations and errors: on one line.
#include <gtest/gtest.h>

#include "ir/source_line.h"

namespace polc::test {
namespace {

TEST(SourceLine, LineBreaksAndCommentsBecomeOneSpace) {
  EXPECT_EQ(ir::oneLine("营业收入 ×\n        10%"), "营业收入 × 10%");
  EXPECT_EQ(ir::oneLine("营业收入 ×   // 比例\n   10%"), "营业收入 × 10%");
  EXPECT_EQ(ir::oneLine("a # 注\r\n  + b"), "a + b");
  EXPECT_EQ(ir::oneLine("a /* 跨\n行 */ + b"), "a + b");
  EXPECT_EQ(ir::oneLine("a\xE3\x80\x80\n\xE3\x80\x80+ b"), "a + b") << "the full-width space is white space too";
}

TEST(SourceLine, OneLineStaysAsWritten) {
  EXPECT_EQ(ir::oneLine("最小(x,  500万元)"), "最小(x,  500万元)");
  EXPECT_EQ(ir::oneLine("名称 == \"a // b # c\""), "名称 == \"a // b # c\"") << "not comments inside a string";
  EXPECT_EQ(ir::oneLine("名称 == \"a \\\" // b\" // 注\n 且 c"), "名称 == \"a \\\" // b\" 且 c");
}

}  // namespace
}  // namespace polc::test
