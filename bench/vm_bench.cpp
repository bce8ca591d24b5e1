// Applicant evaluations per second: the reference evaluator (compiler/eval) against the bytecode VM
// (runtime/vm), on the city policy and on city + Wujin; one applicant evaluated again and again,
// and batches of 1000 different generated applicants (loading each into the reused session is
// part of the VM's time); with and without explanations. `allocs/eval` counts operator new calls
// during the timed loop, per evaluation.
//
//   build/bench/polc_bench                       # all
//   build/bench/polc_bench --benchmark_filter=Vm # only the VM
#include <benchmark/benchmark.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <new>
#include <sstream>

#include "backend/bytecode/bridge.h"
#include "facts/facts.h"
#include "vm_util.h"

static std::atomic<long> g_allocs{0};

// The replaced global operator new and delete are a malloc/free pair, as the standard allows;
// gcc 12 still warns when it inlines them (-Wmismatched-new-delete, a known false positive).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

void* operator new(std::size_t n) {
  g_allocs.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace {

using namespace polc;

struct Fixture {
  std::unique_ptr<vmtest::Compiled> c;
  std::unique_ptr<polrt::Program> vm;
  eval::Applicant p2;
  std::vector<eval::Applicant> batch;
};

Fixture& fixture(bool wujin) {
  static Fixture city, both;
  Fixture& f = wujin ? both : city;
  if (!f.c) {
    f.c = vmtest::compile(wujin ? vmtest::kCityWujin : vmtest::kCity);
    if (!f.c->error.empty()) std::abort();
    auto r = polrt::load(f.c->bytecode.data(), f.c->bytecode.size());
    if (!r.program) std::abort();
    f.vm = std::move(r.program);
    std::ifstream in(std::string(POLC_SOURCE_DIR) + "/examples/applicants/p2.json");
    std::stringstream ss;
    ss << in.rdbuf();
    auto facts = facts::readFacts(*f.c->model, *f.c->program, ss.str());
    if (!facts.ok()) std::abort();
    f.p2 = facts.applicant;
    vmtest::Generator gen(*f.c->program, 42);
    for (int i = 0; i < 1000; ++i) f.batch.push_back(gen.next());
  }
  return f;
}

void Ref(benchmark::State& state, bool wujin, bool batch, bool explain) {
  Fixture& f = fixture(wujin);
  eval::Options o;
  o.explain = explain;
  std::size_t i = 0;
  for (auto _ : state) {
    const eval::Applicant& a = batch ? f.batch[i++ % f.batch.size()] : f.p2;
    try {
      auto r = eval::evaluate(*f.c->program, a, o);
      benchmark::DoNotOptimize(r.awards.data());
    } catch (const eval::EvalError&) {
    }
  }
  state.counters["evals/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void Vm(benchmark::State& state, bool wujin, bool batch, bool explain) {
  Fixture& f = fixture(wujin);
  polrt::Session s(*f.vm);
  // Warm up: let every buffer reach the size the applicants need.
  for (const auto& a : f.batch) {
    bytecode::loadApplicant(s, a, std::nullopt);
    s.evaluate(explain);
  }
  bytecode::loadApplicant(s, f.p2, std::nullopt);
  s.evaluate(explain);
  std::size_t i = 0;
  long before = g_allocs.load();
  for (auto _ : state) {
    if (batch) bytecode::loadApplicant(s, f.batch[i++ % f.batch.size()], std::nullopt);
    bool ok = s.evaluate(explain);
    benchmark::DoNotOptimize(ok);
  }
  long allocs = g_allocs.load() - before;
  state.counters["evals/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["allocs/eval"] = static_cast<double>(allocs) / static_cast<double>(state.iterations());
}

#define POLC_BENCH_PAIR(name, wujin, batch, explain)                                       \
  BENCHMARK_CAPTURE(Ref, name, wujin, batch, explain)->Unit(benchmark::kMicrosecond);     \
  BENCHMARK_CAPTURE(Vm, name, wujin, batch, explain)->Unit(benchmark::kMicrosecond);

POLC_BENCH_PAIR(city_single, false, false, false)
POLC_BENCH_PAIR(city_single_explain, false, false, true)
POLC_BENCH_PAIR(city_batch, false, true, false)
POLC_BENCH_PAIR(city_batch_explain, false, true, true)
POLC_BENCH_PAIR(city_wujin_single, true, false, false)
POLC_BENCH_PAIR(city_wujin_single_explain, true, false, true)
POLC_BENCH_PAIR(city_wujin_batch, true, true, false)
POLC_BENCH_PAIR(city_wujin_batch_explain, true, true, true)

}  // namespace

BENCHMARK_MAIN();
