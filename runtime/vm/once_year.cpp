// The warnings about an award received in the evaluation year under a 一次性 clause that the result
// pays again (Session::warnings()): polc eval gives them from its facts reader, which the runtime
// cannot use, so they are found here in the session's awards received, by the shared header's rule
// and words.
#include "decimal/once_year_words.h"
#include "vm/vm.h"

namespace polrt {

// 一次性 counts an award of an earlier year only; whether a re-evaluation in the same year pays it
// again is the policy owner's to say. After warnSharedPayees: polc eval's order.
void Session::warnOnceThisYear() {
  auto granted = [&](int c, int item) {
    for (int a = 0; a < nawards_; ++a) {
      const AwardR& aw = awards_[a];
      if (aw.clause == c && aw.instance == item && grantsPayee(static_cast<int>(aw.status), aw.kind, aw.hi)) return true;
    }
    return false;
  };
  auto at = [&](int r) -> const Received& { return received_[static_cast<std::size_t>(r)]; };
  onceThisYearWarnings(
      nrecv_, p_.clauses, year_, [&](int r) { return at(r).clause; }, [&](int r) { return at(r).year; },
      [&](int r) { return at(r).instance; }, [&](int i) { return instancePath(i); },
      [&](const ClauseDef& cl) { return p_.str(cl.citation); }, granted, warnings_);
}

}  // namespace polrt
