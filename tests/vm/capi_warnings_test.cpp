// The C API's warnings (polrt_warning_count, polrt_warning): an award received given by its target
// alone, which the cap over its target's clause does not count, is warned about as polc eval warns
// (tests/unit/eval/cli_eval_test.cpp, AnAwardReceivedByTargetAloneIsWarnedAbout), at evaluation,
// by the evaluation year, and from a recorded applicant too.
#include <gtest/gtest.h>

#include <string>

#include "capi_session.h"
#include "polrt.h"
#include "vm_util.h"

namespace polc::vmtest {
namespace {

// 先导区建设项目奖励 is paid under 第6条第3款第1项 only, which 上限 先导区建设项目总额 (累计, 每个 企业)
// covers. (Not 专利质押贴息: 第11条第2款第2项 is 一次性, so its award is listed on the 质押贷款, not the
// enterprise.)
const char* const kWarning =
    "企业.已获奖励[1]: given by its target 先导区建设项目奖励 alone, this award names no clause, so 上限 "
    "先导区建设项目总额 does not count it: give its citation, the clause it was paid under, for them to count it";

class CApiWarnings : public ::testing::Test {
 protected:
  void SetUp() override {
    static auto c = compile(kCity);
    ASSERT_FALSE(c->bytecode.empty()) << c->error;
    ASSERT_EQ(polrt_load_memory(c->bytecode.data(), c->bytecode.size(), &p), POLRT_OK) << polrt_last_error();
    ASSERT_EQ(polrt_session_new(p, &s), POLRT_OK);
    describe(s);
  }
  void TearDown() override {
    polrt_session_free(s);
    polrt_program_free(p);
  }
  // An enterprise with a project; its second award received is given by its target alone.
  static void describe(polrt_session* s) {
    int firm = -1, project = -1;
    ASSERT_EQ(polrt_set_date(s, "2024-06-30"), POLRT_OK);
    ASSERT_EQ(polrt_add_instance(s, "企业", -1, &firm), POLRT_OK);
    ASSERT_EQ(polrt_set_fact(s, firm, "所在地", "新北区"), POLRT_OK);
    ASSERT_EQ(polrt_add_instance(s, "项目", firm, &project), POLRT_OK);
    ASSERT_EQ(polrt_add_received(s, firm, "常办发〔2022〕1号 第6条第3款第1项", nullptr, "100000", 2023), POLRT_OK);
    ASSERT_EQ(polrt_add_received(s, firm, nullptr, "先导区建设项目奖励", "300000", 2023), POLRT_OK);
  }
  std::string warnings() const {
    std::string out;
    for (int i = 0; i < polrt_warning_count(s); ++i) out += std::string(polrt_warning(s, i)) + "\n";
    return out;
  }
  polrt_program* p = nullptr;
  polrt_session* s = nullptr;
};

TEST_F(CApiWarnings, AnAwardByTargetAloneIsWarnedAboutAtEvaluation) {
  EXPECT_EQ(polrt_warning_count(s), 0) << "computed by polrt_evaluate, at its date";
  ASSERT_EQ(polrt_evaluate(s, 0), POLRT_OK) << polrt_last_error();
  EXPECT_EQ(warnings(), std::string(kWarning) + "\n");
  EXPECT_EQ(polrt_warning(s, 1), nullptr);
  EXPECT_EQ(polrt_warning(s, -1), nullptr);
  EXPECT_EQ(polrt_warning_count(nullptr), 0);
  EXPECT_EQ(polrt_warning(nullptr, 0), nullptr);
  // Evaluated in 2022, a 累计 cap would not count a 2023 award with its citation either.
  ASSERT_EQ(polrt_set_date(s, "2022-06-30"), POLRT_OK);
  ASSERT_EQ(polrt_evaluate(s, 0), POLRT_OK) << polrt_last_error();
  EXPECT_EQ(warnings(), "");
  ASSERT_EQ(polrt_set_date(s, "2024-06-30"), POLRT_OK);
  ASSERT_EQ(polrt_evaluate(s, 0), POLRT_OK);
  ASSERT_EQ(polrt_reset(s), POLRT_OK);
  EXPECT_EQ(polrt_warning_count(s), 0) << "the warnings are the applicant's";
}

// Awards given by their citation are counted: no warning. An applicant refused before evaluating
// (a missing 必填 fact) has none either, never the previous evaluation's.
TEST_F(CApiWarnings, NoWarningForACitationNorForARefusedApplicant) {
  ASSERT_EQ(polrt_evaluate(s, 0), POLRT_OK);
  ASSERT_EQ(polrt_warning_count(s), 1);
  ASSERT_EQ(polrt_clear_fact(s, 0, "所在地"), POLRT_OK);
  EXPECT_EQ(polrt_evaluate(s, 0), POLRT_ERR_ARGUMENT);
  EXPECT_EQ(polrt_warning_count(s), 0);
  ASSERT_EQ(polrt_reset(s), POLRT_OK);
  int firm = -1;
  ASSERT_EQ(polrt_add_instance(s, "企业", -1, &firm), POLRT_OK);
  ASSERT_EQ(polrt_set_fact(s, firm, "所在地", "新北区"), POLRT_OK);
  ASSERT_EQ(polrt_add_received(s, firm, "常办发〔2022〕1号 第6条第3款第1项", "先导区建设项目奖励", "300000", 2023), POLRT_OK);
  ASSERT_EQ(polrt_evaluate(s, 0), POLRT_OK);
  EXPECT_EQ(polrt_warning_count(s), 0);
}

// A project's own award of 第6条第3款第1项 received this year, listed on it: 上限 先导区建设项目总额
// (累计 200万) takes it to be the award the result pays the project, evaluated again, and does not
// count it a second time (150万 + 50万, not 250万: not cut), with polc eval's warning
// (AnAwardACapTakesToBeTheResultsOwnIsWarnedAbout). An earlier year's is another award: counted.
TEST_F(CApiWarnings, AnAwardACapTakesToBeTheResultsOwnIsWarnedAbout) {
  for (int year : {2024, 2023}) {
    SCOPED_TRACE(year);
    ASSERT_EQ(polrt_reset(s), POLRT_OK);
    ASSERT_EQ(polrt_set_date(s, "2024-06-30"), POLRT_OK);
    int firm = -1, project = -1;
    ASSERT_EQ(polrt_add_instance(s, "企业", -1, &firm), POLRT_OK);
    ASSERT_EQ(polrt_set_fact(s, firm, "所在地", "新北区"), POLRT_OK);
    ASSERT_EQ(polrt_add_received(s, firm, "常办发〔2022〕1号 第6条第3款第1项", nullptr, "1500000", 2023), POLRT_OK);
    ASSERT_EQ(polrt_add_instance(s, "项目", firm, &project), POLRT_OK);
    ASSERT_EQ(polrt_set_fact(s, project, "先导区内5G工业互联网建设项目", "true"), POLRT_OK);
    ASSERT_EQ(polrt_add_received(s, project, "常办发〔2022〕1号 第6条第3款第1项", nullptr, "500000", year), POLRT_OK);
    ASSERT_EQ(polrt_evaluate(s, 0), POLRT_OK) << polrt_last_error();
    int award = -1;
    for (int i = 0; i < polrt_award_count(s); ++i)
      if (std::string(polrt_award_citation(s, i)) == "常办发〔2022〕1号 第6条第3款第1项") award = i;
    ASSERT_GE(award, 0);
    EXPECT_STREQ(polrt_award_max(s, award), year == 2024 ? "500000" : "0");
    EXPECT_EQ(warnings(), year == 2024 ? "企业.项目[0].已获奖励[0]: received in 2024, the evaluation year, under "
                                         "常办发〔2022〕1号 第6条第3款第1项, which the result pays again to the same item: it "
                                         "was taken to be this same award, evaluated again, so 上限 先导区建设项目总额 does not "
                                         "count it a second time; if it is another award, the two cannot be told apart and "
                                         "the result may pay more than the cap allows: give its year if it was received "
                                         "earlier, or the citation it was really paid under\n"
                                       : "");
  }
}

// A fact error found at evaluation (a fact and its history's entry for the evaluation year
// disagree) is an evaluation error of an applicant that was read: the warnings, which are about
// the applicant, stay, as the generated C++ keeps them (examples/cpp_embed/in_code_mistakes.cpp).
TEST_F(CApiWarnings, AFactErrorAtEvaluationKeepsTheWarnings) {
  ASSERT_EQ(polrt_set_fact(s, 0, "营业收入", "52000000000"), POLRT_OK);
  ASSERT_EQ(polrt_set_history(s, 0, "营业收入", 2024, "48000000000"), POLRT_OK);
  ASSERT_EQ(polrt_evaluate(s, 0), POLRT_ERR_EVAL);
  EXPECT_NE(std::string(polrt_last_error()).find("企业.营业收入 is given, and its history gives another value for 2024"),
            std::string::npos)
      << polrt_last_error();
  EXPECT_EQ(warnings(), std::string(kWarning) + "\n");
  EXPECT_EQ(polrt_award_count(s), 0);
}

// A recorded applicant (Session::save/load) keeps its awards received by target, so the session it
// is loaded into warns as the one it was saved from; loading another applicant forgets them.
TEST_F(CApiWarnings, ARecordedApplicantKeepsGivingTheWarning) {
  polrt_applicant* saved = nullptr;
  ASSERT_EQ(polrt_applicant_save(s, &saved), POLRT_OK);
  polrt_session* other = nullptr;
  ASSERT_EQ(polrt_session_new(p, &other), POLRT_OK);
  ASSERT_EQ(polrt_applicant_load(other, saved), POLRT_OK) << polrt_last_error();
  ASSERT_EQ(polrt_evaluate(other, 0), POLRT_OK) << polrt_last_error();
  ASSERT_EQ(polrt_warning_count(other), 1);
  EXPECT_STREQ(polrt_warning(other, 0), kWarning);
  // A recording without the award: loading it empties the warnings.
  polrt_session* plain = nullptr;
  ASSERT_EQ(polrt_session_new(p, &plain), POLRT_OK);
  int firm = -1;
  ASSERT_EQ(polrt_add_instance(plain, "企业", -1, &firm), POLRT_OK);
  ASSERT_EQ(polrt_set_fact(plain, firm, "所在地", "新北区"), POLRT_OK);
  polrt_applicant* none = nullptr;
  ASSERT_EQ(polrt_applicant_save(plain, &none), POLRT_OK);
  ASSERT_EQ(polrt_applicant_load(other, none), POLRT_OK);
  EXPECT_EQ(polrt_warning_count(other), 0);
  ASSERT_EQ(polrt_applicant_load(other, saved), POLRT_OK);
  ASSERT_EQ(polrt_evaluate(other, 0), POLRT_OK);
  EXPECT_STREQ(polrt_warning(other, 0), kWarning) << "the recording keeps its date (2024)";
  polrt_applicant_free(saved);
  polrt_applicant_free(none);
  polrt_session_free(plain);
  polrt_session_free(other);
}

// The only warning of the recording of `s`'s applicant, loaded into another session and evaluated.
std::string recordedWarning(polrt_program* p, polrt_session* s) {
  polrt_applicant* saved = nullptr;
  polrt_session* other = nullptr;
  std::string out = "(not evaluated)";
  if (polrt_applicant_save(s, &saved) == POLRT_OK && polrt_session_new(p, &other) == POLRT_OK &&
      polrt_applicant_load(other, saved) == POLRT_OK && polrt_evaluate(other, 0) == POLRT_OK)
    out = polrt_warning_count(other) == 1 ? polrt_warning(other, 0) : std::to_string(polrt_warning_count(other)) + " warnings";
  polrt_applicant_free(saved);
  polrt_session_free(other);
  return out;
}

// A project listing two 引荐人: 常办发〔2022〕1号 第3条第2款 pays its 引荐人, the first of them, as
// every evaluator does; the C API warns as polc eval does (cli_eval_test.cpp,
// AnAwardPaidToOneOfSeveralPayeesIsWarnedAbout), after the warnings about awards received, and a
// recording of the applicant warns alike — when the clause grants the first something: not while
// its facts are missing (not assessable) nor when its condition fails
// (EvalCli.NoPayeeWarningForAClauseThatGrantsNothing).
TEST(CApiSharedPayees, AProjectListingTwoReferrersIsWarnedAbout) {
  static auto c = compile(kCity);
  CApiSession session(*c);
  ASSERT_TRUE(session.s) << session.error;
  polrt_session* s = session.s;
  int firm = -1, project = -1, referrer = -1;
  ASSERT_EQ(polrt_set_date(s, "2024-06-30"), POLRT_OK);
  ASSERT_EQ(polrt_add_instance(s, "企业", -1, &firm), POLRT_OK);
  ASSERT_EQ(polrt_set_fact(s, firm, "所在地", "新北区"), POLRT_OK);
  ASSERT_EQ(polrt_add_instance(s, "项目", firm, &project), POLRT_OK);
  ASSERT_EQ(polrt_add_instance(s, "引荐人", project, &referrer), POLRT_OK);
  ASSERT_EQ(polrt_evaluate(s, 0), POLRT_OK) << polrt_last_error();
  EXPECT_EQ(polrt_warning_count(s), 0) << "one 引荐人 is paid as the policy says";
  ASSERT_EQ(polrt_add_instance(s, "引荐人", project, &referrer), POLRT_OK);
  ASSERT_EQ(polrt_evaluate(s, 0), POLRT_OK) << polrt_last_error();
  EXPECT_EQ(polrt_warning_count(s), 0) << "not assessable: nothing granted to share";
  ASSERT_EQ(polrt_set_fact(s, project, "新引进项目", "false"), POLRT_OK);
  for (const char* fact : {"优质产业类项目", "新设独立法人"}) ASSERT_EQ(polrt_set_fact(s, project, fact, "true"), POLRT_OK);
  ASSERT_EQ(polrt_set_fact(s, project, "投产三年内地方贡献总额", "100000000"), POLRT_OK);
  ASSERT_EQ(polrt_evaluate(s, 0), POLRT_OK) << polrt_last_error();
  EXPECT_EQ(polrt_warning_count(s), 0) << "not a new project: 第3条第2款 grants nothing";
  ASSERT_EQ(polrt_set_fact(s, project, "新引进项目", "true"), POLRT_OK);
  ASSERT_EQ(polrt_evaluate(s, 0), POLRT_OK) << polrt_last_error();
  ASSERT_EQ(polrt_warning_count(s), 1);
  const std::string warning =
      "企业.项目[0] lists 2 引荐人: the award of 常办发〔2022〕1号 第3条第2款 goes to 企业.项目[0].引荐人[0] only; the "
      "policy does not say how to share it";
  EXPECT_EQ(polrt_warning(s, 0), warning);
  EXPECT_EQ(recordedWarning(session.p, s), warning);
}

}  // namespace
}  // namespace polc::vmtest
