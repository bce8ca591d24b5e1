// A payer named by a fact whose enum holds another payer's label: `市, 辖区（所在地） = 1:1` with 市
// among the values of 所在地's enum bills 市 twice for an applicant in 市, which every evaluator
// refuses at evaluation (polrt::payerTwice); so does `辖区（所在地）, 辖区（注册地）` for an applicant
// whose two facts are the same district. Told when the policy is compiled (W0424), unless the rule
// cannot meet such an applicant.
#pragma once

#include <vector>

#include "sema/context.h"

namespace polc::sema {

// `rule`'s payers (`payers`, shares then ratio payers) against the rules tried before it in its
// document (`earlier`, in order): a value of a payer's fact that is another payer's label, which
// no earlier rule takes whole and the rule's own condition does not exclude, is reported at the
// payer, with a note at the value and a help that writes the rule to add before it; so are the
// values two payers' facts can share (once per pair of payers).
void payerMayTakeLabel(Context& cx, const std::vector<const ast::FundingRule*>& earlier,
                       const ast::FundingRule& rule, const std::vector<ast::Payer*>& payers);

}  // namespace polc::sema
