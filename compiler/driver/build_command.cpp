// polc build: compile the policies and write an artefact. For now the one artefact is the IR dump
// (docs/ir.md), for debugging; the backends will add their own --emit kinds.
#include <cstdio>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <vector>

#include <unistd.h>

#include <fmt/format.h>

#include "backend/bytecode/emit.h"
#include "backend/cpp/cpp_emit.h"
#include "backend/llvm/jit.h"
#include "driver/commands.h"
#include "driver/same_file.h"
#include "support/atomic_file.h"
#include "support/source.h"
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

// A C++ identifier that the namespace still cannot be: one the standard reserves (the namespace is
// declared in the global one), or a macro of the headers the generated code includes, which the
// preprocessor would replace (`namespace INT_MAX {` is `namespace 0x7fffffff {`). "" when neither.
std::string reservedOrMacro(const std::string& name) {
  if (name[0] == '_') return "begins with _: the C++ standard reserves such names in the global namespace";
  if (name.find("__") != std::string::npos) return "contains __: the C++ standard reserves such names";
  // The standard's macros in lower case, and g++'s and clang++'s in their default GNU mode.
  static const char* const kMacros[] = {"assert", "errno", "stdin", "stdout", "stderr", "linux", "unix"};
  for (const char* m : kMacros)
    if (name == m) return "a macro of the standard headers the generated code includes";
  // The rest are in capitals, and too many to list (NULL, EOF, INT_MAX, SIZE_MAX, EDOM, …): a name
  // in capitals, digits and _ is refused as having a macro's form.
  bool lower = false, upper = false;
  for (char ch : name) {
    lower = lower || std::islower(static_cast<unsigned char>(ch)) || static_cast<unsigned char>(ch) >= 0x80;
    upper = upper || std::isupper(static_cast<unsigned char>(ch));
  }
  if (upper && !lower)
    return "in capitals, the form of the macros of the standard headers the generated code includes (NULL, EOF, "
           "INT_MAX, …)";
  return "";
}

// Beyond ASCII, a namespace may hold Chinese characters (the CJK Unified Ideographs and their
// Extensions A and B), which every C++ compiler takes in an identifier: letters under C++11's
// Annex E and C++23's UAX #31 alike. Other characters beyond ASCII are letters under one rule and
// not the other, or under neither (`政策。` made code that does not compile): the reason, or "".
std::string badNonAscii(const std::string& name) {
  if (findInvalidUtf8(name) != std::string::npos) return "not valid UTF-8";
  for (char32_t c : decodeUtf8(name)) {
    if (c < 0x80 || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x20000 && c <= 0x2A6DF))
      continue;
    return fmt::format("U+{:04X} is not allowed: beyond ASCII a C++ identifier here may hold only Chinese characters",
                       static_cast<std::uint32_t>(c));
  }
  return "";
}

// --name is a file name in -o DIR and a C++ namespace: "" when it can be both, else why not. Chinese
// characters are allowed (the generated code's names are Chinese); "../x" wrote outside the
// directory, and "my-policy" or "class" made code that does not compile.
std::string badCppName(const std::string& name) {
  static const char* const kKeywords[] = {
      "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break", "case", "catch", "char",
      "char16_t", "char32_t", "char8_t", "class", "compl", "concept", "const", "const_cast", "consteval", "constexpr",
      "constinit", "continue", "co_await", "co_return", "co_yield", "decltype", "default", "delete", "do", "double",
      "dynamic_cast", "else", "enum", "explicit", "export", "extern", "false", "float", "for", "friend", "goto", "if",
      "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not", "not_eq", "nullptr", "operator", "or",
      "or_eq", "private", "protected", "public", "register", "reinterpret_cast", "requires", "return", "short",
      "signed", "sizeof", "static", "static_assert", "static_cast", "struct", "switch", "template", "this",
      "thread_local", "throw", "true", "try", "typedef", "typeid", "typename", "union", "unsigned", "using", "virtual",
      "void", "volatile", "wchar_t", "while", "xor", "xor_eq", "std", "polc_rt"};
  // Not keywords, but no program could use the code: NAME.h would overwrite the support header of
  // that name (and NAME.cpp include itself), and a namespace `main` clashes with every program's main().
  static const char* const kTaken[][2] = {
      {"polc_runtime", "the name of the support header polc writes beside the code (polc_runtime.h)"},
      {"polc_decimal", "the name of the support header polc writes beside the code (polc_decimal.h)"},
      {"main", "a namespace main clashes with the program's main() function"}};
  if (name.empty()) return "empty";
  if (std::isdigit(static_cast<unsigned char>(name[0]))) return "starts with a digit";
  for (char ch : name)
    if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '_' && static_cast<unsigned char>(ch) < 0x80)
      return std::string("'") + ch + "' is not allowed: it must be a C++ identifier (letters, digits, _)";
  if (std::string why = badNonAscii(name); !why.empty()) return why;
  for (const char* k : kKeywords)
    if (name == k) return "a C++ keyword or a namespace the generated code uses";
  for (const auto& taken : kTaken)
    if (name == taken[0]) return taken[1];
  return reservedOrMacro(name);
}

