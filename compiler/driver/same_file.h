// An output path that names one of the command's own inputs: writing the output there would
// replace the input (a clerk's batch of applicants, a policy file) with the result, and the run
// would still succeed. Compared as files, not as spellings: `./a.jsonl`, `../x/a.jsonl` or a
// symbolic link to it are the same file, since the writer follows links (support/atomic_file.h).
#pragma once

#include <string>
#include <vector>

namespace polc {

// The input that `output` is the same file as, or "" when it is none of them, does not exist yet
// (which no input can) or is not a regular file (a device or FIFO is written in place).
std::string inputReplacedBy(const std::string& output, const std::vector<std::string>& inputs);

}  // namespace polc
