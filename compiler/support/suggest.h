// Did-you-mean: the closest known name to an unknown one, by edit distance over code points (so a
// one-character slip in a three-character Chinese name is found).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace polc {

// Levenshtein distance over code points: insertions, deletions and replacements.
std::size_t editDistance(const std::u32string& a, const std::u32string& b);

std::optional<std::string> closestName(const std::string& unknown,
                                       const std::vector<std::string>& candidates);

}  // namespace polc
