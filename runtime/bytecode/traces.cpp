// Reading the why-not traces (section kSecTraces, docs/bytecode.md). It follows the blocks, so every
// index is checked as it is read; a node's parts come before it, and its depth is bounded, so that
// the runtime's walk over a hostile file ends and keeps its stack.
#include <algorithm>

#include "bytecode/parser.h"

namespace polrt::loader {

TraceReadDef Parser::traceRead(Reader& r) {
  const Program& p = *p_;
  TraceReadDef d;
  d.kind = r.u8();
  d.subject = index(r, p.subjects.size(), "subject");
  d.slot = r.u32();
  d.source = str(r);
  d.block = ref(r, p.blocks.size(), "block", true);
  d.type = typeIdx(r);
  if (!r.ok) return d;
  if (d.kind >= kReadCount) fail("bad trace read kind");
  if (d.kind == kReadComputed) {
    if (d.block == kNone) fail("a computed trace value without a block");
  } else if (d.slot >= p.subjects[d.subject].facts.size()) {
    fail("a trace reads an unknown fact");
  }
  return d;
}

void Parser::traces(Reader& r) {
  Program& p = *p_;
  std::vector<uint32_t> depth;
  // Each node is one place's: a part of one node, or one clause's. A node shared would make the
  // walk over a hostile file exponential (each node's two parts the one before it).
  std::vector<uint8_t> used;
  auto use = [&](uint32_t k) {
    if (r.ok && used[k]++) fail("a trace node is used twice");
  };
  auto isCondition = [&](uint32_t k) {
    const uint8_t j = p.traceNodes[k].joiner;
    return j != kTraceTiers && j != kTraceCases;
  };
  uint32_t n = count(r, 17);
  p.traceNodes.resize(n);
  used.assign(n, 0);
  for (uint32_t i = 0; i < n && r.ok; ++i) {
    TraceNodeDef& d = p.traceNodes[i];
    d.source = str(r);
    d.joiner = r.u8();
    d.block = ref(r, p.blocks.size(), "block");
    if (d.joiner >= kTraceJoinerCount) fail("bad trace joiner");
    uint32_t deepest = 0;
    list(r, 4, d.parts, [&] {
      uint32_t k = r.u32();
      if (r.ok && k >= i) fail("a trace node's part is not an earlier node");
      use(k);
      if (r.ok) deepest = std::max(deepest, depth[k]);
      return k;
    });
    list(r, 21, d.reads, [&] { return traceRead(r); });
    if (deepest + 1 > kMaxTraceDepth) fail("trace nodes nested too deeply");
    depth.push_back(deepest + 1);
    // A truth for a condition and its parts; a value for an amount's 分档/分情形.
    const bool value = d.joiner == kTraceTiers || d.joiner == kTraceCases;
    if (r.ok && !value && p.blocks[d.block].result != kBool) fail("a trace condition's block is not a truth");
    // What the runtime's walk takes of the parts: exactly these, each a condition.
    const std::size_t want = d.joiner == kTraceNot ? 1 : d.joiner == kTraceIf ? 3 : d.parts.size();
    if (r.ok && (d.parts.size() != want || ((d.joiner == kTraceLeaf || d.joiner == kTraceTiers) && !d.parts.empty())))
      fail("a trace node has the wrong number of parts");
    for (uint32_t k : d.parts)
      if (r.ok && !isCondition(k)) fail("a trace node's part is not a condition");
  }
  uint32_t nc = count(r, 12);
  if (r.ok && nc != p.clauses.size()) fail("trace count does not match the clauses");
  p.traces.resize(nc);
  auto nodes = [&](std::vector<uint32_t>& out) {
    list(r, 4, out, [&] {
      const uint32_t k = ref(r, p.traceNodes.size(), "trace node");
      use(k);
      return k;
    });
  };
  for (uint32_t c = 0; c < nc && r.ok; ++c) {
    ClauseTraceDef& t = p.traces[c];
    nodes(t.eligibility);
    nodes(t.conditions);
    nodes(t.unmatched);
    if (t.eligibility.size() != p.clauses[c].eligibility.size() || t.conditions.size() != p.clauses[c].conditions.size())
      fail("a clause's traces do not match its conditions");
    for (const auto* list : {&t.eligibility, &t.conditions})
      for (uint32_t k : *list)
        if (!isCondition(k)) fail("a clause's condition trace is not a condition");
    for (uint32_t k : t.unmatched)
      if (isCondition(k)) fail("a clause's amount trace is not a 分档 or 分情形");
  }
  list(r, 4, p.effectiveTexts, [&] { return str(r); });
  if (r.ok && p.effectiveTexts.size() != p.documents.size()) fail("document period count does not match the documents");
}

}  // namespace polrt::loader
