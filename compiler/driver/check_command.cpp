#include <iostream>

#include <fmt/format.h>

#include "driver/commands.h"

namespace polc {

void addOutputOptions(CLI::App& command, OutputOptions& output) {
  command
      .add_option("--format", output.format, "Diagnostics as text (on stderr) or json (on stdout)")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, OutputFormat>{{"text", OutputFormat::Text}, {"json", OutputFormat::Json}},
          CLI::ignore_case))
      ->default_str("text");
  command
      .add_option("--color", output.color, "Colour in text diagnostics: auto (only on a terminal), always, never")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, ColorMode>{
              {"auto", ColorMode::Auto}, {"always", ColorMode::Always}, {"never", ColorMode::Never}},
          CLI::ignore_case))
      ->default_str("auto");
}

CLI::App* addCheckCommand(CLI::App& app, CheckOptions& options) {
  auto* cmd = app.add_subcommand(
      "check",
      "Parse and check policy files: syntax, names, types and units, citations.\n"
      "PATH is a .pol file or a directory, searched recursively for .pol files; all files\n"
      "given are checked together, so documents may refer to each other.\n"
      "Exit status: 0 no errors, 1 errors found, 2 usage error.");
  cmd->add_option("PATH", options.paths, "Policy files or directories")->required();
  addOutputOptions(*cmd, options.output);
  return cmd;
}

int runCheck(const CheckOptions& options) {
  auto fe = runFrontEnd(options.paths);
  printDiagnostics(*fe, options.output);
  if (fe->diags.hasErrors()) return kExitErrors;
  if (options.output.format == OutputFormat::Text) {
    const auto& m = *fe->model;
    std::size_t paying = 0;
    for (const auto& c : m.clauses) paying += c.award == sema::AwardKind::Pay;
    std::cout << fmt::format("ok: {} files, {} documents, {} clauses ({} paying), {} warnings\n",
                             fe->sources.size(), m.documents.size(), m.clauses.size(), paying,
                             fe->diags.warningCount());
  }
  return kExitOk;
}

}  // namespace polc
