#include "syntax/syntax_errors.h"

#include <algorithm>
#include <optional>
#include <regex>

#include <fmt/format.h>

#include "PolcLexer.h"
#include "PolcParser.h"
#include "support/chinese_numerals.h"
#include "support/diag_codes.h"
#include "support/name_brackets.h"
#include "support/source.h"
#include "support/suggest.h"
#include "syntax/previous_token.h"
#include "syntax/split_name.h"
#include "syntax/text_phrase_hints.h"
#include "syntax/token_names.h"
#include "syntax/unclosed_block.h"

namespace polc {
namespace {

// ANTLR's recovery can report many errors for one slip; beyond this the rest are noise.
constexpr std::size_t kMaxSyntaxErrorsPerFile = 25;
constexpr std::size_t kMaxExpectedShown = 8;

std::string describeToken(const antlr4::Token* t) {
  if (t->getType() == antlr4::Token::EOF) return "end of file";
  return "`" + t->getText() + "`";
}

Span tokenSpan(FileId file, const antlr4::Token* t) {
  if (t->getType() == antlr4::Token::EOF) {
    auto at = static_cast<std::uint32_t>(t->getStartIndex());
    return Span{file, at, at};
  }
  return Span{file, static_cast<std::uint32_t>(t->getStartIndex()),
              static_cast<std::uint32_t>(t->getStopIndex() + 1)};
}

antlr4::misc::IntervalSet expectedTokens(antlr4::Parser* parser) {
  try {
    return parser->getExpectedTokens();
  } catch (...) {
    return {};
  }
}

std::string expectedList(const antlr4::misc::IntervalSet& expected, const antlr4::dfa::Vocabulary& vocabulary) {
  std::vector<std::string> names;
  // A block left open is the commonest slip, and its `}` would otherwise hide among "or N more".
  if (expected.contains(static_cast<size_t>(gen::PolcLexer::RBRACE)))
    names.push_back(describeTokenType(gen::PolcLexer::RBRACE, vocabulary));
  for (auto type : expected.toList()) {
    if (type < 0 || type == static_cast<ssize_t>(gen::PolcLexer::RBRACE)) continue;
    // IDENT and BACKTICK_IDENT are both "a name": say it once.
    std::string name = describeTokenType(static_cast<std::size_t>(type), vocabulary);
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
  }
  if (names.empty()) return {};
  std::string out;
  std::size_t shown = std::min(names.size(), kMaxExpectedShown);
  for (std::size_t i = 0; i < shown; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > shown) out += fmt::format(" or {} more", names.size() - shown);
  return out;
}

// `１００万元`, `＞`: a full-width form (U+FF01..U+FF5E) of an ASCII character, typed with a Chinese
// input method. Its ASCII twin, which is what the language wants.
std::optional<char> asciiTwin(const std::string& text) {
  if (findInvalidUtf8(text) != std::string::npos) return std::nullopt;
  std::u32string u = decodeUtf8(text);
  if (u.size() != 1 || u[0] < 0xFF01 || u[0] > 0xFF5E) return std::nullopt;
  return static_cast<char>(u[0] - 0xFEE0);
}

// `＞＝`, `１００`: the run of full-width forms that starts at `offending`, and its ASCII twin, so
// that the hint gives `>=` at once rather than `>` and, after that fix, `=`.
std::optional<std::pair<std::string, std::string>> fullWidthRun(const antlr4::Token* offending) {
  auto first = asciiTwin(offending->getText());
  if (!first) return std::nullopt;
  std::pair<std::string, std::string> run{offending->getText(), std::string(1, *first)};
  antlr4::CharStream* input = offending->getInputStream();
  for (std::size_t i = offending->getStopIndex() + 1; input && i < input->size(); ++i) {
    std::string next = input->getText(antlr4::misc::Interval(i, i));
    // ，；： are punctuation and （） name characters as they are (language.md §2.2, §2.7).
    static const std::string kAccepted[] = {"，", "；", "：", "（", "）"};
    auto twin = asciiTwin(next);
    if (!twin || std::find(std::begin(kAccepted), std::end(kAccepted), next) != std::end(kAccepted)) break;
    run.first += next;
    run.second += *twin;
  }
  return run;
}

// `常办发[2022]1号`: a document number typed with ASCII brackets for the 〔 〕 of its text. The
// whole word around `offending` with its brackets so replaced, if it holds both.
std::optional<std::string> documentNumberBrackets(const antlr4::Token* offending) {
  antlr4::CharStream* in = offending->getInputStream();
  if (!in) return std::nullopt;
  const auto blank = [&](std::size_t i) {
    const std::string c = in->getText(antlr4::misc::Interval(i, i));
    return c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\"";
  };
  std::size_t first = offending->getStartIndex(), last = offending->getStopIndex();
  while (first > 0 && !blank(first - 1)) --first;
  while (last + 1 < in->size() && !blank(last + 1)) ++last;
  std::string word = in->getText(antlr4::misc::Interval(first, last));
  if (word.find('[') == std::string::npos || word.find(']') == std::string::npos) return std::nullopt;
  std::string out;
  for (char c : word) out += c == '[' ? "〔" : c == ']' ? "〕" : std::string(1, c);
  return out;
}

// A no-break or zero-width space (U+00A0, U+200B…), brought in by text copied from a web page or
// a word processor, shows as nothing between the backquotes: name it by its code point.
std::optional<std::string> invisibleCharacter(const std::string& text) {
  if (findInvalidUtf8(text) != std::string::npos) return std::nullopt;
  std::u32string u = decodeUtf8(text);
  if (u.size() != 1) return std::nullopt;
  const char32_t c = u[0];
  const bool space = c == 0xA0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F;
  const bool zeroWidth = (c >= 0x200B && c <= 0x200F) || (c >= 0x2060 && c <= 0x2064) || c == 0xFEFF || c == 0xAD;
  if (!space && !zeroWidth && c >= 0x20 && c != 0x7F) return std::nullopt;
  return fmt::format("it is U+{:04X}, {} (often copied from a web page or a word processor); {}",
                     static_cast<std::uint32_t>(c), space ? "a space the language does not read as one" : "an invisible character",
                     space ? "write an ordinary space" : "delete it");
}

// A misspelt keyword (给与, 对像, 上线) lexes as a name; the list of what was expected often cuts off
// before the keyword meant, so name the expected keyword closest to it.
std::optional<std::string> closestExpectedKeyword(const std::string& word, const antlr4::misc::IntervalSet& expected,
                                                  const antlr4::dfa::Vocabulary& vocabulary) {
  std::vector<std::string> candidates;
  for (auto type : expected.toList()) {
    if (type < 0) continue;
    for (auto& s : keywordSpellings(static_cast<std::size_t>(type), vocabulary)) candidates.push_back(std::move(s));
  }
  return closestName(word, candidates);
}

// Whether `name` is one slip away from some keyword but not from `expected`: then the keyword one
// slip away is the likelier meaning — unless `expected` is one edit away too (`条例` for `条`, a
// character added), for it is the keyword that fits here; `cap` is only near `caped` by containing
// it, and `capped` was meant.
bool slipOfAnotherKeyword(const std::string& name, const std::string& expected) {
  auto kws = keywordsOneCharAway(name);
  if (!kws || kws->find("`" + expected + "`") != std::string::npos) return false;
  return editDistance(decodeUtf8(name), decodeUtf8(expected)) > 1;
}

// Whether a token of this type begins an item of a document's body, never a top-level declaration.
bool isDocumentItem(std::size_t type) {
  using L = gen::PolcLexer;
  switch (type) {
    case L::CHAPTER: case L::ARTICLE: case L::CLAUSE: case L::NONSTACKING: case L::FUNDING: case L::ELIGIBLE:
    case L::TEXT: case L::DOCNUMBER: case L::TITLE: case L::ISSUER: case L::ISSUED: case L::APPLIES:
    case L::EFFECTIVE: case L::INTERPRETER: case L::ROUNDING:
      return true;
    default: return false;
  }
}

// Whether a token of this type begins an item of a block around a block: where it is unexpected and
// a `}` could stand, that `}` is likely the one missing.
bool beginsOuterItem(std::size_t type) {
  using L = gen::PolcLexer;
  switch (type) {
    case antlr4::Token::EOF: case L::DOCUMENT: case L::ENUM: case L::SUBJECT: case L::UNIT: case L::SET:
    case L::PARAMETER:
      return true;
    default: return isDocumentItem(type);
  }
}

// Points the diagnostic `d` at the block whose `}` is missing, when the error at `offending` is
// where an enclosing block goes on (row 24 of docs/diagnostics-qa.md).
void nameUnclosedBlock(Diagnostic& d, FileId file, antlr4::Parser* parser, const antlr4::Token* offending) {
  auto open = unclosedBlock(parser, offending);
  if (!open) return;
  const auto blockName = [](const UnclosedBlock& b) { return b.keyword.empty() ? std::string("`{`") : b.keyword; };
  const auto blockSpan = [file](const UnclosedBlock& b) {
    return Span{file, static_cast<std::uint32_t>(b.first->getStartIndex()), static_cast<std::uint32_t>(b.brace->getStopIndex() + 1)};
  };
  const std::string what = blockName(*open);
  const Span at = blockSpan(*open);
  const std::size_t line = open->first->getLine();
  // Several blocks open at the end of the file: each one is named, the innermost first, so that
  // the writer sees every `}` missing at once, not one a run.
  if (!open->around.empty()) {
    std::string list = fmt::format("the {} of line {}", what, line);
    d.notes.push_back(DiagNote{at, fmt::format("this {} is not closed", what)});
    for (const UnclosedBlock& b : open->around) {
      d.notes.push_back(DiagNote{blockSpan(b), fmt::format("this {} is not closed either", blockName(b))});
      list += fmt::format("{} the {} of line {}", &b == &open->around.back() ? " and" : ",", blockName(b), b.first->getLine());
    }
    d.help.push_back(fmt::format("add {} `}}` at the end of the file, one for each block left open: {}", open->around.size() + 1, list));
    return;
  }
  if (open->misplaced) {
    const std::size_t close = open->misplaced->getLine();
    d.notes.push_back(DiagNote{at, fmt::format("this {} is not closed (the `}}` on line {}, indented as the block "
                                               "around it, closes it instead)", what, close)});
    d.help.push_back(fmt::format("add a `}}` before line {} to close the {} of line {}", close, what, line));
    return;
  }
  d.notes.push_back(DiagNote{at, fmt::format("this {} is not closed", what)});
  d.help.push_back(offending->getType() == antlr4::Token::EOF
                       ? fmt::format("add a `}}` at the end of the file to close the {} of line {}", what, line)
                       : fmt::format("add a `}}` before line {} to close the {} of line {}", offending->getLine(), what,
                                     line));
}

// `5000 万元`: the unit was written apart from its number, so it lexes as a name of its own. The
// number written just before it on the same line, without a unit, if that is what happened.
std::optional<std::string> numberBeforeOnSameLine(const Previous& p) {
  if (!p.token || p.newLine || p.token->getType() != gen::PolcLexer::QUANTITY) return std::nullopt;
  const std::string text = p.token->getText();
  if (text.find_first_not_of("0123456789.") != std::string::npos) return std::nullopt;
  return text;
}

// `2025年1月1日`, `2025/1/1`, `2025.01.01`, `2025-1-1`, `2025年底` or `2025年6月底` where a date is
// expected — the ways a date is written in texts and spreadsheets, which lex as numbers, slashes
// and units — read from the source at the token: the help giving the date it means, 2025-01-01
// (both ends of the month for a month alone, `2025年6月`), after the date as written; or nullopt
// when the text there is not such a date.
std::optional<std::pair<std::string, std::string>> writtenDateHelp(const antlr4::Token* t) {
  antlr4::CharStream* in = t->getInputStream();
  if (!in || t->getStartIndex() >= in->size()) return std::nullopt;
  const std::size_t end = std::min(in->size() - 1, t->getStartIndex() + 16);
  static const std::regex pattern(
      "^([0-9]{4})(?:年([0-9]{1,2})月([0-9]{1,2})日|[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})|年(底|末|初)|"
      "年([0-9]{1,2})月(底|末|初)?)");
  std::smatch m;
  const std::string text = in->getText(antlr4::misc::Interval(t->getStartIndex(), end));
  if (!std::regex_search(text, m, pattern)) return std::nullopt;
  const std::string said = "a date is written YYYY-MM-DD: ", written = m.str(0);
  // `至 2025年底`: the text's end (or start, 年初) of a year.
  if (m[6].matched) return std::make_pair(written, fmt::format("{}`{}{}`", said, m.str(1), m.str(6) == "初" ? "-01-01" : "-12-31"));
  // `至 2025年6月底`: the text's end (or start, 月初) of a month, or a month alone.
  if (m[7].matched) {
    const int year = std::stoi(m.str(1)), month = std::stoi(m.str(7));
    if (month < 1 || month > 12) return std::nullopt;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int days[] = {31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const std::string first = fmt::format("{}-{:02}-01", year, month), last = fmt::format("{}-{:02}-{}", year, month, days[month - 1]);
    if (!m[8].matched)
      return std::make_pair(written, fmt::format("{}`{}` for its first day, `{}` for its last", said, first, last));
    return std::make_pair(written, fmt::format("{}`{}`", said, m.str(8) == "初" ? first : last));
  }
  const bool chinese = m[2].matched;
  return std::make_pair(written, fmt::format("{}`{}-{:0>2}-{:0>2}`", said, m.str(1), m.str(chinese ? 2 : 4), m.str(chinese ? 3 : 5)));
}

// `{ 10:5万元 }`: digits, a colon and digits are a ratio (language.md §2.4), so an entry of a table
// keyed by a plain number needs a space after its colon. The ratio glued to `offending`, if any.
std::optional<std::string> ratioGluedBefore(const Previous& p) {
  if (!p.token || !p.adjacent || p.token->getType() != gen::PolcLexer::RATIO) return std::nullopt;
  return p.token->getText();
}

// `1000元至4000元`: 至 is a Chinese character, so it lexes as the end of the first number's unit
// (language.md §2.3) and the error falls on the second number. The first, split at its 至, if so.
std::optional<std::pair<std::string, std::string>> rangeGluedBefore(const Previous& p) {
  static const std::string kTo = "至";
  if (!p.token || p.token->getType() != gen::PolcLexer::QUANTITY) return std::nullopt;
  const std::string text = p.token->getText();
  if (text.size() <= kTo.size() || text.compare(text.size() - kTo.size(), kTo.size(), kTo) != 0) return std::nullopt;
  return std::make_pair(text, text.substr(0, text.size() - kTo.size()));
}

// `第1条第1款第2` with its last 项 (or 款, 条) left out is no citation but a name (a name may begin
// with 第), and the error falls on the token after it. The citation it was meant to be, if so.
std::optional<std::string> truncatedCitation(const std::string& text) {
  static const std::regex pattern("^第[0-9]+(条第[0-9]+(款第[0-9]+)?)?$");
  std::smatch m;
  if (!std::regex_match(text, m, pattern)) return std::nullopt;
  return text + (m[2].matched ? "项" : m[1].matched ? "款" : "条");
}

// `名额 20 每月`: a quota counts each year or the whole term (language.md §6.6), and any other
// period after its number reads as a name. Whether `p`, the token before the error, is that number.
bool quotaNumber(antlr4::Parser* parser, const Previous& p) {
  if (!p.token || p.newLine || p.token->getType() != gen::PolcLexer::QUANTITY) return false;
  const Previous q = previousToken(parser, p.token);
  return q.token && q.token->getType() == gen::PolcLexer::QUOTA;
}

// `省级首台(套)重大装备`, `首台(套)`: the full-width brackets of a name (name characters,
// language.md §2.2) typed as ASCII ones, which split it into a name, a bracketed name and maybe a
// name. The error falls on the last part, or on the `(` where no call can stand (an enum's
// members). The name meant, with its （ ）, when `offending` is so placed in such a run.
std::optional<std::string> nameWithAsciiBrackets(antlr4::Parser* parser, const antlr4::Token* offending) {
  using L = gen::PolcLexer;
  auto* tokens = parser->getTokenStream();
  const auto run = nameAndBracketRun(parser, offending);
  if (!run) return std::nullopt;
  const auto [first, last] = *run;
  const std::size_t at = offending->getTokenIndex();
  std::vector<std::size_t> types;
  std::string name;
  for (std::size_t i = first; i <= last; ++i) {
    const std::string text = tokens->get(i)->getText();
    types.push_back(tokens->get(i)->getType());
    name += text == "(" ? "（" : text == ")" ? "）" : text;
  }
  // A name, then one or more bracketed names, each maybe followed by more of the name:
  // `研发费用(加计扣除)(上年)` has two pairs.
  std::size_t k = 1, pairs = 0;
  while (!types.empty() && types[0] == L::IDENT && k + 2 < types.size() && types[k] == L::LPAREN &&
         types[k + 1] == L::IDENT && types[k + 2] == L::RPAREN) {
    k += 3;
    ++pairs;
    if (k < types.size() && types[k] == L::IDENT) ++k;
  }
  const std::string& head = tokens->get(first)->getText();
  // A call such as `max(a)` is ASCII; a Chinese name before the bracket is a name's first part.
  if (pairs == 0 || k != types.size() || static_cast<unsigned char>(head.back()) < 0x80) return std::nullopt;
  if (at == last || offending->getType() == L::LPAREN) return name;
  return std::nullopt;
}

// Where the word `t` begins ends, as written up to the next blank: `至2025-12-31` lexes as `至2025`
// and more.
std::size_t wordEnd(const antlr4::Token* t) {
  antlr4::CharStream* in = t->getInputStream();
  std::size_t last = t->getStopIndex();
  while (in && last + 1 < in->size()) {
    const std::string c = in->getText(antlr4::misc::Interval(last + 1, last + 1));
    if (c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\"" || c == "\u3000") break;
    ++last;
  }
  return last;
}
std::string wordFrom(const antlr4::Token* t) {
  antlr4::CharStream* in = t->getInputStream();
  return in ? in->getText(antlr4::misc::Interval(t->getStartIndex(), wordEnd(t))) : t->getText();
}

// `营业收入超 100万元`, `100万元且 制造业`, `10%封顶 30万元`: a keyword glued to the end of the name or
// number before `offending` is part of it, and the error falls on what follows. That token and the
// keyword, when so.
std::optional<std::pair<std::string, std::string>> keywordGluedBefore(const Previous& p) {
  using L = gen::PolcLexer;
  if (!p.token || p.newLine || (p.token->getType() != L::IDENT && p.token->getType() != L::QUANTITY)) return std::nullopt;
  const std::string text = p.token->getText();
  // A citation's 条, 款 and 项 (`第二条第一款`) are its own; a help names it.
  if (text.rfind("第", 0) == 0) return std::nullopt;
  auto kw = trailingKeyword(text);
  if (!kw) return std::nullopt;
  return std::make_pair(text, *kw);
}

// Whether `name` is written as a name anywhere in the file being parsed (its declaration, another
// use): the rest of the file is lexed for it.
bool nameInFile(antlr4::Parser* parser, const std::string& name) {
  auto* tokens = dynamic_cast<antlr4::BufferedTokenStream*>(parser->getTokenStream());
  if (!tokens) return false;
  tokens->fill();
  for (const antlr4::Token* t : tokens->getTokens())
    if (t->getType() == gen::PolcLexer::IDENT && t->getText() == name) return true;
  return false;
}

bool isSlip(const antlr4::Token* x) {
  return x && x->getType() == gen::PolcLexer::IDENT && keywordsOneCharAway(x->getText());
}

// `{ 5000万元: upto 营业收入; … }`: a table's entries need no separator, so a mistyped keyword that
// ends an entry's value (`upto`, read as a name, is a whole value) makes what follows it the key of
// another entry, and the error falls where that entry's `:` is missing: at the `;` two tokens on,
// or a line further down. Likewise a slip after a value (`x × 10% caped`) that a line break
// parts from what it was meant to take: it is the key. The slip, when the error is in the key of
// an entry (its `:` not yet read) that begins with one or whose token before it is one.
const antlr4::Token* slipBeforeEntry(antlr4::Parser* parser) {
  using P = gen::PolcParser;
  for (antlr4::RuleContext* ctx = parser->getContext(); ctx; ctx = dynamic_cast<antlr4::RuleContext*>(ctx->parent)) {
    const std::size_t rule = ctx->getRuleIndex();
    if (rule == P::RuleExpr || rule == P::RulePrimary) continue;
    if (rule != P::RuleTierEntry && rule != P::RuleCaseEntry) return nullptr;
    for (antlr4::tree::ParseTree* child : ctx->children)
      if (auto* t = dynamic_cast<antlr4::tree::TerminalNode*>(child); t && t->getSymbol()->getType() == gen::PolcLexer::COLON)
        return nullptr;
    const antlr4::Token* start = static_cast<antlr4::ParserRuleContext*>(ctx)->getStart();
    if (isSlip(start)) return start;
    const Previous p = previousToken(parser, start);
    return isSlip(p.token) ? p.token : nullptr;
  }
  return nullptr;
}

// A slip at `t` or just before it on the same line: the diagnostic at `t` names it.
bool slipAt(antlr4::Parser* parser, const antlr4::Token* t) {
  if (isSlip(t)) return true;
  const Previous p = previousToken(parser, t);
  return !p.newLine && isSlip(p.token);
}

}  // namespace

bool mistypedKeywordAt(antlr4::Parser* parser, const antlr4::Token* t) {
  return slipAt(parser, t) || slipBeforeEntry(parser);
}

void SyntaxErrorListener::syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending,
                                      size_t, size_t, const std::string& msg, std::exception_ptr) {
  auto* parser = dynamic_cast<antlr4::Parser*>(recognizer);
  if (!parser || !offending) return;  // the lexer never fails: ERRCHAR catches every stray char
  // Recovery may report the same token twice; one diagnostic per place is enough.
  if (offending->getStartIndex() == lastOffset_) return;
  lastOffset_ = offending->getStartIndex();
  if (++count_ > kMaxSyntaxErrorsPerFile) {
    if (count_ == kMaxSyntaxErrorsPerFile + 1)
      diags_.error(diag::kTooManySyntaxErrors, tokenSpan(file_, offending),
                   "too many syntax errors in this file; stopping here");
    return;
  }

  Span span = tokenSpan(file_, offending);
  const antlr4::misc::IntervalSet expectedSet = expectedTokens(parser);
  std::string expected = expectedList(expectedSet, parser->getVocabulary());
  const std::string text = offending->getText();
  // `改造\uFEFF投资`: the writer sees one name; say which invisible character splits it, there.
  if (auto split = splitName(parser, offending)) {
    // The caret goes under the whole name as written, which is what the writer looks for; the
    // label says where in it the character stands, since it shows as nothing (or as a space).
    const Span whole{file_, static_cast<std::uint32_t>(split->before->getStartIndex()),
                     static_cast<std::uint32_t>(split->after->getStopIndex() + 1)};
    auto& d = diags_.error(diag::kInvalidCharacter, whole, fmt::format("{} splits `{}` here", split->what, split->name));
    d.label = fmt::format("between `{}` and `{}`", split->before->getText(), split->after->getText());
    d.help.push_back(fmt::format("delete it: `{}`", split->name));
    return;
  }
  // The text's own wording (`其他: 市和辖区各承担一半`, `项目实际付款额的 30%`): the phrase, whole.
  if (auto phrase = textPhraseSlip(parser, offending)) {
    const Span whole{file_, static_cast<std::uint32_t>(phrase->first->getStartIndex()),
                     static_cast<std::uint32_t>(phrase->last->getStopIndex() + 1)};
    auto& d = diags_.error(diag::kUnexpectedToken, whole, phrase->message);
    d.label = phrase->label;
    d.help.push_back(phrase->help);
    return;
  }
  if (offending->getType() == gen::PolcLexer::ERRCHAR) {
    if (text == "\"") {
      auto& d = diags_.error(diag::kUnterminatedString, span, "unterminated string");
      d.help.push_back("a string ends with `\"` on the same line; write \\\" for a quote inside it");
      return;
    }
    auto& d = diags_.error(diag::kInvalidCharacter, span,
                           fmt::format("invalid character `{}`", text));
    if (text == "`")
      d.help.push_back("a back-quoted name ends with ` on the same line");
    else if (auto invisible = invisibleCharacter(text))
      d.help.push_back(*invisible);
    else if (auto number = documentNumberBrackets(offending))
      d.help.push_back(fmt::format("a document number keeps the brackets 〔 〕 of its text: `{}`", *number));
    else if (auto run = fullWidthRun(offending))
      d.help.push_back(fmt::format("`{}` is full-width; write the ASCII `{}`", run->first, run->second));
    return;
  }
  // A slip that ended a table entry's value, or began an entry after a line break, is reported
  // where it is, not where the missing `:` of the entry it began falls: that token is not the
  // mistake (a slip at the error or just before it is named by the unexpected token's help below).
  if (const antlr4::Token* slip = slipAt(parser, offending) ? nullptr : slipBeforeEntry(parser)) {
    auto& d = diags_.error(diag::kUnexpectedToken, tokenSpan(file_, slip), fmt::format("unexpected `{}`", slip->getText()));
    d.label = fmt::format("read as a name here; then {} stands where {} was expected", describeToken(offending),
                          expected.empty() ? "`:`" : expected);
    d.help.push_back(readsAsName(slip->getText(), *keywordsOneCharAway(slip->getText())));
    return;
  }
  if (msg.rfind("missing ", 0) == 0) {
    auto& d = diags_.error(diag::kMissingToken, span,
                           fmt::format("missing {} before {}", expected.empty() ? "a token" : expected,
                                       describeToken(offending)));
    if (auto ratio = ratioGluedBefore(previousToken(parser, offending))) {
      const auto colon = ratio->rfind(':');
      d.help.push_back(fmt::format("`{}` reads as a ratio; for a table entry put a space after the colon: `{}: {}{}`",
                                   *ratio, ratio->substr(0, colon), ratio->substr(colon + 1), text));
    }
    return;
  }
  // `省级首台(套)重大装备`: the caret goes under the whole name the brackets split, which is what
  // the writer looks for, not under its last part, where the error falls (row 11 of
  // docs/diagnostics-qa.md).
  const auto bracketName = nameWithAsciiBrackets(parser, offending);
  std::string message = fmt::format("unexpected {}", describeToken(offending));
  if (bracketName) {
    const auto [first, last] = *nameAndBracketRun(parser, offending);
    const antlr4::Token* head = parser->getTokenStream()->get(first);
    const antlr4::Token* tail = parser->getTokenStream()->get(last);
    span = Span{file_, static_cast<std::uint32_t>(head->getStartIndex()), static_cast<std::uint32_t>(tail->getStopIndex() + 1)};
    message += fmt::format(" in `{}`", offending->getInputStream()->getText(
                                           antlr4::misc::Interval(head->getStartIndex(), tail->getStopIndex())));
  }
  // `给予最高30万元`: a Chinese keyword glued to what follows lexes as one name. Say so, rather than
  // only that the name is unexpected — unless the name is one slip away from a keyword (`否侧` for
  // 否则, not 否 glued to 侧): the help below names that one.
  const bool x = (text == "x" || text == "X") && !previousToken(parser, offending).newLine;
  const std::optional<std::string> glued =
      offending->getType() == gen::PolcLexer::IDENT && !bracketName && !x && !keywordsOneCharAway(text)
          ? leadingKeyword(text)
          : std::nullopt;
  const std::string word = glued ? wordFrom(offending) : text;
  if (glued) {
    message = fmt::format("`{}` is the keyword `{}` glued to `{}`", word, *glued, word.substr(glued->size()));
    span.end = static_cast<std::uint32_t>(wordEnd(offending) + 1);  // the whole word, as the message says
  }
  // 有效期 自 2025年1月1日 (or 2025/1/1): the text's way of writing a date lexes as quantities in 年,
  // 月 and 日 (or numbers and slashes); the error names the date as written, not its first token.
  const auto date = expectedSet.contains(static_cast<size_t>(gen::PolcLexer::DATE)) ? writtenDateHelp(offending)
                                                                                     : std::nullopt;
  if (date) {
    message = fmt::format("`{}` is no date polc reads", date->first);
    span.end = span.begin + static_cast<std::uint32_t>(decodeUtf8(date->first).size());
  }
  // `营业收入超 500亿元`: a keyword glued to the end of the word before; the error falls on what
  // follows it, but the slip is that word, so the message names it and the caret goes under it.
  const Previous before = previousToken(parser, offending);
  const auto gluedBefore = glued || date || bracketName || offending->getType() == antlr4::Token::EOF ||
                                   rangeGluedBefore(before)
                               ? std::nullopt
                               : keywordGluedBefore(before);
  if (gluedBefore) {
    const auto& [written, kw] = *gluedBefore;
    message = fmt::format("`{}` is the keyword `{}` glued to `{}`", written, kw, written.substr(0, written.size() - kw.size()));
    span = tokenSpan(file_, before.token);
  }
  auto& d = diags_.error(diag::kUnexpectedToken, span, message);
  if (glued) d.label = "read as one name";
  else if (gluedBefore) d.label = before.token->getType() == gen::PolcLexer::QUANTITY ? "read as one number" : "read as one name";
  else if (!expected.empty()) d.label = "expected " + expected;
  if (bracketName) d.help.push_back(asciiBracketsInNameHelp(*bracketName));
  if (offending->getType() == gen::PolcLexer::IDENT && !bracketName) {
    // `设备投入 x 5%`: the letter x typed for the multiplication sign reads as a name.
    if (x)
      d.help.push_back(fmt::format("`{}` reads as a name; multiplication is written `×` or `*`", text));
    else if (glued)
      d.help.push_back(gluedKeywordHelp(word, *glued, parser->getVocabulary(),
                                        [parser](const std::string& name) { return nameInFile(parser, name); }));
    else if (quotaNumber(parser, previousToken(parser, offending)))
      d.help.push_back(fmt::format("a quota counts each year (`名额 {0} 每年`) or the whole term (`名额 {0}`); "
                                   "`{1}` is no period polc knows",
                                   previousToken(parser, offending).token->getText(), text));
    else if (auto number = numberBeforeOnSameLine(previousToken(parser, offending)))
      d.help.push_back(fmt::format("if `{}` is the unit of `{}`, write it right after the number, without a "
                                   "space: `{}{}`",
                                   text, *number, *number, text));
    else if (auto kw = closestExpectedKeyword(text, expectedSet, parser->getVocabulary());
             kw && !slipOfAnotherKeyword(text, *kw))
      d.help.push_back(fmt::format("did you mean the keyword `{}`?", *kw));
    // A keyword that would continue what came before (`… × 节能量 封项 50万元` for 封顶) is not
    // among those expected after it ends; nor is it the expected keyword a little further away
    // (`caped` after an amount: `capped` was meant, not the item keyword `cap`).
    else if (auto kws = keywordsOneCharAway(text))
      d.help.push_back(readsAsName(text, *kws));
    else if (kw)
      d.help.push_back(fmt::format("did you mean the keyword `{}`?", *kw));
  }
  // `{ 5000万元: upto 营业收入 caped 10% }`: two slips in one entry. The error falls on the second,
  // named above; the first, which ended the entry's value and so made a key of what follows it, is
  // named too, so that one run of polc shows both.
  if (const antlr4::Token* first = slipBeforeEntry(parser);
      first && first != offending && first != previousToken(parser, offending).token)
    d.help.push_back(fmt::format("before it, {}", readsAsName(first->getText(), *keywordsOneCharAway(first->getText()))));
  if (auto range = rangeGluedBefore(previousToken(parser, offending)))
    d.help.push_back(fmt::format("`{}` reads as one number whose unit ends in 至; put spaces around 至: `{} 至 {}`",
                                 range->first, range->second, text));
  else if (auto kw = offending->getType() == antlr4::Token::EOF ? std::nullopt : keywordGluedBefore(before))
    d.help.push_back(fmt::format("{}put a space before the keyword: `{} {} {}`",
                                 gluedBefore ? "" : fmt::format("`{}` ends with the keyword `{}`, glued to it; ", kw->first, kw->second),
                                 kw->first.substr(0, kw->first.size() - kw->second.size()), kw->second, wordFrom(offending)));
  // Numbers copied from the policy text in Chinese numerals: `条 二`, `关系 第二条第一款 "…"`. A
  // citation so written lexes as one name, and the error falls on the token after it.
  if (offending->getType() == gen::PolcLexer::IDENT) {
    if (auto n = chineseNumeral(text))
      d.help.push_back(fmt::format("numbers are written in Arabic numerals: `{}` for `{}`", *n, text));
    else if (auto citation = arabicCitation(text))
      d.help.push_back(fmt::format("a citation is written with Arabic numerals: `{}`", *citation));
  }
  if (auto p = previousToken(parser, offending); p.token && p.token->getType() == gen::PolcLexer::IDENT) {
    if (auto citation = arabicCitation(p.token->getText()))
      d.help.push_back(fmt::format("`{}` reads as a name; a citation is written with Arabic numerals: `{}`",
                                   p.token->getText(), *citation));
    else if (auto whole = truncatedCitation(p.token->getText()))
      d.help.push_back(fmt::format("`{}` reads as a name; a citation ends in 条, 款 or 项: `{}`", p.token->getText(), *whole));
    // A mistyped keyword where a value may stand (`给予 分挡 设备投入 …`) reads as a name, and the
    // error falls on the token after it, which is not the slip.
    else if (auto kw = p.newLine ? std::nullopt : keywordsOneCharAway(p.token->getText()))
      d.help.push_back(readsAsName(p.token->getText(), *kw));
  }
  if (date) d.help.push_back(date->second);
  // `原文 "推动重点项目攻关"揭榜挂帅"，…"`: the text's own quotation marks typed as ASCII `"` end
  // the text early; the word quoted then lexes as a name right after it, where the error falls.
  if (auto p = previousToken(parser, offending);
      p.token && p.adjacent && p.token->getType() == gen::PolcLexer::STRING && offending->getType() != antlr4::Token::EOF)
    d.help.push_back(fmt::format("the `\"` before `{}` ends the text; a quotation inside it is written with the "
                                 "marks of the original, “{}”, or as \\\"",
                                 text, text));
  // `原文 对…项目，按…奖励。` with the quotes left out: the text lexes as names and punctuation.
  if (expectedSet.contains(static_cast<size_t>(gen::PolcLexer::STRING)) &&
      !expectedSet.contains(static_cast<size_t>(gen::PolcLexer::IDENT)) &&
      (offending->getType() == gen::PolcLexer::IDENT || offending->getType() == gen::PolcLexer::QUANTITY))
    d.help.push_back("a text is written between double quotes on one line: \"…\"");
  // A `}` too many closes the document early, and the error falls on the next article, far from the
  // slip: `条` is unexpected where only declarations may stand. Point back at the `}` that closed it.
  if (expectedSet.contains(static_cast<size_t>(gen::PolcLexer::DOCUMENT)) && isDocumentItem(offending->getType()))
    if (auto p = previousToken(parser, offending); p.token && p.token->getType() == gen::PolcLexer::RBRACE)
      d.help.push_back(fmt::format("`{}` stands inside a document, but the `}}` on line {} closed the document: "
                                   "is a `}}` before it one too many?",
                                   text, p.token->getLine()));
  if (expectedSet.contains(static_cast<size_t>(gen::PolcLexer::RBRACE)) && beginsOuterItem(offending->getType()))
    nameUnclosedBlock(d, file_, parser, offending);
  // `条件 营业收入 超` with the value left out: ANTLR ends the expression before the operator and
  // reports the operator itself, which reads as if the operator were wrong. Say what it needs.
  using L = gen::PolcLexer;
  switch (offending->getType()) {
    case L::GT: case L::GE: case L::LE: case L::LT: case L::EQ: case L::NE: case L::REACH:
    case L::FIRSTOVER: case L::AND: case L::OR: case L::PLUS: case L::STAR: case L::SLASH:
    case L::IN: case L::NOTIN: case L::HAS:
      // `给予 不超过 项目实际付款额 × 30%`: the text's 不超过 for an amount that is a ceiling.
      if (offending->getType() == L::LE && previousToken(parser, offending).token &&
          previousToken(parser, offending).token->getType() == L::PAY)
        d.help.push_back(fmt::format("`{}` compares two values; an amount up to a ceiling is written with `最高`: "
                                     "`给予 最高 …`",
                                     text));
      else
        d.help.push_back(fmt::format("`{}` is an operator and needs a value on each side; is one missing?", text));
      break;
    // `最高 200万元` on a line of its own, the text's 最高 for the clause's cap: an item begins there.
    case L::UPTO:
      if (previousToken(parser, offending).newLine && expectedSet.contains(static_cast<size_t>(L::CAP)))
        d.help.push_back("a clause's cap is written `上限 …`; `最高` stands inside an amount: `给予 最高 …`");
      break;
    // `超 5000万元 以上`: the postfix words close only a comparison begun with 达 or 在 (§7.4).
    case L::ABOVE: case L::BELOW:
      d.help.push_back(postfixAfterOtherComparisonHelp(text, offending->getType() == L::ABOVE));
      break;
    default: break;
  }
}

std::string postfixAfterOtherComparisonHelp(const std::string& word, bool above) {
  return fmt::format("`{}` only closes a comparison begun with `达` or `在` (`{} 500万元 {}`); "
                     "after another comparison word such as `超`, leave it out",
                     word, above ? "达" : "在", word);
}

}  // namespace polc
