// The lexer the front end uses: ANTLR's generated PolcLexer, with a simulator that remembers its
// DFA transitions for every code point, not only for ASCII.
#pragma once

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

}  // namespace polc
