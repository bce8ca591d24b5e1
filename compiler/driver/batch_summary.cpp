#include "driver/batch_summary.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <set>
#include <utility>

#include <unistd.h>

#include <fmt/format.h>

#include "decimal/money_words.h"
#include "driver/eval_output.h"
#include "support/counted.h"

namespace polc {
namespace {

using polrt::Decimal;

// Adds x to acc; false, acc unchanged, when the sum leaves Decimal's range (a scale-18 amount
// past ≈ 1.7 × 10^20 元, a whole one past ≈ 1.7 × 10^38 元).
bool accumulate(Decimal& acc, const Decimal& x) {
  Decimal out;
  if (polrt::add(acc, x, out) != polrt::ArithError::None) return false;
  acc = out;
  return true;
}

constexpr const char* kOverflowText = "beyond the exact decimal range (合计溢出)";

}  // namespace

std::string BatchSummary::range(const Sum& s) {
  if (s.overflowed) return kOverflowText;
  if (s.lo == s.hi) return eval::grouped(s.hi) + " 元";
  return eval::grouped(s.lo) + " 至 " + eval::grouped(s.hi) + " 元";
}

void BatchSummary::addTo(Sum& s, const Decimal& lo, const Decimal& hi) {
  // A sum that cannot hold the next amount is marked, never kept short of it: a total that left an
  // award out would be a wrong number that looks right.
  if (!s.overflowed && !(accumulate(s.lo, lo) && accumulate(s.hi, hi))) {
    s.overflowed = true;
    ++overflows_;
  }
  ++s.awards;
}

void BatchSummary::add(const eval::Result& r) {
  ++evaluated_;
  std::set<int> clauses, benefits, negotiated;
  std::set<std::string> payers, arrangements;
  bool noRule = false, undecided = false, replaceable = false;  // this applicant has one such award
  std::set<std::pair<int, int>> quotas;
  int year = ir::yearOf(r.date);
  bool paid = false;
  for (const auto& aw : r.awards) {
    if (!aw.counted()) continue;
    if (aw.kind == ir::AwardKind::Benefit) {
      if (benefits.insert(aw.clause).second) ++benefits_[aw.clause];
    } else if (aw.kind == ir::AwardKind::Negotiated) {
      if (negotiated.insert(aw.clause).second) ++negotiated_[aw.clause];
    }
    if (aw.quotaLimited) {
      // 名额 N 每年 is counted per evaluation year; a 名额 N without 每年 over every year at once.
      const std::pair<int, int> key{aw.clause, p_.clauses[aw.clause].quotaAnnual ? year : kEveryYear};
      Sum& q = quota_[key];
      addTo(q, aw.hasAmount() ? aw.lo : Decimal(), aw.hasAmount() ? aw.hi : Decimal());
      if (quotas.insert(key).second) ++q.applicants;
    }
    if (!aw.hasAmount()) continue;
    paid = true;
    addTo(total_, aw.lo, aw.hi);
    Sum& c = byClause_[aw.clause];
    addTo(c, aw.lo, aw.hi);
    if (clauses.insert(aw.clause).second) ++c.applicants;
    for (const auto& f : aw.funding) {
      Sum& s = byPayer_[f.payer];
      addTo(s, f.lo, f.hi);
      if (payers.insert(f.payer).second) ++s.applicants;
    }
    // Counted above as well: what a group may still drop once a member not assessable is.
    if (!aw.mayBeReplacedBy.empty()) {
      addTo(mayBeReplaced_, aw.lo, aw.hi);
      if (!std::exchange(replaceable, true)) ++mayBeReplaced_.applicants;
    }
    switch (eval::fundingGap(aw)) {
      case polrt::FundingGap::None: break;
      case polrt::FundingGap::Arrangement: {
        Sum& s = byArrangement_[aw.fundingArrangement];
        addTo(s, aw.lo, aw.hi);
        if (arrangements.insert(aw.fundingArrangement).second) ++s.applicants;
        break;
      }
      case polrt::FundingGap::NoRule:
        addTo(noRule_, aw.lo, aw.hi);
        if (!std::exchange(noRule, true)) ++noRule_.applicants;
        break;
      case polrt::FundingGap::Undecided:
        addTo(undecided_, aw.lo, aw.hi);
        if (!std::exchange(undecided, true)) ++undecided_.applicants;
        break;
    }
  }
  if (paid) ++total_.applicants;
}

void BatchSummary::repeated(const eval::Result& r, bool byId) {
  ++(byId ? repeatedById_ : repeatedByFacts_);
  bool paid = false;
  for (const auto& aw : r.awards)
    if (aw.counted() && aw.hasAmount()) {
      addTo(repeated_, aw.lo, aw.hi);
      paid = true;
    }
  if (paid) ++repeated_.applicants;
}

void BatchSummary::undated(int line, int date) {
  if (undated_++ == 0) firstUndated_ = line;
  undatedDate_ = date;
}

std::string BatchSummary::notes() const {
  std::string out;
  // Said once, not on each line: a batch of thousands would bury its other warnings under them.
  if (undated_)
    out += fmt::format("undated: {} without a date {} evaluated as of today, {} (the first: line {}); a run on another "
                       "day may give other amounts: give each line a \"date\", or run with --date\n",
                       counted(undated_, "line"), undated_ == 1 ? "was" : "were", ir::formatDate(undatedDate_),
                       firstUndated_);
  if (const std::int64_t lines = repeatedById_ + repeatedByFacts_)
    out += fmt::format("repeated: {} an earlier line ({} by its id, {} by the same facts), and the totals count {} "
                       "again: {} to {}, {}\n",
                       lines == 1 ? "1 line repeats" : counted(lines, "line") + " repeat", repeatedById_, repeatedByFacts_,
                       lines == 1 ? "it" : "them", counted(repeated_.awards, "award"),
                       counted(repeated_.applicants, "applicant"), range(repeated_));
  return out;
}

std::string BatchSummary::text() const {
  std::string out = fmt::format("{}: {} evaluated, {} failed\n", counted(evaluated_ + failed_, "applicant"), evaluated_,
                                failed_);
  out += notes();
  out += fmt::format("total: {} to {}, {}\n", counted(total_.awards, "award"), counted(total_.applicants, "applicant"),
                     range(total_));
  for (const auto& [clause, s] : byClause_)
    out += fmt::format("clause {}: {} to {}, {}\n", p_.clauses[clause].citation, counted(s.awards, "award"),
                       counted(s.applicants, "applicant"), range(s));
  for (const auto& [clause, n] : benefits_)
    out += fmt::format("clause {}: benefit granted to {}\n", p_.clauses[clause].citation, counted(n, "applicant"));
  for (const auto& [clause, n] : negotiated_)
    out += fmt::format("clause {}: 一事一议 for {}\n", p_.clauses[clause].citation, counted(n, "applicant"));
  for (const auto& [payer, s] : byPayer_) out += fmt::format("payer {}: {}\n", payer, range(s));
  for (const auto& [text, s] : byArrangement_)
    out += fmt::format("payer {}（no split）: {}\n", text, range(s));
  // What no payer's line counts besides, so that the payer lines add up to the total.
  if (noRule_.awards) out += fmt::format("no funding rule (未规定资金分担): {}\n", range(noRule_));
  if (undecided_.awards)
    out += fmt::format("funding undecided (资金分担无法判断): {}\n", range(undecided_));
  if (mayBeReplaced_.awards)
    out += fmt::format("may be replaced (可能被替换): {} to {}, {}\n", counted(mayBeReplaced_.awards, "award"),
                       counted(mayBeReplaced_.applicants, "applicant"), range(mayBeReplaced_));
  for (const auto& [key, s] : quota_) {
    const ir::Clause& cl = p_.clauses[key.first];
    std::int64_t places = cl.quota ? *cl.quota : 0;
    std::string over = s.awards > places ? fmt::format("over-subscribed by {}", s.awards - places)
                                         : fmt::format("{} left", counted(places - s.awards, "place"));
    out += fmt::format("quota {}{}: {} {} for {}{} ({}): {}\n", cl.citation,
                       cl.quotaAnnual ? fmt::format(" ({})", key.second) : "", s.awards,
                       s.awards == 1 ? "qualifies" : "qualify", counted(places, "place"),
                       cl.quotaAnnual ? " a year" : "", counted(s.applicants, "applicant"), over);
  }
  return out;
}

nlohmann::json BatchSummary::json() const {
  using json = nlohmann::json;
  auto amount = [](const Sum& s, const Decimal& d) { return s.overflowed ? json(nullptr) : json(d.normalized().toString()); };
  auto sumJson = [&](const Sum& s) {
    json j{{"awards", s.awards}, {"applicants", s.applicants}, {"min", amount(s, s.lo)}, {"max", amount(s, s.hi)}};
    if (s.overflowed) j["overflowed"] = true;
    return j;
  };
  json clauses = json::array();
  for (const auto& [clause, s] : byClause_) {
    json j = sumJson(s);
    j["citation"] = p_.clauses[clause].citation;
    clauses.push_back(j);
  }
  json benefits = json::array();
  for (const auto& [clause, n] : benefits_) benefits.push_back({{"citation", p_.clauses[clause].citation}, {"applicants", n}});
  json negotiated = json::array();
  for (const auto& [clause, n] : negotiated_) negotiated.push_back({{"citation", p_.clauses[clause].citation}, {"applicants", n}});
  json payers = json::array();
  for (const auto& [payer, s] : byPayer_) {
    json j = sumJson(s);
    j["payer"] = payer;
    payers.push_back(j);
  }
  json arrangements = json::array();
  for (const auto& [text, s] : byArrangement_) {
    json j = sumJson(s);
    j["arrangement"] = text;
    arrangements.push_back(j);
  }
  json quotas = json::array();
  for (const auto& [key, s] : quota_) {
    const ir::Clause& cl = p_.clauses[key.first];
    std::int64_t places = cl.quota ? *cl.quota : 0;
    quotas.push_back({{"citation", cl.citation},
                      {"year", cl.quotaAnnual ? json(key.second) : json(nullptr)},
                      {"places", places},
                      {"annual", cl.quotaAnnual},
                      {"qualifying", s.awards},
                      {"applicants", s.applicants},
                      {"over_subscribed_by", s.awards > places ? s.awards - places : 0},
                      {"min", amount(s, s.lo)},
                      {"max", amount(s, s.hi)}});
    if (s.overflowed) quotas.back()["overflowed"] = true;
  }
  json repeatedJson = sumJson(repeated_);
  repeatedJson["lines"] = repeatedById_ + repeatedByFacts_;
  repeatedJson["by_id"] = repeatedById_;
  repeatedJson["by_facts"] = repeatedByFacts_;
  repeatedJson["in_totals"] = true;
  return json{{"applicants", evaluated_ + failed_},
              {"evaluated", evaluated_},
              {"failed", failed_},
              {"total", sumJson(total_)},
              {"by_clause", clauses},
              {"benefits", benefits},
              {"negotiated", negotiated},
              {"by_payer", payers},
              {"by_arrangement", arrangements},
              {"no_funding_rule", sumJson(noRule_)},
              {"funding_undecided", sumJson(undecided_)},
              {"may_be_replaced", sumJson(mayBeReplaced_)},
              {"undated", {{"lines", undated_},
                           {"date", undated_ ? json(ir::formatDate(undatedDate_)) : json(nullptr)},
                           {"first_line", undated_ ? json(firstUndated_) : json(nullptr)}}},
              {"repeated", repeatedJson},
              {"quotas", quotas}};
}

// ---- progress -------------------------------------------------------------------------------------

Progress::Progress(std::uintmax_t totalBytes) : total_(totalBytes) {
  const char* term = std::getenv("TERM");
  enabled_ = isatty(STDERR_FILENO) != 0 && !(term && std::string(term) == "dumb");
}

void Progress::update(std::uintmax_t bytesRead, std::int64_t applicants) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (shown_ && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  std::string line;
  if (total_ > 0) {
    int pct = static_cast<int>(std::min<std::uintmax_t>(100, bytesRead * 100 / total_));
    int filled = pct / 5;
    line = fmt::format("[{}{}] {:3}%  {} {}", std::string(filled, '#'), std::string(20 - filled, ' '), pct,
                       polrt::groupedDigits(std::to_string(applicants)), nounFor(applicants, "applicant"));
  } else {
    line = fmt::format("{} {}", polrt::groupedDigits(std::to_string(applicants)), nounFor(applicants, "applicant"));
  }
  std::cerr << "\r" << line << "\x1b[K" << std::flush;
  shown_ = true;
}

void Progress::clear() {
  if (!shown_) return;
  std::cerr << "\r\x1b[K" << std::flush;
  shown_ = false;
}

}  // namespace polc
