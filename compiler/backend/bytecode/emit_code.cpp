// Expressions as stack code, one block per condition, amount, cap and funding condition: the
// instructions, the stack depth and handlers each block needs, and the explanation records.
#include <fmt/format.h>

#include "backend/bytecode/emitter.h"
#include "ir/words.h"

namespace polc::bytecode {

uint32_t Emitter::block(const ir::Expr& e, uint8_t result, const std::string& where) {
  cur_.clear();
  depth_ = maxDepth_ = 0;
  locals_ = maxLocals_ = 0;
  handlers_ = maxHandlers_ = 0;
  try {
    uint8_t k = expr(e);
    if (k != result) throw EmitError(fmt::format("`{}` has the wrong type for its place", e.source));
  } catch (const EmitError& err) {
    throw EmitError(fmt::format("{}: {}", where, err.what()));
  }
  Insn halt;
  halt.op = OP_HALT;
  cur_.push_back(halt);
  BlockInfo b{static_cast<uint32_t>(code_.size()), static_cast<uint32_t>(cur_.size()), maxDepth_, maxLocals_,
              maxHandlers_, result};
  if (maxDepth_ > kMaxStack || maxLocals_ > kMaxLocals || maxHandlers_ > kMaxHandlers)
    throw EmitError(fmt::format("{}: an expression nested too deeply for the bytecode format", where));
  // The same code is the same block: a why-not trace compiles each condition again, and its parts
  // (emit_traces.cpp); clauses share conditions too (制造业). Loading costs by the file's size.
  Writer key;
  key.u8(result);
  for (const Insn& in : cur_) key.insn(in);
  auto [known, added] = blockOf_.emplace(std::string(key.bytes.begin(), key.bytes.end()), static_cast<uint32_t>(blocks_.size()));
  if (!added) return known->second;
  code_.insert(code_.end(), cur_.begin(), cur_.end());
  blocks_.push_back(b);
  return static_cast<uint32_t>(blocks_.size() - 1);
}

uint32_t Emitter::put(uint8_t op, uint8_t a, uint32_t b, uint32_t c, uint32_t d, uint32_t e) {
  if (b > 0xFFFF) throw EmitError("operand out of range");
  Insn in;
  in.op = op;
  in.a = a;
  in.b = static_cast<uint16_t>(b);
  in.c = c;
  in.d = d;
  in.e = e;
  cur_.push_back(in);
  return here() - 1;
}

void Emitter::pushed(int n) {
  depth_ += static_cast<uint32_t>(n);
  if (depth_ > maxDepth_) maxDepth_ = depth_;
}

uint8_t Emitter::stackKind(const Type& t) {
  uint8_t k = kindOf(t.kind);
  return k == kRecog ? static_cast<uint8_t>(kSet) : k;
}

std::array<uint32_t, 12> Emitter::operand(std::array<uint32_t, 12> r, int at, const ir::Expr& e) {
  uint32_t mode = kShowValue;
  if (e.op == Op::Const) mode = kShowSource;
  else if (e.op == Op::Fact || e.op == Op::ParamAt || e.op == Op::Previous || e.op == Op::HistoryMax ||
           e.op == Op::Increase)
    mode = kShowNamed;
  r[at] = mode;
  r[at + 1] = str(e.source);
  r[at + 2] = type(e.type);
  return r;
}

uint8_t Emitter::cmpClass(uint8_t a, uint8_t b) {
  if (a == kSet && b == kEnum) return kCmpSetEnum;
  if (a != b) throw EmitError("a comparison of values of different kinds");
  switch (a) {
    case kNum: return kCmpNum;
    case kEnum: return kCmpEnum;
    case kDate: return kCmpDate;
    case kBool: return kCmpBool;
    case kText: return kCmpText;
    default: return kCmpSet;
  }
}

void Emitter::factOperand(const ir::Expr& f) {
  if (f.op != Op::Fact) throw EmitError(fmt::format("`{}` must be a fact", f.source));
  if (f.subject < 0 || f.fact < 0) throw EmitError("an unresolved fact");
}

// The facts an expression needs, looked for before anything is computed (ir/needs_first.cpp): a 且
// over "the fact equals itself", true when every one is given and not assessable, naming each
// absent one, otherwise — the interpreter's own 且, so the format has no op for it — and its true
// dropped.
void Emitter::lookFirst(const std::vector<ir::Expr>& reads) {
  ir::Expr all;
  all.op = Op::And;
  for (const auto& r : reads) {
    ir::Expr given;
    given.op = Op::Compare;
    given.cmp = ast::CmpOp::Eq;
    given.source = r.source;
    given.kids = {r, r};
    all.kids.push_back(std::move(given));
  }
  expr(all);
  uint32_t drop = put(OP_JF);
  popped(1);
  cur_[drop].c = here();
}

uint8_t Emitter::expr(const ir::Expr& e) {
  if (!e.needsFirst.empty()) lookFirst(e.needsFirst);
  switch (e.op) {
    case Op::Const: {
      const ir::Value& v = e.value;
      switch (v.type) {
        case ir::VType::Num: put(OP_NUM, formCode(v.form), 0, dec(v.lo), dec(v.hi)); pushed(); return kNum;
        case ir::VType::Bool: put(OP_BOOL, v.b ? 1 : 0); pushed(); return kBool;
        case ir::VType::Enum: put(OP_ENUM, 0, 0, static_cast<uint32_t>(v.e)); pushed(); return kEnum;
        case ir::VType::Set: put(OP_SET, 0, 0, set(v.bits)); pushed(); return kSet;
        case ir::VType::Date: put(OP_DATE, 0, 0, static_cast<uint32_t>(v.day)); pushed(); return kDate;
        case ir::VType::Text: put(OP_TEXT, 0, 0, str(v.text)); pushed(); return kText;
        case ir::VType::Recognition: break;
      }
      throw EmitError("a constant recognition");
    }
    case Op::Fact: {
      factOperand(e);
      put(OP_FACT, 0, e.subject, e.fact, missingDesc(kMissFact, factText(e.subject, e.name)));
      pushed();
      return stackKind(p_.subjects[e.subject].facts[e.fact].type);
    }
    case Op::Previous:
      put(OP_PREV, 0, e.subject, e.fact, missingDesc(kMissPrev, factText(e.subject, e.name)));
      pushed();
      return stackKind(p_.subjects[e.subject].facts[e.fact].type);
    case Op::HistoryMax:
      put(OP_HISTMAX, 0, e.subject, e.fact, missingDesc(kMissHist, factText(e.subject, e.name)));
      pushed();
      return kNum;
    case Op::Increase: {
      const ir::Expr& k = e.kids.at(0);
      factOperand(k);
      if (k.subject != e.subject || k.fact != e.fact) throw EmitError("增量 of a fact other than its own");
      std::array<uint32_t, 12> r{};
      r[0] = kExIncrease;
      r[1] = str(e.source);
      r[2] = type(e.type);
      r[3] = missingDesc(kMissFact, factText(k.subject, k.name));
      r[4] = missingDesc(kMissPrev, factText(e.subject, e.name));
      put(OP_INCREASE, 0, e.subject, e.fact, record(r));
      pushed();
      return kNum;
    }
    case Op::FirstOver: {
      const ir::Expr& f = e.kids.at(0);
      factOperand(f);
      expr(f);
      expr(e.kids.at(1));
      put(OP_FIRSTOVER, 0, f.subject, f.fact);
      popped(2);
      pushed();
      return kBool;
    }
    case Op::ParamAt: {
      uint8_t hasDate = 0;
      if (!e.kids.empty()) {
        if (expr(e.kids[0]) != kDate) throw EmitError("a parameter at something other than a date");
        hasDate = 1;
        popped(1);
      }
      put(OP_PARAM, hasDate, e.param, str(e.source));
      pushed();
      return stackKind(p_.parameters[e.param].type);
    }
    case Op::Neg:
      num(e.kids.at(0));
      put(OP_NEG);
      return kNum;
    case Op::Arith: {
      num(e.kids.at(0));
      num(e.kids.at(1));
      std::array<uint32_t, 12> r{};
      r[0] = kExArith;
      r = operand(r, 1, e.kids[0]);
      r = operand(r, 4, e.kids[1]);
      r[7] = type(e.type);
      put(OP_ARITH, static_cast<uint8_t>(e.arith), 0, str(e.source), record(r));
      popped(1);
      return kNum;
    }
    case Op::Compare: {
      uint8_t a = expr(e.kids.at(0));
      uint8_t b = expr(e.kids.at(1));
      put(OP_CMP, cmpCode(e.cmp), cmpClass(a, b), str(e.source));
      popped(1);
      return kBool;
    }
    case Op::And:
    case Op::Or: {
      uint8_t decider = e.op == Op::Or ? 1 : 0;
      uint32_t local = locals_++;
      maxLocals_ = std::max(maxLocals_, locals_);
      put(OP_ANDOR_BEGIN, 0, local);
      std::vector<uint32_t> decided;
      for (const auto& k : e.kids) {
        uint32_t t = put(OP_TRY, 0, local);
        ++handlers_;
        maxHandlers_ = std::max(maxHandlers_, handlers_);
        if (expr(k) != kBool) throw EmitError(fmt::format("`{}` is not a condition", k.source));
        --handlers_;
        decided.push_back(put(OP_ENDTRY, decider, local));
        popped(1);
        cur_[t].c = here();
      }
      put(OP_ANDOR_END, decider, local, static_cast<uint32_t>(e.polarity));
      pushed();
      for (uint32_t d : decided) cur_[d].c = here();
      --locals_;
      return kBool;
    }
    case Op::Not:
      if (expr(e.kids.at(0)) != kBool) throw EmitError("不 of something other than a condition");
      put(OP_NOT);
      return kBool;
    case Op::Member: {
      if (expr(e.kids.at(0)) != kEnum || expr(e.kids.at(1)) != kSet) throw EmitError("属于 needs a value and a set");
      put(OP_MEMBER, e.negated ? 1 : 0);
      popped(1);
      return kBool;
    }
    case Op::Has: {
      if (expr(e.kids.at(0)) != kSet) throw EmitError("含 needs a set on the left");
      uint8_t m = expr(e.kids.at(1));
      if (m != kEnum && m != kSet) throw EmitError("含 needs a value or a set on the right");
      put(OP_HAS, m == kSet ? 1 : 0);
      popped(1);
      return kBool;
    }
    case Op::Newly: {
      const ir::Expr& f = e.kids.at(0);
      factOperand(f);
      if (p_.subjects[f.subject].facts[f.fact].type.kind != TypeKind::Recognition)
        throw EmitError("新认定 of something other than a recognition");
      put(OP_NEWLY, 0, f.subject, f.fact, missingDesc(kMissFact, factText(f.subject, f.name)));
      pushed();
      return kSet;
    }
    case Op::If: {
      if (expr(e.kids.at(0)) != kBool) throw EmitError("如果 needs a condition");
      uint32_t jf = put(OP_JF);
      popped(1);
      uint8_t k = expr(e.kids.at(1));
      uint32_t jmp = put(OP_JMP);
      popped(1);
      cur_[jf].c = here();
      if (expr(e.kids.at(2)) != k) throw EmitError("the branches of 如果 differ in type");
      cur_[jmp].c = here();
      return k;
    }
    case Op::Tiers: return tiers(e);
    case Op::Cases: return cases(e);
    case Op::Marginal: return marginal(e);
    case Op::Steps: {
      for (int i = 0; i < 4; ++i) num(e.kids.at(i));
      std::array<uint32_t, 12> r{};
      r[0] = kExSteps;
      r = operand(r, 1, e.kids[0]);
      r[4] = str(e.kids[1].source);
      r[5] = str(e.kids[2].source);
      r[6] = str(e.kids[3].source);
      r[7] = type(e.type);
      put(OP_STEPS, 0, 0, str(e.source), record(r));
      popped(3);
      return kNum;
    }
    case Op::Min:
    case Op::Max: {
      num(e.kids.at(0));
      for (std::size_t i = 1; i < e.kids.size(); ++i) {
        num(e.kids[i]);
        put(OP_MINMAX, e.op == Op::Min ? 1 : 0);
        popped(1);
      }
      return kNum;
    }
    case Op::UpTo:
      num(e.kids.at(0));
      put(OP_UPTO);
      return kNum;
    case Op::Range:
      num(e.kids.at(0));
      num(e.kids.at(1));
      put(OP_RANGE);
      popped(1);
      return kNum;
    case Op::Cap: {
      num(e.kids.at(0));
      num(e.kids.at(1));
      std::array<uint32_t, 12> r{};
      r[0] = kExCap;
      r[1] = type(e.type);
      put(OP_CAP, 0, 0, 0, record(r));
      popped(1);
      return kNum;
    }
  }
  throw EmitError(fmt::format("`{}`: an expression the bytecode format does not know", e.source));
}

void Emitter::num(const ir::Expr& e) {
  if (expr(e) != kNum) throw EmitError(fmt::format("`{}` is not a number", e.source));
}

uint8_t Emitter::tiers(const ir::Expr& e) {
  const ir::Expr& xe = e.kids.at(0);
  uint8_t x = expr(xe);
  std::vector<uint32_t> ends;
  uint8_t result = 255;
  for (const auto& en : e.entries) {
    if (en.key.size() != 1 || en.value.size() != 1) throw EmitError("a tier without its key or value");
    uint8_t k = expr(en.key[0]);
    uint8_t mode = 0, cls = 0;
    uint32_t extra = 0;
    const char* word = ir::tierWord(e);
    switch (e.tierMode) {
      case ir::TierMode::Compare:
        mode = kTierCompare;
        cls = cmpClass(x, k);
        extra = cmpCode(e.cmp);
        break;
      case ir::TierMode::Equal:
        mode = kTierEqual;
        cls = cmpClass(x, k);
        extra = kEq;
        break;
      case ir::TierMode::Has:
        mode = kTierHas;
        if (x != kSet || (k != kEnum && k != kSet)) throw EmitError("分档 含 needs a set");
        cls = k == kSet ? kCmpSet : kCmpSetEnum;
        break;
      case ir::TierMode::FirstOver:
        mode = kTierFirstOver;
        factOperand(xe);
        if (x != kNum || k != kNum) throw EmitError("首次超 needs numbers");
        extra = (static_cast<uint32_t>(xe.subject) << 16) | static_cast<uint32_t>(xe.fact);
        break;
    }
    uint32_t test = put(OP_TIER_TEST, mode, cls, 0, str(e.source), extra);
    popped(1);
    uint8_t v = expr(en.value[0]);
    if (result != 255 && v != result) throw EmitError("tiers of different types");
    result = v;
    std::array<uint32_t, 12> r{};
    r[0] = kExTier;
    r = operand(r, 1, xe);
    r[4] = str(word);
    r[5] = str(en.key[0].source);
    r[6] = str(en.value[0].source);
    r[7] = kNone;
    if (e.tierMode == ir::TierMode::FirstOver) {
      r[7] = static_cast<uint32_t>(xe.subject);
      r[8] = static_cast<uint32_t>(xe.fact);
    }
    put(OP_TIER_HIT, 0, 0, 0, record(r));
    popped(1);
    ends.push_back(put(OP_JMP));
    cur_[test].c = here();
  }
  std::array<uint32_t, 12> r{};
  r[0] = kExTierNone;
  r = operand(r, 1, xe);
  put(OP_NOMATCH, 0, 0, 0, record(r));
  for (uint32_t j : ends) cur_[j].c = here();
  if (result == 255) throw EmitError("分档 without entries");
  return result;
}

uint8_t Emitter::cases(const ir::Expr& e) {
  std::vector<uint32_t> ends;
  uint8_t result = 255;
  for (const auto& en : e.entries) {
    if (en.value.size() != 1) throw EmitError("a case without its value");
    uint32_t jf = kNone;
    if (!en.key.empty()) {
      if (expr(en.key[0]) != kBool) throw EmitError("a case that is not a condition");
      jf = put(OP_JF);
      popped(1);
    }
    std::array<uint32_t, 12> r{};
    r[0] = kExCase;
    r[1] = en.key.empty() ? kNone : str(en.key[0].source);
    r[2] = str(en.value[0].source);
    put(OP_CASE_HIT, 0, 0, 0, record(r));
    uint8_t v = expr(en.value[0]);
    if (result != 255 && v != result) throw EmitError("cases of different types");
    result = v;
    popped(1);
    ends.push_back(put(OP_JMP));
    if (jf != kNone) cur_[jf].c = here();
  }
  std::array<uint32_t, 12> r{};
  r[0] = kExCaseNone;
  put(OP_NOMATCH, 0, 0, 0, record(r));
  for (uint32_t j : ends) cur_[j].c = here();
  if (result == 255) throw EmitError("分情形 without entries");
  pushed();
  return result;
}

uint8_t Emitter::marginal(const ir::Expr& e) {
  num(e.kids.at(0));
  put(OP_MARG_BEGIN);
  pushed();
  std::vector<uint32_t> tests;
  for (std::size_t i = 0; i < e.entries.size(); ++i) {
    num(e.entries[i].key.at(0));
    tests.push_back(put(OP_MARG_TEST));
    bool next = i + 1 < e.entries.size();
    if (next) num(e.entries[i + 1].key.at(0));
    num(e.entries[i].value.at(0));
    std::array<uint32_t, 12> r{};
    r[0] = kExBand;
    r[1] = str(e.entries[i].value[0].source);
    r[2] = type(e.kids[0].type);
    put(OP_MARG_BAND, next ? 1 : 0, 0, str(e.source), record(r));
    popped(next ? 3 : 2);
  }
  for (uint32_t t : tests) cur_[t].c = here();
  std::array<uint32_t, 12> r{};
  r[0] = kExMarginal;
  r = operand(r, 1, e.kids[0]);
  r[4] = type(e.type);
  r[5] = type(e.kids[0].type);
  put(OP_MARG_END, 0, 0, 0, record(r));
  popped(1);
  return kNum;
}

}  // namespace polc::bytecode
