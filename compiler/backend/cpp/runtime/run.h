// polc_runtime.h, part 7 of 11: one run: the steps after the clauses (non-stacking, caps, installments, funding, totals).
// polc writes the parts as one header (runtime_header.cmake); each is a header of its own so
// that the source can be read, and compiled, a part at a time.
#pragma once

#include <exception>

#include "result.h"

namespace polc_rt {

// ---- one run ----------------------------------------------------------------------------------

// One evaluation into a Result: its buffers are the result's (Result::Work).
struct Run {
  const ProgramInfo& p;
  Result& r;
  int date = 0;
  int year = 0;
  int yearStart = 0;  // the first day of `year`
  bool explain = false;
  std::vector<ReceivedAt>& received;
  std::vector<std::vector<int>>& bySubject;  // instances of each subject, in order
  std::vector<MissingFact>& missing;         // of the clause being evaluated
  // Per payer of the funding rule that applies: the name of the value of the fact naming it
  // (辖区（所在地）, set by the generated funding selector), null for a payer that is a label.
  std::vector<const char*>& payers;
  std::vector<std::string>& lines;           // explanation lines of the clause being evaluated

  Run(const ProgramInfo& program, Result& result)
      : p(program),
        r(result),
        received(result.work.received),
        bySubject(result.work.bySubject),
        missing(result.work.missing),
        payers(result.work.payers),
        lines(result.work.lines) {}
  Run(const Run&) = delete;
  Run& operator=(const Run&) = delete;
  // An evaluation that throws leaves no awards behind (Result::clearAfterError): a caller that
  // catches the error and reads the reused Result must not see a part of an evaluation.
  ~Run() {
    if (std::uncaught_exceptions() > unwinding)
      r.clearAfterError();
    else
      r.evaluated = true;
  }
  const int unwinding = std::uncaught_exceptions();

  // Flattening: the generated code adds instances depth-first.
  int addInstance(int subject, int parent, int index, const void* data) {
    int id = static_cast<int>(r.instances.size());
    r.instances.push_back(Instance{subject, parent, index, data});
    if (static_cast<int>(bySubject.size()) <= subject) bySubject.resize(static_cast<std::size_t>(subject) + 1);
    bySubject[static_cast<std::size_t>(subject)].push_back(id);
    return id;
  }
  // Facts filled in code may name a received award's clause by its citation alone, or give an
  // index that is not a clause: the first is looked up, the second is an error (it was read out of
  // the table, and a citation alone was ignored, so a 一次性 award was paid again).
  void addReceived(int instance, const std::vector<Received>& list) {
    for (const auto& x : list) {
      int clause = x.clause;
      if (clause < -1 || clause >= p.clauses.size)
        throw EvalError("已获奖励: clause " + std::to_string(clause) + " is not a clause of this program (0 to " +
                        std::to_string(p.clauses.size - 1) + ")");
      if (clause < 0 && !x.citation.empty() && (clause = clauseIndex(p, x.citation)) < 0)
        throw EvalError("已获奖励: " + unknownCitation(quotedValue(x.citation), namesAnotherDocument(p, x.citation)));
      if (clause >= 0)
        if (std::string why = misplaced(p, clause, r.instances[static_cast<std::size_t>(instance)].subject); !why.empty())
          throw EvalError("已获奖励: " + why);
      // A target index out of range before a missing one: -5 is a target given wrong, not none given.
      if (x.target < -1 || x.target >= p.targets.size)
        throw EvalError("已获奖励: " + unknownTarget(std::to_string(x.target)) + " (the targets of this program are 0 to " +
                        std::to_string(p.targets.size - 1) + ", -1 for none)");
      if (clause < 0 && x.target < 0 && x.citation.empty())
        throw EvalError(std::string("已获奖励: ") + noCitationNorTarget());
      if (clause >= 0 && x.target >= 0)
        if (std::string why = otherTarget(p, clause, x.target); !why.empty()) throw EvalError("已获奖励: " + why);
      if (x.year < 0 || x.year > 9999) throw EvalError("已获奖励: " + notAYear(x.year));
      // As the reader: a negative amount received would raise a 晋级补差 top-up.
      if (x.amount.isNegative())
        throw EvalError("已获奖励: " + negativeAmount(quotedValue(x.amount.normalized().toString())));
      int target = clause >= 0 && x.target < 0 ? p.clauses[clause].target : x.target;
      received.push_back(ReceivedAt{instance, target, &x, clause});
    }
  }
  // polc eval's warnings about the awards received given by their target alone (Result::warnings),
  // found and worded as polc's facts reader does (polc_decimal.h, uncountedRules and
  // uncountedWarning): such an award names no clause, so the 累计/年度 caps over several clauses and
  // the 一次性 clauses of its target do not count it, and the result may pay more than the agency
  // expects. After flattening: the evaluation year is known and every award received is listed.
  void warnUncounted() {
    std::vector<std::string> rules;
    for (std::size_t i = 0; i < received.size(); ++i) {
      const ReceivedAt& x = received[i];
      if (x.clause >= 0 || x.target < 0) continue;  // named by its clause: every rule counts it
      rules.clear();
      uncountedRules(
          p.caps, p.clauses, x.target, r.instances[static_cast<std::size_t>(x.instance)].subject, x.award->year, year,
          [this](int sub, int ancestor) { return ownedBy(p, sub, ancestor); },
          [](const char* cite) { return std::string(cite); }, rules);
      if (rules.empty()) continue;
      // Its place in its item's 已获奖励: addReceived lists an item's awards together, in order.
      int place = 0;
      for (std::size_t j = 0; j < i; ++j) place += received[j].instance == x.instance ? 1 : 0;
      r.warnings.push_back(uncountedWarning(r.path(x.instance) + ".已获奖励[" + std::to_string(place) + "]",
                                            p.targets[x.target], rules));
    }
  }
  // polc eval's warnings about an item listing several items a clause pays (two 引荐人 of a
  // project), found and worded as it does (polc_decimal.h, sharedPayeeWarnings): every evaluator
  // pays the whole award to the first, which the policy does not ask for. After the last step, for
  // the awards the result grants (grantsPayee).
  void warnSharedPayees() {
    auto owned = [this](int sub, int ancestor) { return ownedBy(p, sub, ancestor); };
    // Found once per program and Result (payeesBelow): a pass over every clause at each evaluation
    // is what the VM measured at 0.45 µs an applicant.
    if (r.work.payeesOf != &p) {
      r.work.payeesBelow = payeesBelow(p.clauses, owned);
      r.work.payeesOf = &p;
    }
    sharedPayeeWarnings(
        r.work.payeesBelow, p.clauses, static_cast<int>(r.instances.size()),
        [this](int i) { return r.instances[static_cast<std::size_t>(i)].subject; },
        [this](int i) { return r.instances[static_cast<std::size_t>(i)].parent; },
        owned, [this](int i) { return r.path(i); }, [this](int sub) { return std::string(p.subjects[sub].name); },
        [](const ClauseInfo& cl) { return std::string(cl.citation); },
        // Asked only for an item listing several payees: a pass over the awards.
        [this](int c, int item) { return grants(c, item, &Award::payee); }, r.warnings);
  }
  // Whether the result grants something by clause c to the item in `who` (its payee or the item
  // it was evaluated for): a pass over the awards.
  bool grants(int c, int item, int Award::*who) const {
    for (const Award& aw : r.awards)
      if (aw.clause == c && aw.*who == item && grantsPayee(static_cast<int>(aw.status), static_cast<int>(aw.kind), aw.hi))
        return true;
    return false;
  }
  // polc eval's warnings about an award received in the evaluation year under a 一次性 clause that
  // the result pays again to its item (polc_decimal.h, onceThisYearWarnings): 一次性 counts earlier
  // years only, and whether a re-evaluation in the same year pays again is the policy owner's to say.
  // After warnSharedPayees, as polc eval gives them.
  void warnOnceThisYear() {
    auto at = [this](int x) -> const ReceivedAt& { return received[static_cast<std::size_t>(x)]; };
    onceThisYearWarnings(
        static_cast<int>(received.size()), p.clauses, year, [&](int x) { return at(x).clause; },
        [&](int x) { return at(x).award->year; }, [&](int x) { return at(x).instance; },
        [this](int i) { return r.path(i); }, [](const ClauseInfo& cl) { return std::string(cl.citation); },
        [this](int c, int item) { return grants(c, item, &Award::instance); }, r.warnings);
  }

