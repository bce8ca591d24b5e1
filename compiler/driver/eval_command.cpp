// polc eval: compile the policies, read one applicant's facts (or a batch of them) and print what
// the policies give, with the reasons.
#include <fstream>
#include <iostream>
#include <map>

#include <fmt/format.h>

#include "driver/commands.h"
#include "driver/eval_output.h"
#include "facts/facts.h"
#include "ir/lower.h"

namespace polc {
namespace {

int runBatch(const EvalOptions& options, const sema::Model& model, const ir::Program& program,
             const eval::Options& evalOptions) {
  std::ifstream in(options.batch, std::ios::binary);
  if (!in) {
    std::cerr << "polc eval: " << options.batch << ": cannot read the file\n";
    return kExitErrors;
  }
  std::string line;
  int lineNo = 0, ok = 0, failed = 0;
  // Quota report: per clause, how many applicants qualify against the quota.
  std::map<int, int> quotaCounts;
  while (std::getline(in, line)) {
    ++lineNo;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    auto facts = facts::readFacts(model, program, line);
    nlohmann::json out;
    if (!facts.ok()) {
      ++failed;
      for (const auto& e : facts.errors) std::cerr << fmt::format("{}:{}: {}\n", options.batch, lineNo, e);
      out = {{"line", lineNo}, {"errors", facts.errors}};
      std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      continue;
    }
    try {
      auto result = eval::evaluate(program, facts.applicant, evalOptions);
      out = renderEvalJson(program, facts.applicant, result, options.explain);
      out["line"] = lineNo;
      for (const auto& aw : result.awards)
        if (aw.quotaLimited && aw.counted()) ++quotaCounts[aw.clause];
      ++ok;
    } catch (const eval::EvalError& e) {
      ++failed;
      std::cerr << fmt::format("{}:{}: evaluation error: {}\n", options.batch, lineNo, e.what());
      out = {{"line", lineNo}, {"errors", {std::string("evaluation error: ") + e.what()}}};
    }
    std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    std::cout.flush();
  }
  std::cerr << fmt::format("{} applicants: {} evaluated, {} failed\n", ok + failed, ok, failed);
  for (const auto& [clause, count] : quotaCounts) {
    const ir::Clause& cl = program.clauses[clause];
    std::cerr << fmt::format("quota {}: {} qualify for {} place{}{}\n", cl.citation, count, *cl.quota,
                             *cl.quota == 1 ? "" : "s", cl.quotaAnnual ? " a year" : "");
  }
  return failed ? kExitErrors : kExitOk;
}

}  // namespace

CLI::App* addEvalCommand(CLI::App& app, EvalOptions& options) {
  auto* cmd = app.add_subcommand(
      "eval",
      "Evaluate one applicant (--facts) or many (--batch) against the policies: which clauses pay,\n"
      "how much, which are dropped by non-stacking rules or cut by caps, and who pays.\n"
      "Exit status: 0 evaluated, 1 policy errors, bad facts or an evaluation error, 2 usage error.");
  cmd->add_option("POLICY_PATH", options.paths, "Policy files or directories")->required();
  auto* facts = cmd->add_option("--facts", options.facts, "The applicant's facts, JSON (docs/facts.md)");
  auto* batch = cmd->add_option("--batch", options.batch,
                                "JSON Lines, one applicant per line; one JSON result per line on stdout");
  facts->excludes(batch);
  batch->excludes(facts);
  cmd->add_option("--date", options.date, "Evaluation date YYYY-MM-DD (default: the facts' date, else today)")
      ->check([](const std::string& d) { return ir::parseDate(d) ? std::string() : "expected YYYY-MM-DD"; });
  cmd->add_flag("--explain", options.explain, "Record and print the step-by-step calculation of each award");
  cmd->add_flag("--dump-ir", options.dumpIr, "Print the IR of the policies (docs/ir.md) and stop");
  addOutputOptions(*cmd, options.output);
  cmd->callback([cmd, &options] {
    if (options.facts.empty() && options.batch.empty() && !options.dumpIr)
      throw CLI::RequiredError("--facts or --batch");
    (void)cmd;
  });
  return cmd;
}

int runEval(const EvalOptions& options) {
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
  if (options.dumpIr) {
    std::cout << ir::dump(*program);
    return kExitOk;
  }
  eval::Options evalOptions;
  evalOptions.explain = options.explain;
  if (!options.date.empty()) evalOptions.date = ir::parseDate(options.date);
  if (!options.batch.empty()) return runBatch(options, *fe->model, *program, evalOptions);

  auto facts = facts::readFactsFile(*fe->model, *program, options.facts);
  if (!facts.ok()) {
    for (const auto& e : facts.errors) std::cerr << e << "\n";
    std::cerr << fmt::format("{} error{} in the facts; nothing evaluated.\n", facts.errors.size(),
                             facts.errors.size() == 1 ? "" : "s");
    return kExitErrors;
  }
  eval::Result result;
  try {
    result = eval::evaluate(*program, facts.applicant, evalOptions);
  } catch (const eval::EvalError& e) {
    std::cerr << "evaluation error: " << e.what() << "\n";
    return kExitErrors;
  }
  if (options.output.format == OutputFormat::Json)
    std::cout << renderEvalJson(*program, facts.applicant, result, options.explain)
                     .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
  else
    std::cout << renderEvalText(*program, facts.applicant, result, options.explain);
  return kExitOk;
}

}  // namespace polc
