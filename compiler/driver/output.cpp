#include "driver/output.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include <unistd.h>

#include "driver/commands.h"

namespace polc {

bool useColor(ColorMode mode) {
  if (mode != ColorMode::Auto) return mode == ColorMode::Always;
  // The NO_COLOR convention, and no escapes for dumb terminals or pipes.
  if (std::getenv("NO_COLOR")) return false;
  const char* term = std::getenv("TERM");
  if (term && std::strcmp(term, "dumb") == 0) return false;
  return isatty(STDERR_FILENO) != 0;
}

void printDiagnostics(const FrontEnd& fe, const OutputOptions& options) {
  if (options.format == OutputFormat::Json) {
    std::cout << renderJson(fe.sources, fe.diags.all());
    std::cout.flush();
    return;
  }
  std::cerr << renderText(fe.sources, fe.diags.all(), RenderOptions{useColor(options.color)});
  std::cerr.flush();
}

int statusAfterStdout(int status, const StdoutErrno& stdoutErrno) {
  if (std::cout.flush()) return status;
  const int why = stdoutErrno.first();
  std::cerr << "polc: cannot write standard output" << (why ? std::string(": ") + std::strerror(why) : std::string())
            << "; the results written there are incomplete\n";
  return status == kExitOk ? kExitErrors : status;
}

}  // namespace polc