  // polc eval's warnings about an award received in the evaluation year that a 累计 or 年度 cap took
  // to be the result's own award of its clause for its item, evaluated again, and did not count
  // (polc_decimal.h, capThisYearWarnings, the rule cap() applied). After warnOnceThisYear.
  void warnCapThisYear() {
    auto at = [this](int x) -> const ReceivedAt& { return received[static_cast<std::size_t>(x)]; };
    auto pays = [this](int c, int item) {
      for (const Award& aw : r.awards)
        if (aw.clause == c && aw.instance == item &&
            capPaysOwn(static_cast<int>(aw.status), static_cast<int>(aw.kind), aw.computedHi))
          return true;
      return false;
    };
    capThisYearWarnings(
        static_cast<int>(received.size()), p.caps, p.clauses, year, [&](int x) { return at(x).clause; },
        [&](int x) { return at(x).award->year; }, [&](int x) { return at(x).instance; },
        [this](int i) { return r.path(i); }, [](const char* name) { return std::string(name); },
        [](const ClauseInfo& cl) { return std::string(cl.citation); }, pays, r.warnings);
  }

  // A number filled in code outside its fact's bounds (values.h), tested where a clause reads it:
  // the lines are hot then, where testing every fact of every item first cost a batch ≈ 40 %.
  [[gnu::always_inline]] void bounded(int instance, const Dec& v, const Bounds& b) const {
    if (!b.holds(v)) outOfBounds(instance, v, b, "");
  }
  // `pastYear`, not `year`: a parameter named as the member warns under an embedder's -Wshadow.
  [[gnu::always_inline]] void bounded(int instance, const Dec& v, const Bounds& b, int pastYear) const {
    if (!b.holds(v)) outOfBounds(instance, v, b, " (" + std::to_string(pastYear) + ")");
  }
  // polc eval's warnings about recognitions granted after the evaluation date, found and worded as
  // its facts reader does (polc_decimal.h, lateGrants and lateGrantWarning): not held on that date,
  // no clause counts them. While flattening, in the order of the items and their facts: the first
  // warnings, as polc eval gives them. A member or day filled in code outside its range is passed
  // over here: a clause reading it refuses it (grantMember).
  template <class G>
  void warnLateGrants(int instance, const char* fact, const std::vector<G>& grants, const char* const* names,
                      std::size_t n) {
    polc_rt::lateGrants(
        grants, date, [](const G& g) { return static_cast<int>(g.member); }, [](const G& g) { return g.day; },
        [&](const G& g) {
          const int m = static_cast<int>(g.member);
          if (m < 0 || static_cast<std::size_t>(m) >= n || !dayInRange(g.day)) return;
          r.warnings.push_back(lateGrantWarning(r.path(instance) + "." + fact + "." + names[static_cast<std::size_t>(m)],
                                                formatDate(g.day), formatDate(date)));
        });
  }
  // As the readers, which read a year as four digits: a history year filled in code outside them
  // would never match the evaluation year or the one before it.
  template <class V>
  void historyYears(int instance, const char* fact, const std::map<int, V>& history) const {
    if (history.empty()) return;
    if (int y = history.begin()->first; y < 0) badYear(instance, fact, y);
    if (int y = history.rbegin()->first; y > 9999) badYear(instance, fact, y);
  }
  // A fact given for the evaluation year and its history's entry for that year must agree, as in
  // the reference evaluator: which of two values was read would decide the amounts, without a word.
  // The first disagreement (items in order, then facts, as the VM finds it) is kept while
  // flattening and reported by factsAgree() after the warnings: it is an evaluation error of an
  // applicant that was read, whose warnings stay (Result::clearAfterError), as the C API keeps them.
  template <class V>
  void thisYearAgrees(int instance, const char* fact, const std::optional<V>& given, const std::map<int, V>& history) {
    if (disagreeing >= 0 || !given || history.empty()) return;
    auto it = history.find(year);
    if (it != history.end() && it->second != *given) {
      disagreeing = instance;
      disagreeingFact = fact;
    }
  }
  void factsAgree() const {
    if (disagreeing >= 0) disagrees(disagreeing, disagreeingFact);
  }
  int disagreeing = -1;  // the item, or -1
  const char* disagreeingFact = nullptr;
  [[noreturn, gnu::cold, gnu::noinline]] void disagrees(int instance, const char* fact) const {
    throw EvalError(historyDisagrees(r.path(instance), fact, year));
  }
  [[noreturn, gnu::cold, gnu::noinline]] void badYear(int instance, const char* fact, int given) const {
    throw EvalError(r.path(instance) + ".history." + fact + ": " + notAYear(given));
  }
  [[noreturn, gnu::cold, gnu::noinline]] void missingRequired(int instance, const char* fact) const {
    throw EvalError(r.path(instance) + "." + fact + ": " + missingRequiredFact());
  }
  // A day set in code outside the years 0000 to 9999 (dates.h).
  [[gnu::always_inline]] void day(int instance, int v, const char* fact) const {
    if (!dayInRange(v)) badDay(instance, v, fact);
  }
  [[noreturn, gnu::cold, gnu::noinline]] void badDay(int instance, int v, const char* fact) const {
    throw FactError(r.path(instance) + "." + fact + ": day " + std::to_string(v) +
                    " is outside the years 0000 to 9999 (days " + std::to_string(kFirstDay) + " to " +
                    std::to_string(kLastDay) + ")");
  }
  // An enum value cast beyond its enum in code: an EvalError, not a read past a table of members.
  [[gnu::always_inline]] void member(int instance, int v, int size, const char* fact) const {
    if (v < 0 || v >= size) notAMember(instance, v, size, fact);
  }
  [[noreturn, gnu::cold, gnu::noinline]] void notAMember(int instance, int v, int size, const char* fact) const {
    throw FactError(r.path(instance) + "." + fact + ": " + std::to_string(v) + " is not a member of its enum (0 to " +
                    std::to_string(size - 1) + ")");
  }
  [[noreturn, gnu::cold, gnu::noinline]] void outOfBounds(int instance, const Dec& v, const Bounds& b,
                                                           const std::string& yearNote) const {
    throw FactError(r.path(instance) + "." + b.fact + yearNote + ": " + b.why(v, quotedValue(v.normalized().toString())));
  }
  Span<int> instancesOf(int subject) const {
    if (subject >= static_cast<int>(bySubject.size())) return {};
    const std::vector<int>& list = bySubject[static_cast<std::size_t>(subject)];
    return Span<int>{list.data(), static_cast<int>(list.size())};
  }
  template <class T>
  const T& data(int instance) const {
    return *static_cast<const T*>(r.instances[static_cast<std::size_t>(instance)].data);
  }
  int parent(int instance) const { return r.instances[static_cast<std::size_t>(instance)].parent; }
  bool inForce(int document) const {
    const DocumentInfo& d = p.documents[document];
    return !(d.hasFrom && date < d.from) && !(d.hasTo && date > d.to);
  }

