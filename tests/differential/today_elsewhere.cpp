// polc_runtime.h as a Windows compiler reads it: docs/cpp.md promises the standard library only,
// and today() called POSIX's localtime_r unguarded, which Windows does not have. Compiled (by the
// test generated_runtime_today_on_windows) with _WIN32 defined and localtime_r poisoned, against a
// localtime_s of Windows' form that answers 2024-06-30, the day today() must then return.
#include <algorithm>
#include <bitset>
#include <cctype>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <exception>
#include <iostream>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#pragma GCC poison localtime_r

// Windows' localtime_s (the target first, unlike C11's Annex K), here a fixed local date.
int localtime_s(std::tm* out, const std::time_t*) {
  *out = std::tm{};
  out->tm_year = 2024 - 1900;
  out->tm_mon = 5;
  out->tm_mday = 30;
  return 0;
}

#include "polc_runtime.h"

int main() {
  const int day = polc_rt::today();
  std::cout << polc_rt::formatDate(day) << "\n";
  return day == polc_rt::date("2024-06-30") ? 0 : 1;
}
