#include "sema/model.h"

#include <algorithm>

namespace polc {

Dimension Dimension::times(const Dimension& o, int sign) const {
  Dimension out = *this;
  for (const auto& [base, exp] : o.exps) {
    auto it = std::find_if(out.exps.begin(), out.exps.end(),
                           [b = base](const auto& p) { return p.first == b; });
    if (it == out.exps.end()) {
      out.exps.emplace_back(base, sign * exp);
    } else {
      it->second += sign * exp;
      if (it->second == 0) out.exps.erase(it);
    }
  }
  std::sort(out.exps.begin(), out.exps.end());
  return out;
}

}  // namespace polc

namespace polc::sema {

std::string Model::describe(const Dimension& d) const {
  if (d.dimensionless()) return "a plain number";
  std::string num, den;
  for (const auto& [base, exp] : d.exps) {
    std::string name = base < static_cast<int>(baseUnits.size()) ? baseUnits[base] : "?";
    int n = exp < 0 ? -exp : exp;
    std::string part = name + (n > 1 ? "^" + std::to_string(n) : "");
    std::string& side = exp > 0 ? num : den;
    side += (side.empty() ? "" : "·") + part;
  }
  if (num.empty()) num = "1";
  return den.empty() ? num : num + "/" + den;
}

std::string Model::describe(const Type& t) const {
  auto form = [&](std::string s) {
    if (t.form == AmountForm::UpTo) return "up-to amount in " + s;
    if (t.form == AmountForm::Range) return "range in " + s;
    return s;
  };
  switch (t.kind) {
    case TypeKind::Error: return "an invalid value";
    case TypeKind::Bool: return "a condition (是/否)";
    case TypeKind::Number: return form(describe(t.dim));
    case TypeKind::Date: return "a date";
    case TypeKind::Text: return "text";
    case TypeKind::Enum: return "a value of " + enums[t.enumIndex].name;
    case TypeKind::Set: return "a set of " + enums[t.enumIndex].name;
    case TypeKind::Recognition: return "recognitions of " + enums[t.enumIndex].name;
  }
  return "?";
}

bool Model::ownedBy(int s, int ancestor) const {
  for (int guard = 0; s >= 0 && guard <= static_cast<int>(subjects.size()); ++guard) {
    if (s == ancestor) return true;
    s = subjects[s].owner;
  }
  return false;
}

int Model::rootOf(int s) const {
  for (int guard = 0; s >= 0 && subjects[s].owner >= 0 && guard <= static_cast<int>(subjects.size());
       ++guard)
    s = subjects[s].owner;
  return s;
}

}  // namespace polc::sema
