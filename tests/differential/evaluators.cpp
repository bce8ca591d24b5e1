#include "differential/evaluators.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <numeric>

#include "backend/bytecode/bridge.h"
#include "backend/bytecode/emit.h"
#include "differential/evaluators_state.h"
#include "eval/why_not.h"
#include "facts/facts.h"
#include "ir/lower.h"
#include "sema/analyze.h"
#include "support/read_file.h"
#include "syntax/parse.h"
#include "vm/vm.h"

namespace fs = std::filesystem;

namespace polc::difftest {

namespace {

std::string dec(const polrt::Decimal& v) { return v.normalized().toString(); }

// The reference evaluator's result type in the canonical form of polc_rt::summary (the generated
// C++'s own), so that all four compare as text.
std::string core(const ir::Program& p, const eval::Applicant& a, const eval::Result& r) {
  std::string out;
  static const char* const kKinds[] = {"pay", "benefit", "negotiated", "none"};
  static const char* const kForms[] = {"exact", "up_to", "range"};
  for (const auto& aw : r.awards) {
    out += p.clauses[static_cast<std::size_t>(aw.clause)].citation + " | " +
           a.instances[static_cast<std::size_t>(aw.instance)].path + " | " + kKinds[static_cast<int>(aw.kind)] + " | " +
           eval::statusName(aw.status);
    if (aw.hasAmount())
      out += std::string(" | ") + kForms[static_cast<int>(aw.form)] + " " + dec(aw.lo) + " " + dec(aw.hi) + " (" +
             dec(aw.computedHi) + ")";
    out += " | " + aw.payee;
    for (const auto& f : aw.funding) out += " | " + f.payer + " " + dec(f.lo) + " " + dec(f.hi);
    if (!aw.fundingArrangement.empty()) out += " | " + aw.fundingArrangement;
    for (const auto& i : aw.installments) out += " | " + std::to_string(i.year) + " " + dec(i.lo) + " " + dec(i.hi);
    out += " | remainder " + std::to_string(aw.fundingRemainder) + " " + std::to_string(aw.installmentsRemainder);
    if (!aw.reason.empty()) out += " | " + aw.reason;
    for (const auto& n : aw.notes) out += " | " + n;
    out += "\n";
  }
  const auto& t = r.totals;
  out += "totals | exact " + dec(t.exact) + " (" + std::to_string(t.exactCount) + ") | up_to " + dec(t.upTo) + " (" +
         std::to_string(t.upToCount) + ") | range " + dec(t.rangeLo) + " " + dec(t.rangeHi) + " (" +
         std::to_string(t.rangeCount) + ") | " + dec(t.lo) + " " + dec(t.hi) + " | " + std::to_string(t.benefits) + " " +
         std::to_string(t.negotiated) + " " + std::to_string(t.dropped) + " " + std::to_string(t.notAssessable) + " " +
         std::to_string(t.alreadyReceived);
  for (const auto& [payer, sum] : t.byPayer) out += " | " + payer + " " + dec(sum.first) + " " + dec(sum.second);
  out += "\n";
  return out + eval::gapTotals(r).canonical();
}

std::string detail(const eval::Result& r) {
  std::string out = "date " + std::to_string(r.date) + "\n";
  for (const auto& aw : r.awards) {
    out += "award";
    for (const auto& m : aw.missing) out += " | missing " + m;
    out += "\n";
    for (const auto& line : aw.explanation) out += "  " + line + "\n";
  }
  return out;
}

}  // namespace

std::string notInForceText(const std::vector<std::string>& numbers) {
  std::string out;
  for (const auto& n : numbers) out += "not in force " + n + "\n";
  return out;
}

// An award received by its target alone that a cap does not count; an item listing several payees
// of a clause, such as two 引荐人 of a project, which the generator gives an item as often as one
// (it lists 0 to 3 items of every owned subject): the facts reader, the VM's session and the
// generated C++'s result each give these. Sorted: polc's reader visits an object's keys in byte
// order (an item's 产品 before its own 已获奖励), where the generated code lists an item's awards
// with it, before its items'; the words and paths must be the same.
std::string warnedText(std::vector<std::string> warnings) {
  std::sort(warnings.begin(), warnings.end());
  std::string out;
  for (const auto& w : warnings) out += "warning " + w + "\n";
  return out;
}

std::string refusedText(std::vector<std::string> errors) {
  std::sort(errors.begin(), errors.end());
  std::string out = "facts error:";
  for (const auto& e : errors) out += "\n  " + e;
  return out + "\n";
}


std::string readInput(const std::string& path) {
  InputFile in = readInputFile(path, std::uintmax_t{64} << 20);
  if (!in.ok()) {
    std::fprintf(stderr, "%s\n", in.error.c_str());
    std::exit(2);
  }
  return std::move(*in.text);
}

Evaluators::Evaluators(const std::string& dir) : s_(std::make_unique<State>()) {
  std::vector<std::string> paths;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ".pol") paths.push_back(e.path().string());
  std::sort(paths.begin(), paths.end());
  std::vector<std::unique_ptr<ast::File>> files;
  for (const auto& p : paths) {
    FileId id = s_->sm.add(p, readInput(p));
    if (auto f = parseFile(s_->sm, id, s_->diags)) files.push_back(std::move(f));
  }
  if (!s_->diags.hasErrors()) s_->model = sema::analyze(std::move(files), s_->sm, s_->diags);
  if (!s_->diags.hasErrors()) s_->program = ir::lower(*s_->model, s_->diags);
  if (s_->diags.hasErrors()) {
    error_ = renderText(s_->sm, s_->diags.all(), RenderOptions{});
    return;
  }
  // The generated code must be of the same program.
  const std::vector<std::string> gen = generated::citations();
  if (gen.size() != s_->program->clauses.size()) {
    error_ = "the generated code has " + std::to_string(gen.size()) + " clauses, the policies " +
             std::to_string(s_->program->clauses.size());
    return;
  }
  for (std::size_t i = 0; i < gen.size(); ++i)
    if (s_->program->clauses[i].citation != gen[i]) {
      error_ = "clause " + std::to_string(i) + " differs: regenerate the C++";
      return;
    }
  auto bc = bytecode::emit(*s_->program);
  if (!bc.ok()) {
    error_ = "bytecode: " + bc.error;
    return;
  }
  for (auto* target : {&s_->vmProgram, &s_->llvmProgram}) {
    auto loaded = polrt::load(bc.bytes.data(), bc.bytes.size());
    if (!loaded.program) {
      error_ = "the runtime rejected the bytecode: " + loaded.error;
      return;
    }
    *target = std::move(loaded.program);
  }
  s_->vm = std::make_unique<polrt::Session>(*s_->vmProgram);
  if (llvmjit::available()) {
    std::string err;
    s_->native = llvmjit::attach(*s_->llvmProgram, err);
    if (!s_->native) {
      error_ = "llvm: " + err;
      return;
    }
    s_->llvm = std::make_unique<polrt::Session>(*s_->llvmProgram);
  }
}

