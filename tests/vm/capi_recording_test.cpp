// Recorded applicants through the C API (polrt_applicant_save / _load) at the edges the setter
// calls do not meet: what a recording keeps of a policy set that reads only part of the schema.
#include <gtest/gtest.h>

#include "polrt.h"
#include "vm_util.h"

namespace polc::vmtest {
namespace {

// A recording keeps only the facts its program reads, but polrt_evaluate refuses an applicant
// without a required (必填) fact whether or not a clause reads it: 第189号批复 never reads the
// enterprise's 所在地, so a complete applicant's recording was refused ("missing required fact").
TEST(CApiRecording, KeepsTheRequiredFactsTheProgramDoesNotRead) {
  auto c = compile({"schema.pol", "changzhou-2022-reply-189.pol"});
  ASSERT_FALSE(c->bytecode.empty()) << c->error;
  polrt_program* p = nullptr;
  ASSERT_EQ(polrt_load_memory(c->bytecode.data(), c->bytecode.size(), &p), POLRT_OK) << polrt_last_error();
  polrt_session *filled = nullptr, *loaded = nullptr;
  ASSERT_EQ(polrt_session_new(p, &filled), POLRT_OK);
  ASSERT_EQ(polrt_session_new(p, &loaded), POLRT_OK);
  int firm = -1;
  ASSERT_EQ(polrt_set_date(filled, "2024-06-30"), POLRT_OK);
  ASSERT_EQ(polrt_add_instance(filled, "企业", -1, &firm), POLRT_OK);
  ASSERT_EQ(polrt_set_fact(filled, firm, "所在地", "武进区"), POLRT_OK);
  ASSERT_EQ(polrt_evaluate(filled, 0), POLRT_OK) << polrt_last_error();
  polrt_applicant* saved = nullptr;
  ASSERT_EQ(polrt_applicant_save(filled, &saved), POLRT_OK);
  ASSERT_EQ(polrt_applicant_load(loaded, saved), POLRT_OK) << polrt_last_error();
  EXPECT_EQ(polrt_evaluate(loaded, 0), POLRT_OK) << polrt_last_error();
  ASSERT_EQ(polrt_applicant_load(filled, saved), POLRT_OK) << polrt_last_error();
  EXPECT_EQ(polrt_evaluate(filled, 0), POLRT_OK) << polrt_last_error();
  polrt_applicant_free(saved);
  polrt_session_free(filled);
  polrt_session_free(loaded);
  polrt_program_free(p);
}

}  // namespace
}  // namespace polc::vmtest
