// What the interpreter (interp.cpp) and the clause-level steps (evaluate.cpp and the files of the
// later steps) share: the error that aborts an evaluation and the small value helpers. Internal to
// the VM.
#pragma once

#include <string>

#include "vm/vm.h"

namespace polrt::detail {

using namespace bc;

struct VmError {
  std::string message;
};

inline int formRank(uint8_t f) { return f == kExact ? 0 : f == kRange ? 1 : 2; }
inline uint8_t wider(uint8_t a, uint8_t b) { return formRank(a) >= formRank(b) ? a : b; }

inline bool holds(int c, uint8_t op) {
  switch (op) {
    case kGt: return c > 0;
    case kGe: return c >= 0;
    case kLe: return c <= 0;
    case kLt: return c < 0;
    case kEq: return c == 0;
    case kNe: return c != 0;
  }
  return false;
}

inline bool bit(const uint64_t* bits, int m) { return m >= 0 && m < 256 && ((bits[m >> 6] >> (m & 63)) & 1); }

inline void setNumVal(Val& v, const Decimal& lo, const Decimal& hi, uint8_t form) {
  v.kind = kNum;
  v.lo = lo;
  v.hi = hi;
  v.form = form;
}

inline void setBoolVal(Val& v, bool b) {
  v.kind = kBool;
  v.i = b;
}

}  // namespace polrt::detail
