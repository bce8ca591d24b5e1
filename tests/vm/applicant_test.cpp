// polrt::Applicant (runtime/vm/applicant.h): an applicant recorded from the setter calls, or saved
// from a session, loads into a session exactly as those calls would, applicant after applicant in
// one reused session; a recording that does not fit the program is refused as a whole, with
// nothing left loaded.
#include <gtest/gtest.h>

#include <array>
#include <functional>
#include <random>

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
    // Recorded from the compiler's applicant, or saved from a session that holds it.
    polrt::Applicant rec = bytecode::record(a, gen.date());
    bytecode::loadApplicant(direct, a, gen.date());
    if (i % 2) direct.save(rec);
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

// A program that reads part of the schema (the benchmark subset: six articles of the city policy)
// keeps only the facts it reads when it loads or saves an applicant, and evaluates the same.
TEST(RecordedApplicant, KeepsOnlyTheFactsTheProgramReads) {
  Loaded l = compileAndLoad({"schema.pol", "../bench/subset/changzhou-2022-subset.pol"});
  ASSERT_TRUE(l.vm) << l.c->error;
  const polrt::Program& p = *l.vm;
  const int company = p.findSubject("企业");
  const int manufacturing = p.findFact(company, "制造业"), chipDesign = p.findFact(company, "集成电路设计企业");
  ASSERT_GE(manufacturing, 0);
  ASSERT_GE(chipDesign, 0);

  polrt::Applicant full;  // both facts given
  const int root = full.addInstance(company, -1);
  full.setBool(root, manufacturing, true);
  full.setBool(root, chipDesign, true);
  polrt::Session s(p), other(p);
  ASSERT_TRUE(s.load(full));
  EXPECT_TRUE(s.factPresent(0, manufacturing));
  EXPECT_FALSE(s.factPresent(0, chipDesign));  // no clause of the subset reads it
  ASSERT_EQ(other.addInstance(company, -1), 0);
  other.setBool(0, chipDesign, true);  // a setter keeps what it is given …
  EXPECT_TRUE(other.factPresent(0, chipDesign));
  polrt::Applicant saved;
  other.save(saved);  // … and save() records only what load() would keep
  ASSERT_TRUE(s.load(saved));
  EXPECT_FALSE(s.factPresent(0, chipDesign));

  // Kept or not, the results are those of the setter calls, with and without explanations.
  vmtest::Generator gen(*l.c->program, 23);
  polrt::Session direct(p), replayed(p), resaved(p);
  int awards = 0;
  for (int i = 0; i < 300; ++i) {
    eval::Applicant a = gen.next();
    const bool explain = i % 3 == 0;
    bytecode::loadApplicant(direct, a, gen.date());
    polrt::Applicant rec = bytecode::record(a, gen.date());
    ASSERT_TRUE(replayed.load(rec)) << "applicant " << i;
    direct.save(saved);
    ASSERT_TRUE(resaved.load(saved)) << "applicant " << i;
    const bool ok = direct.evaluate(explain);
    ASSERT_EQ(replayed.evaluate(explain), ok) << "applicant " << i;
    ASSERT_EQ(resaved.evaluate(explain), ok) << "applicant " << i;
    if (!ok) {
      EXPECT_EQ(replayed.error(), direct.error());
      EXPECT_EQ(resaved.error(), direct.error());
      continue;
    }
    awards += direct.awardCount();
    const eval::Result want = bytecode::toResult(direct, explain);
    ASSERT_EQ(vmtest::compare(*l.c->program, want, bytecode::toResult(replayed, explain), explain), "") << "applicant " << i;
    ASSERT_EQ(vmtest::compare(*l.c->program, want, bytecode::toResult(resaved, explain), explain), "") << "applicant " << i;
  }
  EXPECT_GT(awards, 300);
}

