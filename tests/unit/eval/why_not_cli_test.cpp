// `polc eval --why-not` as a caseworker runs it on the scenario applicants: the first condition
// that failed with the values read from the facts and its place in the policy, 或 and 非 shown
// whole, the reasons already in the result (dropped, not assessable, out of force), a citation that
// names nothing, and the same answer from every backend.
#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_util.h"

namespace {

using namespace polc::clitest;
using json = nlohmann::json;

const std::string kPolicy = "policies/changzhou-2022-industry-policy.pol";

const json* reasonFor(const json& result, const std::string& citation, const std::string& item = "") {
  for (const auto& w : result.at("why_not"))
    if (w.at("citation") == citation && (item.empty() || w.at("for") == item)) return &w;
  return nullptr;
}

// A facts file as a line of a batch.
std::string batchLine(const std::string& facts) {
  return json::parse(slurp(fs::path(POLC_SOURCE_DIR) / facts)).dump();
}

bool hasValue(const json& trace, const std::string& what, const std::string& value) {
  for (const auto& v : trace.at("values"))
    if (v.at("what") == what && v.at("value") == value) return true;
  return false;
}

// P1 (新北区, 营业收入 520亿元, no 称号) asks about 第2条: 第1款 pays it; 第4款 needs a newly granted
// 规上 title, an 或 whose every side fails; 第2款 has no tier for its 新入选 titles.
TEST(EvalCli, WhyNotP1Article2Text) {
  const CliRun plain = runPolc("eval policies/ --facts examples/applicants/p1.json", "whynot_plain");
  const CliRun r = runPolc("eval policies/ --facts examples/applicants/p1.json --why-not 常办发〔2022〕1号第2条", "whynot_p1");
  ASSERT_EQ(r.exit, 0) << r.err;
  // The result itself is printed as without --why-not, the reasons after it.
  ASSERT_EQ(r.out.compare(0, plain.out.size(), plain.out), 0) << r.out;
  const std::string why = r.out.substr(plain.out.size());
  EXPECT_NE(why.find("为何未适用（--why-not）"), std::string::npos) << why;
  EXPECT_NE(why.find("常办发〔2022〕1号 第2条第1款  登峰计划\n    对象     企业\n    结果     适用（见上方 [1]）"),
            std::string::npos)
      << why;
  EXPECT_NE(why.find("常办发〔2022〕1号 第2条第4款  新评定规上企业\n    对象     企业\n    结果     不适用（条件不成立）\n"
                     "    条件     (新评定 称号 含 规模以上工业企业 或 新评定 称号 含 规模以上服务业企业) —— 不成立（" +
                     kPolicy + ":93）\n"
                     "               或 新评定 称号 含 规模以上工业企业 —— 不成立\n"),
            std::string::npos)
      << why;
  EXPECT_NE(why.find("               或 新评定 称号 含 规模以上服务业企业 —— 不成立\n"), std::string::npos) << why;
  EXPECT_NE(why.find("企业.称号 = {}（未提供，按默认）"), std::string::npos) << why;
  EXPECT_NE(why.find("    结果     不适用（没有适用的一档）\n"), std::string::npos) << why;
  EXPECT_NE(why.find("    金额     分档 新入选 称号 含 {"), std::string::npos) << why;
  // 第3款第3项 is about projects, which P1 lists none of.
  EXPECT_NE(why.find("    原因     事实中没有项目（本条款的对象）"), std::string::npos) << why;
}

// The values shown are the facts file's: P1's 所在地 fails the 武进区 document's 申报条件, P5's
// project is in 常州市重大项目库 and not in 智改数转项目库; P5's 第5条第3款第2项 gives way to 第3条第3款.
TEST(EvalCli, WhyNotJsonShowsTheFactsRead) {
  const json p1facts = json::parse(slurp(fs::path(POLC_SOURCE_DIR) / "examples/applicants/p1.json"));
  CliRun r = runPolc("eval policies/ --facts examples/applicants/p1.json --format json --why-not 武进区2024制造业若干措施第2条第1款第1项",
                     "whynot_p1json");
  ASSERT_EQ(r.exit, 0) << r.err;
  json out = json::parse(r.out);
  const json* w = reasonFor(out, "武进区2024制造业若干措施 第2条第1款第1项");
  ASSERT_NE(w, nullptr) << r.out;
  EXPECT_EQ(w->at("kind"), "condition");
  EXPECT_EQ(w->at("where"), "申报条件");
  EXPECT_EQ(w->at("for"), "企业");
  EXPECT_EQ(w->at("document"), "武进区2024制造业若干措施");
  const json& c = w->at("condition");
  EXPECT_EQ(c.at("text"), "所在地 为 武进区");
  EXPECT_EQ(c.at("outcome"), "不成立");
  EXPECT_EQ(c.at("span").at("file"), "policies/wujin-2024-manufacturing-measures.pol");
  EXPECT_GT(c.at("span").at("line").get<int>(), 0);
  EXPECT_TRUE(hasValue(c, "企业.所在地", p1facts.at("企业").at("所在地").get<std::string>())) << c.dump();

  r = runPolc("eval policies/ --facts examples/applicants/p5.json --format json --why-not 第5条第3款", "whynot_p5json");
  ASSERT_EQ(r.exit, 0) << r.err;
  out = json::parse(r.out);
  w = reasonFor(out, "常办发〔2022〕1号 第5条第3款第1项", "企业.项目[0]");
  ASSERT_NE(w, nullptr) << r.out;
  EXPECT_EQ(w->at("kind"), "condition");
  EXPECT_EQ(w->at("condition").at("text"), "入库 含 智改数转项目库");
  EXPECT_TRUE(hasValue(w->at("condition"), "企业.项目[0].入库", "{常州市重大项目库}")) << w->dump();
  w = reasonFor(out, "常办发〔2022〕1号 第5条第3款第2项", "企业.项目[0]");
  ASSERT_NE(w, nullptr) << r.out;
  EXPECT_EQ(w->at("kind"), "dropped");
  EXPECT_NE(w->at("reason").get<std::string>().find("保留 常办发〔2022〕1号 第3条第3款 企业.项目[0]"), std::string::npos);
  EXPECT_TRUE(w->at("condition").is_null());
}

// Under 或 every side is shown with its values, and under 非 what held: a project newly brought in,
// foreign, with 3000万美元 of registered capital, is neither a 世界500强 investment, nor foreign over
// 5000万美元, nor domestic (非 外资项目 fails because 外资项目 holds).
TEST(EvalCli, WhyNotShowsEachSideOfOrAndWhatHeldUnderNot) {
  const auto facts = scratch("whynot_foreign.json");
  write(facts, R"({"date": "2024-06-30", "企业": {"所在地": "新北区", "独立法人": true, "制造业": true,
    "项目": [{"新引进项目": true, "外资项目": true, "协议注册外资": "3000万美元", "两年内固定资产投资": "5亿元"}]}})");
  const CliRun r = runPolc("eval policies/ --facts '" + facts.string() + "' --format json --why-not '常办发〔2022〕1号 第3条第1款第1项'",
                           "whynot_or");
  ASSERT_EQ(r.exit, 0) << r.err;
  const json out = json::parse(r.out);
  const json* w = reasonFor(out, "常办发〔2022〕1号 第3条第1款第1项", "企业.项目[0]");
  ASSERT_NE(w, nullptr) << r.out;
  const json& c = w->at("condition");
  EXPECT_EQ(c.at("joiner"), "或");
  EXPECT_EQ(c.at("outcome"), "不成立");
  ASSERT_EQ(c.at("parts").size(), 3u) << c.dump(1);
  EXPECT_EQ(c.at("parts")[0].at("text"), "世界500强投资");
  EXPECT_TRUE(hasValue(c.at("parts")[0], "企业.项目[0].世界500强投资", "否（未提供，按默认）"));
  // The side as written, then the operand of its 且 that failed.
  const json& foreign = c.at("parts")[1];
  EXPECT_EQ(foreign.at("text"), "(外资项目 且 协议注册外资 超 5000万美元)");
  ASSERT_EQ(foreign.at("parts").size(), 1u);
  EXPECT_EQ(foreign.at("parts")[0].at("text"), "协议注册外资 超 5000万美元");
  EXPECT_TRUE(hasValue(foreign.at("parts")[0], "企业.项目[0].协议注册外资", "30000000美元")) << foreign.dump();
  const json& domestic = c.at("parts")[2].at("parts")[0];
  EXPECT_EQ(domestic.at("joiner"), "非");
  EXPECT_EQ(domestic.at("outcome"), "不成立");
  EXPECT_EQ(domestic.at("parts")[0].at("text"), "外资项目");
  EXPECT_EQ(domestic.at("parts")[0].at("outcome"), "成立");
  EXPECT_TRUE(hasValue(domestic.at("parts")[0], "企业.项目[0].外资项目", "是"));
}

