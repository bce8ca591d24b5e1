// The bytecode VM: one Session holds an applicant (instances, facts in slots, history, awards
// received) and the preallocated evaluation state; evaluate() runs the ten steps of docs/ir.md
// against a verified Program. Nothing on the evaluation path allocates once the session has seen
// an applicant of the same shape (vectors are cleared, never shrunk); explanations (strings) are
// built only when asked for. Errors (overflow, a parameter before its first date) come back as a
// message, exactly as the reference evaluator words them.
#pragma once

#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bytecode/program.h"
#include "decimal/funding_gap.h"
#include "decimal/funding_remainder.h"
#include "decimal/late_grant_words.h"
#include "vm/applicant.h"
#include "vm/why_not.h"

namespace polrt {

namespace detail {
struct Ops;  // the block instructions (ops.h), shared by the interpreter and native blocks
}

enum class AwardStatus : uint8_t { Kept, Capped, QuotaLimited, Dropped, NotAssessable, AlreadyReceived };
const char* statusName(AwardStatus s);  // kept, capped, quota_limited, dropped, not_assessable, already_received

enum class ReasonKind : uint8_t { None, Missing, Quota, Once, Dropped, Capped };

struct FundingPartR {
  uint32_t payer = 0;  // string index
  Decimal lo, hi;
};

struct InstallmentR {
  int year = 0;
  Decimal lo, hi;
};

struct AwardR {
  int clause = -1, instance = -1;
  uint8_t kind = kPay;  // AwardKindCode
  uint8_t form = bc::kExact;
  Decimal lo, hi, computedHi;
  AwardStatus status = AwardStatus::Kept;
  bool capped = false, quotaLimited = false;
  ReasonKind reason = ReasonKind::None;
  // Reason data, by kind.
  int onceYear = 0;
  Decimal onceAmount;
  int group = -1, keptAward = -1;  // Dropped: the group, the award it gave way to …
  Decimal keptLo, keptHi;          // … what that one would pay
  uint8_t keptForm = 0;
  uint8_t tie = 0;        // how that one won a tie, if it was one (polrt::tieRule)
  uint32_t dropLine = 0;  // the drop's explanation line (settleDrops())
  int cap = -1;
  Decimal capSumHi, capReceived, capExcess;
  uint32_t missingBegin = 0, missingCount = 0;  // missing-fact descriptors (Session::missingPool)
  int payeeInstance = -1, payeeSubject = -1;
  uint32_t fundingBegin = 0, fundingCount = 0;
  int fundingRule = -1;  // of its document, that split it (Session::remainderNotes reads it)
  uint32_t arrangement = bc::kNone;  // string index
  uint32_t instBegin = 0, instCount = 0;
  bool fundingUnknown = false;
  uint32_t fundMissBegin = 0, fundMissCount = 0;
  std::vector<std::string> explanation;  // filled only when asked for

  void reset() {
    clause = instance = -1;
    kind = kPay;
    form = bc::kExact;
    lo = hi = computedHi = Decimal();
    status = AwardStatus::Kept;
    capped = quotaLimited = false;
    reason = ReasonKind::None;
    group = keptAward = cap = -1;
    missingBegin = missingCount = fundingBegin = fundingCount = instBegin = instCount = 0;
    fundingRule = -1;
    fundMissBegin = fundMissCount = 0;
    fundingUnknown = false;
    arrangement = bc::kNone;
    payeeInstance = payeeSubject = -1;
    explanation.clear();
  }
  bool hasAmount() const {
    return kind == kPay && status != AwardStatus::NotAssessable && status != AwardStatus::AlreadyReceived;
  }
  bool counted() const {
    return status != AwardStatus::Dropped && status != AwardStatus::NotAssessable &&
           status != AwardStatus::AlreadyReceived;
  }
};

struct TotalsR {
  Decimal exact, upTo, rangeLo, rangeHi, lo, hi;
  int exactCount = 0, upToCount = 0, rangeCount = 0;
  int benefits = 0, negotiated = 0, dropped = 0, notAssessable = 0, alreadyReceived = 0;
  std::vector<std::pair<Decimal, Decimal>> byPayer;  // per payer index
  std::vector<uint8_t> payerUsed;
};

// Where an arithmetic error happened, as text built only when one does ("上限 X", "… 资金分担").
struct Where {
  const char* pre = "";
  const std::string* mid = nullptr;
  const char* post = "";
  Where(const std::string& s) : mid(&s) {}  // NOLINT: implicit on purpose
  Where(const char* a, const std::string& m, const char* b) : pre(a), mid(&m), post(b) {}
  std::string str() const { return pre + (mid ? *mid : std::string()) + post; }
};

class Session {
 public:
  explicit Session(const Program& p);
  friend struct detail::Ops;
  const Program& program() const { return p_; }

