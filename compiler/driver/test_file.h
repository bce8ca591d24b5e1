// Reading polc test files (docs/testing.md): their JSON values, each checked with the place of an
// error, which fails the case with that place rather than the run.
#pragma once

#include <set>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "decimal/decimal.h"

namespace polc::testfile {

using json = nlohmann::json;

// A malformed test file or case: reported as a failure of that case, never a crash.
struct TestFileError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A value as the report shows it: a string or a number as its text, anything else as JSON. Test
// files are read with facts::parseFactsJson, so a number keeps its text (an amount may be written
// as one) and the facts of a case are read exactly as a facts file is.
std::string shown(const json& v);
// A decimal string in 元.
polrt::Decimal decimalOf(const json& v, const std::string& where);
// Whether `actual` (polc's JSON) is the decimal `expected` says.
bool sameDecimal(const json& expected, const json& actual, const std::string& where);
// A whole number, not negative.
int intOf(const json& v, const std::string& where);
bool boolOf(const json& v, const std::string& where);
// Every key of `obj` is one of `allowed` (keys starting with `_` are comments).
void checkKeys(const json& obj, const std::set<std::string>& allowed, const std::string& where);

}  // namespace polc::testfile
