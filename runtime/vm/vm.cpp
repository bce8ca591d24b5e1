// The clause-level steps of docs/ir.md, mirroring compiler/eval exactly; the interpreter of code
// blocks is interp.cpp.
#include "vm/vm.h"

#include <algorithm>
#include <cstring>
#include <ctime>
#include <stdexcept>

#include "text/text.h"
#include "vm/vm_detail.h"

namespace polrt {

using namespace bc;
using namespace detail;

namespace {

int today() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  return text::daysFromCivil(tm.tm_year + 1900, static_cast<unsigned>(tm.tm_mon + 1), static_cast<unsigned>(tm.tm_mday));
}

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

}  // namespace

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

Session::Session(const Program& p) : p_(p) {
  stack_.resize(p.maxStack + 1);
  locals_.resize(p.maxLocals + 1);
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
  ninst_ = 0;
  indexed_ = false;
  std::fill(held_.begin(), held_.end(), 0);
  nrecv_ = 0;
  hasDate_ = false;
}

int Session::addInstance(int subject, int parent) {
  if (subject < 0 || subject >= static_cast<int>(p_.subjects.size())) return -1;
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
  std::memset(in.present.data(), 0, n);
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
  throw VmError{p_.strings[p_.clauses[clause_].citation] + ": `" + p_.strings[site] + "`: " + what};
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
  if (b.isZero()) fail(site, "division by zero");
  Decimal q, back;
  if (auto e = polrt::div(a, b, Decimal::kMaxScale, RoundingMode::HalfEven, q); e != ArithError::None)
    fail(site, toString(e));
  if (polrt::mul(q, b, back) != ArithError::None || back != a) fail(site, "the quotient needs more than 18 decimals");
  return q.normalized();
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

bool Session::firstOver(int subject, int slot, const Decimal& x, const Decimal& threshold) const {
  if (!(x > threshold)) return false;
  const auto* h = historyOf(subject, slot);
  bool any = false;
  Decimal best;
  if (h)
    for (const auto& e : *h)
      if (e.first < year_) {
        best = any ? max(best, e.second.lo) : e.second.lo;
        any = true;
      }
  return !any || best <= threshold;
}

// ---- explanations ---------------------------------------------------------------------------------

std::string Session::quantity(const Decimal& v, uint32_t type) const {
  const TypeFmt& t = p_.types[type];
  if (t.kind != kNum) return v.normalized().toString();
  if (t.qmode == 1) return text::money(v);
  if (t.qmode == 2) {
    const std::string& suffix = p_.strings[t.suffix];
    if (t.integer || v.isInteger()) return v.normalized().toString() + suffix;
    if (auto pct = text::scaled(v, 2, 18)) return pct->toString() + "%" + suffix;
  }
  return v.normalized().toString() + p_.strings[t.dimText];
}

std::string Session::show(const Val& v, uint32_t type) const {
  const TypeFmt& t = p_.types[type];
  switch (v.kind) {
    case kNum:
      if (v.form == kExact) return quantity(v.lo, type);
      if (v.form == kUpTo) return "最高 " + quantity(v.hi, type);
      return quantity(v.lo, type) + "至" + quantity(v.hi, type);
    case kBool: return v.i ? "是" : "否";
    case kEnum:
      if (t.enumIndex != kNone && v.i >= 0 && v.i < static_cast<int>(p_.enums[t.enumIndex].members.size()))
        return p_.strings[p_.enums[t.enumIndex].members[v.i]];
      return std::to_string(v.i);
    case kDate: return text::formatDate(v.i);
    case kText: return std::string(v.tp ? v.tp : "", v.tl);
    case kSet:
    case kRecog: {
      std::string out;
      for (int i = 0; i < 256; ++i)
        if (bit(v.bits, i))
          out += (out.empty() ? "" : "、") +
                 (t.enumIndex != kNone && i < static_cast<int>(p_.enums[t.enumIndex].members.size())
                      ? p_.strings[p_.enums[t.enumIndex].members[i]]
                      : std::to_string(i));
      return "{" + out + "}";
    }
  }
  return "?";
}

std::string Session::withValue(const std::array<uint32_t, 12>& r, int at, const Val& v) const {
  const std::string& src = p_.strings[r[at + 1]];
  if (r[at] == kShowSource) return src;
  if (r[at] == kShowNamed) return src + " " + show(v, r[at + 2]);
  return show(v, r[at + 2]);
}

// ---- the interpreter ------------------------------------------------------------------------------

// ---- steps 1–5 ------------------------------------------------------------------------------------

AwardR& Session::newAward() {
  if (nawards_ == static_cast<int>(awards_.size())) awards_.emplace_back();
  AwardR& a = awards_[nawards_++];
  a.reset();
  return a;
}

// A clause for this applicant, in force (evaluate() has checked both), over the items of its subject.
inline __attribute__((always_inline)) void Session::clause(int c) {
  const ClausePlan& plan = plans_[c];
  uint32_t end = subjectEnd_[plan.subject];
  for (uint32_t k = plan.subject > 0 ? subjectEnd_[plan.subject - 1] : 0; k < end; ++k) {
    item_ = static_cast<int>(bySubject_[k]);
    if (!screened(plan)) item(c, item_);
  }
}

bool Session::evaluate(bool explain) {
  error_.clear();
  explain_ = explain;
  int date = hasDate_ ? date_ : today();
  if (!dated_ || date != evalDate_) {  // what follows from the date, kept while it stays the same
    dated_ = true;
    evalDate_ = date;
    year_ = text::yearOf(evalDate_);
    yearStart_ = text::daysFromCivil(year_, 1, 1);
    yearEnd_ = text::daysFromCivil(year_ + 1, 1, 1);
    for (std::size_t d = 0; d < p_.documents.size(); ++d) {
      const DocumentDef& doc = p_.documents[d];
      docActive_[d] = !(doc.hasFrom && evalDate_ < doc.from) && !(doc.hasTo && evalDate_ > doc.to);
    }
  }
  nawards_ = 0;
  missingPool_.clear();
  fundingPool_.clear();
  instPool_.clear();
  margParts_.clear();
  if (!indexed_) indexInstances();
  startMemo();
  try {
    findCandidates();
    // A clause for another kind of applicant, or of a document not in force on the date, looks at
    // nothing: tested here, before its keys and without a call.
    const int root = ninst_ > 0 ? inst_[0].subject : -1;
    for (std::size_t w = 0; w < candidates_.size(); ++w)
      for (uint64_t bits = candidates_[w]; bits; bits &= bits - 1) {
        const int c = static_cast<int>(w * 64) + __builtin_ctzll(bits);
        const ClausePlan& plan = plans_[c];
        if (plan.subject >= 0 && plan.root == root && docActive_[plan.document] && keysHeld(plan)) clause(c);
      }
    for (const auto& g : p_.groups) group(g);
    for (const auto& k : p_.caps) cap(k, false);
    for (int i = 0; i < nawards_; ++i) finish(awards_[i]);
    computeTotals();
  } catch (const VmError& e) {
    error_ = e.message;
    nawards_ = 0;
    return false;
  }
  return true;
}

// The instances of each subject in order (bySubject_, ending at subjectEnd_[subject]), so that a
// clause looks only at its own subject's instances. Kept until an instance is added or removed.
void Session::indexInstances() {
  std::fill(subjectEnd_.begin(), subjectEnd_.end(), 0);
  for (int i = 0; i < ninst_; ++i) ++subjectEnd_[inst_[i].subject + 1];
  for (std::size_t s = 1; s < subjectEnd_.size(); ++s) subjectEnd_[s] += subjectEnd_[s - 1];
  if (bySubject_.size() < static_cast<std::size_t>(ninst_)) bySubject_.resize(static_cast<std::size_t>(ninst_));
  // Counting sort: subjectEnd_[s] moves from the start of s's run to its end.
  for (int i = 0; i < ninst_; ++i) bySubject_[subjectEnd_[inst_[i].subject]++] = static_cast<uint32_t>(i);
  indexed_ = true;
}


void Session::payee(const ClauseDef& cl, AwardR& aw) {
  int p = cl.payee >= 0 ? cl.payee : p_.rootOf(cl.subject);
  int i = instanceOf(p);
  if (i < 0) {
    int owner = p_.subjects[p].owner;
    int o = owner >= 0 ? instanceOf(owner) : -1;
    if (o >= 0)
      for (int k = 0; k < ninst_; ++k)
        if (inst_[k].parent == o && inst_[k].subject == p) {
          i = k;
          break;
        }
  }
  aw.payeeInstance = i;
  aw.payeeSubject = p;
}

void Session::item(int c, int i) {
  const ClauseDef& cl = p_.clauses[c];
  item_ = i;
  clause_ = c;
  missing_.clear();
  needed_.clear();
  if (explain_) lines_.clear();
  bool unknown = false;
  const Val* v = nullptr;
  auto test = [&](uint32_t block) {
    std::size_t before = missing_.size();
    switch (run(block, v)) {
      case Outcome::Value: return v->i != 0;
      case Outcome::NotAssessable:
        unknown = true;
        needed_.insert(needed_.end(), missing_.begin() + static_cast<long>(before), missing_.end());
        return true;
      case Outcome::NoMatch: return false;
    }
    return false;
  };
  for (uint32_t b : cl.eligibility)
    if (!test(b)) return;
  for (uint32_t b : cl.conditions)
    if (!test(b)) return;
  AwardR& aw = newAward();
  aw.clause = c;
  aw.instance = i;
  aw.kind = cl.award;
  payee(cl, aw);
  if (explain_) {
    aw.explanation.push_back("原文：" + p_.strings[cl.text]);
    for (uint32_t n : cl.notes) aw.explanation.push_back("释义：" + p_.strings[n]);
    for (auto& l : lines_) aw.explanation.push_back(std::move(l));
    lines_.clear();
    if (!cl.conditions.empty() || !cl.eligibility.empty())
      aw.explanation.push_back(unknown ? "条件：尚不能判断" : "条件：均满足");
  }
  if (!unknown && cl.once) {
    for (int ri = 0; ri < nrecv_; ++ri) {
      const Received& r = received_[ri];
      if (r.clause != c || r.year >= year_ || r.instance != i) continue;
      aw.status = AwardStatus::AlreadyReceived;
      aw.reason = ReasonKind::Once;
      aw.onceYear = r.year;
      aw.onceAmount = r.amount;
      if (explain_) explainLine(aw, reasonText(aw));
      return;
    }
  }
  if (!unknown && cl.award == kPay) {
    switch (amount(cl, aw)) {
      case Outcome::Value: break;
      case Outcome::NotAssessable:
        unknown = true;
        needed_.insert(needed_.end(), missing_.begin(), missing_.end());
        break;
      case Outcome::NoMatch:
        --nawards_;
        return;
    }
  }
  if (unknown) {
    aw.status = AwardStatus::NotAssessable;
    aw.missingBegin = static_cast<uint32_t>(missingPool_.size());
    for (uint32_t n : needed_)
      if (std::find(missingPool_.begin() + aw.missingBegin, missingPool_.end(), n) == missingPool_.end())
        missingPool_.push_back(n);
    aw.missingCount = static_cast<uint32_t>(missingPool_.size()) - aw.missingBegin;
    aw.reason = ReasonKind::Missing;
    if (explain_) aw.explanation.push_back("无法评估：" + reasonText(aw));
  } else if (cl.hasQuota) {
    aw.quotaLimited = true;
    aw.status = AwardStatus::QuotaLimited;
    aw.reason = ReasonKind::Quota;
  }
}

Session::Outcome Session::amount(const ClauseDef& cl, AwardR& aw) {
  const std::string* where = &p_.strings[cl.citation];
  const Val* vp = nullptr;
  Outcome o = run(cl.amount, vp);
  if (o != Outcome::Value) return o;
  const Val& v = *vp;
  if (explain_) {
    for (auto& l : lines_) aw.explanation.push_back(std::move(l));
    lines_.clear();
  }
  aw.form = v.form;
  aw.lo = v.lo;
  aw.hi = v.hi;
  if (explain_) explainLine(aw, "计算：" + p_.strings[cl.amountSource] + " = " + text::amountText(aw.lo, aw.hi, aw.form));
  if (cl.cap != kNone) {
    const Val* cp = nullptr;
    o = run(cl.cap, cp);
    if (o != Outcome::Value) return o;
    const Val& c = *cp;
    if (aw.hi > c.lo || aw.lo > c.lo) {
      aw.lo = min(aw.lo, c.lo);
      aw.hi = min(aw.hi, c.lo);
      if (explain_) {
        const std::string& label = p_.strings[cl.capLabel].empty() ? std::string("单项上限") : p_.strings[cl.capLabel];
        explainLine(aw, "超过" + label + " " + text::money(c.lo) + "，按上限 " + text::amountText(aw.lo, aw.hi, aw.form));
      }
    } else if (explain_) {
      const std::string& label = p_.strings[cl.capLabel].empty() ? std::string("单项上限") : p_.strings[cl.capLabel];
      explainLine(aw, "未超过" + label + " " + text::money(c.lo));
    }
  }
  if (cl.topup) {
    Decimal already;
    for (int ri = 0; ri < nrecv_; ++ri)
      if (const Received& r = received_[ri]; r.target == cl.target && cl.target >= 0 && (r.instance == aw.payeeInstance || r.instance == aw.instance))
        already = plusAt(already, r.amount, *where);
    Decimal lo = max(minusAt(aw.lo, already, *where), Decimal());
    Decimal hi = max(minusAt(aw.hi, already, *where), Decimal());
    if (explain_)
      explainLine(aw, "晋级补差：已获同一标的奖励 " + text::money(already) + "，补差后 " + text::amountText(lo, hi, aw.form));
    aw.lo = lo;
    aw.hi = hi;
  }
  const DocumentDef& doc = p_.documents[cl.document];
  if (doc.rounding) {
    const Decimal& unit = p_.decimals[doc.roundUnit];
    // A zero rounds to (0, scale 0) and an exact amount (lo and hi the same digits) is rounded
    // once: the same results, and no error is skipped (zero cannot overflow).
    Decimal lo = aw.lo.isZero() ? Decimal() : roundTo(aw.lo, unit, doc.roundMode, *where);
    Decimal hi = aw.hi.mantissa() == aw.lo.mantissa() && aw.hi.scale() == aw.lo.scale()
                     ? lo
                     : roundTo(aw.hi, unit, doc.roundMode, *where);
    if (explain_ && (lo != aw.lo || hi != aw.hi))
      explainLine(aw, "舍入（" + p_.strings[doc.roundText] + "）：" + text::amountText(lo, hi, aw.form));
    aw.lo = lo;
    aw.hi = hi;
  }
  aw.computedHi = aw.hi;
  return Outcome::Value;
}

// ---- step 6: non-stacking -------------------------------------------------------------------------

// What each award would pay: its ceiling after the caps over several clauses, applied to a copy
// (trial_), as the reference evaluator's payable().
void Session::payable() {
  trial_.resize(static_cast<std::size_t>(nawards_));
  for (int i = 0; i < nawards_; ++i) trial_[i] = {awards_[i].lo, awards_[i].hi};
  for (const auto& k : p_.caps) cap(k, true);
}

bool Session::better(int ia, int ib, const GroupDef& g) const {
  const AwardR& a = awards_[ia];
  const AwardR& b = awards_[ib];
  int c = compare(trial_[ia].second, trial_[ib].second);
  if (c != 0) return c > 0;
  int da = p_.clauses[a.clause].document, db = p_.clauses[b.clause].document;
  auto rank = [&](int d) {
    auto it = std::find(g.prefer.begin(), g.prefer.end(), d);
    return it == g.prefer.end() ? static_cast<int>(g.prefer.size()) : static_cast<int>(it - g.prefer.begin());
  };
  if (rank(da) != rank(db)) return rank(da) < rank(db);
  if (da != db) return da < db;
  if (a.clause != b.clause) return a.clause < b.clause;
  return a.instance < b.instance;
}

std::string Session::describe(int clause, int instance) const {
  return p_.strings[p_.clauses[clause].citation] + (inst_[instance].parent >= 0 ? " " + instancePath(instance) : "");
}

void Session::group(const GroupDef& g) {
  parts_.clear();
  for (int k = 0; k < nawards_; ++k) {
    const AwardR& aw = awards_[k];
    if (aw.kind != kPay || !aw.counted() || !g.inScope[aw.clause]) continue;
    int key = -1;
    for (int i = aw.instance; i >= 0 && key < 0; i = inst_[i].parent)
      if (std::find(g.per.begin(), g.per.end(), inst_[i].subject) != g.per.end()) key = i;
    if (key < 0) {
      if (g.perItem) key = aw.instance;
      else if (g.per.empty()) key = 0;
      else continue;  // alone in its partition
    }
    parts_.push_back(Part{key, g.sameTarget ? p_.clauses[aw.clause].target : -1, k});
  }
  if (parts_.size() < 2) return;
  // What the awards would pay after the caps (trial_), only when the group may drop one: the caps
  // applied for real in step 7 then see the same awards and report the same errors.
  payable();
  std::sort(parts_.begin(), parts_.end(), [](const Part& a, const Part& b) {
    if (a.key != b.key) return a.key < b.key;
    if (a.target != b.target) return a.target < b.target;
    return a.award < b.award;
  });
  for (std::size_t s = 0; s < parts_.size();) {
    std::size_t e = s + 1;
    while (e < parts_.size() && parts_[e].key == parts_[s].key && parts_[e].target == parts_[s].target) ++e;
    if (e - s >= 2) {
      bool relevant = g.scope != kScopeAll;
      for (std::size_t m = s; m < e && !relevant; ++m)
        if (p_.clauses[awards_[parts_[m].award].clause].document == g.document) relevant = true;
      if (relevant) {
        int best = parts_[s].award;
        for (std::size_t m = s; m < e; ++m)
          if (better(parts_[m].award, best, g)) best = parts_[m].award;
        const AwardR& kept = awards_[best];
        for (std::size_t m = s; m < e; ++m) {
          int k = parts_[m].award;
          if (k == best) continue;
          AwardR& aw = awards_[k];
          aw.status = AwardStatus::Dropped;
          aw.reason = ReasonKind::Dropped;
          aw.group = static_cast<int>(&g - p_.groups.data());
          aw.keptClause = kept.clause;
          aw.keptInstance = kept.instance;
          aw.keptLo = min(kept.lo, trial_[best].second);
          aw.keptHi = trial_[best].second;
          aw.keptForm = kept.form;
          if (explain_) explainLine(aw, "不重复享受：" + reasonText(aw));
        }
        if (explain_) explainLine(awards_[best], "不重复享受（" + p_.strings[g.name] + "）：本项金额最高，予以保留");
      }
    }
    s = e;
  }
}

// ---- step 7: caps over several clauses ------------------------------------------------------------

void Session::cap(const CapDef& k, bool trial) {
  auto lo = [&](int i) -> Decimal& { return trial ? trial_[i].first : awards_[i].lo; };
  auto hi = [&](int i) -> Decimal& { return trial ? trial_[i].second : awards_[i].hi; };
  capParts_.clear();
  for (int i = 0; i < nawards_; ++i) {
    const AwardR& aw = awards_[i];
    if (aw.kind != kPay || !aw.counted() || !k.covers[aw.clause]) continue;
    int owner = ownerInstance(aw.instance, k.per);
    if (owner >= 0) capParts_.push_back(Part{owner, 0, i});
  }
  if (capParts_.empty()) return;
  std::sort(capParts_.begin(), capParts_.end(), [](const Part& a, const Part& b) {
    return a.key != b.key ? a.key < b.key : a.award < b.award;
  });
  const Decimal& amount = p_.decimals[k.amount];
  const std::string& name = p_.strings[k.name];
  // `what` is named by its two parts, joined only on an overflow: building it for every term
  // allocated once per term (citations are longer than a short string holds).
  auto sum = [&](const Decimal& a, const Decimal& b, const char* kind, const std::string& what) {
    Decimal out;
    if (auto e = polrt::add(a, b, out); e != ArithError::None)
      failAt("上限 " + name + "（加上" + kind + what + " 时）", e);
    return out;
  };
  for (std::size_t s = 0; s < capParts_.size();) {
    std::size_t e = s + 1;
    while (e < capParts_.size() && capParts_[e].key == capParts_[s].key) ++e;
    int owner = capParts_[s].key;
    Decimal received;
    if (k.period != kPeriodOnce) {
      for (int ri = 0; ri < nrecv_; ++ri) {
        const Received& r = received_[ri];
        if (r.clause < 0 || !k.covers[r.clause]) continue;
        if (ownerInstance(r.instance, k.per) != owner) continue;
        if (k.period == kPeriodAnnual ? r.year != year_ : r.year > year_) continue;
        received = sum(received, r.amount, "已获奖励 ", r.citation);
      }
    }
    Decimal sumLo = received, sumHi = received;
    for (std::size_t m = s; m < e; ++m) {
      int i = capParts_[m].award;
      const std::string& cit = p_.strings[p_.clauses[awards_[i].clause].citation];
      sumLo = sum(sumLo, lo(i), " ", cit);
      sumHi = sum(sumHi, hi(i), " ", cit);
    }
    const Where where("上限 ", name, "");
    Decimal excessHi = max(minusAt(sumHi, amount, where), Decimal());
    Decimal excessLo = max(minusAt(sumLo, amount, where), Decimal());
    if (!(excessHi.isZero() && excessLo.isZero())) {
      std::sort(capParts_.begin() + static_cast<long>(s), capParts_.begin() + static_cast<long>(e), [&](const Part& x, const Part& y) {
        const AwardR& a = awards_[x.award];
        const AwardR& b = awards_[y.award];
        return a.clause != b.clause ? a.clause > b.clause : a.instance > b.instance;
      });
      Decimal headExcess = excessHi;
      for (std::size_t m = s; m < e; ++m) {
        if (excessHi.isZero() && excessLo.isZero()) break;
        int i = capParts_[m].award;
        Decimal cutHi = min(hi(i), excessHi);
        Decimal cutLo = min(lo(i), excessLo);
        if (cutHi.isZero() && cutLo.isZero()) continue;
        hi(i) = minusAt(hi(i), cutHi, where);
        lo(i) = minusAt(lo(i), cutLo, where);
        if (lo(i) > hi(i)) lo(i) = hi(i);
        excessHi = minusAt(excessHi, cutHi, where);
        excessLo = minusAt(excessLo, cutLo, where);
        if (trial) continue;
        AwardR& aw = awards_[i];
        aw.capped = true;
        if (aw.status == AwardStatus::Kept) aw.status = AwardStatus::Capped;
        aw.reason = ReasonKind::Capped;
        aw.cap = static_cast<int>(&k - p_.caps.data());
        aw.capSumHi = sumHi;
        aw.capReceived = received;
        aw.capExcess = headExcess;
        if (explain_)
          explainLine(aw, "累计上限：" + reasonText(aw) + (p_.strings[k.text].empty() ? "" : "；原文：" + p_.strings[k.text]));
      }
    }
    s = e;
  }
}

// ---- steps 8–9: installments, funding -------------------------------------------------------------

std::string Session::fundingText(const AwardR& aw) const {
  std::string out;
  for (uint32_t i = 0; i < aw.fundingCount; ++i) {
    const FundingPartR& f = fundingPool_[aw.fundingBegin + i];
    out += (out.empty() ? "" : "，") + p_.strings[f.payer] + " " + text::amountText(f.lo, f.hi, aw.form);
  }
  return out;
}

void Session::finish(AwardR& aw) {
  if (aw.kind != kPay || !aw.counted()) return;
  const ClauseDef& cl = p_.clauses[aw.clause];
  const DocumentDef& doc = p_.documents[cl.document];
  const std::string& where = p_.strings[cl.citation];
  if (!cl.installments.empty()) {
    aw.instBegin = static_cast<uint32_t>(instPool_.size());
    Decimal restLo = aw.lo, restHi = aw.hi;
    for (std::size_t i = 0; i < cl.installments.size(); ++i) {
      InstallmentR part{year_ + static_cast<int>(i), restLo, restHi};
      if (i + 1 < cl.installments.size()) {
        part.lo = timesAt(aw.lo, p_.decimals[cl.installments[i]], where);
        part.hi = timesAt(aw.hi, p_.decimals[cl.installments[i]], where);
      }
      restLo = minusAt(restLo, part.lo, where);
      restHi = minusAt(restHi, part.hi, where);
      instPool_.push_back(part);
    }
    aw.instCount = static_cast<uint32_t>(cl.installments.size());
  }
  if (doc.funding.empty()) return;
  bool saveExplain = explain_;
  explain_ = false;  // funding conditions are evaluated without explanations
  item_ = aw.instance;
  clause_ = aw.clause;
  missing_.clear();
  const Val* v = nullptr;
  for (std::size_t r = 0; r < doc.funding.size(); ++r) {
    const FundingRuleDef& rule = doc.funding[r];
    if (!rule.kinds.empty()) {
      if (std::find(rule.kinds.begin(), rule.kinds.end(), cl.kind) == rule.kinds.end()) continue;
    } else if (!rule.otherwise) {
      if (r >= cl.fundingConditions.size() || cl.fundingConditions[r] == kNone) continue;
      Outcome o = run(cl.fundingConditions[r], v);
      if (o == Outcome::NoMatch || (o == Outcome::Value && !v->i)) continue;
      if (o == Outcome::NotAssessable) {
        explain_ = saveExplain;
        aw.fundingUnknown = true;
        aw.fundMissBegin = static_cast<uint32_t>(missingPool_.size());
        missingPool_.insert(missingPool_.end(), missing_.begin(), missing_.end());
        aw.fundMissCount = static_cast<uint32_t>(missing_.size());
        return;
      }
    }
    explain_ = saveExplain;
    if (rule.arrangement != kNone) {
      aw.arrangement = rule.arrangement;
      if (explain_) explainLine(aw, "资金分担：" + p_.strings[rule.arrangement]);
      return;
    }
    split(aw, doc, rule);
    if (explain_) explainLine(aw, "资金分担：" + p_.strings[rule.source] + "：" + fundingText(aw));
    return;
  }
  explain_ = saveExplain;
}

// Per funding rule by ratio (按比例): the sum of the ratios, when it does not overflow, and each
// payer's exact share r ÷ total, when it has at most 18 decimals and r is below 2^63.
void Session::planSplits() {
  for (const DocumentDef& doc : p_.documents) {
    ruleBase_.push_back(static_cast<uint32_t>(ratioPlans_.size()));
    for (const FundingRuleDef& rule : doc.funding) {
      RatioPlan plan;
      plan.shareBegin = static_cast<uint32_t>(shares_.size());
      plan.totalOk = true;
      for (uint32_t part : rule.ratio)
        plan.totalOk = plan.totalOk && polrt::add(plan.total, p_.decimals[part], plan.total) == ArithError::None;
      for (uint32_t part : rule.ratio) {
        const Decimal& r = p_.decimals[part];
        Decimal q, back;
        bool exact = plan.totalOk && !plan.total.isZero() && r.mantissa() < INT64_MAX && r.mantissa() > INT64_MIN &&
                     polrt::div(r, plan.total, Decimal::kMaxScale, RoundingMode::HalfEven, q) == ArithError::None &&
                     polrt::mul(q, plan.total, back) == ArithError::None && back == r;
        shares_.push_back(exact ? std::optional<Decimal>(q.normalized()) : std::nullopt);
      }
      ratioPlans_.push_back(plan);
    }
  }
}

void Session::split(AwardR& aw, const DocumentDef& doc, const FundingRuleDef& rule) {
  const Where where("", p_.strings[p_.clauses[aw.clause].citation], " 资金分担");
  aw.fundingBegin = static_cast<uint32_t>(fundingPool_.size());
  if (!rule.ratioPayers.empty()) {
    const RatioPlan& plan = ratioPlans_[ruleBase_[static_cast<std::size_t>(&doc - p_.documents.data())] +
                                        static_cast<std::size_t>(&rule - doc.funding.data())];
    Decimal total = plan.total;
    if (!plan.totalOk) {
      total = Decimal();
      for (uint32_t part : rule.ratio) total = plusAt(total, p_.decimals[part], where);
    }
    // amount × r ÷ total at 18 decimals, half-even; an exact share r ÷ total gives the same value
    // by one multiplication when nothing can overflow (both mantissas below 2^63).
    auto share = [&](const Decimal& amount, std::size_t i) {
      const Decimal& r = p_.decimals[rule.ratio[i]];
      Decimal q;
      const std::optional<Decimal>& exact = shares_[plan.shareBegin + i];
      if (exact && amount.mantissa() < INT64_MAX && amount.mantissa() > INT64_MIN && polrt::mul(amount, *exact, q) == ArithError::None)
        return q;
      if (auto e = polrt::div(timesAt(amount, r, where), total, Decimal::kMaxScale, RoundingMode::HalfEven, q); e != ArithError::None)
        failAt(where, e);
      return q;
    };
    Decimal unit = doc.rounding ? p_.decimals[doc.roundUnit] : Decimal::fromParts(1, 2);
    uint8_t mode = doc.rounding ? doc.roundMode : static_cast<uint8_t>(RoundingMode::HalfUp);
    // Most awards are exact (lo and hi the same digits) or up to an amount (lo zero): an exact
    // award's lower parts are its upper ones, computed once, and a share of zero is zero, as the
    // general path rounds it (0, scale 0), leaving the rest as it was — same results, same errors.
    const bool exact = aw.lo.mantissa() == aw.hi.mantissa() && aw.lo.scale() == aw.hi.scale();
    const bool zeroLo = aw.lo.mantissa() == 0;
    Decimal restLo = aw.lo, restHi = aw.hi;
    for (std::size_t i = 0; i < rule.ratioPayers.size(); ++i) {
      FundingPartR part{rule.ratioPayers[i], restLo, restHi};
      if (i + 1 < rule.ratioPayers.size()) {
        part.hi = roundTo(share(aw.hi, i), unit, mode, where);
        part.lo = exact ? part.hi : zeroLo ? Decimal() : roundTo(share(aw.lo, i), unit, mode, where);
      }
      restHi = minusAt(restHi, part.hi, where);
      if (exact) restLo = restHi;
      else if (!zeroLo || i + 1 == rule.ratioPayers.size()) restLo = minusAt(restLo, part.lo, where);
      fundingPool_.push_back(part);
    }
    aw.fundingCount = static_cast<uint32_t>(rule.ratioPayers.size());
    return;
  }
  // The same shortcuts as the ratio split's: an exact award's lower parts are its upper ones, and
  // a zero lower end has zero parts (normalised, as the product would be) and leaves the rest.
  const bool exact = aw.lo.mantissa() == aw.hi.mantissa() && aw.lo.scale() == aw.hi.scale();
  const bool zeroLo = aw.lo.mantissa() == 0;
  Decimal restLo = aw.lo, restHi = aw.hi;
  int restIndex = -1;
  for (const auto& s : rule.shares) {
    FundingPartR part{s.payer, Decimal(), Decimal()};
    if (s.proportion != kNone) {
      const Decimal& prop = p_.decimals[s.proportion];
      if (exact) {
        part.lo = part.hi = timesAt(aw.hi, prop, where).normalized();
        restLo = restHi = minusAt(restHi, part.hi, where);
      } else {
        if (!zeroLo) part.lo = timesAt(aw.lo, prop, where).normalized();
        part.hi = timesAt(aw.hi, prop, where).normalized();
        if (!zeroLo) restLo = minusAt(restLo, part.lo, where);
        restHi = minusAt(restHi, part.hi, where);
      }
    } else {
      restIndex = static_cast<int>(fundingPool_.size() - aw.fundingBegin);
    }
    fundingPool_.push_back(part);
  }
  aw.fundingCount = static_cast<uint32_t>(rule.shares.size());
  if (restIndex >= 0) {
    FundingPartR& rest = fundingPool_[aw.fundingBegin + restIndex];
    rest.hi = restHi.normalized();
    rest.lo = exact ? rest.hi : restLo.normalized();
  }
}

// ---- step 10: totals ------------------------------------------------------------------------------

void Session::computeTotals() {
  TotalsR& t = totals_;
  t.exact = t.upTo = t.rangeLo = t.rangeHi = t.lo = t.hi = Decimal();
  t.exactCount = t.upToCount = t.rangeCount = 0;
  t.benefits = t.negotiated = t.dropped = t.notAssessable = t.alreadyReceived = 0;
  std::fill(t.payerUsed.begin(), t.payerUsed.end(), 0);
  for (auto& b : t.byPayer) b = {Decimal(), Decimal()};
  for (int i = 0; i < nawards_; ++i) {
    const AwardR& aw = awards_[i];
    auto plus = [&](const Decimal& a, const Decimal& b) {
      // Sums start at zero and upper-bounded awards add a zero lower end: adding a zero with no
      // more decimals than the other operand gives that operand, digits and scale, as add() would.
      if (a.isZero() && a.scale() <= b.scale()) return b;
      if (b.isZero() && b.scale() <= a.scale()) return a;
      Decimal out;
      if (auto e = polrt::add(a, b, out); e != ArithError::None)
        failAt(Where("合计（加上 ", p_.strings[p_.clauses[aw.clause].citation], " 时）"), e);
      return out;
    };
    if (aw.status == AwardStatus::Dropped) { ++t.dropped; continue; }
    if (aw.status == AwardStatus::NotAssessable) { ++t.notAssessable; continue; }
    if (aw.status == AwardStatus::AlreadyReceived) { ++t.alreadyReceived; continue; }
    if (aw.kind == kBenefit) { ++t.benefits; continue; }
    if (aw.kind == kNegotiated) { ++t.negotiated; continue; }
    if (aw.kind != kPay) continue;
    switch (aw.form) {
      case kExact: t.exact = plus(t.exact, aw.hi); ++t.exactCount; break;
      case kUpTo: t.upTo = plus(t.upTo, aw.hi); ++t.upToCount; break;
      default:
        t.rangeLo = plus(t.rangeLo, aw.lo);
        t.rangeHi = plus(t.rangeHi, aw.hi);
        ++t.rangeCount;
        break;
    }
    t.lo = plus(t.lo, aw.lo);
    t.hi = plus(t.hi, aw.hi);
    for (uint32_t k = 0; k < aw.fundingCount; ++k) {
      const FundingPartR& f = fundingPool_[aw.fundingBegin + k];
      uint32_t payer = p_.payerOfString[f.payer];
      auto& sum = t.byPayer[payer];
      t.payerUsed[payer] = 1;
      sum.first = plus(sum.first, f.lo);
      sum.second = plus(sum.second, f.hi);
    }
  }
}

// ---- reading results ------------------------------------------------------------------------------

std::string Session::missingText(uint32_t desc) const {
  const MissingDef& m = p_.missing[desc];
  const std::string& t = p_.strings[m.text];
  switch (m.kind) {
    case kMissPrev: return "上年 " + t + " (" + std::to_string(year_ - 1) + "年)";
    case kMissHist: return "历史 " + t;
    default: return t;
  }
}

std::vector<std::string> Session::missing(const AwardR& a) const {
  std::vector<std::string> out;
  for (uint32_t i = 0; i < a.missingCount; ++i) out.push_back(missingText(missingPool_[a.missingBegin + i]));
  return out;
}

std::vector<std::string> Session::notes(const AwardR& a) const {
  std::vector<std::string> out;
  for (uint32_t n : p_.clauses[a.clause].notes) out.push_back(p_.strings[n]);
  if (a.fundingUnknown) {
    std::vector<std::string> m;
    for (uint32_t i = 0; i < a.fundMissCount; ++i) m.push_back(missingText(missingPool_[a.fundMissBegin + i]));
    out.push_back("资金分担无法判断，缺少：" + join(m, "、"));
  }
  return out;
}

std::string Session::payeeText(const AwardR& a) const {
  if (a.payeeInstance >= 0) return instancePath(a.payeeInstance);
  return p_.strings[p_.subjects[a.payeeSubject].name] + "（事实中未列出）";
}

std::string Session::reasonText(const AwardR& a) const {
  switch (a.reason) {
    case ReasonKind::None: return "";
    case ReasonKind::Missing: return "缺少事实：" + join(missing(a), "、");
    case ReasonKind::Quota: {
      const ClauseDef& cl = p_.clauses[a.clause];
      return std::string("名额限制：") + (cl.quotaAnnual ? "每年" : "") + "择优支持不超过" + std::to_string(cl.quota) +
             "个，是否获得取决于全部申报者的排序";
    }
    case ReasonKind::Once:
      return "一次性奖励：" + std::to_string(a.onceYear) + "年已获 " + text::money(a.onceAmount) + "，不再给予";
    case ReasonKind::Dropped: {
      const GroupDef& g = p_.groups[a.group];
      const std::string& gt = p_.strings[g.text];
      return "不重复享受（" + p_.strings[g.name] + "）：保留 " + describe(a.keptClause, a.keptInstance) + "（" +
             text::amountText(a.keptLo, a.keptHi, a.keptForm) + "）" + (gt.empty() ? "" : "；原文：" + gt);
    }
    case ReasonKind::Capped: {
      const CapDef& k = p_.caps[a.cap];
      return p_.strings[k.name] + " " + text::money(p_.decimals[k.amount]) + "：合计 " + text::money(a.capSumHi) +
             (a.capReceived.isZero() ? "" : "（含已获 " + text::money(a.capReceived) + "）") + "，超出 " +
             text::money(a.capExcess) + "；本项减至 " + text::amountText(a.lo, a.hi, a.form);
    }
  }
  return "";
}

}  // namespace polrt
