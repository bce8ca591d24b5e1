// The token before an unexpected one, as the syntax hints read it: what the writer wrote just
// before the place where parsing stopped.
#pragma once

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

}  // namespace polc
