#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include "sema/citation_help.h"
#include "sema/parameter_reads.h"
#include "sema/passes.h"
#include "sema/payer_values.h"
#include "sema/rational.h"
#include "sema/wrong_subject.h"
#include "support/suggest.h"
#include "syntax/literals.h"

namespace polc::sema {
namespace {

struct RoundingName {
  const char* english;
  const char* chinese;
};
// How a clause's cap and a document's cap are written, for the help that gives one without 最高.
constexpr const char* kCap = "上限";

constexpr RoundingName kRoundingModes[] = {
    {"half_up", "四舍五入"}, {"half_even", "银行家舍入"}, {"down", "舍去"},
    {"up", "进一"},         {"floor", "向下取整"},       {"ceiling", "向上取整"},
};

template <class Infos>
std::vector<std::string> namesOf(const Infos& infos) {
  std::vector<std::string> out;
  for (const auto& i : infos) out.push_back(i.name);
  return out;
}

// The names to suggest from are listed only for an unknown name: listing them for every lookup made
// analysis quadratic in the number of clauses (each clause looks up its target among all targets).
template <class Index, class Infos>
int lookup(Context& cx, const Index& index, const Infos& infos, const ast::Name& n, const char* code,
           const char* what) {
  auto it = index.find(n.text);
  if (it != index.end()) return it->second;
  auto& d = cx.diags.error(code, n.span, fmt::format("unknown {} `{}`", what, n.text));
  if (auto s = closestName(n.text, namesOf(infos))) d.help.push_back(fmt::format("did you mean `{}`?", *s));
  return -1;
}

class DocumentChecker {
 public:
  DocumentChecker(Context& cx, ExprChecker& checker) : cx_(cx), m_(cx.model), checker_(checker) {}

  void run() {
    distinctNumbers();
    for (int d = 0; d < static_cast<int>(m_.documents.size()); ++d) registerClauses(d);
    for (int d = 0; d < static_cast<int>(m_.documents.size()); ++d) {
      DocumentInfo& doc = m_.documents[d];
      header(d);
      for (int c : doc.clauses) clause(c);
      for (auto& g : doc.decl->groups) group(d, g);
      for (auto& k : doc.decl->caps) cap(d, k);
      auto& blocks = doc.decl->funding;
      std::vector<const ast::FundingRule*> tried;  // the rules before, over the blocks, in order
      for (std::size_t b = 0; b < blocks.size(); ++b) funding(d, blocks[b], b + 1 == blocks.size(), tried);
    }
  }

 private:
  // ---- citations ----------------------------------------------------------------------------------
  // Results cite a clause by its document's 文号; facts (已获奖励) and test files by the 文号 or the
  // name, blanks ignored. A 文号 that is another document's 文号 or name would cite two clauses
  // alike, and an award received would count for whichever document was declared first.
  void distinctNumbers() {
    auto key = [](const std::string& text) {
      std::string out;
      for (char c : text)
        if (c != ' ' && c != '\t') out += c;
      return out;
    };
    std::map<std::string, int> names, numbers;
    for (int d = 0; d < static_cast<int>(m_.documents.size()); ++d) names.emplace(key(m_.documents[d].name), d);
    for (int d = 0; d < static_cast<int>(m_.documents.size()); ++d) {
      const ast::DocumentDecl& decl = *m_.documents[d].decl;
      if (!decl.number) continue;
      const std::string k = key(decl.number->value);
      if (auto n = names.find(k); n != names.end() && n->second != d) {
        const DocumentInfo& other = m_.documents[n->second];
        cx_.diags.error(diag::kDuplicateCitation, decl.number->span,
                        fmt::format("文号 \"{}\" of {} is the name of another document, {}: their clauses would be "
                                    "cited alike",
                                    decl.number->value, m_.documents[d].name, other.name))
            .notes.push_back(DiagNote{other.decl->name.span, "that document is here"});
        continue;
      }
      auto [it, fresh] = numbers.emplace(k, d);
      if (!fresh)
        cx_.diags.error(diag::kDuplicateCitation, decl.number->span,
                        fmt::format("文号 \"{}\" of {} is also the 文号 of {}: their clauses would be cited alike",
                                    decl.number->value, m_.documents[d].name, m_.documents[it->second].name))
            .notes.push_back(DiagNote{m_.documents[it->second].decl->number->span, "the other 文号 is here"});
    }
  }

