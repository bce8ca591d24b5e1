// Small pure functions that take literal tokens apart. Kept apart from the builder so that they are
// unit-tested on their own.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace polc {

// "\"a\\\"b\"" → a"b. Escapes: \" \\ \n \t; an unknown escape keeps the character.
std::string unquoteString(const std::string& token);

// YYYY-MM-DD with a real month and day (leap years included).
bool isValidDate(const std::string& date);

// "1000万元" → ("1000", "万元"); "12%" → ("12", "%"); "3.70%/年" → ("3.70", "%/年").
void splitQuantity(const std::string& token, std::string& number, std::string& unit);

// "3" → 3; "3.1" → {3, 1}; "3.1.2" → nullopt. A zero part is rejected.
std::optional<std::pair<int, int>> splitClauseNumber(const std::string& text);

// "3.3.1" → {3, 3, 1}; any non-digit part or zero → empty.
std::vector<int> splitDotted(const std::string& text);

// "第3条第3款第1项" → article 3, clause 3, item 1 (missing parts stay 0).
void parseCitation(const std::string& token, int& article, int& clause, int& item);

// "第3条第3款" style for display; clause/item 0 are omitted.
std::string formatCitation(int article, int clause, int item);

}  // namespace polc
