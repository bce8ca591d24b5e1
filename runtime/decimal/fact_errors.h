// The words of the errors about an applicant's facts that more than one reader gives, in one
// place: polc's facts reader (compiler/facts/facts.cpp), the C API (runtime/api/polrt.cpp) and the
// generated C++'s reader and Run (polc_decimal.h, made from these sources by
// compiler/backend/cpp/decimal_header.cmake, carries this header). An agency that moves from one
// to another must not find its facts refused in other words.
#pragma once

#include <string>

namespace polrt {

// A fact declared 必填 that the applicant does not give: an error, not a result without it.
inline const char* missingRequiredFact() { return "missing required fact (declared 必填)"; }

// An award received that names neither the clause it was paid under nor its target: nothing
// could count it.
inline const char* noCitationNorTarget() { return "give the citation or the target of the award"; }

// A year of a history or of an award received that the readers, which read four digits, would
// refuse: kept, it would never match the evaluation year or the one before it.
inline std::string notAYear(int year) {
  return "year " + std::to_string(year) + " is not a year of four digits (0 to 9999)";
}

}  // namespace polrt
