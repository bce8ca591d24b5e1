#include "check/extent.h"

namespace polc::check {

namespace {

// The end of one variable's interval in the box; nullopt when it is open on that side.
std::optional<AtBound> endOf(const Boxes& boxes, const Box& m, int var, bool low) {
  const Dom* found = boxes.find(m, var);
  const Dom d = found ? *found : boxes.initial(var);
  if (low ? !d.num.hasLo : !d.num.hasHi) return std::nullopt;
  return AtBound{var, low ? d.num.lo : d.num.hi, low ? d.num.loStrict : d.num.hiStrict};
}

// Whether x is a tighter lowest (highest) end than y: the form is surely above (below) it.
bool tighter(const End& x, const End& y, bool low) {
  if (x.value != y.value) return low ? x.value > y.value : x.value < y.value;
  return x.strict && !y.strict;
}

// Whether x is a looser lowest (highest) end than y: some applicant goes further.
bool looser(const End& x, const End& y, bool low) { return tighter(y, x, low); }

// The form's end in one box, from its parts one by one.
std::optional<End> byParts(const Boxes& boxes, const Box& m, const Lin& form, bool low) {
  End out;
  out.value = form.c;
  for (const auto& [var, k] : form.coef) {
    auto at = endOf(boxes, m, var, (k.sign() > 0) == low);
    if (!at) return std::nullopt;
    out.value = out.value + k * at->value;
    out.strict = out.strict || at->strict;
    out.parts.push_back(*at);
  }
  return out;
}

// The form's end in one box from the interval of its own sum, when a condition bounds it.
std::optional<End> bySum(const Boxes& boxes, const VarTable& vars, const Box& m, const Lin& form, bool low) {
  if (form.coef.size() < 2) return std::nullopt;
  const Q k = form.coef.begin()->second;
  Terms terms;
  for (const auto& [var, c] : form.coef) terms.push_back({var, c / k});
  int sum = vars.findSum(terms);
  if (sum < 0 || !boxes.find(m, sum)) return std::nullopt;
  auto at = endOf(boxes, m, sum, (k.sign() > 0) == low);
  if (!at) return std::nullopt;
  return End{k * at->value + form.c, at->strict, {*at}};
}

// The same when the parts are paid at different rates (`设备投入 × 10% + 投资 × 20%` under a condition
// on `设备投入 + 投资`): with every part at least 0 and the sum Σ c·x bounded, Σ k·x lies between the
// lowest and the highest k/c times the sum. A bound, reached when all of the sum sits in one part.
std::optional<End> byWeightedSum(const Boxes& boxes, const VarTable& vars, const Box& m, const Lin& form, bool low) {
  if (form.coef.size() < 2) return std::nullopt;
  for (const Dom& d : m.doms) {
    const VarInfo& v = vars[d.var];
    if (v.kind != VarKind::Sum || v.terms.size() != form.coef.size()) continue;
    std::optional<Q> ratio;  // the lowest (highest) k/c
    bool fits = true;
    for (const auto& [part, c] : v.terms) {
      auto k = form.coef.find(part);
      auto floor = endOf(boxes, m, part, true);
      if (k == form.coef.end() || c.sign() <= 0 || k->second.sign() <= 0 || !floor || floor->value.sign() < 0) {
        fits = false;
        break;
      }
      Q r = k->second / c;
      if (!ratio || (low ? r < *ratio : r > *ratio)) ratio = r;
    }
    if (!fits || !ratio) continue;
    auto at = endOf(boxes, m, d.var, low);
    if (!at) continue;
    return End{*ratio * at->value + form.c, at->strict, {*at}};
  }
  return std::nullopt;
}

std::optional<End> endIn(const Boxes& boxes, const VarTable& vars, const Box& m, const Lin& form, bool low) {
  auto parts = byParts(boxes, m, form, low);
  auto sum = bySum(boxes, vars, m, form, low);
  if (!sum) sum = byWeightedSum(boxes, vars, m, form, low);
  if (parts && sum) return tighter(*sum, *parts, low) ? sum : parts;
  return parts ? parts : sum;
}

}  // namespace

Extent extentOf(const Boxes& boxes, const VarTable& vars, const std::vector<Box>& a, const std::vector<Box>& b,
                const Lin& form) {
  Extent out;
  bool openBelow = false, openAbove = false;
  try {
    for (const Box& x : a)
      for (const Box& y : b) {
        Box m = boxes.meet(x, y);
        if (!boxes.sat(m)) continue;
        out.any = true;
        // One box open on a side leaves the form unbounded there, whatever the others say.
        auto lo = endIn(boxes, vars, m, form, true);
        if (!lo) openBelow = true;
        else if (!out.lo || looser(*lo, *out.lo, true)) out.lo = lo;
        auto hi = endIn(boxes, vars, m, form, false);
        if (!hi) openAbove = true;
        else if (!out.hi || looser(*hi, *out.hi, false)) out.hi = hi;
      }
  } catch (const ArithOverflow&) {
    return Extent{out.any, std::nullopt, std::nullopt};
  }
  if (openBelow) out.lo.reset();
  if (openAbove) out.hi.reset();
  return out;
}

}  // namespace polc::check
