// Facts filled in code outside their 取值 that evaluate does not read but a why-not trace shows
// (docs/cpp.md, "Why a clause paid nothing"): a fact only a branch not taken reads (第3条: 若 开关
// 则 追加 否则 0元), and an earlier year of a 首次超 this year's value does not pass (第7条: evaluate
// decides it without the history, the trace shows 往年最高). whyNot must refuse each in the words
// evaluate gives where a clause reads it, never show it as a value or 计算出错: the C API refuses
// such a value when it is set, and polc's reader refuses the file, so neither could show it.
#include <iostream>
#include <string>

#include "policy.h"

namespace {

// What evaluate (when `evaluateReadsIt`), else whyNot of `citation`, refuses: "" for nothing.
template <class Fill>
std::string refusal(const char* citation, bool evaluateReadsIt, Fill fill) {
  policy::Facts facts;
  facts.date = polc_rt::date("2026-06-30");
  policy::企业 firm;
  fill(firm, evaluateReadsIt);
  facts.企业 = firm;
  try {
    const policy::Result r = policy::evaluate(facts);
    if (evaluateReadsIt) return "";
    policy::whyNot(r, citation);
  } catch (const polc_rt::EvalError& e) {
    return e.what();
  }
  return "";
}

template <class Fill>
bool refusedAlike(const char* citation, Fill fill) {
  const std::string byEvaluate = refusal(citation, true, fill), byWhyNot = refusal(citation, false, fill);
  if (byEvaluate.find("outside the declared range") != std::string::npos && byWhyNot == byEvaluate) return true;
  std::cerr << citation << ": whyNot: \"" << byWhyNot << "\"\nevaluate: \"" << byEvaluate << "\"\n";
  return false;
}

}  // namespace

int main() {
  const bool branch = refusedAlike("示〔2026〕9号 第3条", [](policy::企业& f, bool taken) {
    f.开关 = taken;
    f.追加 = polc_rt::D(200000000, 0);  // 2亿元; 取值 0元 至 1亿元
  });
  const bool earlierYear = refusedAlike("示〔2026〕9号 第7条", [](policy::企业& f, bool over) {
    f.收入 = polc_rt::D(over ? 2000000000 : 500000000, 0);  // 首次超 10亿元 only when over
    f.收入_历史[2025] = polc_rt::D(over ? 1950000000 : 400000000, 0);  // 增量 not over 1亿元
    f.投入 = polc_rt::D(100, 0);  // 投入 - 利润 超 0元: no
    f.利润 = polc_rt::D(300, 0);
    f.收入_历史[2024] = polc_rt::D(2000000000000000, 0);  // 2000万亿元; 取值 0元 至 10000亿元
  });
  // A result evaluate threw on (费率 has no value before 2020: 第5条 fails), or never evaluated:
  // whyNot refuses it, as polrt_why_not does, instead of tracing every clause again (第2条 would
  // have paid: "条件均满足…" was its answer).
  policy::Result kept;
  policy::企业 firm;
  firm.开关 = true;
  firm.类 = policy::库::甲库;
  firm.投入 = polc_rt::D(100, 0);
  polc_rt::Options o;
  o.date = polc_rt::date("2019-06-30");
  bool noResult = true;
  for (bool evaluateFirst : {true, false}) {
    bool threw = !evaluateFirst;
    try {
      if (evaluateFirst) policy::evaluate(firm, kept, o);
    } catch (const polc_rt::EvalError&) {
      threw = true;
    }
    if (!threw) std::cerr << "evaluate on 2019-06-30 did not throw\n";
    noResult = noResult && threw;
    try {
      const auto entries = policy::whyNot(kept, "all");
      std::cerr << "whyNot of a result without an evaluation gave " << entries.size() << " entries\n";
      noResult = false;
    } catch (const polc_rt::EvalError&) {
    }
    kept = policy::Result();
  }
  return branch && earlierYear && noResult ? 0 : 1;
}
