// The text of a session: values and quantities in explanation lines, and the notes, payees and
// reasons of the awards it returns. The same words as the reference evaluator (compiler/eval).
#include "vm/vm.h"

#include <algorithm>
#include <string>
#include <vector>

#include "decimal/award_words.h"
#include "text/text.h"
#include "vm/vm_detail.h"

namespace polrt {

using namespace bc;
using namespace detail;

namespace {

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

}  // namespace

// ---- explanations ---------------------------------------------------------------------------------

std::string Session::quantity(const Decimal& v, uint32_t type) const {
  const TypeFmt& t = p_.types[type];
  if (t.kind != kNum) return v.normalized().toString();
  if (t.qmode == 1) return text::money(v);
  if (t.qmode == 2) {
    const std::string& suffix = p_.strings[t.suffix];
    if (t.integer || v.isInteger()) return v.normalized().toString() + suffix;
    if (auto pct = text::scaled(v, 2, 18)) return pct->toString() + "%" + suffix;
  }
  return v.normalized().toString() + p_.strings[t.dimText];
}

std::string Session::show(const Val& v, uint32_t type) const {
  const TypeFmt& t = p_.types[type];
  switch (v.kind) {
    case kNum: return amountWords(v.lo, v.hi, v.form, [&](const Decimal& x) { return quantity(x, type); });
    case kBool: return v.i ? "是" : "否";
    case kEnum:
      if (t.enumIndex != kNone && v.i >= 0 && v.i < static_cast<int>(p_.enums[t.enumIndex].members.size()))
        return p_.strings[p_.enums[t.enumIndex].members[v.i]];
      return std::to_string(v.i);
    case kDate: return text::formatDate(v.i);
    case kText: return std::string(v.tp ? v.tp : "", v.tl);
    case kSet:
    case kRecog: {
      std::string out;
      for (int i = 0; i < 256; ++i)
        if (bit(v.bits, i))
          out += (out.empty() ? "" : "、") +
                 (t.enumIndex != kNone && i < static_cast<int>(p_.enums[t.enumIndex].members.size())
                      ? p_.strings[p_.enums[t.enumIndex].members[i]]
                      : std::to_string(i));
      return "{" + out + "}";
    }
  }
  return "?";
}

std::string Session::withValue(const std::array<uint32_t, 12>& r, int at, const Val& v) const {
  const std::string& src = p_.strings[r[at + 1]];
  if (r[at] == kShowSource) return src;
  if (r[at] == kShowNamed) return src + " " + show(v, r[at + 2]);
  return show(v, r[at + 2]);
}

// ---- reading results ------------------------------------------------------------------------------

std::string Session::missingText(uint32_t desc) const {
  const MissingDef& m = p_.missing[desc];
  const std::string& t = p_.strings[m.text];
  switch (m.kind) {
    case kMissPrev: return "上年 " + t + " (" + std::to_string(year_ - 1) + "年)";
    case kMissHist: return "历史 " + t;
    default: return t;
  }
}

std::vector<std::string> Session::missing(const AwardR& a) const {
  std::vector<std::string> out;
  for (uint32_t i = 0; i < a.missingCount; ++i) out.push_back(missingText(missingPool_[a.missingBegin + i]));
  return out;
}

std::vector<std::string> Session::notes(const AwardR& a) const {
  std::vector<std::string> out;
  for (uint32_t n : p_.clauses[a.clause].notes) out.push_back(p_.strings[n]);
  // As the steps go (docs/ir.md, step 10): the installments, then the funding, decided or not.
  for (std::string& n : remainderNotes(a)) out.push_back(std::move(n));
  if (a.fundingUnknown) {
    std::vector<std::string> m;
    for (uint32_t i = 0; i < a.fundMissCount; ++i) m.push_back(missingText(missingPool_[a.fundMissBegin + i]));
    out.push_back(fundingUndecidedNote(join(m, "、")));
  }
  const int self = static_cast<int>(&a - awards_.data());
  if (a.counted())
    for (const Replaceable& m : replaceable_)
      if (m.award == self) out.push_back(replaceableNote(p_.strings[p_.groups[m.group].name], replaceableNames(m)));
  return out;
}

std::vector<std::string> Session::replaceableNames(const Replaceable& m) const {
  std::vector<std::string> out;
  for (uint32_t i = 0; i < m.count; ++i) {
    const AwardR& aw = awards_[unassessedPool_[m.begin + i]];
    out.push_back(describe(aw.clause, aw.instance));
  }
  return out;
}

std::vector<std::string> Session::mayBeReplacedBy(const AwardR& a) const {
  std::vector<std::string> out;
  const int self = static_cast<int>(&a - awards_.data());
  if (a.counted())
    for (const Replaceable& m : replaceable_)
      if (m.award == self)
        for (std::string& name : replaceableNames(m))
          if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(std::move(name));
  return out;
}

GapTotals Session::gapTotals() const {
  GapTotals out;
  for (int k = 0; k < nawards_; ++k) {
    const AwardR& a = awards_[static_cast<std::size_t>(k)];
    const bool replaceable = a.counted() && std::any_of(replaceable_.begin(), replaceable_.end(),
                                                        [&](const Replaceable& m) { return m.award == k; });
    const bool arrangement = a.arrangement != kNone;
    out.add(fundingGap(a.counted(), a.hasAmount(), a.fundingCount != 0, arrangement, a.fundingUnknown),
            arrangement ? p_.strings[a.arrangement] : std::string(), replaceable, a.hasAmount(), a.lo, a.hi);
  }
  return out;
}

std::string Session::payeeText(const AwardR& a) const {
  if (a.payeeInstance >= 0) return instancePath(a.payeeInstance);
  return p_.strings[p_.subjects[a.payeeSubject].name] + "（事实中未列出）";
}

std::string Session::reasonText(const AwardR& a) const {
  switch (a.reason) {
    case ReasonKind::None: return "";
    case ReasonKind::Missing: return "缺少事实：" + join(missing(a), "、");
    case ReasonKind::Quota: {
      const ClauseDef& cl = p_.clauses[a.clause];
      return std::string("名额限制：") + (cl.quotaAnnual ? "每年" : "") + "择优支持不超过" + std::to_string(cl.quota) +
             "个，是否获得取决于全部申报者的排序";
    }
    case ReasonKind::Once:
      return "一次性奖励：" + std::to_string(a.onceYear) + "年已获 " + text::money(a.onceAmount) + "，不再给予";
    case ReasonKind::Dropped: {
      const GroupDef& g = p_.groups[a.group];
      const AwardR& kept = awards_[a.keptAward];
      const std::string amount = text::amountText(a.keptLo, a.keptHi, a.keptForm);
      const std::string& preferred = p_.strings[p_.documents[p_.clauses[kept.clause].document].number];
      if (kept.status != AwardStatus::Dropped)
        return dropReason(p_.strings[g.name], describe(kept.clause, kept.instance), amount, p_.strings[g.text], a.tie,
                          preferred);
      // A later group dropped the award kept: name the one finally kept (no cycle: a dropped award
      // competes in no later group).
      const AwardR* last = &kept;
      while (last->status == AwardStatus::Dropped) last = &awards_[last->keptAward];
      return dropReasonChained(p_.strings[g.name], describe(kept.clause, kept.instance), amount, a.tie, preferred,
                               p_.strings[p_.groups[kept.group].name], describe(last->clause, last->instance),
                               p_.strings[g.text]);
    }
    case ReasonKind::Capped: {
      const CapDef& k = p_.caps[a.cap];
      return p_.strings[k.name] + " " + text::money(p_.decimals[k.amount]) + "：合计 " + text::money(a.capSumHi) +
             (a.capReceived.isZero() ? "" : "（含已获 " + text::money(a.capReceived) + "）") + "，超出 " +
             text::money(a.capExcess) + "；本项减至 " + text::amountText(a.lo, a.hi, a.form) +
             (p_.strings[k.text].empty() ? "" : "；原文：" + p_.strings[k.text]);
    }
  }
  return "";
}

}  // namespace polrt
