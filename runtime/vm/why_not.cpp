// Why a clause paid an item nothing, from the compiled policy: the award's own reason when the
// result has one, else the clause's conditions run again from their traces (section kSecTraces),
// the first that failed traced down to what it read (decimal/why_not_walk.h, shared with the
// generated C++). The same choices as polc's Tracer
// (compiler/eval/why_not.cpp), in the same words (decimal/why_not_words.h); the differential test
// (tests/differential/why_not_diff.cpp) compares the two clause by clause.
#include <algorithm>

#include "text/text.h"
#include "vm/vm.h"
#include "vm/vm_detail.h"

namespace polrt {

using namespace bc;
using namespace detail;

namespace {

const char* joinerWord(uint8_t j) {
  switch (j) {
    case kTraceAnd: return kJoinAnd;
    case kTraceOr: return kJoinOr;
    case kTraceNot: return kJoinNot;
    case kTraceIf: return kJoinIf;
    case kTraceCases: return kJoinCases;
    default: return "";
  }
}

}  // namespace

// Runs a trace's block for the item; false on an evaluation error. What it marked missing is
// dropped: the result is read, not changed.
bool Session::traceRun(uint32_t block, Outcome& o, const Val*& v) {
  const std::size_t before = missing_.size();
  try {
    o = run(block, v);
  } catch (const VmError&) {
    missing_.resize(before);
    return false;
  }
  missing_.resize(before);
  return true;
}

::polrt::Truth Session::traceTruth(uint32_t block) {
  const Val* v = nullptr;
  Outcome o;
  if (!traceRun(block, o, v)) return ::polrt::Truth::Error;
  switch (o) {
    case Outcome::Value: return v->i ? ::polrt::Truth::True : ::polrt::Truth::False;
    case Outcome::NotAssessable: return ::polrt::Truth::Absent;
    case Outcome::NoMatch: return ::polrt::Truth::NoValue;
  }
  return ::polrt::Truth::Error;
}

std::string Session::traceValue(uint32_t block, uint32_t type) {
  const Val* v = nullptr;
  Outcome o;
  if (!traceRun(block, o, v)) return truthWords(::polrt::Truth::Error);
  if (o == Outcome::NotAssessable) return truthWords(::polrt::Truth::Absent);
  if (o == Outcome::NoMatch) return truthWords(::polrt::Truth::NoValue);
  return show(*v, type);
}

std::string Session::factPath(int subject, uint32_t slot) const {
  const int i = instanceOf(subject);
  return (i >= 0 ? instancePath(i) : p_.strings[p_.subjects[subject].name]) + "." +
         p_.strings[p_.subjects[subject].facts[slot].name];
}

// The value the conditions read, and whether the facts give it (this year's may be in the history)
// or it is the fact's default.
std::string Session::factValue(int subject, uint32_t slot, uint32_t type) const {
  Val v;
  if (!loadFact(subject, static_cast<int>(slot), v)) return kFactNotGiven;
  const Instance& in = inst_[instanceOf(subject)];
  bool given = in.present[slot] != 0;
  for (const auto& h : in.history[slot]) given = given || h.first == year_;
  return show(v, type) + (given ? "" : kFactDefaulted);
}

std::string Session::priorHighest(int subject, uint32_t slot, uint32_t type) const {
  Decimal best;
  if (!highestBefore(subject, static_cast<int>(slot), best)) return kNoPriorYears;
  Val v;
  setNumVal(v, best, best, kExact);
  return show(v, type);
}

void Session::traceReads(const TraceNodeDef& n, std::vector<WhyNotValueR>& out) {
  auto add = [&](std::string what, const auto& value) {
    for (const auto& r : out)
      if (r.what == what) return;
    out.push_back({std::move(what), value()});
  };
  for (const TraceReadDef& r : n.reads) switch (r.kind) {
      case kReadFact: add(factPath(r.subject, r.slot), [&] { return factValue(r.subject, r.slot, r.type); }); break;
      case kReadComputed: add(p_.strings[r.source], [&] { return traceValue(r.block, r.type); }); break;
      default: out.push_back({priorHighestWhat(factPath(r.subject, r.slot)), priorHighest(r.subject, r.slot, r.type)});
    }
}

// The traces of this program, as decimal/why_not_walk.h walks them: each node run again for the
// item.
struct Session::TraceWalk {
  Session& s;
  const TraceNodeDef& node(uint32_t n) const { return s.p_.traceNodes[n]; }
  ::polrt::Truth truth(uint32_t n) { return s.traceTruth(node(n).block); }
  const std::string& text(uint32_t n) const { return s.p_.strings[node(n).source]; }
  const char* joiner(uint32_t n) const { return joinerWord(node(n).joiner); }
  const std::vector<uint32_t>& parts(uint32_t n) const { return node(n).parts; }
  void reads(uint32_t n, std::vector<WhyNotValueR>& out) { s.traceReads(node(n), out); }
  bool noEntry(uint32_t n) {
    const Val* v = nullptr;
    Outcome o;
    return s.traceRun(node(n).block, o, v) && o == Outcome::NoMatch;
  }
};

WhyNotR Session::fromAward(int k) const {
  const AwardR& aw = awards_[k];
  WhyNotR w;
  w.clause = aw.clause;
  w.instance = aw.instance;
  w.award = k;
  w.kind = awardWhyNotKind(aw.status == AwardStatus::Dropped, aw.status == AwardStatus::NotAssessable,
                           aw.status == AwardStatus::AlreadyReceived, aw.capped && aw.hi.isZero());
  if (w.kind == WhyNotKind::NotAssessable) w.missing = missing(aw);
  if (w.kind != WhyNotKind::Applied) w.reason = reasonText(aw);
  return w;
}

// No award for the item: the first 申报条件 or 条件 that did not hold, else the amount's 分档 or
// 分情形 that found no entry.
WhyNotR Session::notApplied(int c, int i) {
  item_ = i;
  clause_ = c;
  const ClauseTraceDef& t = p_.traces[c];
  WhyNotR w;
  w.clause = c;
  w.instance = i;
  TraceWalk walk{*this};
  traceNotApplied(walk, t.eligibility, t.conditions, t.unmatched, w.kind, w.where, w.reason, w.condition);
  return w;
}

std::vector<WhyNotR> Session::whyNot(const std::vector<int>& clauses, bool onlyUnpaid) {
  std::vector<WhyNotR> out;
  if (ninst_ == 0) return out;
  const int applicant = inst_[0].subject;
  for (int c : clauses) {
    const ClauseDef& cl = p_.clauses[c];
    const DocumentDef& doc = p_.documents[cl.document];
    WhyNotR whole;  // a reason for the clause, before any item
    whole.clause = c;
    if (cl.subject < 0 || cl.root != applicant) {
      if (onlyUnpaid) continue;  // not this applicant's to be asked about
      whole.kind = WhyNotKind::OtherSubject;
      whole.reason = otherSubjectReason(cl.subject < 0 ? "—" : p_.strings[p_.subjects[cl.subject].name],
                                        p_.strings[p_.subjects[applicant].name]);
      out.push_back(std::move(whole));
      continue;
    }
    if ((doc.hasFrom && evalDate_ < doc.from) || (doc.hasTo && evalDate_ > doc.to)) {
      whole.kind = WhyNotKind::OutOfForce;
      whole.reason = outOfForceReason(text::formatDate(evalDate_), p_.strings[doc.number],
                                      p_.strings[p_.effectiveTexts[cl.document]]);
      out.push_back(std::move(whole));
      continue;
    }
    bool anyItem = false;
    for (int i = 0; i < ninst_; ++i) {
      if (inst_[i].subject != cl.subject) continue;
      anyItem = true;
      int k = -1;
      for (int j = 0; j < nawards_ && k < 0; ++j)
        if (awards_[j].clause == c && awards_[j].instance == i) k = j;
      const bool paysNothing =
          k >= 0 && (!awards_[k].counted() || (awards_[k].kind == kPay && awards_[k].hi.isZero()));
      if (k >= 0 && onlyUnpaid && !paysNothing) continue;
      out.push_back(k >= 0 ? fromAward(k) : notApplied(c, i));
    }
    if (!anyItem) {
      whole.kind = WhyNotKind::NoItem;
      whole.reason = noItemReason(p_.strings[p_.subjects[cl.subject].name]);
      out.push_back(std::move(whole));
    }
  }
  lines_.clear();  // what the runs above explained, when the evaluation was explained
  return out;
}

}  // namespace polrt