// The reasons a clause pays nothing that the result already gives, in its words: a fact missing, a
// document out of force on the evaluation date.
TEST(EvalCli, WhyNotNamesMissingFactsAndTheDocumentOutOfForce) {
  CliRun r = runPolc("eval policies/ --facts examples/applicants/p3.json --format json --why-not 常办发〔2022〕1号第2条第1款",
                     "whynot_missing");
  ASSERT_EQ(r.exit, 0) << r.err;
  const json* w = nullptr;
  json out = json::parse(r.out);
  w = reasonFor(out, "常办发〔2022〕1号 第2条第1款");
  ASSERT_NE(w, nullptr) << r.out;
  EXPECT_EQ(w->at("kind"), "not_assessable");
  EXPECT_EQ(w->at("missing"), json::array({"企业.营业收入"}));
  EXPECT_EQ(w->at("reason"), "缺少事实：企业.营业收入");

  r = runPolc("eval policies/ --facts examples/applicants/p1.json --date 2026-01-01 --why-not 常办发〔2022〕1号第2条第1款",
              "whynot_force");
  ASSERT_EQ(r.exit, 0) << r.err;
  EXPECT_NE(r.out.find("    结果     不适用（文件不在有效期内）\n    原因     评价日期 2026-01-01 不在该文件的有效期内：常办发〔2022〕1号（"),
            std::string::npos)
      << r.out;
}

