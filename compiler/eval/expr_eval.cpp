// The meaning of each expression node, as docs/ir.md defines it.
#include "eval/expr_eval.h"

#include <algorithm>
#include <exception>

#include <fmt/format.h>

#include "decimal/amount_rules.h"
#include "decimal/award_words.h"
#include "decimal/eval_errors.h"
#include "decimal/late_grant_words.h"
#include "decimal/operand_rank.h"
#include "ir/words.h"

namespace polc::eval {
namespace {

using ir::Op;
using ir::Value;
using ir::VType;

int formRank(AmountForm f) { return f == AmountForm::Exact ? 0 : f == AmountForm::Range ? 1 : 2; }
AmountForm wider(AmountForm a, AmountForm b) { return formRank(a) >= formRank(b) ? a : b; }

bool holds(int c, ast::CmpOp op) {
  switch (op) {
    case ast::CmpOp::Gt: return c > 0;
    case ast::CmpOp::Ge: return c >= 0;
    case ast::CmpOp::Le: return c <= 0;
    case ast::CmpOp::Lt: return c < 0;
    case ast::CmpOp::Eq: return c == 0;
    case ast::CmpOp::Ne: return c != 0;
  }
  return false;
}

}  // namespace

// ---- arithmetic -----------------------------------------------------------------------------------

void ExprEval::fail(const ir::Expr& where, const std::string& what) const {
  throw EvalError(polrt::errorAt(clause_, where.source, what));
}

Decimal ExprEval::add(Decimal a, Decimal b, const ir::Expr& where) {
  Decimal out;
  if (auto err = polrt::add(a, b, out); err != polrt::ArithError::None) fail(where, polrt::toString(err));
  return out;
}

Decimal ExprEval::sub(Decimal a, Decimal b, const ir::Expr& where) {
  Decimal out;
  if (auto err = polrt::sub(a, b, out); err != polrt::ArithError::None) fail(where, polrt::toString(err));
  return out;
}

Decimal ExprEval::mul(Decimal a, Decimal b, const ir::Expr& where) {
  Decimal out;
  if (auto err = polrt::mul(a, b, out); err != polrt::ArithError::None) fail(where, polrt::toString(err));
  return out;
}

Decimal ExprEval::divExact(Decimal a, Decimal b, const ir::Expr& where) {
  Decimal q;
  if (const char* bad = polrt::divideExactly(a, b, q)) fail(where, bad);
  return q;
}

// ---- facts ----------------------------------------------------------------------------------------

int ExprEval::instanceOf(int subject) const {
  for (int i = item_; i >= 0; i = a_.instances[i].parent)
    if (a_.instances[i].subject == subject) return i;
  return -1;
}

std::optional<Value> ExprEval::fact(int subject, int f) const {
  int i = instanceOf(subject);
  if (i < 0) return std::nullopt;
  const Instance& in = a_.instances[i];
  if (f < static_cast<int>(in.facts.size()) && in.facts[f]) {
    Value v = *in.facts[f];
    if (v.type == VType::Recognition) {
      // Held: granted on or before the evaluation date.
      v.bits.reset();
      for (const auto& g : v.grants)
        if (polrt::heldOn(g.day, date_) && g.member >= 0 && g.member < ir::kMaxEnumMembers) v.bits.set(g.member);
    }
    return v;
  }
  // This year's value may also be given in the history.
  if (f < static_cast<int>(in.history.size())) {
    auto it = in.history[f].find(year_);
    if (it != in.history[f].end()) return it->second;
  }
  const ir::FactSlot& slot = p_.subjects[subject].facts[f];
  if (slot.defaultValue) return slot.defaultValue;
  switch (slot.type.kind) {
    case TypeKind::Bool: return Value::boolean(false);
    case TypeKind::Set: return Value::set(ir::Bits());
    case TypeKind::Recognition: {
      Value v;
      v.type = VType::Recognition;
      return v;
    }
    default: return std::nullopt;
  }
}

void ExprEval::note(const std::string& what) {
  if (std::find(missing.begin(), missing.end(), what) == missing.end()) missing.push_back(what);
}

void ExprEval::needs(const std::string& what) {
  note(what);
  throw NotAssessable{};
}

std::optional<Value> ExprEval::present(const ir::Expr& e) {
  auto v = fact(e.subject, e.fact);
  if (!v) note(p_.subjects[e.subject].name + "." + e.name);
  return v;
}

Value ExprEval::factValue(const ir::Expr& e) {
  auto v = present(e);
  if (!v) throw NotAssessable{};
  return *v;
}

const std::map<int, Value>& ExprEval::historyOf(const ir::Expr& e) const {
  static const std::map<int, Value> kNone;
  int i = instanceOf(e.subject);
  if (i < 0 || e.fact >= static_cast<int>(a_.instances[i].history.size())) return kNone;
  return a_.instances[i].history[e.fact];
}

Value ExprEval::previous(const ir::Expr& e) {
  const auto& h = historyOf(e);
  auto it = h.find(year_ - 1);
  if (it == h.end()) needs(fmt::format("上年 {}.{} ({}年)", p_.subjects[e.subject].name, e.name, year_ - 1));
  return it->second;
}

// ---- the nodes ------------------------------------------------------------------------------------

bool ExprEval::condition(const ir::Expr& e) {
  Value v = eval(e);
  return v.type == VType::Bool && v.b;
}

// Every fact the expression needs is looked for before anything is computed (ir/needs_first.cpp).
void ExprEval::lookFirst(const std::vector<ir::Expr>& reads) {
  bool absent = false;
  for (const auto& r : reads) {
    try {
      eval(r);
    } catch (const NotAssessable&) {
      absent = true;
    }
  }
  if (absent) throw NotAssessable{};
}

std::optional<bool> ExprEval::decide(const ir::Expr& e) {
  try {
    // decide() reads some nodes without eval(), which would look for these first.
    if (!e.needsFirst.empty()) lookFirst(e.needsFirst);
    switch (e.op) {
      case Op::And:
      case Op::Or: {
        // A false operand decides 且 and a true one decides 或, even when another operand needs an
        // absent fact, fails or finds no tier; what the others give then ranks by
        // polrt::undecided (docs/ir.md, "Then the operands of `且`/`或`"). An error, and an
        // operand's no match, is held, not raised, until the operands after it are known.
        const bool decider = e.op == Op::Or;
        bool unknown = false, noValue = false;
        std::exception_ptr held;
        const std::size_t before = missing.size();
        for (const auto& k : e.kids) {
          std::optional<bool> v;
          try {
            v = decide(k);
          } catch (const EvalError&) {
            if (!held) held = std::current_exception();
            continue;
          } catch (const NoMatch&) {
            noValue = true;
            continue;
          }
          if (!v) {
            unknown = true;
          } else if (*v == decider) {
            missing.resize(before);
            return decider;
          }
        }
        switch (polrt::undecided(decider, e.polarity, noValue, unknown, held != nullptr)) {
          case polrt::Undecided::NoValue: missing.resize(before); throw NoMatch{};
          case polrt::Undecided::Absent: return std::nullopt;
          case polrt::Undecided::Error: std::rethrow_exception(held);
          case polrt::Undecided::Value: break;
        }
        return !decider;
      }
      case Op::Not: {
        std::optional<bool> v = decide(e.kids[0]);
        if (!v) return std::nullopt;
        return !*v;
      }
      case Op::If: {
        std::optional<bool> c = decide(e.kids[0]);
        if (!c) return std::nullopt;
        return decide(e.kids[*c ? 1 : 2]);
      }
      case Op::Compare: {
        // Left, then right, as eval() reads them: the first absent fact is the one named.
        auto operand = [&](const ir::Expr& k) { return k.op == Op::Fact ? present(k) : std::optional<Value>(eval(k)); };
        std::optional<Value> a = operand(e.kids[0]);
        if (!a) return std::nullopt;
        std::optional<Value> b = operand(e.kids[1]);
        if (!b) return std::nullopt;
        return compare(*a, *b, e.cmp, e);
      }
      default: return condition(e);
    }
  } catch (const NotAssessable&) {
    return std::nullopt;
  }
}

std::optional<Value> ExprEval::amount(const ir::Expr& e) {
  if (!e.needsFirst.empty()) lookFirst(e.needsFirst);  // as eval() does; tables are read without it
  switch (e.op) {
    case Op::Tiers: return tiers(e);
    case Op::Cases: return cases(e);
    case Op::UpTo: {
      std::optional<Value> v = amount(e.kids[0]);
      if (!v) return std::nullopt;
      return upTo(*v);
    }
    default: return eval(e);
  }
}

Value ExprEval::eval(const ir::Expr& e) {
  if (!e.needsFirst.empty()) lookFirst(e.needsFirst);
  switch (e.op) {
    case Op::Const: return e.value;
    case Op::Fact: return factValue(e);
    case Op::Previous: return previous(e);
    case Op::Increase: {
      Value now = factValue(e.kids[0]);
      Value before = previous(e);
      Value out = Value::num(sub(now.lo, before.lo, e));
      explain([&] { return fmt::format("{}：{} − 上年 {} = {}", e.source, show(now, e.type), show(before, e.type),
                          show(out, e.type)); });
      return out;
    }
    case Op::HistoryMax: {
      const std::optional<Decimal> best = highestBefore(e);
      if (!best) needs(fmt::format("历史 {}.{}", p_.subjects[e.subject].name, e.name));
      return Value::num(*best);
    }
    case Op::ParamAt: return paramAt(e);
    case Op::Neg: {
      Value v = eval(e.kids[0]);
      return Value::amount(v.hi.negated(), v.lo.negated(), v.form);
    }
    case Op::Arith: return arith(e);
    case Op::Compare: {
      Value a = eval(e.kids[0]);
      Value b = eval(e.kids[1]);
      return Value::boolean(compare(a, b, e.cmp, e));
    }
    case Op::FirstOver: {
      Value x = factValue(e.kids[0]);
      Value t = eval(e.kids[1]);
      return Value::boolean(firstOver(e.kids[0], x, t.lo, nullptr));
    }
    case Op::And:
    case Op::Or: {
      std::optional<bool> v = decide(e);
      if (!v) throw NotAssessable{};
      return Value::boolean(*v);
    }
    case Op::Not: return Value::boolean(!condition(e.kids[0]));
    case Op::Member: {
      Value v = eval(e.kids[0]);
      Value s = eval(e.kids[1]);
      bool in = v.e >= 0 && v.e < ir::kMaxEnumMembers && s.bits[v.e];
      return Value::boolean(in != e.negated);
    }
    case Op::Has: {
      Value s = eval(e.kids[0]);
      Value m = eval(e.kids[1]);
      return Value::boolean(has(s, m));
    }
    case Op::Newly: {
      auto v = fact(e.kids[0].subject, e.kids[0].fact);
      if (!v) needs(p_.subjects[e.kids[0].subject].name + "." + e.kids[0].name);
      ir::Bits bits;
      for (const auto& g : v->grants)
        if (ir::yearOf(g.day) == year_ && polrt::heldOn(g.day, date_) && g.member >= 0 && g.member < ir::kMaxEnumMembers)
          bits.set(g.member);
      return Value::set(bits);
    }
    case Op::If: return condition(e.kids[0]) ? eval(e.kids[1]) : eval(e.kids[2]);
    case Op::Tiers:
    case Op::Cases:
      if (std::optional<Value> v = e.op == Op::Tiers ? tiers(e) : cases(e)) return *v;
      throw NoMatch{};
    case Op::Marginal: return marginal(e);
    case Op::Steps: return steps(e);
    case Op::Min:
    case Op::Max: {
      Value out = eval(e.kids[0]);
      for (std::size_t i = 1; i < e.kids.size(); ++i) {
        Value v = eval(e.kids[i]);
        bool isMin = e.op == Op::Min;
        out.lo = isMin ? polrt::min(out.lo, v.lo) : polrt::max(out.lo, v.lo);
        out.hi = isMin ? polrt::min(out.hi, v.hi) : polrt::max(out.hi, v.hi);
        out.form = wider(out.form, v.form);
      }
      return out;
    }
    case Op::UpTo: return upTo(eval(e.kids[0]));
    case Op::Range: {
      Value a = eval(e.kids[0]);
      Value b = eval(e.kids[1]);
      return Value::amount(a.lo, b.hi, AmountForm::Range);
    }
    case Op::Cap: {
      Value v = eval(e.kids[0]);
      Value c = eval(e.kids[1]);
      Value out = v;
      out.lo = polrt::min(v.lo, c.lo);
      out.hi = polrt::min(v.hi, c.lo);
      explain([&] { return out.hi < v.hi ? fmt::format("{} 超过上限 {}，按 {}", amountText(v.lo, v.hi, v.form),
                                          show(c, e.type), show(c, e.type))
                            : fmt::format("{} 未超过上限 {}", amountText(v.lo, v.hi, v.form), show(c, e.type)); });
      return out;
    }
  }
  fail(e, "unknown expression");
}

Value ExprEval::arith(const ir::Expr& e) {
  Value a = eval(e.kids[0]);
  Value b = eval(e.kids[1]);
  Value out;
  out.type = VType::Num;
  static const char* const kSigns[] = {"×", "÷", "+", "−"};
  switch (e.arith) {
    case ast::ArithOp::Mul:
    case ast::ArithOp::Div: {
      // One side is exact (checked at compile time): it scales both ends of the other.
      bool aExact = a.form == AmountForm::Exact;
      const Value& amount = aExact ? b : a;
      const Value& factor = aExact ? a : b;
      Decimal lo, hi;
      if (e.arith == ast::ArithOp::Mul) {
        lo = mul(amount.lo, factor.lo, e);
        hi = mul(amount.hi, factor.lo, e);
      } else if (!aExact || b.form == AmountForm::Exact) {
        lo = divExact(a.lo, b.lo, e);
        hi = divExact(a.hi, b.lo, e);
      } else {  // exact ÷ a range: the ends swap
        lo = divExact(a.lo, b.hi, e);
        hi = divExact(a.lo, b.lo, e);
      }
      if (hi < lo) std::swap(lo, hi);
      out.lo = lo;
      out.hi = hi;
      out.form = amount.form;
      break;
    }
    case ast::ArithOp::Add:
      out.lo = add(a.lo, b.lo, e);
      out.hi = add(a.hi, b.hi, e);
      out.form = wider(a.form, b.form);
      break;
    case ast::ArithOp::Sub:
      out.lo = sub(a.lo, b.hi, e);
      out.hi = sub(a.hi, b.lo, e);
      out.form = wider(a.form, b.form);
      break;
  }
  explain([&] { return fmt::format("{} {} {} = {}", withValue(e.kids[0], a), kSigns[static_cast<int>(e.arith)],
                      withValue(e.kids[1], b), show(out, e.type)); });
  return out;
}

bool ExprEval::compare(const Value& a, const Value& b, ast::CmpOp op, const ir::Expr& where) {
  // A set of an ordered enum compared with a value by order: some member compares so.
  if ((a.type == VType::Set || a.type == VType::Recognition) && b.type == VType::Enum) {
    for (int m = 0; m < ir::kMaxEnumMembers; ++m)
      if (a.bits[m] && compare(Value::enumValue(m), b, op, where)) return true;
    return false;
  }
  int c = 0;
  switch (a.type) {
    case VType::Num:
      if (a.form != AmountForm::Exact || b.form != AmountForm::Exact) fail(where, polrt::inexactComparison());
      c = polrt::compare(a.lo, b.lo);
      break;
    case VType::Enum: c = a.e == b.e ? 0 : (a.e < b.e ? 1 : -1); break;  // index 0 is the highest
    case VType::Date: c = (a.day > b.day) - (a.day < b.day); break;
    case VType::Bool: c = a.b == b.b ? 0 : 1; break;
    case VType::Text: c = a.text == b.text ? 0 : 1; break;
    case VType::Set:
    case VType::Recognition: c = a.bits == b.bits ? 0 : 1; break;
  }
  return holds(c, op);
}

bool ExprEval::firstOver(const ir::Expr& factExpr, const Value& x, const Decimal& threshold, std::string* detail) {
  if (!(x.lo > threshold)) return false;
  const std::optional<Decimal> best = highestBefore(factExpr);
  if (detail) *detail = best ? "往年最高 " + show(Value::num(*best), factExpr.type) : "无往年记录";
  return !best || *best <= threshold;
}

std::optional<Decimal> ExprEval::highestBefore(const ir::Expr& factExpr) const {
  std::optional<Decimal> best;
  for (const auto& [year, v] : historyOf(factExpr))
    if (year < year_) best = best ? polrt::max(*best, v.lo) : v.lo;
  return best;
}

// `S 含 v`, or with a set on the right `S 含 {a, b}`: at least one of them.
bool ExprEval::has(const Value& s, const Value& m) const {
  if (m.type == VType::Set || m.type == VType::Recognition) return (s.bits & m.bits).any();
  return m.e >= 0 && m.e < ir::kMaxEnumMembers && s.bits[m.e];
}

Value ExprEval::paramAt(const ir::Expr& e) {
  int day = date_;
  if (!e.kids.empty()) day = eval(e.kids[0]).day;
  const ir::Parameter& prm = p_.parameters[e.param];
  const ir::ParamEntry* found = nullptr;
  for (const auto& entry : prm.entries)
    if (entry.day <= day) found = &entry;
  if (!found)
    fail(e, polrt::noValueOn(prm.name, ir::formatDate(day), prm.entries.empty() ? "" : prm.entries.front().date));
  explain([&] { return fmt::format("{} 于 {}：{}（自 {} 起）", prm.name, ir::formatDate(day), show(found->value, prm.type),
                      found->date); });
  return found->value;
}

std::optional<Value> ExprEval::tiers(const ir::Expr& e) {
  const ir::Expr& xe = e.kids[0];
  Value x = eval(xe);
  for (const auto& en : e.entries) {
    Value k = eval(en.key[0]);
    bool match = false;
    std::string detail;
    switch (e.tierMode) {
      case ir::TierMode::Compare: match = compare(x, k, e.cmp, e); break;
      case ir::TierMode::Equal: match = compare(x, k, ast::CmpOp::Eq, e); break;
      case ir::TierMode::Has: match = has(x, k); break;
      case ir::TierMode::FirstOver: match = firstOver(xe, x, k.lo, &detail); break;
    }
    if (!match) continue;
    Value v = eval(en.value[0]);
    const char* word = ir::tierWord(e);
    explain([&] { return fmt::format("分档：{} {} {}{} → {}", withValue(xe, x), word, en.key[0].source,
                        detail.empty() ? "" : "（" + detail + "）", en.value[0].source); });
    return v;
  }
  explain([&] { return fmt::format("分档：{} 不满足任何一档", withValue(xe, x)); });
  return std::nullopt;
}

std::optional<Value> ExprEval::cases(const ir::Expr& e) {
  for (const auto& en : e.entries) {
    if (!en.key.empty() && !condition(en.key[0])) continue;
    explain([&] { return fmt::format("分情形：{} → {}", en.key.empty() ? "其他" : en.key[0].source, en.value[0].source); });
    return eval(en.value[0]);
  }
  explain("分情形：没有成立的情形");
  return std::nullopt;
}

Value ExprEval::marginal(const ir::Expr& e) {
  Value x = eval(e.kids[0]);
  Decimal total;
  std::string parts;
  for (std::size_t i = 0; i < e.entries.size(); ++i) {
    Decimal t = eval(e.entries[i].key[0]).lo;
    if (!(x.lo > t)) break;
    Decimal top = x.lo;
    if (i + 1 < e.entries.size()) top = polrt::min(top, eval(e.entries[i + 1].key[0]).lo);
    Decimal width = sub(top, t, e);
    // Thresholds given by facts, which sema cannot order (decimal/amount_rules.h).
    if (i + 1 < e.entries.size())
      if (const char* bad = polrt::badMarginalBand(width)) fail(e, bad);
    Decimal rate = eval(e.entries[i].value[0]).lo;
    Decimal band = mul(rate, width, e);
    total = add(total, band, e);
    if (explain_)
      parts += fmt::format("{}{} × {}", parts.empty() ? "" : " + ", e.entries[i].value[0].source,
                           show(Value::num(width), e.kids[0].type));
  }
  explain([&] { return fmt::format("累进：{} → {} = {}", withValue(e.kids[0], x), parts.empty() ? "0" : parts,
                      show(Value::num(total), e.type)); });
  return Value::num(total);
}

Value ExprEval::steps(const ir::Expr& e) {
  Value x = eval(e.kids[0]);
  Value from = eval(e.kids[1]);
  Value every = eval(e.kids[2]);
  Value add = eval(e.kids[3]);
  if (!(x.lo > from.lo)) {
    explain([&] { return fmt::format("递增：{} 未超过 {}，另给予 0", withValue(e.kids[0], x), e.kids[1].source); });
    return Value::amount(Decimal(), Decimal(), add.form);
  }
  if (every.lo.sign() <= 0) fail(e, polrt::stepNotPositive());
  Decimal n;
  if (auto err = polrt::div(sub(x.lo, from.lo, e), every.lo, 0, polrt::RoundingMode::Floor, n);
      err != polrt::ArithError::None)
    fail(e, polrt::toString(err));
  Value out = Value::amount(mul(add.lo, n, e), mul(add.hi, n, e), add.form);
  explain([&] { return fmt::format("递增：({} − {}) ÷ {} 取整 = {} 档 × {} = {}", withValue(e.kids[0], x), e.kids[1].source,
                      e.kids[2].source, n.toString(), e.kids[3].source, show(out, e.type)); });
  return out;
}

// ---- explanations ---------------------------------------------------------------------------------

std::string ExprEval::show(const Value& v, const Type& t) const {
  switch (v.type) {
    case VType::Num:
      return polrt::amountWords(v.lo, v.hi, static_cast<int>(v.form), [&](const Decimal& x) { return quantity(p_, x, t); });
    case VType::Bool: return v.b ? "是" : "否";
    case VType::Enum:
      return t.enumIndex >= 0 && v.e >= 0 ? p_.enums[t.enumIndex].members[v.e] : std::to_string(v.e);
    case VType::Date: return ir::formatDate(v.day);
    case VType::Text: return v.text;
    case VType::Set:
    case VType::Recognition: {
      std::string out;
      for (int i = 0; i < ir::kMaxEnumMembers; ++i)
        if (v.bits[i])
          out += (out.empty() ? "" : "、") +
                 (t.enumIndex >= 0 && i < static_cast<int>(p_.enums[t.enumIndex].members.size())
                      ? p_.enums[t.enumIndex].members[i]
                      : std::to_string(i));
      return "{" + out + "}";
    }
  }
  return "?";
}

// `设备投入 8000万元` for a fact, the literal as written for a constant, the value otherwise.
std::string ExprEval::withValue(const ir::Expr& e, const Value& v) const {
  if (e.op == Op::Const) return e.source;
  if (e.op == Op::Fact || e.op == Op::ParamAt || e.op == Op::Previous || e.op == Op::HistoryMax ||
      e.op == Op::Increase)
    return e.source + " " + show(v, e.type);
  return show(v, e.type);
}

}  // namespace polc::eval
