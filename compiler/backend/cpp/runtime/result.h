// polc_runtime.h, part 6 of 11: the result (awards, their funding and installments, totals) and its canonical summary.
// polc writes the parts as one header (runtime_header.cmake); each is a header of its own so
// that the source can be read, and compiled, a part at a time.
#pragma once

#include "applicant.h"

namespace polc_rt {

// ---- the result -------------------------------------------------------------------------------

enum class Status : uint8_t { Kept, Capped, QuotaLimited, Dropped, NotAssessable, AlreadyReceived };
inline const char* statusName(Status s) {
  switch (s) {
    case Status::Kept: return "kept";
    case Status::Capped: return "capped";
    case Status::QuotaLimited: return "quota_limited";
    case Status::Dropped: return "dropped";
    case Status::NotAssessable: return "not_assessable";
    case Status::AlreadyReceived: return "already_received";
  }
  return "?";
}

struct FundingPart {
  const char* payer;
  Dec lo, hi;
};
struct Installment {
  int year;
  Dec lo, hi;
};

// Why an award has its status, kept as the facts of it and put in words only when read
// (Result::reason): formatting every reason as the awards were decided cost more than evaluating
// the clauses, and most callers never read most reasons.
enum class ReasonKind : uint8_t { None, AlreadyReceived, MissingFacts, Quota, NotStacking, Capped };
struct Reason {
  ReasonKind kind = ReasonKind::None;
  int index = -1;  // AlreadyReceived: the year received; NotStacking: the group; Capped: the cap
  int kept = -1;   // NotStacking: the award kept
  int tie = 0;     // NotStacking: how the award kept won a tie, if it was one (tieRule)
  Dec a, b, c;     // AlreadyReceived: the amount; NotStacking: the kept award's lo and hi when compared;
                   // Capped: the total, what was received before, the excess
};

// One clause evaluated for one item. A plain value apart from the explanation (empty unless asked
// for): its parts of variable length — funding split, installments, missing facts — are ranges of
// the result's buffers (Result::funding, installments, missing), so that evaluating again into the
// same Result allocates nothing once the buffers have grown.
struct Award {
  int clause = -1;    // index into the clause table: citation, title, 原文, kind, target …
  int instance = -1;  // the item the clause was evaluated for (index into Result::instances)
  AwardKind kind = AwardKind::Pay;
  Form form = Form::Exact;
  Dec lo, hi;         // final amounts, after caps over several clauses
  Dec computedHi;     // the ceiling before those caps
  Status status = Status::Kept;
  bool capped = false;
  bool quotaLimited = false;
  bool fundingUndecided = false;  // a funding rule needs an absent fact (its names: the missing range)
  Reason why;                     // Result::reason
  int payee = -1;        // instance of the payee, -1 when the facts do not list it
  int payeeSubject = -1;
  const char* fundingArrangement = nullptr;  // a funding rule in words: no split
  int fundingFrom = 0, fundingCount = 0;            // Result::funding
  int fundingRule = -1;                             // of the document, that split it (Result::notes)
  int installmentsFrom = 0, installmentsCount = 0;  // Result::installments
  int missingFrom = 0, missingCount = 0;            // Result::missing
  std::vector<std::string> explanation;  // filled only when asked for
  std::size_t dropLine = 0;              // a drop's line in it (Run::settleDrops)

  bool hasAmount() const {
    return kind == AwardKind::Pay && status != Status::NotAssessable && status != Status::AlreadyReceived;
  }
  bool counted() const {
    return status != Status::Dropped && status != Status::NotAssessable && status != Status::AlreadyReceived;
  }
};

struct PayerTotal {
  const char* payer;
  Dec lo, hi;
};

struct Totals {
  Dec exact, upTo, rangeLo, rangeHi, lo, hi;
  int exactCount = 0, upToCount = 0, rangeCount = 0;
  int benefits = 0, negotiated = 0, dropped = 0, notAssessable = 0, alreadyReceived = 0;
  std::vector<PayerTotal> byPayer;  // sorted by payer name (bytes)
};

// What the trial of the caps over several clauses works on (Run::payable).
struct Trial {
  int clause, instance;
  AwardKind kind;
  Status status;
  Dec lo, hi;
  bool capped = false;
  bool counted() const {
    return status != Status::Dropped && status != Status::NotAssessable && status != Status::AlreadyReceived;
  }
};

struct Result {
  int date = 0;
  std::vector<Instance> instances;  // [0] is the applicant
  std::vector<Award> awards;
  Totals totals;
  const ProgramInfo* program = nullptr;
  // The awards' parts (Award::fundingFrom …): read them with funding(), installments(), missing().
  std::vector<FundingPart> fundingParts;
  std::vector<Installment> installmentParts;
  std::vector<MissingFact> missingFacts;
  // A counted member of a non-stacking group's partition some of whose members are not assessable:
  // those are unassessed[from, from + count) (replaceableNote; Run::partition).
  struct Replaceable {
    int award, group, from, count;
  };
  std::vector<Replaceable> replaceable;
  std::vector<int> unassessed;
  // What polc eval warns about the applicant, in its words: each award received given by its target
  // alone that a 累计/年度 cap or a 一次性 clause of that target would count had it its citation
  // (Run::warnUncounted). Its locator is the item's path and the award's place in that item's
  // 已获奖励 (企业.项目[0].已获奖励[1]), as polc eval's without its file name.
  std::vector<std::string> warnings;
  // The documents with clauses not in force on `date` (indices into program->documents, in its
  // order), which polc eval lists as not_in_force and the C API as polrt_not_in_force_*: the date
  // is why none of their clauses applies (no date means today), with other awards or none.
  std::vector<int> notInForce;
  // Whether it holds an evaluation: set when evaluate returns, cleared when it throws. whyNot
  // refuses a result without one, as polrt_why_not does after polrt_evaluate failed: it would
  // trace again every clause of an evaluation that never finished, paid ones among them.
  bool evaluated = false;

