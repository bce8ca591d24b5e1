// The consistency checker (R17–R21): over every clause of every document compiled together, finds
// overlapping and conflicting clauses, clauses shadowed inside a take-the-highest group, tier and cap
// errors and dead or always-true conditions. Each finding carries a witness: a concrete applicant in
// the facts format of `polc eval` (docs/facts.md) that demonstrates it. docs/checker.md describes the
// analyses; docs/diagnostics.md lists the codes (W06xx).
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ir/ir.h"
#include "sema/model.h"
#include "support/diagnostics.h"

namespace polc::check {

enum class FindingKind {
  Overlap,                // W0601
  Conflict,               // W0602
  CoveredOverlap,         // W0603
  AcceptedOverlap,        // W0604
  UndecidedPair,          // W0605
  DeadClause,             // W0610
  ContradictoryExclusion, // W0611
  AlwaysTrue,             // W0612
  UndecidedClause,        // W0613
  TierPaysLess,           // W0620
  TierUnreachable,        // W0621
  TierGap,                // W0622
  TierOrder,              // W0623
  CaseRangeGap,           // W0624
  CaseSharedBound,        // W0625
  CapAboveProgramme,      // W0630
  CapUnreachable,         // W0631
  CapAlwaysReached,       // W0632
  RateOver100,            // W0633
  CapNotPositive,         // W0634
  RoundingMovesAmount,    // W0635
  NegativeAmount,         // W0636
  NeverActs,              // W0637
  ReadBeforeFirstValue,   // W0638
  QuoteNumber,            // W0639
  Shadowed,               // W0640
  GapNotSearched,         // W0641
  QuoteNumberRole,        // W0642
  KeptAfterEarlierDrop,   // W0643
  PairOverBase,           // W0644
};

const char* codeOf(FindingKind k);
const char* kindName(FindingKind k);  // "overlap", "conflict", …
Severity defaultSeverity(FindingKind k);
// Every code with its kind, for documentation and SARIF rules.
const std::vector<FindingKind>& allKinds();
const char* ruleDescription(FindingKind k);
// Whether findings of this kind carry an applicant: not those about the rules themselves (a cap or a
// group that can never act, a number the 原文 does not state), which no evaluation of one applicant
// could show.
bool hasWitness(FindingKind k);

struct ClauseRefInfo {
  int clause = -1;
  std::string citation;
  std::string text;  // 原文
  Span span;
};

struct Finding {
  FindingKind kind = FindingKind::Overlap;
  std::string message;
  Span span;                        // primary location
  std::vector<DiagNote> notes;      // the other clause, the group, …
  std::vector<std::string> help;    // witness summary and amounts
  std::vector<int> clauses;         // the clauses involved (IR indices), primary first
  std::vector<ClauseRefInfo> refs;  // the same, with citation, 原文 and place
  std::string group;                // the covering group, the cap, when there is one
  std::string relation;             // the stated relation's reason (accepted overlaps)
  std::string contradiction;        // W0610, W0611: the conditions that cannot hold together, joined by ；
  nlohmann::ordered_json witness;   // the applicant, as a facts file (null when there is none)
  nlohmann::ordered_json contrast;  // a second applicant for comparisons (null when none)
  std::string witnessSummary;
  std::vector<std::string> amounts;  // what the clauses pay the witness
  // What the evaluator must show for the witness (see replay.h).
  std::optional<polrt::Decimal> expectHi;    // the primary clause's computed ceiling
  std::optional<polrt::Decimal> contrastHi;  // the primary clause's ceiling for the contrast
  std::optional<polrt::Decimal> limit;       // a cap, a base: the bound the claim compares with
  std::string baseFact;                      // RateOver100: the base fact, as 主体.事实
  std::string parameter;                     // ReadBeforeFirstValue: the parameter read
};

// Z3's resource limit per query (its `rlimit`, a count of the solver's steps): the same on every
// machine at any load, where a time limit made a busy machine's report differ (W0605 for a finding).
// The hardest query of the seeds and of the test suite uses 1,536, of the 10,000-clause benchmark 829
// (`polc check --stats` and the benchmark print it); a hard linear query spends 4 million in about
// 2 s of CPU, as the 2-s timeout this replaces allowed (docs/checker.md).
inline constexpr unsigned kZ3ResourceLimit = 4000000;
// A far backstop in wall-clock time: Z3 4.8.12 counts little of its work on products of facts
// (nonlinear arithmetic: 30,000 took 1–6 s of CPU there), so such a query is stopped by time only.
inline constexpr unsigned kZ3BackstopMs = 60000;

struct Options {
  unsigned z3ResourceLimit = kZ3ResourceLimit;
  unsigned z3BackstopMs = kZ3BackstopMs;
  // Confirm each overlap's witness with the reference evaluator before reporting it (and report the
  // pair as undecided when the evaluator disagrees).
  bool confirm = true;
  // Compare the numbers each clause's code writes with those of its 原文 (W0639). The checker's own
  // tests turn it off for small policies whose 原文 are placeholders written for another finding.
  bool quoteNumbers = true;
};

// The pairs of alternatives (boxes of the two conditions, or bounds on one dated read) a gap search
// tries per pair of clauses: 20 alternatives beside 20 would be 400 solver queries. The seeds need 4,
// the 10,000-clause benchmark 16 (421 of its pairs of clauses need all of them). A search the cap stops
// is counted in Stats::gapSearchesCut (`polc check --stats`) and reported once per pair of clauses
// (W0641, a note), so that a clean report does not read as "no gap" where none was looked for.
inline constexpr std::size_t kGapPairsPerClausePair = 16;

// The pairs of clauses on one base a W0644 search tries (check_shared_base.cpp): pairs whose rates may
// sum above 100 %, rare in real policies (the seeds have one); a bucket of thousands of clauses at 80 %
// would be millions of queries. The pairs past it are counted in Stats::basePairsNotTried (`polc check
// --stats`, and the summary line when there are any).
inline constexpr long kPairsPerBase = 64;

struct Stats {
  int clauses = 0, payingClauses = 0;
  long candidatePairs = 0, overlapQueries = 0;
  long boxQueries = 0, z3Queries = 0, z3Unknown = 0, z3Reasked = 0;
  std::uint64_t z3MostResources = 0;  // the most of Z3's resource count one query used
  long evaluations = 0;
  // Gap searches (W0622/W0624 between two clauses, on a number or a dated parameter) that stopped at
  // the cap on pairs of alternatives tried: the gaps past it are not known either way.
  long gapSearchesCut = 0;
  // Pairs of awards on one base (W0644) past kPairsPerBase: whether they pay more than it is not known.
  long basePairsNotTried = 0;
};

struct Result {
  std::vector<Finding> findings;  // sorted by location
  Stats stats;
};

Result run(const sema::Model& model, const ir::Program& program, const Options& options = {});

// ---- reporting (report.cpp) ------------------------------------------------------------------------

// -W CODE=error|warning|note|off, -W no-CODE, --error-on CODE|warning.
struct SeverityConfig {
  std::map<std::string, std::optional<Severity>> byCode;  // nullopt: off
  std::set<std::string> errorOn;                           // codes, or "warning" for all warnings
  // Parses one -W value; false with a message on a bad one.
  bool parseW(const std::string& value, std::string& error);
  bool parseErrorOn(const std::string& value, std::string& error);
  // The severity a finding is reported with, or nullopt when it is turned off.
  std::optional<Severity> severityOf(FindingKind k) const;
  std::optional<Severity> severityOf(const std::string& code, Severity byDefault) const;
  // The front end's warnings (W04xx) under the same options: their severity changed, or dropped.
  void applyToFrontEnd(std::vector<Diagnostic>& diags) const;
};

struct Reported {
  Diagnostic diag;
  const Finding* finding = nullptr;
};

std::vector<Reported> toDiagnostics(const Result& r, const SeverityConfig& cfg);
// The diagnostics JSON (support/diagnostics.h) with a "finding" object on each checker diagnostic.
std::string renderFindingsJson(const SourceManager& sm, const std::vector<Diagnostic>& frontEnd,
                               const std::vector<Reported>& findings);
// SARIF 2.1.0: one run, the rules of every W06xx code, one result per diagnostic.
std::string renderSarif(const SourceManager& sm, const std::vector<Diagnostic>& frontEnd,
                        const std::vector<Reported>& findings);
nlohmann::ordered_json findingJson(const SourceManager& sm, const Finding& f);
// The files written for one finding.
struct WitnessFile {
  const Finding* finding = nullptr;
  std::string witness;   // NNNN-CODE-citation.json
  std::string contrast;  // NNNN-CODE-citation.contrast.json, the second applicant; empty when none
};
// One facts file per finding with a witness (NNNN: the finding's place in the report), each readable
// by `polc eval --facts`, and a second one for a finding's contrast applicant (tiers). Each file is
// written atomically (support/atomic_file.h): a failure leaves no partial file. Returns the findings
// whose files were all written; errors are appended to `errors`.
std::vector<WitnessFile> writeWitnesses(const std::string& dir, const std::vector<Reported>& findings,
                                        std::vector<std::string>& errors);

}  // namespace polc::check
