// Loading a .polb file: parse every section with bounds-checked reads, then verify every index,
// every block (by abstract interpretation of its stack) and every table before anything runs.
#include <algorithm>
#include <new>

#include "bytecode/program.h"

namespace polrt {

using namespace bc;

namespace {

struct Fail {
  std::string msg;
};

class Parser {
 public:
  Parser(const uint8_t* data, std::size_t size) : data_(data), size_(size) {}

  std::unique_ptr<Program> run() {
    if (size_ < kHeaderSize) fail("truncated: " + std::to_string(size_) + " bytes, the header alone is 24");
    if (std::memcmp(data_, kMagic, 4) != 0) fail("not a polc bytecode file (bad magic)");
    Reader h(data_, kHeaderSize);
    h.pos = 4;
    uint16_t major = h.u16(), minor = h.u16();
    uint32_t flags = h.u32(), bodySize = h.u32(), crc = h.u32(), sections = h.u32();
    (void)minor;
    if (major != kVersionMajor)
      fail("unsupported format version " + std::to_string(major) + " (this runtime reads version " +
           std::to_string(kVersionMajor) + ")");
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

 private:
  [[noreturn]] void fail(const std::string& m) { throw Fail{m}; }

  uint32_t count(Reader& r, std::size_t minBytes = 1) {
    uint32_t n = r.u32();
    if (!r.ok) fail("truncated table");
    if (n > kMaxCount || static_cast<std::size_t>(n) * minBytes > r.left()) fail("table count " + std::to_string(n) + " exceeds the data");
    return n;
  }
  // An index into a table read before this one; kNone as well where `orNone`.
  uint32_t ref(Reader& r, std::size_t size, const char* what, bool orNone = false) {
    uint32_t i = r.u32();
    if (r.ok && !(orNone && i == kNone) && i >= size) fail(std::string(what) + " index " + std::to_string(i) + " out of range");
    return i;
  }
  uint32_t str(Reader& r) { return ref(r, p_->strings.size(), "string"); }
  uint32_t strOrNone(Reader& r) { return ref(r, p_->strings.size(), "string", true); }
  uint32_t dec(Reader& r) { return ref(r, p_->decimals.size(), "decimal"); }
  uint32_t decOrNone(Reader& r) { return ref(r, p_->decimals.size(), "decimal", true); }
  uint32_t typeIdx(Reader& r) { return ref(r, p_->types.size(), "type"); }
  // Blocks come after the clauses: their indices are checked once the blocks are read.
  uint32_t blockOrNone(Reader& r) { return r.u32(); }
  // A signed index into a table of `n`; -1 as well where `orMinus`.
  int32_t index(Reader& r, std::size_t n, const char* what, bool orMinus = false) {
    int32_t i = r.i32();
    if (r.ok && (i < (orMinus ? -1 : 0) || i >= static_cast<int32_t>(n))) fail(std::string(what) + " index " + std::to_string(i) + " out of range");
    return i;
  }
  int32_t indexOrMinus(Reader& r, std::size_t n, const char* what) { return index(r, n, what, true); }
  bool flag(Reader& r) {
    uint8_t v = r.u8();
    if (v > 1) fail("bad boolean byte");
    return v != 0;
  }

  Val value(Reader& r, uint8_t expected, uint32_t enumIndex) {
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

  void section(uint32_t id, Reader& r) {
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
        uint32_t n = count(r, 30);
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
            uint32_t m = count(r, 4);
            for (uint32_t i = 0; i < m; ++i) f.kinds.push_back(r.i32());
            f.arrangement = strOrNone(r);
            m = count(r, 8);
            for (uint32_t i = 0; i < m; ++i) {
              ShareDef s;
              s.payer = str(r);
              s.proportion = decOrNone(r);
              f.shares.push_back(s);
            }
            m = count(r, 8);
            for (uint32_t i = 0; i < m; ++i) f.ratioPayers.push_back(str(r));
            for (uint32_t i = 0; i < m; ++i) f.ratio.push_back(dec(r));
            f.source = str(r);
          }
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
          uint32_t m = count(r, 4);
          for (uint32_t i = 0; i < m; ++i) c.notes.push_back(str(r));
          c.subject = indexOrMinus(r, p.subjects.size(), "subject");
          c.payee = indexOrMinus(r, p.subjects.size(), "payee subject");
          c.target = indexOrMinus(r, p.targets.size(), "target");
          c.kind = indexOrMinus(r, p.kinds.size(), "kind");
          c.award = r.u8();
          if (c.award > kAwardNone) fail("bad award kind");
          m = count(r, 4);
          for (uint32_t i = 0; i < m; ++i) c.eligibility.push_back(blockOrNone(r));
          m = count(r, 4);
          for (uint32_t i = 0; i < m; ++i) c.conditions.push_back(blockOrNone(r));
          c.amount = blockOrNone(r);
          c.amountSource = str(r);
          c.benefit = str(r);
          c.negotiatedBasis = str(r);
          c.cap = blockOrNone(r);
          c.capLabel = str(r);
          c.hasQuota = flag(r);
          c.quota = static_cast<int64_t>(r.u64());
          c.quotaAnnual = flag(r);
          m = count(r, 4);
          for (uint32_t i = 0; i < m; ++i) c.installments.push_back(dec(r));
          c.topup = flag(r);
          c.once = flag(r);
          m = count(r, 4);
          for (uint32_t i = 0; i < m; ++i) c.fundingConditions.push_back(blockOrNone(r));
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
          uint32_t m = count(r, 4);
          for (uint32_t i = 0; i < m; ++i) g.clauses.push_back(index(r, p.clauses.size(), "clause"));
          m = count(r, 4);
          for (uint32_t i = 0; i < m; ++i) g.per.push_back(index(r, p.subjects.size(), "subject"));
          g.perItem = flag(r);
          g.sameTarget = flag(r);
          m = count(r, 4);
          for (uint32_t i = 0; i < m; ++i) g.exceptKinds.push_back(r.i32());
          m = count(r, 4);
          for (uint32_t i = 0; i < m; ++i) g.prefer.push_back(index(r, p.documents.size(), "document"));
          g.text = str(r);
          m = count(r, 4);
          for (uint32_t i = 0; i < m; ++i) g.notes.push_back(str(r));
        }
        break;
      }
      case kSecCaps: {
        uint32_t n = count(r, 25);
        p.caps.resize(n);
        for (auto& k : p.caps) {
          k.name = str(r);
          k.document = index(r, p.documents.size(), "document");
          k.amount = dec(r);
          k.per = indexOrMinus(r, p.subjects.size(), "subject");
          k.period = r.u8();
          if (k.period > kPeriodAnnual) fail("bad cap period");
          uint32_t m = count(r, 4);
          for (uint32_t i = 0; i < m; ++i) k.clauses.push_back(index(r, p.clauses.size(), "clause"));
          k.text = str(r);
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
          if (b.result != kNum && b.result != kBool) fail("bad block result kind");
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
      default: fail("unknown section");
    }
  }

