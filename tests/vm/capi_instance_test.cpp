// polrt_add_instance at its edges: parents that are no instance.
#include <gtest/gtest.h>

#include <climits>
#include <string>

#include "capi_session.h"
#include "polrt.h"

namespace polc::vmtest {
namespace {

// -1 is the applicant's parent; -2 (or INT_MIN) is an index out of range, POLRT_ERR_ARGUMENT as
// polrt.h says of every such index. It was taken for -1: a 企业 became the applicant.
TEST(CApiInstances, ANegativeParentOtherThanMinusOneIsNoInstance) {
  auto c = compile(kCity);
  CApiSession session(*c);
  ASSERT_TRUE(session.error.empty()) << session.error;
  polrt_session* s = session.s;
  int firm = 7;
  EXPECT_EQ(polrt_add_instance(s, "企业", -2, &firm), POLRT_ERR_ARGUMENT);
  EXPECT_EQ(std::string(polrt_last_error()), "no instance -2 to own 企业 (the applicant's parent is -1)");
  EXPECT_EQ(polrt_add_instance(s, "企业", INT_MIN, &firm), POLRT_ERR_ARGUMENT);
  EXPECT_EQ(firm, 7);
  ASSERT_EQ(polrt_add_instance(s, "企业", -1, &firm), POLRT_OK) << polrt_last_error();
  EXPECT_EQ(firm, 0);
  int project = 7;
  EXPECT_EQ(polrt_add_instance(s, "项目", -3, &project), POLRT_ERR_ARGUMENT);
  EXPECT_EQ(std::string(polrt_last_error()), "no instance -3 to own 项目 (the applicant's parent is -1)");
  EXPECT_EQ(project, 7);
}

}  // namespace
}  // namespace polc::vmtest
