// Gaps on a dated parameter: two clauses of one target and subject that compare the same read of a
// 参数 with a constant from either side (`LPR一年期 超 3.5%/年` / `LPR一年期 低于 3.5%/年`). The translation
// reads such a comparison period by period into the date, so the two clauses are disjoint on dates
// and the number gap search (check_overlaps.cpp) sees no number to pin: the uncovered value is found
// here, among the values the parameter takes, and the witness is dated into a period that has it. A
// bound is a conjunct, a comparison reached through 且, 或, 非 and the test and branches of a 若 at any
// depth, or a 分档 table on the read.
#include <algorithm>

#include <fmt/format.h>

#include "check/checker.h"
#include "eval/eval.h"

namespace polc::check {

namespace {

bool above(ast::CmpOp op) { return op == ast::CmpOp::Gt || op == ast::CmpOp::Ge; }
bool strict(ast::CmpOp op) { return op == ast::CmpOp::Gt || op == ast::CmpOp::Lt; }

bool sameDay(const Lin& x, const Lin& y) { return x.coef == y.coef && x.c == y.c; }

// What `非 (P op v)` says of P, on a day P has a value (before its first, neither holds: the
// translation's rule, which the witness's date keeps away from): the other side, `超` ↔ `不超过`.
std::optional<ast::CmpOp> negatedBound(ast::CmpOp op) {
  switch (op) {
    case ast::CmpOp::Gt: return ast::CmpOp::Le;
    case ast::CmpOp::Ge: return ast::CmpOp::Lt;
    case ast::CmpOp::Lt: return ast::CmpOp::Ge;
    case ast::CmpOp::Le: return ast::CmpOp::Gt;
    default: return std::nullopt;
  }
}

bool allows(ast::CmpOp op, const Q& bound, const Q& v) {
  switch (op) {
    case ast::CmpOp::Gt: return bound < v;
    case ast::CmpOp::Ge: return !(v < bound);
    case ast::CmpOp::Lt: return v < bound;
    case ast::CmpOp::Le: return !(bound < v);
    default: return false;
  }
}

// Whether an amount chooses among alternatives anywhere inside (a table, a 若).
bool chooses(const ir::Expr& e) {
  if (e.op == Op::Tiers || e.op == Op::Cases || e.op == Op::If || e.op == Op::Marginal) return true;
  for (const auto& k : e.kids)
    if (chooses(k)) return true;
  for (const auto& en : e.entries)
    for (const auto& v : en.value)
      if (chooses(v)) return true;
  return false;
}

void alternatives(const ir::Expr& e, std::vector<const ir::Expr*>& out) {
  if (e.op != Op::Or) {
    out.push_back(&e);
    return;
  }
  for (const auto& k : e.kids) alternatives(k, out);
}

// The conjuncts of a key as they hold, through 非 (De Morgan: `非 (P 达 v 以上 或 小额)` is `非 P 达 v 以上`
// and `非 小额`), each with whether it holds as written.
void keyConjuncts(const ir::Expr& e, bool negated, std::vector<std::pair<const ir::Expr*, bool>>& out) {
  if (e.op == Op::Not && e.kids.size() == 1) return keyConjuncts(e.kids[0], !negated, out);
  if (e.op == (negated ? Op::Or : Op::And)) {
    for (const auto& k : e.kids) keyConjuncts(k, negated, out);
    return;
  }
  out.push_back({&e, !negated});
}

}  // namespace

// A comparison of one dated read, with constants only, read as `P op value` (`LPR一年期 超 3.5%/年`,
// `3.5%/年 低于 LPR一年期`, `LPR一年期 × 50% 超 1.75%/年`); only reads on a day without an offset (the
// evaluation date, a date fact), which the messages can name.
std::optional<Checker::ParamBound> Checker::paramBound(const ir::Expr& e) {
  if (e.op != Op::Compare || e.kids.size() != 2) return std::nullopt;
  std::vector<const ir::Expr*> reads;
  datedReads(e, reads);
  if (reads.size() != 1) return std::nullopt;
  const ir::Expr& read = *reads[0];
  auto day = tr_.dayRead(read);
  if (!day || !day->c.isZero()) return std::nullopt;
  auto b = tr_.boundOnRead(e.kids[0], e.kids[1], e.cmp, read);
  if (!b) return std::nullopt;
  return ParamBound{&read, *day, b->first, b->second};
}

// A 分档 table of the clause's amount on a dated read (`分档 LPR一年期 超 { 4%/年: …; 3.5%/年: … }`) pays
// on the union of its entries, `超 3.5%/年`: a bound as a conjunct is, when nothing else in the amount
// chooses (so the table's entries are its only branches, and freeing them frees the bound alone).
std::optional<Checker::ParamBound> Checker::tierBound(int c) {
  const ClauseData& d = cl_[static_cast<std::size_t>(c)];
  if (!d.pay) return std::nullopt;
  const ir::Expr* node = tableOf(p_.clauses[static_cast<std::size_t>(c)].amount[0]);
  if (!node || node->op != Op::Tiers || node->tierMode != ir::TierMode::Compare || node->kids.empty() ||
      node->kids[0].op != Op::ParamAt || d.branches.size() != node->entries.size())
    return std::nullopt;
  const ir::Expr& read = node->kids[0];
  auto day = tr_.dayRead(read);
  if (!day || !day->c.isZero() || node->cmp == ast::CmpOp::Eq || node->cmp == ast::CmpOp::Ne) return std::nullopt;
  std::optional<Q> end;
  for (const auto& en : node->entries) {
    auto k = en.key.empty() || chooses(en.value[0]) ? std::nullopt : tr_.constant(en.key[0]);
    if (!k) return std::nullopt;
    if (!end || (above(node->cmp) ? *k < *end : *end < *k)) end = k;
  }
  return ParamBound{&read, *day, node->cmp, *end};
}

// What clause c pays on with conjunct `skip` (kNoConj: none) read as `instead`, and with its table's
// guards unless `freeTable`.
F Checker::payInstead(int c, std::size_t skip, const F& instead, bool freeTable) const {
  const ClauseData& d = cl_[static_cast<std::size_t>(c)];
  std::vector<F> parts{d.period.f};
  for (std::size_t i = 0; i < d.conj.size(); ++i) parts.push_back(i == skip ? instead : d.conj[i].f);
  std::vector<F> guards;
  for (const Cond& g : d.guards) guards.push_back(g.f);
  if (!guards.empty() && !freeTable) parts.push_back(F::any(std::move(guards)));
  return F::all(std::move(parts));
}

// Every bound of c on a dated read, with what c pays on but for it: a conjunct, or a bound reached
// through `且` and `或` at any depth (`(改造 且 (LPR 超 3.5% 或 人数 达 100 以上)) 或 …`), freed where the
// other conjuncts on its way hold and the other alternatives on its way do not, so that it is this
// bound the applicant misses; the union of a 分档 table's entries. A pair of clauses is reported at its
// first gap: the bounds of a conjunct and of an alternative of a conjunct come first, as they did
// before the deeper ones were searched, so that a pair keeps the finding it had.
std::vector<Checker::ParamSite> Checker::paramSites(int c) {
  std::vector<ParamSite> out, deeper;
  const ClauseData& d = cl_[static_cast<std::size_t>(c)];
  std::vector<Step> path;
  for (std::size_t i = 0; i < d.conjExprs.size(); ++i) boundSites(c, i, *d.conjExprs[i], path, out, deeper);
  if (auto b = tierBound(c)) out.push_back({*b, payInstead(c, kNoConj, F::t(), true)});
  out.insert(out.end(), std::make_move_iterator(deeper.begin()), std::make_move_iterator(deeper.end()));
  return out;
}

void Checker::boundSites(int c, std::size_t conj, const ir::Expr& e, std::vector<Step>& path,
                         std::vector<ParamSite>& out, std::vector<ParamSite>& deeper, bool negated) {
  std::vector<const ir::Expr*> reads;
  datedReads(e, reads);
  if (reads.empty()) return;
  // Under `非` the bound says the other side, and 且 and 或 trade places (De Morgan): `非 (P 不超过 v 或
  // 小额)` is `P 超 v 且 非 小额`.
  if (e.op == Op::Not && e.kids.size() == 1) return boundSites(c, conj, e.kids[0], path, out, deeper, !negated);
  if (auto b = paramBound(e)) {
    if (negated) {
      auto op = negatedBound(b->op);
      if (!op) return;
      b->op = *op;
    }
    // The parts beside the bound first, then those around them, inward out: each part of a
    // conjunction holds and each other alternative does not, as the parts read under their 非.
    std::vector<F> instead;
    for (auto step = path.rbegin(); step != path.rend(); ++step)
      for (std::size_t m = 0; m < step->parts.size(); ++m)
        if (m != step->taken) instead.push_back(tr_.cond(*step->parts[m], step->othersHold));
    const bool branch = std::any_of(path.begin(), path.end(), [](const Step& s) { return s.branch; });
    const bool shallow =
        path.empty() || (path[0].alternatives && (path.size() == 1 || (path.size() == 2 && !path[1].alternatives)));
    const ir::Expr* test = nullptr;
    for (const Step& s : path)
      if (s.test) test = s.test;
    (shallow && !branch ? out : deeper).push_back({*b, payInstead(c, conj, F::all(std::move(instead)), false), test});
    return;
  }
  // `若 t 则 a 否则 b`: a bound in a counts where t holds, one in b where it does not, and `非` passes
  // through to the branches (`非 (若 t 则 a 否则 b)` is `若 t 则 非 a 否则 非 b`).
  if (e.op == Op::If && e.kids.size() == 3) {
    for (std::size_t k = 1; k <= 2; ++k) {
      Step step;
      step.parts = {&e.kids[0], &e.kids[k]};
      step.taken = 1;
      step.othersHold = k == 1;
      step.branch = true;
      path.push_back(std::move(step));
      boundSites(c, conj, e.kids[k], path, out, deeper, negated);
      path.pop_back();
    }
    // A bound in t is two: t holding chooses a, t failing (its negation, read through 非 as any
    // condition) chooses b. Each is freed where its branch pays and the other does not, as read under
    // `非`: at a value past the bound the test chooses the other branch, which the applicant then
    // misses, so that it is this bound the applicant misses (`若 LPR 超 3.5% 则 制造业 否则 大额`: a
    // 制造业 enterprise with a small loan at 3.50 %). The test's own polarity is not turned by a `非`
    // around the 若.
    for (bool holds : {true, false}) {
      Step chosen, other;
      chosen.parts = {&e.kids[0], &e.kids[holds ? 1 : 2]};
      chosen.othersHold = !negated;
      other.parts = {&e.kids[0], &e.kids[holds ? 2 : 1]};
      other.othersHold = negated;
      chosen.branch = other.branch = true;
      chosen.test = &e;
      path.push_back(std::move(chosen));
      path.push_back(std::move(other));
      boundSites(c, conj, e.kids[0], path, out, deeper, !holds);
      path.pop_back();
      path.pop_back();
    }
    return;
  }
  Step step;
  step.alternatives = (e.op == Op::Or) != negated;
  step.othersHold = step.alternatives == negated;
  if (e.op == Op::Or) alternatives(e, step.parts);
  else split(e, step.parts);
  if (step.parts.size() < 2) return;  // a condition of another kind: no bound inside is its own
  path.push_back(std::move(step));
  for (std::size_t j = 0; j < path.back().parts.size(); ++j) {
    path.back().taken = j;
    boundSites(c, conj, *path.back().parts[j], path, out, deeper, negated);
  }
  path.pop_back();
}

std::string Checker::readName(const ParamBound& b) const {
  const ir::Parameter& par = p_.parameters[static_cast<std::size_t>(b.read->param)];
  if (b.read->kids.empty()) return par.name;
  return par.name + " 于 " + vars_[b.day.coef.begin()->first].name;
}

std::string Checker::paramValueText(const ParamBound& b, const Q& v) const {
  const ir::Parameter& par = p_.parameters[static_cast<std::size_t>(b.read->param)];
  auto d = v.toDecimal();
  return d ? eval::quantity(p_, *d, par.type) : v.str();
}

// Where the parameter has a value `keep` accepts, as a reader says it: `3.50%/年 from 2024-01-01 to
// 2024-12-31`, one period after another (without the values when there is only one).
std::string Checker::periodsText(const ParamBound& b, const std::function<bool(const Q&)>& keep,
                                 bool values) const {
  const ir::Parameter& par = p_.parameters[static_cast<std::size_t>(b.read->param)];
  auto periods = periodsOf(par);
  std::string out;
  for (std::size_t i = 0; periods && i < periods->size(); ++i) {
    if (!keep((*periods)[i].second)) continue;
    std::string when = i + 1 < periods->size() ? fmt::format("from {} to {}", ir::formatDate((*periods)[i].first),
                                                             ir::formatDate((*periods)[i + 1].first - 1))
                                               : fmt::format("from {} on", ir::formatDate((*periods)[i].first));
    out += (out.empty() ? "" : ", ") + (values ? paramValueText(b, (*periods)[i].second) + " " : "") + when;
  }
  return out;
}

// The value the witness reads.
std::optional<Q> Checker::paramValueAt(const ParamBound& b, const Assignment& model) const {
  auto day = valueIn(model, b.day.coef.begin()->first);
  auto periods = periodsOf(p_.parameters[static_cast<std::size_t>(b.read->param)]);
  if (!day || !periods) return std::nullopt;
  std::optional<Q> out;
  for (const auto& [from, value] : *periods)
    if (Q(from) <= *day) out = value;
  return out;
}

// Clause `lower` pays below a value of the read and `upper` above it. The values neither pays lie
// between their bounds: one value (`低于 3.5%` / `超 3.5%`, W0622) or a stretch (`低于 3.5%` / `达 3.6%
// 以上`, W0624, only when neither clause bounds the read on both sides: a band is drawn on purpose). A
// finding needs a period in which the parameter has such a value and an applicant, dated into it,
// whom both clauses would pay but for these bounds and whom the evaluator pays by no clause of the
// target and subject; a parameter that never takes the value, or not in force then, leaves nothing.
bool Checker::paramGapBetween(int lower, const ParamSite& low, int upper, const ParamSite& up, bool band) {
  const ParamBound &lo = low.bound, &hi = up.bound;
  const bool point = lo.value == hi.value;
  if (point ? !(strict(lo.op) && strict(hi.op)) : (!(lo.value < hi.value) || band)) return false;
  auto uncovered = [&](const Q& v) { return !allows(lo.op, lo.value, v) && !allows(hi.op, hi.value, v); };
  auto days = tr_.daysWhere(*lo.read, uncovered);
  if (!days) return false;
  Cond when = solver_.prepare(std::move(*days));
  Cond freedLow = solver_.prepare(low.freed), freedUp = solver_.prepare(up.freed);
  Answer ans = solver_.solve({&freedLow, &freedUp, &when}, touchOf({lower, upper}));
  if (ans.sat != Sat::Yes) return false;
  auto same = unpaid(lower, ans.model);
  if (!same || (!point && coveredBetween(*same, lower, upper, when))) return false;
  const std::string name = readName(lo);
  const std::string values = periodsText(lo, uncovered, !point);
  const std::string target = targetName(lower);
  Finding* f = nullptr;
  if (point) {
    // Reported at the clause listed first, as a gap on a number is.
    const int first = std::min(lower, upper), second = std::max(lower, upper);
    f = &add(FindingKind::TierGap, first,
             fmt::format("{} = {} (in force {}) falls between {} and {}: neither pays {} at the boundary ({} needs "
                         "less than it, {} more)",
                         name, paramValueText(lo, lo.value), values, cite(first), cite(second), target, cite(lower),
                         cite(upper)));
    noteOther(*f, second, "the other clause");
  } else {
    auto at = paramValueAt(lo, ans.model);
    f = &add(FindingKind::CaseRangeGap, lower,
             fmt::format("{} between {} and {} ({}) falls between {} and {}: one pays {} below that stretch, the "
                         "other above it, and no clause of {} pays inside it{}",
                         name, paramValueText(lo, lo.value), paramValueText(lo, hi.value), values, cite(lower),
                         cite(upper), target, target,
                         at ? " (the witness reads " + paramValueText(lo, *at) + ")" : ""));
    noteOther(*f, upper, "the clause paying above the stretch");
  }
  f->clauses = *same;
  attachWitness(*f, ans.model, subject(lower));
  return true;
}

bool Checker::parameterGap(int a, int b) {
  const std::vector<ParamSite> as = paramSites(a), bs = paramSites(b);
  auto sameRead = [](const ParamBound& x, const ParamBound& y) {
    return x.read->param == y.read->param && sameDay(x.day, y.day);
  };
  // A clause bounding the read from both sides pays a band, drawn on purpose; the two sides of one
  // 若's test are no band (each pays its branch on its side).
  auto bothSides = [&](const std::vector<ParamSite>& list, const ParamSite& x) {
    return std::any_of(list.begin(), list.end(), [&](const ParamSite& y) {
      return sameRead(x.bound, y.bound) && above(x.bound.op) != above(y.bound.op) && !(x.test && x.test == y.test);
    });
  };
  // Each pair of bounds from opposite sides may cost a solver query and an evaluation: at most
  // kGapPairsPerClausePair of them, as for the number search's boxes.
  std::size_t tried = 0;
  for (const ParamSite& x : as)
    for (const ParamSite& y : bs) {
      if (!sameRead(x.bound, y.bound) || above(x.bound.op) == above(y.bound.op)) continue;
      if (++tried > kGapPairsPerClausePair) {
        ++out_.stats.gapSearchesCut;
        gapCut_ = true;
        return false;
      }
      const bool band = bothSides(as, x) || bothSides(bs, y);
      if (above(y.bound.op) ? paramGapBetween(a, x, b, y, band) : paramGapBetween(b, y, a, x, band)) return true;
    }
  return false;
}

// A 分情形 table whose every key compares one dated read with a constant (`分情形 { LPR一年期 超 3.5%/年:
// …; LPR一年期 低于 3.5%/年: … }`), beside other conditions or alone: the values no case allows,
// between a case paying below them and one paying above, for an applicant the clause pays but for its
// table, meeting the other conditions of a case paying below and of one paying above (`改造 且 LPR一年期
// 超 3.5%/年` and `改造 且 LPR一年期 低于 3.5%/年` leave 3.50 % to 改造 projects; beside `非改造 且 …
// 低于 …` it is a division by kind), dated into a period with such a value. The boxes of such keys are
// periods of the date, which caseBounds would name as a stretch of dates; named here by the
// parameter's values. Whether it reported one (else caseBounds reads the table as it reads any, for
// two cases that both hold a period, W0625).
bool Checker::caseParamGap(const Table& t) {
  if (t.node->op != Op::Cases) return false;
  // Each key's bounds on the read, at most one from each side (a band, `LPR一年期 达 3.4%/年 以上 且
  // LPR一年期 低于 3.55%/年`, has both), and its other conditions, read through 非 (`非 (LPR一年期 达
  // 3.5%/年 以上 或 小额)` bounds it below 3.5 % beside `非 小额`).
  struct KeyRange {
    std::optional<ParamBound> low, high;
    bool allows(const Q& v) const {
      return (!low || polc::check::allows(low->op, low->value, v)) && (!high || polc::check::allows(high->op, high->value, v));
    }
  };
  std::vector<std::optional<KeyRange>> range;
  std::vector<std::vector<std::pair<const ir::Expr*, bool>>> others;
  std::optional<ParamBound> first;
  for (const auto& en : t.node->entries) {
    if (en.key.empty()) return false;
    std::vector<std::pair<const ir::Expr*, bool>> parts;
    keyConjuncts(en.key[0], false, parts);
    KeyRange k;
    others.emplace_back();
    for (const auto& [part, holds] : parts) {
      auto pb = paramBound(*part);
      if (pb && !holds) {
        auto op = negatedBound(pb->op);
        if (op) pb->op = *op;
        else pb.reset();
      }
      if (!pb) {
        others.back().push_back({part, holds});
        continue;
      }
      std::optional<ParamBound>& side = above(pb->op) ? k.low : k.high;
      if (side) return false;  // two bounds on one side: written in a way this search does not read
      side = pb;
    }
    range.push_back(k.low || k.high ? std::optional<KeyRange>(k) : std::nullopt);
    if (!range.back()) continue;
    const ParamBound& b = k.low ? *k.low : *k.high;
    if (first && (b.read->param != first->read->param || !sameDay(b.day, first->day))) return false;
    if (!first) first = b;
    if (k.low && k.high && (k.high->read->param != k.low->read->param || !sameDay(k.high->day, k.low->day))) return false;
  }
  if (!first) return false;
  // The other conditions of the cases paying below and above; the cases that do not bound the read
  // (`非 改造: 3万元`), which the witness must miss.
  std::vector<F> belowRest, aboveRest, missed;
  for (std::size_t i = 0; i < range.size(); ++i) {
    if (!range[i]) {
      missed.push_back(tr_.cond(t.node->entries[i].key[0], false));
      continue;
    }
    std::vector<F> rest;
    for (const auto& [part, holds] : others[i]) rest.push_back(tr_.cond(*part, holds));
    F all = F::all(std::move(rest));
    if (range[i]->high) belowRest.push_back(all);
    if (range[i]->low) aboveRest.push_back(all);
  }
  // The values between the top of a case (`lo`, its upper bound) and the nearest bottom of a case at or
  // above it (`hi`) that no case allows: a stretch with a case paying below and one paying above. The
  // highest top first, so that the stretch is named by the bounds nearest to it.
  std::vector<const ParamBound*> tops;
  for (const auto& k : range)
    if (k && k->high) tops.push_back(&*k->high);
  std::stable_sort(tops.begin(), tops.end(), [](const ParamBound* x, const ParamBound* y) { return y->value < x->value; });
  const ParamBound *lo = nullptr, *hi = nullptr;
  std::function<bool(const Q&)> uncovered;
  std::optional<F> days;
  for (const ParamBound* top : tops) {
    const ParamBound* next = nullptr;
    for (const auto& k : range) {
      if (!k || !k->low || k->low->value < top->value) continue;
      if (!next || k->low->value < next->value || (k->low->value == next->value && strict(next->op))) next = &*k->low;
    }
    if (!next) continue;
    if (next->value == top->value && !(strict(top->op) && strict(next->op))) continue;
    const ParamBound& below = *top;
    auto gap = [&range, &below, next](const Q& v) {
      if (polc::check::allows(below.op, below.value, v) || polc::check::allows(next->op, next->value, v)) return false;
      for (const auto& k : range)
        if (k && k->allows(v)) return false;
      return true;
    };
    if (auto d = tr_.daysWhere(*below.read, gap)) {
      lo = &below;
      hi = next;
      uncovered = gap;
      days = std::move(d);
      break;
    }
  }
  if (!days) return false;
  const bool point = lo->value == hi->value;
  const int c = t.clause;
  missed.push_back(std::move(*days));
  missed.push_back(F::any(std::move(belowRest)));
  missed.push_back(F::any(std::move(aboveRest)));
  Answer a = paysWith(c, solver_.prepare(F::all(std::move(missed))));
  if (a.sat != Sat::Yes) return false;
  if (!paysNothing(c, a.model)) return false;
  const std::string name = readName(*lo), values = periodsText(*lo, uncovered, !point);
  Finding& f =
      point ? add(FindingKind::TierGap, c,
                  fmt::format("{} = {} (in force {}) is covered by no case of {}: one case ends below it and the next "
                              "starts above it, so the clause pays nothing there",
                              name, paramValueText(*lo, lo->value), values, cite(c)))
            : add(FindingKind::CaseRangeGap, c,
                  fmt::format("{} between {} and {} ({}) is covered by no case of {}: the cases pay below and above "
                              "that stretch, and nothing inside it",
                              name, paramValueText(*lo, lo->value), paramValueText(*lo, hi->value), values, cite(c)));
  if (t.node->span.valid()) f.span = t.node->span;
  attachWitness(f, a.model, subject(c));
  return true;
}

}  // namespace polc::check
