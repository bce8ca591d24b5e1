// The C API: loading (file, memory, garbage), applicants by name, errors as statuses, results.
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "bytecode/format.h"
#include "capi_session.h"
#include "polrt.h"
#include "vm_util.h"

// capi_from_c.c
extern "C" const char* polrt_test_status_name_of(int code);

namespace polc::vmtest {
namespace {

struct ProgramHandle {
  polrt_program* p = nullptr;
  ~ProgramHandle() { polrt_program_free(p); }
};

const std::vector<uint8_t>& city() {
  static auto c = compile(kCity);
  return c->bytecode;
}

TEST(CApi, LoadRejectsGarbageWithAMessage) {
  polrt_program* p = reinterpret_cast<polrt_program*>(1);
  const char junk[] = "not a policy";
  EXPECT_EQ(polrt_load_memory(junk, sizeof junk, &p), POLRT_ERR_INVALID);
  EXPECT_EQ(p, nullptr);
  EXPECT_NE(std::string(polrt_last_error()).find("invalid bytecode"), std::string::npos);
  EXPECT_EQ(polrt_load_file("/nonexistent/x.polb", &p), POLRT_ERR_IO);
  EXPECT_EQ(polrt_load_file("/tmp", &p), POLRT_ERR_IO);  // a directory reads as nothing: not "invalid bytecode"
  EXPECT_NE(std::string(polrt_last_error()).find("not a regular file"), std::string::npos) << polrt_last_error();
  EXPECT_EQ(polrt_load_memory(nullptr, 5, &p), POLRT_ERR_ARGUMENT);
  // A program built by an earlier polc (format 4): the C API's text says what to do about it.
  std::vector<uint8_t> old = city();
  old[4] = 4;
  EXPECT_EQ(polrt_load_memory(old.data(), old.size(), &p), POLRT_ERR_INVALID);
  EXPECT_EQ(std::string(polrt_last_error()),
            "invalid bytecode: unsupported format version 4: this runtime reads version " +
                std::to_string(polrt::bc::kVersionMajor) +
                "; rebuild the file from its policy sources with `polc build POLICY.pol… --emit=bytecode -o FILE.polb`");
}

// A session of the city program holding scenario P2's applicant (describeP2).
class CApiP2 : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(polrt_load_memory(city().data(), city().size(), &h.p), POLRT_OK) << polrt_last_error();
    ASSERT_EQ(polrt_session_new(h.p, &s), POLRT_OK);
    describeP2(s, firm, project);
  }
  void TearDown() override { polrt_session_free(s); }
  ProgramHandle h;
  polrt_session* s = nullptr;
  int firm = -1, project = -1;
};

TEST_F(CApiP2, EvaluatesScenarioP2) {
  int slot = polrt_fact_slot(h.p, polrt_find_subject(h.p, "项目"), "设备投入");
  ASSERT_GE(slot, 0);
  ASSERT_EQ(polrt_set_fact_slot(s, project, slot, "100000000"), POLRT_OK);
  // Errors are statuses with messages, never exceptions.
  EXPECT_EQ(polrt_set_fact(s, project, "产业", "不存在的产业"), POLRT_ERR_NOT_FOUND);
  EXPECT_EQ(polrt_set_fact(s, project, "设备投入", "1亿元"), POLRT_ERR_TYPE);
  EXPECT_EQ(polrt_set_fact(s, project, "没有这个事实", "1"), POLRT_ERR_NOT_FOUND);
  EXPECT_EQ(polrt_set_fact(s, 99, "产业", "新能源"), POLRT_ERR_ARGUMENT);
  EXPECT_EQ(polrt_add_instance(s, "项目", -1, nullptr), POLRT_ERR_ARGUMENT);
  ASSERT_EQ(polrt_evaluate(s, 0), POLRT_OK) << polrt_last_error();
  bool found = false;
  for (int i = 0; i < polrt_award_count(s); ++i) {
    if (!std::strstr(polrt_award_citation(s, i), "第3条第3款")) continue;
    found = true;
    EXPECT_STREQ(polrt_award_form(s, i), "up_to");
    EXPECT_STREQ(polrt_award_max(s, i), "10000000");
    EXPECT_STREQ(polrt_award_status(s, i), "kept");
    EXPECT_STREQ(polrt_award_payee(s, i), "企业");
    ASSERT_EQ(polrt_award_funding_count(s, i), 2);
    EXPECT_STREQ(polrt_award_funding_max(s, i, 0), "5000000");
    EXPECT_EQ(polrt_award_explanation_count(s, i), 0);  // not asked for
  }
  EXPECT_TRUE(found);
  EXPECT_STREQ(polrt_total(s, "up_to"), "10000000");
  // An award received is given on its item, or (but for a 一次性 clause) on an owner of it.
  EXPECT_EQ(polrt_add_received(s, firm, "常办发〔2022〕1号 第3条第3款", nullptr, "10000000", 2023), POLRT_ERR_ARGUMENT);
  EXPECT_NE(std::string(polrt_last_error()).find("is paid once per 项目"), std::string::npos) << polrt_last_error();
  EXPECT_EQ(polrt_add_received(s, project, "常办发〔2022〕1号 第12条第1款第4项", nullptr, "100000", 2023), POLRT_ERR_ARGUMENT);
  EXPECT_EQ(polrt_add_received(s, firm, "常办发〔2022〕1号 第6条第3款第1项", nullptr, "100000", 2023), POLRT_OK);
  EXPECT_EQ(polrt_add_received(s, firm, "常办发〔2022〕1号 第6条第3款第1项", nullptr, "-100000", 2023), POLRT_ERR_TYPE);
  EXPECT_STREQ(polrt_last_error(), "negative amount \"-100000\"");
  // As the facts readers: a target beside the citation is the clause's own, or the award would count
  // for another target's 晋级补差 than the clause whose caps count it.
  EXPECT_EQ(polrt_add_received(s, firm, "常办发〔2022〕1号 第6条第3款第1项", "规模跃升奖励", "100000", 2023),
            POLRT_ERR_ARGUMENT);
  EXPECT_STREQ(polrt_last_error(), "规模跃升奖励 is not the target of 常办发〔2022〕1号 第6条第3款第1项 (先导区建设项目奖励): "
                                   "give the citation alone, the target follows from it");
  EXPECT_EQ(polrt_add_received(s, firm, "常办发〔2022〕1号 第6条第3款第1项", "先导区建设项目奖励", "100000", 2023), POLRT_OK);
  EXPECT_EQ(polrt_award_citation(s, 999), nullptr);
  ASSERT_EQ(polrt_evaluate(s, POLRT_EXPLAIN), POLRT_OK);
  int lines = 0;
  for (int i = 0; i < polrt_award_count(s); ++i) lines += polrt_award_explanation_count(s, i);
  EXPECT_GT(lines, 0);
}

// A value outside its fact's 取值, or a negative amount, is refused as the facts readers refuse it
// (the checker's findings assume the bounds), and the fact keeps its value.
// As the facts readers: an applicant without a required (必填) fact is refused, not evaluated with
// its funding split silently undecided; and the previous result is not left.
// Beside the citation, the legal basis polc eval's JSON gives: the title, the 原文, and what a
// benefit gives (第26条第1款第1项: the project's 一窗办理), none for an amount.
// The payers' totals are made once per evaluation, as the other totals: each call until the next
// returns the same string, and the next evaluation's are its own. 设备投入 1亿元 pays up to 1000万元,
// 5000万元 up to 600万元, shared 1:1 by 市 and 辖区; the last round is the first's again.
TEST_F(CApiP2, PayerTotalsAreMadeOncePerEvaluation) {
  const struct {
    const char* investment;
    const char* max;
  } rounds[] = {{"100000000", "5000000"}, {"50000000", "3000000"}, {"100000000", "5000000"}};
  for (const auto& r : rounds) {
    ASSERT_EQ(polrt_set_fact(s, project, "设备投入", r.investment), POLRT_OK);
    ASSERT_EQ(polrt_evaluate(s, 0), POLRT_OK) << polrt_last_error();
    ASSERT_EQ(polrt_total_payer_count(s), 2);
    for (int i = 0; i < 2; ++i) {
      const char* max = polrt_total_payer_max(s, i);
      const char* min = polrt_total_payer_min(s, i);
      EXPECT_STREQ(max, r.max) << polrt_total_payer(s, i) << " at " << r.investment;
      EXPECT_STREQ(min, "0") << polrt_total_payer(s, i) << " at " << r.investment;
      EXPECT_EQ(polrt_total_payer_max(s, i), max);
      EXPECT_EQ(polrt_total_payer_min(s, i), min);
    }
  }
}

