// The lexers the front end uses: ANTLR's generated PolcLexer, with a simulator that remembers its
// DFA transitions for every code point, not only for ASCII; and, for the parse of a file that has
// no syntax error, one that hands over only the tokens the parser reads.
#pragma once

#include <memory>

#include "PolcLexer.h"

namespace polc {

// ANTLR's lexer simulator caches a DFA edge only for code points 0–127 ("forces unicode to stay in
// ATN"): every Chinese character of a policy was matched by a fresh ATN closure, with its
// allocations — most of the front end's time, and far more under ASan. A transition depends only
// on the DFA state and the code point (the grammar has no lexer predicates), so caching it for
// every code point changes no token; tests/unit/frontend compares the tokens of both lexers.
class PolicyLexer : public gen::PolcLexer {
 public:
  explicit PolicyLexer(antlr4::CharStream* input);
};

// PolicyLexer without the white space and comments (the hidden channel), its tokens 40-byte
// CompactTokens (syntax/compact_token.h). The spaces and comments were half of a policy's tokens,
// each a 112-byte CommonToken kept until the syntax tree was built: only the syntax error hints
// look at them (the spacing around a slip), and a file with an error is lexed again in full for
// those (syntax/parse.cpp).
class ParsingLexer : public PolicyLexer {
 public:
  using PolicyLexer::PolicyLexer;
  std::unique_ptr<antlr4::Token> nextToken() override;
  using PolicyLexer::emit;
  antlr4::Token* emit() override;
};

}  // namespace polc
