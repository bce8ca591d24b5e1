// Dead clauses and always-true conditions.
#include <fmt/format.h>

#include "check/checker.h"

namespace polc::check {

void Checker::conditions() {
  for (std::size_t c = 0; c < p_.clauses.size(); ++c) {
    if (payIndex_[c] < 0) continue;
    ClauseData& d = cl_[c];
    Answer a = solver_.solve({&pay(static_cast<int>(c))}, d.touch);
    if (a.sat == Sat::Yes) {
      d.witness = a.model;
      alwaysTrue(static_cast<int>(c));
      continue;
    }
    if (a.sat == Sat::Unknown) {
      d.undecided = true;
      Finding& f = add(FindingKind::UndecidedClause, static_cast<int>(c),
                       fmt::format("could not decide whether {} can apply (the solver gave up)", cite(static_cast<int>(c))));
      (void)f;
      continue;
    }
    d.dead = true;
    dead(static_cast<int>(c));
  }
}

void Checker::dead(int c) {
  ClauseData& d = cl_[static_cast<std::size_t>(c)];
  // The conjuncts: the period, each condition, the amount's tables. Shrink to a minimal core.
  std::vector<const Cond*> parts{&d.period};
  std::vector<std::string> names{"有效期"};
  std::vector<const ir::Expr*> exprs{nullptr};
  for (std::size_t i = 0; i < d.conj.size(); ++i) {
    parts.push_back(&d.conj[i]);
    names.push_back((d.eligibility[i] ? "申报条件 " : "") + d.conjExprs[i]->source);
    exprs.push_back(d.conjExprs[i]);
  }
  Cond guard;
  if (d.pay) {
    std::vector<F> gs;
    for (const auto& b : d.branches) gs.push_back(b.guard);
    guard = solver_.prepare(F::any(gs));
    parts.push_back(&guard);
    names.push_back("给予 " + p_.clauses[static_cast<std::size_t>(c)].amount[0].source + " 的分档／情形");
    exprs.push_back(&p_.clauses[static_cast<std::size_t>(c)].amount[0]);
  }
  std::vector<std::size_t> core;
  for (std::size_t i = 0; i < parts.size(); ++i) core.push_back(i);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    std::vector<const Cond*> trial;
    for (std::size_t k : core)
      if (k != i) trial.push_back(parts[k]);
    if (trial.size() == core.size()) continue;
    if (solver_.solve(trial).sat == Sat::No) core.erase(std::find(core.begin(), core.end(), i));
  }
  bool exclusion = false;
  std::string list;
  Span where = span(c);
  for (std::size_t k : core) {
    list += (list.empty() ? "" : "；") + names[k];
    if (exprs[k] && hasNegation(*exprs[k])) exclusion = true;
  }
  FindingKind kind = exclusion ? FindingKind::ContradictoryExclusion : FindingKind::DeadClause;
  Finding& f = add(kind, c,
                   exclusion ? fmt::format("{} never applies: an exclusion contradicts what it requires ({})", cite(c), list)
                             : fmt::format("{} never applies: its conditions cannot hold together ({})", cite(c), list));
  for (std::size_t k : core)
    if (exprs[k] && exprs[k]->span.valid() && k + 1 != parts.size())
      f.notes.push_back(DiagNote{exprs[k]->span, "this condition is part of the contradiction"});
  (void)where;
  f.contradiction = list;
  // Witness: everything but the last condition of the core holds; the clause still does not pay.
  std::vector<const Cond*> most;
  for (std::size_t i = 0; i + 1 < core.size(); ++i) most.push_back(parts[core[i]]);
  Answer a = solver_.solve(most, d.touch);
  if (a.sat == Sat::Yes) attachWitness(f, a.model, subject(c));
  f.help.push_back(fmt::format("every condition but `{}` holds for the witness, and the clause still pays nothing",
                               core.empty() ? std::string("?") : names[core.back()]));
}

void Checker::alwaysTrue(int c) {
  ClauseData& d = cl_[static_cast<std::size_t>(c)];
  for (std::size_t i = 0; i < d.conj.size(); ++i) {
    if (d.eligibility[i]) continue;
    const ir::Expr& e = *d.conjExprs[i];
    if (e.op == Op::Const) continue;
    if (d.conj[i].f.op == F::True) {
      // constant-true after translation (e.g. 0 ≤ 0)
    }
    Cond neg = solver_.prepare(negate(d.conj[i].f));
    Answer a = solver_.solve({&neg});
    if (a.sat != Sat::No) continue;
    Finding& f = add(FindingKind::AlwaysTrue, c,
                     fmt::format("condition `{}` of {} holds for every applicant (given the declared types and 取值 ranges)",
                                 e.source, cite(c)));
    if (e.span.valid()) f.span = e.span;
    std::set<int> vs;
    litVars(d.conj[i].f, vs);
    // Witness: the clause pays with the condition's facts at the low end of their ranges.
    std::vector<Cond> pins;
    for (int v : vs) {
      const VarInfo& vi = vars_[v];
      if (vi.dom != DomKind::Num || !vi.lo) continue;
      pins.push_back(pinned(v, *vi.lo));
    }
    std::vector<const Cond*> q{&pay(c)};
    for (const auto& p : pins) q.push_back(&p);
    Answer w = solver_.solve(q, d.touch);
    if (w.sat == Sat::Yes) attachWitness(f, w.model, subject(c));
    else if (d.witness) attachWitness(f, *d.witness, subject(c));
    f.help.push_back("the condition does not restrict anything; remove it or check the threshold");
  }
}

}  // namespace polc::check
