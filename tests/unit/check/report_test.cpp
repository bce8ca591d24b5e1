// Reporting of findings: severities (-W, --error-on), the diagnostics JSON with the finding, SARIF
// 2.1.0 structure, witness files, and `polc check` on the seed policies.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <set>

#include <sys/wait.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "check_util.h"
#include "kind_policies.h"
#include "../under_asan.h"
#include "facts/facts.h"

namespace polc::test {
namespace {

using check::FindingKind;
using json = nlohmann::json;

std::unique_ptr<Checked> conflictPolicy() {
  return compileOne(std::string(kCheckSchema) +
                    doc("测试", "条 1 {\n 款 1 { 原文 \"甲\" 对象 项目 标的 设备奖励 条件 设备投入 超 100万元 给予 20万元 }\n"
                                " 款 2 { 原文 \"乙\" 对象 项目 标的 设备奖励 条件 设备投入 超 50万元 给予 10万元 } }"));
}

TEST(CheckReport, SeverityOptions) {
  check::SeverityConfig cfg;
  std::string err;
  EXPECT_EQ(cfg.severityOf(FindingKind::Conflict), Severity::Warning);
  EXPECT_EQ(cfg.severityOf(FindingKind::CoveredOverlap), Severity::Note);
  ASSERT_TRUE(cfg.parseW("W0602=error", err)) << err;
  EXPECT_EQ(cfg.severityOf(FindingKind::Conflict), Severity::Error);
  ASSERT_TRUE(cfg.parseW("no-W0603", err)) << err;
  EXPECT_FALSE(cfg.severityOf(FindingKind::CoveredOverlap).has_value());
  ASSERT_TRUE(cfg.parseW("error=W0640", err)) << err;
  EXPECT_EQ(cfg.severityOf(FindingKind::Shadowed), Severity::Error);
  ASSERT_TRUE(cfg.parseW("W0604=off", err));
  EXPECT_FALSE(cfg.severityOf(FindingKind::AcceptedOverlap).has_value());
  EXPECT_FALSE(cfg.parseW("W9999=error", err));
  EXPECT_FALSE(cfg.parseW("W0601=loud", err));
  EXPECT_FALSE(cfg.parseErrorOn("E0301", err));
  ASSERT_TRUE(cfg.parseErrorOn("warning", err));
  EXPECT_EQ(cfg.severityOf(FindingKind::Overlap), Severity::Error);
  EXPECT_EQ(cfg.severityOf(FindingKind::CoveredOverlap), std::nullopt);  // turned off above
}

// The front end's one warning, W0424, answers to the same options as the checker's findings: it
// once stayed a warning under `--error-on warning`, and -W refused its code.
TEST(CheckReport, SeverityOptionsGovernTheFrontEndsWarnings) {
  // A W0424, an error, another W0424, under the given options: the severities left, in order
  // (`-` for a diagnostic turned off).
  auto applied = [](const std::vector<std::string>& w, const std::vector<std::string>& errorOn) {
    std::vector<Diagnostic> d(3);
    d[0].code = d[2].code = "W0424";
    d[0].severity = d[2].severity = Severity::Warning;
    d[1].code = "E0302";
    d[1].severity = Severity::Error;
    check::SeverityConfig cfg;
    std::string err;
    for (const auto& v : w) EXPECT_TRUE(cfg.parseW(v, err)) << err;
    for (const auto& v : errorOn) EXPECT_TRUE(cfg.parseErrorOn(v, err)) << err;
    cfg.applyToFrontEnd(d);
    std::string out;
    for (const auto& x : d)
      out += x.code + (x.severity == Severity::Error     ? "=error "
                       : x.severity == Severity::Warning ? "=warning "
                                                         : "=note ");
    return out;
  };
  EXPECT_EQ(applied({}, {}), "W0424=warning E0302=error W0424=warning ");
  EXPECT_EQ(applied({}, {"warning"}), "W0424=error E0302=error W0424=error ");
  EXPECT_EQ(applied({"no-W0424"}, {}), "E0302=error ");
  EXPECT_EQ(applied({"W0424=note"}, {}), "W0424=note E0302=error W0424=note ");
  EXPECT_EQ(applied({"W0424=note"}, {"W0424"}), "W0424=error E0302=error W0424=error ");

  check::SeverityConfig cfg;
  std::string err;
  EXPECT_FALSE(cfg.parseW("W0423=off", err));  // an error is not a warning to turn off
  EXPECT_NE(err.find("W0424, W0601"), std::string::npos) << err;
}

TEST(CheckReport, JsonCarriesTheFindingAndWitness) {
  auto c = conflictPolicy();
  ASSERT_TRUE(c->program);
  auto reported = check::toDiagnostics(c->result, check::SeverityConfig{});
  ASSERT_EQ(reported.size(), 1u);
  json root = json::parse(check::renderFindingsJson(c->sm, c->diags.all(), reported));
  ASSERT_EQ(root["diagnostics"].size(), 1u);
  const json& d = root["diagnostics"][0];
  EXPECT_EQ(d["code"], "W0602");
  EXPECT_EQ(d["severity"], "warning");
  EXPECT_EQ(d["line"].get<int>() > 0, true);
  const json& f = d["finding"];
  EXPECT_EQ(f["kind"], "conflict");
  ASSERT_EQ(f["clauses"].size(), 2u);
  EXPECT_EQ(f["clauses"][0]["text"], "甲");
  EXPECT_EQ(f["clauses"][1]["text"], "乙");
  EXPECT_TRUE(f["witness"].is_object());
  EXPECT_EQ(root["warnings"], 1);
  // The witness is a facts file the reader accepts.
  auto facts = facts::readFacts(*c->model, *c->program, f["witness"].dump());
  EXPECT_TRUE(facts.ok()) << (facts.errors.empty() ? "" : facts.errors[0]);
}

// A 关系 to a clause of a document never in force with the clause's own (W0637) named the two
// clauses in its message only: its JSON listed no clause, unlike every other finding about a pair.
TEST(CheckReport, JsonListsBothClausesOfARelationThatNeverActs) {
  std::string a = doc("甲", "有效期 自 2022-01-30 至 2025-12-31\n条 1 {\n" +
                               clause("1", "项目", "设备奖励", "条件 改造 给予 20万元") + "}");
  std::string b = doc("乙", "有效期 自 2026-01-01 至 2026-12-31\n条 1 {\n" +
                               clause("1", "项目", "设备奖励", "条件 改造 给予 10万元 关系 甲 第1条第1款 \"从优\"") + "}");
  auto c = compileAll({{"test.pol", std::string(kCheckSchema) + a + b}});
  ASSERT_TRUE(c->program) << renderText(c->sm, c->diags.all(), RenderOptions{});
  auto reported = check::toDiagnostics(c->result, check::SeverityConfig{});
  ASSERT_EQ(reported.size(), 1u) << c->listing();
  json root = json::parse(check::renderFindingsJson(c->sm, c->diags.all(), reported));
  const json& f = root["diagnostics"][0]["finding"];
  EXPECT_EQ(f["kind"], "never_acts");
  ASSERT_EQ(f["clauses"].size(), 2u) << f.dump();
  EXPECT_EQ(f["clauses"][0]["citation"], "乙 第1条第1款");
  EXPECT_EQ(f["clauses"][1]["citation"], "甲 第1条第1款");
  EXPECT_TRUE(f["witness"].is_null());
  c->expectReplays(*reported[0].finding);
}

TEST(CheckReport, SarifStructure) {
  auto c = conflictPolicy();
  ASSERT_TRUE(c->program);
  auto reported = check::toDiagnostics(c->result, check::SeverityConfig{});
  json s = json::parse(check::renderSarif(c->sm, c->diags.all(), reported));
  EXPECT_EQ(s["version"], "2.1.0");
  EXPECT_TRUE(s["$schema"].get<std::string>().find("sarif-2.1.0") != std::string::npos);
  ASSERT_EQ(s["runs"].size(), 1u);
  const json& run = s["runs"][0];
  const json& driver = run["tool"]["driver"];
  EXPECT_EQ(driver["name"], "polc");
  ASSERT_TRUE(driver["rules"].is_array());
  std::set<std::string> ids;
  for (const auto& r : driver["rules"]) {
    ASSERT_TRUE(r["id"].is_string());
    ASSERT_TRUE(r["shortDescription"]["text"].is_string());
    ids.insert(r["id"]);
  }
  for (FindingKind k : check::allKinds()) EXPECT_TRUE(ids.count(check::codeOf(k))) << check::codeOf(k);
  ASSERT_EQ(run["results"].size(), 1u);
  const json& r = run["results"][0];
  EXPECT_EQ(r["ruleId"], "W0602");
  EXPECT_EQ(driver["rules"][r["ruleIndex"].get<std::size_t>()]["id"], "W0602");
  EXPECT_EQ(r["level"], "warning");
  EXPECT_TRUE(r["message"]["text"].is_string());
  const json& loc = r["locations"][0]["physicalLocation"];
  EXPECT_EQ(loc["artifactLocation"]["uri"], "test.pol");
  EXPECT_GT(loc["region"]["startLine"].get<int>(), 0);
  EXPECT_GT(loc["region"]["startColumn"].get<int>(), 0);
  ASSERT_TRUE(r["relatedLocations"].is_array());
  ASSERT_GE(r["relatedLocations"].size(), 1u);
  EXPECT_GT(r["relatedLocations"][0]["physicalLocation"]["region"]["startLine"].get<int>(), 0);
  EXPECT_TRUE(r["relatedLocations"][0]["message"]["text"].is_string());
  EXPECT_TRUE(r["properties"]["witness"].is_object());
}

// A structural check of a SARIF 2.1.0 log against the schema
// (https://json.schemastore.org/sarif-2.1.0.json): the required properties of every object polc
// writes, only properties the schema allows there (its objects are additionalProperties: false),
// and the enumerations and minimums of the values.
class SarifShape {
 public:
  std::vector<std::string> problems;

