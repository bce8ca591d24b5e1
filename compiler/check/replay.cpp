#include "check/replay.h"

#include <algorithm>
#include <fstream>
#include <optional>

#include <fmt/format.h>

#include "check/witness.h"
#include "facts/facts.h"

namespace polc::check {

namespace {

using polrt::Decimal;

std::string show(const eval::Award* a) {
  if (!a) return "no award";
  return fmt::format("{} (computed {}, status {})", eval::amountText(a->lo, a->hi, a->form), eval::money(a->computedHi),
                     eval::statusName(a->status));
}

bool near(const Decimal& a, const Decimal& b, const Decimal& unit) {
  Decimal d;
  if (polrt::sub(a, b, d) != polrt::ArithError::None) return false;
  return d.abs() <= unit;
}

// The whole program evaluated on one applicant, as `polc eval` does it.
struct Evaluated {
  std::optional<eval::Result> result;
  std::string error;
  // For W0636 and W0638: the error of the finding's clause evaluated alone on the witness. A program
  // stops at its first error, so a clause listed before it that stops the evaluation too would hide
  // its own.
  std::string alone;
};

// The findings whose claim is that the witness's evaluation stops with an error.
bool claimsAStop(FindingKind k) { return k == FindingKind::NegativeAmount || k == FindingKind::ReadBeforeFirstValue; }

// The evaluators' words for the stop the finding claims.
bool namesTheStop(const Finding& f, const std::string& error) {
  if (f.kind == FindingKind::ReadBeforeFirstValue)
    return error.find(f.parameter + " has no value on ") != std::string::npos;
  return error.find("an award is never below 0") != std::string::npos ||
         error.find("a cap is never below 0") != std::string::npos;
}

std::string aloneError(const sema::Model& model, const ir::Program& program, const Finding& f,
                       const nlohmann::ordered_json& facts) {
  if (!claimsAStop(f.kind) || f.clauses.empty()) return "";
  Runner r(model, program);
  std::string error;
  return r.run({f.clauses[0]}, facts, &error) ? "" : error;
}

Evaluated evaluateRead(const ir::Program& program, const facts::FactsResult& read) {
  Evaluated out;
  if (!read.ok()) {
    out.error = read.errors.front();
    return out;
  }
  try {
    out.result = eval::evaluate(program, read.applicant, eval::Options{});
  } catch (const eval::EvalError& e) {
    out.error = e.what();
  }
  return out;
}

// Whether the evaluation of the witness (and of the contrast, when the finding has one) shows the
// finding's claim.
Replay judge(const ir::Program& program, const Finding& f, const Evaluated& witness, const Evaluated* contrast) {
  Replay out;
  // Undecided claims nothing: its applicant is the solver's, which may stop the evaluation (a clause
  // whose cap is below 0, W0636).
  if (f.kind == FindingKind::UndecidedPair || f.kind == FindingKind::UndecidedClause) {
    out.ok = true;
    out.detail = witness.result ? "undecided" : "undecided; the witness does not evaluate: " + witness.error;
    return out;
  }
  // The claims that the witness does not evaluate: the evaluator's error names the clause.
  if (claimsAStop(f.kind)) {
    const std::string& citation = program.clauses[static_cast<std::size_t>(f.clauses.at(0))].citation;
    out.detail = witness.result ? "the witness evaluates"
                                : "the witness does not evaluate: " + witness.error + "; the clause alone: " + witness.alone;
    out.ok = !witness.result && witness.alone.find(citation) != std::string::npos && namesTheStop(f, witness.alone);
    return out;
  }
  if (!witness.result) {
    out.detail = "the witness does not evaluate: " + witness.error;
    return out;
  }
  const eval::Result& res = *witness.result;
  auto award = [&](std::size_t i) -> const eval::Award* {
    return i < f.clauses.size() ? awardOf(nullptr, res, f.clauses[i]) : nullptr;
  };
  auto unit = [&](std::size_t i) {
    if (i >= f.clauses.size()) return Decimal::fromParts(1, 2);
    const ir::Document& d = program.documents[static_cast<std::size_t>(program.clauses[static_cast<std::size_t>(f.clauses[i])].document)];
    return d.rounding.present ? d.rounding.unit : Decimal::fromParts(1, 2);
  };
  const eval::Award* a = award(0);
  const eval::Award* b = award(1);
  auto cite = [&](std::size_t i) {
    return i < f.clauses.size() ? program.clauses[static_cast<std::size_t>(f.clauses[i])].citation : std::string("?");
  };
  out.detail = fmt::format("{}: {}", cite(0), show(a));
  if (f.clauses.size() > 1) out.detail += fmt::format("; {}: {}", cite(1), show(b));
  switch (f.kind) {
    case FindingKind::Overlap:
    case FindingKind::Conflict:
    case FindingKind::AcceptedOverlap: {
      if (!a || !b || !a->hasAmount() || !b->hasAmount()) return out;
      // Neither may be dropped in favour of the other (a third clause may win a group of its own),
      // unless an accepted overlap is also covered by a group the finding names.
      auto droppedForOther = [&](const eval::Award* x, std::size_t other) {
        if (x->status != eval::Status::Dropped || x->reason.find(cite(other)) == std::string::npos) return false;
        return !(f.kind == FindingKind::AcceptedOverlap && !f.group.empty() && x->reason.find(f.group) != std::string::npos);
      };
      if (droppedForOther(a, 1) || droppedForOther(b, 0)) return out;
      // As `polc eval` pays them: a cap over several clauses can cut both to one amount.
      if (f.kind == FindingKind::Conflict && a->hi == b->hi && a->lo == b->lo && a->form == b->form) return out;
      out.ok = true;
      return out;
    }
    case FindingKind::CoveredOverlap: {
      if (!a || !b || !a->hasAmount() || !b->hasAmount()) return out;
      bool dropped = (a->status == eval::Status::Dropped && a->reason.find(f.group) != std::string::npos) ||
                     (b->status == eval::Status::Dropped && b->reason.find(f.group) != std::string::npos);
      out.ok = dropped;
      return out;
    }
    case FindingKind::KeptAfterEarlierDrop: {
      // clauses: the one kept, the one the earlier group (f.group) drops, the one it keeps instead.
      const eval::Award* c = award(2);
      out.ok = a && a->hasAmount() && a->counted() && b && b->status == eval::Status::Dropped &&
               b->reason.find(f.group) != std::string::npos && c && c->hasAmount() && c->counted();
      return out;
    }
    case FindingKind::PairOverBase: {
      // Both paid, each at most the base (f.limit, the witness's), together above it.
      Decimal sum;
      out.ok = a && b && a->hasAmount() && b->hasAmount() && a->counted() && b->counted() && f.limit &&
               a->hi <= *f.limit && b->hi <= *f.limit && polrt::add(a->hi, b->hi, sum) == polrt::ArithError::None &&
               *f.limit < sum;
      return out;
    }
    case FindingKind::Shadowed:
      // The dominating clause pays; it may itself be dropped for a third, higher award.
      out.ok = a && a->status == eval::Status::Dropped && b && b->hasAmount();
      return out;
    case FindingKind::DeadClause:
    case FindingKind::ContradictoryExclusion:
      out.ok = !a || !a->counted() || a->status == eval::Status::NotAssessable;
      if (a && a->status == eval::Status::NotAssessable) out.ok = true;
      return out;
    case FindingKind::AlwaysTrue: out.ok = a && a->status != eval::Status::NotAssessable; return out;
    case FindingKind::TierPaysLess: {
      if (!a || !a->hasAmount() || !f.expectHi || !near(a->computedHi, *f.expectHi, unit(0))) return out;
      // The claim is a comparison: it needs the lower tier's applicant, paid more.
      if (f.contrast.is_null() || !f.contrastHi) {
        out.detail += "; the finding has no contrast applicant";
        return out;
      }
      if (!contrast || !contrast->result) {
        out.detail += "; the contrast does not evaluate: " + (contrast ? contrast->error : std::string("no contrast given"));
        return out;
      }
      const eval::Award* c = awardOf(nullptr, *contrast->result, f.clauses[0]);
      out.detail += fmt::format("; contrast: {}", show(c));
      out.ok = c && c->hasAmount() && near(c->computedHi, *f.contrastHi, unit(0)) && a->computedHi < c->computedHi;
      return out;
    }
    case FindingKind::TierUnreachable:
    case FindingKind::TierOrder:
    case FindingKind::CaseSharedBound:
      if (!f.expectHi) {
        out.ok = true;
        return out;
      }
      out.ok = a && a->hasAmount() && near(a->computedHi, *f.expectHi, unit(0));
      return out;
    case FindingKind::TierGap:
    case FindingKind::CaseRangeGap: {
      for (std::size_t i = 0; i < f.clauses.size(); ++i) {
        const eval::Award* x = award(i);
        if (x && x->hasAmount()) return out;
      }
      out.ok = true;
      return out;
    }
    case FindingKind::CapAboveProgramme:
      out.ok = a && a->hasAmount() && f.expectHi && f.limit && near(a->computedHi, *f.expectHi, unit(0)) &&
               a->hi <= *f.limit && a->hi < a->computedHi;
      return out;
    case FindingKind::CapUnreachable: out.ok = a && a->hasAmount() && f.limit && a->computedHi < *f.limit; return out;
    case FindingKind::CapAlwaysReached:
      out.ok = a && a->hasAmount() && f.limit && near(a->computedHi, *f.limit, unit(0));
      return out;
    case FindingKind::RateOver100:
      out.ok = a && a->hasAmount() && (!f.expectHi || near(a->computedHi, *f.expectHi, unit(0)));
      return out;
    case FindingKind::CapNotPositive:
      out.ok = a && a->hasAmount() && a->hi.isZero();
      return out;
    case FindingKind::NegativeAmount:
    case FindingKind::ReadBeforeFirstValue: return out;  // judged above
    case FindingKind::NeverActs:
    case FindingKind::QuoteNumber:
    case FindingKind::GapNotSearched:
    case FindingKind::QuoteNumberRole: return out;  // no witness: replay() answers
    case FindingKind::RoundingMovesAmount:
      out.ok = a && a->hasAmount() && f.expectHi && f.limit && a->computedHi == *f.expectHi && a->computedHi != *f.limit;
      return out;
    case FindingKind::UndecidedPair:
    case FindingKind::UndecidedClause: out.ok = true; return out;
  }
  return out;
}

}  // namespace

Replay replay(const sema::Model& model, const ir::Program& program, const Finding& f) {
  if (!hasWitness(f.kind))
    return f.witness.is_null() ? Replay{true, "about the rules: no applicant to replay"}
                               : Replay{false, "a finding about the rules has a witness"};
  if (f.witness.is_null()) return Replay{false, "the finding has no witness"};
  Evaluated w = evaluateRead(program, facts::readFacts(model, program, f.witness.dump()));
  w.alone = aloneError(model, program, f, f.witness);
  if (f.contrast.is_null()) return judge(program, f, w, nullptr);
  Evaluated c = evaluateRead(program, facts::readFacts(model, program, f.contrast.dump()));
  return judge(program, f, w, &c);
}

std::vector<Replay> replayAll(const sema::Model& model, const ir::Program& program,
                              const std::vector<const Finding*>& findings) {
  // The witness's facts, without its comment (which names the finding): the key of an evaluation.
  auto factsOf = [](const Finding& f) {
    nlohmann::ordered_json w = f.witness;
    if (w.is_object()) w.erase("_finding");
    return w.dump();
  };
  std::vector<std::pair<std::string, std::size_t>> order;
  for (std::size_t i = 0; i < findings.size(); ++i) order.emplace_back(factsOf(*findings[i]), i);
  // Grouped by witness, so that one evaluation is held at a time.
  std::stable_sort(order.begin(), order.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<Replay> out(findings.size());
  Evaluated w;
  std::optional<std::string> evaluated;  // the witness w is the evaluation of
  for (const auto& [key, i] : order) {
    const Finding& f = *findings[i];
    if (f.witness.is_null() || !f.contrast.is_null()) {
      out[i] = replay(model, program, f);
      continue;
    }
    if (evaluated != key) {
      w = evaluateRead(program, facts::readFacts(model, program, f.witness.dump()));
      evaluated = key;
    }
    w.alone = aloneError(model, program, f, f.witness);
    out[i] = judge(program, f, w, nullptr);
  }
  return out;
}

Replay replayFiles(const sema::Model& model, const ir::Program& program, const Finding& f,
                   const std::string& witnessPath, const std::string& contrastPath) {
  Evaluated w = evaluateRead(program, facts::readFactsFile(model, program, witnessPath));
  if (claimsAStop(f.kind)) {
    std::ifstream in(witnessPath, std::ios::binary);
    w.alone = aloneError(model, program, f, nlohmann::ordered_json::parse(in, nullptr, false));
  }
  if (contrastPath.empty()) return judge(program, f, w, nullptr);
  Evaluated c = evaluateRead(program, facts::readFactsFile(model, program, contrastPath));
  return judge(program, f, w, &c);
}

}  // namespace polc::check