TEST_F(CApiP2, AnAwardCarriesItsTitleTextAndBenefit) {
  ASSERT_EQ(polrt_set_fact(s, project, "设备投入", "100000000"), POLRT_OK);
  ASSERT_EQ(polrt_evaluate(s, 0), POLRT_OK) << polrt_last_error();
  int pay = -1, benefit = -1;
  for (int i = 0; i < polrt_award_count(s); ++i) {
    if (std::strcmp(polrt_award_citation(s, i), "常办发〔2022〕1号 第3条第3款") == 0) pay = i;
    if (std::strcmp(polrt_award_citation(s, i), "常办发〔2022〕1号 第26条第1款第1项") == 0) benefit = i;
  }
  ASSERT_GE(pay, 0);
  ASSERT_GE(benefit, 0);
  EXPECT_STREQ(polrt_award_title(s, pay), "设备投入奖励");
  EXPECT_EQ(std::string(polrt_award_text(s, pay)).rfind("对列入常州市重大项目库、技术设备投入超亿元技改项目库的制造业项目", 0), 0u)
      << polrt_award_text(s, pay);
  EXPECT_EQ(polrt_award_benefit(s, pay), nullptr);
  EXPECT_STREQ(polrt_award_kind(s, benefit), "benefit");
  EXPECT_STREQ(polrt_award_benefit(s, benefit), "“专项一窗”提供“一窗办理”集成服务");
  EXPECT_EQ(polrt_award_title(s, polrt_award_count(s)), nullptr);
  EXPECT_EQ(polrt_award_text(nullptr, 0), nullptr);
  // And the clause's 标的 and 类别, as the JSON's "target" and "category" (null when none): the
  // award of a 授牌认定 clause (第2条第3款第2项, for a new 国家专精特新小巨人企业) has both.
  EXPECT_STREQ(polrt_award_target(s, pay), "设备投入奖励");
  EXPECT_EQ(polrt_award_category(s, pay), nullptr);
  EXPECT_STREQ(polrt_award_target(s, benefit), "一窗办理");
  ASSERT_EQ(polrt_add_recognition(s, firm, "称号", "国家专精特新小巨人企业", "2024-04-15"), POLRT_OK);
  ASSERT_EQ(polrt_evaluate(s, 0), POLRT_OK) << polrt_last_error();
  int recognised = -1;
  for (int i = 0; i < polrt_award_count(s); ++i)
    if (std::strcmp(polrt_award_citation(s, i), "常办发〔2022〕1号 第2条第3款第2项") == 0) recognised = i;
  ASSERT_GE(recognised, 0);
  EXPECT_STREQ(polrt_award_target(s, recognised), "专精特新奖励");
  EXPECT_STREQ(polrt_award_category(s, recognised), "授牌认定");
  EXPECT_EQ(polrt_award_category(s, -1), nullptr);
}

// An applicant evaluated after the policy's period (常办发〔2022〕1号, 2022-01-30 至 2025-12-31) gets no
// award; polc eval's JSON says why ("not_in_force"), and so does the C API: no award and nothing
// else read as "this applicant qualifies for nothing". Within the period, or after an error, no
// document is listed.
TEST_F(CApiP2, SaysWhichDocumentsAreNotInForceWhenNothingApplies) {
  ASSERT_EQ(polrt_set_fact(s, project, "设备投入", "100000000"), POLRT_OK);
  ASSERT_EQ(polrt_set_date(s, "2026-01-01"), POLRT_OK);
  ASSERT_EQ(polrt_evaluate(s, 0), POLRT_OK) << polrt_last_error();
  ASSERT_EQ(polrt_award_count(s), 0);
  ASSERT_EQ(polrt_not_in_force_count(s), 1);
  EXPECT_STREQ(polrt_not_in_force_document(s, 0), "常办发〔2022〕1号");
  EXPECT_STREQ(polrt_not_in_force_from(s, 0), "2022-01-30");
  EXPECT_STREQ(polrt_not_in_force_to(s, 0), "2025-12-31");
  EXPECT_EQ(polrt_not_in_force_document(s, 1), nullptr);
  EXPECT_EQ(polrt_not_in_force_from(s, -1), nullptr);
  ASSERT_EQ(polrt_clear_fact(s, firm, "所在地"), POLRT_OK);
  EXPECT_EQ(polrt_evaluate(s, 0), POLRT_ERR_ARGUMENT);
  EXPECT_EQ(polrt_not_in_force_count(s), 0);
  ASSERT_EQ(polrt_set_fact(s, firm, "所在地", "新北区"), POLRT_OK);
  ASSERT_EQ(polrt_set_date(s, "2025-12-31"), POLRT_OK);
  ASSERT_EQ(polrt_evaluate(s, 0), POLRT_OK) << polrt_last_error();
  EXPECT_GT(polrt_award_count(s), 0);
  EXPECT_EQ(polrt_not_in_force_count(s), 0);
  EXPECT_EQ(polrt_not_in_force_count(nullptr), 0);
}

// The date a result is of, as polc eval's JSON "date" (an applicant without one is evaluated today,
// which a service records beside the result); none while the session holds no result.
TEST_F(CApiP2, GivesTheDateTheResultIsOf) {
  EXPECT_EQ(polrt_evaluation_date(s), nullptr);
  ASSERT_EQ(polrt_evaluate(s, 0), POLRT_OK) << polrt_last_error();
  EXPECT_STREQ(polrt_evaluation_date(s), "2024-06-30");
  ASSERT_EQ(polrt_set_date(s, "2025-01-31"), POLRT_OK);
  EXPECT_STREQ(polrt_evaluation_date(s), "2024-06-30");  // the result's, until evaluated again
  ASSERT_EQ(polrt_evaluate(s, 0), POLRT_OK) << polrt_last_error();
  EXPECT_STREQ(polrt_evaluation_date(s), "2025-01-31");
  ASSERT_EQ(polrt_clear_fact(s, firm, "所在地"), POLRT_OK);
  EXPECT_EQ(polrt_evaluate(s, 0), POLRT_ERR_ARGUMENT);
  EXPECT_EQ(polrt_evaluation_date(s), nullptr);
  ASSERT_EQ(polrt_reset(s), POLRT_OK);
  EXPECT_EQ(polrt_evaluation_date(s), nullptr);
  EXPECT_EQ(polrt_evaluation_date(nullptr), nullptr);
}

TEST_F(CApiP2, RefusesAnApplicantWithoutARequiredFact) {
  ASSERT_EQ(polrt_evaluate(s, 0), POLRT_OK) << polrt_last_error();
  ASSERT_GT(polrt_award_count(s), 0);
  ASSERT_EQ(polrt_clear_fact(s, firm, "所在地"), POLRT_OK);
  EXPECT_EQ(polrt_evaluate(s, 0), POLRT_ERR_ARGUMENT);
  EXPECT_STREQ(polrt_last_error(), "instance 0 (企业): 所在地: missing required fact (declared 必填)");
  EXPECT_EQ(polrt_award_count(s), 0);
  ASSERT_EQ(polrt_set_fact(s, firm, "所在地", "新北区"), POLRT_OK);
  EXPECT_EQ(polrt_evaluate(s, 0), POLRT_OK) << polrt_last_error();
}

