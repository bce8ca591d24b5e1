// The facts reader: one applicant as JSON (docs/facts.md) → eval::Applicant. Every problem is
// reported with the JSON path of the field (`企业.项目[1].设备投入: expected money, got "abc"`);
// a file with any error gives no applicant.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "eval/eval.h"
#include "facts/fact_place.h"
#include "ir/ir.h"
#include "sema/model.h"

namespace polc::facts {

struct FactsResult {
  eval::Applicant applicant;
  std::vector<std::string> errors;  // empty when the applicant is complete
  // The applicant is evaluated, but a figure may not be what the agency expects (an award received
  // that no cap counts): said beside the result, never silently.
  std::vector<std::string> warnings;
  // How a value was read, for a person reading `polc eval`'s text: a money fact given as a plain
  // JSON number, read in 元 (docs/facts.md) although a writer may have meant 万元. Not a warning:
  // a program writes amounts in 元 as numbers, and the C API and the generated C++ read them alike.
  std::vector<std::string> notes;
  // The applicant's own id (top-level "id" or "编号"): a string or an unsigned integer as given, null
  // when none is; kept when other facts are refused, so that their errors name the applicant.
  nlohmann::json id;
  // The file read (`inputName`), "" for a text given as it is, and its text: each error and warning
  // starts with the file's name and the line and column of the field it names (`at`, fact_place.h).
  std::string file;
  std::string text;
  std::string at(const std::string& message) const { return file.empty() ? message : withPlace(file, text, message); }
  bool ok() const { return errors.empty(); }
};

// After the evaluation, the warnings that depend on its result, appended to `facts.warnings` after
// the reader's (polc eval's order): an item listing several items a clause pays (two 引荐人 of a
// project) whose first one an award of `result` goes to and grants something (docs/facts.md).
// The VM and the generated C++ find them by the same rule (decimal/payee_words.h).
void warnSharedPayees(const ir::Program& program, const eval::Result& result, FactsResult& facts);
// After those, an award received in the evaluation year under a 一次性 clause that `result` pays
// again to the same item: 一次性 counts earlier years only (docs/eval-output.md). The VM and the
// generated C++ find them by the same rule (decimal/once_year_words.h).
void warnOnceThisYear(const ir::Program& program, const eval::Result& result, FactsResult& facts);
// Then, an award received in the evaluation year that a 累计 or 年度 cap took to be the result's own
// award of its clause for its item, evaluated again, and did not count a second time. The VM and the
// generated C++ find them by the same rule (decimal/cap_year_words.h).
void warnCapThisYear(const ir::Program& program, const eval::Result& result, FactsResult& facts);

// Units in values ("1200万元", "500吨标煤") are resolved against the model's declared units. `date`:
// the evaluation date when one is given besides the facts (`polc eval --date`), which wins over the
// facts' own; the warnings about awards received go by its year (docs/eval-output.md). `today`: the
// day facts without a date are evaluated as of (a batch's one day for all its lines), for the
// warnings that depend on the date; none: the clock's day when read.
FactsResult readFacts(const sema::Model& model, const ir::Program& program, const std::string& json,
                      std::optional<int> date = std::nullopt, std::optional<int> today = std::nullopt);
// One applicant is a few KB; the limit (of a facts file, or of a line of a batch) keeps a stray
// file from taking gigabytes as a JSON tree.
inline constexpr std::size_t kMaxFactsBytes = 16u * 1024 * 1024;

FactsResult readFactsFile(const sema::Model& model, const ir::Program& program, const std::string& path,
                          std::optional<int> date = std::nullopt, std::optional<int> today = std::nullopt);
// An already parsed document, read by parseFactsJson (a number is kept as its text, apart from a
// string): one line of a batch file, the facts of a polc test case.
FactsResult readFacts(const sema::Model& model, const ir::Program& program, const nlohmann::json& doc,
                      std::optional<int> date = std::nullopt, std::optional<int> today = std::nullopt);

// Parses JSON keeping every number as its source text, never through binary floating point (0.12
// stays exact), and apart from a string (a JSON binary holding the text), so that a text fact
// refuses `"名称": 123` as the other readers do. How readFacts reads facts text, and how polc test
// reads a test file, whose cases' facts readFacts then reads as they are. Throws
// std::runtime_error on bad syntax.
nlohmann::json parseFactsJson(const std::string& text);
// The text of a number of a parseFactsJson tree, or of a string; nullopt for anything else.
std::optional<std::string> numberText(const nlohmann::json& v);

}  // namespace polc::facts
