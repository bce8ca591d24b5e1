// Facts filled in code, and the mistakes an embedder can make there that readFacts would catch in a
// file. Awards received before (已获奖励): the clause named by its citation alone, as an embedder
// copying them from its records would, is looked up; an index that is not a clause, a citation no
// clause has, or an award listed on the wrong item is an evaluation error. Before, a citation alone
// was ignored (so the 一次性 award was paid again) and a bad index was read out of the clause table.
// And a Facts with two applicants, or none, is an error rather than the first one or an empty
// result; so is a number outside its fact's bounds (its 取值, or negative with a unit), which the
// checker's findings assume, where a clause reads it, and an enum value cast beyond its enum. Run
// by the tests.
#include <climits>
#include <iostream>
#include <stdexcept>
#include <string>

#include "policy.h"

namespace {

int failures = 0;
void expect(bool ok, const std::string& what) {
  std::cout << (ok ? "ok   " : "FAIL ") << what << "\n";
  if (!ok) ++failures;
}

// Scenario P2's project (第3条第3款, up to 1000万元), with one award received in 2023.
policy::Facts p2(const polc_rt::Received& received) {
  policy::项目 project;
  project.入库.set(static_cast<std::size_t>(policy::项目库::常州市重大项目库));
  project.当年竣工投产 = true;
  project.产业 = policy::产业::新能源;
  project.设备投入 = polc_rt::D(100000000, 0);
  project.已获奖励.push_back(received);
  policy::企业 firm;
  firm.所在地 = policy::辖区::新北区;
  firm.制造业 = true;
  firm.项目.push_back(project);
  policy::Facts facts;
  facts.date = polc_rt::date("2024-06-30");
  facts.企业 = firm;
  return facts;
}

polc_rt::Received received(int clause, const std::string& citation) {
  polc_rt::Received r;
  r.clause = clause;
  r.citation = citation;
  r.amount = polc_rt::D(10000000, 0);
  r.year = 2023;
  return r;
}

// The status of 第3条第3款's award, or the evaluation error.
std::string outcome(const policy::Facts& facts) {
  policy::Result result;
  try {
    policy::evaluate(facts, result);
  } catch (const polc_rt::EvalError& e) {
    return std::string("error: ") + e.what();
  }
  for (const policy::Award& aw : result.awards)
    if (std::string(result.clause(aw).citation) == "常办发〔2022〕1号 第3条第3款") return polc_rt::statusName(aw.status);
  return "no award";
}

}  // namespace

