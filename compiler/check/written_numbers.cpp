#include "check/written_numbers.h"

#include <algorithm>

#include "ir/lower.h"
#include "ir/words.h"

namespace polc::check {

namespace {

// `人数 达 1 以上`: a count of at least one says "some", as `超 0元` does, where the text says
// 取得…证书的 (those who got one) and writes no number.
bool atLeastOne(const ast::Expr& e) {
  if (e.kind != ast::ExprKind::Compare || e.cmp != ast::CmpOp::Ge || e.kids.size() != 2) return false;
  const ast::Expr& bound = *e.kids[1];
  auto d = bound.kind == ast::ExprKind::Quantity ? ir::literalDecimal(bound.sema.literal) : std::nullopt;
  return e.kids[0]->sema.type.integer && d && *d == polrt::Decimal::fromInt(1);
}

}  // namespace

void writtenNumbers(const ast::Expr* e, const ir::Program& p, std::vector<WrittenNumber>& out) {
  if (!e) return;
  if (atLeastOne(*e)) return writtenNumbers(e->kids[0].get(), p, out);
  if (e->kind == ast::ExprKind::Quantity && e->sema.type.isNumber()) {
    auto d = ir::literalDecimal(e->sema.literal);
    if (d && !d->isZero())
      out.push_back(WrittenNumber{d->abs(), ir::dimensionText(p, e->sema.type.dim), e->span, e->number + e->unit, {}});
  }
  for (const auto& k : e->kids) writtenNumbers(k.get(), p, out);
  for (const auto& en : e->entries) {
    writtenNumbers(en.key.get(), p, out);
    writtenNumbers(en.value.get(), p, out);
  }
}

void ratioNumber(const std::string& ratio, Span span, std::vector<WrittenNumber>& out) {
  WrittenNumber w{polrt::Decimal::fromInt(0), "", span, ratio, {}};
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