  // ---- facts ----
  T4 need(const char* name, int y = 0, uint8_t how = 0) {
    MissingFact m{name, y, how};
    if (std::find(missing.begin(), missing.end(), m) == missing.end()) missing.push_back(m);
    return T4::U;
  }
  template <class V>
  const V* previous(const std::map<int, V>& history) const {
    auto it = history.find(year - 1);
    return it == history.end() ? nullptr : &it->second;
  }
  // A fact given this year, or this year's entry of its history.
  template <class V>
  const V* now(const std::optional<V>& v, const std::map<int, V>& history) const {
    if (v) return &*v;
    auto it = history.find(year);
    return it == history.end() ? nullptr : &it->second;
  }
  std::optional<Dec> historyMax(const std::map<int, Dec>& history) const {
    std::optional<Dec> best;
    for (const auto& [y, v] : history)
      if (y < year) best = best ? polc_rt::max(*best, v) : v;
    return best;
  }
  // X 首次超 T: X > T this year and no earlier year above T.
  bool firstOver(const Dec& x, const std::map<int, Dec>& history, const Dec& threshold) const {
    if (!(x > threshold)) return false;
    auto best = historyMax(history);
    return !best || *best <= threshold;
  }
  bool firstOver(const Dec& x, const Dec& threshold) const { return x > threshold; }
  // The same, the earlier years read through their highest value, which must be within the fact's
  // bounds (bounded, below).
  bool firstOver(const Dec& x, const std::map<int, Dec>& history, const Dec& threshold, int instance,
                 const Bounds& b) const {
    if (!(x > threshold)) return false;
    auto best = historyMax(history, instance, b);
    return !best || *best <= threshold;
  }
  // The highest earlier year, as 首次超 reads it (and whyNot shows it beside a 首次超 that
  // evaluate may have decided on this year's value alone): within the fact's bounds.
  std::optional<Dec> historyMax(const std::map<int, Dec>& history, int instance, const Bounds& b) const {
    auto best = historyMax(history);
    if (best && !b.holds(*best)) outOfBounds(instance, *best, b, " (an earlier year)");
    return best;
  }
  // Recognitions held on the evaluation date, and those granted in its year.
  // A member beyond the enum (a cast in an embedder's code) is an EvalError, not bitset's
  // std::out_of_range.
  // A grant's day outside the years 0000 to 9999 (but kLongAgo) is an EvalError as well. Both name
  // the item and the fact, as an enum's error does: a schema has several recognitions.
  template <std::size_t N, class G>
  [[gnu::always_inline]] std::size_t grantMember(int instance, const char* fact, const G& g) const {
    const auto m = static_cast<unsigned>(static_cast<int>(g.member));
    if (m >= N || (g.day != kLongAgo && !dayInRange(g.day))) badGrant(instance, fact, static_cast<int>(m), g.day, N);
    return m;
  }
  [[noreturn, gnu::cold, gnu::noinline]] void badGrant(int instance, const char* fact, int m, int day,
                                                       std::size_t n) const {
    const std::string where = r.path(instance) + "." + fact;
    if (m < 0 || static_cast<std::size_t>(m) >= n)
      throw FactError(where + ": member " + std::to_string(m) + " is not a member of its enum (0 to " +
                      std::to_string(n - 1) + ")");
    throw FactError(where + ": the day " + std::to_string(day) + " a recognition was granted is outside the years 0000 to 9999");
  }
  template <std::size_t N, class G>
  std::bitset<N> held(int instance, const char* fact, const std::vector<G>& grants) const {
    std::bitset<N> b;
    for (const auto& g : grants) {
      const std::size_t m = grantMember<N>(instance, fact, g);
      if (heldOn(g.day, date)) b.set(m);
    }
    return b;
  }
  template <std::size_t N, class G>
  std::bitset<N> newly(int instance, const char* fact, const std::vector<G>& grants) const {
    std::bitset<N> b;
    for (const auto& g : grants) {
      const std::size_t m = grantMember<N>(instance, fact, g);
      if (heldOn(g.day, date) && g.day >= yearStart) b.set(m);  // granted this year
    }
    return b;
  }
  // A parameter's value on `day`: the last entry on or before it.
  template <class V, std::size_t N>
  const V& paramAt(const std::pair<int, V> (&entries)[N], int day, const char* name, const Where& w) const {
    const V* found = nullptr;
    for (const auto& e : entries)
      if (e.first <= day) found = &e.second;
    if (!found)
      fail(w, noValueOn(name, formatDate(day), formatDate(entries[0].first)));
    return *found;
  }
  // The first day of the entry paramAt chose (for the explanation).
  template <class V, std::size_t N>
  static int paramFrom(const std::pair<int, V> (&entries)[N], int day) {
    int from = entries[0].first;
    for (const auto& e : entries)
      if (e.first <= day) from = e.first;
    return from;
  }
  void explainLine(Award& aw, std::string line) const {
    if (explain) aw.explanation.push_back(std::move(line));
  }

  // ---- steps of one clause for one item ----
  // The payee: the instance of `subject` owning the item, else the first item of that subject
  // under the instance of its owner.
  void setPayee(Award& aw, int payeeSubject) const {
    aw.payeeSubject = payeeSubject;
    int i = ownerInstance(aw.instance, payeeSubject);
    if (i < 0) {
      int owner = p.subjects[payeeSubject].owner;
      int o = owner >= 0 ? ownerInstance(aw.instance, owner) : -1;
      if (o >= 0)
        for (std::size_t k = static_cast<std::size_t>(o) + 1; k < r.instances.size(); ++k)
          if (r.instances[k].parent == o && r.instances[k].subject == payeeSubject) {
            i = static_cast<int>(k);
            break;
          }
    }
    aw.payee = i;
  }
  int ownerInstance(int item, int subject) const {
    for (int i = item; i >= 0; i = r.instances[static_cast<std::size_t>(i)].parent)
      if (r.instances[static_cast<std::size_t>(i)].subject == subject) return i;
    return -1;
  }

