// Shadowing inside take-the-highest groups: a clause that can never be the one kept.
#include <algorithm>

#include <fmt/format.h>

#include "check/checker.h"

namespace polc::check {

std::optional<Q> Checker::maxHi(int c) const {
  std::optional<Q> out;
  for (const auto& b : cl_[static_cast<std::size_t>(c)].branches) {
    auto h = b.shape.maxHi();
    if (!h) return std::nullopt;
    out = out ? qmax(*out, *h) : *h;
  }
  return out;
}

std::optional<Q> Checker::minHi(int c) const {
  std::optional<Q> out;
  for (const auto& b : cl_[static_cast<std::size_t>(c)].branches) {
    auto h = b.shape.minHi();
    if (!h) return std::nullopt;
    out = out ? qmin(*out, *h) : *h;
  }
  return out;
}

bool Checker::winsTie(const ir::Group& g, int b, int a) const {
  int db = p_.clauses[static_cast<std::size_t>(b)].document, da = p_.clauses[static_cast<std::size_t>(a)].document;
  auto rank = [&](int d) {
    auto it = std::find(g.prefer.begin(), g.prefer.end(), d);
    return it == g.prefer.end() ? static_cast<int>(g.prefer.size()) : static_cast<int>(it - g.prefer.begin());
  };
  if (rank(db) != rank(da)) return rank(db) < rank(da);
  if (db != da) return db < da;
  return b < a;
}

bool Checker::implies(int a, int b) {
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

bool Checker::underCap(int c) const {
  for (const auto& cap : p_.caps)
    if (std::find(cap.clauses.begin(), cap.clauses.end(), c) != cap.clauses.end()) return true;
  return false;
}

void Checker::shadowing() {
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

}  // namespace polc::check
