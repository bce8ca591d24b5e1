// polrt_evaluate_batch at its edges: an applicant whose fill callback fails.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "capi_session.h"
#include "polrt.h"

namespace polc::vmtest {
namespace {

// done() gets POLRT_ERR_ARGUMENT for an applicant its fill skipped; polrt_last_error() must then
// say so, not repeat an earlier failure (here the first applicant's missing 所在地), and keep the
// message of a call that failed inside fill.
TEST(CApiBatch, ASkippedApplicantHasItsOwnMessage) {
  auto c = compile(kCity);
  CApiSession session(*c);
  ASSERT_TRUE(session.error.empty()) << session.error;
  polrt_session* s = session.s;
  auto fill = [](polrt_session* s, size_t i, void*) -> int {
    if (i == 1) return 7;
    if (i == 2) return polrt_set_date(s, "2024-02-30") != POLRT_OK;
    int firm;
    return polrt_add_instance(s, "企业", -1, &firm) != POLRT_OK;  // without its required 所在地
  };
  auto done = [](polrt_session*, size_t, polrt_status status, void* user) {
    static_cast<std::vector<std::string>*>(user)->push_back(std::string(polrt_status_name(status)) + ": " +
                                                            polrt_last_error());
  };
  std::vector<std::string> seen;
  ASSERT_EQ(polrt_evaluate_batch(s, 3, 0, fill, done, &seen), POLRT_OK);
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_NE(seen[0].find("missing required fact"), std::string::npos) << seen[0];
  EXPECT_EQ(seen[1], "argument: applicant 1 skipped: fill returned 7");
  // A call that failed inside fill keeps its message.
  EXPECT_EQ(seen[2], "argument: applicant 2 skipped: fill returned 1 (the last error in it: 2024-02-30 is not a date: February 2024 has 29 days)");
}

}  // namespace
}  // namespace polc::vmtest
