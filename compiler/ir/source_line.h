// The source text of an expression or a funding rule as the IR keeps it: on one line. Explanation
// lines (`计算：…`) and evaluation errors quote it, and a policy may write a long expression over
// several lines, with comments between them.
#pragma once

#include <string>
#include <string_view>

namespace polc::ir {

// `source` with its comments (// … and # … to the end of the line, /* … */) dropped and each run
// of white space that held a line break or a comment made one space; other white space, and
// strings ("…", where // and # are text), stay as written.
std::string oneLine(std::string_view source);

}  // namespace polc::ir
