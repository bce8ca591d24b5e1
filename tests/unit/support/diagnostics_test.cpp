#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/diagnostics.h"

namespace polc {
namespace {

std::vector<std::string> messages(const DiagnosticEngine& engine) {
  std::vector<std::string> out;
  for (const Diagnostic& d : engine.all()) out.push_back(d.message);
  return out;
}

TEST(SeverityName, NamesEachSeverity) {
  EXPECT_STREQ(severityName(Severity::Error), "error");
  EXPECT_STREQ(severityName(Severity::Warning), "warning");
  EXPECT_STREQ(severityName(Severity::Note), "note");
}

TEST(DiagnosticEngine, ReportFillsTheDiagnosticAndAllowsAddingDetails) {
  DiagnosticEngine engine;
  Diagnostic& d = engine.error("E0301", Span{0, 3, 6}, "cannot add 吨标煤 to 元");
  d.label = "吨标煤 + 元";
  d.notes.push_back({Span{0, 1, 2}, "declared here"});
  d.help.push_back("did you mean `节能量`?");

  ASSERT_EQ(engine.all().size(), 1u);
  const Diagnostic& stored = engine.all().front();
  EXPECT_EQ(stored.severity, Severity::Error);
  EXPECT_EQ(stored.code, "E0301");
  EXPECT_EQ(stored.message, "cannot add 吨标煤 to 元");
  EXPECT_EQ(stored.span.begin, 3u);
  EXPECT_EQ(stored.span.end, 6u);
  EXPECT_EQ(stored.label, "吨标煤 + 元");
  ASSERT_EQ(stored.notes.size(), 1u);
  EXPECT_EQ(stored.notes[0].message, "declared here");
  EXPECT_EQ(stored.help, std::vector<std::string>{"did you mean `节能量`?"});
}

TEST(DiagnosticEngine, CountsErrorsAndWarnings) {
  DiagnosticEngine engine;
  EXPECT_FALSE(engine.hasErrors());
  engine.warning("W0001", Span{}, "w");
  EXPECT_FALSE(engine.hasErrors());
  EXPECT_EQ(engine.warningCount(), 1u);
  engine.error("E0001", Span{}, "e1");
  engine.error("E0002", Span{}, "e2");
  engine.report(Severity::Note, "", Span{}, "n");
  EXPECT_TRUE(engine.hasErrors());
  EXPECT_EQ(engine.errorCount(), 2u);
  EXPECT_EQ(engine.warningCount(), 1u);
  EXPECT_EQ(engine.all().size(), 4u);
  EXPECT_EQ(countSeverity(engine.all(), Severity::Note), 1u);
}

TEST(DiagnosticEngine, SortsByFileThenOffsetThenReportOrder) {
  DiagnosticEngine engine;
  engine.error("E1", Span{1, 5, 6}, "file1@5");
  engine.error("E1", Span{}, "nowhere-first");
  engine.error("E1", Span{0, 9, 10}, "file0@9");
  engine.error("E1", Span{1, 0, 1}, "file1@0");
  engine.error("E1", Span{0, 9, 12}, "file0@9-second");
  engine.error("E1", Span{}, "nowhere-second");
  engine.error("E1", Span{0, 2, 3}, "file0@2");
  engine.sortByLocation();
  EXPECT_EQ(messages(engine),
            (std::vector<std::string>{"file0@2", "file0@9", "file0@9-second", "file1@0",
                                      "file1@5", "nowhere-first", "nowhere-second"}));
}

}  // namespace
}  // namespace polc
