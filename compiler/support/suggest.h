// Did-you-mean: the closest known name to an unknown one, by edit distance over code points (so a
// one-character slip in a three-character Chinese name is found).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace polc {

std::optional<std::string> closestName(const std::string& unknown,
                                       const std::vector<std::string>& candidates);

}  // namespace polc
