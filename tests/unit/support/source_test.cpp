#include <gtest/gtest.h>

#include <string>

#include "support/source.h"

namespace polc {
namespace {

// "line:column" of an offset, so expectations read like the compiler's own locations.
std::string at(const SourceFile& f, std::uint32_t offset) {
  const LineCol lc = f.lineCol(offset);
  return std::to_string(lc.line) + ":" + std::to_string(lc.column);
}

TEST(SourceFile, OffsetsCountCodePointsNotBytes) {
  const SourceFile f("a.pol", "事实 节能量: 吨标煤\n");
  EXPECT_EQ(f.codepoints().size(), 12u);
  EXPECT_EQ(f.text().size(), 12u + 2 * 8);  // eight three-byte characters
  EXPECT_EQ(at(f, 3), "1:4");  // 节
  EXPECT_EQ(f.slice(3, 6), "节能量");
}

TEST(SourceFile, LinesEndAtNewline) {
  const SourceFile f("a.pol", "政策 甲\n  事实 乙\n\n最后");
  ASSERT_EQ(f.lineCount(), 4u);
  EXPECT_EQ(f.lineText(1), "政策 甲");
  EXPECT_EQ(f.lineText(2), "  事实 乙");
  EXPECT_EQ(f.lineText(3), "");
  EXPECT_EQ(f.lineText(4), "最后");
  EXPECT_EQ(at(f, 0), "1:1");
  EXPECT_EQ(at(f, 4), "1:5");  // the '\n' is the last column of its line
  EXPECT_EQ(at(f, 5), "2:1");
  EXPECT_EQ(at(f, 10), "2:6");  // 乙
  EXPECT_EQ(at(f, 12), "3:1");
  EXPECT_EQ(at(f, 14), "4:2");  // 后
}

TEST(SourceFile, CrLfLinesDropTheCarriageReturn) {
  const SourceFile f("crlf.pol", "甲乙\r\n丙\r\n");
  ASSERT_EQ(f.lineCount(), 3u);
  EXPECT_EQ(f.lineText(1), "甲乙");
  EXPECT_EQ(f.lineText(2), "丙");
  EXPECT_EQ(f.lineText(3), "");
  EXPECT_EQ(at(f, 2), "1:3");  // the '\r'
  EXPECT_EQ(at(f, 4), "2:1");  // 丙
  EXPECT_EQ(at(f, 7), "3:1");  // end of file
}

TEST(SourceFile, LoneCarriageReturnIsNotALineEnd) {
  const SourceFile f("cr.pol", "甲\r乙\r");
  ASSERT_EQ(f.lineCount(), 1u);
  EXPECT_EQ(f.lineText(1), "甲\r乙\r");
  EXPECT_EQ(at(f, 2), "1:3");
}

TEST(SourceFile, OffsetAtOrPastEndMapsToLastPosition) {
  const SourceFile f("a.pol", "ab\ncd");
  EXPECT_EQ(at(f, 5), "2:3");
  EXPECT_EQ(at(f, 6), "2:3");
  EXPECT_EQ(at(f, 1000), "2:3");

  const SourceFile trailing("b.pol", "ab\n");
  EXPECT_EQ(at(trailing, 3), "2:1");
  EXPECT_EQ(at(trailing, 99), "2:1");
}

TEST(SourceFile, EmptyFileHasOneEmptyLine) {
  const SourceFile f("empty.pol", "");
  EXPECT_EQ(f.lineCount(), 1u);
  EXPECT_EQ(f.lineText(1), "");
  EXPECT_EQ(at(f, 0), "1:1");
  EXPECT_EQ(at(f, 7), "1:1");
}

TEST(SourceFile, LineTextOutOfRangeIsEmpty) {
  const SourceFile f("a.pol", "甲\n乙");
  EXPECT_EQ(f.lineText(0), "");
  EXPECT_EQ(f.lineText(3), "");
}

TEST(SourceFile, BomIsKeptButNotCounted) {
  const SourceFile f("bom.pol", "\xEF\xBB\xBF" "政策 甲\n事实");
  EXPECT_EQ(f.text().substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(f.codepoints().front(), U'\uFEFF');
  // Offsets still count the BOM (as a lexer fed the whole text does), columns do not.
  EXPECT_EQ(at(f, 0), "1:1");
  EXPECT_EQ(at(f, 1), "1:1");  // 政
  EXPECT_EQ(at(f, 4), "1:4");  // 甲
  EXPECT_EQ(at(f, 6), "2:1");
  EXPECT_EQ(f.lineText(1), "政策 甲");
  EXPECT_EQ(f.lineText(2), "事实");
  EXPECT_EQ(f.slice(1, 3), "政策");
}

TEST(SourceFile, BomOnlyAndBomWithCrLf) {
  const SourceFile only("bom.pol", "\xEF\xBB\xBF");
  EXPECT_EQ(only.lineCount(), 1u);
  EXPECT_EQ(only.lineText(1), "");
  EXPECT_EQ(at(only, 1), "1:1");

  const SourceFile crlf("bom.pol", "\xEF\xBB\xBF" "甲\r\n乙");
  EXPECT_EQ(crlf.lineText(1), "甲");
  EXPECT_EQ(at(crlf, 4), "2:1");
}

TEST(SourceFile, SliceClampsToTheFile) {
  const SourceFile f("a.pol", "节能量");
  EXPECT_EQ(f.slice(1, 100), "能量");
  EXPECT_EQ(f.slice(2, 1), "");
  EXPECT_EQ(f.slice(50, 60), "");
}

TEST(SourceManager, HandsOutIdsInOrder) {
  SourceManager sm;
  const FileId a = sm.add("a.pol", "甲");
  const FileId b = sm.add("b.pol", "乙");
  EXPECT_EQ(a, 0u);
  EXPECT_EQ(b, 1u);
  EXPECT_EQ(sm.size(), 2u);
  EXPECT_EQ(sm.file(b).path(), "b.pol");
  EXPECT_EQ(sm.file(a).text(), "甲");
  EXPECT_TRUE(sm.contains(Span{b, 0, 1}));
  EXPECT_FALSE(sm.contains(Span{2, 0, 1}));
  EXPECT_FALSE(sm.contains(Span{}));
}

TEST(SourceManager, FilesStayPutWhenMoreAreAdded) {
  SourceManager sm;
  const SourceFile* first = &sm.file(sm.add("a.pol", "甲"));
  for (int i = 0; i < 100; ++i) sm.add("more.pol", "乙");
  EXPECT_EQ(first, &sm.file(0));
}

TEST(Span, DefaultPointsNowhere) {
  EXPECT_FALSE(Span{}.valid());
  EXPECT_TRUE((Span{0, 0, 0}.valid()));
}

TEST(Span, CoverJoinsBothEnds) {
  const Span c = Span::cover(Span{1, 10, 12}, Span{1, 3, 5});
  EXPECT_EQ(c.file, 1u);
  EXPECT_EQ(c.begin, 3u);
  EXPECT_EQ(c.end, 12u);
}

TEST(Span, CoverIgnoresAnInvalidSide) {
  const Span s{2, 4, 9};
  const Span left = Span::cover(Span{}, s);
  const Span right = Span::cover(s, Span{});
  EXPECT_EQ(left.file, 2u);
  EXPECT_EQ(left.begin, 4u);
  EXPECT_EQ(left.end, 9u);
  EXPECT_EQ(right.begin, 4u);
  EXPECT_EQ(right.end, 9u);
  EXPECT_FALSE(Span::cover(Span{}, Span{}).valid());
}

}  // namespace
}  // namespace polc
