// The small policies of kinds_test.cpp, one or more finding kinds each, by the name of the test that
// checks them; report_test.cpp also runs them through the command line (polc check --witness-dir,
// then polc eval on every witness file).
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "check_texts.h"

namespace polc::test {

inline std::string kindsDoc(const std::string& body, const std::string& extra = "") {
  return std::string(kCheckSchema) + doc("测试", body, extra);
}

inline std::string clause(const std::string& n, const std::string& subject, const std::string& target,
                          const std::string& rest) {
  return "款 " + n + " { 原文 \"条文" + n + "\" 对象 " + subject + " 标的 " + target + " " + rest + " }\n";
}

// A document of kindsDoc's, rounding as `rounding` says (舍入 1万元 进一).
inline std::string roundingDoc(const std::string& rounding, const std::string& body) {
  return std::string(kCheckSchema) + "文件 测试 {\n  文号 \"测试\"\n  舍入 " + rounding + "\n" + body + "\n}\n";
}

inline const std::vector<std::pair<std::string, std::string>>& kindPolicies() {
  static const std::vector<std::pair<std::string, std::string>> all = {
      {"OverlapWithEqualAmounts",
       kindsDoc("条 1 {\n" + clause("1", "项目", "设备奖励", "条件 改造 且 设备投入 达 100万元 以上 给予 10万元") +
         clause("2", "项目", "设备奖励", "条件 设备投入 超 50万元 给予 10万元") + "}")},
      {"ConflictWithDifferentAmounts",
       kindsDoc("条 1 {\n" + clause("1", "项目", "设备奖励", "条件 设备投入 超 100万元 给予 20万元") +
         clause("2", "项目", "设备奖励", "条件 设备投入 超 50万元 给予 10万元") + "}")},
      {"StrictAndInclusiveBoundariesDoNotOverlap",
       kindsDoc("条 1 {\n" + clause("1", "项目", "设备奖励", "条件 设备投入 超 100万元 给予 20万元") +
         clause("2", "项目", "设备奖励", "条件 设备投入 不超过 100万元 给予 10万元") + "}")},
      {"GapAtAStrictBoundaryOnBothSides",
       kindsDoc("条 1 {\n" + clause("1", "项目", "设备奖励", "条件 设备投入 超 100万元 给予 20万元") +
         clause("2", "项目", "设备奖励", "条件 设备投入 低于 100万元 给予 10万元") + "}")},
      {"DifferentEnumValuesAndSetsAreDisjoint",
       kindsDoc("条 1 {\n" + clause("1", "项目", "设备奖励", "条件 产业 属于 先进制造业 给予 20万元") +
         clause("2", "项目", "设备奖励", "条件 产业 为 其他产业 给予 10万元") +
         clause("3", "企业", "称号奖励", "条件 新认定 称号 含 小巨人 给予 20万元") +
         clause("4", "企业", "称号奖励", "条件 称号 含 小巨人 且 非 新认定 称号 含 小巨人 给予 10万元") + "}")},
      {"AnyOfAndHeldOverlapNewlyRecognised",
       kindsDoc("条 1 {\n" + clause("1", "企业", "称号奖励", "条件 新认定 称号 含 {小巨人, 省小巨人} 给予 20万元") +
         clause("2", "企业", "称号奖励", "条件 称号 含 省小巨人 给予 10万元") + "}")},
      {"CoveredByAGroupAndAcceptedByARelation",
       kindsDoc("条 1 {\n" + clause("1", "项目", "设备奖励", "条件 设备投入 超 100万元 给予 20万元") +
         clause("2", "项目", "设备奖励", "条件 设备投入 超 50万元 给予 10万元") + "}\n条 2 {\n" +
         clause("1", "企业", "规模奖励", "条件 制造业 给予 5万元") +
         clause("2", "企业", "规模奖励", "关系 第2条第1款 \"两项均可享受\" 条件 人数 超 10 给予 5万元") + "}",
         "不重复 组 { 原文 \"就高不重复\" 范围 第1条第1款, 第1条第2款 取 最高 每个 项目 }")},
      {"ShadowedInsideATakeTheHighestGroup",
       kindsDoc("条 1 {\n" + clause("1", "项目", "设备奖励", "条件 改造 且 设备投入 超 100万元 给予 10万元") +
         clause("2", "项目", "节能奖励", "条件 设备投入 超 50万元 给予 20万元") + "}",
         "不重复 就高 { 原文 \"就高不重复\" 范围 文件 取 最高 每个 项目 }")},
      {"DeadClauseAndContradictoryExclusion",
       kindsDoc("条 1 {\n" + clause("1", "项目", "设备奖励", "条件 投资 > 1000万元 且 投资 < 500万元 给予 10万元") +
         clause("2", "企业", "规模奖励", "条件 排除 且 制造业 给予 5万元") +
         clause("3", "企业", "称号奖励", "条件 人数 超 5 且 人数 低于 7 给予 1万元") +
         clause("4", "企业", "称号奖励", "条件 人数 超 5 且 人数 低于 6 给予 1万元") + "}",
         "申报条件 非 排除")},
      {"AlwaysTrueCondition",
       kindsDoc("条 1 {\n" + clause("1", "企业", "规模奖励", "条件 制造业 且 比例 达 0% 以上 给予 5万元") + "}")},
      {"HigherTierPaysLess",
       kindsDoc("条 1 {\n" +
         clause("1", "企业", "规模奖励",
         "给予 最高 分档 营业收入 首次超 { 1000亿元: 500万元; 500亿元: 1000万元; 100亿元: 200万元 }") +
         "}")},
      {"ThresholdsOutOfOrderAndUnreachableCases",
       kindsDoc("条 1 {\n" +
         clause("1", "企业", "规模奖励", "给予 分档 营业收入 超 { 100亿元: 200万元; 500亿元: 500万元 }") +
         clause("2", "企业", "称号奖励", "给予 分情形 { 制造业: 10万元; 制造业 且 排除: 20万元 }") + "}")},
      {"GapBetweenCases",
       kindsDoc("条 1 {\n" +
         clause("1", "项目", "设备奖励", "给予 分情形 { 投资 低于 100万元: 1万元; 投资 超 100万元: 2万元 }") + "}")},
      {"RangeGapBetweenCases",
       kindsDoc("条 1 {\n" +
         clause("1", "项目", "设备奖励", "给予 分情形 { 投资 低于 100万元: 1万元; 投资 超 200万元: 2万元 }") +
         clause("2", "项目", "节能奖励",
                "条件 投资 低于 100万元 或 投资 超 200万元 给予 分情形 { 投资 低于 100万元: 1万元; 投资 超 200万元: 2万元 }") +
         clause("3", "企业", "规模奖励",
                "给予 分情形 { 营业收入 低于 1亿元: 1万元; 营业收入 达 1亿元 以上: 2万元 }") + "}")},
      {"RangeGapBetweenClauses",
       kindsDoc("条 1 {\n" + clause("1", "项目", "设备奖励", "条件 投资 低于 100万元 给予 1万元") +
         clause("2", "项目", "设备奖励", "条件 投资 达 200万元 以上 给予 2万元") + "}")},
      {"CasesShareABound",
       kindsDoc("条 1 {\n" +
         clause("1", "项目", "设备奖励", "给予 分情形 { 投资 达 100万元 以上: 2万元; 投资 不超过 100万元: 1万元 }") +
         clause("2", "项目", "节能奖励", "给予 分情形 { 投资 超 100万元: 2万元; 投资 不超过 100万元: 1万元 }") +
         clause("3", "企业", "规模奖励",
                "条件 营业收入 超 1亿元 给予 分情形 { 营业收入 达 1亿元 以上: 2万元; 营业收入 不超过 1亿元: 1万元 }") +
         clause("4", "企业", "称号奖励", "给予 分情形 { 营业收入 达 1亿元 以上: 1万元; 营业收入 不超过 1亿元: 1万元 }") + "}")},
      {"Caps",
       kindsDoc("条 1 {\n" + clause("1", "项目", "设备奖励", "条件 改造 给予 最高 200万元") +
         clause("2", "项目", "节能奖励", "给予 节能量 × 500元/吨标煤 上限 100万元") +
         clause("3", "项目", "规模奖励", "条件 设备投入 达 5亿元 以上 给予 设备投入 × 10% 上限 1000万元") +
         clause("4", "项目", "称号奖励", "条件 级别 为 国家级 给予 设备投入 × 120% 上限 1000万元") +
         clause("5", "项目", "称号奖励", "条件 级别 为 省级 给予 10万元 上限 0元") + "}",
         "上限 合计 100万元 每个 企业 累计 覆盖 第1条第1款 { 原文 \"累计最高100万元\" }")},
      {"RoundingMovesAWrittenAmount",
       roundingDoc("1万元 进一", "条 1 {\n" + clause("1", "项目", "设备奖励", "给予 设备投入 × 10% 上限 10.5万元") +
         clause("2", "项目", "节能奖励", "条件 改造 给予 2.5万元") +
         clause("3", "企业", "规模奖励", "给予 营业收入 × 1% 上限 20万元") +
         clause("4", "企业", "称号奖励", "给予 最高 10.2万元") +
         clause("5", "项目", "规模奖励", "给予 (设备投入 + 投资) × 10% 上限 7.5万元") + "}")},
      {"AmountsBelowZero",
       kindsDoc("条 1 {\n" + clause("1", "项目", "设备奖励", "给予 分档 级别 为 { 国家级: 10万元; 省级: -20万元; 市级: 5万元 }") +
         clause("2", "企业", "规模奖励", "条件 制造业 给予 10万元 - 20万元") +
         clause("3", "企业", "称号奖励", "给予 分情形 { 增量(营业收入) 超 0元: 增量(营业收入) × 5%; 其他: 0元 }") +
         clause("4", "项目", "节能奖励", "给予 投资 × 10% - 5万元") + "}")},
      {"CrossFactArithmeticGoesToZ3",
       kindsDoc("条 1 {\n" +
         clause("1", "企业", "规模奖励", "条件 增量(地方贡献) 超 100万元 且 地方贡献 低于 50万元 给予 5万元") +
         clause("2", "企业", "称号奖励", "条件 增量(地方贡献) 超 0元 且 地方贡献 超 上年(地方贡献) × 2 给予 5万元") + "}")},
      {"AHigherEnumMemberPaysLess",
       kindsDoc("条 1 {\n" + clause("1", "项目", "设备奖励", "给予 分档 级别 为 { 国家级: 10万元; 省级: 20万元; 市级: 5万元 }") + "}")},
      {"AProjectsAndItsEnterprisesAwardsOfOneTarget",
       kindsDoc("条 1 {\n" + clause("1", "项目", "设备奖励", "条件 设备投入 超 100万元 给予 20万元") +
         clause("2", "企业", "设备奖励", "条件 制造业 给予 10万元") +
         clause("3", "项目", "节能奖励", "条件 改造 给予 5万元") +
         clause("4", "企业", "节能奖励", "条件 人数 超 10 给予 5万元") +
         clause("5", "项目", "规模奖励", "条件 改造 给予 3万元") +
         clause("6", "企业", "称号奖励", "条件 制造业 给予 3万元") + "}")},
      {"AProjectsAndItsEnterprisesAwardsUnderGroups",
       kindsDoc("条 1 {\n" + clause("1", "项目", "设备奖励", "条件 设备投入 超 100万元 给予 20万元") +
         clause("2", "企业", "设备奖励", "条件 制造业 给予 10万元") + "}\n条 2 {\n" +
         clause("1", "项目", "节能奖励", "条件 改造 给予 20万元") +
         clause("2", "企业", "节能奖励", "条件 制造业 给予 10万元") + "}\n条 3 {\n" +
         clause("1", "项目", "规模奖励", "条件 改造 给予 20万元") +
         clause("2", "企业", "规模奖励", "条件 制造业 给予 10万元") + "}",
         "不重复 企业组 { 原文 \"同一企业就高\" 范围 第1条第1款, 第1条第2款 取 最高 每个 企业 }\n"
         "不重复 项目组 { 原文 \"同一项目就高\" 范围 第2条第1款, 第2条第2款 取 最高 每个 项目 }\n"
         "不重复 事项组 { 原文 \"同一事项就高\" 范围 第3条第1款, 第3条第2款 取 最高 每个 事项 }")},
      {"CapsAndGroupsThatNeverAct",
       kindsDoc("条 1 {\n" + clause("1", "项目", "设备奖励", "条件 改造 给予 10万元") +
         clause("2", "企业", "规模奖励", "待遇 \"免费诊断\"") +
         clause("3", "项目", "节能奖励", "一事一议 \"专题会议\"") +
         clause("4", "项目", "设备奖励", "条件 投资 > 1000万元 且 投资 < 500万元 给予 5万元") +
         clause("5", "企业", "称号奖励", "给予 5万元") + "}",
         "上限 服务合计 100万元 每个 企业 累计 覆盖 第1条第2款, 第1条第3款, 第1条第4款 { 原文 \"累计最高100万元\" }\n"
         "上限 设备合计 100万元 每个 企业 累计 覆盖 第1条第1款, 第1条第2款 { 原文 \"累计最高100万元\" }\n"
         "不重复 单项 { 原文 \"同一项目就高\" 范围 第1条第1款, 第1条第3款 取 最高 每个 项目 }\n"
         "不重复 企业内 { 原文 \"同一企业就高\" 范围 第1条第1款, 第1条第2款 取 最高 每个 企业 }\n"
         "不重复 同标的 { 原文 \"同一标的就高\" 范围 第1条第1款, 第1条第5款 同一 标的 每个 事项 取 最高 }\n"
         "不重复 两项 { 原文 \"就高\" 范围 第1条第1款, 第1条第5款 取 最高 每个 事项 }")},
      {"UndecidedPairIsReported",
       kindsDoc("条 1 {\n" + clause("1", "企业", "规模奖励", "条件 名称 == \"甲\" 给予 5万元") +
         clause("2", "企业", "规模奖励", "条件 名称 == \"乙\" 给予 10万元") + "}")},
      // The gaps found on other things than one number: a dated parameter's value (W0622, the witness
      // dated into its period), a level between two levels paid, an inner cell of a grid (W0624).
      {"GapOnADatedParameter",
       std::string(kCheckSchema) + "参数 基准利率 { 2023-01-01: 3.65%; 2024-01-01: 3.50%; 2025-01-01: 3.10% }\n" +
         doc("测试", "有效期 自 2023-01-01 至 2025-12-31\n条 1 {\n" +
         clause("1", "企业", "规模奖励", "条件 基准利率 超 3.5% 给予 10万元") +
         clause("2", "企业", "规模奖励", "条件 基准利率 低于 3.5% 给予 5万元") + "}")},
      // The same value left unpaid by a 分档 table on the rate, by an alternative of an `或`, by an
      // expression of the rate and between two cases that say more (each witness: the rate at 3.50 %,
      // the alternative's or the cases' other condition met).
      {"GapOnADatedParameterInATableAnAlternativeOrAnExpression",
       std::string(kCheckSchema) + "参数 基准利率 { 2023-01-01: 3.65%; 2023-07-01: 3.55%; 2024-01-01: 3.50%; 2025-01-01: 3.10% }\n" +
         doc("测试", "有效期 自 2023-01-01 至 2025-12-31\n条 1 {\n" +
         clause("1", "企业", "规模奖励", "给予 分档 基准利率 超 { 3.6%: 10万元; 3.5%: 8万元 }") +
         clause("2", "企业", "规模奖励", "条件 基准利率 低于 3.5% 给予 5万元") +
         clause("3", "企业", "称号奖励", "条件 (基准利率 超 3.5% 且 人数 达 100 以上) 或 基准利率 超 4% 给予 10万元") +
         clause("4", "企业", "称号奖励", "条件 基准利率 低于 3.5% 给予 5万元") +
         clause("5", "企业", "节能奖励", "条件 基准利率 × 50% 超 1.75% 给予 10万元") +
         clause("6", "企业", "节能奖励", "条件 基准利率 × 50% 低于 1.75% 给予 5万元") +
         clause("7", "项目", "设备奖励",
                "给予 分情形 { 改造 且 基准利率 超 3.5%: 10万元; 改造 且 基准利率 低于 3.5%: 5万元; 非 改造: 3万元 }") +
         "}")},
      // A stretch between a band case and the case above it (3.55 % to 3.6 %: the witness dated into
      // the second half of 2023, when the rate is 3.55 %).
      {"GapAboveABandCaseOfADatedParameter",
       std::string(kCheckSchema) + "参数 基准利率 { 2023-01-01: 3.65%; 2023-07-01: 3.55%; 2024-01-01: 3.45%; 2025-01-01: 3.10% }\n" +
         doc("测试", "有效期 自 2023-01-01 至 2025-12-31\n条 1 {\n" +
         clause("1", "企业", "规模奖励",
                "给予 分情形 { 基准利率 超 3.6%: 10万元; 基准利率 达 3.4% 以上 且 基准利率 低于 3.55%: 8万元; 基准利率 低于 "
                "3.4%: 5万元 }") + "}")},
      // The same value left unpaid by a bound inside an `或` below another condition (the witness: a
      // 制造业 enterprise of fewer than 100 people, the rate at 3.50 %).
      {"GapOnADatedParameterInAnAlternativeBelowAnotherCondition",
       std::string(kCheckSchema) + "参数 基准利率 { 2023-01-01: 3.65%; 2024-01-01: 3.50%; 2025-01-01: 3.10% }\n" +
         doc("测试", "有效期 自 2023-01-01 至 2025-12-31\n条 1 {\n" +
         clause("1", "企业", "规模奖励",
                "条件 (制造业 且 (基准利率 超 3.5% 或 (人数 达 100 以上 且 基准利率 达 3.5% 以上))) 或 (非 制造业 且 "
                "基准利率 达 3.5% 以上) 给予 10万元") +
         clause("2", "企业", "规模奖励", "条件 基准利率 低于 3.5% 给予 5万元") + "}")},
      {"LevelSkippedBetweenTwoPaid",
       kindsDoc("条 1 {\n" + clause("1", "项目", "设备奖励", "条件 级别 为 国家级 给予 20万元") +
         clause("2", "项目", "设备奖励", "条件 级别 为 市级 给予 5万元") +
         clause("3", "项目", "节能奖励", "给予 分情形 { 级别 为 国家级: 20万元; 级别 为 市级: 5万元 }") + "}")},
      {"MissingInnerCellOfAGrid",
       kindsDoc("条 1 {\n" + clause("1", "企业", "规模奖励", "条件 营业收入 低于 1亿元 且 人数 低于 100 给予 5万元") +
         clause("2", "企业", "规模奖励", "条件 营业收入 达 1亿元 以上 且 人数 低于 100 给予 10万元") +
         clause("3", "企业", "规模奖励", "条件 营业收入 低于 1亿元 且 人数 达 100 以上 给予 10万元") +
         clause("4", "企业", "规模奖励", "条件 营业收入 达 2亿元 以上 且 人数 达 100 以上 给予 20万元") + "}")},
      // A rate first valued on 2026-07-01, read on the evaluation date by a document that has no 有效期
      // start (W0638: the witness is dated 2026-06-30, and its evaluation stops).
      {"ParameterReadBeforeItsFirstValueInAnUndatedDocument",
       std::string(kCheckSchema) + "参数 新比例 { 2026-07-01: 10% }\n" +
         doc("测试", "条 1 {\n" + clause("1", "项目", "设备奖励", "条件 改造 给予 设备投入 × 新比例") + "}")},
      // The stretch 100万元–200万元 left unpaid, between two clauses of 5 and 4 alternatives: 20 pairs,
      // more than the gap search tries (W0641 instead of W0624).
      {"GapSearchCutBetweenClausesOfManyAlternatives",
       kindsDoc("条 1 {\n" +
         clause("1", "项目", "设备奖励",
                "条件 设备投入 低于 100万元 且 (改造 或 级别 为 国家级 或 产业 为 新能源 或 投资 超 10万元 或 节能量 超 "
                "10吨标煤) 给予 5万元") +
         clause("2", "项目", "设备奖励",
                "条件 设备投入 达 200万元 以上 且 (改造 或 级别 为 国家级 或 产业 为 新能源 或 投资 超 10万元) 给予 20万元") +
         "}")},
      // 第1条第1款 and 第1条第2款 share 设备奖励 under 同标的, which would keep the first (20万元); the
      // named group 项目内, applied before it, drops the first for 第1条第3款 (30万元) when the project
      // is 国家级, so 同标的 keeps the second beside the third (W0643).
      {"EarlierGroupDropsTheAwardALaterOneWouldKeep",
       kindsDoc("条 1 {\n" + clause("1", "项目", "设备奖励", "条件 改造 且 设备投入 超 100万元 给予 20万元") +
         clause("2", "项目", "设备奖励", "条件 设备投入 超 50万元 给予 10万元") +
         clause("3", "项目", "节能奖励", "条件 级别 为 国家级 给予 30万元") + "}",
         "不重复 项目内 { 原文 \"同一项目就高\" 范围 第1条第1款, 第1条第3款 取 最高 每个 项目 }\n"
         "不重复 同标的 { 原文 \"同一标的就高\" 范围 文件 同一 标的 取 最高 每个 项目 }")},
      {"TwoRatesOfOneBaseAboveIt",
       kindsDoc("条 1 {\n" + clause("1", "项目", "设备奖励", "条件 改造 给予 设备投入 × 70%") +
         clause("2", "项目", "节能奖励", "给予 设备投入 × 50%") + "}")},
      {"MissingOuterCornerOfAGrid",
       kindsDoc("条 1 {\n" + clause("1", "企业", "规模奖励", "条件 营业收入 低于 1亿元 且 人数 低于 100 给予 5万元") +
         clause("2", "企业", "规模奖励", "条件 营业收入 达 1亿元 以上 且 人数 低于 100 给予 10万元") +
         clause("3", "企业", "规模奖励", "条件 营业收入 低于 1亿元 且 人数 达 100 以上 给予 10万元") + "}")},
  };
  return all;
}

inline std::string kindPolicy(const std::string& name) {
  for (const auto& [n, text] : kindPolicies())
    if (n == name) return text;
  throw std::out_of_range("no kind policy " + name);  // fails the test that asked for it
}

}  // namespace polc::test
