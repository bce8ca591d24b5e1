// The C API's "why did this clause not apply" (polrt_why_not, runtime/include/polrt.h): the
// session's Session::whyNot (runtime/vm/why_not.cpp) kept with the result, read by index.
#include <cstring>
#include <numeric>

#include "api/handles.h"
#include "decimal/fact_errors.h"

using namespace polrt::api;

namespace {

const polrt::WhyNotR* entry(const polrt_session* s, int i) {
  if (!s || i < 0 || i >= static_cast<int>(s->whyNot.size())) return nullptr;
  return &s->whyNot[static_cast<std::size_t>(i)];
}

const polrt::TraceLineR* line(const polrt_session* s, int i, int l) {
  const polrt::WhyNotR* w = entry(s, i);
  if (!w || l < 0 || l >= static_cast<int>(w->condition.size())) return nullptr;
  return &w->condition[static_cast<std::size_t>(l)];
}

const polrt::WhyNotValueR* value(const polrt_session* s, int i, int l, int v) {
  const polrt::TraceLineR* ln = line(s, i, l);
  if (!ln || v < 0 || v >= static_cast<int>(ln->values.size())) return nullptr;
  return &ln->values[static_cast<std::size_t>(v)];
}

}  // namespace

polrt_status polrt_why_not(polrt_session* s, const char* citation, int* out_count) {
  if (out_count) *out_count = 0;
  return guard([&]() -> polrt_status {
    if (!s || !out_count) return fail(POLRT_ERR_ARGUMENT, "null argument");
    s->whyNot.clear();  // a call that fails leaves no entries of an earlier one
    if (!s->evaluated) return fail(POLRT_ERR_ARGUMENT, "no result: call polrt_evaluate first");
    const polrt::Program& p = *s->prog->p;
    const bool all = !citation || std::strcmp(citation, "all") == 0;
    std::vector<int> clauses;
    if (all) {
      clauses.resize(p.clauses.size());
      std::iota(clauses.begin(), clauses.end(), 0);
    } else {
      // 第2条第1款 asks about that clause of every document that has it, as polc eval --why-not.
      clauses = p.clausesAsked(citation);
      if (clauses.empty())
        return fail(POLRT_ERR_NOT_FOUND, polrt::unknownCitation(polrt::quotedValue(citation), p.namesAnotherDocument(citation)));
    }
    s->whyNot = s->s->whyNot(clauses, all);
    *out_count = static_cast<int>(s->whyNot.size());
    return POLRT_OK;
  });
}

const char* polrt_why_not_citation(const polrt_session* s, int i) {
  const polrt::WhyNotR* w = entry(s, i);
  return w ? s->prog->p->str(s->prog->p->clauses[static_cast<std::size_t>(w->clause)].citation).c_str() : nullptr;
}

const char* polrt_why_not_item(const polrt_session* s, int i) {
  const polrt::WhyNotR* w = entry(s, i);
  if (!w || w->instance < 0) return nullptr;
  // A copy kept by the session: the path lives in the session's instances, which may move.
  return guardValue<const char*>(nullptr, [&] { return keep(s, s->s->instancePath(w->instance)); });
}

const char* polrt_why_not_kind(const polrt_session* s, int i) {
  const polrt::WhyNotR* w = entry(s, i);
  return w ? polrt::whyNotKindName(w->kind) : nullptr;
}

const char* polrt_why_not_reason(const polrt_session* s, int i) {
  const polrt::WhyNotR* w = entry(s, i);
  return w ? w->reason.c_str() : nullptr;
}

const char* polrt_why_not_where(const polrt_session* s, int i) {
  const polrt::WhyNotR* w = entry(s, i);
  return w && !w->where.empty() ? w->where.c_str() : nullptr;
}

int polrt_why_not_award(const polrt_session* s, int i) {
  const polrt::WhyNotR* w = entry(s, i);
  return w ? w->award : -1;
}

int polrt_why_not_missing_count(const polrt_session* s, int i) {
  const polrt::WhyNotR* w = entry(s, i);
  return w ? static_cast<int>(w->missing.size()) : 0;
}

const char* polrt_why_not_missing(const polrt_session* s, int i, int m) {
  const polrt::WhyNotR* w = entry(s, i);
  if (!w || m < 0 || m >= static_cast<int>(w->missing.size())) return nullptr;
  return w->missing[static_cast<std::size_t>(m)].c_str();
}

int polrt_why_not_line_count(const polrt_session* s, int i) {
  const polrt::WhyNotR* w = entry(s, i);
  return w ? static_cast<int>(w->condition.size()) : 0;
}

int polrt_why_not_line_depth(const polrt_session* s, int i, int l) {
  const polrt::TraceLineR* ln = line(s, i, l);
  return ln ? ln->depth : -1;
}

const char* polrt_why_not_line_text(const polrt_session* s, int i, int l) {
  const polrt::TraceLineR* ln = line(s, i, l);
  return ln ? ln->text.c_str() : nullptr;
}

const char* polrt_why_not_line_outcome(const polrt_session* s, int i, int l) {
  const polrt::TraceLineR* ln = line(s, i, l);
  return ln ? ln->outcome.c_str() : nullptr;
}

const char* polrt_why_not_line_joiner(const polrt_session* s, int i, int l) {
  const polrt::TraceLineR* ln = line(s, i, l);
  return ln ? ln->joiner.c_str() : nullptr;
}

int polrt_why_not_value_count(const polrt_session* s, int i, int l) {
  const polrt::TraceLineR* ln = line(s, i, l);
  return ln ? static_cast<int>(ln->values.size()) : 0;
}

const char* polrt_why_not_value_what(const polrt_session* s, int i, int l, int v) {
  const polrt::WhyNotValueR* r = value(s, i, l, v);
  return r ? r->what.c_str() : nullptr;
}

const char* polrt_why_not_value(const polrt_session* s, int i, int l, int v) {
  const polrt::WhyNotValueR* r = value(s, i, l, v);
  return r ? r->value.c_str() : nullptr;
}
