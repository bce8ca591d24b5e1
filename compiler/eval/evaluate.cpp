// Evaluating one applicant: the ten steps of docs/ir.md, in order, each in its own function.
#include <algorithm>
#include <exception>
#include <map>
#include <optional>
#include <tuple>
#include <type_traits>

#include <fmt/format.h>

#include "eval/expr_eval.h"
#include "decimal/amount_rules.h"
#include "decimal/award_words.h"
#include "decimal/cap_year_words.h"
#include "decimal/funding_reach.h"
#include "decimal/funding_remainder.h"
#include "decimal/eval_errors.h"

namespace polc::eval {

const char* statusName(Status s) {
  switch (s) {
    case Status::Kept: return "kept";
    case Status::Capped: return "capped";
    case Status::QuotaLimited: return "quota_limited";
    case Status::Dropped: return "dropped";
    case Status::NotAssessable: return "not_assessable";
    case Status::AlreadyReceived: return "already_received";
  }
  return "?";
}

namespace {

using ir::Value;

Decimal checked(polrt::ArithError err, Decimal v, const std::string& where) {
  if (err != polrt::ArithError::None) throw EvalError(fmt::format("{}: {}", where, polrt::toString(err)));
  return v;
}

Decimal plus(Decimal a, Decimal b, const std::string& where) {
  Decimal out;
  return checked(polrt::add(a, b, out), out, where);
}

Decimal minus(Decimal a, Decimal b, const std::string& where) {
  Decimal out;
  return checked(polrt::sub(a, b, out), out, where);
}

Decimal times(Decimal a, Decimal b, const std::string& where) {
  Decimal out;
  return checked(polrt::mul(a, b, out), out, where);
}

// Rounds to a multiple of `unit` (1元, 100元, 0.01元) with the document's mode.
Decimal roundTo(Decimal v, Decimal unit, polrt::RoundingMode mode, const std::string& where) {
  Decimal q;
  checked(polrt::div(v, unit, 0, mode, q), q, where);
  return times(q, unit, where).normalized();
}

class Evaluator {
 public:
  Evaluator(const ir::Program& p, const Applicant& a, const Options& o) : p_(p), a_(a), o_(o) {
    date_ = o.date ? *o.date : a.date ? *a.date : ir::today();
    year_ = ir::yearOf(date_);
  }

  Result run() {
    Result r;
    r.date = date_;
    thisYearAgrees();
    for (std::size_t c = 0; c < p_.clauses.size(); ++c) clause(static_cast<int>(c), r.awards);
    for (const auto& g : p_.groups) group(g, r.awards, payable(r.awards));
    settleDrops(r.awards);
    for (const auto& k : p_.caps) cap(k, r.awards);
    for (auto& aw : r.awards) finish(aw);
    markReplaceable(r.awards);
    totals(r);
    return r;
  }

 private:
  // A fact given for the evaluation year and its history's entry for that year must agree: which of
  // two different values the evaluator read would decide the amounts, without a word. The first
  // instance, then the first slot, as the VM and the generated code look.
  void thisYearAgrees() const {
    for (const Instance& in : a_.instances)
      for (std::size_t f = 0; f < in.history.size() && f < in.facts.size(); ++f) {
        if (!in.facts[f]) continue;
        auto it = in.history[f].find(year_);
        if (it == in.history[f].end()) continue;
        if (it->second.lo != in.facts[f]->lo || it->second.hi != in.facts[f]->hi)
          throw EvalError(
              polrt::historyDisagrees(in.path, p_.subjects[static_cast<std::size_t>(in.subject)].facts[f].name, year_));
      }
  }

  // ---- steps 1–5: items, period, eligibility, conditions, amount ----------------------------------
  void clause(int c, std::vector<Award>& out) {
    const ir::Clause& cl = p_.clauses[c];
    if (cl.subject < 0 || a_.instances.empty()) return;
    if (p_.rootOf(cl.subject) != a_.instances[0].subject) return;
    const ir::Document& doc = p_.documents[cl.document];
    if (doc.effectiveFrom && date_ < *doc.effectiveFrom) return;
    if (doc.effectiveTo && date_ > *doc.effectiveTo) return;
    for (int i = 0; i < static_cast<int>(a_.instances.size()); ++i)
      if (a_.instances[i].subject == cl.subject) item(c, i, out);
  }

