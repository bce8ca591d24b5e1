// The interpreter of code blocks (docs/bytecode.md, "Code"): a stack machine over the verified
// program. The op bodies are ops.h, shared with the native blocks of the LLVM backend
// (docs/llvm.md); this file is the dispatch loop and the handler stack. The clause-level steps
// that call it are evaluate.cpp.
#include <string>

#include "vm/native_abi.h"
#include "vm/ops.h"

namespace polrt {

using namespace bc;
using namespace detail;

namespace {

// Runs a block the LLVM backend compiled (Program::native). Its ops are the same functions.
Ops::Outcome runNative(NativeBlockFn fn, Ops::Frame& frame, uint32_t blockIndex) {
  switch (fn(&frame)) {
    case native::kValue: return Ops::Outcome::Value;
    case native::kNotAssessable: return Ops::Outcome::NotAssessable;
    case native::kNoMatch: return Ops::Outcome::NoMatch;
    case native::kThrew: std::rethrow_exception(frame.error);
    default: throw VmError{"internal error: native code of block " + std::to_string(blockIndex) + " lost its stack height"};
  }
}

}  // namespace

Session::Outcome Session::run(uint32_t blockIndex, const Val*& out) {
  if (fastKind_[blockIndex]) {
    Outcome o;
    if (fast(blockIndex, o)) {
      out = &fastOut_;
      return o;
    }
  }
  Val* st = stack_.data();
  Local* locals = locals_.data();
  if (!p_.native.empty() && p_.native[blockIndex]) {
    Ops::Frame frame;
    frame.s = this;
    frame.code = p_.code.data();
    frame.st = st;
    frame.locals = locals;
    out = &st[0];
    return runNative(p_.native[blockIndex], frame, blockIndex);
  }
  const Block& b = p_.blocks[blockIndex];
  const Insn* code = p_.code.data() + b.start;
  Handler* handlers = handlers_.data();
  uint32_t sp = 0, hc = 0, pc = 0;
  // An error under a handler is held by its 且/或 (Ops::erred), which goes on with its next operand.
  for (;;) {
    try {
      for (;;) {
        const Insn& in = code[pc++];
        Step step = Step::Next;
        switch (in.op) {
          case OP_HALT:
            out = &st[0];
            return Outcome::Value;
          case OP_TRY: handlers[hc++] = Handler{in.c, sp, in.b}; continue;
          case OP_JMP: pc = in.c; continue;
          case OP_ENDTRY:
            --hc;
            step = Ops::ENDTRY(*this, in, st, sp, locals);
            break;
#define POLRT_INTERP_OP(N) \
  case OP_##N: step = Ops::N(*this, in, st, sp, locals); break;
          POLRT_INTERP_OP(NUM) POLRT_INTERP_OP(BOOL) POLRT_INTERP_OP(ENUM) POLRT_INTERP_OP(SET) POLRT_INTERP_OP(DATE)
          POLRT_INTERP_OP(TEXT) POLRT_INTERP_OP(FACT) POLRT_INTERP_OP(PREV) POLRT_INTERP_OP(HISTMAX) POLRT_INTERP_OP(INCREASE)
          POLRT_INTERP_OP(FIRSTOVER) POLRT_INTERP_OP(NEWLY) POLRT_INTERP_OP(PARAM) POLRT_INTERP_OP(NEG) POLRT_INTERP_OP(ARITH)
          POLRT_INTERP_OP(CMP) POLRT_INTERP_OP(NOT) POLRT_INTERP_OP(MEMBER) POLRT_INTERP_OP(HAS)
          POLRT_INTERP_OP(ANDOR_BEGIN) POLRT_INTERP_OP(ANDOR_END) POLRT_INTERP_OP(JF) POLRT_INTERP_OP(TIER_TEST)
          POLRT_INTERP_OP(TIER_HIT) POLRT_INTERP_OP(CASE_HIT) POLRT_INTERP_OP(NOMATCH) POLRT_INTERP_OP(MARG_BEGIN)
          POLRT_INTERP_OP(MARG_TEST) POLRT_INTERP_OP(MARG_BAND) POLRT_INTERP_OP(MARG_END) POLRT_INTERP_OP(STEPS)
          POLRT_INTERP_OP(MINMAX) POLRT_INTERP_OP(UPTO) POLRT_INTERP_OP(RANGE) POLRT_INTERP_OP(CAP)
#undef POLRT_INTERP_OP
          default: throw VmError{"internal error: unknown opcode"};
        }
        switch (step) {
          case Step::Next: continue;
          case Step::Jump: pc = in.c; continue;
          default: break;  // NotAssessable or NoMatch (ops throw rather than return Threw)
        }
        // Either is caught by the innermost 且/或, which ranks it with its other operands.
        const bool noMatch = step == Step::NoMatch;
        if (hc == 0) return noMatch ? Outcome::NoMatch : Outcome::NotAssessable;
        const Handler& h = handlers[--hc];
        if (noMatch) Ops::unmatched(locals, h.local);
        else Ops::caught(locals, h.local);
        sp = h.sp;
        pc = h.target;
      }
    } catch (...) {
      if (hc == 0 || !Ops::erred(*this, locals, handlers[hc - 1].local, std::current_exception())) throw;
      const Handler& h = handlers[--hc];
      sp = h.sp;
      pc = h.target;
    }
  }
}

}  // namespace polrt
