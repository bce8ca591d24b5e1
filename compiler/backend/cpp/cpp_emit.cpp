// The C++ backend (cpp_emit.h). The generated code follows the reference evaluator step by step:
// conditions are three-valued (T4: false, true, unknown, no-match) so that absent facts make a
// clause not assessable exactly where the reference evaluator says so, and every arithmetic step is
// a checked decimal operation materialised in its own variable, so that errors happen in the same
// order. The steps after the clauses (non-stacking, caps, funding, totals) are table-driven code in
// polc_runtime.h.
// The program-wide names and types are chosen here; the files emit_*.cpp write the rest.
#include "backend/cpp/cpp_emit.h"

#include <fmt/format.h>

#include "backend/cpp/generator.h"
#include "syntax/literals.h"

namespace polc::cpp {

std::map<std::string, std::string> Generator::run() {
  names();
  std::map<std::string, std::string> files;
  files[o_.name + ".h"] = header();
  files[o_.name + ".cpp"] = source();
  files["polc_runtime.h"] = runtimeHeader();
  files["polc_decimal.h"] = decimalHeader();
  return files;
}

void Generator::names() {
  Names top;
  for (const char* r : {"Facts", "Result", "Award", "Options", "evaluate", "readFacts", "program", "Grant", "WhyNot", "whyNot"})
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
    // A plain member cannot be empty: which ones the facts gave, for whyNot's "not given".
    bool plain = false;
    for (const auto& fi : facts_.back()) plain = plain || !fi.optional;
    givenMember_.push_back(plain ? fields.take("已提供") : "");
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

std::size_t Generator::enumSize(int en) const {
  std::size_t n = en >= 0 ? p_.enums[static_cast<std::size_t>(en)].members.size() : 1;
  return n == 0 ? 1 : n;
}

std::string Generator::valueType(const Type& t) const {
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

std::string Generator::defaultInit(const Type& t) const {
  switch (t.kind) {
    case TypeKind::Bool: return "false";
    default: return "{}";
  }
}

std::string Generator::constant(const ir::Value& v, const Type& t) const {
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

std::string Generator::bitsLiteral(const ir::Bits& bits, int en) const {
  std::string list;
  for (int i = 0; i < ir::kMaxEnumMembers; ++i)
    if (bits[static_cast<std::size_t>(i)]) list += (list.empty() ? "" : ", ") + std::to_string(i);
  return fmt::format("polc_rt::bits<{}>({{{}}})", enumSize(en), list);
}

std::map<std::string, std::string> emit(const sema::Model& model, const ir::Program& program, const EmitOptions& options) {
  return Generator(model, program, options).run();
}

}  // namespace polc::cpp