// --emit=cpp -o DIR: the generated header and source and the two support headers
// (compiler/backend/cpp). Every file is written in full to its temporary before any is renamed into
// place, so a failure (a full disk, a directory in the way) leaves the old set of files, never a
// new header beside an old source; a directory created here is removed again on failure.
int writeCpp(const BuildOptions& options, const sema::Model& model, const ir::Program& program) {
  if (options.outputFile.empty() || options.outputFile == "-") {
    std::cerr << "polc build: --emit=cpp writes several files: give a directory with -o DIR\n";
    return kExitUsage;
  }
  if (std::string why = badCppName(options.cppName); !why.empty()) {
    std::cerr << "polc build: --name " << options.cppName << ": " << why << "\n";
    return kExitUsage;
  }
  cpp::EmitOptions eo;
  eo.name = options.cppName;
  eo.nameSpace = options.cppName;
  const fs::path dir(options.outputFile);
  std::error_code ec;
  const bool created = fs::create_directories(dir, ec);
  if (ec) {
    std::cerr << fmt::format("polc build: {}: {}\n", options.outputFile, ec.message());
    return kExitErrors;
  }
  std::vector<std::unique_ptr<AtomicFile>> files;
  auto fail = [&](const std::string& err) {
    std::cerr << fmt::format("polc build: {}\n", err);
    for (auto& f : files) f->discard();
    std::error_code ignored;
    if (created) fs::remove(dir, ignored);  // only if nothing else is in it
    return kExitErrors;
  };
  std::vector<fs::path> targets;
  for (const auto& [name, text] : cpp::emit(model, program, eo)) {
    targets.push_back(dir / name);
    files.push_back(std::make_unique<AtomicFile>(targets.back().string()));
    files.back()->write(text);
    if (!files.back()->ok()) return fail(files.back()->error());
  }
  // A directory where a file should go would make its rename fail after the others had been
  // renamed: refuse it first. (A rename can still fail halfway for other reasons, e.g. EIO.)
  for (const auto& t : targets)
    if (fs::is_directory(t, ec)) return fail(t.string() + ": is a directory");
  for (auto& f : files)
    if (std::string err = f->commit(); !err.empty()) return fail(err);
  return kExitOk;
}

}  // namespace

namespace {

bool isCIdentifier(const std::string& s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  for (char ch : s)
    if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '_') return false;
  return true;
}

// --emit=llvm-ir / --emit=obj: the bytecode, loaded and verified by the runtime, then its blocks
// through the LLVM backend; the object also embeds the bytecode itself.
int writeNative(const BuildOptions& options, const ir::Program& program) {
  const bool obj = options.emit == "obj";
  if (obj && (options.outputFile.empty() || options.outputFile == "-")) {
    std::cerr << "polc build: --emit=obj writes a binary file: give it with -o FILE.o\n";
    return kExitUsage;
  }
  if (obj && !isCIdentifier(options.entry)) {
    std::cerr << "polc build: --entry " << options.entry << ": not a C identifier\n";
    return kExitUsage;
  }
  // The runtime's own functions are polrt_*, and main is the program's: an entry point of either
  // name would clash at link time.
  if (obj && (options.entry.rfind("polrt_", 0) == 0 || options.entry == "main")) {
    std::cerr << "polc build: --entry " << options.entry << ": a name the runtime or the program already uses\n";
    return kExitUsage;
  }
  auto bc = bytecode::emit(program);
  if (!bc.ok()) {
    std::cerr << "polc build: cannot compile to bytecode: " << bc.error << "\n";
    return kExitErrors;
  }
  auto loaded = polrt::load(bc.bytes.data(), bc.bytes.size());
  if (!loaded.program) {
    std::cerr << "polc build: the runtime rejected the bytecode: " << loaded.error << "\n";
    return kExitErrors;
  }
  std::string error, text;
  std::vector<uint8_t> bytes;
  bool ok = obj ? llvmjit::emitObject(*loaded.program, bc.bytes, options.entry, bytes, error)
                : llvmjit::emitLlvmIr(*loaded.program, text, error);
  if (!ok) {
    std::cerr << "polc build: " << error << "\n";
    return kExitErrors;
  }
  if (obj) text.assign(bytes.begin(), bytes.end());
  if (!obj && (options.outputFile.empty() || options.outputFile == "-")) {
    std::cout << text;
    std::cout.flush();
    return std::cout ? kExitOk : kExitErrors;
  }
  return writeAtomically(options.outputFile, text) ? kExitOk : kExitErrors;
}

}  // namespace

int runBuild(const BuildOptions& options) {
  auto fe = runFrontEnd(options.paths);
  auto program = lowerModel(*fe);
  if (!program) {
    printDiagnostics(*fe, options.output);
    return kExitErrors;
  }
  // Every file the front end read: -o FILE naming one of them would replace a policy with the
  // artefact. (--emit=cpp's -o is a directory, which no policy file is.)
  if (options.outputFile != "-" && !options.outputFile.empty()) {
    if (std::string input = inputReplacedBy(options.outputFile, sourcePaths(*fe)); !input.empty()) {
      std::cerr << fmt::format("polc build: -o {} is the policy file {}: the output would replace it; give another file\n",
                               options.outputFile, input);
      return kExitUsage;
    }
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
  if (options.emit == "llvm-ir" || options.emit == "obj") return writeNative(options, *program);
  std::string text = ir::dump(*program);
  if (options.outputFile.empty() || options.outputFile == "-") {
    std::cout << text;
    std::cout.flush();
    return std::cout ? kExitOk : kExitErrors;
  }
  return writeAtomically(options.outputFile, text) ? kExitOk : kExitErrors;
}

}  // namespace polc