  // The evaluation's working buffers. Not part of the result: they live here so that evaluating
  // into a reused Result allocates nothing once they have grown, without any state outside it.
  struct Work {
    std::vector<ReceivedAt> received;
    std::vector<std::vector<int>> bySubject;  // instances of each subject, in order
    std::vector<MissingFact> missing;         // of the clause being evaluated
    std::vector<const char*> payers;          // of the funding rule applied: a fact's value, else null
    std::vector<std::string> lines;           // explanation lines of the clause being evaluated
    std::vector<Dec> pay;                     // what each award would pay (non-stacking)
    std::vector<Trial> trial;
    struct Cut {  // a cut of the trial, kept when explaining: to what a cap cut an award
      int award, cap;
      Dec lo, hi;
    };
    std::vector<Cut> cuts;
    std::vector<std::tuple<int, int, int>> members;  // of a non-stacking group
    std::vector<std::pair<int, int>> byOwner;        // of a cap over several clauses
    std::vector<int> capMembers;
    // The subjects some clause of `payeesOf` pays below its own (Run::warnSharedPayees).
    std::vector<int> payeesBelow;
    const ProgramInfo* payeesOf = nullptr;
  } work;

  // Empties the result for another evaluation, keeping every buffer's memory.
  void reset(const ProgramInfo& p, int day) {
    date = day;
    program = &p;
    instances.clear();
    clearAfterError();
    warnings.clear();
    work.received.clear();
    for (auto& list : work.bySubject) list.clear();
    work.missing.clear();
    work.lines.clear();
  }

  // What a Result holds after evaluate threw: no awards and zero totals, as the C API's session after
  // an error — neither the awards this evaluation made before it failed nor the previous
  // applicant's. The warnings stay: they are about the applicant, not the result.
  void clearAfterError() {
    evaluated = false;
    awards.clear();
    std::vector<PayerTotal> byPayer = std::move(totals.byPayer);
    byPayer.clear();
    totals = Totals();
    totals.byPayer = std::move(byPayer);
    fundingParts.clear();
    installmentParts.clear();
    missingFacts.clear();
    replaceable.clear();
    unassessed.clear();
    notInForce.clear();
  }

