// Evaluation of one IR expression for one item of the applicant (internal to compiler/eval).
#pragma once

#include <string>
#include <vector>

#include "eval/eval.h"

namespace polc::eval {

// Thrown when a fact the expression needs is absent; the facts are in ExprEval::missing.
struct NotAssessable {};
// Thrown when 分档 or 分情形 has no matching entry: the clause pays nothing.
struct NoMatch {};

class ExprEval {
 public:
  ExprEval(const ir::Program& p, const Applicant& a, int date, int item, std::string clause, bool explain)
      : p_(p), a_(a), date_(date), year_(ir::yearOf(date)), item_(item), clause_(std::move(clause)),
        explain_(explain) {}

  ir::Value eval(const ir::Expr& e);
  bool condition(const ir::Expr& e);

  // Checked arithmetic on decimals: an error names the clause and the expression.
  Decimal add(Decimal a, Decimal b, const ir::Expr& where);
  Decimal sub(Decimal a, Decimal b, const ir::Expr& where);
  Decimal mul(Decimal a, Decimal b, const ir::Expr& where);
  Decimal divExact(Decimal a, Decimal b, const ir::Expr& where);
  [[noreturn]] void fail(const ir::Expr& where, const std::string& what) const;

  // The value of a fact for the item (walking up to the owner that declares it), or nullopt.
  std::optional<ir::Value> fact(int subject, int fact) const;
  int instanceOf(int subject) const;  // the item or its owner instance of `subject`, -1 if none

  std::vector<std::string> missing;  // facts needed but absent, as 主体.事实
  std::vector<std::string> lines;    // explanation lines, when asked for

 private:
  void lookFirst(const std::vector<ir::Expr>& reads);
  ir::Value factValue(const ir::Expr& e);
  const std::map<int, ir::Value>& historyOf(const ir::Expr& e) const;
  ir::Value previous(const ir::Expr& e);
  ir::Value arith(const ir::Expr& e);
  bool compare(const ir::Value& a, const ir::Value& b, ast::CmpOp op, const ir::Expr& where);
  bool firstOver(const ir::Expr& factExpr, const ir::Value& x, const Decimal& threshold, std::string* detail);
  ir::Value paramAt(const ir::Expr& e);
  ir::Value tiers(const ir::Expr& e);
  ir::Value cases(const ir::Expr& e);
  ir::Value marginal(const ir::Expr& e);
  ir::Value steps(const ir::Expr& e);
  bool has(const ir::Value& set, const ir::Value& member) const;
  std::string show(const ir::Value& v, const Type& t) const;
  std::string withValue(const ir::Expr& e, const ir::Value& v) const;
  void needs(const std::string& what);
  void explain(std::string line) {
    if (explain_) lines.push_back(std::move(line));
  }

  const ir::Program& p_;
  const Applicant& a_;
  int date_;
  int year_;
  int item_;
  std::string clause_;
  bool explain_;
};

}  // namespace polc::eval
