// Source files and spans. Offsets count Unicode code points, as ANTLR's do, so a token's start index
// is a position here without conversion; the diagnostic renderer turns code points into display
// columns (a Chinese character is two columns wide).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace polc {

using FileId = std::uint32_t;
inline constexpr FileId kNoFile = ~FileId{0};

// A half-open range [begin, end) of code points in one file. A default span points nowhere.
struct Span {
  FileId file = kNoFile;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  bool valid() const { return file != kNoFile; }
  // The smallest span covering both; both must be in the same file (an invalid side is ignored).
  static Span cover(Span a, Span b);
};

struct LineCol {
  std::uint32_t line = 0;    // 1-based
  std::uint32_t column = 0;  // 1-based, in code points
};

class SourceFile {
 public:
  // `text` must be valid UTF-8 (the loader checks before constructing). A leading BOM is kept in
  // text() but is not counted as a column.
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  const std::u32string& codepoints() const { return codepoints_; }

  LineCol lineCol(std::uint32_t offset) const;
  // The text of 1-based line `line`, without its line terminator (\n or \r\n), as UTF-8.
  std::string lineText(std::uint32_t line) const;
  std::uint32_t lineCount() const { return static_cast<std::uint32_t>(lineStarts_.size()); }
  // The UTF-8 text of a span of this file.
  std::string slice(std::uint32_t begin, std::uint32_t end) const;

 private:
  std::string path_;
  std::string text_;
  std::u32string codepoints_;
  std::vector<std::uint32_t> lineStarts_;  // code-point offsets of line starts
};

// Owns every file of a compilation; FileIds index into it.
class SourceManager {
 public:
  FileId add(std::string path, std::string text);
  const SourceFile& file(FileId id) const { return *files_.at(id); }
  std::size_t size() const { return files_.size(); }
  // True when `span` names a file of this manager, i.e. it can be turned into a line and column.
  bool contains(Span span) const { return span.valid() && span.file < files_.size(); }

 private:
  std::vector<std::unique_ptr<SourceFile>> files_;
};

// UTF-8 helpers shared by the loader and the renderer.
// Returns the byte offset of the first invalid sequence, or npos when `s` is valid UTF-8.
std::size_t findInvalidUtf8(std::string_view s);
std::u32string decodeUtf8(std::string_view s);  // s must be valid
std::string encodeUtf8(std::u32string_view s);
// Display width of one code point in a terminal: 2 for East Asian wide and full-width characters,
// 0 for combining marks and zero-width characters, 1 otherwise.
int displayWidth(char32_t c);
int displayWidth(std::u32string_view s);

}  // namespace polc