  void item(int c, int i, std::vector<Award>& out) {
    const ir::Clause& cl = p_.clauses[c];
    ExprEval ev(p_, a_, date_, i, cl.citation, o_.explain);
    Award aw;
    aw.clause = c;
    aw.instance = i;
    aw.kind = cl.award;
    payee(cl, aw, ev);
    // Conditions: a false one, or one whose 分档/分情形 finds no entry, means the clause does not
    // apply; one that needs an absent fact makes the clause not assessable unless another is false;
    // one that fails is the clause's error only when neither (held until the others are known, as
    // 且 holds it: docs/ir.md, polrt::undecided).
    bool unknown = false;
    std::exception_ptr held;
    std::vector<std::string> needed;
    auto test = [&](const ir::Expr& e) {
      std::size_t before = ev.missing.size();
      std::optional<bool> holds;
      try {
        holds = ev.decide(e);
      } catch (const NoMatch&) {
        return false;
      } catch (const EvalError&) {
        if (!held) held = std::current_exception();
        return true;
      }
      if (!holds) {
        unknown = true;
        needed.insert(needed.end(), ev.missing.begin() + static_cast<long>(before), ev.missing.end());
        return true;
      }
      return *holds;
    };
    for (const auto& e : cl.eligibility)
      if (!test(e)) return;
    for (const auto& e : cl.conditions)
      if (!test(e)) return;
    if (held && !unknown) std::rethrow_exception(held);
    if (o_.explain) {
      aw.explanation.push_back("原文：" + p_.clauses[c].text);
      for (const auto& n : cl.notes) aw.explanation.push_back("释义：" + n);
    }
    for (const auto& n : cl.notes) aw.notes.push_back(n);
    std::vector<std::string> conditionLines = ev.lines;
    ev.lines.clear();
    if (o_.explain) {
      for (const auto& l : conditionLines) aw.explanation.push_back(l);
      if (!cl.conditions.empty() || !cl.eligibility.empty())
        aw.explanation.push_back(unknown ? "条件：尚不能判断" : "条件：均满足");
    }
    if (!unknown && cl.once) {
      for (const auto& r : a_.received) {
        if (r.clause != c || r.year >= year_ || r.instance != i) continue;
        aw.status = Status::AlreadyReceived;
        aw.reason = fmt::format("一次性奖励：{}年已获 {}，不再给予", r.year, money(r.amount));
        explainLine(aw, aw.reason);
        out.push_back(std::move(aw));
        return;
      }
    }
    if (!unknown && cl.award == ir::AwardKind::Negotiated && !cl.negotiatedBasis.empty())
      explainLine(aw, polrt::negotiatedLine(cl.negotiatedBasis));
    if (!unknown && cl.award == ir::AwardKind::Pay) {
      try {
        if (!amount(cl, aw, ev)) return;  // no tier or case applies: the clause pays nothing
      } catch (const NotAssessable&) {
        unknown = true;
        needed.insert(needed.end(), ev.missing.begin(), ev.missing.end());
      } catch (const NoMatch&) {
        return;  // no tier or case applies: the clause pays nothing
      }
    }
    if (unknown) {
      aw.status = Status::NotAssessable;
      for (const auto& n : needed)
        if (std::find(aw.missing.begin(), aw.missing.end(), n) == aw.missing.end()) aw.missing.push_back(n);
      aw.reason = "缺少事实：" + join(aw.missing, "、");
      if (o_.explain) aw.explanation.push_back("无法评估：" + aw.reason);
    } else if (cl.quota) {
      aw.quotaLimited = true;
      aw.status = Status::QuotaLimited;
      aw.reason = fmt::format("名额限制：{}择优支持不超过{}个，是否获得取决于全部申报者的排序",
                              cl.quotaAnnual ? "每年" : "", *cl.quota);
      if (o_.explain) aw.explanation.push_back(aw.reason);
    }
    out.push_back(std::move(aw));
  }

  // False when no tier or case applies.
  bool amount(const ir::Clause& cl, Award& aw, ExprEval& ev) {
    const std::string& where = cl.citation;
    std::optional<Value> got = ev.amount(cl.amount[0]);
    if (!got) return false;
    const Value& v = *got;
    // A value the conditions computed already (增量(x) in 条件 and in 给予) is listed once.
    for (auto& l : ev.lines)
      if (std::find(aw.explanation.begin(), aw.explanation.end(), l) == aw.explanation.end()) explainLine(aw, l);
    ev.lines.clear();
    if (std::string bad = polrt::badAmount(v.lo, v.hi); !bad.empty())
      throw EvalError(polrt::errorAt(where, cl.amount[0].source, bad));
    aw.form = v.form;
    aw.lo = v.lo;
    aw.hi = v.hi;
    explainLine(aw, [&] { return fmt::format("计算：{} = {}", cl.amount[0].source, amountText(aw.lo, aw.hi, aw.form)); });
    if (!cl.cap.empty()) {
      Value c = ev.eval(cl.cap[0]);
      // Without the cap's text: the bytecode does not keep it, and every evaluator says the same.
      if (std::string bad = polrt::badCap(c.lo); !bad.empty()) throw EvalError(fmt::format("{}: {}", where, bad));
      std::string label = cl.capLabel.empty() ? "单项上限" : cl.capLabel;
      if (aw.hi > c.lo || aw.lo > c.lo) {
        aw.lo = polrt::min(aw.lo, c.lo);
        aw.hi = polrt::min(aw.hi, c.lo);
        explainLine(aw, [&] { return fmt::format("超过{} {}，按上限 {}", label, money(c.lo), amountText(aw.lo, aw.hi, aw.form)); });
      } else {
        explainLine(aw, [&] { return fmt::format("未超过{} {}", label, money(c.lo)); });
      }
    }
    if (cl.topup) {
      Decimal already;
      // What was received up to the evaluation year, as a 累计 cap counts it: an award of a later
      // year had not been received on the evaluation date.
      for (const auto& r : a_.received)
        if (r.target == cl.target && cl.target >= 0 && r.year <= year_ &&
            (r.instance == aw.payeeInstance || r.instance == aw.instance))
          already = plus(already, r.amount, where);
      Decimal lo = polrt::max(minus(aw.lo, already, where), Decimal());
      Decimal hi = polrt::max(minus(aw.hi, already, where), Decimal());
      explainLine(aw, [&] { return fmt::format("晋级补差：已获同一标的奖励 {}，补差后 {}", money(already), amountText(lo, hi, aw.form)); });
      aw.lo = lo;
      aw.hi = hi;
    }
    const ir::Document& doc = p_.documents[cl.document];
    if (doc.rounding.present) {
      Decimal lo = roundTo(aw.lo, doc.rounding.unit, doc.rounding.mode, where);
      Decimal hi = roundTo(aw.hi, doc.rounding.unit, doc.rounding.mode, where);
      if (lo != aw.lo || hi != aw.hi)
        explainLine(aw, [&] { return fmt::format("舍入（{}）：{}", doc.rounding.text, amountText(lo, hi, aw.form)); });
      aw.lo = lo;
      aw.hi = hi;
    }
    aw.computedHi = aw.hi;
    return true;
  }

