#include "sema/expr_checker.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "support/name_brackets.h"
#include "support/suggest.h"
#include "sema/parameter_reads.h"
#include "sema/rational.h"
#include "sema/units.h"
#include "syntax/token_names.h"

namespace polc::sema {
namespace {

using K = ast::ExprKind;

bool isMoney(const Type& t) { return t.isNumber() && t.dim == Dimension::base(0); }

AmountForm widerForm(AmountForm a, AmountForm b) {
  // Exact < Range < UpTo: combining a ceiling with anything still leaves a ceiling.
  auto rank = [](AmountForm f) { return f == AmountForm::Exact ? 0 : f == AmountForm::Range ? 1 : 2; };
  return rank(a) >= rank(b) ? a : b;
}

// The keyword 最高 (up to): a ceiling, which a cap already is.
constexpr const char* kUpTo = "最高";

// The help for a cap written `最高 10万元` (the text's 最高不超过): the cap without it.
std::string capWithoutUpTo(std::string_view cap, const std::string& amount) {
  return fmt::format("a cap is the most paid already: leave out `{}`: `{} {}`", kUpTo, cap, amount);
}

const char* cmpWord(ast::CmpOp op) {
  switch (op) {
    case ast::CmpOp::Gt: return "超";
    case ast::CmpOp::Ge: return "不低于";
    case ast::CmpOp::Le: return "不超过";
    case ast::CmpOp::Lt: return "低于";
    case ast::CmpOp::Eq: return "==";
    case ast::CmpOp::Ne: return "!=";
  }
  return "?";
}

struct BuiltinName {
  const char* english;
  const char* chinese;
  Builtin builtin;
};
constexpr BuiltinName kBuiltins[] = {
    {"previous", "上年", Builtin::Previous},     {"increase", "增量", Builtin::Increase},
    {"history_max", "历史最高", Builtin::HistoryMax}, {"min", "最小", Builtin::Min},
    {"max", "最大", Builtin::Max},
};

}  // namespace

// ---- entry points -------------------------------------------------------------------------------

Type ExprChecker::check(ast::Expr& e, const Scope& scope, const Type* expected) {
  Type t;
  switch (e.kind) {
    case K::Quantity: t = quantity(e, scope); break;
    case K::Ratio: t = ratio(e); break;
    case K::String: t = Type::text(); break;
    case K::Date: t = Type::date(); break;
    case K::Bool: t = Type::boolean(); break;
    case K::Path: t = path(e, scope, expected); break;
    case K::Call: t = call(e, scope); break;
    case K::SetLit: t = setLiteral(e, expected); break;
    case K::Neg: t = checkNumber(*e.kids[0], scope, "`-`"); break;
    case K::Newly: {
      Type inner = check(*e.kids[0], scope);
      if (inner.isError()) break;
      if (inner.kind != TypeKind::Recognition) {
        cx_.diags.error(diag::kTypeMismatch, e.span,
                        fmt::format("新认定 (new) applies to a recognition fact, not to {}",
                                    cx_.model.describe(inner)))
            .help.push_back("declare the fact as `认定 隶属 <枚举>` to know when each value was granted");
        break;
      }
      t = Type::ofEnum(TypeKind::Set, inner.enumIndex);
      break;
    }
    case K::Arith: t = arith(e, scope); break;
    case K::Range: t = range(e, scope); break;
    case K::Cap: t = cap(e, scope); break;
    case K::UpTo: {
      t = checkNumber(*e.kids[0], scope, "最高 (up to)");
      if (t.isNumber()) t.form = AmountForm::UpTo;
      break;
    }
    case K::Compare: t = compare(e, scope); break;
    case K::FirstOver: t = firstOver(e, scope); break;
    case K::Member: t = member(e, scope); break;
    case K::Has: t = has(e, scope); break;
    case K::Not:
    case K::And:
    case K::Or: t = logical(e, scope); break;
    case K::If: t = ifThenElse(e, scope); break;
    case K::At: t = at(e, scope); break;
    case K::Tiers: t = tiers(e, scope); break;
    case K::Cases: t = cases(e, scope); break;
    case K::Marginal: t = marginal(e, scope); break;
    case K::Steps: t = steps(e, scope); break;
  }
  e.sema.type = t;
  return t;
}

void ExprChecker::checkCondition(ast::Expr& e, const Scope& scope) {
  Type t = check(e, scope);
  if (!t.isError() && t.kind != TypeKind::Bool)
    cx_.diags.error(diag::kNotACondition, e.span,
                    fmt::format("a condition must be true or false, but this is {}",
                                cx_.model.describe(t)));
}

void ExprChecker::checkMoney(ast::Expr& e, const Scope& scope, const char* what) {
  Type t = check(e, scope);
  if (t.isError() || isMoney(t)) return;
  auto& d = cx_.diags.error(diag::kAwardNotMoney, e.span,
                            fmt::format("{} must be money in 元, but this is {}", what,
                                        cx_.model.describe(t)));
  if (t.isNumber()) d.label = cx_.model.describe(t.dim);
  if (auto h = moneyHint(e, t)) d.help.push_back(*h);
}

namespace {

// A plain number literal, scale words allowed (`50万`, `500`), but not a rate (`5%`).
const ast::Expr* plainLiteral(const ast::Expr& e) {
  if (e.kind != ast::ExprKind::Quantity || !e.sema.type.isNumber() || !e.sema.type.dim.dimensionless()) return nullptr;
  if (e.unit.find('%') != std::string::npos || e.unit.find("‰") != std::string::npos) return nullptr;
  return &e;
}

// The help for a number written without its unit where money is meant (`超 500`): the unit the
// clause's 原文 writes after that number (`500万元`, or `500 万元` as some texts space it), else
// the two readings a writer chooses between. `50万` lacks only its 元.
std::string missingMoneyUnitHelp(const ast::Expr& number, std::string_view quote) {
  const std::string& n = number.number;
  if (!number.unit.empty())
    return fmt::format("`{0}{1}` is a plain number; money has 元 glued to the number: `{0}{1}元`", n, number.unit);
  for (std::size_t at = quote.find(n); at != std::string_view::npos; at = quote.find(n, at + 1)) {
    const auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '.'; };
    std::size_t after = at + n.size();
    if ((at > 0 && digit(quote[at - 1])) || (after < quote.size() && digit(quote[after]))) continue;
    while (after < quote.size() && quote[after] == ' ') ++after;
    for (std::string_view unit : {"万元", "亿元", "千元", "元"})
      if (quote.substr(after, unit.size()) == unit)
        return fmt::format("`{0}` is a plain number; the 原文 says `{1}`: did you mean `{0}{2}`?", n,
                           quote.substr(at, after + unit.size() - at), unit);
  }
  return fmt::format("`{0}` is a plain number; money has its unit glued to the number: `{0}元` or `{0}万元`", n);
}

}  // namespace

