// Levels an ordered enumeration's partition skips: `示范级别 为 国家级` and `示范级别 为 市级` paid, by two
// clauses of one target or two cases of one 分情形 table, and 省级 — between them in the declared order
// — paid by neither. Only a member strictly between two members paid by different clauses or cases
// is reported (W0624), as a stretch between two numbers is: the members above the highest paid or
// below the lowest are left out on purpose as often as not (only 国家级 and 省级 are rewarded).
// An unordered enumeration has no "between": there, only a table or a target that pays every member
// but one leaves a gap worth a finding (leftOutMember).
#include <fmt/format.h>

#include <set>

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

// The members an unordered enumeration needs before one left out of all the others reads as a slip:
// with three (`{ 高端装备, 新能源, 其他产业 }`), paying two is a choice as often as not.
constexpr int kMinUnorderedMembers = 4;

// A member named as the rest of the list (`其他产业 "上列…以外的产业"`, `其他市场`) is the one a policy
// leaves out when it rewards the listed ones: left out, it is a choice.
bool catchAll(const std::string& name) {
  for (const char* rest : {"其他", "其它", "其余"})
    if (name.rfind(rest, 0) == 0) return true;
  return false;
}

}  // namespace

// The one member of an unordered enumeration that no set allows while the sets allow every other,
// when it is not a catch-all: the left-out value of a table or a target that names the rest one by
// one. Empty otherwise (two or more left out is a selection).
Bits Checker::leftOutMember(int var, const std::vector<Bits>& sets) const {
  const VarInfo& v = vars_[var];
  Bits paid, out;
  if (v.dom != DomKind::Enum || v.ordered || v.members < kMinUnorderedMembers || v.members > ir::kMaxEnumMembers)
    return out;
  for (const Bits& s : sets) paid |= s;
  if (static_cast<int>(paid.count()) != v.members - 1) return out;
  for (int m = 0; m < v.members; ++m)
    if (!paid[m] && !catchAll(p_.enums[static_cast<std::size_t>(v.enumIndex)].members[m])) out[m] = true;
  return out;
}

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

// A 分情形 table whose every key allows members of one enumeration: for an ordered one, the members
// between two cases that no case allows; for an unordered one, the one member no case allows when
// the cases name every other (a table without 其他 listing 国际, 国家 and 地方 standards but not 行业).
// For an applicant the clause pays but for its table. Whether the table is of that kind: the number
// searches have nothing to read in it.
bool Checker::caseEnumGap(const Table& t) {
  int var = -1;
  std::vector<Bits> sets;
  for (const Cond& k : t.key) {
    if (!k.boxes || k.boxes->size() != 1 || k.boxes->front().doms.size() != 1) return false;
    const Dom& d = k.boxes->front().doms.front();
    const VarInfo& v = vars_[d.var];
    if (v.dom != DomKind::Enum || (var >= 0 && d.var != var)) return false;
    var = d.var;
    sets.push_back(d.enumAllowed);
  }
  if (var < 0) return false;
  const bool ordered = vars_[var].ordered;
  const Bits skipped = ordered ? skippedMembers(sets, vars_[var].members) : leftOutMember(var, sets);
  if (skipped.none()) return true;
  const int c = t.clause;
  Answer a = paysWith(c, memberOf(var, skipped));
  if (a.sat != Sat::Yes) return true;
  if (!paysNothing(c, a.model)) return true;
  Finding& f = add(FindingKind::CaseRangeGap, c,
                   fmt::format("{} is covered by no case of {}: {}", membersText(var, skipped), cite(c),
                               ordered ? "cases pay the levels above and below it, and nothing at it"
                                       : "cases pay every other value, and there is no 其他 case"));
  if (t.node->span.valid()) f.span = t.node->span;
  attachWitness(f, a.model, subject(c));
  return true;
}

// The members of an unordered enumeration that clause c's pay condition allows: those of its boxes,
// all of them from a box that does not bound `var`. Nullopt when the condition has no boxes.
std::optional<Bits> Checker::membersPaid(int c, int var) const {
  const Cond& p = pay(c);
  if (!p.boxes) return std::nullopt;
  Bits out;
  for (const Box& b : *p.boxes) {
    if (b.empty) continue;
    const Dom* d = boxes_.find(b, var);
    if (d) out |= d->enumAllowed;
    else
      for (int m = 0; m < vars_[var].members; ++m) out[m] = true;
  }
  return out;
}

// An applicant of `at` whom an alternative of a and one of b would both pay but for their bounds on
// `var`: the first pair of alternatives (the boxes of their pay conditions) that has one, so that the
// witness meets the other conditions of the alternatives it is freed from, whichever of them can.
std::optional<Answer> Checker::freedAtSomeAlternatives(int a, int b, int var, const Cond& at) {
  for (const Box& A : *pay(a).boxes) {
    if (A.empty) continue;
    for (const Box& B : *pay(b).boxes) {
      if (B.empty) continue;
      Answer ans = freedAt(a, b, A, B, var, at);
      if (ans.sat == Sat::Yes) return ans;
    }
  }
  return std::nullopt;
}

// Clauses of one target and subject that pay every member of an unordered enumeration but one, one
// value or a few each (`标准层级 为 国际` / `为 国家` / `为 地方`, no clause for 行业): the left-out member
// is unpaid (W0624) when two of them, freed of their bound on it, would pay an applicant of it whom
// the evaluator pays by no clause of the target — their other conditions are the same division.
void Checker::enumLeftOut(const std::vector<int>& list) {
  std::set<int> vars;
  for (int c : list) {
    const Cond& p = pay(c);
    if (!p.boxes) return;
    for (const Box& b : *p.boxes)
      for (const Dom& d : b.doms)
        if (vars_[d.var].dom == DomKind::Enum && !vars_[d.var].ordered) vars.insert(d.var);
  }
  for (int var : vars) {
    std::vector<Bits> sets;
    std::vector<int> bounding;
    for (int c : list) {
      auto paid = membersPaid(c, var);
      if (!paid) return;
      sets.push_back(*paid);
      if (static_cast<int>(paid->count()) < vars_[var].members) bounding.push_back(c);
    }
    const Bits left = leftOutMember(var, sets);
    if (left.none() || bounding.size() < 2) continue;
    const Cond at = memberOf(var, left);
    for (std::size_t i = 0; i + 1 < bounding.size(); ++i) {
      const int a = bounding[i], b = bounding[i + 1];
      auto ans = freedAtSomeAlternatives(a, b, var, at);
      if (!ans) continue;
      auto same = unpaid(a, ans->model);
      if (!same) continue;
      const std::string target = targetName(a);
      Finding& f = add(FindingKind::CaseRangeGap, a,
                       fmt::format("{} is paid by no clause of {}, whose clauses pay every other value of {}: {} and "
                                   "the ones noted",
                                   membersText(var, left), target,
                                   p_.enums[static_cast<std::size_t>(vars_[var].enumIndex)].name, cite(a)));
      for (int o : bounding)
        if (o != a) noteOther(f, o, "a clause paying other values");
      f.clauses = *same;
      attachWitness(f, ans->model, subject(a));
      break;
    }
  }
}

}  // namespace polc::check
