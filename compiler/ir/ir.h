// The policy IR (docs/ir.md): the one form of a compiled policy set that every consumer reads.
// It is self-contained: names, citations, quoted texts and expression sources are copied in, so an
// evaluator or backend never needs the AST or the source files. Indices refer into the vectors of
// the Program (subjects, facts of a subject, enums, parameters, documents, clauses).
#pragma once

#include <bitset>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "decimal/decimal.h"
#include "decimal/operand_rank.h"
#include "support/source.h"
#include "syntax/ast.h"

namespace polc::ir {

using polrt::Decimal;

// ---- values ---------------------------------------------------------------------------------------

// Sets of enum members are bit sets of this many members (checked at lowering, E0501; docs/ir.md).
// The seed schema's 称号名录 has more than 64 members, hence 256.
inline constexpr int kMaxEnumMembers = 256;
using Bits = std::bitset<kMaxEnumMembers>;

enum class VType { Num, Bool, Enum, Set, Date, Text, Recognition };

// A recognition held by an applicant: a member and the day it was granted.
struct Grant {
  int member = -1;
  int day = 0;  // days since 1970-01-01
};

// A runtime value. Numbers are amounts: an exact number has lo == hi and form Exact.
struct Value {
  VType type = VType::Bool;
  Decimal lo, hi;
  AmountForm form = AmountForm::Exact;
  bool b = false;
  int e = -1;               // Enum: member index
  Bits bits;                // Set: member bits; Recognition: bits of the members held
  int day = 0;              // Date
  std::string text;         // Text
  std::vector<Grant> grants;  // Recognition

  static Value num(Decimal d) {
    Value v;
    v.type = VType::Num;
    v.lo = v.hi = d;
    return v;
  }
  static Value amount(Decimal lo, Decimal hi, AmountForm f) {
    Value v;
    v.type = VType::Num;
    v.lo = lo;
    v.hi = hi;
    v.form = f;
    return v;
  }
  static Value boolean(bool x) {
    Value v;
    v.type = VType::Bool;
    v.b = x;
    return v;
  }
  static Value enumValue(int m) {
    Value v;
    v.type = VType::Enum;
    v.e = m;
    return v;
  }
  static Value set(Bits bits) {
    Value v;
    v.type = VType::Set;
    v.bits = bits;
    return v;
  }
  static Value date(int day) {
    Value v;
    v.type = VType::Date;
    v.day = day;
    return v;
  }
  static Value string(std::string s) {
    Value v;
    v.type = VType::Text;
    v.text = std::move(s);
    return v;
  }
};

// ---- expressions ----------------------------------------------------------------------------------

enum class Op {
  Const,       // value
  Fact,        // subject, fact: looked up on the item or the owner instance of `subject`
  Previous,    // 上年(X): the value of the year before the evaluation year
  Increase,    // 增量(X) = X − 上年(X)
  HistoryMax,  // 历史最高(X): the highest value of the earlier years
  ParamAt,     // parameter `param` at kids[0] (a date); no kid: at the evaluation date
  Neg,
  Arith,       // arith, kids[0] op kids[1]
  Compare,     // cmp, kids[0] op kids[1]
  FirstOver,   // kids[0] is a Fact with history, kids[1] the threshold
  And,
  Or,
  Not,
  Member,      // kids[0] 属于 kids[1] (negated: 不属于)
  Has,         // kids[0] (a set or recognitions) 含 kids[1]
  Newly,       // 新认定 kids[0]: the set of members granted in the evaluation year
  If,          // kids: cond, then, else
  Tiers,       // kids[0] subject; entries: key → value; tierMode says how they compare
  Cases,       // entries: condition → value; a last entry without key is 其他
  Marginal,    // kids[0] subject; entries: threshold → rate, ascending
  Steps,       // kids: x, from, every, add
  Min,
  Max,
  UpTo,        // 最高 kids[0]
  Range,       // kids[0] 至 kids[1]
  Cap,         // kids[0] 上限 kids[1]
};

enum class TierMode { Compare, FirstOver, Has, Equal };

struct Expr;

struct Entry {
  std::vector<Expr> key;  // zero or one expression (none: 其他)
  std::vector<Expr> value;  // exactly one
};

struct Expr {
  Op op = Op::Const;
  Type type;           // the checked type (kind, dimension, form)
  Span span;
  std::string source;  // the expression as written, for dumps and explanations
  std::string name;    // Fact / history builtins / ParamAt: the fact or parameter name

  Value value;         // Const
  int subject = -1;    // Fact, Previous, Increase, HistoryMax, FirstOver (on kids[0])
  int fact = -1;
  int param = -1;      // ParamAt
  ast::ArithOp arith = ast::ArithOp::Mul;
  ast::CmpOp cmp = ast::CmpOp::Eq;
  bool negated = false;  // Member: 不属于
  // And/Or: where it stands in its condition, which says what an operand with no value counts for
  // (ir/polarity.cpp; docs/ir.md, "Then the operands of `且`/`或`").
  polrt::Polarity polarity = polrt::Polarity::Positive;
  TierMode tierMode = TierMode::Equal;

  std::vector<Expr> kids;
  std::vector<Entry> entries;

