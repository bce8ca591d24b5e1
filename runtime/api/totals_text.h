// The strings of the result's totals as the C API gives them (polrt_total, polrt_total_count's
// may_be_replaced, polrt_total_arrangement*, polrt_total_payer_min/_max), made in one pass when the first of those getters is
// read after an evaluation. The gaps' totals (Session::gapTotals) are a pass over every award and
// build the arrangements' list: made at each getter call, a reader of the eight gap totals and of
// each arrangement's words, min and max redid that pass, and allocated, every time.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "decimal/funding_gap.h"
#include "vm/vm.h"

namespace polrt {

struct TotalsText {
  struct Sum {
    std::string lo, hi;
  };
  // polrt_total's names, each with its string.
  std::vector<std::pair<std::string_view, std::string>> named;
  int mayBeReplacedCount = 0;
  std::vector<std::pair<std::string, Sum>> byArrangement;  // words and sum, as GapTotals keeps them
  std::vector<Sum> byPayer;  // by the program's payer index, as TotalsR::byPayer (unused payers too)

  explicit TotalsText(const Session& s) {
    auto text = [](const Decimal& d) { return d.normalized().toString(); };
    const TotalsR& t = s.totals();
    named = {{"exact", text(t.exact)}, {"up_to", text(t.upTo)}, {"range_min", text(t.rangeLo)},
             {"range_max", text(t.rangeHi)}, {"min", text(t.lo)}, {"max", text(t.hi)}};
    const GapTotals gaps = s.gapTotals();
    named.insert(named.end(), {{"no_funding_rule_min", text(gaps.noRule.lo)}, {"no_funding_rule_max", text(gaps.noRule.hi)},
                               {"funding_undecided_min", text(gaps.undecided.lo)},
                               {"funding_undecided_max", text(gaps.undecided.hi)},
                               {"may_be_replaced_min", text(gaps.mayBeReplaced.lo)},
                               {"may_be_replaced_max", text(gaps.mayBeReplaced.hi)}});
    mayBeReplacedCount = gaps.mayBeReplaced.count;
    for (const auto& [words, sum] : gaps.byArrangement)
      byArrangement.push_back({words, Sum{text(sum.lo), text(sum.hi)}});
    byPayer.reserve(t.byPayer.size());
    for (const auto& [lo, hi] : t.byPayer) byPayer.push_back(Sum{text(lo), text(hi)});
  }

  // The string polrt_total gives for `which`, null for another name.
  const char* total(std::string_view which) const {
    for (const auto& [name, value] : named)
      if (name == which) return value.c_str();
    return nullptr;
  }
};

}  // namespace polrt
