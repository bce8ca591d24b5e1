#include "driver/why_not_output.h"

#include <algorithm>
#include <map>
#include <optional>
#include <regex>
#include <sstream>

#include <fmt/format.h>

#include "decimal/citation_match.h"
#include "sema/citation_help.h"
#include "support/source.h"
#include "syntax/literals.h"

namespace polc {
namespace {

using eval::WhyNot;
using eval::WhyNotKind;

// The document a citation starts with (its number or name, then 第), -1 with none; `rest` is the
// citation after it. The longest wins: 甲〔2025〕1号 over 甲.
int documentOf(const ir::Program& p, const std::string& key, std::string& rest) {
  int best = -1;
  std::size_t bestLength = 0;
  rest = key;
  for (int d = 0; d < static_cast<int>(p.documents.size()); ++d)
    for (const std::string* s : {&p.documents[d].number, &p.documents[d].name}) {
      const std::string k = polrt::citationKey(*s);
      if (k.empty() || k.size() <= bestLength || key.compare(0, k.size(), k) != 0) continue;
      if (key.compare(k.size(), std::string("第").size(), "第") != 0) continue;
      best = d;
      bestLength = k.size();
      rest = key.substr(k.size());
    }
  return best;
}

const sema::DocumentInfo* modelDocument(const sema::Model& m, const ir::Document& doc) {
  for (const auto& d : m.documents)
    if (d.name == doc.name) return &d;
  return nullptr;
}

std::string documentList(const ir::Program& p) {
  std::string out;
  for (const auto& d : p.documents) out += (out.empty() ? "" : "、") + d.number;
  return out;
}

// A citation without its document that several documents have: each is shown, and the note says
// so and how to ask about one (the writer may have meant one alone).
std::string severalDocuments(const ir::Program& p, const std::string& text, const std::vector<int>& documents) {
  std::string names;
  for (int d : documents) {
    const ir::Document& doc = p.documents[d];
    names += (names.empty() ? "" : "、") + doc.number + (doc.name == doc.number ? "" : "（" + doc.name + "）");
  }
  return fmt::format("--why-not {} is in {} documents: {}; each is shown\n"
                     "help: to ask about one, put its document's number or name before the citation: --why-not '{} {}'",
                     text, documents.size(), names, p.documents[documents.front()].number, text);
}

}  // namespace

WhyNotAsked resolveWhyNot(const ir::Program& p, const sema::Model& m, const std::vector<std::string>& asked) {
  WhyNotAsked out;
  static const std::regex kShape("第([0-9]+)条(?:第([0-9]+)款(?:第([0-9]+)项)?)?");
  for (const std::string& text : asked) {
    if (text == "all" || text == "全部") {
      out.all = true;
      continue;
    }
    std::string rest;
    const std::string key = polrt::citationKey(text);
    const int doc = documentOf(p, key, rest);
    std::smatch parts;
    if (!std::regex_match(rest, parts, kShape)) {
      out.error = doc < 0 && rest.compare(0, std::string("第").size(), "第") != 0
                      ? fmt::format("--why-not {}: names no document of the policies\nhelp: the documents are {}", text,
                                    documentList(p))
                      : fmt::format("--why-not {}: not a citation: write 第N条, 第N条第N款 or 第N条第N款第N项, "
                                    "the document's number or name before it when several have it",
                                    text);
      return out;
    }
    auto number = [&](int k) { return parts[k].matched ? std::stoi(parts[k].str()) : 0; };
    const int article = number(1), clause = number(2);
    std::vector<int> documents;  // of the clauses it names, in program order
    for (int c = 0; c < static_cast<int>(p.clauses.size()); ++c) {
      const ir::Clause& cl = p.clauses[c];
      // The rule polrt_why_not and the generated code's whyNot read a citation by.
      const ir::Document& d = p.documents[cl.document];
      if (!polrt::asksAboutClause(key, cl.citation, d.number, d.name)) continue;
      if (std::find(documents.begin(), documents.end(), cl.document) == documents.end())
        documents.push_back(cl.document);
      if (std::find(out.clauses.begin(), out.clauses.end(), c) == out.clauses.end()) out.clauses.push_back(c);
    }
    if (documents.size() > 1) out.notes.push_back(severalDocuments(p, text, documents));
    if (!documents.empty()) continue;
    // What exists where the citation failed, as E0208 says it, for its document or for each.
    out.error = fmt::format("--why-not {}: names no clause of the policies", text);
    for (int d = 0; d < static_cast<int>(p.documents.size()); ++d) {
      if (doc >= 0 && d != doc) continue;
      const sema::DocumentInfo* info = modelDocument(m, p.documents[d]);
      if (!info || info->clauses.empty()) continue;
      // Without a document in the citation each says which it is, unless the help starts with it.
      const std::string help = sema::citationsAt(*info, article, clause);
      const bool named = doc >= 0 || help.compare(0, info->name.size(), info->name) == 0;
      out.error += "\nhelp: " + (named ? "" : p.documents[d].number + ": ") + help;
    }
    return out;
  }
  return out;
}

WhyNotReasons whyNotReasons(const ir::Program& p, const eval::Applicant& a, const eval::Result& r,
                            const WhyNotAsked& asked) {
  WhyNotReasons out{eval::whyNot(p, a, r, asked.clauses, false), 0};
  out.named = out.list.size();
  if (!asked.all) return out;
  std::vector<int> rest;
  for (int c = 0; c < static_cast<int>(p.clauses.size()); ++c)
    if (std::find(asked.clauses.begin(), asked.clauses.end(), c) == asked.clauses.end()) rest.push_back(c);
  std::vector<WhyNot> unpaid = eval::whyNot(p, a, r, rest, true);
  out.list.insert(out.list.end(), unpaid.begin(), unpaid.end());
  return out;
}

namespace {

std::string place(const SourceManager& sources, const Span& span) {
  if (!sources.contains(span)) return "";
  const SourceFile& f = sources.file(span.file);
  return fmt::format("{}:{}", f.path(), f.lineCol(span.begin).line);
}

// What the 结果 line says: the result's words for a status where the award is in the result.
std::string outcomeWords(const WhyNot& w) {
  switch (w.kind) {
    case WhyNotKind::Applied: return fmt::format("适用（见上方 [{}]）", w.award + 1);
    case WhyNotKind::OtherSubject: return "不适用（对象不同）";
    case WhyNotKind::OutOfForce: return "不适用（文件不在有效期内）";
    case WhyNotKind::NoItem: return "不适用（事实中没有其对象）";
    case WhyNotKind::Condition: return "不适用（" + w.reason + "）";
    case WhyNotKind::NoTier: return "不适用（没有适用的一档）";
    case WhyNotKind::NotAssessable: return "无法评估";
    case WhyNotKind::AlreadyReceived: return "已获（一次性，不再给予）";
    case WhyNotKind::Dropped: return "不予叠加";
    case WhyNotKind::CappedToZero: return "保留（受合计上限削减至 0）";
  }
  return "?";
}

// One condition, its values below it and its parts below them, each indented further; the place
// of a part only when it is on another line than its whole.
void traceText(std::ostringstream& os, const SourceManager& sources, const eval::ConditionTrace& t,
               const std::string& head, const std::string& indent, const std::string& parentPlace) {
  const std::string where = place(sources, t.span);
  os << fmt::format("{}{} —— {}{}\n", head, t.text, t.outcome,
                    where.empty() || where == parentPlace ? "" : "（" + where + "）");
  for (const auto& v : t.values) os << fmt::format("{}  {} = {}\n", indent, v.what, v.value);
  for (const auto& part : t.parts)
    traceText(os, sources, part, indent + "  " + t.joiner + " ", indent + "    ", where);
}

nlohmann::json traceJson(const SourceManager& sources, const eval::ConditionTrace& t) {
  using json = nlohmann::json;
  json j{{"text", t.text}, {"outcome", t.outcome}, {"joiner", t.joiner.empty() ? json() : json(t.joiner)}};
  if (sources.contains(t.span)) {
    const SourceFile& f = sources.file(t.span.file);
    const LineCol lc = f.lineCol(t.span.begin);
    j["span"] = {{"file", f.path()}, {"line", lc.line}, {"column", lc.column}};
  } else {
    j["span"] = json();
  }
  json values = json::array();
  for (const auto& v : t.values) values.push_back({{"what", v.what}, {"value", v.value}});
  j["values"] = values;
  json parts = json::array();
  for (const auto& part : t.parts) parts.push_back(traceJson(sources, part));
  j["parts"] = parts;
  return j;
}

}  // namespace

namespace {

// A block's label padded to its 9 columns (对象, 条件 are 4 wide, 申报条件 8), at least one blank.
std::string label(const std::string& name) {
  const int width = displayWidth(decodeUtf8(name));
  return "    " + name + std::string(static_cast<std::size_t>(std::max(1, 9 - width)), ' ');
}

// A block less its heading: the item, the outcome, the reason and the condition traced.
std::string blockBody(const SourceManager& sources, const eval::Applicant& a, const WhyNot& w) {
  std::ostringstream os;
  os << label("对象") << (w.instance >= 0 ? a.instances[w.instance].path : "—") << "\n";
  os << label("结果") << outcomeWords(w) << "\n";
  if (w.kind != WhyNotKind::Condition && !w.reason.empty()) os << label("原因") << w.reason << "\n";
  if (w.condition)
    traceText(os, sources, *w.condition, label(w.kind == WhyNotKind::Condition ? w.where : "金额"), "             ", "");
  return os.str();
}

// Citations under a label, each document's on lines of their own after its number, wrapped before a
// line grows past 100 columns.
std::string citationLines(const ir::Program& p, const std::string& name, const std::vector<int>& clauses) {
  const std::string indent(13, ' ');
  std::string out = label(name);
  int width = 13, document = -1;
  for (std::size_t k = 0; k < clauses.size(); ++k) {
    const ir::Clause& cl = p.clauses[clauses[k]];
    const std::string& number = p.documents[cl.document].number;
    std::string cited = cl.citation;
    const bool sameDocument = cl.document == document;
    if (sameDocument && cited.compare(0, number.size() + 1, number + " ") == 0) cited = cited.substr(number.size() + 1);
    document = cl.document;
    const int w = displayWidth(decodeUtf8(cited)) + 2;  // and its 、
    if (k > 0 && (!sameDocument || width + w > 100)) {
      out += "、\n" + indent;
      width = 13;
    } else if (k > 0) {
      out += "、";
    }
    out += cited;
    width += w;
  }
  return out + "\n";
}

// `all`'s clauses, grouped without losing a reason: the clauses whose blocks are the same but for
// their heading (the 武进区 document's clauses failing its 所在地 on the same value) are one block that
// lists their citations; the clauses about kinds of item the facts do not list, one block with a
// line per kind. Each group stands where its first clause would.
struct Group {
  std::string body;  // the shared block; empty for the kinds of item not listed
  std::vector<int> clauses;
  std::vector<std::pair<std::string, std::vector<int>>> kinds;  // the items' kind, its clauses
};

std::vector<Group> groupReasons(const ir::Program& p, const SourceManager& sources, const eval::Applicant& a,
                                const std::vector<WhyNot>& reasons, std::size_t from) {
  std::vector<Group> groups;
  std::map<std::string, std::size_t> byBody;
  std::optional<std::size_t> noItem;
  for (std::size_t i = from; i < reasons.size(); ++i) {
    const WhyNot& w = reasons[i];
    if (w.kind == WhyNotKind::NoItem) {
      if (!noItem) {
        noItem = groups.size();
        groups.emplace_back();
      }
      Group& g = groups[*noItem];
      g.clauses.push_back(w.clause);
      const std::string& kind = p.subjects[p.clauses[w.clause].subject].name;
      auto it = std::find_if(g.kinds.begin(), g.kinds.end(), [&](const auto& k) { return k.first == kind; });
      if (it == g.kinds.end()) it = g.kinds.insert(g.kinds.end(), {kind, {}});
      it->second.push_back(w.clause);
      continue;
    }
    std::string body = blockBody(sources, a, w);
    auto [it, added] = byBody.emplace(body, groups.size());
    if (added) groups.push_back(Group{std::move(body), {}, {}});
    groups[it->second].clauses.push_back(w.clause);
  }
  return groups;
}

void heading(std::ostringstream& os, const ir::Clause& cl) {
  os << fmt::format("\n{}{}\n", cl.citation, cl.title.empty() ? "" : "  " + cl.title);
}

}  // namespace

std::string renderWhyNotText(const ir::Program& p, const SourceManager& sources, const eval::Applicant& a,
                             const WhyNotReasons& reasons) {
  std::ostringstream os;
  os << "\n为何未适用（--why-not）\n";
  if (reasons.list.empty()) os << "\n所问的条款均已适用。\n";
  for (std::size_t i = 0; i < reasons.named; ++i) {
    heading(os, p.clauses[reasons.list[i].clause]);
    os << blockBody(sources, a, reasons.list[i]);
  }
  for (const Group& g : groupReasons(p, sources, a, reasons.list, reasons.named)) {
    if (!g.kinds.empty()) {
      os << fmt::format("\n事实中没有其对象的条款（{} 个）\n", g.clauses.size());
      os << label("结果") << "不适用（事实中没有其对象）\n";
      for (const auto& [kind, clauses] : g.kinds) os << citationLines(p, kind, clauses);
      continue;
    }
    if (g.clauses.size() == 1) {
      heading(os, p.clauses[g.clauses[0]]);
    } else {
      os << fmt::format("\n{} 个条款，原因相同\n", g.clauses.size());
      os << citationLines(p, "条款", g.clauses);
    }
    os << g.body;
  }
  return os.str();
}

nlohmann::json renderWhyNotJson(const ir::Program& p, const SourceManager& sources, const eval::Applicant& a,
                                const std::vector<WhyNot>& reasons) {
  using json = nlohmann::json;
  json out = json::array();
  for (const WhyNot& w : reasons) {
    const ir::Clause& cl = p.clauses[w.clause];
    out.push_back({
        {"document", p.documents[cl.document].number},
        {"citation", cl.citation},
        {"for", w.instance >= 0 ? json(a.instances[w.instance].path) : json()},
        {"kind", eval::whyNotKindName(w.kind)},
        {"reason", w.reason},
        {"award", w.award >= 0 ? json(w.award) : json()},
        {"where", w.where.empty() ? json() : json(w.where)},
        {"condition", w.condition ? traceJson(sources, *w.condition) : json()},
        {"missing", w.missing},
    });
  }
  return out;
}

}  // namespace polc
