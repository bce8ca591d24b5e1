// Evaluations per second of every polc backend — the reference evaluator, the bytecode VM, the VM
// with its blocks compiled by LLVM (when built with it), the generated C++ — and of the hand-written evaluator of the subset (bench/handwritten/), on the
// subset, the city policy and city + Wujin; one applicant again and again (examples/applicants/
// p2.json) and a batch of generated applicants in turn. Times are CPU time of the process
// (CLOCK_PROCESS_CPUTIME_ID): the machine is shared. A plain program, run by bench/run_backends.sh,
// never by ctest.
//
//   polc_backends_bench [--batch N] [--min-time SECONDS] [--write DIR] [--only BACKEND] [--set NAME]
//                       [--mode single|batch|parts]
//
// Prints one tab-separated line per measurement: set, mode, backend, evaluations/s, ns/evaluation.
// --mode parts (only when asked for) splits the batch of the VM and of the generated C++: each
// applicant evaluated (or loaded) again and again before the next, hot, and the VM's loading of
// the applicants in turn; what a batch costs beyond their sum is the cost of changing applicant
// (caches, branch prediction). Not part of the table.
// --write DIR also writes, for the peers (bench/peers/), DIR/subset.jsonl (the subset's batch) and
// DIR/subset.expected.jsonl (polc's reference result for each line: the subset's awards), and the
// same for the single applicant (DIR/subset.single.jsonl, DIR/subset.single.expected.jsonl).
#include <time.h>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <type_traits>

#include <nlohmann/json.hpp>

#include "backend/bytecode/bridge.h"
#include "backend/llvm/jit.h"
#include "city_policy.h"
#include "citywujin_policy.h"
#include "facts/facts.h"
#include "handwritten/compare.h"
#include "handwritten/from_generated.h"
#include "subset_policy.h"

