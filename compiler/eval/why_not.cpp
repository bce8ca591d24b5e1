// Why a clause paid an item nothing: the award's own reason when the result has one, else the
// conditions evaluated again, the first that failed traced down to what it read.
#include "eval/why_not.h"

#include <algorithm>

#include "eval/expr_eval.h"
#include "ir/trace_shape.h"

namespace polc::eval {

namespace {

using polrt::Truth;
using polrt::truthWords;

// Traces the conditions of one clause for one item with the reference evaluator.
class Tracer {
 public:
  Tracer(const ir::Program& p, const Applicant& a, int date, int item, const ir::Clause& cl)
      : p_(p), a_(a), year_(ir::yearOf(date)), ev_(p, a, date, item, cl.citation, false) {}

  Truth truth(const ir::Expr& e) {
    try {
      std::optional<bool> v = ev_.decide(e);
      if (!v) return Truth::Absent;
      return *v ? Truth::True : Truth::False;
    } catch (const NoMatch&) {
      return Truth::NoValue;
    } catch (const NotAssessable&) {
      return Truth::Absent;
    } catch (const EvalError&) {
      return Truth::Error;
    }
  }

  // `top`: a 申报条件 or 条件 itself, where a false operand of 且 stands for the whole (a clause's
  // conditions are one 且); inside 或, 非 or 若 the 且 is shown with it, as the policy writes it.
  ConditionTrace trace(const ir::Expr& e, bool top = false) {
    const Truth whole = truth(e);
    const ir::TraceShape shape = ir::traceShape(e, false);
    ConditionTrace t{e.source, e.span, truthWords(whole), ir::joinerWords(shape.join), {}, {}};
    switch (shape.join) {
      case ir::TraceJoin::And:
      case ir::TraceJoin::Or: {
        // An operand that decides (false for 且, true for 或) is why: shown alone under its 且/或,
        // or in place of a 且 that is a condition itself.
        const bool isAnd = shape.join == ir::TraceJoin::And;
        const Truth decider = isAnd ? Truth::False : Truth::True;
        if (whole == decider)
          for (const ir::Expr* k : shape.parts)
            if (truth(*k) == decider) {
              if (top && isAnd) return trace(*k, true);
              t.parts.push_back(trace(*k));
              return t;
            }
        for (const ir::Expr* k : shape.parts) t.parts.push_back(trace(*k));
        return t;
      }
      case ir::TraceJoin::If: {
        // The test, then the branch it chose, if it chose one.
        const Truth test = truth(*shape.parts[0]);
        t.parts.push_back(trace(*shape.parts[0]));
        if (test == Truth::True || test == Truth::False) t.parts.push_back(trace(*shape.parts[test == Truth::True ? 1 : 2]));
        return t;
      }
      default:
        for (const ir::Expr* k : shape.parts) t.parts.push_back(trace(*k));  // 非
        reads(shape.reads, t.values);
        return t;
    }
  }

  // The amount's first 分档 or 分情形 that found no entry, traced: the value it divided, or each case.
  std::optional<ConditionTrace> unmatched(const ir::Expr& amount) {
    std::vector<const ir::Expr*> nodes;
    ir::amountTraceNodes(amount, nodes);
    for (const ir::Expr* e : nodes) {
      bool none = false;
      try {
        ev_.eval(*e);
      } catch (const NoMatch&) {
        none = true;
      } catch (const NotAssessable&) {
      } catch (const EvalError&) {
      }
      if (!none) continue;
      const ir::TraceShape shape = ir::traceShape(*e, true);
      ConditionTrace t{e->source, e->span, truthWords(Truth::NoValue), ir::joinerWords(shape.join), {}, {}};
      for (const ir::Expr* k : shape.parts) t.parts.push_back(trace(*k));
      reads(shape.reads, t.values);
      return t;
    }
    return std::nullopt;
  }

 private:
  // The values a leaf reads (its facts, with the item that gives each, and the values a fact alone
  // does not show), each once; the highest earlier year of a 首次超 as it comes.
  void reads(const std::vector<ir::TraceRead>& leaf, std::vector<ReadValue>& out) {
    auto add = [&](std::string what, std::string value) {
      for (const auto& r : out)
        if (r.what == what) return;
      out.push_back({std::move(what), std::move(value)});
    };
    for (const ir::TraceRead& r : leaf) {
      switch (r.kind) {
        case ir::TraceRead::Fact: add(factPath(*r.e), factValue(*r.e)); break;
        case ir::TraceRead::Computed: add(r.e->source, valueOf(*r.e)); break;
        case ir::TraceRead::Highest: priorHighest(*r.e, out); break;
      }
    }
  }

  std::string factPath(const ir::Expr& e) const {
    const int i = ev_.instanceOf(e.subject);
    return (i >= 0 ? a_.instances[i].path : p_.subjects[e.subject].name) + "." + e.name;
  }

  // Whether the facts give it (this year's value may be in the history), not its default.
  bool given(const ir::Expr& e) const {
    const int i = ev_.instanceOf(e.subject);
    if (i < 0) return false;
    const Instance& in = a_.instances[i];
    if (e.fact < static_cast<int>(in.facts.size()) && in.facts[e.fact]) return true;
    return e.fact < static_cast<int>(in.history.size()) && in.history[e.fact].count(year_) > 0;
  }

