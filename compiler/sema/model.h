// The checked model: every declaration of every file compiled together, with names resolved,
// types and units checked, and citations assigned. Later passes (IR lowering, the checker, the
// backends) read this and the annotated AST it owns; they never see an unchecked tree.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "support/source.h"
#include "syntax/ast.h"

namespace polc::sema {

// A unit: a dimension and an exact scale to the base units (万元 = 10^4 元, 月 = 1/12 年).
struct UnitInfo {
  std::string name;
  Dimension dim;
  std::int64_t scaleNum = 1;
  std::int64_t scaleDen = 1;
  int pow10 = 0;
  ast::UnitDecl* decl = nullptr;  // null for built-in 元
};

struct EnumInfo {
  std::string name;
  bool ordered = false;
  std::vector<std::string> members;  // highest first when ordered
  ast::EnumDecl* decl = nullptr;
};

struct SetInfo {
  std::string name;
  int enumIndex = -1;
  std::vector<int> members;
  ast::SetDecl* decl = nullptr;
};

struct FactInfo {
  std::string name;
  Type type;
  bool history = false;
  int subject = -1;
  ast::FactDecl* decl = nullptr;
  bool required = false;  // 必填
};

struct SubjectInfo {
  std::string name;
  int owner = -1;
  std::vector<FactInfo> facts;
  std::unordered_map<std::string, int> factIndex;
  ast::SubjectDecl* decl = nullptr;
};

struct ParameterInfo {
  std::string name;
  Type type;
  ast::ParameterDecl* decl = nullptr;
};

struct LabelInfo {
  std::string name;
  std::string description;
  ast::LabelDecl* decl = nullptr;
};

enum class AwardKind { Pay, Benefit, Negotiated, None };

struct ClauseInfo {
  ast::Clause* decl = nullptr;
  ast::Article* article = nullptr;
  int document = -1;
  std::string citation;  // 常办发〔2022〕1号 第3条第3款
  int subject = -1;
  int payee = -1;
  int target = -1;
  int kind = -1;
  AwardKind award = AwardKind::None;
};

struct NonStackingInfo {
  ast::NonStackingGroup* decl = nullptr;
  int document = -1;
  std::vector<int> clauses;  // the clauses named in 范围 (empty for 文件 / 所有文件 scopes)
  int per = -1;                  // the first 每个 subject (kept for readers of one key)
  std::vector<int> perSubjects;  // every 每个 subject
  bool perItem = false;          // 每个 事项: the award's own item
  std::vector<int> exceptKinds;
  std::vector<int> prefer;  // documents
};

struct CapInfo {
  ast::CapDecl* decl = nullptr;
  int document = -1;
  int per = -1;
  std::vector<int> clauses;
};

struct DocumentInfo {
  std::string name;
  std::string displayNumber;  // 文号 when given, else the name
  ast::DocumentDecl* decl = nullptr;
  std::vector<int> clauses;
  // (article, clause, item) → clause index; clause 0 and item 0 keys are not stored.
  std::map<std::tuple<int, int, int>, int> byCitation;
  std::map<int, ast::Article*> articles;
};

class Model {
 public:
  const SourceManager* sources = nullptr;
  std::vector<std::unique_ptr<ast::File>> files;

  std::vector<UnitInfo> units;
  std::vector<std::string> baseUnits;  // base index → name; 0 is 元
  std::vector<EnumInfo> enums;
  std::vector<SetInfo> sets;
  std::vector<SubjectInfo> subjects;
  std::vector<ParameterInfo> parameters;
  std::vector<LabelInfo> targets;
  std::vector<LabelInfo> kinds;
  std::vector<DocumentInfo> documents;
  std::vector<ClauseInfo> clauses;
  std::vector<NonStackingInfo> groups;
  std::vector<CapInfo> caps;

  std::unordered_map<std::string, int> unitIndex, enumIndex, setIndex, subjectIndex,
      parameterIndex, targetIndex, kindIndex, documentIndex;

  // Human-readable forms for messages and explanations.
  std::string describe(const Type& t) const;
  std::string describe(const Dimension& d) const;
  // Whether `ancestor` is `s` or one of its owners.
  bool ownedBy(int s, int ancestor) const;
  int rootOf(int s) const;
};

}  // namespace polc::sema
