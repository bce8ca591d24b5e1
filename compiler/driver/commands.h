// The subcommands of polc: each one's options, and the function that runs it. The command line
// (main.cpp) fills the options with CLI11; the options live in a struct owned by main, never in
// globals.
#pragma once

#include <string>
#include <vector>

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
  std::string jsonFile;               // --json-file FILE: the --format json document, besides --format's
  std::string sarifFile;              // --sarif-file FILE: the --format sarif document, alike
  bool frontEndOnly = false;          // --no-consistency
  bool stats = false;                 // --stats: solver statistics on stderr
};

int runCheck(const CheckOptions& options);

struct EvalOptions {
  std::vector<std::string> paths;
  std::string facts;   // one applicant (docs/facts.md)
  std::string batch;   // JSON Lines: one applicant per line
  std::string summary;  // --batch: write the summary as JSON here instead of text on stderr
  std::string date;    // YYYY-MM-DD, overrides the facts' date
  bool explain = false;
  bool dumpIr = false;
  std::vector<std::string> whyNot;  // --why-not CITATION|all: why these clauses paid nothing
  std::string backend = "ref";  // ref: the reference evaluator; vm: the bytecode runtime; llvm: its blocks native
  OutputOptions output;
};

int runEval(const EvalOptions& options);

// polc test: policy test cases (docs/testing.md).
struct TestOptions {
  std::vector<std::string> paths;  // *.test.json files or directories
  std::string filter;              // only cases whose name contains this
  bool verbose = false;
  bool coverage = false;           // list the clauses no case shows paying, or not paying
  std::string format = "text";     // text, json or junit (test_report.h)
};

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

int runBuild(const BuildOptions& options);


}  // namespace polc
