// ir::traceShape: the parts and reads of a condition that polc's Tracer, the bytecode's traces and
// the generated C++'s why-not show, decided in this one place for the three (so the differential
// tests, which compare them, cannot see a mistake in it: these can).
#include "eval_util.h"
#include "ir/trace_shape.h"

namespace polc::test {
namespace {

std::unique_ptr<CompiledPolicy> clause(const std::string& body) {
  return compilePolicy(std::string(kSchema) + "文件 测试 {\n  文号 \"测〔2024〕1号\"\n  条 1 { 款 1 { 原文 \"读什么\" 对象 企业 标的 规模奖励\n" +
                       body + "\n  } }\n}\n");
}

// Each read as "kind what": F a fact, C a computed value, H a fact's highest earlier year.
std::vector<std::string> reads(const ir::TraceShape& s) {
  std::vector<std::string> out;
  for (const ir::TraceRead& r : s.reads)
    out.push_back(std::string(r.kind == ir::TraceRead::Fact ? "F " : r.kind == ir::TraceRead::Computed ? "C " : "H ") +
                  r.e->source);
  return out;
}

TEST(TraceShape, AChainedOrSideBySideAndWhatEachLeafReads) {
  auto c = clause(R"(条件 非 (制造业 或 人数 达 10 或 上年(营业收入) 超 1亿元)
      条件 营业收入 首次超 5亿元
      给予 20万元)");
  ASSERT_TRUE(c);
  const ir::Clause& cl = c->program->clauses[0];
  ASSERT_EQ(cl.conditions.size(), 2u);
  const ir::TraceShape no = ir::traceShape(cl.conditions[0], false);
  EXPECT_EQ(no.join, ir::TraceJoin::Not);
  EXPECT_STREQ(ir::joinerWords(no.join), "非");
  ASSERT_EQ(no.parts.size(), 1u);
  const ir::TraceShape either = ir::traceShape(*no.parts[0], false);
  EXPECT_EQ(either.join, ir::TraceJoin::Or);
  ASSERT_EQ(either.parts.size(), 3u) << "A 或 B 或 C: three operands, not (A 或 B) 或 C";
  EXPECT_EQ(reads(ir::traceShape(*either.parts[0], false)), (std::vector<std::string>{"F 制造业"}));
  EXPECT_EQ(reads(ir::traceShape(*either.parts[2], false)),
            (std::vector<std::string>{"C 上年(营业收入)", "F 营业收入"}));
  EXPECT_EQ(reads(ir::traceShape(cl.conditions[1], false)), (std::vector<std::string>{"H 营业收入", "F 营业收入"}));
}

TEST(TraceShape, AnAmountsTiersShowWhatTheyDividedAndItsCasesTheirKeys) {
  auto c = clause(R"(给予 分档 营业收入 首次超 { 5亿元: 20万元 } + 分情形 { 制造业: 1万元; 人数 达 10: 2万元 })");
  ASSERT_TRUE(c);
  std::vector<const ir::Expr*> nodes;
  ir::amountTraceNodes(c->program->clauses[0].amount[0], nodes);
  ASSERT_EQ(nodes.size(), 2u);
  const ir::TraceShape tiers = ir::traceShape(*nodes[0], true);
  EXPECT_EQ(tiers.join, ir::TraceJoin::Tiers);
  EXPECT_STREQ(ir::joinerWords(tiers.join), "");
  EXPECT_EQ(reads(tiers), (std::vector<std::string>{"F 营业收入", "H 营业收入"}));
  const ir::TraceShape cases = ir::traceShape(*nodes[1], true);
  EXPECT_EQ(cases.join, ir::TraceJoin::Cases);
  ASSERT_EQ(cases.parts.size(), 2u);
  EXPECT_EQ(cases.parts[1]->source, "人数 达 10");
  EXPECT_TRUE(ir::traceShape(*nodes[1], false).parts.empty()) << "a 分情形 in a condition is a leaf";
}

}  // namespace
}  // namespace polc::test
