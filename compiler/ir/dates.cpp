// Civil dates as day numbers (days since 1970-01-01), by Howard Hinnant's algorithms.
#include <cstdio>

#include "ir/ir.h"

namespace polc::ir {
namespace {

int daysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

void civilFromDays(int z, int& y, unsigned& m, unsigned& d) {
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

}  // namespace

std::optional<int> parseDate(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  int y = std::stoi(text.substr(0, 4));
  unsigned m = static_cast<unsigned>(std::stoi(text.substr(5, 2)));
  unsigned d = static_cast<unsigned>(std::stoi(text.substr(8, 2)));
  if (m < 1 || m > 12 || d < 1) return std::nullopt;
  static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  unsigned last = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  if (d > last) return std::nullopt;
  return daysFromCivil(y, m, d);
}

std::string formatDate(int day) {
  int y;
  unsigned m, d;
  civilFromDays(day, y, m, d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  return buf;
}

int yearOf(int day) {
  int y;
  unsigned m, d;
  civilFromDays(day, y, m, d);
  return y;
}

int Program::subjectIndex(const std::string& name) const {
  for (std::size_t i = 0; i < subjects.size(); ++i)
    if (subjects[i].name == name) return static_cast<int>(i);
  return -1;
}

bool Program::ownedBy(int s, int ancestor) const {
  for (int guard = 0; s >= 0 && guard <= static_cast<int>(subjects.size()); ++guard) {
    if (s == ancestor) return true;
    s = subjects[s].owner;
  }
  return false;
}

int Program::rootOf(int s) const {
  for (int guard = 0; s >= 0 && subjects[s].owner >= 0 && guard <= static_cast<int>(subjects.size());
       ++guard)
    s = subjects[s].owner;
  return s;
}

}  // namespace polc::ir