// The slip behind most of these errors is a number written without 元: `上限 50万`, or `节能量 × 500`
// for 500元/吨标煤. The help writes the number as the money it was meant to be.
std::optional<std::string> ExprChecker::moneyHint(const ast::Expr& e, const Type& t) const {
  if (!t.isNumber()) return std::nullopt;
  if (const ast::Expr* n = plainLiteral(e))
    return fmt::format("`{0}{1}` is a plain number; money has 元 glued to the number: `{0}{1}元`", n->number, n->unit);
  // fact × 500: one unit of the fact's, to the first power, times a plain number is a price per unit.
  if (e.kind != ast::ExprKind::Arith || e.arith != ast::ArithOp::Mul || e.kids.size() != 2) return std::nullopt;
  if (t.dim.exps.size() != 1 || t.dim.exps[0].second != 1) return std::nullopt;
  for (const auto& k : e.kids)
    if (const ast::Expr* n = plainLiteral(*k))
      return fmt::format("a price per {0} is written with both units: `{1}{2}元/{0}`", cx_.model.describe(t.dim),
                         n->number, n->unit);
  return std::nullopt;
}

Type ExprChecker::checkNumber(ast::Expr& e, const Scope& scope, const char* what) {
  Type t = check(e, scope);
  if (t.isError() || t.isNumber()) return t;
  cx_.diags.error(diag::kTypeMismatch, e.span,
                  fmt::format("{} needs a number, but this is {}", what, cx_.model.describe(t)));
  return Type::error();
}

// ---- leaves -------------------------------------------------------------------------------------

// `30万元奖励`, `100万元且制造业`: the text's word after an amount, or a keyword and what follows it,
// glued to a unit polc knows reads as one unknown unit. The help saying so, when `unit` is such.
std::optional<std::string> ExprChecker::wordAfterUnit(const std::string& number, const std::string& unit,
                                                      const Scope& scope) const {
  std::string bad;
  if (unit.empty()) return std::nullopt;
  for (std::size_t n = unit.size() - 1; n > 0; --n) {
    if ((static_cast<unsigned char>(unit[n]) & 0xC0) == 0x80) continue;  // inside a character
    const std::string known = unit.substr(0, n), rest = unit.substr(n);
    // `元/吨标准煤` is a unit per another, whose second unit the did-you-mean names.
    if (static_cast<unsigned char>(rest[0]) < 0x80 || !resolveUnit(cx_.model, known, bad)) continue;
    if (isChineseKeyword(rest) || leadingKeyword(rest))
      return fmt::format("`{}` after the unit `{}` is a keyword glued to it; put a space before it: `{}{} {}`", rest, known,
                         number, known, spacedKeywords(rest, [&](const std::string& name) { return isVisible(name, scope); }));
    return fmt::format("`{}` after the unit `{}` reads as part of it; an amount is its number and unit alone: `{}{}`",
                       rest, known, number, known);
  }
  return std::nullopt;
}

Type ExprChecker::quantity(ast::Expr& e, const Scope& scope) {
  std::string bad;
  auto unit = resolveUnit(cx_.model, e.unit, bad);
  if (!unit) {
    auto& d = cx_.diags.error(diag::kUnknownUnit, e.span, fmt::format("unknown unit `{}`", bad));
    std::vector<std::string> names;
    for (const auto& u : cx_.model.units) names.push_back(u.name);
    // 5000万元以上: the writer meant the postfix comparison word.
    for (const char* word : {"以上", "以下", "以内"}) {
      std::string w(word);
      if (e.unit.size() > w.size() && e.unit.compare(e.unit.size() - w.size(), w.size(), w) == 0) {
        d.help.push_back(fmt::format("put a space before `{}`: `{}{} {}`", w, e.number,
                                     e.unit.substr(0, e.unit.size() - w.size()), w));
        return Type::error();
      }
    }
    if (auto glued = wordAfterUnit(e.number, e.unit, scope)) d.help.push_back(*glued);
    else if (auto s = closestName(bad, names)) d.help.push_back(fmt::format("did you mean `{}`?", *s));
    else d.help.push_back("declare it with `单位 " + bad + "`");
    return Type::error();
  }
  e.sema.literal = LiteralValue{e.number, unit->pow10, unit->scaleNum, unit->scaleDen};
  Type t = Type::number(unit->dim);
  t.integer = e.number.find('.') == std::string::npos && unit->pow10 >= 0 && unit->scaleDen == 1;
  return t;
}

Type ExprChecker::ratio(ast::Expr& e) {
  auto colon = e.number.find(':');
  if (e.number.find(':', colon + 1) != std::string::npos) {
    cx_.diags.error(diag::kRatioArity, e.span,
                    "a ratio of more than two parts only splits funding between payers");
    return Type::error();
  }
  // a:b as a number is a/b: 按实到资金 1:1 配套 is 100%.
  std::string num = e.number.substr(0, colon), den = e.number.substr(colon + 1);
  if (std::stoll(den.size() > 12 ? std::string("0") : den) == 0 || num.size() > 12) {
    cx_.diags.error(diag::kBadNumber, e.span, "a ratio needs a non-zero second part");
    return Type::error();
  }
  e.sema.literal = LiteralValue{num, 0, 1, std::stoll(den)};
  return Type::number({});
}

