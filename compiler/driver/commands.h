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

// --format and --color, shared by the commands that print diagnostics.
void addOutputOptions(CLI::App& command, OutputOptions& output);

}  // namespace polc
