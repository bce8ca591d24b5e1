// Steps 8–9 of docs/ir.md: installments, and the funding split between payers (资金分担).
#include "vm/vm.h"

#include <algorithm>

#include "decimal/award_words.h"
#include "decimal/eval_errors.h"
#include "decimal/funding_reach.h"
#include "decimal/funding_remainder.h"
#include "text/text.h"
#include "vm/vm_detail.h"

namespace polrt {

using namespace bc;
using namespace detail;

// ---- steps 8–9: installments, funding -------------------------------------------------------------

namespace {

// A part of an award (a payer's, a year's) is rounded to the document's 舍入, else to the fen; and,
// rounded up, never beyond what is left, so that the last part (the remainder) is not negative.
std::pair<Decimal, uint8_t> partRounding(const Program& p, const DocumentDef& doc) {
  if (doc.rounding) return {p.decimals[doc.roundUnit], doc.roundMode};
  return {Decimal::fromParts(1, 2), static_cast<uint8_t>(RoundingMode::HalfUp)};
}
Decimal atMost(const Decimal& v, const Decimal& limit) { return v > limit ? limit : v; }
// That rule with its words, for the explanation of a remainder.
PartRounding partRules(const Program& p, const DocumentDef& doc) {
  if (!doc.rounding) return defaultPartRounding();
  return {p.decimals[doc.roundUnit], static_cast<RoundingMode>(doc.roundMode), p.strings[doc.roundText]};
}

}  // namespace

std::string Session::fundingText(const AwardR& aw) const {
  std::string out;
  for (uint32_t i = 0; i < aw.fundingCount; ++i) {
    const FundingPartR& f = fundingPool_[aw.fundingBegin + i];
    out += (out.empty() ? "" : "，") + p_.strings[f.payer] + " " + text::amountText(f.lo, f.hi, aw.form);
  }
  return out;
}

void Session::finish(AwardR& aw) {
  const FundingReach reach = fundingReach(aw.kind, aw.counted());
  if (reach == FundingReach::None) return;
  const bool full = reach == FundingReach::Full;
  const ClauseDef& cl = p_.clauses[aw.clause];
  const DocumentDef& doc = p_.documents[cl.document];
  const std::string& where = p_.strings[cl.citation];
  if (full && !cl.installments.empty()) {
    aw.instBegin = static_cast<uint32_t>(instPool_.size());
    const auto [unit, mode] = partRounding(p_, doc);
    Decimal restLo = aw.lo, restHi = aw.hi;
    for (std::size_t i = 0; i < cl.installments.size(); ++i) {
      InstallmentR part{year_ + static_cast<int>(i), restLo, restHi};
      if (i + 1 < cl.installments.size()) {
        part.lo = atMost(roundTo(timesAt(aw.lo, p_.decimals[cl.installments[i]], where), unit, mode, where), restLo);
        part.hi = atMost(roundTo(timesAt(aw.hi, p_.decimals[cl.installments[i]], where), unit, mode, where), restHi);
      }
      restLo = minusAt(restLo, part.lo, where);
      restHi = minusAt(restHi, part.hi, where);
      instPool_.push_back(part);
    }
    aw.instCount = static_cast<uint32_t>(cl.installments.size());
    if (explain_) {
      std::string line = "分期：";
      for (uint32_t i = 0; i < aw.instCount; ++i) {
        const InstallmentR& part = instPool_[aw.instBegin + i];
        line += (i ? "，" : "") + std::to_string(part.year) + "年 " + text::amountText(part.lo, part.hi, aw.form);
      }
      explainLine(aw, line + remainderAside(installmentsRemainder(aw).reason));
    }
  }
  if (doc.funding.empty()) return;
  bool saveExplain = explain_;
  explain_ = false;  // funding conditions are evaluated without explanations
  item_ = aw.instance;
  clause_ = aw.clause;
  missing_.clear();
  const Val* v = nullptr;
  for (std::size_t r = 0; r < doc.funding.size(); ++r) {
    const FundingRuleDef& rule = doc.funding[r];
    if (!rule.kinds.empty()) {
      if (std::find(rule.kinds.begin(), rule.kinds.end(), cl.kind) == rule.kinds.end()) continue;
    } else if (!rule.otherwise) {
      if (r >= cl.fundingConditions.size() || cl.fundingConditions[r] == kNone) continue;
      Outcome o = run(cl.fundingConditions[r], v);
      if (o == Outcome::NoMatch || (o == Outcome::Value && !v->i)) continue;
      if (o == Outcome::NotAssessable) {
        explain_ = saveExplain;
        fundingUndecided(aw, doc, rule);  // a 一事一议 award too (funding_reach.h)
        return;
      }
    }
    explain_ = saveExplain;
    if (rule.arrangement != kNone) {
      aw.arrangement = rule.arrangement;
      if (explain_) {
        explainLine(aw, "资金分担：" + p_.strings[rule.arrangement]);
        explainNotes(aw, fundingName(), doc.fundingNotes);
      }
      return;
    }
    if (!full) return;
    missing_.clear();
    if (!payersOf(rule, cl.fundingPayers[r])) {
      fundingUndecided(aw, doc, rule);
      return;
    }
    const int twice = repeatedPayer(static_cast<int>(payers_.size()), [&](int i, int j) {
      return p_.strings[payers_[static_cast<std::size_t>(i)]] == p_.strings[payers_[static_cast<std::size_t>(j)]];
    });
    if (twice >= 0)
      throw VmError{errorAt(p_.strings[cl.citation], p_.strings[rule.source],
                            payerTwice(p_.strings[payers_[static_cast<std::size_t>(twice)]]))};
    aw.fundingRule = static_cast<int>(r);
    split(aw, doc, rule);
    if (explain_) {
      explainLine(aw, "资金分担：" + p_.strings[rule.source] + "：" + fundingText(aw) + remainderAside(fundingRemainder(aw).reason));
      explainNotes(aw, fundingName(), doc.fundingNotes);
    }
    return;
  }
  explain_ = saveExplain;
}

// A funding rule that applies needs a fact not given (its condition's, or the fact naming a payer):
// the award's funding is undecided, naming the facts (in missing_).
void Session::fundingUndecided(AwardR& aw, const DocumentDef& doc, const FundingRuleDef& rule) {
  aw.fundingUnknown = true;
  aw.fundMissBegin = static_cast<uint32_t>(missingPool_.size());
  missingPool_.insert(missingPool_.end(), missing_.begin(), missing_.end());
  aw.fundMissCount = static_cast<uint32_t>(missing_.size());
  if (!explain_) return;
  std::string m;
  for (uint32_t n : missing_) m += (m.empty() ? "" : "、") + missingText(n);
  explainLine(aw, fundingUndecidedLine(p_.strings[rule.source], m));
  explainNotes(aw, fundingName(), doc.fundingNotes);
}

// The payers of the rule for this award, in payers_ (string indices): each label, or for a payer
// named by a fact (辖区（所在地）) the name of the fact's value. False, the facts noted in missing_, when
// one is absent.
bool Session::payersOf(const FundingRuleDef& rule, const std::vector<PayerFactDef>& facts) {
  payers_.clear();
  for (const ShareDef& s : rule.shares) payers_.push_back(s.payer);
  payers_.insert(payers_.end(), rule.ratioPayers.begin(), rule.ratioPayers.end());
  bool known = true;
  for (const PayerFactDef& f : facts) {
    Val v;
    if (!loadFact(f.subject, static_cast<int>(f.slot), v)) {
      if (std::find(missing_.begin(), missing_.end(), f.missing) == missing_.end()) missing_.push_back(f.missing);
      known = false;
      continue;
    }
    // A verified program's enum facts hold a value of their enum; a hostile one may not.
    const auto& members = p_.enums[p_.types[p_.subjects[f.subject].facts[f.slot].type].enumIndex].members;
    if (v.i < 0 || static_cast<std::size_t>(v.i) >= members.size())
      throw VmError{"internal error: a funding payer's fact holds no value of its enum"};
    payers_[f.payer] = members[static_cast<std::size_t>(v.i)];
  }
  return known;
}

// Per funding rule by ratio (按比例): the sum of the ratios, when it does not overflow, and each
// payer's exact share r ÷ total, when it has at most 18 decimals and r is below 2^63.
void Session::planSplits() {
  for (const DocumentDef& doc : p_.documents) {
    ruleBase_.push_back(static_cast<uint32_t>(ratioPlans_.size()));
    for (const FundingRuleDef& rule : doc.funding) {
      RatioPlan plan;
      plan.shareBegin = static_cast<uint32_t>(shares_.size());
      plan.totalOk = true;
      for (uint32_t part : rule.ratio)
        plan.totalOk = plan.totalOk && polrt::add(plan.total, p_.decimals[part], plan.total) == ArithError::None;
      for (uint32_t part : rule.ratio) {
        const Decimal& r = p_.decimals[part];
        Decimal q, back;
        bool exact = plan.totalOk && !plan.total.isZero() && r.mantissa() < INT64_MAX && r.mantissa() > INT64_MIN &&
                     polrt::div(r, plan.total, Decimal::kMaxScale, RoundingMode::HalfEven, q) == ArithError::None &&
                     polrt::mul(q, plan.total, back) == ArithError::None && back == r;
        shares_.push_back(exact ? std::optional<Decimal>(q.normalized()) : std::nullopt);
      }
      ratioPlans_.push_back(plan);
    }
  }
}

// Made when asked (an explanation, the notes), not as the parts are: most callers never read them.
std::vector<std::string> Session::remainderNotes(const AwardR& a) const {
  std::vector<std::string> out;
  if (std::string reason = installmentsRemainder(a).reason; !reason.empty()) out.push_back(installmentsRemainderNote(reason));
  if (std::string reason = fundingRemainder(a).reason; !reason.empty()) out.push_back(fundingRemainderNote(reason));
  return out;
}

Remainder Session::installmentsRemainder(const AwardR& aw) const {
  if (aw.instCount == 0) return {};
  const ClauseDef& cl = p_.clauses[aw.clause];
  return polrt::installmentsRemainder(
      static_cast<int>(aw.instCount), aw.lo, aw.hi, partRules(p_, p_.documents[cl.document]),
      [&](int i) -> const InstallmentR& { return instPool_[aw.instBegin + static_cast<uint32_t>(i)]; },
      [&](int i) -> const Decimal& { return p_.decimals[cl.installments[static_cast<std::size_t>(i)]]; });
}

// The payer that took the remainder is the last of a ratio split, else the 其余 one or the last.
Remainder Session::fundingRemainder(const AwardR& aw) const {
  if (aw.fundingRule < 0 || aw.fundingCount == 0) return {};
  const DocumentDef& doc = p_.documents[p_.clauses[aw.clause].document];
  const std::size_t r = static_cast<std::size_t>(aw.fundingRule);
  const FundingRuleDef& rule = doc.funding[r];
  const bool byRatio = !rule.ratioPayers.empty();
  const RatioPlan& plan = ratioPlans_[ruleBase_[static_cast<std::size_t>(&doc - p_.documents.data())] + r];
  if (byRatio && !plan.totalOk) return {};  // the split failed at its sum: no award to explain
  const int n = static_cast<int>(aw.fundingCount);
  int rest = n - 1;
  for (int i = 0; i < n && !byRatio; ++i)
    if (rule.shares[static_cast<std::size_t>(i)].proportion == kNone) rest = i;
  return remainder(
      n, rest, aw.lo, aw.hi, byRatio ? plan.total : Decimal::fromParts(1, 0), partRules(p_, doc),
      [&](int i) -> const Decimal& {
        const std::size_t k = static_cast<std::size_t>(i);
        return p_.decimals[byRatio ? rule.ratio[k] : rule.shares[k].proportion];  // never the rest's
      },
      [&](int i) -> const FundingPartR& { return fundingPool_[aw.fundingBegin + static_cast<uint32_t>(i)]; },
      [&](int i) { return p_.strings[fundingPool_[aw.fundingBegin + static_cast<uint32_t>(i)].payer]; });
}

void Session::split(AwardR& aw, const DocumentDef& doc, const FundingRuleDef& rule) {
  const Where where("", p_.strings[p_.clauses[aw.clause].citation], " 资金分担");
  aw.fundingBegin = static_cast<uint32_t>(fundingPool_.size());
  if (!rule.ratioPayers.empty()) {
    const RatioPlan& plan = ratioPlans_[ruleBase_[static_cast<std::size_t>(&doc - p_.documents.data())] +
                                        static_cast<std::size_t>(&rule - doc.funding.data())];
    Decimal total = plan.total;
    if (!plan.totalOk) {
      total = Decimal();
      for (uint32_t part : rule.ratio) total = plusAt(total, p_.decimals[part], where);
    }
    const auto rounding = partRounding(p_, doc);
    const Decimal unit = rounding.first;
    const uint8_t mode = rounding.second;
    // amount × r ÷ total rounded once to the unit with the mode (not to 18 decimals first, which
    // could turn 0.0049999…97 into 0.005 and then 0.01); an exact share r ÷ total gives the exact
    // product by one multiplication when nothing can overflow (both mantissas below 2^63).
    auto partOf = [&](const Decimal& amount, std::size_t i) {
      const Decimal& r = p_.decimals[rule.ratio[i]];
      Decimal q;
      const std::optional<Decimal>& exact = shares_[plan.shareBegin + i];
      if (exact && amount.mantissa() < INT64_MAX && amount.mantissa() > INT64_MIN && polrt::mul(amount, *exact, q) == ArithError::None)
        return roundTo(q, unit, mode, where);
      if (auto e = polrt::div(timesAt(amount, r, where), timesAt(total, unit, where), 0, static_cast<RoundingMode>(mode), q);
          e != ArithError::None)
        failAt(where, e);
      return timesAt(q, unit, where).normalized();
    };
    // Most awards are exact (lo and hi the same digits) or up to an amount (lo zero): an exact
    // award's lower parts are its upper ones, computed once, and a share of zero is zero, as the
    // general path rounds it (0, scale 0), leaving the rest as it was — same results, same errors.
    const bool exact = aw.lo.mantissa() == aw.hi.mantissa() && aw.lo.scale() == aw.hi.scale();
    const bool zeroLo = aw.lo.mantissa() == 0;
    Decimal restLo = aw.lo, restHi = aw.hi;
    for (std::size_t i = 0; i < rule.ratioPayers.size(); ++i) {
      FundingPartR part{payers_[i], restLo, restHi};
      if (i + 1 < rule.ratioPayers.size()) {
        part.hi = atMost(partOf(aw.hi, i), restHi);
        part.lo = exact ? part.hi : zeroLo ? Decimal() : atMost(partOf(aw.lo, i), restLo);
      }
      restHi = minusAt(restHi, part.hi, where);
      if (exact) restLo = restHi;
      else if (!zeroLo || i + 1 == rule.ratioPayers.size()) restLo = minusAt(restLo, part.lo, where);
      fundingPool_.push_back(part);
    }
    aw.fundingCount = static_cast<uint32_t>(rule.ratioPayers.size());
    return;
  }
  // The same shortcuts as the ratio split's: an exact award's lower parts are its upper ones, and
  // a zero lower end has zero parts (normalised, as the product would be) and leaves the rest.
  // Shares are rounded as ratio parts are, never beyond what is left; the 其余 payer, or without one
  // the last, takes the remainder (the reference evaluator's split()).
  const bool exact = aw.lo.mantissa() == aw.hi.mantissa() && aw.lo.scale() == aw.hi.scale();
  const bool zeroLo = aw.lo.mantissa() == 0;
  // Not a structured binding: a lambda below captures them (C++17 allows no capture of those).
  const std::pair<Decimal, uint8_t> rounding = partRounding(p_, doc);
  const Decimal& unit = rounding.first;
  const uint8_t mode = rounding.second;
  std::size_t restIndex = rule.shares.size() - 1;
  for (std::size_t i = 0; i < rule.shares.size(); ++i)
    if (rule.shares[i].proportion == kNone) restIndex = i;
  auto part = [&](const Decimal& amount, const Decimal& prop, const Decimal& rest) {
    return atMost(roundTo(timesAt(amount, prop, where), unit, mode, where), rest).normalized();
  };
  Decimal restLo = aw.lo, restHi = aw.hi;
  for (std::size_t i = 0; i < rule.shares.size(); ++i) {
    FundingPartR share{payers_[i], Decimal(), Decimal()};
    if (i != restIndex) {
      const Decimal& prop = p_.decimals[rule.shares[i].proportion];
      if (exact) {
        share.lo = share.hi = part(aw.hi, prop, restHi);
        restLo = restHi = minusAt(restHi, share.hi, where);
      } else {
        if (!zeroLo) share.lo = part(aw.lo, prop, restLo);
        share.hi = part(aw.hi, prop, restHi);
        if (!zeroLo) restLo = minusAt(restLo, share.lo, where);
        restHi = minusAt(restHi, share.hi, where);
      }
    }
    fundingPool_.push_back(share);
  }
  aw.fundingCount = static_cast<uint32_t>(rule.shares.size());
  FundingPartR& rest = fundingPool_[aw.fundingBegin + restIndex];
  rest.hi = restHi.normalized();
  rest.lo = exact ? rest.hi : restLo.normalized();
}

}  // namespace polrt
