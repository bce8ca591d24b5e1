// Reporting of findings: severities (-W, --error-on), the diagnostics JSON with the finding, SARIF
// 2.1.0 structure, witness files, and `polc check` on the seed policies.
#include <cstdio>
#include <cstdlib>
#include <set>

#include <sys/wait.h>

#include <nlohmann/json.hpp>

#include "check_util.h"
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
  EXPECT_EQ(check::writeWitnesses(dir, reported, errors), 1);
  EXPECT_TRUE(errors.empty());
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    ++files;
    EXPECT_EQ(e.path().extension(), ".json");
    EXPECT_NE(e.path().filename().string().find("W0602"), std::string::npos);
    auto r = facts::readFactsFile(*c->model, *c->program, e.path().string());
    EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors[0]);
  }
  EXPECT_EQ(files, 1) << "no temporary file is left behind";
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

}  // namespace
}  // namespace polc::test
