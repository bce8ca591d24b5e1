// The seed policies (常办发〔2022〕1号, the Wujin 2024 measures, reply 189) checked together, and the
// mutations of issue 4's "Done when": each mutation of the source text yields its finding, and the
// finding's witness replays through the reference evaluator.
#include "check_util.h"

#include "support/diag_codes.h"

namespace polc::test {
namespace {

using check::FindingKind;

const char* const kCity = "changzhou-2022-industry-policy";
const char* const kWujin = "wujin-2024";

class Seeds : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { seeds_ = compileAll(seedFiles()).release(); }
  static void TearDownTestSuite() {
    delete seeds_;
    seeds_ = nullptr;
  }
  static Checked* seeds_;
};
Checked* Seeds::seeds_ = nullptr;

TEST_F(Seeds, CheckCleanWithoutErrors) {
  ASSERT_TRUE(seeds_->program) << renderText(seeds_->sm, seeds_->diags.all(), RenderOptions{});
  for (const auto& f : seeds_->result.findings)
    EXPECT_NE(check::defaultSeverity(f.kind), Severity::Error) << f.message;
  EXPECT_TRUE(seeds_->find(FindingKind::UndecidedPair).empty()) << seeds_->listing();
  EXPECT_TRUE(seeds_->find(FindingKind::DeadClause).empty()) << seeds_->listing();
  // The findings the mutations below bring in are not there before.
  for (FindingKind k : {FindingKind::TierPaysLess, FindingKind::CapAboveProgramme, FindingKind::RateOver100,
                        FindingKind::Overlap, FindingKind::Conflict})
    EXPECT_TRUE(seeds_->find(k).empty()) << check::codeOf(k) << "\n" << seeds_->listing();
}

TEST_F(Seeds, FirstUnitAwardsAreCoveredByWujinsGroup) {
  ASSERT_TRUE(seeds_->program);
  // City 第12条第1款第1项 and Wujin 第11条第1款第2项 share 首台套奖励: covered by 从优从高, different amounts.
  auto f = seeds_->find(FindingKind::CoveredOverlap, "第12条第1款第1项");
  ASSERT_EQ(f.size(), 1u) << seeds_->listing();
  EXPECT_EQ(f[0]->group, "从优从高");
  EXPECT_NE(f[0]->message.find("different amounts"), std::string::npos) << f[0]->message;
  EXPECT_NE(f[0]->refs[1].citation.find("第11条第1款第2项"), std::string::npos);
  EXPECT_TRUE(seeds_->find(FindingKind::Conflict).empty()) << seeds_->listing();
  EXPECT_TRUE(seeds_->find(FindingKind::Overlap).empty()) << seeds_->listing();
}

// The reviewer's row 6 (docs/findings.md, stop 34): a 武进区 智能化改造 project that also earns the
// city's 设备投入 standard keeps Wujin's 第1条第1款第1项 beside it, since 就高不重复 drops the city's
// 第5条第3款第2项 before 从优从高 compares the two; W0603 on the pair says so too.
TEST_F(Seeds, WujinsSmartRetrofitAwardIsKeptBesideTheCitysEquipmentAward) {
  ASSERT_TRUE(seeds_->program);
  auto f = seeds_->find(FindingKind::KeptAfterEarlierDrop, "第1条第1款第1项");
  ASSERT_EQ(f.size(), 1u) << seeds_->listing();
  EXPECT_EQ(f[0]->refs[0].citation, "武进区2024制造业若干措施 第1条第1款第1项");
  EXPECT_EQ(f[0]->refs[1].citation, "常办发〔2022〕1号 第5条第3款第2项");
  EXPECT_EQ(f[0]->group, "就高不重复");
  seeds_->expectReplays(*f[0]);
  auto covered = seeds_->find(FindingKind::CoveredOverlap, "第5条第3款第2项");
  ASSERT_EQ(covered.size(), 1u) << seeds_->listing();
  EXPECT_NE(covered[0]->message.find("unless the group 就高不重复, applied before it, drops the higher first"),
            std::string::npos)
      << covered[0]->message;
}

// The reviewer's row 22 (docs/findings.md, stop 34): a newly 规上 enterprise holding 省级专精特新小巨人企业
// is paid the city's 50 % of its increase in 地方贡献 and reply 189's part of it above twice the city's
// average growth in full: more than the increase.
TEST_F(Seeds, TwoAwardsOnTheIncreaseInLocalContributionPayMoreThanIt) {
  ASSERT_TRUE(seeds_->program);
  auto f = seeds_->find(FindingKind::PairOverBase);
  ASSERT_EQ(f.size(), 1u) << seeds_->listing();
  EXPECT_EQ(f[0]->refs[0].citation, "常工信复〔2022〕第54号 第2条第1款");
  EXPECT_EQ(f[0]->refs[1].citation, "常办发〔2022〕1号 第2条第4款");
  EXPECT_EQ(f[0]->baseFact, "增量(企业.地方贡献)");
  seeds_->expectReplays(*f[0]);
}

TEST_F(Seeds, StatedRelationIsReportedAsAccepted) {
  ASSERT_TRUE(seeds_->program);
  auto f = seeds_->find(FindingKind::AcceptedOverlap, "第2条第3款第3项");
  ASSERT_EQ(f.size(), 1u) << seeds_->listing();
  EXPECT_EQ(f[0]->relation, "参照执行");
}

TEST_F(Seeds, EveryWitnessReplays) {
  ASSERT_TRUE(seeds_->program);
  ASSERT_FALSE(seeds_->result.findings.empty());
  for (const auto& f : seeds_->result.findings) seeds_->expectReplays(f);
}

// replayAll (the checker's confirmation of W0640) evaluates each distinct witness once: every finding
// is judged as replay() judges it alone, the notes whose witness another shares included.
TEST_F(Seeds, ReplayingFindingsTogetherJudgesEachAsAlone) {
  ASSERT_TRUE(seeds_->program);
  std::vector<const check::Finding*> all;
  for (const auto& f : seeds_->result.findings) all.push_back(&f);
  auto together = check::replayAll(*seeds_->model, *seeds_->program, all);
  ASSERT_EQ(together.size(), all.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    auto alone = check::replay(*seeds_->model, *seeds_->program, *all[i]);
    EXPECT_EQ(together[i].ok, alone.ok) << all[i]->message;
    EXPECT_EQ(together[i].detail, alone.detail) << all[i]->message;
  }
}

// docs/findings.md judges every finding `polc check policies/` reports: one heading per finding, in
// the order of the report, with its code and both citations; under it, each clause's place
// (`* CITATION (policies/FILE:LINE): 「原文」`) and the witness as the report prints it, so that a
// reviewer who follows the document lands on the clause and the applicant the checker means (the
// city's lines had moved by up to 8 while the headings still matched).
TEST_F(Seeds, FindingsDocumentListsEveryFinding) {
  ASSERT_TRUE(seeds_->program);
  std::ifstream in(std::string(POLC_SOURCE_DIR) + "/docs/findings.md", std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  std::vector<std::string> headings, bodies;
  std::istringstream lines(buf.str());
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("## ", 0) == 0 && !headings.empty()) break;  // the sections after the list
    if (line.rfind("### ", 0) == 0) {
      headings.push_back(line);
      bodies.emplace_back();
    } else if (!bodies.empty()) {
      bodies.back() += line + "\n";
    }
  }
  auto reported = check::toDiagnostics(seeds_->result, check::SeverityConfig{});
  ASSERT_EQ(headings.size(), reported.size()) << "docs/findings.md is out of date\n" << seeds_->listing();
  for (std::size_t i = 0; i < reported.size(); ++i) {
    const check::Finding& f = *reported[i].finding;
    std::string want = "### " + std::to_string(i + 1) + ". " + check::codeOf(f.kind) + " (";
    EXPECT_EQ(headings[i].rfind(want, 0), 0u) << headings[i] << "\nexpected " << want;
    for (const auto& r : f.refs) {
      EXPECT_NE(headings[i].find(r.citation), std::string::npos) << headings[i];
      ASSERT_TRUE(r.span.valid()) << r.citation;
      const SourceFile& file = seeds_->sm.file(r.span.file);
      std::string place = "* " + r.citation + " (" + file.path() + ":" +
                          std::to_string(file.lineCol(r.span.begin).line) + "): ";
      EXPECT_NE(bodies[i].find(place), std::string::npos) << headings[i] << "\nexpected " << place;
    }
    if (!f.witnessSummary.empty()) {
      EXPECT_NE(bodies[i].find("* witness: " + f.witnessSummary), std::string::npos)
          << headings[i] << "\nexpected the witness " << f.witnessSummary;
    }
  }
}

