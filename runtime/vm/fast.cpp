// Blocks of a few common shapes, recognised once per session and evaluated without the
// interpreter, with exactly the interpreter's results (value, "not assessable" and the missing
// facts it records, "no match"):
//   * conditions: 且/或 trees whose leaves are simple fact tests (a boolean fact, 含 over a set or
//     新认定, an enum 属于 a set, an enum or an amount compared with a constant) — most of the
//     policies' conditions, and the ones the interpreter spends most of its dispatch on;
//   * 分档 by 含 over a set: when the set holds none of the tiers' keys the block is "no match";
//   * 分情形 whose cases are such conditions: when every case is false the block is "no match"
//     (or not assessable, as soon as a case is).
// A leaf whose value the direct path cannot be sure of (a fact missing but with a default or a
// history, an amount that is not exact) makes the whole block take the general path. Equal leaves
// share an id, and an evaluation tests each at most once per instance (atom()'s memo): clauses
// share their guards, and every item of a clause tests its owners' facts again.
#include <algorithm>
#include <array>
#include <cstring>
#include <map>

#include "vm/vm.h"
#include "vm/vm_detail.h"

namespace polrt {

using namespace bc;
using namespace detail;

namespace {

enum FastKind : uint8_t { kFastNone = 0, kFastTest, kFastTier, kFastCases };

bool keyFits(const Insn& key, const Insn& use, uint8_t setClass) {
  return (key.op == OP_ENUM && use.b != setClass) || (key.op == OP_SET && use.b == setClass);
}

}  // namespace

void Session::planFast() {
  fastKind_.assign(p_.blocks.size(), kFastNone);
  fastArg_.assign(p_.blocks.size(), 0);
  for (std::size_t bi = 0; bi < p_.blocks.size(); ++bi) {
    const Block& b = p_.blocks[bi];
    const Insn* c = p_.code.data() + b.start;
    if (b.count < 2 || c[b.count - 1].op != OP_HALT) continue;
    std::size_t root = testNodes_.size();
    if (b.result == kBool && parseTest(c, 0, b.count - 1)) {
      fastKind_[bi] = kFastTest;
      fastArg_[bi] = static_cast<uint32_t>(root);
      continue;
    }
    testNodes_.resize(root);
    std::array<uint64_t, 4> keys{};
    if (tierKeys(c, b.count, keys)) {
      fastKind_[bi] = kFastTier;
      fastArg_[bi] = static_cast<uint32_t>(tierKeys_.size());
      tierKeys_.push_back(keys);
      continue;
    }
    std::size_t cases = caseRoots_.size();
    if (caseTests(c, b.count)) {
      fastKind_[bi] = kFastCases;
      fastArg_[bi] = static_cast<uint32_t>(caseSpans_.size());
      caseSpans_.push_back({static_cast<uint32_t>(cases), static_cast<uint32_t>(caseRoots_.size() - cases)});
      continue;
    }
    testNodes_.resize(root);
    caseRoots_.resize(cases);
  }
  slotBase_.resize(p_.subjects.size() + 1);
  for (std::size_t su = 0; su < p_.subjects.size(); ++su) {
    slotBase_[su + 1] = slotBase_[su] + static_cast<uint32_t>(p_.subjects[su].facts.size());
    for (const FactDef& fd : p_.subjects[su].facts) {
      slotKind_.push_back(fd.kind);
      const uint32_t e = fd.type < p_.types.size() ? p_.types[fd.type].enumIndex : bc::kNone;
      slotMembers_.push_back(e < p_.enums.size() ? static_cast<int32_t>(p_.enums[e].members.size()) : 0);
    }
  }
  held_.resize(slotBase_.back() / 64 + 1);
  planReadSlots();
  plans_.resize(p_.clauses.size());
  for (std::size_t ci = 0; ci < p_.clauses.size(); ++ci) planClause(p_.clauses[ci], plans_[ci]);
  planKeyIndex();
  planAtomIds();
}

// Equal leaves get one id, so that an evaluation tests each once per instance (atom()).
void Session::planAtomIds() {
  std::map<std::array<uint32_t, 7>, uint32_t> ids;
  for (TestNode& n : testNodes_) {
    if (n.type != TestNode::kAtom) continue;
    const Atom& a = n.atom;
    std::array<uint32_t, 7> key{a.kind, a.op, a.factKind, uint32_t{a.newly} | uint32_t{a.negate} << 1 | uint32_t{a.hasDefault} << 2,
                                a.subject, a.slot, a.arg};
    n.atom.id = ids.emplace(key, static_cast<uint32_t>(ids.size())).first->second;
  }
  atomCount_ = static_cast<uint32_t>(ids.size());
}

void Session::startMemo() {
  if (++memoGen_ >= (uint32_t{1} << 30)) {  // generations wrapped: forget every entry
    std::fill(memo_.begin(), memo_.end(), 0);
    memoGen_ = 1;
  }
  // An applicant of very many items would make the table large (and mostly unused): no memo then.
  const std::size_t need = static_cast<std::size_t>(atomCount_) * static_cast<std::size_t>(ninst_);
  memoStride_ = need <= kMaxMemo ? static_cast<uint32_t>(ninst_) : 0;
  if (memoStride_ && memo_.size() < need) memo_.resize(need, 0);
}

// A clause's screen: the parts of its conditions whose falsity alone makes it give nothing — the
// operands reached through 且 only, in the conditions that come before the first one the direct
// path cannot evaluate (which might fail with an error the screen must not hide). When every
// condition is evaluated directly and the amount is a directly evaluated 分档/分情形, a clause
// whose conditions all hold but whose amount matches nothing gives nothing either.
void Session::planClause(const ClauseDef& cl, ClausePlan& plan) {
  plan.subject = cl.subject;
  plan.root = cl.root;
  plan.document = cl.document;
  plan.guardBegin = static_cast<uint32_t>(guards_.size());
  bool direct = true;
  auto collect = [&](auto& self, uint32_t node) -> void {
    const TestNode& n = testNodes_[node];
    if (n.type != TestNode::kAnd) {
      guards_.push_back(node);
      return;
    }
    for (uint32_t k = node + 1; k < node + n.size; k += testNodes_[k].size) self(self, k);
  };
  for (const auto* blocks : {&cl.eligibility, &cl.conditions})
    for (uint32_t b : *blocks) {
      if (!direct) break;
      if (fastKind_[b] == kFastTest) {
        collect(collect, fastArg_[b]);
        continue;
      }
      // The first condition the direct path cannot evaluate: the operands of its 且 that parse, up
      // to the first that does not (and so on inside that one, when it is a 且 too), still decide
      // it when false, and nothing before them can fail.
      direct = false;
      const Block& blk = p_.blocks[b];
      const Insn* c = p_.code.data() + blk.start;
      auto leading = [&](auto& self, uint32_t from, uint32_t to) -> void {
        if (to < from + 3 || c[from].op != OP_ANDOR_BEGIN || c[to - 1].op != OP_ANDOR_END || c[to - 1].a != 0) return;
        for (uint32_t pos = from + 1; pos < to - 1 && c[pos].op == OP_TRY && c[pos].c > pos + 1 && c[pos].c < to;) {
          const Insn& t = c[pos];
          const Insn& e = c[t.c - 1];
          if (e.op != OP_ENDTRY || e.a != 0 || e.c != to) return;
          std::size_t root = testNodes_.size();
          if (!parseTest(c, pos + 1, t.c - 1)) {
            testNodes_.resize(root);
            return self(self, pos + 1, t.c - 1);
          }
          collect(collect, static_cast<uint32_t>(root));
          pos = t.c;
        }
      };
      if (blk.count >= 1) leading(leading, 0, blk.count - 1);  // before HALT
    }
  plan.guardCount = static_cast<uint32_t>(guards_.size()) - plan.guardBegin;
  // item() computes the amount right after the conditions hold, unless 一次性 already paid it.
  plan.amountScreen = direct && cl.award == kPay && !cl.once && cl.amount != kNone &&
                      (fastKind_[cl.amount] == kFastTier || fastKind_[cl.amount] == kFastCases);
  planKeys(cl, plan);
}

// A clause's key groups: sets of facts (bits of held_) such that, when no fact of a set is given
// or has a history anywhere, the clause certainly gives nothing (no award, no error), so that
// evaluate() skips it without looking at its instances (keysHeld()). One group per guard that is
// false whenever its facts are absent (absentKeys()); and, when no condition can be "not
// assessable", one for a 分档/分情形 amount that matches nothing when its facts are absent.
void Session::planKeys(const ClauseDef& cl, ClausePlan& plan) {
  plan.keyBegin = static_cast<uint32_t>(keys_.size());
  std::vector<uint32_t> bits;
  auto group = [&] {
    keys_.push_back(static_cast<uint32_t>(bits.size()));
    keys_.insert(keys_.end(), bits.begin(), bits.end());
  };
  bool sure = true;  // every guard is true or false, never "not assessable"
  for (uint32_t k = plan.guardBegin; k < plan.guardBegin + plan.guardCount; ++k) {
    bits.clear();
    if (absentKeys(guards_[k], cl.subject, bits)) group();
    sure = sure && neverUnknown(guards_[k], cl.subject);
  }
  bits.clear();
  if (plan.amountScreen && sure) {
    bool keyed = false;
    if (fastKind_[cl.amount] == kFastTier) {
      // FACT of a set without default, or NEWLY: empty when absent, and no key matches.
      const Insn& x = p_.code[p_.blocks[cl.amount].start];
      keyed = onOwnerChain(cl.subject, x.b) && (x.op == OP_NEWLY || !p_.subjects[x.b].facts[x.c].hasDefault);
      if (keyed) bits.push_back(slotBase_[x.b] + x.c);
    } else {
      // Every case false: "no match".
      const auto& span = caseSpans_[fastArg_[cl.amount]];
      keyed = true;
      for (uint32_t k = span.first; k < span.first + span.second && keyed; ++k)
        keyed = absentKeys(caseRoots_[k], cl.subject, bits);
    }
    if (keyed) group();
  }
  plan.keyEnd = static_cast<uint32_t>(keys_.size());
}

// Which clauses to look at, from the facts given rather than clause by clause: each clause with
// key groups is listed under the facts of one group (the one whose facts key the fewest clauses,
// so probably the rarest), the others are always looked at (findCandidates()).
void Session::planKeyIndex() {
  std::size_t nbits = slotBase_.back();
  auto groups = [&](const ClausePlan& plan, auto&& f) {
    for (uint32_t g = plan.keyBegin; g < plan.keyEnd; g += keys_[g] + 1) f(keys_.data() + g + 1, keys_[g]);
  };
  std::vector<uint32_t> uses(nbits, 0);
  for (const ClausePlan& plan : plans_)
    groups(plan, [&](const uint32_t* bits, uint32_t n) {
      for (uint32_t k = 0; k < n; ++k) ++uses[bits[k]];
    });
  std::vector<std::vector<uint32_t>> byBit(nbits);
  always_.assign(plans_.size() / 64 + 1, 0);
  for (std::size_t c = 0; c < plans_.size(); ++c) {
    const uint32_t* best = nullptr;
    uint32_t bestN = 0, bestUses = 0;
    groups(plans_[c], [&](const uint32_t* bits, uint32_t n) {
      uint32_t u = 0;
      for (uint32_t k = 0; k < n; ++k) u += uses[bits[k]];
      if (!best || u < bestUses) best = bits, bestN = n, bestUses = u;
    });
    if (!best) always_[c >> 6] |= uint64_t{1} << (c & 63);
    for (uint32_t k = 0; k < bestN; ++k) byBit[best[k]].push_back(static_cast<uint32_t>(c));
  }
  keyedBegin_.assign(nbits + 1, 0);
  keyed_.clear();
  for (std::size_t b = 0; b < nbits; ++b) {
    keyed_.insert(keyed_.end(), byBit[b].begin(), byBit[b].end());
    keyedBegin_[b + 1] = static_cast<uint32_t>(keyed_.size());
  }
  candidates_.assign(always_.size(), 0);
}

// Per evaluation: the clauses that some given fact (held_) may let give something, in order.
void Session::findCandidates() {
  std::copy(always_.begin(), always_.end(), candidates_.begin());
  for (std::size_t w = 0; w < held_.size(); ++w)
    for (uint64_t bits = held_[w]; bits; bits &= bits - 1) {
      std::size_t b = w * 64 + static_cast<std::size_t>(__builtin_ctzll(bits));
      for (uint32_t k = keyedBegin_[b]; k < keyedBegin_[b + 1]; ++k) candidates_[keyed_[k] >> 6] |= uint64_t{1} << (keyed_[k] & 63);
    }
}

bool Session::onOwnerChain(int of, int subject) const {
  for (int s = of; s >= 0; s = p_.subjects[s].owner)
    if (s == subject) return true;
  return false;
}

// Whether the condition `node` is false whenever none of its facts in `bits` (appended) is given
// or has a history: a boolean (not negated), or 含 over a set or recognition, without a default
// that makes it true (新认定 ignores defaults), of the item's subject or an owner (whose instance
// always exists); 且 when one operand is (its facts), 或 when every operand is (all their facts).
bool Session::absentKeys(uint32_t node, int subject, std::vector<uint32_t>& bits) const {
  const TestNode& n = testNodes_[node];
  if (n.type == TestNode::kAtom) {
    const Atom& a = n.atom;
    bool has = a.kind == Atom::kHasMember || a.kind == Atom::kHasSet;
    if (!((a.kind == Atom::kBoolFact && !a.negate) || has) || !onOwnerChain(subject, a.subject)) return false;
    if (a.hasDefault && !a.newly) {
      // A default that makes the test false works as absence (节能改造项目 defaults to 否).
      const Val& d = p_.subjects[a.subject].facts[a.slot].def;
      bool holds = a.kind == Atom::kBoolFact ? d.i != 0
                   : a.kind == Atom::kHasSet ? (((d.bits[0] & p_.sets[a.arg][0]) | (d.bits[1] & p_.sets[a.arg][1]) |
                                                  (d.bits[2] & p_.sets[a.arg][2]) | (d.bits[3] & p_.sets[a.arg][3])) != 0)
                                             : bit(d.bits, static_cast<int>(a.arg));
      if (holds) return false;
    }
    bits.push_back(slotBase_[a.subject] + a.slot);
    return true;
  }
  std::size_t before = bits.size();
  for (uint32_t k = node + 1; k < node + n.size; k += testNodes_[k].size) {
    if (n.type == TestNode::kOr && !absentKeys(k, subject, bits)) {
      bits.resize(before);
      return false;
    }
    if (n.type == TestNode::kAnd) {
      if (absentKeys(k, subject, bits)) return true;  // this operand alone decides
      bits.resize(before);
    }
  }
  return n.type == TestNode::kOr;
}

// Whether the condition is always true or false, never "not assessable": booleans and 含, of the
// item's subject or an owner.
bool Session::neverUnknown(uint32_t node, int subject) const {
  const TestNode& n = testNodes_[node];
  if (n.type == TestNode::kAtom)
    return (n.atom.kind == Atom::kBoolFact || n.atom.kind == Atom::kHasMember || n.atom.kind == Atom::kHasSet) &&
           onOwnerChain(subject, n.atom.subject);
  for (uint32_t k = node + 1; k < node + n.size; k += testNodes_[k].size)
    if (!neverUnknown(k, subject)) return false;
  return true;
}

// True when the clause certainly gives the instance item_ nothing (no award, no error).
bool Session::screened(const ClausePlan& plan) {
  missing_.clear();  // item() starts afresh anyway
  bool hold = true;
  for (uint32_t k = plan.guardBegin; k < plan.guardBegin + plan.guardCount; ++k) {
    const TestNode& n = testNodes_[guards_[k]];
    Truth t = n.type == TestNode::kAtom ? atom(n.atom) : test(guards_[k]);
    if (t == Truth::False) return true;
    if (t == Truth::Undecided) return false;
    hold = hold && t == Truth::True;
  }
  if (!plan.amountScreen || !hold) return false;
  uint32_t amount = p_.clauses[static_cast<std::size_t>(&plan - plans_.data())].amount;
  if (fastKind_[amount] == kFastTier) return tierNoMatch(amount);
  Outcome o = Outcome::Value;
  return casesDecide(amount, o) && o == Outcome::NoMatch;
}

// [from, to) is a condition: appends its tree (preorder) to testNodes_, or returns false.
bool Session::parseTest(const Insn* c, uint32_t from, uint32_t to) {
  if (to <= from) return false;
  if (c[from].op == OP_ANDOR_BEGIN && c[to - 1].op == OP_ANDOR_END) {
    uint8_t decider = c[to - 1].a;
    std::size_t self = testNodes_.size();
    testNodes_.push_back(TestNode{decider ? TestNode::kOr : TestNode::kAnd, 0, {}});
    uint32_t pos = from + 1;
    while (pos < to - 1) {
      // TRY kid ENDTRY: the handler resumes after ENDTRY, which decides by jumping past ANDOR_END.
      const Insn& t = c[pos];
      if (t.op != OP_TRY || t.c <= pos + 1 || t.c >= to) return false;
      const Insn& e = c[t.c - 1];
      if (e.op != OP_ENDTRY || e.a != decider || e.c != to) return false;
      if (!parseTest(c, pos + 1, t.c - 1)) return false;
      pos = t.c;
    }
    if (pos != to - 1) return false;
    testNodes_[self].size = static_cast<uint32_t>(testNodes_.size() - self);
    return true;
  }
  Atom a;
  if (!parseAtom(c + from, to - from, a)) return false;
  testNodes_.push_back(TestNode{TestNode::kAtom, 1, a});
  return true;
}

bool Session::parseAtom(const Insn* c, uint32_t n, Atom& a) const {
  if (c[0].op != OP_FACT && c[0].op != OP_NEWLY) return false;
  a.subject = c[0].b;
  a.slot = c[0].c;
  a.missing = c[0].d;
  const FactDef& fd = p_.subjects[c[0].b].facts[c[0].c];
  uint8_t kind = fd.kind;
  a.factKind = kind;
  a.hasDefault = fd.hasDefault;
  if (c[0].op == OP_NEWLY) {
    a.newly = true;
  } else if (kind == kBool && (n == 1 || (n == 2 && c[1].op == OP_NOT))) {
    a.kind = Atom::kBoolFact;
    a.negate = n == 2;
    return true;
  }
  if (n != 3) return false;
  const Insn& k = c[1];
  const Insn& use = c[2];
  a.arg = k.c;
  a.op = use.a;
  if (use.op == OP_HAS && (a.newly || kind == kSet || kind == kRecog) &&
      ((k.op == OP_ENUM && use.a == 0) || (k.op == OP_SET && use.a == 1))) {
    a.kind = k.op == OP_SET ? Atom::kHasSet : Atom::kHasMember;
    return true;
  }
  if (a.newly) return false;
  if (use.op == OP_MEMBER && kind == kEnum && k.op == OP_SET) {
    a.kind = Atom::kEnumIn;
    return true;
  }
  if (use.op != OP_CMP) return false;
  if (kind == kEnum && k.op == OP_ENUM && use.b == kCmpEnum) {
    a.kind = Atom::kEnumCmp;
    return true;
  }
  if (kind == kNum && k.op == OP_NUM && k.a == kExact && use.b == kCmpNum) {
    a.kind = Atom::kNumCmp;
    return true;
  }
  return false;
}

// [FACT set | NEWLY, then per tier: key, TIER_TEST 含 (no match: next key), …, HIT, JMP] ending at
// NOMATCH once every key failed. `keys`: the union of the keys.
bool Session::tierKeys(const Insn* c, uint32_t n, std::array<uint64_t, 4>& keys) const {
  if (c[0].op == OP_FACT) {
    uint8_t kind = p_.subjects[c[0].b].facts[c[0].c].kind;
    if (kind != kSet && kind != kRecog) return false;
  } else if (c[0].op != OP_NEWLY) {
    return false;
  }
  uint32_t pos = 1;
  while (pos + 1 < n && c[pos].op != OP_NOMATCH) {
    const Insn& key = c[pos];
    const Insn& t = c[pos + 1];
    if (t.op != OP_TIER_TEST || t.a != kTierHas || !keyFits(key, t, kCmpSet) || t.c <= pos + 1 || t.c >= n) return false;
    if (key.op == OP_SET) {
      for (int w = 0; w < 4; ++w) keys[w] |= p_.sets[key.c][w];
    } else if (key.c < 256) {
      keys[key.c >> 6] |= uint64_t{1} << (key.c & 63);
    }
    pos = t.c;
  }
  return pos < n && c[pos].op == OP_NOMATCH;
}

bool Session::fast(uint32_t blockIndex, Outcome& o) {
  if (fastKind_[blockIndex] == kFastCases) {
    // "no match" (its explanation line excepted) and "not assessable"; a case that holds takes the
    // general path for its value.
    std::size_t before = missing_.size();
    if (casesDecide(blockIndex, o) && !(explain_ && o == Outcome::NoMatch)) return true;
    missing_.resize(before);
    return false;
  }
  if (fastKind_[blockIndex] == kFastTier) {
    // Only "no match" is decided here; a matching tier (and every explanation) takes the general path.
    if (explain_ || !tierNoMatch(blockIndex)) return false;
    o = Outcome::NoMatch;
    return true;
  }
  std::size_t before = missing_.size();
  switch (test(fastArg_[blockIndex])) {
    case Truth::Undecided:
      missing_.resize(before);
      return false;
    case Truth::Unknown: o = Outcome::NotAssessable; return true;
    case Truth::True: setBoolVal(fastOut_, true); break;
    case Truth::False: setBoolVal(fastOut_, false); break;
  }
  o = Outcome::Value;
  return true;
}

// [case: condition, JF next case, CASE_HIT, value…, JMP end]… NOMATCH: appends the conditions'
// trees to testNodes_ and their roots to caseRoots_. A condition ends at the first JF before
// which a whole condition parses.
bool Session::caseTests(const Insn* c, uint32_t n) {
  uint32_t pos = 0, cases = 0;
  for (; pos < n && c[pos].op != OP_NOMATCH; ++cases) {
    uint32_t j = pos + 1;
    std::size_t root = testNodes_.size();
    for (; j < n; ++j) {
      if (c[j].op != OP_JF) continue;
      if (parseTest(c, pos, j)) break;
      testNodes_.resize(root);
    }
    if (j >= n || c[j].c <= j || c[j].c >= n) return false;
    caseRoots_.push_back(static_cast<uint32_t>(root));
    pos = c[j].c;
  }
  return pos < n && cases > 0;
}

// The outcome of a 分情形 block when no case holds: "no match", or "not assessable" as soon as a
// case's condition is (no handler catches it). False when a case holds or is undecided.
bool Session::casesDecide(uint32_t blockIndex, Outcome& o) {
  const auto& span = caseSpans_[fastArg_[blockIndex]];
  for (uint32_t k = span.first; k < span.first + span.second; ++k) {
    switch (test(caseRoots_[k])) {
      case Truth::False: continue;
      case Truth::Unknown: o = Outcome::NotAssessable; return true;
      default: return false;
    }
  }
  o = Outcome::NoMatch;
  return true;
}

bool Session::tierNoMatch(uint32_t blockIndex) const {
  const Insn& x = p_.code[p_.blocks[blockIndex].start];
  Atom a;
  a.subject = x.b;
  a.slot = x.c;
  a.newly = x.op == OP_NEWLY;
  uint64_t bits[4];
  if (setBits(a, bits) != Truth::True) return false;
  const auto& keys = tierKeys_[fastArg_[blockIndex]];
  return ((bits[0] & keys[0]) | (bits[1] & keys[1]) | (bits[2] & keys[2]) | (bits[3] & keys[3])) == 0;
}

// A 且/或 node decides as soon as one operand has its deciding value (and forgets the facts its
// earlier operands missed); otherwise it is not assessable if any operand was — as OP_ENDTRY and
// OP_ANDOR_END.
Session::Truth Session::test(uint32_t node) {
  const TestNode& n = testNodes_[node];
  if (n.type == TestNode::kAtom) {
    Truth t = atom(n.atom);
    if (t == Truth::Unknown && std::find(missing_.begin(), missing_.end(), n.atom.missing) == missing_.end())
      missing_.push_back(n.atom.missing);
    return t;
  }
  Truth decides = n.type == TestNode::kOr ? Truth::True : Truth::False;
  std::size_t before = missing_.size();
  bool unknown = false;
  for (uint32_t k = node + 1; k < node + n.size; k += testNodes_[k].size) {
    Truth t = test(k);
    if (t == Truth::Undecided) return t;
    if (t == decides) {
      if (before < missing_.size()) missing_.resize(before);
      return t;
    }
    unknown |= t == Truth::Unknown;
  }
  if (unknown) return Truth::Unknown;
  return decides == Truth::True ? Truth::False : Truth::True;
}

// The members of a set or recognition fact (held on the evaluation date, or with `newly` granted
// this year). True when `bits` holds them.
Session::Truth Session::setBits(const Atom& a, uint64_t bits[4]) const {
  int i = instanceOf(a.subject);
  if (i < 0) return Truth::Unknown;
  const Instance& in = inst_[i];
  std::memset(bits, 0, 32);
  if (!in.present[a.slot]) {
    // 新认定 of an absent recognition is empty; an absent set is empty unless a default or this
    // year's history says otherwise.
    if (a.newly) return Truth::True;
    const FactDef& fd = p_.subjects[a.subject].facts[a.slot];
    return fd.hasDefault || !in.history[a.slot].empty() ? Truth::Undecided : Truth::True;
  }
  if (!a.newly && p_.subjects[a.subject].facts[a.slot].kind == kSet) {
    std::memcpy(bits, in.facts[a.slot].bits, 32);
    return Truth::True;
  }
  for (const auto& g : in.grants[a.slot]) {
    if (g.first < 0 || g.first >= 256 || !heldOn(g.second, evalDate_)) continue;
    if (a.newly && (g.second < yearStart_ || g.second >= yearEnd_)) continue;
    bits[g.first >> 6] |= uint64_t{1} << (g.first & 63);
  }
  return Truth::True;
}

// A leaf as the interpreter evaluates it (OP_FACT/OP_NEWLY, then the test), reading the cell in
// place: this runs for most clauses of every evaluation. atom() and atomAt() are inlined into the
// screens and condition trees that call them (−2.7 % instructions on the city batch).
inline __attribute__((always_inline)) Session::Truth Session::atom(const Atom& a) const {
  int i = item_;  // the leaf's subject is the item's or one of its owners'
  while (i >= 0 && inst_[i].subject != a.subject) i = inst_[i].parent;
  if (i < 0) return Truth::Unknown;
  if (memoStride_ == 0) return atomAt(a, inst_[i]);
  uint32_t& m = memo_[static_cast<std::size_t>(a.id) * memoStride_ + static_cast<uint32_t>(i)];
  if ((m >> 2) == memoGen_) return static_cast<Truth>(m & 3);
  const Truth t = atomAt(a, inst_[i]);
  m = memoGen_ << 2 | static_cast<uint32_t>(t);
  return t;
}

inline __attribute__((always_inline)) Session::Truth Session::atomAt(const Atom& a, const Instance& in) const {
  auto truth = [](bool b) { return b ? Truth::True : Truth::False; };
  const bool present = in.present[a.slot] != 0;
  bool has = a.kind == Atom::kHasMember || a.kind == Atom::kHasSet;
  const Val* vp = &in.facts[a.slot];
  if (!present) {
    // 新认定 of an absent recognition is empty; otherwise this year's history or a default
    // supplies the value (a default's members, for a recognition, as for a set); failing those an
    // absent boolean is 否, an absent set empty, anything else not assessable.
    if (a.newly) return Truth::False;
    if (!in.history[a.slot].empty()) return Truth::Undecided;
    if (a.hasDefault) {
      vp = &p_.subjects[a.subject].facts[a.slot].def;
    } else {
      if (a.kind == Atom::kBoolFact) return truth(a.negate);
      return has ? Truth::False : Truth::Unknown;
    }
  }
  const Val& v = *vp;
  if (has) {
    const uint64_t* set = a.kind == Atom::kHasSet ? p_.sets[a.arg].data() : nullptr;
    auto member = [&](int m) { return set ? bit(set, m) : m == static_cast<int>(a.arg); };
    if (!a.newly && (a.factKind == kSet || !present)) {
      if (set) return truth(((v.bits[0] & set[0]) | (v.bits[1] & set[1]) | (v.bits[2] & set[2]) | (v.bits[3] & set[3])) != 0);
      return truth(bit(v.bits, static_cast<int>(a.arg)));
    }
    for (const auto& g : in.grants[a.slot]) {
      if (g.first < 0 || g.first >= 256 || !heldOn(g.second, evalDate_)) continue;
      if (a.newly && (g.second < yearStart_ || g.second >= yearEnd_)) continue;
      if (member(g.first)) return Truth::True;
    }
    return Truth::False;
  }
  switch (a.kind) {
    case Atom::kBoolFact: return truth((v.i != 0) != a.negate);
    case Atom::kEnumIn: return truth(bit(p_.sets[a.arg].data(), v.i) != (a.op != 0));
    case Atom::kEnumCmp: {
      int k = static_cast<int>(a.arg);
      return truth(holds(v.i == k ? 0 : (v.i < k ? 1 : -1), a.op));
    }
    case Atom::kNumCmp:
      if (v.form != kExact) return Truth::Undecided;  // the comparison fails: the general path reports it
      return truth(holds(compare(v.lo, p_.decimals[a.arg]), a.op));
  }
  return Truth::Undecided;
}

}  // namespace polrt