// An award in the result that pays nothing says why in the result's words: 一次性 paid in an earlier
// year (city-ch1-industry 3.3), a cap over several clauses that the awards received fill (1.1).
TEST(EvalCli, WhyNotNamesAnAwardAlreadyReceivedOrCappedToZero) {
  const auto once = scratch("whynot_once.json");
  write(once, R"({"date": "2024-06-30", "企业": {"所在地": "新北区", "独立法人": true, "制造业": true,
    "项目": [{"入库": ["常州市重大项目库"], "当年竣工投产": true, "产业": "生物医药", "设备投入": "1亿元",
      "已获奖励": [{"citation": "常办发〔2022〕1号 第3条第3款", "amount": "1000万元", "year": 2023}]}]}})");
  CliRun r = runPolc("eval policies/ --facts '" + once.string() + "' --format json --why-not 常办发〔2022〕1号第3条第3款",
                     "whynot_once");
  ASSERT_EQ(r.exit, 0) << r.err;
  json out = json::parse(r.out);
  const json* w = reasonFor(out, "常办发〔2022〕1号 第3条第3款", "企业.项目[0]");
  ASSERT_NE(w, nullptr) << r.out;
  EXPECT_EQ(w->at("kind"), "already_received");
  EXPECT_EQ(w->at("reason"), "一次性奖励：2023年已获 1000万元，不再给予");
  EXPECT_EQ(out.at("awards").at(w->at("award").get<std::size_t>()).at("status"), "already_received");

  const auto capped = scratch("whynot_capped.json");
  write(capped, R"({"date": "2024-06-30", "集群": {"所在地": "天宁区", "平台项目": [{"通过评审": true}],
    "已获奖励": [{"citation": "常办发〔2022〕1号 第1条第1款第1项", "amount": "100万元", "year": 2022},
                 {"citation": "常办发〔2022〕1号 第1条第1款第2项", "amount": "1900万元", "year": 2023}]}})");
  r = runPolc("eval policies/ --facts '" + capped.string() + "' --why-not 常办发〔2022〕1号第1条第1款第2项", "whynot_capped");
  ASSERT_EQ(r.exit, 0) << r.err;
  EXPECT_NE(r.out.find("    对象     集群.平台项目[0]\n    结果     保留（受合计上限削减至 0）\n    原因     单个集群累计 2000万元："),
            std::string::npos)
      << r.out;
}

