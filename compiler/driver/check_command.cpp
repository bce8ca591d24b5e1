#include <chrono>
#include <iostream>
#include <optional>

#include <fmt/format.h>

#include "check/check.h"
#include "driver/check_report.h"
#include "driver/commands.h"
#include "support/counted.h"

namespace polc {

namespace {


// -W and --error-on, or a usage message.
std::optional<check::SeverityConfig> severityOptions(const CheckOptions& options) {
  check::SeverityConfig cfg;
  std::string error;
  for (const auto& w : options.warnings) {
    // CLI11 hands `-Wno-W0601` over as "no-W0601".
    if (!cfg.parseW(w, error)) {
      std::cerr << "polc check: " << error << "\n";
      return std::nullopt;
    }
  }
  for (const auto& e : options.errorOn)
    if (!cfg.parseErrorOn(e, error)) {
      std::cerr << "polc check: " << error << "\n";
      return std::nullopt;
    }
  return cfg;
}

// The consistency checker after a clean front end: findings as diagnostics, witnesses, exit status.
int runConsistency(const CheckOptions& options, const check::SeverityConfig& cfg, FrontEnd& fe) {
  auto program = lowerModel(fe);
  // After lowering, which needs a front end without errors: a front-end warning the options make an
  // error fails the run, but the policy itself has none, so the checker still runs.
  cfg.applyToFrontEnd(fe.diags.all());
  if (!program) {
    emitCheckReport(options, CheckReport{fe, {}, false});
    return kExitErrors;
  }
  auto start = std::chrono::steady_clock::now();
  check::Result result = check::run(*fe.model, *program);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CheckReport report{fe, check::toDiagnostics(result, cfg), true};
  std::size_t errors = fe.diags.errorCount(), warnings = fe.diags.warningCount(), notes = 0;
  for (const auto& r : report.findings) {
    errors += r.diag.severity == Severity::Error;
    warnings += r.diag.severity == Severity::Warning;
    notes += r.diag.severity == Severity::Note;
  }
  int status = errors ? kExitErrors : kExitOk;
  if (!emitCheckReport(options, report)) status = kExitErrors;
  if (!options.witnessDir.empty()) {
    std::vector<std::string> problems;
    auto files = check::writeWitnesses(options.witnessDir, report.findings, problems);
    std::size_t n = 0;
    for (const auto& f : files) n += f.contrast.empty() ? 1 : 2;
    for (const auto& p : problems) std::cerr << "polc check: " << p << "\n";
    if (!problems.empty()) status = kExitErrors;
    if (options.output.format == OutputFormat::Text && !options.sarif)
      std::cerr << fmt::format("{} witness file{} written to {}\n", n, n == 1 ? "" : "s", options.witnessDir);
  }
  if (options.stats)
    std::cerr << fmt::format("check: {} clauses ({} paying), {} candidate pairs, {} box queries, {} Z3 queries "
                             "({} asked again for a readable witness, {} unknown, the hardest {} of {} resources), {} evaluations, {} gap searches cut at {} pairs of alternatives, "
                             "{} pairs on one base not tried past {} per base, {:.3f} s\n",
                             result.stats.clauses, result.stats.payingClauses, result.stats.candidatePairs,
                             result.stats.boxQueries, result.stats.z3Queries, result.stats.z3Reasked, result.stats.z3Unknown,
                             result.stats.z3MostResources, check::kZ3ResourceLimit, result.stats.evaluations, result.stats.gapSearchesCut, check::kGapPairsPerClausePair,
                             result.stats.basePairsNotTried, check::kPairsPerBase, seconds);
  if (options.output.format == OutputFormat::Text && !options.sarif) {
    const auto& m = *fe.model;
    std::size_t paying = 0;
    for (const auto& c : m.clauses) paying += c.award == sema::AwardKind::Pay;
    // `failed` whenever the run fails: a finding made an error, or a witness file not written.
    // Pairs a search did not try are said where everyone looks, as a clean report would otherwise
    // read as "none there".
    const long notTried = result.stats.basePairsNotTried;
    std::cout << fmt::format("{}: {}, {}, {} ({} paying), {}, {}, {}{}\n", status != kExitOk ? "failed" : "ok",
                             counted(fe.sources.size(), "file"), counted(m.documents.size(), "document"),
                             counted(m.clauses.size(), "clause"), paying, counted(errors, "error"),
                             counted(warnings, "warning"), counted(notes, "note"),
                             notTried ? fmt::format("; {} of awards on one base not tried (W0644 tries {} per base)",
                                                    counted(notTried, "pair"), check::kPairsPerBase)
                                      : "");
  }
  return status;
}

}  // namespace

int runCheck(const CheckOptions& options) {
  auto cfg = severityOptions(options);
  if (!cfg) return kExitUsage;
  auto fe = runFrontEnd(options.paths);
  if (std::string problem = reportFileProblem(options, *fe); !problem.empty()) {
    std::cerr << "polc check: " << problem << "\n";
    return kExitUsage;
  }
  if (!fe->diags.hasErrors() && !options.frontEndOnly) return runConsistency(options, *cfg, *fe);
  // Without the checker the program is still lowered: its errors (E0417, E0418, E05xx) are the
  // policy's, and `polc build` would report them.
  const bool loweringFailed = !fe->diags.hasErrors() && !lowerModel(*fe);
  cfg->applyToFrontEnd(fe->diags.all());
  const bool written = emitCheckReport(options, CheckReport{*fe, {}, false});
  if (loweringFailed || fe->diags.hasErrors() || !written) return kExitErrors;
  if (options.output.format == OutputFormat::Text && !options.sarif) {
    const auto& m = *fe->model;
    std::size_t paying = 0;
    for (const auto& c : m.clauses) paying += c.award == sema::AwardKind::Pay;
    std::cout << fmt::format("ok: {}, {}, {} ({} paying), {}\n", counted(fe->sources.size(), "file"),
                             counted(m.documents.size(), "document"), counted(m.clauses.size(), "clause"), paying,
                             counted(fe->diags.warningCount(), "warning"));
  }
  return kExitOk;
}

}  // namespace polc
