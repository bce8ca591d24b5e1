#include "backend/bytecode/bridge.h"

namespace polc::bytecode {

using polrt::Val;

namespace {

Val toVal(const ir::Value& v) {
  Val out;
  switch (v.type) {
    case ir::VType::Num:
      out.kind = polrt::bc::kNum;
      out.lo = v.lo;
      out.hi = v.hi;
      out.form = v.form == AmountForm::Exact ? polrt::bc::kExact : v.form == AmountForm::UpTo ? polrt::bc::kUpTo : polrt::bc::kRange;
      break;
    case ir::VType::Bool: out.kind = polrt::bc::kBool; out.i = v.b; break;
    case ir::VType::Enum: out.kind = polrt::bc::kEnum; out.i = v.e; break;
    case ir::VType::Date: out.kind = polrt::bc::kDate; out.i = v.day; break;
    case ir::VType::Set:
    case ir::VType::Recognition:
      out.kind = polrt::bc::kSet;
      static_assert(ir::kMaxEnumMembers == 256, "the VM's sets are four 64-bit words");
      // A word at a time, stopping at the last non-zero one (out.bits starts zero; most sets
      // have members only in the first): batches load thousands of sets.
      {
        const ir::Bits word(~uint64_t{0});
        ir::Bits rest = v.bits;
        for (int w = 0; w < 4 && rest.any(); ++w, rest >>= 64) out.bits[w] = (rest & word).to_ullong();
      }
      break;
    case ir::VType::Text: out.kind = polrt::bc::kText; break;
  }
  return out;
}

}  // namespace

namespace {

// The setter calls that give `a`, made on a session or on a recording (polrt::Applicant): both
// have the same setters.
template <class Sink>
void give(Sink& s, const eval::Applicant& a, std::optional<int> date) {
  for (const auto& in : a.instances) {
    int i = s.addInstance(in.subject, in.parent);
    if (i < 0) continue;
    // The counts are read once: the setters write memory that the compiler cannot tell apart
    // from the applicant's vectors, and would reload them after each.
    const int facts = static_cast<int>(in.facts.size());
    for (int slot = 0; slot < facts; ++slot) {
      if (!in.facts[slot]) continue;
      const ir::Value& v = *in.facts[slot];
      switch (v.type) {
        case ir::VType::Num: s.setNum(i, slot, v.lo); break;
        case ir::VType::Bool: s.setBool(i, slot, v.b); break;
        case ir::VType::Enum: s.setEnum(i, slot, v.e); break;
        case ir::VType::Date: s.setDay(i, slot, v.day); break;
        case ir::VType::Text: s.setText(i, slot, v.text); break;
        case ir::VType::Set: {
          Val x = toVal(v);
          s.setSetBits(i, slot, x.bits);
          break;
        }
        case ir::VType::Recognition:
          s.setRecognition(i, slot);
          for (const auto& g : v.grants) s.addGrant(i, slot, g.member, g.day);
          break;
      }
    }
    const int histories = static_cast<int>(in.history.size());
    for (int slot = 0; slot < histories; ++slot)
      for (const auto& [year, v] : in.history[slot]) s.setHistory(i, slot, year, toVal(v));
  }
  for (const auto& r : a.received) s.addReceived(r.instance, r.clause, r.target, r.amount, r.year, r.citation);
  if (date) s.setDate(*date);
  else if (a.date) s.setDate(*a.date);
}

}  // namespace

void loadApplicant(polrt::Session& s, const eval::Applicant& a, std::optional<int> date) {
  s.reset();
  give(s, a, date);
}

polrt::Applicant record(const eval::Applicant& a, std::optional<int> date) {
  polrt::Applicant out;
  give(out, a, date);
  out.group();
  return out;
}

eval::Result toResult(const polrt::Session& s, bool explain) {
  const polrt::Program& p = s.program();
  eval::Result r;
  r.date = s.date();
  for (int k = 0; k < s.awardCount(); ++k) {
    const polrt::AwardR& a = s.award(k);
    eval::Award aw;
    aw.clause = a.clause;
    aw.instance = a.instance;
    aw.kind = a.kind == polrt::kPay ? ir::AwardKind::Pay : a.kind == polrt::kBenefit ? ir::AwardKind::Benefit
              : a.kind == polrt::kNegotiated ? ir::AwardKind::Negotiated : ir::AwardKind::None;
    aw.form = a.form == polrt::bc::kExact ? AmountForm::Exact : a.form == polrt::bc::kUpTo ? AmountForm::UpTo : AmountForm::Range;
    aw.lo = a.lo;
    aw.hi = a.hi;
    aw.computedHi = a.computedHi;
    aw.status = static_cast<eval::Status>(a.status);
    aw.capped = a.capped;
    aw.quotaLimited = a.quotaLimited;
    aw.reason = s.reasonText(a);
    aw.missing = s.missing(a);
    aw.payeeInstance = a.payeeInstance;
    aw.payee = s.payeeText(a);
    for (uint32_t i = 0; i < a.fundingCount; ++i) {
      const auto& f = s.funding(a)[i];
      aw.funding.push_back(eval::FundingPart{p.strings[f.payer], f.lo, f.hi});
    }
    if (a.arrangement != polrt::bc::kNone) aw.fundingArrangement = p.strings[a.arrangement];
    aw.fundingUndecided = a.fundingUnknown;
    for (uint32_t i = 0; i < a.instCount; ++i) {
      const auto& in = s.installments(a)[i];
      aw.installments.push_back(eval::Installment{in.year, in.lo, in.hi});
    }
    aw.notes = s.notes(a);
    aw.remainderNotes = static_cast<int>(s.remainderNotes(a).size());
    aw.fundingRemainder = s.fundingRemainder(a).part;
    aw.installmentsRemainder = s.installmentsRemainder(a).part;
    aw.mayBeReplacedBy = s.mayBeReplacedBy(a);
    if (explain) aw.explanation = a.explanation;
    r.awards.push_back(std::move(aw));
  }
  const polrt::TotalsR& t = s.totals();
  eval::Totals& o = r.totals;
  o.exact = t.exact;
  o.upTo = t.upTo;
  o.rangeLo = t.rangeLo;
  o.rangeHi = t.rangeHi;
  o.lo = t.lo;
  o.hi = t.hi;
  o.exactCount = t.exactCount;
  o.upToCount = t.upToCount;
  o.rangeCount = t.rangeCount;
  o.benefits = t.benefits;
  o.negotiated = t.negotiated;
  o.dropped = t.dropped;
  o.notAssessable = t.notAssessable;
  o.alreadyReceived = t.alreadyReceived;
  for (std::size_t i = 0; i < t.payerUsed.size(); ++i)
    if (t.payerUsed[i]) o.byPayer[p.strings[p.payerNames[i]]] = t.byPayer[i];
  return r;
}

}  // namespace polc::bytecode