namespace {

using namespace polc;

double cpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

double g_minTime = 1.0;
// For profiling: --only BACKEND, --set NAME and --mode single|batch time only those (--mode parts: see above).
std::string g_only, g_set, g_mode;
bool want(const char* backend) { return g_only.empty() || g_only == backend; }
volatile std::size_t g_sink = 0;  // keeps the results alive

// Evaluations per CPU second of `one(i)` (i = 0, 1, 2 …), after a warm-up pass of `warm` calls.
double measure(std::size_t warm, const std::function<std::size_t(std::size_t)>& one) {
  for (std::size_t i = 0; i < warm; ++i) g_sink = g_sink + one(i);
  std::size_t n = 0;
  double start = cpuSeconds(), elapsed = 0;
  do {
    for (std::size_t k = 0; k < 256; ++k, ++n) g_sink = g_sink + one(n);
    elapsed = cpuSeconds() - start;
  } while (elapsed < g_minTime);
  return static_cast<double>(n) / elapsed;
}

void report(const std::string& set, const char* mode, const char* backend, double perSecond) {
  std::cout << set << "\t" << mode << "\t" << backend << "\t" << static_cast<long long>(perSecond) << "\t"
            << static_cast<long long>(1e9 / perSecond) << std::endl;
}

// Rate of `one(i)` repeated `times` times for each applicant i in turn, after `first(i)`, which is
// not timed: each applicant's cost with its data and branches hot.
double eachRepeated(std::size_t n, const std::function<void(std::size_t)>& first,
                    const std::function<std::size_t(std::size_t)>& one) {
  constexpr int times = 200;
  double spent = 0;
  for (std::size_t i = 0; i < n; ++i) {
    first(i);
    const double start = cpuSeconds();
    for (int k = 0; k < times; ++k) g_sink = g_sink + one(i);
    spent += cpuSeconds() - start;
  }
  return static_cast<double>(n * times) / spent;
}

// --mode parts: reports `what` unless the filters leave it out.
void part(const std::string& set, const char* backend, const std::function<double()>& rate) {
  if (g_mode == "parts" && (g_only.empty() || std::string(backend).rfind(g_only, 0) == 0)) report(set, "parts", backend, rate());
}

// Runs `one` and reports its rate unless the filters leave it out.
void timeIt(const std::string& set, const char* mode, const char* backend, std::size_t warm,
            const std::function<std::size_t(std::size_t)>& one) {
  if (!want(backend) || (!g_mode.empty() && g_mode != mode)) return;
  report(set, mode, backend, measure(warm, one));
}

std::string readAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// One policy set's generated C++, by its namespace's reader and evaluator.
template <class Facts>
struct Generated {
  bool (*read)(const std::string&, Facts&, std::vector<std::string>&);
  void (*eval)(const Facts&, polc_rt::Result&, const polc_rt::Options&);
};

struct Set {
  std::string name;
  std::vector<std::string> files;
};

void handWritten(const ir::Program& p, const std::vector<std::string>& lines, const std::vector<eval::Applicant>& refs,
                 const std::vector<subset_policy::Facts>& gens, const subset_policy::Facts& genSingle,
                 const std::string& single, const eval::Applicant& singleRef, const std::string& writeDir);

template <class Facts>
void run(const Set& set, const Generated<Facts>& gen, int batchSize, const std::string& writeDir) {
  if (!g_set.empty() && g_set != set.name) return;
  auto c = vmtest::compile(set.files);
  if (!c->error.empty()) {
    std::cerr << set.name << ": " << c->error << "\n";
    std::exit(1);
  }
  auto loaded = polrt::load(c->bytecode.data(), c->bytecode.size());
  if (!loaded.program) std::exit(1);
  const ir::Program& p = *c->program;

  // The applicants: p2 alone, and a batch of generated ones the reference evaluates without error.
  std::string p2 = readAll(std::string(POLC_SOURCE_DIR) + "/examples/applicants/p2.json");
  std::vector<std::string> lines;
  std::vector<eval::Applicant> refs;
  for (const auto& line : hw::benchmarkApplicants(*c, batchSize * 11 / 10, 42)) {
    auto f = facts::readFacts(*c->model, p, line);
    try {
      eval::evaluate(p, f.applicant, eval::Options{});
    } catch (const eval::EvalError&) {
      continue;
    }
    if (static_cast<int>(lines.size()) == batchSize) break;
    lines.push_back(line);
    refs.push_back(f.applicant);
  }
  auto single = facts::readFacts(*c->model, p, p2);
  std::vector<Facts> gens(lines.size());
  Facts genSingle;
  std::vector<std::string> errors;
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (!gen.read(lines[i], gens[i], errors)) std::exit(1);
  if (!single.ok() || !gen.read(p2, genSingle, errors)) std::exit(1);
  const std::size_t n = lines.size();

  auto ref = [&](const eval::Applicant& a) { return eval::evaluate(p, a, eval::Options{}).awards.size(); };
  timeIt(set.name, "single", "reference", 100, [&](std::size_t) { return ref(single.applicant); });
  timeIt(set.name, "batch", "reference", n, [&](std::size_t i) { return ref(refs[i % n]); });

  // The VM: the batch loads each applicant, recorded once before the clock starts
  // (polrt::Applicant, as the generated C++ reads its Facts first), into the reused session. Each
  // is recorded as an embedder would: the session filled by the setters, then saved (the facts the
  // program reads).
  polrt::Session s(*loaded.program);
  std::vector<polrt::Applicant> recorded(refs.size());
  for (std::size_t i = 0; i < refs.size(); ++i) {
    bytecode::loadApplicant(s, refs[i], std::nullopt);
    s.save(recorded[i]);
  }
  bytecode::loadApplicant(s, single.applicant, std::nullopt);
  timeIt(set.name, "single", "vm", 1000, [&](std::size_t) { return static_cast<std::size_t>(s.evaluate(false)); });
  timeIt(set.name, "batch", "vm", n, [&](std::size_t i) {
           s.load(recorded[i % n]);
           return static_cast<std::size_t>(s.evaluate(false));
         });
  part(set.name, "vm: evaluate, each applicant repeated", [&] {
    return eachRepeated(n, [&](std::size_t i) { s.load(recorded[i]); }, [&](std::size_t) { return static_cast<std::size_t>(s.evaluate(false)); });
  });
  part(set.name, "vm: load, each applicant repeated", [&] {
    return eachRepeated(n, [](std::size_t) {}, [&](std::size_t i) { return static_cast<std::size_t>(s.load(recorded[i])); });
  });
  part(set.name, "vm: load, in turn", [&] {
    return measure(n, [&](std::size_t i) { return static_cast<std::size_t>(s.load(recorded[i % n])); });
  });

  // LLVM: the same runtime with its blocks compiled to native code (compiler/backend/llvm), when
  // polc was built with LLVM; checked against the VM on the batch first.
  auto native = polrt::load(c->bytecode.data(), c->bytecode.size());
  std::string error;
  std::unique_ptr<llvmjit::NativeCode> code;
  if (llvmjit::available() && native.program && want("LLVM")) code = llvmjit::attach(*native.program, error);
  if (code) {
    polrt::Session ls(*native.program);
    for (std::size_t i = 0; i < n && error.empty(); ++i) {
      bytecode::loadApplicant(s, refs[i], std::nullopt);
      if (!ls.load(recorded[i])) error = "the recorded applicant does not load";
      else if (s.evaluate(false) != ls.evaluate(false)) error = "evaluation status";
      else error = vmtest::compare(p, bytecode::toResult(s, false), bytecode::toResult(ls, false), false);
    }
    if (!error.empty()) {
      std::cerr << set.name << ": LLVM left out, it differs from the VM: " << error << "\n";
    } else {
      bytecode::loadApplicant(ls, single.applicant, std::nullopt);
      timeIt(set.name, "single", "LLVM", 1000, [&](std::size_t) { return static_cast<std::size_t>(ls.evaluate(false)); });
      timeIt(set.name, "batch", "LLVM", n, [&](std::size_t i) {
               ls.load(recorded[i % n]);
               return static_cast<std::size_t>(ls.evaluate(false));
             });
    }
  } else if (llvmjit::available() && want("LLVM")) {
    std::cerr << set.name << ": LLVM left out: " << error << "\n";
  }

  // Into one reused result, as the hand-written evaluator does (its buffers stop growing).
  polc_rt::Result result;
  auto generated = [&](const Facts& f) {
    gen.eval(f, result, polc_rt::Options{});
    return result.awards.size();
  };
  timeIt(set.name, "single", "generated C++", 1000, [&](std::size_t) { return generated(genSingle); });
  timeIt(set.name, "batch", "generated C++", n, [&](std::size_t i) { return generated(gens[i % n]); });
  part(set.name, "generated C++: evaluate, each applicant repeated", [&] {
    return eachRepeated(n, [](std::size_t) {}, [&](std::size_t i) { return generated(gens[i]); });
  });

  if constexpr (std::is_same_v<Facts, subset_policy::Facts>) handWritten(p, lines, refs, gens, genSingle, p2, single.applicant, writeDir);
}

// The hand-written evaluator of the subset, checked first on every applicant of the batch.
void handWritten(const ir::Program& p, const std::vector<std::string>& lines, const std::vector<eval::Applicant>& refs,
                 const std::vector<subset_policy::Facts>& gens, const subset_policy::Facts& genSingle,
                 const std::string& single, const eval::Applicant& singleRef, const std::string& writeDir) {
  const std::size_t n = lines.size();
  const std::string set = "subset";
  // The hand-written evaluator, checked first on every applicant of the batch.
  std::vector<hw::Applicant> hands;
  hw::Result r;
  for (std::size_t i = 0; i < n; ++i) {
    hands.push_back(hw::fromGenerated(gens[i]));
    hw::evaluate(hands.back(), r);
    std::string diff = hw::compareWithReference(p, refs[i], r, hands.back());
    if (!diff.empty()) {
      std::cerr << "the hand-written evaluator differs on " << lines[i] << "\n" << diff;
      std::exit(1);
    }
  }
  hw::Applicant handSingle = hw::fromGenerated(genSingle);
  hw::evaluate(handSingle, r);
  if (std::string diff = hw::compareWithReference(p, singleRef, r, handSingle); !diff.empty()) {
    std::cerr << "the hand-written evaluator differs on p2.json\n" << diff;
    std::exit(1);
  }
  timeIt(set, "single", "hand-written", 1000, [&](std::size_t) {
           hw::evaluate(handSingle, r);
           return r.awards.size();
         });
  timeIt(set, "batch", "hand-written", n, [&](std::size_t i) {
           hw::evaluate(hands[i % n], r);
           return r.awards.size();
         });
  if (writeDir.empty()) return;
  auto write = [&](const std::string& name, const std::vector<std::string>& texts, const std::vector<eval::Applicant>& as) {
    std::ofstream in(writeDir + "/" + name + ".jsonl"), out(writeDir + "/" + name + ".expected.jsonl");
    for (std::size_t i = 0; i < as.size(); ++i) {
      in << texts[i] << "\n";
      out << hw::expectedJson(p, as[i], eval::evaluate(p, as[i], eval::Options{})) << "\n";
    }
  };
  write("subset", lines, refs);
  write("subset.single", {nlohmann::json::parse(single).dump()}, {singleRef});  // one line
}

}  // namespace

