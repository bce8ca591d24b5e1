#include "sema/citation_help.h"

#include <fmt/format.h>

#include "syntax/literals.h"

namespace polc::sema {

std::string citationsAt(const DocumentInfo& doc, int article, int clause) {
  std::vector<std::string> have;  // the numbers at the failed level, each once, in order
  std::string where = doc.name;
  auto add = [&](std::string n) {
    if (have.empty() || have.back() != n) have.push_back(std::move(n));
  };
  const bool hasArticle = doc.articles.count(article) > 0;
  bool hasClause = false;
  for (const auto& [key, ci] : doc.byCitation)
    hasClause |= std::get<0>(key) == article && std::get<1>(key) == clause;
  if (!hasArticle) {
    for (const auto& [n, a] : doc.articles) add(fmt::format("第{}条", n));
  } else if (!hasClause) {
    where = formatCitation(article, 0, 0);
    for (const auto& [key, ci] : doc.byCitation)
      if (std::get<0>(key) == article) add(fmt::format("第{}款", std::get<1>(key)));
  } else {
    where = formatCitation(article, clause, 0);
    for (const auto& [key, ci] : doc.byCitation)
      if (std::get<0>(key) == article && std::get<1>(key) == clause && std::get<2>(key))
        add(fmt::format("第{}项", std::get<2>(key)));
    if (have.empty()) return where + " is not split into items (项): cite it whole";
  }
  if (have.empty()) return where + " has none";
  // A long list is cut: its first numbers and its last say where the writer is.
  constexpr std::size_t kShown = 12;
  std::string list;
  for (std::size_t i = 0; i < have.size(); ++i) {
    if (have.size() > kShown && i == kShown - 1) {
      list += "、…、" + have.back();
      break;
    }
    list += (i ? "、" : "") + have[i];
  }
  return fmt::format("{} has {}", where, list);
}

}  // namespace polc::sema
