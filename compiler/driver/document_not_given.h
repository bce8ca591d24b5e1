// `polc check schema.pol wujin.pol`: a document the Wujin file cites is declared in another .pol
// file of the same directory that was not given, and sema can only say it is unknown (E0207).
#pragma once

#include "support/diagnostics.h"
#include "support/source.h"

namespace polc {

// Adds to each E0207 the file beside the files read that declares the unknown document, if one does.
void nameFilesNotGiven(const SourceManager& sources, DiagnosticEngine& diags);

}  // namespace polc
