#include "sema/parameter_reads.h"

#include <fmt/format.h>

#include "support/diag_codes.h"

namespace polc::sema {

const ast::ParameterEntry* firstValue(const ParameterInfo& p) {
  if (!p.decl || p.decl->entries.empty()) return nullptr;
  const ast::ParameterEntry* first = &p.decl->entries.front();
  for (const auto& entry : p.decl->entries)
    if (entry.date < first->date) first = &entry;
  return first;
}

void readsBeforeFirstValue(Context& cx, const ast::Expr& e, const ast::DocumentDecl& doc,
                           const std::string& citation) {
  if (!doc.effectiveFrom) return;  // in force on every date: nothing says which dates it is read on
  if (e.kind == ast::ExprKind::Path && e.sema.ref == RefKind::Parameter) {
    const ParameterInfo& p = cx.model.parameters[e.sema.parameter];
    const ast::ParameterEntry* first = firstValue(p);
    if (!first || first->date <= *doc.effectiveFrom) return;
    auto& d = cx.diags.error(
        diag::kBeforeFirstValue, e.span,
        fmt::format("{} has no value before {}, but {} reads it on the evaluation date from {}: every "
                    "evaluation dated in between that reaches it stops with an error",
                    p.name, first->date, citation, *doc.effectiveFrom));
    d.notes.push_back(DiagNote{first->dateSpan, "its first value"});
    d.notes.push_back(DiagNote{doc.effectiveSpan, "the document's 有效期"});
    d.help.push_back(fmt::format("give the value in force from {} (`{}: …`), or read it at a date of the applicant's (`{} 于 …`)",
                                 *doc.effectiveFrom, *doc.effectiveFrom, p.name));
    return;
  }
  // The left of 于 is read at the date on its right, which E0420 checks where the date is written.
  for (std::size_t i = e.kind == ast::ExprKind::At ? 1 : 0; i < e.kids.size(); ++i)
    if (e.kids[i]) readsBeforeFirstValue(cx, *e.kids[i], doc, citation);
  for (const auto& en : e.entries) {
    if (en.key) readsBeforeFirstValue(cx, *en.key, doc, citation);
    if (en.value) readsBeforeFirstValue(cx, *en.value, doc, citation);
  }
}

}  // namespace polc::sema
