// The generated facts reader: the JSON of docs/facts.md into the facts structs, strictly.
#include <fmt/format.h>

#include "backend/cpp/generator.h"
#include "decimal/fact_errors.h"
#include "syntax/literals.h"

namespace polc::cpp {

void Generator::reader(std::ostream& os) {
  os << "// ---- reading facts (JSON, polc's docs/facts.md) " << std::string(48, '-') << "\n\n";
  os << "namespace {\n\n";
  // Units.
  os << "const polc_rt::UnitInfo kUnits[] = {\n";
  for (const auto& u : m_.units)
    os << "    {" << lit(u.name) << ", " << lit(m_.describe(u.dim)) << ", " << u.pow10 << ", " << u.scaleNum << ", "
       << u.scaleDen << "},\n";
  os << "};\n";
  os << "const polc_rt::FactsReader::Units kUnitTable{kUnits, " << m_.units.size() << "};\n\n";
  for (std::size_t s = 0; s < p_.subjects.size(); ++s)
    os << "void read(polc_rt::FactsReader& rd, const polc_rt::Json& j, const std::string& path, " << subjectNames_[s]
       << "& x);\n";
  os << "\n";
  for (std::size_t s = 0; s < p_.subjects.size(); ++s) readSubject(os, static_cast<int>(s));
  os << "}  // namespace\n\n";
  os << "bool readFacts(const std::string& json, Facts& out, std::vector<std::string>& errors) {\n";
  os << "  polc_rt::FactsReader rd(kUnitTable, kProgram);\n";
  os << "  polc_rt::Json doc;\n";
  os << "  if (!rd.parse(json, doc)) {\n    errors = rd.errors;\n    return false;\n  }\n";
  os << "  out = Facts();\n";
  os << "  if (!doc.isObject()) {\n    errors = {polc_rt::notAFactsObject()};\n    return false;\n  }\n";
  // As polc's reader: the keys in byte order, the first applicant read and any other refused.
  os << "  std::size_t root = doc.keys.size();\n";
  os << "  for (std::size_t k : doc.byteOrder()) {\n";
  os << "    const std::string& key = doc.keys[k];\n    const polc_rt::Json& value = doc.values[k];\n";
  // null is a key left out, here and wherever a key may be left out (docs/facts.md), as in polc's reader.
  os << "    if (key == \"date\" || key == \"日期\") {\n      if (!value.isNull()) out.date = rd.date(value, key);\n      continue;\n    }\n";
  os << "    if (key == \"id\" || key == \"编号\") {\n      if (!value.isNull()) out.id = rd.id(value, key);\n      continue;\n    }\n";
  os << "    if (!key.empty() && key[0] == '_') continue;\n";
  std::vector<std::string> applicants;
  for (const auto& sub : p_.subjects)
    if (sub.owner < 0) applicants.push_back(sub.name);
  std::string isApplicant;
  for (const auto& a : applicants) isApplicant += (isApplicant.empty() ? "" : " || ") + ("key == " + lit(a));
  if (!isApplicant.empty())
    os << "    if (" << isApplicant << ") {\n      if (value.isNull()) continue;\n"
       << "      if (root < doc.keys.size()) rd.error(key, polc_rt::oneApplicantPerFile(key, doc.keys[root]));\n"
       << "      else root = k;\n      continue;\n    }\n";
  os << "    rd.error(key, polc_rt::unknownTopLevelField(" << lit(polrt::valuesListed(applicants.begin(), applicants.end()))
     << "));\n  }\n";
  os << "  if (root == doc.keys.size() && rd.errors.empty()) rd.error(\"\", polc_rt::noApplicant());\n";
  for (std::size_t s = 0; s < p_.subjects.size(); ++s)
    if (p_.subjects[s].owner < 0)
      os << "  if (root < doc.keys.size() && doc.keys[root] == " << lit(p_.subjects[s].name) << ") {\n    out."
         << subjectNames_[s] << ".emplace();\n    read(rd, doc.values[root], doc.keys[root], *out." << subjectNames_[s]
         << ");\n  }\n";
  os << "  errors = rd.errors;\n  return errors.empty();\n}\n\n";
}

void Generator::readSubject(std::ostream& os, int s) {
  const auto& sub = p_.subjects[static_cast<std::size_t>(s)];
  os << "void read(polc_rt::FactsReader& rd, const polc_rt::Json& j, const std::string& path, " << subjectNames_[static_cast<std::size_t>(s)]
     << "& x) {\n";
  os << "  if (!j.isObject()) {\n    rd.error(path, polc_rt::expectedGot(polc_rt::factsAbout(" << lit(sub.name)
     << "), polc_rt::shown(j)));\n    return;\n  }\n";
  std::vector<bool> required;
  os << "  for (std::size_t k = 0; k < j.keys.size(); ++k) {\n";
  os << "    const std::string& key = j.keys[k];\n    const polc_rt::Json& v = j.values[k];\n";
  os << "    const std::string at = path + \".\" + key;\n";
  os << "    if (!key.empty() && key[0] == '_') continue;\n";
  for (std::size_t f = 0; f < sub.facts.size(); ++f) {
    const auto& slot = sub.facts[f];
    const FactInfo& fi = facts_[static_cast<std::size_t>(s)][f];
    // null is a fact not given, as it is no item, no history and no award received below; for an
    // unknown name it is an error.
    os << "    if (key == " << lit(slot.name) << ") {\n      if (v.isNull()) continue;\n";
    std::string target = fi.optional ? "x." + fi.member + ".emplace()" : "x." + fi.member;
    os << "      " << readValue(slot.type, "v", "at", target, boundsName(static_cast<std::size_t>(s), f)) << "\n";
    if (!fi.optional) os << "      x." << givenMember_[static_cast<std::size_t>(s)] << ".set(" << f << ");\n";
    os << "      continue;\n    }\n";
  }
  for (std::size_t c = 0; c < p_.subjects.size(); ++c) {
    if (p_.subjects[c].owner != s) continue;
    os << "    if (key == " << lit(p_.subjects[c].name) << ") {\n      if (v.isNull()) continue;\n";
    os << "      if (!v.isArray()) {\n        rd.error(at, polc_rt::expectedGot(polc_rt::itemsOf(" << lit(p_.subjects[c].name)
       << "), polc_rt::shown(v)));\n        continue;\n      }\n";
    os << "      for (std::size_t i = 0; i < v.array.size(); ++i) {\n";
    os << "        x." << childField_[static_cast<int>(c)] << ".emplace_back();\n";
    os << "        read(rd, v.array[i], at + \"[\" + std::to_string(i) + \"]\", x." << childField_[static_cast<int>(c)] << ".back());\n";
    os << "      }\n      continue;\n    }\n";
  }
  os << "    if (key == \"history\" || key == \"历史\") {\n      if (v.isNull()) continue;\n";
  os << "      if (!v.isObject()) {\n        rd.error(at, polc_rt::expectedGot(polc_rt::aHistory(), polc_rt::shown(v)));\n"
     << "        continue;\n      }\n";
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
    os << "            "
       << readValue(slot.type, "*y", "at + \".\" + name + \".\" + std::to_string(year)", "x." + fi.history + "[year]",
                    boundsName(static_cast<std::size_t>(s), f))
       << "\n";
    os << "          continue;\n        }\n";
  }
  (void)any;
  // A fact declared without 历史 is told so; another name is unknown, the fact meant named when close.
  std::string others;
  std::vector<std::string> kept;
  for (std::size_t f = 0; f < sub.facts.size(); ++f) {
    if (facts_[static_cast<std::size_t>(s)][f].history.empty())
      others += (others.empty() ? "" : " || ") + ("name == " + lit(sub.facts[f].name));
    else
      kept.push_back(sub.facts[f].name);
  }
  if (!others.empty())
    os << "        if (" << others << ") {\n          rd.error(at + \".\" + name, polc_rt::keepsNoHistory(name));\n"
       << "          continue;\n        }\n";
  os << "        rd.error(at + \".\" + name, polc_rt::unknownHistoryFact(" << lit(sub.name) << ", name, " << stringList(kept)
     << "));\n      }\n      continue;\n    }\n";
  os << "    if (key == \"已获奖励\" || key == \"received\") {\n      if (!v.isNull()) rd.received(v, at, x.已获奖励, " << s
     << ");\n      continue;\n    }\n";
  std::vector<std::string> known;
  for (const auto& f : sub.facts) known.push_back(f.name);
  for (const auto& c : p_.subjects)
    if (c.owner == s) known.push_back(c.name);
  os << "    rd.error(at, polc_rt::unknownFactOrPart(" << lit(sub.name) << ", key, " << stringList(known) << "));\n  }\n";
  for (std::size_t f = 0; f < sub.facts.size(); ++f) {
    const auto& slot = sub.facts[f];
    const FactInfo& fi = facts_[static_cast<std::size_t>(s)][f];
    if (slot.required && fi.optional)
      os << "  if (!x." << fi.member << ") rd.error(path + " << lit("." + slot.name) << ", polc_rt::missingRequiredFact());\n";
  }
  os << "}\n\n";
}

