#include "driver/test_compare.h"

#include <algorithm>

#include <fmt/format.h>

#include "decimal/citation_match.h"
#include "syntax/literals.h"

namespace polc::testfile {

namespace {

// One difference as a failure shows it: what the case expects, then what the evaluator gave.
void difference(std::vector<std::string>& lines, const std::string& key, const std::string& want,
                const std::string& got) {
  lines.push_back(fmt::format("  - {}: {}", key, want));
  lines.push_back(fmt::format("  + {}: {}", key, got));
}

// Each text expected under `key` must be contained in one of the award's texts there; an empty
// list expects none at all (a case that asserts an award carries no note, or needs no fact).
void containsEach(const json& e, const json& a, const char* key, const char* what, const std::string& where,
                              std::vector<std::string>& lines) {
  if (!e.contains(key)) return;
  const json& want = e.at(key);
  if (!want.is_array()) throw TestFileError(fmt::format("{}.{}: expected an array of {}", where, key, what));
  // A key the result leaves out when it has nothing (may_be_replaced_by) is an empty list.
  const json got = a.contains(key) ? a.at(key) : json::array();
  std::string shownGot;
  for (const auto& g : got) shownGot += (shownGot.empty() ? "" : ", ") + g.get<std::string>();
  if (want.empty() && !got.empty()) difference(lines, fmt::format("{} (none)", key), "(none)", shownGot);
  for (const auto& x : want) {
    std::string text = shown(x);
    bool any = std::any_of(got.begin(), got.end(),
                           [&](const json& g) { return g.get<std::string>().find(text) != std::string::npos; });
    if (!any) difference(lines, fmt::format("{} (contains)", key), text, shownGot.empty() ? "(none)" : shownGot);
  }
}

}  // namespace

// The citation as the program prints it, from the full citation or the document's name followed
// by 第N条第M款 (spaces ignored); a typo is a test-file error, so that `absent` never passes vacuously.
std::string Comparison::citation(const json& v, const std::string& where) const {
  if (!v.is_string()) throw TestFileError(fmt::format("{}: expected a citation string, got {}", where, shown(v)));
  const std::string want = polrt::citationKey(v.get<std::string>());
  for (const auto& cl : p_.clauses) {
    const ir::Document& d = p_.documents[static_cast<std::size_t>(cl.document)];
    if (polrt::citesClause(want, cl.citation, d.number, d.name)) return cl.citation;
  }
  throw TestFileError(fmt::format("{}: no clause has the citation \"{}\"", where, v.get<std::string>()));
}

std::vector<const json*> Comparison::find(const std::string& cit, const std::string* item) const {
  std::vector<const json*> out;
  for (const auto& a : result_.at("awards"))
    if (a.at("citation") == cit && (!item || a.at("for") == *item)) out.push_back(&a);
  return out;
}

void Comparison::award(const json& e, const std::string& where) {
  if (!e.is_object()) throw TestFileError(fmt::format("{}: expected an object with a citation", where));
  checkKeys(e,
            {"citation", "for", "count", "kind", "status", "form", "min", "max", "computed_max", "capped",
             "quota_limited", "payee", "funding", "funding_arrangement", "installments", "reason", "missing",
             "notes", "may_be_replaced_by", "category", "target", "benefit"},
            where);
  if (!e.contains("citation")) throw TestFileError(where + ": missing \"citation\"");
  // A misspelt value ("keep") would only show as a difference with the result: it is the test's error.
  static const std::pair<const char*, std::vector<std::string>> kValues[] = {
      {"status", {"kept", "capped", "quota_limited", "dropped", "not_assessable", "already_received"}},
      {"form", {"exact", "up_to", "range"}},
      {"kind", {"pay", "benefit", "negotiated"}}};
  for (const auto& [key, allowed] : kValues)
    if (e.contains(key) && !(e.at(key).is_null() && std::string(key) == "form") &&  // no form: not a payment
        (!e.at(key).is_string() ||
                            std::find(allowed.begin(), allowed.end(), e.at(key).get<std::string>()) == allowed.end()))
      throw TestFileError(fmt::format("{}.{}: {} is not one of {}", where, key, shown(e.at(key)), fmt::join(allowed, ", ")));
  std::string cit = citation(e.at("citation"), where + ".citation");
  std::string item;
  if (e.contains("for")) item = shown(e.at("for"));
  auto found = find(cit, e.contains("for") ? &item : nullptr);
  std::string label = cit + (item.empty() ? "" : " " + item);
  matched_.insert(found.begin(), found.end());
  for (const json* a : found) {
    std::string st = a->at("status").get<std::string>();
    (st == "kept" || st == "capped" || st == "quota_limited" ? paid : unpaid).insert(cit);
    if (st == "dropped") dropped.insert(cit);
  }
  if (e.contains("count")) {
    int n = intOf(e.at("count"), where + ".count");
    if (static_cast<int>(found.size()) != n) {
      diffs.push_back(fmt::format("{}", label));
      diffs.push_back(fmt::format("  - count: {}", n));
      diffs.push_back(fmt::format("  + count: {}", found.size()));
      return;
    }
  } else if (found.size() != 1) {
    diffs.push_back(label);
    if (found.empty()) {
      diffs.push_back("  - an award");
      diffs.push_back("  + no award (the clause does not apply)");
    } else {
      diffs.push_back("  - one award");
      diffs.push_back(fmt::format("  + {} awards (for {}); say which with \"for\", or give \"count\"",
                                  found.size(), forList(found)));
    }
    return;
  }
  for (const json* a : found) fields(e, *a, found.size() > 1 || item.empty() ? label + " " + a->at("for").get<std::string>() : label, where);
}

void Comparison::absent(const json& e, const std::string& where) {
  std::string cit, item;
  bool hasItem = false;
  if (e.is_object()) {
    checkKeys(e, {"citation", "for"}, where);
    if (!e.contains("citation")) throw TestFileError(where + ": missing \"citation\"");
    cit = citation(e.at("citation"), where + ".citation");
    if (e.contains("for")) {
      item = shown(e.at("for"));
      hasItem = true;
    }
  } else {
    cit = citation(e, where);
  }
  auto found = find(cit, hasItem ? &item : nullptr);
  if (found.empty()) {
    unpaid.insert(cit);
    return;
  }
  diffs.push_back(cit + (hasItem ? " " + item : ""));
  diffs.push_back("  - absent (the clause does not apply)");
  for (const json* a : found) diffs.push_back("  + " + summary(*a));
}

// With "exhaustive": every award that pays (kind pay; kept, capped or quota-limited) is expected.
void Comparison::exhaustive() {
  for (const auto& a : result_.at("awards")) {
    if (matched_.count(&a) || a.at("kind") != "pay") continue;
    std::string st = a.at("status").get<std::string>();
    if (st != "kept" && st != "capped" && st != "quota_limited") continue;
    diffs.push_back(a.at("citation").get<std::string>() + " " + a.at("for").get<std::string>());
    diffs.push_back("  - no other award pays (\"exhaustive\")");
    diffs.push_back("  + " + summary(a));
  }
}

void Comparison::totals(const json& e, const std::string& where) {
  if (!e.is_object()) throw TestFileError(where + ": expected an object");
  checkKeys(e, {"exact", "up_to", "min", "max", "range_min", "range_max", "by_payer", "counts", "may_be_replaced"}, where);
  const json& t = result_.at("totals");
  std::vector<std::string> lines;
  auto amount = [&](const char* key, const json& actual) {
    if (!e.contains(key)) return;
    if (!sameDecimal(e.at(key), actual, where + "." + key)) {
      difference(lines, key, shown(e.at(key)), shown(actual));
    }
  };
  amount("exact", t.at("exact"));
  amount("up_to", t.at("up_to"));
  amount("min", t.at("min"));
  amount("max", t.at("max"));
  amount("range_min", t.at("range").at("min"));
  amount("range_max", t.at("range").at("max"));
  if (e.contains("by_payer")) {
    json actual = json::object();
    for (const auto& b : t.at("by_payer")) actual[b.at("payer").get<std::string>()] = b;
    payers(e.at("by_payer"), actual, "by_payer", where + ".by_payer", lines);
  }
  if (e.contains("may_be_replaced")) {  // how many kept awards a group may still drop (0: the key is absent)
    const int want = intOf(e.at("may_be_replaced"), where + ".may_be_replaced");
    const int got = t.contains("may_be_replaced") ? t.at("may_be_replaced").at("count").get<int>() : 0;
    if (want != got) difference(lines, "may_be_replaced", std::to_string(want), std::to_string(got));
  }
  if (e.contains("counts")) {
    const json& c = e.at("counts");
    if (!c.is_object()) throw TestFileError(where + ".counts: expected an object");
    for (const auto& [key, value] : c.items()) {
      if (!t.at("counts").contains(key))
        throw TestFileError(fmt::format("{}.counts: unknown count \"{}\"", where, key));
      int want = intOf(value, where + ".counts." + key);
      int got = t.at("counts").at(key).get<int>();
      if (want != got) {
        difference(lines, "counts." + key, std::to_string(want), std::to_string(got));
      }
    }
  }
  if (!lines.empty()) {
    diffs.push_back("totals");
    diffs.insert(diffs.end(), lines.begin(), lines.end());
  }
}

std::string Comparison::summary(const json& a) {
  std::string s = a.at("status").get<std::string>();
  if (a.at("kind") != "pay") s += " " + a.at("kind").get<std::string>();
  if (!a.at("form").is_null()) {
    s += " " + a.at("form").get<std::string>() + " ";
    s += a.at("form") == "exact" ? a.at("max").get<std::string>()
                                 : a.at("min").get<std::string>() + "–" + a.at("max").get<std::string>();
  }
  std::string parts;
  for (const auto& f : a.at("funding"))
    parts += (parts.empty() ? "" : ", ") + f.at("payer").get<std::string>() + " " +
             (f.at("min") == f.at("max") || a.at("form") != "range"
                  ? f.at("max").get<std::string>()
                  : f.at("min").get<std::string>() + "–" + f.at("max").get<std::string>());
  if (!parts.empty()) s += " [" + parts + "]";
  std::string years;
  for (const auto& i : a.at("installments"))
    years += (years.empty() ? "" : ", ") + std::to_string(i.at("year").get<int>()) + " " + i.at("max").get<std::string>();
  if (!years.empty()) s += " (分期 " + years + ")";
  if (!a.at("funding_arrangement").is_null()) s += " [" + a.at("funding_arrangement").get<std::string>() + "]";
  if (a.at("status") == "dropped" || a.at("status") == "not_assessable") {
    std::string r = a.at("reason").get<std::string>();
    auto cut = r.find("；原文");
    if (cut != std::string::npos) r = r.substr(0, cut);
    s += " — " + r;
  }
  return s;
}

std::string Comparison::forList(const std::vector<const json*>& found) {
  std::string out;
  for (const json* a : found) out += (out.empty() ? "" : ", ") + a->at("for").get<std::string>();
  return out;
}

void Comparison::fields(const json& e, const json& a, const std::string& label, const std::string& where) {
  std::vector<std::string> lines;
  for (const char* key : {"kind", "status", "form", "payee", "category", "target", "benefit"}) {
    if (!e.contains(key)) continue;
    const json& want = e.at(key);
    if (shown(want) != shown(a.at(key))) difference(lines, key, shown(want), shown(a.at(key)));
  }
  for (const char* key : {"min", "max", "computed_max"}) {
    if (!e.contains(key)) continue;
    if (e.at(key).is_null() ? !a.at(key).is_null() : !sameDecimal(e.at(key), a.at(key), where + "." + key))
      difference(lines, key, shown(e.at(key)), shown(a.at(key)));
  }
  for (const char* key : {"capped", "quota_limited"}) {
    if (!e.contains(key)) continue;
    bool want = boolOf(e.at(key), where + "." + key);
    if (want != a.at(key).get<bool>()) difference(lines, key, want ? "true" : "false", a.at(key).get<bool>() ? "true" : "false");
  }
  if (e.contains("funding_arrangement")) {
    const json& want = e.at("funding_arrangement");
    if (shown(want) != shown(a.at("funding_arrangement")))
      difference(lines, "funding_arrangement", shown(want), shown(a.at("funding_arrangement")));
  }
  if (e.contains("funding")) {
    json actual = json::object();
    for (const auto& f : a.at("funding")) actual[f.at("payer").get<std::string>()] = f;
    payers(e.at("funding"), actual, "funding", where + ".funding", lines);
  }
  if (e.contains("installments")) {  // year → that year's part, as funding is payer → part
    json actual = json::object();
    for (const auto& i : a.at("installments")) actual[std::to_string(i.at("year").get<int>())] = i;
    payers(e.at("installments"), actual, "installments", where + ".installments", lines);
  }
  if (e.contains("reason")) {
    std::string want = shown(e.at("reason"));
    std::string got = a.at("reason").get<std::string>();
    if (got.find(want) == std::string::npos) difference(lines, "reason (contains)", want, got.empty() ? "(none)" : got);
  }
  containsEach(e, a, "missing", "fact names", where, lines);
  containsEach(e, a, "notes", "note texts", where, lines);
  containsEach(e, a, "may_be_replaced_by", "citations", where, lines);
  if (!lines.empty()) {
    diffs.push_back(label);
    diffs.insert(diffs.end(), lines.begin(), lines.end());
  }
}

// Payer → amount: a string is the max (and, unless the award is a range, the min too: an up-to
// award's parts have min 0, so only the max is compared for those); {"min", "max"} compares both.
// The payers must be exactly those expected.
void Comparison::payers(const json& want, const json& actual, const std::string& key, const std::string& where,
            std::vector<std::string>& lines) {
  if (!want.is_object()) throw TestFileError(where + ": expected an object " + (key == "installments" ? "year" : "payer") + " → amount");
  auto text = [](const json& v) {
    return v.at("min") == v.at("max") ? v.at("max").get<std::string>()
                                       : v.at("min").get<std::string>() + "–" + v.at("max").get<std::string>();
  };
  for (const auto& [payer, amount] : want.items()) {
    std::string at = where + "." + payer;
    if (!actual.contains(payer)) {
      difference(lines, key + "." + payer, shown(amount), fmt::format("(no such {})", key == "installments" ? "year" : "payer"));
      continue;
    }
    const json& got = actual.at(payer);
    bool ok;
    if (amount.is_object()) {
      checkKeys(amount, {"min", "max"}, at);
      ok = (!amount.contains("min") || sameDecimal(amount.at("min"), got.at("min"), at + ".min")) &&
           (!amount.contains("max") || sameDecimal(amount.at("max"), got.at("max"), at + ".max"));
    } else {
      ok = sameDecimal(amount, got.at("max"), at);
    }
    if (!ok) {
      difference(lines, key + "." + payer, shown(amount), text(got));
    }
  }
  for (const auto& [payer, got] : actual.items()) {
    if (want.contains(payer)) continue;
    difference(lines, key + "." + payer, "(not expected)", text(got));
  }
}

}  // namespace polc::testfile
