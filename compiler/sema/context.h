// What every sema pass works on: the model being built and where to report.
#pragma once

#include "sema/model.h"
#include "support/diag_codes.h"
#include "support/diagnostics.h"

namespace polc::sema {

struct Context {
  Model& model;
  DiagnosticEngine& diags;
};

}  // namespace polc::sema
