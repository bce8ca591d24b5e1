#include "driver/eval_output.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <vector>

#include <fmt/format.h>

#include "decimal/award_words.h"
#include "support/source.h"

namespace polc {
namespace {

using eval::Award;
using eval::Status;

// A label of the totals padded to the 15 display columns of 定额合计, 最高额合计 and 总范围, so that a
// payer's amounts stand under theirs whatever the width of its name (市, 溧阳市).
std::string totalsLabel(const std::string& label) {
  constexpr int kColumns = 15;
  const int width = displayWidth(decodeUtf8(label));
  return label + std::string(static_cast<std::size_t>(std::max(1, kColumns - width)), ' ');
}

const char* formName(AmountForm f) {
  switch (f) {
    case AmountForm::Exact: return "exact";
    case AmountForm::UpTo: return "up_to";
    case AmountForm::Range: return "range";
  }
  return "?";
}

const char* kindName(ir::AwardKind k) {
  switch (k) {
    case ir::AwardKind::Pay: return "pay";
    case ir::AwardKind::Benefit: return "benefit";
    case ir::AwardKind::Negotiated: return "negotiated";
    case ir::AwardKind::None: return "none";
  }
  return "?";
}

const char* statusChinese(Status s) {
  switch (s) {
    case Status::Kept: return "保留";
    case Status::Capped: return "保留（受合计上限削减）";
    case Status::QuotaLimited: return "保留（受名额限制）";
    case Status::Dropped: return "不予叠加";
    case Status::NotAssessable: return "无法评估";
    case Status::AlreadyReceived: return "已获（一次性，不再给予）";
  }
  return "?";
}

// 5,000,000 元（500万元）
std::string yuan(const polrt::Decimal& v) {
  std::string s = eval::grouped(v) + " 元";
  std::string m = eval::money(v);
  if (m.find("万元") != std::string::npos || m.find("亿元") != std::string::npos) s += "（" + m + "）";
  return s;
}

std::string rangeText(const polrt::Decimal& lo, const polrt::Decimal& hi) {
  return lo == hi ? yuan(hi) : yuan(lo) + " 至 " + yuan(hi);
}

// An amount in the award's block: a range with its two ends; an up-to amount as its ceiling, and its
// floor when a fixed part is paid whatever the review decides (20元 + 最高 10元), in the words of
// the explanation lines (polrt::amountWords).
std::string amountLine(const polrt::Decimal& lo, const polrt::Decimal& hi, AmountForm form) {
  if (form == AmountForm::Range) return yuan(lo) + " 至 " + yuan(hi);
  return polrt::amountWords(lo, hi, static_cast<int>(form), yuan);
}

// A part of an award (a payer's, a year's), as the award's amount is written; the ceiling of an
// up-to award without a floor is the number alone (the block's 类型 says it is a ceiling).
std::string partLine(const Award& aw, const polrt::Decimal& lo, const polrt::Decimal& hi) {
  if (aw.form == AmountForm::UpTo && lo.isZero()) return yuan(hi);
  return amountLine(lo, hi, aw.form);
}

std::string kindText(const ir::Program& p, const Award& aw) {
  const ir::Clause& cl = p.clauses[aw.clause];
  std::string s;
  switch (aw.kind) {
    case ir::AwardKind::Pay:
      // Without an amount (not assessable, already received) the form is not known: "资金", not
      // the 定额 an uncomputed award's default form would say.
      s = !aw.hasAmount() ? "资金"
          : aw.form == AmountForm::Exact     ? "定额"
          : aw.form == AmountForm::UpTo      ? "最高额（评审确定）"
                                             : "区间";
      break;
    case ir::AwardKind::Benefit: s = "待遇（非资金）"; break;
    case ir::AwardKind::Negotiated: s = "一事一议"; break;
    case ir::AwardKind::None: s = "—"; break;
  }
  if (cl.kind >= 0) s += "，" + p.kinds[cl.kind].name;
  return s;
}

std::string itemText(const eval::Applicant& a, const Award& aw) { return a.instances[aw.instance].path; }

// A clause evaluated for several items (项目[0], 项目[1]) gives one award each: count the clauses,
// and the awards when they are more, rather than call the awards clauses.
std::string applicableCount(const eval::Result& r) {
  std::set<int> clauses;
  for (const Award& aw : r.awards) clauses.insert(aw.clause);
  if (clauses.size() == r.awards.size()) return fmt::format("适用条款 {} 项", clauses.size());
  return fmt::format("适用条款 {} 项，按事项计 {} 项", clauses.size(), r.awards.size());
}

}  // namespace

std::string idText(const nlohmann::json& id) { return id.is_string() ? id.get<std::string>() : id.dump(); }

std::string renderEvalText(const ir::Program& p, const eval::Applicant& a, const eval::Result& r, bool explain,
                           const nlohmann::json& id) {
  std::ostringstream os;
  std::string who = a.instances.empty() ? "?" : a.instances[0].path;
  // The id the agency files the applicant under, as the JSON and a batch's stderr give it: a printed
  // report is matched back to its record by it.
  if (!id.is_null()) who += "（编号 " + idText(id) + "）";
  os << fmt::format("申报主体 {}，评价日期 {}，{}\n", who, ir::formatDate(r.date), applicableCount(r));
  if (r.awards.empty()) os << "\n没有适用的条款。\n";
  // Beside awards too: a district's measures out of force leave a result of the city's clauses
  // alone, which says nothing of why the district's are absent.
  std::string docs;
  for (const ir::Document* doc : eval::outOfForce(p, r))
    docs += (docs.empty() ? "" : "、") + doc->number + "（" + doc->effectiveText + "）";
  if (!docs.empty()) os << fmt::format("{}评价日期 {} 不在这些文件的有效期内：{}\n", r.awards.empty() ? "" : "\n", ir::formatDate(r.date), docs);
  for (std::size_t i = 0; i < r.awards.size(); ++i) {
    const Award& aw = r.awards[i];
    const ir::Clause& cl = p.clauses[aw.clause];
    os << fmt::format("\n[{}] {}{}\n", i + 1, cl.citation, cl.title.empty() ? "" : "  " + cl.title);
    os << fmt::format("    对象     {}\n", itemText(a, aw));
    os << fmt::format("    类型     {}\n", kindText(p, aw));
    if (aw.hasAmount()) {
      os << fmt::format("    金额     {}\n", amountLine(aw.lo, aw.hi, aw.form));
      if (aw.capped) os << fmt::format("    削减前   {}\n", yuan(aw.computedHi));
    } else if (aw.kind == ir::AwardKind::Benefit) {
      os << fmt::format("    待遇     {}\n", cl.benefit);
    } else if (aw.kind == ir::AwardKind::Negotiated) {
      os << fmt::format("    金额     一事一议{}\n", cl.negotiatedBasis.empty() ? "" : "：" + cl.negotiatedBasis);
    }
    // A quota-limited award a cap over several clauses also cut is both (JSON's flags): its status
    // says so, as the 原因 line below names the cap alone.
    const bool cappedToo = aw.status == Status::QuotaLimited && aw.capped;
    os << fmt::format("    状态     {}\n", cappedToo ? "保留（受合计上限削减，受名额限制）" : statusChinese(aw.status));
    if (!aw.reason.empty()) os << fmt::format("    原因     {}\n", aw.reason);
    // The notes are the clause's 释义, why the parts differ (the explanation says it), the funding
    // rule's (when undecided), then one per group that may replace the award: told by place, flag
    // and count, never by their words, which a 释义 may use too.
    const std::size_t own = cl.notes.size() + (aw.fundingUndecided ? 1 : 0) + static_cast<std::size_t>(aw.remainderNotes);
    if (!aw.mayBeReplacedBy.empty())
      for (std::size_t k = own; k < aw.notes.size(); ++k)
        os << fmt::format("    {}     {}\n", polrt::replaceableLabel(), aw.notes[k]);
    if (aw.quotaLimited && aw.status != Status::QuotaLimited) os << "    名额     受名额限制，取决于全部申报者的排序\n";
    os << fmt::format("    受益人   {}\n", aw.payee);
    if (!aw.funding.empty()) {
      std::string parts;
      for (const auto& f : aw.funding) {
        parts += (parts.empty() ? "" : "；") + f.payer + " " + partLine(aw, f.lo, f.hi);
      }
      os << fmt::format("    资金分担 {}\n", parts);
    }
    if (!aw.fundingArrangement.empty()) os << fmt::format("    资金分担 {}\n", aw.fundingArrangement);
    for (const auto& inst : aw.installments)
      os << fmt::format("    分期     {}年 {}\n", inst.year, partLine(aw, inst.lo, inst.hi));
  }
  if (explain) {
    os << "\n说明（逐步计算）\n";
    for (std::size_t i = 0; i < r.awards.size(); ++i) {
      const Award& aw = r.awards[i];
      os << fmt::format("\n[{}] {}（{}）\n", i + 1, p.clauses[aw.clause].citation, itemText(a, aw));
      for (const auto& line : aw.explanation) os << "    " << line << "\n";
    }
  }
  const auto& t = r.totals;
  os << "\n合计（保留的奖励）\n";
  os << fmt::format("    定额合计       {}（{} 项）\n", yuan(t.exact), t.exactCount);
  os << fmt::format("    最高额合计     {}（{} 项，评审确定，均为上限）\n", yuan(t.upTo), t.upToCount);
  if (t.rangeCount)
    os << fmt::format("    区间合计       {} 至 {}（{} 项）\n", yuan(t.rangeLo), yuan(t.rangeHi), t.rangeCount);
  os << fmt::format("    总范围         {} 至 {}\n", yuan(t.lo), yuan(t.hi));
  for (const auto& [payer, sum] : t.byPayer)
    os << fmt::format("    {}{}\n", totalsLabel(payer + " 承担"), rangeText(sum.first, sum.second));
  const polrt::GapTotals gaps = eval::gapTotals(r);
  for (const auto& [arrangement, sum] : gaps.byArrangement)
    os << fmt::format("    {}{}\n", totalsLabel(arrangement + "（不分担）"), rangeText(sum.lo, sum.hi));
  if (!gaps.noRule.hi.isZero())
    os << fmt::format("    {}{}\n", totalsLabel("未规定资金分担"), rangeText(gaps.noRule.lo, gaps.noRule.hi));
  if (!gaps.undecided.hi.isZero())
    os << fmt::format("    {}{}\n", totalsLabel("资金分担无法判断"), rangeText(gaps.undecided.lo, gaps.undecided.hi));
  if (gaps.mayBeReplaced.count)
    os << fmt::format("    {}{}{}\n", totalsLabel(polrt::replaceableTotalLabel()),
                      rangeText(gaps.mayBeReplaced.lo, gaps.mayBeReplaced.hi),
                      polrt::replaceableTotalNote(gaps.mayBeReplaced.count));
  os << fmt::format("    待遇 {} 项，一事一议 {} 项，不予叠加 {} 项，无法评估 {} 项，已获不再给予 {} 项\n", t.benefits,
                    t.negotiated, t.dropped, t.notAssessable, t.alreadyReceived);
  return os.str();
}

nlohmann::json renderEvalJson(const ir::Program& p, const eval::Applicant& a, const eval::Result& r, bool explain) {
  using json = nlohmann::json;
  json out = json::object();
  out["date"] = ir::formatDate(r.date);
  out["applicant"] = a.instances.empty() ? "" : a.instances[0].path;
  json awards = json::array();
  for (const Award& aw : r.awards) {
    const ir::Clause& cl = p.clauses[aw.clause];
    json j = json::object();
    j["citation"] = cl.citation;
    j["document"] = p.documents[cl.document].number;
    j["article"] = cl.article;
    j["clause"] = cl.clause;
    j["item"] = cl.item;
    j["title"] = cl.title;
    j["subject"] = p.subjects[cl.subject].name;
    j["for"] = itemText(a, aw);
    j["kind"] = kindName(aw.kind);
    j["category"] = cl.kind >= 0 ? json(p.kinds[cl.kind].name) : json();
    j["target"] = cl.target >= 0 ? json(p.targets[cl.target].name) : json();
    bool amount = aw.hasAmount();
    j["form"] = amount ? json(formName(aw.form)) : json();
    j["min"] = amount ? json(aw.lo.normalized().toString()) : json();
    j["max"] = amount ? json(aw.hi.normalized().toString()) : json();
    j["computed_max"] = amount ? json(aw.computedHi.normalized().toString()) : json();
    j["status"] = eval::statusName(aw.status);
    j["reason"] = aw.reason;
    j["capped"] = aw.capped;
    j["quota_limited"] = aw.quotaLimited;
    j["missing"] = aw.missing;
    j["benefit"] = aw.kind == ir::AwardKind::Benefit ? json(cl.benefit) : json();
    j["payee"] = aw.payee;
    json funding = json::array();
    for (const auto& f : aw.funding)
      funding.push_back({{"payer", f.payer}, {"min", f.lo.normalized().toString()}, {"max", f.hi.normalized().toString()}});
    j["funding"] = funding;
    j["funding_arrangement"] = aw.fundingArrangement.empty() ? json() : json(aw.fundingArrangement);
    j["funding_undecided"] = aw.fundingUndecided;
    // Which part took the odd 分, as data: a billing program reads the index, not the note's words.
    auto remainder = [](int part) { return part < 0 ? json() : json(part); };
    j["funding_remainder"] = remainder(aw.fundingRemainder);
    json inst = json::array();
    for (const auto& i : aw.installments)
      inst.push_back({{"year", i.year}, {"min", i.lo.normalized().toString()}, {"max", i.hi.normalized().toString()}});
    j["installments"] = inst;
    j["installments_remainder"] = remainder(aw.installmentsRemainder);
    j["text"] = cl.text;
    j["notes"] = aw.notes;
    if (!aw.mayBeReplacedBy.empty()) j["may_be_replaced_by"] = aw.mayBeReplacedBy;
    j["explanation"] = explain ? json(aw.explanation) : json::array();
    awards.push_back(std::move(j));
  }
  out["awards"] = awards;
  json notInForce = json::array();
  auto day = [](const std::optional<int>& d) { return d ? json(ir::formatDate(*d)) : json(); };
  for (const ir::Document* doc : eval::outOfForce(p, r))
    notInForce.push_back({{"document", doc->number}, {"from", day(doc->effectiveFrom)}, {"to", day(doc->effectiveTo)}});
  if (!notInForce.empty()) out["not_in_force"] = notInForce;
  const auto& t = r.totals;
  json by = json::array();
  for (const auto& [payer, sum] : t.byPayer)
    by.push_back({{"payer", payer}, {"min", sum.first.normalized().toString()}, {"max", sum.second.normalized().toString()}});
  const polrt::GapTotals gaps = eval::gapTotals(r);
  auto range = [](const polrt::RangeSum& x) {
    return json{{"min", x.lo.normalized().toString()}, {"max", x.hi.normalized().toString()}};
  };
  json byArrangement = json::array();
  for (const auto& [arrangement, sum] : gaps.byArrangement) {
    json j = range(sum);
    j["arrangement"] = arrangement;
    byArrangement.push_back(std::move(j));
  }
  out["totals"] = {
      {"exact", t.exact.normalized().toString()},
      {"up_to", t.upTo.normalized().toString()},
      {"range", {{"min", t.rangeLo.normalized().toString()}, {"max", t.rangeHi.normalized().toString()}}},
      {"min", t.lo.normalized().toString()},
      {"max", t.hi.normalized().toString()},
      {"counts",
       {{"exact", t.exactCount}, {"up_to", t.upToCount}, {"range", t.rangeCount}, {"benefit", t.benefits},
        {"negotiated", t.negotiated}, {"dropped", t.dropped}, {"not_assessable", t.notAssessable},
        {"already_received", t.alreadyReceived}}},
      {"by_payer", by},
      {"by_arrangement", byArrangement},
      {"no_funding_rule", range(gaps.noRule)},
      {"funding_undecided", range(gaps.undecided)},
  };
  if (gaps.mayBeReplaced.count) {
    out["totals"]["may_be_replaced"] = range(gaps.mayBeReplaced);
    out["totals"]["may_be_replaced"]["count"] = gaps.mayBeReplaced.count;
  }
  return out;
}

}  // namespace polc