  // A line, or what makes it: made only when explanations are asked for (formatting each cost more
  // than the evaluation it describes).
  template <class Line>
  void explainLine(Award& aw, Line&& line) {
    if (!o_.explain || trial_) return;
    if constexpr (std::is_invocable_v<Line>)
      aw.explanation.push_back(line());
    else
      aw.explanation.emplace_back(std::forward<Line>(line));
  }

  static std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
    return out;
  }

  void payee(const ir::Clause& cl, Award& aw, const ExprEval& ev) {
    int p = cl.payee >= 0 ? cl.payee : p_.rootOf(cl.subject);
    int i = ev.instanceOf(p);
    if (i < 0) {
      // A subject owned by one of the item's owners: a project's 引荐人, a cluster's 促进机构.
      int owner = p_.subjects[p].owner;
      int o = owner >= 0 ? ev.instanceOf(owner) : -1;
      if (o >= 0)
        for (int child : a_.instances[o].children)
          if (a_.instances[child].subject == p) {
            i = child;
            break;
          }
    }
    aw.payeeInstance = i;
    aw.payee = i >= 0 ? a_.instances[i].path : p_.subjects[p].name + "（事实中未列出）";
  }

  // ---- step 6: non-stacking -----------------------------------------------------------------------
  // The instance of `per` that owns the item, or -1.
  int ownerInstance(int item, int per) const {
    for (int i = item; i >= 0; i = a_.instances[i].parent)
      if (a_.instances[i].subject == per) return i;
    return -1;
  }

  // The partition key of a group: the instance of a 每个 subject owning the item, else with 每个 事项
  // the item itself, else with no 每个 at all the applicant; -1 when none (the award is alone).
  int groupKey(const ir::Group& g, int item) const {
    for (int i = item; i >= 0; i = a_.instances[i].parent)
      if (std::find(g.per.begin(), g.per.end(), a_.instances[i].subject) != g.per.end()) return i;
    if (g.perItem) return item;
    if (g.per.empty()) return 0;
    return -1;
  }

  // What each award would pay: its ceiling after the caps over several clauses, applied on a copy
  // to every award still counted. Non-stacking compares these, so that it never keeps an award that
  // a cap then cuts below the one it dropped (武进区 第1条: 5% of 2000万 is 100万, but 单个企业最高50万;
  // the city's 60万 for the same project is the better one).
  std::vector<Decimal> payable(const std::vector<Award>& awards) {
    std::vector<Decimal> out;
    out.reserve(awards.size());
    // Without such caps each award pays its own ceiling: no trial, so no copy of every award (with
    // its texts) for each group, which was most of the cost of evaluating a large program.
    if (p_.caps.empty()) {
      for (const auto& aw : awards) out.push_back(aw.hi);
      return out;
    }
    std::vector<Award> trial = awards;
    trial_ = true;  // no explanation lines from the trial, only its cuts
    cuts_.clear();
    for (const auto& k : p_.caps) cap(k, trial);
    trial_ = false;
    for (const auto& aw : trial) out.push_back(aw.hi);
    return out;
  }

