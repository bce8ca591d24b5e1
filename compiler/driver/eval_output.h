// How `polc eval` prints a result: a text report for people, JSON for programs (docs/eval-output.md).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "eval/eval.h"

namespace polc {

std::string renderEvalText(const ir::Program& p, const eval::Applicant& a, const eval::Result& r, bool explain);
nlohmann::json renderEvalJson(const ir::Program& p, const eval::Applicant& a, const eval::Result& r, bool explain);

}  // namespace polc
