// The C++ backend: the policy IR → readable, self-contained C++17 (`polc build --emit=cpp -o DIR`).
//
// The output is a header (typed facts structs, the `evaluate` functions), a source file (one function
// per clause with its 原文 as a comment, the policy tables, a facts reader for the JSON of
// docs/facts.md) and two support headers every policy set shares (polc_runtime.h, polc_decimal.h).
// It needs only the standard library and agrees with the reference evaluator on every input.
#pragma once

#include <map>
#include <string>

#include "ir/ir.h"
#include "sema/model.h"

namespace polc::cpp {

struct EmitOptions {
  std::string name = "policy";          // base name of the header and the source
  std::string nameSpace = "policy";     // C++ namespace of the generated code
};

// File name → contents.
std::map<std::string, std::string> emit(const sema::Model& model, const ir::Program& program,
                                        const EmitOptions& options);

// The shared support headers, as polc writes them.
const char* runtimeHeader();
const char* decimalHeader();

}  // namespace polc::cpp