  // ---- the applicant ----------------------------------------------------------------------------
  void reset();  // forget the applicant, keep every buffer
  // No awards, zero totals and no warnings, as a refused applicant leaves them (the C API's own
  // checks before evaluating: never the previous applicant's result).
  void clearResult();
  // Adds an instance of `subject` owned by `parent` (-1 for the applicant itself, which must come
  // first). Returns its index, or -1 when the subject does not fit (wrong owner, second root).
  int addInstance(int subject, int parent);
  int instanceCount() const { return ninst_; }
  int instanceSubject(int i) const { return inst_[i].subject; }
  int instanceParent(int i) const { return inst_[i].parent; }
  // 企业.项目[0]: built on first use (results and explanations need few), valid until reset().
  const std::string& instancePath(int i) const;
  void setDate(int day) { date_ = day; hasDate_ = true; }
  void clearDate() { hasDate_ = false; }

  // Slot setters; the caller has checked instance, slot and kind (the C API does). The scalar
  // ones are inline: loading an applicant calls one per fact given.
  void setNum(int inst, int slot, Decimal v) {
    Val& x = give(inst, slot, bc::kNum);
    x.lo = x.hi = v;
    x.form = bc::kExact;
  }
  void setBool(int inst, int slot, bool v) { give(inst, slot, bc::kBool).i = v; }
  void setEnum(int inst, int slot, int member) { give(inst, slot, bc::kEnum).i = member; }
  void setSetBits(int inst, int slot, const uint64_t bits[4]) {
    Val& x = give(inst, slot, bc::kSet);
    for (int w = 0; w < 4; ++w) x.bits[w] = bits[w];
  }
  void addSetMember(int inst, int slot, int member);
  void setDay(int inst, int slot, int day) { give(inst, slot, bc::kDate).i = day; }
  void setText(int inst, int slot, std::string_view v);
  void addGrant(int inst, int slot, int member, int day);  // recognitions: held since `day`
  void setRecognition(int inst, int slot);  // given, with no grants yet
  void clearFact(int inst, int slot);
  void setHistory(int inst, int slot, int year, const Val& v);  // a fact declared with 历史
  // `citation` as the embedder wrote it (it names the award in error messages).
  void addReceived(int inst, int clause, int target, Decimal amount, int year, std::string_view citation = {});
  // Replaces the applicant with a recorded one (vm/applicant.h). False, leaving no applicant, when
  // the recording does not fit the program (an index out of range, a value of the wrong kind).
  // Every step is checked, but only the facts the program reads are kept (planReadSlots()): the
  // others cannot change a result, and copying them was most of loading a schema-wide applicant.
  // A recording saved under another program (another file) is refused: it may lack facts this one
  // reads.
  bool load(const Applicant& a);
  // Records the applicant the session holds (its instances, facts, histories, received awards and
  // date) into `out`, for load() here or in another session of the same program: of the facts,
  // those the program reads, as load() would keep them (a smaller recording loads faster).
  void save(Applicant& out) const;
  bool factPresent(int inst, int slot) const { return inst_[inst].present[slot] != 0; }

  // ---- evaluation -------------------------------------------------------------------------------
  // Returns true when evaluated; false with error() set on an evaluation error (overflow, …).
  bool evaluate(bool explain);
  const std::string& error() const { return error_; }
  // What polc eval warns about the applicant, worded as it words it (decimal/uncounted_words.h):
  // each award received given by its target alone that a 累计/年度 cap or a 一次性 clause would
  // count if it named its clause. Computed by evaluate() at its date, before anything can fail, so
  // kept on an evaluation error (they are about the applicant, as a failed line of polc eval's
  // batch still has them); emptied by reset() and load(). Each starts with where the award is,
  // instancePath() + ".已获奖励[k]", k counting the awards added to that instance (addReceived):
  // polc eval's path when the instances and awards were added in its facts file's order. Then,
  // found after the last step (so none after an error), each item listing several items a clause
  // pays (two 引荐人 of a project), naming the clauses whose whole award goes to the first of them
  // and grants it something (decimal/payee_words.h, grantsPayee); then each award received in the
  // evaluation year under a 一次性 clause the result pays again to its item (once_year_words.h);
  // then each award received in the evaluation year that a 累计 or 年度 cap took to be the result's
  // own award of its clause for its item and did not count (cap_year_words.h).
  const std::vector<std::string>& warnings() const { return warnings_; }

