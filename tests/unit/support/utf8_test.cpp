#include <gtest/gtest.h>

#include <string>

#include "support/source.h"

namespace polc {
namespace {

constexpr auto npos = std::string_view::npos;

TEST(Utf8Validate, AcceptsAsciiChineseAndFourByteText) {
  EXPECT_EQ(findInvalidUtf8(""), npos);
  EXPECT_EQ(findInvalidUtf8("abc"), npos);
  EXPECT_EQ(findInvalidUtf8("节能量 吨标煤"), npos);
  EXPECT_EQ(findInvalidUtf8("\xF0\x9F\x98\x80"), npos);   // U+1F600
  EXPECT_EQ(findInvalidUtf8("\xF4\x8F\xBF\xBF"), npos);   // U+10FFFF, the last code point
  EXPECT_EQ(findInvalidUtf8("\xEF\xBB\xBF" "x"), npos);   // BOM
}

TEST(Utf8Validate, ReportsByteOffsetOfFirstBadSequence) {
  // "节" is 3 bytes, so the stray continuation byte sits at offset 3.
  EXPECT_EQ(findInvalidUtf8("节\x80能"), 3u);
  EXPECT_EQ(findInvalidUtf8("ab\xFF"), 2u);
  EXPECT_EQ(findInvalidUtf8("\xC3"), 0u);
}

TEST(Utf8Validate, RejectsOverlongEncodings) {
  EXPECT_EQ(findInvalidUtf8("a\xC0\xAF"), 1u);           // '/' in two bytes
  EXPECT_EQ(findInvalidUtf8("a\xC1\xBF"), 1u);
  EXPECT_EQ(findInvalidUtf8("\xE0\x80\xAF"), 0u);        // '/' in three bytes
  EXPECT_EQ(findInvalidUtf8("\xE0\x9F\xBF"), 0u);        // U+07FF in three bytes
  EXPECT_EQ(findInvalidUtf8("\xF0\x8F\xBF\xBF"), 0u);    // U+FFFF in four bytes
}

TEST(Utf8Validate, RejectsSurrogatesAndValuesAboveUnicode) {
  EXPECT_EQ(findInvalidUtf8("ok\xED\xA0\x80"), 2u);      // U+D800
  EXPECT_EQ(findInvalidUtf8("ok\xED\xBF\xBF"), 2u);      // U+DFFF
  EXPECT_EQ(findInvalidUtf8("\xED\x9F\xBF"), npos);      // U+D7FF is fine
  EXPECT_EQ(findInvalidUtf8("\xF4\x90\x80\x80"), 0u);    // U+110000
  EXPECT_EQ(findInvalidUtf8("\xF8\x88\x80\x80\x80"), 0u);  // five-byte form
}

TEST(Utf8Validate, RejectsTruncatedSequences) {
  EXPECT_EQ(findInvalidUtf8("节能\xE9\x87"), 6u);         // 量 cut short at end of input
  EXPECT_EQ(findInvalidUtf8("\xE9\x87" "a"), 0u);        // cut short by an ASCII byte
  EXPECT_EQ(findInvalidUtf8("x\xF0\x9F\x98"), 1u);
}

TEST(Utf8Codec, DecodesToCodePoints) {
  EXPECT_EQ(decodeUtf8("a节\xF0\x9F\x98\x80"), U"a节\U0001F600");
  EXPECT_EQ(decodeUtf8(""), U"");
}

TEST(Utf8Codec, RoundTripsEveryEncodingLength) {
  const std::u32string text = U"a\u00E9节\U0001F600\U0010FFFF";
  const std::string bytes = encodeUtf8(text);
  EXPECT_EQ(bytes.size(), 1u + 2u + 3u + 4u + 4u);
  EXPECT_EQ(findInvalidUtf8(bytes), npos);
  EXPECT_EQ(decodeUtf8(bytes), text);
}

TEST(Utf8Codec, ReplacesWhatCannotBeEncoded) {
  EXPECT_EQ(encodeUtf8(U"a\xD800" "b"), "a\uFFFD" "b");
  EXPECT_EQ(decodeUtf8("a\xFF" "b"), U"a\uFFFD" "b");
}

TEST(DisplayWidth, CjkIsTwoColumns) {
  EXPECT_EQ(displayWidth(U'a'), 1);
  EXPECT_EQ(displayWidth(U'节'), 2);         // CJK unified
  EXPECT_EQ(displayWidth(U'\u3400'), 2);     // extension A
  EXPECT_EQ(displayWidth(U'\uF900'), 2);     // compatibility ideograph
  EXPECT_EQ(displayWidth(U'\U00020000'), 2); // extension B
  EXPECT_EQ(displayWidth(U'，'), 2);         // U+FF0C fullwidth comma
  EXPECT_EQ(displayWidth(U'￥'), 2);         // U+FFE5
  EXPECT_EQ(displayWidth(U'。'), 2);         // U+3002
  EXPECT_EQ(displayWidth(U'\u3000'), 2);     // ideographic space
  for (char32_t bracket : std::u32string_view(U"〔〕《》「」【】")) {
    EXPECT_EQ(displayWidth(bracket), 2) << static_cast<std::uint32_t>(bracket);
  }
  EXPECT_EQ(displayWidth(U'한'), 2);         // Hangul syllable
  EXPECT_EQ(displayWidth(U'あ'), 2);
  EXPECT_EQ(displayWidth(U'カ'), 2);
}

TEST(DisplayWidth, NarrowNeighboursOfWideRanges) {
  EXPECT_EQ(displayWidth(U'\u2E7F'), 1);
  EXPECT_EQ(displayWidth(U'\uA4D0'), 1);
  EXPECT_EQ(displayWidth(U'\uFF61'), 1);     // halfwidth ideographic full stop
  EXPECT_EQ(displayWidth(U'\u00E9'), 1);
  EXPECT_EQ(displayWidth(U'\t'), 1);         // the renderer expands tabs itself
}

TEST(DisplayWidth, CombiningAndZeroWidthAreZero) {
  EXPECT_EQ(displayWidth(U'\u0301'), 0);
  EXPECT_EQ(displayWidth(U'\u200B'), 0);
  EXPECT_EQ(displayWidth(U'\u200F'), 0);
  EXPECT_EQ(displayWidth(U'\uFEFF'), 0);
  EXPECT_EQ(displayWidth(U"e\u0301"), 1);
}

TEST(DisplayWidth, SumsAString) {
  EXPECT_EQ(displayWidth(U"给予 节能量 + 100万元"), 2 * 7 + 7);  // 7 CJK, 7 ASCII
  EXPECT_EQ(displayWidth(U""), 0);
}

}  // namespace
}  // namespace polc