  void group(const ir::Group& g, std::vector<Award>& awards, const std::vector<Decimal>& payable) {
    std::map<std::tuple<int, int, int>, std::vector<int>> partitions;
    int alone = -1;  // awards whose item no instance of `per` owns each get their own partition
    for (int k = 0; k < static_cast<int>(awards.size()); ++k) {
      const Award& aw = awards[k];
      // A member not assessable decides no drop, but makes the award kept provisional.
      if (aw.kind != ir::AwardKind::Pay || !(aw.counted() || aw.status == Status::NotAssessable)) continue;
      const ir::Clause& cl = p_.clauses[aw.clause];
      bool inScope = g.scope == ir::GroupScope::All ||
                     (g.scope == ir::GroupScope::Document && cl.document == g.document) ||
                     (g.scope == ir::GroupScope::Clauses &&
                      std::find(g.clauses.begin(), g.clauses.end(), aw.clause) != g.clauses.end());
      if (!inScope) continue;
      if (cl.kind >= 0 && std::find(g.exceptKinds.begin(), g.exceptKinds.end(), cl.kind) != g.exceptKinds.end())
        continue;
      int owner = groupKey(g, aw.instance);
      int key = owner >= 0 ? owner : alone--;
      partitions[{key, g.sameTarget ? cl.target : -1, 0}].push_back(k);
    }
    for (auto& [key, all] : partitions) {
      if (all.size() < 2) continue;
      auto ofDocument = [&](int k) { return p_.clauses[awards[k].clause].document == g.document; };
      if (g.scope == ir::GroupScope::All && std::none_of(all.begin(), all.end(), ofDocument)) continue;
      std::vector<int> members, unassessed;
      for (int k : all) (awards[k].status == Status::NotAssessable ? unassessed : members).push_back(k);
      if (!unassessed.empty())
        for (int k : members) replaceable_.push_back(Replaceable{k, static_cast<int>(&g - p_.groups.data()), unassessed});
      if (members.size() < 2) continue;
      if (g.scope == ir::GroupScope::All && std::none_of(members.begin(), members.end(), ofDocument)) continue;
      int best = members[0];
      for (int k : members)
        if (better(awards[k], payable[k], awards[best], payable[best], g)) best = k;
      const Award& kept = awards[best];
      const std::string keptAmount = amountText(polrt::min(kept.lo, payable[best]), payable[best], kept.form);
      for (int k : members) {
        if (k == best) continue;
        Award& aw = awards[k];
        aw.status = Status::Dropped;
        const int tie = tieRule(g, kept, payable[best], aw, payable[k]);
        aw.reason = polrt::dropReason(g.name, describe(kept), keptAmount, g.text, tie, documentOf(kept));
        drops_.push_back(Drop{k, static_cast<int>(&g - p_.groups.data()), best, keptAmount, tie, aw.explanation.size()});
        explainLine(aw, aw.reason);
        explainCompared(awards, k, {k, best}, payable, g);
        explainNotes(aw, g.name, g.notes);
      }
      // A tie is settled by 优先 and citation order, not by the amount: say so.
      const bool tie = std::any_of(members.begin(), members.end(),
                                   [&](int k) { return k != best && payable[k] == payable[best]; });
      explainLine(awards[best], polrt::keptLine(g.name, tie));
      std::vector<int> others{best};
      for (int k : members)
        if (k != best) others.push_back(k);
      explainCompared(awards, best, others, payable, g);
      explainNotes(awards[best], g.name, g.notes);
    }
  }

  // The awards compared were those of `which` (`self` first) after the caps over several clauses:
  // when a cap cut what one would pay, the line says which cap cut it to what.
  void explainCompared(std::vector<Award>& awards, int self, const std::vector<int>& which,
                       const std::vector<Decimal>& payable, const ir::Group& g) {
    if (!o_.explain) return;
    std::vector<std::string> parts;
    for (int k : which) {
      const Award& aw = awards[k];
      if (payable[k] == aw.hi) continue;
      std::vector<std::string> steps;
      for (const Cut& c : cuts_)
        if (c.award == k) {
          const ir::Cap& cap = p_.caps[c.cap];
          steps.push_back(polrt::capCut(static_cast<int>(cap.period), cap.name, money(cap.amount),
                                        amountText(c.lo, c.hi, aw.form)));
        }
      parts.push_back(polrt::cutAward(k == self ? "本项" : describe(aw), amountText(aw.lo, aw.hi, aw.form), steps));
    }
    if (!parts.empty()) explainLine(awards[self], polrt::comparedAfterCaps(g.name, parts));
  }

  void explainNotes(Award& aw, const std::string& whose, const std::vector<std::string>& notes) {
    for (const auto& n : notes) explainLine(aw, polrt::noteLine(whose, n));
  }

  // The awards of a partition with members not assessable that are still counted after every group
  // (the one kept, or the only one counted) may be replaced once those are assessed: a note each.
  void markReplaceable(std::vector<Award>& awards) const {
    for (const Replaceable& m : replaceable_) {
      Award& aw = awards[m.award];
      if (!aw.counted()) continue;
      std::vector<std::string> names;
      for (int k : m.unassessed) {
        names.push_back(describe(awards[k]));
        if (std::find(aw.mayBeReplacedBy.begin(), aw.mayBeReplacedBy.end(), names.back()) == aw.mayBeReplacedBy.end())
          aw.mayBeReplacedBy.push_back(names.back());
      }
      aw.notes.push_back(polrt::replaceableNote(p_.groups[m.group].name, names));
    }
  }

  // A later group may drop the award an earlier one kept: the earlier drop then says so and names
  // the award finally kept (never a chain without end: a dropped award competes in no later group).
  void settleDrops(std::vector<Award>& awards) {
    std::vector<int> dropOf(awards.size(), -1);
    for (std::size_t d = 0; d < drops_.size(); ++d) dropOf[drops_[d].award] = static_cast<int>(d);
    for (const Drop& d : drops_) {
      if (awards[d.kept].status != Status::Dropped) continue;
      int last = d.kept;
      while (awards[last].status == Status::Dropped) last = drops_[dropOf[last]].kept;
      const ir::Group& g = p_.groups[d.group];
      Award& aw = awards[d.award];
      aw.reason = polrt::dropReasonChained(g.name, describe(awards[d.kept]), d.keptAmount, d.tie,
                                           documentOf(awards[d.kept]), p_.groups[drops_[dropOf[d.kept]].group].name,
                                           describe(awards[last]), g.text);
      if (o_.explain) aw.explanation[d.line] = aw.reason;
    }
  }

