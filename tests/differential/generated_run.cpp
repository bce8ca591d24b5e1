// The generated C++ side of the differential test (outcome.h): compiled once for every policy set,
// against that set's policy.h, so it includes nothing of the compiler.
#include <string>
#include <vector>

#include "differential/outcome.h"
#include "policy.h"

namespace polc::difftest::generated {

namespace {

// The date, each award's missing facts and explanation, as evaluators.cpp writes the reference's.
std::string detail(const polc_rt::Result& r) {
  std::string out = "date " + std::to_string(r.date) + "\n";
  for (const auto& aw : r.awards) {
    out += "award";
    for (const auto& m : r.missing(aw)) out += " | missing " + m;
    out += "\n";
    for (const auto& line : aw.explanation) out += "  " + line + "\n";
  }
  return out;
}

}  // namespace

std::vector<std::string> citations() {
  const auto& clauses = policy::program().clauses;
  std::vector<std::string> out;
  for (int i = 0; i < clauses.size; ++i) out.push_back(clauses[i].citation);
  return out;
}

Outcome run(const std::string& json, bool explain) {
  policy::Facts facts;
  std::vector<std::string> errors;
  if (!policy::readFacts(json, facts, errors)) return {false, refusedText(errors), ""};
  try {
    policy::Options o;
    o.explain = explain;
    auto r = policy::evaluate(facts, o);
    std::vector<std::string> docs;
    for (int d : r.notInForce) docs.push_back(r.program->documents[d].number);
    return {true, polc_rt::summary(r), detail(r) + notInForceText(docs) + warnedText(r.warnings)};
  } catch (const polc_rt::EvalError& e) {
    return {true, std::string("error: ") + e.what(), ""};
  }
}

std::string whyNotText(const std::string& json) {
  policy::Facts facts;
  std::vector<std::string> errors;
  if (!policy::readFacts(json, facts, errors)) return "";
  std::string out;
  try {
    const policy::Result r = policy::evaluate(facts);
    for (const auto& c : r.program->clauses) {  // each clause by its citation: one clause each
      for (const policy::WhyNot& w : policy::whyNot(r, c.citation)) {
        out += whyNotHead(r.program->clauses[w.clause].citation, w.instance >= 0 ? r.path(w.instance) : "-",
                          polc_rt::whyNotKindName(w.kind), w.reason, w.where, w.award, w.missing);
        for (const auto& l : w.condition) {
          out += whyNotLine(l.depth, l.text, l.outcome, l.joiner);
          for (const auto& v : l.values) out += " {" + v.what + " = " + v.value + "}";
          out += "\n";
        }
      }
    }
  } catch (const polc_rt::EvalError&) {
    return "";
  }
  return out;
}

}  // namespace polc::difftest::generated
