// What semantic analysis records on each expression: its type (with dimension, for quantities) and
// what a name refers to. Kept as plain data next to the tree so that later passes (IR lowering,
// checker) read one annotated tree instead of re-resolving names.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace polc {

// A physical dimension as exponents of base units: 元·吨标煤⁻¹ is {(元,1), (吨标煤,-1)}.
// Base unit 0 is 元 (CNY); the others are the declared base units in declaration order.
struct Dimension {
  std::vector<std::pair<int, int>> exps;  // sorted by base index, no zero exponents

  bool dimensionless() const { return exps.empty(); }
  bool operator==(const Dimension& o) const { return exps == o.exps; }
  bool operator!=(const Dimension& o) const { return !(*this == o); }
  Dimension times(const Dimension& o, int sign = 1) const;
  static Dimension base(int index) { return Dimension{{{index, 1}}}; }
};

enum class TypeKind {
  Error,        // already reported; suppresses follow-on errors
  Bool,
  Number,       // a quantity of some dimension (dimensionless: counts, rates)
  Date,
  Text,
  Enum,         // a value of enum `enumIndex`
  Set,          // a set of values of enum `enumIndex`
  Recognition,  // recognitions (value + date granted) of enum `enumIndex`
};

// How an amount is known: exactly, as a ceiling decided on review (最高), or as a range (至).
enum class AmountForm { Exact, UpTo, Range };

struct Type {
  TypeKind kind = TypeKind::Error;
  Dimension dim;       // Number only
  int enumIndex = -1;  // Enum, Set, Recognition
  AmountForm form = AmountForm::Exact;
  bool integer = false;  // a count (计数): checked where a whole number is required

  static Type of(TypeKind k) {
    Type t;
    t.kind = k;
    return t;
  }
  static Type error() { return Type{}; }
  static Type boolean() { return of(TypeKind::Bool); }
  static Type number(Dimension d) {
    Type t = of(TypeKind::Number);
    t.dim = std::move(d);
    return t;
  }
  static Type date() { return of(TypeKind::Date); }
  static Type text() { return of(TypeKind::Text); }
  static Type ofEnum(TypeKind k, int e) {
    Type t = of(k);
    t.enumIndex = e;
    return t;
  }
  bool isError() const { return kind == TypeKind::Error; }
  bool isNumber() const { return kind == TypeKind::Number; }
};

enum class RefKind { None, Fact, EnumMember, Set, Parameter, Builtin };

enum class Builtin { None, Previous, Increase, HistoryMax, Min, Max };

// An exact literal: value = digits × 10^pow10 × scaleNum / scaleDen, in base units. Kept as text so
// that the front end never rounds; the IR turns it into an exact decimal.
struct LiteralValue {
  std::string digits;  // "2.5", "-3", "1"
  int pow10 = 0;
  std::int64_t scaleNum = 1;
  std::int64_t scaleDen = 1;
};

struct SemaInfo {
  Type type;
  RefKind ref = RefKind::None;
  int subject = -1;  // Fact: the subject that declares it
  int fact = -1;     // Fact: index within the subject
  int enumIndex = -1;
  int member = -1;   // EnumMember
  int set = -1;      // Set
  int parameter = -1;
  Builtin builtin = Builtin::None;
  LiteralValue literal;  // Quantity and Ratio literals
};

}  // namespace polc
