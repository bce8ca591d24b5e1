// What the polc executable and its LLVM plugin (polc-llvm.so, built beside it) share. polc loads
// the plugin only when a command needs LLVM (`--backend=llvm`, `--emit=llvm-ir|obj`): linked in,
// libLLVM cost every run of polc ≈ 70 ms and 50 MB before main, a check or one evaluation included.
// The plugin is built from the same sources in the same build as polc, so the runtime's types it
// sees (polrt::Program) have the same layout; `version` guards against a stale plugin.
#pragma once

#include "backend/llvm/jit.h"

namespace polc::llvmjit {

struct PluginTable {
  int version;
  std::unique_ptr<NativeCode> (*attach)(polrt::Program& program, std::string& error);
  bool (*emitLlvmIr)(const polrt::Program& program, std::string& out, std::string& error);
  bool (*emitObject)(const polrt::Program& program, const std::vector<uint8_t>& polb, const std::string& entry,
                     std::vector<uint8_t>& out, std::string& error);
};

// Raised whenever PluginTable or the runtime's types it passes change shape.
inline constexpr int kPluginVersion = 1;

inline constexpr const char* kPluginEntry = "polc_llvm_plugin";
using PluginEntry = const PluginTable* (*)();

}  // namespace polc::llvmjit
