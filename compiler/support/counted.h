// Counts in the lines people read ("1 applicant", "2 applicants"), worded in one place so that
// every summary agrees in number; machines read the counts from --format json instead.
#pragma once

#include <string>
#include <string_view>

namespace polc {

// The noun as it follows the count n: English takes the plural for every count but one.
template <typename N>
std::string nounFor(N n, std::string_view noun) {
  return std::string(noun) + (n == 1 ? "" : "s");
}

template <typename N>
std::string counted(N n, std::string_view noun) { return std::to_string(n) + " " + nounFor(n, noun); }

}  // namespace polc
