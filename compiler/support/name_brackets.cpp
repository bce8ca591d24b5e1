#include "support/name_brackets.h"

#include <fmt/format.h>

namespace polc {

std::string asciiBracketsInNameHelp(const std::string& name) {
  return fmt::format("the ASCII brackets split a name; a name keeps the full-width brackets of the text: `{}`", name);
}

}  // namespace polc
