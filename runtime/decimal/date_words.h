// Whether a text is a date YYYY-MM-DD, and if not why, in one place for every reader of dates:
// polc's command line (--date), its facts reader (facts files, batch lines), `polc test`'s cases,
// the policy parser's date literals, the runtime's C API, and the generated C++'s facts reader
// (polc_decimal.h, made from these sources by compiler/backend/cpp/decimal_header.cmake, carries
// this header). A text of the right shape that names no day (2024-02-30) is told apart from one
// of another shape: its writer has the format right and needs the calendar, not the format.
#pragma once

#include <string>
#include <string_view>

namespace polrt {

struct CivilDate {
  int year = 0;
  unsigned month = 0, day = 0;
  bool shaped = false;  // YYYY-MM-DD in form, whether or not it names a day
  std::string problem;  // empty when the text is a date
};

inline CivilDate readCivilDate(std::string_view text) {
  CivilDate out;
  out.shaped = text.size() == 10 && text[4] == '-' && text[7] == '-';
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})  // unsigned: embedders compile with -Wsign-conversion
    out.shaped = out.shaped && text[i] >= '0' && text[i] <= '9';
  if (!out.shaped) {
    out.problem = "expected a date YYYY-MM-DD, got \"" + std::string(text) + "\"";
    return out;
  }
  auto num = [&](std::size_t at, std::size_t n) {
    unsigned v = 0;
    for (std::size_t i = 0; i < n; ++i) v = v * 10 + static_cast<unsigned>(text[at + i] - '0');
    return v;
  };
  out.year = static_cast<int>(num(0, 4));
  out.month = num(5, 2);
  out.day = num(8, 2);
  const std::string notADate = std::string(text) + " is not a date: ";
  if (out.month < 1 || out.month > 12) {
    out.problem = notADate + "there is no month " + std::to_string(out.month);
    return out;
  }
  static const char* const kNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};
  static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (out.year % 4 == 0 && out.year % 100 != 0) || out.year % 400 == 0;
  const unsigned last = kDays[out.month - 1] + (out.month == 2 && leap ? 1 : 0);
  if (out.day < 1 || out.day > last)
    out.problem = notADate + kNames[out.month - 1] + " " + std::string(text.substr(0, 4)) + " has " +
                  std::to_string(last) + " days";
  return out;
}

// Why `text` is no date YYYY-MM-DD, as a message names it; empty when it is one.
inline std::string dateProblem(std::string_view text) { return readCivilDate(text).problem; }

}  // namespace polrt
