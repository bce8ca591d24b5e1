// polc eval: compile the policies, read one applicant's facts (or a batch of them) and print what
// the policies give, with the reasons.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "backend/bytecode/bridge.h"
#include "backend/bytecode/emit.h"
#include "backend/llvm/jit.h"
#include "driver/batch_summary.h"
#include "driver/commands.h"
#include "driver/eval_output.h"
#include "driver/same_file.h"
#include "driver/why_not_output.h"
#include "facts/fact_place.h"
#include "facts/facts.h"
#include "facts/facts_digest.h"
#include "support/atomic_file.h"
#include "support/counted.h"
#include "support/first_seen.h"
#include "support/line_reader.h"
#include "support/read_file.h"
#include "ir/lower.h"

namespace polc {
namespace {

// The evaluator chosen by --backend: the reference evaluator, or the program compiled to bytecode,
// loaded and verified by the runtime and run on its VM, with its blocks interpreted or (llvm)
// compiled to native code (docs/llvm.md). All give an eval::Result, printed alike.
class Backend {
 public:
  explicit Backend(const ir::Program& program) : program_(program) {}

  // Compiles and loads the bytecode, and with `native` JIT-compiles its blocks; an error message,
  // empty on success.
  std::string useVm(bool native) {
    auto bc = bytecode::emit(program_);
    if (!bc.ok()) return "cannot compile to bytecode: " + bc.error;
    auto loaded = polrt::load(bc.bytes.data(), bc.bytes.size());
    if (!loaded.program) return "the runtime rejected the bytecode: " + loaded.error;
    vm_ = std::move(loaded.program);
    if (native) {
      std::string err;
      native_ = llvmjit::attach(*vm_, err);
      if (!native_) return "cannot compile to native code: " + err;
    }
    session_ = std::make_unique<polrt::Session>(*vm_);
    return "";
  }

  eval::Result evaluate(const eval::Applicant& a, const eval::Options& o) {
    if (!session_) return eval::evaluate(program_, a, o);
    bytecode::loadApplicant(*session_, a, o.date);
    if (!session_->evaluate(o.explain)) throw eval::EvalError(session_->error());
    return bytecode::toResult(*session_, o.explain);
  }

 private:
  const ir::Program& program_;
  std::unique_ptr<polrt::Program> vm_;
  std::unique_ptr<llvmjit::NativeCode> native_;  // owns vm_'s native blocks; destroyed before vm_
  std::unique_ptr<polrt::Session> session_;
};

// Where a message about a batch line stands: the line, and the column of the field it names or of a
// JSON syntax error (none for a message that names neither, such as an evaluation error). stderr
// gives it as `FILE:N:C: ` (`FILE:N: `); the line's JSON as {"line": N, "column": C or null}, one
// per message, so that a program reading the results finds the field as a person reading stderr does.
struct BatchPlace {
  int line;
  std::optional<std::size_t> column;

