// The LLVM backend's code generator (private: the only header with LLVM types, included only by
// compiler/backend/llvm/*.cpp). One LLVM function per block the plan can describe
// (block_plan.h): each instruction becomes a call of its runtime op (runtime/vm/native_abi.h)
// with the instruction index and the static stack height, and the op's answer becomes a branch
// (next instruction, its jump target, the innermost handler, or a return).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>

#include "bytecode/program.h"

namespace polc::llvmjit {

struct Generated {
  std::unique_ptr<llvm::Module> module;
  std::vector<std::string> functions;  // per block: its function's name, empty when interpreted
  std::vector<std::string> why;        // per block: why it is interpreted (empty when compiled)
  std::size_t compiled = 0;
};

// `exported`: the block functions are visible symbols (the JIT looks them up by name); otherwise
// private to the object, which exports only its entry point.
Generated generate(llvm::LLVMContext& context, const polrt::Program& program, bool exported);

// Adds the embedded .polb bytes, the table of block functions and the C entry point
// `polrt_status <entry>(polrt_program** out)` (polrt_load_memory_native, runtime/include/polrt.h).
// The module's data layout must be set.
void addEmbedding(llvm::Module& module, const Generated& generated, const std::vector<uint8_t>& polb,
                  const std::string& entry);

}  // namespace polc::llvmjit
