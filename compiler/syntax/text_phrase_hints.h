// Hints for the policy text's own wording copied into the code (`一次性给予`, `项目实际付款额的 30%`,
// `上限 单个项目 500万元`): each reads as something else, and the error falls where it stops
// parsing, so the hint names the phrase and says how the language writes it.
#pragma once

#include <string>

#include <antlr4-runtime.h>

namespace polc {

// The help for a keyword glued to a name (`对象企业`: separate them with a space), except where the
// keyword stands alone on its line: `一次性给予`, the text's phrase, is `一次性`, the award staying in
// the clause's `给予 …` (`一次性 给予` would begin an award with no amount).
std::string gluedKeywordHelp(const std::string& word, const std::string& keyword,
                             const antlr4::dfa::Vocabulary& vocabulary);

}  // namespace polc
