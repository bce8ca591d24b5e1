// The C++ generator's one class, whose members are defined across the emit_*.cpp files by what
// they write (the header, the source's tables and steps, a clause, its conditions and values, the
// facts reader), as Clang splits its Sema. Private to the backend: cpp_emit.h is its interface.
#pragma once

#include <functional>
#include <map>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "backend/cpp/cpp_emit.h"
#include "backend/cpp/cpp_text.h"
#include "ir/trace_shape.h"

namespace polc::cpp {

// How one fact is held in the generated facts struct.
struct FactInfo {
  std::string member;   // C++ member name
  std::string history;  // member holding earlier years, empty when none
  std::string type;     // C++ type of one value
  bool optional = false;  // std::optional<type>
  std::string init;       // initializer of a plain member
};

class Generator {
  using Expr = ir::Expr;
  using Op = ir::Op;
  using Decimal = polrt::Decimal;

 public:
  Generator(const sema::Model& m, const ir::Program& p, const EmitOptions& o) : m_(m), p_(p), o_(o) {}

  std::map<std::string, std::string> run();

 private:
  // ---- naming (cpp_emit.cpp) ----
  void names();

  std::size_t enumSize(int en) const;
  std::string bitsType(int en) const { return fmt::format("std::bitset<{}>", enumSize(en)); }
  std::string enumType(int en) const { return o_.nameSpace + "::" + enumNames_[static_cast<std::size_t>(en)]; }

  // The C++ type of a fact value.
  std::string valueType(const Type& t) const;
  std::string defaultInit(const Type& t) const;

  // A constant of the IR as a C++ expression of the fact's type.
  std::string constant(const ir::Value& v, const Type& t) const;
  std::string bitsLiteral(const ir::Bits& bits, int en) const;

  // ---- the header (emit_header.cpp) ----
  std::string header();

  void subjectStruct(std::ostream& os, int s);

  std::string constantText(const ir::Value& v) const;

  // ---- the source (emit_source.cpp) ----
  std::string source();

  // Sets and parameters used by the expressions, at namespace scope.
  void constants(std::ostream& os);
  // The bounds of each number fact that has some (polc_rt::Bounds): the reader tests every value,
  // a clause the values it reads (valueTest).
  void boundsConstants(std::ostream& os);
  // "kBounds<s>_<f>", or "" for a fact without bounds.
  std::string boundsName(std::size_t s, std::size_t f) const;
  // Emits the test of a fact's value `v` where a clause reads it: a number against its bounds
  // (`year`: of its history, "" for the evaluation year's value), an enum value against its enum.
  void valueTest(const Expr& fact, const std::string& v, const std::string& year = "");

  // ---- one clause (emit_clause.cpp) ----
  // Starts the body of a function about one clause's item (its text in fn_, fresh temporaries);
  // returns the item's subject and its owners, innermost first.
  std::vector<int> beginFunction(const ir::Clause& cl);
  void clauseFunction(std::ostream& os, int c);

  // The variables of an item's instance and of its owners' (and their indices), as instanceRefs
  // declares them; sets inst_ and instId_.
  struct Decl {
    std::string name, code;
  };
  std::vector<Decl> instanceDecls(const std::vector<int>& chain, const std::string& itemVar);
  void instanceRefs(std::ostream& os, const std::vector<int>& chain, const std::string& itemVar);
  // Of `decls` and the clause's kCitation, the declarations `body` uses (and those they use); `reads`:
  // the body of a clause's _reads, whose parameters include `out`.
  std::string usedDecls(const ir::Clause& cl, const std::vector<Decl>& decls, const std::string& body, bool reads) const;

  void line(const std::string& s) { fn_ << std::string(static_cast<std::size_t>(indent_) * 2, ' ') << s << "\n"; }
  std::string fresh(const char* prefix = "t") { return fmt::format("{}{}", prefix, ++tmp_); }

  // ---- explanation lines, as compiler/eval/expr_eval.cpp writes them (emit_clause.cpp) ----
  // Each is one statement guarded by the run's explain flag: nothing is formatted otherwise.

