// Steps 1–5 of docs/ir.md: the candidate clauses, their items, conditions and amounts; the
// interpreter of code blocks is interp.cpp, the screens fast.cpp.
#include "vm/vm.h"

#include <algorithm>

#include "decimal/amount_rules.h"
#include "decimal/award_words.h"
#include "decimal/eval_errors.h"
#include "text/text.h"
#include "vm/vm_detail.h"

namespace polrt {

using namespace bc;
using namespace detail;

// ---- the interpreter ------------------------------------------------------------------------------

// ---- steps 1–5 ------------------------------------------------------------------------------------

AwardR& Session::newAward() {
  if (nawards_ == static_cast<int>(awards_.size())) awards_.emplace_back();
  AwardR& a = awards_[nawards_++];
  a.reset();
  return a;
}

// A clause for this applicant, in force (evaluate() has checked both), over the items of its subject.
inline __attribute__((always_inline)) void Session::clause(int c) {
  const ClausePlan& plan = plans_[c];
  uint32_t end = subjectEnd_[plan.subject];
  for (uint32_t k = plan.subject > 0 ? subjectEnd_[plan.subject - 1] : 0; k < end; ++k) {
    item_ = static_cast<int>(bySubject_[k]);
    if (!screened(plan)) item(c, item_);
  }
}

bool Session::evaluate(bool explain) {
  error_.clear();
  explain_ = explain;
  int date = hasDate_ ? date_ : text::today();
  if (!dated_ || date != evalDate_) {  // what follows from the date, kept while it stays the same
    dated_ = true;
    evalDate_ = date;
    year_ = text::yearOf(evalDate_);
    yearStart_ = text::daysFromCivil(year_, 1, 1);
    yearEnd_ = text::daysFromCivil(year_ + 1, 1, 1);
    for (std::size_t d = 0; d < p_.documents.size(); ++d) {
      const DocumentDef& doc = p_.documents[d];
      docActive_[d] = !(doc.hasFrom && evalDate_ < doc.from) && !(doc.hasTo && evalDate_ > doc.to);
    }
  }
  clearAwards();
  clearWarnings();
  warnLateGrants();  // polc eval's order: its facts reader's warnings
  warnUncounted();
  missingPool_.clear();
  fundingPool_.clear();
  instPool_.clear();
  margParts_.clear();
  replaceable_.clear();
  unassessedPool_.clear();
  if (!indexed_) indexInstances();
  startMemo();
  try {
    thisYearAgrees();
    findCandidates();
    // A clause for another kind of applicant, or of a document not in force on the date, looks at
    // nothing: tested here, before its keys and without a call.
    const int root = ninst_ > 0 ? inst_[0].subject : -1;
    for (std::size_t w = 0; w < candidates_.size(); ++w)
      for (uint64_t bits = candidates_[w]; bits; bits &= bits - 1) {
        const int c = static_cast<int>(w * 64) + __builtin_ctzll(bits);
        const ClausePlan& plan = plans_[c];
        if (plan.subject >= 0 && plan.root == root && docActive_[plan.document] && keysHeld(plan)) clause(c);
      }
    for (const auto& g : p_.groups) group(g);
    if (explain_ && p_.groups.size() > 1) settleDrops();
    for (const auto& k : p_.caps) cap(k, false);
    for (int i = 0; i < nawards_; ++i) finish(awards_[i]);
    computeTotals();
    listNotInForce();
    warnSharedPayees();  // for the awards granted: none after an error
    warnOnceThisYear();
    warnCapThisYear();
  } catch (const VmError& e) {
    error_ = e.message;
    clearAwards();  // the warnings stay: they are about the applicant, not the result
    return false;
  }
  return true;
}

// A fact given for the evaluation year and its history's entry for that year must agree (as the
// reference evaluator: the first instance, then its first slot). Only the slots listed as having a
// history or grants are looked at, in the order they were listed.
void Session::thisYearAgrees() const {
  for (int i = 0; i < ninst_; ++i) {
    const Instance& in = inst_[i];
    uint32_t first = UINT32_MAX;
    for (uint32_t slot : in.listed) {
      if (slot >= first || !in.present[slot]) continue;
      for (const auto& e : in.history[slot])
        if (e.first == year_ && (e.second.lo != in.facts[slot].lo || e.second.hi != in.facts[slot].hi)) first = slot;
    }
    if (first != UINT32_MAX)
      throw VmError{historyDisagrees(instancePath(i), p_.strings[p_.subjects[in.subject].facts[first].name], year_)};
  }
}

// The instances of each subject in order (bySubject_, ending at subjectEnd_[subject]), so that a
// clause looks only at its own subject's instances. Kept until an instance is added or removed.
void Session::indexInstances() {
  std::fill(subjectEnd_.begin(), subjectEnd_.end(), 0);
  for (int i = 0; i < ninst_; ++i) ++subjectEnd_[inst_[i].subject + 1];
  for (std::size_t s = 1; s < subjectEnd_.size(); ++s) subjectEnd_[s] += subjectEnd_[s - 1];
  if (bySubject_.size() < static_cast<std::size_t>(ninst_)) bySubject_.resize(static_cast<std::size_t>(ninst_));
  // Counting sort: subjectEnd_[s] moves from the start of s's run to its end.
  for (int i = 0; i < ninst_; ++i) bySubject_[subjectEnd_[inst_[i].subject]++] = static_cast<uint32_t>(i);
  indexed_ = true;
}


void Session::payee(const ClauseDef& cl, AwardR& aw) {
  int p = cl.payee >= 0 ? cl.payee : p_.rootOf(cl.subject);
  int i = instanceOf(p);
  if (i < 0) {
    int owner = p_.subjects[p].owner;
    int o = owner >= 0 ? instanceOf(owner) : -1;
    if (o >= 0)
      for (int k = 0; k < ninst_; ++k)
        if (inst_[k].parent == o && inst_[k].subject == p) {
          i = k;
          break;
        }
  }
  aw.payeeInstance = i;
  aw.payeeSubject = p;
}

void Session::item(int c, int i) {
  const ClauseDef& cl = p_.clauses[c];
  item_ = i;
  clause_ = c;
  missing_.clear();
  needed_.clear();
  if (explain_) lines_.clear();
  bool unknown = false;
  // A condition that fails is the clause's error only when none is false and none needs an absent
  // fact: held until the others are known, as 且 holds it (docs/ir.md).
  std::exception_ptr held;
  const Val* v = nullptr;
  auto test = [&](uint32_t block) {
    std::size_t before = missing_.size();
    Outcome o;
    try {
      o = run(block, v);
    } catch (const VmError&) {
      if (!held) held = std::current_exception();
      return true;
    }
    switch (o) {
      case Outcome::Value: return v->i != 0;
      case Outcome::NotAssessable:
        unknown = true;
        needed_.insert(needed_.end(), missing_.begin() + static_cast<long>(before), missing_.end());
        return true;
      case Outcome::NoMatch: return false;
    }
    return false;
  };
  for (uint32_t b : cl.eligibility)
    if (!test(b)) return;
  for (uint32_t b : cl.conditions)
    if (!test(b)) return;
  if (held && !unknown) std::rethrow_exception(held);
  AwardR& aw = newAward();
  aw.clause = c;
  aw.instance = i;
  aw.kind = cl.award;
  payee(cl, aw);
  if (explain_) {
    aw.explanation.push_back("原文：" + p_.strings[cl.text]);
    for (uint32_t n : cl.notes) aw.explanation.push_back("释义：" + p_.strings[n]);
    for (auto& l : lines_) aw.explanation.push_back(std::move(l));
    lines_.clear();
    if (!cl.conditions.empty() || !cl.eligibility.empty())
      aw.explanation.push_back(unknown ? "条件：尚不能判断" : "条件：均满足");
  }
  if (!unknown && cl.once) {
    for (int ri = 0; ri < nrecv_; ++ri) {
      const Received& r = received_[ri];
      if (r.clause != c || r.year >= year_ || r.instance != i) continue;
      aw.status = AwardStatus::AlreadyReceived;
      aw.reason = ReasonKind::Once;
      aw.onceYear = r.year;
      aw.onceAmount = r.amount;
      if (explain_) explainLine(aw, reasonText(aw));
      return;
    }
  }
  if (explain_ && !unknown && cl.award == kNegotiated && !p_.strings[cl.negotiatedBasis].empty())
    explainLine(aw, negotiatedLine(p_.strings[cl.negotiatedBasis]));
  if (!unknown && cl.award == kPay) {
    switch (amount(cl, aw)) {
      case Outcome::Value: break;
      case Outcome::NotAssessable:
        unknown = true;
        needed_.insert(needed_.end(), missing_.begin(), missing_.end());
        break;
      case Outcome::NoMatch:
        --nawards_;
        return;
    }
  }
  if (unknown) {
    aw.status = AwardStatus::NotAssessable;
    aw.missingBegin = static_cast<uint32_t>(missingPool_.size());
    for (uint32_t n : needed_)
      if (std::find(missingPool_.begin() + aw.missingBegin, missingPool_.end(), n) == missingPool_.end())
        missingPool_.push_back(n);
    aw.missingCount = static_cast<uint32_t>(missingPool_.size()) - aw.missingBegin;
    aw.reason = ReasonKind::Missing;
    if (explain_) aw.explanation.push_back("无法评估：" + reasonText(aw));
  } else if (cl.hasQuota) {
    aw.quotaLimited = true;
    aw.status = AwardStatus::QuotaLimited;
    aw.reason = ReasonKind::Quota;
    if (explain_) aw.explanation.push_back(reasonText(aw));
  }
}

Session::Outcome Session::amount(const ClauseDef& cl, AwardR& aw) {
  const std::string* where = &p_.strings[cl.citation];
  const Val* vp = nullptr;
  Outcome o = run(cl.amount, vp);
  if (o != Outcome::Value) return o;
  const Val& v = *vp;
  if (v.lo.isNegative() || v.hi.isNegative() || v.lo > v.hi)
    throw VmError{errorAt(*where, p_.strings[cl.amountSource], badAmount(v.lo, v.hi))};
  if (explain_) {
    // A value the conditions computed already (增量(x) in 条件 and in 给予) is listed once.
    for (auto& l : lines_)
      if (std::find(aw.explanation.begin(), aw.explanation.end(), l) == aw.explanation.end())
        aw.explanation.push_back(std::move(l));
    lines_.clear();
  }
  aw.form = v.form;
  aw.lo = v.lo;
  aw.hi = v.hi;
  if (explain_) explainLine(aw, "计算：" + p_.strings[cl.amountSource] + " = " + text::amountText(aw.lo, aw.hi, aw.form));
  if (cl.cap != kNone) {
    const Val* cp = nullptr;
    o = run(cl.cap, cp);
    if (o != Outcome::Value) return o;
    const Val& c = *cp;
    if (c.lo.isNegative()) throw VmError{*where + ": " + badCap(c.lo)};
    if (aw.hi > c.lo || aw.lo > c.lo) {
      aw.lo = min(aw.lo, c.lo);
      aw.hi = min(aw.hi, c.lo);
      if (explain_) {
        const std::string& label = p_.strings[cl.capLabel].empty() ? std::string("单项上限") : p_.strings[cl.capLabel];
        explainLine(aw, "超过" + label + " " + text::money(c.lo) + "，按上限 " + text::amountText(aw.lo, aw.hi, aw.form));
      }
    } else if (explain_) {
      const std::string& label = p_.strings[cl.capLabel].empty() ? std::string("单项上限") : p_.strings[cl.capLabel];
      explainLine(aw, "未超过" + label + " " + text::money(c.lo));
    }
  }
  if (cl.topup) {
    Decimal already;
    for (int ri = 0; ri < nrecv_; ++ri)
      // Up to the evaluation year, as a 累计 cap counts (the reference evaluator's amount()).
      if (const Received& r = received_[ri]; r.target == cl.target && cl.target >= 0 && r.year <= year_ &&
                                             (r.instance == aw.payeeInstance || r.instance == aw.instance))
        already = plusAt(already, r.amount, *where);
    Decimal lo = max(minusAt(aw.lo, already, *where), Decimal());
    Decimal hi = max(minusAt(aw.hi, already, *where), Decimal());
    if (explain_)
      explainLine(aw, "晋级补差：已获同一标的奖励 " + text::money(already) + "，补差后 " + text::amountText(lo, hi, aw.form));
    aw.lo = lo;
    aw.hi = hi;
  }
  const DocumentDef& doc = p_.documents[cl.document];
  if (doc.rounding) {
    const Decimal& unit = p_.decimals[doc.roundUnit];
    // A zero rounds to (0, scale 0) and an exact amount (lo and hi the same digits) is rounded
    // once: the same results, and no error is skipped (zero cannot overflow).
    Decimal lo = aw.lo.isZero() ? Decimal() : roundTo(aw.lo, unit, doc.roundMode, *where);
    Decimal hi = aw.hi.mantissa() == aw.lo.mantissa() && aw.hi.scale() == aw.lo.scale()
                     ? lo
                     : roundTo(aw.hi, unit, doc.roundMode, *where);
    if (explain_ && (lo != aw.lo || hi != aw.hi))
      explainLine(aw, "舍入（" + p_.strings[doc.roundText] + "）：" + text::amountText(lo, hi, aw.form));
    aw.lo = lo;
    aw.hi = hi;
  }
  aw.computedHi = aw.hi;
  return Outcome::Value;
}

}  // namespace polrt
