// polc test: policy test cases (docs/testing.md). Each *.test.json file holds cases — facts, a date
// and the awards a reader of the policy text expects — that are run through the reference evaluator
// and compared with its JSON result (docs/eval-output.md). What is printed is test_report.cpp's:
// as text, each failure as a diff of expected and actual and the last line `N passed, N failed`;
// or JSON, or JUnit XML.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "decimal/date_words.h"
#include "driver/commands.h"
#include "driver/eval_output.h"
#include "driver/test_compare.h"
#include "driver/test_file.h"
#include "driver/test_cannot_pay.h"
#include "driver/test_report.h"
#include "facts/facts.h"
#include "syntax/literals.h"

namespace polc {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using namespace testfile;

constexpr const char* kTestSuffix = ".test.json";

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw TestFileError(fmt::format("{}: cannot read the file", path.string()));
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// ---- compiled policy sets, shared by the cases that name the same files -------------------------

struct PolicySet {
  std::unique_ptr<FrontEnd> fe;
  std::unique_ptr<ir::Program> program;
  std::string diagnostics;  // when it does not compile
};

class PolicyCache {
 public:
  PolicyCache() = default;

  PolicySet& get(const std::vector<std::string>& paths) {
    std::string key;
    for (const auto& p : paths) key += p + "\n";
    auto it = sets_.find(key);
    if (it != sets_.end()) return *it->second;
    auto set = std::make_unique<PolicySet>();
    set->fe = runFrontEnd(paths);
    set->program = lowerModel(*set->fe);
    if (!set->program) {
      set->diagnostics = renderText(set->fe->sources, set->fe->diags.all(), RenderOptions{false});
    }
    auto& ref = *set;
    sets_.emplace(key, std::move(set));
    return ref;
  }

 private:
  std::map<std::string, std::unique_ptr<PolicySet>> sets_;

 public:
  template <typename F>
  void forEach(F f) const {
    for (const auto& [key, set] : sets_)
      if (set->program) f(*set);
  }
};

// The directory a case's policies default to: the nearest directory, from the test file's own
// upwards, that holds .pol files.
std::string defaultPolicyDir(const fs::path& testFile) {
  std::error_code ec;
  for (fs::path dir = fs::absolute(testFile, ec).parent_path(); !dir.empty(); dir = dir.parent_path()) {
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
      if (it->is_regular_file(ec) && it->path().extension() == ".pol") return dir.lexically_normal().string();
    if (dir == dir.root_path()) break;
  }
  throw TestFileError(fmt::format("{}: no directory with .pol files above it; give \"policies\"", testFile.string()));
}

// ---- running the cases ---------------------------------------------------------------------------

struct Counts {
  int passed = 0, failed = 0;
};

class Runner {
 public:
  Runner(const TestOptions& options, TestReporter& report) : options_(options), report_(report) {}

  void file(const fs::path& path) {
    std::string display = path.lexically_normal().string();
    json doc;
    try {
      doc = facts::parseFactsJson(readFile(path));
    } catch (const std::exception& e) {
      failFile(display, e.what());
      return;
    }
    json cases, defaults = json::object();
    if (doc.is_array()) {
      cases = doc;
    } else if (doc.is_object()) {
      try {
        checkKeys(doc, {"policies", "date", "base", "cases"}, display);
      } catch (const TestFileError& e) {
        failFile(display, e.what());
        return;
      }
      if (!doc.contains("cases") || !doc.at("cases").is_array()) {
        failFile(display, "expected \"cases\": [ … ]");
        return;
      }
      cases = doc.at("cases");
      defaults = doc;
    } else {
      failFile(display, "expected a list of cases, or an object with \"cases\"");
      return;
    }
    int ran = 0, bad = 0;
    for (std::size_t i = 0; i < cases.size(); ++i) {
      const json& c = cases[i];
      std::string name = c.is_object() && c.contains("name") ? shown(c.at("name")) : fmt::format("case {}", i + 1);
      if (!options_.filter.empty() && name.find(options_.filter) == std::string::npos) continue;
      ++ran;
      std::vector<std::string> lines;
      try {
        lines = run(path, defaults, c, display, i);
      } catch (const TestFileError& e) {
        lines = {std::string("bad test case: ") + e.what()};
      }
      report_.testCase(display, name, lines);
      if (lines.empty()) {
        ++counts.passed;
        continue;
      }
      ++counts.failed;
      ++bad;
    }
    report_.fileDone(display, ran, bad);
  }

  Counts counts;
  std::map<std::string, std::pair<bool, bool>> coverage;  // citation → (a case pays, a case does not)
  std::map<std::string, std::set<const PolicySet*>> droppedIn;  // citation → the sets a case showed it dropped in

