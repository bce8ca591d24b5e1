#include "driver/test_never_kept.h"

#include "check/check.h"

namespace polc {

std::map<std::string, NeverKeptClause> clausesNeverKept(const sema::Model& model, const ir::Program& program) {
  check::Options options;
  options.quoteNumbers = false;  // W0639 says nothing about what is paid
  check::Result result = check::run(model, program, options);
  std::map<std::string, NeverKeptClause> out;
  for (const auto& f : result.findings) {
    // A W0640 names the shadowed clause first and the clause always kept instead second.
    if (f.kind != check::FindingKind::Shadowed || f.clauses.size() < 2) continue;
    const std::string& citation = program.clauses[static_cast<std::size_t>(f.clauses[0])].citation;
    out.emplace(citation, NeverKeptClause{citation, f.group, program.clauses[static_cast<std::size_t>(f.clauses[1])].citation});
  }
  return out;
}

}  // namespace polc
