// The diagnostics of one `polc check` run, in the forms it writes them: text on stderr, or the JSON
// or SARIF document on stdout (--format), and copies of the JSON and SARIF documents in files
// (--json-file, --sarif-file). A CI job wants the readable text in its log and a document for its
// tools from one run, not two runs of the checker.
#pragma once

#include <string>
#include <vector>

#include "check/check.h"
#include "driver/commands.h"
#include "driver/frontend.h"

namespace polc {

struct CheckReport {
  const FrontEnd& fe;
  std::vector<check::Reported> findings;  // empty when the consistency checker did not run
  bool checkerRan = false;                // its JSON then counts notes and carries each finding
};

// A --json-file or --sarif-file that names one of the policy files read (which writing the report
// would replace), or both options naming one file: the usage message, else "".
std::string reportFileProblem(const CheckOptions& options, const FrontEnd& fe);

// Prints the report as --format asks and writes the files asked for, each whole or not at all.
// Returns false, with a message on stderr, when a file could not be written.
bool emitCheckReport(const CheckOptions& options, const CheckReport& report);

}  // namespace polc
