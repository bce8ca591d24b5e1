// The owned syntax tree of a policy file. It is built from ANTLR's parse tree by ast_builder.cpp and
// outlives it; every node carries its source span. Semantic analysis fills the `sema` annotations of
// expressions in place (names resolved, types and units computed); nothing else mutates the tree.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "support/source.h"
#include "syntax/sema_annotations.h"

namespace polc::ast {

struct Name {
  std::string text;
  Span span;
};

// A quoted string of the policy: the original text of a clause, a note, a description.
struct Text {
  std::string value;
  Span span;
};

enum class ExprKind {
  Quantity,   // 1000万元, 12%, 3.70%/年, 20
  Ratio,      // 1:1
  String,     // "…"
  Date,       // 2022-01-20
  Bool,       // 是 / 否
  Path,       // 营业收入, 企业.注册地, 级别.国家级
  Call,       // 增量(营业收入)
  SetLit,     // {重大项目库, 技改项目库}
  Neg,        // -x
  Newly,      // 新认定 称号
  Arith,      // a × b, a / b, a + b, a - b
  Range,      // a 至 b
  Cap,        // a 上限 b
  UpTo,       // 最高 a
  Compare,    // a 超 b, a 达 b 以上, …
  FirstOver,  // a 首次超 b
  Member,     // a 属于 b, a 不属于 b
  Has,        // a 含 b
  Not,
  And,
  Or,
  If,         // 若 c 则 a 否则 b
  At,         // LPR一年期 于 放款日期
  Tiers,      // 分档 x op { k: v … }
  Cases,      // 分情形 { c: v … 其他: v }
  Marginal,   // 累进 x { k: rate … }
  Steps,      // 递增 x 自 a 每增加 b 另给予 c
};

enum class ArithOp { Mul, Div, Add, Sub };
enum class CmpOp { Gt, Ge, Le, Lt, Eq, Ne };

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

// One entry of 分档 / 累进 / 分情形. A 其他 (otherwise) entry of 分情形 has no key.
struct Entry {
  ExprPtr key;
  ExprPtr value;
  Span span;
};

struct Expr {
  ExprKind kind;
  Span span;

  // Quantity: number = "1000", unit = "万元" (possibly empty). Ratio: number = "1:1".
  // String: the unescaped value. Date: "2022-01-20". Bool: "true"/"false".
  std::string number;
  std::string unit;
  std::string text;
  bool boolValue = false;

  std::vector<Name> path;  // Path: the dotted components; Call: the function name; SetLit: members

  ArithOp arith = ArithOp::Mul;
  CmpOp cmp = CmpOp::Eq;
  bool negated = false;  // Member: 不属于

  // Operands, in source order: unary → [0]; binary → [0], [1]; If → cond, then, else;
  // Call → arguments; Tiers / Marginal → [0] is the subject; Steps → x, from, every, add.
  std::vector<ExprPtr> kids;

  // Tiers: how each key is compared with the subject (absent: equality, or 含 for sets).
  // FirstOver on Tiers is expressed by tiersFirstOver; Has by tiersHas.
  std::optional<CmpOp> tiersCmp;
  bool tiersFirstOver = false;
  bool tiersHas = false;
  std::vector<Entry> entries;

  SemaInfo sema;  // filled by semantic analysis
};

// ---- schema -------------------------------------------------------------------------------------

struct UnitDecl {
  Name name;
  // `unit 月 = 1/12年`: numerator and optional denominator quantities; both empty for a base unit.
  ExprPtr scaleNum;
  ExprPtr scaleDen;
  std::optional<Text> description;
  Span span;
};

struct EnumDecl {
  Name name;
  bool ordered = false;     // members were separated by `>`, highest first
  std::vector<Name> members;
  std::vector<std::optional<Text>> memberDescriptions;
  std::optional<Text> description;
  Span span;
};

struct SetDecl {
  Name name;
  std::vector<Name> members;
  std::optional<Text> description;
  Span span;
};

struct TypeRef {
  enum class Form { Named, Set, Recognition };
  Form form = Form::Named;
  // Named: the unit or type words, with `/` between them (元/吨标煤 → ["元", "吨标煤"]); a part may be
  // a quantity such as "1" in 1/年. Set/Recognition: parts[0] is the enum.
  std::vector<Name> parts;
  Span span;
};

struct FactDecl {
  Name name;
  TypeRef type;
  bool history = false;
  bool required = false;  // 必填: a facts file must give it
  ExprPtr defaultValue;
  ExprPtr range;  // a Range expression: 取值 0 至 1000亿元
  std::optional<Text> description;
  Span span;
};

struct SubjectDecl {
  Name name;
  std::optional<Name> owner;
  std::optional<Text> description;
  std::vector<FactDecl> facts;
  std::vector<Text> notes;
  Span span;
};

struct ParameterEntry {
  std::string date;
  Span dateSpan;
  ExprPtr value;
};

struct ParameterDecl {
  Name name;
  std::optional<Text> description;
  std::vector<ParameterEntry> entries;
  Span span;
};

// 标的 and 类别 declarations share a shape.
struct LabelDecl {
  Name name;
  std::optional<Text> description;
  Span span;
};

// ---- documents ----------------------------------------------------------------------------------

// A citation of a clause or article: 第3条第3款, @3.3, 武进2024 第11条第2款. clause == 0 cites the
// whole article; item == 0 cites the whole clause.
struct ClauseRef {
  std::optional<Name> document;
  int article = 0;
  int clause = 0;
  int item = 0;
  Span span;
};

struct Relation {
  ClauseRef other;
  Text reason;
  Span span;
};

// An item that a block may hold once, with where it appeared, so that a second one is reported with
// a note at the first.
struct ItemSeen {
  std::string item;
  Span span;
};

struct Clause {
  int clause = 0;  // 第N款
  int item = 0;    // 第M项, 0 when the clause is not split into items
  std::optional<Text> title;
  Span span;        // the whole clause
  Span headerSpan;  // `款 3.1`

