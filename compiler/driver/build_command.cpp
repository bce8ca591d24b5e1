// polc build: compile the policies and write an artefact. For now the one artefact is the IR dump
// (docs/ir.md), for debugging; the backends will add their own --emit kinds.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <unistd.h>

#include <fmt/format.h>

#include "backend/bytecode/emit.h"
#include "backend/cpp/cpp_emit.h"
#include "driver/commands.h"
#include "support/atomic_file.h"
#include "ir/lower.h"

namespace polc {
namespace {

namespace fs = std::filesystem;

// Writes `text` to `path` through a temporary file in the same directory, renamed over the target
// once complete (support/atomic_file.h), so that a reader never sees a partial file and a failure
// leaves the old one.
bool writeAtomically(const std::string& path, const std::string& text) {
  std::string err = writeFileAtomically(path, text);
  if (!err.empty()) std::cerr << fmt::format("polc build: {}\n", err);
  return err.empty();
}

// --emit=cpp -o DIR: the generated header and source and the two support headers
// (compiler/backend/cpp), each written through a temporary file.
int writeCpp(const BuildOptions& options, const sema::Model& model, const ir::Program& program) {
  if (options.outputFile.empty() || options.outputFile == "-") {
    std::cerr << "polc build: --emit=cpp writes several files: give a directory with -o DIR\n";
    return kExitUsage;
  }
  cpp::EmitOptions eo;
  eo.name = options.cppName;
  eo.nameSpace = options.cppName;
  std::error_code ec;
  fs::create_directories(options.outputFile, ec);
  if (ec) {
    std::cerr << fmt::format("polc build: {}: {}\n", options.outputFile, ec.message());
    return kExitErrors;
  }
  for (const auto& [name, text] : cpp::emit(model, program, eo))
    if (!writeAtomically((fs::path(options.outputFile) / name).string(), text)) return kExitErrors;
  return kExitOk;
}

}  // namespace

CLI::App* addBuildCommand(CLI::App& app, BuildOptions& options) {
  auto* cmd = app.add_subcommand(
      "build",
      "Compile policy files and write an artefact: the policy IR as text (--emit=ir, docs/ir.md,\n"
      "for debugging), bytecode for the runtime (--emit=bytecode) or C++ source (--emit=cpp).\n"
      "Exit status: 0 written, 1 policy errors or the output cannot be written, 2 usage error.");
  cmd->add_option("POLICY_PATH", options.paths, "Policy files or directories")->required();
  cmd->add_option("--emit", options.emit,
                  "What to write: ir (the IR dump), bytecode (a .polb file for the runtime, "
                  "docs/bytecode.md; needs -o FILE) or cpp (C++ source; needs -o DIR)")
      ->check(CLI::IsMember({"ir", "bytecode", "cpp"}))
      ->default_str("ir");
  cmd->add_option("-o,--output", options.outputFile,
                  "Write to this file, or directory for cpp (through a temporary file and a rename: "
                  "never a partial file); default: stdout");
  cmd->add_option("--name", options.cppName,
                  "--emit=cpp (-o DIR): base name of the generated NAME.h/NAME.cpp and their C++ namespace");
  addOutputOptions(*cmd, options.output);
  return cmd;
}

int runBuild(const BuildOptions& options) {
  auto fe = runFrontEnd(options.paths);
  if (fe->diags.hasErrors() || !fe->model) {
    printDiagnostics(*fe, options.output);
    return kExitErrors;
  }
  auto program = ir::lower(*fe->model, fe->diags);
  if (!program) {
    printDiagnostics(*fe, options.output);
    return kExitErrors;
  }
  if (options.emit == "bytecode") {
    if (options.outputFile.empty() || options.outputFile == "-") {
      std::cerr << "polc build: --emit=bytecode writes a binary file: give it with -o FILE.polb\n";
      return kExitUsage;
    }
    auto bc = bytecode::emit(*program);
    if (!bc.ok()) {
      std::cerr << "polc build: cannot compile to bytecode: " << bc.error << "\n";
      return kExitErrors;
    }
    return writeAtomically(options.outputFile, std::string(bc.bytes.begin(), bc.bytes.end())) ? kExitOk
                                                                                                : kExitErrors;
  }
  if (options.emit == "cpp") return writeCpp(options, *fe->model, *program);
  std::string text = ir::dump(*program);
  if (options.outputFile.empty() || options.outputFile == "-") {
    std::cout << text;
    std::cout.flush();
    return std::cout ? kExitOk : kExitErrors;
  }
  return writeAtomically(options.outputFile, text) ? kExitOk : kExitErrors;
}

}  // namespace polc
