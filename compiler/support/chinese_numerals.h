// Chinese numerals where the language wants Arabic ones: article numbers (`条 二`) and citations
// (`第二条第一款`) copied from the policy text. Used only to suggest the Arabic form in an error.
#pragma once

#include <optional>
#include <string>

namespace polc {

// 二 → 2, 十二 → 12, 二十三 → 23, 一百零五 → 105; nullopt unless the whole text is such a numeral,
// from 1 to 999.
std::optional<int> chineseNumeral(const std::string& text);

// 第二条第一款 → 第2条第1款, 第2条第三项 → 第2条第3项: every 第…条/款/项 with a Chinese numeral
// rewritten; nullopt when the text is not a citation of that shape or has no Chinese numeral.
std::optional<std::string> arabicCitation(const std::string& text);

}  // namespace polc