  void log(const json& j) {
    object(j, "sarifLog", {"$schema", "version", "runs", "inlineExternalProperties", "properties"}, {"version", "runs"});
    if (j.value("version", "") != "2.1.0") problem("sarifLog.version is not 2.1.0");
    for (const auto& r : j["runs"]) run(r);
  }

 private:
  void problem(const std::string& p) { problems.push_back(p); }
  void object(const json& j, const std::string& what, std::set<std::string> allowed, std::set<std::string> required) {
    if (!j.is_object()) return problem(what + " is not an object");
    for (const auto& [k, v] : j.items())
      if (!allowed.count(k)) problem(what + " has a property the schema does not allow: " + k);
    for (const auto& k : required)
      if (!j.contains(k)) problem(what + " lacks the required " + k);
  }
  void message(const json& j, const std::string& what) {
    object(j, what, {"text", "markdown", "id", "arguments", "properties"}, {});
    if (!j.contains("text") && !j.contains("id")) problem(what + " has neither text nor id");
  }
  void level(const json& j, const std::string& what) {
    static const std::set<std::string> levels{"none", "note", "warning", "error"};
    if (!j.is_string() || !levels.count(j.get<std::string>())) problem(what + ": bad level " + j.dump());
  }
  void run(const json& r) {
    object(r, "run",
           {"tool", "invocations", "conversion", "language", "versionControlProvenance", "originalUriBaseIds",
            "artifacts", "logicalLocations", "graphs", "results", "automationDetails", "runAggregates",
            "baselineGuid", "redactionTokens", "defaultEncoding", "defaultSourceLanguage", "newlineSequences",
            "columnKind", "externalPropertyFileReferences", "threadFlowLocations", "taxonomies", "addresses",
            "translations", "policies", "webRequests", "webResponses", "specialLocations", "properties"},
           {"tool"});
    if (r.contains("columnKind") && r["columnKind"] != "utf16CodeUnits" && r["columnKind"] != "unicodeCodePoints")
      problem("run.columnKind " + r["columnKind"].dump());
    object(r["tool"], "tool", {"driver", "extensions", "properties"}, {"driver"});
    const json& d = r["tool"]["driver"];
    object(d, "toolComponent",
           {"guid", "name", "organization", "product", "productSuite", "shortDescription", "fullDescription",
            "fullName", "version", "semanticVersion", "dottedQuadFileVersion", "releaseDateUtc", "downloadUri",
            "informationUri", "globalMessageStrings", "notifications", "rules", "taxa", "locations", "language",
            "contents", "isComprehensive", "localizedDataSemanticVersion",
            "minimumRequiredLocalizedDataSemanticVersion", "associatedComponent", "translationMetadata",
            "supportedTaxonomies", "properties"},
           {"name"});
    for (const auto& rule : d["rules"]) {
      object(rule, "reportingDescriptor",
             {"id", "deprecatedIds", "guid", "deprecatedGuids", "name", "deprecatedNames", "shortDescription",
              "fullDescription", "messageStrings", "defaultConfiguration", "helpUri", "help", "relationships",
              "properties"},
             {"id"});
      for (const char* k : {"shortDescription", "help"})
        if (rule.contains(k)) object(rule[k], k, {"text", "markdown", "properties"}, {"text"});
      if (rule.contains("helpUri") && rule["helpUri"].get<std::string>().find("://") == std::string::npos)
        problem("reportingDescriptor.helpUri is not an absolute URI: " + rule["helpUri"].dump());
      if (rule.contains("defaultConfiguration")) {
        object(rule["defaultConfiguration"], "reportingConfiguration", {"enabled", "level", "rank", "parameters", "properties"}, {});
        level(rule["defaultConfiguration"]["level"], "defaultConfiguration");
      }
    }
    for (const auto& res : r["results"]) result(res, d["rules"]);
  }
  void result(const json& r, const json& rules) {
    object(r, "result",
           {"ruleId", "ruleIndex", "rule", "kind", "level", "message", "analysisTarget", "locations", "guid",
            "correlationGuid", "occurrenceCount", "partialFingerprints", "fingerprints", "stacks", "codeFlows",
            "graphs", "graphTraversals", "relatedLocations", "suppressions", "baselineState", "rank",
            "attachments", "hostedViewerUri", "workItemUris", "provenance", "fixes", "taxa", "webRequest",
            "webResponse", "properties"},
           {"message"});
    message(r["message"], "result.message");
    level(r["level"], "result");
    if (r.contains("ruleIndex") && rules[r["ruleIndex"].get<std::size_t>()]["id"] != r["ruleId"])
      problem("result.ruleIndex does not point at its ruleId");
    for (const auto& l : r["locations"]) location(l, "location");
    if (r.contains("relatedLocations")) {
      std::set<int> ids;
      for (const auto& l : r["relatedLocations"]) {
        location(l, "relatedLocation");
        if (!l["id"].is_number_integer() || !ids.insert(l["id"].get<int>()).second) problem("relatedLocation.id not unique");
      }
    }
    if (r.contains("suppressions"))
      for (const auto& sup : r["suppressions"]) {
        object(sup, "suppression", {"guid", "kind", "status", "justification", "location", "properties"}, {"kind"});
        if (sup["kind"] != "inSource" && sup["kind"] != "external") problem("suppression.kind " + sup["kind"].dump());
        if (sup.contains("status") && sup["status"] != "accepted" && sup["status"] != "underReview" &&
            sup["status"] != "rejected")
          problem("suppression.status " + sup["status"].dump());
      }
  }
  void location(const json& l, const std::string& what) {
    object(l, what, {"id", "physicalLocation", "logicalLocations", "message", "annotations", "relationships", "properties"}, {});
    if (l.contains("message")) message(l["message"], what + ".message");
    const json& p = l["physicalLocation"];
    object(p, "physicalLocation", {"address", "artifactLocation", "region", "contextRegion", "properties"}, {"artifactLocation"});
    object(p["artifactLocation"], "artifactLocation", {"uri", "uriBaseId", "index", "description", "properties"}, {"uri"});
    for (unsigned char ch : p["artifactLocation"]["uri"].get<std::string>())
      if (ch >= 0x80 || ch == ' ') problem("artifactLocation.uri is not percent-encoded: " + p["artifactLocation"]["uri"].dump());
    const json& g = p["region"];
    object(g, "region",
           {"startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength", "byteOffset",
            "byteLength", "snippet", "message", "sourceLanguage", "properties"},
           {"startLine"});
    for (const char* k : {"startLine", "startColumn", "endLine", "endColumn"})
      if (!g[k].is_number_integer() || g[k].get<int>() < 1) problem(std::string("region.") + k + " < 1");
    if (g["endLine"].get<int>() < g["startLine"].get<int>() ||
        (g["endLine"] == g["startLine"] && g["endColumn"].get<int>() < g["startColumn"].get<int>()))
      problem("region ends before it starts");
  }
};

TEST(CheckReport, SarifFollowsTheSchemaAndMarksAcceptedOverlaps) {
  // Covered and accepted overlaps, in a file whose name needs percent-encoding, plus the seeds.
  auto c = compileAll({{"政策 一.pol", kindPolicy("CoveredByAGroupAndAcceptedByARelation")}});
  ASSERT_TRUE(c->program);
  auto reported = check::toDiagnostics(c->result, check::SeverityConfig{});
  json s = json::parse(check::renderSarif(c->sm, c->diags.all(), reported));
  SarifShape shape;
  shape.log(s);
  EXPECT_TRUE(shape.problems.empty()) << shape.problems.front();
  const json& run = s["runs"][0];
  EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
  int accepted = 0;
  for (const auto& r : run["results"]) {
    EXPECT_EQ(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
              "%E6%94%BF%E7%AD%96%20%E4%B8%80.pol");
    if (r["ruleId"] != "W0604") {
      EXPECT_FALSE(r.contains("suppressions")) << r.dump();
      continue;
    }
    ++accepted;
    // Kept in the log (not hidden), marked accepted with the stated reason.
    EXPECT_EQ(r["level"], "note");
    ASSERT_EQ(r["suppressions"].size(), 1u);
    EXPECT_EQ(r["suppressions"][0]["kind"], "inSource");
    EXPECT_EQ(r["suppressions"][0]["status"], "accepted");
    EXPECT_EQ(r["suppressions"][0]["justification"], "两项均可享受");
  }
  EXPECT_EQ(accepted, 1);

  auto seeds = compileAll(seedFiles());
  ASSERT_TRUE(seeds->program);
  json t = json::parse(check::renderSarif(seeds->sm, seeds->diags.all(), check::toDiagnostics(seeds->result, {})));
  SarifShape seedShape;
  seedShape.log(t);
  EXPECT_TRUE(seedShape.problems.empty()) << seedShape.problems.front();
  EXPECT_EQ(t["runs"][0]["results"].size(), seeds->result.findings.size());
}

TEST(CheckReport, SarifOfFrontEndErrors) {
  auto c = compileAll({{"bad.pol", std::string(kCheckSchema) + doc("测试", "条 1 { 款 1 { 原文 \"x\" 对象 项目 标的 设备奖励 条件 节能量 超 5万元 给予 1万元 } }")}});
  ASSERT_TRUE(c->diags.hasErrors());
  json s = json::parse(check::renderSarif(c->sm, c->diags.all(), {}));
  SarifShape shape;
  shape.log(s);
  EXPECT_TRUE(shape.problems.empty()) << shape.problems.front();
  ASSERT_GE(s["runs"][0]["results"].size(), 1u);
  EXPECT_EQ(s["runs"][0]["results"][0]["level"], "error");
  EXPECT_EQ(s["runs"][0]["results"][0]["ruleId"].get<std::string>()[0], 'E');
}

// A policy's findings at their default severities, their witness files written to a fresh temporary
// directory.
struct Written {
  std::unique_ptr<Checked> c;
  std::vector<check::Reported> reported;
  std::string dir;
  std::vector<std::string> errors;
  std::vector<check::WitnessFile> files;
};

Written writeWitnessesOf(std::unique_ptr<Checked> c, const std::string& dirName) {
  Written w;
  w.c = std::move(c);
  if (!w.c->program) {
    ADD_FAILURE() << "the policy does not compile";
    return w;
  }
  w.reported = check::toDiagnostics(w.c->result, check::SeverityConfig{});
  w.dir = uniqueTempPath(dirName);
  std::filesystem::remove_all(w.dir);
  w.files = check::writeWitnesses(w.dir, w.reported, w.errors);
  return w;
}

// Every file in a directory, temporaries included.
std::vector<std::string> listDir(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) out.push_back(e.path().filename().string());
  return out;
}

TEST(CheckReport, WitnessFilesAreWrittenAndReadable) {
  Written w = writeWitnessesOf(conflictPolicy(), "polc_witness_test");
  ASSERT_EQ(w.files.size(), 1u);
  EXPECT_TRUE(w.errors.empty());
  EXPECT_EQ(w.files[0].finding, w.reported[0].finding);
  EXPECT_TRUE(w.files[0].contrast.empty());
  // One file, no temporary left behind.
  ASSERT_EQ(listDir(w.dir).size(), 1u);
  std::string name = listDir(w.dir)[0];
  EXPECT_EQ(w.dir + "/" + name, w.files[0].witness);
  EXPECT_EQ(name.rfind("0001-W0602-", 0), 0u) << name;
  auto r = facts::readFactsFile(*w.c->model, *w.c->program, w.files[0].witness);
  EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors[0]);
}

