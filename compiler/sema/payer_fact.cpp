// The fact that names a funding payer: `市, 辖区（所在地） = 1:1` pays the district the applicant's
// 所在地 names (docs/language.md §10). Its values are the payers, so it must be an enum: a batch's
// totals and the C API list payers known when the policy is compiled, and a value outside the enum
// is refused when the facts are read, never billed to a misspelt district.
#include <fmt/format.h>

#include "sema/expr_checker.h"
#include "support/suggest.h"

namespace polc::sema {

void ExprChecker::checkPayerFact(ast::Expr& e, const std::string& written, const Scope& scope) {
  Model& m = cx_.model;
  const ast::Name& n = e.path.front();
  std::vector<std::string> names;
  for (int s = scope.subject, guard = 0; s >= 0 && guard <= static_cast<int>(m.subjects.size());
       s = m.subjects[s].owner, ++guard) {
    if (m.subjects[s].factIndex.count(n.text)) {
      Type t = check(e, scope);
      if (t.isError() || t.kind == TypeKind::Enum) return;
      cx_.diags.error(diag::kPayerFact, e.span,
                      fmt::format("the payer `{}` is named by {}, which is {}, not a value of an enum", written,
                                  n.text, m.describe(t)))
          .help.push_back("name a fact whose values are the payers, such as `所在地: 辖区`");
      return;
    }
    for (const auto& f : m.subjects[s].facts) names.push_back(f.name);
  }
  auto& d = cx_.diags.error(
      diag::kPayerFact, e.span,
      scope.subject < 0 ? fmt::format("the payer `{}` names a fact `{}`, but the document has no clause whose subject "
                                      "could have it", written, n.text)
                        : fmt::format("the payer `{}` names a fact `{}`, which {} does not have", written, n.text,
                                      m.subjects[scope.subject].name));
  if (auto sug = closestName(n.text, names)) d.help.push_back(fmt::format("did you mean `{}`?", *sug));
  d.help.push_back(fmt::format("for a payer whose name has brackets, write it in backticks: `` `{}` ``", written));
}

}  // namespace polc::sema
