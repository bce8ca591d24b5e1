#include "support/chinese_numerals.h"

#include <string_view>
#include <vector>

namespace polc {
namespace {

// The characters of a Chinese numeral are all three bytes in UTF-8.
std::vector<std::string_view> characters(std::string_view text) {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    out.push_back(text.substr(i, n));
    i += n;
  }
  return out;
}

int digitOf(std::string_view c) {
  static constexpr std::string_view kDigits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  for (int d = 0; d < 10; ++d)
    if (c == kDigits[d]) return d;
  if (c == "〇") return 0;
  if (c == "两") return 2;
  return -1;
}

}  // namespace

std::optional<int> chineseNumeral(const std::string& text) {
  int value = 0, digit = -1;
  int lastPlace = 1000;  // places must decrease: 百 before 十
  bool any = false;
  for (std::string_view c : characters(text)) {
    any = true;
    int place = c == "百" ? 100 : c == "十" ? 10 : 0;
    if (place) {
      if (place >= lastPlace) return std::nullopt;
      if (digit == 0) return std::nullopt;
      value += (digit < 0 ? 1 : digit) * place;
      lastPlace = place;
      digit = -1;
      continue;
    }
    int d = digitOf(c);
    if (d < 0) return std::nullopt;
    if (d == 0) {  // 零 stands for a skipped place: 一百零五
      if (digit >= 0 || lastPlace != 100) return std::nullopt;
      digit = 0;
      continue;
    }
    if (digit > 0) return std::nullopt;  // 二三: two digits in a row
    digit = d;
  }
  if (!any) return std::nullopt;
  if (digit > 0) value += digit;
  if (value < 1 || value > 999) return std::nullopt;
  return value;
}

std::optional<std::string> arabicCitation(const std::string& text) {
  std::string out;
  bool changed = false;
  std::string_view rest = text;
  while (!rest.empty()) {
    if (rest.substr(0, 3) != "第") return std::nullopt;
    rest.remove_prefix(3);
    std::size_t end = std::string_view::npos;
    std::string_view unit;
    for (std::string_view u : {"条", "款", "项"})
      if (auto at = rest.find(u); at != std::string_view::npos && at < end) {
        end = at;
        unit = u;
      }
    if (end == std::string_view::npos || end == 0) return std::nullopt;
    std::string number(rest.substr(0, end));
    if (number.find_first_not_of("0123456789") != std::string::npos) {
      auto n = chineseNumeral(number);
      if (!n) return std::nullopt;
      number = std::to_string(*n);
      changed = true;
    }
    out += "第" + number + std::string(unit);
    rest.remove_prefix(end + unit.size());
  }
  if (!changed) return std::nullopt;
  return out;
}

}  // namespace polc
