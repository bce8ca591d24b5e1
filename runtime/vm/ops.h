// The bodies of the block instructions (docs/bytecode.md, "Code"), written once and used by both
// evaluators of a block: the interpreter (interp.cpp) inlines them into its dispatch loop, and the
// C ABI that native code calls (native_abi.cpp, the LLVM backend's blocks: docs/llvm.md) wraps
// each in an exported function. So the VM and the native blocks agree by construction.
//
// Each op sees the operand stack `st` and its height `sp` (which it updates exactly as the
// instruction's stack effect says), the and/or locals, and returns what happens next. Control
// structure that is static — TRY handler bookkeeping, HALT, JMP — is the caller's: the interpreter
// keeps a handler stack, native code knows the handlers at each instruction at compile time.
#pragma once

#include <algorithm>
#include <cstring>
#include <exception>

#include "decimal/amount_rules.h"
#include "decimal/eval_errors.h"
#include "decimal/operand_rank.h"
#include "text/text.h"
#include "vm/vm.h"
#include "vm/vm_detail.h"

#if defined(__GNUC__) || defined(__clang__)
#define POLRT_OP_INLINE inline __attribute__((always_inline))
#else
#define POLRT_OP_INLINE inline
#endif

namespace polrt::detail {

// What an op asks for. Jump: to the instruction's c. NotAssessable: to the innermost handler (or
// the block's result is not assessable). The numbering is part of the native ABI (native_abi.h).
enum class Step : uint8_t { Next = 0, Jump = 1, NotAssessable = 2, NoMatch = 3, Threw = 4 };

struct Ops {
  using Local = Session::Local;
  using Outcome = Session::Outcome;

  // One run of a native block: what the exported ops need to reach the session's state.
  struct Frame {
    Session* s = nullptr;
    const Insn* code = nullptr;  // the program's whole code section (native code passes indices)
    Val* st = nullptr;
    Local* locals = nullptr;
    std::exception_ptr error;  // an op threw (VmError, bad_alloc): rethrown by Session::run
  };

  static void noteMissing(Session& s, uint32_t desc) {
    if (std::find(s.missing_.begin(), s.missing_.end(), desc) == s.missing_.end()) s.missing_.push_back(desc);
  }
  // A handler caught "not assessable": its 且/或 had an unknown operand.
  static POLRT_OP_INLINE void caught(Local* locals, uint32_t local) { locals[local].unknown = true; }
  // A handler caught "no match": its 且/或 had an operand with no value, which ANDOR_END ranks.
  static POLRT_OP_INLINE void unmatched(Local* locals, uint32_t local) { locals[local].noValue = true; }
  // A handler caught an error raised under it: its 且/或 holds the first, for ANDOR_END to raise if
  // no operand decides and none needs an absent fact (docs/ir.md, "Facts that are absent"). False
  // for what is no evaluation error (bad_alloc): that ends the run.
  static bool erred(Session& s, Local* locals, uint32_t local, const std::exception_ptr& e) {
    try {
      std::rethrow_exception(e);
    } catch (const VmError&) {
      if (!locals[local].erred) s.localErrors_[local] = e;
      locals[local].erred = true;
      return true;
    } catch (...) {
      return false;
    }
  }

