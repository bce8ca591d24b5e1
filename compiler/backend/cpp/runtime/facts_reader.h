// polc_runtime.h, part 10 of 11: the value readers of docs/facts.md.
// polc writes the parts as one header (runtime_header.cmake); each is a header of its own so
// that the source can be read, and compiled, a part at a time.
#pragma once

#include "json.h"
#include "run.h"

namespace polc_rt {

// A value as an error quotes it, as polc's reader quotes it (quotedValue, fact_errors.h): a text
// or a number in quotes, anything else as compact JSON, an object's keys in byte order as polc's
// reader holds them, numbers as texts; at most 60 characters.
inline std::string jsonShown(const Json& v) {
  switch (v.kind) {
    case Json::Kind::Null: return "null";
    case Json::Kind::Bool: return v.b ? "true" : "false";
    case Json::Kind::Number:
    case Json::Kind::String: return jsonQuoted(v.text);
    case Json::Kind::Array: {
      std::string out = "[";
      for (std::size_t i = 0; i < v.array.size(); ++i) (out += i ? "," : "") += jsonShown(v.array[i]);
      return out + "]";
    }
    case Json::Kind::Object: {
      std::string out = "{";
      for (std::size_t i : v.byteOrder()) ((out += out.size() > 1 ? "," : "") += jsonQuoted(v.keys[i]) + ":") += jsonShown(v.values[i]);
      return out + "}";
    }
  }
  return "";
}
inline std::string shown(const Json& v) { return cutShown(jsonShown(v)); }

// A unit the policies declare: its dimension (as text) and its exact scale to the base unit.
struct UnitInfo {
  const char* name;
  const char* dimension;
  int pow10;
  int64_t scaleNum, scaleDen;
};

// Reads the values of docs/facts.md; every problem is recorded with the path of the field.
class FactsReader {
 public:
  using Units = Span<UnitInfo>;
  std::vector<std::string> errors;

  FactsReader(const Units& units, const ProgramInfo& p) : units_(units), p_(p) {}

  bool parse(const std::string& text, Json& out) {
    std::string err;
    if (!JsonParser(text).parse(out, err)) {
      errors.push_back(err);
      return false;
    }
    return true;
  }
  void error(const std::string& path, const std::string& message) {
    errors.push_back(path.empty() ? message : path + ": " + message);
  }

