// Reporting of findings: severities (-W, --error-on), the diagnostics JSON with the finding, SARIF
// 2.1.0 structure, witness files, and `polc check` on the seed policies.
#include <cstdio>
#include <cstdlib>
#include <set>

#include <sys/wait.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "kind_policies.h"
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

TEST(CheckReport, WitnessFilesAreWrittenAndReadable) {
  auto c = conflictPolicy();
  ASSERT_TRUE(c->program);
  auto reported = check::toDiagnostics(c->result, check::SeverityConfig{});
  std::string dir = ::testing::TempDir() + "polc_witness_test";
  std::filesystem::remove_all(dir);
  std::vector<std::string> errors;
  auto written = check::writeWitnesses(dir, reported, errors);
  ASSERT_EQ(written.size(), 1u);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(written[0].finding, reported[0].finding);
  EXPECT_TRUE(written[0].contrast.empty());
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    ++files;
    EXPECT_EQ(e.path().string(), written[0].witness);
    EXPECT_EQ(e.path().filename().string().rfind("0001-W0602-", 0), 0u) << e.path();
    auto r = facts::readFactsFile(*c->model, *c->program, e.path().string());
    EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors[0]);
  }
  EXPECT_EQ(files, 1) << "no temporary file is left behind";
}

TEST(CheckReport, TierFindingsWriteTheContrastApplicantToItsOwnFile) {
  auto c = compileOne(kindPolicy("HigherTierPaysLess"));
  ASSERT_TRUE(c->program);
  auto reported = check::toDiagnostics(c->result, check::SeverityConfig{});
  std::string dir = ::testing::TempDir() + "polc_witness_contrast";
  std::filesystem::remove_all(dir);
  std::vector<std::string> errors;
  auto written = check::writeWitnesses(dir, reported, errors);
  ASSERT_EQ(written.size(), 1u);
  ASSERT_FALSE(written[0].contrast.empty());
  EXPECT_NE(written[0].contrast.find(".contrast.json"), std::string::npos);
  EXPECT_TRUE(check::replayFiles(*c->model, *c->program, *written[0].finding, written[0].witness, written[0].contrast).ok);
  // Without its contrast the claim (the lower tier pays more) is not shown.
  EXPECT_FALSE(check::replayFiles(*c->model, *c->program, *written[0].finding, written[0].witness, "").ok);
}

// Every file in a directory, temporaries included.
std::vector<std::string> listDir(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) out.push_back(e.path().filename().string());
  return out;
}

TEST(CheckReport, AFailedWitnessWriteLeavesNoPartialFile) {
  auto c = conflictPolicy();
  ASSERT_TRUE(c->program);
  auto reported = check::toDiagnostics(c->result, check::SeverityConfig{});
  std::string dir = ::testing::TempDir() + "polc_witness_fail";
  std::filesystem::remove_all(dir);
  std::vector<std::string> errors;
  auto first = check::writeWitnesses(dir, reported, errors);
  ASSERT_EQ(first.size(), 1u);
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
  std::string out = ::testing::TempDir() + "polc_check_out.txt";
  std::string cmd = std::string(POLC_BINARY) + " " + args + " > " + out + " 2>&1";
  int rc = std::system(cmd.c_str());
  status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  std::ifstream in(out);
  std::ostringstream buf;
  buf << in.rdbuf();
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
  std::string dir = ::testing::TempDir() + "polc_cli_witnesses";
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
  std::set<std::string> codes;
  for (const auto& [name, text] : kindPolicies()) {
    SCOPED_TRACE(name);
    auto c = compileOne(text);
    ASSERT_TRUE(c->program);
    auto reported = check::toDiagnostics(c->result, check::SeverityConfig{});
    std::string base = ::testing::TempDir() + "polc_kind_" + name;
    std::filesystem::remove_all(base);
    std::filesystem::create_directories(base);
    std::string pol = base + "/test.pol", dir = base + "/witnesses";
    std::ofstream(pol, std::ios::binary) << text;
    int status = -1;
    std::string out = run("check " + pol + " --format json --witness-dir " + dir, status);
    EXPECT_EQ(status, 0) << out;
    json cli = json::parse(out);
    ASSERT_EQ(cli["diagnostics"].size(), reported.size()) << out;
    for (std::size_t i = 0; i < reported.size(); ++i) {
      const check::Finding& f = *reported[i].finding;
      ASSERT_EQ(cli["diagnostics"][i]["code"], codeOf(f.kind));
      if (f.witness.is_null()) continue;
      auto [witness, contrast] = witnessFilesOf(dir, i + 1, codeOf(f.kind));
      ASSERT_FALSE(witness.empty()) << f.message;
      EXPECT_EQ(contrast.empty(), f.contrast.is_null());
      auto r = check::replayFiles(*c->model, *c->program, f, witness, contrast);
      EXPECT_TRUE(r.ok) << codeOf(f.kind) << " " << f.message << "\n  " << r.detail;
      std::string e = run("eval " + pol + " --facts '" + witness + "' --format json", status);
      EXPECT_EQ(status, 0) << e;
      json ev = json::parse(e);
      if (f.kind == FindingKind::Overlap || f.kind == FindingKind::Conflict || f.kind == FindingKind::AcceptedOverlap)
        for (const auto& ref : f.refs) EXPECT_TRUE(evalPays(ev, ref.citation)) << ref.citation << "\n" << e;
      codes.insert(codeOf(f.kind));
    }
  }
  // Every code but W0613 (an undecided clause needs a solver timeout) has a witness replayed here.
  for (FindingKind k : check::allKinds())
    if (k != FindingKind::UndecidedClause) EXPECT_TRUE(codes.count(codeOf(k))) << codeOf(k);
}

TEST(CheckCli, AWitnessDirectoryThatCannotBeMadeFailsTheRun) {
  std::string blocked = ::testing::TempDir() + "polc_cli_blocked";
  std::filesystem::remove_all(blocked);
  std::ofstream(blocked) << "x";
  int status = -1;
  std::string out = run("check " + std::string(POLC_SOURCE_DIR) + "/policies --witness-dir " + blocked + "/w", status);
  EXPECT_EQ(status, 1) << out;
  EXPECT_NE(out.find("cannot create the directory"), std::string::npos) << out;
}

}  // namespace
}  // namespace polc::test
