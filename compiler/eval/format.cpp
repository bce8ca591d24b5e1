// How amounts are written for people: exact, with the units a policy text uses. Money and digit
// grouping are the runtime's (runtime/text), so that every evaluator writes an amount alike.
#include "eval/eval.h"
#include "decimal/award_words.h"
#include "ir/words.h"
#include "text/text.h"

namespace polc::eval {

std::string money(const Decimal& yuan) { return polrt::text::money(yuan); }

std::string grouped(const Decimal& v) { return polrt::text::grouped(v); }

std::string quantity(const ir::Program& p, const Decimal& v, const Type& t) {
  ir::NumberStyle style = ir::numberStyle(p, t);
  switch (style.kind) {
    case ir::NumberStyle::Kind::Plain: break;
    case ir::NumberStyle::Kind::Money: return money(v);
    case ir::NumberStyle::Kind::Ratio:
      if (style.integer || v.isInteger()) return v.normalized().toString() + style.text;
      if (auto pct = polrt::text::scaled(v, 2, 18)) return pct->toString() + "%" + style.text;
      return v.normalized().toString() + style.text;
    case ir::NumberStyle::Kind::Unit: return v.normalized().toString() + style.text;
  }
  return v.normalized().toString();
}

std::string amountText(const Decimal& lo, const Decimal& hi, AmountForm form) {
  return polrt::amountWords(lo, hi, static_cast<int>(form), [](const Decimal& v) { return money(v); });
}

}  // namespace polc::eval
