// IR → bytecode. Expressions become stack code per block (one block per condition, amount, cap
// and funding condition); everything else becomes tables. See docs/bytecode.md.
#include "backend/bytecode/emit.h"

#include <array>
#include <cstdio>
#include <fstream>
#include <map>
#include <stdexcept>
#include <tuple>

#include <fmt/format.h>
#include <unistd.h>

#include "bytecode/format.h"
#include "bytecode/program.h"
#include "ir/words.h"
#include "support/atomic_file.h"

namespace polc::bytecode {
namespace {

using namespace polrt::bc;
using ir::Op;
using polrt::kMissFact;
using polrt::kMissHist;
using polrt::kMissPrev;

struct EmitError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

uint8_t kindOf(TypeKind k) {
  switch (k) {
    case TypeKind::Number: return kNum;
    case TypeKind::Bool: return kBool;
    case TypeKind::Enum: return kEnum;
    case TypeKind::Set: return kSet;
    case TypeKind::Recognition: return kRecog;
    case TypeKind::Date: return kDate;
    case TypeKind::Text: return kText;
    case TypeKind::Error: break;
  }
  return kNum;
}

uint8_t cmpCode(ast::CmpOp op) {
  switch (op) {
    case ast::CmpOp::Gt: return kGt;
    case ast::CmpOp::Ge: return kGe;
    case ast::CmpOp::Le: return kLe;
    case ast::CmpOp::Lt: return kLt;
    case ast::CmpOp::Eq: return kEq;
    case ast::CmpOp::Ne: return kNe;
  }
  return kEq;
}

uint8_t formCode(AmountForm f) { return f == AmountForm::Exact ? kExact : f == AmountForm::UpTo ? kUpTo : kRange; }

class Emitter {
 public:
  explicit Emitter(const ir::Program& p) : p_(p) {}

  std::vector<uint8_t> run() {
    // Tables first (they intern constants), then the sections in order.
    Writer enums, subjects, params, labels, documents, clauses, groups, caps;
    enums.u32(static_cast<uint32_t>(p_.enums.size()));
    for (const auto& e : p_.enums) {
      enums.u32(str(e.name));
      enums.u8(e.ordered);
      enums.u32(static_cast<uint32_t>(e.members.size()));
      for (const auto& m : e.members) enums.u32(str(m));
    }
    writeSubjects(subjects);
    writeParams(params);
    labels.u32(static_cast<uint32_t>(p_.targets.size()));
    for (const auto& t : p_.targets) labels.u32(str(t.name));
    labels.u32(static_cast<uint32_t>(p_.kinds.size()));
    for (const auto& k : p_.kinds) labels.u32(str(k.name));
    writeDocuments(documents);
    writeClauses(clauses);
    writeGroups(groups);
    writeCaps(caps);

    Writer strings, decimals, sets, types, missing, explain, code, blocks;
    strings.u32(static_cast<uint32_t>(strings_.size()));
    for (const auto& s : stringList_) {
      strings.u32(static_cast<uint32_t>(s.size()));
      strings.raw(s.data(), s.size());
    }
    decimals.u32(static_cast<uint32_t>(decimals_.size()));
    for (const auto& d : decimalList_) {
      auto m = static_cast<polrt::uint128_t>(d.mantissa());
      decimals.u64(static_cast<uint64_t>(m));
      decimals.u64(static_cast<uint64_t>(m >> 64));
      decimals.u8(static_cast<uint8_t>(d.scale()));
    }
    sets.u32(static_cast<uint32_t>(setList_.size()));
    for (const auto& s : setList_)
      for (uint64_t w : s) sets.u64(w);
    // Types may intern strings, so they were interned while writing the tables above; strings
    // were already counted: write types from the list built so far.
    types.u32(static_cast<uint32_t>(typeList_.size()));
    for (const auto& t : typeList_) {
      types.u8(std::get<0>(t));
      types.u8(std::get<1>(t));
      types.u8(std::get<2>(t));
      types.u32(std::get<3>(t));
      types.u32(std::get<4>(t));
      types.u32(std::get<5>(t));
    }
    missing.u32(static_cast<uint32_t>(missingList_.size()));
    for (const auto& [kind, text] : missingList_) {
      missing.u8(kind);
      missing.u32(text);
    }
    explain.u32(static_cast<uint32_t>(explainList_.size()));
    for (const auto& e : explainList_)
      for (uint32_t f : e) explain.u32(f);
    code.u32(static_cast<uint32_t>(code_.size()));
    for (const auto& in : code_) code.insn(in);
    blocks.u32(static_cast<uint32_t>(blocks_.size()));
    for (const auto& b : blocks_) {
      blocks.u32(b.start);
      blocks.u32(b.count);
      blocks.u32(b.maxStack);
      blocks.u32(b.maxLocals);
      blocks.u32(b.maxHandlers);
      blocks.u8(b.result);
    }
    Writer body;
    const Writer* order[] = {&strings, &decimals, &sets, &enums, &types, &subjects, &params, &labels,
                             &documents, &clauses, &groups, &caps, &missing, &explain, &code, &blocks};
    for (uint32_t id = 1; id < kSecEnd; ++id) {
      body.u32(id);
      body.u32(static_cast<uint32_t>(order[id - 1]->bytes.size()));
      body.raw(order[id - 1]->bytes.data(), order[id - 1]->bytes.size());
    }
    Writer file;
    file.raw(kMagic, 4);
    file.u16(kVersionMajor);
    file.u16(kVersionMinor);
    file.u32(0);
    file.u32(static_cast<uint32_t>(body.bytes.size()));
    file.u32(crc32(body.bytes.data(), body.bytes.size()));
    file.u32(kSecEnd - 1);
    file.raw(body.bytes.data(), body.bytes.size());
    return std::move(file.bytes);
  }