TEST_F(CApiP2, RefusesValuesOutsideTheDeclaredRange) {
  ASSERT_EQ(polrt_set_fact(s, project, "设备投入", "100000000000"), POLRT_OK);  // 1000亿元: the top of its range
  EXPECT_EQ(polrt_set_fact(s, project, "设备投入", "100000000000.01"), POLRT_ERR_TYPE);
  EXPECT_STREQ(polrt_last_error(), "\"100000000000.01\" is outside the declared range of 设备投入 (取值 0元 至 1000亿元)");
  EXPECT_EQ(polrt_set_fact(s, firm, "募集资金投回本地比例", "1.5"), POLRT_ERR_TYPE);
  EXPECT_EQ(polrt_set_fact(s, firm, "募集资金投回本地比例", "-0.01"), POLRT_ERR_TYPE);
  EXPECT_EQ(polrt_set_fact(s, firm, "募集资金投回本地比例", "1"), POLRT_OK);
  EXPECT_EQ(polrt_set_fact(s, firm, "地方贡献", "-1"), POLRT_ERR_TYPE);
  EXPECT_STREQ(polrt_last_error(), "\"-1\" is outside the declared range of 地方贡献 (取值 0元 至 10000亿元)");
  EXPECT_EQ(polrt_set_history(s, firm, "营业收入", 2023, "-1"), POLRT_ERR_TYPE);
  EXPECT_NE(std::string(polrt_last_error()).find("outside the declared range of 营业收入"), std::string::npos);
  ASSERT_EQ(polrt_evaluate(s, 0), POLRT_OK) << polrt_last_error();
  for (int i = 0; i < polrt_award_count(s); ++i) {
    if (!std::strstr(polrt_award_citation(s, i), "第3条第3款")) continue;
    EXPECT_STREQ(polrt_award_max(s, i), "10000000");
  }
}

// A year is four digits, as the facts readers read it: another is refused, not kept where it would
// never match the evaluation year.
TEST_F(CApiP2, AYearIsFourDigits) {
  for (int year : {-1, 10000, -2023}) {
    EXPECT_EQ(polrt_set_history(s, firm, "营业收入", year, "100"), POLRT_ERR_ARGUMENT) << year;
    EXPECT_EQ(polrt_add_received(s, firm, nullptr, "规模跃升奖励", "100", year), POLRT_ERR_ARGUMENT) << year;
  }
  EXPECT_STREQ(polrt_last_error(), "year -2023 is not a year of four digits (0 to 9999)");
  EXPECT_EQ(polrt_set_history(s, firm, "营业收入", 0, "100"), POLRT_OK) << polrt_last_error();
  EXPECT_EQ(polrt_set_history(s, firm, "营业收入", 9999, "100"), POLRT_OK) << polrt_last_error();
  EXPECT_EQ(polrt_add_received(s, firm, nullptr, "规模跃升奖励", "100", 9999), POLRT_OK) << polrt_last_error();
}

// An item added under an instance that does not exist, or that does not own it, says which.
TEST_F(CApiP2, AnItemsOwnerIsNamed) {
  EXPECT_EQ(polrt_add_instance(s, "项目", project, nullptr), POLRT_ERR_ARGUMENT);
  EXPECT_STREQ(polrt_last_error(), "项目 is not owned by instance 1 (项目)");
  EXPECT_EQ(polrt_add_instance(s, "项目", 7, nullptr), POLRT_ERR_ARGUMENT);
  EXPECT_STREQ(polrt_last_error(), "no instance 7 to own 项目");
  polrt_session* empty = nullptr;
  ASSERT_EQ(polrt_session_new(h.p, &empty), POLRT_OK);
  EXPECT_EQ(polrt_add_instance(empty, "项目", 0, nullptr), POLRT_ERR_ARGUMENT);
  EXPECT_STREQ(polrt_last_error(), "no instance 0 to own 项目: add the applicant first (parent -1)");
  polrt_session_free(empty);
}

// A fact given for the evaluation year (2024) and its history's entry for 2024 must agree.
TEST_F(CApiP2, ThisYearsFactAndItsHistoryMustAgree) {
  ASSERT_EQ(polrt_set_fact(s, firm, "营业收入", "52000000000"), POLRT_OK);
  ASSERT_EQ(polrt_set_history(s, firm, "营业收入", 2024, "50000000000"), POLRT_OK);
  EXPECT_NE(polrt_evaluate(s, 0), POLRT_OK);
  EXPECT_STREQ(polrt_last_error(),
               "evaluation error: 企业.营业收入 is given, and its history gives another value for 2024, the evaluation year");
  ASSERT_EQ(polrt_set_history(s, firm, "营业收入", 2024, "52000000000.00"), POLRT_OK);
  EXPECT_EQ(polrt_evaluate(s, 0), POLRT_OK) << polrt_last_error();
  // 产销 (the Wujin measures' word) is read by no clause of the city policy; the conflict is an
  // error all the same, and a recording of the applicant keeps it.
  ASSERT_EQ(polrt_set_fact(s, firm, "产销", "100"), POLRT_OK);
  ASSERT_EQ(polrt_set_history(s, firm, "产销", 2024, "200"), POLRT_OK);
  EXPECT_NE(polrt_evaluate(s, 0), POLRT_OK);
  polrt_applicant* saved = nullptr;
  ASSERT_EQ(polrt_applicant_save(s, &saved), POLRT_OK) << polrt_last_error();
  polrt_session* again = nullptr;
  ASSERT_EQ(polrt_session_new(h.p, &again), POLRT_OK);
  ASSERT_EQ(polrt_applicant_load(again, saved), POLRT_OK) << polrt_last_error();
  EXPECT_NE(polrt_evaluate(again, 0), POLRT_OK);
  EXPECT_STREQ(polrt_last_error(),
               "evaluation error: 企业.产销 is given, and its history gives another value for 2024, the evaluation year");
  polrt_session_free(again);
  polrt_applicant_free(saved);
}

// A number written correctly but beyond the exact decimal says so, rather than reading as a typo.
TEST_F(CApiP2, SaysWhyANumberIsBeyondTheDecimal) {
  EXPECT_EQ(polrt_set_fact(s, project, "设备投入", "1.1234567890123456789"), POLRT_ERR_TYPE);
  EXPECT_STREQ(polrt_last_error(), "expected a decimal number, got \"1.1234567890123456789\" (more than 18 decimal places)");
  EXPECT_EQ(polrt_set_fact(s, project, "设备投入", "123456789012345678901234567890123456789012"), POLRT_ERR_TYPE);
  EXPECT_NE(std::string(polrt_last_error()).find("(too many digits for an exact decimal)"), std::string::npos)
      << polrt_last_error();
  EXPECT_EQ(polrt_set_fact(s, project, "设备投入", "1,000"), POLRT_ERR_TYPE);  // malformed: no note
  EXPECT_STREQ(polrt_last_error(), "expected a decimal number, got \"1,000\"");
  EXPECT_EQ(polrt_add_received(s, firm, nullptr, "规模跃升奖励", "0.0000000000000000001", 2023), POLRT_ERR_TYPE);
  EXPECT_NE(std::string(polrt_last_error()).find("more than 18 decimal places"), std::string::npos) << polrt_last_error();
}

