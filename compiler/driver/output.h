// How commands print diagnostics: text on stderr (coloured only on a terminal), or JSON on stdout.
#pragma once

#include <string>

#include "driver/frontend.h"
#include "driver/stdout_errno.h"

namespace polc {

enum class OutputFormat { Text, Json };
enum class ColorMode { Auto, Always, Never };

struct OutputOptions {
  OutputFormat format = OutputFormat::Text;
  ColorMode color = ColorMode::Auto;
};

bool useColor(ColorMode mode);
void printDiagnostics(const FrontEnd& fe, const OutputOptions& options);

// A command's exit status once standard output is flushed. Results written to a full disk or a
// file that fails are incomplete: that is an error (status 1, a message on stderr, with the reason
// `why` keeps when an earlier write failed), never a success the caller would take the truncated
// file for.
int statusAfterStdout(int status, const StdoutErrno& why);

}  // namespace polc