  const ClauseInfo& clause(const Award& aw) const { return program->clauses[aw.clause]; }
  // 企业.项目[1]
  std::string path(int instance) const {
    const Instance& in = instances[static_cast<std::size_t>(instance)];
    const char* name = program->subjects[in.subject].name;
    if (in.parent < 0) return name;
    return path(in.parent) + "." + name + "[" + std::to_string(in.index) + "]";
  }
  // The clause of an award, and its item when that is not the applicant.
  std::string describe(const Award& aw) const {
    const std::string citation = clause(aw).citation;
    return instances[static_cast<std::size_t>(aw.instance)].parent >= 0 ? citation + " " + path(aw.instance) : citation;
  }
  std::string payee(const Award& aw) const {
    return aw.payee >= 0 ? path(aw.payee) : std::string(program->subjects[aw.payeeSubject].name) + "（事实中未列出）";
  }
  // The funding split (each payer's part) and the installments of an award.
  Span<FundingPart> funding(const Award& aw) const {
    return Span<FundingPart>{fundingParts.data() + aw.fundingFrom, aw.fundingCount};
  }
  Span<Installment> installments(const Award& aw) const {
    return Span<Installment>{installmentParts.data() + aw.installmentsFrom, aw.installmentsCount};
  }
  // NotAssessable: the facts it needs.
  std::vector<std::string> missing(const Award& aw) const {
    std::vector<std::string> out;
    if (aw.status == Status::NotAssessable) out = texts(aw);
    return out;
  }
  // The clause's 释义; as the steps go, why the parts of the installments differ, then why those of
  // the funding split do or that its rule could not be decided; then the groups that may still drop
  // the award.
  std::vector<std::string> notes(const Award& aw) const {
    const ClauseInfo& cl = clause(aw);
    std::vector<std::string> out(cl.notes.begin(), cl.notes.end());
    if (std::string reason = installmentsRemainder(aw).reason; !reason.empty()) out.push_back(installmentsRemainderNote(reason));
    if (std::string reason = fundingRemainder(aw).reason; !reason.empty()) out.push_back(fundingRemainderNote(reason));
    if (aw.fundingUndecided) out.push_back(fundingUndecidedNote(joined(texts(aw))));
    if (aw.counted())
      for (const Replaceable& m : replaceable)
        if (&awards[static_cast<std::size_t>(m.award)] == &aw) out.push_back(replaceableNote(program->groups[m.group].name, names(m)));
    return out;
  }
  // Who took the remainder and why, none when the parts are even (remainder): `part` the index of the
  // installment or funding part that took it (-1 when even), `reason` the note's words. Made when
  // asked from the parts and the rules that made them, since most callers never read the notes.
  Remainder installmentsRemainder(const Award& aw) const {
    if (aw.installmentsCount == 0) return {};
    const ClauseInfo& cl = clause(aw);
    const Span<Installment> parts = installments(aw);
    return polc_rt::installmentsRemainder(
        parts.size, aw.lo, aw.hi, partRules(program->documents[cl.document]),
        [&](int i) -> const Installment& { return parts[i]; }, [&](int i) -> const Dec& { return cl.installments[i]; });
  }
  // The payer that took the remainder is the last of a ratio split, else the 其余 one or the last.
  Remainder fundingRemainder(const Award& aw) const {
    if (aw.fundingRule < 0 || aw.fundingCount == 0) return {};
    const DocumentInfo& doc = program->documents[clause(aw).document];
    const FundingRule& rule = doc.funding[aw.fundingRule];
    const bool byRatio = rule.ratioPayers.size > 0;
    Dec total;
    for (const Dec& part : rule.ratio)
      if (add(total, part, total) != ArithError::None) return {};  // the split failed at its sum
    int rest = aw.fundingCount - 1;
    for (int i = 0; i < rule.shares.size; ++i)
      if (rule.shares[i].rest) rest = i;
    const Span<FundingPart> parts = funding(aw);
    return remainder(
        parts.size, rest, aw.lo, aw.hi, byRatio ? total : Dec::fromParts(1, 0), partRules(doc),
        [&](int i) -> const Dec& { return byRatio ? rule.ratio[i] : rule.shares[i].proportion; },
        [&](int i) -> const FundingPart& { return parts[i]; }, [&](int i) { return std::string(parts[i].payer); });
  }
  // How a part is rounded: the document's 舍入, else to the fen (Run::partUnit, Run::partMode).
  static PartRounding partRules(const DocumentInfo& doc) {
    return doc.rounds ? PartRounding{doc.unit, doc.mode, doc.roundingText} : defaultPartRounding();
  }
  // The not-assessable members of non-stacking groups that may replace the award once assessed.
  std::vector<std::string> mayBeReplacedBy(const Award& aw) const {
    std::vector<std::string> out;
    if (aw.counted())
      for (const Replaceable& m : replaceable)
        if (&awards[static_cast<std::size_t>(m.award)] == &aw)
          for (std::string& name : names(m))
            if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(std::move(name));
    return out;
  }
  // The totals polc eval's JSON gives beside by_payer: by_arrangement, no_funding_rule,
  // funding_undecided (from Award::fundingUndecided) and may_be_replaced (the kept awards
  // mayBeReplacedBy names some member for). Computed when asked: most callers never read them.
  GapTotals gaps() const {
    GapTotals out;
    for (const Award& aw : awards) {
      const bool mayBeReplaced =
          aw.counted() && std::any_of(replaceable.begin(), replaceable.end(), [&](const Replaceable& m) {
            return &awards[static_cast<std::size_t>(m.award)] == &aw;
          });
      const bool arrangement = aw.fundingArrangement != nullptr;
      out.add(fundingGap(aw.counted(), aw.hasAmount(), aw.fundingCount != 0, arrangement, aw.fundingUndecided),
              arrangement ? aw.fundingArrangement : "", mayBeReplaced, aw.hasAmount(), aw.lo, aw.hi);
    }
    return out;
  }
  // Why the award has its status, in words; empty for a plain award.
  std::string reason(const Award& aw) const {
    const Reason& w = aw.why;
    switch (w.kind) {
      case ReasonKind::None: return "";
      case ReasonKind::AlreadyReceived:
        return "一次性奖励：" + std::to_string(w.index) + "年已获 " + money(w.a) + "，不再给予";
      case ReasonKind::MissingFacts: return "缺少事实：" + joined(texts(aw));
      case ReasonKind::Quota: {
        const ClauseInfo& cl = clause(aw);
        return std::string("名额限制：") + (cl.quotaAnnual ? "每年" : "") + "择优支持不超过" + std::to_string(cl.quota) +
               "个，是否获得取决于全部申报者的排序";
      }
      case ReasonKind::NotStacking: {
        const GroupInfo& g = program->groups[w.index];
        const Award& kept = awards[static_cast<std::size_t>(w.kept)];
        const std::string preferred = program->documents[clause(kept).document].number;
        if (kept.status != Status::Dropped)
          return dropReason(g.name, describe(kept), amountText(w.a, w.b, kept.form), g.text, w.tie, preferred);
        // A later group dropped the award kept: name the one finally kept (no cycle: a dropped
        // award competes in no later group).
        const Award* last = &kept;
        while (last->status == Status::Dropped) last = &awards[static_cast<std::size_t>(last->why.kept)];
        return dropReasonChained(g.name, describe(kept), amountText(w.a, w.b, kept.form), w.tie, preferred,
                                 program->groups[kept.why.index].name, describe(*last), g.text);
      }
      case ReasonKind::Capped: {
        const CapInfo& k = program->caps[w.index];
        return std::string(k.name) + " " + money(k.amount) + "：合计 " + money(w.a) +
               (w.b.isZero() ? "" : "（含已获 " + money(w.b) + "）") + "，超出 " + money(w.c) + "；本项减至 " +
               amountText(aw.lo, aw.hi, aw.form) + (k.text[0] ? std::string("；原文：") + k.text : "");
      }
    }
    return "";
  }