  // The conditions hold (or cannot be decided): the award is listed.
  Award& begin(int clause, int instance) {
    r.awards.emplace_back();
    Award& aw = r.awards.back();
    const ClauseInfo& cl = p.clauses[clause];
    aw.clause = clause;
    aw.instance = instance;
    aw.kind = cl.award;
    setPayee(aw, cl.payee);
    return aw;
  }
  void drop() { r.awards.pop_back(); }

  // After the conditions: explanation, 一次性. Returns false when the award is complete. (The
  // clause's 释义 are not copied: Result::notes reads them from the clause table.)
  // `conditionLines`: how many of the explanation lines so far are the conditions' (a clause that
  // is not 一次性 has computed its amount already: the lines after them are the amount's).
  bool afterConditions(Award& aw, bool unknown, bool hasConditions, std::size_t conditionLines = SIZE_MAX) {
    const ClauseInfo& cl = p.clauses[aw.clause];
    if (explain) {
      aw.explanation.push_back(std::string("原文：") + cl.text);
      for (const auto& n : cl.notes) aw.explanation.push_back(std::string("释义：") + n);
      const std::size_t n = std::min(conditionLines, lines.size());
      for (std::size_t i = 0; i < n; ++i) aw.explanation.push_back(std::move(lines[i]));
      lines.erase(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(n));
      if (hasConditions) aw.explanation.push_back(unknown ? "条件：尚不能判断" : "条件：均满足");
    } else {
      lines.clear();
    }
    if (!unknown && cl.once) {
      for (const auto& rec : received) {
        if (rec.clause != aw.clause || rec.award->year >= year || rec.instance != aw.instance) continue;
        aw.status = Status::AlreadyReceived;
        aw.why.kind = ReasonKind::AlreadyReceived;
        aw.why.index = rec.award->year;
        aw.why.a = rec.award->amount;
        if (explain) explainLine(aw, r.reason(aw));
        return false;
      }
    }
    if (explain && !unknown && cl.award == AwardKind::Negotiated && cl.negotiatedBasis[0])
      explainLine(aw, negotiatedLine(cl.negotiatedBasis));
    return true;
  }

  // The amount of a paying clause: `a` from the 给予 expression, `capped` the per-item 上限.
  // The same mantissa and scale: any computation gives the same result for both (an exact
  // amount's two ends are rounded and split once).
  static bool sameDigits(Dec a, Dec b) { return a.mantissa() == b.mantissa() && a.scale() == b.scale(); }

  // A negative amount is the clause's error before its cap is computed (the cap could fail
  // too), as in the reference evaluator and the VM: called between the two when there is a cap.
  void checkAmount(int clause, const Amount& a, const char* source) {
    if (a.lo.isNegative() || a.hi.isNegative() || a.lo > a.hi)
      fail(Where{p.clauses[clause].citation, source}, badAmount(a.lo, a.hi));
  }

  void setAmount(Award& aw, const Amount& a, const Amount* cap, const char* source) {
    const ClauseInfo& cl = p.clauses[aw.clause];
    const Where where{cl.citation, nullptr};
    checkAmount(aw.clause, a, source);
    if (explain) {
      // A value the conditions computed already (增量(x) in 条件 and in 给予) is listed once.
      for (auto& l : lines)
        if (std::find(aw.explanation.begin(), aw.explanation.end(), l) == aw.explanation.end())
          aw.explanation.push_back(std::move(l));
      lines.clear();
    }
    aw.form = a.form;
    aw.lo = a.lo;
    aw.hi = a.hi;
    if (explain) explainLine(aw, std::string("计算：") + source + " = " + amountText(aw.lo, aw.hi, aw.form));
    if (cap) {
      if (cap->lo.isNegative()) fail(where, badCap(cap->lo));
      if (aw.hi > cap->lo || aw.lo > cap->lo) {
        aw.lo = polc_rt::min(aw.lo, cap->lo);
        aw.hi = polc_rt::min(aw.hi, cap->lo);
        if (explain) explainLine(aw, "超过" + capLabel(cl) + " " + money(cap->lo) + "，按上限 " + amountText(aw.lo, aw.hi, aw.form));
      } else if (explain) {
        explainLine(aw, "未超过" + capLabel(cl) + " " + money(cap->lo));
      }
    }
    if (cl.topup) {
      Dec already;
      for (const auto& rec : received)
        if (rec.target == cl.target && cl.target >= 0 && rec.award->year <= year &&
            (rec.instance == aw.payee || rec.instance == aw.instance))  // up to this year, as a 累计 cap
          already = add(already, rec.award->amount, where);
      Dec lo = polc_rt::max(sub(aw.lo, already, where), Dec());
      Dec hi = polc_rt::max(sub(aw.hi, already, where), Dec());
      if (explain)
        explainLine(aw, "晋级补差：已获同一标的奖励 " + money(already) + "，补差后 " + amountText(lo, hi, aw.form));
      aw.lo = lo;
      aw.hi = hi;
    }
    const DocumentInfo& doc = p.documents[cl.document];
    if (doc.rounds) {
      Dec lo = roundTo(aw.lo, doc.unit, doc.mode, where);
      Dec hi = sameDigits(aw.lo, aw.hi) ? lo : roundTo(aw.hi, doc.unit, doc.mode, where);
      if (explain && (lo != aw.lo || hi != aw.hi))
        explainLine(aw, std::string("舍入（") + doc.roundingText + "）：" + amountText(lo, hi, aw.form));
      aw.lo = lo;
      aw.hi = hi;
    }
    aw.computedHi = aw.hi;
  }
  static std::string capLabel(const ClauseInfo& cl) { return cl.capLabel[0] ? cl.capLabel : "单项上限"; }

  // The end of one clause for one item: a condition or the amount needs an absent fact …
  void notAssessable(Award& aw) {
    aw.status = Status::NotAssessable;
    aw.why.kind = ReasonKind::MissingFacts;
    keepMissing(aw);  // run.missing holds each fact once (need)
    if (explain) aw.explanation.push_back("无法评估：" + r.reason(aw));
  }
  // … or, for a clause with a 名额, whether it is granted depends on the other applicants.
  void quotaLimited(Award& aw) {
    aw.quotaLimited = true;
    aw.status = Status::QuotaLimited;
    aw.why.kind = ReasonKind::Quota;
    if (explain) aw.explanation.push_back(r.reason(aw));
  }
  void keepMissing(Award& aw) {
    aw.missingFrom = static_cast<int>(r.missingFacts.size());
    aw.missingCount = static_cast<int>(missing.size());
    r.missingFacts.insert(r.missingFacts.end(), missing.begin(), missing.end());
  }

  // ---- steps 7–11 ----
  // The generated code calls the steps its policy set has (a set without caps over several clauses
  // skips them, and non-stacking compares the ceilings without a trial of the caps).
  void finishRun() {
    for (int g = 0; g < p.groups.size; ++g) group(g, payable());
    settleDrops();
    for (const auto& k : p.caps) cap(k, r.awards, false);
    finishAwards();
    totals();
  }
  void finishAwards() {
    // Only an award that pays has installments and a funding split, a 一事一议 one a funding rule
    // in words (fundingReach); the test is here, not in the call, so that the others (most awards)
    // cost no call.
    for (auto& aw : r.awards)
      if (const FundingReach reach = fundingReach(static_cast<int>(aw.kind), aw.counted()); reach != FundingReach::None)
        finishAward(aw, reach == FundingReach::Full);
  }