  // With --coverage: the clauses of every policy set used that no passing case shows paying, or not
  // paying. Listed in the policies' order (第4条 before 第10条), not the citations' byte order. A
  // clause no case pays is told apart when no case could: it never applies, or its group never keeps
  // it (below).
  TestCoverage coverageReport() {
    std::vector<std::string> all;
    std::map<std::string, std::set<const PolicySet*>> in;  // citation → the sets that have the clause
    cache_.forEach([&](const PolicySet& set) {
      for (const auto& cl : set.program->clauses) {
        if (cl.award == ir::AwardKind::None) continue;
        auto& sets = in[cl.citation];
        if (sets.empty()) all.push_back(cl.citation);
        sets.insert(&set);
      }
    });
    TestCoverage out;
    out.clauses = all.size();
    for (const auto& c : all) {
      auto it = coverage.find(c);
      bool pays = it != coverage.end() && it->second.first;
      bool not_ = it != coverage.end() && it->second.second;
      if (!pays) {
        if (auto dead = neverApplies(c, in[c])) {
          out.neverApply.push_back(*dead);
          continue;
        }
        if (auto never = neverKept(c)) out.neverKept.push_back(*never);
        else out.noCasePays.push_back(c);
      }
      if (!not_) out.noCaseWithoutAward.push_back(c);
      if (pays && not_) ++out.both;
    }
    return out;
  }

 private:
  // What the checker proves of a set, asked once per set and only for a clause no case paid.
  const ClausesNoCaseCanPay& proven(const PolicySet* set) {
    auto it = proven_.find(set);
    if (it == proven_.end()) it = proven_.emplace(set, clausesNoCaseCanPay(*set->fe->model, *set->program)).first;
    return it->second;
  }

  // A clause whose conditions the checker proves cannot hold together (W0610, W0611) in every policy
  // set that has it: no case can show it paying, and any applicant shows it not paying.
  std::optional<NeverAppliesClause> neverApplies(const std::string& citation, const std::set<const PolicySet*>& sets) {
    return provenInEvery(citation, sets, &ClausesNoCaseCanPay::neverApply);
  }

  // A clause the cases show computed and dropped, never paid, that the checker proves its group never
  // keeps (W0640) in every policy set those cases used: tested as far as any case can test it. One
  // the cases never showed computed stays untested, W0640 or not: nothing shows its amount right.
  std::optional<NeverKeptClause> neverKept(const std::string& citation) {
    auto sets = droppedIn.find(citation);
    if (sets == droppedIn.end()) return std::nullopt;
    return provenInEvery(citation, sets->second, &ClausesNoCaseCanPay::neverKept);
  }

  // The clause as the checker's `which` proves it in the first of `sets`, if it does in all of them.
  template <typename T>
  std::optional<T> provenInEvery(const std::string& citation, const std::set<const PolicySet*>& sets,
                                 std::map<std::string, T> ClausesNoCaseCanPay::*which) {
    std::optional<T> found;
    for (const PolicySet* set : sets) {
      const auto& clauses = proven(set).*which;
      auto it = clauses.find(citation);
      if (it == clauses.end()) return std::nullopt;
      if (!found) found = it->second;
    }
    return found;
  }

  void failFile(const std::string& display, const std::string& message) {
    ++counts.failed;
    report_.badFile(display, message);
  }

  static fs::path relativeTo(const fs::path& testFile, const std::string& p) {
    fs::path path(p);
    if (path.is_absolute()) return path;
    return (testFile.parent_path() / path).lexically_normal();
  }

  std::vector<std::string> policyPaths(const fs::path& testFile, const json& defaults, const json& c,
                                       const std::string& where) {
    const json* spec = c.contains("policies") ? &c.at("policies") : defaults.contains("policies") ? &defaults.at("policies") : nullptr;
    if (!spec) return {defaultPolicyDir(testFile)};
    std::vector<std::string> out;
    if (spec->is_string()) {
      out.push_back(relativeTo(testFile, spec->get<std::string>()).string());
    } else if (spec->is_array() && !spec->empty()) {
      for (const auto& p : *spec) {
        if (!p.is_string()) throw TestFileError(where + ".policies: expected paths (strings)");
        out.push_back(relativeTo(testFile, p.get<std::string>()).string());
      }
    } else {
      throw TestFileError(where + ".policies: expected a path or a list of paths");
    }
    return out;
  }

