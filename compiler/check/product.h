// An amount read as a rate of a base: the constant factors of a product (`设备投入 × 60% × 2`,
// `设备投入 × (50% 至 150%)`, `设备投入 × 240% ÷ 2`) taken together, whatever their order and grouping,
// and the other factors as the base. W0633 is about the rate the base is paid at, not about one
// literal of it: 60% × 2 pays 120 % of the base, 120% × 50% pays 60 %.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "check/translate.h"

namespace polc::check {

struct Product {
  const ir::Expr* node = nullptr;               // the whole product
  std::vector<const ir::Expr*> times, divides;  // the constant factors, multiplied and divided by
  std::vector<const ir::Expr*> base;            // the other factors, multiplied
  Q lo = Q(1), hi = Q(1);  // the rate: one value, or the ends of a range (`50% 至 150%`)
  bool percent = false;    // a constant factor is written as a percentage (% or ‰)

  // The constant factors as written: `60% × 2`, `240% ÷ 2`, `50% 至 150%`.
  std::string rateText() const;
  std::string baseText() const;
  // Whether the rate is a single literal, whose text says it all.
  bool oneLiteral() const { return times.size() == 1 && divides.empty(); }
};

// e as a product (× or ÷ by constants); nullopt when e is no product, or when a constant factor is
// not a positive number (a negative rate is no rate of the base).
std::optional<Product> productOf(const ir::Expr& e, Translator& tr);

// The base as one linear form: the product of the base factors, when at most one is not constant.
std::optional<Lin> baseLin(const Product& p, Translator& tr);

}  // namespace polc::check
