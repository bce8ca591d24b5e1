// Where a dated parameter has no value: before its first date. Shared by the check of a read at a
// written date (`LPR一年期 于 2019-06-30`) and of a read on the evaluation date (a bare name).
#pragma once

#include "sema/context.h"

namespace polc::sema {

// The entry with the earliest date, or null for a parameter with no values (reported elsewhere).
const ast::ParameterEntry* firstValue(const ParameterInfo& p);

// A parameter named without 于 is read on the evaluation date; `doc` is in force from its 有效期's
// start, and a parameter whose first value comes later stops every evaluation dated in between that
// reaches the read. Reported (E0420) for each such read in `e`, an expression of `citation`.
void readsBeforeFirstValue(Context& cx, const ast::Expr& e, const ast::DocumentDecl& doc,
                           const std::string& citation);

}  // namespace polc::sema