// An unknown value, citation or target, and a negative amount, are worded as every facts reader
// words them (runtime/decimal/fact_errors.h): the value quoted as JSON quotes a text, and an
// unknown value with the values its enumeration has. The C API said `unknown value "…"` alone,
// and quoted a value with a quote in it unescaped.
TEST_F(CApiP2, RefusesInTheFactsReadersWords) {
  EXPECT_EQ(polrt_set_fact(s, project, "产业", "新能源汽车"), POLRT_ERR_NOT_FOUND);
  EXPECT_STREQ(polrt_last_error(), "unknown value \"新能源汽车\" of 产业 (its values: 高端装备, 新能源, 新材料, "
                                   "新能源汽车及汽车核心零部件, 新一代电子信息技术, 生物医药, 其他产业)");
  EXPECT_EQ(polrt_add_set_member(s, project, "入库", "省重大项目库"), POLRT_ERR_NOT_FOUND);
  EXPECT_STREQ(polrt_last_error(), "unknown value \"省重大项目库\" of 项目库 (its values: 常州市重大项目库, "
                                   "技术设备投入超亿元技改项目库, 智改数转项目库)");
  EXPECT_EQ(polrt_add_received(s, firm, "常办发〔2022〕1号 第99条", nullptr, "100000", 2023), POLRT_ERR_NOT_FOUND);
  EXPECT_STREQ(polrt_last_error(), "unknown citation \"常办发〔2022〕1号 第99条\"");
  EXPECT_EQ(polrt_add_received(s, firm, "常办发〔2021〕1号 第3条第3款", nullptr, "100000", 2023), POLRT_ERR_NOT_FOUND);
  EXPECT_STREQ(polrt_last_error(), "unknown citation \"常办发〔2021〕1号 第3条第3款\": it names none of the documents of these policies by its 文号 or name (an award under a document not evaluated with them, such as an earlier edition's, is given by its target)");
  EXPECT_EQ(polrt_add_received(s, firm, nullptr, "规模\"奖励", "100000", 2023), POLRT_ERR_NOT_FOUND);
  EXPECT_STREQ(polrt_last_error(), "unknown target \"规模\\\"奖励\"");
  EXPECT_EQ(polrt_set_fact(s, firm, "制造业", "1"), POLRT_ERR_TYPE);
  EXPECT_STREQ(polrt_last_error(), "expected true or false (是/否), got \"1\"");
  // A value written as a facts file writes it, with a unit, is told what the C API takes instead.
  EXPECT_EQ(polrt_set_fact(s, project, "设备投入", "1亿元"), POLRT_ERR_TYPE);
  EXPECT_STREQ(polrt_last_error(), "expected a decimal number, got \"1亿元\" (the C API reads no unit: give the number "
                                   "in the fact's base unit, 100000000 for 1亿元, 0.12 for 12%)");
  EXPECT_EQ(polrt_add_received(s, firm, "常办发〔2022〕1号 第6条第3款第1项", nullptr, "30万元", 2023), POLRT_ERR_TYPE);
  EXPECT_STREQ(polrt_last_error(), "expected the amount as a decimal number (the C API reads no unit: give the number "
                                   "in the fact's base unit, 100000000 for 1亿元, 0.12 for 12%)");
  EXPECT_EQ(polrt_set_fact(s, project, "设备投入", "abc"), POLRT_ERR_TYPE);
  EXPECT_STREQ(polrt_last_error(), "expected a decimal number, got \"abc\"");
  // A misspelt fact or subject is told the name meant, as the facts readers tell a misspelt field.
  EXPECT_EQ(polrt_set_fact(s, project, "设备投资", "100000000"), POLRT_ERR_NOT_FOUND);
  EXPECT_STREQ(polrt_last_error(), "项目 has no fact named 设备投资 (did you mean 设备投入?)");
  EXPECT_EQ(polrt_add_instance(s, "项木", firm, nullptr), POLRT_ERR_NOT_FOUND);
  EXPECT_STREQ(polrt_last_error(), "no subject named 项木 (did you mean 项目?)");
}

// A null member or amount is a null argument, as everywhere else in the API, not a value that does
// not fit.
TEST_F(CApiP2, NullMemberIsAnArgumentError) {
  EXPECT_EQ(polrt_add_set_member(s, project, "入库", nullptr), POLRT_ERR_ARGUMENT);
  EXPECT_STREQ(polrt_last_error(), "null member");
  EXPECT_EQ(polrt_add_recognition(s, firm, "称号", nullptr, "2024-04-15"), POLRT_ERR_ARGUMENT);
  EXPECT_STREQ(polrt_last_error(), "null member");
  EXPECT_EQ(polrt_add_set_member(s, project, "入库", "没有这个库"), POLRT_ERR_NOT_FOUND);
  EXPECT_EQ(polrt_add_set_member(s, firm, "所在地", nullptr), POLRT_ERR_TYPE);  // not a set, whatever the member
  EXPECT_EQ(polrt_add_received(s, firm, nullptr, "规模跃升奖励", nullptr, 2023), POLRT_ERR_ARGUMENT);
  EXPECT_STREQ(polrt_last_error(), "null amount");
}

// C passes a status as an int: any int has a name ("?" outside the enumeration), never undefined
// behaviour (UBSan: "load of value 99, which is not a valid value for type 'polrt_status'"). The
// call is made from C (capi_from_c.c): in C++ the test itself would load an invalid enum value.
TEST(CApi, StatusNameOfAnyInt) {
  EXPECT_STREQ(polrt_status_name(POLRT_ERR_EVAL), "eval");
  EXPECT_STREQ(polrt_test_status_name_of(POLRT_ERR_EVAL), "eval");
  EXPECT_STREQ(polrt_test_status_name_of(99), "?");
  EXPECT_STREQ(polrt_test_status_name_of(-1), "?");
}

// A project whose 贴息 (第5条第3款第1项) is an evaluation error: its loan was drawn before the first
// LPR of the table.
void addLoanBeforeTheFirstLpr(polrt_session* s, int firm) {
  int loan = -1;
  polrt_add_instance(s, "项目", firm, &loan);
  polrt_add_set_member(s, loan, "入库", "智改数转项目库");
  polrt_set_fact(s, loan, "获得智能化改造贷款", "true");
  polrt_set_fact(s, loan, "贷款金额", "1000000");
  polrt_set_fact(s, loan, "放款日期", "2021-01-01");
  polrt_set_fact(s, loan, "贷款期限", "1");
}

// After polrt_reset, a failed evaluation or a skipped applicant of a batch, the session shows no
// awards and zero totals: never the previous applicant's, which done() would read as this one's.
TEST(CApi, NoResultIsLeftFromThePreviousApplicant) {
  ProgramHandle h;
  ASSERT_EQ(polrt_load_memory(city().data(), city().size(), &h.p), POLRT_OK);
  polrt_session* s = nullptr;
  ASSERT_EQ(polrt_session_new(h.p, &s), POLRT_OK);
  int firm = -1, project = -1;
  auto paying = [&] {
    describeP2(s, firm, project);
    ASSERT_EQ(polrt_set_fact(s, project, "设备投入", "100000000"), POLRT_OK);
    ASSERT_EQ(polrt_evaluate(s, 0), POLRT_OK) << polrt_last_error();
    ASSERT_GT(polrt_award_count(s), 0);
    ASSERT_STREQ(polrt_total(s, "max"), "10000000");
    ASSERT_GT(polrt_total_payer_count(s), 0);
  };
  auto empty = [&](const char* when) {
    EXPECT_EQ(polrt_award_count(s), 0) << when;
    EXPECT_STREQ(polrt_total(s, "max"), "0") << when;
    EXPECT_STREQ(polrt_total(s, "up_to"), "0") << when;
    EXPECT_EQ(polrt_total_payer_count(s), 0) << when;
  };
  paying();
  polrt_reset(s);
  empty("after polrt_reset");
  paying();
  polrt_reset(s);
  describeP2(s, firm, project);
  ASSERT_EQ(polrt_set_fact(s, project, "设备投入", "100000000"), POLRT_OK);
  addLoanBeforeTheFirstLpr(s, firm);
  ASSERT_EQ(polrt_evaluate(s, 0), POLRT_ERR_EVAL);
  empty("after a failed evaluation");
  struct Seen {
    int awards[3] = {-1, -1, -1};
  } seen;
  auto fill = [](polrt_session* s, size_t i, void*) -> int {
    if (i == 1) return 1;  // skipped
    int firm, project;
    polrt_set_date(s, "2024-06-30");
    polrt_add_instance(s, "企业", -1, &firm);
    polrt_set_fact(s, firm, "所在地", "新北区");
    polrt_set_fact(s, firm, "制造业", "true");
    polrt_add_instance(s, "项目", firm, &project);
    polrt_add_set_member(s, project, "入库", "常州市重大项目库");
    polrt_set_fact(s, project, "当年竣工投产", "是");
    polrt_set_fact(s, project, "产业", "新能源");
    polrt_set_fact(s, project, "设备投入", "100000000");
    if (i == 2) addLoanBeforeTheFirstLpr(s, firm);
    return 0;
  };
  auto done = [](polrt_session* s, size_t i, polrt_status, void* user) {
    static_cast<Seen*>(user)->awards[i] = polrt_award_count(s) + (std::strcmp(polrt_total(s, "max"), "0") != 0 ? 1000 : 0);
  };
  ASSERT_EQ(polrt_evaluate_batch(s, 3, 0, fill, done, &seen), POLRT_OK);
  EXPECT_GT(seen.awards[0], 1000);  // paid
  EXPECT_EQ(seen.awards[1], 0);     // skipped: nothing of applicant 0
  EXPECT_EQ(seen.awards[2], 0);     // failed
  polrt_session_free(s);
}

