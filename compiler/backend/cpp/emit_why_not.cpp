// A clause's why-not traces, after its function: each condition and each part of one that `whyNot`
// may show, as a row of a table, and the code that runs each again for an item and lists what a
// leaf read. The parts and reads are ir/trace_shape.h's, as the bytecode's and polc's Tracer's
// are; polc_runtime.h's whyNot walks them by the runtime's choices
// (decimal/why_not_walk.h). Only whyNot runs this code: evaluate never does.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "backend/cpp/generator.h"
#include "decimal/why_not_words.h"
#include "ir/trace_shape.h"

namespace polc::cpp {

// `amount`: a 分档 or 分情形 of an amount, whose run says whether it found an entry. Its parts
// first: a node's index is after theirs.
int Generator::traceNode(const Expr& e, bool amount, std::vector<TraceNodeGen>& nodes) const {
  ir::TraceShape shape = ir::traceShape(e, amount);
  TraceNodeGen n{&e, amount, ir::joinerWords(shape.join), {}, std::move(shape.reads)};
  for (const Expr* k : shape.parts) n.parts.push_back(traceNode(*k, false, nodes));
  nodes.push_back(std::move(n));
  return static_cast<int>(nodes.size() - 1);
}

void Generator::clauseTraceNodes(const ir::Clause& cl, std::vector<TraceNodeGen>& nodes,
                                 std::vector<int> (&lists)[3]) const {
  for (const auto& e : cl.eligibility) lists[0].push_back(traceNode(e, false, nodes));
  for (const auto& e : cl.conditions) lists[1].push_back(traceNode(e, false, nodes));
  std::vector<const Expr*> amount;
  if (!cl.amount.empty()) ir::amountTraceNodes(cl.amount[0], amount);
  for (const Expr* e : amount) lists[2].push_back(traceNode(*e, true, nodes));
}

std::string Generator::traceFactName(const Expr& f) const { return fmt::format("traceFact{}_{}", f.subject, f.fact); }

// A fact read the same way by every leaf of every clause whose item it belongs to (the item or an
// owner of it): its code once, not once per leaf.
void Generator::traceFactFunction(std::ostream& os, const Expr& f) {
  fn_ = std::ostringstream();
  tmp_ = 0;
  indent_ = 1;
  const std::string var = subjectNames_[static_cast<std::size_t>(f.subject)] + "_";
  inst_ = {{f.subject, var}};
  instId_ = {{f.subject, "id"}};
  os << "// " << commentText(factName(f)) << ", as a why-not trace shows it beside a leaf that reads it.\n";
  os << "void " << traceFactName(f) << "(polc_rt::Run& run, int id, std::vector<polc_rt::WhyNotValue>& out) {\n";
  os << "  const " << subjectNames_[static_cast<std::size_t>(f.subject)] << "& " << var << " = run.data<"
     << subjectNames_[static_cast<std::size_t>(f.subject)] << ">(id);\n";
  traceValueCode({TraceRead::Fact, &f});
  os << fn_.str() << "}\n";
}

// The functions of every fact a trace reads on its clause's item or an owner of it.
void Generator::traceFacts(std::ostream& os) {
  std::map<std::pair<int, int>, const Expr*> read;
  for (const auto& cl : p_.clauses) {
    std::vector<TraceNodeGen> nodes;
    std::vector<int> lists[3];
    clauseTraceNodes(cl, nodes, lists);
    for (const auto& n : nodes)
      for (const TraceRead& r : n.reads)
        for (int s = cl.subject; s >= 0 && r.kind == TraceRead::Fact; s = p_.subjects[static_cast<std::size_t>(s)].owner)
          if (s == r.e->subject) read.emplace(std::make_pair(r.e->subject, r.e->fact), r.e);
  }
  if (read.empty()) return;
  os << "// ---- facts as why-not traces show them (whyNot) " << std::string(48, '-') << "\n\n";
  for (const auto& kv : read) traceFactFunction(os, *kv.second);
  os << "\n";
}

bool Generator::traceCall(const Expr& e, Cond& out) {
  auto it = traceNodeOf_.find(&e);
  if (it == traceNodeOf_.end() || &e == traceRoot_) return false;
  // A plain bool reads better, and costs less, inline.
  const std::string saved = fn_.str();
  const int savedTmp = tmp_;
  const Expr* root = traceRoot_;
  traceRoot_ = &e;
  Cond c = cond(e);
  traceRoot_ = root;
  if (c.simple && fn_.str().size() == saved.size()) {
    out = c;
    return true;
  }
  fn_ = std::ostringstream();
  fn_ << saved;
  tmp_ = savedTmp;
  out = Cond{fresh(), false};
  line(fmt::format("const T4 {} = {}(run, item, {});  // {}", out.code, traceFunction_, it->second, commentText(e.source)));
  return true;
}

namespace {

// Whether `code` names the variable `name` (not as a part of a longer name).
bool uses(const std::string& code, const std::string& name) {
  auto word = [](char ch) {
    const auto u = static_cast<unsigned char>(ch);
    return u >= 0x80 || std::isalnum(u) || ch == '_';
  };
  for (std::size_t at = code.find(name); at != std::string::npos; at = code.find(name, at + 1))
    if ((at == 0 || !word(code[at - 1])) && (at + name.size() == code.size() || !word(code[at + name.size()])))
      return true;
  return false;
}

}  // namespace

// A trace function's body reads few of the clause's instances: declaring only those keeps it short
// and free of unused-variable casts; a parameter it does not read is cast to void instead.
std::string Generator::usedDecls(const ir::Clause& cl, const std::vector<Decl>& decls, const std::string& body,
                                  bool reads) const {
  std::string out, code = body;
  for (auto d = decls.rbegin(); d != decls.rend(); ++d)
    if (uses(code, d->name)) {
      out.insert(0, "  " + d->code + "\n");
      code += d->code;
    }
  if (uses(body, "kCitation")) out.insert(0, "  constexpr const char* kCitation = " + lit(cl.citation) + ";\n");
  for (const char* param : {"run", "item", "out"})
    if ((reads || param != std::string("out")) && !uses(code, param)) out += std::string("  (void)") + param + ";\n";
  return out;
}

// Puts the statements fn_ has after `before` under node k's case label: on its line when they are
// a call or a return without a declaration (the most of them), else in a block of their own.
void Generator::traceCase(const std::string& before, int k, const Expr& e) {
  std::string body = fn_.str().substr(before.size());
  fn_ = std::ostringstream();
  fn_ << before;
  const std::string comment = commentText(e.source);
  std::vector<std::string> lines;
  for (std::size_t at = 0; at < body.size();) {
    const std::size_t end = std::min(body.find('\n', at), body.size());
    const std::string one = body.substr(at, end - at);
    lines.push_back(one.substr(std::min(one.find_first_not_of(' '), one.size())));
    at = end + 1;
  }
  if (lines.empty()) lines.push_back("");
  auto declaration = [](const std::string& l) { return l.compare(0, 6, "const ") == 0 || l.compare(0, 3, "T4 ") == 0; };
  if (lines.size() <= 2 && !declaration(lines[0]) && lines.back().back() == ';') {
    line(fmt::format("  case {}: {}{}  // {}", k, lines[0], lines.size() == 2 ? " " + lines[1] : "", comment));
    return;
  }
  line(fmt::format("  case {}: {{  // {}", k, comment));
  fn_ << body;
  line("  }");
}

// The path of the instance of a fact's subject, as Result::path gives it.
std::string Generator::tracePath(const Expr& f) const {
  auto id = instId_.find(f.subject);
  const std::string& name = p_.subjects[static_cast<std::size_t>(f.subject)].facts[static_cast<std::size_t>(f.fact)].name;
  if (id == instId_.end()) return "std::string(" + lit(p_.subjects[static_cast<std::size_t>(f.subject)].name + "." + name) + ")";
  return "run.r.path(" + id->second + ") + " + lit("." + name);
}

// One read of a leaf, into `out`: a fact of the item or an owner by its function, anything else
// by its own code.
void Generator::traceReadCode(const TraceRead& r) {
  auto id = instId_.find(r.e->subject);
  if (r.kind == TraceRead::Fact && id != instId_.end())
    line(fmt::format("{}(run, {}, out);", traceFactName(*r.e), id->second));
  else
    traceValueCode(r);
}

// The code of one read: a fact's value (and whether the facts give it), a computed value, or a
// fact's highest earlier year.
void Generator::traceValueCode(const TraceRead& r) {
  const Expr& e = *r.e;
  if (r.kind == TraceRead::Highest) {
    auto it = inst_.find(e.subject);
    const FactInfo& fi = facts_[static_cast<std::size_t>(e.subject)][static_cast<std::size_t>(e.fact)];
    std::string value = "std::string(polc_rt::kNoPriorYears)";
    if (it != inst_.end() && !fi.history.empty()) {
      const std::string best = fresh("best");
      const std::string bounds = boundsName(static_cast<std::size_t>(e.subject), static_cast<std::size_t>(e.fact));
      auto id = instId_.find(e.subject);
      const std::string checked = bounds.empty() || id == instId_.end() ? "" : ", " + id->second + ", " + bounds;
      line(fmt::format("const auto {} = run.historyMax({}.{}{});", best, it->second, fi.history, checked));
      value = fmt::format("{0} ? {1} : std::string(polc_rt::kNoPriorYears)", best, show("*" + best, e.type));
    }
    line(fmt::format("out.push_back({{polc_rt::priorHighestWhat({}), {}}});", tracePath(e), value));
    return;
  }
  const bool fact = r.kind == TraceRead::Fact;
  const std::string what = fact ? tracePath(e) : "std::string(" + lit(e.source) + ")";
  // The value's statements, if it needs any, apart: a value that needs none is read in one line.
  const std::string outer = fn_.str();
  const int outerIndent = indent_;
  fn_ = std::ostringstream();
  indent_ += 2;
  const std::string v = value(e, "st");
  const std::string statements = fn_.str();
  fn_ = std::ostringstream();
  fn_ << outer;
  indent_ = outerIndent;
  std::string given = "true";
  if (fact && inst_.count(e.subject)) {
    // A plain member cannot be empty: given when readFacts marked it, or when it is not its default.
    const FactInfo& fi = facts_[static_cast<std::size_t>(e.subject)][static_cast<std::size_t>(e.fact)];
    const std::string& item = inst_.at(e.subject);
    const std::string ref = item + "." + fi.member;
    if (!fi.history.empty())
      given = fmt::format("run.now({}, {}.{}) != nullptr", ref, item, fi.history);
    else if (!fi.optional)
      given = fmt::format("{}.{}[{}] || ", item, givenMember_[static_cast<std::size_t>(e.subject)], e.fact) +
              (e.type.kind == TypeKind::Recognition ? "!" + ref + ".empty()"
               : fi.init == "{}"                    ? ref + " != " + fi.type + "{}"
                                                    : ref + " != " + fi.init);
  }
  const std::string shown = show(v, e.type) + (given == "true" ? "" : fmt::format(" + (({}) ? \"\" : polc_rt::kFactDefaulted)", given));
  if (statements.empty()) {
    line(fmt::format("polc_rt::addRead(out, {}, polc_rt::traced([&] {{ return {}; }}));", what, shown));
    return;
  }
  if (!uses(statements, "st") && !uses(statements, "break")) {  // nothing it reads can be absent
    line(fmt::format("polc_rt::addRead(out, {}, polc_rt::traced([&] {{", what));
    for (std::size_t at = 0; at < statements.size();) {  // one level out: no do-while around them
      const std::size_t end = std::min(statements.find('\n', at), statements.size());
      fn_ << statements.substr(std::min(at + 2, end), end - std::min(at + 2, end)) << "\n";
      at = end + 1;
    }
    line("  return " + shown + ";");
    line("}));");
    return;
  }
  line(fmt::format("polc_rt::addRead(out, {}, polc_rt::traced([&] {{", what));
  ++indent_;
  line("T4 st = T4::T;");
  line("std::string shown;");
  line("do {");
  fn_ << statements;
  line("  shown = " + shown + ";");
  line("} while (false);");
  if (fact)
    line("return st == T4::U ? std::string(polc_rt::kFactNotGiven) : shown;");
  else
    line("return st == T4::U ? std::string(polc_rt::truthWords(polc_rt::Truth::Absent))\n"
         + std::string(static_cast<std::size_t>(indent_) * 2, ' ') +
         "     : st == T4::N ? std::string(polc_rt::truthWords(polc_rt::Truth::NoValue)) : shown;");
  --indent_;
  line("}));");
}

void Generator::clauseTraces(std::ostream& os, int c) {
  const ir::Clause& cl = p_.clauses[static_cast<std::size_t>(c)];
  std::vector<TraceNodeGen> nodes;
  std::vector<int> lists[3];
  clauseTraceNodes(cl, nodes, lists);
  const std::string& name = clauseNames_[static_cast<std::size_t>(c)];
  const std::string& doc = docNames_[static_cast<std::size_t>(cl.document)];
  if (nodes.empty()) {
    traceTables_.push_back("{{nullptr, 0}, {nullptr, 0}, {nullptr, 0}, {nullptr, 0}, {nullptr, 0}, nullptr, nullptr},  // " +
                           commentText(cl.citation));
    return;
  }
  os << "// Why-not traces of " << commentText(cl.citation) << " (whyNot, docs/cpp.md): each condition and each part\n"
     << "// of one it may show, {text, joiner, parts from, count}; the parts, then the 申报条件, 条件 and\n"
     << "// 分档/分情形 nodes, in kTrace_" << name << ".\n";
  os << "const polc_rt::TraceNode kTraceNodes_" << name << "[] = {\n";
  std::vector<int> flat;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    os << fmt::format("    {{{}, {}, {}, {}}},  // {}\n", lit(nodes[i].e->source), lit(nodes[i].joiner), flat.size(),
                      nodes[i].parts.size(), i);
    flat.insert(flat.end(), nodes[i].parts.begin(), nodes[i].parts.end());
  }
  os << "};\n";
  std::size_t at[4];
  at[0] = flat.size();
  for (int l = 0; l < 3; ++l) {
    flat.insert(flat.end(), lists[l].begin(), lists[l].end());
    at[l + 1] = flat.size();
  }
  os << "const int kTrace_" << name << "[] = {";
  for (std::size_t i = 0; i < flat.size(); ++i) os << (i ? ", " : "") << flat[i];
  os << "};\n";
  // The runs: the clause's conditions emitted again, one case per node, without explanations; a
  // node's parts by calls of their own cases.
  std::vector<Decl> decls = instanceDecls(beginFunction(cl), "item");
  explaining_ = false;
  traceFunction_ = name + "_trace";
  for (std::size_t i = 0; i < nodes.size(); ++i)
    if (!nodes[i].amount) traceNodeOf_.emplace(nodes[i].e, static_cast<int>(i));
  line("switch (node) {");
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const TraceNodeGen& n = nodes[i];
    const std::string before = fn_.str();
    indent_ += 2;
    traceRoot_ = n.e;
    if (n.amount) {
      line("T4 st = T4::T;");
      line("do {");
      ++indent_;
      line("(void)(" + value(*n.e, "st") + ");");
      --indent_;
      line("} while (false);");
      line("return st;");
    } else {
      Cond t = cond(*n.e);
      line("return " + (t.simple ? "polc_rt::t4(" + t.code + ")" : t.code) + ";");
    }
    indent_ -= 2;
    traceCase(before, static_cast<int>(i), *n.e);
  }
  line("}");
  line("return T4::U;");
  traceNodeOf_.clear();
  traceRoot_ = nullptr;
  os << "T4 " << name << "_trace(polc_rt::Run& run, int item, int node) {\n"
     << usedDecls(cl, decls, fn_.str(), false) << fn_.str() << "}\n";
  // What each leaf read.
  decls = instanceDecls(beginFunction(cl), "item");
  line("switch (node) {");
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].reads.empty()) continue;
    const std::string before = fn_.str();
    indent_ += 2;
    for (const TraceRead& r : nodes[i].reads) traceReadCode(r);
    line("return;");
    indent_ -= 2;
    traceCase(before, static_cast<int>(i), *nodes[i].e);
  }
  line("}");
  os << "void " << name << "_reads(polc_rt::Run& run, int item, int node, std::vector<polc_rt::WhyNotValue>& out) {\n"
     << usedDecls(cl, decls, fn_.str(), true) << fn_.str() << "}\n\n";
  explaining_ = true;
  auto span = [&](std::size_t from, std::size_t to) {
    return to == from ? std::string("{nullptr, 0}") : fmt::format("{{{}::kTrace_{} + {}, {}}}", doc, name, from, to - from);
  };
  traceTables_.push_back(fmt::format("{{{{{0}::kTraceNodes_{1}, {2}}}, {3}, {4}, {5}, {6}, {0}::{1}_trace, {0}::{1}_reads}},",
                                     doc, name, nodes.size(), span(0, at[0]), span(at[0], at[1]), span(at[1], at[2]),
                                     span(at[2], at[3])));
}