Evaluators::~Evaluators() = default;

const ir::Program& Evaluators::program() const { return *s_->program; }
bool Evaluators::hasLlvm() const { return s_->llvm != nullptr; }

std::string Evaluators::disagreement(const Outcome out[kCount], bool words) const {
  auto present = [&](int i) { return i != 2 || hasLlvm(); };
  bool same = true;
  for (int i = 1; i < kCount; ++i) {
    if (!present(i)) continue;
    if (out[i].factsOk != out[0].factsOk) same = false;
    else if (out[0].factsOk && (out[i].core != out[0].core || out[i].detail != out[0].detail)) same = false;
    else if (!out[0].factsOk && words && out[i].core != out[0].core) same = false;
  }
  if (same) return {};
  std::string report;
  for (int i = 0; i < kCount; ++i)
    if (present(i)) {
      report += std::string("--- ") + name(i) + "\n" + out[i].core + out[i].detail;
      if (!report.empty() && report.back() != '\n') report += '\n';  // a facts error has no newline
    }
  return report;
}

const char* Evaluators::name(int which) {
  static const char* const kNames[] = {"reference", "vm", "llvm", "generated C++"};
  return kNames[which];
}

std::size_t Evaluators::whyNotAll(const std::string& json) {
  auto facts = facts::readFacts(*s_->model, *s_->program, json);
  if (!facts.ok()) return 0;
  try {
    auto r = eval::evaluate(*s_->program, facts.applicant, eval::Options{});
    std::vector<int> every(s_->program->clauses.size());
    std::iota(every.begin(), every.end(), 0);
    return eval::whyNot(*s_->program, facts.applicant, r, every, false).size();
  } catch (const eval::EvalError&) {
    return 0;  // the applicant's evaluation error: polc eval prints it, and no reasons
  }
}

void Evaluators::run(const std::string& json, bool explain, Outcome out[kCount]) {
  auto facts = facts::readFacts(*s_->model, *s_->program, json);
  eval::Options o;
  o.explain = explain;
  if (!facts.ok()) {
    for (int i = 0; i < 3; ++i) out[i] = {false, refusedText(facts.errors), ""};
  } else {
    const eval::Applicant& a = facts.applicant;
    try {
      auto r = eval::evaluate(*s_->program, a, o);
      polc::facts::warnSharedPayees(*s_->program, r, facts);
      polc::facts::warnOnceThisYear(*s_->program, r, facts);
      polc::facts::warnCapThisYear(*s_->program, r, facts);
      std::vector<std::string> docs;
      for (const ir::Document* d : eval::outOfForce(*s_->program, r)) docs.push_back(d->number);
      out[0] = {true, core(*s_->program, a, r), detail(r) + notInForceText(docs) + warnedText(facts.warnings)};
    } catch (const eval::EvalError& e) {
      out[0] = {true, std::string("error: ") + e.what(), ""};
    }
    for (int i : {1, 2}) {
      polrt::Session* s = i == 1 ? s_->vm.get() : s_->llvm.get();
      if (!s) {
        out[i] = {false, "", ""};
        continue;
      }
      bytecode::loadApplicant(*s, a, std::nullopt);
      if (!s->evaluate(explain)) {
        out[i] = {true, "error: " + s->error(), ""};
        continue;
      }
      auto r = bytecode::toResult(*s, explain);
      std::vector<std::string> docs;
      for (int d : s->notInForce()) docs.push_back(s_->program->documents[static_cast<std::size_t>(d)].number);
      out[i] = {true, core(*s_->program, a, r), detail(r) + notInForceText(docs) + warnedText(s->warnings())};
    }
  }
  out[3] = generated::run(json, explain);
}

}  // namespace polc::difftest
