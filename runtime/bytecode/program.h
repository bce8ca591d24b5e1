// A loaded and verified .polb program: the tables of docs/bytecode.md in memory. Built only by
// load(), which verifies everything before the VM may run any of it.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "bytecode/format.h"
#include "decimal/decimal.h"

namespace polrt {

// A runtime value (operand stack slot, fact, constant). Only the fields of its kind are meaningful.
struct Val {
  Decimal lo, hi;          // kNum: an amount; Exact numbers have lo == hi
  uint64_t bits[4] = {0, 0, 0, 0};  // kSet / kRecog: member bits
  const char* tp = nullptr;  // kText
  uint32_t tl = 0;
  int32_t i = 0;           // kBool (0/1), kEnum (member), kDate (day)
  uint8_t kind = bc::kBool;
  uint8_t form = bc::kExact;
};

struct TypeFmt {
  uint8_t kind = bc::kNum;   // VKind
  uint8_t qmode = 0;         // numbers: 0 plain (+ dimension text), 1 money, 2 ratio/percent
  uint8_t integer = 0;
  uint32_t enumIndex = bc::kNone;
  uint32_t suffix = 0;       // string: "/年" after ratios
  uint32_t dimText = 0;      // string: the dimension after a plain number ("吨标煤")
};

struct EnumDef {
  uint32_t name = 0;
  bool ordered = false;
  std::vector<uint32_t> members;  // string indices
};

struct FactDef {
  uint32_t name = 0;
  uint8_t kind = bc::kNum;
  uint32_t type = 0;  // TypeFmt index
  bool history = false, required = false, hasDefault = false;
  Val def;
  // Numbers: the values a fact may take (decimal indices, kNone: unbounded) and its 取值 as
  // written ("" when only its unit bounds it: never negative). Setters refuse a value outside.
  uint32_t min = bc::kNone, max = bc::kNone, rangeText = 0;
};

struct SubjectDef {
  uint32_t name = 0;
  int32_t owner = -1;
  std::vector<FactDef> facts;
};

struct ParamEntryDef {
  int32_t day = 0;
  uint32_t date = 0;  // as written
  Val value;
};

struct ParamDef {
  uint32_t name = 0;
  uint32_t type = 0;
  std::vector<ParamEntryDef> entries;  // ascending by day
};

struct ShareDef {
  uint32_t payer = 0;
  uint32_t proportion = bc::kNone;  // decimal index; kNone: 其余
};

struct FundingRuleDef {
  bool otherwise = false;
  std::vector<int32_t> kinds;
  uint32_t arrangement = bc::kNone;
  std::vector<ShareDef> shares;
  std::vector<uint32_t> ratioPayers;
  std::vector<uint32_t> ratio;  // decimal indices, one per ratio payer
  uint32_t source = 0;
};

struct DocumentDef {
  uint32_t name = 0, number = 0, title = 0;
  bool hasFrom = false, hasTo = false;
  int32_t from = 0, to = 0;
  bool rounding = false;
  uint32_t roundUnit = 0;  // decimal index
  uint8_t roundMode = 0;   // polrt::RoundingMode
  uint32_t roundText = 0;
  std::vector<FundingRuleDef> funding;
  std::vector<uint32_t> fundingNotes;  // 说明 of the 资金分担 block
};

// A payer named by an enum fact of the applicant (辖区（所在地）): paid under the name of the fact's
// value, read for the award's item (or its owner of `subject`); absent, the funding is undecided.
struct PayerFactDef {
  uint32_t payer = 0;  // its place among the rule's shares or ratio payers
  int32_t subject = 0;
  uint32_t slot = 0;
  uint32_t missing = 0;  // the descriptor the undecided funding names
};

enum AwardKindCode : uint8_t { kPay = 0, kBenefit, kNegotiated, kAwardNone };

struct ClauseDef {
  int32_t document = 0;
  uint32_t citation = 0, title = 0, text = 0;
  std::vector<uint32_t> notes;
  int32_t subject = -1, payee = -1, target = -1, kind = -1;
  uint8_t award = kAwardNone;
  std::vector<uint32_t> eligibility, conditions;  // block indices (Bool)
  uint32_t amount = bc::kNone;                    // block (Num)
  uint32_t amountSource = 0;                      // the 给予 expression as written
  uint32_t benefit = 0, negotiatedBasis = 0;
  uint32_t cap = bc::kNone;                       // block (Num)
  uint32_t capLabel = 0;
  bool hasQuota = false, quotaAnnual = false;
  int64_t quota = 0;
  std::vector<uint32_t> installments;  // decimal indices
  bool topup = false, once = false;
  std::vector<uint32_t> fundingConditions;  // per funding rule of the document: block or kNone
  std::vector<std::vector<PayerFactDef>> fundingPayers;  // per funding rule of the document
  int32_t root = -1;                        // top-level subject of `subject` (computed at load)
};

enum GroupScopeCode : uint8_t { kScopeClauses = 0, kScopeDocument, kScopeAll };

struct GroupDef {
  uint32_t name = 0;
  int32_t document = 0;
  uint8_t scope = kScopeDocument;
  std::vector<int32_t> clauses, per, exceptKinds, prefer;
  bool perItem = false, sameTarget = false;
  uint32_t text = 0;
  std::vector<uint32_t> notes;
  std::vector<uint8_t> inScope;  // per clause (computed at load)
};

enum CapPeriodCode : uint8_t { kPeriodOnce = 0, kPeriodCumulative, kPeriodAnnual };

struct CapDef {
  uint32_t name = 0;
  int32_t document = 0;
  uint32_t amount = 0;  // decimal index
  int32_t per = -1;
  uint8_t period = kPeriodOnce;
  std::vector<int32_t> clauses;
  uint32_t text = 0;
  std::vector<uint32_t> notes;
  std::vector<uint8_t> covers;  // per clause (computed at load)
};

enum MissingKind : uint8_t { kMissFact = 0, kMissPrev, kMissHist };

struct MissingDef {
  uint8_t kind = kMissFact;
  uint32_t text = 0;  // 主体.事实
};

// A condition (or an amount's 分档/分情形) as `polc eval --why-not` traces it (docs/bytecode.md).
struct TraceReadDef {
  uint8_t kind = bc::kReadFact;
  int32_t subject = 0;   // kReadFact, kReadHighest
  uint32_t slot = 0;
  uint32_t source = 0;   // kReadComputed: the expression as written
  uint32_t block = bc::kNone;  // kReadComputed: its value
  uint32_t type = 0;
};

struct TraceNodeDef {
  uint32_t source = 0;
  uint8_t joiner = bc::kTraceLeaf;
  uint32_t block = 0;           // its truth (Bool); for 分档/分情形 its value
  std::vector<uint32_t> parts;  // earlier nodes
  std::vector<TraceReadDef> reads;
};

struct ClauseTraceDef {
  std::vector<uint32_t> eligibility, conditions;  // one node per condition of the clause
  std::vector<uint32_t> unmatched;  // the amount's 分档/分情形, in the order the search meets them
};

struct Block {
  uint32_t start = 0, count = 0;
  uint32_t maxStack = 0, maxLocals = 0, maxHandlers = 0;
  uint8_t result = bc::kBool;
};

// A block compiled to native code (the LLVM backend, docs/llvm.md; ABI: runtime/vm/native_abi.h).
using NativeBlockFn = uint32_t (*)(void* frame);

struct Program {
  std::vector<std::string> strings;
  std::vector<Decimal> decimals;
  std::vector<std::array<uint64_t, 4>> sets;
  std::vector<EnumDef> enums;
  std::vector<TypeFmt> types;
  std::vector<SubjectDef> subjects;
  std::vector<ParamDef> params;
  std::vector<uint32_t> targets, kinds;  // label names
  std::vector<DocumentDef> documents;
  std::vector<ClauseDef> clauses;
  std::vector<GroupDef> groups;
  std::vector<CapDef> caps;
  std::vector<MissingDef> missing;
  std::vector<std::array<uint32_t, 12>> explain;  // [0] kind, then fields
  std::vector<bc::Insn> code;
  std::vector<Block> blocks;
  std::vector<TraceNodeDef> traceNodes;
  std::vector<ClauseTraceDef> traces;      // per clause
  std::vector<uint32_t> effectiveTexts;    // per document: its period as written (有效期)
  // Payers: every distinct payer string of the funding rules, as a dense index, and the payer
  // indices in byte order of their names (the order totals are reported in).
  std::vector<uint32_t> payerOfString;  // string index → payer index or kNone
  std::vector<uint32_t> payerNames;     // payer index → string index
  std::vector<uint32_t> payerOrder;
  uint32_t maxStack = 0, maxLocals = 0, maxHandlers = 0;
  // The file it was loaded from (its body's CRC-32 and size): a recording saved under this program
  // carries them, and loads only into a program loaded from the same file (Session::save).
  uint32_t fileChecksum = 0, fileBodySize = 0;
  // Per block: native code the Session runs instead of interpreting the block, or nullptr; empty
  // when nothing was compiled. Not part of the file: whoever compiled the code attaches it after
  // load() and keeps it alive as long as the program is used.
  std::vector<NativeBlockFn> native;

