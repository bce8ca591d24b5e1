#include <fmt/format.h>

#include "sema/passes.h"
#include "sema/units.h"

namespace polc::sema {
namespace {

// One namespace: remembers where each name was first declared, to point at it from a duplicate.
class Namespace {
 public:
  Namespace(Context& cx, const char* what) : cx_(cx), what_(what) {}

  bool add(const ast::Name& n) {
    auto [it, fresh] = first_.emplace(n.text, n.span);
    if (fresh) return true;
    cx_.diags.error(diag::kDuplicateDeclaration, n.span,
                    fmt::format("{} `{}` is declared twice", what_, n.text))
        .notes.push_back(DiagNote{it->second, "first declared here"});
    return false;
  }

 private:
  Context& cx_;
  const char* what_;
  std::unordered_map<std::string, Span> first_;
};

void declareUnits(Context& cx, Namespace& ns) {
  Model& m = cx.model;
  m.baseUnits.push_back("元");
  m.units.push_back(UnitInfo{"元", Dimension::base(0)});
  m.unitIndex["元"] = 0;
  std::vector<const ast::UnitDecl*> aliases;
  for (auto& f : m.files) {
    for (auto& u : f->units) {
      if (u.name.text == "元") {
        cx.diags.error(diag::kDuplicateDeclaration, u.name.span, "元 is built in and cannot be redeclared");
        continue;
      }
      if (!ns.add(u.name)) continue;
      std::size_t len = 0;
      scalePrefix(u.name.text, len);
      if (len == u.name.text.size() || u.name.text.find('/') != std::string::npos) {
        cx.diags.error(diag::kUnknownUnit, u.name.span,
                       fmt::format("`{}` cannot be a unit name: it is a scale prefix or has `/`", u.name.text));
        continue;
      }
      m.unitIndex[u.name.text] = static_cast<int>(m.units.size());
      UnitInfo info{u.name.text, {}, 1, 1, 0, &u};
      if (u.scaleNum) {
        aliases.push_back(&u);
      } else {
        info.dim = Dimension::base(static_cast<int>(m.baseUnits.size()));
        m.baseUnits.push_back(u.name.text);
      }
      m.units.push_back(std::move(info));
    }
  }
  // `单位 月 = 1/12年`: the alias takes the dimension and scale of the quantity on the right.
  for (const auto* u : aliases) {
    UnitInfo& info = m.units[m.unitIndex[u->name.text]];
    std::string bad;
    auto num = resolveUnit(m, u->scaleNum->unit, bad);
    auto den = u->scaleDen ? resolveUnit(m, u->scaleDen->unit, bad) : std::optional<ResolvedUnit>{ResolvedUnit{}};
    if (!num || !den) {
      cx.diags.error(diag::kUnknownUnit, u->span, fmt::format("unknown unit `{}`", bad));
      continue;
    }
    auto digits = [](const ast::Expr* q) -> std::int64_t {
      if (!q || q->number.find('.') != std::string::npos || q->number.size() > 12) return 0;
      return std::stoll(q->number);
    };
    std::int64_t n = digits(u->scaleNum.get()), d = u->scaleDen ? digits(u->scaleDen.get()) : 1;
    if (n == 0 || d == 0) {
      cx.diags.error(diag::kBadNumber, u->span, "a unit's scale is a whole number or a fraction such as 1/12年");
      continue;
    }
    if (u->scaleDen && u->scaleNum->unit.empty()) {
      // `1/12年` is a twelfth of a 年 (the lexer glues 年 to the 12): the fraction is a plain number
      // and the unit belongs to the whole, so 月 has the dimension of 年, not of 1/年.
      info.dim = den->dim;
      info.pow10 = den->pow10;
      info.scaleNum = n * den->scaleNum;
      info.scaleDen = d * den->scaleDen;
    } else {
      info.dim = num->dim.times(den->dim, -1);
      info.pow10 = num->pow10 - den->pow10;
      info.scaleNum = n * num->scaleNum * den->scaleDen;
      info.scaleDen = d * num->scaleDen * den->scaleNum;
    }
  }
}

}  // namespace

void declare(Context& cx) {
  Model& m = cx.model;
  Namespace units(cx, "unit");
  declareUnits(cx, units);

  // Enums, sets, subjects and parameters share one namespace: they are all written as bare names.
  Namespace names(cx, "name");
  Namespace targets(cx, "target");
  Namespace kinds(cx, "kind");
  Namespace documents(cx, "document");
  for (auto& f : m.files) {
    for (auto& e : f->enums) {
      if (!names.add(e.name)) continue;
      m.enumIndex[e.name.text] = static_cast<int>(m.enums.size());
      EnumInfo info{e.name.text, e.ordered, {}, &e};
      Namespace members(cx, "value");
      for (const auto& v : e.members)
        if (members.add(v)) info.members.push_back(v.text);
      if (info.members.empty())
        cx.diags.error(diag::kNoValues, e.name.span, fmt::format("enum `{}` has no values", e.name.text));
      m.enums.push_back(std::move(info));
    }
    for (auto& s : f->sets) {
      if (!names.add(s.name)) continue;
      m.setIndex[s.name.text] = static_cast<int>(m.sets.size());
      m.sets.push_back(SetInfo{s.name.text, -1, {}, &s});
    }
    for (auto& s : f->subjects) {
      if (!names.add(s.name)) continue;
      m.subjectIndex[s.name.text] = static_cast<int>(m.subjects.size());
      SubjectInfo info;
      info.name = s.name.text;
      info.decl = &s;
      m.subjects.push_back(std::move(info));
    }
    for (auto& p : f->parameters) {
      if (!names.add(p.name)) continue;
      m.parameterIndex[p.name.text] = static_cast<int>(m.parameters.size());
      m.parameters.push_back(ParameterInfo{p.name.text, Type::error(), &p});
    }
    for (auto& t : f->targets) {
      if (!targets.add(t.name)) continue;
      m.targetIndex[t.name.text] = static_cast<int>(m.targets.size());
      m.targets.push_back(LabelInfo{t.name.text, t.description ? t.description->value : "", &t});
    }
    for (auto& k : f->kinds) {
      if (!kinds.add(k.name)) continue;
      m.kindIndex[k.name.text] = static_cast<int>(m.kinds.size());
      m.kinds.push_back(LabelInfo{k.name.text, k.description ? k.description->value : "", &k});
    }
    for (auto& d : f->documents) {
      if (!documents.add(d.name)) continue;
      m.documentIndex[d.name.text] = static_cast<int>(m.documents.size());
      DocumentInfo info;
      info.name = d.name.text;
      info.displayNumber = d.number ? d.number->value : d.name.text;
      info.decl = &d;
      m.documents.push_back(std::move(info));
    }
  }
}

}  // namespace polc::sema