  // A case's facts, and where they come from as the reader's errors are prefixed with: a facts file
  // as polc eval names it, else the test file and the case (`x.test.json: cases[2].facts: `,
  // `x.test.json: base + cases[2].patch: `), so that a rejected applicant points at its place.
  struct CaseFacts {
    json facts;
    std::string origin;
  };
  CaseFacts factsOf(const fs::path& testFile, const json& defaults, const json& c, const std::string& where,
                    const std::string& display) {
    CaseFacts out;
    if (c.contains("facts")) {
      const json& f = c.at("facts");
      if (f.is_string()) {
        fs::path p = relativeTo(testFile, f.get<std::string>());
        try {
          out.facts = facts::parseFactsJson(readFile(p));
        } catch (const TestFileError&) {
          throw;
        } catch (const std::exception& e) {
          throw TestFileError(fmt::format("{}: {}", p.string(), e.what()));
        }
        out.origin = p.string();
      } else if (f.is_object()) {
        out.facts = f;
        out.origin = where + ".facts";
      } else {
        throw TestFileError(where + ".facts: expected an object or the path of a facts file");
      }
    } else if (defaults.contains("base")) {
      out.facts = defaults.at("base");
      out.origin = display + ": base";
    } else {
      throw TestFileError(where + ": no \"facts\" and the file has no \"base\"");
    }
    if (c.contains("patch")) {
      if (!c.at("patch").is_object()) throw TestFileError(where + ".patch: expected an object (a JSON merge patch)");
      out.facts.merge_patch(c.at("patch"));
      // After a facts file, the test file is named again.
      const bool fromFile = c.contains("facts") && c.at("facts").is_string();
      out.origin += " + " + (fromFile ? where : where.substr(display.size() + 2)) + ".patch";
    }
    return out;
  }

  std::vector<std::string> run(const fs::path& testFile, const json& defaults, const json& c, const std::string& display,
                               std::size_t index) {
    const std::string where = fmt::format("{}: cases[{}]", display, index);
    if (!c.is_object()) throw TestFileError(where + ": expected an object");
    checkKeys(c, {"name", "policies", "date", "facts", "patch", "expect"}, where);
    if (!c.contains("name")) throw TestFileError(where + ": missing \"name\"");
    if (!c.contains("expect") || !c.at("expect").is_object()) throw TestFileError(where + ": missing \"expect\": { … }");
    const json& expect = c.at("expect");
    checkKeys(expect, {"awards", "absent", "totals", "exhaustive", "errors"}, where + ".expect");
    // "exhaustive": false asks nothing either, nor an empty list of awards or absent clauses, nor empty
    // totals: a case made of those passed whatever the evaluator gave.
    const bool exhaustive = expect.contains("exhaustive") && expect.at("exhaustive") == true;
    auto asks = [&](const char* key) {
      if (!expect.contains(key)) return false;
      const json& v = expect.at(key);
      return !(v.is_array() || v.is_object()) || !v.empty();
    };
    if (!asks("awards") && !asks("absent") && !asks("totals") && !expect.contains("errors") && !exhaustive)
      throw TestFileError(where + ".expect: nothing to check (give awards, absent, totals, exhaustive or errors)");

    PolicySet& set = cache_.get(policyPaths(testFile, defaults, c, where));
    if (!set.program) return {"the policies do not compile:", set.diagnostics};
    const CaseFacts given = factsOf(testFile, defaults, c, where, display);
    const json& facts = given.facts;

    eval::Options options;
    const json* date = c.contains("date") ? &c.at("date") : defaults.contains("date") ? &defaults.at("date") : nullptr;
    if (date) {
      options.date = date->is_string() ? ir::parseDate(date->get<std::string>()) : std::nullopt;
      const std::string at = c.contains("date") ? where + ".date" : std::string("date");
      if (!options.date && date->is_string())
        throw TestFileError(fmt::format("{}: {}", at, polrt::dateProblem(date->get<std::string>())));
      if (!options.date) throw TestFileError(fmt::format("{}: expected a date YYYY-MM-DD, got {}", at, shown(*date)));
    } else if (!facts.is_object() || (facts.value("date", json()).is_null() && facts.value("日期", json()).is_null())) {
      // A date given null is not given, as the reader takes it (docs/facts.md).
      throw TestFileError(where + ": no date (give \"date\" in the case, the file or the facts) — a test never uses today");
    }

    // The reader polc eval uses, on the same tree it builds (numbers kept apart from texts), with the
    // case's date as --date is given: a case's facts are accepted exactly when a facts file is.
    auto read = facts::readFacts(*set.fe->model, *set.program, facts, options.date);
    std::vector<std::string> errors;
    for (const auto& e : read.errors) errors.push_back(given.origin + ": " + e);
    eval::Result result;
    bool evaluated = false;
    if (read.ok()) {
      try {
        result = eval::evaluate(*set.program, read.applicant, options);
        evaluated = true;
      } catch (const eval::EvalError& e) {
        errors.push_back(std::string("evaluation error: ") + e.what());
      }
    }

    if (expect.contains("errors")) {
      const json& want = expect.at("errors");
      if (!want.is_array() || want.empty())
        throw TestFileError(where + ".expect.errors: expected a list of texts the errors contain");
      std::vector<std::string> lines;
      if (errors.empty()) lines.push_back("- errors (the facts are rejected), got none: the applicant was evaluated");
      for (const auto& w : want) {
        std::string text = shown(w);
        if (errors.empty()) {
          lines.push_back("  - " + text);
          continue;
        }
        if (std::none_of(errors.begin(), errors.end(), [&](const std::string& e) { return e.find(text) != std::string::npos; })) {
          lines.push_back("- an error containing: " + text);
          for (const auto& e : errors) lines.push_back("+ " + e);
        }
      }
      return lines;
    }
    if (!evaluated) {
      std::vector<std::string> lines{"- evaluated", "+ rejected:"};
      for (const auto& e : errors) lines.push_back("    " + e);
      return lines;
    }

    json out = renderEvalJson(*set.program, read.applicant, result, false);
    Comparison cmp(*set.program, out);
    if (expect.contains("awards")) {
      const json& aws = expect.at("awards");
      if (!aws.is_array()) throw TestFileError(where + ".expect.awards: expected a list");
      for (std::size_t i = 0; i < aws.size(); ++i) cmp.award(aws[i], fmt::format("{}.expect.awards[{}]", where, i));
    }
    if (expect.contains("absent")) {
      const json& abs = expect.at("absent");
      if (!abs.is_array()) throw TestFileError(where + ".expect.absent: expected a list of citations");
      for (std::size_t i = 0; i < abs.size(); ++i) cmp.absent(abs[i], fmt::format("{}.expect.absent[{}]", where, i));
    }
    if (expect.contains("exhaustive") && boolOf(expect.at("exhaustive"), where + ".expect.exhaustive")) cmp.exhaustive();
    if (expect.contains("totals")) cmp.totals(expect.at("totals"), where + ".expect.totals");
    if (cmp.diffs.empty()) {
      for (const auto& c : cmp.paid) coverage[c].first = true;
      for (const auto& c : cmp.unpaid) coverage[c].second = true;
      for (const auto& c : cmp.dropped) droppedIn[c].insert(&set);
      return {};
    }
    std::vector<std::string> lines = cmp.diffs;
    lines.push_back("actual awards:");
    if (out.at("awards").empty()) lines.push_back("  (none)");
    for (const auto& a : out.at("awards"))
      lines.push_back("  " + a.at("citation").get<std::string>() + " " + a.at("for").get<std::string>() + ": " +
                      Comparison::summary(a));
    const json& t = out.at("totals");
    lines.push_back(fmt::format("  totals: min {} max {} (exact {}, up_to {})", t.at("min").get<std::string>(),
                                t.at("max").get<std::string>(), t.at("exact").get<std::string>(),
                                t.at("up_to").get<std::string>()));
    return lines;
  }

