// A session: the program's working state, the applicant set by the embedder, checked arithmetic
// and the facts as the steps read them. The steps of docs/ir.md, mirroring compiler/eval exactly, are
// evaluate.cpp (1–5), stacking.cpp (6), caps.cpp (7), funding.cpp (8–9) and totals.cpp (10).
#include "vm/vm.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "decimal/eval_errors.h"
#include "decimal/payee_words.h"
#include "text/text.h"
#include "vm/vm_detail.h"

namespace polrt {

using namespace bc;
using namespace detail;

const char* statusName(AwardStatus s) {
  switch (s) {
    case AwardStatus::Kept: return "kept";
    case AwardStatus::Capped: return "capped";
    case AwardStatus::QuotaLimited: return "quota_limited";
    case AwardStatus::Dropped: return "dropped";
    case AwardStatus::NotAssessable: return "not_assessable";
    case AwardStatus::AlreadyReceived: return "already_received";
  }
  return "?";
}

Session::Session(const Program& p)
    : p_(p), payeesBelow_(payeesBelow(p.clauses, [&p](int s, int ancestor) { return p.ownedBy(s, ancestor); })) {
  stack_.resize(p.maxStack + 1);
  locals_.resize(p.maxLocals + 1);
  localErrors_.resize(p.maxLocals + 1);
  handlers_.resize(p.maxHandlers + 1);
  totals_.byPayer.resize(p.payerNames.size());
  totals_.payerUsed.resize(p.payerNames.size());
  missing_.reserve(16);
  needed_.reserve(16);
  parts_.reserve(64);
  capParts_.reserve(64);
  awards_.reserve(64);
  subjectEnd_.resize(p.subjects.size() + 1);
  docActive_.resize(p.documents.size());
  planFast();
  planSplits();
}

// ---- the applicant --------------------------------------------------------------------------------

void Session::reset() {
  clearResult();
  ninst_ = 0;
  indexed_ = false;
  std::fill(held_.begin(), held_.end(), 0);
  nrecv_ = 0;
  hasDate_ = false;
}

int Session::addInstance(int subject, int parent) {
  // -1 is the applicant's parent; another negative index is no instance, not a second spelling of it.
  if (subject < 0 || subject >= static_cast<int>(p_.subjects.size()) || parent < -1) return -1;
  if (parent < 0) {
    if (ninst_ != 0 || p_.subjects[subject].owner >= 0) return -1;
  } else {
    if (parent >= ninst_ || p_.subjects[subject].owner != inst_[parent].subject) return -1;
  }
  if (ninst_ == static_cast<int>(inst_.size())) inst_.emplace_back();
  indexed_ = false;
  Instance& in = inst_[ninst_];
  in.subject = subject;
  in.parent = parent;
  in.pathBuilt = false;
  const std::size_t n = slotBase_[subject + 1] - slotBase_[subject];
  // Grow only: shrinking would free the per-slot buffers that the next applicant reuses. The five
  // per-slot vectors grow together, so one size stands for all.
  if (in.present.size() < n) {
    in.facts.resize(n);
    in.present.resize(n);
    in.history.resize(n);
    in.grants.resize(n);
    in.texts.resize(n);
  }
  // A subject with no facts has no slots: memset of an empty vector's data() (null) is undefined.
  if (n != 0) std::memset(in.present.data(), 0, n);
  if (!in.listed.empty()) {
    for (uint32_t f : in.listed) {
      in.history[f].clear();
      in.grants[f].clear();
    }
    in.listed.clear();
  }
  return ninst_++;
}

const std::string& Session::instancePath(int i) const {
  const Instance& in = inst_[i];
  if (in.pathBuilt) return in.path;
  const std::string& name = p_.strings[p_.subjects[in.subject].name];
  if (in.parent < 0) {
    in.path = name;
  } else {
    int k = 0;  // its place among its parent's instances of the subject
    for (int j = 0; j < i; ++j)
      if (inst_[j].parent == in.parent && inst_[j].subject == in.subject) ++k;
    in.path = instancePath(in.parent);
    in.path += '.';
    in.path += name;
    in.path += '[';
    in.path += std::to_string(k);
    in.path += ']';
  }
  in.pathBuilt = true;
  return in.path;
}

void Session::addSetMember(int i, int s, int m) {
  markGiven(i, s);
  Instance& in = inst_[i];
  Val& v = in.facts[s];
  if (!in.present[s]) {
    in.present[s] = 1;
    v.kind = kSet;
    std::memset(v.bits, 0, sizeof v.bits);
  }
  if (m >= 0 && m < 256) v.bits[m >> 6] |= uint64_t{1} << (m & 63);
}
void Session::setText(int i, int s, std::string_view v) {
  give(i, s, kText);
  inst_[i].texts[s].assign(v.data(), v.size());
}
void Session::addGrant(int i, int s, int m, int day) {
  give(i, s, kRecog);
  auto& g = inst_[i].grants[s];
  if (g.empty()) inst_[i].listed.push_back(static_cast<uint32_t>(s));
  g.emplace_back(m, day);
}
void Session::setRecognition(int i, int s) {
  give(i, s, kRecog);
  inst_[i].grants[s].clear();
}
void Session::clearFact(int i, int s) {
  inst_[i].present[s] = 0;
  inst_[i].grants[s].clear();
}
void Session::setHistory(int i, int s, int year, const Val& v) {
  markGiven(i, s);
  auto& h = inst_[i].history[s];
  if (h.empty()) inst_[i].listed.push_back(static_cast<uint32_t>(s));
  if (h.empty() || h.back().first < year) {  // years usually come in order (a map's)
    h.emplace_back(year, v);
    return;
  }
  auto it = std::lower_bound(h.begin(), h.end(), year, [](const std::pair<int, Val>& e, int y) { return e.first < y; });
  if (it != h.end() && it->first == year) it->second = v;
  else h.insert(it, {year, v});
}
void Session::addReceived(int inst, int clause, int target, Decimal amount, int year, std::string_view citation) {
  if (nrecv_ == static_cast<int>(received_.size())) received_.emplace_back();
  Received& r = received_[nrecv_++];
  r.instance = inst;
  r.clause = clause;
  r.target = target;
  r.amount = amount;
  r.year = year;
  r.citation.assign(citation.data(), citation.size());
}

// ---- errors and checked arithmetic ----------------------------------------------------------------

void Session::fail(uint32_t site, const std::string& what) const {
  throw VmError{errorAt(p_.strings[p_.clauses[clause_].citation], p_.strings[site], what)};
}
void Session::failAt(const Where& where, ArithError e) const { throw VmError{where.str() + ": " + toString(e)}; }

Decimal Session::add(const Decimal& a, const Decimal& b, uint32_t site) const {
  Decimal out;
  if (auto e = polrt::add(a, b, out); e != ArithError::None) fail(site, toString(e));
  return out;
}
Decimal Session::sub(const Decimal& a, const Decimal& b, uint32_t site) const {
  Decimal out;
  if (auto e = polrt::sub(a, b, out); e != ArithError::None) fail(site, toString(e));
  return out;
}
Decimal Session::mul(const Decimal& a, const Decimal& b, uint32_t site) const {
  Decimal out;
  if (auto e = polrt::mul(a, b, out); e != ArithError::None) fail(site, toString(e));
  return out;
}
Decimal Session::divExact(const Decimal& a, const Decimal& b, uint32_t site) const {
  Decimal q;
  if (const char* bad = divideExactly(a, b, q)) fail(site, bad);
  return q;
}
Decimal Session::plusAt(const Decimal& a, const Decimal& b, const Where& where) const {
  Decimal out;
  if (auto e = polrt::add(a, b, out); e != ArithError::None) failAt(where, e);
  return out;
}
Decimal Session::minusAt(const Decimal& a, const Decimal& b, const Where& where) const {
  Decimal out;
  if (auto e = polrt::sub(a, b, out); e != ArithError::None) failAt(where, e);
  return out;
}
Decimal Session::timesAt(const Decimal& a, const Decimal& b, const Where& where) const {
  Decimal out;
  if (auto e = polrt::mul(a, b, out); e != ArithError::None) failAt(where, e);
  return out;
}
Decimal Session::roundTo(const Decimal& v, const Decimal& unit, uint8_t mode, const Where& where) const {
  // Most units are 10^-k (1, 0.01): rounding to k places gives the same value as dividing by the
  // unit to an integer and multiplying back, and the same error — the quotient overflows only when
  // v has fewer decimals than the unit and a mantissa too large to take them.
  Decimal q;
  if (unit.mantissa() == 1) {
    int128_t quotient;
    bool fits = v.scale() >= unit.scale() ||
                (!__builtin_mul_overflow(v.mantissa(), static_cast<int128_t>(detail::pow10(unit.scale() - v.scale())), &quotient) &&
                 quotient >= Decimal::kMinMantissa);
    if (fits && polrt::round(v, unit.scale(), static_cast<RoundingMode>(mode), q) == ArithError::None) return q.normalized();
  }
  if (auto e = polrt::div(v, unit, 0, static_cast<RoundingMode>(mode), q); e != ArithError::None) failAt(where, e);
  return timesAt(q, unit, where).normalized();
}

// ---- facts ----------------------------------------------------------------------------------------

int Session::instanceOf(int subject) const {
  for (int i = item_; i >= 0; i = inst_[i].parent)
    if (inst_[i].subject == subject) return i;
  return -1;
}

int Session::ownerInstance(int item, int per) const {
  for (int i = item; i >= 0; i = inst_[i].parent)
    if (inst_[i].subject == per) return i;
  return -1;
}

bool Session::loadFact(int subject, int slot, Val& out) const {
  int i = instanceOf(subject);
  if (i < 0) return false;
  const Instance& in = inst_[i];
  const Val& c = in.facts[slot];
  const FactDef& fd = p_.subjects[subject].facts[slot];
  if (in.present[slot]) {
    switch (fd.kind) {
      case kNum: setNumVal(out, c.lo, c.hi, c.form); break;
      case kBool:
      case kEnum:
      case kDate:
        out.kind = fd.kind;
        out.i = c.i;
        break;
      case kSet:
        out.kind = kSet;
        std::memcpy(out.bits, c.bits, sizeof out.bits);
        break;
      case kText:
        out.kind = kText;
        out.tp = in.texts[slot].data();
        out.tl = static_cast<uint32_t>(in.texts[slot].size());
        break;
      case kRecog:
        out.kind = kSet;
        std::memset(out.bits, 0, sizeof out.bits);
        for (const auto& g : in.grants[slot])
          if (g.second <= evalDate_ && g.first >= 0 && g.first < 256) out.bits[g.first >> 6] |= uint64_t{1} << (g.first & 63);
        break;
    }
    return true;
  }
  const auto& h = in.history[slot];
  if (!h.empty()) {
    for (const auto& e : h)
      if (e.first == year_) {
        out = e.second;
        if (out.kind == kRecog) out.kind = kSet;
        return true;
      }
  }
  if (fd.hasDefault) {
    out = fd.def;
    return true;
  }
  switch (fd.kind) {
    case kBool: setBoolVal(out, false); return true;
    case kSet:
    case kRecog:
      out.kind = kSet;
      std::memset(out.bits, 0, sizeof out.bits);
      return true;
    default: return false;
  }
}

const std::vector<std::pair<int, Val>>* Session::historyOf(int subject, int slot) const {
  int i = instanceOf(subject);
  if (i < 0) return nullptr;
  return &inst_[i].history[slot];
}

bool Session::highestBefore(int subject, int slot, Decimal& best) const {
  const auto* h = historyOf(subject, slot);
  bool any = false;
  if (h)
    for (const auto& e : *h)
      if (e.first < year_) {
        best = any ? max(best, e.second.lo) : e.second.lo;
        any = true;
      }
  return any;
}

bool Session::firstOver(int subject, int slot, const Decimal& x, const Decimal& threshold) const {
  if (!(x > threshold)) return false;
  Decimal best;
  return !highestBefore(subject, slot, best) || best <= threshold;
}

}  // namespace polrt
