// The bytecode emitter's one class: constant pools and the program's tables (emit.cpp,
// emit_tables.cpp), and expressions compiled to stack code per block (emit_code.cpp). Private to the
// backend: emit.h is its interface.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "backend/bytecode/emit.h"
#include "bytecode/format.h"
#include "bytecode/program.h"

namespace polc::bytecode {

using namespace polrt::bc;
using ir::Op;
using polrt::kMissFact;
using polrt::kMissHist;
using polrt::kMissPrev;

struct EmitError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

inline uint8_t kindOf(TypeKind k) {
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

inline uint8_t cmpCode(ast::CmpOp op) {
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

inline uint8_t formCode(AmountForm f) { return f == AmountForm::Exact ? kExact : f == AmountForm::UpTo ? kUpTo : kRange; }

// A constant pool: each distinct key once, numbered in the order of first use.
template <class Key>
class Pool {
 public:
  uint32_t intern(const Key& k) {
    auto [it, added] = index_.emplace(k, static_cast<uint32_t>(list_.size()));
    if (added) list_.push_back(k);
    return it->second;
  }
  uint32_t size() const { return static_cast<uint32_t>(list_.size()); }
  const std::vector<Key>& list() const { return list_; }

 private:
  std::map<Key, uint32_t> index_;
  std::vector<Key> list_;
};

class Emitter {
 public:
  explicit Emitter(const ir::Program& p) : p_(p) {}

  std::vector<uint8_t> run();

 private:
  // ---- constants (emit.cpp) ----
  uint32_t str(const std::string& s) { return strings_.intern(s); }
  // By mantissa and scale: 1.0 and 1 are two constants, as the IR has them.
  uint32_t dec(const polrt::Decimal& d) { return decimals_.intern({d.mantissa(), d.scale()}); }
  uint32_t set(const ir::Bits& bits);
  uint32_t type(const Type& t);
  uint32_t missingDesc(uint8_t kind, const std::string& text) { return missing_.intern({kind, str(text)}); }
  uint32_t record(std::array<uint32_t, 12> r);
  void value(Writer& w, const ir::Value& v, const Type& t);
  std::string factText(int subject, const std::string& name) { return p_.subjects[subject].name + "." + name; }

  // ---- tables (emit_tables.cpp) ----
  void writeSubjects(Writer& w);
  void writeParams(Writer& w);
  void writeDocuments(Writer& w);
  void blockList(Writer& w, const std::vector<ir::Expr>& es, uint8_t result, const std::string& where);
  void writeClauses(Writer& w);
  void writeGroups(Writer& w);
  void writeCaps(Writer& w);

  // ---- why-not traces (emit_traces.cpp) ----
  void writeTraces(Writer& w);
  uint32_t traceNode(const ir::Expr& e, bool amount, const std::string& where);
  std::vector<std::vector<uint8_t>> traceNodes_;  // each node's bytes, in index order

  // ---- code (emit_code.cpp) ----
  struct BlockInfo {
    uint32_t start, count, maxStack, maxLocals, maxHandlers;
    uint8_t result;
  };

  uint32_t block(const ir::Expr& e, uint8_t result, const std::string& where);

  uint32_t here() const { return static_cast<uint32_t>(cur_.size()); }
  uint32_t put(uint8_t op, uint8_t a = 0, uint32_t b = 0, uint32_t c = 0, uint32_t d = 0, uint32_t e = 0);
  void pushed(int n = 1);
  void popped(int n) { depth_ -= static_cast<uint32_t>(n); }

  static uint8_t stackKind(const Type& t);

  std::array<uint32_t, 12> operand(std::array<uint32_t, 12> r, int at, const ir::Expr& e);

  uint8_t cmpClass(uint8_t a, uint8_t b);

  void factOperand(const ir::Expr& f);

  uint8_t expr(const ir::Expr& e);
  void lookFirst(const std::vector<ir::Expr>& reads);

  void num(const ir::Expr& e);

  uint8_t tiers(const ir::Expr& e);

  uint8_t cases(const ir::Expr& e);

  uint8_t marginal(const ir::Expr& e);

  const ir::Program& p_;
  Pool<std::string> strings_;
  Pool<std::pair<polrt::int128_t, int>> decimals_;
  Pool<std::array<uint64_t, 4>> sets_;
  Pool<std::tuple<uint8_t, uint8_t, uint8_t, uint32_t, uint32_t, uint32_t>> types_;  // see type()
  Pool<std::pair<uint8_t, uint32_t>> missing_;
  Pool<std::array<uint32_t, 12>> explain_;  // equal records are one, so that equal code is (block())
  std::map<std::string, uint32_t> blockOf_;  // a block's result and code → its index
  std::vector<Insn> code_;
  std::vector<BlockInfo> blocks_;
  std::vector<Insn> cur_;
  uint32_t depth_ = 0, maxDepth_ = 0, locals_ = 0, maxLocals_ = 0, handlers_ = 0, maxHandlers_ = 0;
};

}  // namespace polc::bytecode
