// The runtime warns about awards received given by their target alone exactly as polc eval does:
// for every target of the real policies, listed on every kind of item, in years before, at and
// after the evaluation year, the Session's warnings (runtime/vm/uncounted.cpp) are the facts
// reader's (compiler/facts/facts.cpp), word for word — the rules each finds in its own tables of
// the program, the path, the "and N more".
#include <gtest/gtest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "backend/bytecode/bridge.h"
#include "facts/facts.h"
#include "vm_util.h"

namespace polc::vmtest {
namespace {

using json = nlohmann::json;

// An instance of `subject`: its required facts (enumerations here, given their first value), one
// award received by target alone per target and year, and one instance of each subject it owns.
json instance(const ir::Program& p, int subject) {
  json obj = json::object();
  for (const auto& f : p.subjects[static_cast<std::size_t>(subject)].facts)
    if (f.required && f.type.kind == TypeKind::Enum) obj[f.name] = p.enums[static_cast<std::size_t>(f.type.enumIndex)].members[0];
  json received = json::array();
  for (const auto& t : p.targets)
    for (int year : {2022, 2023, 2024, 2025}) received.push_back({{"target", t.name}, {"amount", "1万元"}, {"year", std::to_string(year)}});
  obj["已获奖励"] = received;
  for (std::size_t s = 0; s < p.subjects.size(); ++s)
    if (p.subjects[s].owner == subject) obj[p.subjects[s].name] = json::array({instance(p, static_cast<int>(s))});
  return obj;
}

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

TEST(RuntimeWarnings, AreTheFactsReadersWordForWord) {
  auto c = compile(kAll);
  ASSERT_FALSE(c->bytecode.empty()) << c->error;
  auto loaded = polrt::load(c->bytecode.data(), c->bytecode.size());
  ASSERT_TRUE(loaded.program) << loaded.error;
  polrt::Session session(*loaded.program);
  std::size_t warned = 0;
  for (std::size_t root = 0; root < c->program->subjects.size(); ++root) {
    if (c->program->subjects[root].owner >= 0) continue;
    const ir::Program& p = *c->program;
    json doc = {{"date", "2024-06-30"}, {p.subjects[root].name, instance(p, static_cast<int>(root))}};
    auto facts = facts::readFacts(*c->model, p, doc);
    ASSERT_TRUE(facts.ok()) << facts.errors.front();
    bytecode::loadApplicant(session, facts.applicant, facts.applicant.date);
    ASSERT_TRUE(session.evaluate(false)) << session.error();
    EXPECT_EQ(sorted(session.warnings()), sorted(facts.warnings)) << p.subjects[root].name;
    warned += facts.warnings.size();
  }
  EXPECT_GT(warned, 10u) << "the policies' caps and 一次性 clauses give warnings to compare";
}

}  // namespace
}  // namespace polc::vmtest
