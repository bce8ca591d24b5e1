#include "driver/test_cannot_pay.h"

#include "check/check.h"

namespace polc {

ClausesNoCaseCanPay clausesNoCaseCanPay(const sema::Model& model, const ir::Program& program) {
  check::Options options;
  options.quoteNumbers = false;  // W0639 says nothing about what is paid
  check::Result result = check::run(model, program, options);
  ClausesNoCaseCanPay out;
  auto citation = [&](int clause) { return program.clauses[static_cast<std::size_t>(clause)].citation; };
  for (const auto& f : result.findings) {
    if (f.clauses.empty()) continue;
    const std::string cited = citation(f.clauses[0]);
    if (f.kind == check::FindingKind::DeadClause || f.kind == check::FindingKind::ContradictoryExclusion)
      out.neverApply.emplace(cited, NeverAppliesClause{cited, check::codeOf(f.kind), f.contradiction});
    // A W0640 names the shadowed clause first and the clause always kept instead second.
    if (f.kind == check::FindingKind::Shadowed && f.clauses.size() >= 2)
      out.neverKept.emplace(cited, NeverKeptClause{cited, f.group, citation(f.clauses[1])});
  }
  return out;
}

}  // namespace polc
