// The VM's direct paths (runtime/vm/fast.cpp: direct conditions, clause screens and keys) against
// the reference evaluator on P2 and on variants made to reach the cases where the direct path
// must defer: a key fact given only through this year's history, an absent key, an item whose
// owner lacks the fact. The random differential (tests/differential) covers the rest.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "backend/bytecode/bridge.h"
#include "facts/facts.h"
#include "vm_util.h"

namespace {

using namespace polc;

struct Fixture {
  std::unique_ptr<vmtest::Compiled> c;
  std::unique_ptr<polrt::Program> vm;
  eval::Applicant p2;
  int company = -1, manufacturing = -1;  // 企业 and its 制造业 slot
  int titles = -1;                         // 企业.称号, the recognitions that key tier amounts
};

const Fixture& fixture() {
  static Fixture f = [] {
    Fixture x;
    x.c = vmtest::compile(vmtest::kCity);
    auto r = polrt::load(x.c->bytecode.data(), x.c->bytecode.size());
    x.vm = std::move(r.program);
    std::ifstream in(std::string(POLC_SOURCE_DIR) + "/examples/applicants/p2.json");
    std::stringstream ss;
    ss << in.rdbuf();
    x.p2 = facts::readFacts(*x.c->model, *x.c->program, ss.str()).applicant;
    x.company = x.vm->findSubject("企业");
    x.manufacturing = x.vm->findFact(x.company, "制造业");
    x.titles = x.vm->findFact(x.company, "称号");
    return x;
  }();
  return f;
}

eval::Result onVm(const eval::Applicant& a, bool explain) {
  const Fixture& f = fixture();
  polrt::Session s(*f.vm);
  bytecode::loadApplicant(s, a, std::nullopt);
  EXPECT_TRUE(s.evaluate(explain)) << s.error();
  return bytecode::toResult(s, explain);
}

// Evaluates `a` with both evaluators; empty when they agree.
std::string difference(const eval::Applicant& a, bool explain) {
  const Fixture& f = fixture();
  eval::Options o;
  o.explain = explain;
  return vmtest::compare(*f.c->program, eval::evaluate(*f.c->program, a, o), onVm(a, explain), explain);
}

TEST(FastPaths, ScenarioP2AsGiven) {
  const Fixture& f = fixture();
  ASSERT_GE(f.manufacturing, 0);
  EXPECT_EQ(difference(f.p2, false), "");
  EXPECT_EQ(difference(f.p2, true), "");
}

TEST(FastPaths, KeyFactGivenOnlyThroughThisYearsHistory) {
  const Fixture& f = fixture();
  eval::Applicant a = f.p2;
  auto& company = a.instances.at(0);
  ASSERT_TRUE(company.facts.at(f.manufacturing).has_value());
  company.facts[f.manufacturing].reset();
  // 2024 is P2's year: the history supplies 制造业 = 是, so the clauses it guards still apply.
  company.history.at(f.manufacturing)[2024] = ir::Value::boolean(true);
  EXPECT_EQ(difference(a, false), "");
  EXPECT_EQ(vmtest::compare(*f.c->program, onVm(f.p2, false), onVm(a, false), false), "");
  EXPECT_EQ(difference(a, true), "");
}

TEST(FastPaths, AbsentKeyFactAndItsNegation) {
  const Fixture& f = fixture();
  eval::Applicant a = f.p2;
  a.instances.at(0).facts.at(f.manufacturing).reset();
  EXPECT_EQ(difference(a, false), "");
  a.instances[0].facts[f.manufacturing] = ir::Value::boolean(false);
  EXPECT_EQ(difference(a, false), "");
  EXPECT_EQ(difference(a, true), "");
}

TEST(FastPaths, ApplicantWithoutItems) {
  const Fixture& f = fixture();
  eval::Applicant a = f.p2;
  a.instances.resize(1);  // 项目 removed: clauses on projects have no instance
  a.instances[0].children.clear();
  EXPECT_EQ(difference(a, false), "");
}

// Clauses without conditions whose 分档/分情形 amount is keyed by 新认定 称号 (planKeys()): absent,
// granted this year (every title: each tier clause pays), granted only before this year.
TEST(FastPaths, TitlesKeyTheTierAmounts) {
  const Fixture& f = fixture();
  ASSERT_GE(f.titles, 0);
  eval::Applicant a = f.p2;
  ASSERT_TRUE(a.date.has_value());
  const polrt::FactDef& fd = f.vm->subjects[f.company].facts[f.titles];
  int members = static_cast<int>(f.vm->enums[f.vm->types[fd.type].enumIndex].members.size());
  for (int day : {*a.date, *a.date - 400}) {
    ir::Value v;
    v.type = ir::VType::Recognition;
    for (int m = 0; m < members; ++m) {
      v.grants.push_back(ir::Grant{m, day});
      v.bits.set(static_cast<std::size_t>(m));
    }
    a.instances.at(0).facts.at(f.titles) = v;
    EXPECT_EQ(difference(a, false), "") << day;
    EXPECT_EQ(difference(a, true), "") << day;
    if (day == *a.date) {
      EXPECT_GT(onVm(a, false).awards.size(), onVm(f.p2, false).awards.size() + 5);
    }
  }
}

// An applicant of thousands of items: the per-evaluation table of leaf results (atom()'s memo)
// would exceed its bound, so the VM tests each leaf afresh — with the same results.
TEST(FastPaths, ThousandsOfItemsWithoutTheLeafMemo) {
  const Fixture& f = fixture();
  eval::Applicant a = f.p2;
  ASSERT_GE(a.instances.size(), 2u);
  const eval::Instance project = a.instances[1];
  ASSERT_EQ(project.parent, 0);
  for (int k = 0; k < 10000; ++k) {  // 134 distinct leaves in the city policy: 1.3 million entries
    eval::Instance copy = project;
    copy.path = "企业.项目[" + std::to_string(k + 1) + "]";
    a.instances[0].children.push_back(static_cast<int>(a.instances.size()));
    a.instances.push_back(copy);
  }
  EXPECT_EQ(difference(a, false), "");
}

}  // namespace
