#include "driver/same_file.h"

#include <filesystem>
#include <system_error>

namespace polc {

std::string inputReplacedBy(const std::string& output, const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  // A device or FIFO is written in place, not replaced: `--batch /dev/null --summary /dev/null` is
  // harmless.
  std::error_code regularEc;
  if (!fs::is_regular_file(output, regularEc)) return "";
  for (const auto& input : inputs) {
    std::error_code ec;  // a path that does not exist is no input's
    if (fs::equivalent(output, input, ec) && !ec) return input;
  }
  return "";
}

}  // namespace polc