 private:
  // ---- constants ------------------------------------------------------------------------------
  uint32_t str(const std::string& s) {
    auto it = strings_.find(s);
    if (it != strings_.end()) return it->second;
    uint32_t i = static_cast<uint32_t>(stringList_.size());
    strings_.emplace(s, i);
    stringList_.push_back(s);
    return i;
  }
  uint32_t dec(const polrt::Decimal& d) {
    auto key = std::make_pair(d.mantissa(), d.scale());
    auto it = decimals_.find(key);
    if (it != decimals_.end()) return it->second;
    uint32_t i = static_cast<uint32_t>(decimalList_.size());
    decimals_.emplace(key, i);
    decimalList_.push_back(d);
    return i;
  }
  uint32_t set(const ir::Bits& bits) {
    std::array<uint64_t, 4> w{};
    for (int i = 0; i < ir::kMaxEnumMembers && i < 256; ++i)
      if (bits[i]) w[i / 64] |= uint64_t{1} << (i % 64);
    auto it = sets_.find(w);
    if (it != sets_.end()) return it->second;
    uint32_t i = static_cast<uint32_t>(setList_.size());
    sets_.emplace(w, i);
    setList_.push_back(w);
    return i;
  }
  uint32_t type(const Type& t) {
    uint8_t kind = kindOf(t.kind), qmode = 0;
    uint32_t suffix = str(""), dimText = str("");
    if (t.kind == TypeKind::Number) {
      ir::NumberStyle style = ir::numberStyle(p_, t);
      qmode = style.kind == ir::NumberStyle::Kind::Money ? 1 : style.kind == ir::NumberStyle::Kind::Ratio ? 2 : 0;
      if (qmode == 2) suffix = str(style.text);
      dimText = str(ir::dimensionText(p_, t.dim));
    }
    uint32_t en = t.enumIndex >= 0 ? static_cast<uint32_t>(t.enumIndex) : kNone;
    auto key = std::make_tuple(kind, qmode, static_cast<uint8_t>(t.integer), en, suffix, dimText);
    auto it = types_.find(key);
    if (it != types_.end()) return it->second;
    uint32_t i = static_cast<uint32_t>(typeList_.size());
    types_.emplace(key, i);
    typeList_.push_back(key);
    return i;
  }
  uint32_t missingDesc(uint8_t kind, const std::string& text) {
    auto key = std::make_pair(kind, str(text));
    auto it = missing_.find(key);
    if (it != missing_.end()) return it->second;
    uint32_t i = static_cast<uint32_t>(missingList_.size());
    missing_.emplace(key, i);
    missingList_.push_back(key);
    return i;
  }
  uint32_t record(std::array<uint32_t, 12> r) {
    explainList_.push_back(r);
    return static_cast<uint32_t>(explainList_.size() - 1);
  }
  void value(Writer& w, const ir::Value& v, const Type& t) {
    uint8_t k = kindOf(t.kind);
    w.u8(k);
    switch (k) {
      case kNum:
        if (v.type != ir::VType::Num) throw EmitError("a number constant of another type");
        w.u32(dec(v.lo));
        w.u32(dec(v.hi));
        w.u8(formCode(v.form));
        break;
      case kBool: w.u8(v.b ? 1 : 0); break;
      case kEnum: w.i32(v.e); break;
      case kSet: w.u32(set(v.bits)); break;
      case kDate: w.i32(v.day); break;
      case kText: w.u32(str(v.text)); break;
      default: throw EmitError("a constant recognition");
    }
  }
  std::string factText(int subject, const std::string& name) { return p_.subjects[subject].name + "." + name; }

