// Where each 且/或 stands in its condition (polrt::Polarity; docs/ir.md, "Then the operands of
// `且`/`或`"): what an operand with no value counts for there, decided once for every backend. A
// condition's truth value counts as it is at its top and through a branch of 若, a tier's or case's
// value and an operand of 且/或; 非 turns it; where either truth value may be the one that pays
// (the test of a 若, a 分情形's case, a comparison of conditions, a tier's subject or key) and in an
// amount, it is mixed, and stays so below.
#include "ir/lower.h"

namespace polc::ir {
namespace {

using polrt::Polarity;

Polarity turned(Polarity p) {
  if (p == Polarity::Positive) return Polarity::Negative;
  if (p == Polarity::Negative) return Polarity::Positive;
  return Polarity::Mixed;
}

void mark(Expr& e, Polarity p) {
  switch (e.op) {
    case Op::And:
    case Op::Or:
      e.polarity = p;
      for (auto& k : e.kids) mark(k, p);
      return;
    case Op::Not: mark(e.kids[0], turned(p)); return;
    case Op::If:
      mark(e.kids[0], Polarity::Mixed);
      mark(e.kids[1], p);
      mark(e.kids[2], p);
      return;
    case Op::Tiers:
    case Op::Cases:
      for (auto& k : e.kids) mark(k, Polarity::Mixed);
      for (auto& en : e.entries) {
        for (auto& k : en.key) mark(k, Polarity::Mixed);
        for (auto& v : en.value) mark(v, p);
      }
      return;
    default:
      for (auto& k : e.kids) mark(k, Polarity::Mixed);
      for (auto& en : e.entries) {
        for (auto& k : en.key) mark(k, Polarity::Mixed);
        for (auto& v : en.value) mark(v, Polarity::Mixed);
      }
      return;
  }
}

}  // namespace

void markPolarity(Program& program) {
  for (auto& c : program.clauses) {
    // A 资金分担 condition is one too: with no value at its top, its rule does not apply.
    for (auto* conditions : {&c.eligibility, &c.conditions})
      for (auto& e : *conditions) mark(e, Polarity::Positive);
    for (auto& rule : c.fundingConditions)
      for (auto& e : rule) mark(e, Polarity::Positive);
    for (auto* value : {&c.amount, &c.cap})
      for (auto& e : *value) mark(e, Polarity::Mixed);
  }
}

}  // namespace polc::ir
