// polc: the policy compiler. This file is its command line: every subcommand's options and help
// (CLI11), the parsing, and the dispatch to the commands (driver/commands.h), which know nothing of
// CLI11. Keeping the header-only CLI11 in this one translation unit saves its compile time in
// every other file of the driver.
#include <iostream>
#include <map>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "decimal/date_words.h"
#include "driver/commands.h"

namespace polc {
namespace {

// --color, for every command that prints diagnostics. option_text: the help shows the choices as a
// reader types them, not CLI11's enum mapping (`ENUM:value in {always->1,auto->0,never->2} OR
// {1,0,2}`), which also let `--color 2` through.
void addColorOption(CLI::App& command, ColorMode& color) {
  command
      .add_option("--color", color, "Colour in text diagnostics: auto (only on a terminal), always, never")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, ColorMode>{
              {"auto", ColorMode::Auto}, {"always", ColorMode::Always}, {"never", ColorMode::Never}},
          CLI::ignore_case))
      // Transforms run last-added first: this one reports a bad value as `red not in {auto,always,never}`.
      ->transform(CLI::IsMember({"auto", "always", "never"}, CLI::ignore_case))
      ->option_text("auto|always|never (default: auto)");
}

// --format and --color, shared by the commands that print diagnostics. `formatHelp` replaces the
// description of --format for a command whose output is more than diagnostics (polc eval).
void addOutputOptions(CLI::App& command, OutputOptions& output, const std::string& formatHelp = "") {
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
  addColorOption(command, output.color);
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
      // A transform, not a check: it hands the function the member as listed, so `--format SARIF`
      // is sarif and `--format TEXT` text (a check let them through unchanged, and both gave JSON).
      ->transform(CLI::IsMember({"text", "json", "sarif"}, CLI::ignore_case))
      ->default_str("text");
  addColorOption(*cmd, options.output.color);
  // One value per -W or --error-on: CLI11 lets a repeatable option swallow the words after it, so
  // `polc check -W W0603=off a.pol b.pol` checked b.pol alone (a.pol was taken for a -W value).
  cmd->add_option("-W", options.warnings,
                  "Severity of a warning code (a checker finding, or the front end's W0424): -W CODE=error|warning|note|off, or -Wno-CODE (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--error-on", options.errorOn,
                  "Make a finding code, or every warning (`warning`), an error that fails the run (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--witness-dir", options.witnessDir,
                  "Write each finding's witness applicant (a facts file for polc eval) into this directory, "
                  "replacing the witness files of an earlier run there");
  cmd->add_option("--json-file", options.jsonFile,
                  "Also write the --format json document into this file, whatever --format prints: the text for "
                  "people and the document for tools from one run (written whole or not at all)");
  cmd->add_option("--sarif-file", options.sarifFile,
                  "Also write the --format sarif document into this file, alike");
  cmd->add_flag("--no-consistency", options.frontEndOnly, "Skip the consistency checker: only the front end and the lowering to the IR");
  cmd->add_flag("--stats", options.stats, "Print the checker's solver statistics on stderr");
  return cmd;
}

