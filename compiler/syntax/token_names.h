// How tokens are named in messages: keywords by both spellings (`款`/`clause`), literals by kind.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <antlr4-runtime.h>

namespace polc {

// "`款` (clause)" for a keyword token type, "a name", "a number", "end of file", …
std::string describeTokenType(std::size_t type, const antlr4::dfa::Vocabulary& vocabulary);

// The longest keyword spelling that `word` starts with but is not equal to, if any: `对象企业`
// starts with `对象`. Used to explain that a keyword glued to a name lexes as one name.
std::optional<std::string> leadingKeyword(const std::string& word);

// The longest keyword spelling that `word` ends with but is not equal to, if any: `营业收入超`
// ends with `超`, `100万元且` with `且`.
std::optional<std::string> trailingKeyword(const std::string& word);

// Whether `word` is a Chinese spelling of a keyword (`且`, `最高`).
bool isChineseKeyword(const std::string& word);

// `word`, which starts with a keyword glued to what follows, as it is written with spaces: the
// keyword set apart, and a second keyword too when an amount follows it (`给予最高30万元`:
// `给予 最高 30万元`) or a name that `known` knows where the whole rest is not one (`且非制造业`:
// `且 非 制造业` when 制造业 is a fact); a keyword inside a name (`最高限额`) stays.
std::string spacedKeywords(const std::string& word, const std::function<bool(const std::string&)>& known = {});

// Every spelling of a keyword token type (`给予`, `pay`); empty for a token that is no keyword.
std::vector<std::string> keywordSpellings(std::size_t type, const antlr4::dfa::Vocabulary& vocabulary);

// The keywords `name` is one slip away from, as "`a`" or "`a` or `b`": for a Chinese word, one
// character replaced, at the same length (分挡 for 分档, 给与 for 给予, 封项 for 封顶) — a longer
// name that merely contains a keyword (最高限额) is a name, not a slip; for an English word, one
// letter added, dropped or replaced (caped for capped, upto for `up to`). Which look-alike was meant
// (分档 or 分期 for 分挡) only the writer knows, so all are named, in the lexer's order.
// Everyday comparison words that are not keywords (大于, 小于, 大于等于) name only the keyword of
// their meaning: 低于 and 少于 are one character from 大于 too, and mean the opposite. So do the
// text's words that join conditions (和, 及, 以及: 且).
std::optional<std::string> keywordsOneCharAway(const std::string& name);

// The help for such a name: "`upto` reads as a name; did you mean the keyword `up to`?", where
// `keywords` is keywordsOneCharAway's list. The parser's errors and the checker's give it alike.
std::string readsAsName(const std::string& name, const std::string& keywords);

}  // namespace polc
