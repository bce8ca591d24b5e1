#include "ir/words.h"

namespace polc::ir {

const char* cmpWord(ast::CmpOp op) {
  switch (op) {
    case ast::CmpOp::Gt: return "超";
    case ast::CmpOp::Ge: return "达";
    case ast::CmpOp::Le: return "不超过";
    case ast::CmpOp::Lt: return "低于";
    case ast::CmpOp::Eq: return "为";
    case ast::CmpOp::Ne: return "不为";
  }
  return "?";
}

const char* tierWord(const Expr& tiers) {
  switch (tiers.tierMode) {
    case TierMode::FirstOver: return "首次超";
    case TierMode::Has: return "含";
    case TierMode::Equal: return "为";
    case TierMode::Compare: break;
  }
  return cmpWord(tiers.cmp);
}

const char* cmpSign(ast::CmpOp op) {
  switch (op) {
    case ast::CmpOp::Gt: return ">";
    case ast::CmpOp::Ge: return ">=";
    case ast::CmpOp::Le: return "<=";
    case ast::CmpOp::Lt: return "<";
    case ast::CmpOp::Eq: return "==";
    case ast::CmpOp::Ne: return "!=";
  }
  return "?";
}

std::string dimensionText(const Program& p, const Dimension& d) {
  std::string num, den;
  for (const auto& [base, exp] : d.exps) {
    std::string name = base >= 0 && base < static_cast<int>(p.baseUnits.size()) ? p.baseUnits[static_cast<std::size_t>(base)] : "?";
    int n = exp < 0 ? -exp : exp;
    std::string part = name + (n > 1 ? "^" + std::to_string(n) : "");
    std::string& side = exp > 0 ? num : den;
    side += (side.empty() ? "" : "·") + part;
  }
  return den.empty() ? num : num + "/" + den;
}

NumberStyle numberStyle(const Program& p, const Type& t) {
  NumberStyle s;
  s.integer = t.integer;
  if (t.kind != TypeKind::Number) return s;
  if (t.dim == Dimension::base(0)) {
    s.kind = NumberStyle::Kind::Money;
    return s;
  }
  bool perYear = t.dim.exps.size() == 1 && t.dim.exps[0].second == -1;
  if (t.dim.dimensionless() || perYear) {
    s.kind = NumberStyle::Kind::Ratio;
    if (perYear) s.text = "/" + dimensionText(p, Dimension::base(t.dim.exps[0].first));
    return s;
  }
  s.kind = NumberStyle::Kind::Unit;
  s.text = dimensionText(p, t.dim);
  return s;
}

}  // namespace polc::ir
