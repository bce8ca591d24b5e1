// The consistency checker's one class, whose analyses are defined across the check_*.cpp files, one
// analysis a file (conditions, overlaps, shadowing, tiers, caps, rates), with the setup and the
// witnesses in check.cpp. Private to the checker: check.h is its interface.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "check/check.h"
#include "check/extent.h"
#include "check/product.h"
#include "check/quoted_numbers.h"
#include "check/solver.h"
#include "check/witness.h"
#include "check/written_numbers.h"
#include "ir/lower.h"

namespace polc::check {

using json = nlohmann::ordered_json;
using ir::Op;

// ---- per-clause preparation -----------------------------------------------------------------------

// One end of what a clause pays to any applicant it pays, before rounding (Checker::highest,
// lowest). `strict`: the amount stays short of the value (below a highest, above a lowest).
struct Bound {
  Q value;
  bool strict = false;
  bool byConditions = false;  // the conditions bound a rate's base: no shape's ceiling says as much
};

struct ClauseData {
  int index = -1;
  bool pay = false;
  bool dead = false, undecided = false;
  std::vector<const ir::Expr*> conjExprs;
  std::vector<bool> eligibility;  // parallel: from the document's 申报条件
  std::vector<Cond> conj;
  Cond period;
  Cond cond;                   // period ∧ conjuncts
  std::vector<Branch> branches;
  bool capsRead = true;        // every cap (上限, 封顶) a constant the branches' shapes hold
  std::vector<Cond> guards;    // per branch
  std::vector<int> touch;      // variables the amount needs
  std::optional<Assignment> witness;
  std::vector<int> vars;       // variables of the pay condition's literals (sorted, no date)
  std::map<int, int> forced;   // enum/bool variables with one value in every box
};

inline void split(const ir::Expr& e, std::vector<const ir::Expr*>& out) {
  if (e.op == Op::And) {
    for (const auto& k : e.kids) split(k, out);
    return;
  }
  out.push_back(&e);
}

inline void litVars(const F& f, std::set<int>& out) {
  if (f.op == F::Lit) out.insert(f.lit.var);
  for (const auto& k : f.kids) litVars(k, out);
}

inline bool hasNegation(const ir::Expr& e) {
  if (e.op == Op::Not) return true;
  if (e.op == Op::Member && e.negated) return true;
  if (e.op == Op::Compare && e.cmp == ast::CmpOp::Ne) return true;
  for (const auto& k : e.kids)
    if (hasNegation(k)) return true;
  return false;
}

inline std::string amountText(const eval::Award& a) { return eval::amountText(a.lo, a.hi, a.form); }

class Checker {
 public:
  Checker(const sema::Model& m, const ir::Program& p, const Options& o)
      : m_(m), p_(p), o_(o), tr_(p, vars_, ranges_), boxes_(vars_, inForce(p)), solver_(tr_, boxes_, o.z3ResourceLimit, o.z3BackstopMs),
        wb_(p, vars_), runner_(m, p) {}

  Result run();

 private:
  // ---- setup (check.cpp) ----
  void ranges();

  static std::optional<Q> literal(const ast::Expr& e);

  void relations();

  std::vector<int> resolve(const ast::ClauseRef& r, int currentDoc) const;

  void collectFacts(const ir::Expr& e, std::set<int>& out);

  void prepare();

  const Cond& pay(int c) const { return payCond_[static_cast<std::size_t>(payIndex_[static_cast<std::size_t>(c)])]; }

  // ---- witnesses (check.cpp) ----
  std::string cite(int c) const { return p_.clauses[static_cast<std::size_t>(c)].citation; }
  Span span(int c) const;
  std::string quote(int c) const { return "原文「" + p_.clauses[static_cast<std::size_t>(c)].text + "」"; }
  // The note naming a group or a cap: its 原文, or its name when it quotes none (not an empty 「」).
  static std::string ruleNote(const std::string& what, const std::string& name, const std::string& text) {
    return text.empty() ? what + " " + name + " (it quotes no 原文)" : what + ": 原文「" + text + "」";
  }
  int subject(int c) const { return p_.clauses[static_cast<std::size_t>(c)].subject; }

