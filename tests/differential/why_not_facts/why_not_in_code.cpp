// A fact filled in code outside its 取值, read only by a branch evaluate does not take (第3条:
// 若 开关 则 追加 否则 0元): evaluate pays nothing without reading it, and whyNot, whose trace of the
// leaf shows every fact it reads, must refuse it as evaluate does where a clause reads it (the
// same words), not show it as 计算出错 — the C API refuses such a value when it is set, and polc's
// reader refuses the file, so neither could show it (docs/cpp.md, "Why a clause paid nothing").
#include <iostream>
#include <string>

#include "policy.h"

namespace {

std::string refusal(bool evaluateReadsIt) {
  policy::Facts facts;
  facts.date = polc_rt::date("2026-06-30");
  policy::企业 firm;
  firm.开关 = evaluateReadsIt;
  firm.追加 = polc_rt::D(200000000, 0);  // 2亿元; 取值 0元 至 1亿元
  facts.企业 = firm;
  try {
    const policy::Result r = policy::evaluate(facts);
    policy::whyNot(r, "示〔2026〕9号 第3条");
  } catch (const polc_rt::EvalError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

int main() {
  const std::string byEvaluate = refusal(true), byWhyNot = refusal(false);
  if (byEvaluate.find("outside the declared range") == std::string::npos) {
    std::cerr << "evaluate did not refuse 企业.追加 outside its 取值: \"" << byEvaluate << "\"\n";
    return 1;
  }
  if (byWhyNot != byEvaluate) {
    std::cerr << "whyNot: \"" << byWhyNot << "\"\nevaluate: \"" << byEvaluate << "\"\n";
    return 1;
  }
  return 0;
}
