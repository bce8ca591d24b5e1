// Loading a .polb file: parse every section with bounds-checked reads, then verify it (verify.cpp)
// before anything runs.
#include <algorithm>
#include <cstring>
#include <new>

#include "bytecode/parser.h"
#include "decimal/citation_match.h"
#include "decimal/fact_errors.h"

namespace polrt {
namespace loader {

std::unique_ptr<Program> Parser::run() {
  if (size_ < kHeaderSize) fail("truncated: " + std::to_string(size_) + " bytes, the header alone is 24");
  if (std::memcmp(data_, kMagic, 4) != 0) fail("not a polc bytecode file (bad magic)");
  Reader h(data_, kHeaderSize);
  h.pos = 4;
  uint16_t major = h.u16(), minor = h.u16();
  uint32_t flags = h.u32(), bodySize = h.u32(), crc = h.u32(), sections = h.u32();
  (void)minor;
  // A .polb outlives the runtime it was built for: say which format it is, which one this runtime
  // reads, and how to make one it reads, since the policy sources are what the user still has.
  if (major != kVersionMajor)
    fail("unsupported format version " + std::to_string(major) + ": this runtime reads version " +
         std::to_string(kVersionMajor) + "; rebuild the file from its policy sources with `polc build POLICY.pol… "
         "--emit=bytecode -o FILE.polb`");
  if (flags != 0) fail("unknown header flags");
  if (bodySize != size_ - kHeaderSize)
    fail("truncated or padded: the header says the body has " + std::to_string(bodySize) + " bytes, the file has " +
         std::to_string(size_ - kHeaderSize));
  if (crc32(data_ + kHeaderSize, bodySize) != crc) fail("checksum mismatch: the file is corrupted");
  if (sections != kSecEnd - 1) fail("unexpected section count");
  p_ = std::make_unique<Program>();
  p_->fileChecksum = crc;
  p_->fileBodySize = bodySize;
  Reader body(data_ + kHeaderSize, bodySize);
  for (uint32_t id = 1; id < kSecEnd; ++id) {
    uint32_t sid = body.u32(), len = body.u32();
    if (!body.ok || sid != id) fail("section " + std::to_string(id) + " missing or out of order");
    if (len > body.left()) fail("section " + std::to_string(id) + " runs past the end of the file");
    Reader r(data_ + kHeaderSize + body.pos, len);
    base_ = kHeaderSize + body.pos;
    body.pos += len;
    section(id, r);
    if (!r.ok) fail("section " + std::to_string(id) + " is truncated");
    if (r.left() != 0) fail("section " + std::to_string(id) + " has trailing bytes");
  }
  if (body.left() != 0) fail("trailing bytes after the last section");
  derive();
  verifyTables();
  for (uint32_t b = 0; b < p_->blocks.size(); ++b) verifyBlock(b);
  return std::move(p_);
}

uint32_t Parser::count(Reader& r, std::size_t minBytes) {
  uint32_t n = r.u32();
  if (!r.ok) fail("truncated table");
  if (n > kMaxCount || static_cast<std::size_t>(n) * minBytes > r.left()) fail("table count " + std::to_string(n) + " exceeds the data");
  return n;
}

// An index into a table read before this one; kNone as well where `orNone`.
uint32_t Parser::ref(Reader& r, std::size_t size, const char* what, bool orNone) {
  uint32_t i = r.u32();
  if (r.ok && !(orNone && i == kNone) && i >= size) fail(std::string(what) + " index " + std::to_string(i) + " out of range");
  return i;
}

// A signed index into a table of `n`; -1 as well where `orMinus`.
int32_t Parser::index(Reader& r, std::size_t n, const char* what, bool orMinus) {
  int32_t i = r.i32();
  if (r.ok && (i < (orMinus ? -1 : 0) || i >= static_cast<int32_t>(n))) fail(std::string(what) + " index " + std::to_string(i) + " out of range");
  return i;
}

bool Parser::flag(Reader& r) {
  uint8_t v = r.u8();
  if (v > 1) fail("bad boolean byte");
  return v != 0;
}

Val Parser::value(Reader& r, uint8_t expected, uint32_t enumIndex) {
  Val v;
  uint8_t k = r.u8();
  if (!r.ok) fail("truncated value");
  if (k != expected) fail("value of kind " + std::to_string(k) + " where kind " + std::to_string(expected) + " is declared");
  v.kind = k;
  switch (k) {
    case kNum: {
      v.lo = p_->decimals[dec(r)];
      v.hi = p_->decimals[dec(r)];
      v.form = r.u8();
      if (v.form > kRange) fail("bad amount form");
      if (v.lo > v.hi) fail("amount with min above max");
      break;
    }
    case kBool: v.i = flag(r); break;
    case kEnum:
      v.i = r.i32();
      if (enumIndex == kNone || v.i < 0 || v.i >= static_cast<int32_t>(p_->enums[enumIndex].members.size()))
        fail("enum constant out of range");
      break;
    case kSet:
    case kRecog: {
      uint32_t s = r.u32();
      if (s >= p_->sets.size()) fail("set index out of range");
      std::memcpy(v.bits, p_->sets[s].data(), sizeof v.bits);
      if (k == kRecog) fail("recognitions have no constant values");
      break;
    }
    case kDate: v.i = r.i32(); break;
    case kText: {
      const std::string& s = p_->strings[str(r)];
      v.tp = s.data();
      v.tl = static_cast<uint32_t>(s.size());
      break;
    }
    default: fail("bad value kind");
  }
  return v;
}

void Parser::section(uint32_t id, Reader& r) {
  Program& p = *p_;
  switch (id) {
    case kSecStrings: {
      uint32_t n = count(r, 4);
      p.strings.reserve(n);
      for (uint32_t i = 0; i < n; ++i) {
        uint32_t len = r.u32();
        if (len > r.left()) fail("string " + std::to_string(i) + " runs past its section");
        p.strings.emplace_back(r.bytesView(len));
      }
      break;
    }
    case kSecDecimals: {
      uint32_t n = count(r, 17);
      p.decimals.reserve(n);
      for (uint32_t i = 0; i < n; ++i) {
        uint64_t lo = r.u64(), hi = r.u64();
        uint8_t scale = r.u8();
        int128_t m = static_cast<int128_t>((static_cast<uint128_t>(hi) << 64) | lo);
        auto d = Decimal::tryFromParts(m, scale);
        if (r.ok && !d) fail("decimal constant " + std::to_string(i) + " is not a valid decimal");
        p.decimals.push_back(d.value_or(Decimal()));
      }
      break;
    }
    case kSecSets: {
      uint32_t n = count(r, 32);
      p.sets.resize(n);
      for (auto& s : p.sets)
        for (auto& w : s) w = r.u64();
      break;
    }
    case kSecEnums: {
      uint32_t n = count(r, 9);
      p.enums.resize(n);
      for (auto& e : p.enums) {
        e.name = str(r);
        e.ordered = flag(r);
        uint32_t m = count(r, 4);
        if (m > static_cast<uint32_t>(kMaxEnumMembers)) fail("an enum has more than 256 members");
        for (uint32_t i = 0; i < m; ++i) e.members.push_back(str(r));
      }
      break;
    }
    case kSecTypes: {
      uint32_t n = count(r, 15);
      p.types.resize(n);
      for (auto& t : p.types) {
        t.kind = r.u8();
        t.qmode = r.u8();
        t.integer = flag(r);
        t.enumIndex = r.u32();
        t.suffix = str(r);
        t.dimText = str(r);
        if (t.kind >= kVKindCount || t.qmode > 2) fail("bad type descriptor");
        if (t.enumIndex != kNone && t.enumIndex >= p.enums.size()) fail("type names an unknown enum");
        if ((t.kind == kEnum || t.kind == kSet || t.kind == kRecog) && t.enumIndex == kNone)
          fail("enum type without its enum");
      }
      break;
    }
    case kSecSubjects: {
      uint32_t n = count(r, 12);
      p.subjects.resize(n);
      for (auto& s : p.subjects) {
        s.name = str(r);
        s.owner = indexOrMinus(r, n, "owner subject");
        uint32_t f = count(r, 11);
        if (f > 0xFFFF) fail("too many facts");
        s.facts.resize(f);
        for (auto& fd : s.facts) {
          fd.name = str(r);
          fd.type = typeIdx(r);
          fd.kind = p.types[fd.type].kind;
          fd.history = flag(r);
          fd.required = flag(r);
          fd.hasDefault = flag(r);
          if (fd.hasDefault) fd.def = value(r, fd.kind, p.types[fd.type].enumIndex);
          fd.min = decOrNone(r);
          fd.max = decOrNone(r);
          fd.rangeText = str(r);
          if ((fd.min != kNone || fd.max != kNone) && fd.kind != kNum) fail("a range on a fact that is not a number");
          if (r.ok && fd.min != kNone && fd.max != kNone && p.decimals[fd.min] > p.decimals[fd.max])
            fail("a fact's range is empty");
        }
      }
      break;
    }
    case kSecParams: {
      uint32_t n = count(r, 12);
      p.params.resize(n);
      for (auto& pr : p.params) {
        pr.name = str(r);
        pr.type = typeIdx(r);
        uint32_t k = count(r, 9);
        pr.entries.resize(k);
        int32_t last = INT32_MIN;
        for (auto& en : pr.entries) {
          en.day = r.i32();
          en.date = str(r);
          en.value = value(r, p.types[pr.type].kind, p.types[pr.type].enumIndex);
          if (en.day < last) fail("parameter entries out of date order");
          last = en.day;
        }
      }
      break;
    }
    case kSecLabels: {
      uint32_t n = count(r, 4);
      for (uint32_t i = 0; i < n; ++i) p.targets.push_back(str(r));
      n = count(r, 4);
      for (uint32_t i = 0; i < n; ++i) p.kinds.push_back(str(r));
      break;
    }
    case kSecDocuments: {
      uint32_t n = count(r, 40);
      p.documents.resize(n);
      for (auto& d : p.documents) {
        d.name = str(r);
        d.number = str(r);
        d.title = str(r);
        d.hasFrom = flag(r);
        d.from = r.i32();
        d.hasTo = flag(r);
        d.to = r.i32();
        d.rounding = flag(r);
        d.roundUnit = dec(r);
        d.roundMode = r.u8();
        if (d.roundMode > static_cast<uint8_t>(RoundingMode::Ceiling)) fail("bad rounding mode");
        d.roundText = str(r);
        uint32_t k = count(r, 20);
        d.funding.resize(k);
        for (auto& f : d.funding) {
          f.otherwise = flag(r);
          list(r, 4, f.kinds, [&] { return r.i32(); });
          f.arrangement = strOrNone(r);
          list(r, 8, f.shares, [&] {
            ShareDef s;
            s.payer = str(r);
            s.proportion = decOrNone(r);
            return s;
          });
          // A ratio's parts follow its payers, one each: the payers' count is theirs too.
          list(r, 8, f.ratioPayers, [&] { return str(r); });
          for (std::size_t i = 0; i < f.ratioPayers.size(); ++i) f.ratio.push_back(dec(r));
          f.source = str(r);
        }
        list(r, 4, d.fundingNotes, [&] { return str(r); });
      }
      break;
    }
    case kSecClauses: {
      uint32_t n = count(r, 64);
      p.clauses.resize(n);
      for (auto& c : p.clauses) {
        c.document = index(r, p.documents.size(), "document");
        c.citation = str(r);
        c.title = str(r);
        c.text = str(r);
        list(r, 4, c.notes, [&] { return str(r); });
        c.subject = indexOrMinus(r, p.subjects.size(), "subject");
        c.payee = indexOrMinus(r, p.subjects.size(), "payee subject");
        c.target = indexOrMinus(r, p.targets.size(), "target");
        c.kind = indexOrMinus(r, p.kinds.size(), "kind");
        c.award = r.u8();
        if (c.award > kAwardNone) fail("bad award kind");
        list(r, 4, c.eligibility, [&] { return blockOrNone(r); });
        list(r, 4, c.conditions, [&] { return blockOrNone(r); });
        c.amount = blockOrNone(r);
        c.amountSource = str(r);
        c.benefit = str(r);
        c.negotiatedBasis = str(r);
        c.cap = blockOrNone(r);
        c.capLabel = str(r);
        c.hasQuota = flag(r);
        c.quota = static_cast<int64_t>(r.u64());
        c.quotaAnnual = flag(r);
        list(r, 4, c.installments, [&] { return dec(r); });
        c.topup = flag(r);
        c.once = flag(r);
        list(r, 4, c.fundingConditions, [&] { return blockOrNone(r); });
        list(r, 4, c.fundingPayers, [&] {
          std::vector<PayerFactDef> payers;
          list(r, 16, payers, [&] {
            PayerFactDef f;
            f.payer = r.u32();
            f.subject = index(r, p.subjects.size(), "subject");
            f.slot = r.u32();
            f.missing = r.u32();
            return f;
          });
          return payers;
        });
      }
      break;
    }
    case kSecGroups: {
      uint32_t n = count(r, 30);
      p.groups.resize(n);
      for (auto& g : p.groups) {
        g.name = str(r);
        g.document = index(r, p.documents.size(), "document");
        g.scope = r.u8();
        if (g.scope > kScopeAll) fail("bad group scope");
        list(r, 4, g.clauses, [&] { return index(r, p.clauses.size(), "clause"); });
        list(r, 4, g.per, [&] { return index(r, p.subjects.size(), "subject"); });
        g.perItem = flag(r);
        g.sameTarget = flag(r);
        list(r, 4, g.exceptKinds, [&] { return r.i32(); });
        list(r, 4, g.prefer, [&] { return index(r, p.documents.size(), "document"); });
        g.text = str(r);
        list(r, 4, g.notes, [&] { return str(r); });
      }
      break;
    }
    case kSecCaps: {
      uint32_t n = count(r, 29);
      p.caps.resize(n);
      for (auto& k : p.caps) {
        k.name = str(r);
        k.document = index(r, p.documents.size(), "document");
        k.amount = dec(r);
        k.per = indexOrMinus(r, p.subjects.size(), "subject");
        k.period = r.u8();
        if (k.period > kPeriodAnnual) fail("bad cap period");
        list(r, 4, k.clauses, [&] { return index(r, p.clauses.size(), "clause"); });
        k.text = str(r);
        list(r, 4, k.notes, [&] { return str(r); });
      }
      break;
    }
    case kSecMissing: {
      uint32_t n = count(r, 5);
      p.missing.resize(n);
      for (auto& m : p.missing) {
        m.kind = r.u8();
        if (m.kind > kMissHist) fail("bad missing-fact descriptor");
        m.text = str(r);
      }
      break;
    }
    case kSecExplain: {
      uint32_t n = count(r, 48);
      p.explain.resize(n);
      for (auto& e : p.explain)
        for (auto& f : e) f = r.u32();
      break;
    }
    case kSecCode: {
      uint32_t n = count(r, 16);
      p.code.resize(n);
      for (auto& in : p.code) in = r.insn();
      break;
    }
    case kSecBlocks: {
      uint32_t n = count(r, 21);
      p.blocks.resize(n);
      for (auto& b : p.blocks) {
        b.start = r.u32();
        b.count = r.u32();
        b.maxStack = r.u32();
        b.maxLocals = r.u32();
        b.maxHandlers = r.u32();
        b.result = r.u8();
        if (!r.ok) break;
        if (b.count == 0 || b.start > p.code.size() || b.count > p.code.size() - b.start)
          fail("block code range out of bounds");
        if (b.maxStack > kMaxStack || b.maxLocals > kMaxLocals || b.maxHandlers > kMaxHandlers)
          fail("block declares more stack, locals or handlers than the runtime allows");
        // A why-not trace's value block gives any kind (a parameter's member, 新认定's set).
        if (b.result >= kVKindCount) fail("bad block result kind");
      }
      // Clauses were read before the blocks existed: check their block references now.
      auto ok = [&](uint32_t blk, uint8_t kind) {
        if (blk == kNone) return;
        if (blk >= p.blocks.size()) fail("clause names block " + std::to_string(blk) + " which does not exist");
        if (p.blocks[blk].result != kind) fail("block " + std::to_string(blk) + " has the wrong result kind");
      };
      for (auto& c : p.clauses) {
        for (uint32_t b : c.eligibility) { if (b == kNone) fail("missing condition block"); ok(b, kBool); }
        for (uint32_t b : c.conditions) { if (b == kNone) fail("missing condition block"); ok(b, kBool); }
        for (uint32_t b : c.fundingConditions) ok(b, kBool);
        ok(c.amount, kNum);
        ok(c.cap, kNum);
      }
      break;
    }
    case kSecTraces: traces(r); break;
    default: fail("unknown section");
  }
}

void Parser::derive() {
  Program& p = *p_;
  p.payerOfString.assign(p.strings.size(), kNone);
  auto addPayer = [&](uint32_t s) {
    if (p.payerOfString[s] != kNone) return;
    p.payerOfString[s] = static_cast<uint32_t>(p.payerNames.size());
    p.payerNames.push_back(s);
  };
  for (auto& d : p.documents)
    for (auto& f : d.funding) {
      for (auto& s : f.shares) addPayer(s.payer);
      for (auto s : f.ratioPayers) addPayer(s);
    }
  // A payer named by a fact is paid under any value of its enum (verifyTables refuses any other fact).
  for (const auto& c : p.clauses)
    for (const auto& rule : c.fundingPayers)
      for (const PayerFactDef& f : rule) {
        const auto& facts = p.subjects[f.subject].facts;
        if (f.slot >= facts.size() || facts[f.slot].type >= p.types.size()) continue;
        const uint32_t e = p.types[facts[f.slot].type].enumIndex;
        if (facts[f.slot].kind == kEnum && e < p.enums.size())
          for (uint32_t m : p.enums[e].members) addPayer(m);
      }
  p.payerOrder.resize(p.payerNames.size());
  for (uint32_t i = 0; i < p.payerOrder.size(); ++i) p.payerOrder[i] = i;
  std::sort(p.payerOrder.begin(), p.payerOrder.end(),
            [&](uint32_t a, uint32_t b) { return p.strings[p.payerNames[a]] < p.strings[p.payerNames[b]]; });
  const uint64_t cells = (static_cast<uint64_t>(p.groups.size()) + p.caps.size()) * p.clauses.size();
  if (cells > kMaxScopeCells)
    fail(std::to_string(p.groups.size() + p.caps.size()) + " groups and caps over " + std::to_string(p.clauses.size()) +
         " clauses: more than " + std::to_string(kMaxScopeCells) + " (group or cap, clause) pairs");
  for (auto& g : p.groups) {
    g.inScope.assign(p.clauses.size(), 0);
    for (std::size_t c = 0; c < p.clauses.size(); ++c) {
      const ClauseDef& cl = p.clauses[c];
      bool in = g.scope == kScopeAll || (g.scope == kScopeDocument && cl.document == g.document) ||
                (g.scope == kScopeClauses && std::find(g.clauses.begin(), g.clauses.end(), static_cast<int32_t>(c)) != g.clauses.end());
      if (in && cl.kind >= 0 && std::find(g.exceptKinds.begin(), g.exceptKinds.end(), cl.kind) != g.exceptKinds.end()) in = false;
      g.inScope[c] = in;
    }
  }
  for (auto& k : p.caps) {
    k.covers.assign(p.clauses.size(), 0);
    for (int32_t c : k.clauses) k.covers[c] = 1;
  }
}

}  // namespace loader

LoadResult load(const uint8_t* data, std::size_t size) noexcept {
  LoadResult r;
  try {
    if (!data && size) {
      r.error = "no data";
      return r;
    }
    r.program = loader::Parser(data, size).run();
  } catch (const loader::Fail& f) {
    r.error = f.msg;
    r.program.reset();
  } catch (const std::bad_alloc&) {
    r.error = "out of memory while loading";
    r.program.reset();
  } catch (...) {
    r.error = "internal error while loading";
    r.program.reset();
  }
  return r;
}

int Program::findSubject(std::string_view name) const {
  for (std::size_t i = 0; i < subjects.size(); ++i)
    if (strings[subjects[i].name] == name) return static_cast<int>(i);
  return -1;
}

int Program::findFact(int subject, std::string_view name) const {
  if (subject < 0 || subject >= static_cast<int>(subjects.size())) return -1;
  const auto& fs = subjects[subject].facts;
  for (std::size_t i = 0; i < fs.size(); ++i)
    if (strings[fs[i].name] == name) return static_cast<int>(i);
  return -1;
}

// By the facts readers' rule (decimal/citation_match.h): the document's name may stand for its 文号.
int Program::findClause(std::string_view citation) const {
  const std::string want = citationKey(citation);
  for (std::size_t i = 0; i < clauses.size(); ++i) {
    const DocumentDef& d = documents[static_cast<std::size_t>(clauses[i].document)];
    if (citesClause(want, strings[clauses[i].citation], strings[d.number], strings[d.name])) return static_cast<int>(i);
  }
  return -1;
}

std::vector<int> Program::clausesAsked(std::string_view citation) const {
  const std::string want = citationKey(citation);
  std::vector<int> out;
  for (std::size_t i = 0; i < clauses.size(); ++i) {
    const DocumentDef& d = documents[static_cast<std::size_t>(clauses[i].document)];
    if (asksAboutClause(want, strings[clauses[i].citation], strings[d.number], strings[d.name]))
      out.push_back(static_cast<int>(i));
  }
  return out;
}

bool Program::namesAnotherDocument(std::string_view citation) const {
  return citesAnotherDocument(citation, static_cast<int>(documents.size()), [&](int d) {
    const DocumentDef& doc = documents[static_cast<std::size_t>(d)];
    return std::pair<std::string_view, std::string_view>(strings[doc.number], strings[doc.name]);
  });
}

bool Program::ownedBy(int s, int ancestor) const {
  for (std::size_t steps = 0; s >= 0 && steps <= subjects.size(); ++steps, s = subjects[static_cast<std::size_t>(s)].owner)
    if (s == ancestor) return true;
  return false;
}

bool Program::listableReceived(int clause, int subject) const {
  const ClauseDef& cl = clauses[static_cast<std::size_t>(clause)];
  if (cl.subject == subject || cl.subject < 0) return true;  // no subject: it matches no award anyway
  return !cl.once && ownedBy(cl.subject, subject);
}

// As the compiler's facts reader and the generated code's: listed elsewhere, an award would match
// no award and be ignored, and a 一次性 award listed above its item would be paid again.
std::string Program::misplacedReceived(int clause, int subject) const {
  if (listableReceived(clause, subject)) return "";
  const ClauseDef& cl = clauses[static_cast<std::size_t>(clause)];
  const std::string& name = strings[subjects[static_cast<std::size_t>(cl.subject)].name];
  return ownedBy(cl.subject, subject) ? paidOncePer(strings[cl.citation], name) : awardedTo(strings[cl.citation], name);
}

int Program::findTarget(std::string_view name) const {
  for (std::size_t i = 0; i < targets.size(); ++i)
    if (strings[targets[i]] == name) return static_cast<int>(i);
  return -1;
}

std::string Program::otherTarget(int clause, int target) const {
  const ClauseDef& cl = clauses[static_cast<std::size_t>(clause)];
  if (cl.target == target) return "";
  return notTheTarget(strings[targets[static_cast<std::size_t>(target)]], strings[cl.citation],
                      cl.target >= 0 ? strings[targets[static_cast<std::size_t>(cl.target)]] : std::string());
}

int Program::findMember(uint32_t e, std::string_view name) const {
  if (e >= enums.size()) return -1;
  for (std::size_t i = 0; i < enums[e].members.size(); ++i)
    if (strings[enums[e].members[i]] == name) return static_cast<int>(i);
  return -1;
}

}  // namespace polrt
