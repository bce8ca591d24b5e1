// polc's side of the LLVM backend (backend/llvm/plugin.h): jit.h's calls, answered by polc-llvm.so,
// loaded on the first call. It is looked for beside the running polc (/proc/self/exe), then where
// the build put it (POLC_LLVM_PLUGIN_BUILT, for a polc copied elsewhere).
#include <dlfcn.h>

#include <filesystem>
#include <mutex>
#include <system_error>

#include "backend/llvm/plugin.h"

namespace polc::llvmjit {
namespace {

struct Loaded {
  const PluginTable* table = nullptr;
  std::string error;  // why there is no table
};

Loaded open() {
  namespace fs = std::filesystem;
  std::vector<fs::path> candidates;
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) candidates.push_back(self.parent_path() / POLC_LLVM_PLUGIN_NAME);
  candidates.push_back(POLC_LLVM_PLUGIN_BUILT);
  Loaded out;
  for (const auto& path : candidates) {
    if (!fs::exists(path, ec)) continue;
    // RTLD_LOCAL: the plugin's copies of the runtime's symbols stay its own.
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      out.error = std::string("cannot load the LLVM backend: ") + dlerror();
      return out;
    }
    auto entry = reinterpret_cast<PluginEntry>(dlsym(handle, kPluginEntry));
    const PluginTable* table = entry ? entry() : nullptr;
    if (!table || table->version != kPluginVersion) {
      out.error = "cannot load the LLVM backend: " + path.string() + " is not the plugin of this polc (rebuild polc)";
      return out;
    }
    out.table = table;  // never unloaded: native code and its tables live until the process ends
    return out;
  }
  out.error = std::string("the LLVM backend (" POLC_LLVM_PLUGIN_NAME ") is not beside polc") +
              (self.empty() ? "" : " (" + self.parent_path().string() + ")") + " nor at " + POLC_LLVM_PLUGIN_BUILT;
  return out;
}

// The process has one dynamic loader; loading the plugin once for it is what dlopen does anyway.
const Loaded& plugin() {
  static std::once_flag once;
  static Loaded loaded;
  std::call_once(once, [] { loaded = open(); });
  return loaded;
}

// Every call below: the plugin's answer, or the reason there is no plugin.
template <typename R, typename Call>
R forward(std::string& error, R failed, Call&& call) {
  const Loaded& p = plugin();
  if (!p.table) {
    error = p.error;
    return failed;
  }
  return call(*p.table);
}

}  // namespace

bool available() { return plugin().table != nullptr; }

std::unique_ptr<NativeCode> attach(polrt::Program& program, std::string& error) {
  return forward<std::unique_ptr<NativeCode>>(error, nullptr,
                                              [&](const PluginTable& t) { return t.attach(program, error); });
}

bool emitLlvmIr(const polrt::Program& program, std::string& out, std::string& error) {
  return forward(error, false, [&](const PluginTable& t) { return t.emitLlvmIr(program, out, error); });
}

bool emitObject(const polrt::Program& program, const std::vector<uint8_t>& polb, const std::string& entry,
                std::vector<uint8_t>& out, std::string& error) {
  return forward(error, false, [&](const PluginTable& t) { return t.emitObject(program, polb, entry, out, error); });
}

}  // namespace polc::llvmjit
