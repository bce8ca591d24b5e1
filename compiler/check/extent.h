// The lowest and highest value of a linear form (an amount Σ coef·var + c) over the applicants a
// branch pays, read off the boxes of its condition: in each box, every part at the end of its
// interval that makes the form lowest (highest), or, when the box bounds the sum itself (a condition
// on `设备投入 + 软件投入`), the end of that sum's interval, whichever is tighter. Boxes treat the parts
// of a sum as independent, so a bound found here holds for every applicant; it may not be reached.
#pragma once

#include <optional>
#include <vector>

#include "check/translate.h"

namespace polc::check {

// One variable at one end of its interval.
struct AtBound {
  int var = -1;
  Q value;
  bool strict = false;  // the interval stops short of the value (超, 低于)
};

struct End {
  Q value;
  bool strict = false;          // the form only approaches the value
  std::vector<AtBound> parts;   // the variables' ends that give it
};

struct Extent {
  bool any = false;           // some applicant is paid
  std::optional<End> lo, hi;  // nullopt: no bound on that side
};

// Over the meets of a box of `a` with a box of `b` (the pay condition and a branch's guard).
Extent extentOf(const Boxes& boxes, const VarTable& vars, const std::vector<Box>& a, const std::vector<Box>& b,
                const Lin& form);

}  // namespace polc::check