// A string a getter returns lives until the next evaluation (polrt.h), even if instances are added
// in between: the item's path was a pointer into the session's instances, which adding instances
// moves (a use after free under ASan).
TEST(CApi, AwardStringsOutliveNewInstances) {
  ProgramHandle h;
  ASSERT_EQ(polrt_load_memory(city().data(), city().size(), &h.p), POLRT_OK);
  polrt_session* s = nullptr;
  ASSERT_EQ(polrt_session_new(h.p, &s), POLRT_OK);
  int firm = -1, project = -1;
  describeP2(s, firm, project);
  ASSERT_EQ(polrt_set_fact(s, project, "设备投入", "100000000"), POLRT_OK);
  ASSERT_EQ(polrt_evaluate(s, 0), POLRT_OK);
  // Both a short path (kept inside the std::string, which moves with the instance) and a long one.
  const char *firmItem = nullptr, *projectItem = nullptr;
  for (int i = 0; i < polrt_award_count(s); ++i) {
    if (std::strstr(polrt_award_citation(s, i), "第2条第1款")) firmItem = polrt_award_item(s, i);
    if (std::strstr(polrt_award_citation(s, i), "第3条第3款")) projectItem = polrt_award_item(s, i);
  }
  ASSERT_NE(firmItem, nullptr);
  ASSERT_NE(projectItem, nullptr);
  for (int k = 0; k < 200; ++k) {
    int more = -1;
    ASSERT_EQ(polrt_add_instance(s, "项目", firm, &more), POLRT_OK);
  }
  EXPECT_STREQ(firmItem, "企业");
  EXPECT_STREQ(projectItem, "企业.项目[0]");
  polrt_session_free(s);
}

struct BatchState {
  int done = 0, ok = 0;
};

TEST(CApi, BatchReusesTheSession) {
  ProgramHandle h;
  ASSERT_EQ(polrt_load_memory(city().data(), city().size(), &h.p), POLRT_OK);
  polrt_session* s = nullptr;
  ASSERT_EQ(polrt_session_new(h.p, &s), POLRT_OK);
  BatchState st;
  auto fill = [](polrt_session* s, size_t i, void*) -> int {
    int firm;
    if (polrt_add_instance(s, "企业", -1, &firm) != POLRT_OK) return 1;
    polrt_set_date(s, "2024-06-30");
    polrt_set_fact(s, firm, "所在地", i % 2 ? "溧阳市" : "新北区");
    polrt_add_recognition(s, firm, "称号", "国家专精特新小巨人企业", "2024-04-15");
    return 0;
  };
  auto done = [](polrt_session* s, size_t, polrt_status status, void* user) {
    auto* b = static_cast<BatchState*>(user);
    ++b->done;
    if (status == POLRT_OK && polrt_award_count(s) > 0) ++b->ok;
  };
  ASSERT_EQ(polrt_evaluate_batch(s, 100, 0, fill, done, &st), POLRT_OK);
  EXPECT_EQ(st.done, 100);
  EXPECT_EQ(st.ok, 100);
  polrt_session_free(s);
}

// The awards and total of the session's last evaluation, as text.
std::string resultText(polrt_session* s) {
  std::string out;
  for (int i = 0; i < polrt_award_count(s); ++i) {
    const char* max = polrt_award_max(s, i);
    out += std::string(polrt_award_citation(s, i)) + " " + polrt_award_status(s, i) + " " + (max ? max : "-") + "\n";
  }
  return out + "total " + polrt_total(s, "up_to");
}

TEST(CApi, SavedApplicantLoadsIntoAnotherSession) {
  ProgramHandle h;
  ASSERT_EQ(polrt_load_memory(city().data(), city().size(), &h.p), POLRT_OK);
  polrt_session *a = nullptr, *b = nullptr;
  ASSERT_EQ(polrt_session_new(h.p, &a), POLRT_OK);
  ASSERT_EQ(polrt_session_new(h.p, &b), POLRT_OK);
  int firm = -1, project = -1;
  describeP2(a, firm, project);
  ASSERT_EQ(polrt_add_recognition(a, firm, "称号", "国家专精特新小巨人企业", "2024-04-15"), POLRT_OK);
  ASSERT_EQ(polrt_set_fact(a, project, "设备投入", "100000000"), POLRT_OK);
  polrt_applicant* saved = nullptr;
  ASSERT_EQ(polrt_applicant_save(a, &saved), POLRT_OK);
  ASSERT_EQ(polrt_evaluate(a, 0), POLRT_OK) << polrt_last_error();
  const std::string expected = resultText(a);
  EXPECT_NE(expected.find("第3条第3款 kept 10000000"), std::string::npos) << expected;
  EXPECT_NE(expected.find("第2条第3款第2项"), std::string::npos) << expected;  // 专精特新小巨人: the recognition
  // Loaded into the other session, and again into the first after another applicant.
  ASSERT_EQ(polrt_applicant_load(b, saved), POLRT_OK) << polrt_last_error();
  ASSERT_EQ(polrt_evaluate(b, 0), POLRT_OK);
  EXPECT_EQ(resultText(b), expected);
  ASSERT_EQ(polrt_reset(a), POLRT_OK);
  ASSERT_EQ(polrt_add_instance(a, "企业", -1, &firm), POLRT_OK);
  ASSERT_EQ(polrt_set_fact(a, firm, "所在地", "武进区"), POLRT_OK);  // required (必填)
  ASSERT_EQ(polrt_evaluate(a, 0), POLRT_OK) << polrt_last_error();
  EXPECT_NE(resultText(a), expected);
  ASSERT_EQ(polrt_applicant_load(a, saved), POLRT_OK);
  ASSERT_EQ(polrt_evaluate(a, 0), POLRT_OK);
  EXPECT_EQ(resultText(a), expected);
  EXPECT_EQ(polrt_applicant_load(a, nullptr), POLRT_ERR_ARGUMENT);
  polrt_applicant* other = saved;
  EXPECT_EQ(polrt_applicant_save(nullptr, &other), POLRT_ERR_ARGUMENT);
  EXPECT_EQ(other, nullptr);  // cleared on failure
  polrt_applicant_free(saved);
  polrt_applicant_free(nullptr);
  polrt_session_free(a);
  polrt_session_free(b);
}

