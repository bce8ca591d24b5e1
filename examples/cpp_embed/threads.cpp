// "Another system" that evaluates applicants on several threads at once — a portal serving many
// requests — with the generated code shared and a Result per thread (docs/cpp.md, "Threads").
// Each applicant's result on every thread must be the one it has on a single thread.
//
//   cpp_embed_threads APPLICANT.json…
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "policy.h"

namespace {

constexpr int kThreads = 4;
constexpr int kRounds = 50;

// The canonical summary of a result, with every explanation line.
std::string describe(const policy::Result& r) {
  std::string out = polc_rt::summary(r);
  for (const auto& aw : r.awards)
    for (const auto& line : aw.explanation) out += line + "\n";
  return out;
}

std::string evaluateOnce(const policy::Facts& facts, policy::Result& r) {
  policy::Options o;
  o.explain = true;
  try {
    policy::evaluate(facts, r, o);
  } catch (const polc_rt::EvalError& e) {
    return std::string("evaluation error: ") + e.what();
  }
  return describe(r);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<policy::Facts> applicants;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    policy::Facts facts;
    std::vector<std::string> errors;
    if (!in || !policy::readFacts(text.str(), facts, errors)) {
      std::cerr << argv[i] << ": cannot read the facts\n";
      return 1;
    }
    applicants.push_back(std::move(facts));
  }
  if (applicants.empty()) {
    std::cerr << "usage: cpp_embed_threads APPLICANT.json…\n";
    return 2;
  }
  std::vector<std::string> alone;
  {
    policy::Result r;
    for (const auto& a : applicants) alone.push_back(evaluateOnce(a, r));
  }
  std::vector<std::string> mismatch(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      policy::Result r;  // this thread's, reused for each of its applicants
      for (int round = 0; round < kRounds && mismatch[t].empty(); ++round)
        for (std::size_t k = 0; k < applicants.size(); ++k) {
          const std::size_t i = (k + static_cast<std::size_t>(t)) % applicants.size();
          if (std::string got = evaluateOnce(applicants[i], r); got != alone[i]) {
            mismatch[t] = std::string(argv[i + 1]) + " on thread " + std::to_string(t) + ":\n" + got +
                          "\nalone:\n" + alone[i];
            break;
          }
        }
    });
  for (auto& th : threads) th.join();
  for (const auto& m : mismatch)
    if (!m.empty()) {
      std::cerr << "a result differs from the single thread's: " << m << "\n";
      return 1;
    }
  std::cout << applicants.size() << " applicants on " << kThreads << " threads, " << kRounds
            << " rounds each: every result equals the single thread's\n";
  return 0;
}