// A recording saved by a session holds the facts its program reads and names its program's clauses:
// it loads into a session of a program loaded from the same file, not into another program's,
// where it could lack facts (the city reads facts the subset does not) or name other clauses.
TEST(RecordedApplicant, SavedUnderOneProgramLoadsOnlyIntoIt) {
  Loaded subset = compileAndLoad({"schema.pol", "../bench/subset/changzhou-2022-subset.pol"});
  Loaded city = compileAndLoad(vmtest::kCity);
  ASSERT_TRUE(subset.vm) << subset.c->error;
  ASSERT_TRUE(city.vm) << city.c->error;
  // The subset's program again, from the same file: another Program, the same program.
  auto again = polrt::load(subset.c->bytecode.data(), subset.c->bytecode.size());
  ASSERT_TRUE(again.program) << again.error;
  // Each program's applicants from its own generator (received awards name its clauses).
  vmtest::Generator cityGen(*city.c->program, 31), gen(*subset.c->program, 31);
  polrt::Session fromSubset(*subset.vm), fromCity(*city.vm), intoCity(*city.vm), intoSubset(*subset.vm),
      intoAgain(*again.program);
  polrt::Applicant a;
  int compared = 0;
  for (int i = 0; i < 100; ++i) {
    // The applicant first: its date is the generator's after next(), and the order in which a
    // call's arguments are evaluated is unspecified.
    const eval::Applicant cityApplicant = cityGen.next();
    bytecode::loadApplicant(fromCity, cityApplicant, cityGen.date());
    fromCity.save(a);
    EXPECT_FALSE(intoSubset.load(a)) << "applicant " << i;
    EXPECT_EQ(intoSubset.instanceCount(), 0);
    const eval::Applicant subsetApplicant = gen.next();
    bytecode::loadApplicant(fromSubset, subsetApplicant, gen.date());
    fromSubset.save(a);
    EXPECT_FALSE(intoCity.load(a)) << "applicant " << i;
    ASSERT_TRUE(intoAgain.load(a)) << "applicant " << i;
    const bool ok = fromSubset.evaluate(false);
    ASSERT_EQ(intoAgain.evaluate(false), ok) << "applicant " << i << ": " << fromSubset.error();
    if (!ok) continue;
    ++compared;
    ASSERT_EQ(vmtest::compare(*subset.c->program, bytecode::toResult(fromSubset, false), bytecode::toResult(intoAgain, false), false), "")
        << "applicant " << i;
  }
  EXPECT_GT(compared, 50);
}

// A recording made with the setters carries no program mark; the clause an award received names
// is checked by its citation, so that another program, which numbers its clauses otherwise, refuses
// it rather than counting the award against another clause.
TEST(RecordedApplicant, AwardsReceivedAreCheckedByCitation) {
  Loaded subset = compileAndLoad({"schema.pol", "../bench/subset/changzhou-2022-subset.pol"});
  Loaded city = compileAndLoad(vmtest::kCity);
  ASSERT_TRUE(subset.vm) << subset.c->error;
  ASSERT_TRUE(city.vm) << city.c->error;
  vmtest::Generator gen(*city.c->program, 17);
  polrt::Session intoCity(*city.vm), intoSubset(*subset.vm);
  int refused = 0, accepted = 0;
  for (int i = 0; i < 300; ++i) {
    const eval::Applicant app = gen.next();
    const polrt::Applicant rec = bytecode::record(app, gen.date());
    ASSERT_TRUE(intoCity.load(rec)) << "applicant " << i;  // its own program
    bool elsewhere = false;  // some award names a clause the subset numbers otherwise, or lacks
    for (const auto& r : app.received)
      elsewhere = elsewhere || (r.clause >= 0 && subset.vm->findClause(r.citation) != r.clause);
    EXPECT_EQ(intoSubset.load(rec), !elsewhere) << "applicant " << i;
    (elsewhere ? refused : accepted) += 1;
  }
  EXPECT_GT(refused, 10);
  EXPECT_GT(accepted, 100);
  // The clause's number and its citation disagree: refused by the program itself.
  const int clause = city.vm->findClause("常办发〔2022〕1号 第2条第1款");
  ASSERT_GE(clause, 0);
  polrt::Applicant a;
  a.addInstance(city.vm->findSubject("企业"), -1);
  a.addReceived(0, clause + 1, -1, polrt::Decimal::fromInt(1), 2023, "常办发〔2022〕1号 第2条第1款");
  EXPECT_FALSE(intoCity.load(a));
  a.clear();
  a.addInstance(city.vm->findSubject("企业"), -1);
  a.addReceived(0, clause, -1, polrt::Decimal::fromInt(1), 2023, "常办发〔2022〕1号 第2条第1款");
  EXPECT_TRUE(intoCity.load(a));
}

// The same recording loads again and again: loading does not consume it, and what an earlier
// applicant left in the session (histories, grants, texts, received awards) is gone.
TEST(RecordedApplicant, ReloadsAfterOtherApplicants) {
  Loaded l = compileAndLoad(vmtest::kCity);
  ASSERT_TRUE(l.vm);
  vmtest::Generator gen(*l.c->program, 5);
  std::vector<polrt::Applicant> recs;
  for (int i = 0; i < 30; ++i) {
    const eval::Applicant applicant = gen.next();
    recs.push_back(bytecode::record(applicant, gen.date()));
  }
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
  a.clear();
  a.addInstance(company, -1);
  polrt::Val past;
  past.kind = polrt::bc::kBool;
  past.i = 1;
  ASSERT_FALSE(p.subjects[static_cast<std::size_t>(company)].facts[static_cast<std::size_t>(manufacturing)].history);
  a.setHistory(0, manufacturing, 2023, past);  // 制造业 keeps no history (no 历史)
  EXPECT_TRUE(refused(a));
  // Refused once, the session still loads a good one.
  EXPECT_TRUE(s.load(good));
}

