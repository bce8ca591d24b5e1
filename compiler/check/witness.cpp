#include "check/witness.h"

#include <algorithm>

#include <fmt/format.h>

#include "facts/facts.h"

namespace polc::check {

using json = nlohmann::ordered_json;

int WitnessBuilder::dayOf(const Assignment& a) const {
  int d = vars_.find(VarKind::Date, -1, -1);
  if (d >= 0) {
    auto it = a.find(d);
    if (it != a.end() && it->second.num.isInteger()) return static_cast<int>(it->second.num.num());
  }
  return *ir::parseDate("2024-06-30");
}

std::string WitnessBuilder::valueText(const VarInfo& v, const Q& q) const {
  if (v.type.kind == TypeKind::Date) return ir::formatDate(static_cast<int>(q.floor().num()));
  Q x = q.toDecimal() ? q : q.roundDown(6);
  auto d = x.toDecimal();
  if (!d) return "0";
  if (v.type.dim.dimensionless()) return d->normalized().toString();
  return eval::quantity(p_, *d, v.type);
}

json WitnessBuilder::build(const Assignment& a, int subject, const std::string& comment) const {
  int day = dayOf(a);
  int year = ir::yearOf(day);
  std::vector<int> chain;  // root first
  for (int s = subject; s >= 0; s = p_.subjects[s].owner) chain.insert(chain.begin(), s);
  std::map<int, json> objs;
  for (int s : chain) objs[s] = json::object();
  auto onChain = [&](int s) { return objs.count(s) > 0; };
  std::string oldDate = fmt::format("{}-01-01", year - 1);
  std::string newDate = ir::formatDate(day);

  // Values per fact: this year's, last year's, the earlier maximum, the increase.
  struct Views {
    const VarValue* now = nullptr;
    const VarValue* prev = nullptr;
    const VarValue* hist = nullptr;
    const VarValue* inc = nullptr;
    const VarInfo* info = nullptr;
  };
  std::map<std::pair<int, int>, Views> facts;
  for (const auto& [v, val] : a) {
    const VarInfo& info = vars_[v];
    if (info.kind == VarKind::Date || !onChain(info.subject)) continue;
    Views& w = facts[{info.subject, info.fact}];
    if (info.kind == VarKind::Fact) {
      w.now = &val;
      w.info = &info;
    } else if (info.kind == VarKind::Prev) {
      w.prev = &val;
    } else if (info.kind == VarKind::HistMax) {
      w.hist = &val;
    } else if (info.kind == VarKind::Increase) {
      w.inc = &val;
    }
    if (!w.info) w.info = &info;
  }
  for (auto& [key, w] : facts) {
    auto [s, f] = key;
    const ir::FactSlot& slot = p_.subjects[s].facts[f];
    json& obj = objs[s];
    const VarInfo& info = *w.info;
    std::optional<Q> now, prev;
    if (w.now) now = w.now->num;
    if (w.prev) prev = w.prev->num;
    if (w.inc && (!now || !prev)) {
      // X = P + D with both non-negative when the fact has a unit.
      Q d = w.inc->num;
      bool nonneg = !slot.type.dim.dimensionless() || slot.type.integer;
      if (!prev && now) {
        // This year's value is the model's: last year's is what the increase leaves of it, or the
        // facts file would show another increase than the one the finding is about.
        prev = *now - d;
      } else if (!prev) {
        Q base = slot.type.dim == Dimension::base(0) ? Q(10000000) : Q(100);
        prev = nonneg && d.sign() < 0 ? base - d : base;
      }
      if (!now) now = *prev + d;
    }
    switch (info.dom) {
      case DomKind::Bool:
        if (w.now) obj[slot.name] = w.now->b;
        break;
      case DomKind::Enum:
        if (w.now && w.now->e >= 0) obj[slot.name] = p_.enums[slot.type.enumIndex].members[w.now->e];
        break;
      case DomKind::Set: {
        if (!w.now) break;
        json arr = json::array();
        for (auto [m, st] : w.now->states) arr.push_back(p_.enums[slot.type.enumIndex].members[m]);
        obj[slot.name] = arr;
        break;
      }
      case DomKind::Rec: {
        if (!w.now) break;
        json rec = json::object();
        for (auto [m, st] : w.now->states)
          rec[p_.enums[slot.type.enumIndex].members[m]] = st == kNew ? newDate : oldDate;
        obj[slot.name] = rec;
        break;
      }
      case DomKind::Text:
        if (w.now) obj[slot.name] = "示例";
        break;
      case DomKind::Num: {
        VarInfo plain = info;
        plain.type = slot.type;
        if (now) obj[slot.name] = valueText(plain, *now);
        json years = json::object();
        if (prev) years[std::to_string(year - 1)] = valueText(plain, *prev);
        if (w.hist && !w.hist->absent) {
          Q h = w.hist->num;
          if (prev && h <= *prev) {
            // the maximum is last year's value already
          } else {
            years[std::to_string(prev ? year - 2 : year - 1)] = valueText(plain, h);
          }
        }
        if (!years.empty()) obj["history"][slot.name] = years;
        break;
      }
    }
  }
  // Required facts the model leaves open.
  for (int s : chain) {
    const ir::Subject& sub = p_.subjects[s];
    for (const auto& slot : sub.facts) {
      if (!slot.required || objs[s].contains(slot.name)) continue;
      switch (slot.type.kind) {
        case TypeKind::Enum: objs[s][slot.name] = p_.enums[slot.type.enumIndex].members.front(); break;
        case TypeKind::Bool: objs[s][slot.name] = false; break;
        case TypeKind::Date: objs[s][slot.name] = newDate; break;
        case TypeKind::Text: objs[s][slot.name] = "示例"; break;
        case TypeKind::Set: objs[s][slot.name] = json::array(); break;
        case TypeKind::Recognition: objs[s][slot.name] = json::object(); break;
        default: objs[s][slot.name] = slot.type.dim.dimensionless() ? "0" : eval::quantity(p_, polrt::Decimal(), slot.type); break;
      }
    }
  }
  // Nest: each item inside its owner, history last.
  for (std::size_t i = chain.size(); i-- > 1;) {
    json child = objs[chain[i]];
    if (child.contains("history")) {
      json h = child["history"];
      child.erase("history");
      child["history"] = h;
    }
    objs[chain[i - 1]][p_.subjects[chain[i]].name] = json::array({child});
  }
  json root = objs[chain[0]];
  if (root.contains("history")) {
    json h = root["history"];
    root.erase("history");
    root["history"] = h;
  }
  json out = json::object();
  if (!comment.empty()) out["_finding"] = comment;
  out["date"] = newDate;
  out[p_.subjects[chain[0]].name] = root;
  return out;
}

std::string WitnessBuilder::summary(const Assignment& a) const {
  std::vector<std::string> parts;
  int day = dayOf(a);
  for (const auto& [v, val] : a) {
    const VarInfo& info = vars_[v];
    switch (info.dom) {
      case DomKind::Bool:
        if (val.b) parts.push_back(info.name);
        break;
      case DomKind::Enum:
        if (val.e >= 0) parts.push_back(info.name + "=" + p_.enums[info.enumIndex].members[val.e]);
        break;
      case DomKind::Set:
      case DomKind::Rec:
        for (auto [m, st] : val.states)
          parts.push_back(info.name + (st == kNew ? " 新认定 " : " 含 ") + p_.enums[info.enumIndex].members[m]);
        break;
      case DomKind::Num:
        if (info.kind == VarKind::Date) continue;
        if (info.kind == VarKind::HistMax && val.absent) {
          parts.push_back(info.name + " 无");
          break;
        }
        parts.push_back(info.name + "=" + valueText(info, val.num));
        break;
      case DomKind::Text: break;
    }
  }
  std::string out = fmt::format("评价日期 {}", ir::formatDate(day));
  for (const auto& p : parts) out += "；" + p;
  return out;
}

// ---- running clauses ------------------------------------------------------------------------------

Runner::Runner(const sema::Model& m, const ir::Program& p) : m_(m), p_(p) {
  sub_.subjects = p.subjects;
  sub_.enums = p.enums;
  sub_.parameters = p.parameters;
  sub_.targets = p.targets;
  sub_.kinds = p.kinds;
  sub_.documents = p.documents;
  for (auto& d : sub_.documents) d.clauses.clear();
  sub_.baseUnits = p.baseUnits;
  ruled_ = sub_;
}

std::optional<eval::Result> Runner::run(const std::vector<int>& clauses, const json& facts, std::string* error) {
  ++runs;
  auto read = facts::readFacts(m_, p_, facts.dump());
  if (!read.ok()) {
    if (error) *error = read.errors.front();
    return std::nullopt;
  }
  // A pair's clauses are run again and again (the confirmation, then each try for different amounts):
  // copied once, as copying a clause's expressions cost more than evaluating them.
  if (held_ != clauses) {
    sub_.clauses.clear();
    for (int c : clauses) sub_.clauses.push_back(p_.clauses[static_cast<std::size_t>(c)]);
    held_ = clauses;
  }
  map_ = clauses;
  try {
    return eval::evaluate(sub_, read.applicant, eval::Options{});
  } catch (const eval::EvalError& e) {
    if (error) *error = e.what();
    return std::nullopt;
  }
}

std::optional<eval::Result> Runner::runAll(const json& facts, std::string* error) {
  map_.clear();
  for (int c = 0; c < static_cast<int>(p_.clauses.size()); ++c) map_.push_back(c);
  return evaluate(p_, facts, error);
}

std::optional<eval::Result> Runner::runWithRules(std::vector<int> clauses, const json& facts, std::string* error) {
  std::sort(clauses.begin(), clauses.end());  // ties go to the earlier citation
  // The members of a group or cap listed by clause, renumbered; one left with none is left out.
  auto renumbered = [&](const std::vector<int>& listed) {
    std::vector<int> out;
    for (std::size_t i = 0; i < clauses.size(); ++i)
      if (std::find(listed.begin(), listed.end(), clauses[i]) != listed.end()) out.push_back(static_cast<int>(i));
    return out;
  };
  ruled_.clauses.clear();
  for (int c : clauses) ruled_.clauses.push_back(p_.clauses[static_cast<std::size_t>(c)]);
  ruled_.groups.clear();
  for (ir::Group g : p_.groups) {
    if (g.scope == ir::GroupScope::Clauses && (g.clauses = renumbered(g.clauses)).empty()) continue;
    ruled_.groups.push_back(std::move(g));
  }
  ruled_.caps.clear();
  for (ir::Cap cap : p_.caps)
    if (!(cap.clauses = renumbered(cap.clauses)).empty()) ruled_.caps.push_back(std::move(cap));
  map_ = clauses;
  return evaluate(ruled_, facts, error);
}

std::optional<eval::Result> Runner::evaluate(const ir::Program& p, const json& facts, std::string* error) {
  ++runs;
  auto read = facts::readFacts(m_, p_, facts.dump());
  if (!read.ok()) {
    if (error) *error = read.errors.front();
    return std::nullopt;
  }
  try {
    return eval::evaluate(p, read.applicant, eval::Options{});
  } catch (const eval::EvalError& e) {
    if (error) *error = e.what();
    return std::nullopt;
  }
}

const eval::Award* awardOf(const Runner* r, const eval::Result& res, int clause) {
  for (const auto& aw : res.awards) {
    int c = r ? r->clauseOf(aw) : aw.clause;
    if (c == clause) return &aw;
  }
  return nullptr;
}

}  // namespace polc::check
