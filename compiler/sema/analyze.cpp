#include "sema/analyze.h"

#include "sema/passes.h"

namespace polc::sema {

std::unique_ptr<Model> analyze(std::vector<std::unique_ptr<ast::File>> files, const SourceManager& sm,
                               DiagnosticEngine& diags) {
  auto model = std::make_unique<Model>();
  model->sources = &sm;
  model->files = std::move(files);
  Context cx{*model, diags};
  ExprChecker checker(cx);
  declare(cx);
  resolveSchema(cx, checker);
  checkDocuments(cx, checker);
  return model;
}

}  // namespace polc::sema
