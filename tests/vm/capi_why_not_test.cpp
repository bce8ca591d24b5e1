// The C API's "why did this clause not apply" (polrt_why_not): the reasons `polc eval --why-not`
// gives, from the compiled policy. tests/differential compares every clause of every seed test
// applicant with polc's; here, what an embedder reads, call by call, and its errors.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "capi_session.h"
#include "decimal/citation_match.h"

namespace polc::vmtest {
namespace {

// Scenario P2 (examples/applicants/p2.json) without 技改项目, 称号 or 营业收入.
void describeP2WithInvestment(polrt_session* s) {
  int firm = -1, project = -1;
  describeP2(s, firm, project);
  ASSERT_EQ(polrt_set_fact(s, project, "设备投入", "100000000"), POLRT_OK);
}

TEST(CApiWhyNot, GivesTheFailedConditionItsPartsAndTheApplicantsValues) {
  static auto city = compile(kCity);
  CApiSession c(*city);
  ASSERT_TRUE(c.error.empty()) << c.error;
  describeP2WithInvestment(c.s);
  int n = -1;
  EXPECT_EQ(polrt_why_not(c.s, "all", &n), POLRT_ERR_ARGUMENT);  // no result yet
  EXPECT_STREQ(polrt_last_error(), "no result: call polrt_evaluate first");
  EXPECT_EQ(n, 0);
  ASSERT_EQ(polrt_evaluate(c.s, 0), POLRT_OK) << polrt_last_error();

  // 第2条第4款's 条件 is a 或 none of whose sides holds: each side is shown, with what it read.
  ASSERT_EQ(polrt_why_not(c.s, "常办发〔2022〕1号 第2条第4款", &n), POLRT_OK) << polrt_last_error();
  ASSERT_EQ(n, 1);
  EXPECT_STREQ(polrt_why_not_citation(c.s, 0), "常办发〔2022〕1号 第2条第4款");
  EXPECT_STREQ(polrt_why_not_item(c.s, 0), "企业");
  EXPECT_STREQ(polrt_why_not_kind(c.s, 0), "condition");
  EXPECT_STREQ(polrt_why_not_where(c.s, 0), "条件");
  EXPECT_STREQ(polrt_why_not_reason(c.s, 0), "条件不成立");
  EXPECT_EQ(polrt_why_not_award(c.s, 0), -1);
  ASSERT_EQ(polrt_why_not_line_count(c.s, 0), 3);
  EXPECT_EQ(polrt_why_not_line_depth(c.s, 0, 0), 0);
  EXPECT_STREQ(polrt_why_not_line_text(c.s, 0, 0), "(新评定 称号 含 规模以上工业企业 或 新评定 称号 含 规模以上服务业企业)");
  EXPECT_STREQ(polrt_why_not_line_outcome(c.s, 0, 0), "不成立");
  EXPECT_STREQ(polrt_why_not_line_joiner(c.s, 0, 0), "或");
  EXPECT_EQ(polrt_why_not_value_count(c.s, 0, 0), 0);
  EXPECT_EQ(polrt_why_not_line_depth(c.s, 0, 2), 1);
  EXPECT_STREQ(polrt_why_not_line_text(c.s, 0, 2), "新评定 称号 含 规模以上服务业企业");
  EXPECT_STREQ(polrt_why_not_line_joiner(c.s, 0, 2), "");
  ASSERT_EQ(polrt_why_not_value_count(c.s, 0, 2), 2);
  EXPECT_STREQ(polrt_why_not_value_what(c.s, 0, 2, 1), "企业.称号");
  EXPECT_STREQ(polrt_why_not_value(c.s, 0, 2, 1), "{}（未提供，按默认）");

  // A 项目's condition reads the item's fact, by its path.
  ASSERT_EQ(polrt_why_not(c.s, "常办发〔2022〕1号 第2条第3款第3项", &n), POLRT_OK);
  ASSERT_EQ(n, 1);
  EXPECT_STREQ(polrt_why_not_item(c.s, 0), "企业.项目[0]");
  ASSERT_EQ(polrt_why_not_line_count(c.s, 0), 1);
  EXPECT_STREQ(polrt_why_not_line_text(c.s, 0, 0), "技改项目");
  EXPECT_STREQ(polrt_why_not_value_what(c.s, 0, 0, 0), "企业.项目[0].技改项目");
  EXPECT_STREQ(polrt_why_not_value(c.s, 0, 0, 0), "否（未提供，按默认）");

  // A clause that paid says so, with its award; one not assessable names the facts it needs.
  ASSERT_EQ(polrt_why_not(c.s, "常办发〔2022〕1号 第3条第3款", &n), POLRT_OK);
  ASSERT_EQ(n, 1);
  EXPECT_STREQ(polrt_why_not_kind(c.s, 0), "applied");
  EXPECT_STREQ(polrt_why_not_reason(c.s, 0), "");
  const int award = polrt_why_not_award(c.s, 0);
  ASSERT_GE(award, 0);
  EXPECT_STREQ(polrt_award_citation(c.s, award), "常办发〔2022〕1号 第3条第3款");
  EXPECT_EQ(polrt_why_not_line_count(c.s, 0), 0);
  ASSERT_EQ(polrt_why_not(c.s, "常办发〔2022〕1号 第2条第1款", &n), POLRT_OK);
  EXPECT_STREQ(polrt_why_not_kind(c.s, 0), "not_assessable");
  ASSERT_EQ(polrt_why_not_missing_count(c.s, 0), 1);
  EXPECT_STREQ(polrt_why_not_missing(c.s, 0, 0), "企业.营业收入");

  // "all" (or NULL): every clause that pays an item nothing, never one that pays.
  ASSERT_EQ(polrt_why_not(c.s, nullptr, &n), POLRT_OK);
  EXPECT_GT(n, 10);
  for (int i = 0; i < n; ++i) EXPECT_STRNE(polrt_why_not_kind(c.s, i), "applied") << polrt_why_not_citation(c.s, i);

  // A citation of no clause, an index out of range, a result that changed.
  EXPECT_EQ(polrt_why_not(c.s, "常办发〔2022〕1号 第99条", &n), POLRT_ERR_NOT_FOUND);
  EXPECT_EQ(n, 0);
  EXPECT_EQ(polrt_why_not_kind(c.s, n), nullptr);
  EXPECT_EQ(polrt_why_not_line_depth(c.s, 0, 0), -1);
  EXPECT_EQ(polrt_why_not(c.s, "all", nullptr), POLRT_ERR_ARGUMENT);
  ASSERT_EQ(polrt_why_not(c.s, "all", &n), POLRT_OK);
  ASSERT_EQ(polrt_reset(c.s), POLRT_OK);
  EXPECT_EQ(polrt_why_not_kind(c.s, 0), nullptr);
  EXPECT_EQ(polrt_why_not(c.s, "all", &n), POLRT_ERR_ARGUMENT);
}

// A citation without its document asks about that clause of every document that has it, and a
// part of a document (第2条) about each of its clauses, as polc eval --why-not reads them.
TEST(CApiWhyNot, TakesACitationWithoutItsDocumentOrAPartOfOneAsPolcDoes) {
  static auto both = compile(kCityWujin);
  CApiSession c(*both);
  ASSERT_TRUE(c.error.empty()) << c.error;
  int firm = -1, project = -1;
  describeP2(c.s, firm, project);
  ASSERT_EQ(polrt_evaluate(c.s, 0), POLRT_OK) << polrt_last_error();
  auto citations = [&](const char* asked) {
    int n = -1;
    std::vector<std::string> out;
    if (polrt_why_not(c.s, asked, &n) != POLRT_OK) return std::vector<std::string>{polrt_last_error()};
    for (int i = 0; i < n; ++i) out.push_back(polrt_why_not_citation(c.s, i));
    return out;
  };
  const std::vector<std::string> secondOne = {"常办发〔2022〕1号 第2条第1款", "武进区2024制造业若干措施 第2条第1款第1项",
                                              "武进区2024制造业若干措施 第2条第1款第2项"};
  EXPECT_EQ(citations("第2条第1款"), secondOne);
  EXPECT_EQ(citations(" 第2条 第1款"), secondOne);  // blanks ignored, as in a full citation
  // A number written with a leading zero is that number (polc eval --why-not 第02条 found 第2条
  // before the one matcher, citation_match.h, read citations as text); a 文号's 第54号 is its own.
  EXPECT_EQ(citations("第02条第01款"), secondOne);
  EXPECT_EQ(citations("常办发〔2022〕1号 第002条第1款"), std::vector<std::string>{secondOne[0]});
  EXPECT_EQ(citations("第2条第1款第01项"), std::vector<std::string>{secondOne[1]});
  const std::vector<std::string> twentieth = citations("第020条");
  ASSERT_FALSE(twentieth.empty());
  for (const auto& cite : twentieth) EXPECT_EQ(cite.rfind("常办发〔2022〕1号 第20条第", 0), 0u) << cite;
  EXPECT_TRUE(polrt::asksAboutClause(polrt::citationKey("甲〔2022〕第054号 第02条"), "甲〔2022〕第054号 第2条第1款",
                                     "甲〔2022〕第054号", "甲"));
  EXPECT_FALSE(polrt::asksAboutClause(polrt::citationKey("甲〔2022〕第54号 第2条"), "甲〔2022〕第054号 第2条第1款",
                                      "甲〔2022〕第054号", "甲"));
  EXPECT_EQ(citations("武进区2024制造业若干措施 第2条第1款"),
            std::vector<std::string>(secondOne.begin() + 1, secondOne.end()));
  // A part of a document: its 款 and 项, not 第21条's; the full citation is still one clause.
  const std::vector<std::string> article = citations("常办发〔2022〕1号 第2条");
  ASSERT_GT(article.size(), 4u);
  for (const auto& cite : article) EXPECT_EQ(cite.rfind("常办发〔2022〕1号 第2条第", 0), 0u) << cite;
  EXPECT_EQ(citations("常办发〔2022〕1号 第2条第1款"), std::vector<std::string>{secondOne[0]});
  // Nothing named: the error of an unknown citation, as before; a document alone names no clause.
  EXPECT_EQ(citations("第99条第1款"), std::vector<std::string>{"unknown citation \"第99条第1款\""});
  int n = -1;
  EXPECT_EQ(polrt_why_not(c.s, "武进区2024制造业若干措施", &n), POLRT_ERR_NOT_FOUND);
  EXPECT_EQ(polrt_why_not(c.s, "第2条第1", &n), POLRT_ERR_NOT_FOUND);
  EXPECT_EQ(n, 0);
}

}  // namespace
}  // namespace polc::vmtest
