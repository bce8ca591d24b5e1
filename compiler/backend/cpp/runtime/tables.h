// polc_runtime.h, part 4 of 11: the policy tables the generated code provides.
// polc writes the parts as one header (runtime_header.cmake); each is a header of its own so
// that the source can be read, and compiled, a part at a time.
#pragma once

#include "text.h"

namespace polc_rt {

// ---- the policy tables the generated code provides --------------------------------------------

enum class AwardKind : uint8_t { Pay, Benefit, Negotiated, None };
inline const char* kindName(AwardKind k) {
  switch (k) {
    case AwardKind::Pay: return "pay";
    case AwardKind::Benefit: return "benefit";
    case AwardKind::Negotiated: return "negotiated";
    case AwardKind::None: return "none";
  }
  return "?";
}

template <class T>
struct Span {  // a view of a static table
  const T* data = nullptr;
  int size = 0;
  const T* begin() const { return data; }
  const T* end() const { return data + size; }
  const T& operator[](int i) const { return data[i]; }
  bool contains(const T& v) const { return std::find(begin(), end(), v) != end(); }
};

struct SubjectInfo {
  const char* name;
  int owner;  // -1: a top-level subject
};

struct ClauseInfo {
  const char* citation;
  const char* title;
  const char* text;  // 原文
  int document;
  int subject;
  int payee;  // subject of the payee
  int target;  // -1: none
  int kind;    // 类别, -1: none
  AwardKind award;
  bool once;   // 一次性
  bool topup;  // 晋级补差
  int64_t quota;  // -1: none
  bool quotaAnnual;
  const char* benefit;
  const char* negotiatedBasis;
  const char* capLabel;
  Span<const char*> notes;
  Span<Dec> installments;
};

struct Share {
  const char* payer;
  bool rest;  // 其余
  Dec proportion;
};

struct FundingRule {
  bool otherwise;
  Span<int> kinds;
  const char* arrangement;  // null: a split
  Span<Share> shares;
  Span<const char*> ratioPayers;
  Span<Dec> ratio;
  const char* source;
};

struct DocumentInfo {
  const char* name;
  const char* number;
  bool hasFrom, hasTo;
  int from, to;  // effective period, days
  bool rounds;
  Dec unit;
  RoundingMode mode;
  const char* roundingText;
  Span<FundingRule> funding;
  Span<const char*> fundingNotes;  // 说明 of the 资金分担 block
};

enum class GroupScope : uint8_t { Clauses, Document, All };
struct GroupInfo {
  const char* name;
  int document;
  GroupScope scope;
  Span<int> clauses;
  Span<int> per;
  bool perItem;
  bool sameTarget;
  Span<int> exceptKinds;
  Span<int> prefer;
  const char* text;
  Span<const char*> notes;
};

enum class CapPeriod : uint8_t { Once, Cumulative, Annual };
struct CapInfo {
  const char* name;
  int document;
  Dec amount;
  int per;
  CapPeriod period;
  Span<int> clauses;
  const char* text;
  Span<const char*> notes;
};

struct Run;
// Which funding rule of the clause's document applies to the award of `instance`: the rule's
// index, -1 none, or -2 - r when the condition of rule r needs an absent fact (named in
// run.missing).
using FundingSelector = int (*)(Run&, int clause, int instance);

struct ProgramInfo {
  Span<SubjectInfo> subjects;
  Span<ClauseInfo> clauses;
  Span<DocumentInfo> documents;
  Span<GroupInfo> groups;
  Span<CapInfo> caps;
  Span<const char*> targets;
  Span<const char*> kinds;
  FundingSelector funding;
};


// Whether subject `s` is `ancestor` or is owned by it, through its owners.
inline bool ownedBy(const ProgramInfo& p, int s, int ancestor) {
  for (; s >= 0; s = p.subjects[s].owner)
    if (s == ancestor) return true;
  return false;
}

// An award received is listed on its item, or on an item that owns it (a cap over an enterprise's
// awards counts last year's awards of products it no longer lists). "" when `clause`'s award may be
// listed on an item of `subject`, else why not: listed elsewhere it would match no award and be
// ignored, and a 一次性 award listed above its item would be paid again. As polc's reader.
inline std::string misplaced(const ProgramInfo& p, int clause, int subject) {
  const ClauseInfo& cl = p.clauses[clause];
  if (cl.subject == subject) return "";  // first: the usual case builds no string
  const std::string name = p.subjects[cl.subject].name;
  for (int o = p.subjects[cl.subject].owner; o >= 0; o = p.subjects[o].owner)
    if (o == subject)
      return cl.once ? paidOncePer(cl.citation, name) : "";
  return awardedTo(cl.citation, name);
}

// "" when `target` is `clause`'s own target, else why an award received may not name both: it
// would count for one target's 晋级补差 and for another clause's caps. As polc's reader.
inline std::string otherTarget(const ProgramInfo& p, int clause, int target) {
  const ClauseInfo& cl = p.clauses[clause];
  if (cl.target == target) return "";
  return notTheTarget(p.targets[target], cl.citation, cl.target >= 0 ? p.targets[cl.target] : "");
}

// The index of the clause a citation names (its document's number or name, then 第…条…), or -1,
// by polc's rule (polc_decimal.h, citesClause). For an embedder filling an award received
// (Received::clause) in code, and for readFacts.
inline int clauseIndex(const ProgramInfo& p, const std::string& citation) {
  const std::string want = citationKey(citation);
  for (int c = 0; c < p.clauses.size; ++c) {
    const DocumentInfo& d = p.documents[p.clauses[c].document];
    if (citesClause(want, p.clauses[c].citation, d.number, d.name)) return c;
  }
  return -1;
}

// A citation that clauseIndex finds nothing for, naming a document the program does not have.
inline bool namesAnotherDocument(const ProgramInfo& p, const std::string& citation) {
  return citesAnotherDocument(citation, p.documents.size, [&](int d) {
    return std::pair<std::string_view, std::string_view>(p.documents[d].number, p.documents[d].name);
  });
}

}  // namespace polc_rt
