#include "facts/fact_place.h"

#include <stdexcept>
#include <string>

#include "facts/facts.h"

namespace polc::facts {
namespace {

// A walk over a text the reader has parsed already (a message about a field comes only after the
// parse succeeded), so it only skips and compares; it still stops, rather than reads past the end,
// on anything unexpected.
class Walk {
 public:
  explicit Walk(std::string_view text) : s_(text) {
    if (s_.substr(0, 3) == "\xEF\xBB\xBF") i_ = 3;
  }
  std::size_t at() {
    ws();
    return i_;
  }
  // Into the member `key` of the object here; false when it has none.
  bool member(std::string_view key) {
    if (!open('{')) return false;
    while (at() < s_.size() && s_[i_] == '"') {
      const bool found = keyText() == key;
      if (!open(':')) return false;
      if (found) return true;
      if (!skipValue() || !open(',')) return false;
    }
    return false;
  }
  // Into item `index` of the array here; false when it has fewer.
  bool item(std::size_t index) {
    if (!open('[')) return false;
    for (std::size_t k = 0; k < index; ++k)
      if (!skipValue() || !open(',')) return false;
    return at() < s_.size() && s_[i_] != ']';
  }

 private:
  void ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }
  bool open(char c) {
    if (at() >= s_.size() || s_[i_] != c) return false;
    ++i_;
    return true;
  }
  // The end of the string starting here, past its closing quote.
  std::size_t stringEnd(std::size_t from) const {
    for (std::size_t k = from + 1; k < s_.size(); ++k) {
      if (s_[k] == '\\') ++k;
      else if (s_[k] == '"') return k + 1;
    }
    return s_.size();
  }
  // A key as the reader names it: escapes (`\u4f01`) decoded by the reader's own parser.
  std::string keyText() {
    const std::size_t end = stringEnd(i_);
    std::string raw(s_.substr(i_, end - i_));
    i_ = end;
    if (raw.find('\\') == std::string::npos) return raw.size() >= 2 ? raw.substr(1, raw.size() - 2) : raw;
    try {
      const auto decoded = parseFactsJson(raw);
      return decoded.is_string() ? decoded.get<std::string>() : raw;
    } catch (const std::runtime_error&) {
      return raw;
    }
  }
  bool skipValue() {
    int depth = 0;
    at();
    do {
      if (i_ >= s_.size()) return false;
      const char c = s_[i_];
      if (c == '"') {
        i_ = stringEnd(i_);
      } else if (c == '{' || c == '[') {
        ++depth, ++i_;
      } else if (c == '}' || c == ']') {
        if (depth == 0) return true;  // the end of the enclosing value: nothing to skip
        --depth, ++i_;
      } else if (depth == 0 && c == ',') {
        return true;
      } else {
        ++i_;
      }
      if (depth == 0) {
        // A scalar ends at what follows it; a string, an object or an array where it closes.
        if (c == '"' || c == '}' || c == ']') return true;
        while (i_ < s_.size() && s_[i_] != ',' && s_[i_] != '}' && s_[i_] != ']') ++i_;
        return true;
      }
    } while (true);
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

}  // namespace

namespace {

// The place a JSON syntax error gives in its words (polrt::invalidJson: `invalid JSON at line 2,
// column 14: …`), read back, so that it is placed as a field is: FILE:N:C on stderr, a batch line's
// error_places. nullopt for any other message.
std::optional<polrt::JsonLineColumn> syntaxErrorPlace(std::string_view message) {
  constexpr std::string_view kLine = "invalid JSON at line ", kColumn = ", column ";
  if (message.substr(0, kLine.size()) != kLine) return std::nullopt;
  auto number = [&](std::size_t& at) -> std::optional<std::size_t> {
    const std::size_t end = message.find_first_not_of("0123456789", at);
    if (end == at || end == std::string_view::npos || end - at > 9) return std::nullopt;
    const std::size_t n = std::stoul(std::string(message.substr(at, end - at)));
    at = end;
    return n;
  };
  std::size_t at = kLine.size();
  const auto line = number(at);
  if (!line || message.substr(at, kColumn.size()) != kColumn) return std::nullopt;
  at += kColumn.size();
  const auto column = number(at);
  if (!column) return std::nullopt;
  return polrt::JsonLineColumn{*line, *column};
}

}  // namespace

std::optional<polrt::JsonLineColumn> placeOfMessage(std::string_view text, std::string_view message) {
  if (const auto syntax = syntaxErrorPlace(message)) return syntax;
  const std::string_view path = message.substr(0, message.find_first_of(": "));
  Walk walk(text);
  std::optional<std::size_t> found;
  // A path is names and indices: 企业.项目[1].设备投入, 企业.入库[0].
  for (std::size_t i = 0; i < path.size();) {
    bool in = false;
    if (path[i] == '[') {
      const std::size_t close = path.find(']', i);
      if (close == std::string_view::npos) break;
      const std::string digits(path.substr(i + 1, close - i - 1));
      if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) break;
      in = walk.item(std::stoul(digits));
      i = close + 1;
    } else {
      const std::size_t end = std::min(path.find_first_of(".[", i), path.size());
      in = walk.member(path.substr(i, end - i));
      i = end;
    }
    if (!in) break;
    found = walk.at();
    if (i < path.size() && path[i] == '.') ++i;
  }
  if (!found) return std::nullopt;
  return polrt::jsonLineColumn(text, *found);
}

std::string withPlace(const std::string& name, std::string_view text, const std::string& message) {
  const auto place = placeOfMessage(text, message);
  if (!place) return name + ": " + message;
  return name + ":" + std::to_string(place->line) + ":" + std::to_string(place->column) + ": " + message;
}

}  // namespace polc::facts
