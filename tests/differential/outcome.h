// What one evaluator made of one applicant, as canonical text (evaluators.h compares them), and the
// side of the comparison that runs the generated C++ (generated_run.cpp). That side is the only
// code compiled once for every policy set, against its policy.h; the other evaluators are compiled
// once for all sets (evaluators.cpp), so this header includes none of the compiler's.
#pragma once

#include <string>
#include <vector>

namespace polc::difftest {

struct Outcome {
  bool factsOk = true;
  // Awards (citation, item, kind, status, form, amounts, payee, funding, installments, reason,
  // notes) and totals, or "error: <message>": what every evaluator must agree on. Facts refused:
  // "facts error: " and every error of the reader, sorted (polc's reader visits an object's keys
  // in byte order, the generated one in the order written).
  std::string core;
  // Missing facts, the evaluation date, the warnings about the applicant (docs/facts.md: an award
  // received by its target alone) and, when asked for, the explanation lines: what the three
  // evaluators of the compiler's result type must also agree on (the generated C++ has no
  // explanations).
  std::string detail;
};

// The parts of Outcome::detail and Outcome::core that every evaluator writes the same way.
// When no award applies, the documents not in force on the date, by 文号.
std::string notInForceText(const std::vector<std::string>& numbers);
// The warnings about the applicant, sorted: each evaluator gives them in the order it lists the
// awards (see evaluators.cpp).
std::string warnedText(std::vector<std::string> warnings);
// A reader's facts errors as Outcome::core holds them: sorted, one a line.
std::string refusedText(std::vector<std::string> errors);
// A why-not entry as every evaluator writes it (why_not_diff.cpp compares them): its head, then one
// line per line of its condition, with the values read.
std::string whyNotHead(const std::string& citation, const std::string& item, const char* kind, const std::string& reason,
                       const std::string& where, int award, const std::vector<std::string>& missing);
std::string whyNotLine(int depth, const std::string& text, const std::string& outcome, const std::string& joiner);

// The generated C++ of the policy set linked in (generated_run.cpp).
namespace generated {
// Its clauses' citations, in order: it must be of the same program as the others.
std::vector<std::string> citations();
Outcome run(const std::string& json, bool explain);
// whyNot(result, "all"), every clause asked about, in whyNotHead/whyNotLine's text: "" when the
// facts are refused or the evaluation fails (the reference's side says nothing then either).
std::string whyNotText(const std::string& json);
}  // namespace generated

}  // namespace polc::difftest