// After the clauses: the table of every clause's traces, and each document's period as written.
void Generator::traceTable(std::ostream& os) {
  os << "// ---- why-not traces, per clause (whyNot) " << std::string(57, '-') << "\n\n";
  os << "const polc_rt::ClauseTraces kTraces[] = {\n";
  for (const auto& t : traceTables_) os << "    " << t << "\n";
  if (traceTables_.empty()) os << "    {{nullptr, 0}, {nullptr, 0}, {nullptr, 0}, {nullptr, 0}, {nullptr, 0}, nullptr, nullptr},\n";
  os << "};\n";
  os << "const char* const kPeriods[] = {";
  for (std::size_t d = 0; d < p_.documents.size(); ++d) os << (d ? ", " : "") << lit(p_.documents[d].effectiveText);
  if (p_.documents.empty()) os << "\"\"";
  os << "};\n\n";
}

void Generator::whyNotFunction(std::ostream& os) {
  os << "std::vector<WhyNot> whyNot(const Result& result, std::string_view citation) {\n";
  os << "  return polc_rt::whyNot(kProgram, {kTraces, " << p_.clauses.size() << "}, {kPeriods, " << p_.documents.size()
     << "}, result,\n";
  os << "                         polc_rt::clausesAsked(kProgram, citation), citation == \"all\");\n";
  os << "}\n\n";
}

}  // namespace polc::cpp
