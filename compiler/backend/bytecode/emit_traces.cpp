// The why-not traces (section kSecTraces, docs/bytecode.md): every condition of a clause, and every
// part of it that `polc eval --why-not` may show, compiled to a block of its own, with the values
// it reads (ir/trace_shape.h, as polc's Tracer and the generated C++ have them), decided here for
// every outcome; which parts a trace shows depends on the applicant, and the runtime
// (runtime/vm/why_not.cpp) chooses them.
#include "backend/bytecode/emitter.h"
#include "ir/trace_shape.h"

namespace polc::bytecode {

void Emitter::writeTraces(Writer& w) {
  Writer clauses;
  for (const auto& c : p_.clauses) {
    std::vector<uint32_t> elig, cond, unmatched;
    for (const auto& e : c.eligibility) elig.push_back(traceNode(e, false, c.citation));
    for (const auto& e : c.conditions) cond.push_back(traceNode(e, false, c.citation));
    std::vector<const ir::Expr*> amount;
    if (!c.amount.empty()) ir::amountTraceNodes(c.amount[0], amount);
    for (const ir::Expr* e : amount) unmatched.push_back(traceNode(*e, true, c.citation));
    for (const auto* list : {&elig, &cond, &unmatched}) {
      clauses.u32(static_cast<uint32_t>(list->size()));
      for (uint32_t n : *list) clauses.u32(n);
    }
  }
  w.u32(static_cast<uint32_t>(traceNodes_.size()));
  for (const auto& n : traceNodes_) w.raw(n.data(), n.size());
  w.u32(static_cast<uint32_t>(p_.clauses.size()));
  w.raw(clauses.bytes.data(), clauses.bytes.size());
  w.u32(static_cast<uint32_t>(p_.documents.size()));
  for (const auto& d : p_.documents) w.u32(str(d.effectiveText));
}

// `amount`: a 分档 or 分情形 of an amount, whose value (not a truth) its block gives. Its parts'
// blocks, then its reads', then its own.
uint32_t Emitter::traceNode(const ir::Expr& e, bool amount, const std::string& where) {
  // In ir::TraceJoin's order.
  static constexpr uint8_t kJoiners[] = {kTraceLeaf, kTraceAnd, kTraceOr, kTraceNot, kTraceIf, kTraceTiers, kTraceCases};
  static_assert(sizeof kJoiners == kTraceJoinerCount);
  const ir::TraceShape shape = ir::traceShape(e, amount);
  std::vector<uint32_t> parts;
  for (const ir::Expr* k : shape.parts) parts.push_back(traceNode(*k, false, where));
  // Each read as {kind, subject, slot, source, block, type}.
  std::vector<std::array<uint32_t, 6>> reads;
  for (const ir::TraceRead& r : shape.reads) {
    const ir::Expr& k = *r.e;
    if (r.kind == ir::TraceRead::Computed)
      reads.push_back({kReadComputed, 0, 0, str(k.source), block(k, stackKind(k.type), where), type(k.type)});
    else
      reads.push_back({r.kind == ir::TraceRead::Fact ? kReadFact : kReadHighest, static_cast<uint32_t>(k.subject),
                       static_cast<uint32_t>(k.fact), 0, kNone, type(k.type)});
  }
  Writer n;
  n.u32(str(e.source));
  n.u8(kJoiners[static_cast<int>(shape.join)]);
  n.u32(block(e, amount ? stackKind(e.type) : static_cast<uint8_t>(kBool), where));
  n.u32(static_cast<uint32_t>(parts.size()));
  for (uint32_t k : parts) n.u32(k);
  n.u32(static_cast<uint32_t>(reads.size()));
  for (const auto& r : reads) {
    n.u8(static_cast<uint8_t>(r[0]));
    for (int i = 1; i < 6; ++i) n.u32(r[i]);
  }
  traceNodes_.push_back(std::move(n.bytes));
  return static_cast<uint32_t>(traceNodes_.size() - 1);
}

}  // namespace polc::bytecode
