// Shared by the VM tests and benchmarks: compile seed policies to IR and bytecode, generate random
// applicants from the schema, and compare two evaluation results field by field.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "eval/eval.h"
#include "ir/ir.h"
#include "sema/model.h"
#include "support/diagnostics.h"
#include "support/source.h"

namespace polc::vmtest {

struct Compiled {
  SourceManager sm;
  DiagnosticEngine diags;
  std::unique_ptr<sema::Model> model;
  std::unique_ptr<ir::Program> program;
  std::vector<uint8_t> bytecode;
  std::string error;
};

// Policy files relative to the source tree's policies/ ("schema.pol", …).
std::unique_ptr<Compiled> compile(const std::vector<std::string>& files);
std::string policiesDir();

inline const std::vector<std::string> kCity = {"schema.pol", "changzhou-2022-industry-policy.pol"};
inline const std::vector<std::string> kCityWujin = {"schema.pol", "changzhou-2022-industry-policy.pol",
                                                     "wujin-2024-manufacturing-measures.pol"};
inline const std::vector<std::string> kAll = {"schema.pol", "changzhou-2022-industry-policy.pol",
                                               "wujin-2024-manufacturing-measures.pol", "changzhou-2022-reply-189.pol",
                                               "changzhou-2022-implementation-opinions.pol", "changzhou-2021-reply-141.pol"};

// Random applicants biased towards the program's own constants: thresholds, tier keys, caps
// (each ±0.01), document and parameter dates (±1 day), absent facts, award histories.
class Generator {
 public:
  Generator(const ir::Program& p, uint64_t seed);
  eval::Applicant next();
  int date() const { return date_; }

 private:
  polrt::Decimal number(const Type& t);
  ir::Value value(const ir::FactSlot& f);
  void instance(eval::Applicant& a, int subject, int parent, const std::string& path, int depth);
  int pick(int n) { return static_cast<int>(rng_() % static_cast<uint64_t>(n)); }
  bool chance(int percent) { return pick(100) < percent; }

  const ir::Program& p_;
  std::mt19937_64 rng_;
  std::vector<polrt::Decimal> constants_;
  std::vector<int> days_;
  std::vector<std::vector<int>> enumMembers_;  // per enum: members the program mentions, then all
  int date_ = 0;
};

// "" when equal, else the first difference.
std::string compare(const ir::Program& p, const eval::Result& a, const eval::Result& b, bool explain);

}  // namespace polc::vmtest