// A second run into the same directory leaves only its own witnesses: a stale file (a finding since
// fixed, or one renumbered) would be replayed as if it still held. The user's files stay.
TEST(CheckReport, AnEarlierRunsWitnessFilesAreRemovedAndOthersKept) {
  Written w = writeWitnessesOf(conflictPolicy(), "polc_witness_rerun");
  ASSERT_EQ(w.files.size(), 1u);
  const std::string current = std::filesystem::path(w.files[0].witness).filename().string();
  for (const char* stale : {"0002-W0640-old.json", "0003-W0620-old.contrast.json", "10000-W0610-old.json"}) std::ofstream(w.dir + "/" + stale) << "{}";
  for (const char* mine : {"notes.json", "0002-W0640-old.txt", "12-W0640-x.json"}) std::ofstream(w.dir + "/" + mine) << "x";
  std::filesystem::create_directory(w.dir + "/0009-W0605-a-directory.json");
  std::vector<std::string> errors;
  auto again = check::writeWitnesses(w.dir, w.reported, errors);
  EXPECT_TRUE(errors.empty()) << errors[0];
  ASSERT_EQ(again.size(), 1u);
  auto names = listDir(w.dir);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{current, "0002-W0640-old.txt", "0009-W0605-a-directory.json", "12-W0640-x.json",
                                             "notes.json"}));
}

