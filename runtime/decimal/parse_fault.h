// Why Decimal::parse refused a number that is written correctly. Without it, a value beyond the
// decimal's limits reads as a malformed one (`expected money, got "1.1234567890123456789"`), and
// the user looks for a typo that is not there.
#pragma once

#include <string>
#include <string_view>

namespace polrt {

// " (more than 18 decimal places)" or " (too many digits for an exact decimal)" when `text` is
// [+-]digits[.digits] that Decimal::parse refuses; "" for any other text, so that a caller can
// append it to its own "expected a number" message.
std::string decimalLimitNote(std::string_view text);

}  // namespace polrt
