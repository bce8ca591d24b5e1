// Levels an ordered enumeration's partition skips: `示范级别 为 国家级` and `示范级别 为 市级` paid, by two
// clauses of one target or two cases of one 分情形 table, and 省级 — between them in the declared order
// — paid by neither. Only a member strictly between two members paid by different clauses or cases
// is reported (W0624), as a stretch between two numbers is: the members above the highest paid or
// below the lowest are left out on purpose as often as not (only 国家级 and 省级 are rewarded), and so
// are the members of an unordered enumeration (a policy paying 高端装备 and 新能源 projects pays 其他产业
// nothing by design).
#include <fmt/format.h>

#include "check/checker.h"

namespace polc::check {

namespace {

// The members of an ordered enumeration (index 0 the highest) that no set allows and that lie
// strictly between a member one set allows and a member another allows.
Bits skippedMembers(const std::vector<Bits>& sets, int members) {
  Bits out;
  for (int m = 0; m < members && m < ir::kMaxEnumMembers; ++m) {
    bool paid = false;
    std::vector<bool> above(sets.size(), false), below(sets.size(), false);
    for (std::size_t s = 0; s < sets.size(); ++s)
      for (int k = 0; k < members && k < ir::kMaxEnumMembers; ++k) {
        if (!sets[s][k]) continue;
        paid = paid || k == m;
        if (k < m) above[s] = true;
        if (k > m) below[s] = true;
      }
    bool flanked = false;
    for (std::size_t i = 0; i < sets.size(); ++i)
      for (std::size_t j = 0; j < sets.size(); ++j) flanked = flanked || (i != j && above[i] && below[j]);
    if (!paid && flanked) out[m] = true;
  }
  return out;
}

}  // namespace

Cond Checker::memberOf(int var, const Bits& members) {
  Lit l;
  l.kind = Lit::EnumIn;
  l.var = var;
  l.bits = members;
  return solver_.prepare(F::of(l));
}

std::string Checker::membersText(int var, const Bits& members) const {
  const VarInfo& v = vars_[var];
  std::string names;
  int n = 0;
  for (int m = 0; m < v.members && m < ir::kMaxEnumMembers; ++m)
    if (members[m]) {
      names += (names.empty() ? "" : "、") + p_.enums[static_cast<std::size_t>(v.enumIndex)].members[m];
      ++n;
    }
  return n == 1 ? v.name + " = " + names : v.name + " ∈ {" + names + "}";
}

// Two clauses of one target and subject, disjoint, whose bounds on an ordered enumeration skip a
// member between them: an applicant of that member whom both would pay but for it, paid by no clause
// of the target, while no other clause of it pays any applicant of that member.
bool Checker::enumGap(int a, int b, const Box& A, const Box& B, int var, const Bits& x, const Bits& y) {
  const VarInfo& v = vars_[var];
  if (v.dom != DomKind::Enum || !v.ordered) return false;
  const Bits skipped = skippedMembers({x, y}, v.members);
  if (skipped.none()) return false;
  Cond between = memberOf(var, skipped);
  Answer ans = freedAt(a, b, A, B, var, between);
  if (ans.sat != Sat::Yes) return false;
  auto same = unpaid(a, ans.model);
  if (!same || coveredBetween(*same, a, b, between)) return false;
  if (solver_.solve({&pay(a), &between}).sat != Sat::No || solver_.solve({&pay(b), &between}).sat != Sat::No)
    return false;
  const std::string target = targetName(a);
  Finding& f = add(FindingKind::CaseRangeGap, a,
                   fmt::format("{} falls between {} and {}: one pays {} above that level, the other below it, "
                               "and no clause of {} pays at it",
                               membersText(var, skipped), cite(a), cite(b), target, target));
  noteOther(f, b, "the other clause");
  f.clauses = *same;
  attachWitness(f, ans.model, subject(a));
  return true;
}

// A 分情形 table whose every key allows members of one ordered enumeration: the members between two
// cases that no case allows, for an applicant the clause pays but for its table. Whether the table is
// of that kind: the number searches have nothing to read in it.
bool Checker::caseEnumGap(const Table& t) {
  int var = -1;
  std::vector<Bits> sets;
  for (const Cond& k : t.key) {
    if (!k.boxes || k.boxes->size() != 1 || k.boxes->front().doms.size() != 1) return false;
    const Dom& d = k.boxes->front().doms.front();
    const VarInfo& v = vars_[d.var];
    if (v.dom != DomKind::Enum || !v.ordered || (var >= 0 && d.var != var)) return false;
    var = d.var;
    sets.push_back(d.enumAllowed);
  }
  if (var < 0) return false;
  const Bits skipped = skippedMembers(sets, vars_[var].members);
  if (skipped.none()) return true;
  const int c = t.clause;
  Answer a = paysWith(c, memberOf(var, skipped));
  if (a.sat != Sat::Yes) return true;
  if (!paysNothing(c, a.model)) return true;
  Finding& f = add(FindingKind::CaseRangeGap, c,
                   fmt::format("{} is covered by no case of {}: cases pay the levels above and below it, and nothing "
                               "at it",
                               membersText(var, skipped), cite(c)));
  if (t.node->span.valid()) f.span = t.node->span;
  attachWitness(f, a.model, subject(c));
  return true;
}

}  // namespace polc::check