  void attachWitness(Finding& f, const Assignment& a, int subj);

  Finding& add(FindingKind k, int primary, std::string message);

  // `var op value`, ready for the solver: a boundary, a point, the ends of a stretch to test.
  Lit literal(int var, ast::CmpOp op, const Q& value) const;
  Cond pinned(int var, const Q& value) { return solver_.prepare(F::of(literal(var, ast::CmpOp::Eq, value))); }
  // An applicant clause c pays (its conditions hold) that also meets `extra`.
  Answer paysWith(int c, const Cond& extra);

  void noteOther(Finding& f, int other, const std::string& what);

  // ---- conditions: dead clauses, always-true conditions (check_conditions.cpp) ----
  void conditions();

  void dead(int c);

  void alwaysTrue(int c);

  // ---- overlaps and conflicts (check_overlaps.cpp) ----
  bool inScope(const ir::Group& g, int c) const;

  // Two awards of these clauses on one item of `subject` fall into the same partition of g.
  bool sameKey(const ir::Group& g, int subj) const;
  // Awards on an item of `deep` and on the item of `shallow` owning it (or the same item) fall into
  // the same partition of g.
  bool sharedKey(const ir::Group& g, int deep, int shallow) const;

  // Whether awards of a and b compete in one partition of g (scope, kinds, 每个 key, 同一 标的, and for
  // 所有文件 the group's own document).
  bool competeIn(const ir::Group& g, int a, int b) const;
  const ir::Group* covering(int a, int b) const;

  Span groupSpan(const ir::Group& g) const;

  std::map<int, int> forced(int c);

  // Candidate pairs of a bucket, without comparing clauses that force different values of an
  // enum or boolean variable (different districts, exclusive kinds of project).
  void pairsOf(const std::vector<int>& list, std::vector<std::pair<int, int>>& out,
               std::unordered_map<int, std::map<int, int>>& forcedOf, int depth);

  void overlaps();
  std::vector<std::pair<int, int>> crossPairs(const std::vector<int>& deep, const std::vector<int>& shallow);
  // The subject an award of clause c goes to (受益人, by default the top owner of its subject).
  int payeeOf(int c) const;
  // Pairs clauses of one target about an item and about its owner that pay the same payee.
  void chainPairs(const std::map<std::pair<int, int>, std::vector<int>>& buckets);
  std::string payeeText(int a, int b) const;

  std::vector<int> touchOf(std::initializer_list<int> cs) const;

  void pair(int a, int b);

  // An applicant both clauses of a pair group gi covers pay, for whom an earlier group drops the one gi
  // would keep for a third clause, so that gi keeps the other beside it: W0643 (check_stacking.cpp).
  // The earlier group, when one is reported.
  std::optional<std::size_t> keptAfterEarlierDrop(int a, int b, std::size_t gi);
  bool reportKeptAfterEarlierDrop(int x, int y, int c, std::size_t early, std::size_t gi, const Assignment& model);

  // Tries branch pairs (and large bases) for an applicant that both clauses pay with different amounts.
  bool findDifference(int a, int b, Assignment& model, std::string& amtA, std::string& amtB);
  bool differsAt(int a, int b, std::size_t i, std::size_t j, const std::vector<Lit>& extra, Assignment& model,
                 std::string& amtA, std::string& amtB);
  bool sameForEveryone(int a, int b) const;
  std::optional<Q> sharedCapOf(int c) const;
  bool differAsPaid(int a, int b, const Assignment& model, const eval::Award& x, const eval::Award& y,
                    std::string& amtA, std::string& amtB);
  bool paidOnWitness(int a, int b, const Assignment& model, std::string& amtA, std::string& amtB);