TEST(CheckReport, TierFindingsWriteTheContrastApplicantToItsOwnFile) {
  Written w = writeWitnessesOf(compileOne(kindPolicy("HigherTierPaysLess")), "polc_witness_contrast");
  ASSERT_EQ(w.files.size(), 1u);
  const check::WitnessFile& f = w.files[0];
  ASSERT_FALSE(f.contrast.empty());
  EXPECT_NE(f.contrast.find(".contrast.json"), std::string::npos);
  EXPECT_TRUE(check::replayFiles(*w.c->model, *w.c->program, *f.finding, f.witness, f.contrast).ok);
  // Without its contrast the claim (the lower tier pays more) is not shown.
  EXPECT_FALSE(check::replayFiles(*w.c->model, *w.c->program, *f.finding, f.witness, "").ok);
}

TEST(CheckReport, AFailedWitnessWriteLeavesNoPartialFile) {
  Written w = writeWitnessesOf(conflictPolicy(), "polc_witness_fail");
  ASSERT_EQ(w.files.size(), 1u);
  const auto& first = w.files;
  const auto& reported = w.reported;
  const std::string& dir = w.dir;
  std::vector<std::string> errors;
  std::string name = std::filesystem::path(first[0].witness).filename().string();
  // The target name is taken by a directory: the rename fails, and neither a partial witness nor a
  // temporary file is left in the directory.
  std::filesystem::remove(first[0].witness);
  std::filesystem::create_directory(first[0].witness);
  auto second = check::writeWitnesses(dir, reported, errors);
  EXPECT_TRUE(second.empty());
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find(name), std::string::npos) << errors[0];
  EXPECT_EQ(listDir(dir), std::vector<std::string>{name});
  EXPECT_TRUE(std::filesystem::is_directory(first[0].witness));
  // A directory that cannot be made (a file is in the way) is one error and no file.
  std::string blocked = dir + "/blocked";
  std::ofstream(blocked) << "x";
  errors.clear();
  EXPECT_TRUE(check::writeWitnesses(blocked + "/sub", reported, errors).empty());
  EXPECT_EQ(errors.size(), 1u);
}