// Members are printed by index in explanations: one the fact's enum does not have is refused, as
// an enum value, a set bit or a granted recognition.
TEST(RecordedApplicant, RefusesMembersOutOfRange) {
  Loaded l = compileAndLoad(vmtest::kCity);
  ASSERT_TRUE(l.vm);
  const polrt::Program& p = *l.vm;
  const int company = p.findSubject("企业");
  const auto& facts = p.subjects[static_cast<std::size_t>(company)].facts;
  auto slotOf = [&](uint8_t kind) {
    for (std::size_t f = 0; f < facts.size(); ++f)
      if (facts[f].kind == kind) return static_cast<int>(f);
    return -1;
  };
  auto membersOf = [&](int slot) {
    return static_cast<int>(p.enums[p.types[facts[static_cast<std::size_t>(slot)].type].enumIndex].members.size());
  };
  const int enumSlot = slotOf(polrt::bc::kEnum), setSlot = slotOf(polrt::bc::kSet), recogSlot = slotOf(polrt::bc::kRecog);
  ASSERT_GE(enumSlot, 0) << "the schema has an enum fact of 企业";
  ASSERT_GE(setSlot, 0) << "… a set";
  ASSERT_GE(recogSlot, 0) << "… a recognition";
  polrt::Session s(p);
  auto loads = [&](const std::function<void(polrt::Applicant&)>& give) {
    polrt::Applicant a;
    a.addInstance(company, -1);
    give(a);
    return s.load(a);
  };
  const int lastEnum = membersOf(enumSlot) - 1, lastSet = membersOf(setSlot) - 1, lastRecog = membersOf(recogSlot) - 1;
  auto setWith = [](int m) {
    std::array<uint64_t, 4> bits{};
    bits[static_cast<std::size_t>(m >> 6)] |= uint64_t{1} << (m & 63);
    return bits;
  };
  EXPECT_TRUE(loads([&](polrt::Applicant& a) { a.setEnum(0, enumSlot, lastEnum); }));
  EXPECT_FALSE(loads([&](polrt::Applicant& a) { a.setEnum(0, enumSlot, lastEnum + 1); }));
  EXPECT_FALSE(loads([&](polrt::Applicant& a) { a.setEnum(0, enumSlot, -1); }));
  EXPECT_TRUE(loads([&](polrt::Applicant& a) { a.setSetBits(0, setSlot, setWith(lastSet).data()); }));
  EXPECT_FALSE(loads([&](polrt::Applicant& a) { a.setSetBits(0, setSlot, setWith(lastSet + 1).data()); }));
  EXPECT_TRUE(loads([&](polrt::Applicant& a) { a.addGrant(0, recogSlot, lastRecog, 19500); }));
  EXPECT_FALSE(loads([&](polrt::Applicant& a) { a.addGrant(0, recogSlot, lastRecog + 1, 19500); }));
  EXPECT_FALSE(loads([&](polrt::Applicant& a) {
    polrt::Val v;
    v.kind = polrt::bc::kEnum;
    v.i = lastEnum + 1;
    a.setHistory(0, enumSlot, 2023, v);
  }));
}

