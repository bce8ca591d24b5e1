// How commands print diagnostics: text on stderr (coloured only on a terminal), or JSON on stdout.
#pragma once

#include <string>

#include "driver/frontend.h"

namespace polc {

enum class OutputFormat { Text, Json };
enum class ColorMode { Auto, Always, Never };

struct OutputOptions {
  OutputFormat format = OutputFormat::Text;
  ColorMode color = ColorMode::Auto;
};

bool useColor(ColorMode mode);
void printDiagnostics(const FrontEnd& fe, const OutputOptions& options);

}  // namespace polc
