// The numbers a block's code writes, for W0639 to look for in the 原文 the block quotes: the literals
// of a clause's 条件, 给予, 上限, 名额 and 分期, of a document's 申报条件, and of its 资金分担 rules
// (their conditions, shares and ratios), each with its value in its dimension's base unit.
#pragma once

#include <string>
#include <vector>

#include "decimal/decimal.h"
#include "ir/ir.h"
#include "syntax/ast.h"

namespace polc::check {

struct WrittenNumber {
  polrt::Decimal value;  // the base unit's: 1亿元 is 100000000
  std::string unit;      // ir::dimensionText: 元, /年, "" for a plain number or a rate
  Span span;
  std::string text;  // as written: `50万元`
  std::vector<polrt::Decimal> ratio;  // a funding rule's `1:1`, whose value is unused: matched as a proportion
  unsigned roles = 0;  // what the code makes of it (quote_roles.h): a cap, a threshold, an amount; 0 unknown
};

// The numbers of e, in source order, appended to out. 0 (`超 0元`: some) and a count of at least 1
// (`人数 达 1 以上`) are left out: no text states them. `roles` is what e's place makes of a number
// written as e: kAmount for a clause's 给予, kCap for its 上限, 0 elsewhere; a comparison's bound is a
// threshold wherever it stands.
void writtenNumbers(const ast::Expr* e, const ir::Program& p, unsigned roles, std::vector<WrittenNumber>& out);

// `市, 辖区 = 1:1`: a funding rule's ratio, appended to out.
void ratioNumber(const std::string& ratio, Span span, std::vector<WrittenNumber>& out);

}  // namespace polc::check
