#include "eval/eval.h"

namespace polc::eval {

// A document without clauses cannot be why a clause is absent: it is not listed.
std::vector<const ir::Document*> outOfForce(const ir::Program& p, const Result& r) {
  std::vector<const ir::Document*> out;
  for (const ir::Document& doc : p.documents) {
    if (doc.clauses.empty()) continue;
    if ((doc.effectiveFrom && r.date < *doc.effectiveFrom) || (doc.effectiveTo && r.date > *doc.effectiveTo))
      out.push_back(&doc);
  }
  return out;
}

}  // namespace polc::eval
