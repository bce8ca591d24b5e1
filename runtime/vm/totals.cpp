// Step 10 of docs/ir.md: totals per applicant and per payer.
#include "vm/vm.h"

#include "text/text.h"
#include "vm/vm_detail.h"

namespace polrt {

using namespace bc;
using namespace detail;

// ---- step 10: totals ------------------------------------------------------------------------------

// No awards and zero totals: what a session shows after reset() or a failed evaluation, never the
// previous applicant's result (a batch's done() callback reads it whatever the status).
void Session::clearResult() {
  clearAwards();
  clearWarnings();
}

// The warnings go, their strings kept for newWarning(): a batch warns of many applicants, and the
// texts built anew at each evaluation were most of its allocations (4.55 an applicant).
void Session::clearWarnings() {
  for (std::string& w : warnings_) spareWarnings_.push_back(std::move(w));
  warnings_.clear();
}

// An empty warning at the end of the list, in an earlier warning's storage when there is one.
std::string& Session::newWarning() {
  if (spareWarnings_.empty()) return warnings_.emplace_back();
  warnings_.push_back(std::move(spareWarnings_.back()));
  spareWarnings_.pop_back();
  warnings_.back().clear();
  return warnings_.back();
}

// A document without clauses cannot be why a clause is absent: it is not listed (as polc eval's).
void Session::listNotInForce() {
  for (std::size_t d = 0; d < p_.documents.size(); ++d) {
    if (docActive_[d]) continue;
    for (const ClauseDef& c : p_.clauses)
      if (c.document == static_cast<int32_t>(d)) {
        notInForce_.push_back(static_cast<int>(d));
        break;
      }
  }
}

void Session::clearAwards() {
  nawards_ = 0;
  notInForce_.clear();
  TotalsR& t = totals_;
  t.exact = t.upTo = t.rangeLo = t.rangeHi = t.lo = t.hi = Decimal();
  t.exactCount = t.upToCount = t.rangeCount = 0;
  t.benefits = t.negotiated = t.dropped = t.notAssessable = t.alreadyReceived = 0;
  std::fill(t.payerUsed.begin(), t.payerUsed.end(), 0);
  for (auto& b : t.byPayer) b = {Decimal(), Decimal()};
}

void Session::computeTotals() {
  TotalsR& t = totals_;
  for (int i = 0; i < nawards_; ++i) {
    const AwardR& aw = awards_[i];
    auto plus = [&](const Decimal& a, const Decimal& b) {
      // Sums start at zero and upper-bounded awards add a zero lower end: adding a zero with no
      // more decimals than the other operand gives that operand, digits and scale, as add() would.
      if (a.isZero() && a.scale() <= b.scale()) return b;
      if (b.isZero() && b.scale() <= a.scale()) return a;
      Decimal out;
      if (auto e = polrt::add(a, b, out); e != ArithError::None)
        failAt(Where("合计（加上 ", p_.strings[p_.clauses[aw.clause].citation], " 时）"), e);
      return out;
    };
    if (aw.status == AwardStatus::Dropped) { ++t.dropped; continue; }
    if (aw.status == AwardStatus::NotAssessable) { ++t.notAssessable; continue; }
    if (aw.status == AwardStatus::AlreadyReceived) { ++t.alreadyReceived; continue; }
    if (aw.kind == kBenefit) { ++t.benefits; continue; }
    if (aw.kind == kNegotiated) { ++t.negotiated; continue; }
    if (aw.kind != kPay) continue;
    switch (aw.form) {
      case kExact: t.exact = plus(t.exact, aw.hi); ++t.exactCount; break;
      case kUpTo: t.upTo = plus(t.upTo, aw.hi); ++t.upToCount; break;
      default:
        t.rangeLo = plus(t.rangeLo, aw.lo);
        t.rangeHi = plus(t.rangeHi, aw.hi);
        ++t.rangeCount;
        break;
    }
    t.lo = plus(t.lo, aw.lo);
    t.hi = plus(t.hi, aw.hi);
    for (uint32_t k = 0; k < aw.fundingCount; ++k) {
      const FundingPartR& f = fundingPool_[aw.fundingBegin + k];
      uint32_t payer = p_.payerOfString[f.payer];
      auto& sum = t.byPayer[payer];
      t.payerUsed[payer] = 1;
      sum.first = plus(sum.first, f.lo);
      sum.second = plus(sum.second, f.hi);
    }
  }
}

}  // namespace polrt
