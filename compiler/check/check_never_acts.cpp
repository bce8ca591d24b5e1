// Caps over several clauses and non-stacking groups that can never act (W0637): the evaluator sums
// and compares money awards only, so a cap whose clauses all give 待遇 or 一事一议 cuts nothing, and a
// group needs two awards in one partition to drop one. Usually a mistyped citation. These are facts
// about the rules, true of every applicant, so the finding has no witness (hasWitness).
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "check/checker.h"

namespace polc::check {

void Checker::neverActs() {
  for (std::size_t k = 0; k < p_.caps.size(); ++k) capNeverActs(static_cast<int>(k));
  for (std::size_t gi = 0; gi < p_.groups.size(); ++gi) {
    // A group that never acts (across documents) already names the periods: its 优先 adds nothing.
    if (!groupNeverActs(gi)) preferNeverActs(gi);
  }
  relationsNeverAct();
}

// Whether two documents are in force on one day: their 有效期 meet (an open end meets every date).
// An award is evaluated only on a day its document is in force, so awards of two documents that
// never are never meet in one evaluation: no group compares them, no overlap needs a relation.
bool Checker::inForceTogether(int a, int b) const {
  const ir::Document& x = p_.documents[static_cast<std::size_t>(a)];
  const ir::Document& y = p_.documents[static_cast<std::size_t>(b)];
  return !((x.effectiveTo && y.effectiveFrom && *x.effectiveTo < *y.effectiveFrom) ||
           (y.effectiveTo && x.effectiveFrom && *y.effectiveTo < *x.effectiveFrom));
}

std::string Checker::inForceText(int d) const {
  const ir::Document& x = p_.documents[static_cast<std::size_t>(d)];
  return x.number + " " + x.effectiveText;
}

std::string Checker::periods(const std::vector<int>& docs) const {
  std::string out;
  for (int d : docs) out += (out.empty() ? "" : ", ") + inForceText(d);
  return out;
}

// A group that acts, but never across documents because the others it covers are never in force
// with the ones they would meet: a 范围 所有文件 group whose other documents are never in force with
// its own (it compares its own document's awards only, as 范围 文件 would), or a group citing
// clauses of a document never in force with any other document it cites. A 范围 所有文件 group that
// meets some of the other documents is as written, even when it never meets the rest: policies of
// several years are loaded together on purpose (a district's 2024 measures and a city's 2026 policy).
bool Checker::reachNeverActs(std::size_t gi, const std::map<int, std::map<int, int>>& byKey) {
  const ir::Group& g = p_.groups[gi];
  std::vector<int> docs;  // the documents of the money awards the group compares
  for (const auto& [k, perDoc] : byKey)
    for (const auto& [d, n] : perDoc)
      if (std::find(docs.begin(), docs.end(), d) == docs.end()) docs.push_back(d);
  auto report = [&](std::string message) {
    Finding& f = ruleNeverActs(groupSpan(g), g.name, std::move(message), {}, "check the 有效期 of the documents");
    f.notes.push_back(DiagNote{Span{}, ruleNote("the group", g.name, g.text)});
  };
  if (g.scope == ir::GroupScope::All) {
    std::vector<int> others;
    for (int d : docs)
      if (d != g.document) {
        if (inForceTogether(d, g.document)) return false;
        others.push_back(d);
      }
    if (others.empty()) return false;
    report(fmt::format("范围 所有文件 of the non-stacking group {} never reaches another document: none of the "
                       "others ({}) is in force on a day {} is, so it compares the awards of its own document only",
                       g.name, periods(others), inForceText(g.document)));
    return true;
  }
  bool reported = false;
  for (int d : docs) {
    if (d == g.document || docs.size() < 2) continue;
    std::vector<int> rest;
    for (int e : docs)
      if (e != d) rest.push_back(e);
    if (std::any_of(rest.begin(), rest.end(), [&](int e) { return inForceTogether(d, e); })) continue;
    reported = true;
    report(fmt::format("the non-stacking group {} never compares an award of {} with another document's: no other "
                       "document it cites ({}) is in force on a day that one is",
                       g.name, inForceText(d), periods(rest)));
  }
  return reported;
}

// 优先 of a document never in force on a day the group's own document is: no award of the one ever
// meets an award of the other, so the preference never decides a tie. Usually one of the two 有效期
// is mistyped (a district's 2026 measures beside a city policy that ends in 2025).
void Checker::preferNeverActs(std::size_t gi) {
  const ir::Group& g = p_.groups[gi];
  for (int d : g.prefer) {
    if (inForceTogether(d, g.document)) continue;
    Finding& f = ruleNeverActs(
        groupSpan(g), g.name,
        fmt::format("优先 {} of the non-stacking group {} never acts: {} and {} are never in force on one day, "
                    "so no award of the one meets an award of the other",
                    p_.documents[static_cast<std::size_t>(d)].number, g.name, inForceText(d), inForceText(g.document)),
        {}, "check the 有效期 of the two documents");
    f.notes.push_back(DiagNote{Span{}, ruleNote("the group", g.name, g.text)});
  }
}

// A 关系 to a clause of a document never in force on a day the clause's own document is: the two
// never pay one applicant together, so the overlap the relation accepts never happens. As with 优先,
// one of the two 有效期 is usually mistyped.
void Checker::relationsNeverAct() {
  for (std::size_t c = 0; c < m_.clauses.size(); ++c) {
    const auto* decl = m_.clauses[c].decl;
    if (!decl) continue;
    int own = m_.clauses[c].document;
    for (const auto& r : decl->relations) {
      std::vector<int> others = resolve(r.other, own);
      if (others.empty()) continue;
      int d = m_.clauses[static_cast<std::size_t>(others[0])].document;
      if (inForceTogether(own, d)) continue;
      Finding& f =
          ruleNeverActs(r.span, "",
                        fmt::format("关系 {} of {} never acts: {} and {} are never in force on one day, so the two "
                                    "never pay one applicant together and there is no overlap to accept",
                                    cite(others[0]), cite(static_cast<int>(c)), inForceText(own), inForceText(d)),
                        {}, "check the 有效期 of the two documents");
      // A pair finding, as an overlap's: both clauses in its notes and in the JSON's clauses.
      noteOther(f, static_cast<int>(c), "the clause stating the relation");
      noteOther(f, others[0], "the clause it names");
    }
  }
}

// A dead clause counts as paying nothing: W0610 already proved that no applicant reaches it.
bool Checker::paysMoney(int c) const {
  auto i = static_cast<std::size_t>(c);
  return p_.clauses[i].award == ir::AwardKind::Pay && payIndex_[i] >= 0 && cl_[i].pay && !cl_[i].dead;
}

std::string Checker::whyNoMoney(int c) const {
  switch (p_.clauses[static_cast<std::size_t>(c)].award) {
    case ir::AwardKind::Benefit: return "gives a benefit (待遇), no money";
    case ir::AwardKind::Negotiated: return "is negotiated case by case (一事一议), no amount";
    case ir::AwardKind::Pay: return cl_[static_cast<std::size_t>(c)].dead ? "never pays: its conditions cannot hold" : "pays money";
    default: return "gives nothing";
  }
}

Finding& Checker::ruleNeverActs(Span where, const std::string& name, std::string message,
                                const std::vector<int>& covered, std::string help) {
  Finding f;
  f.kind = FindingKind::NeverActs;
  f.message = std::move(message);
  f.span = where;
  f.group = name;
  for (int c : covered) noteOther(f, c, "covered, " + whyNoMoney(c));
  f.help.push_back(std::move(help));
  out_.findings.push_back(std::move(f));
  return out_.findings.back();
}

void Checker::capNeverActs(int k) {
  const ir::Cap& cap = p_.caps[static_cast<std::size_t>(k)];
  for (int c : cap.clauses)
    if (paysMoney(c)) return;
  Finding& f = ruleNeverActs(capSpan(k), cap.name,
                             fmt::format("the cap {} covers no clause that pays money: it never cuts an award", cap.name),
                             cap.clauses, "a cap counts money awards only: check the citations it covers");
  f.notes.push_back(DiagNote{Span{}, ruleNote("the cap", cap.name, cap.text)});
}

// Two awards compete only in one partition: of one target under 同一 标的, and, for a 范围 所有文件
// group, with one of them from the group's own document. A clause about something the key owns
// several of (a 项目 under `每个 企业`, anything below the applicant without `每个`) competes with
// itself: one enterprise's two projects.
bool Checker::groupNeverActs(std::size_t gi) {
  const ir::Group& g = p_.groups[gi];
  bool all = g.scope == ir::GroupScope::All;
  auto own = [&](int c) { return !all || p_.clauses[static_cast<std::size_t>(c)].document == g.document; };
  auto selfCompeting = [&](int c) {
    int s = subject(c);
    for (int x = s; x >= 0; x = p_.subjects[static_cast<std::size_t>(x)].owner)
      if (std::find(g.per.begin(), g.per.end(), x) != g.per.end()) return x != s;
    return !g.perItem && g.per.empty() && p_.subjects[static_cast<std::size_t>(s)].owner >= 0;
  };
  auto key = [&](int c) { return g.sameTarget ? p_.clauses[static_cast<std::size_t>(c)].target : -1; };
  auto doc = [&](int c) { return p_.clauses[static_cast<std::size_t>(c)].document; };
  std::vector<int> covered, paying;
  std::map<int, std::map<int, int>> byKey;  // paying clauses per target (one key without 同一 标的), per document
  for (std::size_t c = 0; c < p_.clauses.size(); ++c) {
    int ci = static_cast<int>(c);
    if (payIndex_[c] < 0 || !inScope(g, ci)) continue;
    // A 范围 所有文件 group names its own document's clauses only: the others it merely compares with.
    if (own(ci)) covered.push_back(ci);
    if (!paysMoney(ci)) continue;
    ++byKey[key(ci)][doc(ci)];
    if (own(ci)) paying.push_back(ci);
  }
  // Another award of c's key that can meet it: of its own document, or (periods aside, or not) of
  // another one in force on a day c's is — awards are evaluated only while their document is.
  auto competes = [&](int c, bool withPeriods) {
    for (const auto& [d, n] : byKey[key(c)])
      if (d == doc(c) ? n >= 2 : !withPeriods || inForceTogether(d, doc(c))) return true;
    return false;
  };
  for (int c : paying)
    if (selfCompeting(c) || competes(c, true)) return reachNeverActs(gi, byKey);
  std::string what = fmt::format("the non-stacking group {}", g.name);
  std::string message;
  std::vector<int> apart;  // the documents of awards that would compete, were their documents in force together
  for (int c : paying)
    if (competes(c, false))
      for (const auto& [d, n] : byKey[key(c)])
        if (std::find(apart.begin(), apart.end(), d) == apart.end()) apart.push_back(d);
  if (!apart.empty()) {
    message = fmt::format("{} compares awards only across documents never in force on one day ({}): it never drops "
                          "an award", what, periods(apart));
  } else if (paying.empty())
    message = what + (all ? " covers no clause of its own document that pays money"
                          : " covers no clause that pays money") + ": it never drops an award";
  else if (paying.size() == 1)
    message = fmt::format("{} covers one clause that pays money, {}: with no other award to choose between, it never "
                          "drops one", what, cite(paying[0]));
  else
    message = what + " compares awards of one target only (同一 标的), and no two clauses it covers that pay money "
                     "share a target: it never drops an award";
  Finding& f = ruleNeverActs(groupSpan(g), g.name, message, covered,
                             apart.empty() ? "a non-stacking group keeps the highest of two or more money awards: check "
                                             "the clauses its 范围 covers"
                                           : "check the 有效期 of the documents");
  f.notes.push_back(DiagNote{Span{}, ruleNote("the group", g.name, g.text)});
  return true;
}

}  // namespace polc::check
