// Did-you-mean for the checker's diagnostics: the closest known name to an unknown one. The rule
// is runtime/decimal/name_suggest.h's, which the facts readers use too, so that a misspelt name is
// told the same name wherever it is written.
#pragma once

#include "decimal/name_suggest.h"

namespace polc {

using polrt::closestName;
using polrt::editDistance;

}  // namespace polc
