// polrt::Applicant (runtime/vm/applicant.h): a recorded applicant loads into a session exactly as
// the setter calls it records, applicant after applicant in one reused session; a recording that
// does not fit the program is refused as a whole, with nothing left loaded.
#include <gtest/gtest.h>

#include "backend/bytecode/bridge.h"
#include "vm_util.h"

namespace {

using namespace polc;

struct Loaded {
  std::unique_ptr<vmtest::Compiled> c;
  std::unique_ptr<polrt::Program> vm;
};

Loaded compileAndLoad(const std::vector<std::string>& files) {
  Loaded l;
  l.c = vmtest::compile(files);
  auto r = polrt::load(l.c->bytecode.data(), l.c->bytecode.size());
  l.vm = std::move(r.program);
  return l;
}

TEST(RecordedApplicant, EvaluatesAsTheSetterCallsItRecords) {
  Loaded l = compileAndLoad(vmtest::kCityWujin);
  ASSERT_TRUE(l.vm);
  vmtest::Generator gen(*l.c->program, 11);
  polrt::Session direct(*l.vm), replayed(*l.vm);
  int awards = 0;
  for (int i = 0; i < 400; ++i) {
    eval::Applicant a = gen.next();
    const bool explain = i % 4 == 0;
    polrt::Applicant rec = bytecode::record(a, gen.date());
    bytecode::loadApplicant(direct, a, gen.date());
    ASSERT_TRUE(replayed.load(rec)) << "applicant " << i;
    EXPECT_EQ(replayed.instanceCount(), direct.instanceCount());
    const bool ok = direct.evaluate(explain);
    ASSERT_EQ(replayed.evaluate(explain), ok) << "applicant " << i;
    if (!ok) {
      EXPECT_EQ(replayed.error(), direct.error());
      continue;
    }
    awards += direct.awardCount();
    ASSERT_EQ(vmtest::compare(*l.c->program, bytecode::toResult(direct, explain), bytecode::toResult(replayed, explain), explain), "")
        << "applicant " << i;
  }
  EXPECT_GT(awards, 400);  // the applicants reach the clauses, not only their screens
}

// The same recording loads again and again: loading does not consume it, and what an earlier
// applicant left in the session (histories, grants, texts, received awards) is gone.
TEST(RecordedApplicant, ReloadsAfterOtherApplicants) {
  Loaded l = compileAndLoad(vmtest::kCity);
  ASSERT_TRUE(l.vm);
  vmtest::Generator gen(*l.c->program, 5);
  std::vector<polrt::Applicant> recs;
  for (int i = 0; i < 30; ++i) recs.push_back(bytecode::record(gen.next(), gen.date()));
  polrt::Session s(*l.vm);
  std::vector<std::string> first;
  for (int round = 0; round < 2; ++round)
    for (std::size_t i = 0; i < recs.size(); ++i) {
      ASSERT_TRUE(s.load(recs[i]));
      std::string r = s.evaluate(true) ? vmtest::compare(*l.c->program, bytecode::toResult(s, true), eval::Result{}, true) : s.error();
      if (round == 0) first.push_back(r);
      else EXPECT_EQ(r, first[i]) << "applicant " << i;
    }
}

TEST(RecordedApplicant, RefusesWhatDoesNotFitTheProgram) {
  Loaded l = compileAndLoad(vmtest::kCity);
  ASSERT_TRUE(l.vm);
  const polrt::Program& p = *l.vm;
  const int company = p.findSubject("企业"), project = p.findSubject("项目");
  ASSERT_GE(company, 0);
  ASSERT_GE(project, 0);
  const int manufacturing = p.findFact(company, "制造业"), revenue = p.findFact(company, "营业收入");
  ASSERT_GE(manufacturing, 0);
  ASSERT_GE(revenue, 0);
  polrt::Session s(p);
  auto refused = [&](const polrt::Applicant& a) { return !s.load(a) && s.instanceCount() == 0; };

  polrt::Applicant good;
  int root = good.addInstance(company, -1);
  good.setBool(root, manufacturing, true);
  good.setNum(root, revenue, polrt::Decimal::fromInt(5));
  ASSERT_TRUE(s.load(good));
  EXPECT_TRUE(s.factPresent(0, manufacturing));

  polrt::Applicant a;
  a.addInstance(project, -1);  // a project cannot be the applicant
  EXPECT_TRUE(refused(a));
  a.clear();
  a.addInstance(company, -1);
  a.setBool(0, static_cast<int>(p.subjects[static_cast<std::size_t>(company)].facts.size()), true);  // no such slot
  EXPECT_TRUE(refused(a));
  a.clear();
  a.addInstance(company, -1);
  a.setNum(0, manufacturing, polrt::Decimal::fromInt(1));  // 制造业 is a boolean
  EXPECT_TRUE(refused(a));
  a.clear();
  a.addInstance(company, -1);
  a.setBool(3, manufacturing, true);  // no instance 3
  EXPECT_TRUE(refused(a));
  a.clear();
  a.addInstance(company, -1);
  a.addReceived(0, static_cast<int>(p.clauses.size()), -1, polrt::Decimal::fromInt(1), 2024);  // no such clause
  EXPECT_TRUE(refused(a));
  // Refused once, the session still loads a good one.
  EXPECT_TRUE(s.load(good));
}

TEST(RecordedApplicant, RefusesAnEnumMemberOutOfRange) {
  Loaded l = compileAndLoad(vmtest::kCity);
  ASSERT_TRUE(l.vm);
  const polrt::Program& p = *l.vm;
  const int company = p.findSubject("企业");
  int slot = -1;
  const auto& facts = p.subjects[static_cast<std::size_t>(company)].facts;
  for (std::size_t f = 0; f < facts.size() && slot < 0; ++f)
    if (facts[f].kind == polrt::bc::kEnum) slot = static_cast<int>(f);
  ASSERT_GE(slot, 0) << "the schema has an enum fact of 企业";
  const auto& members = p.enums[p.types[facts[static_cast<std::size_t>(slot)].type].enumIndex].members;
  polrt::Session s(p);
  polrt::Applicant a;
  a.addInstance(company, -1);
  a.setEnum(0, slot, static_cast<int>(members.size()) - 1);
  EXPECT_TRUE(s.load(a));
  a.clear();
  a.addInstance(company, -1);
  a.setEnum(0, slot, static_cast<int>(members.size()));
  EXPECT_FALSE(s.load(a));
}

}  // namespace