  // Two clauses of one target and subject that do not overlap: a boundary point (W0622) or a stretch
  // (W0624) between them that no clause pays, on a number or else on a dated parameter; else the corner
  // of a grid beside them that no clause pays (check_grid_gaps.cpp). A search stopped at
  // kGapPairsPerClausePair (gapCut_) and finding nothing is said as W0641.
  void gap(int a, int b);
  void gapNotSearched(int a, int b);
  bool numberGap(int a, int b);
  std::vector<Box> joinedBoxes(const Cond& c) const;
  // The pairs of alternatives gap() compares, at most (32 boxes each would be a thousand).
  // What keeps every linear amount of c at 0 or more (W0636's applicants stop the evaluation).
  std::optional<F> paysNoneBelowZero(int c);
  bool pointGap(int a, int b, const Box& A, const Box& B, int var, const NumDom& x, const NumDom& y);
  bool stretchGap(int lower, int upper, const Box& L, const Box& U, int var, const NumDom& below, const NumDom& above);
  std::string targetName(int c) const;
  std::optional<Q> valueIn(const Assignment& model, int var) const;
  // An applicant of both clauses' pay boxes with `var` freed, meeting `at` (and `also`).
  Answer freedAt(int a, int b, const Box& A, const Box& B, int var, const Cond& at, const Cond* also = nullptr);
  // The clauses of c's target and subject, when none of them pays the applicant.
  std::optional<std::vector<int>> unpaid(int c, const Assignment& model);
  // Whether clause c alone pays the applicant nothing (and the applicant evaluates).
  bool paysNothing(int c, const Assignment& model);
  // Whether a clause of `same` other than lower and upper pays some applicant inside `between`.
  bool coveredBetween(const std::vector<int>& same, int lower, int upper, const Cond& between);

  // ---- a missing cell of a grid over several numbers (check_grid_gaps.cpp) ----
  struct GridCells {
    std::vector<int> vars;     // the numbers besides the stretch's that the two clauses bound
    std::vector<int> clauses;  // the clauses paying inside the stretch, for other values of those only
  };
  // The clauses of `same` paying inside the stretch between `lower` and `upper` on `var`, when each
  // pays there only for other values of the other numbers the two bound, and with its bounds on those
  // freed would pay every applicant of both but for `var` (a neighbouring cell); nullopt when one
  // pays such an applicant, differs from them in anything else, or the two bound no other number.
  std::optional<GridCells> otherCells(const std::vector<int>& same, int lower, int upper, const Box& L, const Box& U,
                                      int var, const Cond& between);
  // A corner of a grid over two numbers, beyond every clause's bounds, that no clause pays, beside the
  // diagonal cells a and b (W0624). Whether it reported one.
  bool cornerGap(int a, int b);
  std::string boundsText(const Dom& d) const;

  // ---- gaps on a dated parameter (check_param_gaps.cpp) ----
  // A comparison `P op value` of a dated read with a constant (op: Gt, Ge, Lt, Le, the read on the
  // left).
  struct ParamBound {
    const ir::Expr* read = nullptr;
    Lin day;  // the day it is read at: the evaluation date or a date fact
    ast::CmpOp op = ast::CmpOp::Gt;
    Q value;
  };
  std::optional<ParamBound> paramBound(const ir::Expr& e);
  std::optional<ParamBound> tierBound(int c);
  // A bound of a clause on a dated read, with what the clause pays on but for it (prepared for the
  // solver only when a pair of bounds asks).
  struct ParamSite {
    ParamBound bound;
    F freed;
    // The 若 whose test holds the bound: its two sides (the test holding, failing) are one bound
    // chosen between two branches, not a band.
    const ir::Expr* test = nullptr;
  };
  std::vector<ParamSite> paramSites(int c);
  // The way from a conjunct down to a part of it: at each 且 (或) its parts (alternatives), and the one
  // taken; at a 若 its test and the branch taken.
  struct Step {
    std::vector<const ir::Expr*> parts;
    std::size_t taken = 0;
    bool alternatives = false;  // as the parts read: a 且 under 非 is a choice of alternatives
    bool othersHold = true;     // whether the parts not taken hold, as written (under 非 too)
    bool branch = false;        // a 若's test and branch: no shape a bound had before 若 was searched
    const ir::Expr* test = nullptr;  // the 若 whose test the way goes into
  };
  // The bounds inside e (conjunct `conj` of c, or a part of it, reached by `path`): in `out` those
  // of the conjunct or of one alternative of it, in `deeper` the others.
  void boundSites(int c, std::size_t conj, const ir::Expr& e, std::vector<Step>& path, std::vector<ParamSite>& out,
                  std::vector<ParamSite>& deeper, bool negated = false);
  static constexpr std::size_t kNoConj = static_cast<std::size_t>(-1);
  F payInstead(int c, std::size_t skip, const F& instead, bool freeTable) const;
  std::string readName(const ParamBound& b) const;
  std::string paramValueText(const ParamBound& b, const Q& v) const;
  std::string periodsText(const ParamBound& b, const std::function<bool(const Q&)>& keep, bool values) const;
  std::optional<Q> paramValueAt(const ParamBound& b, const Assignment& model) const;
  bool paramGapBetween(int lower, const ParamSite& low, int upper, const ParamSite& up, bool band);
  bool parameterGap(int a, int b);