  static POLRT_OP_INLINE Step NUM(Session& s, const Insn& in, Val* st, uint32_t& sp, Local*) {
    setNumVal(st[sp++], s.p_.decimals[in.c], s.p_.decimals[in.d], in.a);
    return Step::Next;
  }
  static POLRT_OP_INLINE Step BOOL(Session&, const Insn& in, Val* st, uint32_t& sp, Local*) {
    setBoolVal(st[sp++], in.a != 0);
    return Step::Next;
  }
  static POLRT_OP_INLINE Step ENUM(Session&, const Insn& in, Val* st, uint32_t& sp, Local*) {
    st[sp].kind = kEnum;
    st[sp++].i = static_cast<int32_t>(in.c);
    return Step::Next;
  }
  static POLRT_OP_INLINE Step SET(Session& s, const Insn& in, Val* st, uint32_t& sp, Local*) {
    st[sp].kind = kSet;
    std::memcpy(st[sp++].bits, s.p_.sets[in.c].data(), 32);
    return Step::Next;
  }
  static POLRT_OP_INLINE Step DATE(Session&, const Insn& in, Val* st, uint32_t& sp, Local*) {
    st[sp].kind = kDate;
    st[sp++].i = static_cast<int32_t>(in.c);
    return Step::Next;
  }
  static POLRT_OP_INLINE Step TEXT(Session& s, const Insn& in, Val* st, uint32_t& sp, Local*) {
    const std::string& str = s.p_.strings[in.c];
    st[sp].kind = kText;
    st[sp].tp = str.data();
    st[sp++].tl = static_cast<uint32_t>(str.size());
    return Step::Next;
  }
  static POLRT_OP_INLINE Step FACT(Session& s, const Insn& in, Val* st, uint32_t& sp, Local*) {
    if (!s.loadFact(in.b, static_cast<int>(in.c), st[sp])) {
      noteMissing(s, in.d);
      return Step::NotAssessable;
    }
    ++sp;
    return Step::Next;
  }
  static POLRT_OP_INLINE Step PREV(Session& s, const Insn& in, Val* st, uint32_t& sp, Local*) {
    const auto* h = s.historyOf(in.b, static_cast<int>(in.c));
    if (h)
      for (const auto& e : *h)
        if (e.first == s.year_ - 1) {
          st[sp++] = e.second;
          return Step::Next;
        }
    noteMissing(s, in.d);
    return Step::NotAssessable;
  }
  // 历史最高 over the years before the evaluation year; false when there are none.
  static bool historyMax(const Session& s, int subject, int slot, Decimal& best) {
    const auto* h = s.historyOf(subject, slot);
    bool any = false;
    if (h)
      for (const auto& e : *h)
        if (e.first < s.year_) {
          best = any ? max(best, e.second.lo) : e.second.lo;
          any = true;
        }
    return any;
  }
  static POLRT_OP_INLINE Step HISTMAX(Session& s, const Insn& in, Val* st, uint32_t& sp, Local*) {
    Decimal best;
    if (!historyMax(s, in.b, static_cast<int>(in.c), best)) {
      noteMissing(s, in.d);
      return Step::NotAssessable;
    }
    setNumVal(st[sp++], best, best, kExact);
    return Step::Next;
  }
  static Step INCREASE(Session& s, const Insn& in, Val* st, uint32_t& sp, Local*) {
    const auto& r = s.p_.explain[in.d];
    Val& now = st[sp];
    if (!s.loadFact(in.b, static_cast<int>(in.c), now)) {
      noteMissing(s, r[3]);
      return Step::NotAssessable;
    }
    const auto* h = s.historyOf(in.b, static_cast<int>(in.c));
    const Val* before = nullptr;
    if (h)
      for (const auto& e : *h)
        if (e.first == s.year_ - 1) {
          before = &e.second;
          break;
        }
    if (!before) {
      noteMissing(s, r[4]);
      return Step::NotAssessable;
    }
    Decimal d = s.sub(now.lo, before->lo, r[1]);
    if (s.explain_) {
      Val o;
      setNumVal(o, d, d, kExact);
      s.lines_.push_back(s.p_.strings[r[1]] + "：" + s.show(now, r[2]) + " − 上年 " + s.show(*before, r[2]) + " = " +
                         s.show(o, r[2]));
    }
    setNumVal(st[sp++], d, d, kExact);
    return Step::Next;
  }
  static POLRT_OP_INLINE Step FIRSTOVER(Session& s, const Insn& in, Val* st, uint32_t& sp, Local*) {
    bool r = s.firstOver(in.b, static_cast<int>(in.c), st[sp - 2].lo, st[sp - 1].lo);
    --sp;
    setBoolVal(st[sp - 1], r);
    return Step::Next;
  }
  static POLRT_OP_INLINE Step NEWLY(Session& s, const Insn& in, Val* st, uint32_t& sp, Local*) {
    int i = s.instanceOf(in.b);
    if (i < 0) {
      noteMissing(s, in.d);
      return Step::NotAssessable;
    }
    Val& v = st[sp++];
    v.kind = kSet;
    std::memset(v.bits, 0, sizeof v.bits);
    if (s.inst_[i].present[in.c])
      for (const auto& g : s.inst_[i].grants[in.c])
        if (g.second >= s.yearStart_ && g.second < s.yearEnd_ && heldOn(g.second, s.evalDate_) && g.first >= 0 && g.first < 256)
          v.bits[g.first >> 6] |= uint64_t{1} << (g.first & 63);
    return Step::Next;
  }
  static Step PARAM(Session& s, const Insn& in, Val* st, uint32_t& sp, Local*) {
    int day = s.evalDate_;
    if (in.a) day = st[--sp].i;
    const ParamDef& prm = s.p_.params[in.b];
    const ParamEntryDef* found = nullptr;
    for (const auto& e : prm.entries)
      if (e.day <= day) found = &e;
    if (!found)
      s.fail(in.c, noValueOn(s.p_.strings[prm.name], text::formatDate(day),
                             prm.entries.empty() ? std::string() : s.p_.strings[prm.entries.front().date]));
    if (s.explain_)
      s.lines_.push_back(s.p_.strings[prm.name] + " 于 " + text::formatDate(day) + "：" + s.show(found->value, prm.type) +
                         "（自 " + s.p_.strings[found->date] + " 起）");
    st[sp++] = found->value;
    return Step::Next;
  }
  static POLRT_OP_INLINE Step NEG(Session&, const Insn&, Val* st, uint32_t& sp, Local*) {
    Val& v = st[sp - 1];
    Decimal lo = v.hi.negated(), hi = v.lo.negated();
    v.lo = lo;
    v.hi = hi;
    return Step::Next;
  }
  static Step ARITH(Session& s, const Insn& in, Val* st, uint32_t& sp, Local*) {
    static const char* const kSigns[] = {"×", "÷", "+", "−"};
    Val& a = st[sp - 2];
    Val& b = st[sp - 1];
    Val o;
    o.kind = kNum;
    switch (in.a) {
      case kMul:
      case kDiv: {
        bool aExact = a.form == kExact;
        const Val& amount = aExact ? b : a;
        const Val& factor = aExact ? a : b;
        Decimal lo, hi;
        if (in.a == kMul) {
          lo = s.mul(amount.lo, factor.lo, in.c);
          hi = s.mul(amount.hi, factor.lo, in.c);
        } else if (!aExact || b.form == kExact) {
          lo = s.divExact(a.lo, b.lo, in.c);
          hi = s.divExact(a.hi, b.lo, in.c);
        } else {
          lo = s.divExact(a.lo, b.hi, in.c);
          hi = s.divExact(a.lo, b.lo, in.c);
        }
        if (hi < lo) std::swap(lo, hi);
        o.lo = lo;
        o.hi = hi;
        o.form = amount.form;
        break;
      }
      case kAdd:
        o.lo = s.add(a.lo, b.lo, in.c);
        o.hi = s.add(a.hi, b.hi, in.c);
        o.form = wider(a.form, b.form);
        break;
      default:
        o.lo = s.sub(a.lo, b.hi, in.c);
        o.hi = s.sub(a.hi, b.lo, in.c);
        o.form = wider(a.form, b.form);
        break;
    }
    if (s.explain_) {
      const auto& r = s.p_.explain[in.d];
      s.lines_.push_back(s.withValue(r, 1, a) + " " + kSigns[in.a] + " " + s.withValue(r, 4, b) + " = " + s.show(o, r[7]));
    }
    --sp;
    setNumVal(st[sp - 1], o.lo, o.hi, o.form);
    return Step::Next;
  }
  // The comparison of CMP and of TIER_TEST's compare modes; `site` names a failure.
  static POLRT_OP_INLINE bool compareValues(Session& s, const Val& a, const Val& b, uint8_t cls, uint8_t op, uint32_t site) {
    bool r = false;
    switch (cls) {
      case kCmpNum:
        if (a.form != kExact || b.form != kExact) s.fail(site, inexactComparison());
        r = holds(compare(a.lo, b.lo), op);
        break;
      case kCmpEnum: r = holds(a.i == b.i ? 0 : (a.i < b.i ? 1 : -1), op); break;
      case kCmpDate: r = holds((a.i > b.i) - (a.i < b.i), op); break;
      case kCmpBool: r = holds(a.i == b.i ? 0 : 1, op); break;
      case kCmpText: r = holds(a.tl == b.tl && (a.tl == 0 || std::memcmp(a.tp, b.tp, a.tl) == 0) ? 0 : 1, op); break;
      case kCmpSet: r = holds(std::memcmp(a.bits, b.bits, 32) == 0 ? 0 : 1, op); break;
      case kCmpSetEnum:
        for (int m = 0; m < 256 && !r; ++m)
          if (bit(a.bits, m) && holds(m == b.i ? 0 : (m < b.i ? 1 : -1), op)) r = true;
        break;
    }
    return r;
  }
  static POLRT_OP_INLINE Step CMP(Session& s, const Insn& in, Val* st, uint32_t& sp, Local*) {
    bool r = compareValues(s, st[sp - 2], st[sp - 1], static_cast<uint8_t>(in.b), in.a, in.c);
    --sp;
    setBoolVal(st[sp - 1], r);
    return Step::Next;
  }
  static POLRT_OP_INLINE Step NOT(Session&, const Insn&, Val* st, uint32_t& sp, Local*) {
    st[sp - 1].i = !st[sp - 1].i;
    return Step::Next;
  }
  static POLRT_OP_INLINE Step MEMBER(Session&, const Insn& in, Val* st, uint32_t& sp, Local*) {
    bool r = bit(st[sp - 1].bits, st[sp - 2].i);
    --sp;
    setBoolVal(st[sp - 1], r != (in.a != 0));
    return Step::Next;
  }
  static POLRT_OP_INLINE bool intersects(const uint64_t* a, const uint64_t* b) {
    return ((a[0] & b[0]) | (a[1] & b[1]) | (a[2] & b[2]) | (a[3] & b[3])) != 0;
  }
  static POLRT_OP_INLINE Step HAS(Session&, const Insn& in, Val* st, uint32_t& sp, Local*) {
    const Val& set = st[sp - 2];
    const Val& m = st[sp - 1];
    bool r = in.a ? intersects(set.bits, m.bits) : bit(set.bits, m.i);
    --sp;
    setBoolVal(st[sp - 1], r);
    return Step::Next;
  }
  // The handler itself was popped by the caller.
  static POLRT_OP_INLINE Step ENDTRY(Session& s, const Insn& in, Val* st, uint32_t& sp, Local* locals) {
    bool v = st[--sp].i != 0;
    if (v != (in.a != 0)) return Step::Next;
    if (locals[in.b].before < s.missing_.size()) s.missing_.resize(locals[in.b].before);
    setBoolVal(st[sp++], in.a != 0);
    return Step::Jump;
  }
  static POLRT_OP_INLINE Step ANDOR_BEGIN(Session& s, const Insn& in, Val*, uint32_t&, Local* locals) {
    locals[in.b] = Local{static_cast<uint32_t>(s.missing_.size()), false, false, false};
    return Step::Next;
  }
  // No operand decided: the rank of what the others gave is polrt::undecided (docs/ir.md).
  static POLRT_OP_INLINE Step ANDOR_END(Session& s, const Insn& in, Val* st, uint32_t& sp, Local* locals) {
    const Local& l = locals[in.b];
    switch (undecided(in.a != 0, static_cast<Polarity>(in.c), l.noValue, l.unknown, l.erred)) {
      case Undecided::NoValue:
        if (l.before < s.missing_.size()) s.missing_.resize(l.before);
        return Step::NoMatch;
      case Undecided::Absent: return Step::NotAssessable;
      case Undecided::Error: std::rethrow_exception(s.localErrors_[in.b]);
      case Undecided::Value: break;
    }
    setBoolVal(st[sp++], in.a == 0);
    return Step::Next;
  }
  static POLRT_OP_INLINE Step JF(Session&, const Insn&, Val* st, uint32_t& sp, Local*) {
    return st[--sp].i ? Step::Next : Step::Jump;
  }
  static POLRT_OP_INLINE Step TIER_TEST(Session& s, const Insn& in, Val* st, uint32_t& sp, Local*) {
    const Val& k = st[sp - 1];
    const Val& x = st[sp - 2];
    bool match = false;
    switch (in.a) {
      case kTierCompare:
      case kTierEqual: match = compareValues(s, x, k, static_cast<uint8_t>(in.b), static_cast<uint8_t>(in.e & 0xFF), in.d); break;
      case kTierHas: match = in.b == kCmpSet ? intersects(x.bits, k.bits) : bit(x.bits, k.i); break;
      case kTierFirstOver: match = s.firstOver(static_cast<int>(in.e >> 16), static_cast<int>(in.e & 0xFFFF), x.lo, k.lo); break;
    }
    --sp;
    return match ? Step::Next : Step::Jump;
  }
  static Step TIER_HIT(Session& s, const Insn& in, Val* st, uint32_t& sp, Local*) {
    if (s.explain_) {
      const auto& r = s.p_.explain[in.d];
      const Val& x = st[sp - 2];
      std::string detail;
      if (r[7] != kNone) {
        Decimal best;
        bool any = historyMax(s, static_cast<int>(r[7]), static_cast<int>(r[8]), best);
        Val bv;
        setNumVal(bv, best, best, kExact);
        detail = "（" + (any ? "往年最高 " + s.show(bv, r[3]) : std::string("无往年记录")) + "）";
      }
      s.lines_.push_back("分档：" + s.withValue(r, 1, x) + " " + s.p_.strings[r[4]] + " " + s.p_.strings[r[5]] + detail +
                         " → " + s.p_.strings[r[6]]);
    }
    st[sp - 2] = st[sp - 1];
    --sp;
    return Step::Next;
  }
  static Step NOMATCH(Session& s, const Insn& in, Val* st, uint32_t& sp, Local*) {
    if (s.explain_) {
      const auto& r = s.p_.explain[in.d];
      if (r[0] == kExTierNone) s.lines_.push_back("分档：" + s.withValue(r, 1, st[sp - 1]) + " 不满足任何一档");
      else s.lines_.push_back("分情形：没有成立的情形");
    }
    return Step::NoMatch;
  }
  static Step CASE_HIT(Session& s, const Insn& in, Val*, uint32_t&, Local*) {
    if (s.explain_) {
      const auto& r = s.p_.explain[in.d];
      s.lines_.push_back("分情形：" + (r[1] == kNone ? std::string("其他") : s.p_.strings[r[1]]) + " → " + s.p_.strings[r[2]]);
    }
    return Step::Next;
  }
  static POLRT_OP_INLINE Step MARG_BEGIN(Session& s, const Insn&, Val* st, uint32_t& sp, Local*) {
    setNumVal(st[sp++], Decimal(), Decimal(), kExact);
    if (s.explain_) s.margParts_.emplace_back();
    return Step::Next;
  }
  static POLRT_OP_INLINE Step MARG_TEST(Session&, const Insn&, Val* st, uint32_t& sp, Local*) {
    if (st[sp - 3].lo > st[sp - 1].lo) return Step::Next;
    --sp;
    return Step::Jump;
  }
  static Step MARG_BAND(Session& s, const Insn& in, Val* st, uint32_t& sp, Local*) {
    const Val& rate = st[sp - 1];
    uint32_t tAt = in.a ? sp - 3 : sp - 2;
    const Val& t = st[tAt];
    Val& total = st[tAt - 1];
    const Val& x = st[tAt - 2];
    Decimal top = x.lo;
    if (in.a) top = min(top, st[sp - 2].lo);
    Decimal width = s.sub(top, t.lo, in.c);
    // Thresholds given by facts, which sema cannot order (decimal/amount_rules.h).
    if (in.a)
      if (const char* bad = badMarginalBand(width)) s.fail(in.c, bad);
    Decimal band = s.mul(rate.lo, width, in.c);
    Decimal sum = s.add(total.lo, band, in.c);
    if (s.explain_ && !s.margParts_.empty()) {
      const auto& r = s.p_.explain[in.d];
      Val w;
      setNumVal(w, width, width, kExact);
      std::string& parts = s.margParts_.back();
      parts += (parts.empty() ? "" : " + ") + s.p_.strings[r[1]] + " × " + s.show(w, r[2]);
    }
    setNumVal(total, sum, sum, kExact);
    sp = tAt;
    return Step::Next;
  }
  static Step MARG_END(Session& s, const Insn& in, Val* st, uint32_t& sp, Local*) {
    Decimal total = st[sp - 1].lo;
    if (s.explain_) {
      const auto& r = s.p_.explain[in.d];
      std::string parts;
      if (!s.margParts_.empty()) {
        parts = std::move(s.margParts_.back());
        s.margParts_.pop_back();
      }
      Val tv;
      setNumVal(tv, total, total, kExact);
      s.lines_.push_back("累进：" + s.withValue(r, 1, st[sp - 2]) + " → " + (parts.empty() ? std::string("0") : parts) + " = " +
                         s.show(tv, r[4]));
    }
    --sp;
    setNumVal(st[sp - 1], total, total, kExact);
    return Step::Next;
  }
  static Step STEPS(Session& s, const Insn& in, Val* st, uint32_t& sp, Local*) {
    const Val& x = st[sp - 4];
    const Val& from = st[sp - 3];
    const Val& every = st[sp - 2];
    const Val& addv = st[sp - 1];
    const auto& r = s.p_.explain[in.d];
    Val o;
    if (!(x.lo > from.lo)) {
      if (s.explain_) s.lines_.push_back("递增：" + s.withValue(r, 1, x) + " 未超过 " + s.p_.strings[r[4]] + "，另给予 0");
      setNumVal(o, Decimal(), Decimal(), addv.form);
    } else {
      if (every.lo.sign() <= 0) s.fail(in.c, stepNotPositive());
      Decimal n;
      if (auto err = polrt::div(s.sub(x.lo, from.lo, in.c), every.lo, 0, RoundingMode::Floor, n); err != ArithError::None)
        s.fail(in.c, toString(err));
      setNumVal(o, s.mul(addv.lo, n, in.c), s.mul(addv.hi, n, in.c), addv.form);
      if (s.explain_)
        s.lines_.push_back("递增：(" + s.withValue(r, 1, x) + " − " + s.p_.strings[r[4]] + ") ÷ " + s.p_.strings[r[5]] +
                           " 取整 = " + n.toString() + " 档 × " + s.p_.strings[r[6]] + " = " + s.show(o, r[7]));
    }
    sp -= 3;
    setNumVal(st[sp - 1], o.lo, o.hi, o.form);
    return Step::Next;
  }
  static POLRT_OP_INLINE Step MINMAX(Session&, const Insn& in, Val* st, uint32_t& sp, Local*) {
    Val& o = st[sp - 2];
    const Val& v = st[sp - 1];
    if (in.a) {
      o.lo = min(o.lo, v.lo);
      o.hi = min(o.hi, v.hi);
    } else {
      o.lo = max(o.lo, v.lo);
      o.hi = max(o.hi, v.hi);
    }
    o.form = wider(o.form, v.form);
    --sp;
    return Step::Next;
  }
  static POLRT_OP_INLINE Step UPTO(Session&, const Insn&, Val* st, uint32_t& sp, Local*) {
    Val& v = st[sp - 1];
    v.lo = Decimal();
    v.form = kUpTo;
    return Step::Next;
  }
  static POLRT_OP_INLINE Step RANGE(Session&, const Insn&, Val* st, uint32_t& sp, Local*) {
    Val& a = st[sp - 2];
    a.hi = st[sp - 1].hi;
    a.form = kRange;
    --sp;
    return Step::Next;
  }
  static Step CAP(Session& s, const Insn& in, Val* st, uint32_t& sp, Local*) {
    Val& v = st[sp - 2];
    const Val& c = st[sp - 1];
    Decimal lo = min(v.lo, c.lo), hi = min(v.hi, c.lo);
    if (s.explain_) {
      const auto& r = s.p_.explain[in.d];
      std::string cap = s.show(c, r[1]);
      s.lines_.push_back(hi < v.hi ? text::amountText(v.lo, v.hi, v.form) + " 超过上限 " + cap + "，按 " + cap
                                   : text::amountText(v.lo, v.hi, v.form) + " 未超过上限 " + cap);
    }
    v.lo = lo;
    v.hi = hi;
    --sp;
    return Step::Next;
  }
};

}  // namespace polrt::detail