  // ---- tables ---------------------------------------------------------------------------------
  void writeSubjects(Writer& w) {
    w.u32(static_cast<uint32_t>(p_.subjects.size()));
    for (const auto& s : p_.subjects) {
      w.u32(str(s.name));
      w.i32(s.owner);
      w.u32(static_cast<uint32_t>(s.facts.size()));
      for (const auto& f : s.facts) {
        w.u32(str(f.name));
        w.u32(type(f.type));
        w.u8(f.history);
        w.u8(f.required);
        w.u8(f.defaultValue.has_value());
        if (f.defaultValue) value(w, *f.defaultValue, f.type);
      }
    }
  }
  void writeParams(Writer& w) {
    w.u32(static_cast<uint32_t>(p_.parameters.size()));
    for (const auto& prm : p_.parameters) {
      w.u32(str(prm.name));
      w.u32(type(prm.type));
      w.u32(static_cast<uint32_t>(prm.entries.size()));
      for (const auto& e : prm.entries) {
        w.i32(e.day);
        w.u32(str(e.date));
        value(w, e.value, prm.type);
      }
    }
  }
  void writeDocuments(Writer& w) {
    w.u32(static_cast<uint32_t>(p_.documents.size()));
    for (const auto& d : p_.documents) {
      w.u32(str(d.name));
      w.u32(str(d.number));
      w.u32(str(d.title));
      w.u8(d.effectiveFrom.has_value());
      w.i32(d.effectiveFrom.value_or(0));
      w.u8(d.effectiveTo.has_value());
      w.i32(d.effectiveTo.value_or(0));
      w.u8(d.rounding.present);
      w.u32(dec(d.rounding.unit));
      w.u8(static_cast<uint8_t>(d.rounding.mode));
      w.u32(str(d.rounding.text));
      w.u32(static_cast<uint32_t>(d.funding.size()));
      for (const auto& f : d.funding) {
        w.u8(f.otherwise);
        w.u32(static_cast<uint32_t>(f.kinds.size()));
        for (int k : f.kinds) w.i32(k);
        w.u32(f.arrangement ? str(*f.arrangement) : kNone);
        w.u32(static_cast<uint32_t>(f.shares.size()));
        for (const auto& s : f.shares) {
          w.u32(str(s.payer));
          w.u32(s.proportion ? dec(*s.proportion) : kNone);
        }
        if (f.ratio.size() != f.ratioPayers.size()) throw EmitError("a funding ratio without one part per payer");
        w.u32(static_cast<uint32_t>(f.ratioPayers.size()));
        for (const auto& s : f.ratioPayers) w.u32(str(s));
        for (const auto& r : f.ratio) w.u32(dec(r));
        w.u32(str(f.source));
      }
    }
  }
  void blockList(Writer& w, const std::vector<ir::Expr>& es, uint8_t result, const std::string& where) {
    w.u32(static_cast<uint32_t>(es.size()));
    for (const auto& e : es) w.u32(block(e, result, where));
  }
  void writeClauses(Writer& w) {
    w.u32(static_cast<uint32_t>(p_.clauses.size()));
    for (const auto& c : p_.clauses) {
      w.i32(c.document);
      w.u32(str(c.citation));
      w.u32(str(c.title));
      w.u32(str(c.text));
      w.u32(static_cast<uint32_t>(c.notes.size()));
      for (const auto& n : c.notes) w.u32(str(n));
      w.i32(c.subject);
      w.i32(c.payee);
      w.i32(c.target);
      w.i32(c.kind);
      uint8_t award = c.award == ir::AwardKind::Pay ? 0 : c.award == ir::AwardKind::Benefit ? 1
                      : c.award == ir::AwardKind::Negotiated ? 2 : 3;
      w.u8(award);
      blockList(w, c.eligibility, kBool, c.citation);
      blockList(w, c.conditions, kBool, c.citation);
      w.u32(c.amount.empty() ? kNone : block(c.amount[0], kNum, c.citation));
      w.u32(str(c.amount.empty() ? std::string() : c.amount[0].source));
      w.u32(str(c.benefit));
      w.u32(str(c.negotiatedBasis));
      w.u32(c.cap.empty() ? kNone : block(c.cap[0], kNum, c.citation));
      w.u32(str(c.capLabel));
      w.u8(c.quota.has_value());
      w.u64(static_cast<uint64_t>(c.quota.value_or(0)));
      w.u8(c.quotaAnnual);
      w.u32(static_cast<uint32_t>(c.installments.size()));
      for (const auto& d : c.installments) w.u32(dec(d));
      w.u8(c.topup);
      w.u8(c.once);
      const auto& doc = p_.documents[c.document];
      w.u32(static_cast<uint32_t>(doc.funding.size()));
      for (std::size_t r = 0; r < doc.funding.size(); ++r) {
        bool has = r < c.fundingConditions.size() && !c.fundingConditions[r].empty();
        w.u32(has ? block(c.fundingConditions[r][0], kBool, c.citation) : kNone);
      }
    }
  }
  void writeGroups(Writer& w) {
    w.u32(static_cast<uint32_t>(p_.groups.size()));
    for (const auto& g : p_.groups) {
      w.u32(str(g.name));
      w.i32(g.document);
      w.u8(g.scope == ir::GroupScope::Clauses ? 0 : g.scope == ir::GroupScope::Document ? 1 : 2);
      auto ints = [&](const std::vector<int>& v) {
        w.u32(static_cast<uint32_t>(v.size()));
        for (int x : v) w.i32(x);
      };
      ints(g.clauses);
      ints(g.per);
      w.u8(g.perItem);
      w.u8(g.sameTarget);
      ints(g.exceptKinds);
      ints(g.prefer);
      w.u32(str(g.text));
      w.u32(static_cast<uint32_t>(g.notes.size()));
      for (const auto& n : g.notes) w.u32(str(n));
    }
  }
  void writeCaps(Writer& w) {
    w.u32(static_cast<uint32_t>(p_.caps.size()));
    for (const auto& k : p_.caps) {
      w.u32(str(k.name));
      w.i32(k.document);
      w.u32(dec(k.amount));
      w.i32(k.per);
      w.u8(k.period == ir::CapPeriod::Once ? 0 : k.period == ir::CapPeriod::Cumulative ? 1 : 2);
      w.u32(static_cast<uint32_t>(k.clauses.size()));
      for (int c : k.clauses) w.i32(c);
      w.u32(str(k.text));
    }
  }