  bool boolean(const Json& v, const std::string& at) {
    if (v.kind == Json::Kind::Bool) return v.b;
    if (v.isString() && (v.text == "是" || v.text == "否")) return v.text == "是";
    if (v.isString() && (v.text == "true" || v.text == "false")) error(at, booleanInQuotes(shown(v), v.text));
    else error(at, expectedGot(aBoolean(), shown(v)));
    return false;
  }
  std::optional<int> date(const Json& v, const std::string& at) {
    if (!v.isString()) {
      error(at, expectedGot(aDate(), shown(v)));
      return std::nullopt;
    }
    if (std::string why = dateProblem(v.text); !why.empty()) error(at, why);
    return parseDate(v.text);
  }
  // The applicant's id as given (a text, or a whole number's digits), as polc's reader takes it.
  std::optional<std::string> id(const Json& v, const std::string& at) {
    if (!v.isString() && v.kind != Json::Kind::Number) {
      error(at, expectedGot(anId(), shown(v)));
      return std::nullopt;
    }
    if (std::string why = idProblem(v.isString(), v.text); !why.empty()) {
      error(at, why);
      return std::nullopt;
    }
    return v.text;
  }
  std::string text(const Json& v, const std::string& at) {
    // A number keeps its text (Json::text), so the message shows it as polc's reader does.
    if (v.kind == Json::Kind::Number) error(at, numberForText(v.text));
    else if (!v.isString()) error(at, expectedGot("text", shown(v)));
    return v.text;
  }
  // `enumName`, `names`, `n`: the enumeration read, its values and how many.
  int member(const Json& v, const std::string& at, const char* enumName, const char* const* names, std::size_t n) {
    if (!v.isString()) {
      error(at, notAValueOf(enumName, shown(v)));
      return 0;
    }
    for (std::size_t i = 0; i < n; ++i)
      if (v.text == names[i]) return static_cast<int>(i);
    error(at, unknownValue(shown(v), enumName, valuesListed(names, names + n)));
    return 0;
  }
  template <std::size_t N>
  std::bitset<N> set(const Json& v, const std::string& at, const char* enumName, const char* const* names, std::size_t n) {
    std::bitset<N> b;
    if (!v.isArray()) {
      error(at, expectedGot(valuesOf(enumName), shown(v)));
      return b;
    }
    for (std::size_t i = 0; i < v.array.size(); ++i)
      b.set(static_cast<std::size_t>(member(v.array[i], at + "[" + std::to_string(i) + "]", enumName, names, n)));
    return b;
  }
  template <class E>
  std::vector<Grant<E>> recognitions(const Json& v, const std::string& at, const char* enumName, const char* const* names,
                                     std::size_t n) {
    std::vector<Grant<E>> out;
    if (v.isObject()) {
      for (std::size_t i = 0; i < v.keys.size(); ++i) {
        Json name;
        name.kind = Json::Kind::String;
        name.text = v.keys[i];
        const std::size_t before = errors.size();
        int m = member(name, at + "." + v.keys[i], enumName, names, n);
        if (errors.size() != before) continue;  // as polc's reader: the date of an unknown value is not read
        const Json& d = v.values[i];
        CivilDate civil = readCivilDate(d.isString() ? d.text : std::string());
        if (!civil.problem.empty()) error(at + "." + v.keys[i], civil.shaped ? civil.problem : notAGrantDate(shown(d)));
        else out.push_back(Grant<E>{static_cast<E>(m), *parseDate(d.text)});
      }
      // polc's reader visits an object's keys in byte order.
      std::stable_sort(out.begin(), out.end(), [&](const Grant<E>& a, const Grant<E>& b) {
        return std::strcmp(names[static_cast<int>(a.member)], names[static_cast<int>(b.member)]) < 0;
      });
    } else if (v.isArray()) {
      for (std::size_t i = 0; i < v.array.size(); ++i)
        out.push_back(
            Grant<E>{static_cast<E>(member(v.array[i], at + "[" + std::to_string(i) + "]", enumName, names, n)), kLongAgo});
    } else {
      error(at, expectedGot(recognitionsOf(enumName), shown(v)));
    }
    return out;
  }

  // A number with an optional unit: 1200万元, 12%, 500吨标煤, 0.12.
  // `bounds`: the fact's (null for an amount that is not a fact: it is never negative).
  Dec number(const Json& v, const std::string& at, const char* dimension, bool integer, const Bounds* bounds = nullptr) {
    // In polc's reader's words and order (fact_errors.h): what the fact takes, the value, a note.
    auto bad = [&](const std::string& note) {
      error(at, expectedGot(expectedNumber(dimension, integer), shown(v)) + note);
      return Dec();
    };
    if (!v.isText()) return bad("");
    const std::string& t = v.text;
    if (std::string note = keyboardNote(t); !note.empty()) return bad(note);
    bool negative = !t.empty() && t[0] == '-';
    std::string body = negative ? t.substr(1) : t;
    std::size_t i = 0;
    while (i < body.size() && (std::isdigit(static_cast<unsigned char>(body[i])) || body[i] == '.')) ++i;
    std::string digits = body.substr(0, i), unit = body.substr(i);
    auto d = Decimal::parse((negative ? "-" : "") + digits);
    if (digits.empty() || !Decimal::parse(digits)) return bad(decimalLimitNote(digits));
    if (!d) return bad(noExactValueNote());
    std::string dim = "a plain number";
    int pow10 = 0;
    int64_t num = 1, den = 1;
    std::string badPart;
    if (!unit.empty() && !resolve(unit, dim, pow10, num, den, badPart)) return bad(unknownUnitNote(badPart));
    if (unit.empty()) dim = dimension;
    if (dim != dimension) return bad(otherDimensionNote(unit, dim, dimension));
    Dec out;
    if (shift(*d, pow10, out) != ArithError::None || (num != 1 && mulInt(out, num, out) != ArithError::None))
      return bad(noExactValueNote());
    if (den != 1) {
      Dec q, back, dd = Dec::fromInt(den);
      if (div(out, dd, Decimal::kMaxScale, RoundingMode::HalfEven, q) != ArithError::None ||
          mul(q, dd, back) != ArithError::None || back != out)
        return bad(noExactValueNote());
      out = q;
    }
    out = out.normalized();
    if (integer && !out.isInteger()) error(at, notAWholeNumber(shown(v)));
    else if (bounds && !bounds->holds(out)) error(at, bounds->why(out, shown(v)));
    else if (!bounds && out.isNegative() && std::string(dimension) != "a plain number") error(at, negativeAmount(shown(v)));
    return out;
  }

