// Recording an Applicant, and replaying it into a session (Session::load). The replay checks every
// index against the session's program, since a recording is data that may come from elsewhere.
#include "vm/applicant.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "vm/vm.h"

namespace polrt {

void Applicant::clear() {
  ops_.clear();
  nums_.clear();
  sets_.clear();
  vals_.clear();
  received_.clear();
  text_.clear();
  date_.reset();
  ninst_ = 0;
  savedUnder_.reset();
}

int Applicant::addInstance(int subject, int parent) {
  op(kInstance, subject, parent, 0, 0);
  return ninst_++;
}

void Applicant::setSetBits(int inst, int slot, const uint64_t bits[4]) {
  op(bc::kSet, inst, slot, static_cast<int32_t>(sets_.size()), 0);
  sets_.push_back({bits[0], bits[1], bits[2], bits[3]});
}

void Applicant::setText(int inst, int slot, std::string_view v) {
  op(bc::kText, inst, slot, static_cast<int32_t>(text_.size()), static_cast<int32_t>(v.size()));
  text_.append(v);
}

void Applicant::setHistory(int inst, int slot, int year, const Val& v) {
  op(kHistory, inst, slot, year, static_cast<int32_t>(vals_.size()));
  vals_.push_back(v);
  // A past text is kept empty, as the compiler's bridge loads it: a recording must not carry a
  // pointer into memory it does not own.
  vals_.back().tp = nullptr;
  vals_.back().tl = 0;
}

void Applicant::addReceived(int inst, int clause, int target, Decimal amount, int year, std::string_view citation) {
  op(kReceived, inst, clause, static_cast<int32_t>(received_.size()), 0);
  received_.push_back(Received{target, year, amount, static_cast<uint32_t>(text_.size()), static_cast<uint32_t>(citation.size())});
  text_.append(citation);
}

void Applicant::group() {
  // Each step's instance and kind class; an instance's own step comes first (class -1).
  std::vector<std::pair<int32_t, int32_t>> keys;
  keys.reserve(ops_.size());
  int32_t added = 0;
  for (const Op& o : ops_) {
    if (o.code == kInstance) {
      keys.emplace_back(added++, -1);
      continue;
    }
    if (o.inst < 0 || o.inst >= added) return;
    keys.emplace_back(o.inst, o.code == kGrant ? int32_t{bc::kRecog} : int32_t{o.code});
  }
  std::vector<uint32_t> order(ops_.size());
  for (uint32_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return keys[a] < keys[b]; });
  std::vector<Op> grouped;
  grouped.reserve(ops_.size());
  for (uint32_t k : order) grouped.push_back(ops_[k]);
  ops_ = std::move(grouped);
}

namespace {

// No member at `count` or above (the fact's enum has `count`): explanations print members by index.
bool bitsFit(const uint64_t* bits, int32_t count) {
  for (int32_t w = 0; w < 4; ++w) {
    const int32_t below = count - w * 64;  // members of this word the enum has
    const uint64_t allowed = below >= 64 ? ~uint64_t{0} : below <= 0 ? 0 : (uint64_t{1} << below) - 1;
    if (bits[w] & ~allowed) return false;
  }
  return true;
}

// A past value of a fact of kind `kind`: of that kind (a recognition's past members as a set, Val
// having no grants), members of its enum, an amount of a known form.
bool historyFits(const Val& v, uint8_t kind, int32_t members) {
  if (v.kind != kind && !(kind == bc::kRecog && v.kind == bc::kSet)) return false;
  switch (kind) {
    case bc::kNum: return v.form <= bc::kRange;
    case bc::kEnum: return v.i >= 0 && v.i < members;
    case bc::kSet:
    case bc::kRecog: return bitsFit(v.bits, members);
    default: return true;
  }
}

}  // namespace

