// The differential test of the four evaluators (evaluators.h): the same applicants through the
// reference evaluator, the bytecode VM, the VM with LLVM-compiled blocks and the generated C++,
// compared on every award — citation, item, kind, status, form, min/max, payee, funding split,
// installments, reason, notes — and the totals; the first three also on missing facts, the date
// and (every 8th random applicant, and every case from a file) the explanation lines. Evaluation
// errors must agree too.
//
//   polc_differential POLICY_DIR [N [SEED]]        N random applicants (default 100000)
//   polc_differential POLICY_DIR --facts F.json…   the given applicants and policy test cases
//   polc_differential POLICY_DIR --refused F.json… the same, each refused in the same words by every reader
//
// POLC_DIFF_APPLICANTS, when set, replaces N (the sanitizer build runs fewer; a long run more:
//   POLC_DIFF_APPLICANTS=5000000 build/tests/differential/polc_differential policies 0 7).
// POLC_WHY_NOT_EVERY=K, when set, compares the why-not reasons of every Kth case from files only.
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "differential/applicant_gen.h"
#include "differential/evaluators.h"

using namespace polc;
namespace fs = std::filesystem;
using difftest::Evaluators;
using difftest::Outcome;

namespace {

// Every evaluator present agrees (with `words`, on the texts of facts errors too); else prints the
// first few differences.
bool agree(const Evaluators& ev, const Outcome out[], const std::string& label, const std::string& json, int& failures,
           bool words = false) {
  const std::string report = ev.disagreement(out, words);
  if (report.empty()) return true;
  if (++failures <= 5) std::cerr << "MISMATCH " << label << "\n  facts: " << json << "\n" << report << "\n";
  return false;
}

// A case's applicant as `polc test` makes it (compiler/driver/test_command.cpp): its facts (an
// object, or a facts file beside the test file) or the file's base, with its merge patch, and the
// case's or the file's date. None for a case of other policies than the ones compared.
std::optional<nlohmann::json> caseFacts(const nlohmann::json& file, const nlohmann::json& c, const fs::path& dir) {
  if (c.contains("policies") || file.contains("policies")) return std::nullopt;
  nlohmann::json facts;
  if (c.contains("facts") && c["facts"].is_string())
    facts = nlohmann::json::parse(difftest::readInput((dir / c["facts"].get<std::string>()).string()), nullptr, false);
  else if (c.contains("facts"))
    facts = c["facts"];
  else if (file.contains("base"))
    facts = file["base"];
  else
    return std::nullopt;
  if (c.contains("patch")) facts.merge_patch(c["patch"]);
  const nlohmann::json* date = c.contains("date") ? &c["date"] : file.contains("date") ? &file["date"] : nullptr;
  if (date && facts.is_object()) {
    facts.erase("日期");
    facts["date"] = *date;
  }
  return facts;
}

// --facts, or --refused: every applicant must be refused, and every reader must word its errors
// letter for letter as polc's reader does (the paths are the same: each names a field by the path
// of docs/facts.md), so that a reader whose wording drifts fails.
int fromFiles(Evaluators& ev, int argc, char** argv) {
  const bool refusedOnly = std::string(argv[2]) == "--refused";
  int n = 0, failures = 0;
  int whyNotEvery = 1;
  if (const char* env = std::getenv("POLC_WHY_NOT_EVERY"); env && std::atoi(env) > 1) whyNotEvery = std::atoi(env);
  Outcome out[Evaluators::kCount];
  auto one = [&](const std::string& json, const std::string& label) {
    ev.run(json, true, out);
    if (refusedOnly && out[0].factsOk && ++failures <= 5)
      std::cerr << "ACCEPTED " << label << "\n  facts: " << json << "\n  (a case of --refused must be refused)\n";
    else agree(ev, out, label, json, failures, refusedOnly);
    // And why each clause paid nothing: the C API's reasons are `polc eval --why-not`'s. Under the
    // sanitizers (POLC_WHY_NOT_EVERY, scripts/test.sh) only every Nth case: asking the generated
    // C++ clause by clause, at -O0 under ASan, took 84 s of CI's 900 for the 662 cases; the normal
    // build compares every case.
    if (n % whyNotEvery == 0) {
      if (std::string why = ev.whyNotDisagreement(json); !why.empty() && ++failures <= 5)
        std::cerr << "WHY-NOT MISMATCH " << label << "\n  facts: " << json << "\n" << why;
    }
    ++n;
  };
  for (int i = 3; i < argc; ++i) {
    std::string text = difftest::readInput(argv[i]);
    // A policy test file holds cases (docs/testing.md); a facts file is one applicant.
    nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_object() && j.contains("cases")) {
      for (const auto& cs : j["cases"])
        if (auto facts = caseFacts(j, cs, fs::path(argv[i]).parent_path()))
          one(facts->dump(), std::string(argv[i]) + " " + cs.value("name", ""));
    } else {
      one(text, argv[i]);
    }
  }
  std::cout << fmt::format("{} applicants from files, {} evaluators: {} mismatches\n", n, ev.hasLlvm() ? 4 : 3, failures);
  return failures ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: polc_differential POLICY_DIR [N [SEED]] | POLICY_DIR --facts FILE… | POLICY_DIR --refused FILE…\n";
    return 2;
  }
  Evaluators ev(argv[1]);
  if (!ev.error().empty()) {
    std::cerr << ev.error() << "\n";
    return 1;
  }
  if (!ev.hasLlvm()) std::cout << "built without LLVM: comparing reference, vm and generated C++\n";
  if (argc >= 3 && (std::string(argv[2]) == "--facts" || std::string(argv[2]) == "--refused")) return fromFiles(ev, argc, argv);

  long n = argc >= 3 ? std::stol(argv[2]) : 100000;
  if (const char* env = std::getenv("POLC_DIFF_APPLICANTS"); env && *env) n = std::strtol(env, nullptr, 10);
  std::uint64_t seed = argc >= 4 ? std::stoull(argv[3]) : 20240630;
  difftest::ApplicantGenerator g(ev.program(), seed);
  auto start = std::chrono::steady_clock::now();
  long errorsAll = 0, rejected = 0;
  int failures = 0;
  std::map<std::string, long> statuses;  // how often each status occurs: the test must reach them all
  Outcome out[Evaluators::kCount];
  for (long i = 0; i < n; ++i) {
    std::string json = g.next();
    ev.run(json, i % 8 == 0, out);
    if (!out[0].factsOk) ++rejected;
    else if (out[0].core.rfind("error:", 0) == 0) ++errorsAll;
    for (const char* st : {"| kept", "| capped", "| dropped", "| not_assessable", "| already_received", "| quota_limited"})
      for (std::size_t at = out[0].core.find(st); at != std::string::npos; at = out[0].core.find(st, at + 1)) ++statuses[st];
    agree(ev, out, "applicant " + std::to_string(i), json, failures);
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << fmt::format(
      "{} random applicants (seed {}), {} evaluators: {} mismatches, {} evaluation errors (agreed), {} facts rejected by all; "
      "{:.1f} s\n",
      n, seed, ev.hasLlvm() ? 4 : 3, failures, errorsAll, rejected, secs);
  std::cout << "awards by status:";
  for (const auto& [st, count] : statuses) std::cout << " " << st.substr(2) << " " << count;
  std::cout << "\n";
  return failures ? 1 : 0;
}
