// The why-not traces (section kSecTraces, docs/bytecode.md): every condition of a clause, and every
// part of it that `polc eval --why-not` may show, compiled to a block of its own, with the values
// it reads. The shape is eval/why_not.cpp's Tracer, decided here for every outcome; which parts a
// trace shows depends on the applicant, and the runtime (runtime/vm/why_not.cpp) chooses them.
#include "backend/bytecode/emitter.h"

namespace polc::bytecode {

namespace {

// `A 或 B 或 C` is read as `(A 或 B) 或 C`: its operands side by side, as the policy writes them.
void flatten(const ir::Expr& e, std::vector<const ir::Expr*>& out) {
  for (const auto& k : e.kids)
    if (k.op == e.op)
      flatten(k, out);
    else
      out.push_back(&k);
}

// A value a fact alone does not show (eval/why_not.cpp, Tracer::reads).
bool computed(Op op) {
  return op == Op::Previous || op == Op::Increase || op == Op::HistoryMax || op == Op::ParamAt || op == Op::Newly;
}

}  // namespace

void Emitter::writeTraces(Writer& w) {
  Writer clauses;
  for (const auto& c : p_.clauses) {
    std::vector<uint32_t> elig, cond, unmatched;
    for (const auto& e : c.eligibility) elig.push_back(traceNode(e, false, c.citation));
    for (const auto& e : c.conditions) cond.push_back(traceNode(e, false, c.citation));
    if (!c.amount.empty()) traceUnmatched(c.amount[0], unmatched, c.citation);
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

// `amount`: a 分档 or 分情形 of an amount, whose value (not a truth) its block gives.
uint32_t Emitter::traceNode(const ir::Expr& e, bool amount, const std::string& where) {
  uint8_t joiner = kTraceLeaf;
  std::vector<uint32_t> parts;
  std::vector<std::array<uint32_t, 6>> reads;
  switch (e.op) {
    case Op::And:
    case Op::Or: {
      joiner = e.op == Op::And ? kTraceAnd : kTraceOr;
      std::vector<const ir::Expr*> operands;
      flatten(e, operands);
      for (const ir::Expr* k : operands) parts.push_back(traceNode(*k, false, where));
      break;
    }
    case Op::Not: joiner = kTraceNot; parts.push_back(traceNode(e.kids[0], false, where)); break;
    case Op::If:
      joiner = kTraceIf;
      for (const auto& k : e.kids) parts.push_back(traceNode(k, false, where));
      break;
    default:
      if (amount && e.op == Op::Tiers) {
        joiner = kTraceTiers;
        traceReads(e.kids[0], reads, where);
        if (e.tierMode == ir::TierMode::FirstOver) {
          const ir::Expr& f = e.kids[0];
          reads.push_back({kReadHighest, static_cast<uint32_t>(f.subject), static_cast<uint32_t>(f.fact), 0, kNone, type(f.type)});
        }
      } else if (amount && e.op == Op::Cases) {
        joiner = kTraceCases;
        for (const auto& en : e.entries)
          if (!en.key.empty()) parts.push_back(traceNode(en.key[0], false, where));
      } else {
        traceReads(e, reads, where);
      }
  }
  Writer n;
  n.u32(str(e.source));
  n.u8(joiner);
  n.u32(block(e, amount ? stackKind(e.type) : kBool, where));
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

// The values an expression reads, in the order eval/why_not.cpp's Tracer::reads lists them: each
// as {kind, subject, slot, source, block, type}.
void Emitter::traceReads(const ir::Expr& e, std::vector<std::array<uint32_t, 6>>& out, const std::string& where) {
  auto value = [&](const ir::Expr& k) {
    out.push_back({kReadComputed, 0, 0, str(k.source), block(k, stackKind(k.type), where), type(k.type)});
  };
  switch (e.op) {
    case Op::Const: return;
    case Op::Fact:
      out.push_back({kReadFact, static_cast<uint32_t>(e.subject), static_cast<uint32_t>(e.fact), 0, kNone, type(e.type)});
      return;
    case Op::FirstOver: {
      const ir::Expr& f = e.kids[0];
      out.push_back({kReadHighest, static_cast<uint32_t>(f.subject), static_cast<uint32_t>(f.fact), 0, kNone, type(f.type)});
      break;
    }
    case Op::Compare:
      for (const auto& k : e.kids)
        if (k.op != Op::Const && k.op != Op::Fact && !computed(k.op)) value(k);
      break;
    default:
      if (computed(e.op)) value(e);
  }
  for (const auto& k : e.kids) traceReads(k, out, where);
  for (const auto& en : e.entries)
    if (!en.key.empty()) traceReads(en.key[0], out, where);
}

// Every 分档 and 分情形 of an amount, in the order eval/why_not.cpp's Tracer::unmatched searches.
void Emitter::traceUnmatched(const ir::Expr& e, std::vector<uint32_t>& out, const std::string& where) {
  if (e.op == Op::Tiers || e.op == Op::Cases) out.push_back(traceNode(e, true, where));
  for (const auto& k : e.kids) traceUnmatched(k, out, where);
}

}  // namespace polc::bytecode
