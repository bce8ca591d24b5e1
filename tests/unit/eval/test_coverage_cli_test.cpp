// polc test --coverage lists the clauses no case shows paying. Five 武进区 clauses can pay nobody
// while the city's policy is loaded (从优从高 always keeps the city's equal award: the checker's
// W0640), and were listed as "no case pays" beside untested clauses, with nothing to tell a clause
// no case could pay from one no case tried. A clause the cases show computed and dropped, and the
// checker proves never kept, is now "never kept (W0640)", with the group and the clause kept.
// Likewise a clause whose conditions cannot hold together (W0610, W0611): "never applies", with the
// contradictory conditions, and not a gap of either kind.
#include <algorithm>
#include <string>

#include <nlohmann/json.hpp>

#include "cli_util.h"

namespace polc::coveragetest {
namespace {

using namespace polc::clitest;
using json = nlohmann::json;

// 4.1.2 is shown dropped and is W0640: never kept. 4.1.1 is shown dropped (国家智能制造示范工厂,
// the city's equal award kept) but pays 灯塔工厂 alone: untested for paying. 5.1.2 is W0640 but no
// case shows it computed, so nothing shows its amount right: untested too.
TEST(TestCli, CoverageTellsAClauseNoCaseCanPayFromAnUntestedOne) {
  fs::path dir = scratch("test_coverage_never_kept");
  fs::create_directories(dir);
  const std::string policies = std::string(POLC_SOURCE_DIR) + "/policies";
  write(dir / "w.test.json", R"({"policies": ")" + policies + R"(", "date": "2024-06-30",
    "base": {"企业": {"所在地": "武进区", "独立法人": true}}, "cases": [
    {"name": "4.1.2", "patch": {"企业": {"称号": {"国家级绿色园区": "2024-03-01"}}},
     "expect": {"awards": [{"citation": "武进区2024制造业若干措施 第4条第1款第2项", "status": "dropped"}]}},
    {"name": "4.1.1", "patch": {"企业": {"称号": {"国家智能制造示范工厂": "2024-03-01"}}},
     "expect": {"awards": [{"citation": "武进区2024制造业若干措施 第4条第1款第1项", "status": "dropped"}]}}]})");

  CliRun j = runPolc("test '" + (dir / "w.test.json").string() + "' --coverage --format json", "coverage_never_kept_json");
  ASSERT_EQ(j.exit, 0) << j.out << j.err;
  json cov = json::parse(j.out).at("coverage");
  EXPECT_EQ(cov.at("never_kept"), json::parse(R"([{"citation": "武进区2024制造业若干措施 第4条第1款第2项", "group": "从优从高",
                                                   "kept_instead": "常办发〔2022〕1号 第16条第1款第1项"}])"))
      << j.out;
  const json& noPay = cov.at("no_case_pays");
  auto listed = [&](const char* c) { return std::find(noPay.begin(), noPay.end(), c) != noPay.end(); };
  EXPECT_FALSE(listed("武进区2024制造业若干措施 第4条第1款第2项")) << "never kept, not untested: " << j.out;
  EXPECT_TRUE(listed("武进区2024制造业若干措施 第4条第1款第1项")) << "dropped here, but it pays others: " << j.out;
  EXPECT_TRUE(listed("武进区2024制造业若干措施 第5条第1款第2项")) << "W0640, but no case shows it computed: " << j.out;

  CliRun t = runPolc("test '" + (dir / "w.test.json").string() + "' --coverage", "coverage_never_kept_text");
  EXPECT_NE(t.out.find("\n  never kept (W0640):    武进区2024制造业若干措施 第4条第1款第2项: 从优从高 keeps "
                       "常办发〔2022〕1号 第16条第1款第1项 instead\n"),
            std::string::npos)
      << t.out;
  EXPECT_NE(t.out.find("\n  no case pays:          武进区2024制造业若干措施 第5条第1款第2项\n"), std::string::npos) << t.out;
  EXPECT_EQ(t.out.find("no case pays:          武进区2024制造业若干措施 第4条第1款第2项\n"), std::string::npos) << t.out;
}

// 第1条第2款 cannot apply (超3亿元 and 低于2亿元: W0610), nor 第1条第3款 (排除 against the document's
// 申报条件 非 排除: W0611). Neither is a gap: no case can pay them, any applicant shows them not paying.
TEST(TestCli, CoverageTellsAClauseThatNeverAppliesFromAnUntestedOne) {
  fs::path dir = scratch("test_coverage_never_applies");
  fs::create_directories(dir);
  write(dir / "p.pol", R"(主体 企业 "申报单位" { 事实 营业收入: 元  事实 排除: 布尔 }
标的 规模奖励 "规模奖励"
文件 某区政策 {
  有效期 自 2024-01-01 至 2024-12-31
  申报条件 非 排除
  条 1 {
    款 1 { 原文 "营业收入超1亿元的奖励10万元。" 对象 企业 标的 规模奖励 条件 营业收入 超 1亿元 给予 10万元 }
    款 2 { 原文 "营业收入超3亿元且低于2亿元的奖励20万元。" 对象 企业 标的 规模奖励 条件 营业收入 超 3亿元 且 营业收入 低于 2亿元 给予 20万元 }
    款 3 { 原文 "被排除的企业奖励1万元。" 对象 企业 标的 规模奖励 条件 排除 给予 1万元 }
  }
}
)");
  write(dir / "p.test.json", R"({"date": "2024-06-30", "base": {"企业": {"排除": false}}, "cases": [
    {"name": "pays", "patch": {"企业": {"营业收入": "2亿元"}},
     "expect": {"awards": [{"citation": "某区政策 第1条第1款", "max": "100000.00"}]}},
    {"name": "does not", "patch": {"企业": {"营业收入": "1亿元"}}, "expect": {"absent": ["某区政策 第1条第1款"]}}]})");

  CliRun j = runPolc("test '" + (dir / "p.test.json").string() + "' --coverage --format json", "coverage_never_applies_json");
  ASSERT_EQ(j.exit, 0) << j.out << j.err;
  json cov = json::parse(j.out).at("coverage");
  EXPECT_EQ(cov.at("never_applies"), json::parse(R"([
      {"citation": "某区政策 第1条第2款", "code": "W0610", "conditions": "营业收入 超 3亿元；营业收入 低于 2亿元"},
      {"citation": "某区政策 第1条第3款", "code": "W0611", "conditions": "申报条件 非 排除；排除"}])"))
      << j.out;
  EXPECT_EQ(cov.at("no_case_pays"), json::array()) << j.out;
  EXPECT_EQ(cov.at("no_case_without_award"), json::array()) << j.out;
  EXPECT_EQ(cov.at("shown_paying_and_not"), 1) << j.out;

  CliRun t = runPolc("test '" + (dir / "p.test.json").string() + "' --coverage", "coverage_never_applies_text");
  EXPECT_NE(t.out.find("\n  never applies (W0610): 某区政策 第1条第2款: 营业收入 超 3亿元；营业收入 低于 2亿元\n"),
            std::string::npos)
      << t.out;
}

}  // namespace
}  // namespace polc::coveragetest