std::string run(const std::string& args, int& status) {
  std::string out = uniqueTempPath("polc_check_out.txt");
  std::string cmd = std::string(POLC_BINARY) + " " + args + " > " + out + " 2>&1";
  int rc = std::system(cmd.c_str());
  status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  std::ostringstream buf;
  buf << std::ifstream(out).rdbuf();
  std::filesystem::remove(out);
  return buf.str();
}

TEST(CheckCli, SeedsExitZeroAndErrorOnWarningFails) {
  std::string policies = std::string(POLC_SOURCE_DIR) + "/policies";
  int status = -1;
  std::string out = run("check " + policies + " --color never", status);
  EXPECT_EQ(status, 0) << out;
  EXPECT_NE(out.find("W0603"), std::string::npos) << out;
  out = run("check " + policies + " --error-on warning --color never", status);
  EXPECT_EQ(status, 1) << out;
  out = run("check " + policies + " -Wno-W0640 --error-on warning --color never", status);
  EXPECT_EQ(status, 0) << out;
  out = run("check " + policies + " -W W0603=bogus", status);
  EXPECT_EQ(status, 2) << out;
  std::string dir = uniqueTempPath("polc_cli_witnesses");
  std::filesystem::remove_all(dir);
  out = run("check " + policies + " --format sarif --witness-dir " + dir, status);
  EXPECT_EQ(status, 0) << out;
  int n = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) n += e.path().extension() == ".json";
  EXPECT_GT(n, 10);
  // Every witness file is accepted by polc eval.
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    std::string r = run("eval " + policies + " --facts '" + e.path().string() + "' --format json", status);
    EXPECT_EQ(status, 0) << e.path() << "\n" << r.substr(0, 400);
    break;
  }
}