int main() {
  const int index = polc_rt::clauseIndex(policy::program(), "常办发〔2022〕1号第3条第3款");
  expect(index >= 0 && std::string(policy::program().clauses[index].citation) == "常办发〔2022〕1号 第3条第3款",
         "clauseIndex finds a citation written without blanks");
  expect(outcome(p2(received(index, ""))) == "already_received", "by index: already received");
  expect(outcome(p2(received(-1, "常办发〔2022〕1号 第3条第3款"))) == "already_received",
         "by citation alone: already received, not paid again");
  expect(outcome(p2(received(-1, "常办发〔2022〕1号 第99条\""))) == "error: 已获奖励: unknown citation \"常办发〔2022〕1号 第99条\\\"\"",
         "an unknown citation is an evaluation error, quoted as the facts readers quote it");
  expect(outcome(p2(received(100000, ""))).find("is not a clause of this program") != std::string::npos,
         "an index beyond the clauses is an evaluation error, not a read out of the table");
  policy::Facts onTheFirm = p2(received(-1, ""));
  onTheFirm.企业->项目[0].已获奖励.clear();
  onTheFirm.企业->已获奖励.push_back(received(index, ""));
  expect(outcome(onTheFirm).find("is paid once per 项目") != std::string::npos,
         "a 一次性 project award listed on the enterprise is an evaluation error, not ignored");
  polc_rt::Received minus = received(index, "");
  minus.amount = polc_rt::D(-10000000, 0);
  expect(outcome(p2(minus)) == "error: 已获奖励: negative amount \"-10000000\"",
         "a negative amount received is an evaluation error (it would raise a 晋级补差 top-up)");
  polc_rt::Received lateYear = received(index, "");
  lateYear.year = 20230;
  expect(outcome(p2(lateYear)) == "error: 已获奖励: year 20230 is not a year of four digits (0 to 9999)",
         "an award received in a year beyond four digits is an evaluation error, as the readers refuse it");
  policy::Facts badHistory = p2(received(index, ""));
  badHistory.企业->营业收入_历史[-2023] = polc_rt::D(1, 0);
  expect(outcome(badHistory) == "error: 企业.history.营业收入: year -2023 is not a year of four digits (0 to 9999)",
         "a history year beyond four digits is an evaluation error, as the readers refuse it");
  policy::Facts twoValues = p2(received(index, ""));
  twoValues.企业->营业收入 = polc_rt::D(52000000000, 0);
  twoValues.企业->营业收入_历史[2024] = polc_rt::D(50000000000, 0);
  expect(outcome(twoValues) ==
             "error: 企业.营业收入 is given, and its history gives another value for 2024, the evaluation year",
         "a fact and its history's entry for the evaluation year that differ are an evaluation error");
  twoValues.企业->营业收入_历史[2024] = polc_rt::D(5200000000000, 2);
  expect(outcome(twoValues).rfind("error", 0) != 0, "the same value given twice is no contradiction");
  policy::Facts badTitle = p2(received(index, ""));
  badTitle.企业->称号.push_back({static_cast<policy::称号名录>(5000), polc_rt::date("2024-03-01")});
  expect(outcome(badTitle).find("is not a member of its enum") != std::string::npos,
         "a recognition cast beyond its enum is an evaluation error, not std::out_of_range");
  // Numbers outside their fact's bounds, where a clause reads them (a value no clause reads cannot
  // change a result, and is not tested: docs/cpp.md).
  policy::Facts tooMuch = p2(received(index, ""));
  tooMuch.企业->项目[0].已获奖励.clear();  // so that 第3条第3款 computes its amount from 设备投入
  tooMuch.企业->项目[0].设备投入 = polc_rt::D(100000000001, 0);
  expect(outcome(tooMuch) ==
             "error: 企业.项目[0].设备投入: \"100000000001\" is outside the declared range of 设备投入 (取值 0元 至 1000亿元)",
         "an amount above its fact's 取值 is an evaluation error, as the reader refuses it");
  // A Result reused after evaluate threw holds no awards and zero totals, as the C API's session:
  // neither the previous applicant's result nor the awards made before the failing clause.
  policy::Result afterError;
  policy::Facts paid = p2(received(index, ""));
  paid.企业->项目[0].已获奖励.clear();  // 第3条第3款 pays
  policy::evaluate(paid, afterError);
  const bool paidBefore = !afterError.awards.empty() && !afterError.totals.hi.isZero();
  bool threw = false;
  try {
    policy::evaluate(tooMuch, afterError);
  } catch (const polc_rt::EvalError&) {
    threw = true;
  }
  expect(paidBefore && threw && afterError.awards.empty() && afterError.totals.hi.isZero() &&
             afterError.fundingParts.empty(),
         "a Result reused after an evaluation error holds no awards and zero totals");
  policy::Facts negative = p2(received(index, ""));
  negative.企业->营业收入 = polc_rt::D(-1, 0);  // 第2条第1款 reads it (首次超)
  expect(outcome(negative) ==
             "error: 企业.营业收入: \"-1\" is outside the declared range of 营业收入 (取值 0元 至 100000亿元)",
         "a negative amount (below its 取值) is an evaluation error");
  policy::Facts earlier = p2(received(index, ""));
  earlier.企业->营业收入 = polc_rt::D(60000000000, 0);
  earlier.企业->营业收入_历史[2023] = polc_rt::D(10000100000000, 0);  // 首次超 reads the earlier years
  expect(outcome(earlier) == "error: 企业.营业收入 (an earlier year): \"10000100000000\" is outside the declared range "
                             "of 营业收入 (取值 0元 至 100000亿元)",
         "an earlier year's value outside the 取值 is an evaluation error");
  policy::Facts unread = p2(received(index, ""));
  unread.企业->项目[0].设备投入 = polc_rt::D(-1, 0);  // 第3条第3款 already received: its amount is not computed
  expect(outcome(unread) == "already_received", "a value no clause reads is not tested");
  policy::Facts badIndustry = p2(received(index, ""));
  badIndustry.企业->项目[0].已获奖励.clear();
  badIndustry.企业->项目[0].产业 = static_cast<policy::产业>(5000);
  expect(outcome(badIndustry) == "error: 企业.项目[0].产业: 5000 is not a member of its enum (0 to 6)",
         "an enum value cast beyond its enum is an evaluation error, not a read past a bit set");
  expect(outcome(p2(received(-1, ""))) == "error: 已获奖励: give the citation or the target of the award",
         "an award received that names no clause nor target is an evaluation error, not ignored");
  // A target index out of range is said to be one, not taken for none given (-1), with or without a clause.
  polc_rt::Received badTarget = received(-1, "");
  badTarget.target = -5;
  const std::string badTargetError = "error: 已获奖励: unknown target -5 (the targets of this program are 0 to " +
                                     std::to_string(policy::program().targets.size - 1) + ", -1 for none)";
  expect(outcome(p2(badTarget)) == badTargetError, "a negative target other than -1 is an unknown target");
  badTarget.clause = index;
  expect(outcome(p2(badTarget)) == badTargetError, "so it is beside a clause");
  badTarget.target = policy::program().targets.size;
  expect(outcome(p2(badTarget)).find("unknown target " + std::to_string(policy::program().targets.size) + " (") !=
             std::string::npos,
         "a target beyond the table is an unknown target");
  policy::Facts otherTarget = p2(received(index, ""));
  const auto& targets = policy::program().targets;
  for (int t = 0; t < targets.size; ++t)
    if (std::string(targets[t]) == "规模跃升奖励") otherTarget.企业->项目[0].已获奖励[0].target = t;
  expect(outcome(otherTarget) == "error: 已获奖励: 规模跃升奖励 is not the target of 常办发〔2022〕1号 第3条第3款 "
                                 "(设备投入奖励): give the citation alone, the target follows from it",
         "a target beside the citation that is not the clause's is an evaluation error, as the reader refuses it");
  policy::Facts noPlace = p2(received(index, ""));
  noPlace.企业->所在地.reset();
  expect(outcome(noPlace) == "error: 企业.所在地: missing required fact (declared 必填)",
         "a required fact left empty is an evaluation error, as the reader refuses it");
  policy::Facts negativeTitle = p2(received(index, ""));
  negativeTitle.企业->称号.push_back({static_cast<policy::称号名录>(-1), polc_rt::date("2024-03-01")});
  expect(outcome(negativeTitle).find("member -1 is not a member of its enum") != std::string::npos,
         "a recognition cast to a negative member is an evaluation error, not ignored");
  // A recognition other than 称号 (here 武进区's 上云星级, read by its 第6条) is named with its item,
  // as an enum's error is: every bad grant was reported as "称号", with no item.
  policy::Facts badStar = p2(received(index, ""));
  badStar.企业->所在地 = policy::辖区::武进区;
  badStar.企业->独立法人 = true;
  badStar.企业->上云星级.push_back({static_cast<policy::星级>(5000), polc_rt::date("2024-03-01")});
  expect(outcome(badStar) == "error: 企业.上云星级: member 5000 is not a member of its enum (0 to 4)",
         "a recognition's bad member names its fact and item");
  badStar.企业->上云星级.back() = {policy::星级{}, 99999999};
  expect(outcome(badStar) == "error: 企业.上云星级: the day 99999999 a recognition was granted is outside the years 0000 to 9999",
         "a recognition's bad grant day names its fact and item");
  policy::Facts farDate = p2(received(index, ""));
  farDate.date = INT_MAX;
  expect(outcome(farDate).find("the evaluation date (day 2147483647) is outside the years 0000 to 9999") !=
             std::string::npos,
         "an evaluation date beyond the year 9999 is an evaluation error, not an overflow");
  // An award received given by its target alone names no clause, so the 一次性 clause of that
  // target does not count it and pays again: not an error (only the agency knows the clause), but
  // the result says so as polc eval does (Result::warnings); a Result evaluated again forgets it.
  polc_rt::Received byTarget = received(-1, "");
  byTarget.target = policy::program().clauses[index].target;
  policy::Result reused;
  policy::evaluate(p2(byTarget), reused);
  expect(reused.warnings.size() == 1 &&
             reused.warnings[0].rfind("企业.项目[0].已获奖励[0]: given by its target ", 0) == 0 &&
             reused.warnings[0].find("一次性 常办发〔2022〕1号 第3条第3款") != std::string::npos,
         "an award received by its target alone is warned about, naming the 一次性 clause that does not count it");
  // A fact error found when the facts are read (a fact and its history's entry for the evaluation
  // year disagree) is an evaluation error of an applicant that was read: its warnings stay, as the
  // C API's (CApiWarnings.AFactErrorAtEvaluationKeepsTheWarnings). They ended empty: the check ran
  // before the warnings were found.
  policy::Facts disagreeing = p2(byTarget);
  disagreeing.企业->营业收入 = polc_rt::D(52000000000, 0);
  disagreeing.企业->营业收入_历史[2024] = polc_rt::D(48000000000, 0);
  policy::Result disagreed;
  std::string error;
  try {
    policy::evaluate(disagreeing, disagreed);
  } catch (const polc_rt::EvalError& e) {
    error = e.what();
  }
  expect(error == "企业.营业收入 is given, and its history gives another value for 2024, the evaluation year" &&
             disagreed.warnings.size() == 1 && disagreed.awards.empty() &&
             disagreed.warnings[0].rfind("企业.项目[0].已获奖励[0]: given by its target ", 0) == 0,
         "facts that disagree are an evaluation error that keeps the applicant's warnings, and no award");
  policy::evaluate(p2(received(index, "")), reused);
  expect(reused.warnings.empty(), "by its clause, it is counted: no warning, none left from the previous applicant");
  // A bad evaluation date is an error like any other: nothing of the previous applicant stays.
  policy::evaluate(p2(byTarget), reused);
  try {
    policy::evaluate(farDate, reused);
  } catch (const polc_rt::EvalError&) {
  }
  expect(reused.warnings.empty() && reused.instances.empty() && reused.awards.empty(),
         "a Result reused for an evaluation date out of range holds nothing of the previous applicant");
  bool badScale = false;
  try {
    (void)polc_rt::D(5, 40);
  } catch (const std::invalid_argument&) {
    badScale = true;
  }
  expect(badScale, "polc_rt::D with a scale beyond 18 throws, not a read past the powers of ten");
  std::string nullDate;
  try {
    (void)polc_rt::date(nullptr);
  } catch (const std::invalid_argument& e) {
    nullDate = e.what();
  } catch (const std::exception&) {
    nullDate = "another type";
  }
  expect(nullDate == "not a date YYYY-MM-DD: a null pointer",
         "polc_rt::date of a null text throws std::invalid_argument, as for a bad date, not std::string's logic_error");
  policy::Facts halfPerson = p2(received(index, ""));
  halfPerson.企业->急需紧缺工种取证人数 = *polc_rt::Decimal::parse("2.5");  // 第29条第2款第1项 reads it
  expect(outcome(halfPerson) == "error: 企业.急需紧缺工种取证人数: \"2.5\" is not a whole number",
         "a count given a fraction is an evaluation error, as the reader refuses it");
  policy::Facts two = p2(received(index, ""));
  two.集群.emplace();
  expect(outcome(two).find("exactly one applicant, got 企业, 集群") != std::string::npos, "two applicants are an error");
  expect(outcome(policy::Facts{}).find("exactly one applicant, got none") != std::string::npos, "no applicant is an error");
  policy::Result afterNone;
  policy::evaluate(paid, afterNone);
  try {
    policy::evaluate(policy::Facts{}, afterNone);
  } catch (const polc_rt::EvalError&) {
  }
  expect(afterNone.awards.empty() && afterNone.instances.empty() && afterNone.totals.hi.isZero(),
         "a Result reused for facts with no applicant holds nothing of the previous applicant");
  std::cout << (failures ? "FAILED\n" : "all passed\n");
  return failures ? 1 : 0;
}
