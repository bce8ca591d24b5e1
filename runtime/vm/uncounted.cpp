// The warnings about awards received given by their target alone (Session::warnings()): polc eval
// gives them from its facts reader, which the runtime cannot use, so the same rules are found here
// in the program's own tables — caps with their period, 每个 subject and clauses; clauses with their
// target, subject and 一次性 flag; subjects with their owners — and worded by the shared header.
#include "decimal/uncounted_words.h"
#include "vm/vm.h"

namespace polrt {

// Such an award names no clause, so the caps over several clauses and the 一次性 clauses of its
// target do not count it (docs/facts.md): the evaluation may pay more than the agency expects.
// Only an applicant with such an award pays for more than this loop: most have none.
void Session::warnUncounted() {
  std::vector<std::string> rules;
  for (int r = 0; r < nrecv_; ++r) {
    const Received& aw = received_[static_cast<std::size_t>(r)];
    if (aw.clause >= 0 || aw.target < 0) continue;  // named by its clause: every rule counts it
    rules.clear();
    uncountedRules(aw, rules);
    if (rules.empty()) continue;
    // Its place among its instance's awards received, as the facts file's array numbers it.
    int k = 0;
    for (int j = 0; j < r; ++j) k += received_[static_cast<std::size_t>(j)].instance == aw.instance;
    const std::string where = instancePath(aw.instance) + ".已获奖励[" + std::to_string(k) + "]";
    warnings_.push_back(uncountedWarning(where, p_.str(p_.targets[static_cast<std::size_t>(aw.target)]), rules));
  }
}

// The rules that would count `aw` if it named its clause, as the facts reader finds them, by the
// evaluation year.
void Session::uncountedRules(const Received& aw, std::vector<std::string>& rules) const {
  polrt::uncountedRules(
      p_.caps, p_.clauses, aw.target, inst_[static_cast<std::size_t>(aw.instance)].subject, aw.year, year_,
      [&](int s, int ancestor) { return p_.ownedBy(s, ancestor); },
      [&](uint32_t text) { return p_.str(text); }, rules);
}

}  // namespace polrt