  BatchPlace(int lineNo, const std::string& text, const std::string& message) : line(lineNo) {
    if (const auto place = facts::placeOfMessage(text, message)) column = place->column;
  }
  std::string prefix(const std::string& file) const {
    return column ? fmt::format("{}:{}:{}: ", file, line, *column) : fmt::format("{}:{}: ", file, line);
  }
  nlohmann::json json() const { return {{"line", line}, {"column", column ? nlohmann::json(*column) : nlohmann::json()}}; }
};

// The applicant's id on stderr, after the place and the message's kind (`FILE:N:C: warning: [id
// A-0017] …`), so that an editor or a problem matcher still reads the place and the kind; "" when
// the line gives none.
std::string idTag(const nlohmann::json& id) {
  if (id.is_null()) return "";
  return "[id " + idText(id) + "] ";
}

// Facts that give no date, evaluated where --date gives none either: as of `today`, set on the
// applicant so that the day reported is the day evaluated (one day for a whole batch, even one that
// runs past midnight). True when so: polc says it, since a run on another day gives other amounts.
bool evaluatedToday(facts::FactsResult& facts, const eval::Options& o, int today) {
  if (o.date || facts.applicant.date) return false;
  facts.applicant.date = today;
  return true;
}

std::string undatedWarning(int today) {
  return fmt::format("no \"date\" in the facts, nor --date: evaluated as of today, {}; a run on another day may give "
                     "other amounts: give the facts a \"date\", or run with --date",
                     ir::formatDate(today));
}

// The same applicant given again in a batch: by its id when its line gives one (`key`: "id" or "编号",
// so that the message is placed at it), else by its facts.
std::string repeatWarning(const std::string& key, std::uint32_t firstLine) {
  if (!key.empty())
    return fmt::format("{}: the same id as line {}: the applicant is evaluated again, and the summary's totals count "
                       "it twice",
                       key, firstLine);
  return fmt::format("the same facts as line {}, with no id: the applicant is evaluated again, and the summary's totals "
                     "count it twice (if they are two applicants, give each its \"id\")",
                     firstLine);
}

// A batch line's JSON for messages that are not evaluated results: `errors` (or `warnings`) and,
// index for index, their places (`error_places`, `warning_places`).
void addMessages(nlohmann::json& out, const char* key, const char* placesKey, const std::vector<std::string>& messages,
                 int lineNo, const std::string& text) {
  nlohmann::json places = nlohmann::json::array();
  for (const auto& m : messages) places.push_back(BatchPlace(lineNo, text, m).json());
  out[key] = messages;
  out[placesKey] = std::move(places);
}

// A batch line's `why_not`: the blocks of the clauses asked about that pay the applicant nothing
// (the ones that pay are its awards already), an empty list when every one pays. Computed and
// dropped line by line, as the result is: the batch keeps nothing of it.
nlohmann::json batchWhyNot(const ir::Program& program, const SourceManager& sources, const eval::Applicant& a,
                           const eval::Result& result, const WhyNotAsked& asked) {
  std::vector<eval::WhyNot> reasons = whyNotReasons(program, a, result, asked).list;
  reasons.erase(std::remove_if(reasons.begin(), reasons.end(),
                               [](const eval::WhyNot& w) { return w.kind == eval::WhyNotKind::Applied; }),
                reasons.end());
  return renderWhyNotJson(program, sources, a, reasons);
}

int runBatch(const EvalOptions& options, const sema::Model& model, const ir::Program& program,
             const SourceManager& sources, const WhyNotAsked& whyNot, const eval::Options& evalOptions,
             Backend& backend) {
  // A batch may be a pipe or a FIFO (streamed line by line), but a directory opens
  // "successfully" and reads as empty: refuse it rather than report zero applicants. `-` is
  // standard input. Opened non-blocking: a FIFO no process writes to is then an empty batch after a
  // short wait for a writer, not an open that waits forever (support/line_reader.h).
  const std::string name = inputName(options.batch);
  int fd = STDIN_FILENO;
  if (!isStdin(options.batch)) {
    std::error_code dirEc;
    if (std::filesystem::is_directory(options.batch, dirEc)) {
      std::cerr << "polc eval: " << name << ": is a directory, not a file\n";
      return kExitErrors;
    }
    fd = ::open(options.batch.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
      const std::string why = whyNotOpened(errno);  // before the stream's writes may set errno
      std::cerr << "polc eval: " << name << ": " << why << "\n";
      return kExitErrors;
    }
  }
  struct Closer {
    int fd;
    ~Closer() {
      if (fd >= 0) ::close(fd);
    }
  } closer{isStdin(options.batch) ? -1 : fd};
  struct stat st {};
  const bool fifo = !isStdin(options.batch) && ::fstat(fd, &st) == 0 && S_ISFIFO(st.st_mode);
  LineReader in(fd, facts::kMaxFactsBytes, fifo);
  // The summary's file is made before the first applicant, so that a path that cannot be written
  // fails at once rather than after the whole batch. Its temporary is then removed and made again at
  // the end: a batch stopped by a signal (Ctrl-C, or SIGPIPE from `| head`) runs no destructor, and
  // left `.NAME.tmp.XXXXXX` beside the target. A device or FIFO, written in place, stays open: the
  // reader of a FIFO would take its closing for the end of the summary.
  std::optional<AtomicFile> summaryFile;
  auto openSummary = [&] {
    summaryFile.emplace(options.summary);
    if (!summaryFile->ok()) std::cerr << "polc eval: --summary " << summaryFile->error() << "\n";
    return summaryFile->ok();
  };
  if (!options.summary.empty()) {
    if (!openSummary()) return kExitErrors;
    if (!summaryFile->inPlace()) summaryFile.reset();
  }
  std::string line;
  int lineNo = 0, ok = 0, failed = 0;
  // Sums only: the batch streams line by line in constant memory; and, to find an applicant given
  // twice, 16 to 32 bytes per applicant evaluated (support/first_seen.h).
  BatchSummary summary(program);
  FirstSeen seen;
  const int today = ir::today();
  std::error_code sizeEc;
  auto size = !isStdin(options.batch) && std::filesystem::is_regular_file(options.batch, sizeEc)
                  ? std::filesystem::file_size(options.batch, sizeEc)
                  : 0;
  Progress progress(sizeEc ? 0 : size);
  std::uintmax_t bytesRead = 0;
  while (in.next(line)) {
    ++lineNo;
    bytesRead += line.size() + 1;
    progress.update(bytesRead, ok + failed);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    // Parsed here rather than by readFacts(text): a repeated id is placed at its key, "id" or "编号".
    nlohmann::json doc;
    facts::FactsResult facts;
    try {
      doc = facts::parseFactsJson(line);
      facts = facts::readFacts(model, program, doc, evalOptions.date, today);
    } catch (const std::exception& e) {
      facts.errors.push_back(e.what());
    }
    const std::string tag = idTag(facts.id);
    // The applicant's id on every line it gives one, failed or not, for the operator to join the
    // results back to the records.
    nlohmann::json out = {{"line", lineNo}};
    if (!facts.id.is_null()) out["id"] = facts.id;
    if (!facts.ok()) {
      ++failed;
      summary.failed();
      progress.clear();
      for (const auto& e : facts.errors) std::cerr << BatchPlace(lineNo, line, e).prefix(name) << tag << e << "\n";
      addMessages(out, "errors", "error_places", facts.errors, lineNo, line);
      std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      continue;
    }
    auto warn = [&] {
      for (const auto& w : facts.warnings) {
        progress.clear();
        std::cerr << BatchPlace(lineNo, line, w).prefix(name) << "warning: " << tag << w << "\n";
      }
    };
    if (evaluatedToday(facts, evalOptions, today)) {
      out["undated"] = true;
      summary.undated(lineNo, today);
    }
    try {
      auto result = backend.evaluate(facts.applicant, evalOptions);
      polc::facts::warnSharedPayees(program, result, facts);
      polc::facts::warnOnceThisYear(program, result, facts);
      polc::facts::warnCapThisYear(program, result, facts);
      const std::string idKey = facts.id.is_null() ? "" : doc.contains("id") ? "id" : "编号";
      const std::uint64_t key = idKey.empty() ? facts::applicantDigest(program, facts.applicant) : facts::idDigest(facts.id);
      const std::uint32_t first = seen.firstOrAdd(key, static_cast<std::uint32_t>(lineNo));
      if (first) facts.warnings.push_back(repeatWarning(idKey, first));
      warn();
      out.update(renderEvalJson(program, facts.applicant, result, options.explain));
      if (!options.whyNot.empty()) out["why_not"] = batchWhyNot(program, sources, facts.applicant, result, whyNot);
      if (!facts.warnings.empty()) addMessages(out, "warnings", "warning_places", facts.warnings, lineNo, line);
      summary.add(result);
      if (first) summary.repeated(result, !idKey.empty());
      ++ok;
    } catch (const eval::EvalError& e) {
      warn();  // the reader's, about the applicant: a failed evaluation grants nothing to warn of
      ++failed;
      summary.failed();
      progress.clear();
      std::cerr << fmt::format("{}:{}: evaluation error: {}{}\n", name, lineNo, tag, e.what());
      addMessages(out, "errors", "error_places", {std::string("evaluation error: ") + e.what()}, lineNo, line);
      if (!facts.warnings.empty()) addMessages(out, "warnings", "warning_places", facts.warnings, lineNo, line);
    }
    std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    std::cout.flush();
  }
  progress.clear();
  const bool stopped = !in.error().empty();
  if (stopped) {
    const std::string why = in.error() + ": the batch stops there";
    std::cerr << fmt::format("{}:{}: {}\n", name, lineNo + 1, why);
    // A line too long is an applicant that was not evaluated: counted and reported as a failed line,
    // so that the totals and the output account for every line read.
    if (in.stoppedAtLongLine()) {
      ++failed;
      summary.failed();
      nlohmann::json out = {{"line", lineNo + 1}};
      addMessages(out, "errors", "error_places", {why}, lineNo + 1, "");
      std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      std::cout.flush();
    }
  }
  if (!options.summary.empty()) {
    if (!summaryFile && !openSummary()) return kExitErrors;
    summaryFile->write(summary.json().dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    if (std::string err = summaryFile->commit(); !err.empty()) {
      std::cerr << "polc eval: " << err << "\n";
      return kExitErrors;
    }
    std::cerr << fmt::format("{}: {} evaluated, {} failed; summary in {}\n", counted(ok + failed, "applicant"), ok, failed,
                             options.summary)
              << summary.notes();
  } else {
    std::cerr << summary.text();
  }
  if (summary.overflowed())
    std::cerr << "polc eval: error: a total of the summary is beyond the exact decimal range, so it is not given "
                 "(each applicant's result is exact)\n";
  return failed || stopped || summary.overflowed() ? kExitErrors : kExitOk;
}

}  // namespace

int runEval(const EvalOptions& options) {
  auto fe = runFrontEnd(options.paths);
  auto program = lowerModel(*fe);
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
  Backend backend(*program);
  if (options.backend == "vm" || options.backend == "llvm") {
    std::string err = backend.useVm(options.backend == "llvm");
    if (!err.empty()) {
      std::cerr << "polc eval: " << err << "\n";
      return kExitErrors;
    }
  }
  if (!options.summary.empty()) {
    // The summary replaces the file it is written to: never the applicants of the batch, nor a policy.
    std::vector<std::string> inputs = sourcePaths(*fe);
    if (!isStdin(options.batch)) inputs.push_back(options.batch);
    if (std::string input = inputReplacedBy(options.summary, inputs); !input.empty()) {
      std::cerr << fmt::format("polc eval: --summary {} is the input file {}: the summary would replace it; give another file\n",
                               options.summary, input);
      return kExitUsage;
    }
  }
  const WhyNotAsked asked = resolveWhyNot(*program, *fe->model, options.whyNot);
  if (!asked.error.empty()) {
    std::cerr << "polc eval: " << asked.error << "\n";
    return kExitUsage;
  }
  for (const std::string& note : asked.notes) std::cerr << "polc eval: note: " << note << "\n";
  if (!options.batch.empty()) {
    if (asked.all) {
      std::cerr << "polc eval: --why-not all cannot be used with --batch: it lists every clause that pays an "
                   "applicant nothing, often more than a hundred blocks, on each line\n"
                   "help: name the clauses to ask about (--why-not 第2条第4款, repeatable), or run --facts FILE "
                   "--why-not all for one applicant\n";
      return kExitUsage;
    }
    return runBatch(options, *fe->model, *program, fe->sources, asked, evalOptions, backend);
  }

  // With --format json a program reads stdout: a failure is a JSON object there too ({"errors":
  // […]}, as a failed line of a batch), besides the text on stderr.
  const bool json = options.output.format == OutputFormat::Json;
  // One day for the reader's warnings and the evaluation alike (a run across midnight).
  const int today = ir::today();
  auto facts = facts::readFactsFile(*fe->model, *program, options.facts, evalOptions.date, today);
  auto jsonErrors = [&](const std::vector<std::string>& errors, const std::vector<std::string>& warnings = {}) {
    if (!json) return;
    nlohmann::json out{{"errors", errors}};
    if (!facts.id.is_null()) out["id"] = facts.id;
    if (!warnings.empty()) out["warnings"] = warnings;
    std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  };
  if (!facts.ok()) {
    for (const auto& e : facts.errors) std::cerr << e << "\n";
    std::cerr << fmt::format("{} error{} in the facts; nothing evaluated.\n", facts.errors.size(),
                             facts.errors.size() == 1 ? "" : "s");
    jsonErrors(facts.errors);
    return kExitErrors;
  }
  // Not in the result's "warnings", which are about the applicant, as the C API and the generated C++
  // give them: this one is about the run.
  const bool undated = evaluatedToday(facts, evalOptions, today);
  if (undated) std::cerr << "warning: " << facts.at(undatedWarning(today)) << "\n";
  eval::Result result;
  try {
    result = backend.evaluate(facts.applicant, evalOptions);
  } catch (const eval::EvalError& e) {
    // The reader's warnings are about the applicant, which was read: they stay on this error, as
    // a batch's failed line, the C API and the generated C++ keep them.
    for (const auto& w : facts.warnings) std::cerr << "warning: " << w << "\n";
    std::cerr << "evaluation error: " << e.what() << "\n";
    jsonErrors({std::string("evaluation error: ") + e.what()}, facts.warnings);
    return kExitErrors;
  }
  polc::facts::warnSharedPayees(*program, result, facts);
  polc::facts::warnOnceThisYear(*program, result, facts);
  polc::facts::warnCapThisYear(*program, result, facts);
  for (const auto& w : facts.warnings) std::cerr << "warning: " << w << "\n";
  // For the person reading the text only: a program asking for JSON writes its amounts in 元.
  if (!json)
    for (const auto& n : facts.notes) std::cerr << "note: " << n << "\n";
  // Computed from the IR whatever backend evaluated (eval/why_not.h), and only when asked: the
  // output without --why-not stays as it was.
  WhyNotReasons reasons;
  if (!options.whyNot.empty()) reasons = whyNotReasons(*program, facts.applicant, result, asked);
  if (json) {
    nlohmann::json out = renderEvalJson(*program, facts.applicant, result, options.explain);
    if (!facts.id.is_null()) out["id"] = facts.id;
    if (undated) out["undated"] = true;
    if (!facts.warnings.empty()) out["warnings"] = facts.warnings;
    if (!options.whyNot.empty()) out["why_not"] = renderWhyNotJson(*program, fe->sources, facts.applicant, reasons.list);
    std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else {
    std::cout << renderEvalText(*program, facts.applicant, result, options.explain, facts.id);
    if (!options.whyNot.empty()) std::cout << renderWhyNotText(*program, fe->sources, facts.applicant, reasons);
  }
  return kExitOk;
}

}  // namespace polc
