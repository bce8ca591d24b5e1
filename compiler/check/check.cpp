// The analyses of check.h over the prepared clauses. Each analysis asks the solver (solver.h) and
// turns a model into a witness (witness.h); overlaps are confirmed with the reference evaluator.
#include "check/check.h"

#include <algorithm>
#include <functional>
#include <unordered_map>

#include <fmt/format.h>

#include "check/solver.h"
#include "check/witness.h"
#include "ir/lower.h"

namespace polc::check {

using json = nlohmann::ordered_json;
using ir::Op;

// ---- codes ----------------------------------------------------------------------------------------

namespace {
struct KindInfo {
  FindingKind kind;
  const char* code;
  const char* name;
  Severity severity;
  const char* rule;
};

const KindInfo kKinds[] = {
    {FindingKind::Overlap, "W0601", "overlap", Severity::Warning,
     "Two clauses can pay the same subject for the same target, and no non-stacking group or stated relation covers them"},
    {FindingKind::Conflict, "W0602", "conflict", Severity::Warning,
     "Two clauses with overlapping conditions pay the same target with different amounts, rates or caps"},
    {FindingKind::CoveredOverlap, "W0603", "covered_overlap", Severity::Note,
     "Two clauses overlap on the same target; a non-stacking group keeps only one of them"},
    {FindingKind::AcceptedOverlap, "W0604", "accepted_overlap", Severity::Note,
     "Two clauses overlap on the same target; the overlap is accepted by a stated relation (关系)"},
    {FindingKind::UndecidedPair, "W0605", "undecided_pair", Severity::Warning,
     "The checker could not decide whether two clauses on the same target overlap"},
    {FindingKind::DeadClause, "W0610", "dead_clause", Severity::Warning, "The conditions of a clause can never hold together"},
    {FindingKind::ContradictoryExclusion, "W0611", "contradictory_exclusion", Severity::Warning,
     "An exclusion (非 / 不属于 / 不为) contradicts what the clause requires, so the clause never applies"},
    {FindingKind::AlwaysTrue, "W0612", "always_true", Severity::Warning,
     "A condition holds for every applicant (given the declared types and 取值 ranges)"},
    {FindingKind::UndecidedClause, "W0613", "undecided_clause", Severity::Note,
     "The checker could not decide whether a clause can apply"},
    {FindingKind::TierPaysLess, "W0620", "tier_pays_less", Severity::Warning,
     "A higher tier (an entry chosen before another whose key it also meets) pays less than the lower one"},
    {FindingKind::TierUnreachable, "W0621", "tier_unreachable", Severity::Warning,
     "A tier can never be chosen: every applicant meeting its key meets an earlier entry, or its key cannot hold"},
    {FindingKind::TierGap, "W0622", "tier_gap", Severity::Warning,
     "A boundary value falls between two tiers or clauses of the same target: neither pays it"},
    {FindingKind::TierOrder, "W0623", "tier_order", Severity::Warning,
     "Tier thresholds are out of order, so a higher threshold is never reached"},
    {FindingKind::CapAboveProgramme, "W0630", "cap_above_programme", Severity::Warning,
     "An item's cap (or its highest amount) is above the cumulative or programme cap that contains it"},
    {FindingKind::CapUnreachable, "W0631", "cap_unreachable", Severity::Warning,
     "No allowed base can reach the cap (given the declared 取值 range)"},
    {FindingKind::CapAlwaysReached, "W0632", "cap_always_reached", Severity::Warning,
     "Every allowed base reaches the cap, so the rate never decides the amount"},
    {FindingKind::RateOver100, "W0633", "rate_over_100", Severity::Warning, "A rate above 100 % of its base"},
    {FindingKind::CapNotPositive, "W0634", "cap_not_positive", Severity::Warning, "A cap of zero or less"},
    {FindingKind::Shadowed, "W0640", "shadowed", Severity::Warning,
     "Inside a take-the-highest group, a clause can never be the one kept"},
};

const KindInfo& info(FindingKind k) {
  for (const auto& i : kKinds)
    if (i.kind == k) return i;
  return kKinds[0];
}
}  // namespace

const char* codeOf(FindingKind k) { return info(k).code; }
const char* kindName(FindingKind k) { return info(k).name; }
Severity defaultSeverity(FindingKind k) { return info(k).severity; }
const char* ruleDescription(FindingKind k) { return info(k).rule; }
const std::vector<FindingKind>& allKinds() {
  static const std::vector<FindingKind> all = [] {
    std::vector<FindingKind> v;
    for (const auto& i : kKinds) v.push_back(i.kind);
    return v;
  }();
  return all;
}

namespace {

// ---- per-clause preparation -----------------------------------------------------------------------

struct ClauseData {
  int index = -1;
  bool pay = false;
  bool dead = false, undecided = false;
  std::vector<const ir::Expr*> conjExprs;
  std::vector<bool> eligibility;  // parallel: from the document's 申报条件
  std::vector<Cond> conj;
  Cond period;
  Cond cond;                   // period ∧ conjuncts
  std::vector<Branch> branches;
  std::vector<Cond> guards;    // per branch
  std::vector<int> touch;      // variables the amount needs
  std::optional<Assignment> witness;
  std::vector<int> vars;       // variables of the pay condition's literals (sorted, no date)
  std::map<int, int> forced;   // enum/bool variables with one value in every box
};

void split(const ir::Expr& e, std::vector<const ir::Expr*>& out) {
  if (e.op == Op::And) {
    for (const auto& k : e.kids) split(k, out);
    return;
  }
  out.push_back(&e);
}

void litVars(const F& f, std::set<int>& out) {
  if (f.op == F::Lit) out.insert(f.lit.var);
  for (const auto& k : f.kids) litVars(k, out);
}

bool hasNegation(const ir::Expr& e) {
  if (e.op == Op::Not) return true;
  if (e.op == Op::Member && e.negated) return true;
  if (e.op == Op::Compare && e.cmp == ast::CmpOp::Ne) return true;
  for (const auto& k : e.kids)
    if (hasNegation(k)) return true;
  return false;
}

std::string amountText(const eval::Award& a) { return eval::amountText(a.lo, a.hi, a.form); }

class Checker {
 public:
  Checker(const sema::Model& m, const ir::Program& p, const Options& o)
      : m_(m), p_(p), o_(o), tr_(p, vars_, ranges_), boxes_(vars_), solver_(tr_, boxes_, o.z3TimeoutMs),
        wb_(m, p, vars_), runner_(m, p) {}

  Result run() {
    ranges();
    relations();
    prepare();
    conditions();
    overlaps();
    shadowing();
    tiers();
    caps();
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
    out_.stats.evaluations = runner_.runs;
    return std::move(out_);
  }