int ExprChecker::enumMember(int enumIndex, const std::string& name) const {
  const auto& members = cx_.model.enums[enumIndex].members;
  auto it = std::find(members.begin(), members.end(), name);
  return it == members.end() ? -1 : static_cast<int>(it - members.begin());
}

std::vector<std::string> ExprChecker::visibleNames(const Scope& scope) const {
  const Model& m = cx_.model;
  std::vector<std::string> out;
  for (int s = scope.subject; s >= 0; s = m.subjects[s].owner) {
    for (const auto& f : m.subjects[s].facts) out.push_back(f.name);
    if (m.subjects[s].owner == s) break;
  }
  for (const auto& s : m.sets) out.push_back(s.name);
  for (const auto& p : m.parameters) out.push_back(p.name);
  for (const auto& en : m.enums)
    for (const auto& v : en.members) out.push_back(v);
  return out;
}

bool ExprChecker::isVisible(const std::string& name, const Scope& scope) const {
  const auto names = visibleNames(scope);
  return std::find(names.begin(), names.end(), name) != names.end();
}

int ExprChecker::otherSubjectWithFact(const std::string& name, const Scope& scope) const {
  const Model& m = cx_.model;
  int found = -1;
  for (int s = 0; s < static_cast<int>(m.subjects.size()); ++s) {
    if (!m.subjects[s].factIndex.count(name) || m.ownedBy(scope.subject, s)) continue;
    if (found >= 0) return -1;  // several: which one was meant only the writer knows
    found = s;
  }
  return found;
}

// `制造业且营业收入`, `营业收入超100万元`: a name polc knows with a keyword glued after it, and what
// follows, reads as one unknown name. The help saying so, when `text` is such.
std::optional<std::string> ExprChecker::keywordAfterName(const std::string& text, const Scope& scope) const {
  std::string known;
  for (const std::string& name : visibleNames(scope)) {
    if (name.size() >= text.size() || name.size() <= known.size() || text.compare(0, name.size(), name) != 0) continue;
    const std::string rest = text.substr(name.size());
    if (leadingKeyword(rest) && !isChineseKeyword(rest)) known = name;
  }
  if (known.empty()) return std::nullopt;
  const std::string rest = text.substr(known.size()), kw = *leadingKeyword(rest);
  return fmt::format("`{}` is `{}` with the keyword `{}` glued to it; put spaces around the keyword: `{} {}`", text, known,
                     kw, known, spacedKeywords(rest, [&](const std::string& name) { return isVisible(name, scope); }));
}

void ExprChecker::unknownName(const ast::Name& n, const Scope& scope, const char* code,
                              const char* what, int expectedEnum) {
  auto& d = cx_.diags.error(code, n.span, fmt::format("unknown {} `{}`", what, n.text));
  const std::optional<std::string> slipOf = keywordsOneCharAway(n.text);
  if (auto glued = slipOf ? std::nullopt : keywordAfterName(n.text, scope)) {
    d.help.push_back(*glued);
    return;
  }
  if (auto kw = slipOf ? std::nullopt : leadingKeyword(n.text)) {
    const std::string rest = n.text.substr(kw->size());
    if (*kw == kUpTo && !scope.cap.empty() && rest[0] >= '0' && rest[0] <= '9')
      d.help.push_back(fmt::format("`{}` starts with the keyword `{}`; {}", n.text, *kw, capWithoutUpTo(scope.cap, rest)));
    else
      d.help.push_back(fmt::format("`{}` starts with the keyword `{}`; put a space after it: `{}`", n.text, *kw,
                                   spacedKeywords(n.text, [&](const std::string& name) { return isVisible(name, scope); })));
    return;
  }
  // The other side's enum is what the writer meant to name a value of (`所在地 为 金坛` for 金坛区):
  // its values come before every other name, which may be closer by letters (金坛贴息比例).
  std::optional<std::string> member;
  if (expectedEnum >= 0) member = closestName(n.text, cx_.model.enums[expectedEnum].members);
  // `对象 企业` for a clause whose facts are 项目's: each fact is unknown, and a name close by letters
  // is no help; the subject that has it is (docs/diagnostics-qa.md n14).
  const int owner = scope.subject >= 0 ? otherSubjectWithFact(n.text, scope) : -1;
  if (member)
    d.help.push_back(fmt::format("did you mean `{}`, a value of {}?", *member, cx_.model.enums[expectedEnum].name));
  else if (owner >= 0) {
    d.help.push_back(fmt::format("`{}` is a fact of {}: did you mean `对象 {}`?", n.text, cx_.model.subjects[owner].name,
                                 cx_.model.subjects[owner].name));
    if (std::string(code) == diag::kUnknownName)
      factsOfOtherSubjects_.push_back({cx_.diags.all().size() - 1, n.text, n.span, owner});
  }
  else if (auto s = closestName(n.text, visibleNames(scope)))
    d.help.push_back(fmt::format("did you mean `{}`?", *s));
  // A mistyped keyword where a name may stand parses, and only its lookup fails: `其它` for the
  // 其他 of a 分情形 table.
  else if (slipOf)
    d.help.push_back(readsAsName(n.text, *slipOf));
  if (scope.subject >= 0)
    d.notes.push_back(DiagNote{cx_.model.subjects[scope.subject].decl->name.span,
                               fmt::format("facts are looked up on {} and the subjects that own it",
                                           cx_.model.subjects[scope.subject].name)});
}