  std::vector<Text> text;  // 原文 pieces, concatenated in order
  std::vector<Text> notes;
  std::optional<Name> subject;
  std::optional<Name> target;
  std::optional<Name> kind;
  std::optional<Name> payee;
  std::vector<ExprPtr> conditions;
  ExprPtr pay;
  std::optional<Text> benefit;
  bool negotiated = false;
  std::optional<Text> negotiatedBasis;
  Span negotiatedSpan;
  ExprPtr cap;
  std::optional<Text> capLabel;
  ExprPtr quota;
  bool quotaAnnual = false;
  std::vector<ExprPtr> installments;
  bool topup = false;
  Span topupSpan;
  bool once = false;  // 一次性: paid once per item, never again in a later year
  std::vector<Relation> relations;

  using Seen = ItemSeen;
  std::vector<Seen> seen;
};

struct Article {
  int number = 0;
  std::optional<Text> title;
  Span span;
  Span headerSpan;
  int chapter = -1;  // index into Document::chapters, -1 when outside any chapter
  std::vector<Text> text;
  std::vector<Text> notes;
  std::vector<Clause> clauses;
};

struct Chapter {
  std::string label;  // 一, （一）, 2
  std::optional<Text> title;
  int parent = -1;    // index of the enclosing chapter
  std::vector<Text> text;
  std::vector<Text> notes;
  Span span;
};

struct NonStackingGroup {
  enum class Scope { Unspecified, Document, All, Clauses };
  Name name;
  Span span;
  std::vector<Text> text;
  std::vector<Text> notes;
  Scope scope = Scope::Unspecified;
  Span scopeSpan;
  std::vector<ClauseRef> clauses;
  bool takeHighest = false;
  std::vector<Name> per;  // 每个 项目, 平台
  bool perItem = false;   // 每个 事项
  bool sameTarget = false;
  std::vector<Name> exceptKinds;
  std::vector<Name> prefer;
};

struct CapDecl {
  enum class Period { Once, Cumulative, Annual };
  Name name;
  ExprPtr amount;
  Name per;
  Period period = Period::Once;
  std::vector<ClauseRef> covers;
  std::vector<Text> text;
  std::vector<Text> notes;
  Span span;
};

// A payer of a funding split: a label (`市`), or a label with the fact of the applicant whose value
// names the payer, written as the policy says it (`辖区（所在地）`: the district the applicant is in).
struct Payer {
  Name name;     // 市; for 辖区（所在地）: 辖区
  ExprPtr fact;  // null for a plain label; else a Path naming the fact (所在地)
  Span span;     // the payer as written, brackets and fact included
  std::string written;  // its text there: 辖区（所在地） or 辖区(所在地), as the writer typed it
};

struct Share {
  Payer payer;
  ExprPtr amount;  // null for 其余 (the rest)
  Span span;
};

struct FundingRule {
  ExprPtr condition;        // null for 其他 (otherwise) and for a rule by kind
  std::vector<Name> kinds;  // 类别 K: the rule applies to awards of these kinds
  std::optional<Text> arrangement;  // "按现行财政体制执行": no split is computed
  std::vector<Share> shares;
  std::vector<Payer> ratioPayers;  // `市, 辖区 = 1:1`
  std::string ratio;
  Span ratioSpan;
  Span span;
};

struct Funding {
  std::vector<Text> text;
  std::vector<Text> notes;
  std::vector<FundingRule> rules;
  Span span;
};

struct DocumentDecl {
  Name name;
  Span span;
  std::optional<Text> number;
  std::optional<Text> title;
  std::optional<Text> issuer;
  std::optional<std::string> issued;
  Span issuedSpan;
  std::optional<Text> applies;
  std::optional<std::string> effectiveFrom;
  std::optional<std::string> effectiveTo;
  Span effectiveSpan;
  std::optional<Text> interpreter;
  ExprPtr roundingUnit;
  std::optional<Name> roundingMode;
  std::vector<ExprPtr> eligible;
  std::vector<Text> text;
  std::vector<Text> notes;
  std::vector<Chapter> chapters;
  std::vector<Article> articles;
  std::vector<NonStackingGroup> groups;
  std::vector<CapDecl> caps;
  std::vector<Funding> funding;
  std::vector<ItemSeen> seen;  // the header items given once (文号, 有效期, 舍入 …)
};

struct File {
  FileId file = kNoFile;
  std::vector<UnitDecl> units;
  std::vector<EnumDecl> enums;
  std::vector<SetDecl> sets;
  std::vector<SubjectDecl> subjects;
  std::vector<ParameterDecl> parameters;
  std::vector<LabelDecl> targets;
  std::vector<LabelDecl> kinds;
  std::vector<DocumentDecl> documents;
};

}  // namespace polc::ast
