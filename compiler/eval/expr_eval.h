// Evaluation of one IR expression for one item of the applicant (internal to compiler/eval).
#pragma once

#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "eval/eval.h"

namespace polc::eval {

// Thrown when a fact the expression needs is absent; the facts are in ExprEval::missing.
struct NotAssessable {};
// Thrown when 分档 or 分情形 has no matching entry: the clause pays nothing.
struct NoMatch {};

class ExprEval {
 public:
  // `clause` (the citation errors name) is held, not copied: it is the clause's own, which outlives
  // the evaluation, and a copy for each clause and item was a cost of evaluating a large program.
  ExprEval(const ir::Program& p, const Applicant& a, int date, int item, const std::string& clause, bool explain)
      : p_(p), a_(a), date_(date), year_(ir::yearOf(date)), item_(item), clause_(clause), explain_(explain) {}

  ir::Value eval(const ir::Expr& e);
  bool condition(const ir::Expr& e);
  // A condition's value, nullopt when it needs an absent fact (named in `missing`), as condition()
  // throwing NotAssessable. Absent facts compared directly, under 且/或/非/若, are said without an
  // exception: throwing one for each clause that reads a fact the applicant does not give was most
  // of the cost of evaluating a large program on a small applicant (the checker's replays).
  std::optional<bool> decide(const ir::Expr& e);
  // A clause's amount, nullopt when a 分档 or 分情形 at its top (under 最高 too) has no entry that
  // applies (eval() throws NoMatch): the commonest outcome on such an applicant, said without one.
  std::optional<ir::Value> amount(const ir::Expr& e);

  // Checked arithmetic on decimals: an error names the clause and the expression.
  Decimal add(Decimal a, Decimal b, const ir::Expr& where);
  Decimal sub(Decimal a, Decimal b, const ir::Expr& where);
  Decimal mul(Decimal a, Decimal b, const ir::Expr& where);
  Decimal divExact(Decimal a, Decimal b, const ir::Expr& where);
  [[noreturn]] void fail(const ir::Expr& where, const std::string& what) const;

  // The value of a fact for the item (walking up to the owner that declares it), or nullopt.
  std::optional<ir::Value> fact(int subject, int fact) const;
  int instanceOf(int subject) const;  // the item or its owner instance of `subject`, -1 if none
  // The highest value of a fact in the years before the evaluation year, nullopt without any: what
  // 首次超 compares with.
  std::optional<Decimal> highestBefore(const ir::Expr& factExpr) const;
  // A value as explanations write it: money in 万元, rates as percentages, members by name.
  std::string show(const ir::Value& v, const Type& t) const;

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
  std::optional<ir::Value> tiers(const ir::Expr& e);  // nullopt: no entry applies
  std::optional<ir::Value> cases(const ir::Expr& e);
  ir::Value marginal(const ir::Expr& e);
  ir::Value steps(const ir::Expr& e);
  bool has(const ir::Value& set, const ir::Value& member) const;
  std::string withValue(const ir::Expr& e, const ir::Value& v) const;
  static ir::Value upTo(const ir::Value& v) { return ir::Value::amount(Decimal(), v.hi, AmountForm::UpTo); }
  std::optional<ir::Value> present(const ir::Expr& factExpr);  // nullopt, noted in `missing`, when absent
  void note(const std::string& what);
  void needs(const std::string& what);
  // A line, or what makes it: made only when explanations are asked for, as formatting each costs
  // more than the evaluation it describes.
  template <class Line>
  void explain(Line&& line) {
    if (!explain_) return;
    if constexpr (std::is_invocable_v<Line>)
      lines.push_back(line());
    else
      lines.emplace_back(std::forward<Line>(line));
  }

  const ir::Program& p_;
  const Applicant& a_;
  int date_;
  int year_;
  int item_;
  const std::string& clause_;
  bool explain_;
};

}  // namespace polc::eval
