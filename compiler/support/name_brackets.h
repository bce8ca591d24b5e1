// A name of the policy text keeps its full-width brackets (省级首台（套）重大装备, language.md §2.2);
// typed as ASCII ones, they split it (the parser's error) or make it a call (sema's E0212). Both
// give this one help.
#pragma once

#include <string>

namespace polc {

// The help for a name whose （ ） were typed as ( ): `name` is the name meant, with its （ ）.
std::string asciiBracketsInNameHelp(const std::string& name);

}  // namespace polc