Type ExprChecker::path(ast::Expr& e, const Scope& scope, const Type* expected) {
  Model& m = cx_.model;
  auto& info = e.sema;
  auto asFact = [&](int subject, int fact) {
    info.ref = RefKind::Fact;
    info.subject = subject;
    info.fact = fact;
    return m.subjects[subject].facts[fact].type;
  };
  auto asMember = [&](int en, int member) {
    info.ref = RefKind::EnumMember;
    info.enumIndex = en;
    info.member = member;
    return Type::ofEnum(TypeKind::Enum, en);
  };

  if (e.path.size() > 2) {
    cx_.diags.error(diag::kUnknownName, e.span, "a name has at most two parts: `主体.事实` or `枚举.值`");
    return Type::error();
  }
  if (e.path.size() == 2) {
    const auto& head = e.path[0];
    const auto& tail = e.path[1];
    if (auto it = m.subjectIndex.find(head.text); it != m.subjectIndex.end()) {
      int s = it->second;
      if (scope.subject < 0 || !m.ownedBy(scope.subject, s)) {
        cx_.diags.error(diag::kUnknownName, head.span,
                        scope.subject < 0
                            ? fmt::format("facts of {} cannot be used here", head.text)
                            : fmt::format("{} is not {} nor one of its owners", head.text,
                                          m.subjects[scope.subject].name));
        return Type::error();
      }
      auto f = m.subjects[s].factIndex.find(tail.text);
      if (f == m.subjects[s].factIndex.end()) {
        auto& d = cx_.diags.error(diag::kUnknownName, tail.span,
                                  fmt::format("{} has no fact `{}`", head.text, tail.text));
        std::vector<std::string> names;
        for (const auto& fi : m.subjects[s].facts) names.push_back(fi.name);
        if (auto sug = closestName(tail.text, names)) d.help.push_back(fmt::format("did you mean `{}`?", *sug));
        return Type::error();
      }
      return asFact(s, f->second);
    }
    if (auto it = m.enumIndex.find(head.text); it != m.enumIndex.end()) {
      int member = enumMember(it->second, tail.text);
      if (member < 0) {
        auto& d = cx_.diags.error(diag::kUnknownEnumMember, tail.span,
                                  fmt::format("{} has no value `{}`", head.text, tail.text));
        if (auto sug = closestName(tail.text, m.enums[it->second].members))
          d.help.push_back(fmt::format("did you mean `{}`?", *sug));
        return Type::error();
      }
      return asMember(it->second, member);
    }
    unknownName(head, scope, diag::kUnknownName, "subject or enum");
    return Type::error();
  }

  const auto& n = e.path[0];
  // Facts first, nearest subject first: a project's 设备投入 before its enterprise's.
  for (int s = scope.subject, guard = 0; s >= 0 && guard <= static_cast<int>(m.subjects.size());
       s = m.subjects[s].owner, ++guard) {
    auto f = m.subjects[s].factIndex.find(n.text);
    if (f != m.subjects[s].factIndex.end()) return asFact(s, f->second);
  }
  // A value of the enum the other side expects: `级别 == 国家级`.
  if (expected && expected->enumIndex >= 0) {
    int member = enumMember(expected->enumIndex, n.text);
    if (member >= 0) return asMember(expected->enumIndex, member);
  }
  if (auto it = m.setIndex.find(n.text); it != m.setIndex.end()) {
    info.ref = RefKind::Set;
    info.set = it->second;
    return Type::ofEnum(TypeKind::Set, m.sets[it->second].enumIndex);
  }
  if (auto it = m.parameterIndex.find(n.text); it != m.parameterIndex.end()) {
    info.ref = RefKind::Parameter;
    info.parameter = it->second;
    return m.parameters[it->second].type;
  }
  std::vector<int> owners;
  for (int en = 0; en < static_cast<int>(m.enums.size()); ++en)
    if (enumMember(en, n.text) >= 0) owners.push_back(en);
  if (owners.size() == 1) return asMember(owners[0], enumMember(owners[0], n.text));
  if (owners.size() > 1) {
    auto& d = cx_.diags.error(diag::kAmbiguousName, n.span,
                              fmt::format("`{}` is a value of several enums", n.text));
    for (int en : owners)
      d.notes.push_back(DiagNote{m.enums[en].decl->name.span,
                                 fmt::format("{} has it: write `{}.{}`", m.enums[en].name,
                                             m.enums[en].name, n.text)});
    return Type::error();
  }
  if (m.subjectIndex.count(n.text)) {
    cx_.diags.error(diag::kTypeMismatch, n.span,
                    fmt::format("{} is a subject, not a value; name one of its facts: `{}.事实`",
                                n.text, n.text));
    return Type::error();
  }
  unknownName(n, scope, diag::kUnknownName, "name", expected ? expected->enumIndex : -1);
  return Type::error();
}