  // ---- code -----------------------------------------------------------------------------------
  struct BlockInfo {
    uint32_t start, count, maxStack, maxLocals, maxHandlers;
    uint8_t result;
  };

  uint32_t block(const ir::Expr& e, uint8_t result, const std::string& where) {
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
    code_.insert(code_.end(), cur_.begin(), cur_.end());
    blocks_.push_back(b);
    return static_cast<uint32_t>(blocks_.size() - 1);
  }

  uint32_t here() const { return static_cast<uint32_t>(cur_.size()); }
  uint32_t put(uint8_t op, uint8_t a = 0, uint32_t b = 0, uint32_t c = 0, uint32_t d = 0, uint32_t e = 0) {
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
  void pushed(int n = 1) {
    depth_ += static_cast<uint32_t>(n);
    if (depth_ > maxDepth_) maxDepth_ = depth_;
  }
  void popped(int n) { depth_ -= static_cast<uint32_t>(n); }

  static uint8_t stackKind(const Type& t) {
    uint8_t k = kindOf(t.kind);
    return k == kRecog ? static_cast<uint8_t>(kSet) : k;
  }

  std::array<uint32_t, 12> operand(std::array<uint32_t, 12> r, int at, const ir::Expr& e) {
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

  uint8_t cmpClass(uint8_t a, uint8_t b) {
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

  void factOperand(const ir::Expr& f) {
    if (f.op != Op::Fact) throw EmitError(fmt::format("`{}` must be a fact", f.source));
    if (f.subject < 0 || f.fact < 0) throw EmitError("an unresolved fact");
  }

  uint8_t expr(const ir::Expr& e) {
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
        put(OP_ANDOR_END, decider, local);
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

  void num(const ir::Expr& e) {
    if (expr(e) != kNum) throw EmitError(fmt::format("`{}` is not a number", e.source));
  }

  uint8_t tiers(const ir::Expr& e) {
    const ir::Expr& xe = e.kids.at(0);
    uint8_t x = expr(xe);
    std::vector<uint32_t> ends;
    uint8_t result = 255;
    for (const auto& en : e.entries) {
      if (en.key.size() != 1 || en.value.size() != 1) throw EmitError("a tier without its key or value");
      uint8_t k = expr(en.key[0]);
      uint8_t mode = 0, cls = 0;
      uint32_t extra = 0;
      const char* word = "为";
      switch (e.tierMode) {
        case ir::TierMode::Compare:
          mode = kTierCompare;
          cls = cmpClass(x, k);
          extra = cmpCode(e.cmp);
          word = ir::cmpWord(e.cmp);
          break;
        case ir::TierMode::Equal:
          mode = kTierEqual;
          cls = cmpClass(x, k);
          extra = kEq;
          word = "为";
          break;
        case ir::TierMode::Has:
          mode = kTierHas;
          if (x != kSet || (k != kEnum && k != kSet)) throw EmitError("分档 含 needs a set");
          cls = k == kSet ? kCmpSet : kCmpSetEnum;
          word = "含";
          break;
        case ir::TierMode::FirstOver:
          mode = kTierFirstOver;
          factOperand(xe);
          if (x != kNum || k != kNum) throw EmitError("首次超 needs numbers");
          extra = (static_cast<uint32_t>(xe.subject) << 16) | static_cast<uint32_t>(xe.fact);
          word = "首次超";
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

  uint8_t cases(const ir::Expr& e) {
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

  uint8_t marginal(const ir::Expr& e) {
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

  const ir::Program& p_;
  std::map<std::string, uint32_t> strings_;
  std::vector<std::string> stringList_;
  std::map<std::pair<polrt::int128_t, int>, uint32_t> decimals_;
  std::vector<polrt::Decimal> decimalList_;
  std::map<std::array<uint64_t, 4>, uint32_t> sets_;
  std::vector<std::array<uint64_t, 4>> setList_;
  using TypeKey = std::tuple<uint8_t, uint8_t, uint8_t, uint32_t, uint32_t, uint32_t>;
  std::map<TypeKey, uint32_t> types_;
  std::vector<TypeKey> typeList_;
  std::map<std::pair<uint8_t, uint32_t>, uint32_t> missing_;
  std::vector<std::pair<uint8_t, uint32_t>> missingList_;
  std::vector<std::array<uint32_t, 12>> explainList_;
  std::vector<Insn> code_;
  std::vector<BlockInfo> blocks_;
  std::vector<Insn> cur_;
  uint32_t depth_ = 0, maxDepth_ = 0, locals_ = 0, maxLocals_ = 0, handlers_ = 0, maxHandlers_ = 0;
};

}  // namespace

EmitResult emit(const ir::Program& program) {
  EmitResult r;
  try {
    r.bytes = Emitter(program).run();
  } catch (const std::exception& e) {
    r.error = e.what();
    r.bytes.clear();
  }
  return r;
}

std::string writeFileAtomically(const std::string& path, const std::vector<uint8_t>& bytes) {
  // The one implementation every writer shares (mkstemp in the target's directory, fsync, rename,
  // the temporary removed on any failure): a private copy here had a pid-named temporary that a
  // second polc could clobber, and no fsync before the rename.
  return polc::writeFileAtomically(
      path, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

}  // namespace polc::bytecode