// A policy whose only warning is the front end's W0424 (tests/golden): `--error-on warning` fails
// the run, and -Wno-W0424 silences it; the checker runs in both.
TEST(CheckCli, ErrorOnWarningCountsTheFrontEndsWarning) {
  const std::string policy = std::string(POLC_SOURCE_DIR) + "/tests/golden/payer_fact_may_take_label.pol";
  int status = -1;
  std::string out = run("check " + policy + " --error-on warning --color never", status);
  EXPECT_EQ(status, 1) << out;
  EXPECT_NE(out.find("error[W0424]"), std::string::npos) << out;
  EXPECT_NE(out.find("failed:"), std::string::npos) << out;
  out = run("check " + policy + " -Wno-W0424 --color never", status);
  EXPECT_EQ(status, 0) << out;
  EXPECT_EQ(out.find("W0424"), std::string::npos) << out;
  EXPECT_NE(out.find("ok:"), std::string::npos) << out;
}

// -W and --error-on take one value each: written before the paths, they once took the first path
// for a second value, so `polc check -W W0603=off schema.pol city.pol` checked city.pol alone (and
// failed on the names schema.pol declares).
TEST(CheckCli, AWarningOptionBeforeThePathsTakesOneValue) {
  const std::string policies = std::string(POLC_SOURCE_DIR) + "/policies/";
  const std::string files = policies + "schema.pol " + policies + "changzhou-2022-industry-policy.pol";
  int status = -1;
  for (const std::string options : {"-Wno-W0603", "--error-on W0640 -W W0604=off"}) {
    std::string out = run("check " + options + " " + files + " --color never", status);
    EXPECT_EQ(status, 0) << options << "\n" << out;
    EXPECT_NE(out.find("ok: 2 files"), std::string::npos) << options << "\n" << out;
  }
  // --color takes its three words only, not CLI11's numbers for them.
  std::string out = run("check --color 2 " + files, status);
  EXPECT_EQ(status, 2) << out;
}

// --format accepts its words in any case, as --color does, and means the same by them: `TEXT` and
// `SARIF` were let through unchanged and both printed the JSON format.
TEST(CheckCli, FormatIgnoresCase) {
  const std::string policies = std::string(POLC_SOURCE_DIR) + "/policies/";
  const std::string files = policies + "schema.pol " + policies + "changzhou-2022-industry-policy.pol";
  int status = -1;
  std::string out = run("check " + files + " --no-consistency --format TEXT", status);
  EXPECT_EQ(status, 0) << out;
  EXPECT_EQ(out.rfind("ok: 2 files", 0), 0u) << out;
  out = run("check " + files + " --no-consistency --format SARIF", status);
  EXPECT_EQ(status, 0) << out;
  EXPECT_NE(out.find("\"version\": \"2.1.0\""), std::string::npos) << out.substr(0, 400);
}

