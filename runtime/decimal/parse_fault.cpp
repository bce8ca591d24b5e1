#include "decimal/parse_fault.h"

#include "decimal/decimal.h"

namespace polrt {

POLRT_DECIMAL_DEF std::string decimalLimitNote(std::string_view text) {
  if (Decimal::parse(text)) return "";
  std::string_view body = text;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) body.remove_prefix(1);
  const auto dot = body.find('.');
  const std::string_view whole = body.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? std::string_view() : body.substr(dot + 1);
  const auto digitsOnly = [](std::string_view s) { return s.find_first_not_of("0123456789") == std::string_view::npos; };
  // Only a well-formed number has a limit to name; anything else is the caller's syntax error.
  if (whole.empty() || !digitsOnly(whole) || (dot != std::string_view::npos && (fraction.empty() || !digitsOnly(fraction))))
    return "";
  if (fraction.size() > static_cast<std::size_t>(Decimal::kMaxScale))
    return " (more than " + std::to_string(Decimal::kMaxScale) + " decimal places)";
  return " (too many digits for an exact decimal)";
}

}  // namespace polrt
