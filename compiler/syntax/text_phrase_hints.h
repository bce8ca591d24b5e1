// Hints for the policy text's own wording copied into the code (`一次性给予`, `项目实际付款额的 30%`,
// `上限 单个项目 500万元`): each reads as something else, and the error falls where it stops
// parsing, so the hint names the phrase and says how the language writes it.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include <antlr4-runtime.h>

namespace polc {

// The help for a keyword glued to a name (`对象企业`: put a space after the keyword, `对象 企业`;
// `给予最高30万元`: `给予 最高 30万元`; the word as written up to the next blank), except where the
// keyword stands alone on its line: `一次性给予`, the text's phrase, is `一次性`, the award staying in
// the clause's `给予 …` (`一次性 给予` would begin an award with no amount).
// `known` tells the names of the file, for a second keyword glued on (`且非制造业`, spacedKeywords).
// A cap glued to `最高` and an amount (`上限最高10万元`) leaves `最高` out: `上限 10万元`.
std::string gluedKeywordHelp(const std::string& word, const std::string& keyword, const antlr4::dfa::Vocabulary& vocabulary,
                             const std::function<bool(const std::string&)>& known = {});

// A phrase of the text that the grammar cannot read, reported whole: the caret goes from `first`
// to `last`, which the writer wrote as one thing, rather than on the token where parsing stopped.
struct PhraseSlip {
  const antlr4::Token* first = nullptr;
  const antlr4::Token* last = nullptr;
  std::string message;
  std::string label;
  std::string help;
};

// The phrase the syntax error at `offending` comes from, when it is one of the text's wordings
// the language writes otherwise:
// - a 资金分担 split in prose, `其他: 市和辖区各承担一半`, which reads as one payer with no share (the
//   error falls on what follows it, often the block's `}` a line below).
// - the text's 的 before a rate, `项目实际付款额的 30%`, which reads as a name ending in 的 followed
//   by a number: a share of an amount is `项目实际付款额 × 30%`.
// - the text's words for whom a cap is, `上限 单个项目 500万元`: the name reads as the cap, and the
//   amount after it is the error; a cap is `上限 500万元`, for the clause's 对象.
// - a name's bracket pair typed half full-width, `辖区（所在地)`: `（` is a name character and `)` is
//   not, so the name ends before the `)`; a name keeps the full-width pair, `辖区（所在地）`.
std::optional<PhraseSlip> textPhraseSlip(antlr4::Parser* parser, const antlr4::Token* offending);

}  // namespace polc
