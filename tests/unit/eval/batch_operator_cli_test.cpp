// polc eval --batch as the agency's batch operator runs it over thousands of applicants: each result
// and message carries the applicant's own id, a line evaluated as of today is counted in the summary
// with the day used, and an applicant given twice is named on its second line and in the summary
// (docs/eval-output.md, "Batch"). Each was a question the operator's QA pass left open.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_util.h"

namespace {

using namespace polc::clitest;
using json = nlohmann::json;

// An enterprise 登峰 pays up to 500万元 (常办发〔2022〕1号 第2条第1款), with `extra` top-level keys.
std::string enterprise(const std::string& extra, const std::string& revenue = "520亿元", bool dated = true) {
  return "{" + extra + (dated ? R"("date":"2024-06-30",)" : "") + R"("企业":{"所在地":"新北区","营业收入":")" + revenue +
         R"(","history":{"营业收入":{"2023":"480亿元"}}}})";
}

std::vector<json> jsonLines(const std::string& out) {
  std::istringstream lines(out);
  std::vector<json> all;
  for (std::string line; std::getline(lines, line);) all.push_back(json::parse(line));
  return all;
}

TEST(BatchOperator, EveryLineCarriesTheApplicantsId) {
  const fs::path f = scratch("ids.jsonl");
  const std::string bad = R"({"编号":42,"date":"2024-06-30","企业":{"所在地":"新北区","营业收入":true}})";
  write(f, enterprise(R"("id":"A-0017",)") + "\n" + bad + "\n" + enterprise("", "530亿元") + "\n" +
               enterprise(R"("id":{"a":1},)") + "\n" + enterprise(R"("id":9007199254740992,)") + "\n");
  CliRun r = runPolc("eval policies/ --batch '" + f.string() + "'", "ids");
  EXPECT_EQ(r.exit, 1) << r.err;
  const std::vector<json> out = jsonLines(r.out);
  ASSERT_EQ(out.size(), 5u) << r.out;
  EXPECT_EQ(out[0].at("id"), "A-0017") << "a text id, as given";
  EXPECT_EQ(out[0].at("totals").at("max"), "5000000");
  EXPECT_EQ(out[1].at("id"), 42) << "a failed line names its applicant too, a number id as a number";
  EXPECT_FALSE(out[2].contains("id")) << "no id given: none echoed";
  // On stderr beside the place, after it, so that FILE:N:C still leads the line.
  const std::string file = f.string();
  EXPECT_NE(r.err.find(file + ":2:55: [id 42] 企业.营业收入: expected money, got true"), std::string::npos) << r.err;
  // A bad id is an error placed at it, as a bad fact is; the C API reads no JSON, and the generated
  // C++'s reader refuses the same ids in the same words (tests/differential/fact_errors).
  EXPECT_NE(r.err.find(file + ":4:7: id: expected an id: a text or a whole number, such as \"A-0017\" or 17, got "
                              "{\"a\":\"1\"}"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(out[3].at("error_places"), json::parse(R"([{"line": 4, "column": 7}])")) << r.out;
  EXPECT_NE(out[4].at("errors")[0].get<std::string>().find("id: the number 9007199254740992 is not an id"),
            std::string::npos)
      << r.out;

  // One applicant's JSON result carries it too, and its errors.
  const fs::path one = scratch("id_one.json");
  write(one, enterprise(R"("编号":17,)"));
  r = runPolc("eval policies/ --facts '" + one.string() + "' --format json", "id_one");
  ASSERT_EQ(r.exit, 0) << r.err;
  EXPECT_EQ(json::parse(r.out).at("id"), 17);
  // And its text report, in the header, for a printed report to be filed under its record.
  r = runPolc("eval policies/ --facts '" + one.string() + "'", "id_one_text");
  ASSERT_EQ(r.exit, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "申报主体 企业（编号 17），评价日期 2024-06-30，适用条款 4 项") << r.out;
  write(one, bad);
  r = runPolc("eval policies/ --facts '" + one.string() + "' --format json", "id_one_bad");
  EXPECT_EQ(r.exit, 1);
  EXPECT_EQ(json::parse(r.out).at("id"), 42) << r.out;
}

// A line without a date was evaluated as of the day of the run, and nothing said so: a re-run next
// month silently gave other numbers. The summary now counts such lines with the day used, once (a
// warning per line would bury the batch's other warnings), and each such line says "undated".
TEST(BatchOperator, LinesWithoutADateAreCountedWithTheDayUsed) {
  const fs::path f = scratch("undated.jsonl"), s = scratch("undated_summary.json");
  write(f, enterprise("") + "\n" + enterprise("", "530亿元", false) + "\n" + enterprise("", "540亿元", false) + "\n");
  CliRun r = runPolc("eval policies/ --batch '" + f.string() + "'", "undated");
  ASSERT_EQ(r.exit, 0) << r.err;
  const std::vector<json> out = jsonLines(r.out);
  ASSERT_EQ(out.size(), 3u) << r.out;
  EXPECT_FALSE(out[0].contains("undated")) << "its facts give the date";
  EXPECT_EQ(out[1].at("undated"), true);
  const std::string today = out[1].at("date");
  EXPECT_EQ(out[2].at("date"), today) << "one day for the whole batch";
  EXPECT_NE(r.err.find("\nundated: 2 lines without a date were evaluated as of today, " + today +
                       " (the first: line 2); a run on another day may give other amounts"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("warning"), std::string::npos) << "no warning per line: " << r.err;

  // With --summary FILE, in the file and still on stderr, where the operator looks.
  r = runPolc("eval policies/ --batch '" + f.string() + "' --summary '" + s.string() + "'", "undated_file");
  ASSERT_EQ(r.exit, 0) << r.err;
  EXPECT_NE(r.err.find("undated: 2 lines"), std::string::npos) << r.err;
  EXPECT_EQ(json::parse(slurp(s)).at("undated"), json({{"lines", 2}, {"date", today}, {"first_line", 2}}));

  // --date dates every line: nothing to say.
  r = runPolc("eval policies/ --batch '" + f.string() + "' --date 2024-06-30", "undated_date");
  ASSERT_EQ(r.exit, 0) << r.err;
  EXPECT_EQ(r.err.find("undated"), std::string::npos) << r.err;
  EXPECT_EQ(r.out.find("undated"), std::string::npos) << r.out;

  // One applicant without a date: a warning (one line for one applicant), and "undated" in its JSON.
  const fs::path one = scratch("undated_one.json");
  write(one, enterprise("", "520亿元", false));
  r = runPolc("eval policies/ --facts '" + one.string() + "' --format json", "undated_one");
  ASSERT_EQ(r.exit, 0) << r.err;
  EXPECT_NE(r.err.find("warning: " + one.string() + ": no \"date\" in the facts, nor --date: evaluated as of today, " +
                       today),
            std::string::npos)
      << r.err;
  const json result = json::parse(r.out);
  EXPECT_EQ(result.at("undated"), true);
  EXPECT_FALSE(result.contains("warnings")) << "about the run, not the applicant's facts";
  r = runPolc("eval policies/ --facts '" + one.string() + "' --date 2024-06-30", "undated_one_date");
  EXPECT_EQ(r.err.find("warning"), std::string::npos) << r.err;
}

// The same applicant twice was summed twice in the totals, and nothing said so. A repeat is found by
// its id when the line gives one, else by its parsed facts (key order, spacing, comments and the way
// an amount is written do not matter); it is named on its line, counted in the summary, and left in the totals, which say so.
TEST(BatchOperator, AnApplicantGivenTwiceIsNamedAndCounted) {
  const fs::path f = scratch("repeats.jsonl"), s = scratch("repeats_summary.json");
  // The facts of line 2 in another order, with a comment, and its amounts written otherwise: the
  // parsed values are compared, 530亿元 being 53000000000 (元) and 480亿元 4800000万元.
  const std::string reordered =
      R"({ "企业": {"history": {"营业收入": {"2023": "4800000万元"}}, "营业收入": 53000000000, "所在地": "新北区"},)"
      R"( "_note": "keyed again", "date": "2024-06-30" })";
  write(f, enterprise(R"("id":"A-1",)") + "\n" +       // 1
               enterprise("", "530亿元") + "\n" +        // 2
               reordered + "\n" +                        // 3: the facts of 2
               enterprise(R"("编号":"A-1",)", "540亿元") + "\n" +  // 4: the id of 1
               enterprise(R"("id":7,)", "530亿元") + "\n" +  // 5: an id: not the facts of 2
               enterprise(R"("id":"7",)", "550亿元") + "\n");  // 6: 7 again
  CliRun r = runPolc("eval policies/ --batch '" + f.string() + "'", "repeats");
  ASSERT_EQ(r.exit, 0) << r.err;
  const std::string file = f.string();
  EXPECT_NE(r.err.find(file + ":3: warning: the same facts as line 2, with no id: the applicant is evaluated again"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(file + ":4:7: warning: [id A-1] 编号: the same id as line 1: the applicant is evaluated again, "
                              "and the summary's totals count it twice"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(file + ":6:7: warning: [id 7] id: the same id as line 5"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(file + ":5:"), std::string::npos) << "an id tells line 5 from line 2: " << r.err;
  const std::vector<json> out = jsonLines(r.out);
  ASSERT_EQ(out.size(), 6u) << r.out;
  EXPECT_EQ(out[2].at("warning_places"), json::parse(R"([{"line": 3, "column": null}])")) << r.out;
  EXPECT_EQ(out[3].at("warning_places"), json::parse(R"([{"line": 4, "column": 7}])")) << r.out;
  EXPECT_FALSE(out[1].contains("warnings")) << r.out;
  // Still summed, and the summary says how much of the totals the repeats are.
  EXPECT_NE(r.err.find("\ntotal: 6 awards to 6 applicants, 0 至 30,000,000 元\n"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("\nrepeated: 3 lines repeat an earlier line (2 by its id, 1 by the same facts), and the totals "
                       "count them again: 3 awards to 3 applicants, 0 至 15,000,000 元\n"),
            std::string::npos)
      << r.err;
  r = runPolc("eval policies/ --batch '" + f.string() + "' --summary '" + s.string() + "'", "repeats_file");
  ASSERT_EQ(r.exit, 0) << r.err;
  EXPECT_EQ(json::parse(slurp(s)).at("repeated"),
            json::parse(R"({"lines": 3, "by_id": 2, "by_facts": 1, "in_totals": true, "awards": 3, "applicants": 3,
                            "min": "0", "max": "15000000"})"));
}

// A line whose 项目 are listed in another order is the same applicant: they were compared in the
// order given, so a batch that sent one enterprise twice, its projects in another order the second
// time, summed it twice without a word. A project's 引荐人 keep their order: the first is paid
// (docs/facts.md), so two lists in other orders are two applicants.
TEST(BatchOperator, ItemsInAnotherOrderAreTheSameApplicant) {
  const fs::path f = scratch("reordered_items.jsonl");
  auto line = [](const std::string& first, const std::string& second) {
    return R"({"date":"2024-06-30","企业":{"所在地":"新北区","营业收入":"520亿元","项目":[)" + first + "," + second +
           "]}}\n";
  };
  const std::string a = R"({"产业":"新能源","引荐人":[{"名称":"甲"},{"名称":"乙"}]})";
  const std::string b = R"({"产业":"新材料","已获奖励":[{"target":"设备投入奖励","amount":"10万元","year":2023},)"
                        R"({"target":"设备投入奖励","amount":"20万元","year":2022}]})";
  const std::string aSwapped = R"({"产业":"新能源","引荐人":[{"名称":"乙"},{"名称":"甲"}]})";
  const std::string bSwapped = R"({"产业":"新材料","已获奖励":[{"target":"设备投入奖励","amount":"20万元","year":2022},)"
                               R"({"target":"设备投入奖励","amount":"10万元","year":2023}]})";
  write(f, line(a, b) + line(b, a) + line(bSwapped, a) + line(aSwapped, b));
  CliRun r = runPolc("eval policies/ --batch '" + f.string() + "'", "reordered_items");
  ASSERT_EQ(r.exit, 0) << r.err;
  const std::string file = f.string();
  EXPECT_NE(r.err.find(file + ":2: warning: the same facts as line 1"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(file + ":3: warning: the same facts as line 1"), std::string::npos)
      << "the awards received in another order: " << r.err;
  EXPECT_EQ(r.err.find(file + ":4: warning: the same facts"), std::string::npos)
      << "another first 引荐人 is another applicant: " << r.err;
}

}  // namespace