int main(int argc, char** argv) {
  int batch = 1000;
  std::string writeDir;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--batch") batch = std::atoi(argv[i + 1]);
    else if (a == "--min-time") g_minTime = std::atof(argv[i + 1]);
    else if (a == "--write") writeDir = argv[i + 1];
    else if (a == "--only") g_only = argv[i + 1];
    else if (a == "--set") g_set = argv[i + 1];
    else if (a == "--mode") g_mode = argv[i + 1];
    else {
      std::cerr << "usage: polc_backends_bench [--batch N] [--min-time SECONDS] [--write DIR] [--only BACKEND] [--set NAME] [--mode single|batch|parts]\n";
      return 2;
    }
  }
  std::cout << "set\tmode\tbackend\tevals/s\tns/eval" << std::endl;
  run(Set{"subset", hw::kSubsetFiles}, Generated<subset_policy::Facts>{subset_policy::readFacts, subset_policy::evaluate},
      batch, writeDir);
  run(Set{"city", vmtest::kCity}, Generated<city_policy::Facts>{city_policy::readFacts, city_policy::evaluate}, batch, "");
  run(Set{"city + Wujin", vmtest::kCityWujin},
      Generated<citywujin_policy::Facts>{citywujin_policy::readFacts, citywujin_policy::evaluate}, batch, "");
  return 0;
}
