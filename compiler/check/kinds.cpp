// The findings' codes, names, default severities and rules (docs/checker.md lists them).
#include "check/check.h"

namespace polc::check {

namespace {
struct KindInfo {
  FindingKind kind;
  const char* code;
  const char* name;
  Severity severity;
  const char* rule;
};

const KindInfo kKinds[] = {
    {FindingKind::Overlap, "W0601", "overlap", Severity::Warning,
     "Two clauses can pay the same subject for the same target, and no non-stacking group or stated relation covers them"},
    {FindingKind::Conflict, "W0602", "conflict", Severity::Warning,
     "Two clauses with overlapping conditions pay the same target with different amounts, rates or caps"},
    {FindingKind::CoveredOverlap, "W0603", "covered_overlap", Severity::Note,
     "Two clauses overlap on the same target; a non-stacking group keeps only one of them"},
    {FindingKind::AcceptedOverlap, "W0604", "accepted_overlap", Severity::Note,
     "Two clauses overlap on the same target; the overlap is accepted by a stated relation (关系)"},
    {FindingKind::UndecidedPair, "W0605", "undecided_pair", Severity::Warning,
     "The checker could not decide whether two clauses on the same target overlap"},
    {FindingKind::DeadClause, "W0610", "dead_clause", Severity::Warning, "The conditions of a clause can never hold together"},
    {FindingKind::ContradictoryExclusion, "W0611", "contradictory_exclusion", Severity::Warning,
     "An exclusion (非 / 不属于 / 不为) contradicts what the clause requires, so the clause never applies"},
    {FindingKind::AlwaysTrue, "W0612", "always_true", Severity::Warning,
     "A condition holds for every applicant (given the declared types and 取值 ranges)"},
    {FindingKind::UndecidedClause, "W0613", "undecided_clause", Severity::Note,
     "The checker could not decide whether a clause can apply"},
    {FindingKind::TierPaysLess, "W0620", "tier_pays_less", Severity::Warning,
     "A higher tier (an entry chosen before another whose key it also meets) pays less than the lower one"},
    {FindingKind::TierUnreachable, "W0621", "tier_unreachable", Severity::Warning,
     "A tier can never be chosen: every applicant meeting its key meets an earlier entry, or its key cannot hold"},
    {FindingKind::TierGap, "W0622", "tier_gap", Severity::Warning,
     "A boundary value falls between two tiers or clauses of the same target: neither pays it"},
    {FindingKind::TierOrder, "W0623", "tier_order", Severity::Warning,
     "Tier thresholds are out of order, so a higher threshold is never reached"},
    {FindingKind::CaseRangeGap, "W0624", "case_range_gap", Severity::Warning,
     "A stretch of values (or a level of an ordered enumeration) between two cases of a table, or two clauses of one "
     "target, that nothing covers, with a case or clause paying below and above it; or the one member of an unordered "
     "enumeration that cases or clauses paying every other leave out"},
    {FindingKind::CaseSharedBound, "W0625", "case_shared_bound", Severity::Warning,
     "Two cases of a table both include their common bound (以上 and 以下 of one number): the order of the cases "
     "decides what the applicant at the bound is paid"},
    {FindingKind::CapAboveProgramme, "W0630", "cap_above_programme", Severity::Warning,
     "An item's cap (or its highest amount) is above the cumulative or programme cap that contains it"},
    {FindingKind::CapUnreachable, "W0631", "cap_unreachable", Severity::Warning,
     "No allowed base can reach the cap (given the declared 取值 range)"},
    {FindingKind::CapAlwaysReached, "W0632", "cap_always_reached", Severity::Warning,
     "Every allowed base reaches the cap, so the rate never decides the amount; or a fixed amount is above its own "
     "cap, which always cuts it"},
    {FindingKind::RateOver100, "W0633", "rate_over_100", Severity::Warning,
     "A rate above 100 % of its base (the constant factors of a product together, the top of a range)"},
    {FindingKind::CapNotPositive, "W0634", "cap_not_positive", Severity::Warning,
     "A cap of zero: the clause never pays anything (a cap below 0 is W0636)"},
    {FindingKind::RoundingMovesAmount, "W0635", "rounding_moves_amount", Severity::Warning,
     "The document's 舍入 pays a written amount other than as written, or a cap above itself: the amount or cap is "
     "not a multiple of the rounding unit"},
    {FindingKind::NegativeAmount, "W0636", "negative_amount", Severity::Warning,
     "An amount (of a clause, or of one of its tiers or cases) or a cap below 0: the evaluation stops with an error "
     "for every applicant it applies to"},
    {FindingKind::NeverActs, "W0637", "never_acts", Severity::Warning,
     "A cap over several clauses that covers no clause paying money, or a non-stacking group with fewer than two "
     "that could compete: it never cuts or drops an award"},
    {FindingKind::ReadBeforeFirstValue, "W0638", "read_before_first_value", Severity::Warning,
     "A dated parameter read on the evaluation date, in a document whose 有效期 has no start, has no value before "
     "its first date: an evaluation dated before it that reaches the read stops with an error"},
    {FindingKind::QuoteNumber, "W0639", "quote_number", Severity::Warning,
     "A number the clause's code writes (an amount, a rate, a cap, a threshold) that its 原文 does not state in any "
     "equal form: 3‰ written as 3%, 500万元 as 50万元"},
    {FindingKind::Shadowed, "W0640", "shadowed", Severity::Warning,
     "Inside a take-the-highest group, a clause can never be the one kept"},
    {FindingKind::GapNotSearched, "W0641", "gap_not_searched", Severity::Note,
     "Two clauses of one target whose conditions have more alternatives than the gap search tries: a value between "
     "them that neither pays is neither reported nor ruled out"},
    {FindingKind::QuoteNumberRole, "W0642", "quote_number_role", Severity::Warning,
     "A number the code uses as a threshold, a cap or an amount, that its 原文 states only in another role's words: "
     "the threshold and the cap of one sentence swapped"},
    {FindingKind::KeptAfterEarlierDrop, "W0643", "kept_after_earlier_drop", Severity::Note,
     "Two clauses a non-stacking group compares both pay an applicant, but an earlier group drops the one it would "
     "keep for a third clause, so it keeps the other beside that third award"},
    {FindingKind::PairOverBase, "W0644", "pair_over_base", Severity::Note,
     "Two clauses pay one payee amounts on one base (the same sum of facts, or part of it) that together come to "
     "more than the base: 50 % of an increase beside the part of it above a threshold in full"},
};

const KindInfo& info(FindingKind k) {
  for (const auto& i : kKinds)
    if (i.kind == k) return i;
  return kKinds[0];
}
}  // namespace

const char* codeOf(FindingKind k) { return info(k).code; }
const char* kindName(FindingKind k) { return info(k).name; }
Severity defaultSeverity(FindingKind k) { return info(k).severity; }
const char* ruleDescription(FindingKind k) { return info(k).rule; }
bool hasWitness(FindingKind k) {
  return k != FindingKind::NeverActs && k != FindingKind::QuoteNumber && k != FindingKind::GapNotSearched &&
         k != FindingKind::QuoteNumberRole;
}
const std::vector<FindingKind>& allKinds() {
  static const std::vector<FindingKind> all = [] {
    std::vector<FindingKind> v;
    for (const auto& i : kKinds) v.push_back(i.kind);
    return v;
  }();
  return all;
}

}  // namespace polc::check