  std::string describe(const Award& aw) const {
    const ir::Clause& cl = p_.clauses[aw.clause];
    return cl.citation + (a_.instances[aw.instance].parent >= 0 ? " " + a_.instances[aw.instance].path : "");
  }

  // Whether `a` (paying at most `aHi`) beats `b` in a take-the-highest group.
  bool better(const Award& a, const Decimal& aHi, const Award& b, const Decimal& bHi, const ir::Group& g) const {
    int c = polrt::compare(aHi, bHi);
    if (c != 0) return c > 0;
    int da = p_.clauses[a.clause].document, db = p_.clauses[b.clause].document;
    const int ra = polrt::preferRank(g.prefer, da), rb = polrt::preferRank(g.prefer, db);
    if (ra != rb) return ra < rb;
    if (da != db) return da < db;
    if (a.clause != b.clause) return a.clause < b.clause;
    return a.instance < b.instance;
  }
  // How `kept` beat `dropped` (polrt::tieRule), each paying at most what the group compared.
  int tieRule(const ir::Group& g, const Award& kept, const Decimal& keptHi, const Award& dropped,
              const Decimal& droppedHi) const {
    return polrt::tieRule(keptHi == droppedHi, polrt::preferRank(g.prefer, p_.clauses[kept.clause].document),
                          polrt::preferRank(g.prefer, p_.clauses[dropped.clause].document));
  }
  const std::string& documentOf(const Award& aw) const { return p_.documents[p_.clauses[aw.clause].document].number; }

  // ---- step 7: caps over several clauses ----------------------------------------------------------
  // The citation of the member with the largest award (the first of equals), for an error.
  std::string largestCitation(const std::vector<int>& members, const std::vector<Award>& awards) const {
    int best = members.front();
    for (int i : members)
      if (awards[i].hi > awards[best].hi) best = i;
    return p_.clauses[awards[best].clause].citation;
  }

  void cap(const ir::Cap& k, std::vector<Award>& awards) {
    std::map<int, std::vector<int>> byOwner;
    for (int i = 0; i < static_cast<int>(awards.size()); ++i) {
      const Award& aw = awards[i];
      if (aw.kind != ir::AwardKind::Pay || !aw.counted()) continue;
      if (std::find(k.clauses.begin(), k.clauses.end(), aw.clause) == k.clauses.end()) continue;
      int owner = ownerInstance(aw.instance, k.per);
      if (owner >= 0) byOwner[owner].push_back(i);
    }
    const std::string where = "上限 " + k.name;
    for (auto& ownerMembers : byOwner) {
      // Named, not a structured binding: a lambda below reads the members, and C++17 lets no lambda
      // capture a structured binding (clang refuses it; gcc allows it).
      const int owner = ownerMembers.first;
      std::vector<int>& members = ownerMembers.second;
      Decimal received;
      // An award received this year of a member's clause and item is that member, evaluated again:
      // not counted a second time (cap_year_words.h).
      auto pays = [&](int c, int item) {
        return std::any_of(members.begin(), members.end(), [&](int i) {
          const Award& aw = awards[i];
          return aw.clause == c && aw.instance == item &&
                 polrt::capPaysOwn(static_cast<int>(aw.status), static_cast<int>(aw.kind), aw.computedHi);
        });
      };
      auto at = [&](int r) -> const ReceivedAward& { return a_.received[static_cast<std::size_t>(r)]; };
      for (int ri = 0; k.period != ir::CapPeriod::Once && ri < static_cast<int>(a_.received.size()); ++ri) {
        const ReceivedAward& r = at(ri);
        if (r.clause < 0 || std::find(k.clauses.begin(), k.clauses.end(), r.clause) == k.clauses.end()) continue;
        if (ownerInstance(r.instance, k.per) != owner) continue;
        if (!polrt::capCountsAward(
                static_cast<int>(k.period), ri, year_, [&](int x) { return at(x).clause; },
                [&](int x) { return at(x).year; }, [&](int x) { return at(x).instance; }, pays))
          continue;
        received = plus(received, r.amount, where + "（加上已获奖励 " + r.citation + " 时）");
      }
      Decimal sumLo = received, sumHi = received;
      for (int i : members) {
        const std::string adding = where + "（加上 " + p_.clauses[awards[i].clause].citation + " 时）";
        sumLo = plus(sumLo, awards[i].lo, adding);
        sumHi = plus(sumHi, awards[i].hi, adding);
      }
      // Compared first: a cap far above the sum (10^37 元) would overflow the subtraction.
      const std::string taking = sumHi > k.amount ? polrt::capExcessPlace(k.name, largestCitation(members, awards)) : where;
      Decimal excessHi = sumHi > k.amount ? minus(sumHi, k.amount, taking) : Decimal();
      Decimal excessLo = sumLo > k.amount ? minus(sumLo, k.amount, taking) : Decimal();
      if (excessHi.isZero() && excessLo.isZero()) continue;
      // Reverse citation order: the last clause (and, within it, the last item) gives way first.
      std::sort(members.begin(), members.end(), [&](int x, int y) {
        return std::tie(awards[x].clause, awards[x].instance) > std::tie(awards[y].clause, awards[y].instance);
      });
      std::string head = fmt::format("{} {}：合计 {}{}，超出 {}", k.name, money(k.amount), money(sumHi),
                                     received.isZero() ? "" : fmt::format("（含已获 {}）", money(received)),
                                     money(excessHi));
      for (int i : members) {
        if (excessHi.isZero() && excessLo.isZero()) break;
        Award& aw = awards[i];
        Decimal cutHi = polrt::min(aw.hi, excessHi);
        Decimal cutLo = polrt::min(aw.lo, excessLo);
        if (cutHi.isZero() && cutLo.isZero()) continue;
        aw.hi = minus(aw.hi, cutHi, where);
        aw.lo = minus(aw.lo, cutLo, where);
        if (aw.lo > aw.hi) aw.lo = aw.hi;
        excessHi = minus(excessHi, cutHi, where);
        excessLo = minus(excessLo, cutLo, where);
        if (trial_ && o_.explain) cuts_.push_back(Cut{i, static_cast<int>(&k - p_.caps.data()), aw.lo, aw.hi});
        aw.capped = true;
        if (aw.status == Status::Kept) aw.status = Status::Capped;
        // The reason quotes the cap's 原文, as a drop's quotes its group's.
        aw.reason = head + fmt::format("；本项减至 {}", amountText(aw.lo, aw.hi, aw.form)) +
                    (k.text.empty() ? "" : "；原文：" + k.text);
        explainLine(aw, std::string(polrt::capKind(static_cast<int>(k.period))) + "：" + aw.reason);
        explainNotes(aw, k.name, k.notes);
      }
    }
  }

