// The tokens around an unexpected one, as the syntax hints read them: what the writer wrote just
// before the place where parsing stopped, and the name it stands in.
#pragma once

#include <cstddef>
#include <optional>
#include <utility>

#include <antlr4-runtime.h>

namespace polc {

// The token before `offending`, skipping white space and comments, and whether a line ends between
// them or anything separates them at all.
struct Previous {
  const antlr4::Token* token = nullptr;
  bool newLine = false;
  bool adjacent = true;
};
Previous previousToken(antlr4::Parser* parser, const antlr4::Token* offending);

// The run of names and brackets written without a space around `t` (`省级首台(套)重大装备`,
// `辖区（所在地)`): its first and last token indices, or nullopt when `t` is neither a name nor a
// bracket.
std::optional<std::pair<std::size_t, std::size_t>> nameAndBracketRun(antlr4::Parser* parser, const antlr4::Token* t);

}  // namespace polc
