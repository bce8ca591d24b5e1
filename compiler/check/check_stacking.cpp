// A pair a non-stacking group covers, paid together all the same: the evaluator applies the groups in
// order (docs/ir.md, step 7), so an earlier group can drop the award a later one would keep, and the
// later one then finds the other alone in its partition and keeps it beside the earlier group's
// winner. W0603's "keeps only the higher" is not what that applicant is paid.
#include <fmt/format.h>

#include "check/checker.h"

namespace polc::check {

namespace {

// Solver queries per covered pair: the seeds need 1; a bucket of a large program may meet an earlier
// group of thousands of members, and each try is a query.
constexpr int kTriesPerPair = 8;
// Members of the earlier groups looked at per covered pair, by lowest amount, highest first (the likeliest
// to drop x): a document-wide group of 5,000 clauses, scanned for each of 5,000 covered pairs, was
// most of the cost at 10,000 clauses.
constexpr int kCandidatesPerPair = 64;

}  // namespace

std::optional<std::size_t> Checker::keptAfterEarlierDrop(int a, int b, std::size_t gi) {
  int tries = 0, seen = 0;
  for (std::size_t early = 0; early < gi; ++early) {
    const ir::Group& e = p_.groups[early];
    for (int x : {a, b}) {
      if (!inScope(e, x)) continue;
      const int y = x == a ? b : a;
      auto xLow = lowest(x);
      for (int c : members(early)) {
        if (c == a || c == b) continue;
        if (++seen > kCandidatesPerPair) return std::nullopt;
        if (!competeIn(e, x, c)) continue;
        // c never pays more than x: it cannot be the award e keeps instead of x.
        auto cHigh = highest(c);
        if (xLow && cHigh && cHigh->value < xLow->value) continue;
        if (++tries > kTriesPerPair) return std::nullopt;
        Answer ans = solver_.solve({&pay(a), &pay(b), &pay(c)}, touchOf({a, b, c}));
        if (ans.sat == Sat::Yes && reportKeptAfterEarlierDrop(x, y, c, early, gi, ans.model)) return early;
      }
    }
  }
  return std::nullopt;
}

// The claim, as `polc eval` pays the three clauses under the program's groups and caps on the applicant
// (as a pair's overlap is confirmed on the pair: the whole program costs ≈ 10 ms an evaluation at
// 10,000 clauses, and large sets have thousands of covered pairs): x dropped by the earlier group for
// c, y and c both still paid, and x the one group gi would have kept (higher, or winning the tie).
bool Checker::reportKeptAfterEarlierDrop(int x, int y, int c, std::size_t early, std::size_t gi,
                                         const Assignment& model) {
  const ir::Group& e = p_.groups[early];
  const ir::Group& g = p_.groups[gi];
  auto res = runner_.runWithRules({x, y, c}, wb_.build(model, subject(x), ""));
  if (!res) return false;
  const eval::Award* ax = awardOf(&runner_, *res, x);
  const eval::Award* ay = awardOf(&runner_, *res, y);
  const eval::Award* ac = awardOf(&runner_, *res, c);
  if (!ax || !ay || !ac || !ax->hasAmount() || !ay->hasAmount() || !ac->hasAmount()) return false;
  if (ax->status != eval::Status::Dropped || ax->reason.find(e.name) == std::string::npos ||
      ax->reason.find(cite(c)) == std::string::npos || !ay->counted() || !ac->counted())
    return false;
  if (ax->hi < ay->hi || (ax->hi == ay->hi && !winsTie(g, x, y))) return false;
  Finding& f = add(FindingKind::KeptAfterEarlierDrop, y,
                   fmt::format("{} and {} can both pay {} to the same {}, and the non-stacking group {} would keep {} "
                               "({} vs {}); but the group {}, applied before it, drops {} for {} ({}), so {} finds {} "
                               "alone and keeps it: the applicant is paid {} and {} together",
                               cite(y), cite(x), targetName(y), payeeText(y, x), g.name, cite(x), amountText(*ax),
                               amountText(*ay), e.name, cite(x), cite(c), amountText(*ac), g.name, cite(y), cite(c),
                               cite(y)));
  noteOther(f, x, "the clause the group would keep, dropped first");
  noteOther(f, c, "the clause kept instead by the earlier group");
  f.group = e.name;
  f.notes.push_back(DiagNote{groupSpan(e), ruleNote("the earlier non-stacking group", e.name, e.text)});
  f.notes.push_back(DiagNote{groupSpan(g), ruleNote("the non-stacking group", g.name, g.text)});
  attachWitness(f, model, subject(x));
  f.amounts = {cite(y) + " pays " + amountText(*ay), cite(x) + " pays " + amountText(*ax) + ", dropped",
               cite(c) + " pays " + amountText(*ac)};
  for (const auto& s : f.amounts) f.help.push_back(s);
  f.help.push_back(fmt::format("if {} is not to be paid beside {}, a group must compare the two", cite(y), cite(c)));
  return true;
}

}  // namespace polc::check
