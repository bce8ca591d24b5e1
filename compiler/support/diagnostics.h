// Diagnostics: what the compiler tells the user. Every diagnostic has a stable code (see
// diag_codes.h and docs/diagnostics.md), a primary span, and notes that point at related places.
#pragma once

#include <string>
#include <vector>

#include "support/source.h"

namespace polc {

enum class Severity { Error, Warning, Note };
const char* severityName(Severity s);  // "error", "warning", "note"

struct DiagNote {
  Span span;  // may be invalid: a note without a place
  std::string message;
};

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string code;     // e.g. "E0201"
  std::string message;  // one line, no trailing period
  Span span;
  std::string label;    // optional short text printed after the underline
  std::vector<DiagNote> notes;
  std::vector<std::string> help;  // "help: ..." lines (suggestions), no place
};

// Collects diagnostics in the order they are reported. Passes take it by reference; there is no
// global instance.
class DiagnosticEngine {
 public:
  Diagnostic& report(Severity severity, std::string code, Span span, std::string message);
  Diagnostic& error(std::string code, Span span, std::string message) {
    return report(Severity::Error, std::move(code), span, std::move(message));
  }
  Diagnostic& warning(std::string code, Span span, std::string message) {
    return report(Severity::Warning, std::move(code), span, std::move(message));
  }

  const std::vector<Diagnostic>& all() const { return diags_; }
  // For a pass that adds to diagnostics already reported (the driver's help about files not given).
  std::vector<Diagnostic>& all() { return diags_; }
  std::size_t errorCount() const;
  std::size_t warningCount() const;
  bool hasErrors() const { return errorCount() > 0; }
  // Stable order for output: by file, then position, then report order.
  void sortByLocation();

 private:
  // std::vector would invalidate references returned by report(); a deque-like growth is avoided
  // by returning a reference only until the next report() call, which is how callers use it.
  std::vector<Diagnostic> diags_;
};

// How many of `diags` have severity `s`; the renderers' summaries and DiagnosticEngine share it.
std::size_t countSeverity(const std::vector<Diagnostic>& diags, Severity s);

struct RenderOptions {
  bool color = false;
};

// Clang-style text (columns in the location are 1-based code points; the underline is placed in
// display columns, a Chinese character being two wide and tabs expanded to stops of 4):
//   policies/x.pol:12:6: error[E0301]: cannot add 吨标煤 to 万元
//      12 |   给予 节能量 + 100万元
//         |        ^^^^^^^^^^^^^^^^ 吨标煤 + 万元
//   policies/x.pol:3:6: note: 节能量 is declared here
//       3 |   事实 节能量: 吨标煤
//         |        ------
//   help: ...
// followed by a summary line ("1 error generated.", "2 errors and 1 warning generated.") when
// there is an error or a warning. Every line, the summary included, ends with '\n'.
std::string renderText(const SourceManager& sm, const std::vector<Diagnostic>& diags,
                       const RenderOptions& options);

// {"diagnostics":[{"severity","code","message","file","line","column","end_line","end_column",
//   "label","notes":[{"message","file","line","column","end_line","end_column"}],"help":[...]}],
//  "errors":N,"warnings":M}; columns are 1-based code points, end positions exclusive. Keys keep
// this order; a diagnostic or note without a place has null file/line/column/end_line/end_column.
// Pretty-printed with a 2-space indent, UTF-8 unescaped, ending with '\n'.
std::string renderJson(const SourceManager& sm, const std::vector<Diagnostic>& diags);

}  // namespace polc