  std::string factValue(const ir::Expr& e) const {
    std::optional<ir::Value> v = ev_.fact(e.subject, e.fact);
    if (!v) return polrt::kFactNotGiven;
    return ev_.show(*v, e.type) + (given(e) ? "" : polrt::kFactDefaulted);
  }

  std::string valueOf(const ir::Expr& e) {
    try {
      return ev_.show(ev_.eval(e), e.type);
    } catch (const NoMatch&) {
      return truthWords(Truth::NoValue);
    } catch (const NotAssessable&) {
      return truthWords(Truth::Absent);
    } catch (const EvalError&) {
      return truthWords(Truth::Error);
    }
  }

  // 首次超 compares this year's value with every earlier year's: the highest of them.
  void priorHighest(const ir::Expr& factExpr, std::vector<ReadValue>& out) const {
    const std::optional<Decimal> best = ev_.highestBefore(factExpr);
    out.push_back({polrt::priorHighestWhat(factPath(factExpr)), best ? ev_.show(ir::Value::num(*best), factExpr.type) : polrt::kNoPriorYears});
  }

  const ir::Program& p_;
  const Applicant& a_;
  int year_;
  ExprEval ev_;
};

bool inForce(const ir::Document& doc, int date) {
  return !(doc.effectiveFrom && date < *doc.effectiveFrom) && !(doc.effectiveTo && date > *doc.effectiveTo);
}

// Pays nothing: not counted, or an amount of 0 (a cap cut it, 晋级补差 took it all).
bool paysNothing(const Award& aw) { return !aw.counted() || (aw.kind == ir::AwardKind::Pay && aw.hi.isZero()); }

WhyNot fromAward(const Result& r, int k) {
  const Award& aw = r.awards[k];
  WhyNot w;
  w.clause = aw.clause;
  w.instance = aw.instance;
  w.award = k;
  w.kind = polrt::awardWhyNotKind(aw.status == Status::Dropped, aw.status == Status::NotAssessable,
                                   aw.status == Status::AlreadyReceived, aw.capped && aw.hi.isZero());
  if (w.kind == WhyNotKind::NotAssessable) w.missing = aw.missing;
  if (w.kind != WhyNotKind::Applied) w.reason = aw.reason;
  return w;
}

// No award for the item: the first 申报条件 or 条件 that did not hold, else the amount's 分档 or
// 分情形 that found no entry.
WhyNot notApplied(const ir::Program& p, const Applicant& a, const Result& r, int c, int i) {
  const ir::Clause& cl = p.clauses[c];
  Tracer tracer(p, a, r.date, i, cl);
  WhyNot w;
  w.clause = c;
  w.instance = i;
  auto failed = [&](const std::vector<ir::Expr>& conditions, const char* where) {
    for (const auto& e : conditions) {
      const Truth t = tracer.truth(e);
      if (t != Truth::False && t != Truth::NoValue) continue;
      w.kind = WhyNotKind::Condition;
      w.where = where;
      w.reason = std::string(where) + truthWords(Truth::False);
      w.condition = tracer.trace(e, true);
      return true;
    }
    return false;
  };
  if (failed(cl.eligibility, "申报条件") || failed(cl.conditions, "条件")) return w;
  w.kind = WhyNotKind::NoTier;
  w.reason = polrt::kNoTierReason;
  if (!cl.amount.empty()) w.condition = tracer.unmatched(cl.amount[0]);
  return w;
}

}  // namespace

std::vector<WhyNot> whyNot(const ir::Program& p, const Applicant& a, const Result& r, const std::vector<int>& clauses,
                           bool onlyUnpaid) {
  std::vector<WhyNot> out;
  if (a.instances.empty()) return out;
  for (int c : clauses) {
    const ir::Clause& cl = p.clauses[c];
    const ir::Document& doc = p.documents[cl.document];
    WhyNot whole;  // a reason for the clause, before any item
    whole.clause = c;
    if (cl.subject < 0 || p.rootOf(cl.subject) != a.instances[0].subject) {
      if (onlyUnpaid) continue;  // not this applicant's to be asked about
      whole.kind = WhyNotKind::OtherSubject;
      whole.reason = polrt::otherSubjectReason(cl.subject < 0 ? "—" : p.subjects[cl.subject].name,
                                               p.subjects[a.instances[0].subject].name);
      out.push_back(whole);
      continue;
    }
    if (!inForce(doc, r.date)) {
      whole.kind = WhyNotKind::OutOfForce;
      whole.reason = polrt::outOfForceReason(ir::formatDate(r.date), doc.number, doc.effectiveText);
      out.push_back(whole);
      continue;
    }
    bool anyItem = false;
    for (int i = 0; i < static_cast<int>(a.instances.size()); ++i) {
      if (a.instances[i].subject != cl.subject) continue;
      anyItem = true;
      int k = -1;
      for (int j = 0; j < static_cast<int>(r.awards.size()) && k < 0; ++j)
        if (r.awards[j].clause == c && r.awards[j].instance == i) k = j;
      if (k >= 0 && onlyUnpaid && !paysNothing(r.awards[k])) continue;
      out.push_back(k >= 0 ? fromAward(r, k) : notApplied(p, a, r, c, i));
    }
    if (!anyItem) {
      whole.kind = WhyNotKind::NoItem;
      whole.reason = polrt::noItemReason(p.subjects[cl.subject].name);
      out.push_back(whole);
    }
  }
  return out;
}

}  // namespace polc::eval
