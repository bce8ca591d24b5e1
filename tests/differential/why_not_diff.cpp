// The differential comparison of "why did this clause not apply": polc's (eval::whyNot, what
// `polc eval --why-not` prints) against the runtime's (Session::whyNot, what the C API's
// polrt_why_not gives) and the generated C++'s (whyNot, generated_run.cpp), clause by clause, as one
// canonical text each.
#include <numeric>

#include "backend/bytecode/bridge.h"
#include "differential/evaluators_state.h"
#include "eval/why_not.h"
#include "facts/facts.h"
#include "vm/vm.h"

namespace polc::difftest {

namespace {

std::string head(const ir::Program& p, int clause, const std::string& item, polrt::WhyNotKind kind,
                 const std::string& reason, const std::string& where, int award, const std::vector<std::string>& missing) {
  return whyNotHead(p.clauses[static_cast<std::size_t>(clause)].citation, item, polrt::whyNotKindName(kind), reason,
                    where, award, missing);
}

void traceText(const eval::ConditionTrace& t, int depth, std::string& out) {
  out += whyNotLine(depth, t.text, t.outcome, t.joiner);
  for (const auto& v : t.values) out += " {" + v.what + " = " + v.value + "}";
  out += "\n";
  for (const auto& k : t.parts) traceText(k, depth + 1, out);
}

std::string referenceText(const ir::Program& p, const eval::Applicant& a, const std::vector<eval::WhyNot>& list) {
  std::string out;
  for (const auto& w : list) {
    out += head(p, w.clause, w.instance >= 0 ? a.instances[static_cast<std::size_t>(w.instance)].path : "-", w.kind,
                w.reason, w.where, w.award, w.missing);
    if (w.condition) traceText(*w.condition, 0, out);
  }
  return out;
}

std::string runtimeText(const ir::Program& p, const polrt::Session& s, const std::vector<polrt::WhyNotR>& list) {
  std::string out;
  for (const auto& w : list) {
    out += head(p, w.clause, w.instance >= 0 ? s.instancePath(w.instance) : "-", w.kind, w.reason, w.where, w.award,
                w.missing);
    for (const auto& l : w.condition) {
      out += whyNotLine(l.depth, l.text, l.outcome, l.joiner);
      for (const auto& v : l.values) out += " {" + v.what + " = " + v.value + "}";
      out += "\n";
    }
  }
  return out;
}

}  // namespace

std::string whyNotHead(const std::string& citation, const std::string& item, const char* kind, const std::string& reason,
                       const std::string& where, int award, const std::vector<std::string>& missing) {
  std::string out = citation + " | " + item + " | " + kind + " | " + reason + " | " + where + " | award " + std::to_string(award);
  for (const auto& m : missing) out += " | needs " + m;
  return out + "\n";
}

std::string whyNotLine(int depth, const std::string& text, const std::string& outcome, const std::string& joiner) {
  return std::string(static_cast<std::size_t>(2 * depth + 2), ' ') + text + " => " + outcome + " [" + joiner + "]";
}

std::string Evaluators::whyNotDisagreement(const std::string& json) {
  auto facts = facts::readFacts(*s_->model, *s_->program, json);
  if (!facts.ok()) return {};
  const eval::Applicant& a = facts.applicant;
  std::vector<int> every(s_->program->clauses.size());
  std::iota(every.begin(), every.end(), 0);
  std::string reference;
  try {
    auto r = eval::evaluate(*s_->program, a, eval::Options{});
    reference = referenceText(*s_->program, a, eval::whyNot(*s_->program, a, r, every, false));
  } catch (const eval::EvalError&) {
    return {};
  }
  std::string report;
  for (polrt::Session* s : {s_->vm.get(), s_->llvm.get()}) {
    if (!s) continue;
    bytecode::loadApplicant(*s, a, std::nullopt);
    if (!s->evaluate(false)) return "the runtime failed where polc evaluated: " + s->error() + "\n";
    const std::string runtime = runtimeText(*s_->program, *s, s->whyNot(every, false));
    if (runtime != reference)
      report += std::string("--- polc eval --why-not\n") + reference + "--- " + (s == s_->vm.get() ? "vm" : "llvm") +
                " (polrt_why_not)\n" + runtime;
  }
  if (const std::string gen = generated::whyNotText(json); gen != reference)
    report += std::string("--- polc eval --why-not\n") + reference + "--- generated C++ (whyNot)\n" + gen;
  return report;
}

}  // namespace polc::difftest
