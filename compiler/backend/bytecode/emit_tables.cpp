// The program's tables in the bytecode: subjects, parameters, documents, clauses, groups, caps.
#include "backend/bytecode/emitter.h"

namespace polc::bytecode {

void Emitter::writeSubjects(Writer& w) {
  w.u32(static_cast<uint32_t>(p_.subjects.size()));
  for (const auto& s : p_.subjects) {
    w.u32(str(s.name));
    w.i32(s.owner);
    w.u32(static_cast<uint32_t>(s.facts.size()));
    for (const auto& f : s.facts) {
      w.u32(str(f.name));
      w.u32(type(f.type));
      w.u8(f.history);
      w.u8(f.required);
      w.u8(f.defaultValue.has_value());
      if (f.defaultValue) value(w, *f.defaultValue, f.type);
      w.u32(f.min ? dec(*f.min) : kNone);
      w.u32(f.max ? dec(*f.max) : kNone);
      w.u32(str(f.rangeText));
    }
  }
}

void Emitter::writeParams(Writer& w) {
  w.u32(static_cast<uint32_t>(p_.parameters.size()));
  for (const auto& prm : p_.parameters) {
    w.u32(str(prm.name));
    w.u32(type(prm.type));
    w.u32(static_cast<uint32_t>(prm.entries.size()));
    for (const auto& e : prm.entries) {
      w.i32(e.day);
      w.u32(str(e.date));
      value(w, e.value, prm.type);
    }
  }
}

void Emitter::writeDocuments(Writer& w) {
  w.u32(static_cast<uint32_t>(p_.documents.size()));
  for (const auto& d : p_.documents) {
    w.u32(str(d.name));
    w.u32(str(d.number));
    w.u32(str(d.title));
    w.u8(d.effectiveFrom.has_value());
    w.i32(d.effectiveFrom.value_or(0));
    w.u8(d.effectiveTo.has_value());
    w.i32(d.effectiveTo.value_or(0));
    w.u8(d.rounding.present);
    w.u32(dec(d.rounding.unit));
    w.u8(static_cast<uint8_t>(d.rounding.mode));
    w.u32(str(d.rounding.text));
    w.u32(static_cast<uint32_t>(d.funding.size()));
    for (const auto& f : d.funding) {
      w.u8(f.otherwise);
      w.u32(static_cast<uint32_t>(f.kinds.size()));
      for (int k : f.kinds) w.i32(k);
      w.u32(f.arrangement ? str(*f.arrangement) : kNone);
      w.u32(static_cast<uint32_t>(f.shares.size()));
      for (const auto& s : f.shares) {
        w.u32(str(s.payer));
        w.u32(s.proportion ? dec(*s.proportion) : kNone);
      }
      if (f.ratio.size() != f.ratioPayers.size()) throw EmitError("a funding ratio without one part per payer");
      w.u32(static_cast<uint32_t>(f.ratioPayers.size()));
      for (const auto& s : f.ratioPayers) w.u32(str(s));
      for (const auto& r : f.ratio) w.u32(dec(r));
      w.u32(str(f.source));
    }
    w.u32(static_cast<uint32_t>(d.fundingNotes.size()));
    for (const auto& n : d.fundingNotes) w.u32(str(n));
  }
}

void Emitter::blockList(Writer& w, const std::vector<ir::Expr>& es, uint8_t result, const std::string& where) {
  w.u32(static_cast<uint32_t>(es.size()));
  for (const auto& e : es) w.u32(block(e, result, where));
}

void Emitter::writeClauses(Writer& w) {
  w.u32(static_cast<uint32_t>(p_.clauses.size()));
  for (const auto& c : p_.clauses) {
    w.i32(c.document);
    w.u32(str(c.citation));
    w.u32(str(c.title));
    w.u32(str(c.text));
    w.u32(static_cast<uint32_t>(c.notes.size()));
    for (const auto& n : c.notes) w.u32(str(n));
    w.i32(c.subject);
    w.i32(c.payee);
    w.i32(c.target);
    w.i32(c.kind);
    uint8_t award = c.award == ir::AwardKind::Pay ? 0 : c.award == ir::AwardKind::Benefit ? 1
                    : c.award == ir::AwardKind::Negotiated ? 2 : 3;
    w.u8(award);
    blockList(w, c.eligibility, kBool, c.citation);
    blockList(w, c.conditions, kBool, c.citation);
    w.u32(c.amount.empty() ? kNone : block(c.amount[0], kNum, c.citation));
    w.u32(str(c.amount.empty() ? std::string() : c.amount[0].source));
    w.u32(str(c.benefit));
    w.u32(str(c.negotiatedBasis));
    w.u32(c.cap.empty() ? kNone : block(c.cap[0], kNum, c.citation));
    w.u32(str(c.capLabel));
    w.u8(c.quota.has_value());
    w.u64(static_cast<uint64_t>(c.quota.value_or(0)));
    w.u8(c.quotaAnnual);
    w.u32(static_cast<uint32_t>(c.installments.size()));
    for (const auto& d : c.installments) w.u32(dec(d));
    w.u8(c.topup);
    w.u8(c.once);
    const auto& doc = p_.documents[c.document];
    w.u32(static_cast<uint32_t>(doc.funding.size()));
    for (std::size_t r = 0; r < doc.funding.size(); ++r) {
      bool has = r < c.fundingConditions.size() && !c.fundingConditions[r].empty();
      w.u32(has ? block(c.fundingConditions[r][0], kBool, c.citation) : kNone);
    }
    w.u32(static_cast<uint32_t>(doc.funding.size()));
    for (std::size_t r = 0; r < doc.funding.size(); ++r) {
      const auto none = std::vector<ir::PayerFact>();
      const auto& payers = r < c.fundingPayers.size() ? c.fundingPayers[r] : none;
      w.u32(static_cast<uint32_t>(payers.size()));
      for (const auto& f : payers) {
        w.u32(static_cast<uint32_t>(f.payer));
        w.u32(static_cast<uint32_t>(f.fact.subject));
        w.u32(static_cast<uint32_t>(f.fact.fact));
        w.u32(missingDesc(kMissFact, factText(f.fact.subject, f.fact.name)));
      }
    }
  }
}

void Emitter::writeGroups(Writer& w) {
  w.u32(static_cast<uint32_t>(p_.groups.size()));
  for (const auto& g : p_.groups) {
    w.u32(str(g.name));
    w.i32(g.document);
    w.u8(g.scope == ir::GroupScope::Clauses ? 0 : g.scope == ir::GroupScope::Document ? 1 : 2);
    auto ints = [&](const std::vector<int>& v) {
      w.u32(static_cast<uint32_t>(v.size()));
      for (int x : v) w.i32(x);
    };
    ints(g.clauses);
    ints(g.per);
    w.u8(g.perItem);
    w.u8(g.sameTarget);
    ints(g.exceptKinds);
    ints(g.prefer);
    w.u32(str(g.text));
    w.u32(static_cast<uint32_t>(g.notes.size()));
    for (const auto& n : g.notes) w.u32(str(n));
  }
}

void Emitter::writeCaps(Writer& w) {
  w.u32(static_cast<uint32_t>(p_.caps.size()));
  for (const auto& k : p_.caps) {
    w.u32(str(k.name));
    w.i32(k.document);
    w.u32(dec(k.amount));
    w.i32(k.per);
    w.u8(k.period == ir::CapPeriod::Once ? 0 : k.period == ir::CapPeriod::Cumulative ? 1 : 2);
    w.u32(static_cast<uint32_t>(k.clauses.size()));
    for (int c : k.clauses) w.i32(c);
    w.u32(str(k.text));
    w.u32(static_cast<uint32_t>(k.notes.size()));
    for (const auto& n : k.notes) w.u32(str(n));
  }
}

}  // namespace polc::bytecode
