// Step 7 of docs/ir.md: caps over several clauses (累计, 总额 and the like).
#include "vm/vm.h"

#include <algorithm>

#include "decimal/award_words.h"
#include "decimal/cap_year_words.h"
#include "decimal/eval_errors.h"
#include "text/text.h"
#include "vm/vm_detail.h"

namespace polrt {

using namespace bc;
using namespace detail;

// ---- step 7: caps over several clauses ------------------------------------------------------------

void Session::cap(const CapDef& k, bool trial) {
  auto lo = [&](int i) -> Decimal& { return trial ? trial_[i].first : awards_[i].lo; };
  auto hi = [&](int i) -> Decimal& { return trial ? trial_[i].second : awards_[i].hi; };
  capParts_.clear();
  for (int i = 0; i < nawards_; ++i) {
    const AwardR& aw = awards_[i];
    if (aw.kind != kPay || !aw.counted() || !k.covers[aw.clause]) continue;
    int owner = ownerInstance(aw.instance, k.per);
    if (owner >= 0) capParts_.push_back(Part{owner, 0, i});
  }
  if (capParts_.empty()) return;
  std::sort(capParts_.begin(), capParts_.end(), [](const Part& a, const Part& b) {
    return a.key != b.key ? a.key < b.key : a.award < b.award;
  });
  const Decimal& amount = p_.decimals[k.amount];
  const std::string& name = p_.strings[k.name];
  // `what` is named by its two parts, joined only on an overflow: building it for every term
  // allocated once per term (citations are longer than a short string holds).
  auto sum = [&](const Decimal& a, const Decimal& b, const char* kind, const std::string& what) {
    Decimal out;
    if (auto e = polrt::add(a, b, out); e != ArithError::None)
      failAt("上限 " + name + "（加上" + kind + what + " 时）", e);
    return out;
  };
  for (std::size_t s = 0; s < capParts_.size();) {
    std::size_t e = s + 1;
    while (e < capParts_.size() && capParts_[e].key == capParts_[s].key) ++e;
    int owner = capParts_[s].key;
    Decimal received;
    // An award received this year of a member's clause and item is that member, evaluated again:
    // not counted a second time (cap_year_words.h).
    auto pays = [&](int c, int item) {
      for (std::size_t m = s; m < e; ++m) {
        const AwardR& aw = awards_[capParts_[m].award];
        if (aw.clause == c && aw.instance == item &&
            capPaysOwn(static_cast<int>(aw.status), static_cast<int>(aw.kind), aw.computedHi))
          return true;
      }
      return false;
    };
    auto at = [&](int r) -> const Received& { return received_[static_cast<std::size_t>(r)]; };
    for (int ri = 0; k.period != kPeriodOnce && ri < nrecv_; ++ri) {
      const Received& r = at(ri);
      if (r.clause < 0 || !k.covers[r.clause]) continue;
      if (ownerInstance(r.instance, k.per) != owner) continue;
      if (!capCountsAward(
              k.period, ri, year_, [&](int x) { return at(x).clause; }, [&](int x) { return at(x).year; },
              [&](int x) { return at(x).instance; }, pays))
        continue;
      received = sum(received, r.amount, "已获奖励 ", r.citation);
    }
    Decimal sumLo = received, sumHi = received;
    for (std::size_t m = s; m < e; ++m) {
      int i = capParts_[m].award;
      const std::string& cit = p_.strings[p_.clauses[awards_[i].clause].citation];
      sumLo = sum(sumLo, lo(i), " ", cit);
      sumHi = sum(sumHi, hi(i), " ", cit);
    }
    const Where where("上限 ", name, "");
    // Compared first, as the reference evaluator: a cap far above the sum would overflow.
    std::string taking;
    if (sumHi > amount) {
      std::size_t best = s;
      for (std::size_t m = s; m < e; ++m)
        if (hi(capParts_[m].award) > hi(capParts_[best].award)) best = m;
      taking = capExcessPlace(name, p_.strings[p_.clauses[awards_[capParts_[best].award].clause].citation]);
    }
    Decimal excessHi = sumHi > amount ? minusAt(sumHi, amount, Where(taking)) : Decimal();
    Decimal excessLo = sumLo > amount ? minusAt(sumLo, amount, Where(taking)) : Decimal();
    if (!(excessHi.isZero() && excessLo.isZero())) {
      std::sort(capParts_.begin() + static_cast<long>(s), capParts_.begin() + static_cast<long>(e), [&](const Part& x, const Part& y) {
        const AwardR& a = awards_[x.award];
        const AwardR& b = awards_[y.award];
        return a.clause != b.clause ? a.clause > b.clause : a.instance > b.instance;
      });
      Decimal headExcess = excessHi;
      for (std::size_t m = s; m < e; ++m) {
        if (excessHi.isZero() && excessLo.isZero()) break;
        int i = capParts_[m].award;
        Decimal cutHi = min(hi(i), excessHi);
        Decimal cutLo = min(lo(i), excessLo);
        if (cutHi.isZero() && cutLo.isZero()) continue;
        hi(i) = minusAt(hi(i), cutHi, where);
        lo(i) = minusAt(lo(i), cutLo, where);
        if (lo(i) > hi(i)) lo(i) = hi(i);
        excessHi = minusAt(excessHi, cutHi, where);
        excessLo = minusAt(excessLo, cutLo, where);
        if (trial) {
          if (explain_) cuts_.push_back(Cut{i, static_cast<int>(&k - p_.caps.data()), lo(i), hi(i)});
          continue;
        }
        AwardR& aw = awards_[i];
        aw.capped = true;
        if (aw.status == AwardStatus::Kept) aw.status = AwardStatus::Capped;
        aw.reason = ReasonKind::Capped;
        aw.cap = static_cast<int>(&k - p_.caps.data());
        aw.capSumHi = sumHi;
        aw.capReceived = received;
        aw.capExcess = headExcess;
        if (explain_) {
          explainLine(aw, std::string(capKind(k.period)) + "：" + reasonText(aw));
          explainNotes(aw, name, k.notes);
        }
      }
    }
    s = e;
  }
}

}  // namespace polrt
