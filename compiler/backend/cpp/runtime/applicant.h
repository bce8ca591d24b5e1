// polc_runtime.h, part 5 of 11: the applicant, flattened into instances.
// polc writes the parts as one header (runtime_header.cmake); each is a header of its own so
// that the source can be read, and compiled, a part at a time.
#pragma once

#include "tables.h"

namespace polc_rt {

// ---- the applicant, flattened -----------------------------------------------------------------

// An award received before, as the facts list it: by clause (index into the clause table) or by
// target (index into the target table), -1 when not given.
struct Received {
  int clause = -1;
  int target = -1;
  Dec amount;
  int year = 0;
  std::string citation;  // as written (for messages); empty when given by target
};

struct Instance {
  int subject = -1;
  int parent = -1;
  int index = 0;  // 0-based position among the parent's items of this subject
  const void* data = nullptr;  // the generated struct of the subject
};

// A recognition (认定) held by the applicant: the member and the day it was granted (kLongAgo when
// the date is not known).
template <class E>
struct Grant {
  E member;
  int day = 0;
};

// An award received before, attached to the item whose facts list it. `target` is the award's
// target, or its clause's when the facts give only the citation; `clause` is -1 or the clause
// (Received::clause, or found by its citation when it was filled in code with the citation alone).
// `award` points into the facts, which outlive the evaluation (no copy of the citation's text).
struct ReceivedAt {
  int instance;
  int target;
  const Received* award;
  int clause;
};

// A fact the expression needs but the applicant does not give.
struct MissingFact {
  const char* name;  // 主体.事实
  int year;          // 上年: the year; 0 otherwise
  uint8_t how;       // 0 the fact, 1 上年, 2 历史
  std::string text() const {
    if (how == 1) return std::string("上年 ") + name + " (" + std::to_string(year) + "年)";
    if (how == 2) return std::string("历史 ") + name;
    return name;
  }
  bool operator==(const MissingFact& o) const { return how == o.how && year == o.year && std::strcmp(name, o.name) == 0; }
};

}  // namespace polc_rt
