#include "driver/sources.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string_view>
#include <system_error>

#include <fmt/format.h>

#include "support/diag_codes.h"
#include "support/read_file.h"

namespace polc {
namespace {

namespace fs = std::filesystem;

constexpr const char* kExtension = ".pol";
// Far above any real policy (the city policy is ~60 KB), low enough that a stray binary is refused.
constexpr std::uintmax_t kMaxFileBytes = 64u * 1024 * 1024;

// What a file written by `polc build` is, from its first bytes; null for anything else. Both headers
// have a NUL byte within their first 16 bytes, which no policy text has (E0103), so a policy that
// happens to begin with the letters POLB is still read as one.
const char* compiledOutput(std::string_view text) {
  if (text.substr(0, 16).find('\0') == std::string_view::npos) return nullptr;
  if (text.substr(0, 4) == "POLB") return "bytecode written by polc build --emit=bytecode";
  if (text.substr(0, 4) == "\x7f" "ELF") return "an object file (polc build --emit=obj writes one)";
  return nullptr;
}

void addFile(const fs::path& path, SourceManager& sm, DiagnosticEngine& diags, std::vector<FileId>& out) {
  // Only regular files: a FIFO would block, /dev/zero would never end (support/read_file.h).
  InputFile in = readInputFile(path.string(), kMaxFileBytes);
  if (!in.ok()) {
    diags.error(diag::kCannotRead, Span{}, in.error);
    return;
  }
  std::string text = std::move(*in.text);
  // polc's own outputs, named in place of the sources they were built from (`polc eval x.polb`):
  // read as text they were "invalid UTF-8 at byte 16", which tells the user nothing.
  if (const char* what = compiledOutput(text)) {
    diags.error(diag::kCannotRead, Span{},
                fmt::format("{}: is {}, not a policy source: give the .pol files it was built from (a .polb "
                            "is evaluated through the runtime's C API, docs/bytecode.md)",
                            path.string(), what));
    return;
  }
  std::size_t bad = findInvalidUtf8(text);
  if (bad != std::string::npos) {
    // Keep the valid prefix so that the diagnostic points at the line and column of the bad byte.
    FileId id = sm.add(path.string(), text.substr(0, bad));
    auto end = static_cast<std::uint32_t>(sm.file(id).codepoints().size());
    diags.error(diag::kInvalidUtf8, Span{id, end, end},
                fmt::format("invalid UTF-8 at byte {}: policy files must be UTF-8", bad));
    return;
  }
  out.push_back(sm.add(path.string(), std::move(text)));
}

}  // namespace

std::vector<FileId> loadSources(const std::vector<std::string>& paths, SourceManager& sm,
                                DiagnosticEngine& diags) {
  std::vector<FileId> out;
  // A file named twice (`polc check policies/ policies/schema.pol`) is read once: twice, every
  // declaration in it was "declared twice", each pointing at itself.
  std::set<fs::path> seen;
  auto once = [&](const fs::path& f) {
    std::error_code ec;
    const fs::path key = fs::weakly_canonical(f, ec);
    return seen.insert(ec ? f : key).second;
  };
  for (const auto& p : paths) {
    fs::path path(p);
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      diags.error(diag::kCannotRead, Span{}, fmt::format("{}: no such file or directory", p));
      continue;
    }
    if (!fs::is_directory(status)) {
      if (once(path)) addFile(path, sm, diags, out);
      continue;
    }
    std::vector<fs::path> found;
    for (fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
      if (it->is_regular_file(ec) && it->path().extension() == kExtension) found.push_back(it->path());
    }
    if (ec) diags.error(diag::kCannotRead, Span{}, fmt::format("{}: {}", p, ec.message()));
    std::sort(found.begin(), found.end());
    if (found.empty())
      diags.error(diag::kNoPolicyFiles, Span{}, fmt::format("{}: no {} files in this directory", p, kExtension));
    for (const auto& f : found)
      if (once(f)) addFile(f, sm, diags, out);
  }
  return out;
}

}  // namespace polc
