#include "sema/wrong_subject.h"

#include <algorithm>

#include <fmt/format.h>

namespace polc::sema {
namespace {

struct Group {
  int subject;
  std::vector<const FactOfOtherSubject*> uses;
  std::vector<const FactOfOtherSubject*> first;  // of each name
};

std::vector<Group> bySubject(const std::vector<FactOfOtherSubject>& uses) {
  std::vector<Group> groups;
  for (const auto& u : uses) {
    auto g = std::find_if(groups.begin(), groups.end(), [&](const Group& x) { return x.subject == u.subject; });
    if (g == groups.end()) g = groups.insert(groups.end(), Group{u.subject, {}, {}});
    g->uses.push_back(&u);
    if (std::none_of(g->first.begin(), g->first.end(), [&](const auto* f) { return f->name == u.name; }))
      g->first.push_back(&u);
  }
  return groups;
}

Diagnostic grouped(const Model& m, const Group& g, const WrongSubjectPlace& place, bool atSubject) {
  std::string names;
  for (const auto* f : g.first) names += fmt::format("{}`{}`", names.empty() ? "" : ", ", f->name);
  const std::string& mine = m.subjects[place.mine].name;
  const std::string& theirs = m.subjects[g.subject].name;
  Diagnostic d;
  d.code = diag::kUnknownName;
  d.message = fmt::format("{} has no fact {}: {} of {}", mine, names, g.first.size() > 1 ? "they are facts" : "it is a fact",
                          theirs);
  if (atSubject) {
    d.span = place.subject->span;
    d.label = fmt::format("this clause's facts are looked up on {} and the subjects that own it", mine);
    d.help.push_back(fmt::format("did you mean `对象 {}`?", theirs));
  } else {
    d.span = g.first.front()->span;
    d.label = fmt::format("a fact of {}", theirs);
    d.help.push_back(fmt::format("facts are looked up on the clause's `对象`, {}, and the subjects that own it: {}'s are not "
                                 "among them",
                                 mine, theirs));
  }
  for (const auto* f : g.first)
    if (atSubject || f != g.first.front())
      d.notes.push_back(DiagNote{f->span, fmt::format("`{}`, a fact of {}, is used here", f->name, theirs)});
  return d;
}

}  // namespace

void groupFactsOfOtherSubjects(Context& cx, const std::vector<FactOfOtherSubject>& uses, const WrongSubjectPlace& place) {
  const std::vector<Group> groups = bySubject(uses);
  std::vector<Diagnostic> out;
  std::vector<std::size_t> replaced;
  for (const Group& g : groups) {
    const bool atSubject = place.subject && groups.size() == 1 && (!place.ownFacts || g.uses.size() > 1);
    if (!atSubject && g.uses.size() < 2) {  // one name: the mistake is where it is
      // Its own help says `对象 <theirs>`, which would break the clause's other facts (its own
      // subject's, another subject's) or means nothing in a 申报条件, which has no 对象 of its own.
      if (!place.subject || place.ownFacts || groups.size() > 1) {
        const FactOfOtherSubject& u = *g.uses.front();
        cx.diags.all()[u.diagnostic].help = {fmt::format("`{}` is a fact of {}, not of {}: check the name", u.name,
                                                         cx.model.subjects[g.subject].name,
                                                         cx.model.subjects[place.mine].name)};
      }
      continue;
    }
    out.push_back(grouped(cx.model, g, place, atSubject));
    for (const auto* u : g.uses) replaced.push_back(u->diagnostic);
  }
  std::sort(replaced.rbegin(), replaced.rend());
  auto& all = cx.diags.all();
  for (std::size_t i : replaced) all.erase(all.begin() + static_cast<std::ptrdiff_t>(i));
  for (auto& d : out) cx.diags.report(Severity::Error, d.code, d.span, d.message) = std::move(d);
}

bool usesAFact(const ast::Expr& e) {
  if (e.kind == ast::ExprKind::Path && e.sema.ref == RefKind::Fact) return true;
  for (const auto& k : e.kids)
    if (k && usesAFact(*k)) return true;
  for (const auto& entry : e.entries)
    if ((entry.key && usesAFact(*entry.key)) || (entry.value && usesAFact(*entry.value))) return true;
  return false;
}

}  // namespace polc::sema