Type ExprChecker::call(ast::Expr& e, const Scope& scope) {
  const auto& fn = e.path[0];
  Builtin b = Builtin::None;
  for (const auto& bn : kBuiltins)
    if (fn.text == bn.english || fn.text == bn.chinese) b = bn.builtin;
  if (b == Builtin::None) {
    auto& d = cx_.diags.error(diag::kUnknownFunction, fn.span, fmt::format("unknown function `{}`", fn.text));
    std::vector<std::string> names;
    for (const auto& bn : kBuiltins) {
      names.push_back(bn.english);
      names.push_back(bn.chinese);
    }
    if (auto s = closestName(fn.text, names)) {
      d.help.push_back(fmt::format("did you mean `{}`?", *s));
      return Type::error();
    }
    // `{ 首台(套): 50万元 }`: a name whose （ ） were typed as ( ), written without a space, reads as a
    // call of its first part (unless that part is a misspelt function: `增长(产销)` for 增量).
    if (e.kids.size() == 1 && e.kids[0]->kind == ast::ExprKind::Path && e.kids[0]->path.size() == 1 &&
        !fn.text.empty() && static_cast<unsigned char>(fn.text.back()) >= 0x80) {
      const ast::Expr& arg = *e.kids[0];
      if (arg.span.begin == fn.span.end + 1 && e.span.end == arg.span.end + 1) {
        d.span = e.span;
        d.help.push_back(asciiBracketsInNameHelp(fn.text + "（" + arg.path[0].text + "）"));
      }
    }
    return Type::error();
  }
  e.sema.ref = RefKind::Builtin;
  e.sema.builtin = b;
  if (b == Builtin::Min || b == Builtin::Max) {
    if (e.kids.size() < 2) {
      cx_.diags.error(diag::kArgumentCount, e.span, fmt::format("`{}` takes two or more numbers", fn.text));
      return Type::error();
    }
    Type t = checkNumber(*e.kids[0], scope, fn.text.c_str());
    for (std::size_t i = 1; i < e.kids.size(); ++i) {
      Type ti = checkNumber(*e.kids[i], scope, fn.text.c_str());
      if (t.isError() || ti.isError()) return Type::error();
      t = unify(e, t, ti, *e.kids[i], *e.kids[0]);
    }
    return t;
  }
  if (e.kids.size() != 1) {
    cx_.diags.error(diag::kArgumentCount, e.span, fmt::format("`{}` takes one fact", fn.text));
    return Type::error();
  }
  Type t = check(*e.kids[0], scope);
  if (t.isError()) return t;
  if (!historyFact(*e.kids[0], fn.text.c_str())) return Type::error();
  if (!t.isNumber()) {
    cx_.diags.error(diag::kTypeMismatch, e.kids[0]->span,
                    fmt::format("`{}` needs a number, but this is {}", fn.text, cx_.model.describe(t)));
    return Type::error();
  }
  return t;
}

const FactInfo* ExprChecker::historyFact(ast::Expr& e, const char* what) {
  if (e.kind == K::Path && e.sema.ref == RefKind::Fact) {
    const FactInfo& f = cx_.model.subjects[e.sema.subject].facts[e.sema.fact];
    if (f.history) return &f;
    cx_.diags.error(diag::kNeedsHistory, e.span,
                    fmt::format("{} needs earlier years' values, but `{}` has no history", what, f.name))
        .notes.push_back(DiagNote{f.decl->span, "add `历史` (history) to this declaration"});
    return nullptr;
  }
  cx_.diags.error(diag::kNeedsHistory, e.span,
                  fmt::format("{} applies to a fact declared with `历史` (history)", what));
  return nullptr;
}

Type ExprChecker::setLiteral(ast::Expr& e, const Type* expected) {
  Model& m = cx_.model;
  int en = expected && expected->enumIndex >= 0 ? expected->enumIndex : -1;
  if (en < 0 && !e.path.empty()) {
    for (int i = 0; i < static_cast<int>(m.enums.size()) && en < 0; ++i)
      if (enumMember(i, e.path[0].text) >= 0) en = i;
  }
  if (en < 0) {
    if (e.path.empty()) cx_.diags.error(diag::kTypeMismatch, e.span, "an empty set has no type here");
    else unknownName(e.path[0], Scope{}, diag::kUnknownEnumMember, "enum value");
    return Type::error();
  }
  bool ok = true;
  for (const auto& n : e.path) {
    if (enumMember(en, n.text) >= 0) continue;
    auto& d = cx_.diags.error(diag::kUnknownEnumMember, n.span,
                              fmt::format("`{}` is not a value of {}", n.text, m.enums[en].name));
    if (auto s = closestName(n.text, m.enums[en].members)) d.help.push_back(fmt::format("did you mean `{}`?", *s));
    ok = false;
  }
  return ok ? Type::ofEnum(TypeKind::Set, en) : Type::error();
}

// ---- arithmetic and amounts -----------------------------------------------------------------------

bool ExprChecker::sameDimension(ast::Expr& whole, ast::Expr& a, const Type& ta, ast::Expr& b,
                                const Type& tb, const char* code, const std::string& verb, std::string_view quote) {
  // `verb` is a message pattern with two {} for the two dimensions, e.g. "cannot add {} to {}".
  if (ta.dim == tb.dim) return true;
  const Model& m = cx_.model;
  auto& d = cx_.diags.error(code, whole.span,
                            fmt::format(fmt::runtime(verb), m.describe(ta.dim), m.describe(tb.dim)));
  d.label = fmt::format("{} vs {}", m.describe(ta.dim), m.describe(tb.dim));
  d.notes.push_back(DiagNote{a.span, fmt::format("this is {}", m.describe(ta.dim))});
  d.notes.push_back(DiagNote{b.span, fmt::format("this is {}", m.describe(tb.dim))});
  // `改造投资 超 500`: money compared with a number written without its unit.
  const ast::Expr* number = isMoney(ta) ? plainLiteral(b) : isMoney(tb) ? plainLiteral(a) : nullptr;
  if (number) {
    d.help.push_back(missingMoneyUnitHelp(*number, quote));
    return false;
  }
  d.help.push_back("元, 万元 and 亿元 are one dimension; other units (吨标煤, 万美元, 人) are their own "
                   "and need a per-unit rate such as 500元/吨标煤 to become money");
  return false;
}

Type ExprChecker::unify(ast::Expr& where, const Type& a, const Type& b, ast::Expr& bExpr,
                        ast::Expr& aExpr) {
  if (a.isError() || b.isError()) return Type::error();
  if (a.kind != b.kind || a.enumIndex != b.enumIndex) {
    cx_.diags.error(diag::kTypeMismatch, bExpr.span,
                    fmt::format("this is {}, but the other alternatives are {}",
                                cx_.model.describe(b), cx_.model.describe(a)));
    return Type::error();
  }
  if (a.isNumber()) {
    if (!sameDimension(where, aExpr, a, bExpr, b, diag::kDimensionMismatch, "cannot mix {} with {} in one amount"))
      return Type::error();
    Type t = a;
    t.form = widerForm(a.form, b.form);
    t.integer = a.integer && b.integer;
    return t;
  }
  return a;
}

