#include "driver/frontend.h"

#include "driver/document_not_given.h"
#include "driver/sources.h"
#include "ir/lower.h"
#include "sema/analyze.h"
#include "syntax/parse.h"

namespace polc {

std::unique_ptr<FrontEnd> runFrontEnd(const std::vector<std::string>& paths) {
  auto fe = std::make_unique<FrontEnd>();
  auto ids = loadSources(paths, fe->sources, fe->diags);
  std::vector<std::unique_ptr<ast::File>> files;
  for (FileId id : ids) {
    auto file = parseFile(fe->sources, id, fe->diags);
    if (file) files.push_back(std::move(file));
  }
  if (!fe->diags.hasErrors()) fe->model = sema::analyze(std::move(files), fe->sources, fe->diags);
  nameFilesNotGiven(fe->sources, fe->diags);
  fe->diags.sortByLocation();
  return fe;
}

std::vector<std::string> sourcePaths(const FrontEnd& fe) {
  std::vector<std::string> paths;
  for (std::size_t i = 0; i < fe.sources.size(); ++i) paths.push_back(fe.sources.file(static_cast<FileId>(i)).path());
  return paths;
}

std::unique_ptr<ir::Program> lowerModel(FrontEnd& fe) {
  if (fe.diags.hasErrors() || !fe.model) return nullptr;
  return ir::lower(*fe.model, fe.diags);
}

}  // namespace polc