// An award's notes, as the JSON result's: the clause's 释义, and the funding rule that needs a fact
// the applicant did not give (示乙's 资金分担 asks for 研发费用 before it can split 第1条第4款).
// A session of the language features set (tests/differential/features), for what the seeds lack.
void featuresSession(ProgramHandle& h, polrt_session*& s) {
  static auto c = compile({"../tests/differential/features/features.pol"});
  ASSERT_FALSE(c->bytecode.empty()) << c->error;
  ASSERT_EQ(polrt_load_memory(c->bytecode.data(), c->bytecode.size(), &h.p), POLRT_OK) << polrt_last_error();
  ASSERT_EQ(polrt_session_new(h.p, &s), POLRT_OK);
}

// The index of the award of the clause cited, -1 when there is none.
int awardOf(const polrt_session* s, const char* citation) {
  for (int i = 0; i < polrt_award_count(s); ++i)
    if (std::strcmp(polrt_award_citation(s, i), citation) == 0) return i;
  return -1;
}

// An enterprise of the features set in 新北区 on 2024-06-30, with its 营业收入 (in 元).
void featuresFirm(ProgramHandle& h, polrt_session*& s, int& firm, const char* revenue) {
  ASSERT_NO_FATAL_FAILURE(featuresSession(h, s));
  ASSERT_EQ(polrt_set_date(s, "2024-06-30"), POLRT_OK);
  ASSERT_EQ(polrt_add_instance(s, "企业", -1, &firm), POLRT_OK);
  ASSERT_EQ(polrt_set_fact(s, firm, "所在地", "新北区"), POLRT_OK);
  ASSERT_EQ(polrt_set_fact(s, firm, "营业收入", revenue), POLRT_OK);
}

// A session of such an enterprise, freed after the test.
class CApiFeaturesFirm : public ::testing::Test {
 protected:
  void describe(const char* revenue) { featuresFirm(h, s, firm, revenue); }
  void TearDown() override { polrt_session_free(s); }
  ProgramHandle h;
  polrt_session* s = nullptr;
  int firm = -1;
};

// A session of the features set evaluated on `date` for an enterprise (`firm`) in 新北区 with one
// project, of which only `fact` is given.
void featuresProject(ProgramHandle& h, polrt_session*& s, int& firm, const char* date, const char* fact,
                     const char* value) {
  ASSERT_NO_FATAL_FAILURE(featuresSession(h, s));
  int project = -1;
  ASSERT_EQ(polrt_set_date(s, date), POLRT_OK);
  ASSERT_EQ(polrt_add_instance(s, "企业", -1, &firm), POLRT_OK);
  ASSERT_EQ(polrt_set_fact(s, firm, "所在地", "新北区"), POLRT_OK);
  ASSERT_EQ(polrt_set_fact(s, firm, "镇街", "湖塘镇"), POLRT_OK);  // 示甲's 镇（镇街） pays under it
  ASSERT_EQ(polrt_add_instance(s, "项目", firm, &project), POLRT_OK);
  ASSERT_EQ(polrt_set_fact(s, project, fact, value), POLRT_OK);
  ASSERT_EQ(polrt_evaluate(s, 0), POLRT_OK) << polrt_last_error();
}

// An award a non-stacking group keeps while members of it are not assessable: its notes say so, one
// per group, and polrt_award_may_be_replaced_by names each member once, as polc eval's JSON does.
TEST(CApi, AwardNotesSayAGroupMayStillDropIt) {
  ProgramHandle h;
  polrt_session* s = nullptr;
  int firm = -1;
  ASSERT_NO_FATAL_FAILURE(featuresProject(h, s, firm, "2024-06-30", "级别", "国家级"));
  const int award = awardOf(s, "示甲〔2026〕1号 第3条第2款");
  ASSERT_GE(award, 0);
  EXPECT_STREQ(polrt_award_status(s, award), "kept");
  // After the note of its funding split's remainder (50万元 in thirds).
  ASSERT_EQ(polrt_award_note_count(s, award), 3);
  EXPECT_STREQ(polrt_award_note(s, award, 0), "资金分担不能按比例整分：市、新北区 的份额按 0.01元 进一 舍入，余额由 湖塘镇 承担");
  EXPECT_STREQ(polrt_award_note(s, award, 1),
               "不重复享受（项目就高）中 示甲〔2026〕1号 第3条第3款 企业.项目[0]、示甲〔2026〕1号 第3条第4款 企业.项目[0] "
               "无法评估：评估后本项可能被替换");
  EXPECT_STREQ(polrt_award_note(s, award, 2),
               "不重复享受（从优从高）中 示乙〔2026〕2号 第1条第4款 企业.项目[0] 无法评估：评估后本项可能被替换");
  ASSERT_EQ(polrt_award_may_be_replaced_by_count(s, award), 3);
  EXPECT_STREQ(polrt_award_may_be_replaced_by(s, award, 2), "示乙〔2026〕2号 第1条第4款 企业.项目[0]");
  EXPECT_EQ(polrt_award_may_be_replaced_by(s, award, 3), nullptr);
  EXPECT_EQ(polrt_award_may_be_replaced_by_count(s, 999), 0);
  // The totals as polc eval's JSON: may_be_replaced {count 1, 50万元}, and its counts.
  EXPECT_EQ(polrt_total_count(s, "may_be_replaced"), 1);
  EXPECT_STREQ(polrt_total(s, "may_be_replaced_min"), "500000");
  EXPECT_STREQ(polrt_total(s, "may_be_replaced_max"), "500000");
  EXPECT_EQ(polrt_total_count(s, "exact"), 1);
  EXPECT_EQ(polrt_total_count(s, "benefit"), 1);
  EXPECT_EQ(polrt_total_count(s, "not_assessable"), 8);
  EXPECT_EQ(polrt_total_count(s, "dropped"), 0);
  EXPECT_EQ(polrt_total_count(s, "counts"), -1);
  EXPECT_EQ(polrt_total_count(nullptr, "exact"), -1);
  EXPECT_EQ(polrt_award_funding_undecided(s, award), 0);
  polrt_session_free(s);
}

TEST(CApi, AwardNotesNameTheFactAFundingRuleNeeds) {
  ProgramHandle h;
  polrt_session* s = nullptr;
  int firm = -1;
  ASSERT_NO_FATAL_FAILURE(featuresProject(h, s, firm, "2026-06-30", "设备投入", "2000000"));
  auto find = [&] { return awardOf(s, "示乙〔2026〕2号 第1条第4款"); };
  int award = find();
  ASSERT_GE(award, 0);
  EXPECT_STREQ(polrt_award_status(s, award), "kept");
  EXPECT_EQ(polrt_award_funding_count(s, award), 0);
  ASSERT_EQ(polrt_award_note_count(s, award), 1);
  EXPECT_STREQ(polrt_award_note(s, award, 0), "资金分担无法判断，缺少：企业.研发费用");
  EXPECT_EQ(polrt_award_note(s, award, 1), nullptr);
  EXPECT_EQ(polrt_award_note(s, 999, 0), nullptr);
  // The flag says so without the note's words, and the totals count it as undecided (16万元), not
  // as an award no rule covers, as polc eval's JSON totals do.
  EXPECT_EQ(polrt_award_funding_undecided(s, award), 1);
  EXPECT_EQ(polrt_award_funding_undecided(s, 999), 0);
  EXPECT_STREQ(polrt_total(s, "funding_undecided_min"), "160000");
  EXPECT_STREQ(polrt_total(s, "funding_undecided_max"), "160000");
  EXPECT_STREQ(polrt_total(s, "no_funding_rule_max"), "0");
  EXPECT_STREQ(polrt_total(s, "may_be_replaced_max"), "0");
  EXPECT_EQ(polrt_total_count(s, "may_be_replaced"), 0);
  EXPECT_EQ(polrt_total(s, "funding_undecided"), nullptr);
  // Given the fact, the rule decides: the split is made and the note is gone; 区, 镇 = 2:1 of 16万元
  // is 106,667 and 53,333 at 示乙's 1元, and the note that replaces it says so.
  ASSERT_EQ(polrt_set_fact(s, firm, "研发费用", "0"), POLRT_OK);
  ASSERT_EQ(polrt_evaluate(s, 0), POLRT_OK) << polrt_last_error();
  award = find();
  ASSERT_GE(award, 0);
  ASSERT_EQ(polrt_award_note_count(s, award), 1);
  EXPECT_STREQ(polrt_award_note(s, award, 0), "资金分担不能按比例整分：区 的份额按 1元 四舍五入 舍入，余额由 镇 承担");
  EXPECT_EQ(polrt_award_funding_count(s, award), 2);
  EXPECT_EQ(polrt_award_funding_undecided(s, award), 0);
  EXPECT_STREQ(polrt_total(s, "funding_undecided_max"), "0");
  polrt_session_free(s);
}

