// The one symbol polc looks up in polc-llvm.so (backend/llvm/plugin.h): the backend's entry points.
// No exception crosses the boundary: each is turned into the error text the callers already show.
#include <exception>

#include "backend/llvm/plugin.h"

namespace polc::llvmjit {
namespace {

template <typename F>
auto guarded(std::string& error, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const std::exception& e) {
    error = std::string("internal error in the LLVM backend: ") + e.what();
  } catch (...) {
    error = "internal error in the LLVM backend";
  }
  return {};
}

const PluginTable kTable = {
    kPluginVersion,
    [](polrt::Program& program, std::string& error) {
      return guarded(error, [&] { return attach(program, error); });
    },
    [](const polrt::Program& program, std::string& out, std::string& error) {
      return guarded(error, [&] { return emitLlvmIr(program, out, error); });
    },
    [](const polrt::Program& program, const std::vector<uint8_t>& polb, const std::string& entry,
       std::vector<uint8_t>& out, std::string& error) {
      return guarded(error, [&] { return emitObject(program, polb, entry, out, error); });
    },
};

}  // namespace
}  // namespace polc::llvmjit

extern "C" __attribute__((visibility("default"))) const polc::llvmjit::PluginTable* polc_llvm_plugin() {
  return &polc::llvmjit::kTable;
}
