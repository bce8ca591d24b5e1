// The LLVM backend's entry points (jit.h): ORC LLJIT for in-process native blocks, and the host
// TargetMachine for LLVM IR text and object files.
#include "backend/llvm/jit.h"

#include <mutex>

#include <llvm/ExecutionEngine/Orc/LLJIT.h>
#include <llvm/ExecutionEngine/Orc/ThreadSafeModule.h>
#include <llvm/IR/LegacyPassManager.h>
#include <llvm/IR/Verifier.h>
#include <llvm/MC/TargetRegistry.h>
#include <llvm/Support/Host.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Target/TargetMachine.h>
#include <llvm/Target/TargetOptions.h>

#include "backend/llvm/codegen.h"
#include "vm/native_abi.h"

namespace polc::llvmjit {

namespace {

void initialiseTargets() {
  static std::once_flag once;
  std::call_once(once, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
  });
}

std::string message(llvm::Error e) { return llvm::toString(std::move(e)); }

// A generated module that fails LLVM's verifier is a bug of the code generator: say so rather than
// compile it.
bool verified(const llvm::Module& m, std::string& error) {
  std::string text;
  llvm::raw_string_ostream os(text);
  if (!llvm::verifyModule(m, &os)) return true;
  error = "internal error: the generated LLVM IR is invalid: " + os.str();
  return false;
}

class JitCode final : public NativeCode {
 public:
  JitCode(std::unique_ptr<llvm::orc::LLJIT> jit, polrt::Program& program, std::size_t count)
      : jit_(std::move(jit)), program_(program), count_(count) {}
  // The program's table points into this code: detach it before the code goes.
  ~JitCode() override { program_.native.clear(); }
  std::size_t nativeBlocks() const override { return count_; }

 private:
  std::unique_ptr<llvm::orc::LLJIT> jit_;
  polrt::Program& program_;
  std::size_t count_;
};

std::unique_ptr<llvm::TargetMachine> hostMachine(std::string& error) {
  initialiseTargets();
  std::string triple = llvm::sys::getDefaultTargetTriple();
  const llvm::Target* target = llvm::TargetRegistry::lookupTarget(triple, error);
  if (!target) return nullptr;
  // A generic CPU: the object runs on any machine of the triple, not only the one that built it.
  std::unique_ptr<llvm::TargetMachine> tm(
      target->createTargetMachine(triple, "generic", "", llvm::TargetOptions(), llvm::Reloc::PIC_));
  if (!tm) error = "cannot create a target machine for " + triple;
  return tm;
}

}  // namespace

bool available() { return true; }

std::unique_ptr<NativeCode> attach(polrt::Program& program, std::string& error) {
  initialiseTargets();
  auto jtmb = llvm::orc::JITTargetMachineBuilder::detectHost();
  if (!jtmb) {
    error = message(jtmb.takeError());
    return nullptr;
  }
  // The blocks are calls and compares: without optimisation they run as fast (bench/backends_bench)
  // and compile in less than half the time (0.3 s of CPU for the seed policies, P2, polc eval).
  jtmb->setCodeGenOptLevel(llvm::CodeGenOpt::None);
  auto jit = llvm::orc::LLJITBuilder().setJITTargetMachineBuilder(std::move(*jtmb)).create();
  if (!jit) {
    error = message(jit.takeError());
    return nullptr;
  }
  // The ops resolve to this process's runtime, by address: no dynamic symbol table needed.
  llvm::orc::SymbolMap ops;
  auto define = [&](const char* name, void* address) {
    ops[(*jit)->mangleAndIntern(name)] =
        llvm::JITEvaluatedSymbol(llvm::pointerToJITTargetAddress(address), llvm::JITSymbolFlags::Exported);
  };
#define POLC_DEFINE_OP(N) define("polrt_op_" #N, reinterpret_cast<void*>(&polrt_op_##N));
  POLRT_NATIVE_OPS(POLC_DEFINE_OP)
#undef POLC_DEFINE_OP
  define("polrt_op_caught", reinterpret_cast<void*>(&polrt_op_caught));
  define("polrt_op_unmatched", reinterpret_cast<void*>(&polrt_op_unmatched));
  define("polrt_op_erred", reinterpret_cast<void*>(&polrt_op_erred));
  if (auto e = (*jit)->getMainJITDylib().define(llvm::orc::absoluteSymbols(std::move(ops)))) {
    error = message(std::move(e));
    return nullptr;
  }

  auto context = std::make_unique<llvm::LLVMContext>();
  Generated g = generate(*context, program, true);
  g.module->setDataLayout((*jit)->getDataLayout());
  g.module->setTargetTriple((*jit)->getTargetTriple().str());
  if (!verified(*g.module, error)) return nullptr;
  if (auto e = (*jit)->addIRModule(llvm::orc::ThreadSafeModule(std::move(g.module), std::move(context)))) {
    error = message(std::move(e));
    return nullptr;
  }
  std::vector<polrt::NativeBlockFn> table(program.blocks.size(), nullptr);
  for (std::size_t i = 0; i < g.functions.size(); ++i) {
    if (g.functions[i].empty()) continue;
    auto sym = (*jit)->lookup(g.functions[i]);
    if (!sym) {
      error = message(sym.takeError());
      return nullptr;
    }
    table[i] = reinterpret_cast<polrt::NativeBlockFn>(static_cast<uintptr_t>(sym->getAddress()));
  }
  program.native = std::move(table);
  return std::make_unique<JitCode>(std::move(*jit), program, g.compiled);
}

bool emitLlvmIr(const polrt::Program& program, std::string& out, std::string& error) {
  auto tm = hostMachine(error);
  if (!tm) return false;
  llvm::LLVMContext context;
  Generated g = generate(context, program, true);
  g.module->setDataLayout(tm->createDataLayout());
  g.module->setTargetTriple(tm->getTargetTriple().str());
  if (!verified(*g.module, error)) return false;
  out.clear();
  llvm::raw_string_ostream os(out);
  os << "; " << g.compiled << " of " << program.blocks.size() << " blocks compiled\n";
  for (std::size_t i = 0; i < g.why.size(); ++i)
    if (!g.why[i].empty()) os << "; block " << i << " stays interpreted: " << g.why[i] << "\n";
  g.module->print(os, nullptr);
  os.flush();
  return true;
}

bool emitObject(const polrt::Program& program, const std::vector<uint8_t>& polb, const std::string& entry,
                std::vector<uint8_t>& out, std::string& error) {
  auto tm = hostMachine(error);
  if (!tm) return false;
  llvm::LLVMContext context;
  Generated g = generate(context, program, false);
  g.module->setDataLayout(tm->createDataLayout());
  g.module->setTargetTriple(tm->getTargetTriple().str());
  addEmbedding(*g.module, g, polb, entry);
  if (!verified(*g.module, error)) return false;
  llvm::SmallVector<char, 0> buffer;
  llvm::raw_svector_ostream os(buffer);
  llvm::legacy::PassManager passes;
  if (tm->addPassesToEmitFile(passes, os, nullptr, llvm::CGFT_ObjectFile)) {
    error = "the target cannot write object files";
    return false;
  }
  passes.run(*g.module);
  out.assign(buffer.begin(), buffer.end());
  return true;
}

}  // namespace polc::llvmjit
