// polc_runtime.h, part 11 of 11: why a clause did not apply (the generated whyNot), from each clause's traces.
// polc writes the parts as one header (runtime_header.cmake); each is a header of its own so
// that the source can be read, and compiled, a part at a time.
#pragma once

#include "run.h"

namespace polc_rt {

// ---- why a clause did not apply ---------------------------------------------------------------

// One node of a clause's why-not traces: a condition, or a part of one that whyNot may show (an
// operand of 且/或, what 非 negates, a 若's test and branches, a case of an amount's 分情形).
struct TraceNode {
  const char* text;    // as the policy writes it
  const char* joiner;  // 且, 或, 非, 若, 分情形; "" for a leaf (and an amount's 分档)
  int from, count;     // its parts: ClauseTraces::parts[from, from + count)
};

// A clause's traces, as the generated code writes them after the clause's function: `trace` runs
// node k again for an item (T4::N: a 分档 or 分情形 found no entry), `reads` lists what leaf k read.
struct ClauseTraces {
  Span<TraceNode> nodes;
  Span<int> parts;                               // the nodes' parts, by node index
  Span<int> eligibility, conditions, unmatched;  // nodes: 申报条件, 条件, the amount's 分档/分情形
  T4 (*trace)(Run&, int item, int node);
  void (*reads)(Run&, int item, int node, std::vector<WhyNotValue>&);
};

// For a clause and an item: whether it paid and, when not, why (polc eval --why-not's block, the C
// API's polrt_why_not entry).
struct WhyNotEntry {
  int clause = -1;
  int instance = -1;  // the item (Result::path); -1 for a reason of the whole clause
  int award = -1;     // its award in the result, -1 when there is none
  WhyNotKind kind = WhyNotKind::Applied;
  std::string reason;                // the result's words: a drop's, a cap's, 条件不成立, the period
  std::string where;                 // Condition: 申报条件 or 条件
  std::vector<TraceLine> condition;  // Condition, NoTier: the lines of what failed
  std::vector<std::string> missing;  // NotAssessable
};

// A leaf's value, once per name (`what`): a read the leaf repeats shows once.
inline void addRead(std::vector<WhyNotValue>& out, std::string what, std::string value) {
  for (const auto& r : out)
    if (r.what == what) return;
  out.push_back({std::move(what), std::move(value)});
}

// A computed value as a trace shows it: its text, or why there is none.
template <class F>
std::string traced(F value) {
  try {
    return value();
  } catch (const FactError&) {
    throw;
  } catch (const EvalError&) {
    return truthWords(Truth::Error);
  }
}

// A clause's traces for one item, as decimal/why_not_walk.h walks them.
struct TraceWalk {
  Run& run;
  const ClauseTraces& t;
  int item;
  Truth truth(int n) {
    try {
      switch (t.trace(run, item, n)) {
        case T4::T: return Truth::True;
        case T4::F: return Truth::False;
        case T4::U: return Truth::Absent;
        case T4::N: return Truth::NoValue;
      }
    } catch (const FactError&) {
      throw;
    } catch (const EvalError&) {
    }
    return Truth::Error;
  }
  const char* text(int n) const { return t.nodes[n].text; }
  const char* joiner(int n) const { return t.nodes[n].joiner; }
  Span<int> parts(int n) const { return Span<int>{t.parts.data + t.nodes[n].from, t.nodes[n].count}; }
  void reads(int n, std::vector<WhyNotValue>& out) { t.reads(run, item, n, out); }
  bool noEntry(int n) {
    try {
      return t.trace(run, item, n) == T4::N;
    } catch (const FactError&) {
      throw;
    } catch (const EvalError&) {
      return false;
    }
  }
};

// Pays nothing: not counted, or an amount of 0 (a cap cut it, 晋级补差 took it all).
inline bool paysNothing(const Award& aw) { return !aw.counted() || (aw.kind == AwardKind::Pay && aw.hi.isZero()); }

inline WhyNotEntry fromAward(const Result& r, int k) {
  const Award& aw = r.awards[static_cast<std::size_t>(k)];
  WhyNotEntry w;
  w.clause = aw.clause;
  w.instance = aw.instance;
  w.award = k;
  w.kind = awardWhyNotKind(aw.status == Status::Dropped, aw.status == Status::NotAssessable,
                           aw.status == Status::AlreadyReceived, aw.capped && aw.hi.isZero());
  if (w.kind == WhyNotKind::NotAssessable) w.missing = r.missing(aw);
  if (w.kind != WhyNotKind::Applied) w.reason = r.reason(aw);
  return w;
}

// For each clause of `clauses` and each item it is about, as polc eval --why-not: the award's own
// reason when the result has one, else the clause's traces run again for the item. `periods`: each
// document's period as written. The conditions read the facts the result was evaluated from, which
// must still be alive. Evaluates nothing into `r`: the runs use a result of their own.
inline std::vector<WhyNotEntry> whyNot(const ProgramInfo& p, Span<ClauseTraces> traces, Span<const char*> periods,
                                       const Result& r, const std::vector<int>& clauses, bool onlyUnpaid) {
  if (!r.evaluated) throw EvalError("no result: evaluate threw, or was not called");
  std::vector<WhyNotEntry> out;
  if (r.instances.empty()) return out;
  Result scratch;
  Run run(p, scratch);
  scratch.reset(p, r.date);
  for (const Instance& in : r.instances) run.addInstance(in.subject, in.parent, in.index, in.data);
  run.date = r.date;
  run.year = yearOf(r.date);
  run.yearStart = daysFromCivil(run.year, 1, 1);
  const int applicant = r.instances[0].subject;
  for (int c : clauses) {
    const ClauseInfo& cl = p.clauses[c];
    WhyNotEntry whole;  // a reason for the clause, before any item
    whole.clause = c;
    int root = cl.subject;
    while (root >= 0 && p.subjects[root].owner >= 0) root = p.subjects[root].owner;
    if (cl.subject < 0 || root != applicant) {
      if (onlyUnpaid) continue;  // not this applicant's to be asked about
      whole.kind = WhyNotKind::OtherSubject;
      whole.reason = otherSubjectReason(cl.subject < 0 ? "—" : p.subjects[cl.subject].name, p.subjects[applicant].name);
      out.push_back(std::move(whole));
      continue;
    }
    if (!run.inForce(cl.document)) {
      whole.kind = WhyNotKind::OutOfForce;
      whole.reason = outOfForceReason(formatDate(r.date), p.documents[cl.document].number, periods[cl.document]);
      out.push_back(std::move(whole));
      continue;
    }
    bool anyItem = false;
    for (int i = 0; i < static_cast<int>(r.instances.size()); ++i) {
      if (r.instances[static_cast<std::size_t>(i)].subject != cl.subject) continue;
      anyItem = true;
      int k = -1;
      for (int j = 0; j < static_cast<int>(r.awards.size()) && k < 0; ++j)
        if (r.awards[static_cast<std::size_t>(j)].clause == c && r.awards[static_cast<std::size_t>(j)].instance == i) k = j;
      if (k >= 0 && onlyUnpaid && !paysNothing(r.awards[static_cast<std::size_t>(k)])) continue;
      if (k >= 0) {
        out.push_back(fromAward(r, k));
        continue;
      }
      WhyNotEntry w;
      w.clause = c;
      w.instance = i;
      const ClauseTraces& t = traces[c];
      TraceWalk walk{run, t, i};
      traceNotApplied(walk, t.eligibility, t.conditions, t.unmatched, w.kind, w.where, w.reason, w.condition);
      out.push_back(std::move(w));
    }
    if (!anyItem) {
      whole.kind = WhyNotKind::NoItem;
      whole.reason = noItemReason(p.subjects[cl.subject].name);
      out.push_back(std::move(whole));
    }
  }
  return out;
}

// The clauses a why-not citation asks about, in program order (polc_decimal.h, asksAboutClause):
// one clause, an article's or 款's, in its document or in each that has it; none: an EvalError in
// the words polrt_why_not gives.
inline std::vector<int> clausesAsked(const ProgramInfo& p, std::string_view citation) {
  std::vector<int> out;
  if (citation == "all") {
    for (int c = 0; c < p.clauses.size; ++c) out.push_back(c);
    return out;
  }
  const std::string want = citationKey(citation);
  for (int c = 0; c < p.clauses.size; ++c) {
    const DocumentInfo& d = p.documents[p.clauses[c].document];
    if (asksAboutClause(want, p.clauses[c].citation, d.number, d.name)) out.push_back(c);
  }
  if (out.empty()) throw EvalError(unknownCitation(quotedValue(std::string(citation)), namesAnotherDocument(p, std::string(citation))));
  return out;
}

}  // namespace polc_rt
