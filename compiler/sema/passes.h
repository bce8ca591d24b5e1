// The passes of semantic analysis, in the order analyze() runs them. Each one reads what the
// previous ones recorded in the model.
#pragma once

#include "sema/context.h"
#include "sema/expr_checker.h"

namespace polc::sema {

// Names of every top-level declaration, duplicates reported; units resolved.
void declare(Context& cx);
// Subject owners, fact types, set members, parameter values, fact defaults and ranges.
void resolveSchema(Context& cx, ExprChecker& checker);
// Documents, articles, clauses and their citations, then groups, caps and funding.
void checkDocuments(Context& cx, ExprChecker& checker);

}  // namespace polc::sema