// The facts some block of the program reads: every read of a fact is an instruction naming it
// (the verifier checks each such reference), so a fact no instruction names cannot change a
// result, and load() need not copy it. Applicants are recorded from a whole schema, while a
// policy set reads a part of it.
void Session::planReadSlots() {
  slotRead_.assign(slotBase_.back(), 0);
  // The verifier has checked both indices; a reference out of range keeps every fact all the same.
  const auto read = [this](uint32_t subject, uint32_t slot) {
    if (subject + 1 < slotBase_.size() && slot < slotBase_[subject + 1] - slotBase_[subject]) {
      slotRead_[slotBase_[subject] + slot] = 1;
    } else {
      std::fill(slotRead_.begin(), slotRead_.end(), 1);
    }
  };
  for (const bc::Insn& in : p_.code) {
    switch (in.op) {
      case bc::OP_FACT:
      case bc::OP_PREV:
      case bc::OP_HISTMAX:
      case bc::OP_INCREASE:
      case bc::OP_FIRSTOVER:
      case bc::OP_NEWLY: read(in.b, in.c); break;
      case bc::OP_TIER_TEST:
        if (in.a == bc::kTierFirstOver) read(in.e >> 16, in.e & 0xFFFF);
        break;
      default: break;
    }
  }
  // A fact with a history is kept all the same: its value and its history's entry for the
  // evaluation year must agree, or the evaluation is an error in every evaluator (docs/facts.md),
  // read or not. Dropped, a recording of an applicant with such a conflict would evaluate where
  // the setter calls (and polc eval on its facts) give the error. A required (必填) fact too: the
  // C API refuses an applicant without it, so dropped, a complete applicant's recording would be
  // refused where the setter calls evaluate. A recognition too: one granted after the evaluation
  // date is warned about, read or not (late_grants.cpp), so dropped, its warning would be lost.
  for (std::size_t subject = 0; subject + 1 < slotBase_.size() && subject < p_.subjects.size(); ++subject)
    for (std::size_t slot = 0; slot < p_.subjects[subject].facts.size() && slotBase_[subject] + slot < slotBase_[subject + 1]; ++slot)
      if (const FactDef& f = p_.subjects[subject].facts[slot]; f.history || f.required || f.kind == bc::kRecog)
        slotRead_[slotBase_[subject] + slot] = 1;
}

// Checks each step against the program as it replays it. The instance and its first bit in held_
// are looked up once per run of steps on the same instance, and the scalar facts are written in
// place (giveAt), as their setters would: loading is most of a batch's time beside evaluation. One
// switch dispatches every step, and a failed check leaves at once: a batch replays ≈ 70 steps per
// applicant, so what each step tests is what loading costs.
bool Session::load(const Applicant& a) {
  reset();
  // Saved under another program, it may lack facts this one reads, and its received awards name
  // another program's clauses: refused rather than evaluated without them.
  if (a.savedUnder_ && (a.savedUnder_->checksum != p_.fileChecksum || a.savedUnder_->bodySize != p_.fileBodySize)) return false;
  const int clauses = static_cast<int>(p_.clauses.size()), targets = static_cast<int>(p_.targets.size());
  int current = 0;  // the instance `in` points to, when `in` is set; addInstance may move them
  Instance* in = nullptr;
  uint32_t base = 0, end = 0;
  const auto fail = [this] {
    reset();
    return false;
  };
  for (const Applicant::Op& o : a.ops_) {
    if (o.code == Applicant::kInstance) {
      if (addInstance(o.inst, o.slot) < 0) return fail();
      in = nullptr;
      continue;
    }
    if (!in || o.inst != current) {
      if (o.inst < 0 || o.inst >= ninst_) return fail();
      current = o.inst;
      in = &inst_[current];
      base = slotBase_[in->subject];
      end = slotBase_[in->subject + 1];
    }
    if (o.code == Applicant::kReceived) {
      const auto& r = a.received_[static_cast<std::size_t>(o.a)];
      if (o.slot < -1 || o.slot >= clauses || r.target < -1 || r.target >= targets) return fail();
      const std::string_view citation = std::string_view(a.text_).substr(r.citationBegin, r.citationSize);
      // A recording not saved under this program names clauses by another's numbers, perhaps: its
      // citation, when it has one, must name the same clause here (a saved one was checked above).
      if (!a.savedUnder_ && o.slot >= 0 && !citation.empty() && p_.findClause(citation) != o.slot) return fail();
      // A clause of another subject than the instance's would match no award: refused, as
      // polrt_add_received and the facts readers refuse it.
      if (o.slot >= 0 && !p_.misplacedReceived(o.slot, in->subject).empty()) return fail();
      addReceived(o.inst, o.slot, r.target, r.amount, r.year, citation);
      continue;
    }
    const uint32_t bit = base + static_cast<uint32_t>(o.slot);
    if (o.slot < 0 || bit >= end) return fail();
    const uint8_t kind = slotKind_[bit];
    switch (o.code) {
      case bc::kNum: {
        if (kind != bc::kNum) return fail();
        if (!slotRead_[bit]) break;
        Val& v = giveAt(*in, bit, o.slot, kind);
        v.lo = v.hi = a.nums_[static_cast<std::size_t>(o.a)];
        v.form = bc::kExact;
        break;
      }
      case bc::kBool:
        if (kind != bc::kBool) return fail();
        if (!slotRead_[bit]) break;
        giveAt(*in, bit, o.slot, kind).i = o.a != 0;
        break;
      case bc::kDate:
        if (kind != bc::kDate) return fail();
        if (!slotRead_[bit]) break;
        giveAt(*in, bit, o.slot, kind).i = o.a;
        break;
      case bc::kEnum:
        if (kind != bc::kEnum || o.a < 0 || o.a >= slotMembers_[bit]) return fail();
        if (!slotRead_[bit]) break;
        giveAt(*in, bit, o.slot, kind).i = o.a;
        break;
      case bc::kSet: {
        const uint64_t* bits = a.sets_[static_cast<std::size_t>(o.a)].data();
        if (kind != bc::kSet || !bitsFit(bits, slotMembers_[bit])) return fail();
        if (!slotRead_[bit]) break;
        std::memcpy(giveAt(*in, bit, o.slot, kind).bits, bits, 32);
        break;
      }
      case bc::kText:
        if (kind != bc::kText) return fail();
        if (!slotRead_[bit]) break;
        setText(o.inst, o.slot, std::string_view(a.text_).substr(static_cast<std::size_t>(o.a), static_cast<std::size_t>(o.b)));
        break;
      case bc::kRecog:
        if (kind != bc::kRecog) return fail();
        if (!slotRead_[bit]) break;
        setRecognition(o.inst, o.slot);
        break;
      case Applicant::kGrant:
        if (kind != bc::kRecog || o.a < 0 || o.a >= slotMembers_[bit]) return fail();
        if (!slotRead_[bit]) break;
        addGrant(o.inst, o.slot, o.a, o.b);
        break;
      case Applicant::kHistory:
        // Only a fact declared with 历史 has a past (the C API and the facts reader refuse others).
        if (!p_.subjects[in->subject].facts[o.slot].history || !historyFits(a.vals_[static_cast<std::size_t>(o.b)], kind, slotMembers_[bit]))
          return fail();
        if (!slotRead_[bit]) break;
        setHistory(o.inst, o.slot, o.a, a.vals_[static_cast<std::size_t>(o.b)]);
        break;
      default: return fail();
    }
  }
  if (a.date_) setDate(*a.date_);
  return true;
}

