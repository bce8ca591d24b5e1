// polc: the policy compiler. This file only wires the subcommands together.
#include <iostream>

#include <CLI/CLI.hpp>

#include "driver/commands.h"

int main(int argc, char** argv) {
  using namespace polc;
  CLI::App app{
      "polc — a compiler for industrial-subsidy policy texts.\n"
      "Policies are written in the polc language (docs/language.md), in English or Chinese keywords."};
  app.set_version_flag("--version", "polc 0.1.0");
  app.require_subcommand(1);

  CheckOptions check;
  auto* checkCmd = addCheckCommand(app, check);
  EvalOptions evalOptions;
  auto* evalCmd = addEvalCommand(app, evalOptions);
  TestOptions testOptions;
  auto* testCmd = addTestCommand(app, testOptions);
  BuildOptions buildOptions;
  auto* buildCmd = addBuildCommand(app, buildOptions);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  try {
    if (checkCmd->parsed()) return runCheck(check);
    if (evalCmd->parsed()) return runEval(evalOptions);
    if (testCmd->parsed()) return runTest(testOptions);
    if (buildCmd->parsed()) return runBuild(buildOptions);
  } catch (const std::exception& e) {
    // Every expected failure is a diagnostic; reaching here is a polc bug, said plainly.
    std::cerr << "polc: internal error: " << e.what() << "\n";
    return 3;
  }
  return kExitUsage;
}
