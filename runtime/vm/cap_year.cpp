// The warnings about an award received in the evaluation year that a 累计 or 年度 cap took to be the
// result's own award and did not count a second time (Session::warnings()): polc eval gives them
// from its facts reader, which the runtime cannot use, so they are found here in the session's
// awards received, by the shared header's rule and words.
#include "decimal/cap_year_words.h"
#include "vm/vm.h"

namespace polrt {

// The cap did as caps.cpp does (capCountsAward); if the award received is another one, the result
// may pay more than the cap allows. After warnOnceThisYear: polc eval's order.
void Session::warnCapThisYear() {
  auto pays = [&](int c, int item) {
    for (int a = 0; a < nawards_; ++a) {
      const AwardR& aw = awards_[a];
      if (aw.clause == c && aw.instance == item &&
          capPaysOwn(static_cast<int>(aw.status), static_cast<int>(aw.kind), aw.computedHi))
        return true;
    }
    return false;
  };
  auto at = [&](int r) -> const Received& { return received_[static_cast<std::size_t>(r)]; };
  capThisYearWarnings(
      nrecv_, p_.caps, p_.clauses, year_, [&](int r) { return at(r).clause; }, [&](int r) { return at(r).year; },
      [&](int r) { return at(r).instance; }, [&](int i) { return instancePath(i); },
      [&](uint32_t text) { return p_.str(text); }, [&](const ClauseDef& cl) { return p_.str(cl.citation); }, pays,
      warnings_);
}

}  // namespace polrt
