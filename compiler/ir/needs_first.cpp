// Which facts an expression looks for before it computes anything (docs/ir.md, "Facts that are
// absent"). Every evaluator reads an expression's parts in the same order, and an absent fact or
// an error stops it; so without this, `贷款金额 × LPR 于 放款日期 × 贷款期限` with a loan drawn
// before the first LPR and no term would report the LPR, and with neither amount nor term would
// ask for the amount alone — what the applicant is told would depend on the order the policy's
// writer chose. The rule decided here, once, for every backend: the facts an expression needs
// whatever its values are all read first; any absent makes it not assessable, naming each of them.
#include "ir/lower.h"

namespace polc::ir {
namespace {

// A fact the applicant may leave out without a default: its absence makes its reader not
// assessable. Required facts are refused by every facts reader when absent; a boolean, a set and a
// recognition default to 否 and empty.
bool mayBeAbsent(const Program& p, const Expr& fact) {
  const FactSlot& slot = p.subjects[static_cast<std::size_t>(fact.subject)].facts[static_cast<std::size_t>(fact.fact)];
  if (slot.required || slot.defaultValue) return false;
  return slot.type.kind != TypeKind::Bool && slot.type.kind != TypeKind::Set && slot.type.kind != TypeKind::Recognition;
}

// One walk over the part of an expression that is evaluated whenever the expression is (its
// "strict" part), in evaluation order: the facts it reads, whether one of them may be read after
// something that can stop the evaluation, and the parts evaluated only on some values (a branch,
// an entry, an operand of 且/或), which are expressions of their own.
struct Walk {
  const Program& p;
  std::vector<Expr> reads;
  std::vector<Expr*> own;  // parts evaluated only on some values
  bool mayStop = false;    // something read or computed so far can stop the evaluation
  bool late = false;       // an absent fact could be found after such a stop

  void read(const Expr& e) {
    for (const auto& r : reads)  // read again: given or not, that is known already
      if (r.op == e.op && r.subject == e.subject && r.fact == e.fact) return;
    late |= mayStop;
    reads.push_back(e);
    mayStop = true;
  }

  void entries(Expr& e, bool keys) {
    for (auto& en : e.entries) {
      if (keys)
        for (auto& k : en.key) own.push_back(&k);
      for (auto& v : en.value) own.push_back(&v);
    }
  }

  void strict(Expr& e) {
    switch (e.op) {
      case Op::Const:
      case Op::Newly: return;  // 新认定 of a recognition: empty when not given
      case Op::Fact:
        if (mayBeAbsent(p, e)) read(e);
        return;
      case Op::Previous:
      case Op::HistoryMax: read(e); return;
      case Op::Increase: {
        for (auto& k : e.kids) strict(k);
        Expr before = e;  // 增量 needs last year's value too, named as 上年 names it
        before.op = Op::Previous;
        before.kids.clear();
        read(before);
        mayStop = true;  // the subtraction can overflow
        return;
      }
      case Op::And:
      case Op::Or:  // a decisive operand decides even when another needs an absent fact
        for (auto& k : e.kids) own.push_back(&k);
        mayStop = true;
        return;
      case Op::If:
        strict(e.kids[0]);
        own.push_back(&e.kids[1]);
        own.push_back(&e.kids[2]);
        mayStop = true;
        return;
      case Op::Tiers:
      case Op::Marginal:
        strict(e.kids[0]);
        entries(e, true);
        mayStop = true;  // no tier matches; a band's arithmetic fails
        return;
      case Op::Cases:
        entries(e, true);
        mayStop = true;
        return;
      case Op::ParamAt:   // no value on that date
      case Op::Arith:     // overflow, division by zero
      case Op::Compare:   // amounts that are not exact
      case Op::Steps:     // a step that is not positive, overflow
        for (auto& k : e.kids) strict(k);
        mayStop = true;
        return;
      case Op::Neg:
      case Op::FirstOver:
      case Op::Not:
      case Op::Member:
      case Op::Has:
      case Op::Min:
      case Op::Max:
      case Op::UpTo:
      case Op::Range:
      case Op::Cap:
        for (auto& k : e.kids) strict(k);
        return;
    }
  }
};

// `cap`: a clause's per-item cap, when `root` is its amount. The two are one value: the cap is
// computed whenever the amount is, after it and after the check that the amount is not negative;
// so the cap's facts are looked for with the amount's, before the amount computes anything — else
// an amount that fails would be reported where the applicant only has to give the cap's fact.
void mark(const Program& p, Expr& root, Expr* cap = nullptr) {
  Walk w{p, {}, {}, false, false};
  w.strict(root);
  if (cap) {
    w.mayStop = true;  // the amount's own check
    w.strict(*cap);
  }
  root.needsFirst.clear();
  if (w.late) root.needsFirst = std::move(w.reads);
  for (Expr* part : w.own) mark(p, *part);
}

}  // namespace

void markNeedsFirst(Program& program) {
  for (auto& c : program.clauses) {
    for (auto* list : {&c.eligibility, &c.conditions})
      for (auto& e : *list) mark(program, e);
    if (!c.amount.empty()) mark(program, c.amount[0], c.cap.empty() ? nullptr : &c.cap[0]);
    else
      for (auto& e : c.cap) mark(program, e);
    for (auto& rule : c.fundingConditions)
      for (auto& e : rule) mark(program, e);
  }
}

}  // namespace polc::ir
