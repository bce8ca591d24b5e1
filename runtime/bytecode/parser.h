// The .polb parser's one class: reading every section with bounds-checked reads (loader.cpp), then
// verifying every index, every block (by abstract interpretation of its stack) and every table
// (verify.cpp) before anything runs. Private to the runtime: program.h's load() is its interface.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "bytecode/program.h"

namespace polrt::loader {

using namespace bc;

// Thrown by any check that fails; load() turns it into its error message.
struct Fail {
  std::string msg;
};

class Parser {
 public:
  Parser(const uint8_t* data, std::size_t size) : data_(data), size_(size) {}

  std::unique_ptr<Program> run();

 private:
  [[noreturn]] void fail(const std::string& m) { throw Fail{m}; }

  uint32_t count(Reader& r, std::size_t minBytes = 1);
  // A counted table whose entries take `minBytes` or more each, every entry read by `read()`.
  template <class T, class Read>
  void list(Reader& r, std::size_t minBytes, std::vector<T>& out, Read read) {
    uint32_t n = count(r, minBytes);
    for (uint32_t i = 0; i < n; ++i) out.push_back(read());
  }
  // An index into a table read before this one; kNone as well where `orNone`.
  uint32_t ref(Reader& r, std::size_t size, const char* what, bool orNone = false);
  uint32_t str(Reader& r) { return ref(r, p_->strings.size(), "string"); }
  uint32_t strOrNone(Reader& r) { return ref(r, p_->strings.size(), "string", true); }
  uint32_t dec(Reader& r) { return ref(r, p_->decimals.size(), "decimal"); }
  uint32_t decOrNone(Reader& r) { return ref(r, p_->decimals.size(), "decimal", true); }
  uint32_t typeIdx(Reader& r) { return ref(r, p_->types.size(), "type"); }
  // Blocks come after the clauses: their indices are checked once the blocks are read.
  uint32_t blockOrNone(Reader& r) { return r.u32(); }
  // A signed index into a table of `n`; -1 as well where `orMinus`.
  int32_t index(Reader& r, std::size_t n, const char* what, bool orMinus = false);
  int32_t indexOrMinus(Reader& r, std::size_t n, const char* what) { return index(r, n, what, true); }
  bool flag(Reader& r);

  Val value(Reader& r, uint8_t expected, uint32_t enumIndex);

  void section(uint32_t id, Reader& r);
  // The why-not traces (traces.cpp): read after the blocks, every index checked as it is read.
  void traces(Reader& r);
  TraceReadDef traceRead(Reader& r);
  // What the runtime derives from the tables once: payers, group scopes, cap coverage.
  void derive();

  // ---- verifying (verify.cpp) ----
  // Tables: cross references the sections could not check while reading.
  void verifyTables();

  void checkStr(uint32_t s);
  void checkType(uint32_t t);
  void checkOperand(const std::array<uint32_t, 12>& e, int at);
  void checkMissing(uint32_t m);
  void verifyPayerFact(const FundingRuleDef& rule, const PayerFactDef& f);

  void verifyExplain(const std::array<uint32_t, 12>& e);

  // ---- code (verify.cpp) ----
  struct Handler {
    uint32_t target, sp, local;
    bool operator==(const Handler& o) const { return target == o.target && sp == o.sp && local == o.local; }
  };
  struct State {
    bool live = false;
    std::vector<uint8_t> stack;
    std::vector<Handler> handlers;
    bool operator==(const State& o) const { return stack == o.stack && handlers == o.handlers; }
  };

  void verifyBlock(uint32_t bi);

  static uint8_t firstKind(uint8_t cls);

  const uint8_t* data_;
  std::size_t size_;
  std::size_t base_ = 0;
  std::unique_ptr<Program> p_;
};

}  // namespace polrt::loader