  // ---- steps 8–9: quota (marked in item()), installments, funding ---------------------------------
  void finish(Award& aw) {
    const polrt::FundingReach reach = polrt::fundingReach(static_cast<int>(aw.kind), aw.counted());
    if (reach == polrt::FundingReach::None) return;
    const bool full = reach == polrt::FundingReach::Full;
    const ir::Clause& cl = p_.clauses[aw.clause];
    const ir::Document& doc = p_.documents[cl.document];
    const std::string where = cl.citation;
    if (full && !cl.installments.empty()) {
      // Each part is paid, so it is rounded as a funding part is (to the document's 舍入, else to
      // the fen), never beyond what is left; the last part takes the remainder.
      const polrt::PartRounding rounding = partRounding(doc);
      Decimal restLo = aw.lo, restHi = aw.hi;
      for (std::size_t i = 0; i < cl.installments.size(); ++i) {
        Installment part{year_ + static_cast<int>(i), restLo, restHi};
        if (i + 1 < cl.installments.size()) {
          part.lo = atMost(roundTo(times(aw.lo, cl.installments[i], where), rounding.unit, rounding.mode, where), restLo);
          part.hi = atMost(roundTo(times(aw.hi, cl.installments[i], where), rounding.unit, rounding.mode, where), restHi);
        }
        restLo = minus(restLo, part.lo, where);
        restHi = minus(restHi, part.hi, where);
        aw.installments.push_back(part);
      }
      // A remainder the last year took is explained in the notes too, explained or not: the JSON
      // result is what a finance bureau's program reads.
      const polrt::Remainder uneven = polrt::installmentsRemainder(
          static_cast<int>(aw.installments.size()), aw.lo, aw.hi, rounding,
          [&](int i) -> const Installment& { return aw.installments[static_cast<std::size_t>(i)]; },
          [&](int i) -> const Decimal& { return cl.installments[static_cast<std::size_t>(i)]; });
      const std::string& reason = uneven.reason;
      aw.installmentsRemainder = uneven.part;
      remainderNote(aw, reason, polrt::installmentsRemainderNote);
      if (o_.explain) {
        std::string line = "分期：";
        for (const auto& part : aw.installments)
          line += (&part == &aw.installments.front() ? "" : "，") + std::to_string(part.year) + "年 " +
                  amountText(part.lo, part.hi, aw.form);
        aw.explanation.push_back(line + polrt::remainderAside(reason));
      }
    }
    if (doc.funding.empty()) return;
    ExprEval ev(p_, a_, date_, aw.instance, cl.citation, false);
    auto undecided = [&](const ir::FundingRule& rule) {
      const std::string missing = join(ev.missing, "、");
      aw.fundingUndecided = true;
      aw.notes.push_back(polrt::fundingUndecidedNote(missing));
      explainLine(aw, polrt::fundingUndecidedLine(rule.source, missing));
      explainNotes(aw, polrt::fundingName(), doc.fundingNotes);
    };
    for (std::size_t r = 0; r < doc.funding.size(); ++r) {
      const ir::FundingRule& rule = doc.funding[r];
      if (!rule.kinds.empty()) {
        if (std::find(rule.kinds.begin(), rule.kinds.end(), cl.kind) == rule.kinds.end()) continue;
      } else if (!rule.otherwise) {
        if (r >= cl.fundingConditions.size() || cl.fundingConditions[r].empty()) continue;
        try {
          if (!ev.condition(cl.fundingConditions[r][0])) continue;
        } catch (const NotAssessable&) {
          undecided(rule);  // a 一事一议 award too: the rule it falls under may be the one in words
          return;
        } catch (const NoMatch&) {
          continue;
        }
      }
      if (rule.arrangement) {
        aw.fundingArrangement = *rule.arrangement;
        explainLine(aw, "资金分担：" + *rule.arrangement);
        explainNotes(aw, polrt::fundingName(), doc.fundingNotes);
        return;
      }
      if (!full) return;
      // 辖区（所在地）: the payer is the district the fact names; without the fact, no one is billed.
      std::vector<std::string> payers;
      for (const auto& s : rule.shares) payers.push_back(s.payer);
      payers.insert(payers.end(), rule.ratioPayers.begin(), rule.ratioPayers.end());
      ev.missing.clear();
      try {
        if (r < cl.fundingPayers.size())
          for (const auto& pf : cl.fundingPayers[r])
            payers[static_cast<std::size_t>(pf.payer)] = p_.enums[static_cast<std::size_t>(pf.fact.type.enumIndex)]
                                                             .members[static_cast<std::size_t>(ev.eval(pf.fact).e)];
      } catch (const NotAssessable&) {
        undecided(rule);
        return;
      }
      const int twice = polrt::repeatedPayer(static_cast<int>(payers.size()), [&](int i, int j) {
        return payers[static_cast<std::size_t>(i)] == payers[static_cast<std::size_t>(j)];
      });
      if (twice >= 0)
        throw EvalError(polrt::errorAt(cl.citation, rule.source, polrt::payerTwice(payers[static_cast<std::size_t>(twice)])));
      const polrt::Remainder uneven = split(aw, doc, rule, payers);
      const std::string& reason = uneven.reason;
      aw.fundingRemainder = uneven.part;
      remainderNote(aw, reason, polrt::fundingRemainderNote);
      explainLine(aw, "资金分担：" + rule.source + "：" + fundingText(aw) + polrt::remainderAside(reason));
      explainNotes(aw, polrt::fundingName(), doc.fundingNotes);
      return;
    }
  }

