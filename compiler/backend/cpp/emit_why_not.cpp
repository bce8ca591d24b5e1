// A clause's why-not traces, after its function: each condition and each part of one that `whyNot`
// may show, as a row of a table, and the code that runs each again for an item and lists what a
// leaf read. The shape is the bytecode's (backend/bytecode/emit_traces.cpp) and polc's Tracer's
// (eval/why_not.cpp); polc_runtime.h's whyNot walks it by the runtime's choices
// (decimal/why_not_walk.h). Only whyNot runs this code: evaluate never does.
#include <fmt/format.h>

#include "backend/cpp/generator.h"
#include "decimal/why_not_words.h"

namespace polc::cpp {

namespace {

using ir::Op;

// A value a fact alone does not show (eval/why_not.cpp, Tracer::reads).
bool computed(Op op) {
  return op == Op::Previous || op == Op::Increase || op == Op::HistoryMax || op == Op::ParamAt || op == Op::Newly;
}

}  // namespace

// The values an expression reads, in the order eval/why_not.cpp's Tracer::reads lists them.
void Generator::traceReads(const Expr& e, std::vector<TraceRead>& out) const {
  switch (e.op) {
    case Op::Const: return;
    case Op::Fact: out.push_back({TraceRead::Fact, &e}); return;
    case Op::FirstOver: out.push_back({TraceRead::Highest, &e.kids[0]}); break;
    case Op::Compare:
      for (const auto& k : e.kids)
        if (k.op != Op::Const && k.op != Op::Fact && !computed(k.op)) out.push_back({TraceRead::Computed, &k});
      break;
    default:
      if (computed(e.op)) out.push_back({TraceRead::Computed, &e});
  }
  for (const auto& k : e.kids) traceReads(k, out);
  for (const auto& en : e.entries)
    if (!en.key.empty()) traceReads(en.key[0], out);
}

// `amount`: a 分档 or 分情形 of an amount, whose run says whether it found an entry.
int Generator::traceNode(const Expr& e, bool amount, std::vector<TraceNodeGen>& nodes) const {
  TraceNodeGen n{&e, amount, "", {}, {}};
  switch (e.op) {
    case Op::And:
    case Op::Or: {
      n.joiner = e.op == Op::And ? polrt::kJoinAnd : polrt::kJoinOr;
      std::vector<const Expr*> operands;
      flatKids(e, e.op, operands);
      for (const Expr* k : operands) n.parts.push_back(traceNode(*k, false, nodes));
      break;
    }
    case Op::Not:
      n.joiner = polrt::kJoinNot;
      n.parts.push_back(traceNode(e.kids[0], false, nodes));
      break;
    case Op::If:
      n.joiner = polrt::kJoinIf;
      for (const auto& k : e.kids) n.parts.push_back(traceNode(k, false, nodes));
      break;
    default:
      if (amount && e.op == Op::Tiers) {
        traceReads(e.kids[0], n.reads);
        if (e.tierMode == ir::TierMode::FirstOver) n.reads.push_back({TraceRead::Highest, &e.kids[0]});
      } else if (amount && e.op == Op::Cases) {
        n.joiner = polrt::kJoinCases;
        for (const auto& en : e.entries)
          if (!en.key.empty()) n.parts.push_back(traceNode(en.key[0], false, nodes));
      } else {
        traceReads(e, n.reads);
      }
  }
  nodes.push_back(std::move(n));
  return static_cast<int>(nodes.size() - 1);
}

// Every 分档 and 分情形 of an amount, in the order eval/why_not.cpp's Tracer::unmatched searches.
void Generator::traceUnmatched(const Expr& e, std::vector<int>& out, std::vector<TraceNodeGen>& nodes) const {
  if (e.op == Op::Tiers || e.op == Op::Cases) out.push_back(traceNode(e, true, nodes));
  for (const auto& k : e.kids) traceUnmatched(k, out, nodes);
}

// The path of the instance of a fact's subject, as Result::path gives it.
std::string Generator::tracePath(const Expr& f) const {
  auto id = instId_.find(f.subject);
  const std::string& name = p_.subjects[static_cast<std::size_t>(f.subject)].facts[static_cast<std::size_t>(f.fact)].name;
  if (id == instId_.end()) return "std::string(" + lit(p_.subjects[static_cast<std::size_t>(f.subject)].name + "." + name) + ")";
  return "run.r.path(" + id->second + ") + " + lit("." + name);
}

// One read of a leaf, into `out`: a fact's value (and whether the facts give it), a computed value,
// or a fact's highest earlier year.
void Generator::traceReadCode(const TraceRead& r) {
  const Expr& e = *r.e;
  if (r.kind == TraceRead::Highest) {
    auto it = inst_.find(e.subject);
    const FactInfo& fi = facts_[static_cast<std::size_t>(e.subject)][static_cast<std::size_t>(e.fact)];
    std::string value = "std::string(polc_rt::kNoPriorYears)";
    if (it != inst_.end() && !fi.history.empty()) {
      const std::string best = fresh("best");
      line(fmt::format("const auto {} = run.historyMax({}.{});", best, it->second, fi.history));
      value = fmt::format("{0} ? {1} : std::string(polc_rt::kNoPriorYears)", best, show("*" + best, e.type));
    }
    line(fmt::format("out.push_back({{polc_rt::priorHighestWhat({}), {}}});", tracePath(e), value));
    return;
  }
  const bool fact = r.kind == TraceRead::Fact;
  line(fmt::format("polc_rt::addRead(out, {}, polc_rt::traced([&] {{", fact ? tracePath(e) : "std::string(" + lit(e.source) + ")"));
  ++indent_;
  line("T4 st = T4::T;");
  line("std::string shown;");
  line("do {");
  ++indent_;
  const std::string v = value(e, "st");
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
  line(fmt::format("shown = {}{};", show(v, e.type),
                   given == "true" ? "" : fmt::format(" + (({}) ? \"\" : polc_rt::kFactDefaulted)", given)));
  --indent_;
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
  std::vector<int> lists[3];  // 申报条件, 条件, the amount's 分档/分情形
  for (const auto& e : cl.eligibility) lists[0].push_back(traceNode(e, false, nodes));
  for (const auto& e : cl.conditions) lists[1].push_back(traceNode(e, false, nodes));
  if (!cl.amount.empty()) traceUnmatched(cl.amount[0], lists[2], nodes);
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
  // The runs: the clause's conditions emitted again, one case per node, without explanations.
  std::vector<int> chain = beginFunction(cl);
  explaining_ = false;
  os << "T4 " << name << "_trace(polc_rt::Run& run, int item, int node) {\n";
  os << "  constexpr const char* kCitation = " << lit(cl.citation) << ";\n  (void)kCitation;\n";
  instanceRefs(os, chain, "item");
  line("switch (node) {");
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const TraceNodeGen& n = nodes[i];
    line(fmt::format("  case {}: {{  // {}", i, commentText(n.e->source)));
    indent_ += 2;
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
    line("  }");
  }
  line("}");
  line("return T4::U;");
  os << fn_.str() << "}\n";
  // What each leaf read.
  beginFunction(cl);
  os << "void " << name << "_reads(polc_rt::Run& run, int item, int node, std::vector<polc_rt::WhyNotValue>& out) {\n";
  os << "  constexpr const char* kCitation = " << lit(cl.citation) << ";\n  (void)kCitation;\n";
  instanceRefs(os, chain, "item");
  line("switch (node) {");
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].reads.empty()) continue;
    line(fmt::format("  case {}: {{  // {}", i, commentText(nodes[i].e->source)));
    indent_ += 2;
    for (const TraceRead& r : nodes[i].reads) traceReadCode(r);
    line("return;");
    indent_ -= 2;
    line("  }");
  }
  line("  default: (void)out;");
  line("}");
  os << fn_.str() << "}\n\n";
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
