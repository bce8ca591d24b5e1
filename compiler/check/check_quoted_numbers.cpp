// Numbers a clause's code writes that its 原文 does not state (W0639): the most common slip of an
// encoding — `设备投入 × 3%` under a text saying 千分之三, `上限 50万元` under 最高不超过500万元, a threshold
// copied from the next sentence — passes every other check and pays every applicant wrongly. Each
// number of the code (an amount, a rate, a cap, a threshold, a quota, an installment) is looked for,
// by value and dimension, among the numbers of the clause's 原文 (quoted_numbers.h), then of its
// article's 原文 (a paragraph's lead sentence often states the condition), then of its own and its
// article's 释义, where a writer states a number derived on purpose (a rate split in two).
#include <fmt/format.h>

#include "check/checker.h"
#include "check/quoted_numbers.h"
#include "ir/words.h"

namespace polc::check {

namespace {

struct Written {
  polrt::Decimal value;
  std::string unit;  // ir::dimensionText: 元, /年, "" for a plain number or a rate
  Span span;
  std::string text;
};

// `人数 达 1 以上`: a count of at least one says "some", as `超 0元` does, where the text says
// 取得…证书的 (those who got one) and writes no number.
bool atLeastOne(const ast::Expr& e) {
  if (e.kind != ast::ExprKind::Compare || e.cmp != ast::CmpOp::Ge || e.kids.size() != 2) return false;
  const ast::Expr& bound = *e.kids[1];
  auto d = bound.kind == ast::ExprKind::Quantity ? ir::literalDecimal(bound.sema.literal) : std::nullopt;
  return e.kids[0]->sema.type.integer && d && *d == polrt::Decimal::fromInt(1);
}

void collectWritten(const ast::Expr* e, const ir::Program& p, std::vector<Written>& out) {
  if (!e) return;
  if (atLeastOne(*e)) return collectWritten(e->kids[0].get(), p, out);
  if (e->kind == ast::ExprKind::Quantity && e->sema.type.isNumber()) {
    auto d = ir::literalDecimal(e->sema.literal);
    // 0 (`超 0元`: some, or growth) is no number a text states.
    if (d && !d->isZero()) out.push_back(Written{d->abs(), ir::dimensionText(p, e->sema.type.dim), e->span, e->number + e->unit});
  }
  for (const auto& k : e->kids) collectWritten(k.get(), p, out);
  for (const auto& en : e->entries) {
    collectWritten(en.key.get(), p, out);
    collectWritten(en.value.get(), p, out);
  }
}

bool money(const std::string& unit) { return unit.find("元") != std::string::npos; }

// Same value, same dimension. A plain number, a rate (also per year: `3.70%/年`) and a count meet a
// text number of any unit but money, as the text words a count its own way (`20个项目`, `三年`).
bool sameNumber(const Written& w, const QuotedNumber& q) {
  if (w.value != q.value) return false;
  if (w.unit == q.unit) return true;
  const bool loose = w.unit.empty() || w.unit[0] == '/' || q.unit.empty();
  return loose && !money(w.unit) && !money(q.unit);
}

std::string joined(const std::vector<ast::Text>& texts) {
  std::string out;
  for (const auto& t : texts) out += t.value;
  return out;
}

std::string listed(const std::vector<QuotedNumber>& numbers) {
  std::string out;
  for (const auto& q : numbers) out += (out.empty() ? "" : ", ") + q.text;
  return out.empty() ? "no number" : out;
}

}  // namespace

void Checker::numbersAgainstQuote(int c) {
  const auto& info = m_.clauses[static_cast<std::size_t>(c)];
  const ast::Clause* decl = info.decl;
  const std::string text = joined(decl ? decl->text : std::vector<ast::Text>{});
  // A clause without 原文 has nothing to compare (the front end reports it, E0401).
  if (text.find_first_not_of(' ') == std::string::npos) return;
  std::vector<Written> written;
  for (const auto& e : decl->conditions) collectWritten(e.get(), p_, written);
  collectWritten(decl->pay.get(), p_, written);
  collectWritten(decl->cap.get(), p_, written);
  collectWritten(decl->quota.get(), p_, written);
  for (const auto& e : decl->installments) collectWritten(e.get(), p_, written);
  if (written.empty()) return;

  const std::vector<QuotedNumber> own = quotedNumbers(text, p_.baseUnits);
  // The article's 原文 and the 释义, read only when the clause's own text lacks a number.
  std::optional<std::vector<QuotedNumber>> wider;
  const std::string articleText = info.article ? joined(info.article->text) : "";
  auto widerNumbers = [&]() -> const std::vector<QuotedNumber>& {
    if (!wider) {
      wider = quotedNumbers(articleText, p_.baseUnits);
      std::string notes = joined(decl->notes);
      if (info.article) notes += " " + joined(info.article->notes);
      auto more = quotedNumbers(notes, p_.baseUnits);
      wider->insert(wider->end(), more.begin(), more.end());
    }
    return *wider;
  };
  auto found = [](const Written& w, const std::vector<QuotedNumber>& in) {
    return std::any_of(in.begin(), in.end(), [&](const QuotedNumber& q) { return sameNumber(w, q); });
  };

  std::vector<std::pair<std::string, std::string>> reported;
  for (const Written& w : written) {
    if (found(w, own) || found(w, widerNumbers())) continue;
    std::pair<std::string, std::string> key{w.value.toString(), w.unit};
    if (std::find(reported.begin(), reported.end(), key) != reported.end()) continue;
    reported.push_back(key);
    Finding& f = add(FindingKind::QuoteNumber, c,
                     fmt::format("{} writes `{}`, a number its 原文 does not state in any unit", cite(c), w.text));
    f.span = w.span;
    f.notes.clear();
    f.notes.push_back(DiagNote{span(c), fmt::format("{} {} states {}", cite(c), quote(c), listed(own))});
    if (!articleText.empty())
      f.notes.push_back(DiagNote{info.article->headerSpan,
                                 fmt::format("its article's 原文「{}」 states {}", articleText,
                                             listed(quotedNumbers(articleText, p_.baseUnits)))});
    f.help.push_back(fmt::format(
        "if `{}` is derived on purpose (a rate split in two, a sum, a date), state it in the clause's 释义: "
        "a number its 释义 states is accepted",
        w.text));
  }
}

}  // namespace polc::check