  // ---- the result -------------------------------------------------------------------------------
  int date() const { return evalDate_; }
  int awardCount() const { return nawards_; }
  const AwardR& award(int i) const { return awards_[i]; }
  const TotalsR& totals() const { return totals_; }
  // The documents with clauses that are not in force on the evaluation date, in the program's
  // order: polc eval's "not_in_force", since the date is why none of their clauses applies, with
  // awards of other documents or none. Empty after an error, as the awards are.
  const std::vector<int>& notInForce() const { return notInForce_; }
  std::string reasonText(const AwardR& a) const;
  std::string missingText(uint32_t desc) const;  // 企业.营业收入, 上年 企业.营业收入 (2023年), …
  std::vector<std::string> missing(const AwardR& a) const;
  std::vector<std::string> notes(const AwardR& a) const;
  // Those of its notes that say why the parts of its installments and of its funding split differ
  // (polrt::remainder), in that order, made when asked from the parts and the rules that made
  // them.
  std::vector<std::string> remainderNotes(const AwardR& a) const;
  // Who took the remainder and why, none when the parts are even (polrt::remainder): the index of
  // the installment or of the funding part, as polrt_award_installment_remainder and
  // polrt_award_funding_remainder give it, and the words of the note.
  Remainder installmentsRemainder(const AwardR& aw) const;
  Remainder fundingRemainder(const AwardR& aw) const;
  // The not-assessable members of non-stacking groups that may replace the award once assessed.
  std::vector<std::string> mayBeReplacedBy(const AwardR& a) const;
  // The totals polc eval's JSON gives beside by_payer (by_arrangement, no_funding_rule,
  // funding_undecided, may_be_replaced): computed when asked, since most callers never read them.
  GapTotals gapTotals() const;
  // After a successful evaluate(): for each clause of `clauses` and each item it is about, whether
  // it paid and, when not, why (why_not.cpp); `onlyUnpaid` leaves out what a clause pays and the
  // clauses of another applicant's subjects (`--why-not all`).
  std::vector<WhyNotR> whyNot(const std::vector<int>& clauses, bool onlyUnpaid);
  std::string payeeText(const AwardR& a) const;
  const FundingPartR* funding(const AwardR& a) const { return fundingPool_.data() + a.fundingBegin; }
  const InstallmentR* installments(const AwardR& a) const { return instPool_.data() + a.instBegin; }

 private:
  struct Instance {
    int subject = -1, parent = -1;
    mutable std::string path;  // see instancePath()
    mutable bool pathBuilt = false;
    // Per slot. `present` apart from the values: a new instance clears one byte per slot, not a
    // 128-byte cell, and a test of an absent fact reads no value.
    std::vector<uint8_t> present;
    std::vector<Val> facts;
    std::vector<std::vector<std::pair<int, Val>>> history;   // per slot, ascending years
    std::vector<std::vector<std::pair<int, int>>> grants;    // per slot: member, day
    std::vector<std::string> texts;                          // per slot
    // Slots whose history or grants may be non-empty: addInstance() clears only these, not
    // every slot's two vectors (most slots never have either).
    std::vector<uint32_t> listed;
  };
  struct Received {
    int instance = 0, clause = -1, target = -1;
    Decimal amount;
    int year = 0;
    std::string citation;
  };
  enum class Outcome : uint8_t { Value, NotAssessable, NoMatch };
  struct Local {
    uint32_t before = 0;
    bool unknown = false;
    bool erred = false;    // an operand failed: the first error is localErrors_[local]
    bool noValue = false;  // an operand's 分档/分情形 found no entry (polrt::undecided)
  };
  struct Handler {
    uint32_t target = 0, sp = 0, local = 0;
  };
  struct Part {  // scratch for groups and caps
    int key, target, award;
  };

