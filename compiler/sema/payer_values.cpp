#include "sema/payer_values.h"

#include <algorithm>

#include <fmt/format.h>

namespace polc::sema {
namespace {

// What a funding condition says of the applicants whose `fact` is `value`: it holds for all of
// them (Always), for none (Never), or the compiler cannot tell (Maybe). Only the forms a policy
// writer uses to single out a value are read: ==, !=, 属于 / 不属于 a written set, 且, 或, 非.
enum class Says { Always, Never, Maybe };

bool namesFact(const ast::Expr& e, const std::string& fact) {
  return e.kind == ast::ExprKind::Path && e.sema.ref == RefKind::Fact && !e.path.empty() && e.path.back().text == fact;
}
bool namesValue(const ast::Expr& e, const std::string& value) {
  return e.kind == ast::ExprKind::Path && e.sema.ref == RefKind::EnumMember && e.path.back().text == value;
}
bool inSet(const ast::Expr& set, const std::string& value) {
  return std::any_of(set.path.begin(), set.path.end(), [&](const ast::Name& n) { return n.text == value; });
}

Says says(const ast::Expr& e, const std::string& fact, const std::string& value) {
  using K = ast::ExprKind;
  switch (e.kind) {
    case K::Compare: {
      if (e.kids.size() != 2 || (e.cmp != ast::CmpOp::Eq && e.cmp != ast::CmpOp::Ne)) return Says::Maybe;
      const ast::Expr* f = e.kids[0].get();
      const ast::Expr* v = e.kids[1].get();
      if (!namesFact(*f, fact)) std::swap(f, v);
      if (!namesFact(*f, fact) || v->kind != K::Path || v->sema.ref != RefKind::EnumMember) return Says::Maybe;
      return namesValue(*v, value) == (e.cmp == ast::CmpOp::Eq) ? Says::Always : Says::Never;
    }
    case K::Member: {
      if (e.kids.size() != 2 || !namesFact(*e.kids[0], fact) || e.kids[1]->kind != K::SetLit) return Says::Maybe;
      return inSet(*e.kids[1], value) != e.negated ? Says::Always : Says::Never;
    }
    case K::Not: {
      const Says s = says(*e.kids[0], fact, value);
      return s == Says::Maybe ? s : s == Says::Always ? Says::Never : Says::Always;
    }
    case K::And:
    case K::Or: {
      const Says a = says(*e.kids[0], fact, value), b = says(*e.kids[1], fact, value);
      // 且 fails when either side does, and holds when both do; 或 the other way round.
      const Says decisive = e.kind == K::And ? Says::Never : Says::Always;
      if (a == decisive || b == decisive) return decisive;
      return a == b ? a : Says::Maybe;
    }
    default:
      return Says::Maybe;
  }
}

// Whether an applicant whose `fact` is `value` can reach `rule`: an earlier rule without 类别
// whose condition holds for every such applicant takes them first (an 其他 takes everyone), and
// the rule's own condition may exclude them.
bool reaches(const std::vector<const ast::FundingRule*>& earlier, const ast::FundingRule& rule,
             const std::string& fact, const std::string& value) {
  for (const ast::FundingRule* r : earlier)
    if (r->kinds.empty() && (!r->condition || says(*r->condition, fact, value) == Says::Always)) return false;
  return !rule.condition || says(*rule.condition, fact, value) != Says::Never;
}

}  // namespace

void payerMayTakeLabel(Context& cx, const std::vector<const ast::FundingRule*>& earlier,
                       const ast::FundingRule& rule, const std::vector<ast::Payer*>& payers) {
  const Model& m = cx.model;
  for (const ast::Payer* named : payers) {
    if (!named->fact || named->fact->sema.type.kind != TypeKind::Enum || named->fact->sema.type.enumIndex < 0) continue;
    const EnumInfo& e = m.enums[static_cast<std::size_t>(named->fact->sema.type.enumIndex)];
    const std::string& fact = named->fact->path.back().text;
    for (const ast::Payer* label : payers) {
      if (label->fact) continue;
      const auto at = std::find(e.members.begin(), e.members.end(), label->name.text);
      if (at == e.members.end() || !reaches(earlier, rule, fact, *at)) continue;
      auto& w = cx.diags.warning(
          diag::kPayerMayTakeLabel, named->span,
          fmt::format("{} can be {}, which this split also names: an applicant whose {} is {} would bill {} twice, and "
                      "its evaluation stops with an error",
                      fact, *at, fact, *at, *at));
      w.notes.push_back(DiagNote{label->span, fmt::format("the payer {} is named here", *at)});
      if (e.decl) {
        const auto& member = e.decl->members[static_cast<std::size_t>(at - e.members.begin())];
        w.notes.push_back(DiagNote{member.span, fmt::format("{} is a value of {}", *at, e.name)});
      }
      w.help.push_back(fmt::format("give such applicants a rule of their own before this one, such as `条件 {} == {}: {} "
                                   "100%`",
                                   fact, *at, *at));
    }
  }
}

}  // namespace polc::sema
