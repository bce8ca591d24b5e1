// The subcommands of polc. Each registers its options on the CLI11 app and runs when chosen; the
// options live in a struct owned by main, never in globals.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "driver/output.h"

namespace polc {

// Exit statuses shared by every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitErrors = 1;
inline constexpr int kExitUsage = 2;

struct CheckOptions {
  std::vector<std::string> paths;
  OutputOptions output;
  // The consistency checker (docs/checker.md).
  bool sarif = false;                 // --format sarif
  std::vector<std::string> warnings;  // -W CODE=error|warning|note|off, -W no-CODE
  std::vector<std::string> errorOn;   // --error-on CODE|warning
  std::string witnessDir;             // --witness-dir DIR: one facts file per finding
  bool frontEndOnly = false;          // --no-consistency
  bool stats = false;                 // --stats: solver statistics on stderr
};

CLI::App* addCheckCommand(CLI::App& app, CheckOptions& options);
int runCheck(const CheckOptions& options);

struct EvalOptions {
  std::vector<std::string> paths;
  std::string facts;   // one applicant (docs/facts.md)
  std::string batch;   // JSON Lines: one applicant per line
  std::string summary;  // --batch: write the summary as JSON here instead of text on stderr
  std::string date;    // YYYY-MM-DD, overrides the facts' date
  bool explain = false;
  bool dumpIr = false;
  std::string backend = "ref";  // ref: the reference evaluator; vm: the bytecode runtime; llvm: its blocks native
  OutputOptions output;
};

CLI::App* addEvalCommand(CLI::App& app, EvalOptions& options);
int runEval(const EvalOptions& options);

// polc test: policy test cases (docs/testing.md).
struct TestOptions {
  std::vector<std::string> paths;  // *.test.json files or directories
  std::string filter;              // only cases whose name contains this
  bool verbose = false;
  bool coverage = false;           // list the clauses no case shows paying, or not paying
};

CLI::App* addTestCommand(CLI::App& app, TestOptions& options);
int runTest(const TestOptions& options);

// polc build: compile policies and write an artefact (--emit=ir: the IR dump of docs/ir.md).
struct BuildOptions {
  std::vector<std::string> paths;
  std::string emit = "ir";
  std::string outputFile;  // empty or "-": stdout
  std::string cppName = "policy";  // --emit=cpp: base name of the header/source and their namespace
  std::string entry = "polc_policy_load";  // --emit=obj: the C entry point's name
  OutputOptions output;
};

CLI::App* addBuildCommand(CLI::App& app, BuildOptions& options);
int runBuild(const BuildOptions& options);

// --format and --color, shared by the commands that print diagnostics. `formatHelp` replaces the
// description of --format for a command whose output is more than diagnostics (polc eval).
void addOutputOptions(CLI::App& command, OutputOptions& output, const std::string& formatHelp = "");

}  // namespace polc