 private:
  // ---- setup --------------------------------------------------------------------------------------
  void ranges() {
    for (std::size_t s = 0; s < m_.subjects.size(); ++s)
      for (std::size_t f = 0; f < m_.subjects[s].facts.size(); ++f) {
        const auto* decl = m_.subjects[s].facts[f].decl;
        if (!decl || !decl->range || decl->range->kids.size() != 2) continue;
        auto lo = literal(*decl->range->kids[0]);
        auto hi = literal(*decl->range->kids[1]);
        if (lo && hi) ranges_[{static_cast<int>(s), static_cast<int>(f)}] = {*lo, *hi};
      }
  }

  static std::optional<Q> literal(const ast::Expr& e) {
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

  void relations() {
    for (std::size_t c = 0; c < m_.clauses.size(); ++c) {
      const auto* decl = m_.clauses[c].decl;
      if (!decl) continue;
      for (const auto& r : decl->relations)
        for (int other : resolve(r.other, m_.clauses[c].document))
          related_[{std::min<int>(static_cast<int>(c), other), std::max<int>(static_cast<int>(c), other)}] =
              r.reason.value;
    }
  }

  std::vector<int> resolve(const ast::ClauseRef& r, int currentDoc) const {
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

  void collectFacts(const ir::Expr& e, std::set<int>& out) {
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

  void prepare() {
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

  const Cond& pay(int c) const { return payCond_[static_cast<std::size_t>(payIndex_[static_cast<std::size_t>(c)])]; }

  // ---- witnesses ----------------------------------------------------------------------------------
  std::string cite(int c) const { return p_.clauses[static_cast<std::size_t>(c)].citation; }
  Span span(int c) const {
    const auto* decl = m_.clauses[static_cast<std::size_t>(c)].decl;
    return decl ? decl->headerSpan : Span{};
  }
  std::string quote(int c) const { return "原文「" + p_.clauses[static_cast<std::size_t>(c)].text + "」"; }
  int subject(int c) const { return p_.clauses[static_cast<std::size_t>(c)].subject; }

  void attachWitness(Finding& f, const Assignment& a, int subj) {
    std::string comment = fmt::format("{} {}: {}", codeOf(f.kind), kindName(f.kind), f.message);
    f.witness = wb_.build(a, subj, comment);
    f.witnessSummary = wb_.summary(a);
    f.help.insert(f.help.begin(), "witness: " + f.witnessSummary);
  }

  Finding& add(FindingKind k, int primary, std::string message) {
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

  void noteOther(Finding& f, int other, const std::string& what) {
    f.clauses.push_back(other);
    f.notes.push_back(DiagNote{span(other), what + ": " + cite(other) + " " + quote(other)});
  }

  // ---- conditions: dead clauses, always-true conditions -------------------------------------------
  void conditions() {
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

  void dead(int c) {
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
    // Witness: everything but the last condition of the core holds; the clause still does not pay.
    std::vector<const Cond*> most;
    for (std::size_t i = 0; i + 1 < core.size(); ++i) most.push_back(parts[core[i]]);
    Answer a = solver_.solve(most, d.touch);
    if (a.sat == Sat::Yes) attachWitness(f, a.model, subject(c));
    f.help.push_back(fmt::format("every condition but `{}` holds for the witness, and the clause still pays nothing",
                                 core.empty() ? std::string("?") : names[core.back()]));
  }

  void alwaysTrue(int c) {
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
        Lit l;
        l.var = v;
        l.op = ast::CmpOp::Eq;
        l.val = *vi.lo;
        pins.push_back(solver_.prepare(F::of(l)));
      }
      std::vector<const Cond*> q{&pay(c)};
      for (const auto& p : pins) q.push_back(&p);
      Answer w = solver_.solve(q, d.touch);
      if (w.sat == Sat::Yes) attachWitness(f, w.model, subject(c));
      else if (d.witness) attachWitness(f, *d.witness, subject(c));
      f.help.push_back("the condition does not restrict anything; remove it or check the threshold");
    }
  }

  // ---- overlaps and conflicts ---------------------------------------------------------------------
  bool inScope(const ir::Group& g, int c) const {
    const ir::Clause& cl = p_.clauses[static_cast<std::size_t>(c)];
    bool in = g.scope == ir::GroupScope::All || (g.scope == ir::GroupScope::Document && cl.document == g.document) ||
              (g.scope == ir::GroupScope::Clauses && std::find(g.clauses.begin(), g.clauses.end(), c) != g.clauses.end());
    if (!in) return false;
    return cl.kind < 0 || std::find(g.exceptKinds.begin(), g.exceptKinds.end(), cl.kind) == g.exceptKinds.end();
  }

  // Two awards of these clauses on one item of `subject` fall into the same partition of g.
  bool sameKey(const ir::Group& g, int subj) const {
    for (int s : g.per)
      if (p_.ownedBy(subj, s)) return true;
    if (g.perItem) return true;
    return g.per.empty();
  }

  const ir::Group* covering(int a, int b) const {
    const ir::Clause& ca = p_.clauses[static_cast<std::size_t>(a)];
    const ir::Clause& cb = p_.clauses[static_cast<std::size_t>(b)];
    for (const auto& g : p_.groups) {
      if (!inScope(g, a) || !inScope(g, b)) continue;
      if (!sameKey(g, ca.subject)) continue;
      if (g.sameTarget && ca.target != cb.target) continue;
      if (g.scope == ir::GroupScope::All && ca.document != g.document && cb.document != g.document) continue;
      return &g;
    }
    return nullptr;
  }

  Span groupSpan(const ir::Group& g) const {
    for (const auto& mg : m_.groups)
      if (mg.decl && mg.decl->name.text == g.name && mg.document == g.document) return mg.decl->name.span;
    return Span{};
  }

  std::map<int, int> forced(int c) {
    std::map<int, int> out;
    const Cond& pc = pay(c);
    if (!pc.boxes || pc.boxes->empty()) return out;
    bool first = true;
    for (const Box& b : *pc.boxes) {
      std::map<int, int> here;
      for (const Dom& d : b.doms) {
        const VarInfo& v = vars_[d.var];
        if (v.dom == DomKind::Enum && d.enumAllowed.count() == 1) {
          for (int i = 0; i < v.members; ++i)
            if (d.enumAllowed[i]) here[d.var] = i;
        } else if (v.dom == DomKind::Bool && (d.boolMask == 1 || d.boolMask == 2)) {
          here[d.var] = d.boolMask;
        }
      }
      if (first) {
        out = here;
        first = false;
      } else {
        for (auto it = out.begin(); it != out.end();) {
          auto h = here.find(it->first);
          it = (h == here.end() || h->second != it->second) ? out.erase(it) : std::next(it);
        }
      }
    }
    return out;
  }

  // Candidate pairs of a bucket, without comparing clauses that force different values of an
  // enum or boolean variable (different districts, exclusive kinds of project).
  void pairsOf(const std::vector<int>& list, std::vector<std::pair<int, int>>& out,
               std::unordered_map<int, std::map<int, int>>& forcedOf, int depth) {
    auto all = [&] {
      for (std::size_t i = 0; i < list.size(); ++i)
        for (std::size_t j = i + 1; j < list.size(); ++j) out.push_back({list[i], list[j]});
    };
    if (list.size() <= 16 || depth > 8) return all();
    std::map<int, std::map<int, int>> counts;  // var → value → clauses
    for (int c : list)
      for (auto [v, val] : forcedOf[c]) ++counts[v][val];
    int best = -1;
    std::size_t bestScore = 0;
    for (const auto& [v, vals] : counts) {
      if (vals.size() < 2) continue;
      std::size_t n = 0, biggest = 0;
      for (const auto& [val, k] : vals) {
        n += static_cast<std::size_t>(k);
        biggest = std::max(biggest, static_cast<std::size_t>(k));
      }
      std::size_t score = n - biggest;  // how many pairs the split avoids, roughly
      if (score > bestScore) {
        bestScore = score;
        best = v;
      }
    }
    if (best < 0) return all();
    std::map<int, std::vector<int>> groups;
    std::vector<int> wild;
    for (int c : list) {
      auto it = forcedOf[c].find(best);
      if (it == forcedOf[c].end()) wild.push_back(c);
      else groups[it->second].push_back(c);
    }
    for (auto& [val, g] : groups) pairsOf(g, out, forcedOf, depth + 1);
    for (std::size_t i = 0; i < wild.size(); ++i) {
      for (int c : list) {
        if (c == wild[i]) continue;
        bool otherWild = std::find(wild.begin(), wild.end(), c) != wild.end();
        if (otherWild && c < wild[i]) continue;
        out.push_back({std::min(wild[i], c), std::max(wild[i], c)});
      }
    }
  }

  void overlaps() {
    std::map<std::pair<int, int>, std::vector<int>> buckets;
    for (std::size_t c = 0; c < p_.clauses.size(); ++c) {
      const ir::Clause& cl = p_.clauses[c];
      if (payIndex_[c] < 0 || !cl_[c].pay || cl_[c].dead || cl.target < 0) continue;
      buckets[{cl.target, cl.subject}].push_back(static_cast<int>(c));
    }
    for (auto& [key, list] : buckets) {
      if (list.size() < 2) continue;
      std::unordered_map<int, std::map<int, int>> forcedOf;
      if (list.size() > 16)
        for (int c : list) forcedOf[c] = forced(c);
      std::vector<std::pair<int, int>> pairs;
      pairsOf(list, pairs, forcedOf, 0);
      for (auto [a, b] : pairs) pair(a, b);
    }
  }

  std::vector<int> touchOf(std::initializer_list<int> cs) const {
    std::set<int> t;
    for (int c : cs)
      for (int v : cl_[static_cast<std::size_t>(c)].touch) t.insert(v);
    return {t.begin(), t.end()};
  }

  void pair(int a, int b) {
    ++out_.stats.candidatePairs;
    ++out_.stats.overlapQueries;
    std::vector<int> touch = touchOf({a, b});
    Answer ans = solver_.solve({&pay(a), &pay(b)}, touch);
    if (ans.sat == Sat::No) {
      gap(a, b);
      return;
    }
    int subj = subject(a);
    const std::string target = p_.targets[static_cast<std::size_t>(p_.clauses[static_cast<std::size_t>(a)].target)].name;
    if (ans.sat == Sat::Unknown) {
      Finding& f = add(FindingKind::UndecidedPair, a,
                       fmt::format("could not decide whether {} and {} overlap on {} (the solver gave up); "
                                   "they are not known to be disjoint",
                                   cite(a), cite(b), target));
      noteOther(f, b, "the other clause");
      if (cl_[static_cast<std::size_t>(a)].witness) attachWitness(f, *cl_[static_cast<std::size_t>(a)].witness, subj);
      return;
    }
    json w = wb_.build(ans.model, subj, "");
    std::string err;
    auto res = runner_.run({a, b}, w, &err);
    const eval::Award* wa = res ? awardOf(&runner_, *res, a) : nullptr;
    const eval::Award* wbA = res ? awardOf(&runner_, *res, b) : nullptr;
    bool both = wa && wbA && wa->hasAmount() && wbA->hasAmount();
    if (!both && o_.confirm) {
      Finding& f = add(FindingKind::UndecidedPair, a,
                       fmt::format("could not decide whether {} and {} overlap on {}: the solver's applicant is not "
                                   "paid by both in the evaluator{}; they are not known to be disjoint",
                                   cite(a), cite(b), target, err.empty() ? "" : " (" + err + ")"));
      noteOther(f, b, "the other clause");
      attachWitness(f, ans.model, subj);
      return;
    }
    // Amounts: look for an applicant that both pay differently (branch by branch, then larger bases).
    Assignment model = ans.model;
    std::string amtA = wa ? amountText(*wa) : "?", amtB = wbA ? amountText(*wbA) : "?";
    bool differ = wa && wbA && (wa->hi != wbA->hi || wa->form != wbA->form);
    if (!differ) differ = findDifference(a, b, model, amtA, amtB);
    std::string why;
    auto rel = related_.find({std::min(a, b), std::max(a, b)});
    const ir::Group* g = covering(a, b);
    FindingKind kind;
    std::string message;
    std::string amounts = differ ? fmt::format("; they pay different amounts ({} vs {})", amtA, amtB) : "";
    if (rel != related_.end()) {
      kind = FindingKind::AcceptedOverlap;
      message = fmt::format("{} and {} can both pay {} to the same {}{}; accepted by the stated relation “{}”{}", cite(a),
                            cite(b), target, p_.subjects[static_cast<std::size_t>(subj)].name, amounts, rel->second,
                            g ? fmt::format(" (and the non-stacking group {} keeps only the higher)", g->name) : "");
    } else if (g) {
      kind = FindingKind::CoveredOverlap;
      message = fmt::format("{} and {} can both pay {} to the same {}{}; the non-stacking group {} keeps only the higher",
                            cite(a), cite(b), target, p_.subjects[static_cast<std::size_t>(subj)].name, amounts, g->name);
    } else if (differ) {
      kind = FindingKind::Conflict;
      message = fmt::format("{} and {} can both pay {} to the same {} with different amounts ({} vs {}), and no "
                            "non-stacking group or relation covers them",
                            cite(a), cite(b), target, p_.subjects[static_cast<std::size_t>(subj)].name, amtA, amtB);
    } else {
      kind = FindingKind::Overlap;
      message = fmt::format("{} and {} can both pay {} to the same {} ({} each), and no non-stacking group or "
                            "relation covers them",
                            cite(a), cite(b), target, p_.subjects[static_cast<std::size_t>(subj)].name, amtA);
    }
    Finding& f = add(kind, a, message);
    noteOther(f, b, "the other clause");
    if (g && (kind == FindingKind::CoveredOverlap || kind == FindingKind::AcceptedOverlap)) {
      f.group = g->name;
      f.notes.push_back(DiagNote{groupSpan(*g), "the non-stacking group: 原文「" + g->text + "」"});
    }
    if (kind == FindingKind::AcceptedOverlap) f.relation = rel->second;
    attachWitness(f, model, subj);
    f.amounts = {cite(a) + " pays " + amtA, cite(b) + " pays " + amtB};
    for (const auto& s : f.amounts) f.help.push_back(s);
    if (kind == FindingKind::Overlap || kind == FindingKind::Conflict)
      f.help.push_back(fmt::format("if both may be paid, accept it in the policy: 关系 {} \"reason\" in {}", cite(b), cite(a)));
  }

  // Tries branch pairs (and large bases) for an applicant that both clauses pay with different amounts.
  bool findDifference(int a, int b, Assignment& model, std::string& amtA, std::string& amtB) {
    const ClauseData& da = cl_[static_cast<std::size_t>(a)];
    const ClauseData& db = cl_[static_cast<std::size_t>(b)];
    std::vector<int> touch = touchOf({a, b});
    int tries = 0;
    for (std::size_t i = 0; i < da.guards.size(); ++i)
      for (std::size_t j = 0; j < db.guards.size(); ++j) {
        for (int big = 0; big < 2; ++big) {
          if (++tries > 48) return false;
          std::vector<Cond> extra;
          if (big) {
            for (const Shape* s : {&da.branches[i].shape, &db.branches[j].shape})
              if (s->kind == Shape::Linear && s->cap && s->coef.sign() > 0) {
                Lit l;
                l.var = s->var;
                l.op = ast::CmpOp::Ge;
                try {
                  l.val = (*s->cap - s->offset) / s->coef;
                } catch (const ArithOverflow&) {
                  continue;
                }
                extra.push_back(solver_.prepare(F::of(l)));
              }
            if (extra.empty()) continue;
          }
          std::vector<const Cond*> q{&pay(a), &da.guards[i], &pay(b), &db.guards[j]};
          for (const auto& e : extra) q.push_back(&e);
          Answer ans = solver_.solve(q, touch);
          if (ans.sat != Sat::Yes) continue;
          auto res = runner_.run({a, b}, wb_.build(ans.model, subject(a), ""));
          if (!res) continue;
          const eval::Award* x = awardOf(&runner_, *res, a);
          const eval::Award* y = awardOf(&runner_, *res, b);
          if (!x || !y || !x->hasAmount() || !y->hasAmount()) continue;
          if (x->hi != y->hi || x->form != y->form) {
            model = ans.model;
            amtA = amountText(*x);
            amtB = amountText(*y);
            return true;
          }
        }
      }
    return false;
  }

  // Two clauses of one target that do not overlap: a boundary point that neither pays.
  void gap(int a, int b) {
    const Cond& pa = pay(a);
    const Cond& pb = pay(b);
    if (!pa.boxes || !pb.boxes || pa.boxes->size() != 1 || pb.boxes->size() != 1) return;
    const Box& A = pa.boxes->front();
    const Box& B = pb.boxes->front();
    for (const Dom& da : A.doms) {
      const VarInfo& v = vars_[da.var];
      if (v.dom != DomKind::Num || v.kind == VarKind::Date) continue;
      const Dom* dbp = boxes_.find(B, da.var);
      if (!dbp) continue;
      const NumDom& x = da.num;
      const NumDom& y = dbp->num;
      std::optional<Q> point;
      if (x.hasHi && x.hiStrict && x.hiLit && y.hasLo && y.loStrict && y.loLit && x.hi == y.lo) point = x.hi;
      if (y.hasHi && y.hiStrict && y.hiLit && x.hasLo && x.loStrict && x.loLit && y.hi == x.lo) point = y.hi;
      if (!point) continue;
      // Both clauses with the variable freed must be compatible, at the point.
      Box a2 = A, b2 = B;
      for (Box* bx : {&a2, &b2})
        for (Dom& d : bx->doms)
          if (d.var == da.var) d = boxes_.initial(da.var);
      Box m = boxes_.meet(a2, b2);
      Lit at;
      at.var = da.var;
      at.op = ast::CmpOp::Eq;
      at.val = *point;
      if (!boxes_.add(m, at) || !boxes_.sat(m)) continue;
      Assignment model = boxes_.pick(m);
      for (int t : touchOf({a, b}))
        if (!model.count(t)) model[t] = boxes_.pickVar(t, m);
      // Confirm: no clause of this target pays the boundary.
      std::vector<int> same;
      for (std::size_t c = 0; c < p_.clauses.size(); ++c)
        if (p_.clauses[c].target == p_.clauses[static_cast<std::size_t>(a)].target &&
            p_.clauses[c].subject == subject(a))
          same.push_back(static_cast<int>(c));
      auto res = runner_.run(same, wb_.build(model, subject(a), ""));
      if (!res) continue;
      bool paid = false;
      for (const auto& aw : res->awards)
        if (aw.hasAmount()) paid = true;
      if (paid) continue;
      Finding& f = add(FindingKind::TierGap, a,
                       fmt::format("{} = {} falls between {} and {}: neither pays {} at the boundary (one says 超/低于, "
                                   "the other needs more than the same value)",
                                   v.name, point->toDecimal() ? eval::quantity(p_, *point->toDecimal(), v.type) : point->str(),
                                   cite(a), cite(b),
                                   p_.targets[static_cast<std::size_t>(p_.clauses[static_cast<std::size_t>(a)].target)].name));
      noteOther(f, b, "the other clause");
      f.clauses = same;
      attachWitness(f, model, subject(a));
      return;
    }
  }

  // ---- shadowing inside take-the-highest groups ---------------------------------------------------
  std::optional<Q> maxHi(int c) const {
    std::optional<Q> out;
    for (const auto& b : cl_[static_cast<std::size_t>(c)].branches) {
      auto h = b.shape.maxHi();
      if (!h) return std::nullopt;
      out = out ? qmax(*out, *h) : *h;
    }
    return out;
  }
  std::optional<Q> minHi(int c) const {
    std::optional<Q> out;
    for (const auto& b : cl_[static_cast<std::size_t>(c)].branches) {
      auto h = b.shape.minHi();
      if (!h) return std::nullopt;
      out = out ? qmin(*out, *h) : *h;
    }
    return out;
  }

  bool winsTie(const ir::Group& g, int b, int a) const {
    int db = p_.clauses[static_cast<std::size_t>(b)].document, da = p_.clauses[static_cast<std::size_t>(a)].document;
    auto rank = [&](int d) {
      auto it = std::find(g.prefer.begin(), g.prefer.end(), d);
      return it == g.prefer.end() ? static_cast<int>(g.prefer.size()) : static_cast<int>(it - g.prefer.begin());
    };
    if (rank(db) != rank(da)) return rank(db) < rank(da);
    if (db != da) return db < da;
    return b < a;
  }

  bool implies(int a, int b) {
    const Cond& pa = pay(a);
    const Cond& pb = pay(b);
    if (pa.boxes && pb.boxes && pb.boxes->size() == 1) {
      for (const Box& x : *pa.boxes)
        if (boxes_.sat(x) && !boxes_.subset(x, pb.boxes->front())) return false;
      return true;
    }
    Cond neg = solver_.prepare(negate(pb.f));
    return solver_.solve({&pa, &neg}).sat == Sat::No;
  }

  bool underCap(int c) const {
    for (const auto& cap : p_.caps)
      if (std::find(cap.clauses.begin(), cap.clauses.end(), c) != cap.clauses.end()) return true;
    return false;
  }

  void shadowing() {
    std::unordered_map<int, std::vector<int>> byTargetAll;
    for (std::size_t c = 0; c < p_.clauses.size(); ++c)
      if (payIndex_[c] >= 0 && cl_[c].pay && !cl_[c].dead && p_.clauses[c].target >= 0)
        byTargetAll[p_.clauses[c].target].push_back(static_cast<int>(c));
    for (const auto& g : p_.groups) {
      std::vector<int> members;
      if (g.scope == ir::GroupScope::All && g.sameTarget) {
        // Only targets the group's own document pays can meet in one of its partitions.
        std::set<int> targets;
        for (int c : p_.documents[static_cast<std::size_t>(g.document)].clauses)
          if (p_.clauses[static_cast<std::size_t>(c)].target >= 0) targets.insert(p_.clauses[static_cast<std::size_t>(c)].target);
        for (int t : targets)
          for (int c : byTargetAll[t])
            if (inScope(g, c)) members.push_back(c);
      } else {
        for (std::size_t c = 0; c < p_.clauses.size(); ++c)
          if (payIndex_[c] >= 0 && cl_[c].pay && !cl_[c].dead && inScope(g, static_cast<int>(c)))
            members.push_back(static_cast<int>(c));
      }
      if (members.size() < 2) continue;
      // Index each member by its target (groups of one target) or by its rarest variable: a
      // dominator's variables are all among A's.
      std::unordered_map<int, std::vector<int>> byVar;
      for (int c : members) {
        const auto& vs = cl_[static_cast<std::size_t>(c)].vars;
        int rare = -1;
        for (int v : vs)
          if (rare < 0 || freq_[v] < freq_[rare]) rare = v;
        byVar[g.sameTarget ? p_.clauses[static_cast<std::size_t>(c)].target : rare].push_back(c);
      }
      for (int a : members) {
        auto amax = maxHi(a);
        if (!amax) continue;
        const auto& avars = cl_[static_cast<std::size_t>(a)].vars;
        std::vector<int> cands;
        if (g.sameTarget) {
          cands = byVar[p_.clauses[static_cast<std::size_t>(a)].target];
        } else {
          cands = byVar[-1];
          for (int v : avars)
            if (auto it = byVar.find(v); it != byVar.end()) cands.insert(cands.end(), it->second.begin(), it->second.end());
        }
        for (int b : cands) {
          if (b == a) continue;
          const ir::Clause& ca = p_.clauses[static_cast<std::size_t>(a)];
          const ir::Clause& cb = p_.clauses[static_cast<std::size_t>(b)];
          if (!p_.ownedBy(ca.subject, cb.subject) || !sameKey(g, cb.subject) || !sameKey(g, ca.subject)) continue;
          if (g.sameTarget && ca.target != cb.target) continue;
          if (g.scope == ir::GroupScope::All && ca.document != g.document && cb.document != g.document) continue;
          // A programme or cumulative cap can cut b below a (the evaluator applies caps before it
          // compares the awards of a group, and other awards can spend a shared cap), so a capped
          // clause is never claimed to dominate.
          if (underCap(b)) continue;
          auto bmin = minHi(b);
          if (!bmin || *bmin < *amax || (*bmin == *amax && !winsTie(g, b, a))) continue;
          const auto& bvars = cl_[static_cast<std::size_t>(b)].vars;
          if (!std::includes(avars.begin(), avars.end(), bvars.begin(), bvars.end())) continue;
          if (!implies(a, b)) continue;
          Finding& f = add(FindingKind::Shadowed, a,
                           fmt::format("{} can never be the award kept by the non-stacking group {}: whenever it pays, "
                                       "{} pays too, at least as much ({} vs at most {})",
                                       cite(a), g.name, cite(b), eval::money(*bmin->toDecimal()),
                                       eval::money(*amax->toDecimal())));
          noteOther(f, b, "the clause that is always kept instead");
          f.group = g.name;
          f.notes.push_back(DiagNote{groupSpan(g), "the non-stacking group: 原文「" + g.text + "」"});
          if (cl_[static_cast<std::size_t>(a)].witness) attachWitness(f, *cl_[static_cast<std::size_t>(a)].witness, ca.subject);
          break;
        }
      }
    }
  }

  // ---- tiers --------------------------------------------------------------------------------------
  static const ir::Expr* tableOf(const ir::Expr& e) {
    switch (e.op) {
      case Op::Tiers:
      case Op::Cases: return &e;
      case Op::UpTo:
      case Op::Cap: return tableOf(e.kids[0]);
      case Op::Arith:
        if (e.arith == ast::ArithOp::Mul || e.arith == ast::ArithOp::Div) return tableOf(e.kids[0]);
        return nullptr;
      default: return nullptr;
    }
  }

  // Whether entry i always pays less than entry j: constants, or one rate of the same base.
  bool paysLess(const Shape& x, const Shape& y) const {
    if (x.kind == Shape::Const && y.kind == Shape::Const) {
      auto xh = x.maxHi(), yh = y.minHi();
      return xh && yh && *xh < *yh;
    }
    if (x.kind == Shape::Linear && y.kind == Shape::Linear && x.var == y.var && x.offset.isZero() &&
        y.offset.isZero() && x.coef.sign() > 0) {
      bool capLe = !x.cap || (y.cap && *x.cap <= *y.cap) ? true : (!y.cap);
      if (x.cap && !y.cap) capLe = true;
      if (!x.cap && y.cap) capLe = false;
      if (x.cap && y.cap) capLe = *x.cap <= *y.cap;
      bool strict = x.coef < y.coef || (x.cap && y.cap && *x.cap < *y.cap) || (x.cap && !y.cap);
      return x.coef <= y.coef && capLe && strict;
    }
    return false;
  }

  std::string shapeText(const Shape& s) const {
    if (s.kind == Shape::Const) {
      auto h = s.maxHi();
      return h && h->toDecimal() ? eval::money(*h->toDecimal()) : "?";
    }
    return s.expr ? s.expr->source : "?";
  }

  void tiers() {
    for (std::size_t c = 0; c < p_.clauses.size(); ++c) {
      ClauseData& d = cl_[c];
      if (payIndex_[c] < 0 || !d.pay || d.dead) continue;
      const ir::Expr* node = tableOf(p_.clauses[c].amount[0]);
      if (!node || node->entries.size() < 2 || node->entries.size() > 16) continue;
      table(static_cast<int>(c), *node);
    }
  }

  void table(int c, const ir::Expr& node) {
    ClauseData& d = cl_[static_cast<std::size_t>(c)];
    std::size_t n = node.entries.size();
    std::vector<Cond> key, first;
    std::vector<Shape> shape;
    std::vector<bool> simple;
    for (std::size_t i = 0; i < n; ++i) {
      key.push_back(solver_.prepare(node.op == Op::Tiers ? tr_.tierKey(node, i)
                                                          : (node.entries[i].key.empty() ? F::t() : tr_.cond(node.entries[i].key[0]))));
      first.push_back(solver_.prepare(tr_.firstMatch(node, i)));
      auto bs = tr_.branches(node.entries[i].value[0], std::nullopt);
      shape.push_back(bs.size() == 1 ? bs[0].shape : Shape{});
    }
    const Cond& R = d.cond;
    std::string what = node.op == Op::Tiers ? "tier" : "case";
    auto entryName = [&](std::size_t i) {
      return node.entries[i].key.empty() ? std::string("其他") : node.entries[i].key[0].source;
    };
    auto entrySpan = [&](std::size_t i) {
      return node.entries[i].key.empty() ? node.entries[i].value[0].span : node.entries[i].key[0].span;
    };
    // Reachability.
    for (std::size_t j = 0; j < n; ++j) {
      if (solver_.solve({&R, &first[j]}).sat != Sat::No) continue;
      Answer k = solver_.solve({&R, &key[j]}, d.touch);
      bool ordered = node.op == Op::Tiers &&
                     (node.tierMode == ir::TierMode::Compare || node.tierMode == ir::TierMode::FirstOver);
      if (k.sat == Sat::Yes) {
        std::size_t by = 0;
        Assignment model = k.model;
        for (std::size_t i = 0; i < j; ++i) {
          Answer a = solver_.solve({&R, &key[j], &first[i]}, d.touch);
          if (a.sat == Sat::Yes) {
            by = i;
            model = a.model;
            break;
          }
        }
        FindingKind kind = ordered ? FindingKind::TierOrder : FindingKind::TierUnreachable;
        Finding& f = add(kind, c,
                         ordered ? fmt::format("{} of {}: the threshold `{}` is out of order — every applicant above it "
                                               "meets the earlier threshold `{}` first, so this tier is never paid",
                                               what, cite(c), entryName(j), entryName(by))
                                 : fmt::format("{} `{}` of {} can never be chosen: every applicant meeting it meets the "
                                               "earlier {} `{}` first",
                                               what, entryName(j), cite(c), what, entryName(by)));
        if (entrySpan(j).valid()) f.span = entrySpan(j);
        attachWitness(f, model, subject(c));
        if (auto h = shape[by].maxHi(); h && h->toDecimal()) f.expectHi = *h->toDecimal();
        f.help.push_back(fmt::format("the witness meets `{}` but is paid the {} `{}` ({})", entryName(j), what,
                                     entryName(by), shapeText(shape[by])));
      } else if (k.sat == Sat::No) {
        Finding& f = add(FindingKind::TierUnreachable, c,
                         fmt::format("{} `{}` of {} can never apply under the clause's conditions", what, entryName(j), cite(c)));
        if (entrySpan(j).valid()) f.span = entrySpan(j);
        if (d.witness) attachWitness(f, *d.witness, subject(c));
      }
    }
    // A higher tier paying less.
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = i + 1; j < n; ++j) {
        if (!paysLess(shape[i], shape[j])) continue;
        Answer a = solver_.solve({&R, &first[i], &key[j]}, d.touch);
        bool both = a.sat == Sat::Yes;
        if (!both) {
          // Disjoint keys of an ordered enum: the higher member listed first pays less.
          // `分档 级别 为 {…}` lowers to Compare with ==, a bare `分档 级别 {…}` to Equal.
          bool byMember = node.tierMode == ir::TierMode::Equal ||
                          (node.tierMode == ir::TierMode::Compare && node.cmp == ast::CmpOp::Eq);
          if (!(node.op == Op::Tiers && byMember)) continue;
          const ir::Expr& ki = node.entries[i].key[0];
          const ir::Expr& kj = node.entries[j].key[0];
          if (ki.op != Op::Const || kj.op != Op::Const || ki.value.type != ir::VType::Enum ||
              ki.type.enumIndex < 0 || !p_.enums[static_cast<std::size_t>(ki.type.enumIndex)].ordered ||
              !(ki.value.e < kj.value.e))
            continue;
          a = solver_.solve({&R, &first[i]}, d.touch);
          if (a.sat != Sat::Yes) continue;
        }
        // The claim needs an applicant the lower entry pays more; an entry nobody reaches first is
        // W0621/W0623 instead, not a tier that "pays more".
        Answer lower = solver_.solve({&R, &first[j]}, d.touch);
        if (lower.sat != Sat::Yes) continue;
        Finding& f = add(FindingKind::TierPaysLess, c,
                         fmt::format("{} `{}` of {} pays {} but the lower {} `{}` pays {}: an applicant who qualifies "
                                     "for the higher {} gets less",
                                     what, entryName(i), cite(c), shapeText(shape[i]), what, entryName(j),
                                     shapeText(shape[j]), what));
        if (entrySpan(i).valid()) f.span = entrySpan(i);
        attachWitness(f, a.model, subject(c));
        if (auto h = shape[i].maxHi(); h && h->toDecimal()) f.expectHi = *h->toDecimal();
        f.contrast = wb_.build(lower.model, subject(c), "the lower tier's applicant");
        if (auto h = shape[j].maxHi(); h && h->toDecimal()) f.contrastHi = *h->toDecimal();
        f.help.push_back("an applicant at the lower " + what + ": " + wb_.summary(lower.model));
      }
    // Gaps between cases on one number: a boundary value no case covers.
    if (node.op == Op::Cases) caseGaps(c, node, key);
  }

  void caseGaps(int c, const ir::Expr& node, const std::vector<Cond>& key) {
    int var = -1;
    std::vector<NumDom> ivs;
    for (const auto& k : key) {
      if (!k.boxes || k.boxes->size() != 1) return;
      const Box& b = k.boxes->front();
      if (b.doms.size() != 1 || vars_[b.doms[0].var].dom != DomKind::Num) return;
      if (var >= 0 && b.doms[0].var != var) return;
      var = b.doms[0].var;
      ivs.push_back(b.doms[0].num);
    }
    if (var < 0) return;
    for (const auto& x : ivs)
      for (const auto& y : ivs) {
        if (!(x.hasHi && x.hiStrict && y.hasLo && y.loStrict && x.hi == y.lo)) continue;
        Q p = x.hi;
        bool covered = false;
        for (const auto& z : ivs)
          if ((!z.hasLo || z.lo < p || (z.lo == p && !z.loStrict)) && (!z.hasHi || z.hi > p || (z.hi == p && !z.hiStrict)))
            covered = true;
        if (covered) continue;
        Lit at;
        at.var = var;
        at.op = ast::CmpOp::Eq;
        at.val = p;
        Cond pin = solver_.prepare(F::of(at));
        Answer a = solver_.solve({&cl_[static_cast<std::size_t>(c)].cond, &pin}, cl_[static_cast<std::size_t>(c)].touch);
        if (a.sat != Sat::Yes) continue;
        Finding& f = add(FindingKind::TierGap, c,
                         fmt::format("{} = {} is covered by no case of {}: one case ends below it and the next starts "
                                     "above it, so the clause pays nothing there",
                                     vars_[var].name, p.toDecimal() ? eval::quantity(p_, *p.toDecimal(), vars_[var].type) : p.str(),
                                     cite(c)));
        if (node.span.valid()) f.span = node.span;
        attachWitness(f, a.model, subject(c));
        return;
      }
  }

  // ---- caps ---------------------------------------------------------------------------------------
  void caps() {
    for (std::size_t k = 0; k < p_.caps.size(); ++k) programmeCap(static_cast<int>(k));
    for (std::size_t c = 0; c < p_.clauses.size(); ++c) {
      ClauseData& d = cl_[c];
      if (payIndex_[c] < 0 || !d.pay || d.dead) continue;
      itemCaps(static_cast<int>(c));
      rates(static_cast<int>(c), p_.clauses[c].amount[0]);
    }
  }

  Span capSpan(int k) const {
    const auto& mk = m_.caps[static_cast<std::size_t>(k)];
    return mk.decl ? mk.decl->name.span : Span{};
  }

  // An applicant for which branch `bi` of clause c pays its highest amount.
  std::optional<Assignment> atMax(int c, std::size_t bi) {
    ClauseData& d = cl_[static_cast<std::size_t>(c)];
    const Shape& s = d.branches[bi].shape;
    std::vector<Cond> extra;
    if (s.kind == Shape::Linear && s.cap && s.coef.sign() > 0) {
      Lit l;
      l.var = s.var;
      l.op = ast::CmpOp::Ge;
      try {
        l.val = (*s.cap - s.offset) / s.coef;
        extra.push_back(solver_.prepare(F::of(l)));
      } catch (const ArithOverflow&) {
      }
    }
    std::vector<const Cond*> q{&pay(c), &d.guards[bi]};
    for (const auto& e : extra) q.push_back(&e);
    Answer a = solver_.solve(q, d.touch);
    if (a.sat == Sat::Yes) return a.model;
    return std::nullopt;
  }

  void programmeCap(int k) {
    const ir::Cap& cap = p_.caps[static_cast<std::size_t>(k)];
    Q limit = Q::fromDecimal(cap.amount);
    if (limit.sign() <= 0) {
      Finding f;
      f.kind = FindingKind::CapNotPositive;
      f.message = fmt::format("the cap {} is {}: every award it covers is cut to nothing", cap.name, eval::money(cap.amount));
      f.span = capSpan(k);
      f.group = cap.name;
      f.limit = cap.amount;
      for (int c : cap.clauses)
        if (payIndex_[static_cast<std::size_t>(c)] >= 0 && cl_[static_cast<std::size_t>(c)].witness) {
          f.clauses.push_back(c);
          out_.findings.push_back(f);
          attachWitness(out_.findings.back(), *cl_[static_cast<std::size_t>(c)].witness, subject(c));
          break;
        }
      if (f.clauses.empty()) out_.findings.push_back(f);
      return;
    }
    for (int c : cap.clauses) {
      ClauseData& d = cl_[static_cast<std::size_t>(c)];
      if (payIndex_[static_cast<std::size_t>(c)] < 0 || !d.pay || d.dead) continue;
      std::optional<Q> best;
      std::size_t bi = 0;
      for (std::size_t i = 0; i < d.branches.size(); ++i) {
        auto h = d.branches[i].shape.maxHi();
        if (h && (!best || *h > *best)) {
          best = h;
          bi = i;
        }
      }
      if (!best || *best <= limit) continue;
      auto model = atMax(c, bi);
      if (!model) continue;
      Finding f;
      f.kind = FindingKind::CapAboveProgramme;
      f.message = fmt::format("{} can pay up to {} for one {}, above the {} cap {} of {} that contains it: the item "
                              "cap is never reached",
                              cite(c), eval::money(*best->toDecimal()),
                              p_.subjects[static_cast<std::size_t>(subject(c))].name,
                              cap.period == ir::CapPeriod::Annual ? "annual" : cap.period == ir::CapPeriod::Cumulative ? "cumulative" : "programme",
                              cap.name, eval::money(cap.amount));
      f.span = capSpan(k);
      f.group = cap.name;
      f.limit = cap.amount;
      f.expectHi = best->toDecimal();
      f.clauses.push_back(c);
      f.notes.push_back(DiagNote{span(c), "the item: " + cite(c) + " " + quote(c)});
      f.notes.push_back(DiagNote{Span{}, "the cap: 原文「" + cap.text + "」"});
      out_.findings.push_back(std::move(f));
      attachWitness(out_.findings.back(), *model, subject(c));
    }
  }

  void itemCaps(int c) {
    ClauseData& d = cl_[static_cast<std::size_t>(c)];
    const ir::Clause& cl = p_.clauses[static_cast<std::size_t>(c)];
    if (!cl.cap.empty()) {
      auto v = tr_.constant(cl.cap[0]);
      if (v && v->sign() <= 0) {
        Finding& f = add(FindingKind::CapNotPositive, c,
                         fmt::format("the cap of {} is {}: the clause never pays anything", cite(c), cl.cap[0].source));
        if (cl.cap[0].span.valid()) f.span = cl.cap[0].span;
        f.expectHi = polrt::Decimal();
        if (d.witness) attachWitness(f, *d.witness, subject(c));
      }
    }
    for (std::size_t i = 0; i < d.branches.size(); ++i) {
      const Shape& s = d.branches[i].shape;
      if (!s.cap) continue;
      if (s.cap->sign() <= 0 && cl.cap.empty()) {
        Finding& f = add(FindingKind::CapNotPositive, c, fmt::format("a cap in the amount of {} is {} or less", cite(c), s.cap->str()));
        f.expectHi = polrt::Decimal();
        if (auto m = atMax(c, i)) attachWitness(f, *m, subject(c));
        continue;
      }
      if (s.kind != Shape::Linear || s.coef.sign() <= 0) continue;
      // The base's interval where this branch pays.
      std::vector<const Cond*> q{&pay(c), &d.guards[i]};
      const Cond& pc = pay(c);
      if (!pc.boxes || !d.guards[i].boxes) continue;
      std::optional<Q> lo, hi;
      bool loStrict = false, hiStrict = false, bounded = true, boundedBelow = true, any = false;
      for (const Box& x : *pc.boxes)
        for (const Box& y : *d.guards[i].boxes) {
          Box m = boxes_.meet(x, y);
          if (!boxes_.sat(m)) continue;
          any = true;
          const Dom* dom = boxes_.find(m, s.var);
          Dom dd = dom ? *dom : boxes_.initial(s.var);
          if (!dd.num.hasHi) bounded = false;
          else if (!hi || dd.num.hi > *hi) {
            hi = dd.num.hi;
            hiStrict = dd.num.hiStrict;
          }
          // One box without a lower bound makes the base unbounded below, whatever the others say.
          if (!dd.num.hasLo) boundedBelow = false;
          else if (!lo || dd.num.lo < *lo) {
            lo = dd.num.lo;
            loStrict = dd.num.loStrict;
          }
        }
      if (!any) continue;
      try {
        const Q& capv = *s.cap;
        const VarInfo& vi = vars_[s.var];
        if (bounded && hi && s.coef * *hi + s.offset < capv) {
          Lit at;
          at.var = s.var;
          at.op = hiStrict ? ast::CmpOp::Lt : ast::CmpOp::Eq;
          at.val = *hi;
          Cond pin = solver_.prepare(F::of(at));
          Answer a = solver_.solve({&pay(c), &d.guards[i], &pin}, d.touch);
          Finding& f = add(FindingKind::CapUnreachable, c,
                           fmt::format("the cap {} of {} is never reached: {} is at most {}, so `{}` pays at most {}",
                                       eval::money(*capv.toDecimal()), cite(c), vi.name,
                                       hi->toDecimal() ? eval::quantity(p_, *hi->toDecimal(), vi.type) : hi->str(),
                                       s.expr ? s.expr->source : "?",
                                       (s.coef * *hi + s.offset).toDecimal() ? eval::money(*(s.coef * *hi + s.offset).toDecimal()) : "?"));
          f.limit = capv.toDecimal();
          if (a.sat == Sat::Yes) attachWitness(f, a.model, subject(c));
        }
        if (boundedBelow && lo && s.coef * *lo + s.offset >= capv) {
          Lit at;
          at.var = s.var;
          at.op = loStrict ? ast::CmpOp::Gt : ast::CmpOp::Eq;
          at.val = *lo;
          Cond pin = solver_.prepare(F::of(at));
          Answer a = solver_.solve({&pay(c), &d.guards[i], &pin}, d.touch);
          Finding& f = add(FindingKind::CapAlwaysReached, c,
                           fmt::format("the cap {} of {} is always reached: {} is at least {}, so `{}` is always at or "
                                       "above the cap and the rate never decides the amount",
                                       eval::money(*capv.toDecimal()), cite(c), vi.name,
                                       lo->toDecimal() ? eval::quantity(p_, *lo->toDecimal(), vi.type) : lo->str(),
                                       s.expr ? s.expr->source : "?"));
          f.limit = capv.toDecimal();
          f.expectHi = capv.toDecimal();
          if (a.sat == Sat::Yes) attachWitness(f, a.model, subject(c));
        }
      } catch (const ArithOverflow&) {
      }
    }
  }

  // Rates above 100 %: a percentage literal multiplying an amount.
  void rates(int c, const ir::Expr& e) {
    if (e.op == Op::Arith && e.arith == ast::ArithOp::Mul) {
      for (int side = 0; side < 2; ++side) {
        const ir::Expr& k = e.kids[static_cast<std::size_t>(side)];
        const ir::Expr& base = e.kids[static_cast<std::size_t>(1 - side)];
        if (k.op != Op::Const || k.value.type != ir::VType::Num || !k.type.dim.dimensionless()) continue;
        bool percent = k.source.find('%') != std::string::npos || k.source.find("‰") != std::string::npos;
        if (!percent || !(k.value.lo > polrt::Decimal::fromInt(1))) continue;
        rateFinding(c, k, base);
      }
    }
    for (const auto& kid : e.kids) rates(c, kid);
    for (const auto& en : e.entries)
      for (const auto& v : en.value) rates(c, v);
  }

  void rateFinding(int c, const ir::Expr& rate, const ir::Expr& base) {
    ClauseData& d = cl_[static_cast<std::size_t>(c)];
    Finding& f = add(FindingKind::RateOver100, c,
                     fmt::format("{} pays `{}` of `{}`: a rate above 100 % pays more than the base", cite(c),
                                 rate.source, base.source));
    if (rate.span.valid()) f.span = rate.span;
    // Witness: a branch using this rate, with a base small enough that no cap hides the rate.
    for (std::size_t i = 0; i < d.branches.size(); ++i) {
      const Shape& s = d.branches[i].shape;
      if (!s.expr || s.expr->source.find(rate.source) == std::string::npos) continue;
      std::vector<Cond> extra;
      if (s.kind == Shape::Linear && s.coef.sign() > 0) {
        Lit pos;
        pos.var = s.var;
        pos.op = ast::CmpOp::Gt;
        pos.val = Q(0);
        extra.push_back(solver_.prepare(F::of(pos)));
        if (s.cap) {
          Lit l;
          l.var = s.var;
          l.op = ast::CmpOp::Le;
          try {
            l.val = (*s.cap - s.offset) / s.coef;
            extra.push_back(solver_.prepare(F::of(l)));
          } catch (const ArithOverflow&) {
          }
        }
      }
      std::vector<const Cond*> q{&pay(c), &d.guards[i]};
      for (const auto& x : extra) q.push_back(&x);
      Answer a = solver_.solve(q, d.touch);
      if (a.sat != Sat::Yes && extra.size() > 1) {
        q.pop_back();
        a = solver_.solve(q, d.touch);
      }
      if (a.sat != Sat::Yes) continue;
      attachWitness(f, a.model, subject(c));
      if (s.kind == Shape::Linear) {
        auto it = a.model.find(s.var);
        if (it != a.model.end()) {
          try {
            Q amount = s.coef * it->second.num + s.offset;
            if (s.cap) amount = qmin(amount, *s.cap);
            f.expectHi = amount.toDecimal();
            f.limit = it->second.num.toDecimal();
            f.baseFact = vars_[s.var].name;
            f.help.push_back(fmt::format("the witness's {} is {}; the clause pays {}", vars_[s.var].name,
                                         it->second.num.str(), amount.str()));
          } catch (const ArithOverflow&) {
          }
        }
      }
      return;
    }
    if (d.witness) attachWitness(f, *d.witness, subject(c));
  }

  const sema::Model& m_;
  const ir::Program& p_;
  Options o_;
  std::map<std::pair<int, int>, std::pair<Q, Q>> ranges_;
  VarTable vars_;
  Translator tr_;
  Boxes boxes_;
  Solver solver_;
  WitnessBuilder wb_;
  Runner runner_;
  std::vector<ClauseData> cl_;
  std::vector<Cond> payCond_;
  std::vector<int> payIndex_;
  std::map<int, int> freq_;
  std::map<std::pair<int, int>, std::string> related_;
  Result out_;
};

}  // namespace

Result run(const sema::Model& model, const ir::Program& program, const Options& options) {
  return Checker(model, program, options).run();
}

}  // namespace polc::check
