#include "sema/payer_values.h"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

namespace polc::sema {
namespace {

// What a funding condition says of the applicants whose payer facts have some values (`所在地` is
// 市; or `所在地` and `注册地` are both 天宁区): it holds for all of them (Always), for none (Never),
// or the compiler cannot tell (Maybe). Every form that can name an enum fact is read: a comparison
// (==, !=, and the order of an ordered enum: 达 省级 以上, 低于 市级) with a value or another of the
// facts, 属于 / 不属于 a written or a declared set, 且, 或, 非, 若 … 则 … 否则. The checker's solver
// (compiler/check) would decide more, but this warning is the front end's: it is given before any
// IR exists, by eval, test and build as well, and the front end does not depend on the checker.
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
Says holds(bool b) { return b ? Says::Always : Says::Never; }
Says negate(Says s) { return s == Says::Maybe ? s : s == Says::Always ? Says::Never : Says::Always; }
Says both(Says a, Says b) {  // 且
  if (a == Says::Never || b == Says::Never) return Says::Never;
  return a == b ? a : Says::Maybe;
}
Says either(Says a, Says b) { return negate(both(negate(a), negate(b))); }  // 或

class Reader {
 public:
  Reader(const Model& m, const Applicant& who) : m_(m), who_(who) {}

  Says says(const ast::Expr& e) const {
    using K = ast::ExprKind;
    switch (e.kind) {
      case K::Compare: return e.kids.size() == 2 ? compare(*e.kids[0], *e.kids[1], e.cmp) : Says::Maybe;
      case K::Member: {
        if (e.kids.size() != 2 || e.kids[0]->sema.ref != RefKind::Fact) return Says::Maybe;
        const std::string* v = valueOf(*e.kids[0], who_);
        const std::optional<bool> in = v ? inSet(*e.kids[1], *v) : std::nullopt;
        return in ? holds(*in != e.negated) : Says::Maybe;
      }
      case K::Not: return negate(says(*e.kids[0]));
      case K::And: return both(says(*e.kids[0]), says(*e.kids[1]));
      case K::Or: return either(says(*e.kids[0]), says(*e.kids[1]));
      case K::If: {
        // 若 c 则 a 否则 b: (c 且 a) 或 (非 c 且 b).
        if (e.kids.size() != 3) return Says::Maybe;
        const Says c = says(*e.kids[0]);
        return either(both(c, says(*e.kids[1])), both(negate(c), says(*e.kids[2])));
      }
      default: return Says::Maybe;
    }
  }

 private:
  // A value of the applicant's facts or a written value, against another; two written values say
  // nothing of the applicant. The order is the enum's: its first value is the highest.
  Says compare(const ast::Expr& l, const ast::Expr& r, ast::CmpOp op) const {
    const std::string* a = valueOf(l, who_);
    const std::string* b = valueOf(r, who_);
    if (!a || !b || (l.sema.ref != RefKind::Fact && r.sema.ref != RefKind::Fact)) return Says::Maybe;
    if (op == ast::CmpOp::Eq || op == ast::CmpOp::Ne) return holds((*a == *b) == (op == ast::CmpOp::Eq));
    const int e = l.sema.type.kind == TypeKind::Enum ? l.sema.type.enumIndex : -1;
    if (e < 0 || e != r.sema.type.enumIndex) return Says::Maybe;
    const auto& members = m_.enums[static_cast<std::size_t>(e)].members;
    const auto ia = std::find(members.begin(), members.end(), *a), ib = std::find(members.begin(), members.end(), *b);
    if (ia == members.end() || ib == members.end()) return Says::Maybe;
    const bool higher = ia < ib, lower = ib < ia;
    switch (op) {
      case ast::CmpOp::Gt: return holds(higher);
      case ast::CmpOp::Ge: return holds(!lower);
      case ast::CmpOp::Lt: return holds(lower);
      case ast::CmpOp::Le: return holds(!higher);
      default: return Says::Maybe;
    }
  }
  // Whether `value` is in a written set or a declared one (`集合 市区 = {…}`).
  std::optional<bool> inSet(const ast::Expr& set, const std::string& value) const {
    auto named = [&](const ast::Name& n) { return n.text == value; };
    if (set.kind == ast::ExprKind::SetLit) return std::any_of(set.path.begin(), set.path.end(), named);
    if (set.kind != ast::ExprKind::Path || set.sema.ref != RefKind::Set || set.path.empty()) return std::nullopt;
    const auto at = m_.setIndex.find(set.path.back().text);
    if (at == m_.setIndex.end()) return std::nullopt;
    const SetInfo& s = m_.sets[static_cast<std::size_t>(at->second)];
    if (s.enumIndex < 0) return std::nullopt;
    const auto& members = m_.enums[static_cast<std::size_t>(s.enumIndex)].members;
    return std::any_of(s.members.begin(), s.members.end(),
                       [&](int i) { return i >= 0 && static_cast<std::size_t>(i) < members.size() && members[i] == value; });
  }

  const Model& m_;
  const Applicant& who_;
};

// Whether such an applicant can reach `rule`: an earlier rule without 类别 whose condition holds
// for every one of them takes them first (an 其他 takes everyone), and the rule's own condition
// may exclude them.
bool reaches(const Model& m, const std::vector<const ast::FundingRule*>& earlier, const ast::FundingRule& rule,
             const Applicant& who) {
  const Reader read(m, who);
  for (const ast::FundingRule* r : earlier)
    if (r->kinds.empty() && (!r->condition || read.says(*r->condition) == Says::Always)) return false;
  return !rule.condition || read.says(*rule.condition) != Says::Never;
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
        reaches(cx.model, earlier, rule, Applicant{{factOf(first), v}, {factOf(second), v}}))
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
      if (at == e->members.end() || !reaches(cx.model, earlier, rule, Applicant{{fact, *at}})) continue;
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
