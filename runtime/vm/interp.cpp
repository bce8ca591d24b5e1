// The interpreter of code blocks (docs/bytecode.md, "Instructions"): a stack machine over the
// verified program. The clause-level steps that call it are vm.cpp.
#include <algorithm>
#include <cstring>

#include "vm/text.h"
#include "vm/vm.h"
#include "vm/vm_detail.h"

namespace polrt {

using namespace bc;
using namespace detail;

Session::Outcome Session::run(uint32_t blockIndex, const Val*& out) {
  if (fastKind_[blockIndex]) {
    Outcome o;
    if (fast(blockIndex, o)) {
      out = &fastOut_;
      return o;
    }
  }
  const Block& b = p_.blocks[blockIndex];
  const Insn* code = p_.code.data() + b.start;
  Val* st = stack_.data();
  Local* locals = locals_.data();
  Handler* handlers = handlers_.data();
  uint32_t sp = 0, hc = 0, pc = 0;
  static const char* const kSigns[] = {"×", "÷", "+", "−"};
  for (;;) {
    const Insn& in = code[pc++];
    switch (in.op) {
      case OP_HALT:
        out = &st[0];
        return Outcome::Value;
      case OP_NUM: setNumVal(st[sp++], p_.decimals[in.c], p_.decimals[in.d], in.a); break;
      case OP_BOOL: setBoolVal(st[sp++], in.a != 0); break;
      case OP_ENUM: st[sp].kind = kEnum; st[sp++].i = static_cast<int32_t>(in.c); break;
      case OP_SET: st[sp].kind = kSet; std::memcpy(st[sp++].bits, p_.sets[in.c].data(), 32); break;
      case OP_DATE: st[sp].kind = kDate; st[sp++].i = static_cast<int32_t>(in.c); break;
      case OP_TEXT: {
        const std::string& s = p_.strings[in.c];
        st[sp].kind = kText;
        st[sp].tp = s.data();
        st[sp++].tl = static_cast<uint32_t>(s.size());
        break;
      }
      case OP_FACT:
        if (!loadFact(in.b, static_cast<int>(in.c), st[sp])) {
          if (std::find(missing_.begin(), missing_.end(), in.d) == missing_.end()) missing_.push_back(in.d);
          goto notAssessable;
        }
        ++sp;
        break;
      case OP_PREV: {
        const auto* h = historyOf(in.b, static_cast<int>(in.c));
        bool found = false;
        if (h)
          for (const auto& e : *h)
            if (e.first == year_ - 1) {
              st[sp] = e.second;
              found = true;
              break;
            }
        if (!found) {
          if (std::find(missing_.begin(), missing_.end(), in.d) == missing_.end()) missing_.push_back(in.d);
          goto notAssessable;
        }
        ++sp;
        break;
      }
      case OP_HISTMAX: {
        const auto* h = historyOf(in.b, static_cast<int>(in.c));
        bool any = false;
        Decimal best;
        if (h)
          for (const auto& e : *h)
            if (e.first < year_) {
              best = any ? max(best, e.second.lo) : e.second.lo;
              any = true;
            }
        if (!any) {
          if (std::find(missing_.begin(), missing_.end(), in.d) == missing_.end()) missing_.push_back(in.d);
          goto notAssessable;
        }
        setNumVal(st[sp++], best, best, kExact);
        break;
      }
      case OP_INCREASE: {
        const auto& r = p_.explain[in.d];
        Val& now = st[sp];
        if (!loadFact(in.b, static_cast<int>(in.c), now)) {
          if (std::find(missing_.begin(), missing_.end(), r[3]) == missing_.end()) missing_.push_back(r[3]);
          goto notAssessable;
        }
        const auto* h = historyOf(in.b, static_cast<int>(in.c));
        const Val* before = nullptr;
        if (h)
          for (const auto& e : *h)
            if (e.first == year_ - 1) {
              before = &e.second;
              break;
            }
        if (!before) {
          if (std::find(missing_.begin(), missing_.end(), r[4]) == missing_.end()) missing_.push_back(r[4]);
          goto notAssessable;
        }
        Decimal d = sub(now.lo, before->lo, r[1]);
        if (explain_) {
          Val o;
          setNumVal(o, d, d, kExact);
          lines_.push_back(p_.strings[r[1]] + "：" + show(now, r[2]) + " − 上年 " + show(*before, r[2]) + " = " + show(o, r[2]));
        }
        setNumVal(st[sp++], d, d, kExact);
        break;
      }
      case OP_FIRSTOVER: {
        Val& x = st[sp - 2];
        bool r = firstOver(in.b, static_cast<int>(in.c), x.lo, st[sp - 1].lo);
        --sp;
        setBoolVal(st[sp - 1], r);
        break;
      }
      case OP_NEWLY: {
        int i = instanceOf(in.b);
        if (i < 0) {
          if (std::find(missing_.begin(), missing_.end(), in.d) == missing_.end()) missing_.push_back(in.d);
          goto notAssessable;
        }
        Val& v = st[sp++];
        v.kind = kSet;
        std::memset(v.bits, 0, sizeof v.bits);
        if (inst_[i].facts[in.c].present)
          for (const auto& g : inst_[i].grants[in.c])
            if (g.second >= yearStart_ && g.second < yearEnd_ && g.second <= evalDate_ && g.first >= 0 && g.first < 256)
              v.bits[g.first >> 6] |= uint64_t{1} << (g.first & 63);
        break;
      }
      case OP_PARAM: {
        int day = evalDate_;
        if (in.a) day = st[--sp].i;
        const ParamDef& prm = p_.params[in.b];
        const ParamEntryDef* found = nullptr;
        for (const auto& e : prm.entries)
          if (e.day <= day) found = &e;
        if (!found)
          fail(in.c, p_.strings[prm.name] + " has no value on " + text::formatDate(day) + " (its first value is from " +
                         (prm.entries.empty() ? std::string("never") : p_.strings[prm.entries.front().date]) + ")");
        if (explain_)
          lines_.push_back(p_.strings[prm.name] + " 于 " + text::formatDate(day) + "：" + show(found->value, prm.type) +
                           "（自 " + p_.strings[found->date] + " 起）");
        st[sp++] = found->value;
        break;
      }
      case OP_NEG: {
        Val& v = st[sp - 1];
        Decimal lo = v.hi.negated(), hi = v.lo.negated();
        v.lo = lo;
        v.hi = hi;
        break;
      }
      case OP_ARITH: {
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
              lo = mul(amount.lo, factor.lo, in.c);
              hi = mul(amount.hi, factor.lo, in.c);
            } else if (!aExact || b.form == kExact) {
              lo = divExact(a.lo, b.lo, in.c);
              hi = divExact(a.hi, b.lo, in.c);
            } else {
              lo = divExact(a.lo, b.hi, in.c);
              hi = divExact(a.lo, b.lo, in.c);
            }
            if (hi < lo) std::swap(lo, hi);
            o.lo = lo;
            o.hi = hi;
            o.form = amount.form;
            break;
          }
          case kAdd:
            o.lo = add(a.lo, b.lo, in.c);
            o.hi = add(a.hi, b.hi, in.c);
            o.form = wider(a.form, b.form);
            break;
          default:
            o.lo = sub(a.lo, b.hi, in.c);
            o.hi = sub(a.hi, b.lo, in.c);
            o.form = wider(a.form, b.form);
            break;
        }
        if (explain_) {
          const auto& r = p_.explain[in.d];
          lines_.push_back(withValue(r, 1, a) + " " + kSigns[in.a] + " " + withValue(r, 4, b) + " = " + show(o, r[7]));
        }
        --sp;
        setNumVal(st[sp - 1], o.lo, o.hi, o.form);
        break;
      }
      case OP_CMP: {
        Val& a = st[sp - 2];
        Val& b = st[sp - 1];
        bool r = false;
        switch (in.b) {
          case kCmpNum:
            if (a.form != kExact || b.form != kExact) fail(in.c, "comparing amounts that are not exact");
            r = holds(compare(a.lo, b.lo), in.a);
            break;
          case kCmpEnum: r = holds(a.i == b.i ? 0 : (a.i < b.i ? 1 : -1), in.a); break;
          case kCmpDate: r = holds((a.i > b.i) - (a.i < b.i), in.a); break;
          case kCmpBool: r = holds(a.i == b.i ? 0 : 1, in.a); break;
          case kCmpText: r = holds(a.tl == b.tl && (a.tl == 0 || std::memcmp(a.tp, b.tp, a.tl) == 0) ? 0 : 1, in.a); break;
          case kCmpSet: r = holds(std::memcmp(a.bits, b.bits, 32) == 0 ? 0 : 1, in.a); break;
          case kCmpSetEnum:
            for (int m = 0; m < 256 && !r; ++m)
              if (bit(a.bits, m) && holds(m == b.i ? 0 : (m < b.i ? 1 : -1), in.a)) r = true;
            break;
        }
        --sp;
        setBoolVal(st[sp - 1], r);
        break;
      }
      case OP_NOT: st[sp - 1].i = !st[sp - 1].i; break;
      case OP_MEMBER: {
        bool r = bit(st[sp - 1].bits, st[sp - 2].i);
        --sp;
        setBoolVal(st[sp - 1], r != (in.a != 0));
        break;
      }
      case OP_HAS: {
        const Val& s = st[sp - 2];
        const Val& m = st[sp - 1];
        bool r;
        if (in.a) r = ((s.bits[0] & m.bits[0]) | (s.bits[1] & m.bits[1]) | (s.bits[2] & m.bits[2]) | (s.bits[3] & m.bits[3])) != 0;
        else r = bit(s.bits, m.i);
        --sp;
        setBoolVal(st[sp - 1], r);
        break;
      }
      case OP_TRY: handlers[hc++] = Handler{in.c, sp, in.b}; break;
      case OP_ENDTRY: {
        --hc;
        bool v = st[--sp].i != 0;
        if (v == (in.a != 0)) {
          if (locals[in.b].before < missing_.size()) missing_.resize(locals[in.b].before);
          setBoolVal(st[sp++], in.a != 0);
          pc = in.c;
        }
        break;
      }
      case OP_ANDOR_BEGIN: locals[in.b] = Local{static_cast<uint32_t>(missing_.size()), false}; break;
      case OP_ANDOR_END:
        if (locals[in.b].unknown) goto notAssessable;
        setBoolVal(st[sp++], in.a == 0);
        break;
      case OP_JF:
        if (!st[--sp].i) pc = in.c;
        break;
      case OP_JMP: pc = in.c; break;
      case OP_TIER_TEST: {
        const Val& k = st[sp - 1];
        const Val& x = st[sp - 2];
        bool match = false;
        switch (in.a) {
          case kTierCompare:
          case kTierEqual: {
            uint8_t op = static_cast<uint8_t>(in.e & 0xFF);
            switch (in.b) {
              case kCmpNum:
                if (x.form != kExact || k.form != kExact) fail(in.d, "comparing amounts that are not exact");
                match = holds(compare(x.lo, k.lo), op);
                break;
              case kCmpEnum: match = holds(x.i == k.i ? 0 : (x.i < k.i ? 1 : -1), op); break;
              case kCmpDate: match = holds((x.i > k.i) - (x.i < k.i), op); break;
              case kCmpBool: match = holds(x.i == k.i ? 0 : 1, op); break;
              case kCmpText: match = holds(x.tl == k.tl && (x.tl == 0 || std::memcmp(x.tp, k.tp, x.tl) == 0) ? 0 : 1, op); break;
              case kCmpSet: match = holds(std::memcmp(x.bits, k.bits, 32) == 0 ? 0 : 1, op); break;
              case kCmpSetEnum:
                for (int m = 0; m < 256 && !match; ++m)
                  if (bit(x.bits, m) && holds(m == k.i ? 0 : (m < k.i ? 1 : -1), op)) match = true;
                break;
            }
            break;
          }
          case kTierHas:
            if (in.b == kCmpSet)
              match = ((x.bits[0] & k.bits[0]) | (x.bits[1] & k.bits[1]) | (x.bits[2] & k.bits[2]) | (x.bits[3] & k.bits[3])) != 0;
            else
              match = bit(x.bits, k.i);
            break;
          case kTierFirstOver: match = firstOver(static_cast<int>(in.e >> 16), static_cast<int>(in.e & 0xFFFF), x.lo, k.lo); break;
        }
        --sp;
        if (!match) pc = in.c;
        break;
      }
      case OP_TIER_HIT: {
        if (explain_) {
          const auto& r = p_.explain[in.d];
          const Val& x = st[sp - 2];
          std::string detail;
          if (r[7] != kNone) {
            const auto* h = historyOf(static_cast<int>(r[7]), static_cast<int>(r[8]));
            bool any = false;
            Decimal best;
            if (h)
              for (const auto& e : *h)
                if (e.first < year_) {
                  best = any ? max(best, e.second.lo) : e.second.lo;
                  any = true;
                }
            Val bv;
            setNumVal(bv, best, best, kExact);
            detail = "（" + (any ? "往年最高 " + show(bv, r[3]) : std::string("无往年记录")) + "）";
          }
          lines_.push_back("分档：" + withValue(r, 1, x) + " " + p_.strings[r[4]] + " " + p_.strings[r[5]] + detail + " → " +
                           p_.strings[r[6]]);
        }
        st[sp - 2] = st[sp - 1];
        --sp;
        break;
      }
      case OP_NOMATCH:
        if (explain_) {
          const auto& r = p_.explain[in.d];
          if (r[0] == kExTierNone) lines_.push_back("分档：" + withValue(r, 1, st[sp - 1]) + " 不满足任何一档");
          else lines_.push_back("分情形：没有成立的情形");
        }
        return Outcome::NoMatch;
      case OP_CASE_HIT:
        if (explain_) {
          const auto& r = p_.explain[in.d];
          lines_.push_back("分情形：" + (r[1] == kNone ? std::string("其他") : p_.strings[r[1]]) + " → " + p_.strings[r[2]]);
        }
        break;
      case OP_MARG_BEGIN:
        setNumVal(st[sp++], Decimal(), Decimal(), kExact);
        if (explain_) margParts_.emplace_back();
        break;
      case OP_MARG_TEST:
        if (!(st[sp - 3].lo > st[sp - 1].lo)) {
          --sp;
          pc = in.c;
        }
        break;
      case OP_MARG_BAND: {
        const Val& rate = st[sp - 1];
        uint32_t tAt = in.a ? sp - 3 : sp - 2;
        const Val& t = st[tAt];
        Val& total = st[tAt - 1];
        const Val& x = st[tAt - 2];
        Decimal top = x.lo;
        if (in.a) top = min(top, st[sp - 2].lo);
        Decimal width = sub(top, t.lo, in.c);
        Decimal band = mul(rate.lo, width, in.c);
        Decimal sum = add(total.lo, band, in.c);
        if (explain_ && !margParts_.empty()) {
          const auto& r = p_.explain[in.d];
          Val w;
          setNumVal(w, width, width, kExact);
          std::string& parts = margParts_.back();
          parts += (parts.empty() ? "" : " + ") + p_.strings[r[1]] + " × " + show(w, r[2]);
        }
        setNumVal(total, sum, sum, kExact);
        sp = tAt;
        break;
      }
      case OP_MARG_END: {
        Decimal total = st[sp - 1].lo;
        if (explain_) {
          const auto& r = p_.explain[in.d];
          std::string parts;
          if (!margParts_.empty()) {
            parts = std::move(margParts_.back());
            margParts_.pop_back();
          }
          Val tv;
          setNumVal(tv, total, total, kExact);
          lines_.push_back("累进：" + withValue(r, 1, st[sp - 2]) + " → " + (parts.empty() ? std::string("0") : parts) + " = " +
                           show(tv, r[4]));
        }
        --sp;
        setNumVal(st[sp - 1], total, total, kExact);
        break;
      }
      case OP_STEPS: {
        const Val& x = st[sp - 4];
        const Val& from = st[sp - 3];
        const Val& every = st[sp - 2];
        const Val& addv = st[sp - 1];
        const auto& r = p_.explain[in.d];
        Val o;
        if (!(x.lo > from.lo)) {
          if (explain_) lines_.push_back("递增：" + withValue(r, 1, x) + " 未超过 " + p_.strings[r[4]] + "，另给予 0");
          setNumVal(o, Decimal(), Decimal(), addv.form);
        } else {
          if (every.lo.sign() <= 0) fail(in.c, "每增加 must be positive");
          Decimal n;
          if (auto err = polrt::div(sub(x.lo, from.lo, in.c), every.lo, 0, RoundingMode::Floor, n); err != ArithError::None)
            fail(in.c, toString(err));
          setNumVal(o, mul(addv.lo, n, in.c), mul(addv.hi, n, in.c), addv.form);
          if (explain_)
            lines_.push_back("递增：(" + withValue(r, 1, x) + " − " + p_.strings[r[4]] + ") ÷ " + p_.strings[r[5]] + " 取整 = " +
                             n.toString() + " 档 × " + p_.strings[r[6]] + " = " + show(o, r[7]));
        }
        sp -= 3;
        setNumVal(st[sp - 1], o.lo, o.hi, o.form);
        break;
      }
      case OP_MINMAX: {
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
        break;
      }
      case OP_UPTO: {
        Val& v = st[sp - 1];
        v.lo = Decimal();
        v.form = kUpTo;
        break;
      }
      case OP_RANGE: {
        Val& a = st[sp - 2];
        a.hi = st[sp - 1].hi;
        a.form = kRange;
        --sp;
        break;
      }
      case OP_CAP: {
        Val& v = st[sp - 2];
        const Val& c = st[sp - 1];
        Decimal lo = min(v.lo, c.lo), hi = min(v.hi, c.lo);
        if (explain_) {
          const auto& r = p_.explain[in.d];
          std::string cap = show(c, r[1]);
          lines_.push_back(hi < v.hi ? text::amountText(v.lo, v.hi, v.form) + " 超过上限 " + cap + "，按 " + cap
                                     : text::amountText(v.lo, v.hi, v.form) + " 未超过上限 " + cap);
        }
        v.lo = lo;
        v.hi = hi;
        --sp;
        break;
      }
      default: throw VmError{"internal error: unknown opcode"};
    }
    continue;
  notAssessable:
    if (hc == 0) return Outcome::NotAssessable;
    {
      const Handler& h = handlers[--hc];
      locals[h.local].unknown = true;
      sp = h.sp;
      pc = h.target;
    }
  }
}

}  // namespace polrt
