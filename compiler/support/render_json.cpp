#include <nlohmann/json.hpp>

#include "support/diagnostics.h"

namespace polc {

namespace {

// ordered_json keeps keys in insertion order, so the output follows the documented schema rather
// than alphabetical order.
using Json = nlohmann::ordered_json;

// Adds file, line, column, end_line and end_column of `span` to `obj`; all null when it has no
// place, so every object carries the same keys.
void addLocation(Json& obj, const SourceManager& sm, Span span) {
  if (!sm.contains(span)) {
    for (const char* key : {"file", "line", "column", "end_line", "end_column"}) obj[key] = nullptr;
    return;
  }
  const SourceFile& file = sm.file(span.file);
  const LineCol begin = file.lineCol(span.begin);
  const LineCol end = file.lineCol(span.end);
  obj["file"] = file.path();
  obj["line"] = begin.line;
  obj["column"] = begin.column;
  obj["end_line"] = end.line;
  obj["end_column"] = end.column;
}

Json noteJson(const SourceManager& sm, const DiagNote& note) {
  Json obj = Json::object();
  obj["message"] = note.message;
  addLocation(obj, sm, note.span);
  return obj;
}

Json diagnosticJson(const SourceManager& sm, const Diagnostic& d) {
  Json obj = Json::object();
  obj["severity"] = severityName(d.severity);
  obj["code"] = d.code;
  obj["message"] = d.message;
  addLocation(obj, sm, d.span);
  obj["label"] = d.label;
  obj["notes"] = Json::array();
  for (const DiagNote& note : d.notes) obj["notes"].push_back(noteJson(sm, note));
  obj["help"] = d.help;
  return obj;
}

}  // namespace

std::string renderJson(const SourceManager& sm, const std::vector<Diagnostic>& diags) {
  Json root = Json::object();
  root["diagnostics"] = Json::array();
  for (const Diagnostic& d : diags) root["diagnostics"].push_back(diagnosticJson(sm, d));
  root["errors"] = countSeverity(diags, Severity::Error);
  root["warnings"] = countSeverity(diags, Severity::Warning);
  // A stray invalid byte in a message must not turn into an exception while reporting errors, so
  // it is replaced instead.
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace polc
