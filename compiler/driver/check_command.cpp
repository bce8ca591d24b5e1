#include <chrono>
#include <iostream>

#include <fmt/format.h>

#include "check/check.h"
#include "driver/commands.h"
#include "ir/lower.h"

namespace polc {

namespace {

// The consistency checker after a clean front end: findings as diagnostics, witnesses, exit status.
int runConsistency(const CheckOptions& options, FrontEnd& fe) {
  check::SeverityConfig cfg;
  std::string error;
  for (const auto& w : options.warnings) {
    // CLI11 hands `-Wno-W0601` over as "no-W0601".
    if (!cfg.parseW(w, error)) {
      std::cerr << "polc check: " << error << "\n";
      return kExitUsage;
    }
  }
  for (const auto& e : options.errorOn)
    if (!cfg.parseErrorOn(e, error)) {
      std::cerr << "polc check: " << error << "\n";
      return kExitUsage;
    }
  auto program = ir::lower(*fe.model, fe.diags);
  if (!program) {
    printDiagnostics(fe, options.output);
    return kExitErrors;
  }
  auto start = std::chrono::steady_clock::now();
  check::Result result = check::run(*fe.model, *program);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  auto reported = check::toDiagnostics(result, cfg);
  std::size_t errors = fe.diags.errorCount(), warnings = fe.diags.warningCount(), notes = 0;
  for (const auto& r : reported) {
    errors += r.diag.severity == Severity::Error;
    warnings += r.diag.severity == Severity::Warning;
    notes += r.diag.severity == Severity::Note;
  }
  if (options.sarif) {
    std::cout << check::renderSarif(fe.sources, fe.diags.all(), reported);
  } else if (options.output.format == OutputFormat::Json) {
    std::cout << check::renderFindingsJson(fe.sources, fe.diags.all(), reported);
  } else {
    std::vector<Diagnostic> all = fe.diags.all();
    for (const auto& r : reported) all.push_back(r.diag);
    std::cerr << renderText(fe.sources, all, RenderOptions{useColor(options.output.color)});
  }
  int status = errors ? kExitErrors : kExitOk;
  if (!options.witnessDir.empty()) {
    std::vector<std::string> problems;
    auto files = check::writeWitnesses(options.witnessDir, reported, problems);
    std::size_t n = 0;
    for (const auto& f : files) n += f.contrast.empty() ? 1 : 2;
    for (const auto& p : problems) std::cerr << "polc check: " << p << "\n";
    if (!problems.empty()) status = kExitErrors;
    if (options.output.format == OutputFormat::Text && !options.sarif)
      std::cerr << fmt::format("{} witness file{} written to {}\n", n, n == 1 ? "" : "s", options.witnessDir);
  }
  if (options.stats)
    std::cerr << fmt::format("check: {} clauses ({} paying), {} candidate pairs, {} box queries, {} Z3 queries "
                             "({} unknown), {} evaluations, {:.3f} s\n",
                             result.stats.clauses, result.stats.payingClauses, result.stats.candidatePairs,
                             result.stats.boxQueries, result.stats.z3Queries, result.stats.z3Unknown,
                             result.stats.evaluations, seconds);
  if (options.output.format == OutputFormat::Text && !options.sarif) {
    const auto& m = *fe.model;
    std::size_t paying = 0;
    for (const auto& c : m.clauses) paying += c.award == sema::AwardKind::Pay;
    std::cout << fmt::format("{}: {} files, {} documents, {} clauses ({} paying), {} errors, {} warnings, {} notes\n",
                             errors ? "failed" : "ok", fe.sources.size(), m.documents.size(), m.clauses.size(),
                             paying, errors, warnings, notes);
  }
  return status;
}

}  // namespace

void addOutputOptions(CLI::App& command, OutputOptions& output, const std::string& formatHelp) {
  // option_text: the help shows the choices as a reader types them, not CLI11's enum mapping
  // (`ENUM:value in {json->1,text->0}`).
  command
      .add_option("--format", output.format,
                  formatHelp.empty() ? "Diagnostics as text (on stderr) or json (on stdout)" : formatHelp)
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, OutputFormat>{{"text", OutputFormat::Text}, {"json", OutputFormat::Json}},
          CLI::ignore_case))
      // Transforms run last-added first: this one reports a bad value as `xml not in {text,json}`.
      ->transform(CLI::IsMember({"text", "json"}, CLI::ignore_case))
      ->option_text("text|json (default: text)");
  command
      .add_option("--color", output.color, "Colour in text diagnostics: auto (only on a terminal), always, never")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, ColorMode>{
              {"auto", ColorMode::Auto}, {"always", ColorMode::Always}, {"never", ColorMode::Never}},
          CLI::ignore_case))
      ->transform(CLI::IsMember({"auto", "always", "never"}, CLI::ignore_case))
      ->option_text("auto|always|never (default: auto)");
}

CLI::App* addCheckCommand(CLI::App& app, CheckOptions& options) {
  auto* cmd = app.add_subcommand(
      "check",
      "Parse and check policy files: syntax, names, types and units, citations; then, after a\n"
      "clean front end, the consistency checker over all documents together: overlaps,\n"
      "conflicts, shadowed clauses, tiers, caps, dead or always-true conditions (docs/checker.md),\n"
      "each finding with a witness applicant.\n"
      "PATH is a .pol file or a directory, searched recursively for .pol files; all files\n"
      "given are checked together, so documents may refer to each other.\n"
      "Exit status: 0 no errors, 1 errors found (findings made errors by -W or --error-on\n"
      "included, or a witness file that could not be written), 2 usage error.");
  cmd->add_option("PATH", options.paths, "Policy files or directories")->required();
  // --format takes sarif besides text and json here, so check declares its own.
  cmd->add_option_function<std::string>(
         "--format",
         [&options](const std::string& f) {
           options.sarif = f == "sarif";
           options.output.format = f == "text" ? OutputFormat::Text : OutputFormat::Json;
         },
         "Diagnostics as text (on stderr), json or sarif (SARIF 2.1.0), both on stdout")
      ->check(CLI::IsMember({"text", "json", "sarif"}, CLI::ignore_case))
      ->default_str("text");
  cmd->add_option("--color", options.output.color, "Colour in text diagnostics: auto (only on a terminal), always, never")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, ColorMode>{
              {"auto", ColorMode::Auto}, {"always", ColorMode::Always}, {"never", ColorMode::Never}},
          CLI::ignore_case))
      ->default_str("auto");
  cmd->add_option("-W", options.warnings,
                  "Severity of a checker finding: -W CODE=error|warning|note|off, or -Wno-CODE (repeatable)");
  cmd->add_option("--error-on", options.errorOn,
                  "Make a finding code, or every warning (`warning`), an error that fails the run (repeatable)");
  cmd->add_option("--witness-dir", options.witnessDir,
                  "Write each finding's witness applicant (a facts file for polc eval) into this directory");
  cmd->add_flag("--no-consistency", options.frontEndOnly, "Only the front end: skip the consistency checker");
  cmd->add_flag("--stats", options.stats, "Print the checker's solver statistics on stderr");
  return cmd;
}

int runCheck(const CheckOptions& options) {
  auto fe = runFrontEnd(options.paths);
  if (!fe->diags.hasErrors() && !options.frontEndOnly) return runConsistency(options, *fe);
  if (options.sarif) {
    std::cout << check::renderSarif(fe->sources, fe->diags.all(), {});
    return fe->diags.hasErrors() ? kExitErrors : kExitOk;
  }
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