  // ---- shadowing inside take-the-highest groups (check_shadowing.cpp) ----
  std::optional<Q> maxHi(int c) const;
  // The most: per branch, the shape's ceiling (a constant's upper end, the cap) or, for a rate, the
  // end the clause's conditions put on its base (extentOf over the boxes of the pay condition and the
  // branch's guard), whichever is lower.
  std::optional<Bound> highest(int c);
  // The least: per branch, a constant's upper end (what a group compares) under its cap, or for a
  // rate the lower of its cap and the end its conditions put on its base. nullopt when a cap is not
  // a constant: the shapes leave it out, and it can bring the amount down to 0.
  std::optional<Bound> lowest(int c);
  std::optional<Bound> amountEnd(int c, bool low);

  bool winsTie(const ir::Group& g, int b, int a) const;
  // The 舍入 of clause c's document, with which the evaluator rounds c's award.
  const ir::Rounding& roundingOf(int c) const;
  // What the evaluator compares of an amount v of clause c: v rounded with its document's 舍入.
  std::optional<Q> rounded(int c, const Q& v) const;
  // Whether g keeps b, paying at least `low`, over a, paying at most `high` (before rounding).
  bool alwaysKept(const ir::Group& g, int b, const Bound& low, int a, const Bound& high) const;
  // What the evaluator compares of an amount of c at the end e (low: at least e), as c's document rounds it.
  std::optional<Bound> comparedEnd(int c, const Bound& e, bool low) const;
  // The most (least, when `above`) the evaluator compares of an amount of c below (above) v, with c's
  // document's 舍入.
  std::optional<Q> roundedBeyond(int c, const Q& v, bool above) const;

  bool implies(int a, int b);

  bool underCap(int c) const;

  bool alwaysPaysFull(int b) const;

  bool droppedBefore(std::size_t gi, int b);

  bool impliesPay(const Cond& pa, int b);

  // The clause group gi keeps instead of a, and how that was proven: by ceilings (b's lowest at
  // least a's highest), or applicant by applicant (check_pointwise.cpp).
  struct Dominator {
    int clause = -1;
    bool pointwise = false;
  };
  std::optional<Dominator> dominator(std::size_t gi, int a, const Cond& when, std::initializer_list<int> excluded);
  std::optional<int> byCeiling(std::size_t gi, int a, const Cond& when, std::initializer_list<int> excluded);
  std::optional<int> byAmounts(std::size_t gi, int a, const Cond& when, std::initializer_list<int> excluded);
  // Whether b could be kept instead of a by group gi: same partition, scope, pays in full.
  bool samePartition(std::size_t gi, int a, int b) const;

