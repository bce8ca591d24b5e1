// The reference evaluator: one applicant against a compiled policy set, exactly as docs/ir.md
// defines it. Other evaluators (bytecode, generated C++) must agree with this one on every input.
#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "decimal/funding_gap.h"
#include "ir/ir.h"

namespace polc::eval {

using polrt::Decimal;

// ---- the applicant --------------------------------------------------------------------------------

// One instance of a subject: the enterprise, one of its projects, …
struct Instance {
  int subject = -1;
  std::string path;  // 企业.项目[1], for messages and results
  int parent = -1;
  std::vector<int> children;
  std::vector<std::optional<ir::Value>> facts;        // per fact slot; nullopt when not given
  std::vector<std::map<int, ir::Value>> history;      // per fact slot: year → value
};

// An award received before (or earlier this year), as the facts file lists it.
struct ReceivedAward {
  int instance = 0;      // the instance whose object lists it
  int clause = -1;       // resolved citation, -1 when only a target was given
  std::string citation;  // as written
  int target = -1;       // resolved target, -1 when not given
  Decimal amount;
  int year = 0;
};

struct Applicant {
  std::vector<Instance> instances;  // [0] is the applicant itself; children follow their owners
  std::vector<ReceivedAward> received;
  std::optional<int> date;  // the facts file's "date", in days
};

// ---- the result -----------------------------------------------------------------------------------

enum class Status { Kept, Capped, QuotaLimited, Dropped, NotAssessable, AlreadyReceived };
// kept, capped, quota_limited, dropped, not_assessable, already_received
const char* statusName(Status s);

struct FundingPart {
  std::string payer;
  Decimal lo, hi;
};

struct Installment {
  int year = 0;
  Decimal lo, hi;
};

struct Award {
  int clause = -1;
  int instance = -1;  // the item the clause was evaluated for
  ir::AwardKind kind = ir::AwardKind::Pay;
  AmountForm form = AmountForm::Exact;
  Decimal lo, hi;      // final amounts (after caps); meaningful for Pay awards that are assessable
  Decimal computedHi;  // the ceiling before caps over several clauses, for the record
  Status status = Status::Kept;
  bool capped = false;        // reduced by a cap over several clauses
  bool quotaLimited = false;  // subject to a quota over all applicants
  std::string reason;         // why dropped / capped / not assessable / quota-limited
  std::vector<std::string> missing;  // NotAssessable: the facts it needs
  int payeeInstance = -1;
  std::string payee;  // the payee's path, or its subject name when the facts do not list it
  std::vector<FundingPart> funding;
  std::string fundingArrangement;  // a funding rule in words ("按现行财政体制执行"): no split
  // A funding rule's condition needs a fact not given (its note names them): the totals' 资金分担无法判断.
  bool fundingUndecided = false;
  std::vector<Installment> installments;
  // The clause's 释义; as the steps go, why the parts of the installments differ, then why those of
  // the funding split do or that its rule cannot be decided (polrt::remainder; `remainderNotes`
  // of them, the undecided one aside); then one per non-stacking group that may still drop the award.
  std::vector<std::string> notes;
  int remainderNotes = 0;
  // The funding part and the installment that took the remainder of parts that do not divide
  // evenly (polrt::remainder), -1 when they do or there are none: polrt_award_funding_remainder.
  int fundingRemainder = -1, installmentsRemainder = -1;
  // Not-assessable members of a non-stacking group that may replace this award once assessed
  // (polrt::replaceableNote): each named as describe() names an award, in award order.
  std::vector<std::string> mayBeReplacedBy;
  std::vector<std::string> explanation;  // filled only when asked for

  bool hasAmount() const {
    return kind == ir::AwardKind::Pay && status != Status::NotAssessable && status != Status::AlreadyReceived;
  }
  bool counted() const {
    return status != Status::Dropped && status != Status::NotAssessable && status != Status::AlreadyReceived;
  }
};

struct Totals {
  Decimal exact;     // Σ of kept Exact awards
  Decimal upTo;      // Σ of ceilings of kept UpTo awards
  Decimal rangeLo, rangeHi;  // Σ of kept Range awards
  Decimal lo, hi;    // overall range of kept awards
  int exactCount = 0, upToCount = 0, rangeCount = 0;
  int benefits = 0, negotiated = 0, dropped = 0, notAssessable = 0, alreadyReceived = 0;
  std::map<std::string, std::pair<Decimal, Decimal>> byPayer;  // funding totals, lo and hi
};

struct Result {
  int date = 0;
  std::vector<Award> awards;
  Totals totals;
};

struct Options {
  std::optional<int> date;  // overrides the applicant's date; neither: today
  bool explain = false;
};

// A failure that leaves no trustworthy result: an overflow, a parameter before its first date, a
// division by zero. The message names the clause and the expression.
struct EvalError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

Result evaluate(const ir::Program& program, const Applicant& applicant, const Options& options);

// The documents with clauses that are not in force on the result's date, in the program's order
// (polc eval's not_in_force; the VM's Session::notInForce and the generated C++'s
// Result::notInForce say the same): the date is why none of their clauses is in the result (facts
// without "date" are evaluated today, after every period), which "没有适用的条款", or a result of the
// city's clauses alone for a district's applicant after its measures' year, does not say. Listed
// whether or not some award applies.
std::vector<const ir::Document*> outOfForce(const ir::Program& p, const Result& r);

// Why a kept award is in no payer's total, from its flags (runtime/decimal/funding_gap.h), and the
// totals of such awards and of those a group may still replace: polc eval's by_arrangement,
// no_funding_rule, funding_undecided and may_be_replaced, as the C API and the generated C++ give them.
polrt::FundingGap fundingGap(const Award& aw);
polrt::GapTotals gapTotals(const Result& r);

// ---- formatting shared by the evaluator's explanations and the driver --------------------------

// 元 amounts as a reader writes them: 960万元, 2.5亿元, 1234.50元 (runtime/decimal/money_words.h).
std::string money(const Decimal& yuan);
// 元 amounts with thousands separators, exact and to the fen when not whole: 12,000,000; 617,283.90.
std::string grouped(const Decimal& v);
// A number of the given type: money as above, rates as percentages, other units after the number.
std::string quantity(const ir::Program& p, const Decimal& v, const Type& t);
std::string amountText(const Decimal& lo, const Decimal& hi, AmountForm form);

}  // namespace polc::eval
