#include "eval/eval.h"

namespace polc::eval {

polrt::FundingGap fundingGap(const Award& aw) {
  return polrt::fundingGap(aw.counted(), aw.hasAmount(), !aw.funding.empty(), !aw.fundingArrangement.empty(),
                           aw.fundingUndecided);
}

polrt::GapTotals gapTotals(const Result& r) {
  polrt::GapTotals out;
  for (const Award& aw : r.awards)
    out.add(fundingGap(aw), aw.fundingArrangement, !aw.mayBeReplacedBy.empty(), aw.hasAmount(), aw.lo, aw.hi);
  return out;
}

}  // namespace polc::eval
