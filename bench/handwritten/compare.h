// The benchmark applicants of a policy set, read once by every evaluator's own reader, and the
// comparison of the hand-written evaluator's results with the reference evaluator's: one canonical
// line per award (citation, item, kind, status, form, amounts, payee, funding split).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "handwritten/subset_eval.h"
#include "vm_util.h"

namespace hw {

namespace vmtest = polc::vmtest;
namespace ir = polc::ir;
namespace eval = polc::eval;

// The subset's policy files, relative to policies/ (vmtest::compile).
inline const std::vector<std::string> kSubsetFiles = {"schema.pol", "../bench/subset/changzhou-2022-subset.pol"};

// `count` applicants of the project's differential generator (tests/differential), seeded: JSON
// lines, the same for every run. Lines the facts reader rejects are left out.
std::vector<std::string> benchmarkApplicants(const vmtest::Compiled& c, int count, std::uint64_t seed);

// "" when the hand-written result is the reference evaluator's, else the two canonical forms.
std::string compareWithReference(const ir::Program& p, const eval::Applicant& a, const Result& mine, const Applicant& in);

// For the peers (bench/peers/): the reference result's paying awards as one JSON line,
// {"awards": [{"clause": "第2条第1款", "item": "企业", "status": "kept", "form": "up_to", "max": "2000000"}, …]}
// (amounts in 元, exact decimal strings; not-assessable awards have no form or max).
std::string expectedJson(const ir::Program& p, const eval::Applicant& a, const eval::Result& r);

}  // namespace hw
