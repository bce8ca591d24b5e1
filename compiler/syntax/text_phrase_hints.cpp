#include "syntax/text_phrase_hints.h"

#include <algorithm>

#include <fmt/format.h>

#include "PolcLexer.h"
#include "syntax/token_names.h"

namespace polc {

std::string gluedKeywordHelp(const std::string& word, const std::string& keyword,
                             const antlr4::dfa::Vocabulary& vocabulary) {
  const auto once = keywordSpellings(gen::PolcLexer::ONCE, vocabulary);
  if (std::find(once.begin(), once.end(), keyword) != once.end())
    return fmt::format("`{0}` is written alone on its line; the award stays in the clause's `给予 …`: `{0}`", keyword);
  return fmt::format("`{}` starts with the keyword `{}`; separate keywords from names with a space: `{} {}`", word,
                     keyword, keyword, word.substr(keyword.size()));
}

}  // namespace polc