  // ---- shadowing applicant by applicant (check_pointwise.cpp) ----
  // The variables a clause's rates read (its base), sorted; nullopt when it has no rate or an
  // amount the shapes cannot read.
  std::optional<std::vector<int>> baseOf(int c) const;
  // Whether every branch of a clause's amount is a constant (or a range of constants): compared
  // applicant by applicant with any rate.
  bool fixedAmount(int c) const;
  // What a W0640 message says b pays: its lowest against a's highest, each with where it comes
  // from, or, for a proof applicant by applicant, both amounts as written.
  std::string ceilingText(int a, int b);
  std::string endText(int c, const Bound& e, bool low) const;
  std::string byEachText(const ir::Group& g, int a, int b) const;
  // How much more than a's amount b must pay to be kept for sure: δ, and whether b ≤ a + δ (rather
  // than b < a + δ) is already too little.
  struct Margin {
    Q delta;
    bool orEqual = false;
  };
  // The margin for amounts both rounded with r, when a tie goes to the other amount.
  static Margin strictlyMore(const ir::Rounding& r);
  Q unitOf(int c) const;
  Margin marginOf(const ir::Group& g, int a, int b) const;
  std::optional<F> compareLin(const Lin& x, const Lin& y, ast::CmpOp op);
  std::optional<F> shortfall(const Shape& x, const Shape& y, const Margin& m);
  bool outpays(const ir::Group& g, int a, int b, const Cond& when);

  std::vector<int> membersOf(const ir::Group& g, std::unordered_map<int, std::vector<int>>& byTarget);
  // membersOf each group, once the dead clauses are known (after conditions()).
  const std::vector<int>& members(std::size_t gi);
  // The members group gi may keep instead of a clause of `target`: those of that target when the
  // group compares only awards of one target, else all of them; in the order of members().
  const std::vector<int>& rivals(std::size_t gi, int target);
  // The rivals of a that read the same base (baseOf), by highest ceiling, unbounded first; for the
  // empty base, every rival that reads one.
  const std::vector<int>& sameBase(std::size_t gi, int target, const std::vector<int>& base);
  std::unordered_map<int, std::vector<int>> payingByTarget() const;

  // Whenever both a and b pay, group `group` drops `dropped` (a or b) for a third clause `kept`.
  struct ThirdWins {
    std::size_t group = 0;
    int dropped = -1, kept = -1;
  };
  std::optional<ThirdWins> droppedForThird(int a, int b);

  void shadowing();

  // ---- tiers (check_tiers.cpp) ----
  static const ir::Expr* tableOf(const ir::Expr& e);

  // Whether entry i always pays less than entry j: constants, or one rate of the same base.
  bool paysLess(int c, const Shape& x, const Shape& y) const;
  // x's ceiling below y's lowest, each rounded as clause c's document rounds (the evaluator's amounts).
  bool alwaysBelow(int c, const Shape& x, const Shape& y) const;
  // For rates of one base: whether every applicant meeting `when` is paid more by y than by x, once
  // both are rounded with clause c's 舍入 (at least one unit more; without 舍入, strictly more).
  bool moreForEach(int c, const Shape& x, const Shape& y, const Cond& when);
  // No applicant meeting `when` for whom y pays less than x plus the margin (shortfall), by the solver.
  bool neverShort(const Shape& x, const Shape& y, const Margin& m, const Cond& when);
  // Whether x and y pay every applicant meeting `when` the same amount, caps included (a rate of other
  // facts than the table's number: `投资 × 10%` in two cases); false when it is not proven.
  bool sameForEach(const Shape& x, const Shape& y, const Cond& when);
  // The applicants y pays more than x pays `at` (rounded as clause c rounds): a contrast for a rate.
  std::optional<F> paidMore(int c, const Shape& x, const Shape& y, const Assignment& at);

  // What an amount pays, truthfully: a constant (the cap it always reaches), `最高 30万元` for an
  // amount up to a ceiling, `10万元至30万元` for a range, a rate as written with what it is multiplied
  // by around its table (`factors`, ` × 50%`) and its cap (`(at most 30万元)`).
  std::string shapeText(const Shape& s, const std::string& factors = "") const;

