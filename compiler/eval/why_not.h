// Why a clause paid an item nothing (`polc eval --why-not`, docs/eval-output.md): the first
// condition that failed, as the policy writes it, with the values it read; or the other reasons a
// clause pays nothing (out of force, 一次性 already received, dropped by a group, cut to 0 by a cap,
// not assessable). Computed after the evaluation, whichever backend made it, from the IR, the facts
// and the result, by the reference evaluator's condition evaluation (ExprEval): the differential
// tests prove that every backend pays the same clauses, so one computation serves them all and no
// backend needs a pass of its own.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "decimal/why_not_words.h"
#include "eval/eval.h"

namespace polc::eval {

// applied, other_subject, out_of_force, no_item, condition, no_tier, not_assessable,
// already_received, dropped, capped_to_zero: the runtime's words too (decimal/why_not_words.h)
using polrt::WhyNotKind;
using polrt::whyNotKindName;

// A value a condition read: `企业.项目[0].设备投入` = `8000万元`.
struct ReadValue {
  std::string what;
  std::string value;
};

// A condition as the policy writes it and what it gave, with the values it read. Where one operand
// decides (a false one of 且) it stands for the whole; 或 (none of whose sides holds), 非 (what
// held), 若 and an undecided 且 show each part.
struct ConditionTrace {
  std::string text;
  Span span;
  std::string outcome;  // 成立, 不成立, 无适用档, 缺少事实, 计算出错
  std::string joiner;   // 且, 或, 非, 若, 分情形: how the parts make the whole; empty for a leaf
  std::vector<ReadValue> values;
  std::vector<ConditionTrace> parts;
};

struct WhyNot {
  int clause = -1;
  int instance = -1;  // the item; -1 when the facts list none the clause is about
  int award = -1;     // its award in the result, -1 when there is none
  WhyNotKind kind = WhyNotKind::Applied;
  std::string reason;  // in the result's words: a drop's, a cap's, 缺少事实：…, the period
  std::string where;   // Condition: 申报条件 or 条件
  std::optional<ConditionTrace> condition;  // Condition, NoTier
  std::vector<std::string> missing;         // NotAssessable
};

// For each clause of `clauses` (in order) and each item it is about: whether it applied and, when
// not, why. `onlyUnpaid` leaves out the items a clause pays (`--why-not all`).
std::vector<WhyNot> whyNot(const ir::Program& p, const Applicant& a, const Result& r, const std::vector<int>& clauses,
                           bool onlyUnpaid);

}  // namespace polc::eval