// ---- mutations ------------------------------------------------------------------------------------

// Deletes a top-level block of a document (`  HEADER … \n  }\n`) from the file whose name contains `file`.
void eraseBlock(Files& files, const std::string& file, const std::string& header) {
  for (auto& [path, text] : files) {
    if (path.find(file) == std::string::npos) continue;
    auto at = text.find(header);
    ASSERT_NE(at, std::string::npos) << header;
    auto end = text.find("\n  }\n", at);
    ASSERT_NE(end, std::string::npos);
    text.erase(at, end + 5 - at);
    return;
  }
  FAIL() << "no file " << file;
}

TEST(Mutations, SwappedTierAmountsPayLessForTheHigherTier) {
  Files files = seedFiles();
  mutate(files, kCity, "营业收入 首次超 { 1000亿元: 1000万元; 500亿元: 500万元;",
         "营业收入 首次超 { 1000亿元: 500万元; 500亿元: 1000万元;");
  auto c = compileAll(files);
  ASSERT_TRUE(c->program);
  auto f = c->find(FindingKind::TierPaysLess, "第2条第1款");
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_EQ(f[0]->expectHi->normalized().toString(), "5000000");
  EXPECT_EQ(f[0]->contrastHi->normalized().toString(), "10000000");
  c->expectReplays(*f[0]);
}

