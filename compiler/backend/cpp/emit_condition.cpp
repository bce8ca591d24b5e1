// Conditions as C++: plain bools where a condition cannot be unknown, T4 variables otherwise; and
// which expressions are exact numbers, decided when generating.
#include <fmt/format.h>

#include "backend/cpp/generator.h"
#include "ir/words.h"

namespace polc::cpp {

bool Generator::exact(const Expr& e) const {
  switch (e.op) {
    case Op::Const: return e.value.type != ir::VType::Num || e.value.form == AmountForm::Exact;
    case Op::Fact:
    case Op::Previous:
    case Op::Increase:
    case Op::HistoryMax:
    case Op::ParamAt:
    case Op::Marginal: return true;
    case Op::Neg:
    case Op::Cap: return exact(e.kids[0]);
    case Op::Arith: return exact(e.kids[0]) && exact(e.kids[1]);
    case Op::If: return exact(e.kids[1]) && exact(e.kids[2]);
    case Op::Tiers:
    case Op::Cases:
      for (const auto& en : e.entries)
        if (!exact(en.value[0])) return false;
      return true;
    case Op::Steps: return exact(e.kids[3]);
    case Op::Min:
    case Op::Max:
      for (const auto& k : e.kids)
        if (!exact(k)) return false;
      return true;
    case Op::UpTo:
    case Op::Range: return false;
    default: return true;
  }
}

std::string Generator::typeOf(const Expr& e) const {
  switch (e.type.kind) {
    case TypeKind::Number: return exact(e) ? "Dec" : "Amount";
    case TypeKind::Bool: return "bool";
    case TypeKind::Date: return "int";
    case TypeKind::Text: return "std::string";
    case TypeKind::Enum: return "int";
    case TypeKind::Set:
    case TypeKind::Recognition: return bitsType(e.type.enumIndex);
    case TypeKind::Error: break;
  }
  return "int";
}

std::string Generator::asAmount(const std::string& v, const Expr& e) const {
  return isNum(e) && exact(e) ? "polc_rt::exact(" + v + ")" : v;
}

std::string Generator::boolExpr(const Expr& e) {
  Cond c = cond(e);
  if (!c.simple) return c.code;
  std::string t = fresh();
  line(fmt::format("const T4 {} = polc_rt::t4({});", t, c.code));
  return t;
}

void Generator::flatKids(const Expr& e, Op op, std::vector<const Expr*>& out) const {
  for (const auto& k : e.kids) {
    if (k.op == op) flatKids(k, op, out);
    else out.push_back(&k);
  }
}

bool Generator::mayFail(const Expr& e) const {
  switch (e.op) {
    case Op::Const:
    case Op::Fact:
    case Op::Previous:
    case Op::HistoryMax:
    case Op::Newly: return false;
    case Op::Compare:
      for (const auto& k : e.kids)
        if (mayFail(k) || (isNum(k) && !exact(k))) return true;  // amounts that are not exact
      return false;
    case Op::Not:
    case Op::And:
    case Op::Or:
    case Op::Member:
    case Op::Has:
    case Op::FirstOver:
    case Op::If:
      for (const auto& k : e.kids)
        if (mayFail(k)) return true;
      return false;
    default: return true;  // arithmetic, a parameter on a date, steps, tiers and cases
  }
}

bool Generator::mayFindNoEntry(const Expr& e) const {
  if (e.op == Op::Tiers) return true;
  if (e.op == Op::Cases && (e.entries.empty() || !e.entries.back().key.empty())) return true;  // no 其他
  for (const auto& k : e.kids)
    if (mayFindNoEntry(k)) return true;
  for (const auto& en : e.entries)
    for (const auto* part : {&en.key, &en.value})
      for (const auto& k : *part)
        if (mayFindNoEntry(k)) return true;
  return false;
}

bool Generator::mustHold(const std::vector<const Expr*>& operands, bool plain) const {
  for (std::size_t i = 0; i < operands.size(); ++i)
    if (mayFail(*operands[i]) && (i + 1 < operands.size() || (!plain && i > 0))) return true;
  return false;
}

void Generator::holding(bool wrap, const std::string& held, const std::function<void()>& body) {
  if (!wrap) return body();
  line("try {");
  ++indent_;
  body();
  --indent_;
  line("} catch (const polc_rt::EvalError&) {");
  line(fmt::format("  if (!{0}) {0} = std::current_exception();", held));
  line("}");
}

bool Generator::conditionOp(Op op) {
  return op == Op::Compare || op == Op::FirstOver || op == Op::Member || op == Op::Has || op == Op::And ||
         op == Op::Or || op == Op::Not;
}

void Generator::lookFirst(const Expr& e, const std::string& st) {
  // Each fact in a region of its own, so that one absent does not hide the next.
  std::string given = fresh("given");
  line(fmt::format("T4 {} = T4::T;  // every fact it needs, before anything is computed: {}", given, commentText(e.source)));
  for (const auto& r : e.needsFirst) {
    line("do {");
    ++indent_;
    value(r, given);
    --indent_;
    line("} while (false);");
  }
  line(fmt::format("if ({} == T4::U) {{ {} = T4::U; break; }}", given, st));
}

Generator::Cond Generator::cond(const Expr& e) {
  if (Cond call; traceCall(e, call)) return call;
  if (e.needsFirst.empty() || !(conditionOp(e.op) || e.op == Op::If)) return condBody(e);
  std::string t = fresh();
  line(fmt::format("T4 {} = T4::U;  // {}", t, commentText(e.source)));
  line("do {");
  ++indent_;
  lookFirst(e, t);
  Cond c = condBody(e);
  line(fmt::format("{} = {};", t, c.simple ? "polc_rt::t4(" + c.code + ")" : c.code));
  --indent_;
  line("} while (false);");
  return Cond{t, false};
}

Generator::Cond Generator::condBody(const Expr& e) {
  switch (e.op) {
    case Op::Const: return Cond{e.value.b ? "true" : "false", true};
    case Op::And:
    case Op::Or: {
      bool isOr = e.op == Op::Or;
      std::vector<const Expr*> kids;
      flatKids(e, e.op, kids);
      // Try each kid on its own first: when all are simple, so is the whole (unless an error must
      // be held: `a && b` raises a's before b decides).
      std::ostringstream saved;
      saved << fn_.str();
      int savedTmp = tmp_;
      std::vector<Cond> simple;
      bool allSimple = !mustHold(kids, true);
      for (const Expr* k : kids) {
        Cond c = cond(*k);
        if (!c.simple) {
          allSimple = false;
          break;
        }
        simple.push_back(c);
      }
      if (allSimple && fn_.str() == saved.str()) {
        std::string code;
        for (const auto& c : simple) code += (code.empty() ? "" : isOr ? " || " : " && ") + c.code;
        return Cond{"(" + code + ")", true};
      }
      fn_ = std::ostringstream();
      fn_ << saved.str();
      tmp_ = savedTmp;
      std::string t = fresh();
      std::string before = fresh("before");
      const char* decider = isOr ? "T4::T" : "T4::F";
      line(fmt::format("T4 {} = {};  // {}", t, isOr ? "T4::F" : "T4::T", commentText(e.source)));
      line(fmt::format("const std::size_t {} = run.missing.size();", before));
      const bool hold = mustHold(kids, false);
      const std::string held = hold ? fresh("held") : "";
      if (hold) line(fmt::format("std::exception_ptr {};  // an operand's error, raised if nothing decides", held));
      // Only where an operand can find no tier or case: the others pay nothing for it.
      bool unmatchable = false;
      for (const Expr* k : kids) unmatchable = unmatchable || mayFindNoEntry(*k);
      const std::string noValue = unmatchable ? fresh("noValue") : "";
      if (unmatchable) line(fmt::format("bool {} = false;  // an operand found no tier or case", noValue));
      auto decide = [&](const std::string& v) {
        if (unmatchable) line(fmt::format("if ({} == T4::N) {} = true;", v, noValue));
        line(fmt::format("if ({0} == {2}) {{ {1} = {2}; run.missing.resize({3}); break; }}", v, t, decider, before));
        line(fmt::format("if ({0} == T4::U) {1} = T4::U;", v, t));
      };
      line("do {");
      ++indent_;
      for (const Expr* k : kids) {
        if (!hold || !mayFail(*k)) {
          Cond c = cond(*k);
          if (c.simple)
            line(fmt::format("if ({}{}) {{ {} = {}; run.missing.resize({}); break; }}  // {}", isOr ? "" : "!", c.code, t,
                             decider, before, commentText(k->source)));
          else
            decide(c.code);
          continue;
        }
        // Failing, the operand neither decides nor is unknown.
        std::string v = fresh();
        line(fmt::format("T4 {} = {};  // {}", v, isOr ? "T4::F" : "T4::T", commentText(k->source)));
        holding(true, held, [&] {
          Cond c = cond(*k);
          line(fmt::format("{} = {};", v, c.simple ? "polc_rt::t4(" + c.code + ")" : c.code));
        });
        decide(v);
      }
      --indent_;
      line("} while (false);");
      if (unmatchable) {
        line(fmt::format("if ({} != {}) {{  // no operand decided: polc_rt::undecided ranks the others", t, decider));
        const char* where = e.polarity == polrt::Polarity::Positive   ? "Positive"
                            : e.polarity == polrt::Polarity::Negative ? "Negative"
                                                                      : "Mixed";
        line(fmt::format("  {0} = polc_rt::undecidedT4({0}, {1}, polc_rt::Polarity::{2}, {3}, {4});", t,
                         isOr ? "true" : "false", where, noValue, hold ? held : "nullptr"));
        line(fmt::format("  if ({} == T4::N) run.missing.resize({});", t, before));
        line("}");
      } else if (hold) {
        line(fmt::format("if ({} && {} == {}) std::rethrow_exception({});", held, t, isOr ? "T4::F" : "T4::T", held));
      }
      return Cond{t, false};
    }
    case Op::Not: {
      Cond k = cond(e.kids[0]);
      if (k.simple) return Cond{"!" + k.code, true};
      std::string t = fresh();
      line(fmt::format("const T4 {} = polc_rt::t4not({});", t, k.code));
      return Cond{t, false};
    }
    case Op::If: {
      std::string t = fresh();
      line(fmt::format("T4 {};  // {}", t, commentText(e.source)));
      std::string c = boolExpr(e.kids[0]);
      line(fmt::format("if ({} == T4::T) {{", c));
      ++indent_;
      std::string a = boolExpr(e.kids[1]);
      line(fmt::format("{} = {};", t, a));
      --indent_;
      line(fmt::format("}} else if ({} == T4::F) {{", c));
      ++indent_;
      std::string b = boolExpr(e.kids[2]);
      line(fmt::format("{} = {};", t, b));
      --indent_;
      line("} else {");
      line(fmt::format("  {} = {};", t, c));
      line("}");
      return Cond{t, false};
    }
    default: {
      // A leaf: its operands are values, any of which may be absent.
      std::string saved = fn_.str();
      int savedIndent = indent_;
      std::string t = fresh();
      fn_ = std::ostringstream();
      ++indent_;
      std::string b = leaf(e, t);
      std::string body = fn_.str();
      indent_ = savedIndent;
      fn_ = std::ostringstream();
      fn_ << saved;
      if (body.empty()) return Cond{b, true};
      line(fmt::format("T4 {} = T4::U;  // {}", t, commentText(e.source)));
      line("do {");
      fn_ << body;
      line(fmt::format("  {} = polc_rt::t4({});", t, b));
      line("} while (false);");
      return Cond{t, false};
    }
  }
}

std::string Generator::leaf(const Expr& e, const std::string& st) {
  switch (e.op) {
    case Op::Compare: {
      std::string a = value(e.kids[0], st);
      std::string b = value(e.kids[1], st);
      return compare(e.kids[0], a, e.kids[1], b, e.cmp, e);
    }
    case Op::FirstOver: {
      std::string x = value(e.kids[0], st);
      std::string t = value(e.kids[1], st);
      return firstOver(e.kids[0], x, lo(t, e.kids[1]));
    }
    case Op::Member: {
      std::string v = value(e.kids[0], st);
      std::string s = value(e.kids[1], st);
      return fmt::format("{}{}[static_cast<std::size_t>({})]", e.negated ? "!" : "", s, v);
    }
    case Op::Has: {
      std::string s = value(e.kids[0], st);
      std::string m = value(e.kids[1], st);
      return has(s, e.kids[1], m);
    }
    default: {
      std::string v = value(e, st);
      return v;
    }
  }
}

std::string Generator::has(const std::string& s, const Expr& memberExpr, const std::string& m) const {
  if (memberExpr.type.kind == TypeKind::Set || memberExpr.type.kind == TypeKind::Recognition)
    return fmt::format("({} & {}).any()", s, m);
  return fmt::format("{}[static_cast<std::size_t>({})]", s, m);
}

std::string Generator::firstOver(const Expr& factExpr, const std::string& x, const std::string& threshold) {
  std::string hist = historyRef(factExpr);
  std::string xv = lo(x, factExpr);
  if (hist.empty()) return fmt::format("run.firstOver({}, {})", xv, threshold);
  const std::string bounds =
      boundsName(static_cast<std::size_t>(factExpr.subject), static_cast<std::size_t>(factExpr.fact));
  if (auto id = instId_.find(factExpr.subject); !bounds.empty() && id != instId_.end())
    return fmt::format("run.firstOver({}, {}, {}, {}, {})", xv, hist, threshold, id->second, bounds);
  return fmt::format("run.firstOver({}, {}, {})", xv, hist, threshold);
}

std::string Generator::historyRef(const Expr& e) const {
  if (e.subject < 0 || e.fact < 0) return "";
  auto it = inst_.find(e.subject);
  if (it == inst_.end()) return "";
  const FactInfo& fi = facts_[static_cast<std::size_t>(e.subject)][static_cast<std::size_t>(e.fact)];
  if (fi.history.empty()) return "";
  return it->second + "." + fi.history;
}

std::string Generator::compare(const Expr& ae, const std::string& a, const Expr& be, const std::string& b, ast::CmpOp op,
                    const Expr& where_) {
  const Type& ta = ae.type;
  if ((ta.kind == TypeKind::Set || ta.kind == TypeKind::Recognition) && be.type.kind == TypeKind::Enum)
    return fmt::format("polc_rt::someMember({}, {}, {})", a, b, cmpName(op));
  switch (ta.kind) {
    case TypeKind::Number:
      if (exact(ae) && exact(be)) return fmt::format("({} {} {})", a, ir::cmpSign(op), b);
      return fmt::format("polc_rt::holds(polc_rt::acmp({}, {}, {}), {})", asAmount(a, ae), asAmount(b, be),
                         where(where_), cmpName(op));
    case TypeKind::Enum:
      if (op == ast::CmpOp::Eq || op == ast::CmpOp::Ne) return fmt::format("({} {} {})", a, ir::cmpSign(op), b);
      return fmt::format("polc_rt::holds(polc_rt::enumCmp({}, {}), {})", a, b, cmpName(op));
    case TypeKind::Date: return fmt::format("({} {} {})", a, ir::cmpSign(op), b);
    default:
      if (op == ast::CmpOp::Eq || op == ast::CmpOp::Ne) return fmt::format("({} {} {})", a, ir::cmpSign(op), b);
      return fmt::format("polc_rt::holds({} == {} ? 0 : 1, {})", a, b, cmpName(op));
  }
}

std::string Generator::needStmt(const std::string& st, const std::string& name, const std::string& year, int how) {
  return fmt::format("{{ {} = run.need({}, {}, {}); break; }}", st, lit(name), year, how);
}

std::string Generator::factName(const Expr& e) const {
  return p_.subjects[static_cast<std::size_t>(e.subject)].name + "." + e.name;
}

}  // namespace polc::cpp