 private:
  std::vector<std::string> names(const Replaceable& m) const {
    std::vector<std::string> out;
    for (int i = 0; i < m.count; ++i) out.push_back(describe(awards[static_cast<std::size_t>(unassessed[static_cast<std::size_t>(m.from + i)])]));
    return out;
  }
  std::vector<std::string> texts(const Award& aw) const {
    std::vector<std::string> out;
    for (int i = 0; i < aw.missingCount; ++i) out.push_back(missingFacts[static_cast<std::size_t>(aw.missingFrom + i)].text());
    return out;
  }
  static std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? "、" : "") + parts[i];
    return out;
  }
};

struct Options {
  std::optional<int> date;  // overrides the applicant's date; neither: today
  bool explain = false;
};

// One line per award and one for the totals: a canonical form for comparing evaluators.
inline std::string summary(const Result& r) {
  std::string out;
  auto d = [](const Dec& v) { return v.normalized().toString(); };
  for (const auto& aw : r.awards) {
    const ClauseInfo& cl = r.clause(aw);
    out += std::string(cl.citation) + " | " + r.path(aw.instance) + " | " + kindName(aw.kind) + " | " + statusName(aw.status);
    if (aw.hasAmount()) out += " | " + std::string(formName(aw.form)) + " " + d(aw.lo) + " " + d(aw.hi) + " (" + d(aw.computedHi) + ")";
    out += " | " + r.payee(aw);
    for (const auto& f : r.funding(aw)) out += " | " + std::string(f.payer) + " " + d(f.lo) + " " + d(f.hi);
    if (aw.fundingArrangement) out += std::string(" | ") + aw.fundingArrangement;
    for (const auto& i : r.installments(aw)) out += " | " + std::to_string(i.year) + " " + d(i.lo) + " " + d(i.hi);
    out += " | remainder " + std::to_string(r.fundingRemainder(aw).part) + " " + std::to_string(r.installmentsRemainder(aw).part);
    if (std::string reason = r.reason(aw); !reason.empty()) out += " | " + reason;
    for (const auto& n : r.notes(aw)) out += " | " + n;
    out += "\n";
  }
  const Totals& t = r.totals;
  out += "totals | exact " + d(t.exact) + " (" + std::to_string(t.exactCount) + ") | up_to " + d(t.upTo) + " (" +
         std::to_string(t.upToCount) + ") | range " + d(t.rangeLo) + " " + d(t.rangeHi) + " (" +
         std::to_string(t.rangeCount) + ") | " + d(t.lo) + " " + d(t.hi) + " | " + std::to_string(t.benefits) + " " +
         std::to_string(t.negotiated) + " " + std::to_string(t.dropped) + " " + std::to_string(t.notAssessable) + " " +
         std::to_string(t.alreadyReceived);
  for (const auto& p : t.byPayer) out += " | " + std::string(p.payer) + " " + d(p.lo) + " " + d(p.hi);
  out += "\n";
  return out + r.gaps().canonical();
}

}  // namespace polc_rt