  const std::string& str(uint32_t i) const { return strings[i]; }
  int rootOf(int s) const {
    for (int guard = 0; s >= 0 && subjects[s].owner >= 0 && guard <= static_cast<int>(subjects.size()); ++guard)
      s = subjects[s].owner;
    return s;
  }
  int findSubject(std::string_view name) const;
  int findFact(int subject, std::string_view name) const;
  int findClause(std::string_view citation) const;  // spaces ignored
  // The clauses a why-not citation asks about, in program order: a clause, or every clause of an
  // article or 款, in its document or in each (decimal/citation_match.h, asksAboutClause).
  std::vector<int> clausesAsked(std::string_view citation) const;
  // A citation findClause finds nothing for, naming a document the program does not have.
  bool namesAnotherDocument(std::string_view citation) const;
  // Whether `s` is `ancestor` or is owned by it, through its owners (bounded: a hostile file may
  // make the owners a loop).
  bool ownedBy(int s, int ancestor) const;
  // Whether an award received of `clause` may be listed on an instance of `subject`: its item's
  // subject, or one that owns it; a 一次性 clause only its item's.
  bool listableReceived(int clause, int subject) const;
  // "" when listableReceived, else why not.
  std::string misplacedReceived(int clause, int subject) const;
  int findTarget(std::string_view name) const;
  // "" when `target` is `clause`'s own target, else why an award received may not name both.
  std::string otherTarget(int clause, int target) const;
  int findMember(uint32_t enumIndex, std::string_view name) const;
};

struct LoadResult {
  std::unique_ptr<Program> program;  // null on error
  std::string error;                 // "offset 1234: bad jump target 99 in block 3"
};

// Parses and verifies; never throws (allocation failure is reported as an error).
LoadResult load(const uint8_t* data, std::size_t size) noexcept;

}  // namespace polrt
