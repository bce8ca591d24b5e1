// Which parts of a failed condition "why did this clause not apply" shows (docs/eval-output.md,
// `--why-not`), in one place for the two evaluators that walk compiled traces: the runtime's
// (runtime/vm/why_not.cpp, over the bytecode's traces section) and the generated C++'s
// (polc_runtime.h's whyNot, over its per-clause trace tables). polc's own Tracer
// (compiler/eval/why_not.cpp) makes the same choices over the IR; the differential test
// (tests/differential/why_not_diff.cpp) compares the three.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "decimal/why_not_words.h"

namespace polrt {

struct WhyNotValue {
  std::string what;   // 企业.项目[0].设备投入, 上年(企业.营业收入), 往年最高 企业.营业收入
  std::string value;  // 8000万元, 未提供
};

// One line of a traced condition, in preorder: the condition that failed at depth 0, its parts
// below it (a 或 none of whose sides holds, a 非, a 若, an undecided 且, a 分情形's cases).
struct TraceLine {
  int depth = 0;
  std::string text;     // as the policy writes it
  std::string outcome;  // 成立, 不成立, 无适用档, 缺少事实, 计算出错
  std::string joiner;   // 且, 或, 非, 若, 分情形; "" for a leaf
  std::vector<WhyNotValue> values;
};

// `t` gives, for a node `n` of the traces: t.truth(n) (a Truth, the node run again for the item),
// t.text(n), t.joiner(n) (kJoinAnd …, "" for a leaf), t.parts(n) (its parts' nodes, a range) and
// t.reads(n, values) (what a leaf reads, each once). `top`: a 申报条件 or 条件 itself, where a
// false operand of 且 stands for the whole (a clause's conditions are one 且); inside 或, 非 or 若
// the 且 is shown with it, as the policy writes it.
template <class Traces, class Node>
void traceCondition(Traces& t, Node n, bool top, int depth, std::vector<TraceLine>& out) {
  const Truth whole = t.truth(n);
  const std::string_view joiner = t.joiner(n);
  out.push_back({depth, std::string(t.text(n)), truthWords(whole), std::string(joiner), {}});
  if (joiner == kJoinAnd || joiner == kJoinOr) {
    // An operand that decides (false for 且, true for 或) is why: shown alone under its 且/或, or
    // in place of a 且 that is a condition itself.
    const Truth decider = joiner == kJoinAnd ? Truth::False : Truth::True;
    if (whole == decider)
      for (Node k : t.parts(n))
        if (t.truth(k) == decider) {
          if (top && joiner == kJoinAnd) {
            out.pop_back();
            traceCondition(t, k, true, depth, out);
          } else {
            traceCondition(t, k, false, depth + 1, out);
          }
          return;
        }
    for (Node k : t.parts(n)) traceCondition(t, k, false, depth + 1, out);
  } else if (joiner == kJoinNot) {
    for (Node k : t.parts(n)) traceCondition(t, k, false, depth + 1, out);
  } else if (joiner == kJoinIf) {
    // The test, then the branch it chose, if it chose one.
    int i = 0;
    Truth test = Truth::Error;
    for (Node k : t.parts(n)) {
      if (i == 0) test = t.truth(k);
      if (i == 0 || (i == 1 && test == Truth::True) || (i == 2 && test == Truth::False))
        traceCondition(t, k, false, depth + 1, out);
      ++i;
    }
  } else {
    t.reads(n, out.back().values);
  }
}

// The amount's first 分档 or 分情形 that found no entry (t.noEntry(n)), of `unmatched` in the
// order polc searches them: the value it divided (a 分档's reads), or each case (a 分情形's parts).
template <class Traces, class Nodes>
void traceUnmatched(Traces& t, const Nodes& unmatched, std::vector<TraceLine>& out) {
  for (auto n : unmatched) {
    if (!t.noEntry(n)) continue;
    const std::string_view joiner = t.joiner(n);
    out.push_back({0, std::string(t.text(n)), truthWords(Truth::NoValue), std::string(joiner), {}});
    if (joiner == kJoinCases)
      for (auto k : t.parts(n)) traceCondition(t, k, false, 1, out);
    else
      t.reads(n, out.back().values);
    return;
  }
}

// Why an item got no award: the first of the clause's 申报条件 (`eligibility`), then 条件
// (`conditions`), that is false or found no entry, traced; else the amount's 分档 or 分情形 that
// found none. Sets `kind`, `where`, `reason` and `lines` as the caller's entry holds them.
template <class Traces, class Nodes>
void traceNotApplied(Traces& t, const Nodes& eligibility, const Nodes& conditions, const Nodes& unmatched,
                     WhyNotKind& kind, std::string& where, std::string& reason, std::vector<TraceLine>& lines) {
  auto failed = [&](const Nodes& nodes, const char* place) {
    for (auto n : nodes) {
      const Truth truth = t.truth(n);
      if (truth != Truth::False && truth != Truth::NoValue) continue;
      kind = WhyNotKind::Condition;
      where = place;
      reason = std::string(place) + truthWords(Truth::False);
      traceCondition(t, n, true, 0, lines);
      return true;
    }
    return false;
  };
  if (failed(eligibility, "申报条件") || failed(conditions, "条件")) return;
  kind = WhyNotKind::NoTier;
  reason = kNoTierReason;
  traceUnmatched(t, unmatched, lines);
}

}  // namespace polrt