// `all` for P1 was 123 blocks, most of them alike: the 武进区 document's clauses failing its 所在地 on
// the same value are one block that lists them, the clauses about items P1 lists none of one short
// block, a line per kind; no clause is lost (the JSON, one entry per clause, names each), and a
// clause also named by its citation keeps its block in full.
TEST(EvalCli, WhyNotAllGroupsTheSameReasons) {
  const std::string wujin = "武进区2024制造业若干措施 第2条第1款第1项";
  const CliRun r = runPolc("eval policies/ --facts examples/applicants/p1.json --why-not all", "whynot_grouped");
  ASSERT_EQ(r.exit, 0) << r.err;
  const std::string location = "    结果     不适用（申报条件不成立）\n    申报条件 所在地 为 武进区 —— 不成立（";
  const std::size_t group = r.out.find("\n25 个条款，原因相同\n    条款     " + wujin + "、第2条第1款第2项、");
  ASSERT_NE(group, std::string::npos) << r.out;
  EXPECT_NE(r.out.find(location, group), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find(location, r.out.find(location) + 1), std::string::npos) << "the 所在地 block twice:\n" << r.out;
  EXPECT_NE(r.out.find("\n事实中没有其对象的条款（41 个）\n    结果     不适用（事实中没有其对象）\n"
                       "    项目     常办发〔2022〕1号 第2条第3款第3项、"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\n    质押贷款 常办发〔2022〕1号 第11条第2款第2项\n"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("原因     事实中没有"), std::string::npos) << r.out;

  const CliRun j = runPolc("eval policies/ --facts examples/applicants/p1.json --why-not all --format json", "whynot_all_json");
  ASSERT_EQ(j.exit, 0) << j.err;
  const json reasons = json::parse(j.out).at("why_not");
  EXPECT_EQ(reasons.size(), 123u);
  const std::string why = r.out.substr(r.out.find("为何未适用"));
  for (const auto& w : reasons) {
    const std::string citation = w.at("citation").get<std::string>();
    const std::string inDocument = citation.substr(w.at("document").get<std::string>().size() + 1);
    EXPECT_TRUE(why.find(citation) != std::string::npos || why.find("、" + inDocument) != std::string::npos ||
                why.find("、\n             " + inDocument) != std::string::npos)
        << citation << " is missing";
  }

  const CliRun named = runPolc("eval policies/ --facts examples/applicants/p1.json --why-not all --why-not " + wujin.substr(0, wujin.find(' ')) + "第2条第1款第1项",
                               "whynot_all_named");
  ASSERT_EQ(named.exit, 0) << named.err;
  EXPECT_NE(named.out.find("\n" + wujin + "  "), std::string::npos) << named.out;
  EXPECT_NE(named.out.find("\n24 个条款，原因相同\n    条款     武进区2024制造业若干措施 第2条第1款第2项、"), std::string::npos)
      << named.out;
}

// 第2条第1款 without its document is a clause of three documents: all three are shown, and a note
// names them and says how to ask about one; with the document's number there is no note. A batch
// says it once, not per line.
TEST(EvalCli, WhyNotCitationInSeveralDocumentsSaysSo) {
  CliRun r = runPolc("eval policies/ --facts examples/applicants/p1.json --format json --why-not 第2条第1款", "whynot_several");
  ASSERT_EQ(r.exit, 0) << r.err;
  EXPECT_NE(r.err.find("polc eval: note: --why-not 第2条第1款 is in 3 documents: 常办发〔2022〕1号、常工信复〔2022〕第54号、"
                       "武进区2024制造业若干措施; each is shown\nhelp: to ask about one, put its document's number or name "
                       "before the citation: --why-not '常办发〔2022〕1号 第2条第1款'"),
            std::string::npos)
      << r.err;
  const json out = json::parse(r.out);
  std::set<std::string> documents;
  for (const auto& w : out.at("why_not")) documents.insert(w.at("document").get<std::string>());
  EXPECT_EQ(documents.size(), 3u) << r.out;

  r = runPolc("eval policies/ --facts examples/applicants/p1.json --why-not 常办发〔2022〕1号第2条第1款 --why-not 第2条第4款",
              "whynot_one_document");
  ASSERT_EQ(r.exit, 0) << r.err;
  EXPECT_EQ(r.err.find("note:"), std::string::npos) << r.err;

  const auto batch = scratch("whynot_several.jsonl");
  const std::string p1 = batchLine("examples/applicants/p1.json");
  write(batch, p1 + "\n" + p1 + "\n");
  r = runPolc("eval policies/ --batch '" + batch.string() + "' --why-not 第2条第1款", "whynot_several_batch");
  ASSERT_EQ(r.exit, 0) << r.err;
  const std::size_t note = r.err.find("note: --why-not 第2条第1款 is in 3 documents");
  EXPECT_NE(note, std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("note:", note + 1), std::string::npos) << r.err;
}

// A citation that names no clause is a usage error listing what exists where it failed, as E0208's
// help does.
TEST(EvalCli, WhyNotBadCitationIsAUsageError) {
  CliRun r = runPolc("eval policies/ --facts examples/applicants/p1.json --why-not 常办发〔2022〕1号第2条第7款", "whynot_bad");
  EXPECT_EQ(r.exit, 2);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find("--why-not 常办发〔2022〕1号第2条第7款: names no clause of the policies\nhelp: 第2条 has 第1款、第2款、第3款、第4款"),
            std::string::npos)
      << r.err;
  r = runPolc("eval policies/ --facts examples/applicants/p1.json --why-not 第2条第3款第9项", "whynot_bad_item");
  EXPECT_EQ(r.exit, 2);
  EXPECT_NE(r.err.find("help: 常办发〔2022〕1号: 第2条第3款 has 第1项、第2项、第3项"), std::string::npos) << r.err;
  r = runPolc("eval policies/ --facts examples/applicants/p1.json --why-not 常办发2099第2条", "whynot_bad_doc");
  EXPECT_EQ(r.exit, 2);
  EXPECT_NE(r.err.find("names no document of the policies"), std::string::npos) << r.err;
}

// An agency rejecting applicants in bulk asks why for each: a batch line gets the blocks of the
// clauses asked about that pay it nothing, the same JSON as --facts gives (less the clauses that
// pay, which are its awards); an empty list when every one pays; none on a line that failed.
TEST(EvalCli, WhyNotInBatchGivesEachLineItsReasons) {
  const std::string ask = " --why-not 常办发〔2022〕1号第2条第1款 --why-not 常办发〔2022〕1号第2条第4款";
  const CliRun single = runPolc("eval policies/ --facts examples/applicants/p1.json --format json" + ask, "whynot_single");
  ASSERT_EQ(single.exit, 0) << single.err;
  const json whole = json::parse(single.out);
  json expected = json::array();
  for (const auto& w : whole.at("why_not"))
    if (w.at("kind") != "applied") expected.push_back(w);
  ASSERT_EQ(expected.size(), 1u) << single.out;  // 第2条第4款; 第1款 pays P1

  const auto batch = scratch("whynot_batch.jsonl");
  const std::string p1 = batchLine("examples/applicants/p1.json");
  write(batch, p1 + "\n{\"企业\": 5}\n" + p1 + "\n");
  CliRun r = runPolc("eval policies/ --batch '" + batch.string() + "'" + ask, "whynot_batch");
  ASSERT_EQ(r.exit, 1) << r.err;  // the bad line
  std::istringstream lines(r.out);
  std::string line;
  std::vector<json> out;
  while (std::getline(lines, line)) out.push_back(json::parse(line));
  ASSERT_EQ(out.size(), 3u) << r.out;
  EXPECT_EQ(out[0].at("why_not"), expected);
  EXPECT_FALSE(out[1].contains("why_not")) << out[1].dump();
  EXPECT_EQ(out[2].at("why_not"), expected);

  r = runPolc("eval policies/ --batch '" + batch.string() + "' --why-not 常办发〔2022〕1号第2条第1款", "whynot_batch_paid");
  std::istringstream paid(r.out);
  ASSERT_TRUE(std::getline(paid, line)) << r.err;
  EXPECT_EQ(json::parse(line).at("why_not"), json::array());
}

// `all` on every line of a batch would make each line huge: a usage error that says so and what to
// do instead.
TEST(EvalCli, WhyNotAllInBatchIsAUsageErrorThatSaysWhatToDo) {
  const CliRun r = runPolc("eval policies/ --batch examples/applicants/p1.json --why-not all", "whynot_batch_all");
  EXPECT_EQ(r.exit, 2);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find("--why-not all cannot be used with --batch"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("help: name the clauses to ask about"), std::string::npos) << r.err;
}

// One semantics: the reasons are computed from the IR after any backend's evaluation, so the VM
// prints what the reference evaluator prints, text and JSON.
TEST(EvalCli, WhyNotVmPrintsWhatRefPrints) {
  for (const char* format : {"text", "json"}) {
    const std::string args = std::string("eval policies/ --facts examples/applicants/p5.json --why-not all --why-not 第3条 --format ") + format;
    const CliRun ref = runPolc(args + " --backend ref", "whynot_ref");
    const CliRun vm = runPolc(args + " --backend vm", "whynot_vm");
    ASSERT_EQ(ref.exit, 0) << ref.err;
    EXPECT_EQ(vm.exit, 0) << vm.err;
    EXPECT_EQ(ref.out, vm.out);
    EXPECT_NE(ref.out.find("第5条第3款第2项"), std::string::npos);
  }
}

}  // namespace