// 示甲's `市, 区（所在地）, 镇（镇街） = 1:1:1`: each part is paid under the name of the fact's value, as
// polc eval's; without 镇街 no one can be billed for that part, and the split is undecided.
TEST_F(CApiFeaturesFirm, FundingPayersNamedByFacts) {
  describe("10001");
  ASSERT_EQ(polrt_set_fact(s, firm, "镇街", "礼嘉镇"), POLRT_OK);
  ASSERT_EQ(polrt_evaluate(s, 0), POLRT_OK) << polrt_last_error();
  const int award = awardOf(s, "示甲〔2026〕1号 第1条第1款");
  ASSERT_GE(award, 0);
  ASSERT_EQ(polrt_award_funding_count(s, award), 3);
  EXPECT_STREQ(polrt_award_funding_payer(s, award, 0), "市");
  EXPECT_STREQ(polrt_award_funding_payer(s, award, 1), "新北区");
  EXPECT_STREQ(polrt_award_funding_payer(s, award, 2), "礼嘉镇");
  EXPECT_STREQ(polrt_award_funding_max(s, award, 2), "33.33");
}

// 累进 of 营业收入 10001元 pays 100.01元, which neither 分期 40%, 30%, 30% nor 1:1:1 divides to the
// fen: 示甲 rounds each part up (0.01元 进一), 40.01 and 30.01 (of 40.004 and 30.003), 33.34 twice
// (of 33.3366…), and the last year, the last payer, takes what is left. The notes say which parts
// were rounded and who took the remainder, evaluated with explanations or not, as polc eval's JSON
// "notes"; the explanation lines end with the same words.
TEST_F(CApiFeaturesFirm, NotesSayWhichPartTookTheRemainder) {
  describe("10001");
  ASSERT_EQ(polrt_set_fact(s, firm, "镇街", "礼嘉镇"), POLRT_OK);
  const char* installments = "分期不能按比例整分：2024年、2025年 的份额按 0.01元 进一 舍入，余额由 2026年 承担";
  const char* funding = "资金分担不能按比例整分：市、新北区 的份额按 0.01元 进一 舍入，余额由 礼嘉镇 承担";
  for (int flags : {0, static_cast<int>(POLRT_EXPLAIN)}) {
    SCOPED_TRACE(flags);
    ASSERT_EQ(polrt_evaluate(s, flags), POLRT_OK) << polrt_last_error();
    const int award = awardOf(s, "示甲〔2026〕1号 第1条第1款");
    ASSERT_GE(award, 0);
    EXPECT_STREQ(polrt_award_installment_max(s, award, 2), "29.99");
    ASSERT_EQ(polrt_award_note_count(s, award), 2);
    EXPECT_STREQ(polrt_award_note(s, award, 0), installments);
    EXPECT_EQ(polrt_award_installment_remainder(s, award), 2);
    EXPECT_EQ(polrt_award_funding_remainder(s, award), 2);
    EXPECT_STREQ(polrt_award_note(s, award, 1), funding);
  }
  const int award = awardOf(s, "示甲〔2026〕1号 第1条第1款");
  std::string lines;
  for (int i = 0; i < polrt_award_explanation_count(s, award); ++i) lines += polrt_award_explanation(s, award, i) + std::string("\n");
  EXPECT_NE(lines.find("分期：2024年 40.01元，2025年 30.01元，2026年 29.99元（不能按比例整分：2024年、2025年 的份额按 0.01元 进一 "
                       "舍入，余额由 2026年 承担）\n"),
            std::string::npos)
      << lines;
  EXPECT_NE(lines.find("：市 33.34元，新北区 33.34元，礼嘉镇 33.33元（不能按比例整分：市、新北区 的份额按 0.01元 进一 舍入，"
                       "余额由 礼嘉镇 承担）\n"),
            std::string::npos)
      << lines;
  // 营业收入 1亿元 pays 100万元: 40万元, 30万元, 30万元 and a third each (to the fen, rounded up: 333,333.34
  // twice, 333,333.32) — the split is uneven, the installments are not.
  ASSERT_EQ(polrt_set_fact(s, firm, "营业收入", "100000000"), POLRT_OK);
  ASSERT_EQ(polrt_evaluate(s, 0), POLRT_OK) << polrt_last_error();
  const int even = awardOf(s, "示甲〔2026〕1号 第1条第1款");
  ASSERT_GE(even, 0);
  ASSERT_EQ(polrt_award_note_count(s, even), 1);
  EXPECT_STREQ(polrt_award_note(s, even, 0), "资金分担不能按比例整分：市、新北区 的份额按 0.01元 进一 舍入，余额由 礼嘉镇 承担");
  EXPECT_EQ(polrt_award_funding_remainder(s, even), 2);
  EXPECT_EQ(polrt_award_installment_remainder(s, even), -1) << "40%, 30%, 30% of 100万元 are even";
  // 营业收入 2亿元 pays 150万元: 60万元, 45万元, 45万元 and 50万元 each, both even: no note.
  ASSERT_EQ(polrt_set_fact(s, firm, "营业收入", "200000000"), POLRT_OK);
  ASSERT_EQ(polrt_evaluate(s, 0), POLRT_OK) << polrt_last_error();
  const int both = awardOf(s, "示甲〔2026〕1号 第1条第1款");
  EXPECT_EQ(polrt_award_note_count(s, both), 0);
  EXPECT_EQ(polrt_award_funding_remainder(s, both), -1);
  EXPECT_EQ(polrt_award_installment_remainder(s, both), -1);
}

// Who took the odd 分, as a flag rather than the note's words: the seeds' 设备投入奖励 (常办发〔2022〕1号
// 第3条第3款, 12% of 设备投入 up to 1000万元) split 1:1 by 市 and 新北区. 50,000,000.25元 pays up to
// 6,000,000.03元: 市 3,000,000.02, 新北区 (the last) the rest, 3,000,000.01. 5000万元 pays up to
// 600万元, 300万元 each: even. Neither pays in installments.
TEST_F(CApiP2, TheFundingPartThatTookTheRemainderIsNamedByItsIndex) {
  ASSERT_EQ(polrt_set_fact(s, project, "设备投入", "50000000.25"), POLRT_OK);
  ASSERT_EQ(polrt_evaluate(s, 0), POLRT_OK) << polrt_last_error();
  int award = awardOf(s, "常办发〔2022〕1号 第3条第3款");
  ASSERT_GE(award, 0);
  ASSERT_EQ(polrt_award_funding_count(s, award), 2);
  EXPECT_STREQ(polrt_award_funding_max(s, award, 0), "3000000.02");
  EXPECT_STREQ(polrt_award_funding_max(s, award, 1), "3000000.01");
  EXPECT_EQ(polrt_award_funding_remainder(s, award), 1);
  EXPECT_STREQ(polrt_award_funding_payer(s, award, polrt_award_funding_remainder(s, award)), "新北区");
  EXPECT_EQ(polrt_award_installment_remainder(s, award), -1);
  ASSERT_EQ(polrt_set_fact(s, project, "设备投入", "50000000"), POLRT_OK);
  ASSERT_EQ(polrt_evaluate(s, 0), POLRT_OK) << polrt_last_error();
  award = awardOf(s, "常办发〔2022〕1号 第3条第3款");
  ASSERT_GE(award, 0);
  EXPECT_STREQ(polrt_award_funding_max(s, award, 0), "3000000");
  EXPECT_EQ(polrt_award_funding_remainder(s, award), -1);
  EXPECT_EQ(polrt_award_funding_remainder(s, 999), -1);
  EXPECT_EQ(polrt_award_funding_remainder(nullptr, 0), -1);
}

