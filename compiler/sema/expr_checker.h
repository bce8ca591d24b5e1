// Types and units of expressions. Fills Expr::sema in place and reports what does not fit: unknown
// names (with did-you-mean), dimension mismatches (吨标煤 + 万元), comparisons of different units,
// conditions that are not conditions.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include "sema/context.h"

namespace polc::sema {

// Where an expression stands: facts are looked up on `subject` and then its owners. subject < 0 is
// the schema (parameter values, fact defaults, caps): literals, enum values and parameters only.
struct Scope {
  int subject = -1;
  // The 原文 of the clause the expression is in (empty outside a clause): a number written without
  // its unit is looked up there, to name the unit the text gives it (`超 500` for 500万元).
  std::string_view quote;
  // How the cap the expression is in is written (`上限`, `封顶`), empty outside a cap: a ceiling
  // (`最高 10万元`, the text's 最高不超过) has no place there, and the help gives the cap without it.
  std::string_view cap;
};

// An unknown name that is a fact of one other subject (`对象 企业` on a clause of 项目's facts), kept
// so that the clause checker can report a wrong 对象 once rather than once per name.
struct FactOfOtherSubject {
  std::size_t diagnostic;  // its E0201, an index into the engine's diagnostics
  std::string name;
  Span span;
  int subject;  // the subject that has the fact
};

class ExprChecker {
 public:
  explicit ExprChecker(Context& cx) : cx_(cx) {}

  // The names found since the last call that are facts of another subject, in the order reported.
  std::vector<FactOfOtherSubject> takeFactsOfOtherSubjects() { return std::exchange(factsOfOtherSubjects_, {}); }

  // `expected` guides enum values written bare (`级别 == 国家级`) and set literals.
  Type check(ast::Expr& e, const Scope& scope, const Type* expected = nullptr);

  // Conveniences that check and then report when the result is not what the place needs.
  void checkCondition(ast::Expr& e, const Scope& scope);
  void checkMoney(ast::Expr& e, const Scope& scope, const char* what);
  // The money literal a writer probably meant, when the error is a number written without 元.
  std::optional<std::string> moneyHint(const ast::Expr& e, const Type& t) const;
  Type checkNumber(ast::Expr& e, const Scope& scope, const char* what);
  // Whether the cap `e`, checked and written after `cap` (`上限`, `封顶`), is an exact amount;
  // E0311 when not, with the cap without its 最高 when it has one.
  bool exactCap(const ast::Expr& e, std::string_view cap);
  // The fact of a funding payer `辖区（所在地）` (payer_fact.cpp): an enum fact of the subject or one
  // of its owners, whose value is the payer's name (E0422 otherwise).
  void checkPayerFact(ast::Expr& e, const std::string& written, const Scope& scope);

 private:
  Type quantity(ast::Expr& e, const Scope& scope);
  Type ratio(ast::Expr& e);
  Type path(ast::Expr& e, const Scope& scope, const Type* expected);
  Type call(ast::Expr& e, const Scope& scope);
  Type setLiteral(ast::Expr& e, const Type* expected);
  Type arith(ast::Expr& e, const Scope& scope);
  Type compare(ast::Expr& e, const Scope& scope);
  Type firstOver(ast::Expr& e, const Scope& scope);
  Type member(ast::Expr& e, const Scope& scope);
  Type has(ast::Expr& e, const Scope& scope);
  Type logical(ast::Expr& e, const Scope& scope);
  Type ifThenElse(ast::Expr& e, const Scope& scope);
  Type at(ast::Expr& e, const Scope& scope);
  void beforeFirstValue(const ast::Expr& param, const ast::Expr& date);
  Type tiers(ast::Expr& e, const Scope& scope);
  Type cases(ast::Expr& e, const Scope& scope);
  Type marginal(ast::Expr& e, const Scope& scope);
  Type steps(ast::Expr& e, const Scope& scope);
  Type range(ast::Expr& e, const Scope& scope);
  Type cap(ast::Expr& e, const Scope& scope);

  // A history fact named by `e`, or null (reported) when `e` is not one.
  const FactInfo* historyFact(ast::Expr& e, const char* what);
  bool sameDimension(ast::Expr& whole, ast::Expr& a, const Type& ta, ast::Expr& b, const Type& tb,
                     const char* code, const std::string& verb, std::string_view quote = {});
  // `aExpr` is where the earlier alternatives' type `a` came from (the first one), for the note.
  Type unify(ast::Expr& where, const Type& a, const Type& b, ast::Expr& bExpr, ast::Expr& aExpr);
  int enumMember(int enumIndex, const std::string& name) const;
  // expectedEnum: the enum the other side of a comparison expects a value of, or -1.
  void unknownName(const ast::Name& n, const Scope& scope, const char* code, const char* what,
                   int expectedEnum = -1);
  std::vector<std::string> visibleNames(const Scope& scope) const;
  bool isVisible(const std::string& name, const Scope& scope) const;
  std::optional<std::string> wordAfterUnit(const std::string& number, const std::string& unit,
                                           const Scope& scope) const;
  std::optional<std::string> keywordAfterName(const std::string& text, const Scope& scope) const;
  // The one subject other than those looked up in `scope` that has a fact named `name`, or -1.
  int otherSubjectWithFact(const std::string& name, const Scope& scope) const;

  Context& cx_;
  std::vector<FactOfOtherSubject> factsOfOtherSubjects_;
};

}  // namespace polc::sema