  // What clause c pays one applicant with amount s, rounded with its document's 舍入.
  std::optional<Q> amountAt(int c, const Shape& s, const Assignment& a) const;
  // What an amount pays when `var` is `at`, as a range [lo, hi], capped and rounded as the evaluator
  // pays it; nullopt unless that value alone decides it (a constant, or a rate of `var` only).
  std::optional<std::pair<Q, Q>> paidWhen(int c, const Shape& s, int var, const Q& at) const;

  void tiers();

  // One 分档 / 分情形 node of a clause's amount, with each entry's key, first match and amount.
  struct Table {
    int clause = -1;
    const ir::Expr* node = nullptr;
    std::vector<Cond> key, first;
    std::vector<Shape> shape;  // as the clause pays it: with the caps and factors around the table
    std::vector<bool> capsRead;  // every cap on the entry's amount a constant its shape holds
    std::string factors;         // the constant factors around the table, as written (` × 50%`)
    // The W0620 of each entry said to pay less (an index into the findings), which the later pairs
    // of that entry join as notes.
    mutable std::map<std::size_t, std::size_t> paysLess;
  };
  // Entry i of t as shapeText says it, `at most` when a cap the shape leaves out can lower it.
  std::string entryText(const Table& t, std::size_t i) const;
  static std::string entryName(const ir::Expr& node, std::size_t i);
  static Span entrySpan(const ir::Expr& node, std::size_t i);
  Table tableData(int c, const ir::Expr& node);
  // Whether every cap (封顶) between the clause's amount e and its table node is a constant.
  bool capsAbove(const ir::Expr& e, const ir::Expr& node);

  void table(int c, const ir::Expr& node);

  // An entry no applicant of the clause reaches first (W0621, W0623).
  void reachable(const Table& t, std::size_t j);
  struct Earlier {
    std::size_t entry = 0;
    Assignment applicant;  // meets entry j, paid `entry`
    bool covers = false;   // every applicant of j meets `entry`
  };
  Earlier earlierEntry(const Table& t, std::size_t j, const Assignment& fallback);

  // Entry i, before j, paying less (W0620): tables read from the top, and 不超过 / 低于 tables.
  void lessInTable(const Table& t, std::size_t i, std::size_t j);
  void lessInAscendingTable(const Table& t, std::size_t i, std::size_t j);
  void tierPaysLess(const Table& t, std::size_t higher, std::size_t lower, const Assignment& atHigher,
                    const Assignment& atLower, const std::string& why);

  void caseBounds(const Table& t, bool overlaps);
  void caseGapInContext(const Table& t);
  void caseSharedBound(const Table& t, int var, const std::vector<NumDom>& ivs);
  void caseRangeGap(const Table& t, int var, const std::vector<NumDom>& ivs);

  // ---- levels an ordered enumeration's partition skips (check_enum_gaps.cpp) ----
  Cond memberOf(int var, const Bits& members);
  // `企业.级别 = 省级`, `企业.星级 ∈ {四星、三星}`.
  std::string membersText(int var, const Bits& members) const;
  // Two disjoint clauses allowing members x and y of an ordered enumeration, with a member between
  // them that neither allows (W0624).
  bool enumGap(int a, int b, const Box& A, const Box& B, int var, const Bits& x, const Bits& y);
  // Whether t's keys are members of one enumeration (then searched here for a level between two
  // cases that none allows, or an unordered one's member left out of all the others; W0624).
  bool caseEnumGap(const Table& t);
  // The member of an unordered enumeration left out of `sets` while they hold every other (none when
  // it is a catch-all, 其他…, or the enumeration is short).
  Bits leftOutMember(int var, const std::vector<Bits>& sets) const;
  std::optional<Bits> membersPaid(int c, int var) const;
  // Clauses of one target and subject paying every member of an unordered enumeration but one (W0624).
  void enumLeftOut(const std::vector<int>& list);
  std::optional<Answer> freedAtSomeAlternatives(int a, int b, int var, const Cond& at);
  // For a table whose keys bound one dated read (beside other conditions or alone, or not at all): the
  // parameter's values no case allows (W0622, W0624; check_param_gaps.cpp). Whether it reported one.
  bool caseParamGap(const Table& t);

