// The analyses of check.h over the prepared clauses: here the setup (value ranges, stated relations,
// each clause's conditions and amounts as formulas) and the witnesses; each analysis is a file of
// its own (checker.h). Each asks the solver (solver.h) and turns a model into a witness
// (witness.h); overlaps are confirmed with the reference evaluator.
#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include "check/checker.h"

namespace polc::check {

Result Checker::run() {
  ranges();
  relations();
  prepare();
  conditions();
  overlaps();
  shadowing();
  tiers();
  caps();
  sharedBases();
  neverActs();
  for (int c = 0; c < static_cast<int>(p_.clauses.size()); ++c) {
    readsBeforeFirstValue(c);
    if (o_.quoteNumbers) numbersAgainstQuote(c);
  }
  if (o_.quoteNumbers)
    for (int d = 0; d < static_cast<int>(m_.documents.size()); ++d) documentNumbersAgainstQuote(d);
  std::stable_sort(out_.findings.begin(), out_.findings.end(), [](const Finding& a, const Finding& b) {
    return std::make_tuple(a.span.file, a.span.begin, std::string(codeOf(a.kind))) <
           std::make_tuple(b.span.file, b.span.begin, std::string(codeOf(b.kind)));
  });
  for (auto& f : out_.findings)
    for (int c : f.clauses) f.refs.push_back(ClauseRefInfo{c, cite(c), p_.clauses[static_cast<std::size_t>(c)].text, span(c)});
  out_.stats.clauses = static_cast<int>(p_.clauses.size());
  for (const auto& d : cl_) out_.stats.payingClauses += d.pay ? 1 : 0;
  out_.stats.boxQueries = solver_.stats.boxQueries;
  out_.stats.z3Queries = solver_.stats.z3Queries;
  out_.stats.z3Unknown = solver_.stats.z3Unknown;
  out_.stats.z3Reasked = solver_.stats.z3Reasked;
  out_.stats.z3MostResources = solver_.stats.z3MostResources;
  out_.stats.evaluations = runner_.runs;
  return std::move(out_);
}

void Checker::ranges() {
  for (std::size_t s = 0; s < m_.subjects.size(); ++s)
    for (std::size_t f = 0; f < m_.subjects[s].facts.size(); ++f) {
      const auto* decl = m_.subjects[s].facts[f].decl;
      if (!decl || !decl->range || decl->range->kids.size() != 2) continue;
      auto lo = literal(*decl->range->kids[0]);
      auto hi = literal(*decl->range->kids[1]);
      if (lo && hi) ranges_[{static_cast<int>(s), static_cast<int>(f)}] = {*lo, *hi};
    }
}

std::optional<Q> Checker::literal(const ast::Expr& e) {
  if (e.kind == ast::ExprKind::Neg && !e.kids.empty()) {
    auto v = literal(*e.kids[0]);
    if (v) return -*v;
    return std::nullopt;
  }
  if (e.kind != ast::ExprKind::Quantity && e.kind != ast::ExprKind::Ratio) return std::nullopt;
  auto d = ir::literalDecimal(e.sema.literal);
  if (!d) return std::nullopt;
  return Q::fromDecimal(*d);
}

void Checker::relations() {
  for (std::size_t c = 0; c < m_.clauses.size(); ++c) {
    const auto* decl = m_.clauses[c].decl;
    if (!decl) continue;
    for (const auto& r : decl->relations)
      for (int other : resolve(r.other, m_.clauses[c].document))
        related_[{std::min<int>(static_cast<int>(c), other), std::max<int>(static_cast<int>(c), other)}] =
            r.reason.value;
  }
}

std::vector<int> Checker::resolve(const ast::ClauseRef& r, int currentDoc) const {
  int d = currentDoc;
  if (r.document) {
    d = -1;
    auto it = m_.documentIndex.find(r.document->text);
    if (it != m_.documentIndex.end()) d = it->second;
    for (std::size_t i = 0; d < 0 && i < m_.documents.size(); ++i)
      if (m_.documents[i].displayNumber == r.document->text) d = static_cast<int>(i);
    if (d < 0) return {};
  }
  std::vector<int> out;
  const auto& doc = m_.documents[static_cast<std::size_t>(d)];
  for (auto it = doc.byCitation.lower_bound({r.article, r.clause, r.item}); it != doc.byCitation.end(); ++it) {
    auto [a, c, i] = it->first;
    if (a != r.article || (r.clause != 0 && c != r.clause)) break;
    if (r.item != 0 && i != r.item) break;
    out.push_back(it->second);
  }
  return out;
}

void Checker::collectFacts(const ir::Expr& e, std::set<int>& out) {
  if (e.subject >= 0 && e.fact >= 0) {
    const auto& t = p_.subjects[e.subject].facts[e.fact].type;
    bool numeric = t.kind == TypeKind::Number || t.kind == TypeKind::Date;
    if (e.op == Op::Fact && numeric) out.insert(tr_.var(VarKind::Fact, e.subject, e.fact));
    if (e.op == Op::Previous) out.insert(tr_.var(VarKind::Prev, e.subject, e.fact));
    if (e.op == Op::Increase) out.insert(tr_.var(VarKind::Increase, e.subject, e.fact));
  }
  for (const auto& k : e.kids) collectFacts(k, out);
  for (const auto& en : e.entries)
    for (const auto& v : en.value) collectFacts(v, out);
}

void Checker::prepare() {
  cl_.resize(p_.clauses.size());
  payIndex_.assign(p_.clauses.size(), -1);
  payCond_.reserve(p_.clauses.size());
  std::map<int, int> freq;
  for (std::size_t c = 0; c < p_.clauses.size(); ++c) {
    const ir::Clause& cl = p_.clauses[c];
    ClauseData& d = cl_[c];
    d.index = static_cast<int>(c);
    if (cl.subject < 0) continue;
    d.pay = cl.award == ir::AwardKind::Pay && !cl.amount.empty();
    for (const auto& e : cl.eligibility) {
      std::size_t before = d.conjExprs.size();
      split(e, d.conjExprs);
      d.eligibility.resize(d.conjExprs.size(), true);
      (void)before;
    }
    for (const auto& e : cl.conditions) split(e, d.conjExprs);
    d.eligibility.resize(d.conjExprs.size(), false);
    std::vector<F> parts;
    F per = tr_.period(cl.document);
    parts.push_back(per);
    d.period = solver_.prepare(per);
    for (const ir::Expr* e : d.conjExprs) {
      F f = tr_.cond(*e);
      parts.push_back(f);
      d.conj.push_back(solver_.prepare(std::move(f)));
    }
    F condF = F::all(parts);
    d.cond = solver_.prepare(condF);
    std::vector<F> guards;
    if (d.pay) {
      std::optional<Q> cap;
      if (!cl.cap.empty()) cap = tr_.constant(cl.cap[0]);
      d.branches = tr_.branches(cl.amount[0], cap);
      d.capsRead = tr_.capsRead(cl.amount[0]) && (cl.cap.empty() || cap);
      for (const auto& b : d.branches) {
        guards.push_back(b.guard);
        d.guards.push_back(solver_.prepare(b.guard));
      }
      std::set<int> touch;
      collectFacts(cl.amount[0], touch);
      d.touch.assign(touch.begin(), touch.end());
    }
    F payF = d.pay ? F::all({condF, F::any(guards)}) : condF;
    std::set<int> vs;
    litVars(payF, vs);
    vs.erase(vars_.date());
    d.vars.assign(vs.begin(), vs.end());
    for (int v : d.vars) ++freq[v];
    payIndex_[c] = static_cast<int>(payCond_.size());
    payCond_.push_back(solver_.prepare(std::move(payF)));
  }
  freq_ = std::move(freq);
}

Span Checker::span(int c) const {
  const auto* decl = m_.clauses[static_cast<std::size_t>(c)].decl;
  return decl ? decl->headerSpan : Span{};
}

void Checker::attachWitness(Finding& f, const Assignment& a, int subj) {
  std::string comment = fmt::format("{} {}: {}", codeOf(f.kind), kindName(f.kind), f.message);
  f.witness = wb_.build(a, subj, comment);
  f.witnessSummary = wb_.summary(a);
  f.help.insert(f.help.begin(), "witness: " + f.witnessSummary);
}

Finding& Checker::add(FindingKind k, int primary, std::string message) {
  Finding f;
  f.kind = k;
  f.message = std::move(message);
  if (primary >= 0) {
    f.span = span(primary);
    f.clauses.push_back(primary);
    f.notes.push_back(DiagNote{Span{}, cite(primary) + " " + quote(primary)});
  }
  out_.findings.push_back(std::move(f));
  return out_.findings.back();
}

Lit Checker::literal(int var, ast::CmpOp op, const Q& value) const {
  Lit l;
  l.var = var;
  l.op = op;
  l.val = value;
  return l;
}

Answer Checker::paysWith(int c, const Cond& extra) {
  const ClauseData& d = cl_[static_cast<std::size_t>(c)];
  return solver_.solve({&d.cond, &extra}, d.touch);
}

void Checker::noteOther(Finding& f, int other, const std::string& what) {
  f.clauses.push_back(other);
  f.notes.push_back(DiagNote{span(other), what + ": " + cite(other) + " " + quote(other)});
}

Result run(const sema::Model& model, const ir::Program& program, const Options& options) {
  return Checker(model, program, options).run();
}

}  // namespace polc::check