CLI::App* addEvalCommand(CLI::App& app, EvalOptions& options) {
  auto* cmd = app.add_subcommand(
      "eval",
      "Evaluate one applicant (--facts) or many (--batch) against the policies: which clauses pay,\n"
      "how much, which are dropped by non-stacking rules or cut by caps, and who pays. A batch is\n"
      "streamed: one JSON result per line on stdout, a summary on stderr (or --summary FILE); a\n"
      "line that fails is reported (on stderr, and as its JSON line: errors and their places) and\n"
      "the batch goes on. A line's \"id\" (or \"编号\") is echoed in its JSON and messages; the\n"
      "summary counts the lines without a date (evaluated as of today, the day it names) and the\n"
      "lines that repeat an earlier applicant (the same id, else the same facts; each also warned\n"
      "about on its line). Facts without a date, nor --date, are evaluated as of today.\n"
      "Facts that are read but may not give the figure expected (a recognition granted after the\n"
      "evaluation date, which is not held yet; an award received given by its target alone, which\n"
      "no cap counts; an item listing several payees of a clause, such as two 引荐人, of which only\n"
      "the first is paid; an award received this year under a 一次性 clause that the result pays\n"
      "again, which only an earlier year's award stops; an award received this year of a clause and\n"
      "item that the result pays, which a 累计 or 年度 cap takes to be that same award and does not\n"
      "count twice) are evaluated with a warning on stderr and in the JSON.\n"
      "Exit status: 0 evaluated, 1 policy errors, bad facts or an evaluation error (in a batch: of\n"
      "any line), 2 usage error.");
  cmd->add_option("POLICY_PATH", options.paths, "Policy files or directories")->required();
  auto* facts = cmd->add_option("--facts", options.facts, "The applicant's facts, JSON (docs/facts.md); - reads standard input");
  auto* batch = cmd->add_option("--batch", options.batch,
                                "JSON Lines, one applicant per line (- reads standard input); one JSON result per line on stdout");
  facts->excludes(batch);
  batch->excludes(facts);
  cmd->add_option("--summary", options.summary,
                  "With --batch: write the summary (counts, totals per clause and payer, quota\n"
                  "over-subscription) as JSON to this file instead of as text on stderr (not the\n"
                  "batch file or a policy file, which it would replace)")
      ->needs(batch)
      ->check([](const std::string& f) {
        return f == "-" ? std::string("standard output carries the results; give the summary a file") : std::string();
      });
  cmd->add_option("--date", options.date, "Evaluation date YYYY-MM-DD (default: the facts' date, else today)")
      ->check([](const std::string& d) { return polrt::dateProblem(d); });
  cmd->add_flag("--explain", options.explain, "Record and print the step-by-step calculation of each award");
  cmd->add_option("--backend", options.backend,
                  "Evaluator: ref (the reference evaluator, default), vm (the bytecode runtime) or llvm\n"
                  "(the runtime with its blocks compiled to native code by LLVM, docs/llvm.md; only when\n"
                  "polc was built with LLVM). All three print the same output")
      ->check(CLI::IsMember({"ref", "vm", "llvm"}));
  cmd->add_option("--why-not", options.whyNot,
                  "After the result: why a clause paid nothing, for each item it is about (repeatable).\n"
                  "A citation as the policy cites it (第2条第4款; an article, 第2条, for all its clauses;\n"
                  "the document's number or name before it: 常办发〔2022〕1号 第2条第4款; without it, a note\n"
                  "when several documents have the clause), or all for every clause that pays nothing, the\n"
                  "clauses with the same reason in one block of text: the first condition that failed as\n"
                  "written, with the values it read and its file:line, or the award's status and reason.\n"
                  "With --batch, citations only (all is a usage error there): each line's JSON gets the\n"
                  "clauses asked about that pay it nothing. A citation that names no clause is a usage error");
  cmd->add_flag("--dump-ir", options.dumpIr, "Print the IR of the policies (docs/ir.md) and stop");
  addOutputOptions(*cmd, options.output,
                   "The result (with --facts) as text, a table for people with the steps of --explain,\n"
                   "or json (docs/eval-output.md), both on stdout; policy diagnostics likewise as text\n"
                   "on stderr or json on stdout. --batch always writes JSON Lines.");
  cmd->callback([cmd, &options] {
    if (options.facts.empty() && options.batch.empty() && !options.dumpIr)
      throw CLI::RequiredError("--facts or --batch");
    (void)cmd;
  });
  return cmd;
}

CLI::App* addTestCommand(CLI::App& app, TestOptions& options) {
  auto* cmd = app.add_subcommand(
      "test",
      "Run policy test cases (docs/testing.md): each case gives an applicant's facts and the awards\n"
      "a reader of the policy text expects; polc evaluates the facts and prints every difference.\n"
      "PATH is a *.test.json file or a directory searched recursively for them. The last line of\n"
      "the output is `N passed, N failed`.\n"
      "Exit status: 0 all passed, 1 some failed (or a test file is malformed), 2 usage error\n"
      "(a path that does not exist, no test files, no case whose name contains the --filter text).");
  cmd->add_option("PATH", options.paths, "Test files or directories")->required();
  cmd->add_option("--filter", options.filter, "Run only the cases whose name contains this text");
  cmd->add_flag("-v,--verbose", options.verbose, "Name every case that passes, not only the failures");
  cmd->add_flag("--coverage", options.coverage,
                "Also list the clauses that no passing case shows paying, or shows not paying; a clause\n"
                "the cases show dropped that its non-stacking group never keeps (polc check's W0640) is\n"
                "listed as never kept, not as untested; one whose conditions cannot hold together (W0610,\n"
                "W0611) as never applying, and in neither list");
  cmd->add_option("--format", options.format,
                  "text (each failure as a diff, then `N passed, N failed`), json (one document: every\n"
                  "file and case with its differences, the counts, the coverage) or junit (JUnit XML, a\n"
                  "testsuite per file, for CI systems); all on stdout")
      ->check(CLI::IsMember({"text", "json", "junit"}))
      ->default_str("text");
  return cmd;
}