TEST(Mutations, CumulativeCapBelowAnItemCap) {
  Files files = seedFiles();
  mutate(files, kCity, "上限 单个集群累计 2000万元", "上限 单个集群累计 150万元");
  auto c = compileAll(files);
  ASSERT_TRUE(c->program);
  auto f = c->find(FindingKind::CapAboveProgramme, "第1条第1款第2项");
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_EQ(f[0]->group, "单个集群累计");
  c->expectReplays(*f[0]);
}

TEST(Mutations, TwelvePercentWrittenAsOneHundredTwenty) {
  Files files = seedFiles();
  // 第3条第3款 (the second occurrence; the first is 第2条第3款第3项, which refers to it).
  mutate(files, kCity, "设备投入 × 12% 封顶 1000万元", "设备投入 × 120% 封顶 1000万元", 1);
  auto c = compileAll(files);
  ASSERT_TRUE(c->program);
  auto f = c->find(FindingKind::RateOver100, "第3条第3款");
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_FALSE(f[0]->witness.is_null());
  c->expectReplays(*f[0]);
}

TEST(Mutations, TonnesOfCoalComparedWithMoneyIsAFrontEndError) {
  Files files = seedFiles();
  mutate(files, kCity, "节能量 不低于 200吨标煤", "节能量 不低于 200万元");
  auto c = compileAll(files);
  ASSERT_TRUE(c->diags.hasErrors());
  bool found = false;
  for (const auto& d : c->diags.all()) {
    if (d.code != diag::kCompareDimensions) continue;
    found = true;
    // The span is the mutated comparison, in the city file.
    std::string text = c->sm.file(d.span.file).slice(d.span.begin, d.span.end);
    EXPECT_NE(text.find("节能量"), std::string::npos) << text;
    EXPECT_NE(text.find("200万元"), std::string::npos) << text;
    EXPECT_NE(c->sm.file(d.span.file).path().find(kCity), std::string::npos);
  }
  EXPECT_TRUE(found) << renderText(c->sm, c->diags.all(), RenderOptions{});
}

