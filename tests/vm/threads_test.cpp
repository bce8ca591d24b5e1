// What runtime/include/polrt.h promises an embedder with threads: a loaded program is immutable
// and shared, a session per thread, the last error per thread. Each thread's results must be the
// ones the same applicants give on one thread. Under ASan in CI; under TSan by hand
// (docs/robustness.md, "Threads").
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "backend/bytecode/bridge.h"
#include "polrt.h"
#include "vm_util.h"

namespace polc::vmtest {
namespace {

constexpr int kThreads = 4;

struct Evaluated {
  eval::Result result;
  std::string error;  // an evaluation error (an LPR looked up before its first date), or ""
};

Evaluated evaluateOn(polrt::Session& s, const eval::Applicant& a, int date, bool explain) {
  bytecode::loadApplicant(s, a, date);
  Evaluated e;
  if (s.evaluate(explain)) e.result = bytecode::toResult(s, explain);
  else e.error = s.error();
  return e;
}

TEST(Threads, SessionsOfOneProgramEvaluateAsOnOneThread) {
  auto c = compile(kAll);
  ASSERT_TRUE(c->error.empty()) << c->error;
  auto loaded = polrt::load(c->bytecode.data(), c->bytecode.size());
  ASSERT_TRUE(loaded.program) << loaded.error;
  const polrt::Program& program = *loaded.program;

  Generator gen(*c->program, 31);
  std::vector<eval::Applicant> applicants;
  std::vector<int> dates;
  for (int i = 0; i < 120; ++i) {
    applicants.push_back(gen.next());
    dates.push_back(gen.date());
  }
  std::vector<Evaluated> alone;
  {
    polrt::Session s(program);
    for (std::size_t i = 0; i < applicants.size(); ++i)
      alone.push_back(evaluateOn(s, applicants[i], dates[i], (i % 3) == 0));
  }

  // Each thread walks the applicants from its own start, so that different threads evaluate
  // different applicants at the same time, and reuses its session as an embedder would.
  std::vector<std::string> mismatch(kThreads);
  std::atomic<int> evaluated{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      polrt::Session s(program);
      for (int round = 0; round < 3 && mismatch[t].empty(); ++round)
        for (std::size_t k = 0; k < applicants.size(); ++k) {
          const std::size_t i = (k + static_cast<std::size_t>(t) * 37) % applicants.size();
          const bool explain = (i % 3) == 0;
          Evaluated e = evaluateOn(s, applicants[i], dates[i], explain);
          evaluated.fetch_add(1, std::memory_order_relaxed);
          std::string diff = e.error != alone[i].error
                                 ? "error \"" + e.error + "\" against \"" + alone[i].error + "\""
                                 : compare(*c->program, alone[i].result, e.result, explain);
          if (!diff.empty()) {
            mismatch[t] = "applicant " + std::to_string(i) + ": " + diff;
            break;
          }
        }
    });
  for (auto& th : threads) th.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(mismatch[t], "") << "thread " << t;
  EXPECT_EQ(evaluated.load(), kThreads * 3 * static_cast<int>(applicants.size()));
}

// polrt_last_error() is the calling thread's: a failure on one thread does not overwrite the
// message another thread is about to read.
TEST(Threads, EachThreadReadsItsOwnLastError) {
  auto c = compile(kCity);
  ASSERT_TRUE(c->error.empty()) << c->error;
  polrt_program* program = nullptr;
  ASSERT_EQ(polrt_load_memory(c->bytecode.data(), c->bytecode.size(), &program), POLRT_OK) << polrt_last_error();
  std::vector<std::string> wrong(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      polrt_session* s = nullptr;
      if (polrt_session_new(program, &s) != POLRT_OK) {
        wrong[t] = "no session";
        return;
      }
      int firm = -1;
      polrt_add_instance(s, "企业", -1, &firm);
      // A fact name of this thread's own, so that its message can be told from the others'.
      const std::string name = "没有这个事实" + std::to_string(t);
      for (int i = 0; i < 2000 && wrong[t].empty(); ++i) {
        if (polrt_set_fact(s, firm, name.c_str(), "1") != POLRT_ERR_NOT_FOUND) wrong[t] = "accepted " + name;
        else if (std::string(polrt_last_error()).find(name) == std::string::npos)
          wrong[t] = std::string("read another thread's error: ") + polrt_last_error();
      }
      polrt_session_free(s);
    });
  for (auto& th : threads) th.join();
  polrt_program_free(program);
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(wrong[t], "") << "thread " << t;
}

}  // namespace
}  // namespace polc::vmtest
