#include "driver/test_file.h"

#include <fmt/format.h>

#include "facts/facts.h"

namespace polc::testfile {

std::string shown(const json& v) {
  if (auto text = facts::numberText(v)) return *text;
  if (v.is_null()) return "null";
  return v.dump(-1, ' ', false, json::error_handler_t::replace);
}

polrt::Decimal decimalOf(const json& v, const std::string& where) {
  const auto text = facts::numberText(v);
  if (!text) throw TestFileError(fmt::format("{}: expected a decimal string in 元, got {}", where, shown(v)));
  auto d = polrt::Decimal::parse(*text);
  if (!d) throw TestFileError(fmt::format("{}: expected a decimal string in 元, got \"{}\"", where, *text));
  return *d;
}

bool sameDecimal(const json& expected, const json& actual, const std::string& where) {
  polrt::Decimal e = decimalOf(expected, where);
  if (!actual.is_string()) return false;
  auto a = polrt::Decimal::parse(actual.get<std::string>());
  return a && *a == e;
}

int intOf(const json& v, const std::string& where) {
  std::string s = shown(v);
  try {
    std::size_t used = 0;
    int n = std::stoi(s, &used);
    if (used == s.size() && n >= 0) return n;
  } catch (const std::exception&) {
  }
  throw TestFileError(fmt::format("{}: expected a whole number, got {}", where, shown(v)));
}

bool boolOf(const json& v, const std::string& where) {
  if (v.is_boolean()) return v.get<bool>();
  throw TestFileError(fmt::format("{}: expected true or false, got {}", where, shown(v)));
}

void checkKeys(const json& obj, const std::set<std::string>& allowed, const std::string& where) {
  for (const auto& [key, value] : obj.items()) {
    (void)value;
    if (!key.empty() && key[0] == '_') continue;
    if (!allowed.count(key)) {
      std::string list;
      for (const auto& k : allowed) list += (list.empty() ? "" : ", ") + k;
      throw TestFileError(fmt::format("{}: unknown key \"{}\" (known: {})", where, key, list));
    }
  }
}

}  // namespace polc::testfile
