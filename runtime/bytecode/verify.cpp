// Verifying a parsed .polb before anything runs: the cross references of its tables, its
// explanation records, and every block by abstract interpretation of its stack and handlers.
#include <algorithm>

#include "bytecode/parser.h"
#include "decimal/operand_rank.h"

namespace polrt::loader {

// Tables: cross references the sections could not check while reading.
void Parser::verifyTables() {
  Program& p = *p_;
  for (std::size_t s = 0; s < p.subjects.size(); ++s) {
    int x = static_cast<int>(s), guard = 0;
    while (x >= 0 && guard++ <= static_cast<int>(p.subjects.size())) x = p.subjects[x].owner;
    if (x >= 0) fail("subject owners form a cycle");
  }
  for (auto& c : p.clauses) {
    const DocumentDef& d = p.documents[c.document];
    if (c.fundingConditions.size() != d.funding.size()) fail("clause funding conditions do not match its document");
    if (c.fundingPayers.size() != d.funding.size()) fail("clause funding payers do not match its document");
    for (std::size_t r = 0; r < d.funding.size(); ++r)
      for (const PayerFactDef& f : c.fundingPayers[r]) verifyPayerFact(d.funding[r], f);
    if (c.award == kPay && c.amount == kNone) fail("a paying clause without an amount");
    if (c.subject >= 0 && c.payee < 0) {}  // payee defaults to the root
    c.root = c.subject >= 0 ? p.rootOf(c.subject) : -1;
  }
  for (auto& d : p.documents)
    for (auto& f : d.funding)
      if (f.ratio.size() != f.ratioPayers.size()) fail("ratio parts do not match payers");
  for (auto& e : p.explain) verifyExplain(e);
}

// A payer named by a fact: a place the rule has, and an enum fact whose values are strings.
void Parser::verifyPayerFact(const FundingRuleDef& rule, const PayerFactDef& f) {
  const Program& p = *p_;
  if (f.payer >= rule.shares.size() + rule.ratioPayers.size()) fail("a funding payer fact names no payer of its rule");
  if (f.slot >= p.subjects[f.subject].facts.size()) fail("a funding payer names an unknown fact");
  const FactDef& fd = p.subjects[f.subject].facts[f.slot];
  if (fd.kind != kEnum || fd.type >= p.types.size() || p.types[fd.type].enumIndex >= p.enums.size())
    fail("a funding payer is named by a fact that is not an enum");
  checkMissing(f.missing);
}

void Parser::checkStr(uint32_t s) {
  if (s >= p_->strings.size()) fail("explanation names string " + std::to_string(s) + " which does not exist");
}

void Parser::checkType(uint32_t t) {
  if (t >= p_->types.size()) fail("explanation names type " + std::to_string(t) + " which does not exist");
}

void Parser::checkOperand(const std::array<uint32_t, 12>& e, int at) {
  if (e[at] > kShowValue) fail("bad explanation operand mode");
  checkStr(e[at + 1]);
  checkType(e[at + 2]);
}

void Parser::checkMissing(uint32_t m) {
  if (m >= p_->missing.size()) fail("missing-fact descriptor " + std::to_string(m) + " out of range");
}

void Parser::verifyExplain(const std::array<uint32_t, 12>& e) {
  switch (e[0]) {
    case kExArith: checkOperand(e, 1); checkOperand(e, 4); checkType(e[7]); break;
    case kExIncrease: checkStr(e[1]); checkType(e[2]); checkMissing(e[3]); checkMissing(e[4]); break;
    case kExCap: checkType(e[1]); break;
    case kExTier:
      checkOperand(e, 1);
      checkStr(e[4]); checkStr(e[5]); checkStr(e[6]);
      if (e[7] != kNone) {
        if (e[7] >= p_->subjects.size() || e[8] >= p_->subjects[e[7]].facts.size()) fail("explanation names an unknown fact");
      }
      break;
    case kExTierNone: checkOperand(e, 1); break;
    case kExCase: if (e[1] != kNone) checkStr(e[1]); checkStr(e[2]); break;
    case kExCaseNone: break;
    case kExMarginal: checkOperand(e, 1); checkType(e[4]); checkType(e[5]); break;
    case kExBand: checkStr(e[1]); checkType(e[2]); break;
    case kExSteps: checkOperand(e, 1); checkStr(e[4]); checkStr(e[5]); checkStr(e[6]); checkType(e[7]); break;
    default: fail("unknown explanation record kind " + std::to_string(e[0]));
  }
}

void Parser::verifyBlock(uint32_t bi) {
  const Program& p = *p_;
  const Block& b = p.blocks[bi];
  std::vector<State> at(b.count);
  State cur;
  cur.live = true;
  uint32_t maxStack = 0, maxLocals = 0, maxHandlers = 0;
  auto where = [&](uint32_t pc) { return "block " + std::to_string(bi) + " instruction " + std::to_string(pc) + ": "; };
  for (uint32_t pc = 0; pc < b.count; ++pc) {
    if (at[pc].live) {
      if (cur.live && !(cur == at[pc])) fail(where(pc) + "inconsistent stack at a jump target");
      cur = at[pc];
    }
    if (!cur.live) continue;  // unreachable: never executed
    const Insn& in = p.code[b.start + pc];
    auto& st = cur.stack;
    auto pop = [&](uint8_t k) {
      if (st.empty()) fail(where(pc) + "stack underflow");
      if (st.back() != k) fail(where(pc) + "type mismatch on the stack");
      st.pop_back();
    };
    auto push = [&](uint8_t k) {
      st.push_back(k);
      if (st.size() > kMaxStack) fail(where(pc) + "stack overflow");
      maxStack = std::max<uint32_t>(maxStack, static_cast<uint32_t>(st.size()));
    };
    auto jump = [&](uint32_t target, const State& s) {
      if (target <= pc || target >= b.count) fail(where(pc) + "bad jump target " + std::to_string(target));
      if (at[target].live) {
        if (!(at[target] == s)) fail(where(pc) + "inconsistent stack at jump target " + std::to_string(target));
      } else {
        at[target] = s;
      }
    };
    auto fact = [&](uint32_t s, uint32_t f) -> const FactDef& {
      if (s >= p.subjects.size() || f >= p.subjects[s].facts.size()) fail(where(pc) + "unknown fact");
      return p.subjects[s].facts[f];
    };
    auto local = [&](uint32_t l) {
      if (l >= kMaxLocals) fail(where(pc) + "local out of range");
      maxLocals = std::max(maxLocals, l + 1);
    };
    auto site = [&](uint32_t s) { if (s >= p.strings.size()) fail(where(pc) + "bad site string"); };
    auto rec = [&](uint32_t r, uint32_t kind) -> const std::array<uint32_t, 12>& {
      if (r >= p.explain.size() || p.explain[r][0] != kind) fail(where(pc) + "bad explanation record");
      return p.explain[r];
    };
    auto missing = [&](uint32_t m) { if (m >= p.missing.size()) fail(where(pc) + "bad missing-fact descriptor"); };
    auto stackKind = [](uint8_t k) -> uint8_t { return k == kRecog ? static_cast<uint8_t>(kSet) : k; };
    auto cmpPair = [&](uint8_t cls) {
      switch (cls) {
        case kCmpNum: pop(kNum); pop(kNum); break;
        case kCmpEnum: pop(kEnum); pop(kEnum); break;
        case kCmpDate: pop(kDate); pop(kDate); break;
        case kCmpBool: pop(kBool); pop(kBool); break;
        case kCmpText: pop(kText); pop(kText); break;
        case kCmpSet: pop(kSet); pop(kSet); break;
        case kCmpSetEnum: pop(kEnum); pop(kSet); break;
        default: fail(where(pc) + "bad compare class");
      }
    };
    switch (in.op) {
      case OP_HALT:
        if (st.size() != 1 || st[0] != b.result || !cur.handlers.empty()) fail(where(pc) + "block ends with a bad stack");
        cur.live = false;
        break;
      case OP_NUM:
        if (in.c >= p.decimals.size() || in.d >= p.decimals.size() || in.a > kRange) fail(where(pc) + "bad number constant");
        if (p.decimals[in.c] > p.decimals[in.d]) fail(where(pc) + "amount with min above max");
        push(kNum);
        break;
      case OP_BOOL: if (in.a > 1) fail(where(pc) + "bad boolean"); push(kBool); break;
      case OP_ENUM: if (in.c >= static_cast<uint32_t>(kMaxEnumMembers)) fail(where(pc) + "bad enum constant"); push(kEnum); break;
      case OP_SET: if (in.c >= p.sets.size()) fail(where(pc) + "bad set constant"); push(kSet); break;
      case OP_DATE: push(kDate); break;
      case OP_TEXT: site(in.c); push(kText); break;
      case OP_FACT: { const FactDef& f = fact(in.b, in.c); missing(in.d); push(stackKind(f.kind)); break; }
      case OP_PREV: {
        const FactDef& f = fact(in.b, in.c);
        missing(in.d);
        if (f.kind == kRecog || f.kind == kText) fail(where(pc) + "no history of this kind");
        push(f.kind);
        break;
      }
      case OP_HISTMAX: { if (fact(in.b, in.c).kind != kNum) fail(where(pc) + "type mismatch"); missing(in.d); push(kNum); break; }
      case OP_INCREASE: {
        if (fact(in.b, in.c).kind != kNum) fail(where(pc) + "type mismatch");
        rec(in.d, kExIncrease);
        push(kNum);
        break;
      }
      case OP_FIRSTOVER: if (fact(in.b, in.c).kind != kNum) fail(where(pc) + "type mismatch"); pop(kNum); pop(kNum); push(kBool); break;
      case OP_NEWLY: if (fact(in.b, in.c).kind != kRecog) fail(where(pc) + "type mismatch"); missing(in.d); push(kSet); break;
      case OP_PARAM: {
        if (in.b >= p.params.size()) fail(where(pc) + "bad parameter");
        site(in.c);
        if (in.a > 1) fail(where(pc) + "bad operand");
        if (in.a) pop(kDate);
        push(stackKind(p.types[p.params[in.b].type].kind));
        break;
      }
      case OP_NEG: pop(kNum); push(kNum); break;
      case OP_ARITH: if (in.a > kSub) fail(where(pc) + "bad arithmetic operator"); site(in.c); rec(in.d, kExArith); pop(kNum); pop(kNum); push(kNum); break;
      case OP_CMP: if (in.a > kNe) fail(where(pc) + "bad comparison"); site(in.c); cmpPair(static_cast<uint8_t>(in.b)); push(kBool); break;
      case OP_NOT: pop(kBool); push(kBool); break;
      case OP_MEMBER: if (in.a > 1) fail(where(pc) + "bad operand"); pop(kSet); pop(kEnum); push(kBool); break;
      case OP_HAS: if (in.a > 1) fail(where(pc) + "bad operand"); pop(in.a ? kSet : kEnum); pop(kSet); push(kBool); break;
      case OP_TRY: {
        local(in.b);
        State s = cur;
        jump(in.c, s);  // at the handler target the handler itself is gone
        cur.handlers.push_back(Handler{in.c, static_cast<uint32_t>(st.size()), in.b});
        if (cur.handlers.size() > kMaxHandlers) fail(where(pc) + "too many nested handlers");
        maxHandlers = std::max<uint32_t>(maxHandlers, static_cast<uint32_t>(cur.handlers.size()));
        break;
      }
      case OP_ENDTRY: {
        if (cur.handlers.empty()) fail(where(pc) + "no handler to end");
        if (in.a > 1) fail(where(pc) + "bad operand");
        local(in.b);
        cur.handlers.pop_back();
        pop(kBool);
        State s = cur;
        s.stack.push_back(kBool);
        if (s.stack.size() > kMaxStack) fail(where(pc) + "stack overflow");
        jump(in.c, s);
        break;
      }
      case OP_ANDOR_BEGIN: local(in.b); break;
      case OP_ANDOR_END:
        if (in.a > 1 || in.c > static_cast<uint32_t>(Polarity::Mixed)) fail(where(pc) + "bad operand");
        local(in.b);
        push(kBool);
        break;
      case OP_JF: pop(kBool); jump(in.c, cur); break;
      case OP_JMP: jump(in.c, cur); cur.live = false; break;
      case OP_TIER_TEST: {
        site(in.d);
        switch (in.a) {
          case kTierCompare:
          case kTierEqual:
            if ((in.e & 0xFF) > kNe) fail(where(pc) + "bad comparison");
            cmpPair(static_cast<uint8_t>(in.b));
            break;
          case kTierHas:
            if (in.b == kCmpSetEnum) { pop(kEnum); pop(kSet); }
            else if (in.b == kCmpSet) { pop(kSet); pop(kSet); }
            else fail(where(pc) + "bad tier class");
            break;
          case kTierFirstOver:
            fact(in.e >> 16, in.e & 0xFFFF);
            pop(kNum); pop(kNum);
            break;
          default: fail(where(pc) + "bad tier mode");
        }
        // cmpPair popped both; x stays
        push(in.a == kTierHas || in.b == kCmpSetEnum ? static_cast<uint8_t>(kSet) : in.a == kTierFirstOver ? static_cast<uint8_t>(kNum) : firstKind(static_cast<uint8_t>(in.b)));
        jump(in.c, cur);
        break;
      }
      case OP_TIER_HIT: {
        rec(in.d, kExTier);
        if (st.size() < 2) fail(where(pc) + "stack underflow");
        uint8_t v = st.back();
        st.pop_back();
        st.pop_back();
        push(v);
        break;
      }
      case OP_NOMATCH:
        if (in.d >= p.explain.size() || (p.explain[in.d][0] != kExTierNone && p.explain[in.d][0] != kExCaseNone))
          fail(where(pc) + "bad explanation record");
        if (p.explain[in.d][0] == kExTierNone && st.empty()) fail(where(pc) + "stack underflow");
        cur.live = false;
        break;
      case OP_CASE_HIT: rec(in.d, kExCase); break;
      case OP_MARG_BEGIN: pop(kNum); push(kNum); push(kNum); break;
      case OP_MARG_TEST: {
        pop(kNum); pop(kNum); pop(kNum);
        push(kNum); push(kNum);
        jump(in.c, cur);
        push(kNum);
        break;
      }
      case OP_MARG_BAND:
        if (in.a > 1) fail(where(pc) + "bad operand");
        site(in.c);
        rec(in.d, kExBand);
        pop(kNum);
        if (in.a) pop(kNum);
        pop(kNum); pop(kNum); pop(kNum);
        push(kNum); push(kNum);
        break;
      case OP_MARG_END: rec(in.d, kExMarginal); pop(kNum); pop(kNum); push(kNum); break;
      case OP_STEPS: site(in.c); rec(in.d, kExSteps); for (int i = 0; i < 4; ++i) pop(kNum); push(kNum); break;
      case OP_MINMAX: if (in.a > 1) fail(where(pc) + "bad operand"); pop(kNum); pop(kNum); push(kNum); break;
      case OP_UPTO: pop(kNum); push(kNum); break;
      case OP_RANGE: pop(kNum); pop(kNum); push(kNum); break;
      case OP_CAP: rec(in.d, kExCap); pop(kNum); pop(kNum); push(kNum); break;
      default: fail(where(pc) + "unknown opcode " + std::to_string(in.op));
    }
  }
  if (cur.live) fail("block " + std::to_string(bi) + " runs off its end");
  if (maxStack > b.maxStack || maxLocals > b.maxLocals || maxHandlers > b.maxHandlers)
    fail("block " + std::to_string(bi) + " needs more stack, locals or handlers than it declares");
  p_->maxStack = std::max(p_->maxStack, b.maxStack);
  p_->maxLocals = std::max(p_->maxLocals, b.maxLocals);
  p_->maxHandlers = std::max(p_->maxHandlers, b.maxHandlers);
}

uint8_t Parser::firstKind(uint8_t cls) {
  switch (cls) {
    case kCmpNum: return kNum;
    case kCmpEnum: return kEnum;
    case kCmpDate: return kDate;
    case kCmpBool: return kBool;
    case kCmpText: return kText;
    default: return kSet;
  }
}

}  // namespace polrt::loader
