#include "check/quoted_numbers.h"

#include <algorithm>
#include <cstdint>
#include <optional>

#include "check/quote_roles.h"
#include "support/source.h"

namespace polc::check {

namespace {

using polrt::Decimal;

// Full-width digits and signs as their ASCII forms, so that one scanner reads both.
std::u32string normalised(std::string_view text) {
  std::u32string s = decodeUtf8(text);
  for (char32_t& c : s) {
    if (c >= U'０' && c <= U'９') c = U'0' + (c - U'０');
    else if (c == U'．') c = U'.';
    else if (c == U'％') c = U'%';
    else if (c == U'／') c = U'/';
    else if (c == U'－' || c == U'–' || c == U'~' || c == U'～') c = U'-';
    else if (c == U'\u3000') c = U' ';
    else if (c == U'：') c = U':';
  }
  return s;
}

bool ascii(char32_t c) { return c >= U'0' && c <= U'9'; }

int chineseDigit(char32_t c) {
  static const std::u32string kDigits = U"零一二三四五六七八九";
  if (c == U'〇') return 0;
  if (c == U'两') return 2;
  auto at = kDigits.find(c);
  return at == std::u32string::npos ? -1 : static_cast<int>(at);
}

// The power of ten of a scale character: 十 1, 百 2, 千 3, 万 4, 亿 8; 0 for any other.
int scaleOf(char32_t c) {
  switch (c) {
    case U'十': return 1;
    case U'百': return 2;
    case U'千': return 3;
    case U'万': return 4;
    case U'亿': return 8;
    default: return 0;
  }
}

// `一万五千`, `三`, `十二`, `两`: the value of a run of Chinese numerals; nullopt when the run has no
// digit (a bare `万` or `亿` is a scale, read by the caller).
std::optional<std::int64_t> chineseValue(std::u32string_view run) {
  std::int64_t total = 0, tenThousands = 0, section = 0, digit = 0;
  bool any = false;
  for (char32_t c : run) {
    int d = chineseDigit(c);
    if (d >= 0) {
      digit = d;
      any = true;
      continue;
    }
    int p = scaleOf(c);
    if (p <= 3) {
      std::int64_t unit = p == 1 ? 10 : p == 2 ? 100 : 1000;
      section += (digit == 0 ? 1 : digit) * unit;
      any = true;
    } else if (p == 4) {
      tenThousands += (section + digit == 0 ? 1 : section + digit) * 10000;
      section = 0;
    } else {
      total += (tenThousands + section + digit == 0 ? 1 : tenThousands + section + digit) * 100000000;
      tenThousands = section = 0;
    }
    digit = 0;
  }
  if (!any) return std::nullopt;
  return total + tenThousands + section + digit;
}

// The run of ASCII digits (and a decimal point) at i, if any.
std::optional<std::pair<Decimal, std::size_t>> arabicAt(const std::u32string& s, std::size_t i) {
  std::size_t j = i;
  while (j < s.size() && (ascii(s[j]) || (s[j] == U'.' && j > i && j + 1 < s.size() && ascii(s[j + 1])))) ++j;
  if (j == i) return std::nullopt;
  auto d = Decimal::parse(encodeUtf8(s.substr(i, j - i)));
  if (!d) return std::nullopt;
  return std::make_pair(*d, j);
}

class Scanner {
 public:
  Scanner(std::u32string s, const std::vector<std::string>& units) : s_(std::move(s)) {
    units_.push_back(U"元");
    for (const auto& u : units) units_.push_back(decodeUtf8(u));
    // Longest first: 吨标煤 before 吨.
    std::stable_sort(units_.begin(), units_.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  }

  std::vector<QuotedNumber> run() {
    for (std::size_t i = 0; i < s_.size();) {
      std::size_t next = number(i);
      i = next > i ? next : i + 1;
    }
    return std::move(out_);
  }

 private:
  // What follows a number: a scale, then a percentage or a unit.
  struct Suffix {
    int pow10 = 0;
    std::string unit;
    std::size_t end = 0;
    bool any = false;  // a scale, a % or a unit was read
  };

  bool at(std::size_t i, std::u32string_view word) const { return s_.compare(i, word.size(), word) == 0; }

  std::size_t spaces(std::size_t i) const {
    while (i < s_.size() && s_[i] == U' ') ++i;
    return i;
  }

  // The unit at i (longest first), and `/unit` after it: `元/吨标煤`.
  std::optional<std::pair<std::string, std::size_t>> unitAt(std::size_t i) const {
    for (const auto& u : units_) {
      if (!at(i, u)) continue;
      std::string name = encodeUtf8(u);
      std::size_t end = i + u.size();
      if (end < s_.size() && s_[end] == U'/')
        for (const auto& v : units_)
          if (at(end + 1, v)) return std::make_pair(name + "/" + encodeUtf8(v), end + 1 + v.size());
      return std::make_pair(name, end);
    }
    return std::nullopt;
  }

  Suffix suffix(std::size_t i, bool scales) const {
    Suffix out;
    i = spaces(i);
    while (scales && i < s_.size() && scaleOf(s_[i]) > 0) {
      out.pow10 += scaleOf(s_[i++]);
      out.any = true;
    }
    out.end = i;
    if (at(i, U"%") || at(i, U"个百分点")) {
      out.pow10 -= 2;
      out.end = i + (s_[i] == U'%' ? 1 : 4);
      out.any = true;
    } else if (at(i, U"‰")) {
      out.pow10 -= 3;
      out.end = i + 1;
      out.any = true;
    } else if (auto u = unitAt(i)) {
      out.unit = u->first;
      out.end = u->second;
      out.any = true;
    }
    return out;
  }

  void emit(std::size_t from, std::size_t to, Decimal value, const Suffix& sfx, bool unitImplied = false) {
    Decimal v;
    if (polrt::shift(value, sfx.pow10, v) == polrt::ArithError::None)
      out_.push_back(QuotedNumber{v.normalized(), sfx.unit, encodeUtf8(s_.substr(from, to - from)), unitImplied, from, to, 0});
  }

  // A measure word after a scale says the number counts something (`20万件`, `70万户`): its unit is
  // not the sentence's money. Units the program declares are read as units before this is asked.
  bool measureWordAt(std::size_t i) const {
    static constexpr std::u32string_view kMeasures = U"个件户人名家台套辆吨亩米瓦次项张株头只座条所枚篇册部份笔批千克斤度天年月倍标箱平";
    return i < s_.size() && kMeasures.find(s_[i]) != std::u32string_view::npos;
  }

  // The words that state a number without digits: 半数, 一半, 过半 (a half: `超 50%`), 双倍 (twice),
  // 倍增 and 翻N番 (doubled N times: the factor, and the growth it is: 翻一番 is ×2 and +100 %).
  std::size_t numberWord(std::size_t i) {
    for (std::u32string_view half : {U"半数", U"一半", U"过半", U"各半", U"减半"})
      if (at(i, half)) {
        emit(i, i + half.size(), Decimal::fromParts(5, 1), Suffix{});
        return i + half.size();
      }
    if (at(i, U"双倍")) {
      emit(i, i + 2, Decimal::fromInt(2), Suffix{});
      return i + 2;
    }
    int times = 0;
    std::size_t end = i;
    if (at(i, U"倍增")) {
      times = 1;
      end = i + 2;
    } else if (at(i, U"翻")) {
      auto n = digits(i + 1);
      Decimal ten = Decimal::fromInt(10);
      if (!n || !at(n->end, U"番") || n->value > ten || !n->value.isInteger()) return i;
      times = static_cast<int>(n->value.toInt64().value_or(0));
      end = n->end + 1;
    }
    if (times <= 0) return i;
    const std::int64_t factor = std::int64_t{1} << times;
    emit(i, end, Decimal::fromInt(factor), Suffix{});
    emit(i, end, Decimal::fromInt(factor - 1), Suffix{});
    return end;
  }

  // A number's digits at i: Arabic (`1.5`), Chinese (`一万五千`), or after 百分之 / 千分之.
  struct Digits {
    Decimal value;
    std::size_t end = 0;
    bool chineseScaled = false;  // the run held its own 万/亿: no scale after it
  };
  std::optional<Digits> digits(std::size_t i) const {
    if (i >= s_.size()) return std::nullopt;
    std::size_t j = i;
    if (ascii(s_[j])) {
      auto d = arabicAt(s_, i);
      if (!d) return std::nullopt;
      return Digits{d->first, d->second, false};
    }
    while (j < s_.size() && j - i < 16 && (chineseDigit(s_[j]) >= 0 || scaleOf(s_[j]) > 0)) ++j;
    // A run ending on a scale that a unit follows keeps the scale in the run (`十万元`); 百分之 is
    // read by the caller.
    auto v = chineseValue(s_.substr(i, j - i));
    if (!v) return std::nullopt;
    bool scaled = std::any_of(s_.begin() + static_cast<std::ptrdiff_t>(i), s_.begin() + static_cast<std::ptrdiff_t>(j),
                              [](char32_t c) { return scaleOf(c) >= 4; });
    return Digits{Decimal::fromInt(*v), j, scaled};
  }

  std::size_t number(std::size_t i) {
    if (std::size_t word = numberWord(i); word > i) return word;
    if (at(i, U"全额")) {  // the whole of it: 100 %
      emit(i, i + 2, Decimal::fromInt(1), Suffix{});
      return i + 2;
    }
    for (auto [prefix, pow10] : {std::pair<std::u32string_view, int>{U"百分之", -2}, {U"千分之", -3}}) {
      if (!at(i, prefix)) continue;
      auto d = digits(i + prefix.size());
      if (!d) return i + prefix.size();
      Suffix rate;
      rate.pow10 = pow10;
      emit(i, d->end, d->value, rate);
      return d->end;
    }
    auto d = digits(i);
    if (!d) return bareScale(i);
    Suffix sfx = suffix(d->end, !d->chineseScaled);
    const std::size_t end = sfx.any ? sfx.end : d->end;
    // `50万`: a scale of ten thousand or more, no unit, no %, no measure word after it.
    const bool implied = sfx.unit.empty() && (sfx.pow10 >= 4 || (d->chineseScaled && sfx.pow10 == 0)) && !measureWordAt(end);
    if (sfx.any || !range(i, *d)) emit(i, end, d->value, sfx, implied);
    return end;
  }

  // `100—300万元`, `3-5年`: the first end takes the scale and unit of the second.
  // Whether it read one.
  bool range(std::size_t from, const Digits& first) {
    std::size_t j = spaces(first.end);
    if (j >= s_.size() || !(s_[j] == U'-' || s_[j] == U'—' || s_[j] == U'至' || s_[j] == U'到')) return false;
    j = spaces(j + (at(j, U"——") ? 2 : 1));
    auto second = digits(j);
    if (!second) return false;
    Suffix sfx = suffix(second->end, !second->chineseScaled);
    if (sfx.any) emit(from, first.end, first.value, sfx);
    return sfx.any;
  }

  // `超亿元`, `每万元`: a scale with no digits before a unit is one of it.
  std::size_t bareScale(std::size_t i) {
    if (scaleOf(s_[i]) < 4 || (i > 0 && (ascii(s_[i - 1]) || chineseDigit(s_[i - 1]) >= 0))) return i;
    Suffix sfx = suffix(i, true);
    if (sfx.unit.empty()) return i;
    emit(i, sfx.end, Decimal::fromInt(1), sfx);
    return sfx.end;
  }

  std::u32string s_;
  std::vector<std::u32string> units_;
  std::vector<QuotedNumber> out_;
};

}  // namespace

std::vector<std::vector<Decimal>> quotedRatios(std::string_view text) {
  const std::u32string s = normalised(text);
  std::vector<std::vector<Decimal>> out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!ascii(s[i]) || (i > 0 && (ascii(s[i - 1]) || s[i - 1] == U'.'))) continue;
    std::vector<Decimal> parts;
    std::size_t j = i;
    while (auto part = arabicAt(s, j)) {
      parts.push_back(part->first);
      j = part->second;
      if (j + 1 >= s.size() || (s[j] != U':' && s[j] != U'比') || !ascii(s[j + 1])) break;
      ++j;
    }
    if (parts.size() >= 2) out.push_back(std::move(parts));
    i = j > i ? j - 1 : i;
  }
  return out;
}

