// A dated parameter read on the evaluation date in a document whose 有效期 has no start (W0638). With
// a start, a read before the parameter's first value is the front end's error (E0420): every
// evaluation dated in between stops. Without one the document is in force on any date, and nothing
// says it is evaluated before that first value, so this is a warning with an applicant: one dated the
// day before, who reaches the read, and whose evaluation stops with the evaluators' error.
#include <fmt/format.h>

#include "check/checker.h"
#include "sema/parameter_reads.h"

namespace polc::check {

namespace {

// The reads at the evaluation date in e (a bare name, not `P 于 d`), first read first.
void bareReads(const ir::Expr& e, std::vector<const ir::Expr*>& out) {
  if (e.op == Op::ParamAt && e.kids.empty() && e.param >= 0) out.push_back(&e);
  for (const auto& k : e.kids) bareReads(k, out);
  for (const auto& en : e.entries) {
    for (const auto& k : en.key) bareReads(k, out);
    for (const auto& v : en.value) bareReads(v, out);
  }
}

bool readsParam(const ir::Expr& e, int param) {
  std::vector<const ir::Expr*> reads;
  bareReads(e, reads);
  for (const ir::Expr* r : reads)
    if (r->param == param) return true;
  return false;
}

}  // namespace

void Checker::readsBeforeFirstValue(int c) {
  const ir::Clause& cl = p_.clauses[static_cast<std::size_t>(c)];
  const ClauseData& d = cl_[static_cast<std::size_t>(c)];
  if (cl.subject < 0 || d.dead || p_.documents[static_cast<std::size_t>(cl.document)].effectiveFrom) return;
  // In the order the evaluator reads them: conditions, the amount and its cap, then the funding split.
  std::vector<const ir::Expr*> reads;
  for (const ir::Expr* e : d.conjExprs) bareReads(*e, reads);
  for (const auto& e : cl.amount) bareReads(e, reads);
  for (const auto& e : cl.cap) bareReads(e, reads);
  for (const auto& rule : cl.fundingConditions)
    for (const auto& e : rule) bareReads(e, reads);
  std::set<int> seen;
  for (const ir::Expr* read : reads) {
    if (!seen.insert(read->param).second || readsReported_.count({read->span.file, read->span.begin})) continue;
    const ir::Parameter& prm = p_.parameters[static_cast<std::size_t>(read->param)];
    if (prm.entries.empty()) continue;
    const int first = prm.entries.front().day;
    // An applicant dated the day before the first value (else any day before it the 有效期 has),
    // meeting every condition that does not read it: the ones that do cannot hold there (translate.h),
    // and the evaluator stops at the first it reaches.
    const Cond dayBefore = pinned(vars_.date(), Q(first - 1));
    const Cond before = solver_.prepare(F::of(literal(vars_.date(), ast::CmpOp::Lt, Q(first))));
    std::vector<const Cond*> q{&d.period, &dayBefore};
    std::set<int> touch(d.touch.begin(), d.touch.end());
    for (std::size_t i = 0; i < d.conjExprs.size(); ++i) {
      if (readsParam(*d.conjExprs[i], read->param)) collectFacts(*d.conjExprs[i], touch);
      else q.push_back(&d.conj[i]);
    }
    const std::vector<int> needs(touch.begin(), touch.end());
    Answer a = solver_.solve(q, needs);
    if (a.sat != Sat::Yes) {
      q[1] = &before;
      a = solver_.solve(q, needs);
    }
    if (a.sat != Sat::Yes) continue;
    const std::string firstDate = prm.entries.front().date;
    Finding& f = add(FindingKind::ReadBeforeFirstValue, c,
                     fmt::format("{} has no value before {}, but {} reads it on the evaluation date and its "
                                 "document's 有效期 has no start: an evaluation dated before {} that reaches it "
                                 "stops with an error",
                                 prm.name, firstDate, cite(c), firstDate));
    if (read->span.valid()) f.span = read->span;
    f.parameter = prm.name;
    if (const auto* entry = sema::firstValue(m_.parameters[static_cast<std::size_t>(read->param)]))
      f.notes.push_back(DiagNote{entry->dateSpan, "its first value"});
    f.help.push_back(fmt::format("give the 有效期 a start (`有效期 自 {} …`), or the value in force before {}",
                                 firstDate, firstDate));
    attachWitness(f, a.model, subject(c));
    const std::size_t found = out_.findings.size();
    keepIfShown();
    if (out_.findings.size() == found) readsReported_.insert({read->span.file, read->span.begin});
  }
}

}  // namespace polc::check