  void registerClauses(int d) {
    DocumentInfo& doc = m_.documents[d];
    // The evaluators break ties (non-stacking) and cut (caps over several clauses) by citation,
    // and take citation order to be the order clauses are written in: so it must be.
    std::tuple<int, int, int> last{0, 0, 0};
    const ast::Clause* lastClause = nullptr;
    for (auto& a : doc.decl->articles) {
      auto [it, fresh] = doc.articles.emplace(a.number, &a);
      if (!fresh) {
        cx_.diags.error(diag::kDuplicateCitation, a.headerSpan,
                        fmt::format("{} appears twice in {}", formatCitation(a.number, 0, 0), doc.name))
            .notes.push_back(DiagNote{it->second->headerSpan, "first here"});
        continue;
      }
      std::map<int, const ast::Clause*> wholeClauses, splitClauses;
      for (auto& c : a.clauses) {
        if (c.clause == 0) continue;  // a bad number, already reported
        auto key = std::make_tuple(a.number, c.clause, c.item);
        if (lastClause && key < last)
          cx_.diags.error(diag::kOutOfOrder, c.headerSpan,
                          fmt::format("{} is written after {}: articles, clauses and items must be in the order of "
                                      "their numbers",
                                      formatCitation(a.number, c.clause, c.item),
                                      formatCitation(std::get<0>(last), std::get<1>(last), std::get<2>(last))))
              .notes.push_back(DiagNote{lastClause->headerSpan, "the clause before it"});
        last = key;
        lastClause = &c;
        auto [cit, cfresh] = doc.byCitation.emplace(key, static_cast<int>(m_.clauses.size()));
        if (!cfresh) {
          cx_.diags.error(diag::kDuplicateCitation, c.headerSpan,
                          fmt::format("{} appears twice in {}", formatCitation(a.number, c.clause, c.item), doc.name))
              .notes.push_back(DiagNote{m_.clauses[cit->second].decl->headerSpan, "first here"});
          continue;
        }
        // 款 3 and 款 3.1 side by side would make 第3款 mean two things.
        auto& mine = c.item ? splitClauses : wholeClauses;
        auto& other = c.item ? wholeClauses : splitClauses;
        mine.emplace(c.clause, &c);
        if (auto o = other.find(c.clause); o != other.end()) {
          cx_.diags.error(diag::kDuplicateCitation, c.headerSpan,
                          fmt::format("第{}款 is both a whole clause and split into items", c.clause))
              .notes.push_back(DiagNote{o->second->headerSpan, "the other form is here"});
        }
        ClauseInfo info;
        info.decl = &c;
        info.article = &a;
        info.document = d;
        info.citation = doc.displayNumber + " " + formatCitation(a.number, c.clause, c.item);
        doc.clauses.push_back(static_cast<int>(m_.clauses.size()));
        m_.clauses.push_back(std::move(info));
      }
    }
  }

  // All clauses a citation names (an article names all of its clauses); empty and reported when
  // nothing matches.
  std::vector<int> resolve(const ast::ClauseRef& r, int currentDoc) {
    int d = currentDoc;
    if (r.document) {
      d = lookup(cx_, m_.documentIndex, m_.documents, *r.document, diag::kUnknownDocument, "document");
      if (d < 0) return {};
    }
    const DocumentInfo& doc = m_.documents[d];
    // The map is ordered by (article, clause, item): a citation names one contiguous run of it.
    std::vector<int> out;
    for (auto it = doc.byCitation.lower_bound({r.article, r.clause, r.item});
         it != doc.byCitation.end(); ++it) {
      auto [a, c, i] = it->first;
      if (a != r.article || (r.clause != 0 && c != r.clause)) break;
      if (r.item != 0 && i != r.item) break;
      out.push_back(it->second);
    }
    if (out.empty()) {
      auto& diag = cx_.diags.error(diag::kUnknownCitation, r.span,
                                   fmt::format("{} has no {}", doc.name, formatCitation(r.article, r.clause, r.item)));
      if (doc.articles.count(r.article) && r.clause)
        diag.notes.push_back(DiagNote{doc.articles.at(r.article)->headerSpan, "the article is here"});
      diag.help.push_back(citationsAt(doc, r.article, r.clause));
    }
    return out;
  }

