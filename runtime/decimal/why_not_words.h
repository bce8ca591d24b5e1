// The words of "why did this clause not apply" (docs/eval-output.md, `--why-not`), in one place for
// every evaluator that says it: polc's (compiler/eval/why_not.cpp) and the runtime's
// (runtime/vm/why_not.cpp, which the C API's polrt_why_not gives), so that an agency's own system
// shows the applicant the same reason the command line shows.
#pragma once

#include <string>

namespace polrt {

// What a clause did for an item, in the order of the names below.
enum class WhyNotKind {
  Applied,          // the clause applies: its award is in the result
  OtherSubject,     // about a subject of another applicant (a cluster's clause, an enterprise)
  OutOfForce,       // its document is not in force on the evaluation date
  NoItem,           // the facts list no item of its subject (no 项目)
  Condition,        // a 申报条件 or 条件 failed
  NoTier,           // the conditions hold but no tier or case of the amount applies
  NotAssessable,    // a fact it needs is missing
  AlreadyReceived,  // 一次性, paid in an earlier year
  Dropped,          // a non-stacking group kept another award
  CappedToZero,     // a cap over several clauses cut it to 0
};

inline const char* whyNotKindName(WhyNotKind k) {
  switch (k) {
    case WhyNotKind::Applied: return "applied";
    case WhyNotKind::OtherSubject: return "other_subject";
    case WhyNotKind::OutOfForce: return "out_of_force";
    case WhyNotKind::NoItem: return "no_item";
    case WhyNotKind::Condition: return "condition";
    case WhyNotKind::NoTier: return "no_tier";
    case WhyNotKind::NotAssessable: return "not_assessable";
    case WhyNotKind::AlreadyReceived: return "already_received";
    case WhyNotKind::Dropped: return "dropped";
    case WhyNotKind::CappedToZero: return "capped_to_zero";
  }
  return "?";
}

// What an award in the result says of its clause for its item, by its status: the result's reason
// stays with it but for one that applies.
inline WhyNotKind awardWhyNotKind(bool dropped, bool notAssessable, bool alreadyReceived, bool cappedToZero) {
  if (dropped) return WhyNotKind::Dropped;
  if (notAssessable) return WhyNotKind::NotAssessable;
  if (alreadyReceived) return WhyNotKind::AlreadyReceived;
  return cappedToZero ? WhyNotKind::CappedToZero : WhyNotKind::Applied;
}

// What a condition gives, as a clause's conditions see it (docs/ir.md).
enum class Truth { True, False, NoValue, Absent, Error };

inline const char* truthWords(Truth t) {
  switch (t) {
    case Truth::True: return "成立";
    case Truth::False: return "不成立";
    case Truth::NoValue: return "无适用档";
    case Truth::Absent: return "缺少事实";
    case Truth::Error: return "计算出错";
  }
  return "?";
}

// How the parts of a traced condition make the whole; "" for a leaf.
inline constexpr const char* kJoinAnd = "且";
inline constexpr const char* kJoinOr = "或";
inline constexpr const char* kJoinNot = "非";
inline constexpr const char* kJoinIf = "若";
inline constexpr const char* kJoinCases = "分情形";

inline std::string otherSubjectReason(const std::string& clauseSubject, const std::string& applicant) {
  return "本条款的对象是 " + clauseSubject + "，申报主体是 " + applicant;
}
inline std::string outOfForceReason(const std::string& date, const std::string& number, const std::string& period) {
  return "评价日期 " + date + " 不在该文件的有效期内：" + number + "（" + period + "）";
}
inline std::string noItemReason(const std::string& subject) { return "事实中没有" + subject + "（本条款的对象）"; }
inline constexpr const char* kNoTierReason = "条件均满足，但金额的分档或分情形没有适用的一档";
// A fact's value as a trace shows it: absent, or taken from its default.
inline constexpr const char* kFactNotGiven = "未提供";
inline constexpr const char* kFactDefaulted = "（未提供，按默认）";
// 首次超 compares this year's value with every earlier year's: the highest of them.
inline std::string priorHighestWhat(const std::string& factPath) { return "往年最高 " + factPath; }
inline constexpr const char* kNoPriorYears = "无往年记录";

}  // namespace polrt
