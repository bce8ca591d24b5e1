// The .polb bytecode format (docs/bytecode.md): constants, opcodes, instruction layout, and the
// little-endian writer and bounds-checked reader shared by the emitter (compiler/backend/bytecode)
// and the loader (runtime/bytecode/loader.cpp). Header-only; no dependency on the compiler.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "bytecode/crc32.h"
#include "decimal/decimal.h"

namespace polrt::bc {

inline constexpr char kMagic[4] = {'P', 'O', 'L', 'B'};
inline constexpr uint16_t kVersionMajor = 6;  // 6: why-not traces; 5: funding payers named by a fact; 4: ANDOR_END's polarity; 3: caps' and funding's notes; 2: facts' range
inline constexpr uint16_t kVersionMinor = 0;
inline constexpr std::size_t kHeaderSize = 24;
// Hard limits the verifier enforces (a hostile file cannot make the VM allocate without bound).
inline constexpr uint32_t kMaxCount = 1u << 20;     // entries in any table
// (groups + caps) × clauses: each keeps a byte per clause, so a small file of many empty clauses and
// groups would otherwise ask for gigabytes (3.2 MB → 800 MB). Real programs: a few thousand.
inline constexpr uint64_t kMaxScopeCells = 1u << 24;
inline constexpr uint32_t kMaxStack = 256;          // operand stack slots per block
inline constexpr uint32_t kMaxLocals = 64;          // and/or frames per block
inline constexpr uint32_t kMaxHandlers = 64;        // nested TRY per block
inline constexpr int kMaxEnumMembers = 256;         // sets are 256-bit
inline constexpr uint32_t kNone = 0xFFFFFFFFu;      // "absent" index

enum Section : uint32_t {
  kSecStrings = 1, kSecDecimals, kSecSets, kSecEnums, kSecTypes, kSecSubjects, kSecParams, kSecLabels,
  kSecDocuments, kSecClauses, kSecGroups, kSecCaps, kSecMissing, kSecExplain, kSecCode, kSecBlocks,
  kSecTraces, kSecEnd
};

// Value kinds on the operand stack and in tables.
enum VKind : uint8_t { kNum = 0, kBool, kEnum, kSet, kDate, kText, kRecog, kVKindCount };

// Opcodes. Each instruction is 16 bytes: op, a, b, c, d, e (see Insn). Stack effects are in
// docs/bytecode.md; the verifier checks them by abstract interpretation.
enum Op : uint8_t {
  OP_HALT = 0,     // end of block: the single value on the stack is the block's result
  OP_NUM,          // push Exact number: c = decimal index (lo), d = decimal index (hi), a = form
  OP_BOOL,         // push a != 0
  OP_ENUM,         // push member c
  OP_SET,          // push set constant c
  OP_DATE,         // push day (int32) c
  OP_TEXT,         // push string c
  OP_FACT,         // push fact: b = subject, c = fact slot, d = missing descriptor (absent: not assessable)
  OP_PREV,         // push 上年 value: b, c as FACT, d = missing descriptor
  OP_HISTMAX,      // push 历史最高: b, c, d as PREV
  OP_INCREASE,     // push fact − 上年: b, c as FACT; d = explain record (kExIncrease: f2, f3 the
                   // missing descriptors of the fact and of 上年, f0 the site); a, e unused
  OP_FIRSTOVER,    // [x, t] → bool: b, c = the fact whose history counts
  OP_NEWLY,        // push set of members granted this year: b, c, d as FACT
  OP_PARAM,        // push parameter b at date (a = 1: pops a date) ; c = site string
  OP_NEG,          // [n] → n
  OP_ARITH,        // [x, y] → n: a = 0 × 1 ÷ 2 + 3 −; c = site string; d = explain record
  OP_CMP,          // [x, y] → bool: a = cmp op, b = compare class; c = site string
  OP_NOT,          // [bool] → bool
  OP_MEMBER,       // [enum, set] → bool; a = negated
  OP_HAS,          // [set, enum|set] → bool; a = 1 when the right side is a set
  OP_TRY,          // push handler: target c (instruction index), local b; catches not assessable and errors
  OP_ENDTRY,       // pop handler; [bool] → ; if bool == a: resize missing to local b, push a, jump c
  OP_ANDOR_BEGIN,  // local b := {missing size, unknown = false}
  OP_ANDOR_END,    // local b's no value, not assessable or held error as polrt::undecided ranks them (c =
                   // its polrt::Polarity); else push !a
  OP_JF,           // [bool] → ; jump to c when false
  OP_JMP,          // jump to c
  OP_TIER_TEST,    // [x, k] → [x]; a = tier mode, b = compare class, e = cmp op; jump c when no match; d = site
  OP_TIER_HIT,     // [x, v] → [v]; d = explain record
  OP_NOMATCH,      // no tier/case matched: d = explain record; aborts the block with "no match"
  OP_CASE_HIT,     // d = explain record (an explanation line only)
  OP_MARG_BEGIN,   // [x] → [x, 0]
  OP_MARG_TEST,    // [x, total, t] : when !(x > t) pop t and jump c
  OP_MARG_BAND,    // [x, total, t, (t2), rate] → [x, total']; a = 1 when t2 is present; c = site; d = explain rec
  OP_MARG_END,     // [x, total] → [total]; d = explain record
  OP_STEPS,        // [x, from, every, add] → n; c = site; d = explain record
  OP_MINMAX,       // [x, y] → n; a = 1 for min
  OP_UPTO,         // [n] → n
  OP_RANGE,        // [x, y] → n
  OP_CAP,          // [n, c] → n; d = explain record
  OP_COUNT
};

enum CmpClass : uint8_t { kCmpNum = 0, kCmpEnum, kCmpDate, kCmpBool, kCmpText, kCmpSet, kCmpSetEnum, kCmpClassCount };
enum TierMode : uint8_t { kTierCompare = 0, kTierFirstOver, kTierHas, kTierEqual };
enum CmpOp : uint8_t { kGt = 0, kGe, kLe, kLt, kEq, kNe };
enum ArithOp : uint8_t { kMul = 0, kDiv, kAdd, kSub };
enum Form : uint8_t { kExact = 0, kUpTo, kRange };

// Explanation records (section kSecExplain): a kind and up to 11 u32 fields.
enum ExplainKind : uint32_t {
  kExArith = 1,   // f0..2 operand 0 (mode, source, type), f3..5 operand 1, f6 result type
  kExIncrease,    // f0 source (also the site), f1 type, f2 missing of the fact, f3 missing of 上年
  kExCap,         // f0 type
  kExTier,        // f0..2 x operand, f3 word string, f4 key source, f5 value source, f6 subject, f7 fact (first-over)
  kExTierNone,    // f0..2 x operand
  kExCase,        // f0 key source (kNone: 其他), f1 value source
  kExCaseNone,    // no fields
  kExMarginal,    // f0..2 x operand, f3 result type, f4 x type (for bands)
  kExBand,        // f0 rate source
  kExSteps,       // f0..2 x operand, f3 from source, f4 every source, f5 add source, f6 result type
};
inline constexpr int kExplainFields = 11;

// Why-not traces (section kSecTraces, docs/bytecode.md): each condition of a clause as the policy
// writes it, with its parts and the values it reads, each part with a block of its own, so that a
// program embedding the runtime says why a clause paid nothing as `polc eval --why-not` does.
enum TraceJoiner : uint8_t { kTraceLeaf = 0, kTraceAnd, kTraceOr, kTraceNot, kTraceIf, kTraceTiers, kTraceCases, kTraceJoinerCount };
// A value a trace shows: a fact (as the item gives it), a computed value (上年, a parameter, a side
// of a comparison), or the highest of a fact's earlier years (首次超).
enum TraceRead : uint8_t { kReadFact = 0, kReadComputed, kReadHighest, kReadCount };
inline constexpr uint32_t kMaxTraceDepth = 256;  // nesting of a trace's parts
// Operand display modes in explanation records (ExprEval::withValue).
enum ShowMode : uint32_t { kShowSource = 0, kShowNamed = 1, kShowValue = 2 };

struct Insn {
  uint8_t op = 0, a = 0;
  uint16_t b = 0;
  uint32_t c = 0, d = 0, e = 0;
};
static_assert(sizeof(Insn) == 16);

// ---- writing --------------------------------------------------------------------------------------

class Writer {
 public:
  std::vector<uint8_t> bytes;
  void u8(uint8_t v) { bytes.push_back(v); }
  void u16(uint16_t v) { for (int i = 0; i < 2; ++i) bytes.push_back(static_cast<uint8_t>(v >> (8 * i))); }
  void u32(uint32_t v) { for (int i = 0; i < 4; ++i) bytes.push_back(static_cast<uint8_t>(v >> (8 * i))); }
  void i32(int32_t v) { u32(static_cast<uint32_t>(v)); }
  void u64(uint64_t v) { for (int i = 0; i < 8; ++i) bytes.push_back(static_cast<uint8_t>(v >> (8 * i))); }
  void raw(const void* p, std::size_t n) {
    const auto* b = static_cast<const uint8_t*>(p);
    bytes.insert(bytes.end(), b, b + n);
  }
  void insn(const Insn& in) {
    u8(in.op); u8(in.a); u16(in.b); u32(in.c); u32(in.d); u32(in.e);
  }
  void patch32(std::size_t at, uint32_t v) {
    for (int i = 0; i < 4; ++i) bytes[at + i] = static_cast<uint8_t>(v >> (8 * i));
  }
};

// ---- reading --------------------------------------------------------------------------------------

// Every read is bounds-checked; after the first failure `ok` is false and reads return zeros.
class Reader {
 public:
  Reader(const uint8_t* p, std::size_t n) : p_(p), n_(n) {}
  bool ok = true;
  std::size_t pos = 0;
  std::size_t size() const { return n_; }
  std::size_t left() const { return ok ? n_ - pos : 0; }
  bool need(std::size_t k) {
    if (!ok || k > n_ - pos) { ok = false; return false; }
    return true;
  }
  uint8_t u8() { if (!need(1)) return 0; return p_[pos++]; }
  uint16_t u16() { if (!need(2)) return 0; uint16_t v = static_cast<uint16_t>(p_[pos] | (p_[pos + 1] << 8)); pos += 2; return v; }
  uint32_t u32() {
    if (!need(4)) return 0;
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<uint32_t>(p_[pos + i]) << (8 * i);
    pos += 4;
    return v;
  }
  int32_t i32() { return static_cast<int32_t>(u32()); }
  uint64_t u64() {
    if (!need(8)) return 0;
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= static_cast<uint64_t>(p_[pos + i]) << (8 * i);
    pos += 8;
    return v;
  }
  std::string_view bytesView(std::size_t k) {
    if (!need(k)) return {};
    std::string_view v(reinterpret_cast<const char*>(p_ + pos), k);
    pos += k;
    return v;
  }
  Insn insn() {
    Insn in;
    in.op = u8(); in.a = u8(); in.b = u16(); in.c = u32(); in.d = u32(); in.e = u32();
    return in;
  }

 private:
  const uint8_t* p_;
  std::size_t n_;
};

}  // namespace polrt::bc
