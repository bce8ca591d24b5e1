// Which awards a document's 资金分担 reaches, and how far, in one place for every evaluator: the
// reference evaluator (compiler/eval), the VM's Session (runtime/vm/funding.cpp, which the LLVM
// backend's blocks share) and the generated C++'s Run (polc_decimal.h, made from these sources by
// compiler/backend/cpp/decimal_header.cmake, carries this header). Each walks its document's rules
// itself, first match first; this says what a walk may give the award, so the evaluators cannot
// disagree on it (docs/eval-output.md, "funding").
#pragma once

namespace polrt {

enum class FundingReach {
  None,         // no funding at all
  Arrangement,  // a rule in words, which states no split (按现行财政体制执行), or why none is decided yet
  Full,         // a split, a rule in words, or why the rule cannot be decided yet
};

// `kind` and `counted` as the evaluators' awards hold them: kind 0 pays an amount, 2 is 一事一议
// (Pay, Benefit, Negotiated, None: the order of every evaluator's enum); counted, not dropped by a
// non-stacking rule, not assessable or already received. A 一事一议 award has no amount, so no part
// of one can be computed nor added to a payer's total; but whoever pays it is told by a rule in
// words (the Changzhou rule's 地方贡献奖励 类别, whose 说明 names 第3条第1款第1、2项), and the
// clerk who negotiates it needs that. When the rule that matches it is a split it gets nothing: a
// split of no amount bills no one. But when a condition before the rule that would match needs a fact
// not given, its funding is undecided, as a paying award's is, naming the fact: the rule that
// condition decides may be the one in words, so saying nothing would leave the clerk thinking no rule
// names a payer. A benefit pays no money.
inline FundingReach fundingReach(int kind, bool counted) {
  if (!counted) return FundingReach::None;
  return kind == 0 ? FundingReach::Full : kind == 2 ? FundingReach::Arrangement : FundingReach::None;
}

}  // namespace polrt