  // ---- document header ----------------------------------------------------------------------------
  void header(int d) {
    auto& decl = *m_.documents[d].decl;
    repeatedItems(decl.seen);
    if (decl.effectiveFrom && decl.effectiveTo && *decl.effectiveTo < *decl.effectiveFrom)
      cx_.diags.error(diag::kEffectiveReversed, decl.effectiveSpan, "the effective period ends before it starts");
    if (decl.roundingMode) {
      bool known = false;
      for (const auto& r : kRoundingModes)
        known |= decl.roundingMode->text == r.english || decl.roundingMode->text == r.chinese;
      if (!known) {
        std::vector<std::string> names;
        for (const auto& r : kRoundingModes) {
          names.push_back(r.english);
          names.push_back(r.chinese);
        }
        auto& diag = cx_.diags.error(diag::kRoundingMode, decl.roundingMode->span,
                                     fmt::format("unknown rounding mode `{}`", decl.roundingMode->text));
        if (auto s = closestName(decl.roundingMode->text, names)) diag.help.push_back(fmt::format("did you mean `{}`?", *s));
        else diag.help.push_back("use 四舍五入, 银行家舍入, 舍去, 进一, 向下取整 or 向上取整");
      }
      checker_.checkMoney(*decl.roundingUnit, Scope{}, "a rounding unit");
    }
    for (auto& e : decl.eligible) perSubject(d, *e, [&](ExprChecker& c, const Scope& s) { c.checkCondition(*e, s); });
    for (auto& e : decl.eligible) readsBeforeFirstValue(cx_, *e, decl, "the 申报条件 of " + decl.name.text);
  }

  // A document-level expression (申报条件, 资金分担) applies to every clause of the document, so its
  // names must resolve for each clause's subject. It is reported once, for the first subject that
  // fails, with a note saying which.
  template <class Fn>
  void perSubject(int d, ast::Expr& e, Fn fn) {
    std::vector<int> subjects;
    const ClauseInfo* example = nullptr;
    std::vector<const ClauseInfo*> examples;
    for (int c : m_.documents[d].clauses) {
      const ClauseInfo& ci = m_.clauses[c];
      int s = subjectOf(ci);
      if (s < 0 || std::find(subjects.begin(), subjects.end(), s) != subjects.end()) continue;
      subjects.push_back(s);
      examples.push_back(&ci);
    }
    if (subjects.empty()) {
      fn(checker_, Scope{});
      return;
    }
    for (std::size_t i = 0; i < subjects.size(); ++i) {
      DiagnosticEngine scratch;
      Context local{m_, scratch};
      ExprChecker c(local);
      fn(c, Scope{subjects[i], {}, {}});
      if (!scratch.hasErrors()) continue;
      groupFactsOfOtherSubjects(local, c.takeFactsOfOtherSubjects(), WrongSubjectPlace{subjects[i], nullptr, false});
      example = examples[i];
      for (auto diagnostic : scratch.all()) {
        diagnostic.notes.push_back(DiagNote{example->decl->headerSpan,
                                            fmt::format("while checking it for {}, whose subject is {}",
                                                        example->citation, m_.subjects[subjects[i]].name)});
        cx_.diags.report(diagnostic.severity, diagnostic.code, diagnostic.span, diagnostic.message) = diagnostic;
      }
      return;
    }
  }

  int subjectOf(const ClauseInfo& ci) const {
    if (!ci.decl->subject) return -1;
    auto it = m_.subjectIndex.find(ci.decl->subject->text);
    return it == m_.subjectIndex.end() ? -1 : it->second;
  }

