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
    groupNeverActs(gi);
    preferNeverActs(gi);
  }
}

// 优先 of a document never in force on a day the group's own document is: no award of the one ever
// meets an award of the other, so the preference never decides a tie. Usually one of the two 有效期
// is mistyped (a district's 2026 measures beside a city policy that ends in 2025).
void Checker::preferNeverActs(std::size_t gi) {
  const ir::Group& g = p_.groups[gi];
  const ir::Document& own = p_.documents[static_cast<std::size_t>(g.document)];
  for (int d : g.prefer) {
    if (d == g.document) continue;
    const ir::Document& other = p_.documents[static_cast<std::size_t>(d)];
    bool apart = (own.effectiveTo && other.effectiveFrom && *own.effectiveTo < *other.effectiveFrom) ||
                 (other.effectiveTo && own.effectiveFrom && *other.effectiveTo < *own.effectiveFrom);
    if (!apart) continue;
    Finding& f = ruleNeverActs(
        groupSpan(g), g.name,
        fmt::format("优先 {} of the non-stacking group {} never acts: {} is in force {} and {} {}, never on one day, "
                    "so no award of the one meets an award of the other",
                    other.number, g.name, other.number, other.effectiveText, own.number, own.effectiveText),
        {}, "check the 有效期 of the two documents");
    f.notes.push_back(DiagNote{Span{}, ruleNote("the group", g.name, g.text)});
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
void Checker::groupNeverActs(std::size_t gi) {
  const ir::Group& g = p_.groups[gi];
  bool all = g.scope == ir::GroupScope::All;
  auto own = [&](int c) { return !all || p_.clauses[static_cast<std::size_t>(c)].document == g.document; };
  auto selfCompeting = [&](int c) {
    int s = subject(c);
    for (int x = s; x >= 0; x = p_.subjects[static_cast<std::size_t>(x)].owner)
      if (std::find(g.per.begin(), g.per.end(), x) != g.per.end()) return x != s;
    return !g.perItem && g.per.empty() && p_.subjects[static_cast<std::size_t>(s)].owner >= 0;
  };
  std::vector<int> covered, paying;
  std::map<int, int> byKey;  // paying clauses per target (one key without 同一 标的)
  for (std::size_t c = 0; c < p_.clauses.size(); ++c) {
    int ci = static_cast<int>(c);
    if (payIndex_[c] < 0 || !inScope(g, ci)) continue;
    // A 范围 所有文件 group names its own document's clauses only: the others it merely compares with.
    if (own(ci)) covered.push_back(ci);
    if (!paysMoney(ci)) continue;
    ++byKey[g.sameTarget ? p_.clauses[c].target : -1];
    if (own(ci)) paying.push_back(ci);
  }
  for (int c : paying)
    if (selfCompeting(c) || byKey[g.sameTarget ? p_.clauses[static_cast<std::size_t>(c)].target : -1] >= 2) return;
  std::string what = fmt::format("the non-stacking group {}", g.name);
  std::string message;
  if (paying.empty())
    message = what + (all ? " covers no clause of its own document that pays money"
                          : " covers no clause that pays money") + ": it never drops an award";
  else if (paying.size() == 1)
    message = fmt::format("{} covers one clause that pays money, {}: with no other award to choose between, it never "
                          "drops one", what, cite(paying[0]));
  else
    message = what + " compares awards of one target only (同一 标的), and no two clauses it covers that pay money "
                     "share a target: it never drops an award";
  Finding& f = ruleNeverActs(groupSpan(g), g.name, message, covered,
                             "a non-stacking group keeps the highest of two or more money awards: check the clauses "
                             "its 范围 covers");
  f.notes.push_back(DiagNote{Span{}, ruleNote("the group", g.name, g.text)});
}

}  // namespace polc::check
