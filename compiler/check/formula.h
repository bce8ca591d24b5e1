// The checker's view of a condition: a formula in negation normal form over literals that each
// constrain one variable (a fact of a subject, its previous year, its history maximum, its increase,
// or the evaluation date). Conjunctions of literals are boxes, decided exactly here; anything else
// (a comparison across several facts, an expression the checker does not model) is an Opaque node
// that keeps the IR expression for Z3 (solver.h).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "check/num.h"
#include "ir/ir.h"

namespace polc::check {

using Bits = ir::Bits;

// What a variable stands for. Fact: this year's value; Prev: the year before (上年); HistMax: the
// highest earlier year (absent history is the value -1, below every value); Increase: Fact − Prev;
// Date: the evaluation date in days; Sum: Σ coef·part over other variables (`设备投入 + 软件投入`), so
// that a comparison of a sum of facts with a constant is a literal like any other.
enum class VarKind : std::uint8_t { Fact, Prev, HistMax, Increase, Date, Sum };
enum class DomKind : std::uint8_t { Num, Bool, Enum, Set, Rec, Text };

// Member states of a set or recognition variable, as a mask: absent, held (granted before this
// year, or a plain set member), new (granted this year: 新认定).
inline constexpr std::uint8_t kAbsent = 1, kOld = 2, kNew = 4, kHeld = kOld | kNew, kAllStates = 7;

// A sum's parts: (variable, coefficient).
using Terms = std::vector<std::pair<int, Q>>;

struct VarInfo {
  VarKind kind = VarKind::Fact;
  int subject = -1;  // the subject that declares the fact
  int fact = -1;
  DomKind dom = DomKind::Num;
  bool integer = false;
  int enumIndex = -1;
  int members = 0;
  bool ordered = false;
  Type type;              // the fact's type (units for witnesses)
  std::optional<Q> lo, hi;  // the type domain: ≥ 0 for quantities with a unit, 取值 ranges
  // HistMax: the lowest value of an earlier year when there is one (lo is the −1 of no earlier
  // year); its domain is {−1} ∪ [histLo, hi].
  std::optional<Q> histLo;
  // Sum: its parts, (variable, coefficient) sorted by variable, the first coefficient 1; its type,
  // unit and domain follow from them.
  Terms terms;
  std::string name;       // 企业.营业收入, 上年(企业.营业收入), 项目.设备投入 + 项目.软件投入, …
};

class VarTable {
 public:
  // ranges: the declared 取值 of (subject, fact), in base units.
  int get(const ir::Program& p, const std::map<std::pair<int, int>, std::pair<Q, Q>>& ranges, VarKind kind,
          int subject, int fact);
  int date();
  // The variable Σ coef·var for terms already normalised (sorted by variable, the first coefficient
  // 1, every part a Fact, Prev or Increase of a number); findSum: -1 when there is none yet.
  int sum(const Terms& terms);
  int findSum(const Terms& terms) const;
  const VarInfo& operator[](int v) const { return vars_[static_cast<std::size_t>(v)]; }
  int size() const { return static_cast<int>(vars_.size()); }
  // For (subject, fact): the variable of each kind, or -1.
  int find(VarKind kind, int subject, int fact) const;

 private:
  std::vector<VarInfo> vars_;
  std::map<std::tuple<int, int, int>, int> index_;
  std::map<Terms, int> sums_;
};

struct Lit {
  enum Kind : std::uint8_t { Cmp, BoolIs, EnumIn, SetAny } kind = Cmp;
  int var = -1;
  ast::CmpOp op = ast::CmpOp::Eq;  // Cmp: var op val
  Q val;
  bool b = true;                   // BoolIs
  Bits bits;                       // EnumIn: the allowed members
  // SetAny: at least one member is in one of its states: {(member, state mask)}.
  std::vector<std::pair<int, std::uint8_t>> any;
};

struct F {
  enum Op : std::uint8_t { True, False, Lit, And, Or, Opaque } op = True;
  check::Lit lit;
  std::vector<F> kids;
  const ir::Expr* expr = nullptr;  // Opaque: the IR condition (or a 分档 node, with `entry`)
  int entry = -1;                  // Opaque on a 分档 node: the entry whose key matches
  bool positive = true;            // Opaque: the condition, or its negation