  // Conditions evaluated without the interpreter (fast.cpp). Undecided: take the general path.
  enum class Truth : uint8_t { False, True, Unknown, Undecided };
  struct Atom {  // a simple fact test: the leaf of a condition
    enum Kind : uint8_t { kBoolFact, kHasMember, kHasSet, kEnumIn, kEnumCmp, kNumCmp };
    uint8_t kind = kBoolFact, op = 0;  // op: the comparison, or MEMBER's negation
    uint8_t factKind = bc::kBool;
    bool newly = false, negate = false, hasDefault = false;
    uint16_t subject = 0;
    uint32_t slot = 0, arg = 0, missing = 0;  // arg: member, set, enum or decimal constant
    uint32_t id = 0;  // the same test elsewhere has the same id (memo_)
  };
  struct TestNode {  // preorder; size counts the node and its descendants
    enum Type : uint8_t { kAtom, kAnd, kOr };
    Type type = kAtom;
    uint32_t size = 1;
    Atom atom;
  };
  struct ClausePlan {  // what clause() needs without touching the ClauseDef
    int32_t subject = -1, root = -1, document = 0;
    uint32_t guardBegin = 0, guardCount = 0;  // in guards_
    bool amountScreen = false;  // see planClause()
    uint32_t keyBegin = 0, keyEnd = 0;  // its key groups in keys_: see planKeys()
  };
  void planFast();
  void planClause(const ClauseDef& cl, ClausePlan& plan);
  bool screened(const ClausePlan& plan);
  void planKeys(const ClauseDef& cl, ClausePlan& plan);
  bool absentKeys(uint32_t node, int subject, std::vector<uint32_t>& bits) const;
  bool neverUnknown(uint32_t node, int subject) const;
  bool onOwnerChain(int of, int subject) const;
  void planKeyIndex();
  void planReadSlots();
  void findCandidates();
  // Every setter marks its fact as given (held_); only reset() unmarks, so a cleared fact or a
  // reused instance may stay marked, which costs a screen but never changes a result.
  void markGiven(int inst, int slot) {
    uint32_t bit = slotBase_[inst_[inst].subject] + static_cast<uint32_t>(slot);
    held_[bit >> 6] |= uint64_t{1} << (bit & 63);
  }
  // The value of a fact being set: marked given and present, of kind `kind`.
  Val& give(int inst, int slot, uint8_t kind) {
    Instance& in = inst_[inst];
    return giveAt(in, slotBase_[in.subject] + static_cast<uint32_t>(slot), slot, kind);
  }
  // The same, for a caller that knows the instance and the fact's bit in held_ (load()).
  Val& giveAt(Instance& in, uint32_t bit, int slot, uint8_t kind) {
    held_[bit >> 6] |= uint64_t{1} << (bit & 63);
    in.present[slot] = 1;
    Val& v = in.facts[slot];
    v.kind = kind;
    return v;
  }
  bool held(uint32_t bit) const { return (held_[bit >> 6] >> (bit & 63)) & 1; }
  // False when, for one of the clause's key groups, no fact of the group is given anywhere: then
  // the clause gives nothing, for any instance.
  bool keysHeld(const ClausePlan& plan) const {
    for (uint32_t g = plan.keyBegin; g < plan.keyEnd; g += keys_[g] + 1) {
      bool any = false;
      for (uint32_t k = g + 1; k <= g + keys_[g] && !any; ++k) any = held(keys_[k]);
      if (!any) return false;
    }
    return true;
  }
  bool tierNoMatch(uint32_t block) const;
  bool caseTests(const bc::Insn* c, uint32_t n);
  bool casesDecide(uint32_t block, Outcome& o);
  bool parseTest(const bc::Insn* c, uint32_t from, uint32_t to);
  bool parseAtom(const bc::Insn* c, uint32_t n, Atom& a) const;
  bool tierKeys(const bc::Insn* c, uint32_t n, std::array<uint64_t, 4>& keys) const;
  Truth test(uint32_t node);
  Truth atom(const Atom& a) const;
  Truth atomAt(const Atom& a, const Instance& in) const;
  void planAtomIds();
  void startMemo();
  Truth setBits(const Atom& a, uint64_t bits[4]) const;

