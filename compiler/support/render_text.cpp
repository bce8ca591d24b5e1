#include <fmt/format.h>

#include <algorithm>
#include <string_view>

#include "support/diagnostics.h"

namespace polc {

namespace {

constexpr std::uint32_t kTabStop = 4;
// Clang pads line numbers to five columns, so gutters of nearby diagnostics line up.
constexpr std::size_t kMinGutter = 5;
// Longer source lines are shown as a window around the span, starting this far before it.
constexpr std::size_t kMaxShownCodePoints = 200;
constexpr std::size_t kContextBefore = 60;

// ANSI SGR parameters.
constexpr std::string_view kBold = "1";
constexpr std::string_view kRed = "1;31";
constexpr std::string_view kMagenta = "1;35";
constexpr std::string_view kCyan = "1;36";
constexpr std::string_view kGreen = "1;32";

class Painter {
 public:
  explicit Painter(bool color) : color_(color) {}
  std::string operator()(std::string_view sgr, std::string_view text) const {
    if (!color_ || text.empty()) return std::string(text);
    return fmt::format("\x1b[{}m{}\x1b[0m", sgr, text);
  }

 private:
  bool color_;
};

std::string_view severityColor(Severity s) {
  switch (s) {
    case Severity::Error:
      return kRed;
    case Severity::Warning:
      return kMagenta;
    case Severity::Note:
      return kCyan;
  }
  return kRed;
}

// A source line as the terminal shows it. Tabs become spaces here, not in the terminal, because
// the caret line can only line up if both lines are expanded the same way.
struct DisplayLine {
  std::string text;
  // columns[i] is the display column where code point i starts; one more entry marks the end.
  std::vector<std::uint32_t> columns;
};

DisplayLine layOut(std::u32string_view line) {
  DisplayLine out;
  std::u32string expanded;
  std::uint32_t column = 0;
  for (char32_t c : line) {
    out.columns.push_back(column);
    if (c == U'\t') {
      const std::uint32_t next = (column / kTabStop + 1) * kTabStop;
      expanded.append(next - column, U' ');
      column = next;
    } else {
      expanded.push_back(c);
      column += static_cast<std::uint32_t>(displayWidth(c));
    }
  }
  out.columns.push_back(column);
  out.text = encodeUtf8(expanded);
  return out;
}

std::string_view plural(std::size_t n) { return n == 1 ? "" : "s"; }

class TextRenderer {
 public:
  TextRenderer(const SourceManager& sm, const RenderOptions& options)
      : sm_(sm), paint_(options.color) {}

  void diagnostic(const Diagnostic& d) {
    std::string title = severityName(d.severity);
    if (!d.code.empty()) title += fmt::format("[{}]", d.code);
    out_ += fmt::format("{}{}: {}\n", location(d.span), paint_(severityColor(d.severity), title),
                        paint_(kBold, d.message));
    if (sm_.contains(d.span)) snippet(d.span, '^', d.label);
    for (const DiagNote& note : d.notes) {
      out_ += fmt::format("{}{}: {}\n", location(note.span), paint_(kCyan, "note"), note.message);
      if (sm_.contains(note.span)) snippet(note.span, '-', {});
    }
    for (const std::string& help : d.help) {
      out_ += fmt::format("{}: {}\n", paint_(kBold, "help"), help);
    }
  }

  void summary(std::size_t errors, std::size_t warnings) {
    std::string counts;
    if (errors > 0) counts = fmt::format("{} error{}", errors, plural(errors));
    if (warnings > 0) {
      if (!counts.empty()) counts += " and ";
      counts += fmt::format("{} warning{}", warnings, plural(warnings));
    }
    if (!counts.empty()) out_ += counts + " generated.\n";
  }

  std::string take() { return std::move(out_); }

 private:
  std::string location(Span span) const {
    if (!sm_.contains(span)) return {};
    const SourceFile& file = sm_.file(span.file);
    const LineCol at = file.lineCol(span.begin);
    return paint_(kBold, fmt::format("{}:{}:{}:", file.path(), at.line, at.column)) + " ";
  }

  // Prints the first line of `span` and underlines the span on it with `mark`. A span running
  // onto later lines is underlined to the end of its first line only.
  void snippet(Span span, char mark, std::string_view label) {
    const SourceFile& file = sm_.file(span.file);
    const LineCol begin = file.lineCol(span.begin);
    const LineCol end = file.lineCol(std::max(span.begin, span.end));
    std::u32string text = decodeUtf8(file.lineText(begin.line));
    std::size_t first = std::min<std::size_t>(begin.column - 1, text.size());
    std::size_t last = end.line == begin.line ? std::min<std::size_t>(end.column - 1, text.size())
                                              : text.size();
    // A generated or minified file can have a line of megabytes; show a window around the span.
    if (text.size() > kMaxShownCodePoints) {
      const std::size_t from = first > kContextBefore ? first - kContextBefore : 0;
      const std::size_t to = std::min(text.size(), from + kMaxShownCodePoints);
      std::u32string window = (from > 0 ? U"…" : U"") + text.substr(from, to - from) +
                              (to < text.size() ? U"…" : U"");
      const std::size_t shift = from > 0 ? from - 1 : 0;  // the leading … takes one code point
      first -= shift;
      last = std::min(last - shift, window.size() - (to < text.size() ? 1 : 0));
      text = std::move(window);
    }
    const DisplayLine line = layOut(text);
    const std::uint32_t indent = line.columns[first];
    // A zero-length span, or one that starts at the end of its line, still gets one mark.
    const std::uint32_t width = std::max<std::uint32_t>(1, line.columns[last] - indent);

    const std::string number = std::to_string(begin.line);
    const std::size_t gutter = std::max(kMinGutter, number.size());
    std::string underline = paint_(kGreen, std::string(width, mark));
    if (!label.empty()) underline += fmt::format(" {}", label);
    out_ += fmt::format("{:>{}} | {}\n", number, gutter, line.text);
    out_ += fmt::format("{:>{}} | {}{}\n", "", gutter, std::string(indent, ' '), underline);
  }

  const SourceManager& sm_;
  Painter paint_;
  std::string out_;
};

}  // namespace

std::string renderText(const SourceManager& sm, const std::vector<Diagnostic>& diags,
                       const RenderOptions& options) {
  TextRenderer renderer(sm, options);
  for (const Diagnostic& d : diags) renderer.diagnostic(d);
  renderer.summary(countSeverity(diags, Severity::Error), countSeverity(diags, Severity::Warning));
  return renderer.take();
}

}  // namespace polc
