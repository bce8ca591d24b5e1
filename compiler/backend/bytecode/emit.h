// The bytecode backend: the IR (docs/ir.md) → a .polb file (docs/bytecode.md) that the runtime
// (runtime/bytecode, runtime/vm) loads without the compiler.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ir/ir.h"

namespace polc::bytecode {

struct EmitResult {
  std::vector<uint8_t> bytes;
  std::string error;  // non-empty: the program uses something the format cannot express
  bool ok() const { return error.empty(); }
};

EmitResult emit(const ir::Program& program);

// Writes `bytes` to `path` through a temporary file in the same directory and a rename, so the
// file is replaced whole or not at all. Returns an error message, empty on success.
std::string writeFileAtomically(const std::string& path, const std::vector<uint8_t>& bytes);

}  // namespace polc::bytecode