TEST_F(CApiFeaturesFirm, FundingPayerNotGivenLeavesTheSplitUndecided) {
  describe("10001");
  ASSERT_EQ(polrt_evaluate(s, 0), POLRT_OK) << polrt_last_error();
  const int award = awardOf(s, "示甲〔2026〕1号 第1条第1款");
  ASSERT_GE(award, 0);
  EXPECT_EQ(polrt_award_funding_count(s, award), 0);
  EXPECT_EQ(polrt_award_funding_undecided(s, award), 1);
  // After the installments' (100.01元 in 40%, 30%, 30% is not even at the fen), as the steps go.
  EXPECT_STREQ(polrt_award_note(s, award, 1), "资金分担无法判断，缺少：企业.镇街");
}

// A kept award whose funding rule is one in words (按现行财政体制执行) is in no payer's total: the
// totals list it by arrangement, as polc eval's JSON "by_arrangement" (地方贡献 up 20万元: 10万元).
TEST_F(CApiFeaturesFirm, TotalsListTheAwardsOfAnArrangementInWords) {
  ASSERT_NO_FATAL_FAILURE(describe("100000000"));
  ASSERT_EQ(polrt_set_fact(s, firm, "地方贡献", "300000"), POLRT_OK);
  ASSERT_EQ(polrt_set_history(s, firm, "地方贡献", 2023, "100000"), POLRT_OK);
  ASSERT_EQ(polrt_evaluate(s, 0), POLRT_OK) << polrt_last_error();
  ASSERT_EQ(polrt_total_arrangement_count(s), 1);
  EXPECT_STREQ(polrt_total_arrangement(s, 0), "按现行财政体制执行");
  EXPECT_STREQ(polrt_total_arrangement_min(s, 0), "100000");
  EXPECT_STREQ(polrt_total_arrangement_max(s, 0), "100000");
  EXPECT_EQ(polrt_total_arrangement(s, 1), nullptr);
  EXPECT_EQ(polrt_total_arrangement_max(s, -1), nullptr);
  EXPECT_EQ(polrt_total_arrangement_count(nullptr), 0);
}

// The totals are made once per evaluation: each call until the next returns the same string (none
// is kept anew), and the next evaluation's totals are its own: 地方贡献 up 20万元 pays 10万元 by
// arrangement, up 40万元 20万元, no increase nothing, and the last round is the first's again.
TEST_F(CApiFeaturesFirm, TotalsAreMadeOncePerEvaluation) {
  ASSERT_NO_FATAL_FAILURE(describe("100000000"));
  ASSERT_EQ(polrt_set_history(s, firm, "地方贡献", 2023, "100000"), POLRT_OK);
  const struct {
    const char* contribution;
    int arrangements;
    const char* max;
  } rounds[] = {{"300000", 1, "100000"}, {"500000", 1, "200000"}, {"100000", 0, nullptr}, {"300000", 1, "100000"}};
  for (const auto& r : rounds) {
    ASSERT_EQ(polrt_set_fact(s, firm, "地方贡献", r.contribution), POLRT_OK);
    ASSERT_EQ(polrt_evaluate(s, 0), POLRT_OK) << polrt_last_error();
    const char* undecided = polrt_total(s, "funding_undecided_max");
    ASSERT_NE(undecided, nullptr);
    EXPECT_EQ(polrt_total_arrangement_count(s), r.arrangements) << r.contribution;
    EXPECT_STREQ(polrt_total_arrangement_max(s, 0), r.max) << r.contribution;
    EXPECT_STREQ(polrt_total_arrangement_min(s, 0), r.max) << r.contribution;
    EXPECT_EQ(polrt_total_arrangement_max(s, 0), polrt_total_arrangement_max(s, 0));
    EXPECT_EQ(polrt_total(s, "funding_undecided_max"), undecided);
    EXPECT_EQ(polrt_total(s, "max"), polrt_total(s, "max"));
  }
}

// An award paid in installments (分期 40%, 30%, 30%) gives its years and parts, as the JSON result's
// "installments": 累进 over 营业收入 2亿元 pays 150万元, 60万元 this year and 45万元 in each of the next two.
TEST_F(CApiFeaturesFirm, InstallmentsAreReadAsPolcEvalGivesThem) {
  ASSERT_NO_FATAL_FAILURE(describe("200000000"));
  ASSERT_EQ(polrt_evaluate(s, 0), POLRT_OK) << polrt_last_error();
  const int award = awardOf(s, "示甲〔2026〕1号 第1条第1款");
  ASSERT_GE(award, 0);
  EXPECT_STREQ(polrt_award_max(s, award), "1500000");
  ASSERT_EQ(polrt_award_installment_count(s, award), 3);
  const int years[] = {2024, 2025, 2026};
  const char* parts[] = {"600000", "450000", "450000"};
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(polrt_award_installment_year(s, award, i), years[i]);
    EXPECT_STREQ(polrt_award_installment_min(s, award, i), parts[i]);
    EXPECT_STREQ(polrt_award_installment_max(s, award, i), parts[i]);
  }
  EXPECT_EQ(polrt_award_installment_year(s, award, 3), 0);
  EXPECT_EQ(polrt_award_installment_max(s, award, -1), nullptr);
  EXPECT_EQ(polrt_award_installment_min(s, 999, 0), nullptr);
  EXPECT_EQ(polrt_award_installment_count(nullptr, award), 0);
  const int paidAtOnce = awardOf(s, "示甲〔2026〕1号 第4条第2款");
  ASSERT_GE(paidAtOnce, 0);
  EXPECT_EQ(polrt_award_installment_count(s, paidAtOnce), 0);
  EXPECT_EQ(polrt_award_installment_min(s, paidAtOnce, 0), nullptr);
}

// What polc eval's JSON says of a cut award beside its status: 累进 over 营业收入 20亿元 computes 500万元,
// which the cap 企业年度 (200万元 a year over 第1条) cuts to 200万元.
TEST_F(CApiFeaturesFirm, ACappedAwardKeepsItsCeilingBeforeTheCap) {
  ASSERT_NO_FATAL_FAILURE(describe("2000000000"));
  ASSERT_EQ(polrt_add_recognition(s, firm, "称号", "示范工厂", "2024-03-01"), POLRT_OK);  // 第2条第2款, 名额 5 每年
  ASSERT_EQ(polrt_evaluate(s, 0), POLRT_OK) << polrt_last_error();
  const int cut = awardOf(s, "示甲〔2026〕1号 第1条第1款"), other = awardOf(s, "示甲〔2026〕1号 第2条第2款");
  ASSERT_GE(cut, 0);
  ASSERT_GE(other, 0);
  EXPECT_EQ(polrt_award_quota_limited(s, other), 1);
  EXPECT_STREQ(polrt_award_computed_max(s, other), "300000");
  EXPECT_STREQ(polrt_award_status(s, cut), "capped");
  EXPECT_STREQ(polrt_award_max(s, cut), "2000000");
  EXPECT_STREQ(polrt_award_computed_max(s, cut), "5000000");
  EXPECT_EQ(polrt_award_capped(s, cut), 1);
  EXPECT_EQ(polrt_award_quota_limited(s, cut), 0);
  EXPECT_EQ(polrt_award_capped(s, other), 0);
  EXPECT_EQ(polrt_award_capped(s, -1), 0);
  EXPECT_EQ(polrt_award_computed_max(s, polrt_award_count(s)), nullptr);
}

}  // namespace
}  // namespace polc::vmtest