  // ---- clauses ------------------------------------------------------------------------------------
  void clause(int index) {
    ClauseInfo& ci = m_.clauses[index];
    ast::Clause& c = *ci.decl;
    repeatedItems(c.seen);
    if (c.text.empty())
      cx_.diags.error(diag::kMissingText, c.headerSpan,
                      fmt::format("{} has no 原文 (text): every clause quotes the sentence it encodes", ci.citation));

    if (c.pay) ci.award = AwardKind::Pay;
    else if (c.benefit) ci.award = AwardKind::Benefit;
    else if (c.negotiated) ci.award = AwardKind::Negotiated;
    if (ci.award == AwardKind::None)
      cx_.diags.error(diag::kMissingAward, c.headerSpan,
                      fmt::format("{} says nothing about what it gives", ci.citation))
          .help.push_back("add `给予 <金额>`, `待遇 \"…\"` or `一事一议`; an article with no computable rule "
                          "keeps its text and a 说明 without clauses");

    if (!c.subject) {
      cx_.diags.error(diag::kMissingSubject, c.headerSpan,
                      fmt::format("{} does not say whom it applies to", ci.citation))
          .help.push_back("add `对象 企业` (or 项目, 产品, …)");
    } else {
      ci.subject = lookup(cx_, m_.subjectIndex, m_.subjects, *c.subject, diag::kUnknownSubject, "subject");
    }
    if (c.target) ci.target = lookup(cx_, m_.targetIndex, m_.targets, *c.target, diag::kUnknownTarget, "target");
    else if (ci.award == AwardKind::Pay || ci.award == AwardKind::Negotiated)
      cx_.diags.error(diag::kMissingTarget, c.headerSpan,
                      fmt::format("{} pays but names no 标的 (reward target)", ci.citation))
          .help.push_back("non-stacking across documents matches awards by their target: add `标的 <名称>`");
    if (c.kind) ci.kind = lookup(cx_, m_.kindIndex, m_.kinds, *c.kind, diag::kUnknownKind, "kind");
    if (ci.subject >= 0) ci.payee = m_.rootOf(ci.subject);
    if (c.payee) payee(ci);

    for (auto& r : c.relations) {
      // A relation tells the checker that an overlap with another clause is intended; one naming its
      // own clause is a citation copied wrong, and would leave the clause meant unrelated.
      auto named = resolve(r.other, ci.document);
      if (named.size() == 1 && named[0] == index)
        cx_.diags.error(diag::kRelationToItself, r.other.span,
                        fmt::format("{} states a relation to itself", ci.citation))
            .help.push_back("cite the other clause the relation is with");
    }
    if (ci.subject < 0) return;  // names in expressions cannot be resolved without a subject
    std::string quote;
    for (const auto& t : c.text) quote += t.value;
    Scope scope{ci.subject, quote, {}};
    checker_.takeFactsOfOtherSubjects();  // the header's and the schema's, reported where they are
    for (auto& cond : c.conditions) checker_.checkCondition(*cond, scope);
    if (c.pay) checker_.checkMoney(*c.pay, scope, "an award");
    if (c.cap) {
      checker_.checkMoney(*c.cap, Scope{ci.subject, quote, kCap}, "a cap");
      checker_.exactCap(*c.cap, kCap);
    }
    bool ownFacts = (c.pay && usesAFact(*c.pay)) || (c.cap && usesAFact(*c.cap));
    for (const auto& cond : c.conditions) ownFacts = ownFacts || usesAFact(*cond);
    groupFactsOfOtherSubjects(cx_, checker_.takeFactsOfOtherSubjects(), WrongSubjectPlace{ci.subject, &*c.subject, ownFacts});
    const ast::DocumentDecl& doc = *m_.documents[ci.document].decl;
    for (auto& cond : c.conditions) readsBeforeFirstValue(cx_, *cond, doc, ci.citation);
    if (c.pay) readsBeforeFirstValue(cx_, *c.pay, doc, ci.citation);
    if (c.cap) readsBeforeFirstValue(cx_, *c.cap, doc, ci.citation);
    if (c.quota) {
      Type t = checker_.checkNumber(*c.quota, Scope{}, "名额 (quota)");
      if (!t.isError() && (!t.dim.dimensionless() || !t.integer))
        cx_.diags.error(diag::kNotAnInteger, c.quota->span, "a quota is a whole number of awards");
    }
    installments(ci);
  }

  // Items a clause or a document header has once, given twice: the second would silently win.
  void repeatedItems(const std::vector<ast::ItemSeen>& seen) {
    for (std::size_t i = 0; i < seen.size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (seen[i].item != seen[j].item) continue;
        bool award = seen[i].item == "award";
        cx_.diags.error(award ? diag::kSeveralAwards : diag::kRepeatedItem, seen[i].span,
                        award ? "a clause gives one thing: 给予, 待遇 or 一事一议"
                              : fmt::format("{} is given twice", seen[i].item))
            .notes.push_back(DiagNote{seen[j].span, "first given here"});
        break;
      }
    }
  }

  void payee(ClauseInfo& ci) {
    const ast::Name& n = *ci.decl->payee;
    int p = lookup(cx_, m_.subjectIndex, m_.subjects, n, diag::kUnknownSubject, "subject");
    if (p < 0 || ci.subject < 0) return;
    // The payee is the subject itself, one of its owners, or a subject owned by one of them
    // (a project's 引荐人, a cluster's 集群促进机构).
    int owner = m_.subjects[p].owner;
    if (m_.ownedBy(ci.subject, p) || (owner >= 0 && m_.ownedBy(ci.subject, owner))) {
      ci.payee = p;
      return;
    }
    cx_.diags.error(diag::kUnrelatedPayee, n.span,
                    fmt::format("{} is not related to {}, so the award cannot find it", n.text,
                                m_.subjects[ci.subject].name))
        .help.push_back(fmt::format("declare it as `主体 {} 隶属 {}`", n.text, m_.subjects[ci.subject].name));
  }