  const TestOptions& options_;
  TestReporter& report_;
  PolicyCache cache_;
  std::map<const PolicySet*, ClausesNoCaseCanPay> proven_;  // the checker's, per set
};

// The test files under the paths: a *.test.json file as given, a directory searched recursively.
bool collect(const std::vector<std::string>& paths, std::vector<fs::path>& out) {
  bool ok = true;
  for (const auto& p : paths) {
    std::error_code ec;
    fs::path path(p);
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      std::cerr << fmt::format("polc test: {}: no such file or directory\n", p);
      ok = false;
      continue;
    }
    if (!fs::is_directory(status)) {
      out.push_back(path);
      continue;
    }
    std::vector<fs::path> found;
    for (fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec))
      if (it->is_regular_file(ec) && endsWith(it->path().filename().string(), kTestSuffix)) found.push_back(it->path());
    std::sort(found.begin(), found.end());
    if (found.empty()) {
      std::cerr << fmt::format("polc test: {}: no *{} files under this directory\n", p, kTestSuffix);
      ok = false;
    }
    out.insert(out.end(), found.begin(), found.end());
  }
  return ok;
}

}  // namespace

int runTest(const TestOptions& options) {
  std::vector<fs::path> files;
  if (!collect(options.paths, files)) return kExitUsage;
  auto report = makeTestReporter(options.format, options.verbose);
  Runner runner(options, *report);
  for (const auto& f : files) runner.file(f);
  TestCoverage coverage;
  if (options.coverage) coverage = runner.coverageReport();
  report->finish(runner.counts.passed, runner.counts.failed, options.coverage ? &coverage : nullptr);
  // A filter that matches nothing is most often a typo; passing then would hide it in CI.
  if (!options.filter.empty() && runner.counts.passed == 0 && runner.counts.failed == 0) {
    std::cerr << fmt::format("polc test: no case's name contains \"{}\"\n", options.filter);
    return kExitUsage;
  }
  return runner.counts.failed ? kExitErrors : kExitOk;
}

}  // namespace polc
