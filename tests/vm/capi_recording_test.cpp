// Recorded applicants through the C API (polrt_applicant_save / _load) at the edges the setter
// calls do not meet: what a recording keeps of a policy set that reads only part of the schema.
#include <gtest/gtest.h>

#include "polrt.h"
#include "vm_util.h"

namespace polc::vmtest {
namespace {

// Under 第189号批复, which reads only part of the schema: a session filled by the setters with an
// enterprise in 武进区 on 2024-06-30, and another to load its recording into.
class CApiRecording : public ::testing::Test {
 protected:
  void SetUp() override {
    auto c = compile({"schema.pol", "changzhou-2022-reply-189.pol"});
    ASSERT_FALSE(c->bytecode.empty()) << c->error;
    ASSERT_EQ(polrt_load_memory(c->bytecode.data(), c->bytecode.size(), &p_), POLRT_OK) << polrt_last_error();
    ASSERT_EQ(polrt_session_new(p_, &filled_), POLRT_OK);
    ASSERT_EQ(polrt_session_new(p_, &loaded_), POLRT_OK);
    ASSERT_EQ(polrt_set_date(filled_, "2024-06-30"), POLRT_OK);
    ASSERT_EQ(polrt_add_instance(filled_, "企业", -1, &firm_), POLRT_OK);
    ASSERT_EQ(polrt_set_fact(filled_, firm_, "所在地", "武进区"), POLRT_OK);
  }
  void TearDown() override {
    polrt_applicant_free(saved_);
    polrt_session_free(filled_);
    polrt_session_free(loaded_);
    polrt_program_free(p_);
  }
  // The filled session's applicant, saved and loaded into the other.
  void record() {
    ASSERT_EQ(polrt_applicant_save(filled_, &saved_), POLRT_OK);
    ASSERT_EQ(polrt_applicant_load(loaded_, saved_), POLRT_OK) << polrt_last_error();
  }
  polrt_program* p_ = nullptr;
  polrt_session *filled_ = nullptr, *loaded_ = nullptr;
  polrt_applicant* saved_ = nullptr;
  int firm_ = -1;
};

// A recording keeps only the facts its program reads, but polrt_evaluate refuses an applicant
// without a required (必填) fact whether or not a clause reads it: 第189号批复 never reads the
// enterprise's 所在地, so a complete applicant's recording was refused ("missing required fact").
TEST_F(CApiRecording, KeepsTheRequiredFactsTheProgramDoesNotRead) {
  ASSERT_EQ(polrt_evaluate(filled_, 0), POLRT_OK) << polrt_last_error();
  record();
  EXPECT_EQ(polrt_evaluate(loaded_, 0), POLRT_OK) << polrt_last_error();
  ASSERT_EQ(polrt_applicant_load(filled_, saved_), POLRT_OK) << polrt_last_error();
  EXPECT_EQ(polrt_evaluate(filled_, 0), POLRT_OK) << polrt_last_error();
}

// A recognition granted after the evaluation date is warned about whether or not a clause reads it
// (docs/eval-output.md): 第189号批复 never reads 上云星级, whose recording dropped it, and with it
// the warning the setter calls give.
TEST_F(CApiRecording, KeepsTheRecognitionsTheProgramDoesNotRead) {
  ASSERT_EQ(polrt_add_recognition(filled_, firm_, "上云星级", "五星", "2024-09-01"), POLRT_OK) << polrt_last_error();
  ASSERT_EQ(polrt_evaluate(filled_, 0), POLRT_OK) << polrt_last_error();
  ASSERT_EQ(polrt_warning_count(filled_), 1);
  const std::string warning = polrt_warning(filled_, 0);
  EXPECT_EQ(warning.rfind("企业.上云星级.五星: granted on 2024-09-01, after the evaluation date 2024-06-30", 0), 0u) << warning;
  record();
  ASSERT_EQ(polrt_evaluate(loaded_, 0), POLRT_OK) << polrt_last_error();
  ASSERT_EQ(polrt_warning_count(loaded_), 1);
  EXPECT_EQ(polrt_warning(loaded_, 0), warning);
}

}  // namespace
}  // namespace polc::vmtest