std::string Generator::readValue(const Type& t, const std::string& v, const std::string& at, const std::string& target,
                                 const std::string& bounds) const {
  // An enumeration's name, values and their count: an unknown value is told with them.
  std::string members;
  if (t.kind == TypeKind::Enum || t.kind == TypeKind::Set || t.kind == TypeKind::Recognition) {
    const auto& en = p_.enums[static_cast<std::size_t>(t.enumIndex)];
    members = fmt::format("{}, kMembers{}, {}", lit(en.name), t.enumIndex, en.members.size());
  }
  switch (t.kind) {
    case TypeKind::Bool: return fmt::format("{} = rd.boolean({}, {});", target, v, at);
    case TypeKind::Date: return fmt::format("{} = rd.date({}, {}).value_or(0);", target, v, at);
    case TypeKind::Text: return fmt::format("{} = rd.text({}, {});", target, v, at);
    case TypeKind::Number:
      return fmt::format("{} = rd.number({}, {}, {}, {}{});", target, v, at, lit(m_.describe(t.dim)), t.integer ? "true" : "false",
                         bounds.empty() ? "" : ", &" + bounds);
    case TypeKind::Enum:
      return fmt::format("{} = static_cast<{}>(rd.member({}, {}, {}));", target, enumType(t.enumIndex), v, at, members);
    case TypeKind::Set: return fmt::format("{} = rd.set<{}>({}, {}, {});", target, enumSize(t.enumIndex), v, at, members);
    case TypeKind::Recognition:
      return fmt::format("{} = rd.recognitions<{}>({}, {}, {});", target, enumType(t.enumIndex), v, at, members);
    case TypeKind::Error: break;
  }
  return "rd.error(" + at + ", \"unsupported\");";
}

}  // namespace polc::cpp
