#include "support/source.h"

#include <algorithm>
#include <iterator>

#include "decimal/utf8_decode.h"

namespace polc {

namespace {

constexpr char32_t kBom = 0xFEFF;
constexpr char32_t kReplacement = 0xFFFD;

// Decodes the sequence starting at s[pos] into `out` and returns its length in bytes, or 0 when
// it is not valid UTF-8: runtime/decimal/utf8_decode.h's rule, the one the facts readers use, so
// the validator, the decoder and the readers cannot disagree about what is valid.
std::size_t decodeAt(std::string_view s, std::size_t pos, char32_t& out) { return polrt::utf8At(s, pos, out); }

bool isScalarValue(char32_t c) { return c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF); }

struct Range {
  char32_t first;
  char32_t last;
};

template <std::size_t N>
bool inRanges(const Range (&ranges)[N], char32_t c) {
  return std::any_of(std::begin(ranges), std::end(ranges),
                     [c](const Range& r) { return c >= r.first && c <= r.last; });
}

// Characters a terminal draws without advancing the cursor.
constexpr Range kZeroWidth[] = {
    {0x0300, 0x036F},    // combining diacritical marks
    {0x200B, 0x200F},    // zero-width space, joiners, direction marks
    {0xFE00, 0xFE0F},    // variation selectors
    {0xFE20, 0xFE2F},    // combining half marks
    {0xFEFF, 0xFEFF},    // zero-width no-break space (the BOM)
};

// East Asian Wide and Fullwidth characters, which take two terminal cells.
constexpr Range kWide[] = {
    {0x1100, 0x115F},    // Hangul Jamo initial consonants
    {0x2E80, 0xA4CF},    // CJK radicals .. CJK symbols and punctuation (〔〕《》「」) .. kana ..
                         // extension A .. unified ideographs .. Yi
    {0xAC00, 0xD7A3},    // Hangul syllables
    {0xF900, 0xFAFF},    // CJK compatibility ideographs
    {0xFE10, 0xFE19},    // vertical forms
    {0xFE30, 0xFE6F},    // CJK compatibility forms, small form variants
    {0xFF00, 0xFF60},    // fullwidth ASCII and punctuation
    {0xFFE0, 0xFFE6},    // fullwidth signs (￥ and friends)
    {0x1F300, 0x1F64F},  // pictographs and emoticons
    {0x1F900, 0x1F9FF},  // supplemental pictographs
    {0x20000, 0x2FFFD},  // CJK extensions B.. and compatibility supplement
    {0x30000, 0x3FFFD},  // CJK extension G..
};

}  // namespace

Span Span::cover(Span a, Span b) {
  if (!a.valid()) return b;
  if (!b.valid()) return a;
  // Spans of different files have no cover; keeping `a` is the least surprising answer.
  if (a.file != b.file) return a;
  return Span{a.file, std::min(a.begin, b.begin), std::max(a.end, b.end)};
}

// A leading BOM stays in codepoints() so that offsets agree with a lexer fed the whole text, but
// the first line is taken to start after it: its column is never counted, lineText(1) leaves it
// out, and an offset pointing at the BOM itself maps to line 1, column 1.
SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)), codepoints_(decodeUtf8(text_)) {
  const bool hasBom = !codepoints_.empty() && codepoints_.front() == kBom;
  lineStarts_.push_back(hasBom ? 1 : 0);
  for (std::size_t i = 0; i < codepoints_.size(); ++i) {
    // "\r\n" needs no case of its own: the line still starts after the '\n', and lineText drops
    // the '\r'. A lone '\r' does not end a line.
    if (codepoints_[i] == U'\n') lineStarts_.push_back(static_cast<std::uint32_t>(i + 1));
  }
}

LineCol SourceFile::lineCol(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(codepoints_.size()));
  auto next = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
  if (next == lineStarts_.begin()) return LineCol{1, 1};  // only the BOM lies before line 1
  const auto line = static_cast<std::uint32_t>(next - lineStarts_.begin());
  return LineCol{line, offset - lineStarts_[line - 1] + 1};
}

std::string SourceFile::lineText(std::uint32_t line) const {
  if (line == 0 || line > lineCount()) return {};
  const std::uint32_t begin = lineStarts_[line - 1];
  std::uint32_t end = static_cast<std::uint32_t>(codepoints_.size());
  if (line < lineCount()) {
    end = lineStarts_[line] - 1;  // the '\n'
    if (end > begin && codepoints_[end - 1] == U'\r') --end;
  }
  return slice(begin, end);
}

std::string SourceFile::slice(std::uint32_t begin, std::uint32_t end) const {
  const std::size_t stop = std::min<std::size_t>(end, codepoints_.size());
  const std::size_t start = std::min<std::size_t>(begin, stop);
  return encodeUtf8(std::u32string_view(codepoints_).substr(start, stop - start));
}

FileId SourceManager::add(std::string path, std::string text) {
  files_.push_back(std::make_unique<SourceFile>(std::move(path), std::move(text)));
  return static_cast<FileId>(files_.size() - 1);
}

std::size_t findInvalidUtf8(std::string_view s) { return polrt::illFormedUtf8(s); }

std::u32string decodeUtf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (std::size_t pos = 0; pos < s.size();) {
    char32_t cp = 0;
    const std::size_t length = decodeAt(s, pos, cp);
    // The caller promised valid input; should it break that promise, each bad byte becomes one
    // U+FFFD rather than undefined behaviour.
    out.push_back(length == 0 ? kReplacement : cp);
    pos += length == 0 ? 1 : length;
  }
  return out;
}

std::string encodeUtf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t c : s) {
    if (!isScalarValue(c)) c = kReplacement;
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (c >> 12)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (c >> 18)));
      out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

// A tab is 1 here because its width depends on where it stands; the renderer expands tabs itself.
int displayWidth(char32_t c) {
  if (inRanges(kZeroWidth, c)) return 0;
  if (inRanges(kWide, c)) return 2;
  return 1;
}

int displayWidth(std::u32string_view s) {
  int width = 0;
  for (char32_t c : s) width += displayWidth(c);
  return width;
}

}  // namespace polc
