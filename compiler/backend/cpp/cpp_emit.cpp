// The C++ backend (cpp_emit.h). The generated code follows the reference evaluator step by step:
// conditions are three-valued (T4: false, true, unknown, no-match) so that absent facts make a
// clause not assessable exactly where the reference evaluator says so, and every arithmetic step is
// a checked decimal operation materialised in its own variable, so that errors happen in the same
// order. The steps after the clauses (non-stacking, caps, funding, totals) are table-driven code in
// polc_runtime.h.
#include "backend/cpp/cpp_emit.h"

#include <algorithm>
#include <functional>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "ir/words.h"
#include "syntax/literals.h"

namespace polc::cpp {
namespace {

using ir::Expr;
using polrt::Decimal;
using ir::Op;

// ---- names ----------------------------------------------------------------------------------------

// Decodes one UTF-8 code point at s[i], advancing i.
unsigned nextCodePoint(const std::string& s, std::size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  unsigned cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < n && i + static_cast<std::size_t>(k) < s.size(); ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
  i += static_cast<std::size_t>(n);
  return cp;
}

bool isIdentCodePoint(unsigned cp) {
  return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF);
}

const std::set<std::string>& keywords() {
  static const std::set<std::string> k{
      "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break", "case", "catch",
      "char", "class", "compl", "const", "constexpr", "const_cast", "continue", "decltype", "default", "delete",
      "do", "double", "dynamic_cast", "else", "enum", "explicit", "export", "extern", "false", "float", "for",
      "friend", "goto", "if", "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not",
      "not_eq", "nullptr", "operator", "or", "or_eq", "private", "protected", "public", "register",
      "reinterpret_cast", "return", "short", "signed", "sizeof", "static", "static_assert", "static_cast",
      "struct", "switch", "template", "this", "thread_local", "throw", "true", "try", "typedef", "typeid",
      "typename", "union", "unsigned", "using", "virtual", "void", "volatile", "wchar_t", "while", "xor",
      "xor_eq", "polc_rt", "std", "run", "item", "aw"};
  return k;
}

// A C++ identifier for a policy name: CJK characters, ASCII letters and digits are kept (valid in
// identifiers for g++ ≥ 10 and clang), everything else becomes `_`.
std::string ident(const std::string& name) {
  std::string out;
  for (std::size_t i = 0; i < name.size();) {
    std::size_t start = i;
    unsigned cp = nextCodePoint(name, i);
    bool ascii = cp < 0x80 && (std::isalnum(static_cast<int>(cp)) != 0 || cp == '_');
    if (ascii || isIdentCodePoint(cp)) {
      out += name.substr(start, i - start);
    } else if (!out.empty() && out.back() != '_') {
      out += '_';
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  if (out.empty() || (out[0] >= '0' && out[0] <= '9') || out[0] == '_') out = "n" + out;
  if (keywords().count(out)) out += "_";
  return out;
}

// Names unique within one scope.
class Names {
 public:
  std::string take(const std::string& want) {
    std::string n = want;
    for (int k = 2; used_.count(n); ++k) n = want + "_" + std::to_string(k);
    used_.insert(n);
    return n;
  }
  void reserve(const std::string& n) { used_.insert(n); }

 private:
  std::set<std::string> used_;
};

// A C++ string literal (UTF-8 kept as is).
std::string lit(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '?': out += "\\?"; break;  // no trigraphs
      default: out += c;
    }
  }
  return out + "\"";
}

// A comment line: keeps the text readable, never ends the comment early.
std::string commentText(std::string s) {
  for (auto& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  // A trailing backslash would continue the comment onto the next line.
  while (!s.empty() && s.back() == '\\') s.pop_back();
  return s;
}

// Wraps a long text into comment lines of about `width` bytes, on code point boundaries.
std::vector<std::string> wrap(const std::string& text, std::size_t width) {
  std::vector<std::string> out;
  std::string line;
  std::string s = commentText(text);
  for (std::size_t i = 0; i < s.size();) {
    std::size_t start = i;
    nextCodePoint(s, i);
    line += s.substr(start, i - start);
    if (line.size() >= width) {
      out.push_back(line);
      line.clear();
    }
  }
  if (!line.empty() || out.empty()) out.push_back(line);
  return out;
}

std::string decLiteral(const Decimal& d) {
  auto m = d.mantissa();
  if (m >= INT64_MIN && m <= INT64_MAX)
    return fmt::format("polc_rt::D({}, {})", static_cast<long long>(m), d.scale());
  return fmt::format("*polc_rt::Decimal::parse(\"{}\")", d.toString());
}

const char* cmpName(ast::CmpOp op) {
  switch (op) {
    case ast::CmpOp::Gt: return "polc_rt::Cmp::Gt";
    case ast::CmpOp::Ge: return "polc_rt::Cmp::Ge";
    case ast::CmpOp::Le: return "polc_rt::Cmp::Le";
    case ast::CmpOp::Lt: return "polc_rt::Cmp::Lt";
    case ast::CmpOp::Eq: return "polc_rt::Cmp::Eq";
    case ast::CmpOp::Ne: return "polc_rt::Cmp::Ne";
  }
  return "?";
}
const char* roundingName(polrt::RoundingMode m) {
  switch (m) {
    case polrt::RoundingMode::HalfUp: return "polc_rt::RoundingMode::HalfUp";
    case polrt::RoundingMode::HalfEven: return "polc_rt::RoundingMode::HalfEven";
    case polrt::RoundingMode::Down: return "polc_rt::RoundingMode::Down";
    case polrt::RoundingMode::Up: return "polc_rt::RoundingMode::Up";
    case polrt::RoundingMode::Floor: return "polc_rt::RoundingMode::Floor";
    case polrt::RoundingMode::Ceiling: return "polc_rt::RoundingMode::Ceiling";
  }
  return "?";
}

// ---- the program-wide names and types -------------------------------------------------------------

struct FactInfo {
  std::string member;   // C++ member name
  std::string history;  // member holding earlier years, empty when none
  std::string type;     // C++ type of one value
  bool optional = false;  // std::optional<type>
  std::string init;       // initializer of a plain member
};

class Generator {
 public:
  Generator(const sema::Model& m, const ir::Program& p, const EmitOptions& o) : m_(m), p_(p), o_(o) {}

  std::map<std::string, std::string> run() {
    names();
    std::map<std::string, std::string> files;
    files[o_.name + ".h"] = header();
    files[o_.name + ".cpp"] = source();
    files["polc_runtime.h"] = runtimeHeader();
    files["polc_decimal.h"] = decimalHeader();
    return files;
  }

 private:
  // ---- naming ----
  void names() {
    Names top;
    for (const char* r : {"Facts", "Result", "Award", "Options", "evaluate", "readFacts", "program", "Grant"})
      top.reserve(r);
    for (const auto& e : p_.enums) {
      enumNames_.push_back(top.take(ident(e.name)));
      Names members;
      std::vector<std::string> ms;
      for (const auto& mem : e.members) ms.push_back(members.take(ident(mem)));
      memberNames_.push_back(ms);
    }
    for (const auto& s : p_.subjects) subjectNames_.push_back(top.take(ident(s.name)));
    for (std::size_t s = 0; s < p_.subjects.size(); ++s) {
      Names fields;
      fields.reserve("已获奖励");
      for (std::size_t c = 0; c < p_.subjects.size(); ++c)
        if (p_.subjects[c].owner == static_cast<int>(s)) childField_[static_cast<int>(c)] = fields.take(ident(p_.subjects[c].name));
      std::vector<FactInfo> facts;
      for (const auto& f : p_.subjects[s].facts) {
        FactInfo fi;
        fi.member = fields.take(ident(f.name));
        fi.type = valueType(f.type);
        if (f.history) fi.history = fields.take(fi.member + "_历史");
        bool plain = !f.history && (f.defaultValue || f.type.kind == TypeKind::Bool || f.type.kind == TypeKind::Set ||
                                    f.type.kind == TypeKind::Recognition);
        fi.optional = !plain;
        if (plain) fi.init = f.defaultValue ? constant(*f.defaultValue, f.type) : defaultInit(f.type);
        facts.push_back(fi);
      }
      facts_.push_back(facts);
    }
    for (const auto& prm : p_.parameters) paramNames_.push_back(top.take("参数_" + ident(prm.name)));
    Names docs;
    for (const auto& d : p_.documents) docNames_.push_back(docs.take(ident(d.name)));
    std::vector<Names> perDoc(p_.documents.size());
    for (const auto& cl : p_.clauses) {
      std::string local = formatCitation(cl.article, cl.clause, cl.item);
      std::string want = ident(local) + (cl.title.empty() ? "" : "_" + ident(cl.title));
      clauseNames_.push_back(perDoc[static_cast<std::size_t>(cl.document)].take(want));
    }
  }

  std::size_t enumSize(int en) const {
    std::size_t n = en >= 0 ? p_.enums[static_cast<std::size_t>(en)].members.size() : 1;
    return n == 0 ? 1 : n;
  }
  std::string bitsType(int en) const { return fmt::format("std::bitset<{}>", enumSize(en)); }
  std::string enumType(int en) const { return o_.nameSpace + "::" + enumNames_[static_cast<std::size_t>(en)]; }

  // The C++ type of a fact value.
  std::string valueType(const Type& t) const {
    switch (t.kind) {
      case TypeKind::Bool: return "bool";
      case TypeKind::Number: return "polc_rt::Dec";
      case TypeKind::Date: return "int";
      case TypeKind::Text: return "std::string";
      case TypeKind::Enum: return enumType(t.enumIndex);
      case TypeKind::Set: return bitsType(t.enumIndex);
      case TypeKind::Recognition: return "std::vector<polc_rt::Grant<" + enumType(t.enumIndex) + ">>";
      case TypeKind::Error: break;
    }
    return "int";
  }
  std::string defaultInit(const Type& t) const {
    switch (t.kind) {
      case TypeKind::Bool: return "false";
      default: return "{}";
    }
  }

  // A constant of the IR as a C++ expression of the fact's type.
  std::string constant(const ir::Value& v, const Type& t) const {
    switch (v.type) {
      case ir::VType::Num: return decLiteral(v.lo);
      case ir::VType::Bool: return v.b ? "true" : "false";
      case ir::VType::Enum:
        return t.enumIndex >= 0 && v.e >= 0 ? enumType(t.enumIndex) + "::" + memberNames_[static_cast<std::size_t>(t.enumIndex)][static_cast<std::size_t>(v.e)]
                                            : std::to_string(v.e);
      case ir::VType::Set: return bitsLiteral(v.bits, t.enumIndex);
      case ir::VType::Date: return fmt::format("{} /* {} */", v.day, ir::formatDate(v.day));
      case ir::VType::Text: return "std::string(" + lit(v.text) + ")";
      case ir::VType::Recognition: return "{}";
    }
    return "{}";
  }
  std::string bitsLiteral(const ir::Bits& bits, int en) const {
    std::string list;
    for (int i = 0; i < ir::kMaxEnumMembers; ++i)
      if (bits[static_cast<std::size_t>(i)]) list += (list.empty() ? "" : ", ") + std::to_string(i);
    return fmt::format("polc_rt::bits<{}>({{{}}})", enumSize(en), list);
  }

  // ---- the header ----
  std::string header() {
    std::ostringstream os;
    std::string guard = "POLC_GENERATED_" + o_.name + "_H";
    for (auto& c : guard) c = std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : '_';
    os << "// Generated by polc (`polc build --emit=cpp`) from the policy set:\n";
    for (const auto& d : p_.documents) os << "//   " << commentText(d.number) << "  " << commentText(d.title) << "\n";
    os << "// Do not edit: change the policy files and generate again. Needs only the C++17 standard library\n"
          "// and the two headers written alongside (polc_runtime.h, polc_decimal.h).\n"
          "//\n"
          "// Money is exact: polc_rt::Dec is a decimal (mantissa × 10^-scale), amounts are in 元. Facts\n"
          "// left as std::nullopt are absent: clauses that need them are listed as not assessable.\n";
    os << "#ifndef " << guard << "\n#define " << guard << "\n\n";
    os << "#include <bitset>\n#include <map>\n#include <optional>\n#include <string>\n#include <vector>\n\n";
    os << "#include \"polc_runtime.h\"\n\n";
    os << "namespace " << o_.nameSpace << " {\n\n";
    os << "// ---- enumerations " << std::string(80, '-') << "\n\n";
    for (std::size_t e = 0; e < p_.enums.size(); ++e) {
      const auto& en = p_.enums[e];
      os << "// " << commentText(en.name) << (en.ordered ? "（有序：第一个最高）" : "") << "\n";
      os << "enum class " << enumNames_[e] << " : int {";
      for (std::size_t i = 0; i < en.members.size(); ++i) {
        os << (i ? "," : "") << "\n  " << memberNames_[e][i];
        if (memberNames_[e][i] != en.members[i]) os << " /* " << commentText(en.members[i]) << " */";
      }
      os << "\n};\n";
    }
    os << "\n// ---- facts: one struct per subject " << std::string(63, '-') << "\n";
    // Owned subjects first, so that std::vector members name complete types.
    std::vector<int> order;
    std::function<void(int)> visit = [&](int s) {
      for (std::size_t c = 0; c < p_.subjects.size(); ++c)
        if (p_.subjects[c].owner == s) visit(static_cast<int>(c));
      order.push_back(s);
    };
    for (std::size_t s = 0; s < p_.subjects.size(); ++s)
      if (p_.subjects[s].owner < 0) visit(static_cast<int>(s));
    for (int s : order) subjectStruct(os, s);
    os << "\n// One applicant: exactly one top-level subject, and the evaluation date of the facts.\n";
    os << "struct Facts {\n  std::optional<int> date;  // days since 1970-01-01 (polc_rt::date(\"2024-06-30\"))\n";
    for (std::size_t s = 0; s < p_.subjects.size(); ++s)
      if (p_.subjects[s].owner < 0)
        os << "  std::optional<" << o_.nameSpace << "::" << subjectNames_[s] << "> " << subjectNames_[s] << ";\n";
    os << "};\n\n";
    os << "using Result = polc_rt::Result;\nusing Award = polc_rt::Award;\nusing Options = polc_rt::Options;\n\n";
    os << "// Evaluates one applicant against every clause in force on the evaluation date (options.date,\n"
          "// else the facts' date, else today). Throws polc_rt::EvalError when a computation overflows.\n";
    for (std::size_t s = 0; s < p_.subjects.size(); ++s)
      if (p_.subjects[s].owner < 0)
        os << "Result evaluate(const " << subjectNames_[s] << "& applicant, const Options& options = {});\n";
    os << "Result evaluate(const Facts& facts, Options options = {});\n";
    os << "// The same into `result`, reusing its buffers: evaluating many applicants into one Result\n"
          "// allocates nothing once its buffers have grown. After an EvalError its content is unspecified.\n";
    for (std::size_t s = 0; s < p_.subjects.size(); ++s)
      if (p_.subjects[s].owner < 0)
        os << "void evaluate(const " << subjectNames_[s] << "& applicant, Result& result, const Options& options = {});\n";
    os << "void evaluate(const Facts& facts, Result& result, const Options& options = {});\n\n";
    os << "// The policy tables: citations, 原文, documents, non-stacking groups, caps.\n";
    os << "const polc_rt::ProgramInfo& program();\n\n";
    os << "// Reads one applicant from the JSON of polc's docs/facts.md. Returns false and explains why in\n"
          "// `errors` when the facts are not valid.\n";
    os << "bool readFacts(const std::string& json, Facts& out, std::vector<std::string>& errors);\n\n";
    os << "}  // namespace " << o_.nameSpace << "\n\n#endif  // " << guard << "\n";
    return os.str();
  }

  void subjectStruct(std::ostream& os, int s) {
    const auto& sub = p_.subjects[static_cast<std::size_t>(s)];
    os << "\n// " << commentText(sub.name)
       << (sub.owner >= 0 ? "（属于 " + commentText(p_.subjects[static_cast<std::size_t>(sub.owner)].name) + "）" : "（申报主体）")
       << "\n";
    os << "struct " << subjectNames_[static_cast<std::size_t>(s)] << " {\n";
    for (std::size_t f = 0; f < sub.facts.size(); ++f) {
      const auto& slot = sub.facts[f];
      const FactInfo& fi = facts_[static_cast<std::size_t>(s)][f];
      std::string note = commentText(slot.name);
      if (slot.type.kind == TypeKind::Number) note += "（" + m_.describe(slot.type.dim) + (slot.type.integer ? "，计数" : "") + "）";
      if (slot.type.kind == TypeKind::Date) note += "（日期，1970-01-01 起的天数）";
      if (slot.required) note += "，必填";
      if (slot.defaultValue) note += "，默认 " + constantText(*slot.defaultValue);
      if (!slot.description.empty()) note += "：" + commentText(slot.description);
      if (fi.optional)
        os << "  std::optional<" << fi.type << "> " << fi.member << ";  // " << note << "\n";
      else
        os << "  " << fi.type << " " << fi.member << " = " << fi.init << ";  // " << note << "\n";
      if (!fi.history.empty())
        os << "  std::map<int, " << fi.type << "> " << fi.history << ";  // 年份 → 往年的 " << commentText(slot.name) << "\n";
    }
    for (std::size_t c = 0; c < p_.subjects.size(); ++c)
      if (p_.subjects[c].owner == s)
        os << "  std::vector<" << o_.nameSpace << "::" << subjectNames_[c] << "> " << childField_[static_cast<int>(c)] << ";\n";
    os << "  std::vector<polc_rt::Received> 已获奖励;  // awards received before (一次性, 晋级补差, 累计上限)\n";
    os << "};\n";
  }

  std::string constantText(const ir::Value& v) const {
    switch (v.type) {
      case ir::VType::Num: return v.lo.toString();
      case ir::VType::Bool: return v.b ? "是" : "否";
      default: return "…";
    }
  }

  // ---- the source ----
  std::string source() {
    std::ostringstream os;
    os << "// Generated by polc (`polc build --emit=cpp`). Do not edit.\n";
    os << "// One function per clause, each under its citation and 原文; the steps after the clauses\n"
          "// (就高不重复, caps over several clauses, funding, totals) are table-driven, in polc_runtime.h.\n";
    os << "#include \"" << o_.name << ".h\"\n\n";
    os << "namespace " << o_.nameSpace << " {\n\n";
    os << "using polc_rt::Amount;\nusing polc_rt::Dec;\nusing polc_rt::T4;\n\n";
    os << "namespace {\n\n";
    constants(os);
    for (std::size_t d = 0; d < p_.documents.size(); ++d) {
      const auto& doc = p_.documents[d];
      os << "// " << std::string(96, '=') << "\n";
      os << "// " << commentText(doc.number) << "  " << commentText(doc.title) << "\n";
      if (!doc.effectiveText.empty()) os << "// 有效期：" << commentText(doc.effectiveText) << "\n";
      if (doc.rounding.present) os << "// 舍入：" << commentText(doc.rounding.text) << "\n";
      os << "// " << std::string(96, '=') << "\n";
      os << "namespace " << docNames_[d] << " {\n\n";
      for (int c : doc.clauses) clauseFunction(os, c);
      os << "}  // namespace " << docNames_[d] << "\n\n";
    }
    fundingFunctions(os);
    tables(os);
    flatten(os);
    os << "}  // namespace\n\n";
    evaluateFunctions(os);
    reader(os);
    os << "}  // namespace " << o_.nameSpace << "\n";
    return os.str();
  }

  // Sets and parameters used by the expressions, at namespace scope.
  void constants(std::ostream& os) {
    // The names of enum members: the reader reads them, explanations write them.
    os << "// ---- enum members as written " << std::string(67, '-') << "\n\n";
    for (std::size_t e = 0; e < p_.enums.size(); ++e) {
      os << "const char* const kMembers" << e << "[] = {";
      for (std::size_t i = 0; i < p_.enums[e].members.size(); ++i) os << (i ? ", " : "") << lit(p_.enums[e].members[i]);
      if (p_.enums[e].members.empty()) os << "\"\"";
      os << "};\n";
    }
    os << "\n";
    os << "// ---- parameters (dated values) " << std::string(66, '-') << "\n\n";
    for (std::size_t i = 0; i < p_.parameters.size(); ++i) {
      const auto& prm = p_.parameters[i];
      bool num = prm.type.kind == TypeKind::Number;
      std::string t = num ? "polc_rt::Dec" : valueType(prm.type);
      os << "// " << commentText(prm.name) << "\n";
      if (prm.entries.empty()) {
        os << "// (no values)\n";
        continue;
      }
      os << "const std::pair<int, " << t << "> " << paramNames_[i] << "[] = {\n";
      for (const auto& en : prm.entries)
        os << "    {" << en.day << ", " << constant(en.value, prm.type) << "},  // 自 " << en.date << "\n";
      os << "};\n";
    }
    os << "\n";
  }

  // ---- one clause ----
  void clauseFunction(std::ostream& os, int c) {
    const ir::Clause& cl = p_.clauses[static_cast<std::size_t>(c)];
    fn_ = std::ostringstream();
    tmp_ = 0;
    indent_ = 1;
    cite_ = "kCitation";
    inst_.clear();
    // The item and its owners.
    std::vector<int> chain;
    for (int s = cl.subject; s >= 0; s = p_.subjects[static_cast<std::size_t>(s)].owner) chain.push_back(s);
    os << "// " << std::string(96, '-') << "\n";
    os << "// " << commentText(cl.citation) << (cl.title.empty() ? "" : "  " + commentText(cl.title)) << "\n";
    os << "//\n";
    bool first = true;
    for (const auto& line : wrap(cl.text, 90)) {
      os << "// " << (first ? "原文：" : "      ") << line << "\n";
      first = false;
    }
    for (const auto& n : cl.notes) {
      first = true;
      for (const auto& line : wrap(n, 90)) {
        os << "// " << (first ? "释义：" : "      ") << line << "\n";
        first = false;
      }
    }
    os << "//\n// 对象：" << commentText(p_.subjects[static_cast<std::size_t>(cl.subject)].name);
    if (cl.payee >= 0) os << "；受益人：" << commentText(p_.subjects[static_cast<std::size_t>(cl.payee)].name);
    if (cl.target >= 0) os << "；标的：" << commentText(p_.targets[static_cast<std::size_t>(cl.target)].name);
    if (cl.kind >= 0) os << "；类别：" << commentText(p_.kinds[static_cast<std::size_t>(cl.kind)].name);
    os << "\n";
    for (const auto& e : cl.eligibility) os << "// 申报条件：" << commentText(e.source) << "\n";
    for (const auto& e : cl.conditions) os << "// 条件：" << commentText(e.source) << "\n";
    if (!cl.amount.empty()) os << "// 给予：" << commentText(cl.amount[0].source) << "\n";
    if (!cl.cap.empty()) os << "// 上限：" << commentText(cl.cap[0].source) << "\n";
    if (cl.award == ir::AwardKind::Benefit) os << "// 待遇：" << commentText(cl.benefit) << "\n";
    if (cl.award == ir::AwardKind::Negotiated) os << "// 一事一议" << (cl.negotiatedBasis.empty() ? "" : "：" + commentText(cl.negotiatedBasis)) << "\n";
    if (cl.quota) os << "// 名额：" << (cl.quotaAnnual ? "每年 " : "") << *cl.quota << "\n";
    if (cl.once) os << "// 一次性\n";
    if (cl.topup) os << "// 晋级补差\n";
    os << "// " << std::string(96, '-') << "\n";
    os << "void " << clauseNames_[static_cast<std::size_t>(c)] << "(polc_rt::Run& run, int item) {\n";
    os << "  constexpr int kClause = " << c << ";\n";
    os << "  constexpr const char* kCitation = " << lit(cl.citation) << ";\n";
    os << "  (void)kCitation;\n";
    instanceRefs(os, chain, "item");
    line("run.missing.clear();");
    line("if (run.explain) run.lines.clear();  // left by a clause whose conditions failed");
    line("bool unknown = false;");
    bool hasConditions = !cl.eligibility.empty() || !cl.conditions.empty();
    int k = 0;
    for (const auto* list : {&cl.eligibility, &cl.conditions}) {
      for (const auto& e : *list) {
        line(fmt::format("// {}{}：{}", list == &cl.eligibility ? "申报条件" : "条件", ++k, commentText(e.source)));
        Cond t = cond(e);
        if (t.simple)
          line(fmt::format("if (!{}) return;", t.code));
        else
          line(fmt::format("if (!polc_rt::holdsOrUnknown({}, unknown)) return;", t.code));
      }
    }
    const bool pays = cl.award == ir::AwardKind::Pay && !cl.amount.empty();
    // The amount, into `amount` (and `cap`) with its status `st`; a tier or case that does not
    // match ends the clause (with the award begun: drop it).
    auto amountBlock = [&](bool begun) {
      line("if (!unknown) {");
      ++indent_;
      line("do {");
      ++indent_;
      line("// 给予：" + commentText(cl.amount[0].source));
      std::string a = value(cl.amount[0], "st");
      line("amount = " + asAmount(a, cl.amount[0]) + ";");
      if (!cl.cap.empty()) {
        line("// 上限：" + commentText(cl.cap[0].source));
        explaining_ = false;
        std::string cp = value(cl.cap[0], "st");
        explaining_ = true;
        line("cap = " + asAmount(cp, cl.cap[0]) + ";");
      }
      --indent_;
      line("} while (false);");
      line("if (st == T4::N) {  // no tier or case applies: the clause pays nothing");
      if (begun) line("  run.drop();");
      line("  return;");
      line("}");
      --indent_;
      line("}");
    };
    if (pays) {
      line("Amount amount;");
      if (!cl.cap.empty()) line("Amount cap;");
      line("T4 st = T4::T;");
    }
    // A clause that is not 一次性 computes its amount before its award is begun, so that a clause
    // whose tiers do not match begins (and drops) nothing: the award list and every result are the
    // same. A 一次性 clause already received must not compute it (it could fail), so it begins first.
    if (pays && !cl.once) {
      line("const std::size_t conditionLines = run.lines.size();  // the explanation's; the amount's follow");
      amountBlock(false);
    }
    line("polc_rt::Award& aw = run.begin(kClause, item);");
    if (cl.once)
      line(fmt::format("if (!run.afterConditions(aw, unknown, {})) return;  // already received", hasConditions ? "true" : "false"));
    else
      line(fmt::format("if (run.explain) run.afterConditions(aw, unknown, {}{});", hasConditions ? "true" : "false",
                       pays ? ", conditionLines" : ""));
    if (pays && cl.once) amountBlock(true);
    if (pays) {
      line("if (!unknown) {");
      line("  if (st == T4::U)");
      line("    unknown = true;");
      line("  else");
      line(fmt::format("    run.setAmount(aw, amount, {}, {});", cl.cap.empty() ? "nullptr" : "&cap", lit(cl.amount[0].source)));
      line("}");
    }
    line("if (unknown) run.notAssessable(aw);");
    if (cl.quota) line("else run.quotaLimited(aw);  // 名额");
    os << fn_.str();
    os << "}\n\n";
  }

  void instanceRefs(std::ostream& os, const std::vector<int>& chain, const std::string& itemVar) {
    std::string cur = itemVar;
    for (std::size_t i = 0; i < chain.size(); ++i) {
      int s = chain[i];
      std::string var = subjectNames_[static_cast<std::size_t>(s)] + "_";
      if (i > 0) {
        os << "  const int " << var << "id = run.parent(" << cur << ");\n";
        cur = var + "id";
      }
      os << "  const " << subjectNames_[static_cast<std::size_t>(s)] << "& " << var << " = run.data<"
         << subjectNames_[static_cast<std::size_t>(s)] << ">(" << cur << ");\n";
      inst_[s] = var;
    }
    // Owners that no expression reads must not warn.
    for (std::size_t i = 0; i < chain.size(); ++i)
      os << "  (void)" << subjectNames_[static_cast<std::size_t>(chain[i])] << "_;\n";
  }

  void line(const std::string& s) { fn_ << std::string(static_cast<std::size_t>(indent_) * 2, ' ') << s << "\n"; }
  std::string fresh(const char* prefix = "t") { return fmt::format("{}{}", prefix, ++tmp_); }

  // ---- explanation lines: the same as the reference evaluator's (compiler/eval/expr_eval.cpp) ----
  // Each is one statement guarded by the run's explain flag: nothing is formatted otherwise.

  // How a number of type `t` is written (polc_rt::NumFormat).
  std::string numFormat(const Type& t) const {
    ir::NumberStyle style = ir::numberStyle(p_, t);
    switch (style.kind) {
      case ir::NumberStyle::Kind::Money: return "polc_rt::kMoney";
      case ir::NumberStyle::Kind::Ratio:
        return fmt::format("polc_rt::ratio({}, {})", lit(style.text), style.integer ? "true" : "false");
      case ir::NumberStyle::Kind::Plain:
      case ir::NumberStyle::Kind::Unit: break;
    }
    return fmt::format("polc_rt::unit({})", lit(style.text));
  }
  // A std::string expression: the value `v` (C++ code) of type `t`, as the explanation writes it.
  std::string show(const std::string& v, const Type& t) const {
    auto members = [&](int en) {
      std::size_t n = en >= 0 ? p_.enums[static_cast<std::size_t>(en)].members.size() : 0;
      return en >= 0 ? fmt::format("kMembers{}, {}", en, n) : std::string("nullptr, 0");
    };
    switch (t.kind) {
      case TypeKind::Number: return fmt::format("polc_rt::show({}, {})", v, numFormat(t));
      case TypeKind::Bool: return fmt::format("polc_rt::show(static_cast<bool>({}))", v);
      case TypeKind::Enum: return fmt::format("polc_rt::showEnum(static_cast<int>({}), {})", v, members(t.enumIndex));
      case TypeKind::Date: return fmt::format("polc_rt::formatDate({})", v);
      case TypeKind::Text: return fmt::format("std::string({})", v);
      case TypeKind::Set:
      case TypeKind::Recognition: return fmt::format("polc_rt::showSet({}, {})", v, members(t.enumIndex));
      case TypeKind::Error: break;
    }
    return "std::string()";
  }
  // A line's parts: text as written (Part::text) and std::string expressions (Part::code).
  struct Part {
    bool isText;
    std::string s;
    static Part text(std::string t) { return Part{true, std::move(t)}; }
    static Part code(std::string c) { return Part{false, std::move(c)}; }
  };
  using Parts = std::vector<Part>;
  // `设备投入 8000万元` for a fact, the literal as written for a constant, the value otherwise.
  Parts withValue(const Expr& e, const std::string& v) const {
    if (e.op == Op::Const) return {Part::text(e.source)};
    if (e.op == Op::Fact || e.op == Op::ParamAt || e.op == Op::Previous || e.op == Op::HistoryMax || e.op == Op::Increase)
      return {Part::text(e.source + " "), Part::code(show(v, e.type))};
    return {Part::code(show(v, e.type))};
  }
  // One explanation line, when the run explains: a std::string concatenation of the parts, with
  // adjacent texts as one literal.
  void explainLine(const std::vector<Parts>& groups) {
    if (!explaining_) return;
    Parts merged;
    for (const auto& g : groups)
      for (const auto& part : g) {
        if (part.isText && part.s.empty()) continue;
        if (part.isText && !merged.empty() && merged.back().isText) merged.back().s += part.s;
        else merged.push_back(part);
      }
    std::string out;
    for (std::size_t i = 0; i < merged.size(); ++i) {
      out += (i ? " + " : "") + (merged[i].isText ? lit(merged[i].s) : merged[i].s);
    }
    line("if (run.explain) run.lines.push_back(" + out + ");");
  }
  static Parts text(const std::string& t) { return {Part::text(t)}; }
  static Parts code(const std::string& c) { return {Part::code(c)}; }
  // The parts as one std::string expression.
  std::string joined(const Parts& parts) const {
    std::string out;
    for (const auto& part : parts) out += (out.empty() ? "" : " + ") + (part.isText ? "std::string(" + lit(part.s) + ")" : part.s);
    return out;
  }

  // ---- static exactness: whether an expression always gives an exact number ----
  bool exact(const Expr& e) const {
    switch (e.op) {
      case Op::Const: return e.value.type != ir::VType::Num || e.value.form == AmountForm::Exact;
      case Op::Fact:
      case Op::Previous:
      case Op::Increase:
      case Op::HistoryMax:
      case Op::ParamAt:
      case Op::Marginal: return true;
      case Op::Neg:
      case Op::Cap: return exact(e.kids[0]);
      case Op::Arith: return exact(e.kids[0]) && exact(e.kids[1]);
      case Op::If: return exact(e.kids[1]) && exact(e.kids[2]);
      case Op::Tiers:
      case Op::Cases:
        for (const auto& en : e.entries)
          if (!exact(en.value[0])) return false;
        return true;
      case Op::Steps: return exact(e.kids[3]);
      case Op::Min:
      case Op::Max:
        for (const auto& k : e.kids)
          if (!exact(k)) return false;
        return true;
      case Op::UpTo:
      case Op::Range: return false;
      default: return true;
    }
  }
  bool isNum(const Expr& e) const { return e.type.kind == TypeKind::Number; }
  // The C++ type of a value expression.
  std::string typeOf(const Expr& e) const {
    switch (e.type.kind) {
      case TypeKind::Number: return exact(e) ? "Dec" : "Amount";
      case TypeKind::Bool: return "bool";
      case TypeKind::Date: return "int";
      case TypeKind::Text: return "std::string";
      case TypeKind::Enum: return "int";
      case TypeKind::Set:
      case TypeKind::Recognition: return bitsType(e.type.enumIndex);
      case TypeKind::Error: break;
    }
    return "int";
  }
  std::string asAmount(const std::string& v, const Expr& e) const {
    return isNum(e) && exact(e) ? "polc_rt::exact(" + v + ")" : v;
  }
  std::string lo(const std::string& v, const Expr& e) const { return exact(e) ? v : v + ".lo"; }
  std::string where(const Expr& e) const { return "polc_rt::Where{" + cite_ + ", " + lit(e.source) + "}"; }

  // ---- conditions ----
  // A condition: either `simple` (a C++ bool expression that cannot be unknown or no-match) or the
  // name of a T4 variable computed by the statements emitted before.
  struct Cond {
    std::string code;
    bool simple = false;
  };

  // A condition as a T4 variable.
  std::string boolExpr(const Expr& e) {
    Cond c = cond(e);
    if (!c.simple) return c.code;
    std::string t = fresh();
    line(fmt::format("const T4 {} = polc_rt::t4({});", t, c.code));
    return t;
  }

  // The kids of nested 且 (or 或) as one list: the same meaning, fewer levels.
  void flatKids(const Expr& e, Op op, std::vector<const Expr*>& out) const {
    for (const auto& k : e.kids) {
      if (k.op == op) flatKids(k, op, out);
      else out.push_back(&k);
    }
  }

  Cond cond(const Expr& e) {
    switch (e.op) {
      case Op::Const: return Cond{e.value.b ? "true" : "false", true};
      case Op::And:
      case Op::Or: {
        bool isOr = e.op == Op::Or;
        std::vector<const Expr*> kids;
        flatKids(e, e.op, kids);
        // Try each kid on its own first: when all are simple, so is the whole.
        std::ostringstream saved;
        saved << fn_.str();
        int savedTmp = tmp_;
        std::vector<Cond> simple;
        bool allSimple = true;
        for (const Expr* k : kids) {
          Cond c = cond(*k);
          if (!c.simple) {
            allSimple = false;
            break;
          }
          simple.push_back(c);
        }
        if (allSimple && fn_.str() == saved.str()) {
          std::string code;
          for (const auto& c : simple) code += (code.empty() ? "" : isOr ? " || " : " && ") + c.code;
          return Cond{"(" + code + ")", true};
        }
        fn_ = std::ostringstream();
        fn_ << saved.str();
        tmp_ = savedTmp;
        std::string t = fresh();
        std::string before = fresh("before");
        const char* decider = isOr ? "T4::T" : "T4::F";
        line(fmt::format("T4 {} = {};  // {}", t, isOr ? "T4::F" : "T4::T", commentText(e.source)));
        line(fmt::format("const std::size_t {} = run.missing.size();", before));
        line("do {");
        ++indent_;
        for (const Expr* k : kids) {
          Cond c = cond(*k);
          if (c.simple) {
            line(fmt::format("if ({}{}) {{ {} = {}; run.missing.resize({}); break; }}  // {}", isOr ? "" : "!", c.code, t,
                             decider, before, commentText(k->source)));
            continue;
          }
          line(fmt::format("if ({0} == T4::N) {{ {1} = T4::N; break; }}", c.code, t));
          line(fmt::format("if ({0} == {2}) {{ {1} = {2}; run.missing.resize({3}); break; }}", c.code, t, decider, before));
          line(fmt::format("if ({0} == T4::U) {1} = T4::U;", c.code, t));
        }
        --indent_;
        line("} while (false);");
        return Cond{t, false};
      }
      case Op::Not: {
        Cond k = cond(e.kids[0]);
        if (k.simple) return Cond{"!" + k.code, true};
        std::string t = fresh();
        line(fmt::format("const T4 {} = polc_rt::t4not({});", t, k.code));
        return Cond{t, false};
      }
      case Op::If: {
        std::string t = fresh();
        line(fmt::format("T4 {};  // {}", t, commentText(e.source)));
        std::string c = boolExpr(e.kids[0]);
        line(fmt::format("if ({} == T4::T) {{", c));
        ++indent_;
        std::string a = boolExpr(e.kids[1]);
        line(fmt::format("{} = {};", t, a));
        --indent_;
        line(fmt::format("}} else if ({} == T4::F) {{", c));
        ++indent_;
        std::string b = boolExpr(e.kids[2]);
        line(fmt::format("{} = {};", t, b));
        --indent_;
        line("} else {");
        line(fmt::format("  {} = {};", t, c));
        line("}");
        return Cond{t, false};
      }
      default: {
        // A leaf: its operands are values, any of which may be absent.
        std::string saved = fn_.str();
        int savedIndent = indent_;
        std::string t = fresh();
        fn_ = std::ostringstream();
        ++indent_;
        std::string b = leaf(e, t);
        std::string body = fn_.str();
        indent_ = savedIndent;
        fn_ = std::ostringstream();
        fn_ << saved;
        if (body.empty()) return Cond{b, true};
        line(fmt::format("T4 {} = T4::U;  // {}", t, commentText(e.source)));
        line("do {");
        fn_ << body;
        line(fmt::format("  {} = polc_rt::t4({});", t, b));
        line("} while (false);");
        return Cond{t, false};
      }
    }
  }

  // A boolean-valued node as a C++ bool expression, inside a region whose status is `st`.
  std::string leaf(const Expr& e, const std::string& st) {
    switch (e.op) {
      case Op::Compare: {
        std::string a = value(e.kids[0], st);
        std::string b = value(e.kids[1], st);
        return compare(e.kids[0], a, e.kids[1], b, e.cmp, e);
      }
      case Op::FirstOver: {
        std::string x = value(e.kids[0], st);
        std::string t = value(e.kids[1], st);
        return firstOver(e.kids[0], x, lo(t, e.kids[1]));
      }
      case Op::Member: {
        std::string v = value(e.kids[0], st);
        std::string s = value(e.kids[1], st);
        return fmt::format("{}{}[static_cast<std::size_t>({})]", e.negated ? "!" : "", s, v);
      }
      case Op::Has: {
        std::string s = value(e.kids[0], st);
        std::string m = value(e.kids[1], st);
        return has(s, e.kids[1], m);
      }
      default: {
        std::string v = value(e, st);
        return v;
      }
    }
  }

  std::string has(const std::string& s, const Expr& memberExpr, const std::string& m) const {
    if (memberExpr.type.kind == TypeKind::Set || memberExpr.type.kind == TypeKind::Recognition)
      return fmt::format("({} & {}).any()", s, m);
    return fmt::format("{}[static_cast<std::size_t>({})]", s, m);
  }

  std::string firstOver(const Expr& factExpr, const std::string& x, const std::string& threshold) {
    std::string hist = historyRef(factExpr);
    std::string xv = lo(x, factExpr);
    if (hist.empty()) return fmt::format("run.firstOver({}, {})", xv, threshold);
    return fmt::format("run.firstOver({}, {}, {})", xv, hist, threshold);
  }

  // The member holding the history of a Fact node, or "" when it keeps none or is not on the chain.
  std::string historyRef(const Expr& e) const {
    if (e.subject < 0 || e.fact < 0) return "";
    auto it = inst_.find(e.subject);
    if (it == inst_.end()) return "";
    const FactInfo& fi = facts_[static_cast<std::size_t>(e.subject)][static_cast<std::size_t>(e.fact)];
    if (fi.history.empty()) return "";
    return it->second + "." + fi.history;
  }

  std::string compare(const Expr& ae, const std::string& a, const Expr& be, const std::string& b, ast::CmpOp op,
                      const Expr& where_) {
    const Type& ta = ae.type;
    if ((ta.kind == TypeKind::Set || ta.kind == TypeKind::Recognition) && be.type.kind == TypeKind::Enum)
      return fmt::format("polc_rt::someMember({}, {}, {})", a, b, cmpName(op));
    switch (ta.kind) {
      case TypeKind::Number:
        if (exact(ae) && exact(be)) return fmt::format("({} {} {})", a, ir::cmpSign(op), b);
        return fmt::format("polc_rt::holds(polc_rt::acmp({}, {}, {}), {})", asAmount(a, ae), asAmount(b, be),
                           where(where_), cmpName(op));
      case TypeKind::Enum:
        if (op == ast::CmpOp::Eq || op == ast::CmpOp::Ne) return fmt::format("({} {} {})", a, ir::cmpSign(op), b);
        return fmt::format("polc_rt::holds(polc_rt::enumCmp({}, {}), {})", a, b, cmpName(op));
      case TypeKind::Date: return fmt::format("({} {} {})", a, ir::cmpSign(op), b);
      default:
        if (op == ast::CmpOp::Eq || op == ast::CmpOp::Ne) return fmt::format("({} {} {})", a, ir::cmpSign(op), b);
        return fmt::format("polc_rt::holds({} == {} ? 0 : 1, {})", a, b, cmpName(op));
    }
  }

  // Fails the current region because a fact is absent.
  std::string needStmt(const std::string& st, const std::string& name, const std::string& year = "0", int how = 0) {
    return fmt::format("{{ {} = run.need({}, {}, {}); break; }}", st, lit(name), year, how);
  }

  std::string factName(const Expr& e) const {
    return p_.subjects[static_cast<std::size_t>(e.subject)].name + "." + e.name;
  }

  // ---- values: statements inside a region, then a C++ expression ----
  std::string value(const Expr& e, const std::string& st) {
    switch (e.op) {
      case Op::Const: {
        if (e.value.type == ir::VType::Num) {
          if (e.value.form == AmountForm::Exact) return decLiteral(e.value.lo);
          const char* form = e.value.form == AmountForm::UpTo ? "polc_rt::Form::UpTo" : "polc_rt::Form::Range";
          return fmt::format("Amount{{{}, {}, {}}}", decLiteral(e.value.lo), decLiteral(e.value.hi), form);
        }
        if (e.value.type == ir::VType::Set) {
          std::string t = fresh("set");
          line(fmt::format("static const {} {} = {};  // {}", bitsType(e.type.enumIndex), t,
                           bitsLiteral(e.value.bits, e.type.enumIndex), commentText(e.source)));
          return t;
        }
        if (e.value.type == ir::VType::Enum)
          return fmt::format("static_cast<int>({})", constant(e.value, e.type));
        if (e.value.type == ir::VType::Text) return lit(e.value.text);
        return constant(e.value, e.type);
      }
      case Op::Fact: return fact(e, st);
      case Op::Previous: {
        auto it = inst_.find(e.subject);
        std::string hist = historyRef(e);
        std::string miss = needStmt(st, factName(e), "run.year - 1", 1);
        if (it == inst_.end() || hist.empty()) {
          line(miss);
          return "Dec()";
        }
        std::string t = fresh("prev");
        line(fmt::format("const Dec* {} = run.previous({});", t, hist));
        line(fmt::format("if (!{}) {}", t, miss));
        return "*" + t;
      }
      case Op::Increase: {
        std::string now = fact(e.kids[0], st);
        std::string before = value([&] {
          Expr prev = e;
          prev.op = Op::Previous;
          prev.kids.clear();
          return prev;
        }(), st);
        std::string t = fresh();
        line(fmt::format("const Dec {} = polc_rt::sub({}, {}, {});  // 增量", t, now, before, where(e)));
        explainLine({text(e.source + "："), code(show(now, e.type)), text(" − 上年 "), code(show(before, e.type)), text(" = "),
                     code(show(t, e.type))});
        return t;
      }
      case Op::HistoryMax: {
        std::string hist = historyRef(e);
        std::string miss = needStmt(st, factName(e), "0", 2);
        if (hist.empty()) {
          line(miss);
          return "Dec()";
        }
        std::string t = fresh("max");
        line(fmt::format("const std::optional<Dec> {} = run.historyMax({});", t, hist));
        line(fmt::format("if (!{}) {}", t, miss));
        return "*" + t;
      }
      case Op::ParamAt: {
        std::string day = e.kids.empty() ? "run.date" : value(e.kids[0], st);
        const auto& prm = p_.parameters[static_cast<std::size_t>(e.param)];
        if (prm.entries.empty()) {
          line(fmt::format("polc_rt::fail({}, {});", where(e), lit(prm.name + " has no value")));
          return "Dec()";
        }
        std::string t = fresh();
        const std::string& table = paramNames_[static_cast<std::size_t>(e.param)];
        line(fmt::format("const auto& {} = run.paramAt({}, {}, {}, {});", t, table, day, lit(prm.name), where(e)));
        explainLine({text(prm.name + " 于 "), code("polc_rt::formatDate(" + day + ")"), text("："), code(show(t, prm.type)),
                     text("（自 "), code(fmt::format("polc_rt::formatDate(run.paramFrom({}, {}))", table, day)), text(" 起）")});
        return t;
      }
      case Op::Neg: {
        std::string v = value(e.kids[0], st);
        return exact(e) ? "(" + v + ").negated()" : "polc_rt::aneg(" + v + ")";
      }
      case Op::Arith: {
        std::string a = value(e.kids[0], st);
        std::string b = value(e.kids[1], st);
        std::string t = fresh();
        static const char* const kExact[] = {"polc_rt::mul", "polc_rt::divExact", "polc_rt::add", "polc_rt::sub"};
        static const char* const kAmount[] = {"polc_rt::amul", "polc_rt::adiv", "polc_rt::aadd", "polc_rt::asub"};
        int op = static_cast<int>(e.arith);
        if (exact(e))
          line(fmt::format("const Dec {} = {}({}, {}, {});  // {}", t, kExact[op], a, b, where(e), commentText(e.source)));
        else
          line(fmt::format("const Amount {} = {}({}, {}, {});  // {}", t, kAmount[op], asAmount(a, e.kids[0]),
                           asAmount(b, e.kids[1]), where(e), commentText(e.source)));
        static const char* const kSigns[] = {"×", "÷", "+", "−"};
        explainLine({withValue(e.kids[0], a), text(std::string(" ") + kSigns[op] + " "), withValue(e.kids[1], b), text(" = "),
                     code(show(t, e.type))});
        return t;
      }
      case Op::Compare:
      case Op::FirstOver:
      case Op::Member:
      case Op::Has:
      case Op::And:
      case Op::Or:
      case Op::Not: {
        // A condition used as a value.
        std::string b = boolExpr(e);
        line(fmt::format("if ({0} == T4::U || {0} == T4::N) {{ {1} = {0}; break; }}", b, st));
        return "(" + b + " == T4::T)";
      }
      case Op::Newly: {
        const Expr& f = e.kids[0];
        auto it = inst_.find(f.subject);
        if (it == inst_.end()) {
          line(needStmt(st, factName(f)));
          return bitsType(f.type.enumIndex) + "()";
        }
        const FactInfo& fi = facts_[static_cast<std::size_t>(f.subject)][static_cast<std::size_t>(f.fact)];
        std::string t = fresh("newly");
        line(fmt::format("const auto {} = run.newly<{}>({}.{});  // {}", t, enumSize(f.type.enumIndex), it->second,
                         fi.member, commentText(e.source)));
        return t;
      }
      case Op::If: {
        std::string t = fresh();
        line(fmt::format("{} {};  // {}", typeOf(e), t, commentText(e.source)));
        std::string c = boolExpr(e.kids[0]);
        line(fmt::format("if ({0} == T4::U || {0} == T4::N) {{ {1} = {0}; break; }}", c, st));
        line(fmt::format("if ({} == T4::T) {{", c));
        ++indent_;
        std::string a = value(e.kids[1], st);
        line(fmt::format("{} = {};", t, convert(a, e.kids[1], e)));
        --indent_;
        line("} else {");
        ++indent_;
        std::string b = value(e.kids[2], st);
        line(fmt::format("{} = {};", t, convert(b, e.kids[2], e)));
        --indent_;
        line("}");
        return t;
      }
      case Op::Tiers: return tiers(e, st);
      case Op::Cases: return cases(e, st);
      case Op::Marginal: return marginal(e, st);
      case Op::Steps: {
        std::string x = value(e.kids[0], st);
        std::string from = value(e.kids[1], st);
        std::string every = value(e.kids[2], st);
        std::string add = value(e.kids[3], st);
        std::string t = fresh();
        line(fmt::format("const Amount {} = polc_rt::steps({}, {}, {}, {}, {});  // {}", t, asAmount(x, e.kids[0]),
                         asAmount(from, e.kids[1]), asAmount(every, e.kids[2]), asAmount(add, e.kids[3]), where(e),
                         commentText(e.source)));
        explainLine({code(fmt::format("polc_rt::stepsLine({}, {}, {}, {}, {}, {}, {}, {}, {})", asAmount(x, e.kids[0]),
                                asAmount(from, e.kids[1]), asAmount(every, e.kids[2]), joined(withValue(e.kids[0], x)),
                                lit(e.kids[1].source), lit(e.kids[2].source), lit(e.kids[3].source),
                                show(exact(e) ? t + ".lo" : t, e.type), where(e)))});
        return exact(e) ? t + ".lo" : t;
      }
      case Op::Min:
      case Op::Max: {
        bool isMin = e.op == Op::Min;
        std::string t = fresh();
        std::string first = value(e.kids[0], st);
        line(fmt::format("{} {} = {};  // {}", typeOf(e), t, convert(first, e.kids[0], e), commentText(e.source)));
        for (std::size_t i = 1; i < e.kids.size(); ++i) {
          std::string v = value(e.kids[i], st);
          if (exact(e))
            line(fmt::format("{0} = polc_rt::{1}({0}, {2});", t, isMin ? "min" : "max", v));
          else
            line(fmt::format("{0} = polc_rt::{1}({0}, {2});", t, isMin ? "amin" : "amax", asAmount(v, e.kids[i])));
        }
        return t;
      }
      case Op::UpTo: {
        std::string v = value(e.kids[0], st);
        std::string t = fresh();
        line(fmt::format("const Amount {} = polc_rt::upTo({});  // {}", t, asAmount(v, e.kids[0]), commentText(e.source)));
        return t;
      }
      case Op::Range: {
        std::string a = value(e.kids[0], st);
        std::string b = value(e.kids[1], st);
        std::string t = fresh();
        line(fmt::format("const Amount {} = polc_rt::range({}, {});  // {}", t, asAmount(a, e.kids[0]), asAmount(b, e.kids[1]),
                         commentText(e.source)));
        return t;
      }
      case Op::Cap: {
        std::string v = value(e.kids[0], st);
        std::string c = value(e.kids[1], st);
        std::string t = fresh();
        if (exact(e))
          line(fmt::format("const Dec {} = polc_rt::min({}, {});  // {}", t, v, lo(c, e.kids[1]), commentText(e.source)));
        else
          line(fmt::format("const Amount {} = polc_rt::capAt({}, {});  // {}", t, asAmount(v, e.kids[0]),
                           asAmount(c, e.kids[1]), commentText(e.source)));
        explainLine({code(fmt::format("polc_rt::capLine({}, {}, {})", asAmount(v, e.kids[0]), lo(c, e.kids[1]), show(c, e.type)))});
        return t;
      }
    }
    return "{}";
  }

  // A value of `from` as the type of `to` (exact numbers widen to amounts).
  std::string convert(const std::string& v, const Expr& from, const Expr& to) const {
    if (isNum(to) && !exact(to)) return asAmount(v, from);
    return v;
  }

  std::string fact(const Expr& e, const std::string& st) {
    auto it = inst_.find(e.subject);
    const ir::FactSlot& slot = p_.subjects[static_cast<std::size_t>(e.subject)].facts[static_cast<std::size_t>(e.fact)];
    if (it == inst_.end()) {
      // Not the item nor one of its owners: never given.
      bool defaults = slot.defaultValue || slot.type.kind == TypeKind::Bool || slot.type.kind == TypeKind::Set ||
                      slot.type.kind == TypeKind::Recognition;
      (void)defaults;
      line(needStmt(st, factName(e)));
      return typeOf(e) + "()";
    }
    const FactInfo& fi = facts_[static_cast<std::size_t>(e.subject)][static_cast<std::size_t>(e.fact)];
    std::string ref = it->second + "." + fi.member;
    auto asValue = [&](const std::string& v) -> std::string {
      switch (slot.type.kind) {
        case TypeKind::Enum: return "static_cast<int>(" + v + ")";
        case TypeKind::Recognition: return fmt::format("run.held<{}>({})", enumSize(slot.type.enumIndex), v);
        default: return v;
      }
    };
    if (!fi.optional) return asValue(ref);
    std::string t = fresh("f");
    if (fi.history.empty()) {
      line(fmt::format("if (!{}) {}", ref, needStmt(st, factName(e))));
      return asValue("*" + ref);
    }
    line(fmt::format("const {}* {} = run.now({}, {}.{});", fi.type, t, ref, it->second, fi.history));
    if (slot.defaultValue) {
      std::string d = fresh("d");
      line(fmt::format("const {} {} = {} ? *{} : {};", fi.type, d, t, t, constant(*slot.defaultValue, slot.type)));
      return asValue(d);
    }
    switch (slot.type.kind) {
      case TypeKind::Bool: return fmt::format("({} && *{})", t, t);
      case TypeKind::Set: return fmt::format("({} ? *{} : {}())", t, t, fi.type);
      default: break;
    }
    line(fmt::format("if (!{}) {}", t, needStmt(st, factName(e))));
    return asValue("*" + t);
  }

  std::string tiers(const Expr& e, const std::string& st) {
    const Expr& xe = e.kids[0];
    std::string x = value(xe, st);
    std::string t = fresh();
    std::string matched = fresh("matched");
    line(fmt::format("{} {};  // {}", typeOf(e), t, commentText(e.source)));
    line(fmt::format("bool {} = false;", matched));
    bool firstEntry = true;
    for (const auto& en : e.entries) {
      line(firstEntry ? "{" : fmt::format("if (!{}) {{", matched));
      firstEntry = false;
      ++indent_;
      std::string k = value(en.key[0], st);
      std::string cond;
      switch (e.tierMode) {
        case ir::TierMode::Compare: cond = compare(xe, x, en.key[0], k, e.cmp, e); break;
        case ir::TierMode::Equal: cond = compare(xe, x, en.key[0], k, ast::CmpOp::Eq, e); break;
        case ir::TierMode::Has: cond = has(x, en.key[0], k); break;
        case ir::TierMode::FirstOver: cond = firstOver(xe, x, lo(k, en.key[0])); break;
      }
      line(fmt::format("if ({}) {{  // {}", cond, commentText(en.key[0].source) + " → " + commentText(en.value[0].source)));
      ++indent_;
      std::string v = value(en.value[0], st);
      line(fmt::format("{} = {};", t, convert(v, en.value[0], e)));
      line(fmt::format("{} = true;", matched));
      const char* word = e.tierMode == ir::TierMode::FirstOver ? "首次超"
                         : e.tierMode == ir::TierMode::Has     ? "含"
                         : e.tierMode == ir::TierMode::Equal   ? "为"
                                                               : ir::cmpWord(e.cmp);
      Parts note;
      if (e.tierMode == ir::TierMode::FirstOver) {
        std::string hist = historyRef(xe);
        note = hist.empty() ? text("（无往年记录）")
                            : code(fmt::format("polc_rt::pastBest(run.historyMax({}), {})", hist, numFormat(xe.type)));
      }
      explainLine({text("分档："), withValue(xe, x), text(std::string(" ") + word + " " + en.key[0].source), note,
                   text(" → " + en.value[0].source)});
      --indent_;
      line("}");
      --indent_;
      line("}");
    }
    line(fmt::format("if (!{}) {{ {} = T4::N; break; }}  // 不满足任何一档", matched, st));
    return t;
  }

  std::string cases(const Expr& e, const std::string& st) {
    std::string t = fresh();
    std::string matched = fresh("matched");
    line(fmt::format("{} {};  // {}", typeOf(e), t, commentText(e.source)));
    line(fmt::format("bool {} = false;", matched));
    bool firstEntry = true;
    for (const auto& en : e.entries) {
      line(firstEntry ? "{" : fmt::format("if (!{}) {{", matched));
      firstEntry = false;
      ++indent_;
      if (en.key.empty()) {
        line("// 其他");
        explainLine({text("分情形：其他 → " + en.value[0].source)});
        std::string v = value(en.value[0], st);
        line(fmt::format("{} = {};", t, convert(v, en.value[0], e)));
        line(fmt::format("{} = true;", matched));
      } else {
        std::string c = boolExpr(en.key[0]);
        line(fmt::format("if ({0} == T4::U || {0} == T4::N) {{ {1} = {0}; break; }}", c, st));
        line(fmt::format("if ({} == T4::T) {{  // → {}", c, commentText(en.value[0].source)));
        ++indent_;
        explainLine({text("分情形：" + en.key[0].source + " → " + en.value[0].source)});
        std::string v = value(en.value[0], st);
        line(fmt::format("{} = {};", t, convert(v, en.value[0], e)));
        line(fmt::format("{} = true;", matched));
        --indent_;
        line("}");
      }
      --indent_;
      line("}");
    }
    line(fmt::format("if (!{}) {{ {} = T4::N; break; }}  // 没有成立的情形", matched, st));
    return t;
  }

  std::string marginal(const Expr& e, const std::string& st) {
    std::string x = value(e.kids[0], st);
    std::string xv = lo(x, e.kids[0]);
    std::string total = fresh("total");
    std::string more = fresh("more");
    std::string parts = fresh("bands");
    line(fmt::format("Dec {};  // {}", total, commentText(e.source)));
    line(fmt::format("bool {} = true;", more));
    if (explaining_) line(fmt::format("std::string {};  // the explanation's bands", parts));
    for (std::size_t i = 0; i < e.entries.size(); ++i) {
      line(fmt::format("if ({}) {{", more));
      ++indent_;
      std::string th = value(e.entries[i].key[0], st);
      std::string thv = lo(th, e.entries[i].key[0]);
      line(fmt::format("if (!({} > {})) {{", xv, thv));
      line(fmt::format("  {} = false;", more));
      line("} else {");
      ++indent_;
      std::string top = fresh("top");
      line(fmt::format("Dec {} = {};", top, xv));
      if (i + 1 < e.entries.size()) {
        std::string next = value(e.entries[i + 1].key[0], st);
        line(fmt::format("{0} = polc_rt::min({0}, {1});", top, lo(next, e.entries[i + 1].key[0])));
      }
      std::string rate = value(e.entries[i].value[0], st);
      std::string band = fresh("band");
      line(fmt::format("const Dec {} = polc_rt::sub({}, {}, {});", band, top, thv, where(e)));
      line(fmt::format("{0} = polc_rt::add({0}, polc_rt::mul({1}, {2}, {3}), {3});", total, lo(rate, e.entries[i].value[0]),
                       band, where(e)));
      if (explaining_)
        line(fmt::format("if (run.explain) {0} += ({0}.empty() ? \"\" : \" + \") + std::string({1}) + {2};", parts,
                         lit(e.entries[i].value[0].source + " × "), show(band, e.kids[0].type)));
      --indent_;
      line("}");
      --indent_;
      line("}");
    }
    explainLine({text("累进："), withValue(e.kids[0], x), text(" → "),
                 code(fmt::format("({0}.empty() ? std::string(\"0\") : {0})", parts)), text(" = "), code(show(total, e.type))});
    return total;
  }

  // ---- funding: which rule of the document applies to an award ----
  void fundingFunctions(std::ostream& os) {
    os << "// ---- funding: which rule of the document applies to a clause's award " << std::string(28, '-') << "\n\n";
    std::map<std::string, std::string> bodies;  // body → function name
    fundingFor_.assign(p_.clauses.size(), "");
    for (std::size_t c = 0; c < p_.clauses.size(); ++c) {
      const ir::Clause& cl = p_.clauses[c];
      const ir::Document& doc = p_.documents[static_cast<std::size_t>(cl.document)];
      if (doc.funding.empty() || cl.award != ir::AwardKind::Pay) continue;
      fn_ = std::ostringstream();
      tmp_ = 0;
      indent_ = 1;
      cite_ = "kCitation";
      inst_.clear();
      std::vector<int> chain;
      for (int s = cl.subject; s >= 0; s = p_.subjects[static_cast<std::size_t>(s)].owner) chain.push_back(s);
      std::ostringstream refs;
      instanceRefs(refs, chain, "item");
      bool decided = false;
      for (std::size_t r = 0; r < doc.funding.size() && !decided; ++r) {
        const ir::FundingRule& rule = doc.funding[r];
        line(fmt::format("// {}", commentText(rule.source)));
        if (!rule.kinds.empty()) {
          if (std::find(rule.kinds.begin(), rule.kinds.end(), cl.kind) != rule.kinds.end()) {
            line(fmt::format("return {};", r));
            decided = true;
          } else {
            line("// (not this clause's kind)");
          }
          continue;
        }
        if (rule.otherwise) {
          line(fmt::format("return {};", r));
          decided = true;
          continue;
        }
        if (r >= cl.fundingConditions.size() || cl.fundingConditions[r].empty()) continue;
        line("{");
        ++indent_;
        std::string t = boolExpr(cl.fundingConditions[r][0]);
        line(fmt::format("if ({} == T4::T) return {};", t, r));
        line(fmt::format("if ({} == T4::U) return -2;", t));
        --indent_;
        line("}");
      }
      if (!decided) line("return -1;");
      std::string body = refs.str() + fn_.str();
      std::string key = std::to_string(cl.document) + "|" + body;
      auto it = bodies.find(key);
      if (it != bodies.end()) {
        fundingFor_[c] = it->second;
        continue;
      }
      std::string name = fmt::format("资金分担_{}", bodies.size() + 1);
      bodies[key] = name;
      fundingFor_[c] = name;
      os << "// " << commentText(doc.number) << "，对象 " << commentText(p_.subjects[static_cast<std::size_t>(cl.subject)].name)
         << "\n";
      os << "int " << name << "(polc_rt::Run& run, int item) {\n";
      os << "  constexpr const char* kCitation = " << lit(cl.citation) << ";\n";
      os << "  (void)kCitation;\n";
      os << body << "}\n\n";
    }
    os << "int fundingRule(polc_rt::Run& run, int clause, int item) {\n  switch (clause) {\n";
    for (std::size_t c = 0; c < p_.clauses.size(); ++c)
      if (!fundingFor_[c].empty()) os << "    case " << c << ": return " << fundingFor_[c] << "(run, item);\n";
    os << "    default: return -1;\n  }\n}\n\n";
  }

  // ---- the tables ----
  template <class T, class F>
  std::string table(std::ostream& os, const std::string& name, const std::string& type, const std::vector<T>& items, F render) {
    if (items.empty()) return "{}";
    os << "const " << type << " " << name << "[] = {";
    for (std::size_t i = 0; i < items.size(); ++i) os << (i ? ", " : "") << render(items[i]);
    os << "};\n";
    return fmt::format("{{{}, {}}}", name, items.size());
  }
  std::string intTable(std::ostream& os, const std::string& name, const std::vector<int>& v) {
    return table(os, name, "int", v, [](int x) { return std::to_string(x); });
  }
  std::string strTable(std::ostream& os, const std::string& name, const std::vector<std::string>& v) {
    return table(os, name, "char* const", v, [](const std::string& s) { return lit(s); });
  }
  std::string decTable(std::ostream& os, const std::string& name, const std::vector<Decimal>& v) {
    return table(os, name, "polc_rt::Dec", v, [](const Decimal& d) { return decLiteral(d); });
  }

  void tables(std::ostream& os) {
    os << "// ---- the policy tables " << std::string(74, '-') << "\n\n";
    {
      std::ostringstream rows;
      for (const auto& s : p_.subjects) rows << "    {" << lit(s.name) << ", " << s.owner << "},\n";
      os << "const polc_rt::SubjectInfo kSubjects[] = {\n" << rows.str() << "};\n\n";
    }
    std::vector<std::string> clauseRows;
    for (std::size_t c = 0; c < p_.clauses.size(); ++c) {
      const ir::Clause& cl = p_.clauses[c];
      std::string notes = strTable(os, fmt::format("kNotes{}", c), cl.notes);
      std::string inst = decTable(os, fmt::format("kInstallments{}", c), cl.installments);
      const char* award = cl.award == ir::AwardKind::Pay ? "Pay" : cl.award == ir::AwardKind::Benefit ? "Benefit"
                          : cl.award == ir::AwardKind::Negotiated                                      ? "Negotiated"
                                                                                                       : "None";
      int payee = cl.payee >= 0 ? cl.payee : p_.rootOf(cl.subject);
      clauseRows.push_back(fmt::format(
          "    {{{}, {}, {},\n     {}, {}, {}, {}, {}, polc_rt::AwardKind::{}, {}, {}, {}, {}, {}, {}, {}, {}, {}}},\n",
          lit(cl.citation), lit(cl.title), lit(cl.text), cl.document, cl.subject, payee, cl.target, cl.kind, award,
          cl.once ? "true" : "false", cl.topup ? "true" : "false", cl.quota ? std::to_string(*cl.quota) : "-1",
          cl.quotaAnnual ? "true" : "false", lit(cl.benefit), lit(cl.negotiatedBasis), lit(cl.capLabel), notes, inst));
    }
    os << "\nconst polc_rt::ClauseInfo kClauses[] = {\n";
    for (const auto& r : clauseRows) os << r;
    os << "};\n\n";
    std::vector<std::string> docRows;
    for (std::size_t d = 0; d < p_.documents.size(); ++d) {
      const ir::Document& doc = p_.documents[d];
      std::vector<std::string> rules;
      for (std::size_t r = 0; r < doc.funding.size(); ++r) {
        const ir::FundingRule& fr = doc.funding[r];
        std::string pre = fmt::format("kDoc{}Rule{}", d, r);
        std::string kinds = intTable(os, pre + "Kinds", fr.kinds);
        std::string shares = table(os, pre + "Shares", "polc_rt::Share", fr.shares, [](const ir::Share& s) {
          return fmt::format("polc_rt::Share{{{}, {}, {}}}", lit(s.payer), s.proportion ? "false" : "true",
                             s.proportion ? decLiteral(*s.proportion) : "polc_rt::Dec()");
        });
        std::string payers = strTable(os, pre + "Payers", fr.ratioPayers);
        std::string ratio = decTable(os, pre + "Ratio", fr.ratio);
        rules.push_back(fmt::format("polc_rt::FundingRule{{{}, {}, {}, {}, {}, {}, {}}}", fr.otherwise ? "true" : "false",
                                    kinds, fr.arrangement ? lit(*fr.arrangement) : "nullptr", shares, payers, ratio,
                                    lit(fr.source)));
      }
      std::string funding;
      if (!rules.empty()) {
        os << fmt::format("const polc_rt::FundingRule kDoc{}Funding[] = {{\n", d);
        for (const auto& r : rules) os << "    " << r << ",\n";
        os << "};\n";
        funding = fmt::format("{{kDoc{}Funding, {}}}", d, rules.size());
      } else {
        funding = "{}";
      }
      docRows.push_back(fmt::format("    {{{}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}}},\n", lit(doc.name), lit(doc.number),
                                    doc.effectiveFrom ? "true" : "false", doc.effectiveTo ? "true" : "false",
                                    doc.effectiveFrom.value_or(0), doc.effectiveTo.value_or(0),
                                    doc.rounding.present ? "true" : "false",
                                    doc.rounding.present ? decLiteral(doc.rounding.unit) : "polc_rt::Dec()",
                                    roundingName(doc.rounding.mode), lit(doc.rounding.text), funding));
    }
    os << "\nconst polc_rt::DocumentInfo kDocuments[] = {\n";
    for (const auto& r : docRows) os << r;
    os << "};\n\n";
    std::vector<std::string> groupRows;
    for (std::size_t g = 0; g < p_.groups.size(); ++g) {
      const ir::Group& gr = p_.groups[g];
      std::string pre = fmt::format("kGroup{}", g);
      std::string clauses = intTable(os, pre + "Clauses", gr.clauses);
      std::string per = intTable(os, pre + "Per", gr.per);
      std::string except = intTable(os, pre + "Except", gr.exceptKinds);
      std::string prefer = intTable(os, pre + "Prefer", gr.prefer);
      const char* scope = gr.scope == ir::GroupScope::Clauses ? "Clauses" : gr.scope == ir::GroupScope::Document ? "Document" : "All";
      groupRows.push_back(fmt::format("    {{{}, {}, polc_rt::GroupScope::{}, {}, {}, {}, {}, {}, {}, {}}},\n", lit(gr.name),
                                      gr.document, scope, clauses, per, gr.perItem ? "true" : "false",
                                      gr.sameTarget ? "true" : "false", except, prefer, lit(gr.text)));
    }
    if (!groupRows.empty()) {
      os << "\n// 不重复享受: named-clause groups first, then document-wide, then cross-document.\n";
      os << "const polc_rt::GroupInfo kGroups[] = {\n";
      for (const auto& r : groupRows) os << r;
      os << "};\n\n";
    }
    std::vector<std::string> capRows;
    for (std::size_t k = 0; k < p_.caps.size(); ++k) {
      const ir::Cap& cap = p_.caps[k];
      std::string clauses = intTable(os, fmt::format("kCap{}Clauses", k), cap.clauses);
      const char* period = cap.period == ir::CapPeriod::Once ? "Once" : cap.period == ir::CapPeriod::Cumulative ? "Cumulative" : "Annual";
      capRows.push_back(fmt::format("    {{{}, {}, {}, {}, polc_rt::CapPeriod::{}, {}, {}}},\n", lit(cap.name), cap.document,
                                    decLiteral(cap.amount), cap.per, period, clauses, lit(cap.text)));
    }
    if (!capRows.empty()) {
      os << "\n// Caps over several clauses.\nconst polc_rt::CapInfo kCaps[] = {\n";
      for (const auto& r : capRows) os << r;
      os << "};\n\n";
    }
    std::vector<std::string> targets, kinds;
    for (const auto& t : p_.targets) targets.push_back(t.name);
    for (const auto& k : p_.kinds) kinds.push_back(k.name);
    std::string tt = strTable(os, "kTargets", targets);
    std::string kk = strTable(os, "kKinds", kinds);
    os << "\nconst polc_rt::ProgramInfo kProgram{\n"
       << "    {kSubjects, " << p_.subjects.size() << "},\n"
       << "    {kClauses, " << p_.clauses.size() << "},\n"
       << "    {kDocuments, " << p_.documents.size() << "},\n"
       << "    " << (groupRows.empty() ? "{}" : fmt::format("{{kGroups, {}}}", groupRows.size())) << ",\n"
       << "    " << (capRows.empty() ? "{}" : fmt::format("{{kCaps, {}}}", capRows.size())) << ",\n"
       << "    " << tt << ",\n    " << kk << ",\n    fundingRule};\n\n";
  }

  // ---- flattening the applicant ----
  void flatten(std::ostream& os) {
    os << "// ---- the applicant's items, depth first (children in the order of their names) "
       << std::string(17, '-') << "\n\n";
    for (std::size_t s = 0; s < p_.subjects.size(); ++s)
      os << "void flatten(polc_rt::Run& run, const " << subjectNames_[s] << "& x, int parent, int index);\n";
    os << "\n";
    for (std::size_t s = 0; s < p_.subjects.size(); ++s) {
      os << "void flatten(polc_rt::Run& run, const " << subjectNames_[s] << "& x, int parent, int index) {\n";
      os << "  const int id = run.addInstance(" << s << ", parent, index, &x);\n";
      os << "  run.addReceived(id, x.已获奖励);\n";
      std::vector<int> children;
      for (std::size_t c = 0; c < p_.subjects.size(); ++c)
        if (p_.subjects[c].owner == static_cast<int>(s)) children.push_back(static_cast<int>(c));
      // The facts reader of polc visits the keys of an object in byte order.
      std::sort(children.begin(), children.end(), [&](int a, int b) {
        return p_.subjects[static_cast<std::size_t>(a)].name < p_.subjects[static_cast<std::size_t>(b)].name;
      });
      for (int c : children)
        os << "  for (std::size_t i = 0; i < x." << childField_[c] << ".size(); ++i) flatten(run, x." << childField_[c]
           << "[i], id, static_cast<int>(i));\n";
      os << "}\n\n";
    }
  }

  void evaluateFunctions(std::ostream& os) {
    os << "const polc_rt::ProgramInfo& program() { return kProgram; }\n\n";
    for (std::size_t s = 0; s < p_.subjects.size(); ++s) {
      if (p_.subjects[s].owner >= 0) continue;
      const std::string& root = subjectNames_[s];
      os << "void evaluate(const " << root << "& applicant, Result& result, const Options& options) {\n";
      os << "  polc_rt::Run run(kProgram, result);\n";
      os << "  polc_rt::startRun(run, std::nullopt, options);\n";
      os << "  flatten(run, applicant, -1, 0);\n";
      // The clauses in order; whether a document is in force is asked once for all its clauses.
      int open = -1;
      for (std::size_t c = 0; c < p_.clauses.size(); ++c) {
        const ir::Clause& cl = p_.clauses[c];
        if (cl.subject < 0 || p_.rootOf(cl.subject) != static_cast<int>(s)) continue;
        if (cl.document != open) {
          if (open >= 0) os << "  }\n";
          open = cl.document;
          os << "  if (run.inForce(" << open << ")) {  // " << commentText(p_.documents[static_cast<std::size_t>(open)].number) << "\n";
        }
        const std::string fn = docNames_[static_cast<std::size_t>(cl.document)] + "::" + clauseNames_[c];
        // The applicant is instance 0, the only one of its subject.
        if (cl.subject == static_cast<int>(s))
          os << "    " << fn << "(run, 0);\n";
        else
          os << "    for (int i : run.instancesOf(" << cl.subject << ")) " << fn << "(run, i);\n";
      }
      if (open >= 0) os << "  }\n";
      finishSteps(os);
      os << "}\n\n";
      os << "Result evaluate(const " << root << "& applicant, const Options& options) {\n";
      os << "  Result result;\n  evaluate(applicant, result, options);\n  return result;\n}\n\n";
    }
    os << "void evaluate(const Facts& facts, Result& result, const Options& options) {\n";
    os << "  Options o = options;\n";
    os << "  if (!o.date) o.date = facts.date ? *facts.date : polc_rt::today();\n";
    for (std::size_t s = 0; s < p_.subjects.size(); ++s)
      if (p_.subjects[s].owner < 0)
        os << "  if (facts." << subjectNames_[s] << ") return evaluate(*facts." << subjectNames_[s] << ", result, o);\n";
    os << "  polc_rt::Run run(kProgram, result);  // no applicant: an empty result\n";
    os << "  polc_rt::startRun(run, std::nullopt, o);\n}\n\n";
    os << "Result evaluate(const Facts& facts, Options options) {\n";
    os << "  Result result;\n  evaluate(facts, result, options);\n  return result;\n}\n\n";
  }

  // The steps after the clauses (docs/ir.md, steps 7–11), only those the policy set has.
  void finishSteps(std::ostream& os) {
    for (std::size_t g = 0; g < p_.groups.size(); ++g)
      os << "  run.group(" << g << ", run.payable());  // 不重复享受：" << commentText(p_.groups[g].name) << "\n";
    for (std::size_t k = 0; k < p_.caps.size(); ++k)
      os << "  run.cap(kCaps[" << k << "], result.awards, false);  // 上限：" << commentText(p_.caps[k].name) << "\n";
    bool parts = std::any_of(p_.documents.begin(), p_.documents.end(), [](const auto& d) { return !d.funding.empty(); }) ||
                 std::any_of(p_.clauses.begin(), p_.clauses.end(), [](const auto& c) { return !c.installments.empty(); });
    if (parts) os << "  run.finishAwards();  // 分期, 资金分担\n";
    os << "  run.totals();\n";
  }

  // ---- the facts reader ----
  void reader(std::ostream& os) {
    os << "// ---- reading facts (JSON, polc's docs/facts.md) " << std::string(48, '-') << "\n\n";
    os << "namespace {\n\n";
    // Units.
    os << "const polc_rt::UnitInfo kUnits[] = {\n";
    for (const auto& u : m_.units)
      os << "    {" << lit(u.name) << ", " << lit(m_.describe(u.dim)) << ", " << u.pow10 << ", " << u.scaleNum << ", "
         << u.scaleDen << "},\n";
    os << "};\n";
    os << "const polc_rt::FactsReader::Units kUnitTable{kUnits, " << m_.units.size() << "};\n\n";
    // Citations for 已获奖励.
    os << "\nconst char* const kCitations[] = {";
    for (std::size_t c = 0; c < p_.clauses.size(); ++c) {
      const ir::Clause& cl = p_.clauses[c];
      os << (c ? ", " : "") << lit(cl.citation) << ", "
         << lit(p_.documents[static_cast<std::size_t>(cl.document)].name + formatCitation(cl.article, cl.clause, cl.item));
    }
    os << "};\n\n";
    for (std::size_t s = 0; s < p_.subjects.size(); ++s)
      os << "void read(polc_rt::FactsReader& rd, const polc_rt::Json& j, const std::string& path, " << subjectNames_[s]
         << "& x);\n";
    os << "\n";
    for (std::size_t s = 0; s < p_.subjects.size(); ++s) readSubject(os, static_cast<int>(s));
    os << "}  // namespace\n\n";
    os << "bool readFacts(const std::string& json, Facts& out, std::vector<std::string>& errors) {\n";
    os << "  polc_rt::FactsReader rd(kUnitTable, kProgram, kCitations);\n";
    os << "  polc_rt::Json doc;\n";
    os << "  if (!rd.parse(json, doc)) {\n    errors = rd.errors;\n    return false;\n  }\n";
    os << "  out = Facts();\n  int roots = 0;\n";
    os << "  for (std::size_t k = 0; k < doc.keys.size(); ++k) {\n";
    os << "    const std::string& key = doc.keys[k];\n    const polc_rt::Json& value = doc.values[k];\n";
    os << "    if (key == \"date\" || key == \"日期\") {\n      out.date = rd.date(value, key);\n      continue;\n    }\n";
    os << "    if (!key.empty() && key[0] == '_') continue;\n";
    for (std::size_t s = 0; s < p_.subjects.size(); ++s)
      if (p_.subjects[s].owner < 0)
        os << "    if (key == " << lit(p_.subjects[s].name) << ") {\n      out." << subjectNames_[s] << ".emplace();\n      read(rd, value, key, *out."
           << subjectNames_[s] << ");\n      ++roots;\n      continue;\n    }\n";
    os << "    rd.error(key, \"unknown field\");\n  }\n";
    os << "  if (!doc.isObject()) rd.error(\"\", \"the facts file must be a JSON object\");\n";
    os << "  else if (roots != 1) rd.error(\"\", \"expected exactly one applicant\");\n";
    os << "  errors = rd.errors;\n  return errors.empty();\n}\n\n";
  }

  void readSubject(std::ostream& os, int s) {
    const auto& sub = p_.subjects[static_cast<std::size_t>(s)];
    os << "void read(polc_rt::FactsReader& rd, const polc_rt::Json& j, const std::string& path, " << subjectNames_[static_cast<std::size_t>(s)]
       << "& x) {\n";
    os << "  if (!j.isObject()) {\n    rd.error(path, \"expected an object\");\n    return;\n  }\n";
    std::vector<bool> required;
    os << "  for (std::size_t k = 0; k < j.keys.size(); ++k) {\n";
    os << "    const std::string& key = j.keys[k];\n    const polc_rt::Json& v = j.values[k];\n";
    os << "    const std::string at = path + \".\" + key;\n";
    os << "    if (!key.empty() && key[0] == '_') continue;\n";
    for (std::size_t f = 0; f < sub.facts.size(); ++f) {
      const auto& slot = sub.facts[f];
      const FactInfo& fi = facts_[static_cast<std::size_t>(s)][f];
      // null is a fact not given; for anything else (an unknown name, history, items) it is an error.
      os << "    if (key == " << lit(slot.name) << ") {\n      if (v.isNull()) continue;\n";
      std::string target = fi.optional ? "x." + fi.member + ".emplace()" : "x." + fi.member;
      os << "      " << readValue(slot.type, "v", "at", target) << "\n";
      os << "      continue;\n    }\n";
    }
    for (std::size_t c = 0; c < p_.subjects.size(); ++c) {
      if (p_.subjects[c].owner != s) continue;
      os << "    if (key == " << lit(p_.subjects[c].name) << ") {\n";
      os << "      if (!v.isArray()) {\n        rd.error(at, \"expected an array\");\n        continue;\n      }\n";
      os << "      for (std::size_t i = 0; i < v.array.size(); ++i) {\n";
      os << "        x." << childField_[static_cast<int>(c)] << ".emplace_back();\n";
      os << "        read(rd, v.array[i], at + \"[\" + std::to_string(i) + \"]\", x." << childField_[static_cast<int>(c)] << ".back());\n";
      os << "      }\n      continue;\n    }\n";
    }
    os << "    if (key == \"history\" || key == \"历史\") {\n";
    os << "      if (!v.isObject()) {\n        rd.error(at, \"expected an object\");\n        continue;\n      }\n";
    os << "      for (std::size_t h = 0; h < v.keys.size(); ++h) {\n";
    os << "        const std::string& name = v.keys[h];\n        const polc_rt::Json& years = v.values[h];\n        (void)years;\n";
    bool any = false;
    for (std::size_t f = 0; f < sub.facts.size(); ++f) {
      const auto& slot = sub.facts[f];
      const FactInfo& fi = facts_[static_cast<std::size_t>(s)][f];
      if (fi.history.empty()) continue;
      any = true;
      os << "        if (name == " << lit(slot.name) << ") {\n";
      os << "          for (const auto& [year, y] : rd.years(years, at + \".\" + name))\n";
      os << "            " << readValue(slot.type, "*y", "at + \".\" + name + \".\" + std::to_string(year)", "x." + fi.history + "[year]")
         << "\n";
      os << "          continue;\n        }\n";
    }
    (void)any;
    os << "        rd.error(at + \".\" + name, \"no history of this fact\");\n      }\n      continue;\n    }\n";
    os << "    if (key == \"已获奖励\" || key == \"received\") {\n      rd.received(v, at, x.已获奖励);\n      continue;\n    }\n";
    os << "    rd.error(at, \"unknown field\");\n  }\n";
    for (std::size_t f = 0; f < sub.facts.size(); ++f) {
      const auto& slot = sub.facts[f];
      const FactInfo& fi = facts_[static_cast<std::size_t>(s)][f];
      if (slot.required && fi.optional)
        os << "  if (!x." << fi.member << ") rd.error(path + " << lit("." + slot.name) << ", \"missing required fact (declared 必填)\");\n";
    }
    os << "}\n\n";
  }

  std::string readValue(const Type& t, const std::string& v, const std::string& at, const std::string& target) const {
    switch (t.kind) {
      case TypeKind::Bool: return fmt::format("{} = rd.boolean({}, {});", target, v, at);
      case TypeKind::Date: return fmt::format("{} = rd.date({}, {}).value_or(0);", target, v, at);
      case TypeKind::Text: return fmt::format("{} = rd.text({}, {});", target, v, at);
      case TypeKind::Number:
        return fmt::format("{} = rd.number({}, {}, {}, {});", target, v, at, lit(m_.describe(t.dim)), t.integer ? "true" : "false");
      case TypeKind::Enum:
        return fmt::format("{} = static_cast<{}>(rd.member({}, {}, kMembers{}, {}));", target, enumType(t.enumIndex), v, at,
                           t.enumIndex, p_.enums[static_cast<std::size_t>(t.enumIndex)].members.size());
      case TypeKind::Set:
        return fmt::format("{} = rd.set<{}>({}, {}, kMembers{}, {});", target, enumSize(t.enumIndex), v, at, t.enumIndex,
                           p_.enums[static_cast<std::size_t>(t.enumIndex)].members.size());
      case TypeKind::Recognition:
        return fmt::format("{} = rd.recognitions<{}>({}, {}, kMembers{}, {});", target, enumType(t.enumIndex), v, at,
                           t.enumIndex, p_.enums[static_cast<std::size_t>(t.enumIndex)].members.size());
      case TypeKind::Error: break;
    }
    return "rd.error(" + at + ", \"unsupported\");";
  }

  const sema::Model& m_;
  const ir::Program& p_;
  const EmitOptions& o_;
  std::vector<std::string> enumNames_, subjectNames_, paramNames_, docNames_, clauseNames_, fundingFor_;
  std::vector<std::vector<std::string>> memberNames_;
  std::vector<std::vector<FactInfo>> facts_;
  std::map<int, std::string> childField_;

  std::ostringstream fn_;
  int tmp_ = 0;
  bool explaining_ = true;  // false for a clause's 上限: the reference records no lines for it
  int indent_ = 1;
  std::string cite_;
  std::map<int, std::string> inst_;  // subject → the C++ variable of its instance
};

}  // namespace

std::map<std::string, std::string> emit(const sema::Model& model, const ir::Program& program, const EmitOptions& options) {
  return Generator(model, program, options).run();
}

}  // namespace polc::cpp
