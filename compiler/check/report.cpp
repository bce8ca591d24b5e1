// Findings as diagnostics (text, JSON with the finding attached, SARIF 2.1.0), severity options and
// witness files.
#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>

#include <fmt/format.h>

#include "check/check.h"
#include "support/atomic_file.h"
#include "support/diag_codes.h"

namespace polc::check {

using json = nlohmann::ordered_json;

namespace {

std::optional<FindingKind> kindOfCode(const std::string& code) {
  for (FindingKind k : allKinds())
    if (code == codeOf(k)) return k;
  return std::nullopt;
}

// The front end's own warnings (sema), which the same options govern: a writer who asks for every
// warning to fail the run (`--error-on warning`) means these too.
constexpr std::array<const char*, 1> kFrontEndWarnings = {diag::kPayerMayTakeLabel};

bool isFrontEndWarning(const std::string& code) {
  return std::find(kFrontEndWarnings.begin(), kFrontEndWarnings.end(), code) != kFrontEndWarnings.end();
}

bool knownCode(const std::string& code) { return kindOfCode(code) || isFrontEndWarning(code); }

// "W0424, W0601–W0641": from the tables, so that a new code is never left out of the usage messages.
std::string codeRange() {
  std::string out;
  for (const char* c : kFrontEndWarnings) out += fmt::format("{}, ", c);
  return out + fmt::format("{}–{}", codeOf(allKinds().front()), codeOf(allKinds().back()));
}

bool parseLevel(const std::string& s, std::optional<Severity>& out) {
  if (s == "error") out = Severity::Error;
  else if (s == "warning") out = Severity::Warning;
  else if (s == "note") out = Severity::Note;
  else if (s == "off" || s == "none") out = std::nullopt;
  else return false;
  return true;
}

void location(json& obj, const SourceManager& sm, Span span) {
  if (!sm.contains(span)) {
    for (const char* k : {"file", "line", "column"}) obj[k] = nullptr;
    return;
  }
  const SourceFile& f = sm.file(span.file);
  LineCol lc = f.lineCol(span.begin);
  obj["file"] = f.path();
  obj["line"] = lc.line;
  obj["column"] = lc.column;
}

}  // namespace

bool SeverityConfig::parseW(const std::string& value, std::string& error) {
  std::string v = value;
  if (v.rfind("no-", 0) == 0) {
    std::string code = v.substr(3);
    if (!knownCode(code)) {
      error = fmt::format("-W {}: unknown code {} (the warning codes are {})", value, code, codeRange());
      return false;
    }
    byCode[code] = std::nullopt;
    return true;
  }
  auto eq = v.find('=');
  if (eq == std::string::npos) {
    error = fmt::format("-W {}: expected CODE=error|warning|note|off or no-CODE", value);
    return false;
  }
  std::string a = v.substr(0, eq), b = v.substr(eq + 1);
  std::optional<Severity> level;
  // Both CODE=level and level=CODE (as in -Werror=W0601).
  if (knownCode(a) && parseLevel(b, level)) {
    byCode[a] = level;
    return true;
  }
  if (knownCode(b) && parseLevel(a, level)) {
    byCode[b] = level;
    return true;
  }
  error = fmt::format("-W {}: expected CODE=error|warning|note|off with a warning code ({})", value, codeRange());
  return false;
}

bool SeverityConfig::parseErrorOn(const std::string& value, std::string& error) {
  if (value == "warning" || value == "warnings" || knownCode(value)) {
    errorOn.insert(value == "warnings" ? "warning" : value);
    return true;
  }
  error = fmt::format("--error-on {}: expected a warning code ({}) or `warning`", value, codeRange());
  return false;
}

std::optional<Severity> SeverityConfig::severityOf(const std::string& code, Severity byDefault) const {
  auto it = byCode.find(code);
  std::optional<Severity> s = it != byCode.end() ? it->second : std::optional<Severity>(byDefault);
  if (!s) return s;
  if (errorOn.count(code) || (errorOn.count("warning") && *s == Severity::Warning)) return Severity::Error;
  return s;
}

std::optional<Severity> SeverityConfig::severityOf(FindingKind k) const {
  return severityOf(codeOf(k), defaultSeverity(k));
}

void SeverityConfig::applyToFrontEnd(std::vector<Diagnostic>& diags) const {
  std::vector<Diagnostic> kept;
  kept.reserve(diags.size());
  for (auto& d : diags) {
    if (d.severity == Severity::Warning && isFrontEndWarning(d.code)) {
      auto s = severityOf(d.code, d.severity);
      if (!s) continue;
      d.severity = *s;
    }
    kept.push_back(std::move(d));
  }
  diags = std::move(kept);
}

std::vector<Reported> toDiagnostics(const Result& r, const SeverityConfig& cfg) {
  std::vector<Reported> out;
  for (const auto& f : r.findings) {
    auto sev = cfg.severityOf(f.kind);
    if (!sev) continue;
    Reported rep;
    rep.finding = &f;
    Diagnostic& d = rep.diag;
    d.severity = *sev;
    d.code = codeOf(f.kind);
    d.message = f.message;
    d.span = f.span;
    d.label = kindName(f.kind);
    d.notes = f.notes;
    d.help = f.help;
    out.push_back(std::move(rep));
  }
  return out;
}

json findingJson(const SourceManager& sm, const Finding& f) {
  json o = json::object();
  o["kind"] = kindName(f.kind);
  o["clauses"] = json::array();
  for (const auto& r : f.refs) {
    json c = json::object();
    c["citation"] = r.citation;
    c["text"] = r.text;
    location(c, sm, r.span);
    o["clauses"].push_back(c);
  }
  o["group"] = f.group.empty() ? json() : json(f.group);
  o["relation"] = f.relation.empty() ? json() : json(f.relation);
  o["amounts"] = f.amounts;
  o["witness_summary"] = f.witnessSummary;
  o["witness"] = f.witness;
  o["contrast"] = f.contrast;
  return o;
}

std::string renderFindingsJson(const SourceManager& sm, const std::vector<Diagnostic>& frontEnd,
                               const std::vector<Reported>& findings) {
  std::vector<Diagnostic> all = frontEnd;
  for (const auto& r : findings) all.push_back(r.diag);
  json root = json::parse(renderJson(sm, all));
  auto& diags = root["diagnostics"];
  for (std::size_t i = 0; i < findings.size(); ++i)
    diags[frontEnd.size() + i]["finding"] = findingJson(sm, *findings[i].finding);
  std::size_t notes = 0;
  for (const auto& d : all) notes += d.severity == Severity::Note;
  root["notes"] = notes;
  return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

namespace {

const char* sarifLevel(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "warning";
}

// A path as a URI reference (RFC 3986): bytes outside the unreserved set and '/' are
// percent-encoded, so non-ASCII file names and spaces stay valid for SARIF consumers.
std::string uriOf(const std::string& path) {
  std::string out;
  for (unsigned char ch : path) {
    if (std::isalnum(ch) || ch == '-' || ch == '.' || ch == '_' || ch == '~' || ch == '/') out += static_cast<char>(ch);
    else out += fmt::format("%{:02X}", ch);
  }
  return out;
}

json physical(const SourceManager& sm, Span span) {
  const SourceFile& f = sm.file(span.file);
  LineCol b = f.lineCol(span.begin), e = f.lineCol(span.end);
  json region = json::object();
  region["startLine"] = b.line;
  region["startColumn"] = b.column;
  region["endLine"] = e.line;
  region["endColumn"] = e.column;
  json loc = json::object();
  loc["artifactLocation"] = json{{"uri", uriOf(f.path())}};
  loc["region"] = region;
  return loc;
}

}  // namespace

std::string renderSarif(const SourceManager& sm, const std::vector<Diagnostic>& frontEnd,
                        const std::vector<Reported>& findings) {
  json rules = json::array();
  std::map<std::string, int> ruleIndex;
  for (FindingKind k : allKinds()) {
    json r = json::object();
    r["id"] = codeOf(k);
    r["name"] = kindName(k);
    r["shortDescription"] = json{{"text", ruleDescription(k)}};
    // helpUri must be an absolute URI; the documentation is a file of the repository instead.
    r["help"] = json{{"text", fmt::format("{}. See docs/diagnostics.md ({}) and docs/checker.md.", ruleDescription(k), codeOf(k))}};
    r["defaultConfiguration"] = json{{"level", sarifLevel(defaultSeverity(k))}};
    ruleIndex[codeOf(k)] = static_cast<int>(rules.size());
    rules.push_back(r);
  }
  auto ruleFor = [&](const std::string& code) {
    auto it = ruleIndex.find(code);
    if (it != ruleIndex.end()) return it->second;
    json r = json::object();
    r["id"] = code;
    r["shortDescription"] = json{{"text", "polc diagnostic " + code + " (docs/diagnostics.md)"}};
    ruleIndex[code] = static_cast<int>(rules.size());
    rules.push_back(r);
    return ruleIndex[code];
  };
  json results = json::array();
  auto result = [&](const Diagnostic& d, const Finding* f) {
    json r = json::object();
    r["ruleId"] = d.code;
    r["ruleIndex"] = ruleFor(d.code);
    r["level"] = sarifLevel(d.severity);
    std::string text = d.message;
    for (const auto& h : d.help) text += "\n" + h;
    r["message"] = json{{"text", text}};
    r["locations"] = json::array();
    if (sm.contains(d.span)) r["locations"].push_back(json{{"physicalLocation", physical(sm, d.span)}});
    json related = json::array();
    int id = 0;
    for (const auto& n : d.notes) {
      if (!sm.contains(n.span)) continue;
      json x = json::object();
      x["id"] = id++;
      x["physicalLocation"] = physical(sm, n.span);
      x["message"] = json{{"text", n.message}};
      related.push_back(x);
    }
    if (!related.empty()) r["relatedLocations"] = related;
    // An overlap accepted by a stated relation is kept in the log, marked as accepted in the
    // source with the relation's reason, so code-scanning tools show it as accepted, not as new.
    if (f && f->kind == FindingKind::AcceptedOverlap)
      r["suppressions"] = json::array({json{{"kind", "inSource"}, {"status", "accepted"}, {"justification", f->relation}}});
    if (f) {
      json props = json::object();
      props["kind"] = kindName(f->kind);
      props["witnessSummary"] = f->witnessSummary;
      props["witness"] = f->witness;
      json cites = json::array();
      for (const auto& c : f->refs) cites.push_back(c.citation);
      props["citations"] = cites;
      r["properties"] = props;
    }
    results.push_back(r);
  };
  for (const auto& d : frontEnd) result(d, nullptr);
  for (const auto& rep : findings) result(rep.diag, rep.finding);
  json driver = json::object();
  driver["name"] = "polc";
  driver["version"] = "0.1.0";
  driver["rules"] = rules;
  json run = json::object();
  run["tool"] = json{{"driver", driver}};
  run["columnKind"] = "unicodeCodePoints";  // SourceFile::lineCol counts code points
  run["results"] = results;
  json root = json::object();
  root["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  root["version"] = "2.1.0";
  root["runs"] = json::array({run});
  return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

namespace {

// A file name part from a citation: no path separators, no spaces.
std::string slugOf(const std::string& cite) {
  std::string slug;
  for (char ch : cite) slug += (ch == ' ' || ch == '/' || ch == '\\' || ch == ':') ? '_' : ch;
  return slug;
}

// Writes one applicant; the path on success, empty (and a message in `errors`) on failure.
std::string writeApplicant(const std::filesystem::path& path, const json& doc, std::vector<std::string>& errors) {
  std::string err =
      writeFileAtomically(path.string(), doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n");
  if (err.empty()) return path.string();
  errors.push_back(err);
  return {};
}

// A name writeWitnesses gives (`0007-W0640-常办发〔2022〕1号_第3条.json`, `….contrast.json`): its
// number has four digits or more (`{:04}`: the 10000th finding's is `10000-…`).
bool isWitnessName(const std::string& name) {
  const auto digits = [](const std::string& s, std::size_t from, std::size_t n) {
    return std::all_of(s.begin() + static_cast<std::ptrdiff_t>(from), s.begin() + static_cast<std::ptrdiff_t>(from + n),
                       [](char ch) { return ch >= '0' && ch <= '9'; });
  };
  const std::string ext = ".json";
  const std::size_t d = name.find_first_not_of("0123456789");  // the number's digits
  return d != std::string::npos && d >= 4 && name.size() > d + 7 + ext.size() && name[d] == '-' && name[d + 1] == 'W' &&
         digits(name, d + 2, 4) && name[d + 6] == '-' && name.compare(name.size() - ext.size(), ext.size(), ext) == 0;
}

// The witness files an earlier run left in `dir` are removed first: a finding since fixed would
// otherwise keep its file, be replayed as if it still held, and share its number with this run's.
// Only regular files with the names writeWitnesses gives; anything else in the directory is the user's.
void removeEarlierWitnesses(const std::filesystem::path& dir, std::vector<std::string>& errors) {
  namespace fs = std::filesystem;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code st;
    if (it->symlink_status(st).type() != fs::file_type::regular || !isWitnessName(it->path().filename().string()))
      continue;
    if (fs::remove(it->path(), st); st)
      errors.push_back(fmt::format("{}: cannot remove the earlier run's witness: {}", it->path().string(), st.message()));
  }
  if (ec) errors.push_back(fmt::format("{}: cannot list the directory: {}", dir.string(), ec.message()));
}

}  // namespace

std::vector<WitnessFile> writeWitnesses(const std::string& dir, const std::vector<Reported>& findings,
                                        std::vector<std::string>& errors) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    errors.push_back(fmt::format("{}: cannot create the directory: {}", dir, ec.message()));
    return {};
  }
  const std::size_t before = errors.size();
  removeEarlierWitnesses(dir, errors);
  if (errors.size() != before) return {};
  std::vector<WitnessFile> written;
  int n = 0;
  for (const auto& rep : findings) {
    ++n;  // numbered by the finding's place in the report, so the names follow the diagnostics
    const Finding& f = *rep.finding;
    if (f.witness.is_null()) continue;
    std::string stem = fmt::format("{:04}-{}-{}", n, codeOf(f.kind), slugOf(f.refs.empty() ? f.group : f.refs.front().citation));
    WitnessFile out;
    out.finding = &f;
    out.witness = writeApplicant(fs::path(dir) / (stem + ".json"), f.witness, errors);
    if (out.witness.empty()) continue;
    if (!f.contrast.is_null()) {
      out.contrast = writeApplicant(fs::path(dir) / (stem + ".contrast.json"), f.contrast, errors);
      if (out.contrast.empty()) continue;
    }
    written.push_back(std::move(out));
  }
  return written;
}

}  // namespace polc::check
