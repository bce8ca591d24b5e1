#include "driver/test_report.h"

#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "support/source.h"

namespace polc {
namespace {

class TextReporter : public TestReporter {
 public:
  explicit TextReporter(bool verbose) : verbose_(verbose) {}

  void testCase(const std::string& file, const std::string& name, const std::vector<std::string>& differences) override {
    if (differences.empty()) {
      if (verbose_) std::cout << fmt::format("ok    {} › {}\n", file, name);
      return;
    }
    std::cout << fmt::format("FAIL  {} › {}\n", file, name);
    for (const auto& l : differences) std::cout << "      " << l << "\n";
    std::cout << "\n";
  }
  void fileDone(const std::string& file, int ran, int failed) override {
    if (!verbose_ && ran > 0)
      std::cout << fmt::format("{}  {} ({} case{}{})\n", failed ? "FAIL" : "ok  ", file, ran, ran == 1 ? "" : "s",
                               failed ? fmt::format(", {} failed", failed) : "");
  }
  void badFile(const std::string& file, const std::string& message) override {
    std::cout << fmt::format("FAIL  {}\n      bad test file: {}\n\n", file, message);
  }
  void finish(int passed, int failed, const TestCoverage* coverage) override {
    if (coverage) {
      std::cout << fmt::format("coverage: {} of {} clauses have a case that pays and one that does not\n",
                               coverage->both, coverage->clauses);
      for (const auto& c : coverage->noCasePays) std::cout << "  no case pays:          " << c << "\n";
      for (const auto& c : coverage->neverApply)
        std::cout << fmt::format("  never applies ({}): {}: {}\n", c.code, c.citation, c.conditions);
      for (const auto& c : coverage->neverKept)
        std::cout << fmt::format("  never kept (W0640):    {}: {} keeps {} instead\n", c.citation, c.group, c.keptInstead);
      for (const auto& c : coverage->noCaseWithoutAward) std::cout << "  no case without award: " << c << "\n";
    }
    std::cout << fmt::format("{} passed, {} failed\n", passed, failed);
    std::cout.flush();
  }

 private:
  bool verbose_;
};

// The whole run as one JSON document on stdout, written at the end.
class JsonReporter : public TestReporter {
 public:
  void testCase(const std::string& file, const std::string& name, const std::vector<std::string>& differences) override {
    fileEntry(file)["cases"].push_back({{"name", name}, {"passed", differences.empty()}, {"differences", differences}});
  }
  void fileDone(const std::string&, int, int) override {}
  void badFile(const std::string& file, const std::string& message) override { fileEntry(file)["error"] = message; }
  void finish(int passed, int failed, const TestCoverage* coverage) override {
    nlohmann::ordered_json out;
    out["files"] = files_;
    if (coverage) {
      nlohmann::ordered_json dead = nlohmann::ordered_json::array();
      for (const auto& c : coverage->neverApply)
        dead.push_back({{"citation", c.citation}, {"code", c.code}, {"conditions", c.conditions}});
      nlohmann::ordered_json never = nlohmann::ordered_json::array();
      for (const auto& c : coverage->neverKept)
        never.push_back({{"citation", c.citation}, {"group", c.group}, {"kept_instead", c.keptInstead}});
      out["coverage"] = {{"clauses", coverage->clauses},
                         {"shown_paying_and_not", coverage->both},
                         {"no_case_pays", coverage->noCasePays},
                         {"never_applies", dead},
                         {"never_kept", never},
                         {"no_case_without_award", coverage->noCaseWithoutAward}};
    }
    out["passed"] = passed;
    out["failed"] = failed;
    std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    std::cout.flush();
  }

 private:
  nlohmann::ordered_json& fileEntry(const std::string& file) {
    if (files_.empty() || files_.back()["file"] != file)
      files_.push_back({{"file", file}, {"cases", nlohmann::ordered_json::array()}});
    return files_.back();
  }
  nlohmann::ordered_json files_ = nlohmann::ordered_json::array();
};

// Text for an XML attribute or element: markup escaped, and bytes that are not UTF-8 (a file name
// can hold any) each made U+FFFD, so that the report stays well-formed XML.
std::string xmlEscape(const std::string& raw) {
  const std::string s = findInvalidUtf8(raw) == std::string_view::npos ? raw : encodeUtf8(decodeUtf8(raw));
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        // XML 1.0 allows no other control characters than tab and line breaks.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') out += ' ';
        else out += c;
    }
  }
  return out;
}

// JUnit XML: a <testsuite> per test file, a <testcase> per case, its differences as the failure.
class JunitReporter : public TestReporter {
 public:
  void testCase(const std::string& file, const std::string& name, const std::vector<std::string>& differences) override {
    Suite& s = suite(file);
    s.body += fmt::format("    <testcase classname=\"{}\" name=\"{}\"", xmlEscape(file), xmlEscape(name));
    if (differences.empty()) {
      s.body += "/>\n";
      return;
    }
    ++s.failures;
    std::string text;
    for (const auto& l : differences) text += l + "\n";
    s.body += fmt::format(">\n      <failure message=\"{}\">{}</failure>\n    </testcase>\n", xmlEscape(differences[0]),
                          xmlEscape(text));
  }
  void fileDone(const std::string&, int, int) override {}
  void badFile(const std::string& file, const std::string& message) override {
    Suite& s = suite(file);
    ++s.errors;
    s.body += fmt::format("    <testcase classname=\"{0}\" name=\"{0}\">\n      <error message=\"bad test file\">{1}</error>\n    </testcase>\n",
                          xmlEscape(file), xmlEscape(message));
  }
  void finish(int passed, int failed, const TestCoverage*) override {
    // `failed` counts a bad test file too; JUnit counts it as an error, in its suite and here.
    int errors = 0;
    for (const auto& s : suites_) errors += s.errors;
    std::cout << fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"polc test\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n",
                             passed + failed, failed - errors, errors);
    for (const auto& s : suites_)
      std::cout << fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n{}  </testsuite>\n",
                               xmlEscape(s.file), s.cases, s.failures, s.errors, s.body);
    std::cout << "</testsuites>\n";
    std::cout.flush();
  }

 private:
  struct Suite {
    std::string file, body;
    int failures = 0, errors = 0, cases = 0;
  };
  Suite& suite(const std::string& file) {
    if (suites_.empty() || suites_.back().file != file) suites_.push_back(Suite{file, "", 0, 0, 0});
    ++suites_.back().cases;
    return suites_.back();
  }
  std::vector<Suite> suites_;
};

}  // namespace

std::unique_ptr<TestReporter> makeTestReporter(const std::string& format, bool verbose) {
  if (format == "json") return std::make_unique<JsonReporter>();
  if (format == "junit") return std::make_unique<JunitReporter>();
  return std::make_unique<TextReporter>(verbose);
}

}  // namespace polc
