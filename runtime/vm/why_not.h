// What Session::whyNot gives (runtime/vm/why_not.cpp): for a clause and an item, whether it paid
// and, when not, why; the same as `polc eval --why-not` (compiler/eval/why_not.h) gives.
#pragma once

#include <string>
#include <vector>

#include "decimal/why_not_words.h"

namespace polrt {

struct WhyNotValueR {
  std::string what;   // 企业.项目[0].设备投入, 上年(企业.营业收入), 往年最高 企业.营业收入
  std::string value;  // 8000万元, 未提供
};

// One line of a traced condition, in preorder: the condition that failed at depth 0, its parts
// below it (a 或 none of whose sides holds, a 非, a 若, an undecided 且, a 分情形's cases).
struct TraceLineR {
  int depth = 0;
  std::string text;     // as the policy writes it
  std::string outcome;  // 成立, 不成立, 无适用档, 缺少事实, 计算出错
  std::string joiner;   // 且, 或, 非, 若, 分情形; "" for a leaf
  std::vector<WhyNotValueR> values;
};

struct WhyNotR {
  int clause = -1;
  int instance = -1;  // the item; -1 when the applicant has none the clause is about
  int award = -1;     // its award in the result, -1 when there is none
  WhyNotKind kind = WhyNotKind::Applied;
  std::string reason;  // the result's words: a drop's, a cap's, 申报条件不成立, the period
  std::string where;   // Condition: 申报条件 or 条件
  std::vector<TraceLineR> condition;  // Condition, NoTier; empty when there is nothing to show
  std::vector<std::string> missing;   // NotAssessable
};

}  // namespace polrt
