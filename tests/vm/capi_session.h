// A C API session of a compiled program, freed with it: the start of the C API tests that need
// no fixture of their own.
#pragma once

#include <string>

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

}  // namespace polc::vmtest
