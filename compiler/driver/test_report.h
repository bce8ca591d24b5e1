// How polc test reports its cases: as text for people (streamed, the closing line `N passed, N
// failed`), as one JSON document, or as JUnit XML, the report CI systems (GitLab, Jenkins, GitHub
// actions) show test by test. The runner (test_command.cpp) tells a reporter what happened; the
// reporter alone decides what is printed.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace polc {

// A clause no case can show paying: its conditions cannot hold together (the checker's W0610, or
// W0611 when an exclusion is part of the contradiction). Neither paying nor not paying is a gap.
struct NeverAppliesClause {
  std::string citation, code, conditions;  // conditions: the contradictory ones, joined by ；
};

// A clause no case can show paying: its non-stacking group always keeps another clause's award
// (the checker's W0640), and the cases show it computed and dropped. Not an untested clause.
struct NeverKeptClause {
  std::string citation, group, keptInstead;
};

// With --coverage: the clauses that no passing case shows paying, or not paying.
struct TestCoverage {
  std::size_t clauses = 0;  // clauses that pay or grant something, over every policy set used
  int both = 0;             // of them, shown both paying and not paying
  std::vector<std::string> noCasePays, noCaseWithoutAward;
  std::vector<NeverAppliesClause> neverApply;  // no case could show them paying, nor need show them not
  std::vector<NeverKeptClause> neverKept;      // not shown paying either, but no case could
};

class TestReporter {
 public:
  virtual ~TestReporter() = default;
  // A case ran: `differences` is empty when it passed.
  virtual void testCase(const std::string& file, const std::string& name, const std::vector<std::string>& differences) = 0;
  // The cases of a file are done (`ran` of them, `failed` failed).
  virtual void fileDone(const std::string& file, int ran, int failed) = 0;
  // A test file that cannot be read as one: it counts as one failure.
  virtual void badFile(const std::string& file, const std::string& message) = 0;
  // The end of the run, with the coverage when asked for.
  virtual void finish(int passed, int failed, const TestCoverage* coverage) = 0;
};

// format: "text" (with `verbose`: a line per passing case), "json" or "junit".
std::unique_ptr<TestReporter> makeTestReporter(const std::string& format, bool verbose);

}  // namespace polc
