// Text the runtime writes: amounts as a reader writes them (960万元), dates, and the civil
// calendar. The compiler writes its explanations and reads its dates with these too.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "decimal/decimal.h"

namespace polrt::text {

std::string money(const Decimal& yuan);      // 960万元, 2.5亿元, 1234.50元
std::string grouped(const Decimal& v);       // 12,000,000; 617,283.90 (money: to the fen)
std::string amountText(const Decimal& lo, const Decimal& hi, int form);  // form: bc::Form
std::optional<int> parseDate(std::string_view text);  // days since 1970-01-01
std::string formatDate(int day);
int yearOf(int day);
int daysFromCivil(int y, unsigned m, unsigned d);
// The local calendar day: the evaluation date when neither the caller nor the facts give one.
int today();
std::optional<Decimal> scaled(const Decimal& v, int exp, int places);

}  // namespace polrt::text
