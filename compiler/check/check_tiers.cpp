// Tiers: a higher tier paying less, unreachable tiers, gaps between tiers, thresholds out of order.
#include <algorithm>

#include <fmt/format.h>

#include "check/checker.h"

namespace polc::check {

const ir::Expr* Checker::tableOf(const ir::Expr& e) {
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
// x's ceiling (a constant, or a rate's cap) is below y's lowest ceiling (a constant): x pays less than
// y to every applicant, whatever their bases — once both are rounded as the evaluator rounds them
// (every 舍入 mode is monotone): with 舍入 1万元 四舍五入, 10.3万元 and 10.4万元 are both 10万元, a tie.
bool Checker::alwaysBelow(int c, const Shape& x, const Shape& y) const {
  auto xh = x.maxHi(), yh = y.minHi();
  if (!xh || !yh) return false;
  auto rx = rounded(c, *xh), ry = rounded(c, *yh);
  return rx && ry && *rx < *ry;
}

// Rates of one base are a candidate here; moreForEach() proves them for the applicants of the entry.
bool Checker::paysLess(int c, const Shape& x, const Shape& y) const {
  if (alwaysBelow(c, x, y)) return true;
  if (x.kind == Shape::Const && y.kind == Shape::Const) return false;
  return x.kind == Shape::Linear && y.kind == Shape::Linear && x.var == y.var && x.offset.isZero() &&
         y.offset.isZero() && x.coef.sign() > 0 && x.coef <= y.coef && (!y.cap || (x.cap && *x.cap <= *y.cap));
}

// No applicant meeting `when` for whom y falls short of x plus the margin the rounding needs
// (strictlyMore: with a unit u, at least u more) — so two rates under one cap, which pay the cap
// alike from some base on, or 10 % and 10.01 % rounded to 1万元, are no claim.
bool Checker::moreForEach(int c, const Shape& x, const Shape& y, const Cond& when) {
  return neverShort(x, y, strictlyMore(roundingOf(c)), when);
}

// A proof that fails to build (a comparison that is not linear, an overflow) or that the solver does
// not settle is no proof: the caller keeps its finding.
bool Checker::neverShort(const Shape& x, const Shape& y, const Margin& m, const Cond& when) {
  try {
    auto less = shortfall(x, y, m);
    if (!less) return false;
    Cond v = solver_.prepare(std::move(*less));
    return solver_.solve({&when, &v}).sat == Sat::No;
  } catch (const ArithOverflow&) {
    return false;
  }
}

// Neither pays less than the other, so both pay the same amount, which the document's 舍入 rounds
// alike. shortfall() reads a constant as its upper end, so a range (`10万元至30万元`, `最高 …`) is
// left to the caller's comparison of the ends.
bool Checker::sameForEach(const Shape& x, const Shape& y, const Cond& when) {
  auto oneValue = [](const Shape& s) { return s.kind != Shape::Const || s.lo == s.hi; };
  if (!oneValue(x) || !oneValue(y)) return false;
  const Margin none{Q(0), false};
  return neverShort(x, y, none, when) && neverShort(y, x, none, when);
}

// The applicants y pays more than x pays the applicant `at`, by what the rounding needs (as
// moreForEach); nullopt for two fixed amounts, or what the shapes cannot say.
std::optional<F> Checker::paidMore(int c, const Shape& x, const Shape& y, const Assignment& at) {
  if (x.kind == Shape::Const && y.kind == Shape::Const) return std::nullopt;
  auto v = amountAt(c, x, at);
  if (!v) return std::nullopt;
  const Margin m = strictlyMore(roundingOf(c));
  Shape fixed;
  fixed.kind = Shape::Const;
  fixed.lo = fixed.hi = *v;
  try {
    auto less = shortfall(fixed, y, m);
    if (!less) return std::nullopt;
    return negate(*less);
  } catch (const ArithOverflow&) {
    return std::nullopt;
  }
}

// What an amount computes for one applicant (the ceiling of a constant or a range; a rate of its
// base, under its cap), rounded as the document rounds it; nullopt when the model leaves it open.
std::optional<Q> Checker::amountAt(int c, const Shape& s, const Assignment& a) const {
  std::optional<Q> v;
  if (s.kind == Shape::Const) {
    v = s.maxHi();
  } else {
    auto form = s.lin();
    v = form ? valueAt(*form, a) : std::nullopt;
    if (v && s.cap) v = qmin(*v, *s.cap);
  }
  return v ? rounded(c, *v) : std::nullopt;
}

std::optional<std::pair<Q, Q>> Checker::paidWhen(int c, const Shape& s, int var, const Q& at) const {
  try {
    Q lo, hi;
    if (s.kind == Shape::Const) {
      lo = s.lo;
      hi = s.hi;
    } else if (s.kind == Shape::Linear || s.kind == Shape::Sum) {
      lo = s.offset;
      for (const auto& [v, k] : s.terms) {
        if (v != var) return std::nullopt;
        lo = lo + k * at;
      }
      hi = lo;
    } else {
      return std::nullopt;
    }
    if (s.cap) {
      lo = qmin(lo, *s.cap);
      hi = qmin(hi, *s.cap);
    }
    auto rl = rounded(c, lo), rh = rounded(c, hi);
    if (!rl || !rh) return std::nullopt;
    return std::pair<Q, Q>{*rl, *rh};
  } catch (const ArithOverflow&) {
    return std::nullopt;
  }
}

std::string Checker::shapeText(const Shape& s, const std::string& factors) const {
  if (s.kind == Shape::Const) {
    // Scaled and capped already: what the evaluator pays.
    auto lo = (s.cap ? qmin(s.lo, *s.cap) : s.lo).toDecimal(), hi = (s.cap ? qmin(s.hi, *s.cap) : s.hi).toDecimal();
    return lo && hi ? eval::amountText(*lo, *hi, s.form) : "?";
  }
  std::string text = s.expr ? s.expr->source : "?";
  if (!factors.empty()) text = "(" + text + ")" + factors;
  if (s.form == AmountForm::UpTo) text = "最高 " + text;
  if (s.cap && s.cap->toDecimal()) text += " (at most " + eval::money(*s.cap->toDecimal()) + ")";
  return text;
}

std::string Checker::entryText(const Table& t, std::size_t i) const {
  return (t.capsRead[i] ? "" : "at most ") + shapeText(t.shape[i], t.factors);
}

void Checker::tiers() {
  for (std::size_t c = 0; c < p_.clauses.size(); ++c) {
    ClauseData& d = cl_[c];
    // A tier paying below 0 stops the evaluation of its applicants (W0636): no claim about its table
    // could be shown on a witness.
    if (payIndex_[c] < 0 || !d.pay || d.dead || paysBelowZero(static_cast<int>(c))) continue;
    const ir::Expr* node = tableOf(p_.clauses[c].amount[0]);
    if (!node || node->entries.size() < 2 || node->entries.size() > 16) continue;
    table(static_cast<int>(c), *node);
  }
}

namespace {

// A 分档 table whose comparison is 不超过 / 低于 (or 以下): its first entry is the *lowest* band, so
// the tier of the higher applicants comes later.
bool ascending(const ir::Expr& node) {
  return node.op == Op::Tiers && node.tierMode == ir::TierMode::Compare &&
         (node.cmp == ast::CmpOp::Lt || node.cmp == ast::CmpOp::Le);
}

// Thresholds compared in one direction (超, 达, 不超过, 首次超): an entry no applicant reaches first
// can be an ordering mistake (W0623).
bool ordered(const ir::Expr& node) {
  return node.op == Op::Tiers && (node.tierMode == ir::TierMode::Compare || node.tierMode == ir::TierMode::FirstOver);
}

}  // namespace

std::string Checker::entryName(const ir::Expr& node, std::size_t i) {
  return node.entries[i].key.empty() ? std::string("其他") : node.entries[i].key[0].source;
}

Span Checker::entrySpan(const ir::Expr& node, std::size_t i) {
  return node.entries[i].key.empty() ? node.entries[i].value[0].span : node.entries[i].key[0].span;
}

bool Checker::capsAbove(const ir::Expr& e, const ir::Expr& node) {
  if (&e == &node) return true;
  switch (e.op) {
    case Op::Cap:
      if (!tr_.constant(e.kids[1])) return false;
      return capsAbove(e.kids[0], node);
    case Op::UpTo:
    case Op::Arith: return capsAbove(e.kids[0], node);
    default: return true;
  }
}

// Each entry's amount is read off the clause's branches, which hold what the clause does to the
// table's amount — a 封顶 around the table, the clause's 上限, a constant factor (`分档 {…} × 50%`) —
// so that a comparison of two entries compares what the evaluator pays: `{…: 20万元; …: 30万元}
// 上限 10万元` pays 10万元 in both. An entry of several branches (a 若 inside it) is left unknown.
Checker::Table Checker::tableData(int c, const ir::Expr& node) {
  Table t{c, &node, {}, {}, {}, {}, {}};
  const ClauseData& d = cl_[static_cast<std::size_t>(c)];
  const ir::Clause& cl = p_.clauses[static_cast<std::size_t>(c)];
  const bool around = (cl.cap.empty() || tr_.constant(cl.cap[0])) && capsAbove(cl.amount[0], node);
  for (const ir::Expr* e = &cl.amount[0]; e != &node && !e->kids.empty();) {
    if (e->op == Op::Arith && e->kids.size() > 1)
      t.factors += (e->arith == ast::ArithOp::Div ? " ÷ " : " × ") + e->kids[1].source;
    else if (e->op != Op::Cap && e->op != Op::UpTo)
      break;
    e = &e->kids[0];
  }
  for (std::size_t i = 0; i < node.entries.size(); ++i) {
    t.key.push_back(solver_.prepare(node.op == Op::Tiers ? tr_.tierKey(node, i)
                                                          : (node.entries[i].key.empty() ? F::t() : tr_.cond(node.entries[i].key[0]))));
    t.first.push_back(solver_.prepare(tr_.firstMatch(node, i)));
    const Shape* one = nullptr;
    int n = 0;
    for (const Branch& b : d.branches)
      if (b.node == &node && b.entry == static_cast<int>(i)) {
        one = &b.shape;
        ++n;
      }
    t.shape.push_back(n == 1 ? *one : Shape{});
    t.capsRead.push_back(around && tr_.capsRead(node.entries[i].value[0]));
  }
  return t;
}

void Checker::table(int c, const ir::Expr& node) {
  Table t = tableData(c, node);
  for (std::size_t j = 0; j < node.entries.size(); ++j) reachable(t, j);
  const std::size_t before = out_.findings.size();
  for (std::size_t i = 0; i < node.entries.size(); ++i)
    for (std::size_t j = i + 1; j < node.entries.size(); ++j) {
      if (ascending(node)) lessInAscendingTable(t, i, j);
      else lessInTable(t, i, j);
    }
  const bool paysLess = out_.findings.size() > before;
  // Gaps between cases on one number: a boundary value no case covers; and a boundary two cases
  // share (unless a case paying less there was just reported: that is the same finding).
  if (node.op == Op::Cases) caseBounds(t, !paysLess);
}

void Checker::reachable(const Table& t, std::size_t j) {
  const int c = t.clause;
  const ir::Expr& node = *t.node;
  const ClauseData& d = cl_[static_cast<std::size_t>(c)];
  const Cond& R = d.cond;
  std::string what = node.op == Op::Tiers ? "tier" : "case";
  if (solver_.solve({&R, &t.first[j]}).sat != Sat::No) return;
  Answer k = solver_.solve({&R, &t.key[j]}, d.touch);
  if (k.sat == Sat::No) {
    Finding& f = add(FindingKind::TierUnreachable, c,
                     fmt::format("{} `{}` of {} can never apply under the clause's conditions", what, entryName(node, j), cite(c)));
    if (entrySpan(node, j).valid()) f.span = entrySpan(node, j);
    if (d.witness) attachWitness(f, *d.witness, subject(c));
    return;
  }
  if (k.sat != Sat::Yes) return;
  auto [by, model, covers] = earlierEntry(t, j, k.model);
  // Name the entry that takes them all, or, when several share them, the witness's.
  std::string earlier = fmt::format(covers ? "the earlier {} `{}`" : "an earlier {} (the witness: `{}`)",
                                    ordered(node) ? "threshold" : what, entryName(node, by));
  // Out of order only when the thresholds themselves hide the entry; when it is the clause's
  // condition that excludes the entry's own applicants, the thresholds are fine (W0621).
  bool outOfOrder = ordered(node) && solver_.solve({&t.first[j]}).sat == Sat::No;
  std::string message =
      outOfOrder ? fmt::format("{} of {}: the threshold `{}` is out of order — every applicant meeting it meets {} "
                               "first, so this tier is never paid",
                               what, cite(c), entryName(node, j), earlier)
      : ordered(node)
          ? fmt::format("{} `{}` of {} can never be chosen under the clause's conditions: every applicant the clause "
                        "pays that meets it meets {} first",
                        what, entryName(node, j), cite(c), earlier)
          : fmt::format("{} `{}` of {} can never be chosen: every applicant meeting it meets {} first", what,
                        entryName(node, j), cite(c), earlier);
  Finding& f = add(outOfOrder ? FindingKind::TierOrder : FindingKind::TierUnreachable, c, std::move(message));
  if (entrySpan(node, j).valid()) f.span = entrySpan(node, j);
  attachWitness(f, model, subject(c));
  if (auto h = t.shape[by].maxHi(); h && h->toDecimal()) f.expectHi = *h->toDecimal();
  f.help.push_back(fmt::format("the witness meets `{}` but is paid the {} `{}` ({})", entryName(node, j), what,
                               entryName(node, by), entryText(t, by)));
}

// The earlier entry that takes the applicants of entry j: one whose key every applicant of j (under
// the clause's conditions) meets when there is one, else the first that takes some; with an
// applicant of j that it takes.
Checker::Earlier Checker::earlierEntry(const Table& t, std::size_t j, const Assignment& fallback) {
  const ClauseData& d = cl_[static_cast<std::size_t>(t.clause)];
  const Cond& R = d.cond;
  std::optional<std::size_t> by;
  for (std::size_t i = j; i-- > 0 && !by;) {
    Cond missed = solver_.prepare(negate(t.key[i].f));
    if (solver_.solve({&R, &t.key[j], &missed}).sat == Sat::No) by = i;
  }
  auto takes = [&](std::size_t i) { return solver_.solve({&R, &t.key[j], &t.first[i]}, d.touch); };
  if (by)
    if (Answer a = takes(*by); a.sat == Sat::Yes) return {*by, a.model, true};
  for (std::size_t i = 0; i < j; ++i)
    if (Answer a = takes(i); a.sat == Sat::Yes) return {i, a.model, false};
  return {0, fallback, false};
}

// Tables read from the top (超, 达, 首次超, 分情形, an enum by member): entry i comes before the later
// entry j, so an applicant meeting both is paid i.
void Checker::lessInTable(const Table& t, std::size_t i, std::size_t j) {
  const ir::Expr& node = *t.node;
  const ClauseData& d = cl_[static_cast<std::size_t>(t.clause)];
  const Cond& R = d.cond;
  // j is claimed to pay more: a cap the shape leaves out (`封顶 投资 × 10%`) can cut it to 0.
  if (!t.capsRead[j] || !paysLess(t.clause, t.shape[i], t.shape[j])) return;
  const bool byCeiling = alwaysBelow(t.clause, t.shape[i], t.shape[j]);
  Answer a = solver_.solve({&R, &t.first[i], &t.key[j]}, d.touch);
  if (a.sat != Sat::Yes) {
    // Disjoint keys of an ordered enum: the higher member listed first pays less.
    // `分档 级别 为 {…}` lowers to Compare with ==, a bare `分档 级别 {…}` to Equal.
    bool byMember = node.tierMode == ir::TierMode::Equal ||
                    (node.tierMode == ir::TierMode::Compare && node.cmp == ast::CmpOp::Eq);
    if (!(node.op == Op::Tiers && byMember)) return;
    const ir::Expr& ki = node.entries[i].key[0];
    const ir::Expr& kj = node.entries[j].key[0];
    if (ki.op != Op::Const || kj.op != Op::Const || ki.value.type != ir::VType::Enum || ki.type.enumIndex < 0 ||
        !p_.enums[static_cast<std::size_t>(ki.type.enumIndex)].ordered || !(ki.value.e < kj.value.e))
      return;
    a = solver_.solve({&R, &t.first[i]}, d.touch);
    if (a.sat != Sat::Yes) return;
    if (!byCeiling && !moreForEach(t.clause, t.shape[i], t.shape[j], solver_.prepare(F::all({R.f, t.first[i].f}))))
      return;
  } else if (!byCeiling &&
             !moreForEach(t.clause, t.shape[i], t.shape[j], solver_.prepare(F::all({R.f, t.first[i].f, t.key[j].f})))) {
    return;
  }
  // The claim needs an applicant the lower entry pays more; an entry nobody reaches first is
  // W0621/W0623 instead, not a tier that "pays more".
  Answer lower = solver_.solve({&R, &t.first[j]}, d.touch);
  if (lower.sat != Sat::Yes) return;
  // For a rate, one paid more than the witness: any applicant of j may have a lower base and be paid
  // less (`超 100万元: 设备投入 × 11%` at 100万元 pays 11万元, below 50万元 at 500万元).
  if (auto more = paidMore(t.clause, t.shape[i], t.shape[j], a.model)) {
    Cond m = solver_.prepare(std::move(*more));
    if (Answer b = solver_.solve({&R, &t.first[j], &m}, d.touch); b.sat == Sat::Yes) lower = std::move(b);
  }
  // A 分情形 has no higher or lower case, only an earlier and a later one that both hold somewhere.
  // Against an amount up to a ceiling or a range, only the ceilings are compared: the applicant
  // *can* get less, as the lower tier may pay its ceiling.
  const bool ceiling = t.shape[j].form != AmountForm::Exact;
  tierPaysLess(t, i, j, a.model, lower.model,
               node.op == Op::Tiers ? fmt::format("an applicant who qualifies for the higher tier {} less", ceiling ? "can get" : "gets")
                                    : fmt::format("an applicant who meets both {} the earlier, smaller one",
                                                  ceiling ? "can be paid" : "is paid"));
}

// 不超过 / 低于 tables: the later entry j is the higher band. Its applicants are not those of i, so only
// amounts that are less for every applicant are compared.
void Checker::lessInAscendingTable(const Table& t, std::size_t i, std::size_t j) {
  if (!t.capsRead[i] || !alwaysBelow(t.clause, t.shape[j], t.shape[i])) return;
  const ClauseData& d = cl_[static_cast<std::size_t>(t.clause)];
  const Cond& R = d.cond;
  Answer higher = solver_.solve({&R, &t.first[j]}, d.touch);
  if (higher.sat != Sat::Yes) return;
  Answer lower = solver_.solve({&R, &t.first[i]}, d.touch);
  if (lower.sat != Sat::Yes) return;
  tierPaysLess(t, j, i, higher.model, lower.model,
               fmt::format("an applicant with a higher `{}` {} less", t.node->kids[0].source,
                           t.shape[i].form != AmountForm::Exact ? "can get" : "gets"));
}

namespace {

// The number a threshold is, when it is one.
std::optional<polrt::Decimal> threshold(const ir::Expr& node, std::size_t i) {
  if (node.entries[i].key.empty()) return std::nullopt;
  const ir::Expr& k = node.entries[i].key[0];
  if (k.op != Op::Const || k.value.type != ir::VType::Num) return std::nullopt;
  return k.value.lo;
}

// Whether the tier the table's order makes the higher one (the earlier in a 超 table, the later in
// a 不超过 one) has the smaller threshold: the tiers were listed out of order (`{ 100亿元: …;
// 1000亿元: … }` under 首次超, where both stay reachable), and "higher" and "lower" read backwards.
bool listedOutOfOrder(const ir::Expr& node, std::size_t higher, std::size_t lower) {
  if (!ordered(node)) return false;
  auto h = threshold(node, higher), l = threshold(node, lower);
  return h && l && *h < *l;
}

}  // namespace

void Checker::tierPaysLess(const Table& t, std::size_t higher, std::size_t lower, const Assignment& atHigher,
                           const Assignment& atLower, const std::string& why) {
  const int c = t.clause;
  const ir::Expr& node = *t.node;
  std::string what = node.op == Op::Tiers ? "tier" : "case";
  // When the order of the thresholds is the cause, the finding says so, in the table's words.
  const bool misordered = listedOutOfOrder(node, higher, lower);
  const std::string other =
      (misordered ? (ascending(node) ? "earlier " : "later ") : node.op == Op::Tiers ? "lower " : "later ") + what;
  // One finding per entry that pays less: a tier listed before many better-paid ones (a table
  // written upside down) had one W0620 per pair, each saying the same of it. The first pair keeps
  // the finding, its witness and contrast (which the replay checks); each later one is a note at
  // its entry, with the applicant the solver found that entry paying (a value the writer can try
  // with `polc eval`; not replayed, as the note's claim is the entry's amount, read from the table).
  if (auto first = t.paysLess.find(higher); first != t.paysLess.end()) {
    out_.findings[first->second].notes.push_back(
        DiagNote{entrySpan(node, lower), fmt::format("the {} `{}` pays {}, more than this one too; an applicant at it: {}",
                                                     other, entryName(node, lower), entryText(t, lower), wb_.summary(atLower))});
    return;
  }
  t.paysLess.emplace(higher, out_.findings.size());
  Finding& f = add(FindingKind::TierPaysLess, c,
                   fmt::format("{} `{}` of {} pays {} but the {} `{}` pays {}: {}", what, entryName(node, higher),
                               cite(c), entryText(t, higher), other,
                               entryName(node, lower), entryText(t, lower), why));
  if (entrySpan(node, higher).valid()) f.span = entrySpan(node, higher);
  attachWitness(f, atHigher, subject(c));
  if (auto h = amountAt(c, t.shape[higher], atHigher); h && h->toDecimal()) f.expectHi = *h->toDecimal();
  f.contrast = wb_.build(atLower, subject(c), "the lower tier's applicant");
  if (auto h = amountAt(c, t.shape[lower], atLower); h && h->toDecimal()) f.contrastHi = *h->toDecimal();
  f.help.push_back("an applicant at the " + other + ": " + wb_.summary(atLower));
  if (misordered)
    f.help.insert(f.help.begin(), fmt::format("the tiers are out of order: `{}` is listed before `{}`; write them from the {}",
                                 entryName(node, std::min(higher, lower)), entryName(node, std::max(higher, lower)),
                                 ascending(node) ? "lowest threshold up" : "highest threshold down"));
}

void Checker::caseBounds(const Table& t, bool overlaps) {
  if (caseEnumGap(t) || caseParamGap(t)) return;
  const int c = t.clause;
  const ir::Expr& node = *t.node;
  const std::vector<Cond>& key = t.key;
  int var = -1;
  std::vector<NumDom> ivs;
  for (const auto& k : key) {
    if (!k.boxes || k.boxes->size() != 1) return caseGapInContext(t);
    const Box& b = k.boxes->front();
    if (b.doms.size() != 1 || vars_[b.doms[0].var].dom != DomKind::Num) return caseGapInContext(t);
    if (var >= 0 && b.doms[0].var != var) return caseGapInContext(t);
    var = b.doms[0].var;
    ivs.push_back(b.doms[0].num);
  }
  if (var < 0) return;
  if (overlaps) caseSharedBound(t, var, ivs);
  for (const auto& x : ivs)
    for (const auto& y : ivs) {
      if (!(x.hasHi && x.hiStrict && y.hasLo && y.loStrict && x.hi == y.lo)) continue;
      Q p = x.hi;
      bool covered = false;
      for (const auto& z : ivs)
        if ((!z.hasLo || z.lo < p || (z.lo == p && !z.loStrict)) && (!z.hasHi || z.hi > p || (z.hi == p && !z.hiStrict)))
          covered = true;
      if (covered) continue;
      Answer a = paysWith(c, pinned(var, p));
      if (a.sat != Sat::Yes) continue;
      Finding& f = add(FindingKind::TierGap, c,
                       fmt::format("{} = {} is covered by no case of {}: one case ends below it and the next starts "
                                   "above it, so the clause pays nothing there",
                                   vars_[var].name, describeValue(p_, vars_[var], p),
                                   cite(c)));
      if (node.span.valid()) f.span = node.span;
      attachWitness(f, a.model, subject(c));
      return;
    }
  caseRangeGap(t, var, ivs);
}

// Cases whose keys say more than one bound on one number (`改造 且 投资 低于 100万元: …; 改造 且 投资 超
// 100万元: …`, `投资 低于 100万元 或 级别 为 国家级: …`), which caseBounds does not read: a value where one
// alternative of a case stops strictly below and one of another strictly above, for an applicant
// the clause pays but for its table, who meets both alternatives but for that number and no case
// at all there. The solver decides it exactly, so the applicant is the witness.
void Checker::caseGapInContext(const Table& t) {
  const int c = t.clause;
  const ir::Expr& node = *t.node;
  std::vector<F> none;
  for (const auto& k : t.key) {
    if (!k.boxes) return;
    none.push_back(negate(k.f));
  }
  const Cond noCase = solver_.prepare(F::all(none));
  for (std::size_t i = 0; i < t.key.size(); ++i)
    for (std::size_t j = 0; j < t.key.size(); ++j) {
      if (i == j) continue;
      for (const Box& below : *t.key[i].boxes)
        for (const Box& above : *t.key[j].boxes)
          for (const Dom& d : below.doms) {
            const VarInfo& v = vars_[d.var];
            const Dom* up = boxes_.find(above, d.var);
            if (v.dom != DomKind::Num || v.kind == VarKind::Date || !up) continue;
            const NumDom& x = d.num;
            const NumDom& y = up->num;
            if (!(x.hasHi && x.hiStrict && x.hiLit && y.hasLo && y.loStrict && y.loLit && x.hi == y.lo)) continue;
            Cond freedBelow = solver_.prepare(boxes_.formula(below, d.var));
            Cond freedAbove = solver_.prepare(boxes_.formula(above, d.var));
            Cond at = pinned(d.var, x.hi);
            const ClauseData& cd = cl_[static_cast<std::size_t>(c)];
            Answer a = solver_.solve({&cd.cond, &freedBelow, &freedAbove, &at, &noCase}, cd.touch);
            if (a.sat != Sat::Yes) continue;
            Finding& f = add(FindingKind::TierGap, c,
                             fmt::format("{} = {} is covered by no case of {}: `{}` ends below it and `{}` starts "
                                         "above it, so the clause pays nothing there",
                                         v.name, describeValue(p_, v, x.hi), cite(c), entryName(node, i),
                                         entryName(node, j)));
            if (node.span.valid()) f.span = node.span;
            attachWitness(f, a.model, subject(c));
            return;
          }
    }
}

// Two cases on one number that both include their common bound (`达 100万元 以上: …; 不超过 100万元:
// …`): the applicant exactly at the bound meets both, and the order of the cases decides what it
// is paid. In Chinese legal usage 以上 and 以下 both include the number itself, so a text that says
// "100万元以上 … 100万元以下" is ambiguous there; the encoding should say which side has it.
void Checker::caseSharedBound(const Table& t, int var, const std::vector<NumDom>& ivs) {
  const int c = t.clause;
  const ir::Expr& node = *t.node;
  for (std::size_t i = 0; i < ivs.size(); ++i)
    for (std::size_t j = 0; j < ivs.size(); ++j) {
      const NumDom& x = ivs[i];
      const NumDom& y = ivs[j];
      if (i == j || !(x.hasHi && !x.hiStrict && y.hasLo && !y.loStrict && x.hi == y.lo)) continue;
      const Cond bound = pinned(var, x.hi);
      Answer a = paysWith(c, bound);
      if (a.sat != Sat::Yes) continue;
      const std::size_t first = std::min(i, j), second = std::max(i, j);
      // Two cases that pay the same there leave nothing to decide (`以上: 1万元; 以下: 1万元`) — as the
      // clause pays them at the bound: cut by a cap around the table or the clause's 上限 (`{…: 30万元;
      // …: 20万元} 上限 10万元`), scaled by a factor, rounded by the document's 舍入 (10.3万元 and 10.4万元
      // to 1万元), and a rate of the table's own number taken at the bound; or, for amounts that read
      // other facts (`投资 × 10%` in both), paid the same to every applicant at the bound the clause
      // pays, which the solver proves. A case whose caps are not all read, or that can pay another
      // amount there (another rate, another base, a cap the other lacks), stays reported.
      const Shape& sf = t.shape[first];
      const Shape& ss = t.shape[second];
      if (sf.kind == Shape::Const && ss.kind == Shape::Const && sf.form == ss.form && sf.lo == ss.lo && sf.hi == ss.hi)
        continue;
      if (sf.form == ss.form && t.capsRead[first] && t.capsRead[second]) {
        auto pf = paidWhen(c, sf, var, x.hi), ps = paidWhen(c, ss, var, x.hi);
        if (pf && ps && *pf == *ps) continue;
        const Cond paidThere = solver_.prepare(F::all({cl_[static_cast<std::size_t>(c)].cond.f, bound.f}));
        if (sameForEach(sf, ss, paidThere)) continue;
      }
      Finding& f = add(FindingKind::CaseSharedBound, c,
                       fmt::format("{} = {} meets two cases of {}, `{}` and `{}`: the first listed is paid, so the "
                                   "order of the cases decides the amount at the bound",
                                   vars_[var].name, describeValue(p_, vars_[var], x.hi), cite(c), entryName(node, first),
                                   entryName(node, second)));
      if (entrySpan(node, second).valid()) f.span = entrySpan(node, second);
      attachWitness(f, a.model, subject(c));
      if (auto h = amountAt(c, t.shape[first], a.model); h && h->toDecimal()) f.expectHi = *h->toDecimal();
      f.help.push_back(fmt::format("say which case has the bound by making the other one strict (`超`, `低于`): {} pays {}, {} pays {}",
                                   entryName(node, first), entryText(t, first), entryName(node, second),
                                   entryText(t, second)));
      return;
    }
}

// A stretch of values between two cases that neither covers (`低于 100万元: …; 超 200万元: …`): a
// decision table's missing rule. The text gives amounts below and above it, and nothing between,
// which is more often a wrong threshold than an intended hole; the clause's own conditions may
// exclude the stretch, and then there is no finding.
void Checker::caseRangeGap(const Table& t, int var, const std::vector<NumDom>& ivs) {
  const int c = t.clause;
  const ir::Expr& node = *t.node;
  auto coversRightOf = [&](const NumDom& z, const Q& p) {
    return (!z.hasLo || z.lo <= p) && (!z.hasHi || z.hi > p);
  };
  for (std::size_t i = 0; i < ivs.size(); ++i) {
    const NumDom& x = ivs[i];
    if (!x.hasHi) continue;
    const Q& p = x.hi;
    if (std::any_of(ivs.begin(), ivs.end(), [&](const NumDom& z) { return coversRightOf(z, p); })) continue;
    std::optional<std::size_t> above;
    for (std::size_t j = 0; j < ivs.size(); ++j)
      if (ivs[j].hasLo && ivs[j].lo > p && (!above || ivs[j].lo < ivs[*above].lo)) above = j;
    if (!above) continue;  // nothing above: the cases simply end
    const NumDom* next = &ivs[*above];
    Cond between = solver_.prepare(F::all({F::of(literal(var, x.hiStrict ? ast::CmpOp::Ge : ast::CmpOp::Gt, p)),
                                           F::of(literal(var, next->loStrict ? ast::CmpOp::Le : ast::CmpOp::Lt, next->lo))}));
    Answer a = paysWith(c, between);
    if (a.sat != Sat::Yes) continue;
    const Stretch gap = describeStretch(p_, vars_[var], p, x.hiStrict, next->lo, next->loStrict);
    Finding& f = add(FindingKind::CaseRangeGap, c,
                     fmt::format("{} is covered by no case of {}: the cases pay below and above that {}, and nothing "
                                 "{}",
                                 gap.text, cite(c), gap.single ? "value" : "stretch", gap.single ? "at it" : "inside it"));
    if (node.span.valid()) f.span = node.span;
    attachWitness(f, a.model, subject(c));
    f.help.push_back(fmt::format("below it `{}` pays {}; above it `{}` pays {}", entryName(node, i), entryText(t, i),
                                 entryName(node, *above), entryText(t, *above)));
    return;
  }
}

}  // namespace polc::check
