// Step 6 of docs/ir.md: non-stacking groups (就高不重复, 从优从高).
#include "vm/vm.h"

#include <algorithm>

#include "decimal/award_words.h"
#include "text/text.h"
#include "vm/vm_detail.h"

namespace polrt {

using namespace bc;
using namespace detail;

// ---- step 6: non-stacking -------------------------------------------------------------------------

// What each award would pay: its ceiling after the caps over several clauses, applied to a copy
// (trial_), as the reference evaluator's payable().
void Session::payable() {
  cuts_.clear();
  trial_.resize(static_cast<std::size_t>(nawards_));
  for (int i = 0; i < nawards_; ++i) trial_[i] = {awards_[i].lo, awards_[i].hi};
  for (const auto& k : p_.caps) cap(k, true);
}

bool Session::better(int ia, int ib, const GroupDef& g) const {
  const AwardR& a = awards_[ia];
  const AwardR& b = awards_[ib];
  int c = compare(trial_[ia].second, trial_[ib].second);
  if (c != 0) return c > 0;
  int da = p_.clauses[a.clause].document, db = p_.clauses[b.clause].document;
  const int ra = preferRank(g.prefer, da), rb = preferRank(g.prefer, db);
  if (ra != rb) return ra < rb;
  if (da != db) return da < db;
  if (a.clause != b.clause) return a.clause < b.clause;
  return a.instance < b.instance;
}

// The awards compared were those of `which` (`self` first) after the caps over several clauses: when
// a cap cut what one would pay, the line says which cap cut it to what (cuts_, kept by payable()).
void Session::explainCompared(int self, const std::vector<int>& which, const GroupDef& g) {
  std::vector<std::string> parts;
  for (int k : which) {
    const AwardR& aw = awards_[k];
    if (trial_[k].second == aw.hi) continue;
    std::vector<std::string> steps;
    for (const Cut& c : cuts_)
      if (c.award == k) {
        const CapDef& cap = p_.caps[c.cap];
        steps.push_back(capCut(cap.period, p_.strings[cap.name], text::money(p_.decimals[cap.amount]),
                               text::amountText(c.lo, c.hi, aw.form)));
      }
    parts.push_back(cutAward(k == self ? "本项" : describe(aw.clause, aw.instance), text::amountText(aw.lo, aw.hi, aw.form),
                             steps));
  }
  if (!parts.empty()) explainLine(awards_[self], comparedAfterCaps(p_.strings[g.name], parts));
}

void Session::explainNotes(AwardR& aw, const std::string& whose, const std::vector<uint32_t>& notes) {
  for (uint32_t n : notes) explainLine(aw, noteLine(whose, p_.strings[n]));
}

// A later group may drop the award an earlier one kept: the earlier drop's line, written when it
// was decided, is written again (reasonText() then names the award finally kept).
void Session::settleDrops() {
  for (int i = 0; i < nawards_; ++i) {
    AwardR& aw = awards_[i];
    if (aw.reason == ReasonKind::Dropped && awards_[aw.keptAward].status == AwardStatus::Dropped)
      aw.explanation[aw.dropLine] = reasonText(aw);
  }
}

std::string Session::describe(int clause, int instance) const {
  return p_.strings[p_.clauses[clause].citation] + (inst_[instance].parent >= 0 ? " " + instancePath(instance) : "");
}

void Session::group(const GroupDef& g) {
  parts_.clear();
  for (int k = 0; k < nawards_; ++k) {
    const AwardR& aw = awards_[k];
    // A member not assessable decides no drop, but makes the award kept provisional.
    if (aw.kind != kPay || !(aw.counted() || aw.status == AwardStatus::NotAssessable) || !g.inScope[aw.clause]) continue;
    int key = -1;
    for (int i = aw.instance; i >= 0 && key < 0; i = inst_[i].parent)
      if (std::find(g.per.begin(), g.per.end(), inst_[i].subject) != g.per.end()) key = i;
    if (key < 0) {
      if (g.perItem) key = aw.instance;
      else if (g.per.empty()) key = 0;
      else continue;  // alone in its partition
    }
    parts_.push_back(Part{key, g.sameTarget ? p_.clauses[aw.clause].target : -1, k});
  }
  if (parts_.size() < 2) return;
  // What the awards would pay after the caps (trial_), only when the group may drop one: the caps
  // applied for real in step 7 then see the same awards and report the same errors.
  if (std::count_if(parts_.begin(), parts_.end(), [&](const Part& m) { return awards_[m.award].counted(); }) >= 2)
    payable();
  std::sort(parts_.begin(), parts_.end(), [](const Part& a, const Part& b) {
    if (a.key != b.key) return a.key < b.key;
    if (a.target != b.target) return a.target < b.target;
    return a.award < b.award;
  });
  for (std::size_t s = 0; s < parts_.size();) {
    std::size_t e = s + 1;
    while (e < parts_.size() && parts_[e].key == parts_[s].key && parts_[e].target == parts_[s].target) ++e;
    if (e - s >= 2) {
      bool relevant = g.scope != kScopeAll, relevantNow = relevant;
      const uint32_t begin = static_cast<uint32_t>(unassessedPool_.size());
      std::size_t counted = 0;
      for (std::size_t m = s; m < e; ++m) {
        const AwardR& aw = awards_[parts_[m].award];
        const bool ofDocument = p_.clauses[aw.clause].document == g.document;
        relevant = relevant || ofDocument;
        if (aw.counted()) {
          relevantNow = relevantNow || ofDocument;
          ++counted;
        } else {
          unassessedPool_.push_back(parts_[m].award);
        }
      }
      const uint32_t count = static_cast<uint32_t>(unassessedPool_.size()) - begin;
      if (!relevant || count == 0) unassessedPool_.resize(begin);
      else
        for (std::size_t m = s; m < e; ++m)
          if (awards_[parts_[m].award].counted())
            replaceable_.push_back(Replaceable{parts_[m].award, static_cast<int>(&g - p_.groups.data()), begin, count});
      if (relevantNow && counted >= 2) {
        int best = -1;
        for (std::size_t m = s; m < e; ++m)
          if (awards_[parts_[m].award].counted() && (best < 0 || better(parts_[m].award, best, g))) best = parts_[m].award;
        const AwardR& kept = awards_[best];
        for (std::size_t m = s; m < e; ++m) {
          int k = parts_[m].award;
          if (k == best || awards_[k].status == AwardStatus::NotAssessable) continue;
          AwardR& aw = awards_[k];
          aw.status = AwardStatus::Dropped;
          aw.reason = ReasonKind::Dropped;
          aw.group = static_cast<int>(&g - p_.groups.data());
          aw.keptAward = best;
          aw.keptLo = min(kept.lo, trial_[best].second);
          aw.keptHi = trial_[best].second;
          aw.keptForm = kept.form;
          aw.tie = static_cast<uint8_t>(tieRule(trial_[k].second == trial_[best].second,
                                                preferRank(g.prefer, p_.clauses[kept.clause].document),
                                                preferRank(g.prefer, p_.clauses[aw.clause].document)));
          if (explain_) {
            aw.dropLine = static_cast<uint32_t>(aw.explanation.size());
            explainLine(aw, reasonText(aw));
            explainCompared(k, {k, best}, g);
            explainNotes(aw, p_.strings[g.name], g.notes);
          }
        }
        if (explain_) {
          // A tie is settled by 优先 and citation order, not by the amount: say so.
          bool tie = false;
          for (std::size_t m = s; m < e; ++m)
            tie = tie || (parts_[m].award != best && awards_[parts_[m].award].status == AwardStatus::Dropped &&
                          trial_[parts_[m].award].second == trial_[best].second);
          explainLine(awards_[best], keptLine(p_.strings[g.name], tie));
          std::vector<int> others{best};
          for (std::size_t m = s; m < e; ++m)
            if (parts_[m].award != best && awards_[parts_[m].award].status == AwardStatus::Dropped)
              others.push_back(parts_[m].award);
          explainCompared(best, others, g);
          explainNotes(awards_[best], p_.strings[g.name], g.notes);
        }
      }
    }
    s = e;
  }
}

}  // namespace polrt
