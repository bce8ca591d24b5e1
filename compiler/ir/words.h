// The words, signs and units the IR's consumers write for its values. One source, so that the
// reference evaluator's explanations, the bytecode's type table and the generated C++ write a
// comparison or a quantity alike: the differential tests compare their explanations word for word.
#pragma once

#include <string>

#include "ir/ir.h"

namespace polc::ir {

// A 分档's comparison as the explanation says it: 超, 达, 不超过, 低于, 为, 不为.
const char* cmpWord(ast::CmpOp op);
// The word of a 分档's entries in the explanation, by its mode: 首次超, 含, 为, or cmpWord.
const char* tierWord(const Expr& tiers);
// The comparison as an operator: >, >=, <=, <, ==, !=.
const char* cmpSign(ast::CmpOp op);

// The text of a dimension: 吨, 元/吨标煤, 吨^2, /年.
std::string dimensionText(const Program& p, const Dimension& d);

// How a number of a type is written.
struct NumberStyle {
  enum class Kind {
    Plain,  // not a number: the value as it is
    Money,  // 元, shown in 元/万元/亿元
    Ratio,  // dimensionless or per one base unit (%/年): a whole number, or a percentage, then `text`
    Unit,   // any other dimension: the value, then `text`
  };
  Kind kind = Kind::Plain;
  std::string text;  // Ratio: the per-unit suffix (/年), often empty; Unit: the dimension's text
  bool integer = false;  // a count: never written as a percentage
};
NumberStyle numberStyle(const Program& p, const Type& t);

}  // namespace polc::ir