  static F t() { return F{}; }
  static F f() {
    F x;
    x.op = False;
    return x;
  }
  static F of(check::Lit l) {
    F x;
    x.op = Lit;
    x.lit = std::move(l);
    return x;
  }
  static F all(std::vector<F> kids);
  static F any(std::vector<F> kids);
  bool hasOpaque() const;
};

F negate(const F& f);
// a op b  ⇔  b mirror(op) a.
ast::CmpOp mirror(ast::CmpOp op);

// ---- boxes ----------------------------------------------------------------------------------------

struct NumDom {
  bool hasLo = false, hasHi = false, loStrict = false, hiStrict = false;
  Q lo, hi;
  std::vector<Q> ne;
  bool loLit = false, hiLit = false;  // the bound comes from a literal of the policy (not the type)
};

struct Dom {
  int var = -1;
  NumDom num;
  std::uint8_t boolMask = 3;  // 1: false allowed, 2: true allowed
  Bits enumAllowed;
  std::vector<std::pair<int, std::uint8_t>> masks;  // Set/Rec: allowed states of constrained members
  std::vector<std::vector<std::pair<int, std::uint8_t>>> anys;
};

struct Box {
  std::vector<Dom> doms;  // sorted by var
  bool empty = false;
};

// A value for every variable a witness needs.
struct VarValue {
  Q num;
  bool b = false;
  int e = -1;
  bool absent = false;  // HistMax: no earlier year
  std::vector<std::pair<int, std::uint8_t>> states;  // Set/Rec: members present, with kOld or kNew
};
using Assignment = std::map<int, VarValue>;

// The days some document of the program is in force: from the earliest 有效期 start to the latest
// end (an end missing when no document states one). Witnesses' dates are taken inside them.
struct InForce {
  std::optional<int> from, to;
};
InForce inForce(const ir::Program& p);

// The units a witness's value of `v` is rounded to, largest first: whole 万元 then whole 元 for
// money; whole numbers for a count; whole percents then hundredths of one for a share or a rate
// (%/年); whole units then hundredths for a quantity of another unit (人, 平方米, 年); none for a date.
std::vector<Q> roundUnits(const VarInfo& v);

class Boxes {
 public:
  explicit Boxes(const VarTable& vars, InForce days = {}) : vars_(vars), days_(days) {}
  const InForce& days() const { return days_; }

  Dom initial(int var) const;
  bool add(Box& b, const Lit& l) const;   // false when the box became empty
  Box meet(const Box& a, const Box& b) const;
  bool sat(const Box& b) const;
  // a ⊆ b (a must be satisfiable): every point of a is in b.
  bool subset(const Box& a, const Box& b) const;
  // a ∪ b when it is a box (one holds the other, or they differ on one number only, on intervals
  // that meet or overlap: `超 200万元` and `超 100万元 且 不超过 200万元` are `超 100万元`); nullopt otherwise.
  std::optional<Box> join(const Box& a, const Box& b) const;
  // A point of the box (which must be satisfiable), preferring literal bounds, the strict side of
  // each boundary, and positive defaults for unconstrained quantities.
  Assignment pick(const Box& b) const;
  VarValue pickVar(int var, const Box& b) const;

  // The box as a conjunction of literals, without those on `except`; bounds that only repeat the
  // variable's type (its initial domain) are left out, so that the box it gives back is the same.
  F formula(const Box& b, int except = -1) const;

  bool numSat(const NumDom& d, bool integer) const;
  bool setSat(const Dom& d) const;
  const Dom* find(const Box& b, int var) const;

  // Disjunctive normal form, at most `limit` boxes; nullopt when larger or when f has Opaque nodes.
  std::optional<std::vector<Box>> dnf(const F& f, std::size_t limit) const;

 private:
  bool setSatWith(const Dom& d, std::vector<std::pair<int, std::uint8_t>>* model) const;
  Dom& slot(Box& b, int var) const;
  const VarTable& vars_;
  InForce days_;
};

// A literal on a HistMax variable read on its domain {−1} ∪ [histLo, hi]: bounds that fall between
// −1 and histLo move to the nearest value of the domain, so boxes stay exact intervals.
Lit snapHistory(const VarInfo& v, Lit l);

// Whether the literal set mentions both a derived variable (Increase, HistMax) and another view of the
// same fact, which the box treats as independent, or a sum (whose parts a box cannot choose): such
// queries go to Z3.
bool viewsClash(const VarTable& vars, const Box& b);

std::string describeLit(const ir::Program& p, const VarTable& vars, const Lit& l);
// A value of the variable as the policy writes it: a date, a quantity with its unit.
std::string describeValue(const ir::Program& p, const VarInfo& v, const Q& q);
// A stretch of values that no clause (or case) pays, from `lo` to `hi`, each end in it or not (`loIn`,
// `hiIn`: the bound's clause leaves it out). Money as `设备投入 between 100万元 and 200万元`; a whole
// number by the values in it, `人数 = 10` or `人数 from 10 to 12`: "between 9 and 10" for the single
// value 10 read as a stretch of fractions. `single`: the stretch is one value.
struct Stretch {
  std::string text;
  bool single = false;
};
Stretch describeStretch(const ir::Program& p, const VarInfo& v, const Q& lo, bool loIn, const Q& hi, bool hiIn);
// An amount of money in 元 as findings print it (`600万元`); a cap scaled with its table (÷ 3) need
// not be a decimal, and is printed as a fraction.
std::string moneyText(const Q& q);

}  // namespace polc::check