  int groupKey(const GroupInfo& g, int item) const {
    for (int i = item; i >= 0; i = r.instances[static_cast<std::size_t>(i)].parent)
      if (g.per.contains(r.instances[static_cast<std::size_t>(i)].subject)) return i;
    if (g.perItem) return item;
    if (g.per.size == 0) return 0;
    return -1;
  }

  // What each award would pay: its ceiling after the caps over several clauses, applied to a copy.
  // Non-stacking compares these, so that it never keeps an award a cap then cuts below the one it
  // dropped.
  const std::vector<Dec>& payable() {
    std::vector<Dec>& out = r.work.pay;
    out.clear();
    r.work.cuts.clear();
    if (p.caps.size == 0) {
      for (const auto& aw : r.awards) out.push_back(aw.hi);
      return out;
    }
    std::vector<Trial>& trial = r.work.trial;
    trial.clear();
    for (const auto& aw : r.awards) trial.push_back(Trial{aw.clause, aw.instance, aw.kind, aw.status, aw.lo, aw.hi, false});
    for (const auto& k : p.caps) cap(k, trial, true);
    for (const auto& t : trial) out.push_back(t.hi);
    return out;
  }

  bool better(const Award& a, const Dec& aHi, const Award& b, const Dec& bHi, const GroupInfo& g) const {
    int c = compare(aHi, bHi);
    if (c != 0) return c > 0;
    int da = p.clauses[a.clause].document, db = p.clauses[b.clause].document;
    const int ra = preferRank(g.prefer, da), rb = preferRank(g.prefer, db);
    if (ra != rb) return ra < rb;
    if (da != db) return da < db;
    if (a.clause != b.clause) return a.clause < b.clause;
    return a.instance < b.instance;
  }

  void group(int groupIndex, const std::vector<Dec>& pay) {
    const GroupInfo& g = p.groups[groupIndex];
    // key: (owner or a unique negative number, target or -1) → members in award order
    std::vector<std::tuple<int, int, int>>& members = r.work.members;  // key, target, award
    members.clear();
    int alone = -1;
    for (int k = 0; k < static_cast<int>(r.awards.size()); ++k) {
      const Award& aw = r.awards[static_cast<std::size_t>(k)];
      // A member not assessable decides no drop, but makes the award kept provisional.
      if (aw.kind != AwardKind::Pay || !(aw.counted() || aw.status == Status::NotAssessable)) continue;
      const ClauseInfo& cl = p.clauses[aw.clause];
      bool inScope = g.scope == GroupScope::All || (g.scope == GroupScope::Document && cl.document == g.document) ||
                     (g.scope == GroupScope::Clauses && g.clauses.contains(aw.clause));
      if (!inScope) continue;
      if (cl.kind >= 0 && g.exceptKinds.contains(cl.kind)) continue;
      int owner = groupKey(g, aw.instance);
      int key = owner >= 0 ? owner : alone--;
      members.emplace_back(key, g.sameTarget ? cl.target : -1, k);
    }
    if (members.size() < 2) return;
    std::stable_sort(members.begin(), members.end(), [](const auto& x, const auto& y) {
      return std::tie(std::get<0>(x), std::get<1>(x)) < std::tie(std::get<0>(y), std::get<1>(y));
    });
    for (std::size_t s = 0; s < members.size();) {
      std::size_t e = s + 1;
      while (e < members.size() && std::get<0>(members[e]) == std::get<0>(members[s]) &&
             std::get<1>(members[e]) == std::get<1>(members[s]))
        ++e;
      if (e - s >= 2) partition(groupIndex, members, s, e, pay);
      s = e;
    }
  }

  void partition(int groupIndex, const std::vector<std::tuple<int, int, int>>& members, std::size_t s, std::size_t e,
                 const std::vector<Dec>& pay) {
    const GroupInfo& g = p.groups[groupIndex];
    auto payOf = [&](std::size_t i) -> const Dec& { return pay[static_cast<std::size_t>(std::get<2>(members[i]))]; };
    auto award = [&](std::size_t i) -> Award& { return r.awards[static_cast<std::size_t>(std::get<2>(members[i]))]; };
    bool relevant = g.scope != GroupScope::All, relevantNow = relevant;
    std::size_t counted = 0;
    const int from = static_cast<int>(r.unassessed.size());
    for (std::size_t i = s; i < e; ++i) {
      const bool ofDocument = p.clauses[award(i).clause].document == g.document;
      relevant = relevant || ofDocument;
      if (award(i).counted()) {
        relevantNow = relevantNow || ofDocument;
        ++counted;
      } else {
        r.unassessed.push_back(std::get<2>(members[i]));
      }
    }
    const int count = static_cast<int>(r.unassessed.size()) - from;
    if (!relevant || count == 0) r.unassessed.resize(static_cast<std::size_t>(from));
    else
      for (std::size_t i = s; i < e; ++i)
        if (award(i).counted()) r.replaceable.push_back(Result::Replaceable{std::get<2>(members[i]), groupIndex, from, count});
    if (!relevantNow || counted < 2) return;
    std::size_t best = e;
    for (std::size_t i = s; i < e; ++i)
      if (award(i).counted() && (best == e || better(award(i), payOf(i), award(best), payOf(best), g))) best = i;
    const Award& kept = award(best);
    for (std::size_t i = s; i < e; ++i) {
      if (i == best || award(i).status == Status::NotAssessable) continue;
      Award& aw = award(i);
      aw.status = Status::Dropped;
      aw.why.kind = ReasonKind::NotStacking;
      aw.why.index = groupIndex;
      aw.why.kept = std::get<2>(members[best]);
      aw.why.a = polc_rt::min(kept.lo, payOf(best));
      aw.why.b = payOf(best);
      aw.why.tie = tieRule(payOf(i) == payOf(best), preferRank(g.prefer, p.clauses[kept.clause].document),
                           preferRank(g.prefer, p.clauses[aw.clause].document));
      if (explain) {
        aw.dropLine = aw.explanation.size();
        explainLine(aw, r.reason(aw));
        explainCompared(std::get<2>(members[i]), {std::get<2>(members[i]), std::get<2>(members[best])}, pay, g);
        explainNotes(aw, g.name, g.notes);
      }
    }
    if (explain) {
      // A tie is settled by 优先 and citation order, not by the amount: say so.
      bool tie = false;
      for (std::size_t i = s; i < e; ++i)
        tie = tie || (i != best && award(i).status == Status::Dropped && payOf(i) == payOf(best));
      explainLine(award(best), keptLine(g.name, tie));
      std::vector<int> others{std::get<2>(members[best])};
      for (std::size_t i = s; i < e; ++i)
        if (i != best && award(i).status == Status::Dropped) others.push_back(std::get<2>(members[i]));
      explainCompared(std::get<2>(members[best]), others, pay, g);
      explainNotes(award(best), g.name, g.notes);
    }
  }