CLI::App* addBuildCommand(CLI::App& app, BuildOptions& options) {
  auto* cmd = app.add_subcommand(
      "build",
      "Compile policy files and write an artefact: the policy IR as text (--emit=ir, docs/ir.md,\n"
      "for debugging), bytecode for the runtime (--emit=bytecode), C++ source (--emit=cpp), or the\n"
      "bytecode's blocks compiled by LLVM (--emit=llvm-ir, --emit=obj; docs/llvm.md; only when polc\n"
      "was built with LLVM).\n"
      "Exit status: 0 written, 1 policy errors or the output cannot be written, 2 usage error.");
  cmd->add_option("POLICY_PATH", options.paths, "Policy files or directories")->required();
  cmd->add_option("--emit", options.emit,
                  "What to write: ir (the IR dump), bytecode (a .polb file for the runtime,\n"
                  "docs/bytecode.md; needs -o FILE), cpp (C++ source; needs -o DIR), llvm-ir\n"
                  "(LLVM IR text of the native blocks; -o FILE or stdout) or obj (an object file\n"
                  "embedding the bytecode and its native blocks, with a C entry point, see --entry;\n"
                  "needs -o FILE.o)")
      ->check(CLI::IsMember({"ir", "bytecode", "cpp", "llvm-ir", "obj"}))
      ->default_str("ir");
  cmd->add_option("-o,--output", options.outputFile,
                  "Write to this file, or directory for cpp (through a temporary file and a rename: "
                  "never a partial file; never one of the policy files read); default: stdout");
  cmd->add_option("--name", options.cppName,
                  "--emit=cpp (-o DIR): base name of the generated NAME.h/NAME.cpp and their C++ namespace: a C++\n"
                  "identifier, not a keyword, nor one the standard reserves (_x, a__b) or a macro's (NULL, assert)")
      ->default_str("policy");
  cmd->add_option("--entry", options.entry,
                  "--emit=obj: name of the C entry point, polrt_status NAME(polrt_program** out)\n"
                  "(runtime/include/polrt.h)")
      ->default_str("polc_policy_load");
  addOutputOptions(*cmd, options.output);
  // Each names something only one --emit writes: given with another, it was silently ignored, and
  // the user believed the artefact named so.
  cmd->callback([cmd, &options] {
    for (const auto& [flag, emit] : {std::pair{"--name", "cpp"}, std::pair{"--entry", "obj"}})
      if (cmd->count(flag) && options.emit != emit)
        throw CLI::ValidationError(flag, fmt::format("is for --emit={} only, not --emit={}", emit, options.emit));
  });
  return cmd;
}

}  // namespace
}  // namespace polc

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

  // CLI11 says only "A subcommand is required" for `polc frob`: name the word and the commands.
  bool known = false;
  if (argc > 1)
    for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) known = known || sub->check_name(argv[1]);
  if (argc > 1 && argv[1][0] != '-' && !known) {
    std::cerr << "polc: unknown command `" << argv[1] << "`: the commands are check, eval, test and build (polc --help)\n";
    return kExitUsage;
  }
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
  StdoutErrno stdoutErrno;
  try {
    if (checkCmd->parsed()) return statusAfterStdout(runCheck(check), stdoutErrno);
    if (evalCmd->parsed()) return statusAfterStdout(runEval(evalOptions), stdoutErrno);
    if (testCmd->parsed()) return statusAfterStdout(runTest(testOptions), stdoutErrno);
    if (buildCmd->parsed()) return statusAfterStdout(runBuild(buildOptions), stdoutErrno);
  } catch (const std::exception& e) {
    // Every expected failure is a diagnostic; reaching here is a polc bug, said plainly.
    std::cerr << "polc: internal error: " << e.what() << "\n";
    return 3;
  }
  return kExitUsage;
}
