// One clause as one C++ function, its 原文 as a comment above it, and the explanation lines it writes:
// the same lines as the reference evaluator's (compiler/eval/expr_eval.cpp).
#include <fmt/format.h>

#include "backend/cpp/generator.h"
#include "ir/words.h"

namespace polc::cpp {

std::vector<int> Generator::beginFunction(const ir::Clause& cl) {
  fn_ = std::ostringstream();
  tmp_ = 0;
  indent_ = 1;
  cite_ = "kCitation";
  inst_.clear();
  instId_.clear();
  std::vector<int> chain;
  for (int s = cl.subject; s >= 0; s = p_.subjects[static_cast<std::size_t>(s)].owner) chain.push_back(s);
  return chain;
}

// The quoted text's width: with "// 原文：" before it, a line as wide as the rule above it.
constexpr int kCommentColumns = 90;

void Generator::clauseFunction(std::ostream& os, int c) {
  const ir::Clause& cl = p_.clauses[static_cast<std::size_t>(c)];
  std::vector<int> chain = beginFunction(cl);
  os << "// " << std::string(96, '-') << "\n";
  os << "// " << commentText(cl.citation) << (cl.title.empty() ? "" : "  " + commentText(cl.title)) << "\n";
  os << "//\n";
  bool first = true;
  for (const auto& line : wrap(cl.text, kCommentColumns)) {
    os << "// " << (first ? "原文：" : "      ") << line << "\n";
    first = false;
  }
  for (const auto& n : cl.notes) {
    first = true;
    for (const auto& line : wrap(n, kCommentColumns)) {
      os << "// " << (first ? "释义：" : "      ") << line << "\n";
      first = false;
    }
  }
  os << "//\n// 对象：" << commentText(p_.subjects[static_cast<std::size_t>(cl.subject)].name);
  if (cl.payee >= 0) os << "；受益人：" << commentText(p_.subjects[static_cast<std::size_t>(cl.payee)].name);
  if (cl.target >= 0) os << "；标的：" << commentText(p_.targets[static_cast<std::size_t>(cl.target)].name);
  if (cl.kind >= 0) os << "；类别：" << commentText(p_.kinds[static_cast<std::size_t>(cl.kind)].name);
  os << "\n";
  for (const auto& e : cl.eligibility) os << "// 申报条件：" << commentText(e.source) << "\n";
  for (const auto& e : cl.conditions) os << "// 条件：" << commentText(e.source) << "\n";
  if (!cl.amount.empty()) os << "// 给予：" << commentText(cl.amount[0].source) << "\n";
  if (!cl.cap.empty()) os << "// 上限：" << commentText(cl.cap[0].source) << "\n";
  if (cl.award == ir::AwardKind::Benefit) os << "// 待遇：" << commentText(cl.benefit) << "\n";
  if (cl.award == ir::AwardKind::Negotiated) os << "// 一事一议" << (cl.negotiatedBasis.empty() ? "" : "：" + commentText(cl.negotiatedBasis)) << "\n";
  if (cl.quota) os << "// 名额：" << (cl.quotaAnnual ? "每年 " : "") << *cl.quota << "\n";
  if (cl.once) os << "// 一次性\n";
  if (cl.topup) os << "// 晋级补差\n";
  os << "// " << std::string(96, '-') << "\n";
  os << "void " << clauseNames_[static_cast<std::size_t>(c)] << "(polc_rt::Run& run, int item) {\n";
  os << "  constexpr int kClause = " << c << ";\n";
  os << "  constexpr const char* kCitation = " << lit(cl.citation) << ";\n";
  os << "  (void)kCitation;\n";
  instanceRefs(os, chain, "item");
  line("run.missing.clear();");
  line("if (run.explain) run.lines.clear();  // left by a clause whose conditions failed");
  line("bool unknown = false;");
  bool hasConditions = !cl.eligibility.empty() || !cl.conditions.empty();
  std::vector<const Expr*> all;
  for (const auto* list : {&cl.eligibility, &cl.conditions})
    for (const auto& e : *list) all.push_back(&e);
  // A condition that fails is the clause's error only when none is false and none unknown.
  const bool hold = mustHold(all, false);
  if (hold) line("std::exception_ptr held;  // a condition's error, raised if none is false and none unknown");
  int k = 0;
  for (const auto* list : {&cl.eligibility, &cl.conditions}) {
    for (const auto& e : *list) {
      line(fmt::format("// {}{}：{}", list == &cl.eligibility ? "申报条件" : "条件", ++k, commentText(e.source)));
      holding(hold && mayFail(e), "held", [&] {
        Cond t = cond(e);
        if (t.simple)
          line(fmt::format("if (!{}) return;", t.code));
        else
          line(fmt::format("if (!polc_rt::holdsOrUnknown({}, unknown)) return;", t.code));
      });
    }
  }
  if (hold) line("if (held && !unknown) std::rethrow_exception(held);");
  const bool pays = cl.award == ir::AwardKind::Pay && !cl.amount.empty();
  // The amount, into `amount` (and `cap`) with its status `st`; a tier or case that does not
  // match ends the clause (with the award begun: drop it).
  auto amountBlock = [&](bool begun) {
    line("if (!unknown) {");
    ++indent_;
    line("do {");
    ++indent_;
    line("// 给予：" + commentText(cl.amount[0].source));
    std::string a = value(cl.amount[0], "st");
    line("amount = " + asAmount(a, cl.amount[0]) + ";");
    if (!cl.cap.empty()) {
      line(fmt::format("run.checkAmount(kClause, amount, {});", lit(cl.amount[0].source)));
      line("// 上限：" + commentText(cl.cap[0].source));
      explaining_ = false;
      std::string cp = value(cl.cap[0], "st");
      explaining_ = true;
      line("cap = " + asAmount(cp, cl.cap[0]) + ";");
    }
    --indent_;
    line("} while (false);");
    line("if (st == T4::N) {  // no tier or case applies: the clause pays nothing");
    if (begun) line("  run.drop();");
    line("  return;");
    line("}");
    --indent_;
    line("}");
  };
  if (pays) {
    line("Amount amount;");
    if (!cl.cap.empty()) line("Amount cap;");
    line("T4 st = T4::T;");
  }
  // A clause that is not 一次性 computes its amount before its award is begun, so that a clause
  // whose tiers do not match begins (and drops) nothing: the award list and every result are the
  // same. A 一次性 clause already received must not compute it (it could fail), so it begins first.
  if (pays && !cl.once) {
    line("const std::size_t conditionLines = run.lines.size();  // the explanation's; the amount's follow");
    amountBlock(false);
  }
  line("polc_rt::Award& aw = run.begin(kClause, item);");
  if (cl.once)
    line(fmt::format("if (!run.afterConditions(aw, unknown, {})) return;  // already received", hasConditions ? "true" : "false"));
  else
    line(fmt::format("if (run.explain) run.afterConditions(aw, unknown, {}{});", hasConditions ? "true" : "false",
                     pays ? ", conditionLines" : ""));
  if (pays && cl.once) amountBlock(true);
  if (pays) {
    line("if (!unknown) {");
    line("  if (st == T4::U)");
    line("    unknown = true;");
    line("  else");
    line(fmt::format("    run.setAmount(aw, amount, {}, {});", cl.cap.empty() ? "nullptr" : "&cap", lit(cl.amount[0].source)));
    line("}");
  }
  line("if (unknown) run.notAssessable(aw);");
  if (cl.quota) line("else run.quotaLimited(aw);  // 名额");
  os << fn_.str();
  os << "}\n\n";
}

std::vector<Generator::Decl> Generator::instanceDecls(const std::vector<int>& chain, const std::string& itemVar) {
  std::vector<Decl> out;
  std::string cur = itemVar;
  instId_.clear();
  for (std::size_t i = 0; i < chain.size(); ++i) {
    int s = chain[i];
    const std::string& type = subjectNames_[static_cast<std::size_t>(s)];
    std::string var = type + "_";
    if (i > 0) {
      out.push_back({var + "id", "const int " + var + "id = run.parent(" + cur + ");"});
      cur = var + "id";
    }
    out.push_back({var, "const " + type + "& " + var + " = run.data<" + type + ">(" + cur + ");"});
    inst_[s] = var;
    instId_[s] = cur;
  }
  return out;
}

void Generator::instanceRefs(std::ostream& os, const std::vector<int>& chain, const std::string& itemVar) {
  const std::vector<Decl> decls = instanceDecls(chain, itemVar);
  for (const Decl& d : decls) os << "  " << d.code << "\n";
  // Owners that no expression reads must not warn.
  for (const Decl& d : decls)
    if (d.name.back() == '_') os << "  (void)" << d.name << ";\n";
}

std::string Generator::numFormat(const Type& t) const {
  ir::NumberStyle style = ir::numberStyle(p_, t);
  switch (style.kind) {
    case ir::NumberStyle::Kind::Money: return "polc_rt::kMoney";
    case ir::NumberStyle::Kind::Ratio:
      return fmt::format("polc_rt::ratio({}, {})", lit(style.text), style.integer ? "true" : "false");
    case ir::NumberStyle::Kind::Plain:
    case ir::NumberStyle::Kind::Unit: break;
  }
  return fmt::format("polc_rt::unit({})", lit(style.text));
}

std::string Generator::show(const std::string& v, const Type& t) const {
  auto members = [&](int en) {
    std::size_t n = en >= 0 ? p_.enums[static_cast<std::size_t>(en)].members.size() : 0;
    return en >= 0 ? fmt::format("kMembers{}, {}", en, n) : std::string("nullptr, 0");
  };
  switch (t.kind) {
    case TypeKind::Number: return fmt::format("polc_rt::show({}, {})", v, numFormat(t));
    case TypeKind::Bool: return fmt::format("polc_rt::show(static_cast<bool>({}))", v);
    case TypeKind::Enum: return fmt::format("polc_rt::showEnum(static_cast<int>({}), {})", v, members(t.enumIndex));
    case TypeKind::Date: return fmt::format("polc_rt::formatDate({})", v);
    case TypeKind::Text: return fmt::format("std::string({})", v);
    case TypeKind::Set:
    case TypeKind::Recognition: return fmt::format("polc_rt::showSet({}, {})", v, members(t.enumIndex));
    case TypeKind::Error: break;
  }
  return "std::string()";
}

Generator::Parts Generator::withValue(const Expr& e, const std::string& v) const {
  if (e.op == Op::Const) return {Part::text(e.source)};
  if (e.op == Op::Fact || e.op == Op::ParamAt || e.op == Op::Previous || e.op == Op::HistoryMax || e.op == Op::Increase)
    return {Part::text(e.source + " "), Part::code(show(v, e.type))};
  return {Part::code(show(v, e.type))};
}

void Generator::explainLine(const std::vector<Parts>& groups) {
  if (!explaining_) return;
  Parts merged;
  for (const auto& g : groups)
    for (const auto& part : g) {
      if (part.isText && part.s.empty()) continue;
      if (part.isText && !merged.empty() && merged.back().isText) merged.back().s += part.s;
      else merged.push_back(part);
    }
  std::string out;
  for (std::size_t i = 0; i < merged.size(); ++i) {
    out += (i ? " + " : "") + (merged[i].isText ? lit(merged[i].s) : merged[i].s);
  }
  line("if (run.explain) run.lines.push_back(" + out + ");");
}

std::string Generator::joined(const Parts& parts) const {
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : " + ") + (part.isText ? "std::string(" + lit(part.s) + ")" : part.s);
  return out;
}

}  // namespace polc::cpp