  void installments(const ClauseInfo& ci) {
    auto& list = ci.decl->installments;
    if (list.empty()) return;
    Rational sum;
    bool exact = true;
    for (auto& e : list) {
      Type t = checker_.checkNumber(*e, Scope{}, "分期 (installments)");
      if (t.isError()) return;
      if (!t.dim.dimensionless()) {
        cx_.diags.error(diag::kTypeMismatch, e->span, "an installment is a share such as 40%");
        return;
      }
      auto r = literalRational(*e);
      if (r) sum = sum + *r;
      else exact = false;
    }
    if (exact && !sum.isOne())
      cx_.diags.error(diag::kInstallmentsSum, Span::cover(list.front()->span, list.back()->span),
                      fmt::format("the installments add up to {}, not 100%", percentText(sum)))
          .help.push_back("the shares are of the whole award: correct them so that they add up to 100%");
  }

  // ---- groups, caps, funding ------------------------------------------------------------------------
  void group(int d, ast::NonStackingGroup& g) {
    NonStackingInfo info;
    info.decl = &g;
    info.document = d;
    if (g.scope == ast::NonStackingGroup::Scope::Unspecified)
      cx_.diags.error(diag::kGroupScope, g.name.span,
                      fmt::format("non-stacking group `{}` has no 范围 (scope)", g.name.text))
          .help.push_back("add `范围 文件`, `范围 所有文件` or `范围 第1条第1款, 第1条第2款`");
    for (auto& r : g.clauses) {
      auto found = resolve(r, d);
      info.clauses.insert(info.clauses.end(), found.begin(), found.end());
    }
    for (const auto& p : g.per) {
      int s = lookup(cx_, m_.subjectIndex, m_.subjects, p, diag::kUnknownSubject, "subject");
      if (s >= 0) info.perSubjects.push_back(s);
    }
    if (!info.perSubjects.empty()) info.per = info.perSubjects.front();
    info.perItem = g.perItem;
    for (auto& k : g.exceptKinds) {
      int ki = lookup(cx_, m_.kindIndex, m_.kinds, k, diag::kUnknownKind, "kind");
      if (ki >= 0) info.exceptKinds.push_back(ki);
    }
    for (auto& p : g.prefer) {
      int di = lookup(cx_, m_.documentIndex, m_.documents, p, diag::kUnknownDocument, "document");
      if (di >= 0) info.prefer.push_back(di);
    }
    m_.groups.push_back(std::move(info));
  }

  void cap(int d, ast::CapDecl& k) {
    CapInfo info;
    info.decl = &k;
    info.document = d;
    const std::string written = fmt::format("{} {}", kCap, k.name.text);
    checker_.checkMoney(*k.amount, Scope{-1, {}, written}, "a cap");
    checker_.exactCap(*k.amount, written);
    info.per = lookup(cx_, m_.subjectIndex, m_.subjects, k.per, diag::kUnknownSubject, "subject");
    for (auto& r : k.covers) {
      for (int c : resolve(r, d)) {
        info.clauses.push_back(c);
        const ClauseInfo& ci = m_.clauses[c];
        if (info.per >= 0 && ci.subject >= 0 && !m_.ownedBy(ci.subject, info.per))
          cx_.diags.error(diag::kCapSubject, r.span,
                          fmt::format("{} pays {}, which is not part of {}, so the cap per {} cannot apply",
                                      ci.citation, m_.subjects[ci.subject].name, k.per.text, k.per.text))
              .notes.push_back(DiagNote{ci.decl->headerSpan, "the clause is here"});
      }
    }
    m_.caps.push_back(std::move(info));
  }

  // `辖区（所在地）`: the fact must resolve, as an enum, for the subject of every clause the rule may pay.
  void payerFact(int d, ast::Payer& payer) {
    if (!payer.fact) return;
    perSubject(d, *payer.fact, [&](ExprChecker& c, const Scope& s) { c.checkPayerFact(*payer.fact, payer.written, s); });
  }

