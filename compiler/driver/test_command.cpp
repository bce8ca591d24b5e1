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
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "driver/commands.h"
#include "driver/eval_output.h"
#include "driver/test_report.h"
#include "facts/facts.h"
#include "syntax/literals.h"

namespace polc {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

constexpr const char* kTestSuffix = ".test.json";

// A malformed test file or case: reported as a failure of that case, never a crash.
struct TestFileError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string squeeze(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\t') out += c;
  return out;
}

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw TestFileError(fmt::format("{}: cannot read the file", path.string()));
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// The test file's JSON is read with facts::parseJsonExact: every number is kept as its text, so
// inline facts keep their exact values and expected amounts may be written as numbers too.
std::string scalarText(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "null";
  return v.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string shown(const json& v) {
  if (v.is_null()) return "null";
  if (v.is_string()) return v.get<std::string>();
  return v.dump(-1, ' ', false, json::error_handler_t::replace);
}

polrt::Decimal decimalOf(const json& v, const std::string& where) {
  if (!v.is_string()) throw TestFileError(fmt::format("{}: expected a decimal string in 元, got {}", where, shown(v)));
  auto d = polrt::Decimal::parse(v.get<std::string>());
  if (!d) throw TestFileError(fmt::format("{}: expected a decimal string in 元, got \"{}\"", where, v.get<std::string>()));
  return *d;
}

bool sameDecimal(const json& expected, const json& actual, const std::string& where) {
  polrt::Decimal e = decimalOf(expected, where);
  if (!actual.is_string()) return false;
  auto a = polrt::Decimal::parse(actual.get<std::string>());
  return a && *a == e;
}

int intOf(const json& v, const std::string& where) {
  std::string s = scalarText(v);
  try {
    std::size_t used = 0;
    int n = std::stoi(s, &used);
    if (used == s.size() && n >= 0) return n;
  } catch (const std::exception&) {
  }
  throw TestFileError(fmt::format("{}: expected a whole number, got {}", where, shown(v)));
}

bool boolOf(const json& v, const std::string& where) {
  if (v.is_boolean()) return v.get<bool>();
  throw TestFileError(fmt::format("{}: expected true or false, got {}", where, shown(v)));
}

void checkKeys(const json& obj, const std::set<std::string>& allowed, const std::string& where) {
  for (const auto& [key, value] : obj.items()) {
    (void)value;
    if (!key.empty() && key[0] == '_') continue;
    if (!allowed.count(key)) {
      std::string list;
      for (const auto& k : allowed) list += (list.empty() ? "" : ", ") + k;
      throw TestFileError(fmt::format("{}: unknown key \"{}\" (known: {})", where, key, list));
    }
  }
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
      if (set->program) f(*set->program);
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

// ---- comparing one result with the expectations --------------------------------------------------

class Comparison {
 public:
  Comparison(const ir::Program& p, const json& result) : p_(p), result_(result) {}

  std::vector<std::string> diffs;  // the lines printed under a failing case
  // Coverage: clauses the expectations show paying (kept, capped, quota-limited; benefits and
  // 一事一议 granted) and not paying (absent, dropped, not assessable, already received).
  std::set<std::string> paid, unpaid;

  // The citation as the program prints it, from the full citation or the document's name followed
  // by 第N条第M款 (spaces ignored); a typo is a test-file error, so that `absent` never passes vacuously.
  std::string citation(const json& v, const std::string& where) const {
    if (!v.is_string()) throw TestFileError(fmt::format("{}: expected a citation string, got {}", where, shown(v)));
    std::string want = squeeze(v.get<std::string>());
    for (const auto& cl : p_.clauses) {
      const ir::Document& d = p_.documents[cl.document];
      if (want == squeeze(cl.citation) || want == squeeze(d.name + formatCitation(cl.article, cl.clause, cl.item)))
        return cl.citation;
    }
    throw TestFileError(fmt::format("{}: no clause has the citation \"{}\"", where, v.get<std::string>()));
  }

  std::vector<const json*> find(const std::string& cit, const std::string* item) const {
    std::vector<const json*> out;
    for (const auto& a : result_.at("awards"))
      if (a.at("citation") == cit && (!item || a.at("for") == *item)) out.push_back(&a);
    return out;
  }

  void award(const json& e, const std::string& where) {
    if (!e.is_object()) throw TestFileError(fmt::format("{}: expected an object with a citation", where));
    checkKeys(e,
              {"citation", "for", "count", "kind", "status", "form", "min", "max", "computed_max", "capped",
               "quota_limited", "payee", "funding", "funding_arrangement", "reason", "missing", "category",
               "target", "benefit"},
              where);
    if (!e.contains("citation")) throw TestFileError(where + ": missing \"citation\"");
    std::string cit = citation(e.at("citation"), where + ".citation");
    std::string item;
    if (e.contains("for")) item = scalarText(e.at("for"));
    auto found = find(cit, e.contains("for") ? &item : nullptr);
    std::string label = cit + (item.empty() ? "" : " " + item);
    matched_.insert(found.begin(), found.end());
    for (const json* a : found) {
      std::string st = a->at("status").get<std::string>();
      (st == "kept" || st == "capped" || st == "quota_limited" ? paid : unpaid).insert(cit);
    }
    if (e.contains("count")) {
      int n = intOf(e.at("count"), where + ".count");
      if (static_cast<int>(found.size()) != n) {
        diffs.push_back(fmt::format("{}", label));
        diffs.push_back(fmt::format("  - count: {}", n));
        diffs.push_back(fmt::format("  + count: {}", found.size()));
        return;
      }
    } else if (found.size() != 1) {
      diffs.push_back(label);
      if (found.empty()) {
        diffs.push_back("  - an award");
        diffs.push_back("  + no award (the clause does not apply)");
      } else {
        diffs.push_back("  - one award");
        diffs.push_back(fmt::format("  + {} awards (for {}); say which with \"for\", or give \"count\"",
                                    found.size(), forList(found)));
      }
      return;
    }
    for (const json* a : found) fields(e, *a, found.size() > 1 || item.empty() ? label + " " + a->at("for").get<std::string>() : label, where);
  }

  void absent(const json& e, const std::string& where) {
    std::string cit, item;
    bool hasItem = false;
    if (e.is_object()) {
      checkKeys(e, {"citation", "for"}, where);
      if (!e.contains("citation")) throw TestFileError(where + ": missing \"citation\"");
      cit = citation(e.at("citation"), where + ".citation");
      if (e.contains("for")) {
        item = scalarText(e.at("for"));
        hasItem = true;
      }
    } else {
      cit = citation(e, where);
    }
    auto found = find(cit, hasItem ? &item : nullptr);
    if (found.empty()) {
      unpaid.insert(cit);
      return;
    }
    diffs.push_back(cit + (hasItem ? " " + item : ""));
    diffs.push_back("  - absent (the clause does not apply)");
    for (const json* a : found) diffs.push_back("  + " + summary(*a));
  }

  // With "exhaustive": every award that pays (kind pay; kept, capped or quota-limited) is expected.
  void exhaustive() {
    for (const auto& a : result_.at("awards")) {
      if (matched_.count(&a) || a.at("kind") != "pay") continue;
      std::string st = a.at("status").get<std::string>();
      if (st != "kept" && st != "capped" && st != "quota_limited") continue;
      diffs.push_back(a.at("citation").get<std::string>() + " " + a.at("for").get<std::string>());
      diffs.push_back("  - no other award pays (\"exhaustive\")");
      diffs.push_back("  + " + summary(a));
    }
  }

  void totals(const json& e, const std::string& where) {
    if (!e.is_object()) throw TestFileError(where + ": expected an object");
    checkKeys(e, {"exact", "up_to", "min", "max", "range_min", "range_max", "by_payer", "counts"}, where);
    const json& t = result_.at("totals");
    std::vector<std::string> lines;
    auto amount = [&](const char* key, const json& actual) {
      if (!e.contains(key)) return;
      if (!sameDecimal(e.at(key), actual, where + "." + key)) {
        lines.push_back(fmt::format("  - {}: {}", key, shown(e.at(key))));
        lines.push_back(fmt::format("  + {}: {}", key, shown(actual)));
      }
    };
    amount("exact", t.at("exact"));
    amount("up_to", t.at("up_to"));
    amount("min", t.at("min"));
    amount("max", t.at("max"));
    amount("range_min", t.at("range").at("min"));
    amount("range_max", t.at("range").at("max"));
    if (e.contains("by_payer")) {
      json actual = json::object();
      for (const auto& b : t.at("by_payer")) actual[b.at("payer").get<std::string>()] = b;
      payers(e.at("by_payer"), actual, "by_payer", where + ".by_payer", lines);
    }
    if (e.contains("counts")) {
      const json& c = e.at("counts");
      if (!c.is_object()) throw TestFileError(where + ".counts: expected an object");
      for (const auto& [key, value] : c.items()) {
        if (!t.at("counts").contains(key))
          throw TestFileError(fmt::format("{}.counts: unknown count \"{}\"", where, key));
        int want = intOf(value, where + ".counts." + key);
        int got = t.at("counts").at(key).get<int>();
        if (want != got) {
          lines.push_back(fmt::format("  - counts.{}: {}", key, want));
          lines.push_back(fmt::format("  + counts.{}: {}", key, got));
        }
      }
    }
    if (!lines.empty()) {
      diffs.push_back("totals");
      diffs.insert(diffs.end(), lines.begin(), lines.end());
    }
  }

  static std::string summary(const json& a) {
    std::string s = a.at("status").get<std::string>();
    if (a.at("kind") != "pay") s += " " + a.at("kind").get<std::string>();
    if (!a.at("form").is_null()) {
      s += " " + a.at("form").get<std::string>() + " ";
      s += a.at("form") == "exact" ? a.at("max").get<std::string>()
                                   : a.at("min").get<std::string>() + "–" + a.at("max").get<std::string>();
    }
    std::string parts;
    for (const auto& f : a.at("funding"))
      parts += (parts.empty() ? "" : ", ") + f.at("payer").get<std::string>() + " " +
               (f.at("min") == f.at("max") || a.at("form") != "range"
                    ? f.at("max").get<std::string>()
                    : f.at("min").get<std::string>() + "–" + f.at("max").get<std::string>());
    if (!parts.empty()) s += " [" + parts + "]";
    if (!a.at("funding_arrangement").is_null()) s += " [" + a.at("funding_arrangement").get<std::string>() + "]";
    if (a.at("status") == "dropped" || a.at("status") == "not_assessable") {
      std::string r = a.at("reason").get<std::string>();
      auto cut = r.find("；原文");
      if (cut != std::string::npos) r = r.substr(0, cut);
      s += " — " + r;
    }
    return s;
  }

 private:
  static std::string forList(const std::vector<const json*>& found) {
    std::string out;
    for (const json* a : found) out += (out.empty() ? "" : ", ") + a->at("for").get<std::string>();
    return out;
  }

  void fields(const json& e, const json& a, const std::string& label, const std::string& where) {
    std::vector<std::string> lines;
    auto mismatch = [&](const std::string& key, const std::string& want, const std::string& got) {
      lines.push_back(fmt::format("  - {}: {}", key, want));
      lines.push_back(fmt::format("  + {}: {}", key, got));
    };
    for (const char* key : {"kind", "status", "form", "payee", "category", "target", "benefit"}) {
      if (!e.contains(key)) continue;
      const json& want = e.at(key);
      if (scalarText(want) != scalarText(a.at(key))) mismatch(key, shown(want), shown(a.at(key)));
    }
    for (const char* key : {"min", "max", "computed_max"}) {
      if (!e.contains(key)) continue;
      if (e.at(key).is_null() ? !a.at(key).is_null() : !sameDecimal(e.at(key), a.at(key), where + "." + key))
        mismatch(key, shown(e.at(key)), shown(a.at(key)));
    }
    for (const char* key : {"capped", "quota_limited"}) {
      if (!e.contains(key)) continue;
      bool want = boolOf(e.at(key), where + "." + key);
      if (want != a.at(key).get<bool>()) mismatch(key, want ? "true" : "false", a.at(key).get<bool>() ? "true" : "false");
    }
    if (e.contains("funding_arrangement")) {
      const json& want = e.at("funding_arrangement");
      if (shown(want) != shown(a.at("funding_arrangement")))
        mismatch("funding_arrangement", shown(want), shown(a.at("funding_arrangement")));
    }
    if (e.contains("funding")) {
      json actual = json::object();
      for (const auto& f : a.at("funding")) actual[f.at("payer").get<std::string>()] = f;
      payers(e.at("funding"), actual, "funding", where + ".funding", lines);
    }
    if (e.contains("reason")) {
      std::string want = scalarText(e.at("reason"));
      std::string got = a.at("reason").get<std::string>();
      if (got.find(want) == std::string::npos) mismatch("reason (contains)", want, got.empty() ? "(none)" : got);
    }
    if (e.contains("missing")) {
      const json& m = e.at("missing");
      if (!m.is_array()) throw TestFileError(where + ".missing: expected an array of fact names");
      std::string got;
      for (const auto& x : a.at("missing")) got += (got.empty() ? "" : ", ") + x.get<std::string>();
      for (const auto& x : m) {
        std::string want = scalarText(x);
        bool any = std::any_of(a.at("missing").begin(), a.at("missing").end(),
                               [&](const json& g) { return g.get<std::string>().find(want) != std::string::npos; });
        if (!any) mismatch("missing (contains)", want, got.empty() ? "(none)" : got);
      }
    }
    if (!lines.empty()) {
      diffs.push_back(label);
      diffs.insert(diffs.end(), lines.begin(), lines.end());
    }
  }

  // Payer → amount: a string is the max (and, unless the award is a range, the min too: an up-to
  // award's parts have min 0, so only the max is compared for those); {"min", "max"} compares both.
  // The payers must be exactly those expected.
  void payers(const json& want, const json& actual, const std::string& key, const std::string& where,
              std::vector<std::string>& lines) {
    if (!want.is_object()) throw TestFileError(where + ": expected an object payer → amount");
    auto text = [](const json& v) {
      return v.at("min") == v.at("max") ? v.at("max").get<std::string>()
                                         : v.at("min").get<std::string>() + "–" + v.at("max").get<std::string>();
    };
    for (const auto& [payer, amount] : want.items()) {
      std::string at = where + "." + payer;
      if (!actual.contains(payer)) {
        lines.push_back(fmt::format("  - {}.{}: {}", key, payer, shown(amount)));
        lines.push_back(fmt::format("  + {}.{}: (no such payer)", key, payer));
        continue;
      }
      const json& got = actual.at(payer);
      bool ok;
      if (amount.is_object()) {
        checkKeys(amount, {"min", "max"}, at);
        ok = (!amount.contains("min") || sameDecimal(amount.at("min"), got.at("min"), at + ".min")) &&
             (!amount.contains("max") || sameDecimal(amount.at("max"), got.at("max"), at + ".max"));
      } else {
        ok = sameDecimal(amount, got.at("max"), at);
      }
      if (!ok) {
        lines.push_back(fmt::format("  - {}.{}: {}", key, payer, shown(amount)));
        lines.push_back(fmt::format("  + {}.{}: {}", key, payer, text(got)));
      }
    }
    for (const auto& [payer, got] : actual.items()) {
      if (want.contains(payer)) continue;
      lines.push_back(fmt::format("  - {}.{}: (not expected)", key, payer));
      lines.push_back(fmt::format("  + {}.{}: {}", key, payer, text(got)));
    }
  }

  const ir::Program& p_;
  const json& result_;
  std::set<const json*> matched_;
};

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
      doc = facts::parseJsonExact(readFile(path));
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
      std::string name = c.is_object() && c.contains("name") ? scalarText(c.at("name")) : fmt::format("case {}", i + 1);
      if (!options_.filter.empty() && name.find(options_.filter) == std::string::npos) continue;
      ++ran;
      std::vector<std::string> lines;
      try {
        lines = run(path, defaults, c, fmt::format("{}: cases[{}]", display, i));
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

  // With --coverage: the clauses of every policy set used that no passing case shows paying, or not
  // paying.
  TestCoverage coverageReport() {
    std::set<std::string> all;
    cache_.forEach([&](const ir::Program& p) {
      for (const auto& cl : p.clauses)
        if (cl.award != ir::AwardKind::None) all.insert(cl.citation);
    });
    TestCoverage out;
    out.clauses = all.size();
    for (const auto& c : all) {
      auto it = coverage.find(c);
      bool pays = it != coverage.end() && it->second.first;
      bool not_ = it != coverage.end() && it->second.second;
      if (!pays) out.noCasePays.push_back(c);
      if (!not_) out.noCaseWithoutAward.push_back(c);
      if (pays && not_) ++out.both;
    }
    return out;
  }

 private:
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

  json factsOf(const fs::path& testFile, const json& defaults, const json& c, const std::string& where) {
    json facts;
    if (c.contains("facts")) {
      const json& f = c.at("facts");
      if (f.is_string()) {
        fs::path p = relativeTo(testFile, f.get<std::string>());
        try {
          facts = facts::parseJsonExact(readFile(p));
        } catch (const TestFileError&) {
          throw;
        } catch (const std::exception& e) {
          throw TestFileError(fmt::format("{}: {}", p.string(), e.what()));
        }
      } else if (f.is_object()) {
        facts = f;
      } else {
        throw TestFileError(where + ".facts: expected an object or the path of a facts file");
      }
    } else if (defaults.contains("base")) {
      facts = defaults.at("base");
    } else {
      throw TestFileError(where + ": no \"facts\" and the file has no \"base\"");
    }
    if (c.contains("patch")) {
      if (!c.at("patch").is_object()) throw TestFileError(where + ".patch: expected an object (a JSON merge patch)");
      facts.merge_patch(c.at("patch"));
    }
    return facts;
  }

  std::vector<std::string> run(const fs::path& testFile, const json& defaults, const json& c,
                               const std::string& where) {
    if (!c.is_object()) throw TestFileError(where + ": expected an object");
    checkKeys(c, {"name", "policies", "date", "facts", "patch", "expect"}, where);
    if (!c.contains("name")) throw TestFileError(where + ": missing \"name\"");
    if (!c.contains("expect") || !c.at("expect").is_object()) throw TestFileError(where + ": missing \"expect\": { … }");
    const json& expect = c.at("expect");
    checkKeys(expect, {"awards", "absent", "totals", "exhaustive", "errors"}, where + ".expect");
    if (!expect.contains("awards") && !expect.contains("absent") && !expect.contains("totals") &&
        !expect.contains("errors") && !expect.contains("exhaustive"))
      throw TestFileError(where + ".expect: nothing to check (give awards, absent, totals, exhaustive or errors)");

    PolicySet& set = cache_.get(policyPaths(testFile, defaults, c, where));
    if (!set.program) return {"the policies do not compile:", set.diagnostics};
    json facts = factsOf(testFile, defaults, c, where);

    eval::Options options;
    const json* date = c.contains("date") ? &c.at("date") : defaults.contains("date") ? &defaults.at("date") : nullptr;
    if (date) {
      options.date = date->is_string() ? ir::parseDate(date->get<std::string>()) : std::nullopt;
      if (!options.date) throw TestFileError(fmt::format("{}.date: expected YYYY-MM-DD, got {}", where, shown(*date)));
    } else if (!facts.is_object() || !(facts.contains("date") || facts.contains("日期"))) {
      throw TestFileError(where + ": no date (give \"date\" in the case, the file or the facts) — a test never uses today");
    }

    std::vector<std::string> errors;
    auto read = facts::readFacts(*set.fe->model, *set.program, facts);
    errors = read.errors;
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
        std::string text = scalarText(w);
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
  return runner.counts.failed ? kExitErrors : kExitOk;
}

}  // namespace polc
