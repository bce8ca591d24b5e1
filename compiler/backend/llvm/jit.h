// The LLVM backend (docs/llvm.md): compiles the code blocks of a verified bytecode program
// (polrt::Program) to native functions, either in-process with ORC LLJIT or to LLVM IR text and
// object files. The runtime's Session then calls the native function of a block instead of
// interpreting it; everything around the blocks (items, caps, non-stacking, funding, totals)
// stays the runtime's. No LLVM type appears in this header: only compiler/backend/llvm/*.cpp see
// LLVM.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "bytecode/program.h"

namespace polc::llvmjit {

// True when polc was built with LLVM (POLC_WITH_LLVM); otherwise every call below fails with an
// error saying so.
bool available();

// Owns the JIT and the code it made. The Program it was attached to must outlive it, and must
// not be used by a Session after it is destroyed (its native table points into this code).
class NativeCode {
 public:
  virtual ~NativeCode() = default;
  // Blocks compiled to native code; the others stay with the interpreter.
  virtual std::size_t nativeBlocks() const = 0;
};

// Compiles the program's blocks to native code and attaches them to `program` (its native table).
// Returns nullptr and sets `error` on failure; the program is then left untouched.
std::unique_ptr<NativeCode> attach(polrt::Program& program, std::string& error);

// The LLVM IR (text) of the program's native blocks. Returns false and sets `error` on failure.
bool emitLlvmIr(const polrt::Program& program, std::string& out, std::string& error);

// An object file for the host that embeds `polb` (the program's .polb bytes) and its native blocks,
// and exports the C entry point `polrt_status <entry>(polrt_program** out)` (runtime/include/polrt.h).
bool emitObject(const polrt::Program& program, const std::vector<uint8_t>& polb, const std::string& entry,
                std::vector<uint8_t>& out, std::string& error);

}  // namespace polc::llvmjit
