#include "driver/check_report.h"

#include <iostream>

#include "driver/output.h"
#include "driver/same_file.h"
#include "support/atomic_file.h"

namespace polc {

namespace {

std::string jsonDocument(const CheckReport& r) {
  return r.checkerRan ? check::renderFindingsJson(r.fe.sources, r.fe.diags.all(), r.findings)
                      : renderJson(r.fe.sources, r.fe.diags.all());
}

std::string sarifDocument(const CheckReport& r) {
  return check::renderSarif(r.fe.sources, r.fe.diags.all(), r.findings);
}

}  // namespace

std::string reportFileProblem(const CheckOptions& options, const FrontEnd& fe) {
  const std::vector<std::string> inputs = sourcePaths(fe);
  for (const auto& [flag, path] : {std::pair{"--json-file", &options.jsonFile}, std::pair{"--sarif-file", &options.sarifFile}}) {
    if (path->empty()) continue;
    if (std::string input = inputReplacedBy(*path, inputs); !input.empty())
      return std::string(flag) + " " + *path + " is the policy file " + input +
             ": the report would replace it; give another file";
  }
  if (!options.jsonFile.empty() && !options.sarifFile.empty() &&
      (options.jsonFile == options.sarifFile || !inputReplacedBy(options.sarifFile, {options.jsonFile}).empty()))
    return "--json-file and --sarif-file name one file, " + options.jsonFile + ": give each its own";
  return "";
}

bool emitCheckReport(const CheckOptions& options, const CheckReport& report) {
  if (options.sarif) {
    std::cout << sarifDocument(report);
  } else if (options.output.format == OutputFormat::Json) {
    std::cout << jsonDocument(report);
  } else {
    std::vector<Diagnostic> all = report.fe.diags.all();
    for (const auto& f : report.findings) all.push_back(f.diag);
    std::cerr << renderText(report.fe.sources, all, RenderOptions{useColor(options.output.color)});
  }
  std::cout.flush();
  std::cerr.flush();
  bool written = true;
  auto write = [&](const char* flag, const std::string& path, const std::string& bytes) {
    if (path.empty()) return;
    if (std::string err = writeFileAtomically(path, bytes); !err.empty()) {
      std::cerr << "polc check: " << flag << " " << err << "\n";
      written = false;
    }
  };
  write("--json-file", options.jsonFile, options.jsonFile.empty() ? "" : jsonDocument(report));
  write("--sarif-file", options.sarifFile, options.sarifFile.empty() ? "" : sarifDocument(report));
  return written;
}

}  // namespace polc