  // steps
  void indexInstances();
  void thisYearAgrees() const;
  void clause(int c);
  void item(int c, int i);
  Outcome amount(const ClauseDef& cl, AwardR& aw);
  void payee(const ClauseDef& cl, AwardR& aw);
  void group(const GroupDef& g);
  void explainCompared(int self, const std::vector<int>& which, const GroupDef& g);
  void explainNotes(AwardR& aw, const std::string& whose, const std::vector<uint32_t>& notes);
  void settleDrops();
  void cap(const CapDef& k, bool trial);
  void payable();
  void finish(AwardR& aw);
  void split(AwardR& aw, const DocumentDef& doc, const FundingRuleDef& rule);
  void fundingUndecided(AwardR& aw, const DocumentDef& doc, const FundingRuleDef& rule);
  bool payersOf(const FundingRuleDef& rule, const std::vector<PayerFactDef>& facts);
  void planSplits();
  void computeTotals();
  void listNotInForce();
  void clearAwards();
  void clearWarnings();
  std::string& newWarning();
  void warnUncounted();  // uncounted.cpp
  void warnLateGrants();  // late_grants.cpp
  void warnSharedPayees();  // payees.cpp
  void warnOnceThisYear();  // once_year.cpp
  void warnCapThisYear();  // cap_year.cpp
  void uncountedRules(const Received& aw, std::vector<std::string>& rules) const;
  AwardR& newAward();
  bool better(int a, int b, const GroupDef& g) const;
  int instanceOf(int subject) const;
  int ownerInstance(int item, int per) const;
  void explainLine(AwardR& aw, std::string line) {
    if (explain_) aw.explanation.push_back(std::move(line));
  }

  // why-not traces (why_not.cpp)
  bool traceRun(uint32_t block, Outcome& o, const Val*& v);
  ::polrt::Truth traceTruth(uint32_t block);
  std::string traceValue(uint32_t block, uint32_t type);
  struct TraceWalk;  // the traces as decimal/why_not_walk.h walks them
  void traceReads(const TraceNodeDef& n, std::vector<WhyNotValueR>& out);
  std::string factPath(int subject, uint32_t slot) const;
  std::string factValue(int subject, uint32_t slot, uint32_t type) const;
  std::string priorHighest(int subject, uint32_t slot, uint32_t type) const;
  WhyNotR notApplied(int c, int i);
  WhyNotR fromAward(int k) const;

  // expressions
  Outcome run(uint32_t block, const Val*& out);  // out: valid until the next run
  bool fast(uint32_t block, Outcome& o);  // fast.cpp: false when the block needs the interpreter
  bool loadFact(int subject, int slot, Val& out) const;
  const std::vector<std::pair<int, Val>>* historyOf(int subject, int slot) const;
  bool firstOver(int subject, int slot, const Decimal& x, const Decimal& threshold) const;
  // The highest value of a fact's years before the evaluation year; false when it has none.
  bool highestBefore(int subject, int slot, Decimal& best) const;
  [[noreturn]] void fail(uint32_t site, const std::string& what) const;
  [[noreturn]] void failAt(const Where& where, ArithError e) const;
  Decimal add(const Decimal& a, const Decimal& b, uint32_t site) const;
  Decimal sub(const Decimal& a, const Decimal& b, uint32_t site) const;
  Decimal mul(const Decimal& a, const Decimal& b, uint32_t site) const;
  Decimal divExact(const Decimal& a, const Decimal& b, uint32_t site) const;
  Decimal plusAt(const Decimal& a, const Decimal& b, const Where& where) const;
  Decimal minusAt(const Decimal& a, const Decimal& b, const Where& where) const;
  Decimal timesAt(const Decimal& a, const Decimal& b, const Where& where) const;
  Decimal roundTo(const Decimal& v, const Decimal& unit, uint8_t mode, const Where& where) const;

  // explanations
  std::string quantity(const Decimal& v, uint32_t type) const;
  std::string show(const Val& v, uint32_t type) const;
  std::string withValue(const std::array<uint32_t, 12>& r, int at, const Val& v) const;
  std::string describe(int clause, int instance) const;
  std::string fundingText(const AwardR& aw) const;

