// IR → bytecode. Expressions become stack code per block (one block per condition, amount, cap
// and funding condition; emit_code.cpp); everything else becomes tables (emit_tables.cpp). Here: the
// file's sections in order, and the constant pools they share. See docs/bytecode.md.
#include "backend/bytecode/emit.h"

#include "backend/bytecode/emitter.h"
#include "ir/words.h"
#include "support/atomic_file.h"

namespace polc::bytecode {

std::vector<uint8_t> Emitter::run() {
  // Tables first (they intern constants), then the sections in order.
  Writer enums, subjects, params, labels, documents, clauses, groups, caps, traces;
  enums.u32(static_cast<uint32_t>(p_.enums.size()));
  for (const auto& e : p_.enums) {
    enums.u32(str(e.name));
    enums.u8(e.ordered);
    enums.u32(static_cast<uint32_t>(e.members.size()));
    for (const auto& m : e.members) enums.u32(str(m));
  }
  writeSubjects(subjects);
  writeParams(params);
  labels.u32(static_cast<uint32_t>(p_.targets.size()));
  for (const auto& t : p_.targets) labels.u32(str(t.name));
  labels.u32(static_cast<uint32_t>(p_.kinds.size()));
  for (const auto& k : p_.kinds) labels.u32(str(k.name));
  writeDocuments(documents);
  writeClauses(clauses);
  writeGroups(groups);
  writeCaps(caps);
  writeTraces(traces);

  Writer strings, decimals, sets, types, missing, explain, code, blocks;
  strings.u32(strings_.size());
  for (const auto& s : strings_.list()) {
    strings.u32(static_cast<uint32_t>(s.size()));
    strings.raw(s.data(), s.size());
  }
  decimals.u32(decimals_.size());
  for (const auto& [mantissa, scale] : decimals_.list()) {
    auto m = static_cast<polrt::uint128_t>(mantissa);
    decimals.u64(static_cast<uint64_t>(m));
    decimals.u64(static_cast<uint64_t>(m >> 64));
    decimals.u8(static_cast<uint8_t>(scale));
  }
  sets.u32(sets_.size());
  for (const auto& s : sets_.list())
    for (uint64_t w : s) sets.u64(w);
  // Types may intern strings, so they were interned while writing the tables above; strings
  // were already counted: write types from the list built so far.
  types.u32(types_.size());
  for (const auto& t : types_.list()) {
    types.u8(std::get<0>(t));
    types.u8(std::get<1>(t));
    types.u8(std::get<2>(t));
    types.u32(std::get<3>(t));
    types.u32(std::get<4>(t));
    types.u32(std::get<5>(t));
  }
  missing.u32(missing_.size());
  for (const auto& [kind, text] : missing_.list()) {
    missing.u8(kind);
    missing.u32(text);
  }
  explain.u32(explain_.size());
  for (const auto& e : explain_.list())
    for (uint32_t f : e) explain.u32(f);
  code.u32(static_cast<uint32_t>(code_.size()));
  for (const auto& in : code_) code.insn(in);
  blocks.u32(static_cast<uint32_t>(blocks_.size()));
  for (const auto& b : blocks_) {
    blocks.u32(b.start);
    blocks.u32(b.count);
    blocks.u32(b.maxStack);
    blocks.u32(b.maxLocals);
    blocks.u32(b.maxHandlers);
    blocks.u8(b.result);
  }
  Writer body;
  const Writer* order[] = {&strings, &decimals, &sets, &enums, &types, &subjects, &params, &labels,
                           &documents, &clauses, &groups, &caps, &missing, &explain, &code, &blocks, &traces};
  for (uint32_t id = 1; id < kSecEnd; ++id) {
    body.u32(id);
    body.u32(static_cast<uint32_t>(order[id - 1]->bytes.size()));
    body.raw(order[id - 1]->bytes.data(), order[id - 1]->bytes.size());
  }
  Writer file;
  file.raw(kMagic, 4);
  file.u16(kVersionMajor);
  file.u16(kVersionMinor);
  file.u32(0);
  file.u32(static_cast<uint32_t>(body.bytes.size()));
  file.u32(crc32(body.bytes.data(), body.bytes.size()));
  file.u32(kSecEnd - 1);
  file.raw(body.bytes.data(), body.bytes.size());
  return std::move(file.bytes);
}

uint32_t Emitter::set(const ir::Bits& bits) {
  std::array<uint64_t, 4> w{};
  for (int i = 0; i < ir::kMaxEnumMembers && i < 256; ++i)
    if (bits[i]) w[i / 64] |= uint64_t{1} << (i % 64);
  return sets_.intern(w);
}

uint32_t Emitter::type(const Type& t) {
  uint8_t kind = kindOf(t.kind), qmode = 0;
  uint32_t suffix = str(""), dimText = str("");
  if (t.kind == TypeKind::Number) {
    ir::NumberStyle style = ir::numberStyle(p_, t);
    qmode = style.kind == ir::NumberStyle::Kind::Money ? 1 : style.kind == ir::NumberStyle::Kind::Ratio ? 2 : 0;
    if (qmode == 2) suffix = str(style.text);
    dimText = str(ir::dimensionText(p_, t.dim));
  }
  uint32_t en = t.enumIndex >= 0 ? static_cast<uint32_t>(t.enumIndex) : kNone;
  return types_.intern(std::make_tuple(kind, qmode, static_cast<uint8_t>(t.integer), en, suffix, dimText));
}

uint32_t Emitter::record(std::array<uint32_t, 12> r) { return explain_.intern(r); }

void Emitter::value(Writer& w, const ir::Value& v, const Type& t) {
  uint8_t k = kindOf(t.kind);
  w.u8(k);
  switch (k) {
    case kNum:
      if (v.type != ir::VType::Num) throw EmitError("a number constant of another type");
      w.u32(dec(v.lo));
      w.u32(dec(v.hi));
      w.u8(formCode(v.form));
      break;
    case kBool: w.u8(v.b ? 1 : 0); break;
    case kEnum: w.i32(v.e); break;
    case kSet: w.u32(set(v.bits)); break;
    case kDate: w.i32(v.day); break;
    case kText: w.u32(str(v.text)); break;
    default: throw EmitError("a constant recognition");
  }
}

EmitResult emit(const ir::Program& program) {
  EmitResult r;
  try {
    r.bytes = Emitter(program).run();
  } catch (const std::exception& e) {
    r.error = e.what();
    r.bytes.clear();
  }
  return r;
}

std::string writeFileAtomically(const std::string& path, const std::vector<uint8_t>& bytes) {
  // The one implementation every writer shares (mkstemp in the target's directory, fsync, rename,
  // the temporary removed on any failure): a private copy here had a pid-named temporary that a
  // second polc could clobber, and no fsync before the rename.
  return polc::writeFileAtomically(
      path, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

}  // namespace polc::bytecode
