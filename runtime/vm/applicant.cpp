// Recording an Applicant, and replaying it into a session (Session::load). The replay checks every
// index against the session's program, since a recording is data that may come from elsewhere.
#include "vm/applicant.h"

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

// Enum values, set bits and granted recognitions name members of the fact's enum, and
// explanations print them by index: a member the enum does not have is refused. So is a history
// amount of no known form.
bool Applicant::membersFit(const Op& o, uint8_t kind, int32_t count) const {
  const Val* history = o.code == kHistory ? &vals_[static_cast<std::size_t>(o.b)] : nullptr;
  if (history && kind == bc::kNum) return history->form <= bc::kRange;
  if (kind != bc::kEnum && kind != bc::kSet && kind != bc::kRecog) return true;
  auto bitsFit = [count](const uint64_t* bits) {  // no bit at `count` or above
    for (int32_t w = 0; w < 4; ++w) {
      const int32_t below = count - w * 64;  // members of this word the enum has
      const uint64_t allowed = below >= 64 ? ~uint64_t{0} : below <= 0 ? 0 : (uint64_t{1} << below) - 1;
      if (bits[w] & ~allowed) return false;
    }
    return true;
  };
  if (history) return kind == bc::kEnum ? history->i >= 0 && history->i < count : bitsFit(history->bits);
  if (o.code == bc::kEnum || o.code == kGrant) return o.a >= 0 && o.a < count;
  if (o.code == bc::kSet) return bitsFit(sets_[static_cast<std::size_t>(o.a)].data());
  return true;  // 已认定 with no grants yet
}

bool Session::load(const Applicant& a) {
  reset();
  const int clauses = static_cast<int>(p_.clauses.size()), targets = static_cast<int>(p_.targets.size());
  for (const Applicant::Op& o : a.ops_) {
    if (o.code == Applicant::kInstance) {
      if (addInstance(o.inst, o.slot) < 0) return reset(), false;
      continue;
    }
    if (o.inst < 0 || o.inst >= ninst_) return reset(), false;
    if (o.code == Applicant::kReceived) {
      const auto& r = a.received_[static_cast<std::size_t>(o.a)];
      if (o.slot < -1 || o.slot >= clauses || r.target < -1 || r.target >= targets) return reset(), false;
      addReceived(o.inst, o.slot, r.target, r.amount, r.year, std::string_view(a.text_).substr(r.citationBegin, r.citationSize));
      continue;
    }
    const int subject = inst_[o.inst].subject;
    const uint32_t base = slotBase_[subject];
    if (o.slot < 0 || base + static_cast<uint32_t>(o.slot) >= slotBase_[subject + 1]) return reset(), false;
    const uint32_t bit = base + static_cast<uint32_t>(o.slot);
    const uint8_t kind = slotKind_[bit];
    const uint8_t given = o.code == Applicant::kGrant ? uint8_t{bc::kRecog}
                          : o.code == Applicant::kHistory ? a.vals_[static_cast<std::size_t>(o.b)].kind
                                                          : o.code;
    // A recognition's history holds its members as a set (Val has no grants).
    if (given != kind && !(o.code == Applicant::kHistory && kind == bc::kRecog && given == bc::kSet)) return reset(), false;
    const bool members = kind == bc::kEnum || kind == bc::kSet || kind == bc::kRecog;
    if ((members || o.code == Applicant::kHistory) && !a.membersFit(o, kind, slotMembers_[bit])) return reset(), false;
    switch (o.code) {
      case bc::kNum: setNum(o.inst, o.slot, a.nums_[static_cast<std::size_t>(o.a)]); break;
      case bc::kBool: setBool(o.inst, o.slot, o.a != 0); break;
      case bc::kEnum: setEnum(o.inst, o.slot, o.a); break;
      case bc::kDate: setDay(o.inst, o.slot, o.a); break;
      case bc::kSet: setSetBits(o.inst, o.slot, a.sets_[static_cast<std::size_t>(o.a)].data()); break;
      case bc::kText: setText(o.inst, o.slot, std::string_view(a.text_).substr(static_cast<std::size_t>(o.a), static_cast<std::size_t>(o.b))); break;
      case bc::kRecog: setRecognition(o.inst, o.slot); break;
      case Applicant::kGrant: addGrant(o.inst, o.slot, o.a, o.b); break;
      case Applicant::kHistory: setHistory(o.inst, o.slot, o.a, a.vals_[static_cast<std::size_t>(o.b)]); break;
      default: return reset(), false;
    }
  }
  if (a.date_) setDate(*a.date_);
  return true;
}

void Session::save(Applicant& out) const {
  out.clear();
  for (int i = 0; i < ninst_; ++i) {
    const Instance& in = inst_[i];
    out.addInstance(in.subject, in.parent);
    const auto& facts = p_.subjects[in.subject].facts;
    for (int slot = 0; slot < static_cast<int>(facts.size()); ++slot) {
      if (!in.present[slot]) continue;
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
      for (const auto& [year, v] : in.history[slot]) out.setHistory(i, slot, year, v);
  }
  for (int k = 0; k < nrecv_; ++k) {
    const Received& r = received_[k];
    out.addReceived(r.instance, r.clause, r.target, r.amount, r.year, r.citation);
  }
  if (hasDate_) out.setDate(date_);
}

}  // namespace polrt
