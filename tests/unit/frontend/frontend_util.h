// Helpers shared by the front-end tests: lex a string, parse a string into the AST, check a whole
// program with semantic analysis, and read what was reported.
#pragma once

#include <gtest/gtest.h>

#include <antlr4-runtime.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "PolcLexer.h"
#include "sema/analyze.h"
#include "support/diagnostics.h"
#include "syntax/ast.h"
#include "syntax/parse.h"
#include "syntax/policy_lexer.h"

namespace polc::test {

struct Tok {
  std::size_t type;
  std::string text;
};

// The tokens of `source` on the default channel (no spaces or comments), without EOF.
inline std::vector<Tok> lex(const std::string& source) {
  antlr4::ANTLRInputStream input(source);
  PolicyLexer lexer(&input);
  lexer.removeErrorListeners();
  antlr4::CommonTokenStream tokens(&lexer);
  tokens.fill();
  std::vector<Tok> out;
  for (auto* t : tokens.getTokens()) {
    if (t->getType() == antlr4::Token::EOF) break;
    if (t->getChannel() != antlr4::Token::DEFAULT_CHANNEL) continue;
    out.push_back(Tok{t->getType(), t->getText()});
  }
  return out;
}

// Every .pol file of the repository that the loader would accept (valid UTF-8), as (path, text):
// the seeds, the examples, the tests' programs, the golden cases and the fuzz seeds.
inline std::vector<std::pair<std::string, std::string>> repositoryPolicyFiles() {
  namespace fs = std::filesystem;
  std::vector<std::pair<std::string, std::string>> out;
  for (const char* dir : {"policies", "examples", "tests", "bench", "fuzz"}) {
    fs::path root = fs::path(POLC_SOURCE_DIR) / dir;
    if (!fs::exists(root)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".pol") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      try {
        antlr4::ANTLRInputStream probe(text.str());  // throws on invalid UTF-8
      } catch (const std::exception&) {
        continue;
      }
      out.emplace_back(entry.path().string(), text.str());
    }
  }
  return out;
}

// The symbolic names of the tokens, e.g. {"FOR", "IDENT"}: failures print readably.
inline std::string tokenName(std::size_t type) {
  antlr4::ANTLRInputStream input("");
  gen::PolcLexer lexer(&input);
  return std::string(lexer.getVocabulary().getSymbolicName(type));
}
inline std::vector<std::string> tokenNames(const std::string& source) {
  std::vector<std::string> out;
  for (const auto& t : lex(source)) out.push_back(tokenName(t.type));
  return out;
}

inline std::vector<std::string> codesOf(const DiagnosticEngine& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.all()) out.push_back(d.code);
  return out;
}

// One source parsed (and, when `analyze` is set and it parsed cleanly, checked). Heap-allocated
// because the model keeps a pointer to the source manager.
struct Compiled {
  SourceManager sm;
  DiagnosticEngine diags;
  FileId file = kNoFile;
  std::unique_ptr<ast::File> ast;  // owned here when only parsed
  std::unique_ptr<sema::Model> model;

  // The parsed file, whether it is still owned here or now by the model.
  const ast::File* tree() const {
    if (ast) return ast.get();
    if (model && !model->files.empty()) return model->files.front().get();
    return nullptr;
  }
  std::vector<std::string> codes() const { return codesOf(diags); }
  // "line:column" of a span, as the compiler prints it.
  std::string at(Span s) const {
    LineCol lc = sm.file(s.file).lineCol(s.begin);
    return std::to_string(lc.line) + ":" + std::to_string(lc.column);
  }
  std::string textOf(Span s) const { return sm.file(s.file).slice(s.begin, s.end); }
  // Every message, one per line, for failure output.
  std::string dump() const {
    std::string out;
    for (const auto& d : diags.all())
      out += d.code + " " + (d.span.valid() ? at(d.span) : std::string("-")) + " " + d.message + "\n";
    return out;
  }
};

inline std::unique_ptr<Compiled> parseOnly(const std::string& source, const std::string& path = "test.pol") {
  auto c = std::make_unique<Compiled>();
  c->file = c->sm.add(path, source);
  c->ast = parseFile(c->sm, c->file, c->diags);
  return c;
}

inline std::unique_ptr<Compiled> compile(const std::string& source, const std::string& path = "test.pol") {
  auto c = parseOnly(source, path);
  if (!c->ast || c->diags.hasErrors()) return c;
  std::vector<std::unique_ptr<ast::File>> files;
  files.push_back(std::move(c->ast));
  c->model = sema::analyze(std::move(files), c->sm, c->diags);
  return c;
}

// The first diagnostic with `code`, or null.
inline const Diagnostic* find(const Compiled& c, const std::string& code) {
  for (const auto& d : c.diags.all())
    if (d.code == code) return &d;
  return nullptr;
}

}  // namespace polc::test
