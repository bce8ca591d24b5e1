#include "fuzz_util.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "ir/lower.h"
#include "sema/analyze.h"
#include "support/diag_codes.h"
#include "syntax/parse.h"

namespace polc::fuzz {

std::unique_ptr<Compiled> compileTexts(const std::vector<std::string>& texts) {
  auto c = std::make_unique<Compiled>();
  std::vector<std::unique_ptr<ast::File>> files;
  bool loaded = true;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const std::string& text = texts[i];
    std::string path = "fuzz" + std::to_string(i) + ".pol";
    std::size_t bad = findInvalidUtf8(text);
    if (bad != std::string::npos) {
      FileId id = c->sm.add(path, text.substr(0, bad));
      auto end = static_cast<std::uint32_t>(c->sm.file(id).codepoints().size());
      c->diags.error(diag::kInvalidUtf8, Span{id, end, end}, "invalid UTF-8");
      loaded = false;
      continue;
    }
    FileId id = c->sm.add(path, text);
    auto file = parseFile(c->sm, id, c->diags);
    if (file) files.push_back(std::move(file));
    else loaded = false;
  }
  if (!loaded || c->diags.hasErrors()) return c;
  c->model = sema::analyze(std::move(files), c->sm, c->diags);
  if (!c->diags.hasErrors()) c->program = ir::lower(*c->model, c->diags);
  c->diags.sortByLocation();
  return c;
}

std::vector<std::string> splitFiles(const std::string& input, std::size_t maxFiles) {
  std::vector<std::string> texts;
  std::size_t start = 0;
  while (texts.size() + 1 < maxFiles) {
    std::size_t nul = input.find('\0', start);
    if (nul == std::string::npos) break;
    texts.push_back(input.substr(start, nul - start));
    start = nul + 1;
  }
  texts.push_back(input.substr(start));
  return texts;
}

std::size_t renderAll(const Compiled& c) {
  return renderText(c.sm, c.diags.all(), RenderOptions{true}).size() + renderJson(c.sm, c.diags.all()).size();
}

std::string readSourceFile(const std::string& relative) {
  std::string path = std::string(POLC_SOURCE_DIR) + "/" + relative;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "fuzz: cannot read %s\n", path.c_str());
    std::abort();
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

}  // namespace polc::fuzz