  // ---- caps (check_caps.cpp) ----
  void caps();

  Span capSpan(int k) const;

  // An applicant for which branch `bi` of clause c pays its highest amount.
  std::optional<Assignment> atMax(int c, std::size_t bi);

  void programmeCap(int k);

  void itemCaps(int c);
  std::string endsText(const End& end, bool low) const;
  std::optional<Assignment> atEnd(int c, std::size_t bi, const End& end, bool low);
  void capNeverReached(int c, std::size_t bi, const End& hi);
  void capAlwaysReached(int c, std::size_t bi, const End& lo);
  void constantOverCap(int c, std::size_t bi);
  // Which part of clause c's amount branch bi is, named for a message: the tier or case that
  // selects it, or its expression; {"", "the clause"} when the amount has one branch.
  std::pair<std::string, std::string> branchWhere(int c, std::size_t bi) const;

  // ---- amounts below zero (check_negative.cpp) ----
  // Drops the last finding unless its witness, replayed on the whole program, shows its claim.
  void keepIfShown();
  bool negativeBranch(int c, std::size_t bi) const;
  bool paysBelowZero(int c) const;
  // Every branch stops the evaluation: the clause never pays, and W0636 says why.
  bool alwaysBelowZero(int c) const;
  void negativeAmounts(int c);
  void linearBelowZero(int c, std::size_t bi);
  void capBelowZero(int c);
  std::optional<std::pair<Assignment, Q>> belowZero(int c, const Lin& form, const Cond* when);

  // ---- written amounts the document's 舍入 moves (check_rounding.cpp) ----
  void roundingMoves(int c);

  // ---- a parameter read before its first value, in a document with no 有效期 start (check_first_value.cpp) ----
  void readsBeforeFirstValue(int c);

  // ---- numbers the code writes that the clause's 原文 does not state (check_quoted_numbers.cpp) ----
  void numbersAgainstQuote(int c);
  void documentNumbersAgainstQuote(int d);  // its 申报条件 and 资金分担
  // Where a block's numbers are looked for, and how its findings name it.
  struct QuoteSource {
    int clause = -1;  // the finding's clause; -1 for a document's block
    std::string who;  // 常办发〔2022〕1号 第1条第1款, 常办发〔2022〕1号's 资金分担
    std::string own;  // the 原文 the block quotes
    Span ownSpan;
    std::string wider;  // the 原文 around it: its article's, its document's
    Span widerSpan;
    std::string widerName;  // "its article's 原文", for the note
    std::string notes;      // the 释义 and 说明 of the block and around it
    std::string notesName;  // "the clause's 释义", for the help
  };
  void numbersAgainst(const QuoteSource& src, const std::vector<WrittenNumber>& written);
  // The first place `in` states w, when every place it does so is in words of a role the code does not
  // give it (a threshold's words for the code's cap); null when one is in its role or of no known role.
  static const QuotedNumber* otherRoleOnly(const WrittenNumber& w, const std::vector<QuotedNumber>& in);
  static bool inRole(const WrittenNumber& w, const std::vector<QuotedNumber>& in);
  void unstatedNumber(const QuoteSource& src, const WrittenNumber& w, const std::vector<QuotedNumber>& own);  // W0639
  void misplacedNumber(const QuoteSource& src, const WrittenNumber& w, const QuotedNumber& q);               // W0642

