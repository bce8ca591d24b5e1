// How `polc eval` prints a result: a text report for people, JSON for programs (docs/eval-output.md).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "eval/eval.h"

namespace polc {

// The facts' own id (FactsResult::id) as people read it: a text as it is, a number as written.
std::string idText(const nlohmann::json& id);
// `id`: the facts' own id (FactsResult::id), shown in the header when they give one (null: none).
std::string renderEvalText(const ir::Program& p, const eval::Applicant& a, const eval::Result& r, bool explain,
                           const nlohmann::json& id = nullptr);
nlohmann::json renderEvalJson(const ir::Program& p, const eval::Applicant& a, const eval::Result& r, bool explain);

}  // namespace polc
