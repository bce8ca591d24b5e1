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
};

CLI::App* addCheckCommand(CLI::App& app, CheckOptions& options);
int runCheck(const CheckOptions& options);

struct EvalOptions {
  std::vector<std::string> paths;
  std::string facts;   // one applicant (docs/facts.md)
  std::string batch;   // JSON Lines: one applicant per line
  std::string date;    // YYYY-MM-DD, overrides the facts' date
  bool explain = false;
  bool dumpIr = false;
  OutputOptions output;
};

CLI::App* addEvalCommand(CLI::App& app, EvalOptions& options);
int runEval(const EvalOptions& options);

// --format and --color, shared by the commands that print diagnostics.
void addOutputOptions(CLI::App& command, OutputOptions& output);

}  // namespace polc
