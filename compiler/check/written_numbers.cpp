#include "check/written_numbers.h"

#include <algorithm>

#include "check/quote_roles.h"
#include "ir/lower.h"
#include "ir/words.h"

namespace polc::check {

namespace {

using ast::ExprKind;

// `人数 达 1 以上`: a count of at least one says "some", as `超 0元` does, where the text says
// 取得…证书的 (those who got one) and writes no number.
bool atLeastOne(const ast::Expr& e) {
  if (e.kind != ExprKind::Compare || e.cmp != ast::CmpOp::Ge || e.kids.size() != 2) return false;
  const ast::Expr& bound = *e.kids[1];
  auto d = bound.kind == ExprKind::Quantity ? ir::literalDecimal(bound.sema.literal) : std::nullopt;
  return e.kids[0]->sema.type.integer && d && *d == polrt::Decimal::fromInt(1);
}

// The role a literal written right there has: `超 5000万元` a threshold. A literal inside arithmetic
// (`(营业收入 - 5000万元) × 1%`, `上年 × 2`) has none: what the text says of it is not known.
unsigned alone(const ast::Expr* e, unsigned roles) { return e && e->kind == ExprKind::Quantity ? roles : 0; }

class Collector {
 public:
  Collector(const ir::Program& p, std::vector<WrittenNumber>& out) : p_(p), out_(out) {}

  // `roles`: what the place e stands in makes of a number written there.
  void operator()(const ast::Expr* e, unsigned roles) {
    if (!e) return;
    if (atLeastOne(*e)) return (*this)(e->kids[0].get(), 0);
    switch (e->kind) {
      case ExprKind::Quantity: return literal(*e, roles);
      case ExprKind::Compare:
      case ExprKind::FirstOver:
        for (std::size_t i = 0; i < e->kids.size(); ++i) (*this)(e->kids[i].get(), i == 1 ? alone(e->kids[1].get(), kThreshold) : 0);
        return;
      case ExprKind::UpTo:  // 最高 a: paid up to a ceiling
        return kids(*e, roles | kCap);
      case ExprKind::Cap:  // a 上限 b
        (*this)(e->kids[0].get(), roles);
        return (*this)(e->kids.size() > 1 ? e->kids[1].get() : nullptr, alone(e->kids.size() > 1 ? e->kids[1].get() : nullptr, kCap));
      case ExprKind::Arith:  // a rate or a unit price times its base keeps its role; a sum or a difference none
        return kids(*e, e->arith == ast::ArithOp::Mul ? roles : 0);
      case ExprKind::Neg:
      case ExprKind::Range:
        return kids(*e, roles);
      case ExprKind::If:  // 若 c 则 a 否则 b
        for (std::size_t i = 0; i < e->kids.size(); ++i) (*this)(e->kids[i].get(), i == 0 ? 0 : roles);
        return;
      case ExprKind::Tiers:
      case ExprKind::Marginal:
      case ExprKind::Cases: {
        // A key compared with the subject (分档 超 / 首次超, 累进's bands) is a threshold; a case's
        // condition has its comparisons' roles.
        const bool compared = e->kind == ExprKind::Marginal || e->tiersCmp || e->tiersFirstOver;
        kids(*e, 0);
        for (const auto& en : e->entries) {
          (*this)(en.key.get(), compared ? alone(en.key.get(), kThreshold) : 0);
          (*this)(en.value.get(), roles);
        }
        return;
      }
      default:
        kids(*e, 0);
        for (const auto& en : e->entries) {
          (*this)(en.key.get(), 0);
          (*this)(en.value.get(), 0);
        }
    }
  }

 private:
  void kids(const ast::Expr& e, unsigned roles) {
    for (const auto& k : e.kids) (*this)(k.get(), roles);
  }

  void literal(const ast::Expr& e, unsigned roles) {
    if (!e.sema.type.isNumber()) return;
    auto d = ir::literalDecimal(e.sema.literal);
    // 0 (`超 0元`: some, or growth) is no number a text states.
    if (d && !d->isZero())
      out_.push_back(WrittenNumber{d->abs(), ir::dimensionText(p_, e.sema.type.dim), e.span, e.number + e.unit, {}, roles});
  }

  const ir::Program& p_;
  std::vector<WrittenNumber>& out_;
};

}  // namespace

void writtenNumbers(const ast::Expr* e, const ir::Program& p, unsigned roles, std::vector<WrittenNumber>& out) {
  Collector(p, out)(e, roles);
}

void ratioNumber(const std::string& ratio, Span span, std::vector<WrittenNumber>& out) {
  WrittenNumber w{polrt::Decimal::fromInt(0), "", span, ratio, {}, 0};
  std::size_t from = 0;
  while (from <= ratio.size()) {
    std::size_t to = std::min(ratio.find(':', from), ratio.size());
    auto d = polrt::Decimal::parse(ratio.substr(from, to - from));
    if (!d) return;
    w.ratio.push_back(*d);
    from = to + 1;
  }
  out.push_back(std::move(w));
}

}  // namespace polc::check
