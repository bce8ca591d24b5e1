#include "syntax/literals.h"

#include <cctype>

#include "decimal/date_words.h"

namespace polc {

std::string unquoteString(const std::string& token) {
  std::string out;
  if (token.size() < 2) return out;
  out.reserve(token.size() - 2);
  for (std::size_t i = 1; i + 1 < token.size(); ++i) {
    char c = token[i];
    if (c == '\\' && i + 2 < token.size()) {
      char n = token[++i];
      out += n == 'n' ? '\n' : n == 't' ? '\t' : n;
    } else {
      out += c;
    }
  }
  return out;
}

bool isValidDate(const std::string& d) { return polrt::dateProblem(d).empty(); }

void splitQuantity(const std::string& token, std::string& number, std::string& unit) {
  std::size_t i = 0;
  while (i < token.size() && (std::isdigit(static_cast<unsigned char>(token[i])) || token[i] == '.'))
    ++i;
  number = token.substr(0, i);
  unit = token.substr(i);
}

std::vector<int> splitDotted(const std::string& text) {
  std::vector<int> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t dot = text.find('.', start);
    std::string part = text.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (part.empty() || part.size() > 6) return {};
    for (char c : part)
      if (!std::isdigit(static_cast<unsigned char>(c))) return {};
    int v = std::stoi(part);
    if (v == 0) return {};
    out.push_back(v);
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return out;
}

std::optional<std::pair<int, int>> splitClauseNumber(const std::string& text) {
  auto parts = splitDotted(text);
  if (parts.empty() || parts.size() > 2) return std::nullopt;
  return std::make_pair(parts[0], parts.size() > 1 ? parts[1] : 0);
}

void parseCitation(const std::string& token, int& article, int& clause, int& item) {
  // The lexer guarantees the shape 第N条(第N款(第N项)?)?; read the numbers in order.
  int* slots[] = {&article, &clause, &item};
  int slot = 0;
  std::size_t i = 0;
  while (i < token.size() && slot < 3) {
    if (std::isdigit(static_cast<unsigned char>(token[i]))) {
      int v = 0;
      while (i < token.size() && std::isdigit(static_cast<unsigned char>(token[i])) && v < 1000000)
        v = v * 10 + (token[i++] - '0');
      *slots[slot++] = v;
    } else {
      ++i;
    }
  }
}

std::string formatCitation(int article, int clause, int item) {
  std::string out = "第" + std::to_string(article) + "条";
  if (clause) out += "第" + std::to_string(clause) + "款";
  if (item) out += "第" + std::to_string(item) + "项";
  return out;
}

}  // namespace polc
