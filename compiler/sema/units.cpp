#include "sema/units.h"

#include <array>
#include <utility>

namespace polc::sema {
namespace {

struct Prefix {
  const char* text;
  int pow10;
};
// Longest first, so that 千万 is not read as 千 + 万元.
constexpr std::array<Prefix, 12> kPrefixes{{{"万亿", 12}, {"千亿", 11}, {"百亿", 10}, {"十亿", 9},
                                            {"千万", 7}, {"百万", 6}, {"十万", 5}, {"亿", 8},
                                            {"万", 4}, {"千", 3}, {"百", 2}, {"十", 1}}};

std::optional<ResolvedUnit> resolveAtom(const Model& m, const std::string& atom) {
  // "1" stands for no unit, as in the type 1/年 (per year).
  if (atom.empty() || atom == "1") return ResolvedUnit{};
  if (atom == "%") return ResolvedUnit{{}, -2};
  if (atom == "‰") return ResolvedUnit{{}, -3};
  if (auto it = m.unitIndex.find(atom); it != m.unitIndex.end()) {
    const UnitInfo& u = m.units[it->second];
    return ResolvedUnit{u.dim, u.pow10, u.scaleNum, u.scaleDen};
  }
  std::size_t len = 0;
  int p = scalePrefix(atom, len);
  if (len == 0) return std::nullopt;
  auto rest = resolveAtom(m, atom.substr(len));
  if (!rest) return std::nullopt;
  rest->pow10 += p;
  return rest;
}

}  // namespace

int scalePrefix(const std::string& text, std::size_t& length) {
  for (const auto& p : kPrefixes) {
    std::string s(p.text);
    if (text.compare(0, s.size(), s) == 0) {
      length = s.size();
      return p.pow10;
    }
  }
  length = 0;
  return 0;
}

std::optional<ResolvedUnit> resolveUnit(const Model& m, const std::string& text, std::string& bad) {
  ResolvedUnit out;
  std::size_t start = 0;
  int sign = 1;
  while (true) {
    std::size_t slash = text.find('/', start);
    std::string atom = text.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (atom.empty() && (start != 0 || slash != std::string::npos)) {
      bad = text;
      return std::nullopt;
    }
    auto r = resolveAtom(m, atom);
    if (!r) {
      bad = atom;
      return std::nullopt;
    }
    out.dim = out.dim.times(r->dim, sign);
    out.pow10 += sign * r->pow10;
    if (sign > 0) {
      out.scaleNum *= r->scaleNum;
      out.scaleDen *= r->scaleDen;
    } else {
      out.scaleNum *= r->scaleDen;
      out.scaleDen *= r->scaleNum;
    }
    if (slash == std::string::npos) break;
    start = slash + 1;
    sign = -1;
  }
  return out;
}

}  // namespace polc::sema
