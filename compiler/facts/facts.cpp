#include "facts/facts.h"

#include <algorithm>
#include <climits>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

// The facts fields with two names and the JSON parser, shared with the generated code's reader (one
// definition). That parser's words are runtime/decimal's, in polc_rt in the generated code.
#include "decimal/json_words.h"
#define POLC_RT_JSON_WORDS
namespace polc_rt {
using namespace polrt;
}  // namespace polc_rt
#include "backend/cpp/runtime/field_names.h"
#include "backend/cpp/runtime/json.h"
#include "decimal/parse_fault.h"
#include "decimal/citation_match.h"
#include "decimal/fact_errors.h"
#include "decimal/late_grant_words.h"
#include "decimal/date_words.h"
#include "decimal/once_year_words.h"
#include "decimal/cap_year_words.h"
#include "decimal/payee_words.h"
#include "decimal/uncounted_words.h"
#include "ir/lower.h"
#include "sema/units.h"
#include "support/read_file.h"
#include "support/source.h"
#include "syntax/literals.h"

namespace polc::facts {
namespace {

using json = nlohmann::json;
using ir::Value;

// ---- exact JSON -----------------------------------------------------------------------------------

// The generated C++'s parser's tree (polc_runtime.h's JsonParser, which polc parses with too, so
// that a file is refused in the same words by both) as the tree the reader walks: a number kept as
// its text in a JSON binary rather than a string, so that a text fact can tell `"名称": 123` from
// `"名称": "123"` and refuse the number (numberText). The depth is the parser's, at most 201.
json exact(polc_rt::Json&& v) {
  switch (v.kind) {
    case polc_rt::Json::Kind::Null: return json();
    case polc_rt::Json::Kind::Bool: return json(v.b);
    case polc_rt::Json::Kind::Number: return json::binary(std::vector<std::uint8_t>(v.text.begin(), v.text.end()));
    case polc_rt::Json::Kind::String: return json(std::move(v.text));
    case polc_rt::Json::Kind::Array: {
      json out = json::array();
      for (auto& x : v.array) out.push_back(exact(std::move(x)));
      return out;
    }
    case polc_rt::Json::Kind::Object: {
      json out = json::object();
      for (std::size_t i = 0; i < v.keys.size(); ++i) out[v.keys[i]] = exact(std::move(v.values[i]));
      return out;
    }
  }
  return json();
}

// ---- the reader -----------------------------------------------------------------------------------

// Four digits, as the generated code's reader takes a year: "-023" is an integer, not a year.
bool isYearText(const std::string& s) {
  return s.size() == 4 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Numbers kept as their text (exact()'s binaries) as texts, at any depth: dumped as binaries,
// an object given for a fact showed `{"a":{"bytes":[49],"subtype":null}}` for {"a": 1}.
json numbersAsTexts(const json& v) {
  if (v.is_binary()) return json(*numberText(v));
  if (!v.is_structured()) return v;
  json out = v.is_array() ? json::array() : json::object();
  if (v.is_array())
    for (const auto& x : v) out.push_back(numbersAsTexts(x));
  else
    for (const auto& [k, x] : v.items()) out[k] = numbersAsTexts(x);
  return out;
}

// A value as an error quotes it (polrt::quotedValue, as every reader quotes one): a text or a
// number in quotes, anything else as JSON, at most 60 characters.
std::string shown(const json& v) {
  if (v.is_string()) return polrt::quotedValue(v.get<std::string>());
  if (v.is_binary()) return polrt::quotedValue(*numberText(v));
  return polrt::cutShown(numbersAsTexts(v).dump(-1, ' ', false, json::error_handler_t::replace));
}

class Reader {
 public:
  Reader(const sema::Model& m, const ir::Program& p, std::optional<int> date, std::optional<int> today)
      : m_(m), p_(p), date_(date), today_(today) {}

  FactsResult run(const json& doc) {
    FactsResult r;
    out_ = &r;
    if (!doc.is_object()) {
      error("", polrt::notAFactsObject());
      return r;
    }
    int root = -1;
    std::string rootKey;
    for (const auto& [key, value] : doc.items()) {
      if (key == "date" || key == "日期") {
        if (value.is_null()) continue;  // not given, as everywhere a key may be left out
        if (!value.is_string())
          error(key, polrt::expectedGot(polrt::aDate(), shown(value)));
        else if (std::string why = polrt::dateProblem(value.get<std::string>()); !why.empty())
          error(key, why);
        else r.applicant.date = ir::parseDate(value.get<std::string>());
        continue;
      }
      if (key == "id" || key == "编号") {
        if (!value.is_null()) r.id = id(key, value);
        continue;
      }
      if (!key.empty() && key[0] == '_') continue;  // comments
      int s = p_.subjectIndex(key);
      if (s >= 0 && p_.subjects[s].owner < 0) {
        if (value.is_null()) continue;
        if (root >= 0) {
          error(key, polrt::oneApplicantPerFile(key, rootKey));
          continue;
        }
        root = s;
        rootKey = key;
        continue;
      }
      std::vector<std::string> names;
      for (const auto& sub : p_.subjects)
        if (sub.owner < 0) names.push_back(sub.name);
      error(key, polrt::unknownTopLevelField(polrt::valuesListed(names.begin(), names.end())));
    }
    if (root < 0) {
      if (r.errors.empty()) error("", polrt::noApplicant());
      return r;
    }
    instance(root, -1, rootKey, doc.at(rootKey));
    // After the whole file: its date may follow the applicant.
    warnLateGrants();
    for (const auto& [aw, path] : byTarget_) uncounted(aw, path);
    return r;
  }

 private:
  void error(const std::string& path, const std::string& message) {
    out_->errors.push_back(path.empty() ? message : path + ": " + message);
  }

  // The applicant's id as given, a text or a whole number (polrt::idProblem); null when it is none.
  json id(const std::string& key, const json& value) {
    const auto number = value.is_binary() ? numberText(value) : std::nullopt;
    if (!value.is_string() && !number) {
      error(key, polrt::expectedGot(polrt::anId(), shown(value)));
      return json();
    }
    const std::string text = number ? *number : value.get<std::string>();
    if (std::string why = polrt::idProblem(!number, text); !why.empty()) {
      error(key, why);
      return json();
    }
    return number ? json(std::stoull(text)) : json(text);
  }

  int instance(int subject, int parent, const std::string& path, const json& obj) {
    auto& instances = out_->applicant.instances;
    int index = static_cast<int>(instances.size());
    eval::Instance in;
    in.subject = subject;
    in.path = path;
    in.parent = parent;
    const ir::Subject& s = p_.subjects[subject];
    in.facts.resize(s.facts.size());
    in.history.resize(s.facts.size());
    instances.push_back(std::move(in));
    if (parent >= 0) instances[parent].children.push_back(index);
    if (!obj.is_object()) {
      error(path, polrt::expectedGot(polrt::factsAbout(s.name), shown(obj)));
      return index;
    }
    std::vector<bool> rejected(s.facts.size());  // given but invalid: already reported, not "missing"
    for (const auto& [key, value] : obj.items()) {
      std::string here = path + "." + key;
      if (!key.empty() && key[0] == '_') continue;
      auto f = std::find_if(s.facts.begin(), s.facts.end(), [&k = key](const ir::FactSlot& x) { return x.name == k; });
      if (f != s.facts.end()) {
        if (value.is_null()) continue;
        auto v = read(*f, value, here);
        if (!v) rejected[f - s.facts.begin()] = true;
        if (v) out_->applicant.instances[index].facts[f - s.facts.begin()] = std::move(*v);
        continue;
      }
      // Below, a key given null lists nothing, as the key left out does (docs/facts.md): no item, no
      // history, no award received. The key is still checked, so that a misspelt one is found.
      int child = p_.subjectIndex(key);
      if (child >= 0 && p_.subjects[child].owner == subject) {
        if (value.is_null()) continue;
        if (!value.is_array()) {
          error(here, polrt::expectedGot(polrt::itemsOf(key), shown(value)));
          continue;
        }
        for (std::size_t i = 0; i < value.size(); ++i)
          instance(child, index, fmt::format("{}[{}]", here, i), value[i]);
        continue;
      }
      if (key == "history" || key == "历史") {
        if (!value.is_null()) history(index, value, here);
        continue;
      }
      if (key == "received" || key == "已获奖励") {
        if (!value.is_null()) received(index, value, here);
        continue;
      }
      std::vector<std::string> names;
      for (const auto& x : s.facts) names.push_back(x.name);
      for (std::size_t c = 0; c < p_.subjects.size(); ++c)
        if (p_.subjects[c].owner == subject) names.push_back(p_.subjects[c].name);
      error(here, polrt::unknownFactOrPart(s.name, key, names));
    }
    for (std::size_t f = 0; f < s.facts.size(); ++f)
      if (s.facts[f].required && !out_->applicant.instances[index].facts[f] && !rejected[f])
        error(path + "." + s.facts[f].name, polrt::missingRequiredFact());
    return index;
  }

  void history(int index, const json& value, const std::string& path) {
    const ir::Subject& s = p_.subjects[out_->applicant.instances[index].subject];
    if (!value.is_object()) {
      error(path, polrt::expectedGot(polrt::aHistory(), shown(value)));
      return;
    }
    for (const auto& [name, years] : value.items()) {
      std::string here = path + "." + name;
      auto f = std::find_if(s.facts.begin(), s.facts.end(), [&n = name](const ir::FactSlot& x) { return x.name == n; });
      if (f == s.facts.end()) {
        std::vector<std::string> names;
        for (const auto& x : s.facts)
          if (x.history) names.push_back(x.name);
        error(here, polrt::unknownHistoryFact(s.name, name, names));
        continue;
      }
      if (!f->history) {
        error(here, polrt::keepsNoHistory(name));
        continue;
      }
      if (years.is_null()) continue;
      if (!years.is_object()) {
        error(here, polrt::expectedGot(polrt::yearsOfAHistory(), shown(years)));
        continue;
      }
      for (const auto& [year, v] : years.items()) {
        std::string at = here + "." + year;
        if (!isYearText(year)) {
          error(at, "a history key is a year such as \"2023\"");
          continue;
        }
        if (v.is_null()) continue;  // that year's value is not known
        auto parsed = read(*f, v, at);
        if (parsed) out_->applicant.instances[index].history[f - s.facts.begin()][std::stoi(year)] = *parsed;
      }
    }
  }

  // An award received is listed on its item, or on an item that owns it (a cap over an enterprise's
  // awards counts last year's awards of products it no longer lists). "" when `cl`'s award may be
  // listed on an item of `subject`, else why not: listed elsewhere it would match no award and be
  // ignored, and a 一次性 award listed above its item would be paid again (it compares the item).
  // The generated reader and the runtime apply the same rule.
  std::string misplaced(const ir::Clause& cl, int subject) const {
    const std::string& name = p_.subjects[static_cast<std::size_t>(cl.subject)].name;
    if (cl.subject == subject) return "";
    for (int o = p_.subjects[static_cast<std::size_t>(cl.subject)].owner; o >= 0; o = p_.subjects[static_cast<std::size_t>(o)].owner)
      if (o == subject)
        return cl.once ? polrt::paidOncePer(cl.citation, name) : "";
    return polrt::awardedTo(cl.citation, name);
  }

  // The evaluation's date: the date given, else the facts', else today — the caller's day when it
  // gives one (a batch takes one day for all its undated lines), as every evaluator takes it.
  int evaluationDate() const {
    return date_ ? *date_ : out_->applicant.date ? *out_->applicant.date : today_ ? *today_ : ir::today();
  }

  // A recognition granted after the evaluation date is not held yet, so no clause counts it, nor
  // its 新认定: the applicant may expect it to count (a date mistyped, or evaluated too early).
  // Said as a warning naming it, its date and the evaluation date, in every evaluator's words.
  void warnLateGrants() {
    const int date = evaluationDate();
    for (const eval::Instance& in : out_->applicant.instances) {
      const auto& slots = p_.subjects[static_cast<std::size_t>(in.subject)].facts;
      for (std::size_t f = 0; f < slots.size(); ++f) {
        if (!in.facts[f] || in.facts[f]->type != ir::VType::Recognition) continue;
        const auto& members = p_.enums[static_cast<std::size_t>(slots[f].type.enumIndex)].members;
        polrt::lateGrants(
            in.facts[f]->grants, date, [](const ir::Grant& g) { return g.member; }, [](const ir::Grant& g) { return g.day; },
            [&](const ir::Grant& g) {
              out_->warnings.push_back(polrt::lateGrantWarning(
                  in.path + "." + slots[f].name + "." + members[static_cast<std::size_t>(g.member)],
                  ir::formatDate(g.day), ir::formatDate(date)));
            });
      }
    }
  }

  // An award given by its target alone names no clause, so the caps over several clauses and the
  // 一次性 clauses of that target do not count it (docs/facts.md): the evaluation may pay more than
  // the agency expects. Said as a warning, naming them, since only the agency knows the clause.
  // A rule counts an award only in some years (docs/ir.md, steps 5 and 8): a 年度 cap this year's, a
  // 累计 cap those up to this year, 一次性 an earlier year's. The year is the evaluation's.
  void uncounted(const eval::ReceivedAward& aw, const std::string& path) {
    const int subject = out_->applicant.instances[static_cast<std::size_t>(aw.instance)].subject;
    const int year = ir::yearOf(evaluationDate());
    std::vector<std::string> rules;
    polrt::uncountedRules(
        p_.caps, p_.clauses, aw.target, subject, aw.year, year,
        [&](int s, int ancestor) { return p_.ownedBy(s, ancestor); },
        [](const std::string& text) { return text; }, rules);
    std::string warning = polrt::uncountedWarning(path, p_.targets[static_cast<std::size_t>(aw.target)].name, rules);
    if (!warning.empty()) out_->warnings.push_back(std::move(warning));
  }

  void received(int index, const json& value, const std::string& path) {
    if (!value.is_array()) {
      error(path, polrt::expectedGot(polrt::awardsReceived(), shown(value)));
      return;
    }
    for (std::size_t i = 0; i < value.size(); ++i) {
      std::string here = fmt::format("{}[{}]", path, i);
      const json& r = value[i];
      if (!r.is_object()) {
        error(here, polrt::expectedGot(polrt::anAwardReceived(), shown(r)));
        continue;
      }
      eval::ReceivedAward aw;
      aw.instance = index;
      bool ok = true, hasAmount = false, hasYear = false;
      std::string targetAt;  // where the target was given, if it was
      for (const auto& [key, v] : r.items()) {
        std::string at = here + "." + key;
        // A field given null is one left out (a required one is then missing); an unknown one is not.
        if (v.is_null() && polc_rt::isReceivedField(key)) continue;
        if (key == "citation" || key == "条款") {
          aw.citation = v.is_string() ? v.get<std::string>() : "";
          aw.clause = citation(aw.citation);
          if (aw.clause < 0) {
            error(at, polrt::unknownCitation(shown(v), v.is_string() && anotherDocument(aw.citation)));
            ok = false;
          } else if (std::string why = misplaced(p_.clauses[aw.clause], out_->applicant.instances[index].subject); !why.empty()) {
            error(at, why);
            ok = false;
          }
        } else if (key == "target" || key == "标的") {
          std::string t = v.is_string() ? v.get<std::string>() : "";
          auto it = std::find_if(p_.targets.begin(), p_.targets.end(), [&](const ir::Label& l) { return l.name == t; });
          if (it == p_.targets.end()) {
            error(at, polrt::unknownTarget(shown(v)));
            ok = false;
          } else {
            aw.target = static_cast<int>(it - p_.targets.begin());
            targetAt = at;
          }
        } else if (key == "amount" || key == "金额") {
          ir::FactSlot money;
          money.name = key;
          money.type = Type::number(Dimension::base(0));
          money.min = polrt::Decimal();  // never negative
          auto parsed = read(money, v, at);
          if (parsed) aw.amount = parsed->lo;
          else ok = false;
          hasAmount = true;
        } else if (key == "year" || key == "年度") {
          std::string text = numberText(v).value_or("");
          if (!isYearText(text)) {
            error(at, polrt::expectedAYear(shown(v)));
            ok = false;
          } else {
            aw.year = std::stoi(text);
          }
          hasYear = true;
        } else if (key.empty() || key[0] != '_') {
          error(at, polrt::unknownAwardField());
          ok = false;
        }
      }
      if (!hasAmount) error(here + ".amount", "missing: the amount received");
      if (!hasYear) error(here + ".year", "missing: the year it was received");
      if (aw.clause < 0 && aw.target < 0 && ok) error(here, polrt::noCitationNorTarget());
      // The clause has one target: another one given beside it would count the award for that
      // target's 晋级补差 and for the clause's caps, so the award would be two different awards.
      if (aw.clause >= 0 && aw.target >= 0 && aw.target != p_.clauses[aw.clause].target) {
        error(targetAt, otherTarget(aw.target, aw.clause));
        ok = false;
      }
      if (aw.clause >= 0 && aw.target < 0) aw.target = p_.clauses[aw.clause].target;
      if (ok && hasYear && aw.clause < 0 && aw.target >= 0) byTarget_.emplace_back(aw, here);
      if (ok && hasAmount && hasYear) out_->applicant.received.push_back(aw);
    }
  }

  std::string otherTarget(int target, int clause) const {
    const ir::Clause& cl = p_.clauses[static_cast<std::size_t>(clause)];
    return polrt::notTheTarget(p_.targets[static_cast<std::size_t>(target)].name, cl.citation,
                               cl.target >= 0 ? p_.targets[static_cast<std::size_t>(cl.target)].name : "");
  }

  bool anotherDocument(const std::string& citation) const {
    return polrt::citesAnotherDocument(citation, static_cast<int>(p_.documents.size()), [&](int d) {
      return std::pair<std::string_view, std::string_view>(p_.documents[static_cast<std::size_t>(d)].number,
                                                           p_.documents[static_cast<std::size_t>(d)].name);
    });
  }
  int citation(const std::string& text) const {
    const std::string want = polrt::citationKey(text);
    for (std::size_t c = 0; c < p_.clauses.size(); ++c) {
      const ir::Clause& cl = p_.clauses[c];
      const ir::Document& d = p_.documents[static_cast<std::size_t>(cl.document)];
      if (polrt::citesClause(want, cl.citation, d.number, d.name)) return static_cast<int>(c);
    }
    return -1;
  }

  std::string expected(const Type& t) const {
    switch (t.kind) {
      case TypeKind::Bool: return polrt::aBoolean();
      case TypeKind::Date: return polrt::aDate();
      case TypeKind::Text: return "text";
      case TypeKind::Enum: return "a value of " + p_.enums[t.enumIndex].name;
      case TypeKind::Set: return polrt::valuesOf(p_.enums[t.enumIndex].name);
      case TypeKind::Recognition: return polrt::recognitionsOf(p_.enums[t.enumIndex].name);
      case TypeKind::Number: return polrt::expectedNumber(m_.describe(t.dim), t.integer);
      case TypeKind::Error: break;
    }
    return "a value";
  }

  int member(int en, const json& v, const std::string& path) {
    const auto& ms = p_.enums[en].members;
    if (v.is_string()) {
      auto it = std::find(ms.begin(), ms.end(), v.get<std::string>());
      if (it != ms.end()) return static_cast<int>(it - ms.begin());
      error(path, polrt::unknownValue(shown(v), p_.enums[en].name, polrt::valuesListed(ms.begin(), ms.end())));
      return -1;
    }
    error(path, polrt::notAValueOf(p_.enums[en].name, shown(v)));
    return -1;
  }

  std::optional<Value> read(const ir::FactSlot& f, const json& v, const std::string& path) {
    const Type& t = f.type;
    auto bad = [&]() -> std::optional<Value> {
      error(path, polrt::expectedGot(expected(t), shown(v)));
      return std::nullopt;
    };
    switch (t.kind) {
      case TypeKind::Bool:
        if (v.is_boolean()) return Value::boolean(v.get<bool>());
        if (v.is_string() && (v.get<std::string>() == "是" || v.get<std::string>() == "否"))
          return Value::boolean(v.get<std::string>() == "是");
        if (v.is_string() && (v.get<std::string>() == "true" || v.get<std::string>() == "false")) {
          error(path, polrt::booleanInQuotes(shown(v), v.get<std::string>()));
          return std::nullopt;
        }
        return bad();
      case TypeKind::Date: {
        if (!v.is_string()) return bad();
        if (std::string why = polrt::dateProblem(v.get<std::string>()); !why.empty()) {
          error(path, why);
          return std::nullopt;
        }
        return Value::date(*ir::parseDate(v.get<std::string>()));
      }
      case TypeKind::Text:
        if (v.is_binary()) {
          error(path, polrt::numberForText(*numberText(v)));
          return std::nullopt;
        }
        if (!v.is_string()) return bad();
        return Value::string(v.get<std::string>());
      case TypeKind::Enum: {
        int mbr = member(t.enumIndex, v, path);
        if (mbr < 0) return std::nullopt;
        return Value::enumValue(mbr);
      }
      case TypeKind::Set: {
        if (!v.is_array()) return bad();
        ir::Bits bits;
        bool ok = true;
        for (std::size_t i = 0; i < v.size(); ++i) {
          int mbr = member(t.enumIndex, v[i], fmt::format("{}[{}]", path, i));
          if (mbr < 0) ok = false;
          else if (mbr < ir::kMaxEnumMembers) bits.set(mbr);
        }
        if (!ok) return std::nullopt;
        return Value::set(bits);
      }
      case TypeKind::Recognition: {
        Value out;
        out.type = ir::VType::Recognition;
        bool ok = true;
        if (v.is_object()) {
          for (const auto& [name, date] : v.items()) {
            std::string at = path + "." + name;
            int mbr = member(t.enumIndex, json(name), at);
            auto d = date.is_string() ? ir::parseDate(date.get<std::string>()) : std::nullopt;
            // A text of the shape that names no day is told so (polrt::readCivilDate), another thing what to write.
            polrt::CivilDate civil = polrt::readCivilDate(date.is_string() ? date.get<std::string>() : std::string());
            if (mbr >= 0 && !d)
              error(at, civil.shaped ? civil.problem : polrt::notAGrantDate(shown(date)));
            if (mbr < 0 || !d) {
              ok = false;
              continue;
            }
            out.grants.push_back(ir::Grant{mbr, *d});
          }
        } else if (v.is_array()) {
          // Held since an unknown date: never 新认定 in the evaluation year.
          for (std::size_t i = 0; i < v.size(); ++i) {
            int mbr = member(t.enumIndex, v[i], fmt::format("{}[{}]", path, i));
            if (mbr < 0) ok = false;
            else out.grants.push_back(ir::Grant{mbr, INT_MIN / 2});
          }
        } else {
          return bad();
        }
        if (!ok) return std::nullopt;
        return out;
      }
      case TypeKind::Number: return number(f, v, path);
      case TypeKind::Error: break;
    }
    return bad();
  }

  std::optional<Value> number(const ir::FactSlot& f, const json& v, const std::string& path) {
    const Type& t = f.type;
    auto bad = [&](const std::string& why) -> std::optional<Value> {
      error(path, polrt::expectedGot(expected(t), shown(v)) + why);
      return std::nullopt;
    };
    const std::optional<std::string> given = numberText(v);
    if (!given) return bad("");
    const std::string& text = *given;
    bool negative = !text.empty() && text.front() == '-';
    std::string body = negative ? text.substr(1) : text;
    std::string digits, unit;
    splitQuantity(body, digits, unit);
    // splitQuantity takes a leading number; accept 1e3-free decimals only.
    if (std::string note = polrt::keyboardNote(text); !note.empty()) return bad(note);
    if (digits.empty() || !polrt::Decimal::parse(digits)) return bad(polrt::decimalLimitNote(digits));
    LiteralValue lit{(negative ? "-" : "") + digits, 0, 1, 1};
    if (!unit.empty()) {
      std::string badPart;
      auto r = sema::resolveUnit(m_, unit, badPart);
      if (!r) return bad(polrt::unknownUnitNote(badPart));
      if (r->dim != t.dim) return bad(polrt::otherDimensionNote(unit, m_.describe(r->dim), m_.describe(t.dim)));
      lit.pow10 = r->pow10;
      lit.scaleNum = r->scaleNum;
      lit.scaleDen = r->scaleDen;
    }
    auto d = ir::literalDecimal(lit);
    if (!d) return bad(polrt::noExactValueNote());
    if (t.integer && !d->isInteger()) {
      error(path, polrt::notAWholeNumber(shown(v)));
      return std::nullopt;
    }
    if ((f.min && *d < *f.min) || (f.max && *d > *f.max)) {
      // Without a 取值, the bound is the unit's: a quantity with a unit is never negative.
      error(path, f.rangeText.empty() ? polrt::negativeAmount(shown(v)) : polrt::outsideRange(shown(v), f.name, f.rangeText));
      return std::nullopt;
    }
    if (v.is_binary() && t.dim == Dimension::base(0))
      out_->notes.push_back(fmt::format("{}: the plain number {} is read as {}元; if 万元 was meant, write \"{}万元\" "
                                        "(or \"{}亿元\" for 亿元)",
                                        path, text, text, text, text));
    return Value::num(*d);
  }

  const sema::Model& m_;
  const ir::Program& p_;
  FactsResult* out_ = nullptr;
  std::optional<int> date_;  // the evaluation date given besides the facts
  std::optional<int> today_;  // the day undated facts are evaluated as of; none: the clock's
  std::vector<std::pair<eval::ReceivedAward, std::string>> byTarget_;  // awards given by target alone
};

}  // namespace

json parseFactsJson(const std::string& text) {
  polc_rt::Json doc;
  std::string error;
  if (!polc_rt::JsonParser(text).parse(doc, error)) throw std::runtime_error(error);
  return exact(std::move(doc));
}

// The text of an amount, a count or a year: a string, or a number of the facts (exact()).
std::optional<std::string> numberText(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_binary()) return std::string(v.get_binary().begin(), v.get_binary().end());
  return std::nullopt;
}

FactsResult readFacts(const sema::Model& model, const ir::Program& program, const json& doc, std::optional<int> date,
                      std::optional<int> today) {
  return Reader(model, program, date, today).run(doc);
}

FactsResult readFacts(const sema::Model& model, const ir::Program& program, const std::string& text,
                      std::optional<int> date, std::optional<int> today) {
  json doc;
  try {
    doc = parseFactsJson(text);
  } catch (const std::exception& e) {
    FactsResult r;
    r.errors.push_back(e.what());
    return r;
  }
  return readFacts(model, program, doc, date, today);
}

FactsResult readFactsFile(const sema::Model& model, const ir::Program& program, const std::string& path,
                          std::optional<int> date, std::optional<int> today) {
  // Regular files and FIFOs: a directory or a device is refused (support/read_file.h).
  InputFile in = readInputFile(path, kMaxFactsBytes);
  if (!in.ok()) {
    FactsResult r;
    r.errors.push_back(in.error);
    return r;
  }
  FactsResult r = readFacts(model, program, *in.text, date, today);
  r.file = inputName(path);
  r.text = std::move(*in.text);
  for (auto* messages : {&r.errors, &r.warnings, &r.notes})
    for (auto& m : *messages) m = r.at(m);
  return r;
}

// An item listing several items its clauses' 受益人 may be (two 引荐人 of one project): every
// evaluator pays the first, which the policy does not ask for (docs/facts.md). A warning, naming
// the clauses whose award in the result goes to the first and grants it something, since only the
// policy owner can say how to share it.
void warnSharedPayees(const ir::Program& program, const eval::Result& result, FactsResult& facts) {
  const auto& items = facts.applicant.instances;
  auto item = [&](int i) -> const eval::Instance& { return items[static_cast<std::size_t>(i)]; };
  auto ownedBy = [&](int s, int ancestor) { return program.ownedBy(s, ancestor); };
  auto granted = [&](int c, int i) {
    return std::any_of(result.awards.begin(), result.awards.end(), [&](const eval::Award& aw) {
      return aw.clause == c && aw.payeeInstance == i &&
             polrt::grantsPayee(static_cast<int>(aw.status), static_cast<int>(aw.kind), aw.hi);
    });
  };
  std::vector<std::string> found;
  polrt::sharedPayeeWarnings(
      polrt::payeesBelow(program.clauses, ownedBy), program.clauses, static_cast<int>(items.size()),
      [&](int i) { return item(i).subject; }, [&](int i) { return item(i).parent; }, ownedBy,
      [&](int i) { return item(i).path; }, [&](int s) { return program.subjects[static_cast<std::size_t>(s)].name; },
      [](const ir::Clause& cl) { return cl.citation; }, granted, found);
  for (auto& w : found) facts.warnings.push_back(facts.at(w));
}

namespace {
// Whether `result` holds an award of clause `c` evaluated for item `i` that `holds` accepts.
template <class Holds>
bool holdsAward(const eval::Result& result, int c, int i, Holds holds) {
  return std::any_of(result.awards.begin(), result.awards.end(),
                     [&](const eval::Award& aw) { return aw.clause == c && aw.instance == i && holds(aw); });
}
}  // namespace

// The policy owner has not said whether a re-evaluation in the same year pays a 一次性 award again,
// so the amount stays and the caseworker is told what to check.
void warnOnceThisYear(const ir::Program& program, const eval::Result& result, FactsResult& facts) {
  const auto& received = facts.applicant.received;
  std::vector<std::string> found;
  polrt::onceThisYearWarnings(
      static_cast<int>(received.size()), program.clauses, ir::yearOf(result.date),
      [&](int r) { return received[static_cast<std::size_t>(r)].clause; },
      [&](int r) { return received[static_cast<std::size_t>(r)].year; },
      [&](int r) { return received[static_cast<std::size_t>(r)].instance; },
      [&](int i) { return facts.applicant.instances[static_cast<std::size_t>(i)].path; },
      [](const ir::Clause& cl) { return cl.citation; },
      [&](int c, int i) {
        return holdsAward(result, c, i, [](const eval::Award& aw) {
          return polrt::grantsPayee(static_cast<int>(aw.status), static_cast<int>(aw.kind), aw.hi);
        });
      },
      found);
  for (auto& w : found) facts.warnings.push_back(facts.at(w));
}

// A 累计 or 年度 cap took an award received this year to be the result's own award, evaluated again,
// and did not count it: if it is another, the result may pay more than the cap allows.
void warnCapThisYear(const ir::Program& program, const eval::Result& result, FactsResult& facts) {
  const auto& received = facts.applicant.received;
  auto at = [&](int r) -> const eval::ReceivedAward& { return received[static_cast<std::size_t>(r)]; };
  std::vector<std::string> found;
  polrt::capThisYearWarnings(
      static_cast<int>(received.size()), program.caps, program.clauses, ir::yearOf(result.date),
      [&](int r) { return at(r).clause; }, [&](int r) { return at(r).year; }, [&](int r) { return at(r).instance; },
      [&](int i) { return facts.applicant.instances[static_cast<std::size_t>(i)].path; },
      [](const std::string& name) { return name; }, [](const ir::Clause& cl) { return cl.citation; },
      [&](int c, int i) {
        return holdsAward(result, c, i, [](const eval::Award& aw) {
          return polrt::capPaysOwn(static_cast<int>(aw.status), static_cast<int>(aw.kind), aw.computedHi);
        });
      },
      found);
  for (auto& w : found) facts.warnings.push_back(facts.at(w));
}

}  // namespace polc::facts
