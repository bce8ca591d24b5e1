// Helpers for the checker tests: compile policy texts held in memory (the seed policies, mutated or
// not, or small policies written in the test), run the checker, find findings and replay witnesses.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "check/check.h"
#include "check/replay.h"
#include "ir/lower.h"
#include "sema/analyze.h"
#include "support/diagnostics.h"
#include "syntax/parse.h"
#include "check_texts.h"

namespace polc::test {

// A path under the test temporary directory that no other test process uses: ctest runs every
// test in a process of its own, in parallel, so fixed names would be written under each other.
inline std::string uniqueTempPath(const std::string& name) {
  return ::testing::TempDir() + name + "." + std::to_string(::getpid());
}

struct Checked {
  SourceManager sm;
  DiagnosticEngine diags;
  std::unique_ptr<sema::Model> model;
  std::unique_ptr<ir::Program> program;
  check::Result result;

  std::vector<const check::Finding*> find(check::FindingKind k) const {
    std::vector<const check::Finding*> out;
    for (const auto& f : result.findings)
      if (f.kind == k) out.push_back(&f);
    return out;
  }
  // The findings of kind k whose clauses include one whose citation ends with `cite`.
  std::vector<const check::Finding*> find(check::FindingKind k, const std::string& cite) const {
    std::vector<const check::Finding*> out;
    for (const auto* f : find(k))
      for (const auto& r : f->refs)
        if (r.citation.size() >= cite.size() &&
            r.citation.compare(r.citation.size() - cite.size(), cite.size(), cite) == 0) {
          out.push_back(f);
          break;
        }
    return out;
  }
  std::string listing() const {
    std::string out;
    for (const auto& f : result.findings) out += std::string(check::codeOf(f.kind)) + " " + f.message + "\n";
    return out;
  }
  // Replays a finding's witness through the evaluator, twice: as held in the finding, and as the
  // files `polc check --witness-dir` writes, read back the way `polc eval --facts FILE` reads them.
  // Fails the test with the detail if either does not show the claim.
  void expectReplays(const check::Finding& f) const {
    auto r = check::replay(*model, *program, f);
    EXPECT_TRUE(r.ok) << check::codeOf(f.kind) << " " << f.message << "\n  replay: " << r.detail
                      << "\n  witness: " << f.witness.dump();
    expectFilesReplay(f);
  }
  void expectFilesReplay(const check::Finding& f) const {
    // A finding about the rules (W0637) has no applicant: no file is written for it.
    bool rules = !check::hasWitness(f.kind);
    EXPECT_EQ(f.witness.is_null(), rules) << check::codeOf(f.kind) << " " << f.message;
    static int serial = 0;
    std::string dir = uniqueTempPath("polc_replay_" + std::to_string(++serial));
    std::filesystem::remove_all(dir);
    check::Reported rep;
    rep.finding = &f;
    std::vector<std::string> errors;
    auto files = check::writeWitnesses(dir, {rep}, errors);
    ASSERT_TRUE(errors.empty()) << errors.front();
    if (rules) {
      EXPECT_TRUE(files.empty()) << check::codeOf(f.kind) << " " << f.message << ": a witness file";
      std::filesystem::remove_all(dir);
      return;
    }
    ASSERT_EQ(files.size(), 1u) << check::codeOf(f.kind) << " " << f.message << ": no witness file";
    EXPECT_EQ(files[0].contrast.empty(), f.contrast.is_null());
    auto r = check::replayFiles(*model, *program, f, files[0].witness, files[0].contrast);
    EXPECT_TRUE(r.ok) << check::codeOf(f.kind) << " " << f.message << "\n  replay of " << files[0].witness << ": "
                      << r.detail;
    std::filesystem::remove_all(dir);
  }
};

using Files = std::map<std::string, std::string>;

// The checker as the tests of its searches run it: without W0639, as their small policies quote
// placeholder 原文 (quoted_numbers_test.cpp runs W0639 on the seeds and its own policies).
inline check::Options withoutQuoteNumbers() {
  check::Options o;
  o.quoteNumbers = false;
  return o;
}

// Compiles the files together; with `runChecker` false, stops after the front end (errors allowed).
inline std::unique_ptr<Checked> compileAll(const Files& files, bool runChecker = true,
                                           const check::Options& options = withoutQuoteNumbers()) {
  auto c = std::make_unique<Checked>();
  std::vector<std::unique_ptr<ast::File>> asts;
  for (const auto& [path, text] : files) {
    FileId id = c->sm.add(path, text);
    auto f = parseFile(c->sm, id, c->diags);
    if (f) asts.push_back(std::move(f));
  }
  if (c->diags.hasErrors()) return c;
  c->model = sema::analyze(std::move(asts), c->sm, c->diags);
  if (c->diags.hasErrors()) return c;
  c->program = ir::lower(*c->model, c->diags);
  if (!c->program || !runChecker) return c;
  c->result = check::run(*c->model, *c->program, options);
  return c;
}

inline std::unique_ptr<Checked> compileOne(const std::string& text) {
  auto c = compileAll({{"test.pol", text}});
  if (c->diags.hasErrors()) ADD_FAILURE() << renderText(c->sm, c->diags.all(), RenderOptions{});
  return c;
}

inline Files seedFiles() {
  Files out;
  for (const auto& e : std::filesystem::directory_iterator(std::string(POLC_SOURCE_DIR) + "/policies")) {
    if (e.path().extension() != ".pol") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    out["policies/" + e.path().filename().string()] = buf.str();
  }
  return out;
}

// Replaces the `nth` occurrence (0-based) of `from` in the file whose name contains `file`.
inline void mutate(Files& files, const std::string& file, const std::string& from, const std::string& to, int nth = 0) {
  for (auto& [path, text] : files) {
    if (path.find(file) == std::string::npos) continue;
    std::size_t at = text.find(from);
    for (int i = 0; i < nth && at != std::string::npos; ++i) at = text.find(from, at + 1);
    ASSERT_NE(at, std::string::npos) << "mutation target not found in " << path << ": " << from;
    text.replace(at, from.size(), to);
    return;
  }
  FAIL() << "no file " << file;
}

}  // namespace polc::test
