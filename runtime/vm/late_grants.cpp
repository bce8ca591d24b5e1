// The warnings about recognitions granted after the evaluation date (Session::warnings()): polc
// eval gives them from its facts reader, which the runtime cannot use, so they are found here in
// the session's own grants, by the rule every evaluator tests a grant with, and worded by the
// shared header.
#include "decimal/late_grant_words.h"
#include "text/text.h"
#include "vm/vm.h"

namespace polrt {

// Such a grant is not held on the evaluation date, so no clause counts it, nor its 新认定: the
// applicant may expect it to count. Instances, facts and grants in the order they were added:
// polc eval's when they were added in its facts file's order.
void Session::warnLateGrants() {
  for (int i = 0; i < ninst_; ++i) {
    const Instance& in = inst_[static_cast<std::size_t>(i)];
    const auto& slots = p_.subjects[static_cast<std::size_t>(in.subject)].facts;
    for (std::size_t f = 0; f < slots.size(); ++f) {
      if (slots[f].kind != bc::kRecog || !in.present[f]) continue;
      const auto& members = p_.enums[p_.types[slots[f].type].enumIndex].members;
      lateGrants(
          in.grants[f], evalDate_, [](const std::pair<int, int>& g) { return g.first; },
          [](const std::pair<int, int>& g) { return g.second; },
          [&](const std::pair<int, int>& g) {
            // The setters and a recorded applicant's loader accept members of its enum only; a
            // warning is no place to find out otherwise.
            if (g.first < 0 || static_cast<std::size_t>(g.first) >= members.size()) return;
            const std::string& member = p_.str(members[static_cast<std::size_t>(g.first)]);
            std::string& w = newWarning();  // written in place: many of a batch's applicants have one
            w.append(instancePath(i)).append(".").append(p_.str(slots[f].name)).append(".").append(member);
            appendLateGrantWords(w, text::formatDate(g.second), text::formatDate(evalDate_));
          });
    }
  }
}

}  // namespace polrt