// --no-consistency skips the checker only: errors found when lowering to the IR (E0417, E0418,
// E05xx) still fail the run, as `polc build` would; they were once reported as "ok".
TEST(CheckCli, NoConsistencyStillReportsLoweringErrors) {
  const std::string golden = std::string(POLC_SOURCE_DIR) + "/tests/golden/";
  for (const auto& [file, code] : {std::pair{"empty_range.pol", "E0417"}, {"count_range_fraction.pol", "E0418"},
                                   {"default_outside_range.pol", "E0418"}}) {
    int status = -1;
    std::string out = run("check --no-consistency --color never " + golden + file, status);
    EXPECT_EQ(status, 1) << file << "\n" << out;
    EXPECT_NE(out.find(code), std::string::npos) << file << "\n" << out;
    EXPECT_EQ(out.find("ok:"), std::string::npos) << file << "\n" << out;
    out = run("check --no-consistency --format sarif " + golden + file, status);
    EXPECT_EQ(status, 1) << file << "\n" << out;
    EXPECT_NE(out.find(code), std::string::npos) << file << "\n" << out;
  }
  int status = -1;
  std::string out = run("check --no-consistency --color never " + std::string(POLC_SOURCE_DIR) + "/policies", status);
  EXPECT_EQ(status, 0) << out;
  EXPECT_NE(out.find("ok: 6 files"), std::string::npos) << out;
}

std::string fileText(const std::string& path) {
  std::ostringstream buf;
  buf << std::ifstream(path).rdbuf();
  return buf.str();
}

// --json-file and --sarif-file write the documents --format json and --format sarif print, while
// the text goes to stderr: one run of the checker for a CI job's log and its tools.
TEST(CheckCli, ReportFilesHoldTheDocumentsFormatPrints) {
  const std::string golden = std::string(POLC_SOURCE_DIR) + "/tests/golden/";
  const std::string policy = golden + "kept_after_earlier_drop.pol";
  const std::string jsonFile = uniqueTempPath("polc_report.json"), sarifFile = uniqueTempPath("polc_report.sarif");
  int status = -1;
  std::string text = run("check --color never " + policy + " --json-file " + jsonFile + " --sarif-file " + sarifFile, status);
  EXPECT_EQ(status, 0) << text;
  EXPECT_NE(text.find("note[W0643]"), std::string::npos) << text;
  EXPECT_NE(text.find("ok: 1 file"), std::string::npos) << text;
  const std::string json = fileText(jsonFile), sarif = fileText(sarifFile);
  EXPECT_NE(json.find("\"finding\""), std::string::npos) << json.substr(0, 400);
  EXPECT_EQ(json, run("check " + policy + " --format json 2>/dev/null", status));
  EXPECT_EQ(sarif, run("check " + policy + " --format sarif 2>/dev/null", status));
  // A file that cannot be written fails the run, after the text; the other file is still written.
  std::filesystem::remove(sarifFile);
  text = run("check --color never " + policy + " --json-file " + jsonFile + "/x --sarif-file " + sarifFile, status);
  EXPECT_EQ(status, 1) << text;
  EXPECT_NE(text.find("polc check: --json-file " + jsonFile + "/x"), std::string::npos) << text;
  EXPECT_NE(text.find("note[W0643]"), std::string::npos) << text;
  EXPECT_NE(text.find("failed: 1 file"), std::string::npos) << text;
  EXPECT_EQ(fileText(sarifFile), sarif);
  // A report that would replace a policy file read is a usage error, and the policy is kept.
  const std::string before = fileText(policy);
  text = run("check " + golden + " --sarif-file " + policy, status);
  EXPECT_EQ(status, 2) << text;
  EXPECT_NE(text.find("is the policy file"), std::string::npos) << text;
  EXPECT_EQ(fileText(policy), before);
  text = run("check " + policy + " --json-file " + jsonFile + " --sarif-file " + jsonFile, status);
  EXPECT_EQ(status, 2) << text;
  // When lowering fails after a clean front end, --format sarif prints SARIF (it printed the JSON
  // document there), as the front end's errors do.
  text = run("check --format sarif " + golden + "count_range_fraction.pol --json-file " + jsonFile, status);
  EXPECT_EQ(status, 1) << text;
  EXPECT_NE(text.find("\"version\": \"2.1.0\""), std::string::npos) << text.substr(0, 400);
  EXPECT_NE(fileText(jsonFile).find("\"code\": \"E0418\""), std::string::npos);
  std::filesystem::remove(jsonFile);
  std::filesystem::remove(sarifFile);
}

// The witness file of the finding numbered `n` (1-based) in a --witness-dir directory, and its
// contrast file (empty when there is none).
std::pair<std::string, std::string> witnessFilesOf(const std::string& dir, std::size_t n, const char* code) {
  std::string prefix = fmt::format("{:04}-{}-", n, code);
  std::pair<std::string, std::string> out;
  for (const auto& name : listDir(dir)) {
    if (name.rfind(prefix, 0) != 0) continue;
    bool contrast = name.find(".contrast.json") != std::string::npos;
    (contrast ? out.second : out.first) = dir + "/" + name;
  }
  return out;
}

// Whether `polc eval --format json` output pays the clause with this citation an amount.
bool evalPays(const json& ev, const std::string& citation) {
  for (const auto& a : ev["awards"])
    if (a["citation"] == citation && a["status"] != "dropped" && a["max"].is_string() && a["max"] != "0") return true;
  return false;
}

