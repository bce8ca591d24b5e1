// What a document has where a citation of it names nothing: the help of E0208, and of the
// citations `polc eval --why-not` is given, which the same writer types the same way.
#pragma once

#include <string>

#include "sema/model.h"

namespace polc::sema {

// Its articles when `article` is missing, the article's clauses when `clause` is, the clause's items
// when an item is: `第4条 has 第1款、第2款`. A writer who typed 第3项 for the text's third item
// usually sees at once which number is off.
std::string citationsAt(const DocumentInfo& doc, int article, int clause);

}  // namespace polc::sema
