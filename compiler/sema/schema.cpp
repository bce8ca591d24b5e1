#include <algorithm>

#include <fmt/format.h>

#include "sema/passes.h"
#include "support/suggest.h"
#include "sema/units.h"

namespace polc::sema {
namespace {

struct NamedType {
  const char* english;
  const char* chinese;
  TypeKind kind;
  bool integer;
};
constexpr NamedType kNamedTypes[] = {
    {"bool", "布尔", TypeKind::Bool, false},   {"count", "计数", TypeKind::Number, true},
    {"number", "数值", TypeKind::Number, false}, {"rate", "比率", TypeKind::Number, false},
    {"date", "日期", TypeKind::Date, false},   {"text", "文本", TypeKind::Text, false},
};

std::vector<std::string> typeNames(const Model& m) {
  std::vector<std::string> out;
  for (const auto& t : kNamedTypes) {
    out.push_back(t.english);
    out.push_back(t.chinese);
  }
  for (const auto& e : m.enums) out.push_back(e.name);
  for (const auto& u : m.units) out.push_back(u.name);
  return out;
}

int enumOf(Context& cx, const ast::Name& n) {
  auto it = cx.model.enumIndex.find(n.text);
  if (it != cx.model.enumIndex.end()) return it->second;
  std::vector<std::string> names;
  for (const auto& e : cx.model.enums) names.push_back(e.name);
  auto& d = cx.diags.error(diag::kUnknownType, n.span, fmt::format("unknown enum `{}`", n.text));
  if (auto s = closestName(n.text, names)) d.help.push_back(fmt::format("did you mean `{}`?", *s));
  return -1;
}

Type resolveType(Context& cx, const ast::TypeRef& t) {
  using Form = ast::TypeRef::Form;
  if (t.form != Form::Named) {
    int e = enumOf(cx, t.parts[0]);
    if (e < 0) return Type::error();
    return Type::ofEnum(t.form == Form::Set ? TypeKind::Set : TypeKind::Recognition, e);
  }
  if (t.parts.size() == 1) {
    const std::string& word = t.parts[0].text;
    for (const auto& nt : kNamedTypes) {
      if (word == nt.english || word == nt.chinese) {
        Type out = Type::of(nt.kind);
        out.integer = nt.integer;
        return out;
      }
    }
    if (word == "money" || word == "金额") return Type::number(Dimension::base(0));
    if (auto it = cx.model.enumIndex.find(word); it != cx.model.enumIndex.end())
      return Type::ofEnum(TypeKind::Enum, it->second);
  }
  // A unit: 元, 万美元, 吨标煤, 元/吨标煤. The scale is irrelevant to the type (万元 is money).
  std::string text;
  for (std::size_t i = 0; i < t.parts.size(); ++i) text += (i ? "/" : "") + t.parts[i].text;
  std::string bad;
  auto unit = resolveUnit(cx.model, text, bad);
  if (!unit) {
    auto& d = cx.diags.error(diag::kUnknownType, t.span, fmt::format("unknown type or unit `{}`", bad));
    if (auto s = closestName(bad, typeNames(cx.model))) d.help.push_back(fmt::format("did you mean `{}`?", *s));
    else d.help.push_back("a type is a unit (元, 吨标煤), an enum, 布尔, 计数, 数值, 比率, 日期 or 文本");
    return Type::error();
  }
  return Type::number(unit->dim);
}

void resolveOwners(Context& cx) {
  Model& m = cx.model;
  for (auto& s : m.subjects) {
    if (!s.decl->owner) continue;
    auto it = m.subjectIndex.find(s.decl->owner->text);
    if (it == m.subjectIndex.end()) {
      std::vector<std::string> names;
      for (const auto& o : m.subjects) names.push_back(o.name);
      auto& d = cx.diags.error(diag::kUnknownSubject, s.decl->owner->span,
                               fmt::format("unknown subject `{}`", s.decl->owner->text));
      if (auto sug = closestName(s.decl->owner->text, names)) d.help.push_back(fmt::format("did you mean `{}`?", *sug));
      continue;
    }
    s.owner = it->second;
  }
  // An ownership cycle would make fact lookup loop; break it where it is found.
  for (std::size_t i = 0; i < m.subjects.size(); ++i) {
    int s = static_cast<int>(i);
    for (std::size_t steps = 0; s >= 0; ++steps) {
      s = m.subjects[s].owner;
      if (s == static_cast<int>(i) || steps > m.subjects.size()) {
        cx.diags.error(diag::kOwnerCycle, m.subjects[i].decl->name.span,
                       fmt::format("subject `{}` owns itself through its owners", m.subjects[i].name));
        m.subjects[i].owner = -1;
        break;
      }
    }
  }
}

void resolveFacts(Context& cx, ExprChecker& checker) {
  Model& m = cx.model;
  for (std::size_t si = 0; si < m.subjects.size(); ++si) {
    auto& s = m.subjects[si];
    std::unordered_map<std::string, Span> seen;
    for (auto& f : s.decl->facts) {
      auto [it, fresh] = seen.emplace(f.name.text, f.name.span);
      if (!fresh) {
        cx.diags.error(diag::kDuplicateDeclaration, f.name.span,
                       fmt::format("{} declares fact `{}` twice", s.name, f.name.text))
            .notes.push_back(DiagNote{it->second, "first declared here"});
        continue;
      }
      FactInfo info{f.name.text, resolveType(cx, f.type), f.history, static_cast<int>(si), &f, f.required};
      if (f.history && !info.type.isError() && !info.type.isNumber())
        cx.diags.error(diag::kTypeMismatch, f.span, "only numeric facts keep a history");
      s.factIndex[f.name.text] = static_cast<int>(s.facts.size());
      s.facts.push_back(std::move(info));
    }
  }
  // Defaults and ranges are checked once every fact exists; they may not name other facts.
  for (auto& s : m.subjects) {
    for (auto& f : s.facts) {
      auto& decl = *f.decl;
      if (decl.defaultValue) {
        Type t = checker.check(*decl.defaultValue, Scope{}, &f.type);
        bool fits = t.kind == f.type.kind && t.enumIndex == f.type.enumIndex &&
                    (!t.isNumber() || t.dim == f.type.dim);
        if (!t.isError() && !f.type.isError() && !fits)
          cx.diags.error(diag::kTypeMismatch, decl.defaultValue->span,
                         fmt::format("the default of {} must be {}, but this is {}", f.name,
                                     m.describe(f.type), m.describe(t)));
      }
      if (decl.range && decl.range->kind == ast::ExprKind::Range) {
        Type t = checker.check(*decl.range, Scope{});
        if (!t.isError() && !f.type.isError() && (!f.type.isNumber() || t.dim != f.type.dim))
          cx.diags.error(diag::kTypeMismatch, decl.range->span,
                         fmt::format("the range of {} must be in {}", f.name, m.describe(f.type)));
      }
    }
  }
}

void resolveSets(Context& cx, ExprChecker& checker) {
  Model& m = cx.model;
  for (auto& s : m.sets) {
    // The members decide the enum: the first member that belongs to exactly one enum.
    int en = -1;
    for (const auto& n : s.decl->members) {
      for (int i = 0; i < static_cast<int>(m.enums.size()) && en < 0; ++i) {
        const auto& ms = m.enums[i].members;
        if (std::find(ms.begin(), ms.end(), n.text) != ms.end()) en = i;
      }
      if (en >= 0) break;
    }
    if (en < 0) {
      const auto& n = s.decl->members.empty() ? s.decl->name : s.decl->members[0];
      cx.diags.error(diag::kUnknownEnumMember, n.span,
                     fmt::format("the members of set `{}` are not values of any enum", s.name));
      continue;
    }
    s.enumIndex = en;
    for (const auto& n : s.decl->members) {
      const auto& ms = m.enums[en].members;
      auto it = std::find(ms.begin(), ms.end(), n.text);
      if (it == ms.end()) {
        auto& d = cx.diags.error(diag::kUnknownEnumMember, n.span,
                                 fmt::format("`{}` is not a value of {}", n.text, m.enums[en].name));
        if (auto sug = closestName(n.text, ms)) d.help.push_back(fmt::format("did you mean `{}`?", *sug));
        continue;
      }
      s.members.push_back(static_cast<int>(it - ms.begin()));
    }
  }
  (void)checker;
}

void resolveParameters(Context& cx, ExprChecker& checker) {
  Model& m = cx.model;
  for (auto& p : m.parameters) {
    std::optional<Type> type;
    const ast::ParameterEntry* previous = nullptr;
    for (auto& entry : p.decl->entries) {
      if (previous && entry.date <= previous->date) {
        cx.diags.error(diag::kParameterOrder, entry.dateSpan,
                       "the dates of a parameter must increase")
            .notes.push_back(DiagNote{previous->dateSpan, "after this one"});
      }
      previous = &entry;
      Type t = checker.check(*entry.value, Scope{});
      if (t.isError()) continue;
      if (!type) {
        type = t;
      } else if (t.kind != type->kind || t.dim != type->dim) {
        cx.diags.error(diag::kTypeMismatch, entry.value->span,
                       fmt::format("every value of {} must be {}, but this is {}", p.name,
                                   m.describe(*type), m.describe(t)));
      }
    }
    if (type) p.type = *type;
    else if (p.decl->entries.empty())
      cx.diags.error(diag::kNoValues, p.decl->name.span, fmt::format("parameter `{}` has no values", p.name));
  }
}

}  // namespace

void resolveSchema(Context& cx, ExprChecker& checker) {
  resolveOwners(cx);
  resolveSets(cx, checker);
  resolveParameters(cx, checker);
  resolveFacts(cx, checker);
}

}  // namespace polc::sema
