#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/diagnostics.h"

namespace polc {
namespace {

// The span of the first `needle` at or after code point `from` in file `id`.
Span spanOf(const SourceManager& sm, FileId id, std::u32string_view needle, std::size_t from = 0) {
  const std::u32string& text = sm.file(id).codepoints();
  const std::size_t at = text.find(needle, from);
  EXPECT_NE(at, std::u32string::npos) << "needle not in file";
  return Span{id, static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + needle.size())};
}

std::string render(const SourceManager& sm, const std::vector<Diagnostic>& diags,
                   bool color = false) {
  return renderText(sm, diags, RenderOptions{color});
}

Diagnostic error(std::string code, Span span, std::string message) {
  Diagnostic d;
  d.code = std::move(code);
  d.span = span;
  d.message = std::move(message);
  return d;
}

constexpr const char* kPolicy =
    "政策 节能补贴 {\n"
    "  事实 节能量: 吨标煤\n"
    "  给予 节能量 + 100万元\n"
    "}\n";

TEST(RenderText, ErrorWithLabelNoteAndHelpUnderChineseText) {
  SourceManager sm;
  const FileId f = sm.add("policies/x.pol", kPolicy);
  const std::size_t line3 = sm.file(f).codepoints().find(U"给予");
  Diagnostic d = error("E0301", spanOf(sm, f, U"节能量 + 100万元", line3), "cannot add 吨标煤 to 元");
  d.label = "吨标煤 + 元";
  d.notes.push_back({spanOf(sm, f, U"节能量"), "节能量 is declared here"});
  d.help.push_back("did you mean `节能量`?");

  EXPECT_EQ(render(sm, {d}),
            "policies/x.pol:3:6: error[E0301]: cannot add 吨标煤 to 元\n"
            "    3 |   给予 节能量 + 100万元\n"
            "      |        ^^^^^^^^^^^^^^^^ 吨标煤 + 元\n"
            "policies/x.pol:2:6: note: 节能量 is declared here\n"
            "    2 |   事实 节能量: 吨标煤\n"
            "      |        ------\n"
            "help: did you mean `节能量`?\n"
            "1 error generated.\n");
}

TEST(RenderText, TabsExpandToStopsOfFourInLineAndUnderline) {
  SourceManager sm;
  // Tab at column 0 jumps to 4; 给予 fills 4..8; the second tab, already on a stop, jumps to 12.
  const FileId f = sm.add("t.pol", "\t给予\t节能量 吨\n");
  const Diagnostic d = error("E0102", spanOf(sm, f, U"节能量"), "unknown name 节能量");
  EXPECT_EQ(render(sm, {d}),
            "t.pol:1:5: error[E0102]: unknown name 节能量\n"
            "    1 |     给予    节能量 吨\n"
            "      |             ^^^^^^\n"
            "1 error generated.\n");
}

TEST(RenderText, TabAfterOddColumnStopsAtNextMultipleOfFour) {
  SourceManager sm;
  const FileId f = sm.add("t.pol", "给予x\t节\n");  // 给予x ends at column 5; the tab fills 5..8
  const Diagnostic d = error("E0102", spanOf(sm, f, U"节"), "m");
  EXPECT_EQ(render(sm, {d}),
            "t.pol:1:5: error[E0102]: m\n"
            "    1 | 给予x   节\n"
            "      |         ^^\n"
            "1 error generated.\n");
}

TEST(RenderText, ZeroLengthSpanGetsOneCaret) {
  SourceManager sm;
  const FileId f = sm.add("z.pol", "规则 甲 乙\n");
  const Diagnostic d = error("E0001", Span{f, 3, 3}, "expected `:`");
  EXPECT_EQ(render(sm, {d}),
            "z.pol:1:4: error[E0001]: expected `:`\n"
            "    1 | 规则 甲 乙\n"
            "      |      ^\n"
            "1 error generated.\n");
}

TEST(RenderText, SpanAtEndOfFileAfterFinalNewline) {
  SourceManager sm;
  const FileId f = sm.add("eof.pol", "规则 甲\n");
  const Diagnostic d = error("E0002", Span{f, 5, 5}, "unexpected end of file");
  EXPECT_EQ(render(sm, {d}),
            "eof.pol:2:1: error[E0002]: unexpected end of file\n"
            "    2 | \n"
            "      | ^\n"
            "1 error generated.\n");
}

TEST(RenderText, MultiLineSpanIsUnderlinedToEndOfFirstLine) {
  SourceManager sm;
  const FileId f = sm.add("policies/x.pol", kPolicy);
  const Span block = Span::cover(spanOf(sm, f, U"节能补贴"), spanOf(sm, f, U"}"));
  const Diagnostic d = error("E0401", block, "policy 节能补贴 grants nothing");
  EXPECT_EQ(render(sm, {d}),
            "policies/x.pol:1:4: error[E0401]: policy 节能补贴 grants nothing\n"
            "    1 | 政策 节能补贴 {\n"
            "      |      ^^^^^^^^^^\n"
            "1 error generated.\n");
}

TEST(RenderText, MultiLineSpanStartingAtLineEndStillGetsACaret) {
  SourceManager sm;
  const FileId f = sm.add("m.pol", "甲乙\n丙\n");
  const Diagnostic d = error("E0003", Span{f, 2, 4}, "m");
  EXPECT_EQ(render(sm, {d}),
            "m.pol:1:3: error[E0003]: m\n"
            "    1 | 甲乙\n"
            "      |     ^\n"
            "1 error generated.\n");
}

TEST(RenderText, CrLfLinesPrintWithoutCarriageReturn) {
  SourceManager sm;
  const FileId f = sm.add("crlf.pol", "政策 甲 {\r\n  给予 乙量\r\n}\r\n");
  const Diagnostic d = error("E0102", spanOf(sm, f, U"乙量"), "unknown name 乙量");
  EXPECT_EQ(render(sm, {d}),
            "crlf.pol:2:6: error[E0102]: unknown name 乙量\n"
            "    2 |   给予 乙量\n"
            "      |        ^^^^\n"
            "1 error generated.\n");
}

TEST(RenderText, BomDoesNotShiftColumns) {
  SourceManager sm;
  const FileId f = sm.add("bom.pol", "\xEF\xBB\xBF" "政策 甲\n");
  const Diagnostic first = error("E0001", spanOf(sm, f, U"政策"), "first");
  const Diagnostic second = error("E0001", spanOf(sm, f, U"甲"), "second");
  EXPECT_EQ(render(sm, {first, second}),
            "bom.pol:1:1: error[E0001]: first\n"
            "    1 | 政策 甲\n"
            "      | ^^^^\n"
            "bom.pol:1:4: error[E0001]: second\n"
            "    1 | 政策 甲\n"
            "      |      ^^\n"
            "2 errors generated.\n");
}

TEST(RenderText, PlacelessDiagnosticsAndNotes) {
  SourceManager sm;
  Diagnostic d = error("E0900", Span{}, "no policies found");
  d.notes.push_back({Span{}, "looked in policies/"});
  d.help.push_back("add a .pol file");
  EXPECT_EQ(render(sm, {d}),
            "error[E0900]: no policies found\n"
            "note: looked in policies/\n"
            "help: add a .pol file\n"
            "1 error generated.\n");
}

TEST(RenderText, DiagnosticWithoutCodeOmitsBrackets) {
  SourceManager sm;
  EXPECT_EQ(render(sm, {error("", Span{}, "internal")}), "error: internal\n1 error generated.\n");
}

TEST(RenderText, NoteInAnotherFile) {
  SourceManager sm;
  const FileId a = sm.add("a.pol", "给予 节能量\n");
  const FileId b = sm.add("lib/units.pol", "单位 吨标煤\n");
  Diagnostic d = error("E0301", spanOf(sm, a, U"节能量"), "wrong unit");
  d.notes.push_back({spanOf(sm, b, U"吨标煤"), "unit declared here"});
  EXPECT_EQ(render(sm, {d}),
            "a.pol:1:4: error[E0301]: wrong unit\n"
            "    1 | 给予 节能量\n"
            "      |      ^^^^^^\n"
            "lib/units.pol:1:4: note: unit declared here\n"
            "    1 | 单位 吨标煤\n"
            "      |      ------\n"
            "1 error generated.\n");
}

TEST(RenderText, SummaryCountsErrorsAndWarnings) {
  SourceManager sm;
  Diagnostic warning = error("W0001", Span{}, "w");
  warning.severity = Severity::Warning;
  const Diagnostic e = error("E0001", Span{}, "e");
  Diagnostic note = error("", Span{}, "n");
  note.severity = Severity::Note;

  const auto lastLine = [&](const std::vector<Diagnostic>& diags) {
    const std::string out = render(sm, diags);
    const std::size_t start = out.rfind('\n', out.size() - 2);
    return out.substr(start == std::string::npos ? 0 : start + 1);
  };
  EXPECT_EQ(lastLine({e}), "1 error generated.\n");
  EXPECT_EQ(lastLine({e, warning, e}), "2 errors and 1 warning generated.\n");
  EXPECT_EQ(lastLine({e, warning, warning}), "1 error and 2 warnings generated.\n");
  EXPECT_EQ(lastLine({warning}), "1 warning generated.\n");
  EXPECT_EQ(lastLine({warning, warning, warning}), "3 warnings generated.\n");
  EXPECT_EQ(render(sm, {note}), "note: n\n");  // nothing to count, so no summary
  EXPECT_EQ(render(sm, {}), "");
}

TEST(RenderText, WarningSeverityIsNamed) {
  SourceManager sm;
  const FileId f = sm.add("w.pol", "事实 闲置: 元\n");
  Diagnostic d = error("W0201", spanOf(sm, f, U"闲置"), "fact 闲置 is never used");
  d.severity = Severity::Warning;
  EXPECT_EQ(render(sm, {d}),
            "w.pol:1:4: warning[W0201]: fact 闲置 is never used\n"
            "    1 | 事实 闲置: 元\n"
            "      |      ^^^^\n"
            "1 warning generated.\n");
}

TEST(RenderText, GutterWidensForLongLineNumbers) {
  SourceManager sm;
  const FileId f = sm.add("long.pol", std::string(123455, '\n') + "甲\n");
  const Diagnostic d = error("E0001", spanOf(sm, f, U"甲"), "m");
  EXPECT_EQ(render(sm, {d}),
            "long.pol:123456:1: error[E0001]: m\n"
            "123456 | 甲\n"
            "       | ^^\n"
            "1 error generated.\n");
}

TEST(RenderText, ColourUsesAnsiEscapes) {
  SourceManager sm;
  const FileId f = sm.add("c.pol", "给予 甲\n");
  Diagnostic d = error("E0102", spanOf(sm, f, U"甲"), "unknown 甲");
  d.notes.push_back({Span{}, "n"});
  Diagnostic w = error("W0001", Span{}, "w");
  w.severity = Severity::Warning;
  EXPECT_EQ(render(sm, {d, w}, true),
            "\x1b[1mc.pol:1:4:\x1b[0m \x1b[1;31merror[E0102]\x1b[0m: \x1b[1munknown 甲\x1b[0m\n"
            "    1 | 给予 甲\n"
            "      |      \x1b[1;32m^^\x1b[0m\n"
            "\x1b[1;36mnote\x1b[0m: n\n"
            "\x1b[1;35mwarning[W0001]\x1b[0m: \x1b[1mw\x1b[0m\n"
            "1 error and 1 warning generated.\n");
}

TEST(RenderText, NoEscapesWithoutColour) {
  SourceManager sm;
  const FileId f = sm.add("c.pol", "给予 甲\n");
  const std::string out = render(sm, {error("E0102", spanOf(sm, f, U"甲"), "m")});
  EXPECT_EQ(out.find('\x1b'), std::string::npos);
}

}  // namespace
}  // namespace polc

namespace polc {
namespace {

TEST(RenderText, VeryLongLineIsShownAsAWindowAroundTheSpan) {
  SourceManager sm;
  // 1000 × "a", then 节能量, then 1000 × "b": the caret must sit under 节能量 inside the window.
  std::string line = std::string(1000, 'a') + "节能量" + std::string(1000, 'b');
  const FileId f = sm.add("long.pol", line + "\n");
  Span at{f, 1000, 1003};
  const std::string out = render(sm, {error("E0301", at, "bad")});
  const std::string shown = "…" + std::string(60, 'a') + "节能量" + std::string(137, 'b') + "…";
  EXPECT_NE(out.find("    1 | " + shown + "\n"), std::string::npos) << out;
  // "…" is one column and 60 more precede the span; 节能量 is six columns wide.
  EXPECT_NE(out.find("      | " + std::string(61, ' ') + "^^^^^^\n"), std::string::npos) << out;
  EXPECT_EQ(out.find(std::string(500, 'a')), std::string::npos);
}

}  // namespace
}  // namespace polc
