// A C API session of a compiled program, freed with it: the start of the C API tests that need
// no fixture of their own.
#pragma once

#include <string>

#include <gtest/gtest.h>

#include "polrt.h"
#include "vm_util.h"

namespace polc::vmtest {

class CApiSession {
 public:
  explicit CApiSession(const Compiled& c) {
    if (c.bytecode.empty()) error = c.error;
    else if (polrt_load_memory(c.bytecode.data(), c.bytecode.size(), &p) != POLRT_OK || polrt_session_new(p, &s) != POLRT_OK)
      error = polrt_last_error();
  }
  ~CApiSession() {
    polrt_session_free(s);
    polrt_program_free(p);
  }
  CApiSession(const CApiSession&) = delete;
  CApiSession& operator=(const CApiSession&) = delete;

  polrt_program* p = nullptr;
  polrt_session* s = nullptr;
  std::string error;  // why there is no session
};

// Scenario P2's enterprise and project by the named setters, but for the project's 设备投入.
inline void describeP2(polrt_session* s, int& firm, int& project) {
  ASSERT_EQ(polrt_set_date(s, "2024-06-30"), POLRT_OK);
  ASSERT_EQ(polrt_add_instance(s, "企业", -1, &firm), POLRT_OK);
  ASSERT_EQ(polrt_set_fact(s, firm, "所在地", "新北区"), POLRT_OK);
  ASSERT_EQ(polrt_set_fact(s, firm, "制造业", "true"), POLRT_OK);
  ASSERT_EQ(polrt_add_instance(s, "项目", firm, &project), POLRT_OK);
  ASSERT_EQ(polrt_add_set_member(s, project, "入库", "常州市重大项目库"), POLRT_OK);
  ASSERT_EQ(polrt_set_fact(s, project, "当年竣工投产", "是"), POLRT_OK);
  ASSERT_EQ(polrt_set_fact(s, project, "产业", "新能源"), POLRT_OK);
}

}  // namespace polc::vmtest
