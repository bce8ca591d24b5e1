// The exported instruction functions native blocks call (native_abi.h): each wraps the op body
// the interpreter inlines (ops.h), catching whatever it throws so no exception crosses native code.
#include "vm/native_abi.h"

#include "vm/ops.h"

using polrt::detail::Ops;
using polrt::detail::Step;

namespace {

uint32_t pack(Step step, uint32_t sp) { return static_cast<uint32_t>(step) | sp << 8; }

}  // namespace

#define POLRT_DEFINE_NATIVE_OP(N)                                              \
  extern "C" uint32_t polrt_op_##N(void* frame, uint32_t insn, uint32_t sp) {  \
    auto* f = static_cast<Ops::Frame*>(frame);                                 \
    try {                                                                      \
      Step step = Ops::N(*f->s, f->code[insn], f->st, sp, f->locals);          \
      return pack(step, sp);                                                   \
    } catch (...) {                                                            \
      f->error = std::current_exception();                                     \
      return pack(Step::Threw, sp);                                            \
    }                                                                          \
  }
POLRT_NATIVE_OPS(POLRT_DEFINE_NATIVE_OP)
#undef POLRT_DEFINE_NATIVE_OP

extern "C" void polrt_op_caught(void* frame, uint32_t local) {
  auto* f = static_cast<Ops::Frame*>(frame);
  Ops::caught(f->locals, local);
}

extern "C" void polrt_op_unmatched(void* frame, uint32_t local) {
  Ops::unmatched(static_cast<Ops::Frame*>(frame)->locals, local);
}

extern "C" uint32_t polrt_op_erred(void* frame, uint32_t local) {
  auto* f = static_cast<Ops::Frame*>(frame);
  if (!Ops::erred(*f->s, f->locals, local, f->error)) return 0;
  f->error = nullptr;
  return 1;
}
