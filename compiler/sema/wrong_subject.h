// A clause's `对象` written wrong (`对象 企业` on a clause of 项目's facts) makes each use of each
// fact an E0201 of its own (ExprChecker::unknownName), each saying the same. These are grouped.
#pragma once

#include <vector>

#include "sema/context.h"
#include "sema/expr_checker.h"

namespace polc::sema {

// Where the uses `uses` of facts of subjects other than `mine` were checked.
struct WrongSubjectPlace {
  int mine = -1;
  // The clause's `对象`; null for a document's 申报条件, which has none.
  const ast::Name* subject = nullptr;
  // Whether the place also uses a fact of `mine` (or of a subject that owns it).
  bool ownFacts = false;
};

// Replaces the E0201s of `uses`, reported in `diags`, by one error for each other subject:
// - at the `对象`, when the clause uses facts of that one other subject only (no fact of its own
//   `对象`, or two or more uses of it): the `对象` is the mistake;
// - at the first use, with a note at each other name, when there are two or more uses of it beside
//   facts of another subject, or in a 申报条件;
// - a single use beside the place's own facts stays where it is: that name is the mistake, and its
//   help does not propose another `对象` (nor when other subjects are used too, or in a 申报条件).
void groupFactsOfOtherSubjects(Context& cx, const std::vector<FactOfOtherSubject>& uses, const WrongSubjectPlace& place);

// Whether `e` uses a fact that resolved (on the subject of its scope or one that owns it).
bool usesAFact(const ast::Expr& e);

}  // namespace polc::sema
