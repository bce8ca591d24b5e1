#include "ir/trace_shape.h"

#include "decimal/why_not_words.h"

namespace polc::ir {

namespace {

// `A 或 B 或 C` is read as `(A 或 B) 或 C`: its operands side by side, as the policy writes them.
void flatten(const Expr& e, std::vector<const Expr*>& out) {
  for (const auto& k : e.kids)
    if (k.op == e.op)
      flatten(k, out);
    else
      out.push_back(&k);
}

// A value a fact alone does not show.
bool computed(Op op) {
  return op == Op::Previous || op == Op::Increase || op == Op::HistoryMax || op == Op::ParamAt || op == Op::Newly;
}

void reads(const Expr& e, std::vector<TraceRead>& out) {
  switch (e.op) {
    case Op::Const: return;
    case Op::Fact: out.push_back({TraceRead::Fact, &e}); return;
    case Op::FirstOver: out.push_back({TraceRead::Highest, &e.kids[0]}); break;
    case Op::Compare:
      for (const auto& k : e.kids)
        if (k.op != Op::Const && k.op != Op::Fact && !computed(k.op)) out.push_back({TraceRead::Computed, &k});
      break;
    default:
      if (computed(e.op)) out.push_back({TraceRead::Computed, &e});
  }
  for (const auto& k : e.kids) reads(k, out);
  for (const auto& en : e.entries)
    if (!en.key.empty()) reads(en.key[0], out);
}

}  // namespace

TraceShape traceShape(const Expr& e, bool amount) {
  TraceShape s;
  switch (e.op) {
    case Op::And:
    case Op::Or:
      s.join = e.op == Op::And ? TraceJoin::And : TraceJoin::Or;
      flatten(e, s.parts);
      return s;
    case Op::Not:
      s.join = TraceJoin::Not;
      s.parts.push_back(&e.kids[0]);
      return s;
    case Op::If:
      s.join = TraceJoin::If;
      for (const auto& k : e.kids) s.parts.push_back(&k);
      return s;
    default: break;
  }
  if (amount && e.op == Op::Tiers) {
    s.join = TraceJoin::Tiers;
    reads(e.kids[0], s.reads);
    if (e.tierMode == TierMode::FirstOver) s.reads.push_back({TraceRead::Highest, &e.kids[0]});
  } else if (amount && e.op == Op::Cases) {
    s.join = TraceJoin::Cases;
    for (const auto& en : e.entries)
      if (!en.key.empty()) s.parts.push_back(&en.key[0]);
  } else {
    reads(e, s.reads);
  }
  return s;
}

const char* joinerWords(TraceJoin join) {
  switch (join) {
    case TraceJoin::And: return polrt::kJoinAnd;
    case TraceJoin::Or: return polrt::kJoinOr;
    case TraceJoin::Not: return polrt::kJoinNot;
    case TraceJoin::If: return polrt::kJoinIf;
    case TraceJoin::Cases: return polrt::kJoinCases;
    case TraceJoin::Leaf:
    case TraceJoin::Tiers: break;
  }
  return "";
}

void amountTraceNodes(const Expr& e, std::vector<const Expr*>& out) {
  if (e.op == Op::Tiers || e.op == Op::Cases) out.push_back(&e);
  for (const auto& k : e.kids) amountTraceNodes(k, out);
}

}  // namespace polc::ir