  // The facts this expression needs whatever its values, in reading order, when one of them could
  // otherwise be read after something that stops the evaluation (an error, another absent fact):
  // every evaluator reads them all first, and any absent makes the expression not assessable,
  // naming each (needs_first.cpp; docs/ir.md, "Facts that are absent"). Empty on most nodes.
  std::vector<Expr> needsFirst;
};

// ---- program --------------------------------------------------------------------------------------

struct FactSlot {
  std::string name;
  Type type;
  bool history = false;
  bool required = false;
  std::optional<Value> defaultValue;
  std::string description;
  // The values a number may take, in the fact's base unit: the declared 取值 range, and 0 at least
  // for a quantity with a unit (never negative). Every reader of facts refuses a value outside them,
  // since the checker's findings assume them. rangeText is the 取值 as written, "" when undeclared.
  std::optional<Decimal> min, max;
  std::string rangeText;
};

struct Subject {
  std::string name;
  int owner = -1;
  std::vector<FactSlot> facts;
};

struct Enum {
  std::string name;
  bool ordered = false;
  std::vector<std::string> members;  // highest first when ordered
};

struct ParamEntry {
  int day = 0;
  std::string date;
  Value value;
};

struct Parameter {
  std::string name;
  Type type;
  std::vector<ParamEntry> entries;  // by date, ascending
};

struct Rounding {
  bool present = false;
  Decimal unit;  // in 元
  polrt::RoundingMode mode = polrt::RoundingMode::HalfUp;
  std::string text;  // as written: 1元 四舍五入
};

struct Share {
  std::string payer;  // the label; for 辖区（所在地）, 辖区 (the payer is the fact's value)
  std::optional<Decimal> proportion;  // none: 其余 (the rest)
};

// A payer named by a fact of the applicant, `辖区（所在地）`: its place among the rule's payers
// (shares, or ratio payers) and the enum fact, resolved for the clause's subject. The payer paid is
// the name of the fact's value (新北区); the fact absent leaves the award's funding undecided.
struct PayerFact {
  int payer = 0;
  Expr fact;
};

struct FundingRule {
  bool otherwise = false;  // 其他: no condition
  std::vector<int> kinds;  // 类别 K: applies to awards of these kinds
  std::optional<std::string> arrangement;  // "按现行财政体制执行": reported, no split
  std::vector<Share> shares;
  std::vector<std::string> ratioPayers;  // a ratio a:b between these payers
  std::vector<Decimal> ratio;
  std::string source;  // the rule as written
};

struct Document {
  std::string name;    // the name used in the policy file
  std::string number;  // 文号, or the name
  std::string title;
  std::optional<int> effectiveFrom, effectiveTo;  // days
  std::string effectiveText;
  Rounding rounding;
  std::vector<std::string> fundingText;
  std::vector<std::string> fundingNotes;  // 说明 of the 资金分担 block, shown under its lines
  std::vector<FundingRule> funding;
  std::vector<int> clauses;
};

enum class AwardKind { Pay, Benefit, Negotiated, None };

struct Clause {
  int document = -1;
  std::string citation;  // 常办发〔2022〕1号 第3条第3款
  int article = 0, clause = 0, item = 0;
  std::string title;
  std::string text;                // 原文, the pieces concatenated
  std::vector<std::string> notes;  // 释义 of the clause (and of its article)
  int subject = -1;
  int payee = -1;
  int target = -1;
  int kind = -1;
  AwardKind award = AwardKind::None;
  std::vector<Expr> eligibility;  // the document's 申报条件, resolved for this clause's subject
  std::vector<Expr> conditions;
  std::vector<Expr> amount;       // zero or one: the 给予 expression
  std::string benefit;            // 待遇 text
  std::string negotiatedBasis;    // 一事一议 basis
  std::vector<Expr> cap;          // zero or one: the per-item 上限
  std::string capLabel;
  std::optional<std::int64_t> quota;
  bool quotaAnnual = false;
  std::vector<Decimal> installments;
  bool topup = false;
  bool once = false;  // 一次性: never paid again to an item that received it in an earlier year
  // One per funding rule of the document: the rule's condition resolved for this clause's subject
  // (empty for 其他).
  std::vector<std::vector<Expr>> fundingConditions;
  // One per funding rule of the document: its payers named by a fact, by their place (none for most).
  std::vector<std::vector<PayerFact>> fundingPayers;
};

enum class GroupScope { Clauses, Document, All };

struct Group {
  std::string name;
  int document = -1;
  GroupScope scope = GroupScope::Document;
  std::vector<int> clauses;  // Clauses scope
  std::vector<int> per;      // 每个 subjects; none and not perItem: the whole applicant
  bool perItem = false;      // 每个 事项: the award's own item
  bool sameTarget = false;
  std::vector<int> exceptKinds;
  std::vector<int> prefer;  // documents
  std::string text;
  std::vector<std::string> notes;
};

enum class CapPeriod { Once, Cumulative, Annual };

struct Cap {
  std::string name;
  int document = -1;
  Decimal amount;
  int per = -1;
  CapPeriod period = CapPeriod::Once;
  std::vector<int> clauses;
  std::string text;
  std::vector<std::string> notes;
};

struct Label {
  std::string name;
  std::string description;
};

struct Program {
  std::vector<Subject> subjects;
  std::vector<Enum> enums;
  std::vector<Parameter> parameters;
  std::vector<Label> targets;
  std::vector<Label> kinds;
  std::vector<Document> documents;
  std::vector<Clause> clauses;
  std::vector<Group> groups;  // named-clause groups first, then document-wide, then cross-document
  std::vector<Cap> caps;
  std::vector<std::string> baseUnits;  // for printing dimensions

  int subjectIndex(const std::string& name) const;
  bool ownedBy(int s, int ancestor) const;
  int rootOf(int s) const;
};

// ---- dates ----------------------------------------------------------------------------------------

// Days since 1970-01-01 of a valid YYYY-MM-DD, nullopt otherwise.
std::optional<int> parseDate(const std::string& text);
std::string formatDate(int day);
int yearOf(int day);
// The local calendar day: the evaluation date when neither --date nor the facts give one.
int today();

}  // namespace polc::ir
