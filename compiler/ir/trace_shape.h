// What "why did this clause not apply" (`polc eval --why-not`, docs/eval-output.md) may show of a
// condition: its parts and the values a leaf reads. Decided here once for polc's Tracer
// (eval/why_not.cpp), the bytecode's traces (backend/bytecode/emit_traces.cpp) and the generated
// C++'s (backend/cpp/emit_why_not.cpp), so that the three cannot drift apart; which of the parts a
// trace shows for an applicant is the runtime's choice (runtime/decimal/why_not_walk.h).
#pragma once

#include <vector>

#include "ir/ir.h"

namespace polc::ir {

// How a node's parts make it: a leaf (and an amount's 分档) has none.
enum class TraceJoin { Leaf, And, Or, Not, If, Tiers, Cases };

// A value shown beside a leaf: a fact (as the item gives it), a computed value (上年, 增量, a
// parameter, a side of a comparison that computes), or the highest of a fact's earlier years (首次超).
struct TraceRead {
  enum Kind { Fact, Computed, Highest } kind;
  const Expr* e;  // Highest: the fact
};

struct TraceShape {
  TraceJoin join = TraceJoin::Leaf;
  std::vector<const Expr*> parts;  // And, Or: the operands side by side; Not; If: test, then, else; Cases: the keys
  std::vector<TraceRead> reads;    // Leaf, Tiers: in the order shown, a read the leaf repeats kept
};

// `amount`: a 分档 or 分情形 of a clause's amount, traced when it found no entry (its value, not a
// truth): a 分档 shows the value it divided, a 分情形 its cases.
TraceShape traceShape(const Expr& e, bool amount);

// The joiner a trace line shows (polrt::kJoinAnd …), "" for a leaf and a 分档.
const char* joinerWords(TraceJoin join);

// Every 分档 and 分情形 of an amount, in the order the trace searches for the one that found no entry.
void amountTraceNodes(const Expr& amount, std::vector<const Expr*>& out);

}  // namespace polc::ir
