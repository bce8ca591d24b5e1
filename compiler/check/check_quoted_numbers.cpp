// Numbers a clause's code writes that its 原文 does not state (W0639): the most common slip of an
// encoding — `设备投入 × 3%` under a text saying 千分之三, `上限 50万元` under 最高不超过500万元, a threshold
// copied from the next sentence — passes every other check and pays every applicant wrongly. Each
// number of the code (written_numbers.h) is looked for, by value and dimension, among the numbers of
// the 原文 it quotes (quoted_numbers.h), then of the 原文 around it (a paragraph's lead sentence often
// states the condition), then of the 释义, where a writer states a number derived on purpose (a rate
// split in two). A clause quotes its own 原文, then its article's; a document's 申报条件 and 资金分担,
// which every clause of the document meets, quote the document's, the 资金分担 its own first.
#include <optional>
#include <set>
#include <string>
#include <tuple>

#include <fmt/format.h>

#include "check/checker.h"
#include "check/quote_roles.h"
#include "check/quoted_numbers.h"

namespace polc::check {

namespace {

bool money(const std::string& unit) { return unit.find("元") != std::string::npos; }

// Same value, same dimension. A plain number, a rate (also per year: `3.70%/年`) and a count meet a
// text number of any unit but money, as the text words a count its own way (`20个项目`, `三年`).
//
// A number whose unit the sentence implies (`给予50万奖励`) meets one of any unit, money too: read as
// 500000, it can only meet a code number of that exact value. A false match needs one sentence that
// writes a count of ten thousand or more without its measure word (`企业法人20万`) and whose code pays
// that same value as money; a measure word (`20万件`) or a declared unit (`50万吨`) after the scale
// makes it a count, read as such, and a 原文 quotes one sentence of awards, which words its counts.
bool sameNumber(const WrittenNumber& w, const QuotedNumber& q) {
  if (w.value != q.value) return false;
  if (w.unit == q.unit || q.unitImplied) return true;
  const bool loose = w.unit.empty() || w.unit[0] == '/' || q.unit.empty();
  return loose && !money(w.unit) && !money(q.unit);
}

// An amount of money as code writes it, in the largest of 亿元, 万元, 元 it reaches: `1000万元`,
// `1.5亿元`; the text may write it with a space or in Chinese numerals, which code does not take.
std::string moneyCode(polrt::Decimal v) {
  static constexpr std::tuple<int, int64_t, const char*> kScales[] = {{8, 100000000, "亿元"}, {4, 10000, "万元"}};
  for (const auto& [exp, one, unit] : kScales) {
    polrt::Decimal scaled;
    if (v.abs() >= polrt::Decimal::fromInt(one) && polrt::shift(v, -exp, scaled) == polrt::ArithError::None)
      return scaled.normalized().toString() + unit;
  }
  return v.normalized().toString() + "元";
}

// `超 1000元` for the text's `超过1000万元`: the text's amount with its 万 or 亿 left out (or one
// added). The writer copied the number and slipped on the scale, so the help names the text's amount
// and how far the code's is from it.
std::optional<std::string> scaleSlip(const WrittenNumber& w, const std::vector<QuotedNumber>& quoted) {
  if (w.value.isZero() || !w.ratio.empty() || !money(w.unit)) return std::nullopt;
  static constexpr std::pair<int, const char*> kFactors[] = {
      {4, "a ten-thousandth of it"}, {8, "a hundred-millionth of it"}, {-4, "10 000 times it"}, {-8, "100 000 000 times it"}};
  for (const QuotedNumber& q : quoted) {
    if (w.unit != q.unit && !q.unitImplied) continue;
    for (const auto& [exp, words] : kFactors) {
      polrt::Decimal scaled;
      if (polrt::shift(w.value, exp, scaled) == polrt::ArithError::None && scaled == q.value)
        return fmt::format("did you mean `{}`, as the 原文 states it (`{}`)? `{}` is {}: a 万 or 亿 left out or added",
                           moneyCode(q.value), q.text, w.text, words);
    }
  }
  return std::nullopt;
}

std::string joined(const std::vector<ast::Text>& texts) {
  std::string out;
  for (const auto& t : texts) out += t.value;
  return out;
}

// The first piece's place, for a note about texts of several pieces.
Span firstSpan(const std::vector<ast::Text>& texts) { return texts.empty() ? Span{} : texts.front().span; }

std::string listed(const std::vector<QuotedNumber>& numbers) {
  std::string out;
  for (const auto& q : numbers) out += (out.empty() ? "" : ", ") + q.text;
  return out.empty() ? "no number" : out;
}

bool blank(const std::string& s) { return s.find_first_not_of(' ') == std::string::npos; }

}  // namespace

void Checker::numbersAgainstQuote(int c) {
  const auto& info = m_.clauses[static_cast<std::size_t>(c)];
  const ast::Clause* decl = info.decl;
  QuoteSource q;
  q.clause = c;
  q.who = cite(c);
  q.own = joined(decl ? decl->text : std::vector<ast::Text>{});
  // A clause without 原文 has nothing to compare (the front end reports it, E0401).
  if (blank(q.own)) return;
  q.ownSpan = span(c);
  if (info.article) {
    q.wider = joined(info.article->text);
    q.widerSpan = info.article->headerSpan;
  }
  q.widerName = "its article's 原文";
  q.notes = joined(decl->notes) + (info.article ? " " + joined(info.article->notes) : "");
  q.notesName = "the clause's 释义";
  std::vector<WrittenNumber> written;
  for (const auto& e : decl->conditions) writtenNumbers(e.get(), p_, 0, written);
  writtenNumbers(decl->pay.get(), p_, kAmount, written);
  writtenNumbers(decl->cap.get(), p_, kCap, written);
  writtenNumbers(decl->quota.get(), p_, 0, written);
  for (const auto& e : decl->installments) writtenNumbers(e.get(), p_, 0, written);
  numbersAgainst(q, written);
}

// A document's 申报条件 and each of its 资金分担 blocks: numbers every clause of the document meets
// (a 规上 threshold of revenue, the city's 15 %), quoted from the document's own 原文 or from the
// chapters that state its general rules (注意事项, 附则), as the clauses' are from theirs.
void Checker::documentNumbersAgainstQuote(int d) {
  const ast::DocumentDecl* doc = m_.documents[static_cast<std::size_t>(d)].decl;
  if (!doc) return;
  const std::string name = m_.documents[static_cast<std::size_t>(d)].displayNumber;
  std::string chapters;
  Span chaptersSpan;
  auto addChapter = [&](const std::vector<ast::Text>& text) {
    if (!chaptersSpan.valid()) chaptersSpan = firstSpan(text);
    chapters += joined(text);
  };
  for (const auto& ch : doc->chapters) addChapter(ch.text);
  for (const auto& a : doc->articles)
    if (a.clauses.empty()) addChapter(a.text);
  const std::string header = joined(doc->text) + (doc->applies ? " " + doc->applies->value : "");

  QuoteSource eligible;
  eligible.who = name + "'s 申报条件";
  eligible.own = header;
  eligible.ownSpan = firstSpan(doc->text);
  eligible.wider = chapters;
  eligible.widerSpan = chaptersSpan;
  eligible.widerName = "its chapters' 原文";
  eligible.notes = joined(doc->notes);
  eligible.notesName = "the document's 说明";
  std::vector<WrittenNumber> written;
  for (const auto& e : doc->eligible) writtenNumbers(e.get(), p_, 0, written);
  if (!blank(header + chapters)) numbersAgainst(eligible, written);

  for (const auto& f : doc->funding) {
    QuoteSource q;
    q.who = name + "'s 资金分担";
    q.own = joined(f.text);
    q.ownSpan = f.span;
    q.wider = header + chapters;
    q.widerSpan = doc->text.empty() ? chaptersSpan : firstSpan(doc->text);
    q.widerName = "its document's 原文";
    q.notes = joined(f.notes) + " " + joined(doc->notes);
    q.notesName = "the 资金分担's 说明";
    if (blank(q.own + q.wider)) continue;
    written.clear();
    for (const auto& rule : f.rules) {
      writtenNumbers(rule.condition.get(), p_, 0, written);
      for (const auto& s : rule.shares) writtenNumbers(s.amount.get(), p_, 0, written);
      if (!rule.ratio.empty()) ratioNumber(rule.ratio, rule.ratioSpan, written);
    }
    numbersAgainst(q, written);
  }
}

void Checker::numbersAgainst(const QuoteSource& src, const std::vector<WrittenNumber>& written) {
  if (written.empty()) return;
  const std::vector<QuotedNumber> own = quotedNumbers(src.own, p_.baseUnits);
  // The wider 原文 and the 释义, read only when the block's own text does not settle a number.
  std::optional<std::vector<QuotedNumber>> around, notes;
  auto aroundNumbers = [&]() -> const std::vector<QuotedNumber>& {
    if (!around) around = quotedNumbers(src.wider, p_.baseUnits);
    return *around;
  };
  auto noteNumbers = [&]() -> const std::vector<QuotedNumber>& {
    if (!notes) notes = quotedNumbers(src.notes, p_.baseUnits);
    return *notes;
  };
  auto found = [](const WrittenNumber& w, const std::vector<QuotedNumber>& in) {
    return std::any_of(in.begin(), in.end(), [&](const QuotedNumber& q) { return sameNumber(w, q); });
  };
  // A ratio is stated as one, in any proportion equal to it: `1:1` for `5:5`.
  auto ratioStated = [&](const WrittenNumber& w) {
    for (const std::string* text : {&src.own, &src.wider, &src.notes})
      for (const auto& r : quotedRatios(*text))
        if (sameRatio(w.ratio, r)) return true;
    return false;
  };

  std::set<std::tuple<std::string, std::string, bool>> reported;  // value, unit, misplaced
  auto once = [&](const WrittenNumber& w, bool misplaced) {
    return reported.insert({w.ratio.empty() ? w.value.toString() : w.text, w.unit, misplaced}).second;
  };
  for (const WrittenNumber& w : written) {
    const bool stated = w.ratio.empty() ? found(w, own) || found(w, aroundNumbers()) || found(w, noteNumbers())
                                        : ratioStated(w);
    if (!stated) {
      if (once(w, false)) unstatedNumber(src, w, own);
      continue;
    }
    // Stated, but only where the sentence makes it another thing (W0642); a 释义 that states it, or
    // the article's 原文 stating it in the code's role or in words of no known role, settles it.
    const QuotedNumber* other = otherRoleOnly(w, own);
    if (other && !inRole(w, aroundNumbers()) && !found(w, noteNumbers()) && once(w, true))
      misplacedNumber(src, w, *other);
  }
}

const QuotedNumber* Checker::otherRoleOnly(const WrittenNumber& w, const std::vector<QuotedNumber>& in) {
  if (!w.roles || !w.ratio.empty()) return nullptr;
  const QuotedNumber* other = nullptr;
  for (const QuotedNumber& q : in) {
    if (!sameNumber(w, q)) continue;
    if (!q.roles || (q.roles & w.roles)) return nullptr;
    other = other ? other : &q;
  }
  return other;
}

bool Checker::inRole(const WrittenNumber& w, const std::vector<QuotedNumber>& in) {
  return std::any_of(in.begin(), in.end(),
                     [&](const QuotedNumber& q) { return sameNumber(w, q) && (!q.roles || (q.roles & w.roles)); });
}

void Checker::unstatedNumber(const QuoteSource& src, const WrittenNumber& w, const std::vector<QuotedNumber>& own) {
  Finding& f = add(FindingKind::QuoteNumber, src.clause,
                   fmt::format("{} writes `{}`, a number its 原文 does not state in any unit", src.who, w.text));
  f.span = w.span;
  f.notes.clear();
  if (!blank(src.own))
    f.notes.push_back(DiagNote{src.ownSpan, fmt::format("{} 原文「{}」 states {}", src.who, src.own, listed(own))});
  if (!blank(src.wider))
    f.notes.push_back(DiagNote{src.widerSpan, fmt::format("{}「{}」 states {}", src.widerName, src.wider,
                                                          listed(quotedNumbers(src.wider, p_.baseUnits)))});
  if (auto slip = scaleSlip(w, own)) f.help.push_back(*slip);
  f.help.push_back(fmt::format(
      "if `{}` is derived on purpose (a rate split in two, a sum, a date), state it in {}: a number its {} "
      "states is accepted",
      w.text, src.notesName, src.notesName.substr(src.notesName.rfind(' ') + 1)));
}

void Checker::misplacedNumber(const QuoteSource& src, const WrittenNumber& w, const QuotedNumber& q) {
  Finding& f = add(FindingKind::QuoteNumberRole, src.clause,
                   fmt::format("{} uses `{}` as {}, but its 原文 states `{}` only as {}", src.who, w.text,
                               roleName(w.roles), q.text, roleName(q.roles)));
  f.span = w.span;
  f.notes.clear();
  f.notes.push_back(DiagNote{src.ownSpan, fmt::format("{} 原文「{}」", src.who, src.own)});
  f.help.push_back(fmt::format(
      "a threshold and a cap (or the amount paid) of one sentence swapped? If `{}` is right where it is, say why "
      "in {}: a number its {} states is accepted",
      w.text, src.notesName, src.notesName.substr(src.notesName.rfind(' ') + 1)));
}

}  // namespace polc::check
