// The totals beside the payers' (docs/eval-output.md, "totals"), in one place for every evaluator:
// polc eval's JSON and text (compiler/driver), its batch summary, the C API (runtime/api, from the
// VM's session) and the generated C++'s Result (polc_decimal.h carries this header). Each used to
// sort the kept awards itself, and the driver told an award whose funding rule needs a fact not
// given by the words of its note, which a clause's own 释义 could begin with too; every evaluator
// now keeps that as a flag on the award and classifies it here.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "decimal/decimal.h"

namespace polrt {

// Why a kept award that pays is in no payer's total, so that the lines add up to the total: its
// funding rule is an arrangement in words (按现行财政体制执行), no funding rule of its document covers
// it (there are none, or none applies), or a rule's condition needs a fact not given. None: split
// among payers, or not a kept award that pays.
enum class FundingGap { None, Arrangement, NoRule, Undecided };

// `split`: the award has payers' parts; `arrangement`: its rule is one in words; `undecided`: a
// rule's condition needed a fact the applicant did not give (the award's flag, never its note).
inline FundingGap fundingGap(bool counted, bool hasAmount, bool split, bool arrangement, bool undecided) {
  if (!counted || !hasAmount || split) return FundingGap::None;
  if (arrangement) return FundingGap::Arrangement;
  return undecided ? FundingGap::Undecided : FundingGap::NoRule;
}

// How many awards and the sum of their ends. Parts of the result's total, which was summed without
// overflow: their sums cannot overflow either.
struct RangeSum {
  int count = 0;
  Decimal lo, hi;
  void add(const Decimal& l, const Decimal& h) {
    Decimal a, b;
    (void)polrt::add(lo, l, a);
    (void)polrt::add(hi, h, b);
    lo = a;
    hi = b;
    ++count;
  }
};

// The JSON's by_arrangement (in the arrangements' byte order, as by_payer), no_funding_rule,
// funding_undecided and may_be_replaced: the kept awards a non-stacking group may still drop once a
// member not assessable is (polrt::replaceableNote), how many and how much of the total.
struct GapTotals {
  std::vector<std::pair<std::string, RangeSum>> byArrangement;
  RangeSum noRule, undecided, mayBeReplaced;

  // One award: its gap (fundingGap), its arrangement's words when that is the gap, whether some
  // group may still replace it, and its ends.
  void add(FundingGap gap, const std::string& arrangement, bool replaceable, bool hasAmount, const Decimal& l,
           const Decimal& h) {
    if (replaceable && hasAmount) mayBeReplaced.add(l, h);
    if (gap == FundingGap::NoRule) noRule.add(l, h);
    if (gap == FundingGap::Undecided) undecided.add(l, h);
    if (gap != FundingGap::Arrangement) return;
    auto at = byArrangement.begin();
    while (at != byArrangement.end() && at->first < arrangement) ++at;
    if (at == byArrangement.end() || at->first != arrangement) at = byArrangement.insert(at, {arrangement, RangeSum()});
    at->second.add(l, h);
  }

  // The canonical line the evaluators are compared by (polc_rt::summary, tests/differential).
  std::string canonical() const {
    auto sum = [](const RangeSum& s) {
      return std::to_string(s.count) + " " + s.lo.normalized().toString() + " " + s.hi.normalized().toString();
    };
    std::string out = "gaps | no_rule " + sum(noRule) + " | undecided " + sum(undecided) + " | may_be_replaced " +
                      sum(mayBeReplaced);
    for (const auto& a : byArrangement) out += " | " + a.first + " " + sum(a.second);
    return out + "\n";
  }
};

}  // namespace polrt
