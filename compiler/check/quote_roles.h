// What a number of a 原文 is in its sentence, read from the words around it: a cap (最高500万元,
// 不超过, 封顶), a threshold (超过5000万元的, 达到…以上, 首次突破), an amount or a rate paid (给予50万元奖励,
// 按10%). W0642 compares it with what the code makes of the same number, to catch a threshold and a
// cap of one sentence swapped, which the comparison of values alone (W0639) cannot see.
#pragma once

#include <cstddef>
#include <string_view>

namespace polc::check {

enum Role : unsigned { kCap = 1, kThreshold = 2, kAmount = 4 };

// The roles the words between `from` and the number at [begin, end), and between it and `to`, give
// it; 0 when they name none, or when the number stands in no clause of its own. Words of two roles
// (不超过: a cap, or a threshold in 投资不超过500万元的) give both: a number is only ever reported when
// its words exclude the code's role.
unsigned rolesAround(std::u32string_view text, std::size_t from, std::size_t begin, std::size_t end, std::size_t to);

// Whether the text between two numbers only lists them (`200万元、100万元`, `100—300万元`, `3至5年`):
// the words before the first and after the last then speak for each.
bool listsOnly(std::u32string_view between);

// The role names for a message: "a cap", "a threshold or a cap", …
const char* roleName(unsigned roles);

}  // namespace polc::check
