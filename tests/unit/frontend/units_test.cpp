// Units: scales share a dimension (元, 万元, 亿元), other units are their own (美元, 吨标煤), rates
// divide, and aliases such as 月 = 1/12年 carry an exact scale.
#include <gtest/gtest.h>

#include <string>

#include "frontend_util.h"
#include "sema/units.h"
#include "support/diag_codes.h"

namespace polc::test {
namespace {

const char* kUnitSchema =
    "单位 吨标煤 \"吨标准煤\"\n"
    "单位 美元\n"
    "单位 年\n"
    "单位 吨\n"
    "单位 月 = 1/12年\n"
    "单位 季度 = 3月\n";

class Units : public ::testing::Test {
 protected:
  void SetUp() override {
    c_ = compile(kUnitSchema);
    ASSERT_TRUE(c_->model) << c_->dump();
    ASSERT_FALSE(c_->diags.hasErrors()) << c_->dump();
  }
  sema::ResolvedUnit unit(const std::string& text) {
    std::string bad;
    auto r = sema::resolveUnit(*c_->model, text, bad);
    EXPECT_TRUE(r) << "`" << text << "` did not resolve; bad part `" << bad << "`";
    return r.value_or(sema::ResolvedUnit{});
  }
  Dimension base(const std::string& name) const {
    return c_->model->units.at(c_->model->unitIndex.at(name)).dim;
  }
  std::string describe(const Dimension& d) const { return c_->model->describe(d); }
  std::unique_ptr<Compiled> c_;
};

TEST_F(Units, ScaledMoneySharesTheDimensionOfYuan) {
  auto yuan = unit("元"), wan = unit("万元"), yi = unit("亿元"), qianwan = unit("千万元");
  EXPECT_EQ(yuan.dim, Dimension::base(0));
  EXPECT_EQ(wan.dim, yuan.dim);
  EXPECT_EQ(yi.dim, yuan.dim);
  EXPECT_EQ(yuan.pow10, 0);
  EXPECT_EQ(wan.pow10, 4);
  EXPECT_EQ(yi.pow10, 8);
  EXPECT_EQ(qianwan.pow10, 7);  // 千万 is one prefix, not 千 then 万元
  EXPECT_EQ(unit("万亿元").pow10, 12);
  EXPECT_EQ(describe(wan.dim), "元");
}

TEST_F(Units, ForeignCurrencyIsItsOwnDimension) {
  auto usd = unit("美元"), wanUsd = unit("万美元");
  EXPECT_NE(usd.dim, unit("元").dim);
  EXPECT_EQ(wanUsd.dim, usd.dim);
  EXPECT_EQ(wanUsd.pow10, 4);
  EXPECT_EQ(describe(wanUsd.dim), "美元");
}

TEST_F(Units, ARatePerTonneTimesTonnesIsMoney) {
  auto rate = unit("元/吨标煤"), tce = unit("吨标煤");
  EXPECT_EQ(describe(rate.dim), "元/吨标煤");
  EXPECT_EQ(rate.dim.times(tce.dim), Dimension::base(0));
  EXPECT_EQ(tce.dim.times(rate.dim), unit("万元").dim);
  // 元/吨 × 吨标煤 is not: 吨 and 吨标煤 are different units.
  EXPECT_NE(unit("元/吨").dim.times(tce.dim), Dimension::base(0));
  EXPECT_EQ(describe(unit("元/吨").dim.times(tce.dim)), "元·吨标煤/吨");
  // Dividing by the same unit cancels it.
  EXPECT_TRUE(tce.dim.times(tce.dim, -1).dimensionless());
}

TEST_F(Units, PercentAndPermilleAreScaledPlainNumbers) {
  auto pct = unit("%"), permille = unit("‰"), perYear = unit("%/年");
  EXPECT_TRUE(pct.dim.dimensionless());
  EXPECT_EQ(pct.pow10, -2);
  EXPECT_EQ(permille.pow10, -3);
  EXPECT_EQ(perYear.pow10, -2);
  EXPECT_EQ(perYear.dim, Dimension{}.times(base("年"), -1));
  EXPECT_EQ(describe(perYear.dim), "1/年");
  EXPECT_EQ(describe(Dimension{}), "a plain number");
}

TEST_F(Units, AliasesKeepAnExactScale) {
  auto month = unit("月");
  EXPECT_EQ(month.dim, base("年"));
  EXPECT_EQ(month.scaleNum, 1);
  EXPECT_EQ(month.scaleDen, 12);
  EXPECT_EQ(month.pow10, 0);
  // An alias of an alias: 季度 = 3月 = 3/12 年.
  auto quarter = unit("季度");
  EXPECT_EQ(quarter.dim, base("年"));
  EXPECT_EQ(quarter.scaleNum * 12, quarter.scaleDen * 3);
  // A rate per month is a rate per year scaled by 12.
  auto perMonth = unit("元/月");
  EXPECT_EQ(perMonth.scaleNum, 12);
  EXPECT_EQ(perMonth.scaleDen, 1);
}

TEST_F(Units, UnknownPartsAreNamed) {
  std::string bad;
  EXPECT_FALSE(sema::resolveUnit(*c_->model, "吨标", bad));
  EXPECT_EQ(bad, "吨标");
  EXPECT_FALSE(sema::resolveUnit(*c_->model, "元/吨标准煤", bad));
  EXPECT_EQ(bad, "吨标准煤");
  EXPECT_FALSE(sema::resolveUnit(*c_->model, "万元以上", bad));
  EXPECT_EQ(bad, "万元以上");
  EXPECT_FALSE(sema::resolveUnit(*c_->model, "元/", bad));
}

TEST(ScalePrefix, LongestPrefixFirst) {
  std::size_t len = 0;
  EXPECT_EQ(sema::scalePrefix("千亿元", len), 11);
  EXPECT_EQ(len, std::string("千亿").size());
  EXPECT_EQ(sema::scalePrefix("万元", len), 4);
  EXPECT_EQ(len, std::string("万").size());
  EXPECT_EQ(sema::scalePrefix("十万元", len), 5);
  EXPECT_EQ(sema::scalePrefix("元", len), 0);
  EXPECT_EQ(len, 0u);
}

TEST(DimensionTimes, ExponentsAddAndCancel) {
  Dimension money = Dimension::base(0), tce = Dimension::base(1);
  Dimension rate = money.times(tce, -1);
  EXPECT_EQ(rate.exps, (std::vector<std::pair<int, int>>{{0, 1}, {1, -1}}));
  EXPECT_EQ(rate.times(tce), money);
  EXPECT_EQ(money.times(money).exps, (std::vector<std::pair<int, int>>{{0, 2}}));
}

TEST(UnitDeclarations, AScaleMustBeWholeOrAFraction) {
  auto c = compile("单位 年\n单位 季度 = 0.25年\n");
  EXPECT_EQ(c->codes(), std::vector<std::string>{diag::kBadNumber}) << c->dump();
  auto prefix = compile("单位 万\n");
  EXPECT_EQ(prefix->codes(), std::vector<std::string>{diag::kUnknownUnit}) << prefix->dump();
  auto yuan = compile("单位 元\n");
  EXPECT_EQ(yuan->codes(), std::vector<std::string>{diag::kDuplicateDeclaration}) << yuan->dump();
  auto unknown = compile("单位 月 = 1/12年\n");
  EXPECT_EQ(unknown->codes(), std::vector<std::string>{diag::kUnknownUnit}) << unknown->dump();
}

}  // namespace
}  // namespace polc::test