bool sameRatio(const std::vector<Decimal>& a, const std::vector<Decimal>& b) {
  if (a.size() != b.size() || a.empty()) return false;
  // a_i : a_0 = b_i : b_0 for each part, cross-multiplied (exact).
  for (std::size_t i = 1; i < a.size(); ++i) {
    Decimal x, y;
    if (polrt::mul(a[i], b[0], x) != polrt::ArithError::None || polrt::mul(b[i], a[0], y) != polrt::ArithError::None ||
        x != y)
      return false;
  }
  return true;
}

std::vector<QuotedNumber> quotedNumbers(std::string_view text, const std::vector<std::string>& units) {
  const std::u32string s = normalised(text);
  std::vector<QuotedNumber> out = Scanner(s, units).run();
  const std::u32string_view all(s);
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i].roles = rolesAround(all, i > 0 ? out[i - 1].end : 0, out[i].begin, out[i].end,
                               i + 1 < out.size() ? out[i + 1].begin : s.size());
  // `分别给予最高200万元、100万元、50万元奖励`: the words around a list speak for each of its numbers
  // (two readings of one word, 翻一番's ×2 and +100 %, are one place).
  for (std::size_t i = 0; i < out.size();) {
    std::size_t j = i;
    unsigned roles = out[i].roles;
    while (j + 1 < out.size() &&
           (out[j + 1].begin < out[j].end || listsOnly(all.substr(out[j].end, out[j + 1].begin - out[j].end))))
      roles |= out[++j].roles;
    for (; i <= j; ++i) out[i].roles = roles;
  }
  return out;
}

}  // namespace polc::check