  // Tables: cross references the sections could not check while reading.
  void verifyTables() {
    Program& p = *p_;
    for (std::size_t s = 0; s < p.subjects.size(); ++s) {
      int x = static_cast<int>(s), guard = 0;
      while (x >= 0 && guard++ <= static_cast<int>(p.subjects.size())) x = p.subjects[x].owner;
      if (x >= 0) fail("subject owners form a cycle");
    }
    for (auto& c : p.clauses) {
      const DocumentDef& d = p.documents[c.document];
      if (c.fundingConditions.size() != d.funding.size()) fail("clause funding conditions do not match its document");
      if (c.award == kPay && c.amount == kNone) fail("a paying clause without an amount");
      if (c.subject >= 0 && c.payee < 0) {}  // payee defaults to the root
      c.root = c.subject >= 0 ? p.rootOf(c.subject) : -1;
    }
    for (auto& d : p.documents)
      for (auto& f : d.funding)
        if (f.ratio.size() != f.ratioPayers.size()) fail("ratio parts do not match payers");
    for (auto& e : p.explain) verifyExplain(e);
  }

  void derive() {
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
    p.payerOrder.resize(p.payerNames.size());
    for (uint32_t i = 0; i < p.payerOrder.size(); ++i) p.payerOrder[i] = i;
    std::sort(p.payerOrder.begin(), p.payerOrder.end(),
              [&](uint32_t a, uint32_t b) { return p.strings[p.payerNames[a]] < p.strings[p.payerNames[b]]; });
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

  void checkStr(uint32_t s) {
    if (s >= p_->strings.size()) fail("explanation names string " + std::to_string(s) + " which does not exist");
  }
  void checkType(uint32_t t) {
    if (t >= p_->types.size()) fail("explanation names type " + std::to_string(t) + " which does not exist");
  }
  void checkOperand(const std::array<uint32_t, 12>& e, int at) {
    if (e[at] > kShowValue) fail("bad explanation operand mode");
    checkStr(e[at + 1]);
    checkType(e[at + 2]);
  }
  void checkMissing(uint32_t m) {
    if (m >= p_->missing.size()) fail("missing-fact descriptor " + std::to_string(m) + " out of range");
  }

  void verifyExplain(const std::array<uint32_t, 12>& e) {
    switch (e[0]) {
      case kExArith: checkOperand(e, 1); checkOperand(e, 4); checkType(e[7]); break;
      case kExIncrease: checkStr(e[1]); checkType(e[2]); checkMissing(e[3]); checkMissing(e[4]); break;
      case kExCap: checkType(e[1]); break;
      case kExTier:
        checkOperand(e, 1);
        checkStr(e[4]); checkStr(e[5]); checkStr(e[6]);
        if (e[7] != kNone) {
          if (e[7] >= p_->subjects.size() || e[8] >= p_->subjects[e[7]].facts.size()) fail("explanation names an unknown fact");
        }
        break;
      case kExTierNone: checkOperand(e, 1); break;
      case kExCase: if (e[1] != kNone) checkStr(e[1]); checkStr(e[2]); break;
      case kExCaseNone: break;
      case kExMarginal: checkOperand(e, 1); checkType(e[4]); checkType(e[5]); break;
      case kExBand: checkStr(e[1]); checkType(e[2]); break;
      case kExSteps: checkOperand(e, 1); checkStr(e[4]); checkStr(e[5]); checkStr(e[6]); checkType(e[7]); break;
      default: fail("unknown explanation record kind " + std::to_string(e[0]));
    }
  }

  // ---- code -----------------------------------------------------------------------------------
  struct Handler {
    uint32_t target, sp, local;
    bool operator==(const Handler& o) const { return target == o.target && sp == o.sp && local == o.local; }
  };
  struct State {
    bool live = false;
    std::vector<uint8_t> stack;
    std::vector<Handler> handlers;
    bool operator==(const State& o) const { return stack == o.stack && handlers == o.handlers; }
  };

  void verifyBlock(uint32_t bi) {
    const Program& p = *p_;
    const Block& b = p.blocks[bi];
    std::vector<State> at(b.count);
    State cur;
    cur.live = true;
    uint32_t maxStack = 0, maxLocals = 0, maxHandlers = 0;
    auto where = [&](uint32_t pc) { return "block " + std::to_string(bi) + " instruction " + std::to_string(pc) + ": "; };
    for (uint32_t pc = 0; pc < b.count; ++pc) {
      if (at[pc].live) {
        if (cur.live && !(cur == at[pc])) fail(where(pc) + "inconsistent stack at a jump target");
        cur = at[pc];
      }
      if (!cur.live) continue;  // unreachable: never executed
      const Insn& in = p.code[b.start + pc];
      auto& st = cur.stack;
      auto pop = [&](uint8_t k) {
        if (st.empty()) fail(where(pc) + "stack underflow");
        if (st.back() != k) fail(where(pc) + "type mismatch on the stack");
        st.pop_back();
      };
      auto push = [&](uint8_t k) {
        st.push_back(k);
        if (st.size() > kMaxStack) fail(where(pc) + "stack overflow");
        maxStack = std::max<uint32_t>(maxStack, static_cast<uint32_t>(st.size()));
      };
      auto jump = [&](uint32_t target, const State& s) {
        if (target <= pc || target >= b.count) fail(where(pc) + "bad jump target " + std::to_string(target));
        if (at[target].live) {
          if (!(at[target] == s)) fail(where(pc) + "inconsistent stack at jump target " + std::to_string(target));
        } else {
          at[target] = s;
        }
      };
      auto fact = [&](uint32_t s, uint32_t f) -> const FactDef& {
        if (s >= p.subjects.size() || f >= p.subjects[s].facts.size()) fail(where(pc) + "unknown fact");
        return p.subjects[s].facts[f];
      };
      auto local = [&](uint32_t l) {
        if (l >= kMaxLocals) fail(where(pc) + "local out of range");
        maxLocals = std::max(maxLocals, l + 1);
      };
      auto site = [&](uint32_t s) { if (s >= p.strings.size()) fail(where(pc) + "bad site string"); };
      auto rec = [&](uint32_t r, uint32_t kind) -> const std::array<uint32_t, 12>& {
        if (r >= p.explain.size() || p.explain[r][0] != kind) fail(where(pc) + "bad explanation record");
        return p.explain[r];
      };
      auto missing = [&](uint32_t m) { if (m >= p.missing.size()) fail(where(pc) + "bad missing-fact descriptor"); };
      auto stackKind = [](uint8_t k) -> uint8_t { return k == kRecog ? static_cast<uint8_t>(kSet) : k; };
      auto cmpPair = [&](uint8_t cls) {
        switch (cls) {
          case kCmpNum: pop(kNum); pop(kNum); break;
          case kCmpEnum: pop(kEnum); pop(kEnum); break;
          case kCmpDate: pop(kDate); pop(kDate); break;
          case kCmpBool: pop(kBool); pop(kBool); break;
          case kCmpText: pop(kText); pop(kText); break;
          case kCmpSet: pop(kSet); pop(kSet); break;
          case kCmpSetEnum: pop(kEnum); pop(kSet); break;
          default: fail(where(pc) + "bad compare class");
        }
      };
      switch (in.op) {
        case OP_HALT:
          if (st.size() != 1 || st[0] != b.result || !cur.handlers.empty()) fail(where(pc) + "block ends with a bad stack");
          cur.live = false;
          break;
        case OP_NUM:
          if (in.c >= p.decimals.size() || in.d >= p.decimals.size() || in.a > kRange) fail(where(pc) + "bad number constant");
          if (p.decimals[in.c] > p.decimals[in.d]) fail(where(pc) + "amount with min above max");
          push(kNum);
          break;
        case OP_BOOL: if (in.a > 1) fail(where(pc) + "bad boolean"); push(kBool); break;
        case OP_ENUM: if (in.c >= static_cast<uint32_t>(kMaxEnumMembers)) fail(where(pc) + "bad enum constant"); push(kEnum); break;
        case OP_SET: if (in.c >= p.sets.size()) fail(where(pc) + "bad set constant"); push(kSet); break;
        case OP_DATE: push(kDate); break;
        case OP_TEXT: site(in.c); push(kText); break;
        case OP_FACT: { const FactDef& f = fact(in.b, in.c); missing(in.d); push(stackKind(f.kind)); break; }
        case OP_PREV: {
          const FactDef& f = fact(in.b, in.c);
          missing(in.d);
          if (f.kind == kRecog || f.kind == kText) fail(where(pc) + "no history of this kind");
          push(f.kind);
          break;
        }
        case OP_HISTMAX: { if (fact(in.b, in.c).kind != kNum) fail(where(pc) + "type mismatch"); missing(in.d); push(kNum); break; }
        case OP_INCREASE: {
          if (fact(in.b, in.c).kind != kNum) fail(where(pc) + "type mismatch");
          rec(in.d, kExIncrease);
          push(kNum);
          break;
        }
        case OP_FIRSTOVER: if (fact(in.b, in.c).kind != kNum) fail(where(pc) + "type mismatch"); pop(kNum); pop(kNum); push(kBool); break;
        case OP_NEWLY: if (fact(in.b, in.c).kind != kRecog) fail(where(pc) + "type mismatch"); missing(in.d); push(kSet); break;
        case OP_PARAM: {
          if (in.b >= p.params.size()) fail(where(pc) + "bad parameter");
          site(in.c);
          if (in.a > 1) fail(where(pc) + "bad operand");
          if (in.a) pop(kDate);
          push(stackKind(p.types[p.params[in.b].type].kind));
          break;
        }
        case OP_NEG: pop(kNum); push(kNum); break;
        case OP_ARITH: if (in.a > kSub) fail(where(pc) + "bad arithmetic operator"); site(in.c); rec(in.d, kExArith); pop(kNum); pop(kNum); push(kNum); break;
        case OP_CMP: if (in.a > kNe) fail(where(pc) + "bad comparison"); site(in.c); cmpPair(static_cast<uint8_t>(in.b)); push(kBool); break;
        case OP_NOT: pop(kBool); push(kBool); break;
        case OP_MEMBER: if (in.a > 1) fail(where(pc) + "bad operand"); pop(kSet); pop(kEnum); push(kBool); break;
        case OP_HAS: if (in.a > 1) fail(where(pc) + "bad operand"); pop(in.a ? kSet : kEnum); pop(kSet); push(kBool); break;
        case OP_TRY: {
          local(in.b);
          State s = cur;
          jump(in.c, s);  // at the handler target the handler itself is gone
          cur.handlers.push_back(Handler{in.c, static_cast<uint32_t>(st.size()), in.b});
          if (cur.handlers.size() > kMaxHandlers) fail(where(pc) + "too many nested handlers");
          maxHandlers = std::max<uint32_t>(maxHandlers, static_cast<uint32_t>(cur.handlers.size()));
          break;
        }
        case OP_ENDTRY: {
          if (cur.handlers.empty()) fail(where(pc) + "no handler to end");
          if (in.a > 1) fail(where(pc) + "bad operand");
          local(in.b);
          cur.handlers.pop_back();
          pop(kBool);
          State s = cur;
          s.stack.push_back(kBool);
          if (s.stack.size() > kMaxStack) fail(where(pc) + "stack overflow");
          jump(in.c, s);
          break;
        }
        case OP_ANDOR_BEGIN: local(in.b); break;
        case OP_ANDOR_END: if (in.a > 1) fail(where(pc) + "bad operand"); local(in.b); push(kBool); break;
        case OP_JF: pop(kBool); jump(in.c, cur); break;
        case OP_JMP: jump(in.c, cur); cur.live = false; break;
        case OP_TIER_TEST: {
          site(in.d);
          switch (in.a) {
            case kTierCompare:
            case kTierEqual:
              if ((in.e & 0xFF) > kNe) fail(where(pc) + "bad comparison");
              cmpPair(static_cast<uint8_t>(in.b));
              break;
            case kTierHas:
              if (in.b == kCmpSetEnum) { pop(kEnum); pop(kSet); }
              else if (in.b == kCmpSet) { pop(kSet); pop(kSet); }
              else fail(where(pc) + "bad tier class");
              break;
            case kTierFirstOver:
              fact(in.e >> 16, in.e & 0xFFFF);
              pop(kNum); pop(kNum);
              break;
            default: fail(where(pc) + "bad tier mode");
          }
          // cmpPair popped both; x stays
          push(in.a == kTierHas || in.b == kCmpSetEnum ? static_cast<uint8_t>(kSet) : in.a == kTierFirstOver ? static_cast<uint8_t>(kNum) : firstKind(static_cast<uint8_t>(in.b)));
          jump(in.c, cur);
          break;
        }
        case OP_TIER_HIT: {
          rec(in.d, kExTier);
          if (st.size() < 2) fail(where(pc) + "stack underflow");
          uint8_t v = st.back();
          st.pop_back();
          st.pop_back();
          push(v);
          break;
        }
        case OP_NOMATCH:
          if (in.d >= p.explain.size() || (p.explain[in.d][0] != kExTierNone && p.explain[in.d][0] != kExCaseNone))
            fail(where(pc) + "bad explanation record");
          if (p.explain[in.d][0] == kExTierNone && st.empty()) fail(where(pc) + "stack underflow");
          cur.live = false;
          break;
        case OP_CASE_HIT: rec(in.d, kExCase); break;
        case OP_MARG_BEGIN: pop(kNum); push(kNum); push(kNum); break;
        case OP_MARG_TEST: {
          pop(kNum); pop(kNum); pop(kNum);
          push(kNum); push(kNum);
          jump(in.c, cur);
          push(kNum);
          break;
        }
        case OP_MARG_BAND:
          if (in.a > 1) fail(where(pc) + "bad operand");
          site(in.c);
          rec(in.d, kExBand);
          pop(kNum);
          if (in.a) pop(kNum);
          pop(kNum); pop(kNum); pop(kNum);
          push(kNum); push(kNum);
          break;
        case OP_MARG_END: rec(in.d, kExMarginal); pop(kNum); pop(kNum); push(kNum); break;
        case OP_STEPS: site(in.c); rec(in.d, kExSteps); for (int i = 0; i < 4; ++i) pop(kNum); push(kNum); break;
        case OP_MINMAX: if (in.a > 1) fail(where(pc) + "bad operand"); pop(kNum); pop(kNum); push(kNum); break;
        case OP_UPTO: pop(kNum); push(kNum); break;
        case OP_RANGE: pop(kNum); pop(kNum); push(kNum); break;
        case OP_CAP: rec(in.d, kExCap); pop(kNum); pop(kNum); push(kNum); break;
        default: fail(where(pc) + "unknown opcode " + std::to_string(in.op));
      }
    }
    if (cur.live) fail("block " + std::to_string(bi) + " runs off its end");
    if (maxStack > b.maxStack || maxLocals > b.maxLocals || maxHandlers > b.maxHandlers)
      fail("block " + std::to_string(bi) + " needs more stack, locals or handlers than it declares");
    p_->maxStack = std::max(p_->maxStack, b.maxStack);
    p_->maxLocals = std::max(p_->maxLocals, b.maxLocals);
    p_->maxHandlers = std::max(p_->maxHandlers, b.maxHandlers);
  }

  static uint8_t firstKind(uint8_t cls) {
    switch (cls) {
      case kCmpNum: return kNum;
      case kCmpEnum: return kEnum;
      case kCmpDate: return kDate;
      case kCmpBool: return kBool;
      case kCmpText: return kText;
      default: return kSet;
    }
  }

  const uint8_t* data_;
  std::size_t size_;
  std::size_t base_ = 0;
  std::unique_ptr<Program> p_;
};

std::string squeeze(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\t') out += c;
  return out;
}

}  // namespace

LoadResult load(const uint8_t* data, std::size_t size) noexcept {
  LoadResult r;
  try {
    if (!data && size) {
      r.error = "no data";
      return r;
    }
    r.program = Parser(data, size).run();
  } catch (const Fail& f) {
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

int Program::findClause(std::string_view citation) const {
  std::string want = squeeze(citation);
  for (std::size_t i = 0; i < clauses.size(); ++i)
    if (squeeze(strings[clauses[i].citation]) == want) return static_cast<int>(i);
  return -1;
}

int Program::findTarget(std::string_view name) const {
  for (std::size_t i = 0; i < targets.size(); ++i)
    if (strings[targets[i]] == name) return static_cast<int>(i);
  return -1;
}

int Program::findMember(uint32_t e, std::string_view name) const {
  if (e >= enums.size()) return -1;
  for (std::size_t i = 0; i < enums[e].members.size(); ++i)
    if (strings[enums[e].members[i]] == name) return static_cast<int>(i);
  return -1;
}

}  // namespace polrt