// Recordings of random setter calls — mostly of the facts' own kinds and in range, sometimes not:
// load() refuses them or the session evaluates them (with explanations, which name members and
// payees) — never a crash, which the sanitizer build of the suite would report.
TEST(RecordedApplicant, RandomRecordingsLoadOrAreRefused) {
  Loaded l = compileAndLoad(vmtest::kCity);
  ASSERT_TRUE(l.vm);
  const polrt::Program& p = *l.vm;
  std::mt19937_64 rng(3);
  auto pick = [&](int lo, int hi) { return lo + static_cast<int>(rng() % static_cast<uint64_t>(hi - lo + 1)); };
  auto rarely = [&] { return pick(0, 99) < 3; };
  const int subjects = static_cast<int>(p.subjects.size());
  const int root = p.findSubject("企业");
  polrt::Session s(p), regrouped(p);
  int loaded = 0, evaluated = 0, refused = 0;
  for (int round = 0; round < 3000; ++round) {
    polrt::Applicant a;
    std::vector<int> subjectOf;  // per recorded instance
    auto add = [&](int subject, int parent) {
      a.addInstance(subject, parent);
      subjectOf.push_back(subject);
    };
    add(rarely() ? pick(-1, subjects) : root, rarely() ? pick(-2, 2) : -1);
    for (int k = 0, steps = pick(0, 40); k < steps; ++k) {
      const int n = static_cast<int>(subjectOf.size());
      if (pick(0, 9) == 0) {  // an instance of some subject, owned by some instance
        add(pick(rarely() ? -1 : 0, subjects - (rarely() ? 0 : 1)), pick(rarely() ? -2 : 0, n - (rarely() ? 0 : 1)));
        continue;
      }
      const int inst = rarely() ? pick(-1, n) : pick(0, n - 1);
      const int su = inst >= 0 && inst < n ? subjectOf[static_cast<std::size_t>(inst)] : 0;
      const int facts = su >= 0 && su < subjects ? static_cast<int>(p.subjects[static_cast<std::size_t>(su)].facts.size()) : 1;
      const int slot = rarely() ? pick(-2, facts + 2) : pick(0, std::max(facts - 1, 0));
      const bool inRange = su >= 0 && su < subjects && slot >= 0 && slot < facts;
      const uint8_t kind = inRange && !rarely() ? p.subjects[static_cast<std::size_t>(su)].facts[static_cast<std::size_t>(slot)].kind
                                                : static_cast<uint8_t>(pick(0, 7));
      const int any = rarely() ? pick(-3, 300) : pick(0, 3);
      switch (kind) {
        case polrt::bc::kNum: a.setNum(inst, slot, polrt::Decimal::fromParts(pick(0, 1) ? any : pick(0, 2000000000), pick(0, 2))); break;
        case polrt::bc::kBool: a.setBool(inst, slot, any % 2 == 0); break;
        case polrt::bc::kEnum: a.setEnum(inst, slot, any); break;
        case polrt::bc::kDate: a.setDay(inst, slot, 19000 + pick(0, 1000)); break;
        case polrt::bc::kSet: {
          uint64_t bits[4] = {rng() & (rarely() ? ~uint64_t{0} : 3), rarely() ? rng() : 0, 0, rarely() ? rng() : 0};
          a.setSetBits(inst, slot, bits);
          break;
        }
        case polrt::bc::kText: a.setText(inst, slot, "文本"); break;
        case polrt::bc::kRecog:
          a.setRecognition(inst, slot);
          a.addGrant(inst, slot, any, 19000 + pick(0, 800));
          break;
        default: {
          polrt::Val v;
          v.kind = inRange ? p.subjects[static_cast<std::size_t>(su)].facts[static_cast<std::size_t>(slot)].kind : uint8_t{0};
          v.i = any;
          v.lo = v.hi = polrt::Decimal::fromInt(any);
          v.bits[0] = rng() & (rarely() ? ~uint64_t{0} : 3);
          a.setHistory(inst, slot, 2020 + pick(0, 5), v);
          break;
        }
      }
      if (pick(0, 30) == 0)
        a.addReceived(inst, pick(-1, static_cast<int>(p.clauses.size()) - (rarely() ? 0 : 1)), -1, polrt::Decimal::fromInt(any), 2024);
    }
    a.setDate(19000 + pick(0, 1000));
    // Grouped by instance and kind, the same recording loads to the same applicant, or is refused
    // as well.
    polrt::Applicant grouped = a;
    grouped.group();
    const bool fits = regrouped.load(grouped);
    if (!s.load(a)) {
      ++refused;
      EXPECT_EQ(s.instanceCount(), 0);
      EXPECT_FALSE(fits) << "round " << round;
      continue;
    }
    ++loaded;
    ASSERT_TRUE(fits) << "round " << round;
    const bool explain = round % 2 == 0;
    const bool ok = s.evaluate(explain);
    ASSERT_EQ(regrouped.evaluate(explain), ok) << "round " << round;
    if (ok) {
      ++evaluated;
      ASSERT_EQ(vmtest::compare(*l.c->program, bytecode::toResult(s, explain), bytecode::toResult(regrouped, explain), explain), "")
          << "round " << round;
    } else {
      EXPECT_EQ(regrouped.error(), s.error());
    }
  }
  // Both sides are reached: evaluations, not only the checks, and refusals.
  EXPECT_GT(loaded, 500);
  EXPECT_GT(evaluated, 300);
  EXPECT_GT(refused, 300);
}

}  // namespace
