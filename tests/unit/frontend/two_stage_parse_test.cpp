// parseFile parses in SLL mode first and falls back to full LL only on an error
// (syntax/parse.cpp). That is only sound where SLL succeeds exactly when LL does, with the same
// tree: checked here on every policy file of the repository, valid or not.
#include <gtest/gtest.h>

#include <antlr4-runtime.h>

#include <memory>
#include <string>

#include "PolcParser.h"
#include "frontend_util.h"
#include "syntax/policy_lexer.h"

namespace polc {
namespace {

struct Parsed {
  bool ok = false;
  std::string tree;
};

Parsed parseWith(const std::string& text, antlr4::atn::PredictionMode mode) {
  antlr4::ANTLRInputStream input(text);
  PolicyLexer lexer(&input);
  lexer.removeErrorListeners();
  antlr4::CommonTokenStream tokens(&lexer);
  gen::PolcParser parser(&tokens);
  parser.removeErrorListeners();
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(mode);
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  try {
    auto* tree = parser.file();
    return {true, tree->toStringTree(&parser)};
  } catch (const antlr4::ParseCancellationException&) {
    return {};
  }
}

TEST(TwoStageParse, SllGivesLlsTreeOnEveryPolicyFileOfTheRepository) {
  int valid = 0, invalid = 0;
  for (const auto& [path, text] : test::repositoryPolicyFiles()) {
    if (text.size() > 1'000'000) continue;  // none today; a deep generated file would only test the stack
    Parsed ll = parseWith(text, antlr4::atn::PredictionMode::LL);
    Parsed sll = parseWith(text, antlr4::atn::PredictionMode::SLL);
    EXPECT_EQ(ll.ok, sll.ok) << path;
    EXPECT_TRUE(ll.tree == sll.tree) << path << ": the SLL tree differs from the LL tree";
    ++(ll.ok ? valid : invalid);
  }
  // The seeds, examples and test programs parse; the golden syntax cases do not.
  EXPECT_GT(valid, 40);
  EXPECT_GT(invalid, 5);
}

TEST(TwoStageParse, AFileWithASyntaxErrorGetsTheFullLlDiagnostics) {
  // The SLL pass bails out at the first error; the diagnostics come from the LL pass with
  // recovery, so both errors of this file are reported.
  auto c = test::parseOnly("文件 测试 {\n  文号 \"x\"\n  条 1 { 款 1 { 原文 \"a\" 对象 企业 标的 甲 给予 } }\n"
                       "  条 2 { 款 1 { 原文 \"b\" 对象 企业 标的 甲 给予 1元 + } }\n}\n");
  EXPECT_EQ(c->ast, nullptr);
  EXPECT_EQ(c->codes().size(), 2u) << c->dump();
}

}  // namespace
}  // namespace polc
