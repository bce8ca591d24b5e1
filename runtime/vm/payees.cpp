// The warnings about an award paid to one of several payee items (Session::warnings()): polc eval
// gives them from its facts reader, which the runtime cannot use, so they are found here in the
// program's tables and the session's items, by the shared header's rule and words.
#include "decimal/payee_words.h"
#include "vm/vm.h"

namespace polrt {

// Every evaluator pays such an award to the first of the items; the policy does not say how to
// share it (docs/facts.md). After the evaluation, for the awards it grants, and after
// warnUncounted (evaluate() empties the list first): polc eval's order.
void Session::warnSharedPayees() {
  // Asked only for an item listing several payees: a pass over the awards.
  auto granted = [&](int c, int item) {
    for (int a = 0; a < nawards_; ++a) {
      const AwardR& aw = awards_[a];
      if (aw.clause == c && aw.payeeInstance == item && grantsPayee(static_cast<int>(aw.status), aw.kind, aw.hi))
        return true;
    }
    return false;
  };
  polrt::sharedPayeeWarnings(
      payeesBelow_, p_.clauses, ninst_, [&](int i) { return inst_[static_cast<std::size_t>(i)].subject; },
      [&](int i) { return inst_[static_cast<std::size_t>(i)].parent; },
      [&](int s, int ancestor) { return p_.ownedBy(s, ancestor); }, [&](int i) { return instancePath(i); },
      [&](int s) { return p_.str(p_.subjects[static_cast<std::size_t>(s)].name); },
      [&](const ClauseDef& cl) { return p_.str(cl.citation); }, granted, warnings_);
}

}  // namespace polrt