  // A split names each payer once: a label written twice, or two payers named by the same fact
  // (which always have the same value), would bill one payer two parts of a rule that says how
  // payers share. A fact whose value may equal another payer's label is told at evaluation
  // (polrt::payerTwice), as only the applicant's value says whether it does.
  void payerTwice(const std::vector<ast::Payer*>& payers) {
    auto key = [](const ast::Payer& p) { return p.fact ? "（" + p.fact->path.front().text : p.name.text; };
    for (std::size_t i = 1; i < payers.size(); ++i)
      for (std::size_t j = 0; j < i; ++j) {
        if (key(*payers[i]) != key(*payers[j])) continue;
        const std::string what = payers[i]->fact ? fmt::format("the fact {}", payers[i]->fact->path.front().text)
                                                 : fmt::format("the payer {}", payers[i]->name.text);
        auto& e = cx_.diags.error(diag::kPayerTwice, payers[i]->span,
                                  fmt::format("{} is named twice in this split, so one payer would take two parts", what));
        e.notes.push_back(DiagNote{payers[j]->span, "named first here"});
        e.help.push_back(payers[i]->fact ? "name each payer by a fact of its own, or by a plain label"
                                         : "give the payer one part (join its shares, or its parts of the ratio)");
        break;
      }
  }

  // The rules of a document's 资金分担 blocks are tried in order, one block after the other, so an
  // 其他 must end the last block: anything after it, in this block or a later one, is never used.
  void funding(int d, ast::Funding& f, bool lastBlock, std::vector<const ast::FundingRule*>& tried) {
    for (std::size_t i = 0; i < f.rules.size(); ++i) {
      auto& rule = f.rules[i];
      const std::vector<const ast::FundingRule*> earlier = tried;
      tried.push_back(&rule);
      if (rule.condition) {
        perSubject(d, *rule.condition, [&](ExprChecker& c, const Scope& s) { c.checkCondition(*rule.condition, s); });
        // Tried for every award the document pays, on the evaluation date, as a 申报条件 is.
        readsBeforeFirstValue(cx_, *rule.condition, *m_.documents[d].decl,
                              "the 资金分担 of " + m_.documents[d].decl->name.text);
      }
      else if (rule.kinds.empty() && (i + 1 != f.rules.size() || !lastBlock))
        cx_.diags.error(diag::kTypeMismatch, rule.span, "其他 (otherwise) must be the last funding rule");
      for (const auto& k : rule.kinds) lookup(cx_, m_.kindIndex, m_.kinds, k, diag::kUnknownKind, "kind");
      if (rule.arrangement) continue;  // described in words: nothing to add up
      std::vector<ast::Payer*> payers;
      for (auto& share : rule.shares) payers.push_back(&share.payer);
      for (auto& payer : rule.ratioPayers) payers.push_back(&payer);
      for (ast::Payer* payer : payers) payerFact(d, *payer);
      payerTwice(payers);
      payerMayTakeLabel(cx_, earlier, rule, payers);
      if (!rule.ratioPayers.empty()) {
        auto parts = std::count(rule.ratio.begin(), rule.ratio.end(), ':') + 1;
        if (static_cast<std::size_t>(parts) != rule.ratioPayers.size())
          cx_.diags.error(diag::kRatioArity, rule.ratioSpan,
                          fmt::format("{} payers but a ratio of {} parts", rule.ratioPayers.size(), parts));
        continue;
      }
      Rational sum;
      bool exact = true;
      int rests = 0;
      for (auto& share : rule.shares) {
        if (!share.amount) {
          if (++rests > 1)
            cx_.diags.error(diag::kFundingSum, share.span, "only one payer can take 其余 (the rest)");
          continue;
        }
        Type t = checker_.checkNumber(*share.amount, Scope{}, "a funding share");
        if (t.isError()) continue;
        if (!t.dim.dimensionless()) {
          cx_.diags.error(diag::kTypeMismatch, share.amount->span, "a funding share is a proportion such as 15%");
          continue;
        }
        auto r = literalRational(*share.amount);
        if (r) sum = sum + *r;
        else exact = false;
      }
      if (rests == 0 && exact && !sum.isOne())
        cx_.diags.error(diag::kFundingSum, rule.span,
                        fmt::format("the funding shares add up to {}, not 100%", percentText(sum)))
            .help.push_back("give one payer `其余` (the rest), or make the shares add up");
    }
  }

  Context& cx_;
  Model& m_;
  ExprChecker& checker_;
};

}  // namespace

void checkDocuments(Context& cx, ExprChecker& checker) { DocumentChecker(cx, checker).run(); }

}  // namespace polc::sema
