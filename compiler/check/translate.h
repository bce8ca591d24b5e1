// IR conditions and amounts → the checker's formulas (formula.h). Every comparison the box reasoning
// can decide exactly becomes literals; the rest stays an Opaque node for Z3.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <vector>

#include "check/formula.h"

namespace polc::check {

// A linear form Σ coef·var + c over the checker's variables; `nonlinear` when a product of two
// variables appeared.
struct Lin {
  std::map<int, Q> coef;
  Q c;
  bool nonlinear = false;

  Lin times(const Q& k) const;  // may throw ArithOverflow
};

// The form's value for one applicant; nullopt when the assignment leaves a variable open.
std::optional<Q> valueAt(const Lin& l, const Assignment& a);

// A dated parameter's values as (the day its period begins, the value), by date; nullopt unless every
// value is an exact number.
using Periods = std::vector<std::pair<int, Q>>;
std::optional<Periods> periodsOf(const ir::Parameter& p);
// The parameters read in e at a date that is not a constant.
void datedReads(const ir::Expr& e, std::vector<const ir::Expr*>& out);

// The shape of one branch of an amount: a constant, coef × var (+ offset), or a sum of several
// variables Σ coef·var (+ offset), with the caps that apply to it (封顶 inside the amount, the
// clause's 上限).
struct Shape {
  enum Kind { Const, Linear, Sum, Unknown } kind = Unknown;
  AmountForm form = AmountForm::Exact;
  Q lo, hi;  // Const
  int var = -1;
  Q coef, offset;  // Linear (var, coef); offset also for Sum
  std::map<int, Q> terms;  // Linear and Sum: the coefficient of each variable
  std::optional<Q> cap;
  const ir::Expr* expr = nullptr;
  // The upper end of the amount when known: the constant, or the cap.
  std::optional<Q> maxHi() const;
  std::optional<Q> minHi() const;  // the lowest ceiling (constant only)
  // The amount as a linear form (Linear and Sum): Σ terms + offset.
  std::optional<Lin> lin() const;
  void scale(const Q& f);  // a table multiplied by a constant
};

struct Branch {
  F guard;                        // when this branch pays
  Shape shape;
  const ir::Expr* node = nullptr;  // the 分档 / 分情形 node that selects it, if any
  int entry = -1;
};

class Translator {
 public:
  Translator(const ir::Program& p, VarTable& vars, const std::map<std::pair<int, int>, std::pair<Q, Q>>& ranges)
      : p_(p), vars_(vars), ranges_(ranges) {}

  // The condition (positive) or its negation, in negation normal form.
  F cond(const ir::Expr& e, bool positive = true);
  // Entry `i` of a 分档 node matches (its key holds, regardless of earlier entries).
  F tierKey(const ir::Expr& tiers, std::size_t i);
  // Entry `i` is the one chosen: its key holds and no earlier one does (分档 and 分情形).
  F firstMatch(const ir::Expr& node, std::size_t i);
  std::optional<Lin> lin(const ir::Expr& e);
  // `d op 0` as one literal: on the variable when d has one, on the variable of the sum when it has
  // several (VarTable::sum); nullopt when d is constant or a part cannot be summed (a date, 往年最高).
  std::optional<Lit> literal(const Lin& d, ast::CmpOp op);
  F period(int document);
  // The branches of an amount, each with its guard; clauseCap is the clause's 上限.
  std::vector<Branch> branches(const ir::Expr& amount, std::optional<Q> clauseCap);
  std::optional<Q> constant(const ir::Expr& e);
  // Whether every cap (封顶) inside an amount is a constant: branches() leaves out any other cap (`封顶
  // 投资 × 10%`), so the shapes of such an amount pay more than the evaluator may.
  bool capsRead(const ir::Expr& amount);
  // The upper end of an amount as a linear form: the amount itself, or hi × x for a range of
  // constants (lo 至 hi) times a linear x; nullopt otherwise.
  std::optional<Lin> upperEnd(const ir::Expr& amount);

  // The day a dated read (`P 于 d`, or P alone: the evaluation date) is taken at, as a linear form
  // in one variable (coefficient 1); nullopt when it is not one.
  std::optional<Lin> dayRead(const ir::Expr& read);
  // The days on which a dated read takes a value `keep` accepts (the periods of those values), as a
  // formula on its day; false when no value is kept, nullopt when the read or the values are not
  // exact.
  std::optional<F> daysWhere(const ir::Expr& read, const std::function<bool(const Q&)>& keep);
  // `a op b` read as a bound on the dated read `read`, the only thing besides constants it reads
  // (`LPR一年期 × 2 超 7%/年` is `LPR一年期 超 3.5%/年`): {op, value} with the read alone on the left;
  // nullopt when the comparison is not linear in it, reads anything else, or does not depend on it.
  std::optional<std::pair<ast::CmpOp, Q>> boundOnRead(const ir::Expr& a, const ir::Expr& b, ast::CmpOp op,
                                                      const ir::Expr& read);

  int var(VarKind k, int subject, int fact) { return vars_.get(p_, ranges_, k, subject, fact); }
  VarTable& vars() { return vars_; }
  const ir::Program& program() const { return p_; }

 private:
  // `a op b`, or its negation when !positive.
  F compare(const ir::Expr& a, const ir::Expr& b, ast::CmpOp op, const F& opaque, bool positive = true);
  F compareValues(const ir::Expr& a, const ir::Expr& b, ast::CmpOp op, const F& opaque);
  // A comparison reading a dated parameter (参数): one case per period of its values.
  std::optional<F> byPeriod(const ir::Expr& a, const ir::Expr& b, ast::CmpOp op, const F& opaque, bool positive);
  F inPeriod(const Lin& day, const Periods& periods, std::size_t i);
  // That every dated parameter an amount reads has a value on the day it is read.
  F readable(const ir::Expr& amount);
  F has(const ir::Expr& s, const ir::Expr& m, const F& opaque);
  F caseKey(const ir::Expr& node, std::size_t i);
  void branchesOf(const ir::Expr& e, F guard, std::optional<Q> cap, bool upTo, std::vector<Branch>& out,
                  const ir::Expr* node, int entry);

  const ir::Program& p_;
  VarTable& vars_;
  const std::map<std::pair<int, int>, std::pair<Q, Q>>& ranges_;
  std::vector<Lit> side_;  // literals a term needs (历史最高 needs an earlier year)
  // While byPeriod translates one period: the parameter read and its value in that period.
  const ir::Expr* paramAt_ = nullptr;
  Q paramValue_;
};

}  // namespace polc::check
