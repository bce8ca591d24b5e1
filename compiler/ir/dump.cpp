// The IR as readable text: one block per subject, parameter, document, clause, group and cap, with
// expressions as S-expressions whose leaves show names and exact values.
#include <sstream>

#include <fmt/format.h>

#include "ir/lower.h"
#include "ir/words.h"

namespace polc::ir {
namespace {

const char* opName(Op op) {
  switch (op) {
    case Op::Const: return "const";
    case Op::Fact: return "fact";
    case Op::Previous: return "previous";
    case Op::Increase: return "increase";
    case Op::HistoryMax: return "history_max";
    case Op::ParamAt: return "param_at";
    case Op::Neg: return "neg";
    case Op::Arith: return "arith";
    case Op::Compare: return "compare";
    case Op::FirstOver: return "first_over";
    case Op::And: return "and";
    case Op::Or: return "or";
    case Op::Not: return "not";
    case Op::Member: return "member";
    case Op::Has: return "has";
    case Op::Newly: return "newly";
    case Op::If: return "if";
    case Op::Tiers: return "tiers";
    case Op::Cases: return "cases";
    case Op::Marginal: return "marginal";
    case Op::Steps: return "steps";
    case Op::Min: return "min";
    case Op::Max: return "max";
    case Op::UpTo: return "up_to";
    case Op::Range: return "range";
    case Op::Cap: return "cap";
  }
  return "?";
}

const char* arithName(ast::ArithOp op) {
  switch (op) {
    case ast::ArithOp::Mul: return "*";
    case ast::ArithOp::Div: return "/";
    case ast::ArithOp::Add: return "+";
    case ast::ArithOp::Sub: return "-";
  }
  return "?";
}

std::string setText(const Program& p, int en, const Bits& bits) {
  std::string out = "{";
  bool first = true;
  for (int i = 0; i < kMaxEnumMembers; ++i) {
    if (!bits[i]) continue;
    out += first ? "" : ", ";
    first = false;
    out += en >= 0 && i < static_cast<int>(p.enums[en].members.size()) ? p.enums[en].members[i]
                                                                        : std::to_string(i);
  }
  return out + "}";
}

std::string valueText(const Program& p, const Value& v, const Type& t) {
  switch (v.type) {
    case VType::Num: return v.lo.toString();
    case VType::Bool: return v.b ? "true" : "false";
    case VType::Enum:
      return t.enumIndex >= 0 && v.e >= 0 ? p.enums[t.enumIndex].name + "." + p.enums[t.enumIndex].members[v.e]
                                          : std::to_string(v.e);
    case VType::Set:
    case VType::Recognition: return setText(p, t.enumIndex, v.bits);
    case VType::Date: return formatDate(v.day);
    case VType::Text: return "\"" + v.text + "\"";
  }
  return "?";
}

void expr(const Program& p, const Expr& e, std::ostream& os) {
  if (!e.needsFirst.empty()) {
    os << "(needs_first [";
    for (std::size_t i = 0; i < e.needsFirst.size(); ++i) {
      os << (i ? " " : "");
      expr(p, e.needsFirst[i], os);
    }
    os << "] ";
    Expr plain = e;
    plain.needsFirst.clear();
    expr(p, plain, os);
    os << ")";
    return;
  }
  if (e.op == Op::Const) {
    os << valueText(p, e.value, e.type);
    return;
  }
  if (e.op == Op::Fact) {
    os << p.subjects[e.subject].name << "." << e.name;
    return;
  }
  os << "(" << opName(e.op);
  switch (e.op) {
    case Op::Previous:
    case Op::Increase:
    case Op::HistoryMax: os << " " << p.subjects[e.subject].name << "." << e.name; break;
    case Op::ParamAt:
      os << " " << e.name;
      for (const auto& k : e.kids) {
        os << " ";
        expr(p, k, os);
      }
      os << ")";
      return;
    case Op::Arith: os << " " << arithName(e.arith); break;
    case Op::Compare: os << " " << cmpSign(e.cmp); break;
    case Op::Member: os << (e.negated ? " not" : ""); break;
    case Op::And:
    case Op::Or:
      if (e.polarity != polrt::Polarity::Positive) os << (e.polarity == polrt::Polarity::Negative ? " negative" : " mixed");
      break;
    case Op::Tiers:
      switch (e.tierMode) {
        case TierMode::Compare: os << " " << cmpSign(e.cmp); break;
        case TierMode::FirstOver: os << " first_over"; break;
        case TierMode::Has: os << " has"; break;
        case TierMode::Equal: os << " =="; break;
      }
      break;
    default: break;
  }
  if (e.op != Op::Previous && e.op != Op::Increase && e.op != Op::HistoryMax) {
    for (const auto& k : e.kids) {
      os << " ";
      expr(p, k, os);
    }
  }
  for (const auto& en : e.entries) {
    os << " [";
    if (en.key.empty()) os << "otherwise";
    else expr(p, en.key[0], os);
    os << ": ";
    expr(p, en.value[0], os);
    os << "]";
  }
  os << ")";
}

}  // namespace

std::string dumpExpr(const Program& p, const Expr& e) {
  std::ostringstream os;
  expr(p, e, os);
  return os.str();
}

std::string dump(const Program& p) {
  std::ostringstream os;
  for (const auto& s : p.subjects) {
    os << "subject " << s.name;
    if (s.owner >= 0) os << " of " << p.subjects[s.owner].name;
    os << "\n";
    for (std::size_t i = 0; i < s.facts.size(); ++i) {
      const auto& f = s.facts[i];
      os << "  fact " << i << " " << f.name << (f.history ? " history" : "") << (f.required ? " required" : "");
      if (f.defaultValue) os << " default " << valueText(p, *f.defaultValue, f.type);
      if (f.min || f.max)
        os << " within [" << (f.min ? f.min->normalized().toString() : "") << ", " << (f.max ? f.max->normalized().toString() : "") << "]";
      os << "\n";
    }
  }
  for (const auto& prm : p.parameters) {
    os << "parameter " << prm.name << "\n";
    for (const auto& e : prm.entries) os << "  " << e.date << ": " << valueText(p, e.value, prm.type) << "\n";
  }
  for (std::size_t d = 0; d < p.documents.size(); ++d) {
    const auto& doc = p.documents[d];
    os << "document " << d << " " << doc.name << " (" << doc.number << ")";
    if (!doc.effectiveText.empty()) os << " effective " << doc.effectiveText;
    if (doc.rounding.present) os << " rounding " << doc.rounding.unit.toString() << " " << polrt::toString(doc.rounding.mode);
    os << "\n";
    for (const auto& r : doc.funding) {
      os << "  funding " << (r.otherwise ? "otherwise:" : r.kinds.empty() ? "when:" : "kind:");
      for (int k : r.kinds) os << " " << p.kinds[k].name;
      if (r.arrangement) os << " \"" << *r.arrangement << "\"";
      for (const auto& s : r.shares) os << " " << s.payer << " " << (s.proportion ? s.proportion->toString() : "rest");
      if (!r.ratioPayers.empty()) {
        for (const auto& n : r.ratioPayers) os << " " << n;
        os << " =";
        for (std::size_t i = 0; i < r.ratio.size(); ++i) os << (i ? ":" : " ") << r.ratio[i].toString();
      }
      os << "\n";
    }
  }
  for (std::size_t c = 0; c < p.clauses.size(); ++c) {
    const auto& cl = p.clauses[c];
    os << "clause " << c << " " << cl.citation << " for " << p.subjects[cl.subject].name;
    if (cl.payee >= 0) os << " payee " << p.subjects[cl.payee].name;
    if (cl.target >= 0) os << " target " << p.targets[cl.target].name;
    if (cl.kind >= 0) os << " kind " << p.kinds[cl.kind].name;
    os << "\n";
    for (const auto& e : cl.eligibility) os << "  eligible " << dumpExpr(p, e) << "\n";
    for (const auto& e : cl.conditions) os << "  when " << dumpExpr(p, e) << "\n";
    for (const auto& e : cl.amount) os << "  pay " << dumpExpr(p, e) << "\n";
    if (cl.award == AwardKind::Benefit) os << "  benefit \"" << cl.benefit << "\"\n";
    if (cl.award == AwardKind::Negotiated) os << "  negotiated\n";
    for (const auto& e : cl.cap) os << "  cap " << dumpExpr(p, e) << "\n";
    if (cl.quota) os << "  quota " << *cl.quota << (cl.quotaAnnual ? " annual" : "") << "\n";
    if (!cl.installments.empty()) {
      os << "  installments";
      for (const auto& i : cl.installments) os << " " << i.toString();
      os << "\n";
    }
    if (cl.topup) os << "  topup\n";
    if (cl.once) os << "  once\n";
    for (std::size_t i = 0; i < cl.fundingConditions.size(); ++i)
      if (!cl.fundingConditions[i].empty())
        os << "  funding " << i << " when " << dumpExpr(p, cl.fundingConditions[i][0]) << "\n";
    for (std::size_t i = 0; i < cl.fundingPayers.size(); ++i)
      for (const auto& pf : cl.fundingPayers[i])
        os << "  funding " << i << " payer " << pf.payer << " is " << dumpExpr(p, pf.fact) << "\n";
  }
  for (const auto& g : p.groups) {
    os << "group " << g.name << " of " << p.documents[g.document].name << " scope "
       << (g.scope == GroupScope::Clauses ? "clauses" : g.scope == GroupScope::Document ? "document" : "all");
    for (int c : g.clauses) os << " " << c;
    for (int s : g.per) os << " per " << p.subjects[s].name;
    if (g.perItem) os << " per item";
    if (g.sameTarget) os << " same target";
    for (int k : g.exceptKinds) os << " except " << p.kinds[k].name;
    for (int d : g.prefer) os << " prefer " << p.documents[d].name;
    os << "\n";
  }
  for (const auto& k : p.caps) {
    os << "cap " << k.name << " " << k.amount.toString() << " per " << p.subjects[k.per].name << " "
       << (k.period == CapPeriod::Cumulative ? "cumulative" : k.period == CapPeriod::Annual ? "annual" : "once")
       << " covers";
    for (int c : k.clauses) os << " " << c;
    os << "\n";
  }
  return os.str();
}

}  // namespace polc::ir
