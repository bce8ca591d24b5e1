// polc built without LLVM (POLC_WITH_LLVM=OFF): the LLVM backend's calls fail with a clear error.
#include "backend/llvm/jit.h"

namespace polc::llvmjit {

namespace {
const char* const kMissing = "polc was built without LLVM (configure with LLVM 14 installed, -DPOLC_WITH_LLVM=ON)";
}

bool available() { return false; }

std::unique_ptr<NativeCode> attach(polrt::Program&, std::string& error) {
  error = kMissing;
  return nullptr;
}

bool emitLlvmIr(const polrt::Program&, std::string&, std::string& error) {
  error = kMissing;
  return false;
}

bool emitObject(const polrt::Program&, const std::vector<uint8_t>&, const std::string&, std::vector<uint8_t>&,
                std::string& error) {
  error = kMissing;
  return false;
}

}  // namespace polc::llvmjit
