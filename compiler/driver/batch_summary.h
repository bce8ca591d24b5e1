// The summary of `polc eval --batch` (docs/eval-output.md): how many applicants, totals per clause
// and per payer, and quota over-subscription per quota-limited clause. It keeps sums only — its size
// depends on the policies, never on the number of applicants — so a batch streams in constant
// memory. Also the progress line shown on a terminal.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <tuple>

#include <nlohmann/json.hpp>

#include "eval/eval.h"

namespace polc {

class BatchSummary {
 public:
  explicit BatchSummary(const ir::Program& program) : p_(program) {}

  void add(const eval::Result& result);  // one evaluated applicant
  void failed() { ++failed_; }           // one line that was rejected or failed to evaluate
  // An applicant added again (the same id, or the same facts, as an earlier line): still in the
  // totals, which it is also summed apart from, so that the operator sees how much to take off.
  void repeated(const eval::Result& result, bool byId);
  // A line whose facts gave no date, evaluated as of `date` (today's, the batch's): `line` is the
  // first such line when it is the first reported.
  void undated(int line, int date);

  std::string text() const;     // for stderr
  // Its lines about undated and repeated lines, which stderr gets with --summary FILE too.
  std::string notes() const;
  nlohmann::json json() const;  // for --summary FILE
  // Sums that left the exact decimal range: shown as overflowed, never as a smaller number.
  bool overflowed() const { return overflows_ > 0; }

 private:
  struct Sum {
    polrt::Decimal lo, hi;
    std::int64_t awards = 0;      // awards that pay (kept, capped or quota-limited)
    std::int64_t applicants = 0;  // applicants with at least one
    bool overflowed = false;      // lo and hi stopped at the amount that did not fit
  };
  void addTo(Sum& s, const polrt::Decimal& lo, const polrt::Decimal& hi);
  static std::string range(const Sum& s);

  const ir::Program& p_;
  std::int64_t evaluated_ = 0, failed_ = 0;
  std::int64_t overflows_ = 0;  // sums marked overflowed
  Sum total_;
  std::map<int, Sum> byClause_;                  // clause index → sums
  std::map<std::string, Sum> byPayer_;           // payer → its parts
  std::map<std::string, Sum> byArrangement_;     // "按现行财政体制执行" → awards with no split
  Sum noRule_, undecided_;  // awards of a document without funding rules; whose rule needs a fact not given
  // Awards counted above that a non-stacking group may still drop (their JSON may_be_replaced_by):
  // a part of the total that is provisional until the members not assessable are.
  Sum mayBeReplaced_;
  Sum repeated_;                                        // the paying awards of repeated lines
  std::int64_t repeatedById_ = 0, repeatedByFacts_ = 0;  // the lines
  std::int64_t undated_ = 0;
  int undatedDate_ = 0, firstUndated_ = 0;
  std::map<int, std::int64_t> benefits_, negotiated_;  // clause → applicants granted
  // (clause, evaluation year, or kEveryYear for a quota without 每年) → who qualifies
  static constexpr int kEveryYear = 0;
  std::map<std::pair<int, int>, Sum> quota_;
};

// "[#####     ] 45%  12,345 applicants" on stderr, redrawn at most ten times a second, only when
// stderr is a terminal. clear() erases it before other output goes to stderr.
class Progress {
 public:
  // `totalBytes` 0: the input's size is unknown (a pipe): only the count is shown.
  explicit Progress(std::uintmax_t totalBytes);
  ~Progress() { clear(); }
  void update(std::uintmax_t bytesRead, std::int64_t applicants);
  void clear();
  bool enabled() const { return enabled_; }

 private:
  bool enabled_ = false;
  bool shown_ = false;
  std::uintmax_t total_ = 0;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace polc
