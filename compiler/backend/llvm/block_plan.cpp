// Stack heights and handlers per instruction (block_plan.h). The heights are the stack effects of
// docs/bytecode.md; the runtime checks every op's resulting height against them (native_abi.h), so
// a disagreement is an error message, never a wrong result.
#include "backend/llvm/block_plan.h"

namespace polc::llvmjit {

using namespace polrt::bc;

uint32_t heightAfter(const Insn& in, uint32_t sp, bool taken) {
  switch (in.op) {
    case OP_NUM: case OP_BOOL: case OP_ENUM: case OP_SET: case OP_DATE: case OP_TEXT: case OP_FACT: case OP_PREV:
    case OP_HISTMAX: case OP_INCREASE: case OP_NEWLY: case OP_MARG_BEGIN: case OP_ANDOR_END:
      return sp + 1;
    case OP_PARAM: return in.a ? sp : sp + 1;
    case OP_MARG_BAND: return sp - (in.a ? 3 : 2);
    case OP_STEPS: return sp - 3;
    case OP_ENDTRY: return taken ? sp : sp - 1;  // pops the bool; when it decides, pushes the decider
    case OP_MARG_TEST: return taken ? sp - 1 : sp;
    case OP_FIRSTOVER: case OP_ARITH: case OP_CMP: case OP_MEMBER: case OP_HAS: case OP_MINMAX: case OP_RANGE:
    case OP_CAP: case OP_JF: case OP_TIER_TEST: case OP_TIER_HIT: case OP_MARG_END:
      return sp - 1;
    default: return sp;  // NEG, UPTO, NOT, TRY, ANDOR_BEGIN, CASE_HIT, JMP
  }
}

bool mayJump(uint8_t op) {
  return op == OP_ENDTRY || op == OP_JF || op == OP_TIER_TEST || op == OP_MARG_TEST;
}

namespace {

// Pops needed by an op at the top of the stack (the verifier guarantees them; checked again so a
// plan never describes a negative height).
uint32_t pops(const Insn& in) {
  switch (in.op) {
    case OP_STEPS: return 4;
    case OP_MARG_BAND: return in.a ? 5 : 4;
    case OP_MARG_TEST: return 3;
    case OP_MARG_END: case OP_FIRSTOVER: case OP_ARITH: case OP_CMP: case OP_MEMBER: case OP_HAS: case OP_MINMAX:
    case OP_RANGE: case OP_CAP: case OP_TIER_TEST: case OP_TIER_HIT: return 2;
    case OP_PARAM: return in.a ? 1 : 0;
    case OP_NEG: case OP_UPTO: case OP_NOT: case OP_JF: case OP_ENDTRY: case OP_HALT: case OP_MARG_BEGIN: return 1;
    default: return 0;
  }
}

}  // namespace

BlockPlan planBlock(const polrt::Program& program, uint32_t blockIndex) {
  BlockPlan plan;
  const polrt::Block& b = program.blocks[blockIndex];
  const Insn* code = program.code.data() + b.start;
  const uint32_t n = b.count;
  plan.reached.assign(n, 0);
  plan.depth.assign(n, 0);
  plan.handler.assign(n, -1);
  auto reach = [&](uint32_t at, uint32_t depth, int handler, uint32_t from) {
    if (at <= from || at >= n) {
      plan.why = "instruction " + std::to_string(from) + ": jump outside the block or backwards";
      return false;
    }
    if (depth > kMaxStack) {
      plan.why = "instruction " + std::to_string(from) + ": stack deeper than the format allows";
      return false;
    }
    if (plan.reached[at] && (plan.depth[at] != depth || plan.handler[at] != handler)) {
      plan.why = "instruction " + std::to_string(at) + ": paths meet with different stacks or handlers";
      return false;
    }
    plan.reached[at] = 1;
    plan.depth[at] = depth;
    plan.handler[at] = handler;
    return true;
  };
  if (n == 0) {
    plan.why = "empty block";
    return plan;
  }
  plan.reached[0] = 1;
  for (uint32_t pc = 0; pc < n; ++pc) {
    if (!plan.reached[pc]) continue;
    const Insn& in = code[pc];
    const uint32_t d = plan.depth[pc];
    const int h = plan.handler[pc];
    if (in.op >= OP_COUNT) {
      plan.why = "instruction " + std::to_string(pc) + ": unknown opcode";
      return plan;
    }
    if (pops(in) > d) {
      plan.why = "instruction " + std::to_string(pc) + ": stack underflow";
      return plan;
    }
    switch (in.op) {
      case OP_HALT:
      case OP_NOMATCH: break;
      case OP_JMP:
        if (!reach(in.c, d, h, pc)) return plan;
        break;
      case OP_TRY: {
        plan.handlers.push_back(HandlerPlan{in.c, d, in.b, h});
        int inner = static_cast<int>(plan.handlers.size()) - 1;
        // The catch lands at the target with the handler's height, under the outer handler.
        if (!reach(in.c, d, h, pc) || !reach(pc + 1, d, inner, pc)) return plan;
        break;
      }
      case OP_ENDTRY: {
        if (h < 0) {
          plan.why = "instruction " + std::to_string(pc) + ": ENDTRY without TRY";
          return plan;
        }
        int outer = plan.handlers[h].outer;
        if (!reach(pc + 1, heightAfter(in, d, false), outer, pc) || !reach(in.c, heightAfter(in, d, true), outer, pc))
          return plan;
        break;
      }
      default:
        if (!reach(pc + 1, heightAfter(in, d, false), h, pc)) return plan;
        if (mayJump(in.op) && !reach(in.c, heightAfter(in, d, true), h, pc)) return plan;
        break;
    }
  }
  plan.ok = true;
  return plan;
}

}  // namespace polc::llvmjit
