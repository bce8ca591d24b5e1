// What the files of the C API share (polrt.cpp, why_not_api.cpp): the handles behind the opaque
// types of polrt.h, and the error and string helpers every entry point uses.
#pragma once

#include <deque>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "api/totals_text.h"
#include "bytecode/program.h"
#include "polrt.h"
#include "vm/vm.h"

struct polrt_program {
  std::unique_ptr<polrt::Program> p;
  // Per subject, its required (必填) facts' slots: polrt_evaluate checks them (requiredGiven).
  std::vector<std::vector<int>> required;
};

struct polrt_applicant {
  polrt::Applicant a;
};

struct polrt_session {
  const polrt_program* prog = nullptr;
  std::unique_ptr<polrt::Session> s;
  std::deque<std::string> strings;  // strings handed out since the last evaluation
  bool evaluated = false;           // it holds the result of polrt_evaluate (polrt_evaluation_date)
  // The totals' strings, made by the first getter that reads them after an evaluation (totals()).
  mutable std::optional<polrt::TotalsText> totals;
  // What the last polrt_why_not found: its strings live as long as the result's.
  std::vector<polrt::WhyNotR> whyNot;

  // The result is about to change: what was handed out of it goes (its strings' lifetime ends).
  void forgetResult() {
    strings.clear();
    evaluated = false;
    totals.reset();
    whyNot.clear();
  }
};

namespace polrt::api {

// The message of the last failure on the calling thread (polrt_last_error): one for every file of
// the API.
inline thread_local std::string g_error;

inline polrt_status fail(polrt_status st, std::string msg) {
  try {
    g_error = std::move(msg);
  } catch (...) {
  }
  return st;
}

template <class F>
polrt_status guard(F&& f) noexcept {
  try {
    return f();
  } catch (const std::bad_alloc&) {
    return fail(POLRT_ERR_MEMORY, "out of memory");
  } catch (const std::exception& e) {
    return fail(POLRT_ERR_INTERNAL, std::string("internal error: ") + e.what());
  } catch (...) {
    return fail(POLRT_ERR_INTERNAL, "internal error");
  }
}

template <class T, class F>
T guardValue(T fallback, F&& f) noexcept {
  try {
    return f();
  } catch (...) {
    return fallback;
  }
}

inline const char* keep(const polrt_session* s, std::string v) {
  auto* self = const_cast<polrt_session*>(s);
  self->strings.push_back(std::move(v));
  return self->strings.back().c_str();
}

inline const polrt::TotalsText& totals(const polrt_session* s) {
  if (!s->totals) s->totals.emplace(*s->s);
  return *s->totals;
}

}  // namespace polrt::api
