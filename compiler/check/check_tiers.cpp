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
bool Checker::paysLess(const Shape& x, const Shape& y) const {
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

std::string Checker::shapeText(const Shape& s) const {
  if (s.kind == Shape::Const) {
    auto h = s.maxHi();
    return h && h->toDecimal() ? eval::money(*h->toDecimal()) : "?";
  }
  return s.expr ? s.expr->source : "?";
}

void Checker::tiers() {
  for (std::size_t c = 0; c < p_.clauses.size(); ++c) {
    ClauseData& d = cl_[c];
    if (payIndex_[c] < 0 || !d.pay || d.dead) continue;
    const ir::Expr* node = tableOf(p_.clauses[c].amount[0]);
    if (!node || node->entries.size() < 2 || node->entries.size() > 16) continue;
    table(static_cast<int>(c), *node);
  }
}

void Checker::table(int c, const ir::Expr& node) {
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

void Checker::caseGaps(int c, const ir::Expr& node, const std::vector<Cond>& key) {
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

}  // namespace polc::check