  // How a number of type `t` is written (polc_rt::NumFormat).
  std::string numFormat(const Type& t) const;
  // A std::string expression: the value `v` (C++ code) of type `t`, as the explanation writes it.
  std::string show(const std::string& v, const Type& t) const;
  // A line's parts: text as written (Part::text) and std::string expressions (Part::code).
  struct Part {
    bool isText;
    std::string s;
    static Part text(std::string t) { return Part{true, std::move(t)}; }
    static Part code(std::string c) { return Part{false, std::move(c)}; }
  };
  using Parts = std::vector<Part>;
  // `设备投入 8000万元` for a fact, the literal as written for a constant, the value otherwise.
  Parts withValue(const Expr& e, const std::string& v) const;
  // One explanation line, when the run explains: a std::string concatenation of the parts, with
  // adjacent texts as one literal.
  void explainLine(const std::vector<Parts>& groups);
  static Parts text(const std::string& t) { return {Part::text(t)}; }
  static Parts code(const std::string& c) { return {Part::code(c)}; }
  // The parts as one std::string expression.
  std::string joined(const Parts& parts) const;

  // ---- static exactness: whether an expression is always exact (emit_condition.cpp) ----
  bool exact(const Expr& e) const;
  bool isNum(const Expr& e) const { return e.type.kind == TypeKind::Number; }
  // The C++ type of a value expression.
  std::string typeOf(const Expr& e) const;
  std::string asAmount(const std::string& v, const Expr& e) const;
  std::string lo(const std::string& v, const Expr& e) const { return exact(e) ? v : v + ".lo"; }
  std::string where(const Expr& e) const { return "polc_rt::Where{" + cite_ + ", " + lit(e.source) + "}"; }

  // ---- conditions (emit_condition.cpp) ----
  // A condition: either `simple` (a C++ bool expression that cannot be unknown or no-match) or the
  // name of a T4 variable computed by the statements emitted before.
  struct Cond {
    std::string code;
    bool simple = false;
  };

  // A condition as a T4 variable.
  std::string boolExpr(const Expr& e);

  // The kids of nested 且 (or 或) as one list: the same meaning, fewer levels.
  void flatKids(const Expr& e, Op op, std::vector<const Expr*>& out) const;

  Cond cond(const Expr& e);
  Cond condBody(const Expr& e);

  // Whether a 分档, or a 分情形 without 其他, in `e` can find no entry (T4::N): a 且/或 then ranks
  // that with its other operands (polc_rt::undecided), code it needs nowhere else.
  bool mayFindNoEntry(const Expr& e) const;
  // Whether evaluating `e` can raise an evaluation error, conservatively. A 且/或 or a clause's
  // conditions hold an operand's error until the others are known (docs/ir.md, "Facts that are
  // absent"): needed when an operand that can fail has another after it, or before it one that
  // may be unknown (none is when they are `plain` bools).
  bool mayFail(const Expr& e) const;
  bool mustHold(const std::vector<const Expr*>& operands, bool plain) const;
  // Emits `body` (one operand's statements) so that an evaluation error it raises is kept in
  // `held` (the first only) and the statements after it run; without `wrap`, as it is.
  void holding(bool wrap, const std::string& held, const std::function<void()>& body);

  // The facts `e` needs, looked for before anything of it is computed (ir/needs_first.cpp): its
  // region `st` fails, naming every absent one. cond() does it for the nodes it evaluates itself
  // (conditionOp and 如果), value() for the others.
  void lookFirst(const Expr& e, const std::string& st);
  static bool conditionOp(Op op);

  // A boolean-valued node as a C++ bool expression, inside a region whose status is `st`.
  std::string leaf(const Expr& e, const std::string& st);

  std::string has(const std::string& s, const Expr& memberExpr, const std::string& m) const;

  std::string firstOver(const Expr& factExpr, const std::string& x, const std::string& threshold);

  // The member holding the history of a Fact node, or "" when it keeps none or is not on the chain.
  std::string historyRef(const Expr& e) const;

  std::string compare(const Expr& ae, const std::string& a, const Expr& be, const std::string& b, ast::CmpOp op,
                      const Expr& where_);

  // Fails the current region because a fact is absent.
  std::string needStmt(const std::string& st, const std::string& name, const std::string& year = "0", int how = 0);

  std::string factName(const Expr& e) const;

  // ---- values: statements inside a region, then a C++ expression (emit_value.cpp) ----
  std::string value(const Expr& e, const std::string& st);

  // A value of `from` as the type of `to` (exact numbers widen to amounts).
  std::string convert(const std::string& v, const Expr& from, const Expr& to) const;

  std::string fact(const Expr& e, const std::string& st);

  std::string tiers(const Expr& e, const std::string& st);

  std::string cases(const Expr& e, const std::string& st);