  // The awards compared were those of `which` (`self` first) after the caps over several clauses:
  // when a cap cut what one would pay, the line says which cap cut it to what (work.cuts).
  void explainCompared(int self, const std::vector<int>& which, const std::vector<Dec>& pay, const GroupInfo& g) {
    std::vector<std::string> parts;
    for (int k : which) {
      const Award& aw = r.awards[static_cast<std::size_t>(k)];
      if (pay[static_cast<std::size_t>(k)] == aw.hi) continue;
      std::vector<std::string> steps;
      for (const auto& c : r.work.cuts)
        if (c.award == k) {
          const CapInfo& cap = p.caps[c.cap];
          steps.push_back(capCut(static_cast<int>(cap.period), cap.name, money(cap.amount), amountText(c.lo, c.hi, aw.form)));
        }
      parts.push_back(cutAward(k == self ? "本项" : r.describe(aw), amountText(aw.lo, aw.hi, aw.form), steps));
    }
    if (!parts.empty()) explainLine(r.awards[static_cast<std::size_t>(self)], comparedAfterCaps(g.name, parts));
  }
  void explainNotes(Award& aw, const char* whose, Span<const char*> notes) const {
    for (const char* n : notes) explainLine(aw, noteLine(whose, n));
  }
  // A later group may drop the award an earlier one kept: the earlier drop's line, written when it
  // was decided, is written again (Result::reason then names the award finally kept).
  void settleDrops() {
    if (!explain) return;
    for (auto& aw : r.awards)
      if (aw.why.kind == ReasonKind::NotStacking && r.awards[static_cast<std::size_t>(aw.why.kept)].status == Status::Dropped)
        aw.explanation[aw.dropLine] = r.reason(aw);
  }

