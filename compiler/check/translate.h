// IR conditions and amounts → the checker's formulas (formula.h). Every comparison the box reasoning
// can decide exactly becomes literals; the rest stays an Opaque node for Z3.
#pragma once

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
};

// The shape of one branch of an amount: a constant, or coef × var (+ offset), with the caps that
// apply to it (封顶 inside the amount, the clause's 上限).
struct Shape {
  enum Kind { Const, Linear, Unknown } kind = Unknown;
  AmountForm form = AmountForm::Exact;
  Q lo, hi;  // Const
  int var = -1;
  Q coef, offset;  // Linear
  std::optional<Q> cap;
  const ir::Expr* expr = nullptr;
  // The upper end of the amount when known: the constant, or the cap.
  std::optional<Q> maxHi() const;
  std::optional<Q> minHi() const;  // the lowest ceiling (constant only)
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
  F period(int document);
  // The branches of an amount, each with its guard; clauseCap is the clause's 上限.
  std::vector<Branch> branches(const ir::Expr& amount, std::optional<Q> clauseCap);
  std::optional<Q> constant(const ir::Expr& e);

  int var(VarKind k, int subject, int fact) { return vars_.get(p_, ranges_, k, subject, fact); }
  VarTable& vars() { return vars_; }
  const ir::Program& program() const { return p_; }

 private:
  F compare(const ir::Expr& a, const ir::Expr& b, ast::CmpOp op, const F& opaque);
  F has(const ir::Expr& s, const ir::Expr& m, const F& opaque);
  F caseKey(const ir::Expr& node, std::size_t i);
  void branchesOf(const ir::Expr& e, F guard, std::optional<Q> cap, bool upTo, std::vector<Branch>& out,
                  const ir::Expr* node, int entry);

  const ir::Program& p_;
  VarTable& vars_;
  const std::map<std::pair<int, int>, std::pair<Q, Q>>& ranges_;
  std::vector<Lit> side_;  // literals a term needs (历史最高 needs an earlier year)
};

}  // namespace polc::check