Type ExprChecker::arith(ast::Expr& e, const Scope& scope) {
  static const char* const kOps[] = {"×", "÷", "+", "-"};
  const char* op = kOps[static_cast<int>(e.arith)];
  Type a = checkNumber(*e.kids[0], scope, op);
  Type b = checkNumber(*e.kids[1], scope, op);
  if (a.isError() || b.isError()) return Type::error();
  Type t;
  switch (e.arith) {
    case ast::ArithOp::Mul:
    case ast::ArithOp::Div:
      if (a.form != AmountForm::Exact && b.form != AmountForm::Exact) {
        cx_.diags.error(diag::kAmountFormMisuse, e.span,
                        "two amounts that are not exact (最高 or a range) cannot be multiplied");
        return Type::error();
      }
      t = Type::number(a.dim.times(b.dim, e.arith == ast::ArithOp::Mul ? 1 : -1));
      t.form = widerForm(a.form, b.form);
      t.integer = e.arith == ast::ArithOp::Mul && a.integer && b.integer;
      return t;
    case ast::ArithOp::Add:
    case ast::ArithOp::Sub:
      if (!sameDimension(e, *e.kids[0], a, *e.kids[1], b, diag::kDimensionMismatch,
                         e.arith == ast::ArithOp::Add ? "cannot add {} to {}" : "cannot subtract {1} from {0}"))
        return Type::error();
      t = a;
      t.form = widerForm(a.form, b.form);
      t.integer = a.integer && b.integer;
      return t;
  }
  return Type::error();
}

Type ExprChecker::range(ast::Expr& e, const Scope& scope) {
  Type a = checkNumber(*e.kids[0], scope, "a range");
  Type b = checkNumber(*e.kids[1], scope, "a range");
  if (a.isError() || b.isError()) return Type::error();
  if (a.form != AmountForm::Exact || b.form != AmountForm::Exact) {
    cx_.diags.error(diag::kAmountFormMisuse, e.span, "the ends of a range must be exact amounts");
    return Type::error();
  }
  if (!sameDimension(e, *e.kids[0], a, *e.kids[1], b, diag::kDimensionMismatch, "the ends of a range differ: {} and {}"))
    return Type::error();
  Type t = a;
  t.form = AmountForm::Range;
  return t;
}

bool ExprChecker::exactCap(const ast::Expr& e, std::string_view cap) {
  const Type& t = e.sema.type;
  if (t.isError() || t.form == AmountForm::Exact) return true;
  auto& d = cx_.diags.error(diag::kAmountFormMisuse, e.span, "a cap must be an exact amount");
  if (e.kind == ast::ExprKind::UpTo) {
    const ast::Expr& amount = *e.kids[0];
    d.help.push_back(amount.kind == ast::ExprKind::Quantity ? capWithoutUpTo(cap, amount.number + amount.unit)
                                                            : fmt::format("a cap is the most paid already: leave out `{}`", kUpTo));
  }
  return false;
}

Type ExprChecker::cap(ast::Expr& e, const Scope& scope) {
  Type a = checkNumber(*e.kids[0], scope, "封顶 (capped)");
  Scope inCap = scope;
  inCap.cap = "封顶";
  Type b = checkNumber(*e.kids[1], inCap, "封顶 (capped)");
  if (a.isError() || b.isError() || !exactCap(*e.kids[1], inCap.cap)) return Type::error();
  if (!sameDimension(e, *e.kids[0], a, *e.kids[1], b, diag::kDimensionMismatch, "cannot cap {} with {}"))
    return Type::error();
  return a;
}

// ---- conditions ---------------------------------------------------------------------------------

Type ExprChecker::compare(ast::Expr& e, const Scope& scope) {
  Type a = check(*e.kids[0], scope);
  Type elem = a.kind == TypeKind::Set || a.kind == TypeKind::Recognition
                  ? Type::ofEnum(TypeKind::Enum, a.enumIndex) : a;
  Type b = check(*e.kids[1], scope, &elem);
  if (a.isError() || b.isError()) return Type::boolean();
  const Model& m = cx_.model;
  std::string word = cmpWord(e.cmp);
  if (a.isNumber() && b.isNumber()) {
    if (a.form != AmountForm::Exact || b.form != AmountForm::Exact) {
      cx_.diags.error(diag::kAmountFormMisuse, e.span,
                      "an amount that is not exact (最高 or a range) cannot be compared");
    } else {
      sameDimension(e, *e.kids[0], a, *e.kids[1], b, diag::kCompareDimensions, "cannot compare {} with {}",
                    scope.quote);
    }
    return Type::boolean();
  }
  // `新认定 星级认定 达 四星 以上`: some member of the set compares so (the highest one does).
  if ((a.kind == TypeKind::Set || a.kind == TypeKind::Recognition) && b.kind == TypeKind::Enum &&
      a.enumIndex == b.enumIndex) {
    // Two different mistakes: `为` asks for membership, which is `含`; an order word needs an order.
    if (e.cmp == ast::CmpOp::Eq || e.cmp == ast::CmpOp::Ne)
      cx_.diags.error(diag::kUnorderedEnum, e.span,
                      fmt::format("a set is not compared with `{}`: for membership write `含`; an order "
                                  "word such as `不低于` asks whether some member ranks so",
                                  word));
    else if (!m.enums[a.enumIndex].ordered)
      cx_.diags.error(diag::kUnorderedEnum, e.span,
                      fmt::format("a set is compared with `{}` only by order, and {} is not ordered; "
                                  "for membership write `含`",
                                  word, m.enums[a.enumIndex].name));
    return Type::boolean();
  }
  if (a.kind == TypeKind::Enum && b.kind == TypeKind::Enum) {
    if (a.enumIndex != b.enumIndex) {
      cx_.diags.error(diag::kEnumMismatch, e.span,
                      fmt::format("cannot compare a value of {} with a value of {}",
                                  m.enums[a.enumIndex].name, m.enums[b.enumIndex].name));
    } else if (e.cmp != ast::CmpOp::Eq && e.cmp != ast::CmpOp::Ne && !m.enums[a.enumIndex].ordered) {
      cx_.diags.error(diag::kUnorderedEnum, e.span,
                      fmt::format("`{}` needs an order, but {} has none", word, m.enums[a.enumIndex].name))
          .notes.push_back(DiagNote{m.enums[a.enumIndex].decl->name.span,
                                    "declare an order with `>`: `{ 国家级 > 省级 > 市级 }`"});
    }
    return Type::boolean();
  }
  bool sameSimple = a.kind == b.kind && (a.kind == TypeKind::Date || a.kind == TypeKind::Bool ||
                                         a.kind == TypeKind::Text);
  if (sameSimple) {
    if (a.kind != TypeKind::Date && e.cmp != ast::CmpOp::Eq && e.cmp != ast::CmpOp::Ne)
      cx_.diags.error(diag::kTypeMismatch, e.span,
                      fmt::format("`{}` does not apply to {}", word, m.describe(a)));
    return Type::boolean();
  }
  auto& d = cx_.diags.error(diag::kCompareDimensions, e.span,
                            fmt::format("cannot compare {} with {}", m.describe(a), m.describe(b)));
  d.notes.push_back(DiagNote{e.kids[0]->span, "this is " + m.describe(a)});
  d.notes.push_back(DiagNote{e.kids[1]->span, "this is " + m.describe(b)});
  return Type::boolean();
}

