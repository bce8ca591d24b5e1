#include "support/diagnostics.h"

#include <algorithm>
#include <tuple>

namespace polc {

const char* severityName(Severity s) {
  switch (s) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Note:
      return "note";
  }
  return "error";  // unreachable for a valid enumerator; keeps -Wreturn-type quiet
}

std::size_t countSeverity(const std::vector<Diagnostic>& diags, Severity s) {
  return static_cast<std::size_t>(std::count_if(
      diags.begin(), diags.end(), [s](const Diagnostic& d) { return d.severity == s; }));
}

Diagnostic& DiagnosticEngine::report(Severity severity, std::string code, Span span,
                                     std::string message) {
  Diagnostic& d = diags_.emplace_back();
  d.severity = severity;
  d.code = std::move(code);
  d.span = span;
  d.message = std::move(message);
  return d;
}

std::size_t DiagnosticEngine::errorCount() const { return countSeverity(diags_, Severity::Error); }

std::size_t DiagnosticEngine::warningCount() const {
  return countSeverity(diags_, Severity::Warning);
}

void DiagnosticEngine::sortByLocation() {
  // Placeless diagnostics compare equal to each other and after every placed one, so the stable
  // sort leaves them at the end in report order.
  auto key = [](const Diagnostic& d) {
    return std::make_tuple(!d.span.valid(), d.span.valid() ? d.span.file : FileId{0},
                           d.span.valid() ? d.span.begin : 0u);
  };
  std::stable_sort(diags_.begin(), diags_.end(),
                   [&key](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
}

}  // namespace polc