  template <class A>
  void cap(const CapInfo& k, std::vector<A>& awards, bool trial) {
    std::vector<std::pair<int, int>>& byOwner = r.work.byOwner;  // owner, award
    byOwner.clear();
    for (int i = 0; i < static_cast<int>(awards.size()); ++i) {
      const A& aw = awards[static_cast<std::size_t>(i)];
      if (aw.kind != AwardKind::Pay || !aw.counted()) continue;
      if (!k.clauses.contains(aw.clause)) continue;
      int owner = ownerInstance(aw.instance, k.per);
      if (owner >= 0) byOwner.emplace_back(owner, i);
    }
    if (byOwner.empty()) return;
    std::stable_sort(byOwner.begin(), byOwner.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    const Where w{k.name, nullptr, "上限 "};
    std::vector<int>& members = r.work.capMembers;
    for (std::size_t s = 0; s < byOwner.size();) {
      std::size_t e = s + 1;
      while (e < byOwner.size() && byOwner[e].first == byOwner[s].first) ++e;
      int owner = byOwner[s].first;
      members.clear();
      for (std::size_t i = s; i < e; ++i) members.push_back(byOwner[i].second);
      s = e;
      Dec rec;
      // An award received this year of a member's clause and item is that member, evaluated again:
      // not counted a second time (polc_decimal.h, capCountsAward). The trial's members are those
      // of r.awards, whose status and computedHi it copied.
      auto pays = [&](int c, int item) {
        for (int i : members) {
          const Award& aw = r.awards[static_cast<std::size_t>(i)];
          if (aw.clause == c && aw.instance == item &&
              capPaysOwn(static_cast<int>(aw.status), static_cast<int>(aw.kind), aw.computedHi))
            return true;
        }
        return false;
      };
      auto at = [this](int x) -> const ReceivedAt& { return received[static_cast<std::size_t>(x)]; };
      for (int xi = 0; k.period != CapPeriod::Once && xi < static_cast<int>(received.size()); ++xi) {
        const ReceivedAt& x = at(xi);
        if (x.clause < 0 || !k.clauses.contains(x.clause)) continue;
        if (ownerInstance(x.instance, k.per) != owner) continue;
        if (!capCountsAward(
                static_cast<int>(k.period), xi, year, [&](int j) { return at(j).clause; },
                [&](int j) { return at(j).award->year; }, [&](int j) { return at(j).instance; }, pays))
          continue;
        Dec sum;
        if (ArithError err = polc_rt::add(rec, x.award->amount, sum); err != ArithError::None) {
          const std::string adding = std::string("上限 ") + k.name + "（加上已获奖励 " + x.award->citation + " 时）";
          fail(Where{adding.c_str(), nullptr}, toString(err));
        }
        rec = sum;
      }
      Dec sumLo = rec, sumHi = rec;
      for (int i : members) {
        const A& aw = awards[static_cast<std::size_t>(i)];
        Dec lo, hi;
        if (polc_rt::add(sumLo, aw.lo, lo) != ArithError::None || polc_rt::add(sumHi, aw.hi, hi) != ArithError::None) {
          const std::string text = std::string("上限 ") + k.name + "（加上 " + p.clauses[aw.clause].citation + " 时）";
          sumLo = add(sumLo, aw.lo, Where{text.c_str(), nullptr});
          sumHi = add(sumHi, aw.hi, Where{text.c_str(), nullptr});
        }
        sumLo = lo;
        sumHi = hi;
      }
      // Compared first, as the reference evaluator: a cap far above the sum would overflow.
      std::string taking;
      if (sumHi > k.amount) {
        int best = members.front();
        for (int i : members)
          if (awards[static_cast<std::size_t>(i)].hi > awards[static_cast<std::size_t>(best)].hi) best = i;
        taking = capExcessPlace(k.name, p.clauses[awards[static_cast<std::size_t>(best)].clause].citation);
      }
      const Where tw{taking.c_str(), nullptr};
      Dec excessHi = sumHi > k.amount ? sub(sumHi, k.amount, tw) : Dec();
      Dec excessLo = sumLo > k.amount ? sub(sumLo, k.amount, tw) : Dec();
      if (excessHi.isZero() && excessLo.isZero()) continue;
      std::sort(members.begin(), members.end(), [&](int x, int y) {
        const A& ax = awards[static_cast<std::size_t>(x)];
        const A& ay = awards[static_cast<std::size_t>(y)];
        return std::tie(ax.clause, ax.instance) > std::tie(ay.clause, ay.instance);
      });
      const Dec totalHi = sumHi, excess = excessHi;
      for (int i : members) {
        if (excessHi.isZero() && excessLo.isZero()) break;
        A& aw = awards[static_cast<std::size_t>(i)];
        Dec cutHi = polc_rt::min(aw.hi, excessHi);
        Dec cutLo = polc_rt::min(aw.lo, excessLo);
        if (cutHi.isZero() && cutLo.isZero()) continue;
        aw.hi = sub(aw.hi, cutHi, w);
        aw.lo = sub(aw.lo, cutLo, w);
        if (aw.lo > aw.hi) aw.lo = aw.hi;
        excessHi = sub(excessHi, cutHi, w);
        excessLo = sub(excessLo, cutLo, w);
        aw.capped = true;
        if (aw.status == Status::Kept) aw.status = Status::Capped;
        if (trial && explain) r.work.cuts.push_back(Result::Work::Cut{i, static_cast<int>(&k - p.caps.begin()), aw.lo, aw.hi});
        if (trial) continue;
        Award& full = r.awards[static_cast<std::size_t>(i)];
        full.why.kind = ReasonKind::Capped;
        full.why.index = static_cast<int>(&k - p.caps.begin());
        full.why.a = totalHi;
        full.why.b = rec;
        full.why.c = excess;
        if (explain) {
          explainLine(full, std::string(capKind(static_cast<int>(k.period))) + "：" + r.reason(full));
          explainNotes(full, k.name, k.notes);
        }
      }
    }
  }

  // A part of an award (a payer's, a year's) is rounded to the document's 舍入, else to the fen;
  // and, rounded up, never beyond what is left, so that the last part (the remainder) is not
  // negative.
  static Dec partUnit(const DocumentInfo& doc) { return doc.rounds ? doc.unit : D(1, 2); }
  static RoundingMode partMode(const DocumentInfo& doc) { return doc.rounds ? doc.mode : RoundingMode::HalfUp; }
  static Dec atMost(const Dec& v, const Dec& limit) { return v > limit ? limit : v; }

  // The installments and funding split of an award that pays (`full`), or the funding rule in
  // words of a 一事一议 award (finishAwards chooses them).
  void finishAward(Award& aw, bool full) {
    const ClauseInfo& cl = p.clauses[aw.clause];
    const DocumentInfo& doc = p.documents[cl.document];
    const Where where{cl.citation, nullptr};
    if (full && cl.installments.size > 0) {
      aw.installmentsFrom = static_cast<int>(r.installmentParts.size());
      aw.installmentsCount = cl.installments.size;
      // Each part is paid: rounded as a funding part is, the last taking the remainder.
      Dec restLo = aw.lo, restHi = aw.hi;
      for (int i = 0; i < cl.installments.size; ++i) {
        Installment part{year + i, restLo, restHi};
        if (i + 1 < cl.installments.size) {
          part.lo = atMost(roundTo(mul(aw.lo, cl.installments[i], where), partUnit(doc), partMode(doc), where), restLo);
          part.hi = atMost(roundTo(mul(aw.hi, cl.installments[i], where), partUnit(doc), partMode(doc), where), restHi);
        }
        restLo = sub(restLo, part.lo, where);
        restHi = sub(restHi, part.hi, where);
        r.installmentParts.push_back(part);
      }
      if (explain) {
        std::string line = "分期：";
        const Span<Installment> parts = r.installments(aw);
        for (int i = 0; i < parts.size; ++i)
          line += std::string(i ? "，" : "") + std::to_string(parts[i].year) + "年 " +
                  amountText(parts[i].lo, parts[i].hi, aw.form);
        explainLine(aw, line + remainderAside(r.installmentsRemainder(aw).reason));
      }
    }
    if (doc.funding.size == 0) return;
    missing.clear();
    std::size_t most = 0;
    for (const auto& fr : doc.funding) most = std::max(most, static_cast<std::size_t>(fr.shares.size + fr.ratioPayers.size));
    payers.assign(most, nullptr);
    int rule = p.funding(*this, aw.clause, aw.instance);
    if (rule <= -2) {  // the condition of rule -2 - rule needs an absent fact (a 一事一议 award's too)
      aw.fundingUndecided = true;
      keepMissing(aw);
      if (explain) {
        std::string names;
        for (const auto& m : missing) names += (names.empty() ? "" : "、") + m.text();
        explainLine(aw, fundingUndecidedLine(doc.funding[-2 - rule].source, names));
        explainNotes(aw, fundingName(), doc.fundingNotes);
      }
      return;
    }
    if (rule < 0) return;
    const FundingRule& fr = doc.funding[rule];
    if (fr.arrangement) {
      aw.fundingArrangement = fr.arrangement;
      if (explain) {
        explainLine(aw, std::string("资金分担：") + fr.arrangement);
        explainNotes(aw, fundingName(), doc.fundingNotes);
      }
      return;
    }
    if (!full) return;
    const bool ratio = fr.ratioPayers.size > 0;
    auto name = [&](int i) { return payer(ratio ? fr.ratioPayers[i] : fr.shares[i].payer, i); };
    const int twice = repeatedPayer(ratio ? fr.ratioPayers.size : fr.shares.size,
                                    [&](int i, int j) { return std::strcmp(name(i), name(j)) == 0; });
    if (twice >= 0) throw EvalError(errorAt(p.clauses[aw.clause].citation, fr.source, payerTwice(name(twice))));
    aw.fundingRule = rule;
    split(aw, doc, fr);
    if (explain) {
      std::string out;
      for (const auto& f : r.funding(aw)) out += (out.empty() ? "" : "，") + std::string(f.payer) + " " + amountText(f.lo, f.hi, aw.form);
      explainLine(aw, std::string("资金分担：") + fr.source + "：" + out + remainderAside(r.fundingRemainder(aw).reason));
      explainNotes(aw, fundingName(), doc.fundingNotes);
    }
  }

  // A payer's part of a ratio split: amount × part / total, rounded once to the unit with the mode
  // (not to 18 decimals first, which could turn 0.0049999…97 into 0.005 and then 0.01). When the
  // quotient is an exact multiple of the unit (0.01元: nearly always) it is computed in 64 bits
  // instead of through 128-bit divisions.
  static Dec ratioPart(Dec amount, Dec part, Dec total, Dec unit, RoundingMode mode, const Where& where) {
    // Nothing to share (the lower end of 最高 …): the paths below give a normalised zero, or a
    // division by zero when the ratio sums to zero.
    if (amount.isZero() && !total.isZero()) return Dec();
    const Dec share = mul(amount, part, where);
    Dec q;
    if (unit.mantissa() == 1 && exactQuotient(share, total, unit.scale(), q)) return q;
    check(polc_rt::div(share, mul(total, unit, where), 0, mode, q), q, where);
    return mul(q, unit, where).normalized();
  }
  // a / b into `out`, normalised, when it is exactly a multiple of 10^-places and every step fits
  // in 64 bits; false otherwise (the caller then takes the general path).
  static bool exactQuotient(Dec a, Dec b, int places, Dec& out) {
    const int e = places + b.scale() - a.scale();
    const auto am = a.mantissa(), bm = b.mantissa();
    if (e < 0 || e > 18 || bm == 0 || am > INT64_MAX || am < -INT64_MAX || bm > INT64_MAX || bm < -INT64_MAX) return false;
    int64_t n;
    if (__builtin_mul_overflow(static_cast<int64_t>(am), static_cast<int64_t>(detail::pow10(e)), &n) || n == INT64_MIN)
      return false;
    const int64_t d = static_cast<int64_t>(bm);
    if (n % d != 0) return false;
    int64_t q = n / d;
    while (places > 0 && q % 10 == 0) {
      q /= 10;
      --places;
    }
    out = Dec::fromParts(q, places);
    return true;
  }

  // The payer at `place` of the rule applied: its label, or the value of the fact naming it.
  const char* payer(const char* label, int place) const {
    return payers[static_cast<std::size_t>(place)] ? payers[static_cast<std::size_t>(place)] : label;
  }

  // Splits the award (Result::fundingRemainder says why its parts differ, when they do).
  void split(Award& aw, const DocumentInfo& doc, const FundingRule& rule) {
    const Where where{p.clauses[aw.clause].citation, nullptr, "", " 资金分担"};
    std::vector<FundingPart>& parts = r.fundingParts;
    aw.fundingFrom = static_cast<int>(parts.size());
    if (rule.ratioPayers.size > 0) {
      Dec total;
      for (const auto& part : rule.ratio) total = add(total, part, where);
      const Dec unit = partUnit(doc);
      const RoundingMode mode = partMode(doc);
      Dec restLo = aw.lo, restHi = aw.hi;
      const int last = rule.ratioPayers.size - 1;
      for (int i = 0; i < last; ++i) {
        const Dec lo = atMost(ratioPart(aw.lo, rule.ratio[i], total, unit, mode, where), restLo);
        // An exact amount has the same two ends: its part is computed once.
        const Dec hi = sameDigits(aw.lo, aw.hi) ? lo : atMost(ratioPart(aw.hi, rule.ratio[i], total, unit, mode, where), restHi);
        restLo = sub(restLo, lo, where);
        restHi = sub(restHi, hi, where);
        parts.push_back(FundingPart{payer(rule.ratioPayers[i], i), lo, hi});
      }
      // The last payer takes what is left, so that the parts add up to the award.
      parts.push_back(FundingPart{payer(rule.ratioPayers[last], last), restLo, restHi});
      aw.fundingCount = rule.ratioPayers.size;
      return;
    }
    // Shares are rounded as ratio parts are, never beyond what is left; the 其余 payer, or without
    // one the last, takes the remainder.
    int restIndex = rule.shares.size - 1;
    for (int i = 0; i < rule.shares.size; ++i)
      if (rule.shares[i].rest) restIndex = i;
    const Dec unit = partUnit(doc);
    const RoundingMode mode = partMode(doc);
    Dec restLo = aw.lo, restHi = aw.hi;
    const int first = static_cast<int>(parts.size());
    for (int i = 0; i < rule.shares.size; ++i) {
      const auto& s = rule.shares[i];
      FundingPart part{payer(s.payer, i), Dec(), Dec()};
      if (i != restIndex) {
        part.lo = atMost(roundTo(mul(aw.lo, s.proportion, where), unit, mode, where), restLo).normalized();
        part.hi = sameDigits(aw.lo, aw.hi) ? part.lo
                                           : atMost(roundTo(mul(aw.hi, s.proportion, where), unit, mode, where), restHi).normalized();
        restLo = sub(restLo, part.lo, where);
        restHi = sub(restHi, part.hi, where);
      }
      parts.push_back(part);
    }
    aw.fundingCount = rule.shares.size;
    parts[static_cast<std::size_t>(first + restIndex)].lo = restLo.normalized();
    parts[static_cast<std::size_t>(first + restIndex)].hi = restHi.normalized();
  }

  // A document without clauses cannot be why a clause is absent: it is not listed (as polc eval's).
  void listNotInForce() {
    for (int d = 0; d < p.documents.size; ++d) {
      if (inForce(d)) continue;
      for (const ClauseInfo& cl : p.clauses)
        if (cl.document == d) {
          r.notInForce.push_back(d);
          break;
        }
    }
  }

  void totals() {
    Totals& t = r.totals;
    listNotInForce();
    for (const auto& aw : r.awards) {
      // An overflow of a sum names the clause whose award made it overflow.
      auto add = [&](Dec a, Dec b) {
        return polc_rt::add(a, b, Where{p.clauses[aw.clause].citation, nullptr, "合计（加上 ", " 时）"});
      };
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
      if (aw.kind == AwardKind::Benefit) {
        ++t.benefits;
        continue;
      }
      if (aw.kind == AwardKind::Negotiated) {
        ++t.negotiated;
        continue;
      }
      if (aw.kind != AwardKind::Pay) continue;
      switch (aw.form) {
        case Form::Exact:
          t.exact = add(t.exact, aw.hi);
          ++t.exactCount;
          break;
        case Form::UpTo:
          t.upTo = add(t.upTo, aw.hi);
          ++t.upToCount;
          break;
        case Form::Range:
          t.rangeLo = add(t.rangeLo, aw.lo);
          t.rangeHi = add(t.rangeHi, aw.hi);
          ++t.rangeCount;
          break;
      }
      t.lo = add(t.lo, aw.lo);
      t.hi = add(t.hi, aw.hi);
      for (const auto& f : r.funding(aw)) {
        // The same payer is usually the same string of the tables: compare the pointers first.
        auto it = std::find_if(t.byPayer.begin(), t.byPayer.end(), [&](const PayerTotal& x) {
          return x.payer == f.payer || std::strcmp(x.payer, f.payer) == 0;
        });
        if (it == t.byPayer.end()) {
          // Kept sorted by name as payers are added: a few payers, no sort at the end.
          it = std::lower_bound(t.byPayer.begin(), t.byPayer.end(), f.payer,
                                [](const PayerTotal& x, const char* payer) { return std::strcmp(x.payer, payer) < 0; });
          if (it == t.byPayer.end()) {  // the usual case: the payers come in order
            t.byPayer.push_back(PayerTotal{f.payer, Dec(), Dec()});
            it = t.byPayer.end() - 1;
          } else {
            it = t.byPayer.insert(it, PayerTotal{f.payer, Dec(), Dec()});
          }
        }
        it->lo = add(it->lo, f.lo);
        it->hi = add(it->hi, f.hi);
      }
    }
  }
};

// Starts a run: the date, then the generated code flattens the applicant and evaluates.
// The result is emptied first (its buffers are kept).
inline void startRun(Run& run, std::optional<int> factsDate, const Options& o) {
  run.date = o.date ? *o.date : factsDate ? *factsDate : today();
  // Emptied before the date is checked: a bad date must not leave the previous applicant's instances
  // and warnings in a reused result (Run's destructor clears only what clearAfterError clears).
  run.r.reset(run.p, run.date);
  if (!dayInRange(run.date))
    throw EvalError("the evaluation date (day " + std::to_string(run.date) + ") is outside the years 0000 to 9999");
  run.year = yearOf(run.date);
  run.yearStart = daysFromCivil(run.year, 1, 1);
  run.explain = o.explain;
}

// What a 且/或 that no operand decided gives, by the rule of every evaluator (polc_rt::undecided,
// docs/ir.md): `t` is T4::U when an operand was unknown, else the value were none unknown; `held`
// the first operand's error, if any; `noValue` whether an operand's 分档/分情形 found no entry;
// `where` the 且/或's polarity, which the generator knows.
inline T4 undecidedT4(T4 t, bool isOr, Polarity where, bool noValue, const std::exception_ptr& held) {
  switch (undecided(isOr, where, noValue, t == T4::U, held != nullptr)) {
    case Undecided::NoValue: return T4::N;
    case Undecided::Absent: return T4::U;
    case Undecided::Error: std::rethrow_exception(held);
    case Undecided::Value: break;
  }
  return t;
}

// A condition of a clause: false (or no match) ends the clause; unknown marks it not assessable.
// Returns false when the clause does not apply.
inline bool holdsOrUnknown(T4 v, bool& unknown) {
  if (v == T4::F || v == T4::N) return false;
  if (v == T4::U) unknown = true;
  return true;
}

}  // namespace polc_rt
