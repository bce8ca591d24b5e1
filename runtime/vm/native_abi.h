// The C ABI between native block code (the LLVM backend, docs/llvm.md) and the runtime. A native
// block is `uint32_t block(void* frame)`: it returns one of the NativeResult codes, with the
// value, if any, in the frame's stack slot 0. It calls one exported function per instruction:
// `polrt_op_<OP>(frame, insn, sp)` runs instruction `insn` (an index into the program's code
// section) at stack height `sp` and returns `step | new_sp << 8` (step: detail::Step in ops.h).
// The functions are the interpreter's own op bodies (ops.h), so both agree by construction; they
// never throw (an exception is kept in the frame and rethrown by Session::run).
//
// Changing any name, signature or code here changes what compiled objects (polc build --emit=obj)
// link against: keep it append-only.
#pragma once

#include <stdint.h>

// Every instruction native code runs through the ABI. HALT, JMP and TRY are control structure the
// native code does itself.
#define POLRT_NATIVE_OPS(X)                                                                           \
  X(NUM) X(BOOL) X(ENUM) X(SET) X(DATE) X(TEXT) X(FACT) X(PREV) X(HISTMAX) X(INCREASE) X(FIRSTOVER)   \
  X(NEWLY) X(PARAM) X(NEG) X(ARITH) X(CMP) X(NOT) X(MEMBER) X(HAS) X(ENDTRY) X(ANDOR_BEGIN)           \
  X(ANDOR_END) X(JF) X(TIER_TEST) X(TIER_HIT) X(CASE_HIT) X(NOMATCH) X(MARG_BEGIN) X(MARG_TEST)       \
  X(MARG_BAND) X(MARG_END) X(STEPS) X(MINMAX) X(UPTO) X(RANGE) X(CAP)

#ifdef __cplusplus
extern "C" {
#endif

#define POLRT_DECLARE_NATIVE_OP(N) uint32_t polrt_op_##N(void* frame, uint32_t insn, uint32_t sp);
POLRT_NATIVE_OPS(POLRT_DECLARE_NATIVE_OP)
#undef POLRT_DECLARE_NATIVE_OP
// A TRY handler caught "not assessable" raised under it: marks its 且/或 local unknown.
void polrt_op_caught(void* frame, uint32_t local);
// An op under a TRY handler threw (the error in the frame): 1 when its 且/或 local holds it, going
// on with the next operand; 0 when it is no evaluation error, which ends the block (kThrew).
uint32_t polrt_op_erred(void* frame, uint32_t local);
// A TRY handler caught "no match" (a 分档/分情形 without an entry) raised under it: marks its 且/或
// local as having an operand with no value (Ops::unmatched).
// Appended: an object built before it returns "no match" from the block there, as it did then.
void polrt_op_unmatched(void* frame, uint32_t local);

#ifdef __cplusplus
}

namespace polrt::native {

// What a native block returns.
enum NativeResult : uint32_t {
  kValue = 0,          // the result is in stack slot 0
  kNotAssessable = 1,  // no handler caught an absent fact
  kNoMatch = 2,        // 分档/分情形 without a matching entry
  kThrew = 3,          // an op threw; the exception is in the frame
  kBadStack = 4,       // an op left another stack height than the compiled code expected (a bug)
};

}  // namespace polrt::native
#endif