Type ExprChecker::firstOver(ast::Expr& e, const Scope& scope) {
  Type a = check(*e.kids[0], scope);
  Type b = check(*e.kids[1], scope, &a);
  if (a.isError() || b.isError()) return Type::boolean();
  if (!historyFact(*e.kids[0], "首次超 (first crossing)")) return Type::boolean();
  if (!a.isNumber() || !b.isNumber()) {
    cx_.diags.error(diag::kTypeMismatch, e.span, "首次超 compares numbers");
    return Type::boolean();
  }
  sameDimension(e, *e.kids[0], a, *e.kids[1], b, diag::kCompareDimensions, "cannot compare {} with {}",
                scope.quote);
  return Type::boolean();
}

Type ExprChecker::member(ast::Expr& e, const Scope& scope) {
  Type a = check(*e.kids[0], scope);
  if (a.isError()) return Type::boolean();
  if (a.kind != TypeKind::Enum) {
    cx_.diags.error(diag::kTypeMismatch, e.kids[0]->span,
                    fmt::format("属于 (in) needs an enum value on the left, but this is {}",
                                cx_.model.describe(a)))
        .help.push_back("for a set or recognition fact write `事实 含 值` (has)");
    return Type::boolean();
  }
  Type b = check(*e.kids[1], scope, &a);
  if (b.isError()) return Type::boolean();
  if (b.kind != TypeKind::Set || b.enumIndex != a.enumIndex) {
    cx_.diags.error(diag::kEnumMismatch, e.kids[1]->span,
                    fmt::format("expected a set of {}, but this is {}", cx_.model.enums[a.enumIndex].name,
                                cx_.model.describe(b)));
  }
  return Type::boolean();
}

Type ExprChecker::has(ast::Expr& e, const Scope& scope) {
  Type a = check(*e.kids[0], scope);
  if (a.isError()) return Type::boolean();
  if (a.kind != TypeKind::Set && a.kind != TypeKind::Recognition) {
    cx_.diags.error(diag::kTypeMismatch, e.kids[0]->span,
                    fmt::format("含 (has) needs a set or recognitions on the left, but this is {}",
                                cx_.model.describe(a)));
    return Type::boolean();
  }
  Type elem = Type::ofEnum(TypeKind::Enum, a.enumIndex);
  Type b = check(*e.kids[1], scope, &elem);
  // `称号 含 {a, b}` or `称号 含 某集合`: has at least one of them.
  bool anyOf = b.kind == TypeKind::Set && b.enumIndex == a.enumIndex;
  if (!b.isError() && !anyOf && (b.kind != TypeKind::Enum || b.enumIndex != a.enumIndex))
    cx_.diags.error(diag::kEnumMismatch, e.kids[1]->span,
                    fmt::format("expected a value of {}, but this is {}",
                                cx_.model.enums[a.enumIndex].name, cx_.model.describe(b)));
  return Type::boolean();
}

Type ExprChecker::logical(ast::Expr& e, const Scope& scope) {
  for (auto& k : e.kids) checkCondition(*k, scope);
  return Type::boolean();
}

Type ExprChecker::ifThenElse(ast::Expr& e, const Scope& scope) {
  checkCondition(*e.kids[0], scope);
  Type a = check(*e.kids[1], scope);
  Type b = check(*e.kids[2], scope, &a);
  return unify(e, a, b, *e.kids[2], *e.kids[1]);
}

Type ExprChecker::at(ast::Expr& e, const Scope& scope) {
  Type a = check(*e.kids[0], scope);
  Type d = check(*e.kids[1], scope);
  if (a.isError() || d.isError()) return Type::error();
  if (e.kids[0]->sema.ref != RefKind::Parameter) {
    cx_.diags.error(diag::kNeedsParameter, e.kids[0]->span,
                    "于 (at) looks up a dated parameter, and this is not one");
    return Type::error();
  }
  if (d.kind != TypeKind::Date) {
    cx_.diags.error(diag::kTypeMismatch, e.kids[1]->span,
                    fmt::format("a parameter is looked up at a date, but this is {}",
                                cx_.model.describe(d)));
    return Type::error();
  }
  beforeFirstValue(*e.kids[0], *e.kids[1]);
  return a;
}

// A written date before the parameter's first value fails every evaluation that reaches it, so it
// is an error of the policy, not of an applicant.
void ExprChecker::beforeFirstValue(const ast::Expr& param, const ast::Expr& date) {
  if (date.kind != ast::ExprKind::Date) return;
  const ParameterInfo& p = cx_.model.parameters[param.sema.parameter];
  const ast::ParameterEntry* first = firstValue(p);
  if (!first || date.text >= first->date) return;
  cx_.diags.error(diag::kBeforeFirstValue, date.span,
                  fmt::format("{} has no value on {}: its first value is from {}", p.name, date.text,
                              first->date))
      .notes.push_back(DiagNote{first->dateSpan, "its first value"});
}

