// How `polc eval` prints a result: a text report for people, JSON for programs (docs/eval-output.md).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "eval/eval.h"

namespace polc {

// Why a kept award that pays is in no payer's total (docs/eval-output.md), so that one applicant's
// totals and a batch's summary list it and their lines add up to the total: its funding rule is an
// arrangement in words (按现行财政体制执行), no funding rule of its document covers it (there are
// none, or none applies), or a rule's condition needs a fact not given. None: split among payers, or not a kept award that pays.
enum class FundingGap { None, Arrangement, NoRule, Undecided };
FundingGap fundingGap(const ir::Program& p, const eval::Award& aw);

std::string renderEvalText(const ir::Program& p, const eval::Applicant& a, const eval::Result& r, bool explain);
nlohmann::json renderEvalJson(const ir::Program& p, const eval::Applicant& a, const eval::Result& r, bool explain);

}  // namespace polc
