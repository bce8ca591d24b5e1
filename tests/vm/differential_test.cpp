// The VM against the reference evaluator on random applicants: every award, kind, amount, status,
// reason, payer split and total must be identical, and so must evaluation errors. Explanations are
// compared on every 8th applicant.
//
// CI runs 100,000 applicants across the seed policies (a few seconds in RelWithDebInfo). A longer
// run is one command:
//   POLC_DIFF_APPLICANTS=5000000 POLC_DIFF_SEED=7 build/tests/polc_vm_tests --gtest_filter='Differential.*'
#include <gtest/gtest.h>

#include <cstdlib>

#include "backend/bytecode/bridge.h"
#include "vm_util.h"

namespace polc::vmtest {
namespace {

long envLong(const char* name, long fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::strtol(v, nullptr, 10) : fallback;
}

struct Stats {
  long applicants = 0, awards = 0, errors = 0, kept = 0, dropped = 0, capped = 0, notAssessable = 0;
};

Stats run(const std::vector<std::string>& files, long n, uint64_t seed) {
  Stats st;
  auto c = compile(files);
  EXPECT_TRUE(c->error.empty()) << c->error;
  if (!c->error.empty()) return st;
  auto loaded = polrt::load(c->bytecode.data(), c->bytecode.size());
  EXPECT_TRUE(loaded.program) << loaded.error;
  if (!loaded.program) return st;
  polrt::Session session(*loaded.program);
  Generator gen(*c->program, seed);
  for (long i = 0; i < n; ++i) {
    eval::Applicant a = gen.next();
    bool explain = i % 8 == 0;
    eval::Options o;
    o.explain = explain;
    eval::Result ref;
    std::string refError;
    try {
      ref = eval::evaluate(*c->program, a, o);
    } catch (const eval::EvalError& e) {
      refError = e.what();
    }
    bytecode::loadApplicant(session, a, std::nullopt);
    bool ok = session.evaluate(explain);
    ++st.applicants;
    if (!refError.empty() || !ok) {
      ++st.errors;
      EXPECT_EQ(refError, ok ? std::string() : session.error()) << "applicant " << i << " (seed " << seed << ")";
      if (refError != (ok ? std::string() : session.error())) return st;
      continue;
    }
    eval::Result vm = bytecode::toResult(session, explain);
    std::string d = compare(*c->program, ref, vm, explain);
    EXPECT_EQ(d, "") << "applicant " << i << " (seed " << seed << ")";
    if (!d.empty()) {
      if (std::getenv("POLC_DIFF_VERBOSE")) {
        for (const auto* r : {&ref, &vm}) {
          std::printf("%s\n", r == &ref ? "ref:" : "vm:");
          for (const auto& aw : r->awards)
            std::printf("  %s #%d %s %s..%s cap=%s %s\n", c->program->clauses[aw.clause].citation.c_str(), aw.instance,
                        eval::statusName(aw.status), aw.lo.toString().c_str(), aw.hi.toString().c_str(),
                        aw.computedHi.toString().c_str(), aw.reason.c_str());
        }
      }
      return st;
    }
    st.awards += static_cast<long>(ref.awards.size());
    for (const auto& aw : ref.awards) {
      st.kept += aw.status == eval::Status::Kept;
      st.dropped += aw.status == eval::Status::Dropped;
      st.capped += aw.capped;
      st.notAssessable += aw.status == eval::Status::NotAssessable;
    }
  }
  return st;
}

void report(const char* name, const Stats& s) {
  std::printf("%s: %ld applicants, %ld awards (%ld kept, %ld dropped, %ld capped, %ld not assessable), %ld evaluation errors\n",
              name, s.applicants, s.awards, s.kept, s.dropped, s.capped, s.notAssessable, s.errors);
}

const long kTotal = envLong("POLC_DIFF_APPLICANTS", 100000);
const uint64_t kSeed = static_cast<uint64_t>(envLong("POLC_DIFF_SEED", 20240630));

TEST(Differential, AllSeedPolicies) {
  Stats s = run(kAll, kTotal * 4 / 10, kSeed);
  report("all policies", s);
  EXPECT_GT(s.dropped, 0);
  EXPECT_GT(s.capped, 0);
}

TEST(Differential, CityPolicy) {
  Stats s = run(kCity, kTotal * 3 / 10, kSeed + 1);
  report("city", s);
  EXPECT_GT(s.kept, 0);
}

TEST(Differential, CityAndWujin) {
  Stats s = run(kCityWujin, kTotal - kTotal * 4 / 10 - kTotal * 3 / 10, kSeed + 2);
  report("city + wujin", s);
  EXPECT_GT(s.dropped, 0);
}

}  // namespace
}  // namespace polc::vmtest
