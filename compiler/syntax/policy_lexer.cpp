#include "syntax/policy_lexer.h"

#include <antlr4-runtime.h>

#include "syntax/compact_token.h"

namespace polc {
namespace {

class AllCodePointsSimulator : public antlr4::atn::LexerATNSimulator {
 public:
  using LexerATNSimulator::LexerATNSimulator;

 protected:
  // EOF stays uncached, as in the base: its closure treats EOF as epsilon.
  antlr4::dfa::DFAState* getExistingTargetState(antlr4::dfa::DFAState* s, size_t t) override {
    if (t <= MAX_DFA_EDGE || t == antlr4::Token::EOF) return LexerATNSimulator::getExistingTargetState(s, t);
    antlr4::dfa::DFAState* target = nullptr;
    _edgeLock.readLock();
    if (auto it = s->edges.find(t); it != s->edges.end()) target = it->second;
    _edgeLock.readUnlock();
    return target;
  }

  void addDFAEdge(antlr4::dfa::DFAState* from, size_t t, antlr4::dfa::DFAState* to) override {
    if (t <= MAX_DFA_EDGE || t == antlr4::Token::EOF) return LexerATNSimulator::addDFAEdge(from, t, to);
    _edgeLock.writeLock();
    from->edges[t] = to;
    _edgeLock.writeUnlock();
  }
  using LexerATNSimulator::addDFAEdge;
};

}  // namespace

PolicyLexer::PolicyLexer(antlr4::CharStream* input) : gen::PolcLexer(input) {
  // The generated constructor made a plain simulator over the lexer's shared DFA; put one over the
  // same ATN and DFA in its place. The field is set directly: setInterpreter's deleting of the old
  // simulator is not documented. The generated destructor deletes whichever simulator is set.
  auto* plain = getInterpreter<antlr4::atn::LexerATNSimulator>();
  _interpreter = new AllCodePointsSimulator(this, plain->atn, plain->_decisionToDFA, plain->getSharedContextCache());
  delete plain;
}

// As Lexer::emit, without the token factory (whose tokens are CommonTokens). A CompactToken's text
// is read from the input (the grammar sets no token's text of its own), and its fields hold no EOF
// type or position: the one EOF token of a file is made as before.
antlr4::Token* ParsingLexer::emit() {
  if (!_text.empty() || type == antlr4::Token::EOF) return PolicyLexer::emit();
  auto token = std::make_unique<CompactToken>(this, type, channel, tokenStartCharIndex, getCharIndex() - 1,
                                              tokenStartLine, tokenStartCharPositionInLine);
  antlr4::Token* t = token.get();
  emit(std::move(token));
  return t;
}

std::unique_ptr<antlr4::Token> ParsingLexer::nextToken() {
  for (;;)
    if (auto t = PolicyLexer::nextToken(); t->getChannel() == antlr4::Token::DEFAULT_CHANNEL) return t;
}

}  // namespace polc
