// Value expressions as C++ statements inside a region, then an expression: facts, arithmetic,
// 分档, 分情形, 超额累进.
#include <fmt/format.h>

#include "backend/cpp/generator.h"
#include "ir/words.h"

namespace polc::cpp {

std::string Generator::value(const Expr& e, const std::string& st) {
  if (!e.needsFirst.empty() && !conditionOp(e.op)) lookFirst(e, st);
  switch (e.op) {
    case Op::Const: {
      if (e.value.type == ir::VType::Num) {
        if (e.value.form == AmountForm::Exact) return decLiteral(e.value.lo);
        const char* form = e.value.form == AmountForm::UpTo ? "polc_rt::Form::UpTo" : "polc_rt::Form::Range";
        return fmt::format("Amount{{{}, {}, {}}}", decLiteral(e.value.lo), decLiteral(e.value.hi), form);
      }
      if (e.value.type == ir::VType::Set) {
        std::string t = fresh("set");
        line(fmt::format("static const {} {} = {};  // {}", bitsType(e.type.enumIndex), t,
                         bitsLiteral(e.value.bits, e.type.enumIndex), commentText(e.source)));
        return t;
      }
      if (e.value.type == ir::VType::Enum)
        return fmt::format("static_cast<int>({})", constant(e.value, e.type));
      if (e.value.type == ir::VType::Text) return lit(e.value.text);
      return constant(e.value, e.type);
    }
    case Op::Fact: return fact(e, st);
    case Op::Previous: {
      auto it = inst_.find(e.subject);
      std::string hist = historyRef(e);
      std::string miss = needStmt(st, factName(e), "run.year - 1", 1);
      if (it == inst_.end() || hist.empty()) {
        line(miss);
        return "Dec()";
      }
      std::string t = fresh("prev");
      line(fmt::format("const Dec* {} = run.previous({});", t, hist));
      line(fmt::format("if (!{}) {}", t, miss));
      valueTest(e, "*" + t, "run.year - 1");
      return "*" + t;
    }
    case Op::Increase: {
      std::string now = fact(e.kids[0], st);
      std::string before = value([&] {
        Expr prev = e;
        prev.op = Op::Previous;
        prev.kids.clear();
        return prev;
      }(), st);
      std::string t = fresh();
      line(fmt::format("const Dec {} = polc_rt::sub({}, {}, {});  // 增量", t, now, before, where(e)));
      explainLine({text(e.source + "："), code(show(now, e.type)), text(" − 上年 "), code(show(before, e.type)), text(" = "),
                   code(show(t, e.type))});
      return t;
    }
    case Op::HistoryMax: {
      std::string hist = historyRef(e);
      std::string miss = needStmt(st, factName(e), "0", 2);
      if (hist.empty()) {
        line(miss);
        return "Dec()";
      }
      std::string t = fresh("max");
      line(fmt::format("const std::optional<Dec> {} = run.historyMax({});", t, hist));
      line(fmt::format("if (!{}) {}", t, miss));
      valueTest(e, "*" + t);
      return "*" + t;
    }
    case Op::ParamAt: {
      std::string day = e.kids.empty() ? "run.date" : value(e.kids[0], st);
      const auto& prm = p_.parameters[static_cast<std::size_t>(e.param)];
      if (prm.entries.empty()) {
        line(fmt::format("polc_rt::fail({}, polc_rt::noValueOn({}, polc_rt::formatDate({}), \"\"));", where(e),
                         lit(prm.name), day));
        return "Dec()";
      }
      std::string t = fresh();
      const std::string& table = paramNames_[static_cast<std::size_t>(e.param)];
      line(fmt::format("const auto& {} = run.paramAt({}, {}, {}, {});", t, table, day, lit(prm.name), where(e)));
      explainLine({text(prm.name + " 于 "), code("polc_rt::formatDate(" + day + ")"), text("："), code(show(t, prm.type)),
                   text("（自 "), code(fmt::format("polc_rt::formatDate(run.paramFrom({}, {}))", table, day)), text(" 起）")});
      return t;
    }
    case Op::Neg: {
      std::string v = value(e.kids[0], st);
      return exact(e) ? "(" + v + ").negated()" : "polc_rt::aneg(" + v + ")";
    }
    case Op::Arith: {
      std::string a = value(e.kids[0], st);
      std::string b = value(e.kids[1], st);
      std::string t = fresh();
      static const char* const kExact[] = {"polc_rt::mul", "polc_rt::divExact", "polc_rt::add", "polc_rt::sub"};
      static const char* const kAmount[] = {"polc_rt::amul", "polc_rt::adiv", "polc_rt::aadd", "polc_rt::asub"};
      int op = static_cast<int>(e.arith);
      if (exact(e))
        line(fmt::format("const Dec {} = {}({}, {}, {});  // {}", t, kExact[op], a, b, where(e), commentText(e.source)));
      else
        line(fmt::format("const Amount {} = {}({}, {}, {});  // {}", t, kAmount[op], asAmount(a, e.kids[0]),
                         asAmount(b, e.kids[1]), where(e), commentText(e.source)));
      static const char* const kSigns[] = {"×", "÷", "+", "−"};
      explainLine({withValue(e.kids[0], a), text(std::string(" ") + kSigns[op] + " "), withValue(e.kids[1], b), text(" = "),
                   code(show(t, e.type))});
      return t;
    }
    case Op::Compare:
    case Op::FirstOver:
    case Op::Member:
    case Op::Has:
    case Op::And:
    case Op::Or:
    case Op::Not: {
      // A condition used as a value.
      std::string b = boolExpr(e);
      line(fmt::format("if ({0} == T4::U || {0} == T4::N) {{ {1} = {0}; break; }}", b, st));
      return "(" + b + " == T4::T)";
    }
    case Op::Newly: {
      const Expr& f = e.kids[0];
      auto it = inst_.find(f.subject);
      if (it == inst_.end()) {
        line(needStmt(st, factName(f)));
        return bitsType(f.type.enumIndex) + "()";
      }
      const FactInfo& fi = facts_[static_cast<std::size_t>(f.subject)][static_cast<std::size_t>(f.fact)];
      std::string t = fresh("newly");
      line(fmt::format("const auto {} = run.newly<{}>({}, {}, {}.{});  // {}", t, enumSize(f.type.enumIndex),
                       instId_.at(f.subject), lit(f.name), it->second, fi.member, commentText(e.source)));
      return t;
    }
    case Op::If: {
      std::string t = fresh();
      line(fmt::format("{} {};  // {}", typeOf(e), t, commentText(e.source)));
      std::string c = boolExpr(e.kids[0]);
      line(fmt::format("if ({0} == T4::U || {0} == T4::N) {{ {1} = {0}; break; }}", c, st));
      line(fmt::format("if ({} == T4::T) {{", c));
      ++indent_;
      std::string a = value(e.kids[1], st);
      line(fmt::format("{} = {};", t, convert(a, e.kids[1], e)));
      --indent_;
      line("} else {");
      ++indent_;
      std::string b = value(e.kids[2], st);
      line(fmt::format("{} = {};", t, convert(b, e.kids[2], e)));
      --indent_;
      line("}");
      return t;
    }
    case Op::Tiers: return tiers(e, st);
    case Op::Cases: return cases(e, st);
    case Op::Marginal: return marginal(e, st);
    case Op::Steps: {
      std::string x = value(e.kids[0], st);
      std::string from = value(e.kids[1], st);
      std::string every = value(e.kids[2], st);
      std::string add = value(e.kids[3], st);
      std::string t = fresh();
      line(fmt::format("const Amount {} = polc_rt::steps({}, {}, {}, {}, {});  // {}", t, asAmount(x, e.kids[0]),
                       asAmount(from, e.kids[1]), asAmount(every, e.kids[2]), asAmount(add, e.kids[3]), where(e),
                       commentText(e.source)));
      explainLine({code(fmt::format("polc_rt::stepsLine({}, {}, {}, {}, {}, {}, {}, {}, {})", asAmount(x, e.kids[0]),
                              asAmount(from, e.kids[1]), asAmount(every, e.kids[2]), joined(withValue(e.kids[0], x)),
                              lit(e.kids[1].source), lit(e.kids[2].source), lit(e.kids[3].source),
                              show(exact(e) ? t + ".lo" : t, e.type), where(e)))});
      return exact(e) ? t + ".lo" : t;
    }
    case Op::Min:
    case Op::Max: {
      bool isMin = e.op == Op::Min;
      std::string t = fresh();
      std::string first = value(e.kids[0], st);
      line(fmt::format("{} {} = {};  // {}", typeOf(e), t, convert(first, e.kids[0], e), commentText(e.source)));
      for (std::size_t i = 1; i < e.kids.size(); ++i) {
        std::string v = value(e.kids[i], st);
        if (exact(e))
          line(fmt::format("{0} = polc_rt::{1}({0}, {2});", t, isMin ? "min" : "max", v));
        else
          line(fmt::format("{0} = polc_rt::{1}({0}, {2});", t, isMin ? "amin" : "amax", asAmount(v, e.kids[i])));
      }
      return t;
    }
    case Op::UpTo: {
      std::string v = value(e.kids[0], st);
      std::string t = fresh();
      line(fmt::format("const Amount {} = polc_rt::upTo({});  // {}", t, asAmount(v, e.kids[0]), commentText(e.source)));
      return t;
    }
    case Op::Range: {
      std::string a = value(e.kids[0], st);
      std::string b = value(e.kids[1], st);
      std::string t = fresh();
      line(fmt::format("const Amount {} = polc_rt::range({}, {});  // {}", t, asAmount(a, e.kids[0]), asAmount(b, e.kids[1]),
                       commentText(e.source)));
      return t;
    }
    case Op::Cap: {
      std::string v = value(e.kids[0], st);
      std::string c = value(e.kids[1], st);
      std::string t = fresh();
      if (exact(e))
        line(fmt::format("const Dec {} = polc_rt::min({}, {});  // {}", t, v, lo(c, e.kids[1]), commentText(e.source)));
      else
        line(fmt::format("const Amount {} = polc_rt::capAt({}, {});  // {}", t, asAmount(v, e.kids[0]),
                         asAmount(c, e.kids[1]), commentText(e.source)));
      explainLine({code(fmt::format("polc_rt::capLine({}, {}, {})", asAmount(v, e.kids[0]), lo(c, e.kids[1]), show(c, e.type)))});
      return t;
    }
  }
  return "{}";
}

std::string Generator::convert(const std::string& v, const Expr& from, const Expr& to) const {
  if (isNum(to) && !exact(to)) return asAmount(v, from);
  return v;
}

void Generator::valueTest(const Expr& fact, const std::string& v, const std::string& year) {
  auto id = instId_.find(fact.subject);
  if (id == instId_.end()) return;
  if (fact.type.kind == TypeKind::Date) {
    line(fmt::format("run.day({}, {}, {});", id->second, v, lit(fact.name)));
    return;
  }
  if (fact.type.kind == TypeKind::Enum) {
    line(fmt::format("run.member({}, static_cast<int>({}), {}, {});", id->second, v,
                     p_.enums[static_cast<std::size_t>(fact.type.enumIndex)].members.size(), lit(fact.name)));
    return;
  }
  const std::string bounds = boundsName(static_cast<std::size_t>(fact.subject), static_cast<std::size_t>(fact.fact));
  if (bounds.empty()) return;
  line(fmt::format("run.bounded({}, {}, {}{});", id->second, v, bounds, year.empty() ? "" : ", " + year));
}

std::string Generator::fact(const Expr& e, const std::string& st) {
  auto it = inst_.find(e.subject);
  const ir::FactSlot& slot = p_.subjects[static_cast<std::size_t>(e.subject)].facts[static_cast<std::size_t>(e.fact)];
  if (it == inst_.end()) {
    // Not the item nor one of its owners: never given.
    line(needStmt(st, factName(e)));
    return typeOf(e) + "()";
  }
  const FactInfo& fi = facts_[static_cast<std::size_t>(e.subject)][static_cast<std::size_t>(e.fact)];
  std::string ref = it->second + "." + fi.member;
  auto asValue = [&](const std::string& v) -> std::string {
    switch (slot.type.kind) {
      case TypeKind::Enum: return "static_cast<int>(" + v + ")";
      case TypeKind::Recognition:
        return fmt::format("run.held<{}>({}, {}, {})", enumSize(slot.type.enumIndex), instId_.at(e.subject), lit(slot.name), v);
      default: return v;
    }
  };
  if (!fi.optional) {
    valueTest(e, ref);
    return asValue(ref);
  }
  std::string t = fresh("f");
  if (fi.history.empty()) {
    line(fmt::format("if (!{}) {}", ref, needStmt(st, factName(e))));
    valueTest(e, "*" + ref);
    return asValue("*" + ref);
  }
  line(fmt::format("const {}* {} = run.now({}, {}.{});", fi.type, t, ref, it->second, fi.history));
  if (slot.defaultValue) {
    std::string d = fresh("d");
    line(fmt::format("const {} {} = {} ? *{} : {};", fi.type, d, t, t, constant(*slot.defaultValue, slot.type)));
    valueTest(e, d);
    return asValue(d);
  }
  // Only numbers keep a history (E0305): no yes/no or set default to fall back on.
  line(fmt::format("if (!{}) {}", t, needStmt(st, factName(e))));
  valueTest(e, "*" + t);
  return asValue("*" + t);
}

std::string Generator::tiers(const Expr& e, const std::string& st) {
  const Expr& xe = e.kids[0];
  std::string x = value(xe, st);
  std::string t = fresh();
  std::string matched = fresh("matched");
  line(fmt::format("{} {};  // {}", typeOf(e), t, commentText(e.source)));
  line(fmt::format("bool {} = false;", matched));
  bool firstEntry = true;
  for (const auto& en : e.entries) {
    line(firstEntry ? "{" : fmt::format("if (!{}) {{", matched));
    firstEntry = false;
    ++indent_;
    std::string k = value(en.key[0], st);
    std::string cond;
    switch (e.tierMode) {
      case ir::TierMode::Compare: cond = compare(xe, x, en.key[0], k, e.cmp, e); break;
      case ir::TierMode::Equal: cond = compare(xe, x, en.key[0], k, ast::CmpOp::Eq, e); break;
      case ir::TierMode::Has: cond = has(x, en.key[0], k); break;
      case ir::TierMode::FirstOver: cond = firstOver(xe, x, lo(k, en.key[0])); break;
    }
    line(fmt::format("if ({}) {{  // {}", cond, commentText(en.key[0].source) + " → " + commentText(en.value[0].source)));
    ++indent_;
    std::string v = value(en.value[0], st);
    line(fmt::format("{} = {};", t, convert(v, en.value[0], e)));
    line(fmt::format("{} = true;", matched));
    const char* word = ir::tierWord(e);
    Parts note;
    if (e.tierMode == ir::TierMode::FirstOver) {
      std::string hist = historyRef(xe);
      note = hist.empty() ? text("（无往年记录）")
                          : code(fmt::format("polc_rt::pastBest(run.historyMax({}), {})", hist, numFormat(xe.type)));
    }
    explainLine({text("分档："), withValue(xe, x), text(std::string(" ") + word + " " + en.key[0].source), note,
                 text(" → " + en.value[0].source)});
    --indent_;
    line("}");
    --indent_;
    line("}");
  }
  // Said as the other evaluators say it: seen when the tier is an operand of a 且/或 that goes on.
  line(fmt::format("if (!{}) {{  // 不满足任何一档", matched));
  ++indent_;
  explainLine({text("分档："), withValue(xe, x), text(" 不满足任何一档")});
  line(fmt::format("{} = T4::N;", st));
  line("break;");
  --indent_;
  line("}");
  return t;
}

std::string Generator::cases(const Expr& e, const std::string& st) {
  std::string t = fresh();
  std::string matched = fresh("matched");
  line(fmt::format("{} {};  // {}", typeOf(e), t, commentText(e.source)));
  line(fmt::format("bool {} = false;", matched));
  bool firstEntry = true;
  for (const auto& en : e.entries) {
    line(firstEntry ? "{" : fmt::format("if (!{}) {{", matched));
    firstEntry = false;
    ++indent_;
    if (en.key.empty()) {
      line("// 其他");
      explainLine({text("分情形：其他 → " + en.value[0].source)});
      std::string v = value(en.value[0], st);
      line(fmt::format("{} = {};", t, convert(v, en.value[0], e)));
      line(fmt::format("{} = true;", matched));
    } else {
      std::string c = boolExpr(en.key[0]);
      line(fmt::format("if ({0} == T4::U || {0} == T4::N) {{ {1} = {0}; break; }}", c, st));
      line(fmt::format("if ({} == T4::T) {{  // → {}", c, commentText(en.value[0].source)));
      ++indent_;
      explainLine({text("分情形：" + en.key[0].source + " → " + en.value[0].source)});
      std::string v = value(en.value[0], st);
      line(fmt::format("{} = {};", t, convert(v, en.value[0], e)));
      line(fmt::format("{} = true;", matched));
      --indent_;
      line("}");
    }
    --indent_;
    line("}");
  }
  line(fmt::format("if (!{}) {{  // 没有成立的情形", matched));
  ++indent_;
  explainLine({text("分情形：没有成立的情形")});
  line(fmt::format("{} = T4::N;", st));
  line("break;");
  --indent_;
  line("}");
  return t;
}

std::string Generator::marginal(const Expr& e, const std::string& st) {
  std::string x = value(e.kids[0], st);
  std::string xv = lo(x, e.kids[0]);
  std::string total = fresh("total");
  std::string more = fresh("more");
  std::string parts = fresh("bands");
  line(fmt::format("Dec {};  // {}", total, commentText(e.source)));
  line(fmt::format("bool {} = true;", more));
  if (explaining_) line(fmt::format("std::string {};  // the explanation's bands", parts));
  for (std::size_t i = 0; i < e.entries.size(); ++i) {
    line(fmt::format("if ({}) {{", more));
    ++indent_;
    std::string th = value(e.entries[i].key[0], st);
    std::string thv = lo(th, e.entries[i].key[0]);
    line(fmt::format("if (!({} > {})) {{", xv, thv));
    line(fmt::format("  {} = false;", more));
    line("} else {");
    ++indent_;
    std::string top = fresh("top");
    line(fmt::format("Dec {} = {};", top, xv));
    if (i + 1 < e.entries.size()) {
      std::string next = value(e.entries[i + 1].key[0], st);
      line(fmt::format("{0} = polc_rt::min({0}, {1});", top, lo(next, e.entries[i + 1].key[0])));
    }
    std::string rate = value(e.entries[i].value[0], st);
    std::string band = fresh("band");
    line(fmt::format("const Dec {} = polc_rt::sub({}, {}, {});", band, top, thv, where(e)));
    // Thresholds given by facts, which sema cannot order (decimal/amount_rules.h).
    if (i + 1 < e.entries.size())
      line(fmt::format("if (const char* bad = polc_rt::badMarginalBand({})) polc_rt::fail({}, bad);", band, where(e)));
    line(fmt::format("{0} = polc_rt::add({0}, polc_rt::mul({1}, {2}, {3}), {3});", total, lo(rate, e.entries[i].value[0]),
                     band, where(e)));
    if (explaining_)
      line(fmt::format("if (run.explain) {0} += ({0}.empty() ? \"\" : \" + \") + std::string({1}) + {2};", parts,
                       lit(e.entries[i].value[0].source + " × "), show(band, e.kids[0].type)));
    --indent_;
    line("}");
    --indent_;
    line("}");
  }
  explainLine({text("累进："), withValue(e.kids[0], x), text(" → "),
               code(fmt::format("({0}.empty() ? std::string(\"0\") : {0})", parts)), text(" = "), code(show(total, e.type))});
  return total;
}

}  // namespace polc::cpp