  // ---- caps and non-stacking groups that never act (check_never_acts.cpp) ----
  void neverActs();
  // Whether an award of clause c can count for a cap or a group: money, from a clause that can apply.
  bool paysMoney(int c) const;
  // Why clause c never does, for a note: 待遇, 一事一议, conditions that cannot hold.
  std::string whyNoMoney(int c) const;
  void capNeverActs(int k);
  bool groupNeverActs(std::size_t gi);  // whether it reported the group (or its reach)
  void preferNeverActs(std::size_t gi);
  bool reachNeverActs(std::size_t gi, const std::map<int, std::map<int, int>>& byKey);
  void relationsNeverAct();
  bool inForceTogether(int a, int b) const;
  std::string inForceText(int d) const;                     // "文号 有效期"
  std::string periods(const std::vector<int>& docs) const;  // each inForceText, comma-separated
  // W0637 at `where`, with a note at each clause it covers.
  Finding& ruleNeverActs(Span where, const std::string& name, std::string message, const std::vector<int>& covered,
                         std::string help);

  // ---- two awards on one base that together pay more than it (check_shared_base.cpp) ----
  // A clause's amount read as at most rate × base + offset, for one linear form of facts, the base,
  // scaled so that its first coefficient is 1 (`增量(地方贡献) × 50% 上限 10万元`: 0.5 × 增量).
  using BaseForm = std::vector<std::pair<int, Q>>;
  struct RatedBase {
    BaseForm base;
    Q rate, offset;  // the highest of the branches'
    std::vector<std::pair<Q, Q>> branches;  // each branch's (分档 or 分情形 entry's) rate and offset
  };
  std::optional<RatedBase> ratedBase(int c);
  std::optional<Lin> upperForm(const Shape& s);
  void sharedBases();
  void overBase(int a, const RatedBase& ra, int b, const RatedBase& rb);
  bool reportOverBase(int a, int b, int subj, const BaseForm& base, const Assignment& model);
  // `amount(a) + amount(b) > base`, each at most the base, with branch `ia` of a's amount and `ib` of
  // b's, as an IR condition for Z3; nullopt when a number is not a decimal.
  std::optional<ir::Expr> overBaseClaim(int a, std::size_t ia, int b, std::size_t ib, const BaseForm& base);
  std::optional<ir::Expr> amountExpr(int c, std::size_t branch);
  std::optional<ir::Expr> varExpr(int v) const;
  std::string baseText(const BaseForm& base) const;
  std::optional<Q> baseValue(const BaseForm& base, const Assignment& model) const;

  // ---- rates above 100 % (check_rates.cpp) ----
  void rates(int c, const ir::Expr& e);

  void rateFinding(int c, const Product& prod);

  const sema::Model& m_;
  const ir::Program& p_;
  Options o_;
  std::map<std::pair<int, int>, std::pair<Q, Q>> ranges_;
  VarTable vars_;
  Translator tr_;
  Boxes boxes_;
  Solver solver_;
  WitnessBuilder wb_;
  Runner runner_;
  std::vector<ClauseData> cl_;
  std::vector<Cond> payCond_;
  std::vector<int> payIndex_;
  struct GroupMembers {
    std::vector<int> all;
    std::unordered_map<int, std::vector<int>> byTarget;  // filled for groups of one target only
    // By (target for a group of one target, else -1; base): the candidates compared amount by amount
    // (the empty base: every clause with a rate, the candidates against a fixed amount).
    std::map<std::pair<int, std::vector<int>>, std::vector<int>> byBase;
  };
  std::vector<GroupMembers> members_;  // members(): each group's paying clauses, built on first use
  // highest(), lowest(), per clause on first use (the outer optional: not computed yet). Indexed, as
  // the searches for a dominating clause ask for them once for each candidate they pass.
  std::vector<std::optional<std::optional<Bound>>> highest_, lowest_;
  std::optional<Q> roundingSlack_;  // byCeiling(): three of the largest units a document rounds to
  std::map<int, int> freq_;
  std::map<std::pair<int, int>, std::string> related_;
  // The reads W0638 reported (file, offset): a 申报条件 or 资金分担 is every clause's, and said once.
  std::set<std::pair<FileId, std::uint32_t>> readsReported_;
  // Set by a gap search of the current pair that stopped at kGapPairsPerClausePair.
  bool gapCut_ = false;
  Result out_;
};

}  // namespace polc::check
