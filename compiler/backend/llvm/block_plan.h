// What the LLVM backend needs to know about a block before it generates code: the operand-stack
// height and the enclosing TRY handlers at each instruction. Both are static: jumps go forward
// only, so one pass in instruction order sees every predecessor of an instruction first, and the
// verifier has already rejected blocks whose paths meet with different stack shapes. A block this
// plan cannot describe (paths meeting under different handlers, an opcode it does not know) stays
// with the interpreter; correctness never depends on what was compiled. No LLVM here.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "bytecode/program.h"

namespace polc::llvmjit {

struct HandlerPlan {
  uint32_t target = 0;  // instruction index within the block
  uint32_t sp = 0;      // stack height restored when it catches
  uint32_t local = 0;   // the 且/或 local marked unknown
  int outer = -1;       // the handler around this one
};

struct BlockPlan {
  bool ok = false;
  std::string why;                    // when !ok: why the block stays interpreted
  std::vector<uint8_t> reached;       // per instruction
  std::vector<uint32_t> depth;        // per instruction: stack height before it runs
  std::vector<int> handler;           // per instruction: innermost handler (index into handlers) or -1
  std::vector<HandlerPlan> handlers;  // one per TRY
};

// Stack height after `in` ran at height `sp`, falling through (taken = false) or jumping.
uint32_t heightAfter(const polrt::bc::Insn& in, uint32_t sp, bool taken);
// Whether `in` may jump to its c (besides JMP).
bool mayJump(uint8_t op);

BlockPlan planBlock(const polrt::Program& program, uint32_t block);

}  // namespace polc::llvmjit
