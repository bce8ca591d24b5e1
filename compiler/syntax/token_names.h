// How tokens are named in messages: keywords by both spellings (`款`/`clause`), literals by kind.
#pragma once

#include <cstddef>
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

// Every spelling of a keyword token type (`给予`, `pay`); empty for a token that is no keyword.
std::vector<std::string> keywordSpellings(std::size_t type, const antlr4::dfa::Vocabulary& vocabulary);

}  // namespace polc