TEST(Mutations, ContradictoryInvestmentThresholdsMakeADeadClause) {
  Files files = seedFiles();
  mutate(files, kCity, "条件 智能化改造 且 自有资金改造 且 改造投资 超 1000万元",
         "条件 智能化改造 且 自有资金改造 且 改造投资 > 1000万元 and 改造投资 < 500万元");
  auto c = compileAll(files);
  ASSERT_TRUE(c->program) << renderText(c->sm, c->diags.all(), RenderOptions{});
  auto f = c->find(FindingKind::DeadClause, "第5条第3款第2项");
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_NE(f[0]->message.find("改造投资 > 1000万元"), std::string::npos) << f[0]->message;
  EXPECT_NE(f[0]->message.find("改造投资 < 500万元"), std::string::npos) << f[0]->message;
  c->expectReplays(*f[0]);
  // A dead clause no longer overlaps Wujin's 智能化改造补助.
  EXPECT_TRUE(c->find(FindingKind::CoveredOverlap, "第5条第3款第2项").empty()) << c->listing();
}

TEST(Mutations, DeletingTheDocumentWideGroupBringsTheOverlapsBack) {
  Files files = seedFiles();
  auto before = compileAll(files);
  ASSERT_TRUE(before->program);
  std::vector<const check::Finding*> covered;
  for (const auto* f : before->find(FindingKind::CoveredOverlap))
    if (f->group == "就高不重复") covered.push_back(f);
  ASSERT_GE(covered.size(), 4u) << before->listing();

  eraseBlock(files, kCity, "  不重复 就高不重复 {");
  auto after = compileAll(files);
  ASSERT_TRUE(after->program) << renderText(after->sm, after->diags.all(), RenderOptions{});
  for (const auto* f : covered) {
    const std::string& a = f->refs[0].citation;
    const std::string& b = f->refs[1].citation;
    bool back = false;
    for (FindingKind k : {FindingKind::Overlap, FindingKind::Conflict})
      for (const auto* g : after->find(k))
        if (g->refs[0].citation == a && g->refs[1].citation == b) {
          back = true;
          EXPECT_FALSE(g->witness.is_null());
          after->expectReplays(*g);
        }
    EXPECT_TRUE(back) << a << " / " << b << " should be reported again\n" << after->listing();
  }
}

TEST(Mutations, WithoutWujinsGroupTheFirstUnitAwardsConflict) {
  // R18's example: without 从优从高 the city's and Wujin's 首台（套） awards pay one product
  // different amounts (30 % of the price up to 1000万元 against fixed ceilings), uncovered.
  Files files = seedFiles();
  eraseBlock(files, kWujin, "  不重复 从优从高 {");
  auto c = compileAll(files);
  ASSERT_TRUE(c->program) << renderText(c->sm, c->diags.all(), RenderOptions{});
  auto f = c->find(FindingKind::Conflict, "第12条第1款第1项");
  ASSERT_EQ(f.size(), 1u) << c->listing();
  EXPECT_NE(f[0]->refs[1].citation.find("第11条第1款第2项"), std::string::npos);
  EXPECT_TRUE(f[0]->group.empty());
  c->expectReplays(*f[0]);
  // Every city–Wujin overlap the group covered comes back uncovered; none is left covered.
  for (const auto* g : c->find(FindingKind::CoveredOverlap)) EXPECT_NE(g->group, "从优从高") << g->message;
  EXPECT_GE(c->find(FindingKind::Conflict).size() + c->find(FindingKind::Overlap).size(), 16u) << c->listing();
  EXPECT_TRUE(c->find(FindingKind::Shadowed).empty()) << c->listing();
}

}  // namespace
}  // namespace polc::test
