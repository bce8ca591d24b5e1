// Units written after numbers and in fact types: 万元, 元/吨标煤, %/年, 万美元, 万 (a bare scale).
// A unit resolves to a dimension and an exact scale; 元, 万元 and 亿元 share one dimension, 美元 has
// its own, and 元/吨标煤 × 吨标煤 is money.
#pragma once

#include <optional>
#include <string>

#include "sema/model.h"

namespace polc::sema {

struct ResolvedUnit {
  Dimension dim;
  int pow10 = 0;
  std::int64_t scaleNum = 1;
  std::int64_t scaleDen = 1;
};

// Resolves a unit string against the declared units. On failure returns nullopt and sets `bad` to
// the part that did not resolve (吨标 in 元/吨标).
std::optional<ResolvedUnit> resolveUnit(const Model& model, const std::string& text, std::string& bad);

// The Chinese scale prefixes, longest first: 千亿 → 11, 万 → 4, 十 → 1.
int scalePrefix(const std::string& text, std::size_t& length);

}  // namespace polc::sema
