#include "vm_util.h"

#include <algorithm>
#include <climits>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "backend/bytecode/emit.h"
#include "ir/lower.h"
#include "sema/analyze.h"
#include "syntax/parse.h"

namespace polc::vmtest {

using polrt::Decimal;

std::string policiesDir() { return std::string(POLC_SOURCE_DIR) + "/policies/"; }

std::unique_ptr<Compiled> compile(const std::vector<std::string>& files) {
  auto c = std::make_unique<Compiled>();
  std::vector<std::unique_ptr<ast::File>> asts;
  for (const auto& f : files) {
    std::ifstream in(policiesDir() + f, std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    FileId id = c->sm.add(f, buf.str());
    auto file = parseFile(c->sm, id, c->diags);
    if (file) asts.push_back(std::move(file));
  }
  if (!c->diags.hasErrors()) c->model = sema::analyze(std::move(asts), c->sm, c->diags);
  if (!c->diags.hasErrors() && c->model) c->program = ir::lower(*c->model, c->diags);
  if (c->diags.hasErrors() || !c->program) {
    c->error = "the policies do not compile";
    return c;
  }
  auto bc = bytecode::emit(*c->program);
  c->error = bc.error;
  c->bytecode = std::move(bc.bytes);
  return c;
}

// ---- the generator --------------------------------------------------------------------------------

Generator::Generator(const ir::Program& p, uint64_t seed) : p_(p), rng_(seed) {
  std::set<std::pair<polrt::int128_t, int>> seen;
  std::vector<std::set<int>> mentioned(p.enums.size());
  std::function<void(const ir::Expr&)> walk = [&](const ir::Expr& e) {
    if (e.op == ir::Op::Const) {
      if (e.value.type == ir::VType::Num) {
        for (const Decimal& d : {e.value.lo, e.value.hi}) {
          Decimal n = d.normalized();
          if (seen.insert({n.mantissa(), n.scale()}).second) constants_.push_back(n);
        }
      } else if ((e.value.type == ir::VType::Enum || e.value.type == ir::VType::Set) && e.type.enumIndex >= 0) {
        if (e.value.type == ir::VType::Enum) mentioned[e.type.enumIndex].insert(e.value.e);
        for (int i = 0; i < ir::kMaxEnumMembers; ++i)
          if (e.value.type == ir::VType::Set && e.value.bits[i]) mentioned[e.type.enumIndex].insert(i);
      } else if (e.value.type == ir::VType::Date) {
        days_.push_back(e.value.day);
      }
    }
    for (const auto& k : e.kids) walk(k);
    for (const auto& en : e.entries) {
      for (const auto& k : en.key) walk(k);
      for (const auto& v : en.value) walk(v);
    }
  };
  for (const auto& c : p.clauses) {
    for (const auto& e : c.eligibility) walk(e);
    for (const auto& e : c.conditions) walk(e);
    for (const auto& e : c.amount) walk(e);
    for (const auto& e : c.cap) walk(e);
    for (const auto& fc : c.fundingConditions)
      for (const auto& e : fc) walk(e);
  }
  for (const auto& k : p.caps) constants_.push_back(k.amount);
  for (const auto& d : p.documents) {
    if (d.effectiveFrom) days_.push_back(*d.effectiveFrom);
    if (d.effectiveTo) days_.push_back(*d.effectiveTo);
  }
  for (const auto& prm : p.parameters)
    for (const auto& e : prm.entries) days_.push_back(e.day);
  if (constants_.empty()) constants_.push_back(Decimal::fromInt(1));
  if (days_.empty()) days_.push_back(*ir::parseDate("2024-06-30"));
  enumMembers_.resize(p.enums.size());
  for (std::size_t e = 0; e < p.enums.size(); ++e) {
    enumMembers_[e].assign(mentioned[e].begin(), mentioned[e].end());
    if (enumMembers_[e].empty())
      for (std::size_t m = 0; m < p.enums[e].members.size(); ++m) enumMembers_[e].push_back(static_cast<int>(m));
  }
}

Decimal Generator::number(const Type& t) {
  Decimal c = constants_[pick(static_cast<int>(constants_.size()))];
  Decimal cent = Decimal::fromParts(1, 2), out;
  switch (pick(10)) {
    case 0: out = c; break;
    case 1: polrt::add(c, cent, out); break;
    case 2: polrt::sub(c, cent, out); break;
    case 3: polrt::mul(c, Decimal::fromInt(pick(40) + 1), out); break;
    case 4: out = Decimal::fromInt(pick(1000)); break;
    case 5: out = Decimal::fromInt(static_cast<int64_t>(rng_() % 10000000000ULL)); break;
    case 6: out = Decimal::fromParts(static_cast<polrt::int128_t>(rng_() % 100000000ULL), pick(5)); break;
    case 7: out = Decimal(); break;
    case 8: polrt::mul(c, Decimal::fromParts(pick(300) + 1, 2), out); break;
    default: polrt::add(c, Decimal::fromInt(pick(3) - 1), out); break;
  }
  if (out.isNegative() && (!t.dim.dimensionless() || chance(80))) out = out.negated();
  if (t.integer) out = out.trunc();
  return out.normalized();
}

ir::Value Generator::value(const ir::FactSlot& f) {
  const Type& t = f.type;
  switch (t.kind) {
    case TypeKind::Number: return ir::Value::num(number(t));
    case TypeKind::Bool: return ir::Value::boolean(chance(60));
    case TypeKind::Date: {
      int d = days_[pick(static_cast<int>(days_.size()))] + pick(3) - 1;
      if (chance(30)) d = date_ - pick(1500);
      return ir::Value::date(d);
    }
    case TypeKind::Text: {
      static const char* const kTexts[] = {"甲", "乙", "常州某公司", ""};
      return ir::Value::string(kTexts[pick(4)]);
    }
    case TypeKind::Enum: {
      const auto& ms = chance(70) ? enumMembers_[t.enumIndex] : std::vector<int>{pick(static_cast<int>(p_.enums[t.enumIndex].members.size()))};
      return ir::Value::enumValue(ms[pick(static_cast<int>(ms.size()))]);
    }
    case TypeKind::Set: {
      ir::Bits bits;
      int n = pick(4);
      const auto& ms = enumMembers_[t.enumIndex];
      for (int i = 0; i < n; ++i) bits.set(chance(80) ? ms[pick(static_cast<int>(ms.size()))]
                                                      : pick(static_cast<int>(p_.enums[t.enumIndex].members.size())));
      return ir::Value::set(bits);
    }
    case TypeKind::Recognition: {
      ir::Value v;
      v.type = ir::VType::Recognition;
      int n = pick(4);
      const auto& ms = enumMembers_[t.enumIndex];
      int year = ir::yearOf(date_);
      for (int i = 0; i < n; ++i) {
        int m = chance(85) ? ms[pick(static_cast<int>(ms.size()))] : pick(static_cast<int>(p_.enums[t.enumIndex].members.size()));
        int day;
        switch (pick(5)) {
          case 0: day = INT_MIN / 2; break;                                   // held since an unknown date
          case 1: day = date_ + 1 + pick(100); break;                          // after the evaluation date
          case 2: day = *ir::parseDate(fmt::format("{}-01-01", year)) + pick(10); break;
          case 3: day = date_ - 365 - pick(700); break;                        // an earlier year
          default: day = date_ - pick(150); break;                             // this year, before the date
        }
        v.grants.push_back(ir::Grant{m, day});
      }
      return v;
    }
    case TypeKind::Error: break;
  }
  return ir::Value::boolean(false);
}

void Generator::instance(eval::Applicant& a, int subject, int parent, const std::string& path, int depth) {
  int index = static_cast<int>(a.instances.size());
  eval::Instance in;
  in.subject = subject;
  in.parent = parent;
  in.path = path;
  const ir::Subject& s = p_.subjects[subject];
  in.facts.resize(s.facts.size());
  in.history.resize(s.facts.size());
  int absent = pick(4) == 0 ? 60 : pick(2) == 0 ? 25 : 8;  // some applicants give little, most give much
  int year = ir::yearOf(date_);
  for (std::size_t f = 0; f < s.facts.size(); ++f) {
    const ir::FactSlot& slot = s.facts[f];
    if (slot.required || !chance(absent)) in.facts[f] = value(slot);
    if (slot.history) {
      if (in.facts[f] && chance(10)) {  // this year's value given only in the history
        in.history[f][year] = *in.facts[f];
        in.facts[f].reset();
      }
      for (int y = year - 1; y >= year - 4; --y)
        if (chance(y == year - 1 ? 75 : 45)) in.history[f][y] = value(slot);
    }
  }
  a.instances.push_back(std::move(in));
  if (parent >= 0) a.instances[parent].children.push_back(index);
  // Awards received by this instance.
  if (chance(15)) {
    int n = 1 + pick(3);
    for (int k = 0; k < n; ++k) {
      eval::ReceivedAward r;
      r.instance = index;
      r.year = year - pick(4);
      r.amount = number(Type::number(Dimension::base(0)));
      // A clause whose awards may be listed here: of this subject, or (not 一次性) of one it owns,
      // as the facts readers and Session::load accept them (docs/facts.md).
      std::vector<int> listable;
      for (std::size_t c = 0; c < p_.clauses.size(); ++c) {
        const ir::Clause& cl = p_.clauses[c];
        bool ok = cl.subject == subject;
        for (int o = cl.subject >= 0 ? p_.subjects[static_cast<std::size_t>(cl.subject)].owner : -1; o >= 0 && !ok && !cl.once;
             o = p_.subjects[static_cast<std::size_t>(o)].owner)
          ok = o == subject;
        if (ok) listable.push_back(static_cast<int>(c));
      }
      if (chance(80) && !listable.empty()) {
        r.clause = listable[static_cast<std::size_t>(pick(static_cast<int>(listable.size())))];
        r.citation = p_.clauses[r.clause].citation;  // as a facts file names it
        r.target = p_.clauses[r.clause].target;
      } else if (!p_.targets.empty()) {
        r.target = pick(static_cast<int>(p_.targets.size()));
      } else {
        continue;
      }
      a.received.push_back(r);
    }
  }
  if (depth >= 3) return;
  for (std::size_t c = 0; c < p_.subjects.size(); ++c) {
    if (p_.subjects[c].owner != subject) continue;
    int n = pick(10) < 4 ? 0 : pick(10) < 7 ? 1 : 1 + pick(3);
    for (int k = 0; k < n; ++k)
      instance(a, static_cast<int>(c), index, fmt::format("{}.{}[{}]", path, p_.subjects[c].name, k), depth + 1);
  }
}

eval::Applicant Generator::next() {
  eval::Applicant a;
  date_ = days_[pick(static_cast<int>(days_.size()))] + pick(3) - 1;
  if (chance(50)) date_ = *ir::parseDate("2022-01-30") + pick(365 * 4);
  a.date = date_;
  std::vector<int> roots;
  for (std::size_t s = 0; s < p_.subjects.size(); ++s)
    if (p_.subjects[s].owner < 0) roots.push_back(static_cast<int>(s));
  int first = p_.subjectIndex("企业");
  int root = first >= 0 && chance(60) ? first : roots[pick(static_cast<int>(roots.size()))];
  instance(a, root, -1, p_.subjects[root].name, 0);
  return a;
}

// ---- comparing results ----------------------------------------------------------------------------

namespace {

std::string dec(const Decimal& d) { return d.normalized().toString(); }

}  // namespace

std::string compare(const ir::Program& p, const eval::Result& a, const eval::Result& b, bool explain) {
  if (a.date != b.date) return "date";
  if (a.awards.size() != b.awards.size())
    return fmt::format("award count {} vs {}", a.awards.size(), b.awards.size());
  for (std::size_t i = 0; i < a.awards.size(); ++i) {
    const eval::Award& x = a.awards[i];
    const eval::Award& y = b.awards[i];
    std::string where = fmt::format("award {} ({})", i, x.clause >= 0 ? p.clauses[x.clause].citation : "?");
    auto diff = [&](const std::string& what, const std::string& u, const std::string& v) {
      return fmt::format("{}: {}: ref `{}` vm `{}`", where, what, u, v);
    };
    if (x.clause != y.clause) return diff("clause", std::to_string(x.clause), std::to_string(y.clause));
    if (x.instance != y.instance) return diff("instance", std::to_string(x.instance), std::to_string(y.instance));
    if (x.kind != y.kind) return diff("kind", std::to_string(int(x.kind)), std::to_string(int(y.kind)));
    if (x.status != y.status) return diff("status", eval::statusName(x.status), eval::statusName(y.status));
    if (x.hasAmount() && x.form != y.form) return diff("form", std::to_string(int(x.form)), std::to_string(int(y.form)));
    if (x.lo != y.lo || dec(x.lo) != dec(y.lo)) return diff("min", dec(x.lo), dec(y.lo));
    if (x.hi != y.hi || dec(x.hi) != dec(y.hi)) return diff("max", dec(x.hi), dec(y.hi));
    if (x.computedHi != y.computedHi) return diff("computed max", dec(x.computedHi), dec(y.computedHi));
    if (x.capped != y.capped || x.quotaLimited != y.quotaLimited) return diff("capped/quota", "", "");
    if (x.reason != y.reason) return diff("reason", x.reason, y.reason);
    if (x.missing != y.missing) return diff("missing", fmt::format("{}", fmt::join(x.missing, ",")), fmt::format("{}", fmt::join(y.missing, ",")));
    if (x.payeeInstance != y.payeeInstance || x.payee != y.payee) return diff("payee", x.payee, y.payee);
    if (x.funding.size() != y.funding.size()) return diff("funding parts", std::to_string(x.funding.size()), std::to_string(y.funding.size()));
    for (std::size_t k = 0; k < x.funding.size(); ++k) {
      const auto& f = x.funding[k];
      const auto& g = y.funding[k];
      if (f.payer != g.payer || f.lo != g.lo || f.hi != g.hi || dec(f.lo) != dec(g.lo) || dec(f.hi) != dec(g.hi))
        return diff("funding", f.payer + " " + dec(f.lo) + ".." + dec(f.hi), g.payer + " " + dec(g.lo) + ".." + dec(g.hi));
    }
    if (x.fundingArrangement != y.fundingArrangement) return diff("arrangement", x.fundingArrangement, y.fundingArrangement);
    if (x.installments.size() != y.installments.size()) return diff("installments", "", "");
    for (std::size_t k = 0; k < x.installments.size(); ++k)
      if (x.installments[k].year != y.installments[k].year || x.installments[k].lo != y.installments[k].lo ||
          x.installments[k].hi != y.installments[k].hi)
        return diff("installment", dec(x.installments[k].hi), dec(y.installments[k].hi));
    if (x.notes != y.notes) return diff("notes", fmt::format("{}", fmt::join(x.notes, "|")), fmt::format("{}", fmt::join(y.notes, "|")));
    if (explain && x.explanation != y.explanation) {
      std::size_t k = 0;
      while (k < x.explanation.size() && k < y.explanation.size() && x.explanation[k] == y.explanation[k]) ++k;
      return diff(fmt::format("explanation line {}", k), k < x.explanation.size() ? x.explanation[k] : "<none>",
                  k < y.explanation.size() ? y.explanation[k] : "<none>");
    }
  }
  const eval::Totals& s = a.totals;
  const eval::Totals& t = b.totals;
  auto same = [](const Decimal& u, const Decimal& v) { return u == v && dec(u) == dec(v); };
  if (!same(s.exact, t.exact) || !same(s.upTo, t.upTo) || !same(s.rangeLo, t.rangeLo) || !same(s.rangeHi, t.rangeHi) ||
      !same(s.lo, t.lo) || !same(s.hi, t.hi))
    return fmt::format("totals: ref {}..{} vm {}..{}", dec(s.lo), dec(s.hi), dec(t.lo), dec(t.hi));
  if (s.exactCount != t.exactCount || s.upToCount != t.upToCount || s.rangeCount != t.rangeCount ||
      s.benefits != t.benefits || s.negotiated != t.negotiated || s.dropped != t.dropped ||
      s.notAssessable != t.notAssessable || s.alreadyReceived != t.alreadyReceived)
    return "total counts";
  if (s.byPayer.size() != t.byPayer.size()) return "payer totals count";
  for (auto i = s.byPayer.begin(), j = t.byPayer.begin(); i != s.byPayer.end(); ++i, ++j)
    if (i->first != j->first || !same(i->second.first, j->second.first) || !same(i->second.second, j->second.second))
      return "payer totals: " + i->first;
  return "";
}

}  // namespace polc::vmtest
