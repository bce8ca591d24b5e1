// "Another system" filling the generated facts structs in code rather than reading JSON: the firm of
// docs/cpp.md, whose revenue first passes 500亿元 in 2024, evaluated with explanations. Run by the
// tests, which check the award, its explanation and its funding split, and why 第2条第4款 paid nothing.
#include <iostream>

#include "policy.h"

int main() {
  policy::企业 firm;
  firm.所在地 = policy::辖区::新北区;
  firm.营业收入 = polc_rt::D(52000000000, 0);             // 520亿元, in 元
  firm.营业收入_历史[2023] = polc_rt::D(48000000000, 0);  // last year's: 480亿元

  policy::Facts facts;
  facts.date = polc_rt::date("2024-06-30");
  facts.企业 = firm;

  policy::Options options;
  options.explain = true;
  policy::Result result;                         // reuse it: its buffers are kept
  policy::evaluate(facts, result, options);

  for (const policy::Award& aw : result.awards) {
    std::cout << result.clause(aw).citation << "  " << polc_rt::statusName(aw.status);
    if (aw.hasAmount()) std::cout << "  " << polc_rt::amountText(aw.lo, aw.hi, aw.form);
    if (std::string why = result.reason(aw); !why.empty()) std::cout << "  (" << why << ")";
    std::cout << "\n";
    for (const std::string& line : aw.explanation) std::cout << "    " << line << "\n";
    for (const auto& part : result.funding(aw))
      std::cout << "    " << part.payer << " 承担 " << polc_rt::money(part.hi) << "\n";
  }
  std::cout << "合计 " << polc_rt::money(result.totals.lo) << " 至 " << polc_rt::money(result.totals.hi) << "\n";

  // Why a clause paid nothing (policy::whyNot): the firm has no new recognition for 第2条第4款.
  for (const policy::WhyNot& w : policy::whyNot(result, "常办发〔2022〕1号 第2条第4款")) {
    std::cout << "未适用 " << result.program->clauses[w.clause].citation << "：" << w.reason << "\n";
    for (const polc_rt::TraceLine& line : w.condition) {
      std::cout << std::string(static_cast<std::size_t>(4 + 2 * line.depth), ' ') << line.text << " → " << line.outcome;
      for (const polc_rt::WhyNotValue& v : line.values) std::cout << "  " << v.what << " = " << v.value;
      std::cout << "\n";
    }
  }
}