// ---- tables -------------------------------------------------------------------------------------

Type ExprChecker::tiers(ast::Expr& e, const Scope& scope) {
  Type x = check(*e.kids[0], scope);
  bool ok = !x.isError();
  if (ok && e.tiersFirstOver && !historyFact(*e.kids[0], "首次超 (first crossing)")) ok = false;
  if (ok && x.isNumber() && !e.tiersCmp && !e.tiersFirstOver) {
    cx_.diags.error(diag::kTypeMismatch, e.kids[0]->span,
                    "tiers over a number need a comparison word: `分档 营业收入 超 {…}` or `达`");
    ok = false;
  }
  if (ok && e.tiersHas && x.kind != TypeKind::Set && x.kind != TypeKind::Recognition) {
    cx_.diags.error(diag::kTypeMismatch, e.kids[0]->span, "含 (has) tiers need a set on the left");
    ok = false;
  }
  Type keyType = x;
  if (x.kind == TypeKind::Set || x.kind == TypeKind::Recognition)
    keyType = Type::ofEnum(TypeKind::Enum, x.enumIndex);
  std::optional<Type> result;
  ast::Expr* first = nullptr;  // the alternative that set `result`
  for (auto& en : e.entries) {
    Type k = check(*en.key, scope, &keyType);
    if (ok && !k.isError()) {
      if (keyType.isNumber()) {
        if (!k.isNumber()) cx_.diags.error(diag::kTypeMismatch, en.key->span, "a tier threshold must be a number");
        else sameDimension(*en.key, *e.kids[0], keyType, *en.key, k, diag::kCompareDimensions, "cannot compare {} with {}",
                           scope.quote);
      } else if (k.kind != keyType.kind || k.enumIndex != keyType.enumIndex) {
        cx_.diags.error(diag::kEnumMismatch, en.key->span,
                        fmt::format("expected {}, but this is {}", cx_.model.describe(keyType),
                                    cx_.model.describe(k)));
      } else if (e.tiersCmp && *e.tiersCmp != ast::CmpOp::Eq &&
                 !cx_.model.enums[keyType.enumIndex].ordered) {
        cx_.diags.error(diag::kUnorderedEnum, en.key->span, "ordered tiers need an ordered enum");
      }
    }
    Type v = checkNumber(*en.value, scope, "a tier amount");
    if (v.isError()) continue;
    if (!first) first = en.value.get();
    result = result ? unify(*en.value, *result, v, *en.value, *first) : v;
  }
  return result.value_or(Type::error());
}

Type ExprChecker::cases(ast::Expr& e, const Scope& scope) {
  std::optional<Type> result;
  ast::Expr* first = nullptr;  // the alternative that set `result`
  for (std::size_t i = 0; i < e.entries.size(); ++i) {
    auto& en = e.entries[i];
    if (en.key) checkCondition(*en.key, scope);
    else if (i + 1 != e.entries.size())
      cx_.diags.error(diag::kTypeMismatch, en.span, "其他 (otherwise) must be the last case");
    Type v = check(*en.value, scope);
    if (v.isError()) continue;
    if (!first) first = en.value.get();
    result = result ? unify(*en.value, *result, v, *en.value, *first) : v;
  }
  return result.value_or(Type::error());
}

Type ExprChecker::marginal(ast::Expr& e, const Scope& scope) {
  Type x = checkNumber(*e.kids[0], scope, "累进 (marginal)");
  const ast::Expr* previous = nullptr;  // the threshold before, when it is a literal
  for (auto& en : e.entries) {
    Type k = checkNumber(*en.key, scope, "a band threshold");
    // Each band runs from its threshold to the next: one written below the threshold before it would
    // make that band's width negative, and one equal to it leave a band of nothing.
    auto here = k.isError() ? std::nullopt : literalRational(*en.key);
    if (here && previous && !(*literalRational(*previous) < *here))
      cx_.diags.error(diag::kParameterOrder, en.key->span, "the thresholds of 累进 must increase")
          .notes.push_back(DiagNote{previous->span, "after this one"});
    previous = here ? en.key.get() : nullptr;
    if (!x.isError() && !k.isError())
      sameDimension(*en.key, *e.kids[0], x, *en.key, k, diag::kCompareDimensions, "cannot compare {} with {}");
    Type r = checkNumber(*en.value, scope, "a band rate");
    if (!r.isError() && !r.dim.dimensionless())
      cx_.diags.error(diag::kTypeMismatch, en.value->span,
                      fmt::format("a band rate is a plain number such as 10%, but this is {}",
                                  cx_.model.describe(r)));
  }
  return x;
}

Type ExprChecker::steps(ast::Expr& e, const Scope& scope) {
  Type x = checkNumber(*e.kids[0], scope, "递增 (steps)");
  Type from = checkNumber(*e.kids[1], scope, "自 (from)");
  Type every = checkNumber(*e.kids[2], scope, "每增加 (every)");
  Type add = checkNumber(*e.kids[3], scope, "另给予 (add)");
  if (!x.isError() && !from.isError())
    sameDimension(e, *e.kids[0], x, *e.kids[1], from, diag::kCompareDimensions, "cannot compare {} with {}");
  if (!x.isError() && !every.isError())
    sameDimension(e, *e.kids[0], x, *e.kids[2], every, diag::kCompareDimensions, "cannot compare {} with {}");
  // Every evaluator stops at a step that is not positive: written as 0, for every applicant above 自.
  if (auto step = every.isError() ? std::nullopt : literalRational(*e.kids[2]); step && step->num == 0)
    cx_.diags.error(diag::kBadNumber, e.kids[2]->span, "每增加 (every) must be above 0");
  return add;
}

}  // namespace polc::sema
