// Shadowing inside take-the-highest groups: a clause that can never be the one kept.
#include <algorithm>

#include <fmt/format.h>

#include "check/checker.h"
#include "check/replay.h"

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

namespace {

// Whether end x of an amount lies below end y, on the side of the lowest (`low`) or of the highest:
// a strict end lies just inside its value — below 20万元 is less than at most 20万元, above 30万元 more
// than at least 30万元.
bool below(const Bound& x, const Bound& y, bool low) {
  if (x.value != y.value) return x.value < y.value;
  auto inside = [&](const Bound& e) { return e.strict ? (low ? 1 : -1) : 0; };
  return inside(x) < inside(y);
}

// One branch's end: a constant's (its upper end, what a group compares, under the cap), or for a rate
// the lower of its cap and the end its conditions put on it (x, the extent of its form) — both bound
// the highest, and the cap cuts the lowest. A rate's end below 0 is no amount: no claim from it.
std::optional<Bound> branchEnd(const Shape& s, const Extent& x, bool low) {
  std::optional<Bound> byShape;
  if (auto v = low ? s.minHi() : s.maxHi()) byShape = Bound{*v};
  const std::optional<End>& e = low ? x.lo : x.hi;
  if (!s.lin() || !e || e->value.sign() < 0) return byShape;
  Bound byConditions{e->value, e->strict, true};
  if (s.cap && !below(byConditions, Bound{*s.cap}, low)) return Bound{*s.cap};
  return byConditions;
}

}  // namespace

std::optional<Bound> Checker::highest(int c) { return amountEnd(c, false); }

std::optional<Bound> Checker::lowest(int c) { return amountEnd(c, true); }