  std::string marginal(const Expr& e, const std::string& st);

  // ---- funding: which rule of the document applies to an award (emit_source.cpp) ----
  void fundingFunctions(std::ostream& os);
  void returnRule(const ir::Clause& cl, std::size_t r);

  // ---- the tables (emit_source.cpp) ----
  template <class T, class F>
  std::string table(std::ostream& os, const std::string& name, const std::string& type, const std::vector<T>& items, F render);
  std::string rowTable(std::ostream& os, const std::string& type, const std::string& name, const std::vector<std::string>& rows);
  std::string intTable(std::ostream& os, const std::string& name, const std::vector<int>& v);
  std::string strTable(std::ostream& os, const std::string& name, const std::vector<std::string>& v);
  std::string decTable(std::ostream& os, const std::string& name, const std::vector<Decimal>& v);

  void tables(std::ostream& os);

  // ---- flattening the applicant (emit_source.cpp) ----
  void flatten(std::ostream& os);

  void evaluateFunctions(std::ostream& os);

  // The steps after the clauses (docs/ir.md, steps 7–11), only those the policy set has.
  void finishSteps(std::ostream& os);

  // ---- why-not traces (emit_why_not.cpp) ----
  // A value a trace shows beside a leaf, and a node of a clause's traces (polc_rt::TraceNode).
  using TraceRead = ir::TraceRead;
  struct TraceNodeGen {
    const Expr* e;
    bool amount;  // a 分档 or 分情形 of the amount: its run says whether it found an entry
    const char* joiner;
    std::vector<int> parts;
    std::vector<TraceRead> reads;
  };
  int traceNode(const Expr& e, bool amount, std::vector<TraceNodeGen>& nodes) const;
  // A clause's trace nodes, and the lists of them kTrace_ holds: 申报条件, 条件, the amount's
  // 分档/分情形.
  void clauseTraceNodes(const ir::Clause& cl, std::vector<TraceNodeGen>& nodes, std::vector<int> (&lists)[3]) const;
  std::string tracePath(const Expr& fact) const;
  // A fact's value as a trace shows it, in one function per fact that some trace reads (emitted
  // before the clauses, by traceFacts): every leaf that reads the fact calls it.
  std::string traceFactName(const Expr& fact) const;
  void traceFactFunction(std::ostream& os, const Expr& fact);
  void traceFacts(std::ostream& os);
  void traceReadCode(const TraceRead& r);
  void traceCase(const std::string& before, int k, const Expr& e);
  void traceValueCode(const TraceRead& r);
  // A condition node of the trace being emitted (clauseTraces) as a call of the trace function for
  // its own node, unless its code is a plain bool: each node's code is written once.
  bool traceCall(const Expr& e, Cond& out);
  // After a clause's function: its trace tables and the functions that run them; its row of
  // kTraces is kept in traceTables_ for traceTable.
  void clauseTraces(std::ostream& os, int c);
  void traceTable(std::ostream& os);
  void whyNotFunction(std::ostream& os);

  // ---- the facts reader (emit_reader.cpp) ----
  void reader(std::ostream& os);

  void readSubject(std::ostream& os, int s);

  std::string readValue(const Type& t, const std::string& v, const std::string& at, const std::string& target,
                        const std::string& bounds = "") const;

  const sema::Model& m_;
  const ir::Program& p_;
  const EmitOptions& o_;
  std::vector<std::string> enumNames_, subjectNames_, paramNames_, docNames_, clauseNames_, fundingFor_;
  std::vector<std::vector<std::string>> memberNames_;
  std::vector<std::vector<FactInfo>> facts_;
  std::map<int, std::string> childField_;
  std::vector<std::string> traceTables_;  // per clause: its row of kTraces
  std::vector<std::string> givenMember_;  // per subject: the bits of its plain facts given, "" for none
  // While a clause's trace function is emitted: the condition nodes by expression, the node being
  // emitted, and the function's name (traceCall).
  std::map<const Expr*, int> traceNodeOf_;
  const Expr* traceRoot_ = nullptr;
  std::string traceFunction_;

  std::ostringstream fn_;
  int tmp_ = 0;
  bool explaining_ = true;  // false for a clause's 上限: the reference records no lines for it
  int indent_ = 1;
  std::string cite_;
  std::map<int, std::string> inst_;    // subject → the C++ variable of its instance
  std::map<int, std::string> instId_;  // subject → the C++ variable of its instance's index
};

}  // namespace polc::cpp