  const Program& p_;
  // The subjects some clause pays below its own (polrt::payeesBelow): the program's, found once.
  std::vector<int> payeesBelow_;
  // applicant
  std::vector<Instance> inst_;
  int ninst_ = 0;
  std::vector<Received> received_;  // the first nrecv_ are the applicant's
  int nrecv_ = 0;
  int date_ = 0;
  bool hasDate_ = false;
  // evaluation
  int evalDate_ = 0, year_ = 0, yearStart_ = 0, yearEnd_ = 0;
  bool dated_ = false;  // the four above and docActive_ describe evalDate_
  int item_ = 0;
  int clause_ = -1;  // for error messages
  bool explain_ = false;
  std::vector<Val> stack_;
  std::vector<uint8_t> fastKind_;  // per block: a shape run without the interpreter (0: none)
  std::vector<uint32_t> fastArg_;  // per block: its root in testNodes_, or its keys in tierKeys_
  std::vector<TestNode> testNodes_;
  std::vector<std::array<uint64_t, 4>> tierKeys_;
  std::vector<uint32_t> caseRoots_;                      // 分情形: each case's condition (testNodes_)
  std::vector<std::pair<uint32_t, uint32_t>> caseSpans_;  // per such block: its cases in caseRoots_
  std::vector<ClausePlan> plans_;  // per clause
  std::vector<uint32_t> guards_;   // leaves (testNodes_) that screen clauses
  std::vector<uint32_t> keys_;     // per clause, key groups: a count, then that many bits of held_
  std::vector<uint32_t> keyedBegin_, keyed_;  // per bit of held_: clauses keyed by it (planKeyIndex())
  std::vector<uint64_t> always_;      // clauses without key groups, one bit each
  std::vector<uint64_t> candidates_;  // per evaluation: the clauses to look at (findCandidates())
  std::vector<uint32_t> bySubject_, subjectEnd_;  // per evaluation: instances grouped by subject
  std::vector<uint8_t> docActive_;                // per evaluation: the document is in force
  std::vector<int> notInForce_;                   // per evaluation: see notInForce()
  std::vector<uint32_t> slotBase_;  // per subject: its facts' first bit in held_
  std::vector<uint8_t> slotKind_;   // per bit of held_: the fact's kind (load() checks against it)
  std::vector<int32_t> slotMembers_;  // per bit of held_: its enum's member count (0: no enum)
  std::vector<uint8_t> slotRead_;     // per bit of held_: some block reads the fact (planReadSlots())
  std::vector<uint64_t> held_;      // some instance gives the fact or its history (markGiven())
  bool indexed_ = false;            // bySubject_ describes the instances
  Val fastOut_;
  // Per evaluation, a leaf's truth per instance: clauses share their guards (制造业, 所在地 …),
  // and each item tests them again. An entry is memoGen_ << 2 | Truth, valid when its generation
  // is this evaluation's; atomCount_ distinct leaves × memoStride_ instances.
  mutable std::vector<uint32_t> memo_;
  static constexpr std::size_t kMaxMemo = std::size_t{1} << 20;  // entries (4 MB)
  uint32_t memoGen_ = 0, memoStride_ = 0, atomCount_ = 0;
  std::vector<Local> locals_;
  std::vector<std::exception_ptr> localErrors_;  // per local: its 且/或's first error, raised only if nothing decides
  std::vector<Handler> handlers_;
  std::vector<uint32_t> missing_, needed_;
  std::vector<std::string> lines_;
  std::vector<std::string> margParts_;
  std::vector<Part> parts_;     // the awards of a non-stacking group
  std::vector<Part> capParts_;  // the awards under a cap (also while a group is being decided)
  std::vector<std::pair<Decimal, Decimal>> trial_;  // caps applied on a copy (payable())
  struct Cut {  // a cut of the trial, kept when explaining: to what a cap cut an award
    int award, cap;
    Decimal lo, hi;
  };
  std::vector<Cut> cuts_;
  // A counted member of a group's partition some of whose members are not assessable: the awards
  // [begin, begin + count) of unassessedPool_ (polrt::replaceableNote).
  struct Replaceable {
    int award, group;
    uint32_t begin, count;
  };
  std::vector<Replaceable> replaceable_;
  std::vector<int> unassessedPool_;
  std::vector<std::string> replaceableNames(const Replaceable& m) const;
  struct RatioPlan {  // see planSplits()
    bool totalOk = false;
    Decimal total;
    uint32_t shareBegin = 0;  // in shares_, one per ratio payer
  };
  std::vector<uint32_t> ruleBase_;  // per document: its first funding rule in ratioPlans_
  std::vector<RatioPlan> ratioPlans_;
  std::vector<std::optional<Decimal>> shares_;
  // result
  std::vector<AwardR> awards_;
  int nawards_ = 0;
  std::vector<uint32_t> missingPool_;
  std::vector<FundingPartR> fundingPool_;
  std::vector<uint32_t> payers_;  // the payers of the rule being split (payersOf())
  std::vector<InstallmentR> instPool_;
  TotalsR totals_;
  std::string error_;
  std::vector<std::string> warnings_;  // see warnings()
  // The strings of earlier evaluations' warnings, whose storage newWarning() reuses: a warning
  // written into one allocates nothing once the strings have grown (docs/performance.md).
  std::vector<std::string> spareWarnings_;
};

}  // namespace polrt
