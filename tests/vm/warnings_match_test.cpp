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

// For each kind of applicant of the real policies, the applicant `make` gives (its root's object)
// read by the facts reader and evaluated by a Session: `check` compares their warnings, given the
// reader's and the Session's. Returns how many warnings the reader gave in all.
template <class Make, class Check>
std::size_t compareWarnings(Make make, Check check) {
  auto c = compile(kAll);
  EXPECT_FALSE(c->bytecode.empty()) << c->error;
  auto loaded = polrt::load(c->bytecode.data(), c->bytecode.size());
  EXPECT_TRUE(loaded.program) << loaded.error;
  if (!loaded.program) return 0;
  polrt::Session session(*loaded.program);
  std::size_t warned = 0;
  const ir::Program& p = *c->program;
  for (std::size_t root = 0; root < p.subjects.size(); ++root) {
    if (p.subjects[root].owner >= 0) continue;
    json doc = {{"date", "2024-06-30"}, {p.subjects[root].name, make(p, static_cast<int>(root))}};
    auto facts = facts::readFacts(*c->model, p, doc);
    EXPECT_TRUE(facts.ok()) << facts.errors.front();
    bytecode::loadApplicant(session, facts.applicant, facts.applicant.date);
    EXPECT_TRUE(session.evaluate(false)) << session.error();
    check(facts.warnings, session.warnings(), p.subjects[root].name);
    warned += facts.warnings.size();
  }
  return warned;
}

TEST(RuntimeWarnings, AreTheFactsReadersWordForWord) {
  auto warned = compareWarnings(instance, [](const auto& reader, const auto& vm, const std::string& root) {
    EXPECT_EQ(sorted(vm), sorted(reader)) << root;
  });
  EXPECT_GT(warned, 10u) << "the policies' caps and 一次性 clauses give warnings to compare";
}

// Each recognition fact of an item: its enum's first member granted after the evaluation date, its
// second on that date (held: no warning), and one instance of each subject it owns.
json recognitions(const ir::Program& p, int subject) {
  json obj = json::object();
  for (const auto& f : p.subjects[static_cast<std::size_t>(subject)].facts) {
    const auto members = f.type.enumIndex >= 0 ? p.enums[static_cast<std::size_t>(f.type.enumIndex)].members
                                               : std::vector<std::string>{};
    if (f.required && f.type.kind == TypeKind::Enum) obj[f.name] = members[0];
    if (f.type.kind != TypeKind::Recognition) continue;
    obj[f.name] = {{members[0], "2024-07-01"}};
    if (members.size() > 1) obj[f.name][members[1]] = "2024-06-30";
  }
  for (std::size_t s = 0; s < p.subjects.size(); ++s)
    if (p.subjects[s].owner == subject) obj[p.subjects[s].name] = json::array({recognitions(p, static_cast<int>(s))});
  return obj;
}

// A recognition granted after the evaluation date: the Session's warnings (runtime/vm/late_grants.cpp)
// are the facts reader's, word for word and in the same order, for every recognition fact of every
// kind of item of the real policies.
TEST(RuntimeWarnings, ALateRecognitionIsWarnedAsTheFactsReaderWarns) {
  auto warned = compareWarnings(recognitions, [](const auto& reader, const auto& vm, const std::string& root) {
    EXPECT_EQ(vm, reader) << root;
    for (const auto& w : reader) EXPECT_NE(w.find("granted on 2024-07-01"), std::string::npos) << w;
  });
  EXPECT_GE(warned, 5u) << "the policies' items with recognitions give warnings to compare";
}

}  // namespace
}  // namespace polc::vmtest
