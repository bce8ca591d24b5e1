// A block whose `}` is missing: the error falls on the next article or clause, or at the end of
// the file, far from the slip. Which block was left open, so that the diagnostic can point at it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <antlr4-runtime.h>

namespace polc {

struct UnclosedBlock {
  const antlr4::Token* first = nullptr;  // the first token of the line that opens it: `款` in `款 1.2 "…" {`
  const antlr4::Token* brace = nullptr;  // its `{`
  std::string keyword;                   // `款`, `条`, … as written; empty for another block (a table)
  // The `}` that closed it in the parser's reading although it lines up with the block around it;
  // null when no `}` was so misplaced (the block open where the parser stands is named instead).
  const antlr4::Token* misplaced = nullptr;
  // At the end of the file every block still open lacks its `}`: those around this one, from the
  // nearest out (the 条 and the 文件 around a 款). Empty before another token, where they may
  // still be closed further on.
  std::vector<UnclosedBlock> around;
};

// The block left open when the parser meets `offending` (an item of an enclosing block, or the end
// of the file) where a `}` could stand: the block whose `{` a `}` lined up with an outer block
// closed — the writer's indentation says whose `}` is missing — or else the innermost block open.
std::optional<UnclosedBlock> unclosedBlock(antlr4::Parser* parser, const antlr4::Token* offending);

}  // namespace polc
