// Lowering: the checked model (sema::Model and its annotated AST) → the IR of docs/ir.md.
#pragma once

#include <memory>

#include "ir/ir.h"
#include "sema/model.h"
#include "support/diagnostics.h"

namespace polc::ir {

// The model must be complete (no errors reported by analysis). Document-level expressions (申报条件
// and funding conditions) are re-resolved for each clause's subject, which rewrites their sema
// annotations in place. Returns null and reports when the program exceeds what the IR represents
// (an enum of more than kMaxEnumMembers members, a literal with no exact decimal value).
std::unique_ptr<Program> lower(sema::Model& model, DiagnosticEngine& diags);

// Sets Expr::needsFirst on every expression of the program that needs it (needs_first.cpp).
void markNeedsFirst(Program& program);

// Sets Expr::polarity on every 且/或 of the program (polarity.cpp).
void markPolarity(Program& program);

// The IR as text, for `polc build --emit=ir` and for reading in tests.
std::string dump(const Program& program);
std::string dumpExpr(const Program& program, const Expr& e);

// The exact decimal value of a literal (digits × 10^pow10 × scaleNum / scaleDen), or nullopt when it
// has no exact decimal form within polrt::Decimal.
std::optional<Decimal> literalDecimal(const LiteralValue& v);

}  // namespace polc::ir
