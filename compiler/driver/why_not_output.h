// `polc eval --why-not CITATION`: the clauses a caseworker asks about, and why each paid an item
// nothing, printed after the result (docs/eval-output.md, "Why a clause did not apply").
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "eval/why_not.h"
#include "sema/model.h"

namespace polc {

struct WhyNotAsked {
  std::vector<int> clauses;  // in the order asked, each once
  bool all = false;          // `all`: every clause of the applicant's subject that pays it nothing
  std::string error;         // a citation that names no clause, with what exists near it
  std::vector<std::string> notes;  // a citation without its document that several documents have
};

// Each citation as the policy cites it (第12条第1款), with its document's number or name before it,
// or an article for all its clauses; `all` for every clause.
WhyNotAsked resolveWhyNot(const ir::Program& p, const sema::Model& m, const std::vector<std::string>& asked);

// The reasons for the clauses asked about, each item of theirs (the first `named`); then, with
// `all`, for every other clause, the items it pays nothing.
struct WhyNotReasons {
  std::vector<eval::WhyNot> list;
  std::size_t named = 0;
};
WhyNotReasons whyNotReasons(const ir::Program& p, const eval::Applicant& a, const eval::Result& r,
                            const WhyNotAsked& asked);

// A block for each clause named, in full; `all`'s others grouped where their reasons are the same.
std::string renderWhyNotText(const ir::Program& p, const SourceManager& sources, const eval::Applicant& a,
                             const WhyNotReasons& reasons);
nlohmann::json renderWhyNotJson(const ir::Program& p, const SourceManager& sources, const eval::Applicant& a,
                                const std::vector<eval::WhyNot>& reasons);

}  // namespace polc