  // A fact's history: each year given, a year given null left out (its value is not known).
  std::vector<std::pair<int, const Json*>> years(const Json& v, const std::string& at) {
    std::vector<std::pair<int, const Json*>> out;
    if (v.isNull()) return out;
    if (!v.isObject()) {
      error(at, expectedGot(yearsOfAHistory(), shown(v)));
      return out;
    }
    for (std::size_t i = 0; i < v.keys.size(); ++i) {
      const std::string& y = v.keys[i];
      if (y.size() != 4 || !std::all_of(y.begin(), y.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        error(at + "." + y, "a history key is a year such as \"2023\"");
        continue;
      }
      if (v.values[i].isNull()) continue;
      out.emplace_back(std::stoi(y), &v.values[i]);
    }
    return out;
  }

  // `subject`: the object's; a citation of a clause of another subject is refused, as polc refuses it.
  void received(const Json& v, const std::string& at, std::vector<Received>& out, int subject) {
    if (!v.isArray()) {
      error(at, expectedGot(awardsReceived(), shown(v)));
      return;
    }
    for (std::size_t i = 0; i < v.array.size(); ++i) {
      const Json& r = v.array[i];
      std::string here = at + "[" + std::to_string(i) + "]";
      if (!r.isObject()) {
        error(here, expectedGot(anAwardReceived(), shown(r)));
        continue;
      }
      Received rec;
      bool ok = true, hasAmount = false, hasYear = false;
      std::string targetKey;  // the key the target was given under, if it was
      for (std::size_t k = 0; k < r.keys.size(); ++k) {
        const std::string& key = r.keys[k];
        const Json& x = r.values[k];
        if (x.isNull() && isReceivedField(key)) continue;  // left out
        if (key == "citation" || key == "条款") {
          rec.citation = x.isString() ? x.text : "";
          rec.clause = citation(rec.citation);
          if (rec.clause < 0) {
            error(here + "." + key, unknownCitation(shown(x), x.isString() && namesAnotherDocument(p_, x.text)));
            ok = false;
          } else if (std::string why = misplaced(p_, rec.clause, subject); !why.empty()) {
            error(here + "." + key, why);
            ok = false;
          }
        } else if (key == "target" || key == "标的") {
          rec.target = -1;
          for (int t = 0; t < p_.targets.size; ++t)
            if (x.isString() && x.text == p_.targets[t]) rec.target = t;
          if (rec.target < 0) {
            error(here + "." + key, unknownTarget(shown(x)));
            ok = false;
          } else {
            targetKey = key;
          }
        } else if (key == "amount" || key == "金额") {
          std::size_t before = errors.size();
          rec.amount = number(x, here + "." + key, "元", false);
          ok = ok && errors.size() == before;
          hasAmount = true;
        } else if (key == "year" || key == "年度") {
          if (!x.isText() || x.text.size() != 4 ||
              !std::all_of(x.text.begin(), x.text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            error(here + "." + key, expectedAYear(shown(x)));
            ok = false;
          } else {
            rec.year = std::stoi(x.text);
          }
          hasYear = true;
        } else if (key.empty() || key[0] != '_') {
          error(here + "." + key, unknownAwardField());
          ok = false;
        }
      }
      if (!hasAmount) error(here + ".amount", "missing: the amount received");
      if (!hasYear) error(here + ".year", "missing: the year it was received");
      if (rec.clause < 0 && rec.target < 0 && ok) error(here, noCitationNorTarget());
      if (rec.clause >= 0 && rec.target >= 0)
        if (std::string why = otherTarget(p_, rec.clause, rec.target); !why.empty()) {
          error(here + "." + targetKey, why);
          ok = false;
        }
      if (ok && hasAmount && hasYear) out.push_back(rec);
    }
  }

 private:
  int citation(const std::string& text) const { return clauseIndex(p_, text); }
  bool atom(const std::string& a, std::string& dim, int& pow10, int64_t& num, int64_t& den) const {
    if (a.empty() || a == "1") {
      dim = "a plain number";
      return true;
    }
    if (a == "%" || a == "‰") {
      dim = "a plain number";
      pow10 = a == "%" ? -2 : -3;
      return true;
    }
    for (const auto& u : units_)
      if (a == u.name) {
        dim = u.dimension;
        pow10 = u.pow10;
        num = u.scaleNum;
        den = u.scaleDen;
        return true;
      }
    static const std::pair<const char*, int> kPrefixes[] = {{"万亿", 12}, {"千亿", 11}, {"百亿", 10}, {"十亿", 9},
                                                            {"千万", 7},  {"百万", 6},  {"十万", 5},  {"亿", 8},
                                                            {"万", 4},    {"千", 3},    {"百", 2},    {"十", 1}};
    for (const auto& [text, p] : kPrefixes) {
      std::size_t n = std::strlen(text);
      if (a.compare(0, n, text) == 0) {
        if (!atom(a.substr(n), dim, pow10, num, den)) return false;
        pow10 += p;
        return true;
      }
    }
    return false;
  }
  // A unit, or a compound (万元/吨, 万元/吨/年: the first part over each of the others) as polc's
  // reader takes it (sema::resolveUnit); `bad`: the part no unit names, the first as polc's reader
  // finds it.
  bool resolve(const std::string& unit, std::string& dim, int& pow10, int64_t& num, int64_t& den, std::string& bad) const {
    std::vector<std::string> parts;
    for (std::size_t start = 0;;) {
      const std::size_t slash = unit.find('/', start);
      parts.push_back(unit.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
      if (slash == std::string::npos) break;
      start = slash + 1;
    }
    std::vector<std::string> dims(parts.size());
    pow10 = 0;
    num = den = 1;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      bad = parts[i].empty() && parts.size() > 1 ? unit : parts[i];
      int p = 0;
      int64_t n = 1, d = 1;
      if ((parts[i].empty() && parts.size() > 1) || !atom(parts[i], dims[i], p, n, d)) return false;
      pow10 += i == 0 ? p : -p;
      num *= i == 0 ? n : d;
      den *= i == 0 ? d : n;
    }
    bad = unit;
    dim = parts.size() == 1 ? dims[0] : quotientDimension(dims, bases());
    return true;
  }
  // polc's base units in its order, 元 first: the units whose dimension is their own name, which
  // the table lists in their declaration order (Model::units), as Model::baseUnits does.
  std::vector<std::string> bases() const {
    std::vector<std::string> out;
    for (const auto& u : units_)
      if (std::string(u.name) == u.dimension) out.push_back(u.name);
    return out;
  }

  Units units_;
  const ProgramInfo& p_;
};

}  // namespace polc_rt
