// polc_runtime.h, part 2 of 11: the civil calendar and the dates of recognitions.
// polc writes the parts as one header (runtime_header.cmake); each is a header of its own so
// that the source can be read, and compiled, a part at a time.
#pragma once

#include "values.h"

namespace polc_rt {

// ---- dates ------------------------------------------------------------------------------------

inline int daysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  // no -3 made unsigned: -Wsign-conversion
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}
inline void civilFromDays(int z, int& y, unsigned& m, unsigned& d) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
}
// Days since 1970-01-01 of a valid YYYY-MM-DD (the rule is polc_decimal.h's readCivilDate).
inline std::optional<int> parseDate(const std::string& text) {
  CivilDate d = readCivilDate(text);
  if (!d.problem.empty()) return std::nullopt;
  return daysFromCivil(d.year, d.month, d.day);
}
// A date the caller knows to be valid ("2024-06-30"). A null text is refused as a bad date is, with
// std::invalid_argument: std::string(nullptr) threw std::logic_error, an error docs/cpp.md never names.
inline int date(const char* text) {
  if (!text) throw std::invalid_argument("not a date YYYY-MM-DD: a null pointer");
  auto d = parseDate(text);
  if (!d) throw std::invalid_argument(std::string("not a date YYYY-MM-DD: ") + text);
  return *d;
}
inline std::string formatDate(int day) {
  int y;
  unsigned m, d;
  civilFromDays(day, y, m, d);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  return buf;
}
inline int yearOf(int day) {
  int y;
  unsigned m, d;
  civilFromDays(day, y, m, d);
  return y;
}
// The local date. std::localtime shares one std::tm between threads, so the thread-safe form of the
// platform is used: localtime_s on Windows (its argument order), POSIX localtime_r elsewhere.
inline int today() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
#ifdef _WIN32
  localtime_s(&tm, &t);
#else
  localtime_r(&t, &tm);
#endif
  return daysFromCivil(tm.tm_year + 1900, static_cast<unsigned>(tm.tm_mon + 1), static_cast<unsigned>(tm.tm_mday));
}
// A recognition held since an unknown date (never 新认定).
constexpr int kLongAgo = INT_MIN / 2;
// The days of the years 0000 to 9999, which the readers accept (0000-01-01 and 9999-12-31): a day
// set in code outside them is refused, since the calendar arithmetic above overflows far beyond.
constexpr int kFirstDay = -719528, kLastDay = 2932896;
inline bool dayInRange(int day) { return day >= kFirstDay && day <= kLastDay; }

}  // namespace polc_rt