// For every kind of finding: the witness files `polc check --witness-dir` writes are accepted by
// `polc eval`, and, read back as `polc eval --facts` reads them, show the claim of the finding the
// checker reports for the same policy.
TEST(CheckCli, EveryKindsWitnessFilesReplayThroughPolcEval) {
#ifdef POLC_UNDER_ASAN
  // ≈ 100 polc runs, 30 s of CPU under ASan, the phase's longest test, where CI has no time to
  // spare (docs/robustness.md): the normal build runs it in full, and under ASan+UBSan fuzz_check
  // replays every finding's witness on every input through the same replay (check/replay.h).
  GTEST_SKIP() << "run by the normal build; fuzz_check replays witnesses under the sanitizers";
#endif
  std::set<std::string> codes;
  for (const auto& [name, text] : kindPolicies()) {
    SCOPED_TRACE(name);
    auto c = compileOne(text);
    ASSERT_TRUE(c->program);
    auto reported = check::toDiagnostics(c->result, check::SeverityConfig{});
    std::string base = uniqueTempPath("polc_kind_" + name);
    std::filesystem::remove_all(base);
    std::filesystem::create_directories(base);
    std::string pol = base + "/test.pol", dir = base + "/witnesses";
    std::ofstream(pol, std::ios::binary) << text;
    int status = -1;
    // W0639 off, as compileOne runs the checker: the kind policies quote placeholder 原文.
    std::string out = run("check " + pol + " -Wno-W0639 --format json --witness-dir " + dir, status);
    EXPECT_EQ(status, 0) << out;
    json cli = json::parse(out);
    ASSERT_EQ(cli["diagnostics"].size(), reported.size()) << out;
    for (std::size_t i = 0; i < reported.size(); ++i) {
      const check::Finding& f = *reported[i].finding;
      ASSERT_EQ(cli["diagnostics"][i]["code"], codeOf(f.kind));
      if (!check::hasWitness(f.kind)) {  // about the rules: reported, with no applicant and no file
        EXPECT_TRUE(f.witness.is_null()) << f.message;
        if (std::filesystem::exists(dir)) {
          EXPECT_TRUE(witnessFilesOf(dir, i + 1, codeOf(f.kind)).first.empty()) << f.message;
        }
        codes.insert(codeOf(f.kind));
        continue;
      }
      if (f.witness.is_null()) continue;
      auto [witness, contrast] = witnessFilesOf(dir, i + 1, codeOf(f.kind));
      ASSERT_FALSE(witness.empty()) << f.message;
      EXPECT_EQ(contrast.empty(), f.contrast.is_null());
      auto r = check::replayFiles(*c->model, *c->program, f, witness, contrast);
      EXPECT_TRUE(r.ok) << codeOf(f.kind) << " " << f.message << "\n  " << r.detail;
      std::string e = run("eval " + pol + " --facts '" + witness + "' --format json", status);
      // Their claim: the witness's evaluation stops, with the evaluators' words for why.
      if (f.kind == FindingKind::NegativeAmount || f.kind == FindingKind::ReadBeforeFirstValue) {
        EXPECT_EQ(status, 1) << e;
        EXPECT_NE(e.find(f.kind == FindingKind::NegativeAmount ? "an award is never below 0" : "has no value on"),
                  std::string::npos) << e;
        codes.insert(codeOf(f.kind));
        continue;
      }
      EXPECT_EQ(status, 0) << e;
      json ev = json::parse(e);
      if (f.kind == FindingKind::Overlap || f.kind == FindingKind::Conflict || f.kind == FindingKind::AcceptedOverlap) {
        for (const auto& ref : f.refs) EXPECT_TRUE(evalPays(ev, ref.citation)) << ref.citation << "\n" << e;
      }
      codes.insert(codeOf(f.kind));
    }
  }
  // Every code but W0613 (an undecided clause needs a solver query over its limit) has a witness replayed here, or,
  // for a finding about the rules (W0637), is reported without one. W0639, off here, goes through
  // the command line in the golden cases quote_number_* (text and JSON).
  for (FindingKind k : check::allKinds()) {
    if (k != FindingKind::UndecidedClause && k != FindingKind::QuoteNumber && k != FindingKind::QuoteNumberRole) {
      EXPECT_TRUE(codes.count(codeOf(k))) << codeOf(k);
    }
  }
}

TEST(CheckCli, AWitnessDirectoryThatCannotBeMadeFailsTheRun) {
  std::string blocked = uniqueTempPath("polc_cli_blocked");
  std::filesystem::remove_all(blocked);
  std::ofstream(blocked) << "x";
  int status = -1;
  std::string out = run("check " + std::string(POLC_SOURCE_DIR) + "/policies --witness-dir " + blocked + "/w", status);
  EXPECT_EQ(status, 1) << out;
  EXPECT_NE(out.find("cannot create the directory"), std::string::npos) << out;
  // The closing line says the run failed, as the exit status does: it said `ok:` with status 1.
  EXPECT_NE(out.find("\nfailed: 6 files, 5 documents"), std::string::npos) << out;
  EXPECT_EQ(out.find("\nok: "), std::string::npos) << out;
}

}  // namespace
}  // namespace polc::test
