// Overlaps and conflicts: two clauses paying the same subject for the same target, found by the
// solver and confirmed by the reference evaluator on the witness.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "check/checker.h"

namespace polc::check {

namespace {

// Two awards of one applicant pay the same: the same form and both ends of the amount.
bool sameAmount(const eval::Award& x, const eval::Award& y) {
  return x.form == y.form && x.lo == y.lo && x.hi == y.hi;
}

// base ≥ value, or base > value.
Lit baseAtLeast(int var, const Q& value, bool strict) {
  Lit l;
  l.var = var;
  l.op = strict ? ast::CmpOp::Gt : ast::CmpOp::Ge;
  l.val = value;
  return l;
}

Lit baseBelow(int var, const Q& value) {
  Lit l = baseAtLeast(var, value, false);
  l.op = ast::CmpOp::Lt;
  return l;
}

}  // namespace

bool Checker::inScope(const ir::Group& g, int c) const {
  const ir::Clause& cl = p_.clauses[static_cast<std::size_t>(c)];
  bool in = g.scope == ir::GroupScope::All || (g.scope == ir::GroupScope::Document && cl.document == g.document) ||
            (g.scope == ir::GroupScope::Clauses && std::find(g.clauses.begin(), g.clauses.end(), c) != g.clauses.end());
  if (!in) return false;
  return cl.kind < 0 || std::find(g.exceptKinds.begin(), g.exceptKinds.end(), cl.kind) == g.exceptKinds.end();
}

// Two awards of these clauses on one item of `subject` fall into the same partition of g.
bool Checker::sameKey(const ir::Group& g, int subj) const { return sharedKey(g, subj, subj); }

// The evaluator keys an award by the nearest instance of a 每个 subject at or above its item, so an
// enterprise's award and its project's share a key only when the project's nearest one also owns
// the enterprise: `每个 企业` puts them together, `每个 项目, 企业` and `每个 事项` apart.
bool Checker::sharedKey(const ir::Group& g, int deep, int shallow) const {
  for (int s = deep; s >= 0; s = p_.subjects[static_cast<std::size_t>(s)].owner)
    if (std::find(g.per.begin(), g.per.end(), s) != g.per.end()) return p_.ownedBy(shallow, s);
  if (g.perItem) return deep == shallow;
  return g.per.empty();
}

bool Checker::competeIn(const ir::Group& g, int a, int b) const {
  const ir::Clause& ca = p_.clauses[static_cast<std::size_t>(a)];
  const ir::Clause& cb = p_.clauses[static_cast<std::size_t>(b)];
  if (!inScope(g, a) || !inScope(g, b)) return false;
  if (!sharedKey(g, ca.subject, cb.subject)) return false;
  if (g.sameTarget && ca.target != cb.target) return false;
  return !(g.scope == ir::GroupScope::All && ca.document != g.document && cb.document != g.document);
}

const ir::Group* Checker::covering(int a, int b) const {
  for (const auto& g : p_.groups)
    if (competeIn(g, a, b)) return &g;
  return nullptr;
}

Span Checker::groupSpan(const ir::Group& g) const {
  for (const auto& mg : m_.groups)
    if (mg.decl && mg.decl->name.text == g.name && mg.document == g.document) return mg.decl->name.span;
  return Span{};
}

std::map<int, int> Checker::forced(int c) {
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
void Checker::pairsOf(const std::vector<int>& list, std::vector<std::pair<int, int>>& out,
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

void Checker::overlaps() {
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
    enumLeftOut(list);
  }
  chainPairs(buckets);
}

int Checker::payeeOf(int c) const {
  const ir::Clause& cl = p_.clauses[static_cast<std::size_t>(c)];
  return cl.payee >= 0 ? cl.payee : p_.rootOf(cl.subject);
}

// One enterprise with one project can be paid for a target twice, once by a clause about the
// enterprise and once by a clause about its project, when both awards reach the enterprise: the
// buckets of one target whose subjects lie on one ownership chain are compared clause by clause,
// the deeper clause first (its item's chain is the witness). A payee at or above the shallower
// subject is one instance in that applicant; one below it (a project's 引荐人) is not compared.
void Checker::chainPairs(const std::map<std::pair<int, int>, std::vector<int>>& buckets) {
  for (const auto& [deepKey, deep] : buckets) {
    auto [target, deepSubject] = deepKey;
    for (auto it = buckets.lower_bound({target, 0}); it != buckets.end() && it->first.first == target; ++it) {
      int shallowSubject = it->first.second;
      if (shallowSubject == deepSubject || !p_.ownedBy(deepSubject, shallowSubject)) continue;
      for (auto [a, b] : crossPairs(deep, it->second))
        if (payeeOf(a) == payeeOf(b) && p_.ownedBy(shallowSubject, payeeOf(b))) pair(a, b);
    }
  }
}

// The pairs of one clause of `deep` and one of `shallow`, the deeper first. Large buckets are split
// by the values their conditions force as a bucket of one subject is (pairsOf): a district's project
// clauses are not compared with another district's enterprise clauses. The split is over both lists
// together; the pairs inside one list were compared already.
std::vector<std::pair<int, int>> Checker::crossPairs(const std::vector<int>& deep, const std::vector<int>& shallow) {
  std::vector<int> both = deep;
  both.insert(both.end(), shallow.begin(), shallow.end());
  std::unordered_map<int, std::map<int, int>> forcedOf;
  if (both.size() > 16)
    for (int c : both) forcedOf[c] = forced(c);
  std::vector<std::pair<int, int>> all, out;
  pairsOf(both, all, forcedOf, 0);
  const std::set<int> isDeep(deep.begin(), deep.end());
  for (auto [x, y] : all)
    if (isDeep.count(x) != isDeep.count(y)) out.push_back(isDeep.count(x) ? std::make_pair(x, y) : std::make_pair(y, x));
  // The order of pairOf's output depends on the split; the findings are sorted later, but the
  // solver's work is kept in clause order, as before.
  std::sort(out.begin(), out.end());
  return out;
}

// Whom both clauses pay, for the messages: the subject of same-subject clauses; for clauses on one
// chain, the payee and the deeper item it is paid for ("企业 (one for its 项目)").
std::string Checker::payeeText(int a, int b) const {
  int deep = subject(a), shallow = subject(b);
  if (deep == shallow) return p_.subjects[static_cast<std::size_t>(deep)].name;
  std::string path;
  for (int s = deep; s != shallow; s = p_.subjects[static_cast<std::size_t>(s)].owner)
    path = p_.subjects[static_cast<std::size_t>(s)].name + (path.empty() ? "" : "'s " + path);
  const std::string& payee = p_.subjects[static_cast<std::size_t>(payeeOf(a))].name;
  if (payeeOf(a) == shallow) return fmt::format("{} (one for its {})", payee, path);
  return fmt::format("{} (one for its {}, the other for that {}'s {})", payee,
                     p_.subjects[static_cast<std::size_t>(shallow)].name,
                     p_.subjects[static_cast<std::size_t>(shallow)].name, path);
}

std::vector<int> Checker::touchOf(std::initializer_list<int> cs) const {
  std::set<int> t;
  for (int c : cs)
    for (int v : cl_[static_cast<std::size_t>(c)].touch) t.insert(v);
  return {t.begin(), t.end()};
}

// Every linear amount of c at 0 or more where its branch pays: nullopt when c has none, or one that
// cannot be written as a literal.
std::optional<F> Checker::paysNoneBelowZero(int c) {
  std::vector<F> parts;
  try {
    for (const Branch& br : cl_[static_cast<std::size_t>(c)].branches) {
      auto form = br.shape.lin();
      if (!form) continue;
      auto l = tr_.literal(*form, ast::CmpOp::Ge);
      if (!l) return std::nullopt;
      parts.push_back(F::any({negate(br.guard), F::of(*l)}));
    }
  } catch (const ArithOverflow&) {
    return std::nullopt;
  }
  if (parts.empty()) return std::nullopt;
  return F::all(std::move(parts));
}

void Checker::pair(int a, int b) {
  if (alwaysBelowZero(a) || alwaysBelowZero(b)) return;  // no applicant is paid by it: W0636
  ++out_.stats.candidatePairs;
  ++out_.stats.overlapQueries;
  std::vector<int> touch = touchOf({a, b});
  Answer ans = solver_.solve({&pay(a), &pay(b)}, touch);
  const bool sameSubject = subject(a) == subject(b);
  if (ans.sat == Sat::No) {
    // A gap is a tier split across clauses of one subject; an enterprise's and its project's are none.
    if (sameSubject) gap(a, b);
    return;
  }
  int subj = subject(a);
  const std::string payee = payeeText(a, b);
  const std::string target = targetName(a);
  if (ans.sat == Sat::Unknown) {
    Finding& f = add(FindingKind::UndecidedPair, a,
                     fmt::format("could not decide whether {} and {} overlap on {} (the solver gave up); "
                                 "they are not known to be disjoint",
                                 cite(a), cite(b), target));
    noteOther(f, b, "the other clause");
    if (cl_[static_cast<std::size_t>(a)].witness) attachWitness(f, *cl_[static_cast<std::size_t>(a)].witness, subj);
    return;
  }
  std::string err;
  std::optional<eval::Result> res;
  const eval::Award *wa = nullptr, *wbA = nullptr;
  bool both = false;
  auto confirm = [&] {
    err.clear();
    res = runner_.run({a, b}, wb_.build(ans.model, subj, ""), &err);
    wa = res ? awardOf(&runner_, *res, a) : nullptr;
    wbA = res ? awardOf(&runner_, *res, b) : nullptr;
    // Clauses on one chain pay the same payee by construction; the evaluator has the last word.
    both = wa && wbA && wa->hasAmount() && wbA->hasAmount() && (sameSubject || wa->payeeInstance == wbA->payeeInstance);
  };
  confirm();
  // An applicant for whom a linear amount is below 0 stops the evaluation (W0636 says so): ask for
  // one both pay 0 or more.
  if (!res) {
    std::vector<Cond> noneBelow;
    for (int c : {a, b})
      if (auto f = paysNoneBelowZero(c)) noneBelow.push_back(solver_.prepare(std::move(*f)));
    std::vector<const Cond*> conj{&pay(a), &pay(b)};
    for (const Cond& n : noneBelow) conj.push_back(&n);
    if (!noneBelow.empty()) {
      Answer again = solver_.solve(conj, touch);
      if (again.sat == Sat::Yes) {
        ans = std::move(again);
        confirm();
      }
    }
  }
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
  bool differ = wa && wbA && differAsPaid(a, b, model, *wa, *wbA, amtA, amtB);
  if (!differ) differ = findDifference(a, b, model, amtA, amtB);
  // No difference found: the amounts the finding names are still the witness's as paid, which a cap
  // over several clauses may have cut from what the pair alone computes (80万元 paid 50万元).
  if (!differ && (sharedCapOf(a) || sharedCapOf(b))) differ = paidOnWitness(a, b, model, amtA, amtB);
  std::string why;
  auto rel = related_.find({std::min(a, b), std::max(a, b)});
  const ir::Group* g = covering(a, b);
  // No group compares the two, but one may drop either of them for a third clause whenever both pay.
  std::optional<ThirdWins> third;
  if (rel == related_.end() && !g) third = droppedForThird(a, b);
  FindingKind kind;
  std::string message;
  std::string amounts = differ ? fmt::format("; they pay different amounts ({} vs {})", amtA, amtB) : "";
  if (rel != related_.end()) {
    kind = FindingKind::AcceptedOverlap;
    message = fmt::format("{} and {} can both pay {} to the same {}{}; accepted by the stated relation “{}”{}", cite(a),
                          cite(b), target, payee, amounts, rel->second,
                          g ? fmt::format(" (and the non-stacking group {} keeps only the higher)", g->name) : "");
  } else if (g) {
    kind = FindingKind::CoveredOverlap;
    message = fmt::format("{} and {} can both pay {} to the same {}{}; the non-stacking group {} keeps only the higher",
                          cite(a), cite(b), target, payee, amounts, g->name);
  } else if (third) {
    kind = FindingKind::CoveredOverlap;
    message = fmt::format("{} and {} can both qualify for {} for the same {}{}, but whenever they do, the "
                          "non-stacking group {} drops {} for {}, which pays at least as much",
                          cite(a), cite(b), target, payee, amounts,
                          p_.groups[third->group].name, cite(third->dropped), cite(third->kept));
  } else if (differ) {
    kind = FindingKind::Conflict;
    message = fmt::format("{} and {} can both pay {} to the same {} with different amounts ({} vs {}), and no "
                          "non-stacking group or relation covers them",
                          cite(a), cite(b), target, payee, amtA, amtB);
  } else {
    // Equal amounts are claimed only when they are equal for every applicant; otherwise the
    // search found no applicant paid differently, which is all the finding says.
    kind = FindingKind::Overlap;
    message = fmt::format("{} and {} can both pay {} to the same {} ({}), and no non-stacking group or "
                          "relation covers them",
                          cite(a), cite(b), target, payee,
                          sameForEveryone(a, b)
                              ? amtA + " each"
                              : "the witness is paid " + amtA + " by each; no applicant paid differently was found");
  }
  Finding& f = add(kind, a, message);
  noteOther(f, b, "the other clause");
  if (third) {
    noteOther(f, third->kept, "the clause kept instead");
    g = &p_.groups[third->group];
  }
  if (g && (kind == FindingKind::CoveredOverlap || kind == FindingKind::AcceptedOverlap)) {
    f.group = g->name;
    f.notes.push_back(DiagNote{groupSpan(*g), ruleNote("the non-stacking group", g->name, g->text)});
  }
  if (kind == FindingKind::AcceptedOverlap) f.relation = rel->second;
  attachWitness(f, model, subj);
  f.amounts = {cite(a) + " pays " + amtA, cite(b) + " pays " + amtB};
  for (const auto& s : f.amounts) f.help.push_back(s);
  if (kind == FindingKind::Overlap || kind == FindingKind::Conflict)
    f.help.push_back(fmt::format("if both may be paid, accept it in the policy: 关系 {} \"reason\" in {}", cite(b), cite(a)));
  // "keeps only the higher" is not true of every applicant when an earlier group can drop the higher
  // first (W0643); `f` may move as that finding is added.
  if (kind == FindingKind::CoveredOverlap && !third) {
    const std::size_t at = static_cast<std::size_t>(&f - out_.findings.data());
    if (auto early = keptAfterEarlierDrop(a, b, static_cast<std::size_t>(g - p_.groups.data())))
      out_.findings[at].message +=
          fmt::format(", unless the group {}, applied before it, drops the higher first (W0643)", p_.groups[*early].name);
  }
}


// An applicant (meeting `extra` besides both clauses and the branches' guards) both clauses pay with
// different amounts; the model is kept in `model` either way when the solver finds one.
bool Checker::differsAt(int a, int b, std::size_t i, std::size_t j, const std::vector<Lit>& extra, Assignment& model,
                        std::string& amtA, std::string& amtB) {
  const ClauseData& da = cl_[static_cast<std::size_t>(a)];
  const ClauseData& db = cl_[static_cast<std::size_t>(b)];
  std::vector<Cond> conds;
  for (const auto& l : extra) conds.push_back(solver_.prepare(F::of(l)));
  std::vector<const Cond*> q{&pay(a), &da.guards[i], &pay(b), &db.guards[j]};
  for (const auto& c : conds) q.push_back(&c);
  Answer ans = solver_.solve(q, touchOf({a, b}));
  if (ans.sat != Sat::Yes) return false;
  model = ans.model;
  auto res = runner_.run({a, b}, wb_.build(ans.model, subject(a), ""));
  if (!res) return false;
  const eval::Award* x = awardOf(&runner_, *res, a);
  const eval::Award* y = awardOf(&runner_, *res, b);
  return x && y && x->hasAmount() && y->hasAmount() && differAsPaid(a, b, model, *x, *y, amtA, amtB);
}

// The lowest cap over several clauses (§9) that covers c, if any.
std::optional<Q> Checker::sharedCapOf(int c) const {
  std::optional<Q> low;
  for (const ir::Cap& cap : p_.caps)
    if (std::find(cap.clauses.begin(), cap.clauses.end(), c) != cap.clauses.end()) {
      Q q = Q::fromDecimal(cap.amount);
      if (!low || q < *low) low = q;
    }
  return low;
}

// Whether the awards x and y of the pair run differ as `polc eval` pays them. The pair is run without
// the caps over several clauses, which can cut both to one amount (a district's 8 % under its
// 50万元 per enterprise beside the city's 5 % under 200万元, at a base of 1000万元): then the whole
// program is run on the witness, so that the amounts the finding names are the ones its witness shows.
bool Checker::differAsPaid(int a, int b, const Assignment& model, const eval::Award& x, const eval::Award& y,
                           std::string& amtA, std::string& amtB) {
  if (sameAmount(x, y)) return false;
  if (!sharedCapOf(a) && !sharedCapOf(b)) {
    amtA = amountText(x);
    amtB = amountText(y);
    return true;
  }
  return paidOnWitness(a, b, model, amtA, amtB);
}

// The amounts `polc eval` pays a and b on the whole program for `model`, into amtA and amtB (left as
// they are when the run fails or either has no amount); whether they differ.
bool Checker::paidOnWitness(int a, int b, const Assignment& model, std::string& amtA, std::string& amtB) {
  auto all = runner_.runAll(wb_.build(model, subject(a), ""));
  if (!all) return false;
  const eval::Award* p = awardOf(&runner_, *all, a);
  const eval::Award* q = awardOf(&runner_, *all, b);
  if (!p || !q || !p->hasAmount() || !q->hasAmount()) return false;
  amtA = amountText(*p);
  amtB = amountText(*q);
  return !sameAmount(*p, *q);
}

// Tries branch pairs for an applicant that both clauses pay with different amounts: as the solver
// picks it, with bases beyond the caps (a capped rate and an uncapped one part only there), and with
// each rate's base doubled (rates of different bases, or of different coefficients, part there).
bool Checker::findDifference(int a, int b, Assignment& model, std::string& amtA, std::string& amtB) {
  const ClauseData& da = cl_[static_cast<std::size_t>(a)];
  const ClauseData& db = cl_[static_cast<std::size_t>(b)];
  int tries = 0;
  auto attempt = [&](std::size_t i, std::size_t j, const std::vector<Lit>& extra, Assignment& seen) {
    if (++tries > 48) return false;
    Assignment m;
    bool differ = differsAt(a, b, i, j, extra, m, amtA, amtB);
    if (!m.empty()) seen = m;
    if (differ) model = m;
    return differ;
  };
  for (std::size_t i = 0; i < da.guards.size(); ++i)
    for (std::size_t j = 0; j < db.guards.size(); ++j) {
      std::vector<const Shape*> shapes{&da.branches[i].shape, &db.branches[j].shape};
      std::vector<Lit> beyond;
      for (const Shape* s : shapes)
        if (s->kind == Shape::Linear && s->cap && s->coef.sign() > 0) {
          try {
            beyond.push_back(baseAtLeast(s->var, (*s->cap - s->offset) / s->coef, false));
          } catch (const ArithOverflow&) {
          }
        }
      // Bases below a cap over several clauses, which would otherwise cut a rate to the cap.
      std::vector<Lit> below;
      for (std::size_t k = 0; k < shapes.size(); ++k) {
        const Shape* s = shapes[k];
        auto shared = sharedCapOf(k == 0 ? a : b);
        if (shared && s->kind == Shape::Linear && s->coef.sign() > 0) {
          try {
            below.push_back(baseBelow(s->var, (*shared - s->offset) / s->coef));
          } catch (const ArithOverflow&) {
          }
        }
      }
      std::vector<std::vector<Lit>> variants{{}};
      if (!beyond.empty()) variants.push_back(beyond);
      if (!below.empty()) variants.push_back(below);
      std::vector<Assignment> seeds;
      for (const auto& extra : variants) {
        Assignment seen;
        if (attempt(i, j, extra, seen)) return true;
        if (tries > 48) return false;
        if (!seen.empty()) seeds.push_back(std::move(seen));
      }
      for (const auto& seen : seeds)
        for (const Shape* s : shapes) {
          if (s->kind != Shape::Linear) continue;
          auto it = seen.find(s->var);
          if (it == seen.end() || it->second.num.sign() <= 0) continue;
          Assignment ignored;
          if (attempt(i, j, {baseAtLeast(s->var, it->second.num * Q(2), false)}, ignored)) return true;
          if (tries > 48) return false;
        }
    }
  return false;
}

// Whether both clauses pay every applicant the same: one amount each, of the same shape, cap and
// rounding.
bool Checker::sameForEveryone(int a, int b) const {
  const ClauseData& da = cl_[static_cast<std::size_t>(a)];
  const ClauseData& db = cl_[static_cast<std::size_t>(b)];
  if (da.branches.size() != 1 || db.branches.size() != 1) return false;
  const ir::Clause& ca = p_.clauses[static_cast<std::size_t>(a)];
  const ir::Clause& cb = p_.clauses[static_cast<std::size_t>(b)];
  if (ca.topup || cb.topup) return false;
  const auto& ra = p_.documents[static_cast<std::size_t>(ca.document)].rounding;
  const auto& rb = p_.documents[static_cast<std::size_t>(cb.document)].rounding;
  if (ra.present != rb.present || (ra.present && (ra.unit != rb.unit || ra.mode != rb.mode))) return false;
  const Shape& x = da.branches[0].shape;
  const Shape& y = db.branches[0].shape;
  if (x.kind != y.kind || x.form != y.form || x.cap != y.cap) return false;
  if (x.kind == Shape::Const) return x.lo == y.lo && x.hi == y.hi;
  return x.kind == Shape::Linear && x.var == y.var && x.coef == y.coef && x.offset == y.offset;
}

// Two clauses of one target and subject that do not overlap: a boundary point (W0622) or a stretch
// of values (W0624) between their bounds on one number that neither pays, as a decision table's
// missing rule. The bounds are read off the boxes of the pay conditions, joined where their union is
// a box, alternative by alternative (`(改造 或 级别 为 国家级) 且 设备投入 低于 100万元` beside `设备投入 超
// 100万元` leaves 100万元 to 改造 projects): every claim is the evaluator's on the witness.
void Checker::gap(int a, int b) {
  gapCut_ = false;
  if (numberGap(a, b) || parameterGap(a, b) || cornerGap(a, b)) return;
  if (gapCut_) gapNotSearched(a, b);
}

void Checker::gapNotSearched(int a, int b) {
  Finding& f = add(FindingKind::GapNotSearched, a,
                   fmt::format("the values between {} and {} on {} were not all searched for a gap: their conditions "
                               "have more alternatives than the {} pairs a gap search tries, so a boundary or stretch "
                               "that neither pays is neither reported nor ruled out",
                               cite(a), cite(b), targetName(a), kGapPairsPerClausePair));
  noteOther(f, b, "the other clause");
  f.help.push_back("a condition written as fewer alternatives (fewer 或, or a 分档 table) is searched in full");
}

// On a number, or on the levels of an ordered enumeration (check_enum_gaps.cpp).

bool Checker::numberGap(int a, int b) {
  const std::vector<Box> as = joinedBoxes(pay(a));
  const std::vector<Box> bs = joinedBoxes(pay(b));
  if (as.size() * bs.size() > kGapPairsPerClausePair) {
    ++out_.stats.gapSearchesCut;
    gapCut_ = true;
    return false;
  }
  for (const Box& A : as)
    for (const Box& B : bs)
      for (const Dom& da : A.doms) {
        const VarInfo& v = vars_[da.var];
        const Dom* dbp = boxes_.find(B, da.var);
        if (!dbp) continue;
        if (enumGap(a, b, A, B, da.var, da.enumAllowed, dbp->enumAllowed)) return true;
        if (v.dom != DomKind::Num || v.kind == VarKind::Date) continue;
        if (pointGap(a, b, A, B, da.var, da.num, dbp->num)) return true;
        if (stretchGap(a, b, A, B, da.var, da.num, dbp->num) || stretchGap(b, a, B, A, da.var, dbp->num, da.num))
          return true;
      }
  return false;
}

// A pay condition's boxes, joined where two make a box: a 分档 table (`超 { 200万元: …; 100万元: … }`)
// pays on `超 200万元` or `超 100万元 且 不超过 200万元`, which are `超 100万元`, and its gap with a clause
// paying `低于 100万元` is that of `超 100万元`. Joined exactly, so bounds read off one are its own.
// Empty when opaque.
std::vector<Box> Checker::joinedBoxes(const Cond& c) const {
  std::vector<Box> left;
  if (!c.boxes) return left;
  for (const Box& b : *c.boxes)
    if (!b.empty && boxes_.sat(b)) left.push_back(b);
  // Join any two that make a box until none do: a table's entries join in order, each with the next.
  for (bool joined = true; joined && left.size() > 1;) {
    joined = false;
    for (std::size_t i = 0; i < left.size() && !joined; ++i)
      for (std::size_t j = i + 1; j < left.size() && !joined; ++j)
        if (auto u = boxes_.join(left[i], left[j])) {
          left[i] = std::move(*u);
          left.erase(left.begin() + static_cast<std::ptrdiff_t>(j));
          joined = true;
        }
  }
  return left;
}

// One clause says 超 a value and the other 低于 it: the value itself.
bool Checker::pointGap(int a, int b, const Box& A, const Box& B, int var, const NumDom& x, const NumDom& y) {
  std::optional<Q> point;
  bool aBelow = false;  // whether `a` is the clause that needs less than the point
  if (x.hasHi && x.hiStrict && x.hiLit && y.hasLo && y.loStrict && y.loLit && x.hi == y.lo) {
    point = x.hi;
    aBelow = true;
  } else if (y.hasHi && y.hiStrict && y.hiLit && x.hasLo && x.loStrict && x.loLit && y.hi == x.lo) {
    point = y.hi;
  }
  if (!point) return false;
  Cond pin = pinned(var, *point);
  Answer ans = freedAt(a, b, A, B, var, pin);
  if (ans.sat != Sat::Yes) return false;
  auto same = unpaid(a, ans.model);
  if (!same) return false;
  const VarInfo& v = vars_[var];
  Finding& f = add(FindingKind::TierGap, a,
                   fmt::format("{} = {} falls between {} and {}: neither pays {} at the boundary ({} needs less "
                               "than it, {} more)",
                               v.name, describeValue(p_, v, *point), cite(a), cite(b), targetName(a),
                               cite(aBelow ? a : b), cite(aBelow ? b : a)));
  noteOther(f, b, "the other clause");
  f.clauses = *same;
  attachWitness(f, ans.model, subject(a));
  return true;
}

// Clause `lower` pays below a value and `upper` above a higher one (`低于 100万元` / `达 200万元 以上`),
// and those are the only bounds either puts on the number: the stretch between is a missing rule
// unless some clause of the target covers it. A clause with a bound of its own on each side (`超 50万元
// 且 低于 100万元`) marks out a band on purpose, and is left alone.
bool Checker::stretchGap(int lower, int upper, const Box& L, const Box& U, int var, const NumDom& below,
                         const NumDom& above) {
  if (!(below.hasHi && below.hiLit && !below.loLit && above.hasLo && above.loLit && !above.hiLit)) return false;
  // Meeting bounds leave no stretch (低于 / 达…以上), or one point, which is W0622's.
  if (!(below.hi < above.lo)) return false;
  const VarInfo& v = vars_[var];
  Cond between = solver_.prepare(F::all({F::of(literal(var, below.hiStrict ? ast::CmpOp::Ge : ast::CmpOp::Gt, below.hi)),
                                         F::of(literal(var, above.loStrict ? ast::CmpOp::Le : ast::CmpOp::Lt, above.lo))}));
  // The witness in the middle of the stretch reads best; the conditions (a sum's parts, a 取值 range,
  // whole numbers) may rule it out, and then any value inside will do.
  Answer ans;
  try {
    Q mid = (below.hi + above.lo) / Q(2);
    if (v.integer) mid = mid.floor();
    Cond pin = pinned(var, mid);
    ans = freedAt(lower, upper, L, U, var, pin, &between);
  } catch (const ArithOverflow&) {
  }
  if (ans.sat != Sat::Yes) ans = freedAt(lower, upper, L, U, var, between);
  if (ans.sat != Sat::Yes) return false;
  auto same = unpaid(lower, ans.model);
  if (!same) return false;
  // Clauses paying inside the stretch draw it on purpose, unless they are the grid's other cells.
  std::optional<GridCells> cells;
  if (coveredBetween(*same, lower, upper, between)) {
    cells = otherCells(*same, lower, upper, L, U, var, between);
    if (!cells) return false;
  }
  // Another alternative of either clause paying inside the stretch draws it on purpose too.
  if (solver_.solve({&pay(lower), &between}).sat != Sat::No || solver_.solve({&pay(upper), &between}).sat != Sat::No)
    return false;
  std::optional<Q> at = valueIn(ans.model, var);
  const Stretch gap = describeStretch(p_, v, below.hi, below.hiStrict, above.lo, above.loStrict);
  std::string where = gap.single ? "at it" : "inside it";
  if (cells) {
    std::string names, cites;
    for (int x : cells->vars) names += (names.empty() ? "" : ", ") + vars_[x].name;
    for (int c : cells->clauses) cites += (cites.empty() ? "" : ", ") + cite(c);
    where += fmt::format(" for the values of {} both require ({} pay{} there only for others)", names, cites,
                         cells->clauses.size() == 1 ? "s" : "");
  }
  Finding& f = add(FindingKind::CaseRangeGap, lower,
                   fmt::format("{} falls between {} and {}: one pays {} below that {}, the other above it, and no "
                               "clause of {} pays {}{}",
                               gap.text, cite(lower), cite(upper), targetName(lower),
                               gap.single ? "value" : "stretch", targetName(lower), where,
                               at ? " (the witness has " + describeValue(p_, v, *at) + ")" : ""));
  noteOther(f, upper, gap.single ? "the clause paying above the value" : "the clause paying above the stretch");
  if (cells)
    for (int c : cells->clauses) noteOther(f, c, "a clause paying inside it for other values");
  f.clauses = *same;
  attachWitness(f, ans.model, subject(lower));
  return true;
}

// A number's value for the applicant; a sum's, from its parts (the solver's model holds the parts).
std::optional<Q> Checker::valueIn(const Assignment& model, int var) const {
  if (auto it = model.find(var); it != model.end()) return it->second.num;
  const VarInfo& v = vars_[var];
  if (v.kind != VarKind::Sum) return std::nullopt;
  Q sum;
  try {
    for (const auto& [part, k] : v.terms) {
      auto it = model.find(part);
      if (it == model.end()) return std::nullopt;
      sum = sum + k * it->second.num;
    }
  } catch (const ArithOverflow&) {
    return std::nullopt;
  }
  return sum;
}

std::string Checker::targetName(int c) const {
  return p_.targets[static_cast<std::size_t>(p_.clauses[static_cast<std::size_t>(c)].target)].name;
}

// An applicant both clauses would pay but for their bounds on `var`, freed in both, where `at` (and
// `also`) put it. The solver picks it: a sum's parts need Z3 to add up to the value.
Answer Checker::freedAt(int a, int b, const Box& A, const Box& B, int var, const Cond& at, const Cond* also) {
  Cond freedA = solver_.prepare(boxes_.formula(A, var)), freedB = solver_.prepare(boxes_.formula(B, var));
  std::vector<const Cond*> conj{&freedA, &freedB, &at};
  if (also) conj.push_back(also);
  return solver_.solve(conj, touchOf({a, b}));
}

// The clauses of c's target and subject, when the evaluator pays the applicant by none of them: what
// makes a gap's witness a gap. nullopt when one pays it, or it does not evaluate.
std::optional<std::vector<int>> Checker::unpaid(int c, const Assignment& model) {
  std::vector<int> same;
  for (std::size_t k = 0; k < p_.clauses.size(); ++k)
    if (p_.clauses[k].target == p_.clauses[static_cast<std::size_t>(c)].target && p_.clauses[k].subject == subject(c))
      same.push_back(static_cast<int>(k));
  auto res = runner_.run(same, wb_.build(model, subject(c), ""));
  if (!res) return std::nullopt;
  for (const auto& aw : res->awards)
    if (aw.hasAmount()) return std::nullopt;
  return same;
}

// Clause c alone pays the applicant nothing, in the evaluator: a table gap's witness.
bool Checker::paysNothing(int c, const Assignment& model) {
  auto res = runner_.run({c}, wb_.build(model, subject(c), ""));
  const eval::Award* aw = res ? awardOf(&runner_, *res, c) : nullptr;
  return res && !(aw && aw->hasAmount());
}

// Whether a clause of `same` other than the two can pay some applicant inside the stretch. The
// witness's evaluation already proves the finding's claim (no clause pays that applicant), as for
// W0622; this is the decision table's rule on top: a stretch that another clause pays for some
// applicants (another district, another kind of project) is a division the text draws on purpose,
// not a missing rule, so it is not reported. The solver's Unknown counts as covered.
bool Checker::coveredBetween(const std::vector<int>& same, int lower, int upper, const Cond& between) {
  for (int c : same) {
    if (c == lower || c == upper || payIndex_[static_cast<std::size_t>(c)] < 0) continue;
    const ClauseData& d = cl_[static_cast<std::size_t>(c)];
    if (!d.pay || d.dead) continue;
    if (solver_.solve({&pay(c), &between}).sat != Sat::No) return true;
  }
  return false;
}

}  // namespace polc::check
