#include "sema/payer_values.h"

#include <algorithm>

#include <fmt/format.h>

namespace polc::sema {
namespace {

// What a funding condition says of the applicants whose payer facts have some values (`所在地` is
// 市; or `所在地` and `注册地` are both 天宁区): it holds for all of them (Always), for none (Never),
// or the compiler cannot tell (Maybe). Only the forms a policy writer uses to single out a value
// are read: ==, != (against a value or another of the facts), 属于 / 不属于 a written set, 且, 或, 非.
enum class Says { Always, Never, Maybe };

// One fact of such an applicant, by name, with its value.
struct Given {
  std::string fact;
  std::string value;
};
using Applicant = std::vector<Given>;

const std::string* valueOf(const ast::Expr& e, const Applicant& who) {
  if (e.kind != ast::ExprKind::Path || e.path.empty()) return nullptr;
  if (e.sema.ref == RefKind::EnumMember) return &e.path.back().text;
  if (e.sema.ref != RefKind::Fact) return nullptr;
  for (const Given& g : who)
    if (g.fact == e.path.back().text) return &g.value;
  return nullptr;
}
bool inSet(const ast::Expr& set, const std::string& value) {
  return std::any_of(set.path.begin(), set.path.end(), [&](const ast::Name& n) { return n.text == value; });
}
Says holds(bool b) { return b ? Says::Always : Says::Never; }

Says says(const ast::Expr& e, const Applicant& who) {
  using K = ast::ExprKind;
  switch (e.kind) {
    case K::Compare: {
      if (e.kids.size() != 2 || (e.cmp != ast::CmpOp::Eq && e.cmp != ast::CmpOp::Ne)) return Says::Maybe;
      const std::string* a = valueOf(*e.kids[0], who);
      const std::string* b = valueOf(*e.kids[1], who);
      // Two written values say nothing of the applicant.
      if (!a || !b || (e.kids[0]->sema.ref != RefKind::Fact && e.kids[1]->sema.ref != RefKind::Fact)) return Says::Maybe;
      return holds((*a == *b) == (e.cmp == ast::CmpOp::Eq));
    }
    case K::Member: {
      if (e.kids.size() != 2 || e.kids[0]->sema.ref != RefKind::Fact || e.kids[1]->kind != K::SetLit) return Says::Maybe;
      const std::string* v = valueOf(*e.kids[0], who);
      if (!v) return Says::Maybe;
      return holds(inSet(*e.kids[1], *v) != e.negated);
    }
    case K::Not: {
      const Says s = says(*e.kids[0], who);
      return s == Says::Maybe ? s : s == Says::Always ? Says::Never : Says::Always;
    }
    case K::And:
    case K::Or: {
      const Says a = says(*e.kids[0], who), b = says(*e.kids[1], who);
      // 且 fails when either side does, and holds when both do; 或 the other way round.
      const Says decisive = e.kind == K::And ? Says::Never : Says::Always;
      if (a == decisive || b == decisive) return decisive;
      return a == b ? a : Says::Maybe;
    }
    default:
      return Says::Maybe;
  }
}

// Whether such an applicant can reach `rule`: an earlier rule without 类别 whose condition holds
// for every one of them takes them first (an 其他 takes everyone), and the rule's own condition
// may exclude them.
bool reaches(const std::vector<const ast::FundingRule*>& earlier, const ast::FundingRule& rule, const Applicant& who) {
  for (const ast::FundingRule* r : earlier)
    if (r->kinds.empty() && (!r->condition || says(*r->condition, who) == Says::Always)) return false;
  return !rule.condition || says(*rule.condition, who) != Says::Never;
}

const EnumInfo* enumOf(const Model& m, const ast::Payer& p) {
  if (!p.fact || p.fact->sema.type.kind != TypeKind::Enum || p.fact->sema.type.enumIndex < 0) return nullptr;
  return &m.enums[static_cast<std::size_t>(p.fact->sema.type.enumIndex)];
}
const std::string& factOf(const ast::Payer& p) { return p.fact->path.back().text; }

// A payer named by a fact beside one named by another fact (`辖区（所在地）, 辖区（注册地）`, or
// `区（所在地）, 镇（注册地）` whose enums share a value): an applicant whose two facts have the same
// value bills that payer twice. One warning per pair, naming every such value no earlier rule takes.
void twoFactsMayMeet(Context& cx, const std::vector<const ast::FundingRule*>& earlier, const ast::FundingRule& rule,
                     const ast::Payer& first, const ast::Payer& second) {
  const EnumInfo* a = enumOf(cx.model, first);
  const EnumInfo* b = enumOf(cx.model, second);
  if (!a || !b || factOf(first) == factOf(second)) return;  // one fact twice is E0423
  std::vector<std::string> meet;
  for (const std::string& v : a->members)
    if (std::find(b->members.begin(), b->members.end(), v) != b->members.end() &&
        reaches(earlier, rule, Applicant{{factOf(first), v}, {factOf(second), v}}))
      meet.push_back(v);
  if (meet.empty()) return;
  const std::string& f1 = factOf(first);
  const std::string& f2 = factOf(second);
  std::string values = meet.front();
  for (std::size_t i = 1; i < meet.size(); ++i) values += (i + 1 == meet.size() ? " or " : ", ") + meet[i];
  auto& w = cx.diags.warning(
      diag::kPayerMayTakeLabel, second.span,
      fmt::format("{} and {} can both be {}: an applicant whose {} and {} are both {} would bill {} twice, and its "
                  "evaluation stops with an error",
                  f1, f2, values, f1, f2, meet.front(), meet.front()));
  w.notes.push_back(DiagNote{first.span, fmt::format("the payer {} is named here", first.written)});
  // The same enum: one rule for every value at once.
  w.help.push_back(a == b ? fmt::format("give such applicants a rule of their own before this one, such as `条件 {} == "
                                        "{}: {} 100%`",
                                        f1, f2, first.written)
                          : fmt::format("give such applicants a rule of their own before this one, such as `条件 {} == "
                                        "{} 且 {} == {}: {} 100%`",
                                        f1, meet.front(), f2, meet.front(), meet.front()));
}

}  // namespace

void payerMayTakeLabel(Context& cx, const std::vector<const ast::FundingRule*>& earlier,
                       const ast::FundingRule& rule, const std::vector<ast::Payer*>& payers) {
  for (std::size_t i = 0; i < payers.size(); ++i) {
    const ast::Payer* named = payers[i];
    const EnumInfo* e = enumOf(cx.model, *named);
    if (!e) continue;
    const std::string& fact = factOf(*named);
    for (std::size_t j = 0; j < i; ++j)
      if (payers[j]->fact) twoFactsMayMeet(cx, earlier, rule, *payers[j], *named);
    for (const ast::Payer* label : payers) {
      if (label->fact) continue;
      const auto at = std::find(e->members.begin(), e->members.end(), label->name.text);
      if (at == e->members.end() || !reaches(earlier, rule, Applicant{{fact, *at}})) continue;
      auto& w = cx.diags.warning(
          diag::kPayerMayTakeLabel, named->span,
          fmt::format("{} can be {}, which this split also names: an applicant whose {} is {} would bill {} twice, and "
                      "its evaluation stops with an error",
                      fact, *at, fact, *at, *at));
      w.notes.push_back(DiagNote{label->span, fmt::format("the payer {} is named here", *at)});
      if (e->decl) {
        const auto& member = e->decl->members[static_cast<std::size_t>(at - e->members.begin())];
        w.notes.push_back(DiagNote{member.span, fmt::format("{} is a value of {}", *at, e->name)});
      }
      w.help.push_back(fmt::format("give such applicants a rule of their own before this one, such as `条件 {} == {}: {} "
                                   "100%`",
                                   fact, *at, *at));
    }
  }
}

}  // namespace polc::sema