void Session::save(Applicant& out) const {
  out.clear();
  out.savedUnder_ = Applicant::SavedUnder{p_.fileChecksum, p_.fileBodySize};
  for (int i = 0; i < ninst_; ++i) {
    const Instance& in = inst_[i];
    out.addInstance(in.subject, in.parent);
    const auto& facts = p_.subjects[in.subject].facts;
    const uint8_t* read = slotRead_.data() + slotBase_[in.subject];  // as load() keeps them
    for (int slot = 0; slot < static_cast<int>(facts.size()); ++slot) {
      if (!in.present[slot] || !read[slot]) continue;
      const Val& v = in.facts[slot];
      switch (facts[slot].kind) {
        case bc::kNum: out.setNum(i, slot, v.lo); break;
        case bc::kBool: out.setBool(i, slot, v.i != 0); break;
        case bc::kEnum: out.setEnum(i, slot, v.i); break;
        case bc::kDate: out.setDay(i, slot, v.i); break;
        case bc::kSet: out.setSetBits(i, slot, v.bits); break;
        case bc::kText: out.setText(i, slot, in.texts[slot]); break;
        case bc::kRecog:
          out.setRecognition(i, slot);
          for (const auto& [member, day] : in.grants[slot]) out.addGrant(i, slot, member, day);
          break;
        default: break;
      }
    }
    for (int slot = 0; slot < static_cast<int>(facts.size()); ++slot)
      if (read[slot])
        for (const auto& [year, v] : in.history[slot]) out.setHistory(i, slot, year, v);
  }
  for (int k = 0; k < nrecv_; ++k) {
    const Received& r = received_[k];
    out.addReceived(r.instance, r.clause, r.target, r.amount, r.year, r.citation);
  }
  if (hasDate_) out.setDate(date_);
  out.group();
}

}  // namespace polrt
