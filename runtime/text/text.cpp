#include "text/text.h"

#include <cstdio>
#include <ctime>

#include "bytecode/format.h"
#include "decimal/award_words.h"
#include "decimal/date_words.h"
#include "decimal/money_words.h"

namespace polrt::text {

// The words are money_words.h's, which the generated C++ carries too.
std::optional<Decimal> scaled(const Decimal& v, int exp, int places) { return scaledExactly(v, exp, places); }

std::string money(const Decimal& yuan) { return moneyWords(yuan); }

std::string grouped(const Decimal& v) { return groupedYuan(v); }

std::string amountText(const Decimal& lo, const Decimal& hi, int form) {
  return amountWords(lo, hi, form, [](const Decimal& v) { return money(v); });
}

int daysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

int today() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  return daysFromCivil(tm.tm_year + 1900, static_cast<unsigned>(tm.tm_mon + 1), static_cast<unsigned>(tm.tm_mday));
}

static void civilFromDays(int z, int& y, unsigned& m, unsigned& d) {
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

std::optional<int> parseDate(std::string_view text) {
  CivilDate d = readCivilDate(text);
  if (!d.problem.empty()) return std::nullopt;
  return daysFromCivil(d.year, d.month, d.day);
}

std::string formatDate(int day) {
  int y;
  unsigned m, d;
  civilFromDays(day, y, m, d);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  return buf;
}

int yearOf(int day) {
  int y;
  unsigned m, d;
  civilFromDays(day, y, m, d);
  return y;
}

}  // namespace polrt::text