  // The note of a remainder (polrt::remainder), after the funding note that cannot be with it.
  static void remainderNote(Award& aw, const std::string& reason, std::string (*note)(const std::string&)) {
    if (reason.empty()) return;
    aw.notes.push_back(note(reason));
    ++aw.remainderNotes;
  }

  static Decimal atMost(const Decimal& v, const Decimal& limit) { return v > limit ? limit : v; }
  // The payer that takes what the other shares leave: 其余, else the last.
  static std::size_t restShare(const std::vector<ir::Share>& shares) {
    for (std::size_t i = 0; i < shares.size(); ++i)
      if (!shares[i].proportion) return i;
    return shares.size() - 1;
  }
  // How a part of an award (a payer's, a year's) is rounded: the document's 舍入, else to the fen;
  // with that rule in words.
  static polrt::PartRounding partRounding(const ir::Document& doc) {
    if (doc.rounding.present) return {doc.rounding.unit, doc.rounding.mode, doc.rounding.text};
    return polrt::defaultPartRounding();
  }

  // A payer's part of a ratio split, amount × part ÷ total, rounded once to the unit with the mode.
  // Not to 18 decimals first: a third of 0.014999999999999999元 is 0.0049999…97, which would
  // become 0.005 there and then 0.01 at the fen, where 四舍五入 gives 0.
  static Decimal ratioPart(const Decimal& amount, const Decimal& part, const Decimal& total, const Decimal& unit,
                           polrt::RoundingMode mode, const std::string& where) {
    Decimal q;
    checked(polrt::div(times(amount, part, where), times(total, unit, where), 0, mode, q), q, where);
    return times(q, unit, where).normalized();
  }

  // Splits the award; returns who took the remainder and why its parts differ (polrt::remainder),
  // none when they do not.
  polrt::Remainder split(Award& aw, const ir::Document& doc, const ir::FundingRule& rule,
                    const std::vector<std::string>& payers) {
    const std::string where = p_.clauses[aw.clause].citation + " 资金分担";
    if (!rule.ratioPayers.empty()) {
      Decimal total;
      for (const auto& part : rule.ratio) total = plus(total, part, where);
      const polrt::PartRounding rounding = partRounding(doc);
      const Decimal& unit = rounding.unit;
      const polrt::RoundingMode mode = rounding.mode;
      Decimal restLo = aw.lo, restHi = aw.hi;
      for (std::size_t i = 0; i < rule.ratioPayers.size(); ++i) {
        FundingPart part{payers[rule.shares.size() + i], restLo, restHi};
        if (i + 1 < rule.ratioPayers.size()) {
          // Rounded up (进一, or half up at .5), the parts before the last could exceed the
          // award and leave the last payer a negative part: a part never exceeds what is left.
          part.lo = atMost(ratioPart(aw.lo, rule.ratio[i], total, unit, mode, where), restLo);
          part.hi = atMost(ratioPart(aw.hi, rule.ratio[i], total, unit, mode, where), restHi);
        }
        restLo = minus(restLo, part.lo, where);
        restHi = minus(restHi, part.hi, where);
        aw.funding.push_back(part);
      }
      return remainderWords(aw, rounding, static_cast<int>(rule.ratioPayers.size()) - 1, total,
                            [&](int i) -> const Decimal& { return rule.ratio[static_cast<std::size_t>(i)]; });
    }
    // Shares are paid too: each rounded as a ratio part is, never beyond what is left; the 其余
    // payer, or without one the last, takes the remainder, so that the parts add up.
    const polrt::PartRounding rounding = partRounding(doc);
    const Decimal& unit = rounding.unit;
    const polrt::RoundingMode mode = rounding.mode;
    const std::size_t restIndex = restShare(rule.shares);
    Decimal restLo = aw.lo, restHi = aw.hi;
    for (std::size_t i = 0; i < rule.shares.size(); ++i) {
      const auto& s = rule.shares[i];
      FundingPart part{payers[i], Decimal(), Decimal()};
      if (i != restIndex) {
        part.lo = atMost(roundTo(times(aw.lo, *s.proportion, where), unit, mode, where), restLo).normalized();
        part.hi = atMost(roundTo(times(aw.hi, *s.proportion, where), unit, mode, where), restHi).normalized();
        restLo = minus(restLo, part.lo, where);
        restHi = minus(restHi, part.hi, where);
      }
      aw.funding.push_back(part);
    }
    aw.funding[restIndex].lo = restLo.normalized();
    aw.funding[restIndex].hi = restHi.normalized();
    return remainderWords(aw, rounding, static_cast<int>(restIndex), Decimal::fromParts(1, 0), [&](int i) -> const Decimal& {
      const auto& share = rule.shares[static_cast<std::size_t>(i)];
      return share.proportion ? *share.proportion : aw.lo;  // the rest's, never read
    });
  }