// The highest (lowest) end over the branches of c, each read off the boxes of its pay condition and the
// branch's guard (extent.h). The boxes are the condition's DNF, exact, one per alternative of an `或`:
// a bound holds only when every box the branch meets has it, and only on the variables the amount reads
// (another item's fact, 上年 or 增量 of the same fact are other variables). A branch no applicant of the
// clause reaches pays nothing and is left out. nullopt when a branch has no bound (a rate its
// conditions leave open, a shape not read, a condition without boxes).
std::optional<Bound> Checker::amountEnd(int c, bool low) {
  auto& cache = low ? lowest_ : highest_;
  if (cache.size() != p_.clauses.size()) cache.resize(p_.clauses.size());
  auto& slot = cache[static_cast<std::size_t>(c)];
  if (slot) return *slot;
  const ClauseData& d = cl_[static_cast<std::size_t>(c)];
  const Cond& pc = pay(c);
  std::optional<Bound> out;
  // Whether x goes further than y: lower for the lowest, higher for the highest.
  auto further = [&](const Bound& x, const Bound& y) { return low ? below(x, y, true) : below(y, x, false); };
  // A cap that is not a constant is left out of the shapes, and can bring the amount down to 0.
  bool bounded = !d.branches.empty() && (!low || d.capsRead);
  for (std::size_t i = 0; i < d.branches.size() && bounded; ++i) {
    const Shape& s = d.branches[i].shape;
    Extent x;  // no bound, unless the boxes give one
    if (pc.boxes && d.guards[i].boxes) {
      auto form = s.lin();
      x = extentOf(boxes_, vars_, *pc.boxes, *d.guards[i].boxes, form ? *form : Lin{});
      if (!x.any) continue;
    }
    auto e = branchEnd(s, x, low);
    if (!e) bounded = false;
    else if (!out || further(*e, *out)) out = e;
    else if (!further(*out, *e)) out->byConditions = out->byConditions || e->byConditions;  // the same end
  }
  if (!bounded) out.reset();
  slot = out;
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

// The evaluator rounds every award with its document's 舍入, after its caps, and compares the rounded
// amounts. nullopt when v is no decimal the rounding can take.
std::optional<Q> Checker::rounded(int c, const Q& v) const {
  const ir::Rounding& r = roundingOf(c);
  if (!r.present) return v;
  auto d = v.toDecimal();
  polrt::Decimal units, out;
  if (!d || polrt::div(*d, r.unit, 0, r.mode, units) != polrt::ArithError::None ||
      polrt::mul(units, r.unit, out) != polrt::ArithError::None)
    return std::nullopt;
  return Q::fromDecimal(out);
}

// Whether group g keeps b over a when b pays at least `low` and a at most `high`: every 舍入 mode is
// monotone on amounts (never below 0), so b's rounded amount is at least its document's rounding of
// `low` and a's at most its own of `high` — which may turn the higher ceiling into the lower amount
// (1万元 四舍五入 pays 10.4万元 as 10万元, below 10.3万元 in 0.01元) or into a tie. A strict end
// compared unrounded is never reached: b paying `high` is already more than a's amount below it
// (`低于 200万元` at 10 % against 20万元 never ties), and b's amount above `low` more than a's `low`.
bool Checker::alwaysKept(const ir::Group& g, int b, const Bound& low, int a, const Bound& high) const {
  auto rb = comparedEnd(b, low, true), ra = comparedEnd(a, high, false);
  if (!rb || !ra) return false;
  if (rb->value != ra->value) return rb->value > ra->value;
  return rb->strict || ra->strict || winsTie(g, b, a);
}

// Rounded, a strict end is the rounding of the nearest amount beyond it (roundedBeyond). At 0 its
// strictness is dropped: an amount below 0 is no amount, and 0 is a bound below every amount.
std::optional<Bound> Checker::comparedEnd(int c, const Bound& e, bool low) const {
  const bool strict = e.strict && e.value.sign() > 0;
  if (!roundingOf(c).present)
    return Bound{e.value, strict};
  auto v = strict ? roundedBeyond(c, e.value, low) : rounded(c, e.value);
  if (!v) return std::nullopt;
  return Bound{*v};
}

// The highest rounding of an amount of c below v (the lowest above it, when `above`; v > 0, c's
// document rounds to a unit u): every 舍入 mode is constant between two neighbouring multiples of u/2
// (half modes step at the halves, the others at the multiples), so it is the rounding of any value
// between v and the nearest multiple of u/2 beyond it — `低于 200万元` at 10 % rounded half up to
// 0.01元 still reaches 20万元 (at 199999.996元), rounded down to 1万元 only 19万元; `超 200万元` at 10 %
// rounded up (进一) to 1万元 is at least 21万元.
std::optional<Q> Checker::roundedBeyond(int c, const Q& v, bool above) const {
  const ir::Rounding& r = roundingOf(c);
  try {
    const Q half = Q::fromDecimal(r.unit) / Q(2);
    if (half.sign() <= 0) return std::nullopt;
    const Q beyond = above ? ((v / half).floor() + Q(1)) * half : ((v / half).ceil() - Q(1)) * half;
    return rounded(c, (beyond + v) / Q(2));
  } catch (const ArithOverflow&) {
    return std::nullopt;
  }
}

bool Checker::implies(int a, int b) { return impliesPay(pay(a), b); }

bool Checker::impliesPay(const Cond& pa, int b) {
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

// Whether b always pays at least its lowest (lowest()) when it pays at all: 一次性 pays nothing to an item
// that already received it, 晋级补差 subtracts what was received for the target (已获奖励), and a
// programme or cumulative cap can cut b below a (the evaluator applies caps before it compares the
// awards of a group, and other awards can spend a shared cap).
bool Checker::alwaysPaysFull(int b) const {
  const ir::Clause& cb = p_.clauses[static_cast<std::size_t>(b)];
  return !cb.once && !cb.topup && !underCap(b);
}

// Whether a group applied before groups[gi] can drop b: the evaluator applies the groups in order,
// and an award dropped by one is no longer there to be kept by the next. b can be dropped where it
// shares a partition with another clause that can pay together with it and can pay more.
bool Checker::droppedBefore(std::size_t gi, int b) {
  const ir::Clause& cb = p_.clauses[static_cast<std::size_t>(b)];
  auto bmin = lowest(b);
  for (std::size_t k = 0; k < gi; ++k) {
    const ir::Group& g = p_.groups[k];
    if (!inScope(g, b) || !sameKey(g, cb.subject)) continue;
    for (std::size_t c = 0; c < p_.clauses.size(); ++c) {
      const ir::Clause& cc = p_.clauses[c];
      if (static_cast<int>(c) == b || payIndex_[c] < 0 || !cl_[c].pay || cl_[c].dead) continue;
      if (!inScope(g, static_cast<int>(c)) || !sameKey(g, cc.subject)) continue;
      if (g.sameTarget && cc.target != cb.target) continue;
      auto cmax = highest(static_cast<int>(c));
      // c never beats b: it pays less once rounded, or as much and loses the tie.
      if (bmin && cmax && alwaysKept(g, b, *bmin, static_cast<int>(c), *cmax)) continue;
      if (solver_.solve({&pay(b), &pay(static_cast<int>(c))}).sat != Sat::No) return true;
    }
  }
  return false;
}

// b meets a in one partition of the group (an owner of a's item, the key, the target, the group's own
// document for 所有文件) and always pays its amount in full there (alwaysPaysFull).
bool Checker::samePartition(std::size_t gi, int a, int b) const {
  const ir::Group& g = p_.groups[gi];
  const ir::Clause& ca = p_.clauses[static_cast<std::size_t>(a)];
  const ir::Clause& cb = p_.clauses[static_cast<std::size_t>(b)];
  if (!p_.ownedBy(ca.subject, cb.subject) || !sharedKey(g, ca.subject, cb.subject)) return false;
  if (g.sameTarget && ca.target != cb.target) return false;
  if (g.scope == ir::GroupScope::All && ca.document != g.document && cb.document != g.document) return false;
  return alwaysPaysFull(b);
}

// The clause group gi keeps instead of a whenever `when` holds (a pays, or a pays together with
// another clause), if any; never one of `excluded`. By ceilings first, the cheaper proof.
std::optional<Checker::Dominator> Checker::dominator(std::size_t gi, int a, const Cond& when,
                                                     std::initializer_list<int> excluded) {
  if (auto b = byCeiling(gi, a, when, excluded)) return Dominator{*b, false};
  if (auto b = byAmounts(gi, a, when, excluded)) return Dominator{*b, true};
  return std::nullopt;
}

// A rival whose lowest is at least a's highest, each rounded as its document rounds. The rivals are
// in the order of members(): by lowest, highest first. Rounding moves an amount by less than a unit
// (the nearest rounding beyond a strict end lies within a unit and a half of it),
// so the search stops at a rival below a's ceiling by three of the largest units any document rounds
// to: `舍入 1万元` pays 20.4万元 as 20万元, a tie with a rival's 20万元 that its tie rule settles.
std::optional<int> Checker::byCeiling(std::size_t gi, int a, const Cond& when, std::initializer_list<int> excluded) {
  const ir::Group& g = p_.groups[gi];
  auto amax = highest(a);
  if (!amax) return std::nullopt;
  if (!roundingSlack_) {
    Q unit;
    for (const auto& d : p_.documents)
      if (d.rounding.present) unit = qmax(unit, Q::fromDecimal(d.rounding.unit));
    roundingSlack_ = unit * Q(3);
  }
  for (int b : rivals(gi, p_.clauses[static_cast<std::size_t>(a)].target)) {
    // First, since it ends the search: every later candidate pays less too.
    auto bmin = lowest(b);
    if (!bmin || bmin->value + *roundingSlack_ < amax->value) break;
    if (b == a || std::find(excluded.begin(), excluded.end(), b) != excluded.end()) continue;
    if (!samePartition(gi, a, b)) continue;
    if (!alwaysKept(g, b, *bmin, a, *amax)) continue;
    if (!impliesPay(when, b) || droppedBefore(gi, b)) continue;
    return b;
  }
  return std::nullopt;
}

// A rival that pays at least a's amount to every applicant a pays (outpays): of the same base as a's
// rates, or for a fixed amount any rate (the empty base), whose ceiling is no help — `设备投入 × 10%`
// where 设备投入 超 200万元 pays more than 10万元 wherever 设备投入 超 300万元. The candidates are by
// highest ceiling: once b's is below a's, so is every later one's, and b would pay less where a
// reaches its own (a loss only where a never does, never a false claim).
std::optional<int> Checker::byAmounts(std::size_t gi, int a, const Cond& when, std::initializer_list<int> excluded) {
  auto base = baseOf(a);
  if (!base && !fixedAmount(a)) return std::nullopt;
  const ir::Group& g = p_.groups[gi];
  auto amax = maxHi(a);
  for (int b : sameBase(gi, p_.clauses[static_cast<std::size_t>(a)].target, base ? *base : std::vector<int>{})) {
    auto bmax = maxHi(b);
    if (amax && bmax && *bmax < *amax) break;
    if (b == a || std::find(excluded.begin(), excluded.end(), b) != excluded.end()) continue;
    if (!samePartition(gi, a, b)) continue;
    if (!impliesPay(when, b) || !outpays(g, a, b, when) || droppedBefore(gi, b)) continue;
    return b;
  }
  return std::nullopt;
}

// The paying clauses a group compares.
std::vector<int> Checker::membersOf(const ir::Group& g, std::unordered_map<int, std::vector<int>>& byTarget) {
  std::vector<int> members;
  if (g.scope == ir::GroupScope::All && g.sameTarget) {
    // Only targets the group's own document pays can meet in one of its partitions.
    std::set<int> targets;
    for (int c : p_.documents[static_cast<std::size_t>(g.document)].clauses)
      if (p_.clauses[static_cast<std::size_t>(c)].target >= 0) targets.insert(p_.clauses[static_cast<std::size_t>(c)].target);
    for (int t : targets)
      for (int c : byTarget[t])
        if (inScope(g, c)) members.push_back(c);
    return members;
  }
  for (std::size_t c = 0; c < p_.clauses.size(); ++c)
    if (payIndex_[c] >= 0 && cl_[c].pay && !cl_[c].dead && inScope(g, static_cast<int>(c)))
      members.push_back(static_cast<int>(c));
  return members;
}

std::unordered_map<int, std::vector<int>> Checker::payingByTarget() const {
  std::unordered_map<int, std::vector<int>> byTarget;
  for (std::size_t c = 0; c < p_.clauses.size(); ++c)
    if (payIndex_[c] >= 0 && cl_[c].pay && !cl_[c].dead && p_.clauses[c].target >= 0)
      byTarget[p_.clauses[c].target].push_back(static_cast<int>(c));
  return byTarget;
}

// Asked for every overlapping pair no group covers, so computed once: with 10,000 clauses, building
// every group's members again for each pair took three quarters of the check. Sorted by lowest
// (lowest()), highest first (clauses without one last), so that dominator() stops at the first
// candidate that pays less than the clause it would dominate; and split by target for a group of
// one target, whose search would otherwise pass over every other target's members before it stops.
const std::vector<int>& Checker::members(std::size_t gi) {
  if (members_.empty()) {
    auto byTarget = payingByTarget();
    for (const auto& g : p_.groups) {
      std::vector<std::pair<std::optional<Q>, int>> keyed;
      for (int c : membersOf(g, byTarget)) {
        auto low = lowest(c);
        keyed.emplace_back(low ? std::optional<Q>(low->value) : std::nullopt, c);
      }
      std::stable_sort(keyed.begin(), keyed.end(), [](const auto& x, const auto& y) {
        if (x.first.has_value() != y.first.has_value()) return x.first.has_value();
        return x.first && *x.first > *y.first;
      });
      GroupMembers m;
      for (const auto& [low, c] : keyed) {
        const int target = p_.clauses[static_cast<std::size_t>(c)].target;
        m.all.push_back(c);
        if (g.sameTarget) m.byTarget[target].push_back(c);
        if (auto base = baseOf(c)) {
          m.byBase[{g.sameTarget ? target : -1, *base}].push_back(c);
          m.byBase[{g.sameTarget ? target : -1, {}}].push_back(c);  // every rate, against a fixed amount
        }
      }
      for (auto& [key, list] : m.byBase)
        std::stable_sort(list.begin(), list.end(), [&](int x, int y) {
          auto hx = maxHi(x), hy = maxHi(y);
          if (hx.has_value() != hy.has_value()) return !hx.has_value();
          return hx && *hx > *hy;
        });
      members_.push_back(std::move(m));
    }
  }
  return members_[gi].all;
}

const std::vector<int>& Checker::rivals(std::size_t gi, int target) {
  const std::vector<int>& all = members(gi);
  if (!p_.groups[gi].sameTarget) return all;
  static const std::vector<int> none;
  auto it = members_[gi].byTarget.find(target);
  return it == members_[gi].byTarget.end() ? none : it->second;
}

const std::vector<int>& Checker::sameBase(std::size_t gi, int target, const std::vector<int>& base) {
  members(gi);
  static const std::vector<int> none;
  auto it = members_[gi].byBase.find({p_.groups[gi].sameTarget ? target : -1, base});
  return it == members_[gi].byBase.end() ? none : it->second;
}

std::optional<Checker::ThirdWins> Checker::droppedForThird(int a, int b) {
  Cond both = solver_.prepare(F::all({pay(a).f, pay(b).f}));
  for (std::size_t gi = 0; gi < p_.groups.size(); ++gi)
    for (int x : {a, b}) {
      if (!inScope(p_.groups[gi], x)) continue;
      if (auto d = dominator(gi, x, both, {a, b})) return ThirdWins{gi, x, d->clause};
    }
  return std::nullopt;
}

// The group keeps the highest ceiling (docs/ir.md, step 7). When either award is a 最高 one, the
// numbers compared are ceilings fixed on review, not what either clause pays: "pays at least as
// much (100万元 vs …)" read as if the kept clause paid 100万元 outright.
std::string Checker::ceilingText(int a, int b) {
  auto bmin = lowest(b);
  auto upTo = [&](int c) {
    const auto& branches = cl_[static_cast<std::size_t>(c)].branches;
    return std::any_of(branches.begin(), branches.end(),
                       [](const Branch& br) { return br.shape.form == AmountForm::UpTo; });
  };
  return fmt::format("{} ({}{} vs {})", upTo(a) || upTo(b) ? "with a ceiling at least as high" : "at least as much",
                     endText(b, *bmin, true), bmin->byConditions ? "," : "", endText(a, *highest(a), false));
}

// A lowest its shape gives is what the clause pays (a constant), so it goes without a qualifier.
std::string Checker::endText(int c, const Bound& e, bool low) const {
  const char* how = low ? (!e.byConditions ? "" : e.strict ? "more than " : "at least ")
                        : (e.strict ? "less than " : "at most ");
  std::string where = e.byConditions ? fmt::format(", the {} `{}` pays under its conditions", low ? "least" : "most",
                                                   p_.clauses[static_cast<std::size_t>(c)].amount[0].source)
                                     : "";
  return how + moneyText(e.value) + where;
}

void Checker::shadowing() {
  const std::size_t first = out_.findings.size();
  for (std::size_t gi = 0; gi < p_.groups.size(); ++gi) {
    const ir::Group& g = p_.groups[gi];
    const std::vector<int>& members = this->members(gi);
    if (members.size() < 2) continue;
    // Groups of one target compare only clauses of a target; other groups every pair (a dominator
    // may read facts the dominated clause does not: `改造` is implied by nothing but implies `改造 或 …`).
    for (int a : members) {
      const ir::Clause& ca = p_.clauses[static_cast<std::size_t>(a)];
      auto d = dominator(gi, a, pay(a), {});
      if (!d) continue;
      const int b = d->clause;
      Finding& f = add(FindingKind::Shadowed, a,
                       fmt::format("{} can never be the award kept by the non-stacking group {}: whenever it pays, "
                                   "{} pays too, {}",
                                   cite(a), g.name, cite(b), d->pointwise ? byEachText(g, a, b) : ceilingText(a, b)));
      noteOther(f, b, "the clause that is always kept instead");
      f.group = g.name;
      f.notes.push_back(DiagNote{groupSpan(g), ruleNote("the non-stacking group", g.name, g.text)});
      if (cl_[static_cast<std::size_t>(a)].witness) attachWitness(f, *cl_[static_cast<std::size_t>(a)].witness, ca.subject);
    }
  }
  // The proof covers the rules above; the evaluator on the whole program is the last word (a rule
  // the proof does not know of would show here, not in a user's replay). All at once, so that the
  // findings that share a witness share its evaluation.
  if (!o_.confirm) return;
  std::vector<const Finding*> found;
  for (std::size_t i = first; i < out_.findings.size(); ++i) found.push_back(&out_.findings[i]);
  std::vector<Replay> replays = replayAll(m_, p_, found);
  std::size_t kept = first;
  for (std::size_t i = first; i < out_.findings.size(); ++i)
    if (replays[i - first].ok) {
      if (kept != i) out_.findings[kept] = std::move(out_.findings[i]);
      ++kept;
    }
  out_.findings.erase(out_.findings.begin() + static_cast<std::ptrdiff_t>(kept), out_.findings.end());
}

}  // namespace polc::check
