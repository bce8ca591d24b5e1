#include "differential/applicant_gen.h"

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace polc::difftest {
namespace {

using ir::Expr;
using ir::Op;
using polrt::Decimal;

std::string text(const Decimal& d) { return d.normalized().toString(); }

}  // namespace

struct ApplicantGenerator::Impl {
  const ir::Program& p;
  std::mt19937_64 rng;
  // (subject, fact) → interesting numbers
  std::map<std::pair<int, int>, std::vector<Decimal>> edges;
  std::map<int, std::set<int>> members;  // enum → members the policies name

  Impl(const ir::Program& program, std::uint64_t seed) : p(program), rng(seed) {
    for (const auto& cl : p.clauses) {
      for (const auto& e : cl.eligibility) scan(e);
      for (const auto& e : cl.conditions) scan(e);
      for (const auto& e : cl.amount) scan(e);
      for (const auto& e : cl.cap) scan(e);
      for (const auto& v : cl.fundingConditions)
        for (const auto& e : v) scan(e);
      // A rate times a fact reaching the per-item cap.
      if (!cl.amount.empty() && !cl.cap.empty()) capEdges(cl.amount[0], cl.cap[0]);
    }
  }

  static const Expr* factOf(const Expr& e) {
    if (e.op == Op::Fact) return &e;
    if ((e.op == Op::Increase || e.op == Op::Previous || e.op == Op::HistoryMax) && e.subject >= 0) return &e;
    return nullptr;
  }
  void addEdge(const Expr& f, const Decimal& v) {
    auto& list = edges[{f.subject, f.fact}];
    Decimal one = Decimal::fromInt(1), cent = Decimal::fromParts(1, 2), out;
    list.push_back(v);
    if (polrt::add(v, one, out) == polrt::ArithError::None) list.push_back(out);
    if (polrt::sub(v, one, out) == polrt::ArithError::None && !out.isNegative()) list.push_back(out);
    if (polrt::add(v, cent, out) == polrt::ArithError::None) list.push_back(out);
  }
  void capEdges(const Expr& amount, const Expr& cap) {
    if (cap.op != Op::Const) return;
    std::function<void(const Expr&)> walk = [&](const Expr& e) {
      if (e.op == Op::Arith && e.arith == ast::ArithOp::Mul) {
        const Expr* f = factOf(e.kids[0]);
        const Expr& r = e.kids[1];
        if (f && r.op == Op::Const && r.value.type == ir::VType::Num && !r.value.lo.isZero()) {
          Decimal q;
          if (polrt::div(cap.value.lo, r.value.lo, 2, polrt::RoundingMode::HalfUp, q) == polrt::ArithError::None)
            addEdge(*f, q);
        }
      }
      for (const auto& k : e.kids) walk(k);
      for (const auto& en : e.entries) {
        for (const auto& k : en.key) walk(k);
        for (const auto& v : en.value) walk(v);
      }
    };
    walk(amount);
  }
  void scan(const Expr& e) {
    if (e.op == Op::Compare || e.op == Op::FirstOver) {
      const Expr* f = factOf(e.kids[0]);
      if (f && e.kids[1].op == Op::Const && e.kids[1].value.type == ir::VType::Num) addEdge(*f, e.kids[1].value.lo);
    }
    if (e.op == Op::Tiers || e.op == Op::Marginal) {
      const Expr* f = factOf(e.kids[0]);
      for (const auto& en : e.entries)
        if (f && !en.key.empty() && en.key[0].op == Op::Const && en.key[0].value.type == ir::VType::Num)
          addEdge(*f, en.key[0].value.lo);
    }
    if (e.op == Op::Const && e.type.enumIndex >= 0) {
      if (e.value.type == ir::VType::Enum) members[e.type.enumIndex].insert(e.value.e);
      if (e.value.type == ir::VType::Set)
        for (int i = 0; i < ir::kMaxEnumMembers; ++i)
          if (e.value.bits[static_cast<std::size_t>(i)]) members[e.type.enumIndex].insert(i);
    }
    for (const auto& k : e.kids) scan(k);
    for (const auto& en : e.entries) {
      for (const auto& k : en.key) scan(k);
      for (const auto& v : en.value) scan(v);
    }
  }

  int below(int n) { return static_cast<int>(rng() % static_cast<std::uint64_t>(n)); }
  bool chance(int percent) { return below(100) < percent; }

  int member(int en) {
    const auto& named = members[en];
    if (!named.empty() && chance(80)) {
      auto it = named.begin();
      std::advance(it, below(static_cast<int>(named.size())));
      return *it;
    }
    return below(static_cast<int>(p.enums[static_cast<std::size_t>(en)].members.size()));
  }
  std::string memberName(int en) { return p.enums[static_cast<std::size_t>(en)].members[static_cast<std::size_t>(member(en))]; }

  std::string number(int subject, int fact, const Type& t) {
    auto it = edges.find({subject, fact});
    Decimal v;
    if (it != edges.end() && chance(70)) {
      v = it->second[static_cast<std::size_t>(below(static_cast<int>(it->second.size())))];
    } else {
      static const std::int64_t kScales[] = {1, 100, 10000, 1000000, 100000000, 10000000000LL};
      v = Decimal::fromInt(static_cast<std::int64_t>(rng() % 1000) * kScales[below(6)]);
      if (t.dim.dimensionless() && !t.integer && chance(60)) v = Decimal::fromParts(below(1000), 3);
    }
    if (t.integer) v = v.floor();
    if (v.isNegative()) v = v.negated();
    // Within the fact's 取值: a value outside is refused by every reader alike (policy test cases
    // check that), so it would only shrink the evaluations compared.
    const ir::FactSlot& slot = p.subjects[static_cast<std::size_t>(subject)].facts[static_cast<std::size_t>(fact)];
    if (slot.max && v > *slot.max) v = chance(50) ? *slot.max : Decimal::fromInt(0);
    if (slot.min && v < *slot.min) v = *slot.min;
    // Sometimes written with a unit, as people do.
    if (t.dim == Dimension::base(0) && chance(20)) {
      Decimal wan;
      if (polrt::shift(v, -4, wan) == polrt::ArithError::None && wan.normalized().scale() <= 4)
        return text(wan) + "万元";
    }
    return text(v);
  }

  nlohmann::json value(int subject, int fact, const Type& t, int date, int year) {
    switch (t.kind) {
      case TypeKind::Bool: return chance(65);
      case TypeKind::Number: return number(subject, fact, t);
      case TypeKind::Date: return ir::formatDate(date - below(900));
      case TypeKind::Text: return fmt::format("文本{}", below(3));
      case TypeKind::Enum: return memberName(t.enumIndex);
      case TypeKind::Set: {
        nlohmann::json a = nlohmann::json::array();
        std::set<std::string> seen;
        for (int n = below(4); n > 0; --n) seen.insert(memberName(t.enumIndex));
        for (const auto& s : seen) a.push_back(s);
        return a;
      }
      case TypeKind::Recognition: {
        nlohmann::json o = nlohmann::json::object();
        for (int n = below(4); n > 0; --n) {
          int day = chance(60) ? ir::parseDate(fmt::format("{}-01-01", year)).value_or(date) + below(365)
                               : date - 365 - below(1500);
          o[memberName(t.enumIndex)] = ir::formatDate(day);
        }
        if (chance(10)) {
          nlohmann::json a = nlohmann::json::array();
          a.push_back(memberName(t.enumIndex));
          return a;
        }
        return o;
      }
      case TypeKind::Error: break;
    }
    return nullptr;
  }

  nlohmann::json instance(int s, int date, int year, int depth) {
    const ir::Subject& sub = p.subjects[static_cast<std::size_t>(s)];
    nlohmann::json o = nlohmann::json::object();
    nlohmann::json history = nlohmann::json::object();
    int absent = below(4) == 0 ? 50 : 15;
    for (std::size_t f = 0; f < sub.facts.size(); ++f) {
      const ir::FactSlot& slot = sub.facts[f];
      if (slot.required || !chance(absent)) o[slot.name] = value(s, static_cast<int>(f), slot.type, date, year);
      if (slot.history && slot.type.kind == TypeKind::Number) {
        nlohmann::json years = nlohmann::json::object();
        for (int y = year - 3; y < year; ++y)
          if (chance(70)) years[std::to_string(y)] = number(s, static_cast<int>(f), slot.type);
        if (!o.contains(slot.name) && chance(20)) years[std::to_string(year)] = number(s, static_cast<int>(f), slot.type);
        if (!years.empty()) history[slot.name] = years;
      }
    }
    if (!history.empty()) o["history"] = history;
    for (std::size_t c = 0; c < p.subjects.size(); ++c) {
      if (p.subjects[c].owner != s || depth > 3) continue;
      int n = below(4) == 0 ? 0 : below(3) + (chance(30) ? 1 : 0);
      if (n == 0 && chance(50)) continue;
      nlohmann::json a = nlohmann::json::array();
      for (int i = 0; i < n; ++i) a.push_back(instance(static_cast<int>(c), date, year, depth + 1));
      o[p.subjects[c].name] = a;
    }
    // Awards received before: some clause of this subject, last year or this year.
    if (chance(15)) {
      std::vector<int> mine;
      for (std::size_t c = 0; c < p.clauses.size(); ++c)
        if (p.clauses[c].subject == s) mine.push_back(static_cast<int>(c));
      if (!mine.empty()) {
        nlohmann::json a = nlohmann::json::array();
        for (int n = below(3) + 1; n > 0; --n) {
          const ir::Clause& cl = p.clauses[static_cast<std::size_t>(mine[static_cast<std::size_t>(below(static_cast<int>(mine.size())))])];
          // The second of several given by its target alone, when the clause has one: the caps and
          // 一次性 clauses do not count it, which every evaluator must say alike (the warnings).
          // Chosen by its place, not drawn: the applicants are otherwise those of earlier seeds.
          nlohmann::json r = {{"amount", std::to_string((below(200) + 1) * 10000)}, {"year", year - below(2)}};
          if (n == 2 && cl.target >= 0) r["target"] = p.targets[static_cast<std::size_t>(cl.target)].name;
          else r["citation"] = cl.citation;
          a.push_back(r);
        }
        o["已获奖励"] = a;
      }
    }
    return o;
  }

  std::string next() {
    std::vector<int> roots;
    for (std::size_t s = 0; s < p.subjects.size(); ++s)
      if (p.subjects[s].owner < 0) roots.push_back(static_cast<int>(s));
    // Mostly enterprises: most clauses are theirs.
    int root = roots[0];
    if (chance(30)) root = roots[static_cast<std::size_t>(below(static_cast<int>(roots.size())))];
    static const char* const kDates[] = {"2024-06-30", "2024-06-30", "2024-06-30", "2023-03-15", "2022-12-31",
                                         "2025-09-01", "2021-06-01", "2024-12-31"};
    std::string dateText = kDates[below(8)];
    int date = ir::parseDate(dateText).value_or(0);
    int year = ir::yearOf(date);
    nlohmann::json doc = {{"date", dateText}, {p.subjects[static_cast<std::size_t>(root)].name, instance(root, date, year, 0)}};
    return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
};

ApplicantGenerator::ApplicantGenerator(const ir::Program& program, std::uint64_t seed)
    : impl_(std::make_shared<Impl>(program, seed)) {}

std::string ApplicantGenerator::next() { return impl_->next(); }

}  // namespace polc::difftest
