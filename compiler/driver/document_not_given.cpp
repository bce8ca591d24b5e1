#include "driver/document_not_given.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <optional>
#include <set>
#include <string_view>

#include <fmt/format.h>

#include "support/diag_codes.h"
#include "support/read_file.h"

namespace polc {
namespace {

namespace fs = std::filesystem;

// A file beside the policies is only read to name it in a help: a large one is no policy.
constexpr std::uintmax_t kMaxSiblingBytes = 4u * 1024 * 1024;

bool blank(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// Whether `text` declares the document `name`: `文件 NAME {` or `document NAME {`.
bool declares(std::string_view text, const std::string& name) {
  for (std::size_t at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1)) {
    std::size_t before = at;
    if (before == 0 || !blank(text[before - 1])) continue;
    while (before > 0 && blank(text[before - 1])) --before;
    const std::string_view head = text.substr(0, before);
    const auto endsWith = [&](std::string_view kw) {
      return head.size() >= kw.size() && head.substr(head.size() - kw.size()) == kw;
    };
    const bool keyword = endsWith("文件") || endsWith("document");
    std::size_t after = at + name.size();
    while (after < text.size() && blank(text[after])) ++after;
    if (keyword && after < text.size() && text[after] == '{') return true;
  }
  return false;
}

// The .pol files in the directories of the files read that were not read themselves.
std::vector<fs::path> filesNotGiven(const SourceManager& sources) {
  std::set<fs::path> read, dirs;
  std::error_code ec;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    const fs::path p(sources.file(static_cast<FileId>(i)).path());
    read.insert(fs::weakly_canonical(p, ec));
    dirs.insert(p.parent_path());
  }
  std::vector<fs::path> out;
  // Named as the files given are: `x.pol` beside a file given as `y.pol`, not `./x.pol`.
  for (const fs::path& dir : dirs)
    for (fs::directory_iterator it(dir.empty() ? fs::path(".") : dir, ec), end; !ec && it != end; it.increment(ec))
      if (it->path().extension() == ".pol" && !read.count(fs::weakly_canonical(it->path(), ec)))
        out.push_back(dir / it->path().filename());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

void nameFilesNotGiven(const SourceManager& sources, DiagnosticEngine& diags) {
  // Read at the first E0207 only, and once: a run with no unknown document reads nothing more.
  std::optional<std::vector<std::pair<fs::path, std::string>>> siblings;
  for (Diagnostic& d : diags.all()) {
    if (d.code != diag::kUnknownDocument || !sources.contains(d.span)) continue;
    if (!siblings) {
      siblings.emplace();
      for (const fs::path& p : filesNotGiven(sources))
        if (InputFile in = readInputFile(p.string(), kMaxSiblingBytes); in.ok()) siblings->emplace_back(p, *in.text);
    }
    const std::string name = sources.file(d.span.file).slice(d.span.begin, d.span.end);
    for (const auto& [path, text] : *siblings)
      if (declares(text, name)) {
        d.help.push_back(fmt::format("`{}` is declared in {}, which was not given: add that file, or give the "
                                     "directory (polc reads every .pol file in it)",
                                     name, path.string()));
        break;
      }
  }
}

}  // namespace polc
