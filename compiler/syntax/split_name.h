// `改造\uFEFF投资`: an invisible or white-space character inside a name, brought in by text copied
// from a web page or a word processor. The writer sees 改造投资; polc reads two names (or an
// invalid character between them), so the diagnostic names the character and the name it splits.
#pragma once

#include <optional>
#include <string>

#include <antlr4-runtime.h>

namespace polc {

struct SplitName {
  const antlr4::Token* character = nullptr;  // the token of the character: white space or ERRCHAR
  const antlr4::Token* before = nullptr;     // the name's part before it: 改造
  const antlr4::Token* after = nullptr;      // and after it: 投资
  std::string what;                          // "a zero-width no-break space (U+FEFF)"
  std::string name;                          // the name it splits, whole: 改造投资
};

// The split, when `offending` is the character itself (an invalid one such as U+200B or U+00A0)
// or the name just after it (U+FEFF and U+3000 are white space) and Chinese characters stand
// right before and after it. A BOM at the start of a file has no name before it and stays white space.
// White space (U+3000, U+FEFF) splits a name only when the text parses once it is deleted, or the
// name is written whole elsewhere in the file; else it stood for a space, and the error is another.
std::optional<SplitName> splitName(antlr4::Parser* parser, const antlr4::Token* offending);

}  // namespace polc
