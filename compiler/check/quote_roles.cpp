#include "check/quote_roles.h"

#include <array>
#include <string>

namespace polc::check {

namespace {

struct Cue {
  std::u32string_view word;
  unsigned roles;
};

// Longest first, so that 不超过 is read before the 超过 inside it, and 首次超过 before 超过. A word
// that names no role (满足: a condition met, not a number reached) hides the cue inside it.
constexpr std::array kBefore{
    Cue{U"最高不超过", kCap},  Cue{U"累计不超过", kCap}, Cue{U"不超过", kCap | kThreshold},
    Cue{U"不高于", kCap | kThreshold}, Cue{U"不多于", kCap | kThreshold}, Cue{U"不低于", kThreshold},
    Cue{U"不少于", kThreshold}, Cue{U"未达到", kThreshold}, Cue{U"不足", kThreshold},
    Cue{U"不到", kThreshold},  Cue{U"未满", kThreshold},  Cue{U"满足", 0},         Cue{U"超过", kThreshold},
    Cue{U"突破", kThreshold},  Cue{U"达到", kThreshold},  Cue{U"大于", kThreshold},
    Cue{U"高于", kThreshold},  Cue{U"低于", kThreshold},  Cue{U"少于", kThreshold},
    Cue{U"首次", kThreshold},  Cue{U"最高", kCap},        Cue{U"最多", kCap},
    Cue{U"至多", kCap},        Cue{U"封顶", kCap},        Cue{U"上限", kCap},
    Cue{U"给予", kAmount},     Cue{U"奖励", kAmount},     Cue{U"补助", kAmount},
    Cue{U"补贴", kAmount},     Cue{U"资助", kAmount},     Cue{U"奖补", kAmount},
    Cue{U"贴息", kAmount},     Cue{U"配套", kAmount},     Cue{U"按照", kAmount},
    Cue{U"超", kThreshold},    Cue{U"达", kThreshold},    Cue{U"按", kAmount},
};

constexpr std::array kAfter{
    Cue{U"及以上", kThreshold}, Cue{U"以上", kThreshold},  Cue{U"以下", kCap | kThreshold},
    Cue{U"以内", kCap | kThreshold}, Cue{U"封顶", kCap},   Cue{U"为限", kCap},
    Cue{U"奖励", kAmount},     Cue{U"补助", kAmount},     Cue{U"补贴", kAmount},
    Cue{U"资助", kAmount},     Cue{U"奖补", kAmount},     Cue{U"贴息", kAmount},
    Cue{U"配套", kAmount},
};

// A clause's own words end at these: the roles of a number are those of its clause of the sentence.
bool boundary(char32_t c) {
  static constexpr std::u32string_view kMarks = U"，。；:,;！？!?、（）()“”《》\n";
  return kMarks.find(c) != std::u32string_view::npos;
}

// The roles of the cues in `words` that start at most `reach` code points in.
template <class List>
unsigned cues(std::u32string words, const List& list, std::size_t reach) {
  unsigned roles = 0;
  for (const Cue& cue : list)
    for (std::size_t at = words.find(cue.word); at != std::u32string::npos; at = words.find(cue.word, at)) {
      if (at <= reach) roles |= cue.roles;
      words.replace(at, cue.word.size(), cue.word.size(), U' ');
    }
  return roles;
}

// Words after a number speak of it right after it, past a measure word or 的 (`100人以上`, `50万元的
// 奖励`): further on they speak of what follows (`人数不足100人的企业奖励5万元`: the 奖励 is the 5万元's).
constexpr std::size_t kAfterReach = 2;

}  // namespace

unsigned rolesAround(std::u32string_view text, std::size_t from, std::size_t begin, std::size_t end, std::size_t to) {
  std::size_t b = begin;
  while (b > from && !boundary(text[b - 1])) --b;
  std::size_t e = end;
  while (e < to && !boundary(text[e])) ++e;
  return cues(std::u32string(text.substr(b, begin - b)), kBefore, std::u32string::npos) |
         cues(std::u32string(text.substr(end, e - end)), kAfter, kAfterReach);
}

bool listsOnly(std::u32string_view between) {
  static constexpr std::u32string_view kSeparators = U"、和或及与-—至到 ";
  if (between.empty()) return false;
  for (char32_t c : between)
    if (kSeparators.find(c) == std::u32string_view::npos) return false;
  return true;
}

const char* roleName(unsigned roles) {
  switch (roles) {
    case kCap: return "a cap";
    case kThreshold: return "a threshold";
    case kAmount: return "an amount paid";
    case kCap | kThreshold: return "a cap or a threshold";
    case kCap | kAmount: return "an amount paid up to a ceiling";
    case kThreshold | kAmount: return "a threshold or an amount paid";
    default: return "a number of any role";
  }
}

}  // namespace polc::check