  // Why a split's parts differ when some part is not its exact share, num(i) ÷ den of the award:
  // the payer `rest` took the remainder (polrt::remainder).
  template <class Num>
  static polrt::Remainder remainderWords(const Award& aw, const polrt::PartRounding& rounding, int rest, const Decimal& den,
                                    Num num) {
    auto part = [&](int i) -> const FundingPart& { return aw.funding[static_cast<std::size_t>(i)]; };
    return polrt::remainder(static_cast<int>(aw.funding.size()), rest, aw.lo, aw.hi, den, rounding, num, part,
                            [&](int i) { return part(i).payer; });
  }

  std::string fundingText(const Award& aw) const {
    std::string out;
    for (const auto& f : aw.funding)
      out += (out.empty() ? "" : "，") + f.payer + " " + amountText(f.lo, f.hi, aw.form);
    return out;
  }

  // ---- step 10: totals ----------------------------------------------------------------------------
  void totals(Result& r) {
    Totals& t = r.totals;
    for (const auto& aw : r.awards) {
      // An overflow of a sum names the clause whose award made it overflow.
      const std::string where = "合计（加上 " + p_.clauses[aw.clause].citation + " 时）";
      if (aw.status == Status::Dropped) {
        ++t.dropped;
        continue;
      }
      if (aw.status == Status::NotAssessable) {
        ++t.notAssessable;
        continue;
      }
      if (aw.status == Status::AlreadyReceived) {
        ++t.alreadyReceived;
        continue;
      }
      if (aw.kind == ir::AwardKind::Benefit) {
        ++t.benefits;
        continue;
      }
      if (aw.kind == ir::AwardKind::Negotiated) {
        ++t.negotiated;
        continue;
      }
      if (aw.kind != ir::AwardKind::Pay) continue;
      switch (aw.form) {
        case AmountForm::Exact:
          t.exact = plus(t.exact, aw.hi, where);
          ++t.exactCount;
          break;
        case AmountForm::UpTo:
          t.upTo = plus(t.upTo, aw.hi, where);
          ++t.upToCount;
          break;
        case AmountForm::Range:
          t.rangeLo = plus(t.rangeLo, aw.lo, where);
          t.rangeHi = plus(t.rangeHi, aw.hi, where);
          ++t.rangeCount;
          break;
      }
      t.lo = plus(t.lo, aw.lo, where);
      t.hi = plus(t.hi, aw.hi, where);
      for (const auto& f : aw.funding) {
        auto& sum = t.byPayer[f.payer];
        sum.first = plus(sum.first, f.lo, where);
        sum.second = plus(sum.second, f.hi, where);
      }
    }
  }

  // A drop by a non-stacking group, until settleDrops() sees whether a later group dropped the award
  // kept (`line`: the drop's explanation line).
  struct Drop {
    int award, group, kept;
    std::string keptAmount;
    int tie;  // polrt::tieRule
    std::size_t line;
  };
  // A counted member of a partition some of whose members (`unassessed`) are not assessable.
  struct Replaceable {
    int award, group;
    std::vector<int> unassessed;
  };
  // A cut a cap over several clauses made on the trial copy (payable()): to what the award was cut.
  struct Cut {
    int award, cap;
    Decimal lo, hi;
  };

  const ir::Program& p_;
  const Applicant& a_;
  const Options& o_;
  bool trial_ = false;  // caps applied on a copy, to compare what awards would pay (payable())
  std::vector<Drop> drops_;
  std::vector<Replaceable> replaceable_;
  std::vector<Cut> cuts_;  // of the last trial, when explaining
  int date_ = 0;
  int year_ = 0;
};

}  // namespace

Result evaluate(const ir::Program& program, const Applicant& applicant, const Options& options) {
  return Evaluator(program, applicant, options).run();
}

}  // namespace polc::eval
