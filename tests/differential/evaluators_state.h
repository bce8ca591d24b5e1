// What Evaluators holds (evaluators.cpp builds it; why_not_diff.cpp reads it too): the policy set
// compiled once, and a session of the runtime for the VM and for the VM with LLVM blocks.
#pragma once

#include <memory>

#include "backend/llvm/jit.h"
#include "bytecode/program.h"
#include "differential/evaluators.h"
#include "vm/vm.h"

namespace polc::difftest {

struct Evaluators::State {
  SourceManager sm;
  DiagnosticEngine diags;
  std::unique_ptr<sema::Model> model;
  std::unique_ptr<ir::Program> program;
  std::unique_ptr<polrt::Program> vmProgram, llvmProgram;
  std::unique_ptr<llvmjit::NativeCode> native;  // destroyed before llvmProgram
  std::unique_ptr<polrt::Session> vm, llvm;
};

}  // namespace polc::difftest
