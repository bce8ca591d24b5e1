#include "syntax/ast_builder.h"

#include <fmt/format.h>

#include "support/diag_codes.h"
#include "support/source.h"
#include "syntax/literals.h"
#include "syntax/syntax_errors.h"

namespace polc {
namespace {

using P = gen::PolcParser;

class Builder {
 public:
  Builder(FileId file, DiagnosticEngine& diags) : file_(file), diags_(diags) {}

  std::unique_ptr<ast::File> file(P::FileContext* ctx) {
    auto out = std::make_unique<ast::File>();
    out->file = file_;
    for (auto* top : ctx->topDecl()) {
      if (auto* c = top->unitDecl()) out->units.push_back(unit(c));
      else if (auto* c = top->enumDecl()) out->enums.push_back(enumDecl(c));
      else if (auto* c = top->setDecl()) out->sets.push_back(setDecl(c));
      else if (auto* c = top->subjectDecl()) out->subjects.push_back(subject(c));
      else if (auto* c = top->parameterDecl()) out->parameters.push_back(parameter(c));
      else if (auto* c = top->targetDecl()) out->targets.push_back(label(c->name(), c->STRING(), c));
      else if (auto* c = top->kindDecl()) out->kinds.push_back(label(c->name(), c->STRING(), c));
      else if (auto* c = top->documentDecl()) out->documents.push_back(document(c));
    }
    return out;
  }

 private:
  // ---- spans and leaves -------------------------------------------------------------------------
  Span span(antlr4::ParserRuleContext* ctx) const {
    auto* start = ctx->getStart();
    auto* stop = ctx->getStop();
    auto b = static_cast<std::uint32_t>(start->getStartIndex());
    auto e = stop && stop->getStopIndex() + 1 > start->getStartIndex()
                 ? static_cast<std::uint32_t>(stop->getStopIndex() + 1)
                 : b;
    return Span{file_, b, e};
  }
  Span span(antlr4::tree::TerminalNode* node) const {
    auto* t = node->getSymbol();
    return Span{file_, static_cast<std::uint32_t>(t->getStartIndex()),
                static_cast<std::uint32_t>(t->getStopIndex() + 1)};
  }
  Span span(antlr4::Token* t) const {
    return Span{file_, static_cast<std::uint32_t>(t->getStartIndex()),
                static_cast<std::uint32_t>(t->getStopIndex() + 1)};
  }

  ast::Name name(P::NameContext* ctx) const {
    std::string text = ctx->getText();
    if (ctx->BACKTICK_IDENT()) text = text.substr(1, text.size() - 2);
    return ast::Name{std::move(text), span(ctx)};
  }
  std::optional<ast::Name> optName(P::NameContext* ctx) const {
    if (!ctx) return std::nullopt;
    return name(ctx);
  }

  ast::Text text(antlr4::tree::TerminalNode* node) const {
    return ast::Text{unquoteString(node->getText()), span(node)};
  }
  std::optional<ast::Text> optText(antlr4::tree::TerminalNode* node) const {
    if (!node) return std::nullopt;
    return text(node);
  }
  // `原文 "…" "…"`: several strings are one text, so a long article can be split over lines.
  ast::Text joinedText(const std::vector<antlr4::tree::TerminalNode*>& nodes) const {
    ast::Text out;
    for (auto* n : nodes) {
      out.value += unquoteString(n->getText());
      out.span = out.span.valid() ? Span::cover(out.span, span(n)) : span(n);
    }
    return out;
  }

  std::string date(antlr4::tree::TerminalNode* node) {
    std::string d = node->getText();
    if (!isValidDate(d))
      diags_.error(diag::kBadDate, span(node), fmt::format("`{}` is not a valid date", d));
    return d;
  }

  // ---- schema -----------------------------------------------------------------------------------
  ast::UnitDecl unit(P::UnitDeclContext* c) {
    ast::UnitDecl u;
    u.name = name(c->name());
    u.description = optText(c->STRING());
    u.span = span(c);
    if (auto* v = c->unitValue()) {
      u.scaleNum = quantity(v->QUANTITY(0));
      if (v->QUANTITY().size() > 1) u.scaleDen = quantity(v->QUANTITY(1));
    }
    return u;
  }

  ast::EnumDecl enumDecl(P::EnumDeclContext* c) {
    ast::EnumDecl e;
    e.name = name(c->name());
    e.description = optText(c->STRING());
    e.ordered = !c->GT().empty();
    e.span = span(c);
    for (auto* m : c->enumMember()) {
      e.members.push_back(name(m->name()));
      e.memberDescriptions.push_back(optText(m->STRING()));
    }
    if (e.ordered && !c->sep().empty())
      diags_.error(diag::kUnexpectedToken, span(c->sep(0)),
                   "an ordered enum separates all its members with `>`")
          .help.push_back("write `{ 国家级 > 省级 > 市级 }` for an order, or commas for none");
    return e;
  }

  ast::SetDecl setDecl(P::SetDeclContext* c) {
    ast::SetDecl s;
    auto names = c->name();
    s.name = name(names[0]);
    for (std::size_t i = 1; i < names.size(); ++i) s.members.push_back(name(names[i]));
    s.description = optText(c->STRING());
    s.span = span(c);
    return s;
  }

  ast::SubjectDecl subject(P::SubjectDeclContext* c) {
    ast::SubjectDecl s;
    s.name = name(c->name(0));
    if (c->name().size() > 1) s.owner = name(c->name(1));
    s.description = optText(c->STRING());
    s.span = span(c);
    for (auto* item : c->subjectItem()) {
      if (auto* f = item->factDecl()) s.facts.push_back(fact(f));
      else if (item->NOTE()) s.notes.push_back(text(item->STRING()));
    }
    return s;
  }

  ast::FactDecl fact(P::FactDeclContext* c) {
    ast::FactDecl f;
    f.name = name(c->name());
    f.type = typeRef(c->typeRef());
    f.description = optText(c->STRING());
    f.span = span(c);
    for (auto* m : c->factModifier()) {
      if (dynamic_cast<P::HistoryModifierContext*>(m)) {
        f.history = true;
      } else if (dynamic_cast<P::RequiredModifierContext*>(m)) {
        f.required = true;
      } else if (auto* d = dynamic_cast<P::DefaultModifierContext*>(m)) {
        f.defaultValue = expr(d->expr());
      } else if (auto* r = dynamic_cast<P::RangeModifierContext*>(m)) {
        f.range = expr(r->expr());
        if (f.range->kind != ast::ExprKind::Range)
          diags_.error(diag::kTypeMismatch, f.range->span, "a fact range is written `取值 低 至 高`");
      }
    }
    return f;
  }

  ast::TypeRef typeRef(P::TypeRefContext* c) {
    ast::TypeRef t;
    t.span = span(c);
    if (auto* s = dynamic_cast<P::SetTypeContext*>(c)) {
      t.form = ast::TypeRef::Form::Set;
      t.parts.push_back(name(s->name()));
    } else if (auto* s = dynamic_cast<P::SetTypePostContext*>(c)) {
      t.form = ast::TypeRef::Form::Set;
      t.parts.push_back(name(s->name()));
    } else if (auto* r = dynamic_cast<P::RecognitionTypeContext*>(c)) {
      t.form = ast::TypeRef::Form::Recognition;
      t.parts.push_back(name(r->name()));
    } else if (auto* r = dynamic_cast<P::RecognitionTypePostContext*>(c)) {
      t.form = ast::TypeRef::Form::Recognition;
      t.parts.push_back(name(r->name()));
    } else if (auto* n = dynamic_cast<P::NamedTypeContext*>(c)) {
      for (auto* child : n->unitExpr()->children) {
        if (auto* nm = dynamic_cast<P::NameContext*>(child)) t.parts.push_back(name(nm));
        else if (auto* term = dynamic_cast<antlr4::tree::TerminalNode*>(child);
                 term && (term->getSymbol()->getType() == gen::PolcLexer::QUANTITY ||
                          term->getSymbol()->getType() == gen::PolcLexer::TEXT ||
                          term->getSymbol()->getType() == gen::PolcLexer::DOCNUMBER))
          t.parts.push_back(ast::Name{term->getText(), span(term)});
      }
    }
    return t;
  }

  ast::ParameterDecl parameter(P::ParameterDeclContext* c) {
    ast::ParameterDecl p;
    p.name = name(c->name());
    p.description = optText(c->STRING());
    p.span = span(c);
    for (auto* e : c->parameterEntry())
      p.entries.push_back(ast::ParameterEntry{date(e->DATE()), span(e->DATE()), expr(e->expr())});
    return p;
  }

  ast::LabelDecl label(P::NameContext* n, antlr4::tree::TerminalNode* desc,
                       antlr4::ParserRuleContext* whole) {
    return ast::LabelDecl{name(n), optText(desc), span(whole)};
  }

  // ---- documents --------------------------------------------------------------------------------
  ast::DocumentDecl document(P::DocumentDeclContext* c) {
    ast::DocumentDecl d;
    d.name = name(c->name());
    d.span = span(c);
    for (auto* item : c->documentItem()) documentItem(d, item);
    return d;
  }

  void documentItem(ast::DocumentDecl& d, P::DocumentItemContext* item) {
    auto once = [&](const char* what, antlr4::ParserRuleContext* ctx) {
      d.seen.push_back(ast::ItemSeen{what, span(ctx)});
    };
    auto textItem = [&](const char* what, auto* x, std::optional<ast::Text>& field) {
      once(what, x);
      field = text(x->STRING());
    };
    if (auto* x = dynamic_cast<P::DocNumberContext*>(item)) textItem("文号 (number)", x, d.number);
    else if (auto* x = dynamic_cast<P::DocTitleContext*>(item)) textItem("标题 (title)", x, d.title);
    else if (auto* x = dynamic_cast<P::DocIssuerContext*>(item)) textItem("发文机关 (issuer)", x, d.issuer);
    else if (auto* x = dynamic_cast<P::DocAppliesContext*>(item)) textItem("适用范围 (applies)", x, d.applies);
    else if (auto* x = dynamic_cast<P::DocInterpreterContext*>(item)) textItem("解释机关 (interpreter)", x, d.interpreter);
    else if (auto* x = dynamic_cast<P::DocIssuedContext*>(item)) {
      once("印发日期 (issued)", x);
      d.issued = date(x->DATE());
      d.issuedSpan = span(x);
    } else if (auto* x = dynamic_cast<P::DocEffectiveContext*>(item)) {
      once("有效期 (effective)", x);
      // `有效期 自 A 至 B`, `有效期 A`, `有效期 至 B`: a lone date after 至 is the end.
      auto dates = x->DATE();
      if (dates.empty())
        diags_.error(diag::kBadDate, span(x), "有效期 (effective) needs a start date, an end date or both")
            .help.push_back("write `有效期 自 2022-01-30 至 2025-12-31`, or `有效期 至 2024-12-31`");
      if (dates.size() == 2) {
        d.effectiveFrom = date(dates[0]);
        d.effectiveTo = date(dates[1]);
      } else if (dates.size() == 1) {
        (x->TO() ? d.effectiveTo : d.effectiveFrom) = date(dates[0]);
      }
      d.effectiveSpan = span(x);
    } else if (auto* x = dynamic_cast<P::DocRoundingContext*>(item)) {
      once("舍入 (rounding)", x);
      d.roundingUnit = quantity(x->QUANTITY());
      d.roundingMode = name(x->name());
    } else if (auto* x = dynamic_cast<P::DocEligibleContext*>(item)) d.eligible.push_back(expr(x->expr()));
    else if (auto* x = dynamic_cast<P::DocTextContext*>(item)) d.text.push_back(joinedText(x->STRING()));
    else if (auto* x = dynamic_cast<P::DocNoteContext*>(item)) d.notes.push_back(text(x->STRING()));
    else if (auto* x = dynamic_cast<P::DocChapterContext*>(item)) chapter(d, x->chapterDecl(), -1);
    else if (auto* x = dynamic_cast<P::DocArticleContext*>(item)) d.articles.push_back(article(x->articleDecl(), -1));
    else if (auto* x = dynamic_cast<P::DocNonstackingContext*>(item)) d.groups.push_back(group(x->nonstackingDecl()));
    else if (auto* x = dynamic_cast<P::DocCapContext*>(item)) d.caps.push_back(cap(x->capDecl()));
    else if (auto* x = dynamic_cast<P::DocFundingContext*>(item)) d.funding.push_back(funding(x->fundingDecl()));
  }

  void chapter(ast::DocumentDecl& d, P::ChapterDeclContext* c, int parent) {
    ast::Chapter ch;
    ch.label = c->name() ? name(c->name()).text : c->QUANTITY()->getText();
    ch.title = optText(c->STRING());
    ch.parent = parent;
    ch.span = span(c);
    int index = static_cast<int>(d.chapters.size());
    d.chapters.push_back(std::move(ch));
    for (auto* item : c->chapterItem()) {
      if (auto* sub = item->chapterDecl()) chapter(d, sub, index);
      else if (auto* a = item->articleDecl()) d.articles.push_back(article(a, index));
      else if (item->TEXT()) d.chapters[index].text.push_back(joinedText(item->STRING()));
      else if (item->NOTE()) d.chapters[index].notes.push_back(text(item->STRING(0)));
    }
  }

  ast::Article article(P::ArticleDeclContext* c, int chapterIndex) {
    ast::Article a;
    a.span = span(c);
    a.headerSpan = Span::cover(span(c->ARTICLE()), span(c->QUANTITY()));
    a.number = wholeNumber(c->QUANTITY(), "an article number");
    a.title = optText(c->STRING());
    a.chapter = chapterIndex;
    for (auto* item : c->articleItem()) {
      if (auto* cl = item->clauseDecl()) a.clauses.push_back(clause(cl));
      else if (item->TEXT()) a.text.push_back(joinedText(item->STRING()));
      else if (item->NOTE()) a.notes.push_back(text(item->STRING(0)));
    }
    return a;
  }

  // `款 3` is 第3款 and `款 3.1` is 第3款第1项; the lexer reads both as one number.
  ast::Clause clause(P::ClauseDeclContext* c) {
    ast::Clause cl;
    cl.span = span(c);
    auto numbers = c->QUANTITY();
    cl.headerSpan = Span::cover(span(c->CLAUSE()), span(numbers.back()));
    cl.title = optText(c->STRING());
    // `款 3.1.2` arrives as the numbers "3.1" and "2": rejoin them so that it is rejected whole.
    std::string num;
    for (auto* q : numbers) num += (num.empty() ? "" : ".") + q->getText();
    auto parts = splitClauseNumber(num);
    if (!parts) {
      diags_.error(diag::kBadClauseNumber, Span::cover(span(numbers.front()), span(numbers.back())),
                   fmt::format("`{}` is not a clause number", num))
          .help.push_back("write `款 3` for 第3款 or `款 3.1` for 第3款第1项");
    } else {
      cl.clause = parts->first;
      cl.item = parts->second;
    }
    for (auto* item : c->clauseItem()) clauseItem(cl, item);
    return cl;
  }

  // Remembers a once-only item; sema reports repeats, pointing at the first.
  void seen(ast::Clause& cl, const char* what, antlr4::ParserRuleContext* ctx) {
    cl.seen.push_back(ast::Clause::Seen{what, span(ctx)});
  }

  void clauseItem(ast::Clause& cl, P::ClauseItemContext* item) {
    if (auto* x = dynamic_cast<P::ClauseTextContext*>(item)) {
      cl.text.push_back(joinedText(x->STRING()));
    } else if (auto* x = dynamic_cast<P::ClauseNoteContext*>(item)) {
      cl.notes.push_back(text(x->STRING()));
    } else if (auto* x = dynamic_cast<P::ClauseSubjectContext*>(item)) {
      seen(cl, "对象 (for)", x);
      cl.subject = name(x->name());
    } else if (auto* x = dynamic_cast<P::ClauseTargetContext*>(item)) {
      seen(cl, "标的 (target)", x);
      cl.target = name(x->name());
    } else if (auto* x = dynamic_cast<P::ClauseKindContext*>(item)) {
      seen(cl, "类别 (kind)", x);
      cl.kind = name(x->name());
    } else if (auto* x = dynamic_cast<P::ClausePayeeContext*>(item)) {
      seen(cl, "受益人 (payee)", x);
      cl.payee = name(x->name());
    } else if (auto* x = dynamic_cast<P::ClauseWhenContext*>(item)) {
      cl.conditions.push_back(expr(x->expr()));
    } else if (auto* x = dynamic_cast<P::ClausePayContext*>(item)) {
      seen(cl, "award", x);
      cl.pay = expr(x->expr());
    } else if (auto* x = dynamic_cast<P::ClauseBenefitContext*>(item)) {
      seen(cl, "award", x);
      cl.benefit = text(x->STRING());
    } else if (auto* x = dynamic_cast<P::ClauseNegotiatedContext*>(item)) {
      seen(cl, "award", x);
      cl.negotiated = true;
      cl.negotiatedBasis = optText(x->STRING());
      cl.negotiatedSpan = span(x);
    } else if (auto* x = dynamic_cast<P::ClauseCapContext*>(item)) {
      seen(cl, "上限 (cap)", x);
      cl.cap = expr(x->expr());
      cl.capLabel = optText(x->STRING());
    } else if (auto* x = dynamic_cast<P::ClauseQuotaContext*>(item)) {
      seen(cl, "名额 (quota)", x);
      cl.quota = expr(x->expr());
      cl.quotaAnnual = x->ANNUAL() != nullptr;
    } else if (auto* x = dynamic_cast<P::ClauseInstallmentsContext*>(item)) {
      seen(cl, "分期 (installments)", x);
      for (auto* e : x->expr()) cl.installments.push_back(expr(e));
    } else if (auto* x = dynamic_cast<P::ClauseTopupContext*>(item)) {
      seen(cl, "晋级补差 (topup)", x);
      cl.topup = true;
      cl.topupSpan = span(x);
    } else if (auto* x = dynamic_cast<P::ClauseOnceContext*>(item)) {
      seen(cl, "一次性 (once)", x);
      cl.once = true;
    } else if (auto* x = dynamic_cast<P::ClauseRelationContext*>(item)) {
      cl.relations.push_back(ast::Relation{clauseRef(x->clauseRef()), text(x->STRING()), span(x)});
    }
  }

  ast::ClauseRef clauseRef(P::ClauseRefContext* c) {
    ast::ClauseRef r;
    r.span = span(c);
    if (auto* x = dynamic_cast<P::CiteChineseContext*>(c)) {
      r.document = optName(x->name());
      parseCitation(x->CITATION()->getText(), r.article, r.clause, r.item);
    } else if (auto* x = dynamic_cast<P::CiteAtContext*>(c)) {
      r.document = optName(x->name());
      // @3.3.1 arrives as the numbers "3.3" and "1": rejoin and split on dots.
      std::string joined;
      for (auto* q : x->QUANTITY()) joined += (joined.empty() ? "" : ".") + q->getText();
      auto nums = splitDotted(joined);
      if (nums.empty() || nums.size() > 3) {
        diags_.error(diag::kBadClauseNumber, r.span, "a citation is `@条`, `@条.款` or `@条.款.项`");
      } else {
        r.article = nums[0];
        if (nums.size() > 1) r.clause = nums[1];
        if (nums.size() > 2) r.item = nums[2];
      }
    }
    return r;
  }

  ast::NonStackingGroup group(P::NonstackingDeclContext* c) {
    ast::NonStackingGroup g;
    g.name = name(c->name());
    g.span = span(c);
    for (auto* item : c->groupItem()) {
      if (auto* x = dynamic_cast<P::GroupTextContext*>(item)) g.text.push_back(joinedText(x->STRING()));
      else if (auto* x = dynamic_cast<P::GroupNoteContext*>(item)) g.notes.push_back(text(x->STRING()));
      else if (auto* x = dynamic_cast<P::GroupScopeDocumentContext*>(item)) setScope(g, ast::NonStackingGroup::Scope::Document, span(x));
      else if (auto* x = dynamic_cast<P::GroupScopeAllContext*>(item)) setScope(g, ast::NonStackingGroup::Scope::All, span(x));
      else if (auto* x = dynamic_cast<P::GroupScopeClausesContext*>(item)) {
        setScope(g, ast::NonStackingGroup::Scope::Clauses, span(x));
        for (auto* r : x->clauseRef()) g.clauses.push_back(clauseRef(r));
      } else if (dynamic_cast<P::GroupTakeHighestContext*>(item)) g.takeHighest = true;
      else if (auto* x = dynamic_cast<P::GroupPerContext*>(item)) {
        for (auto* key : x->perKey()) {
          if (key->ITEM()) g.perItem = true;
          else g.per.push_back(name(key->name()));
        }
      }
      else if (dynamic_cast<P::GroupSameTargetContext*>(item)) g.sameTarget = true;
      else if (auto* x = dynamic_cast<P::GroupExceptKindContext*>(item)) {
        for (auto* n : x->name()) g.exceptKinds.push_back(name(n));
      } else if (auto* x = dynamic_cast<P::GroupPreferContext*>(item)) {
        for (auto* n : x->name()) g.prefer.push_back(name(n));
      }
    }
    return g;
  }

  void setScope(ast::NonStackingGroup& g, ast::NonStackingGroup::Scope scope, Span where) {
    if (g.scope != ast::NonStackingGroup::Scope::Unspecified) {
      diags_.error(diag::kRepeatedItem, where, "a non-stacking group has one 范围 (scope)")
          .notes.push_back(DiagNote{g.scopeSpan, "the first 范围 is here"});
      return;
    }
    g.scope = scope;
    g.scopeSpan = where;
  }

  ast::CapDecl cap(P::CapDeclContext* c) {
    ast::CapDecl k;
    k.name = name(c->name(0));
    k.amount = expr(c->expr());
    k.per = name(c->name(1));
    if (c->CUMULATIVE()) k.period = ast::CapDecl::Period::Cumulative;
    if (c->ANNUAL()) k.period = ast::CapDecl::Period::Annual;
    for (auto* r : c->clauseRef()) k.covers.push_back(clauseRef(r));
    for (auto* item : c->capItem()) {
      if (item->TEXT()) k.text.push_back(joinedText(item->STRING()));
      else if (item->NOTE()) k.notes.push_back(text(item->STRING(0)));
    }
    k.span = span(c);
    return k;
  }

  ast::Funding funding(P::FundingDeclContext* c) {
    ast::Funding f;
    f.span = span(c);
    for (auto* item : c->fundingItem()) {
      if (auto* x = dynamic_cast<P::FundingTextContext*>(item)) f.text.push_back(joinedText(x->STRING()));
      else if (auto* x = dynamic_cast<P::FundingNoteContext*>(item)) f.notes.push_back(text(x->STRING()));
      else if (auto* x = dynamic_cast<P::FundingRuleContext*>(item)) f.rules.push_back(fundingRule(x));
    }
    return f;
  }

  // `辖区（所在地）` lexes as one name, since names keep their full-width brackets (首台（套）): a
  // payer written so is the label 辖区 paid by the district the fact 所在地 names (docs/language.md
  // §10). A name in backticks stays a plain label, brackets and all. `辖区(所在地)`, typed with
  // ASCII brackets, is the grammar's label and fact already.
  ast::Payer payer(P::PayerContext* x) {
    ast::Payer p = payerParts(x);
    p.written = written(x);
    return p;
  }

  // The source text of `x` as written, spaces and all.
  static std::string written(antlr4::ParserRuleContext* x) {
    return x->getStart()->getInputStream()->getText(
        antlr4::misc::Interval(x->getStart()->getStartIndex(), x->getStop()->getStopIndex()));
  }

  ast::Payer payerParts(P::PayerContext* x) {
    std::vector<P::NameContext*> names = x->name();
    if (names.size() == 2) {
      ast::Name fact = name(names[1]);
      auto e = std::make_unique<ast::Expr>();
      e->kind = ast::ExprKind::Path;
      e->span = fact.span;
      e->path.push_back(std::move(fact));
      return ast::Payer{name(names[0]), std::move(e), span(x), {}};
    }
    P::NameContext* ctx = names[0];
    ast::Payer p{name(ctx), nullptr, span(x), {}};
    if (ctx->BACKTICK_IDENT()) return p;
    const std::u32string text = decodeUtf8(p.name.text);
    const std::size_t open = text.find(U'（');
    if (open == 0 || open == std::u32string::npos || text.back() != U'）' || open + 2 >= text.size()) return p;
    const std::u32string fact = text.substr(open + 1, text.size() - open - 2);
    if (fact.find_first_of(U"（）") != std::u32string::npos) return p;
    const std::uint32_t begin = p.name.span.begin;
    auto e = std::make_unique<ast::Expr>();
    e->kind = ast::ExprKind::Path;
    e->span = Span{file_, begin + static_cast<std::uint32_t>(open + 1), p.name.span.end - 1};
    e->path.push_back(ast::Name{encodeUtf8(fact), e->span});
    p.fact = std::move(e);
    p.name = ast::Name{encodeUtf8(text.substr(0, open)), Span{file_, begin, begin + static_cast<std::uint32_t>(open)}};
    return p;
  }

  ast::FundingRule fundingRule(P::FundingRuleContext* x) {
    ast::FundingRule r;
    r.span = span(x);
    if (x->expr()) r.condition = expr(x->expr());
    for (auto* n : x->name()) r.kinds.push_back(name(n));
    r.arrangement = optText(x->STRING());
    if (auto* shares = dynamic_cast<P::FundingSharesContext*>(x->fundingSplit())) {
      for (auto* s : shares->share())
        r.shares.push_back(ast::Share{payer(s->payer()), s->expr() ? expr(s->expr()) : nullptr, span(s)});
    } else if (auto* ratio = dynamic_cast<P::FundingRatioContext*>(x->fundingSplit())) {
      for (auto* n : ratio->payer()) r.ratioPayers.push_back(payer(n));
      r.ratio = ratio->RATIO()->getText();
      r.ratioSpan = span(ratio->RATIO());
    }
    return r;
  }

  // ---- expressions ------------------------------------------------------------------------------
  ast::ExprPtr node(ast::ExprKind kind, antlr4::ParserRuleContext* ctx) const {
    auto e = std::make_unique<ast::Expr>();
    e->kind = kind;
    e->span = span(ctx);
    return e;
  }

  ast::ExprPtr quantity(antlr4::tree::TerminalNode* q) {
    auto e = std::make_unique<ast::Expr>();
    e->kind = ast::ExprKind::Quantity;
    e->span = span(q);
    splitQuantity(q->getText(), e->number, e->unit);
    return e;
  }

  // `x 超 y`, and the postfix forms `x 达 y 以上`, `x 在 y 以下` (§7.4): the grammar parses the
  // postfix word as a suffix of the bound, whatever comes before it; the rules are checked here.
  ast::ExprPtr comparison(P::CompareExprContext* x) {
    using L = gen::PolcLexer;
    std::size_t op = dynamic_cast<antlr4::tree::TerminalNode*>(x->children[1])->getSymbol()->getType();
    auto* postfix = dynamic_cast<P::PostfixExprContext*>(x->expr(1));
    bool directed = op == L::REACH || op == L::AT_POS;
    if (!directed || !postfix) {
      auto e = binary(ast::ExprKind::Compare, x, x->expr());
      e->cmp = cmpOf(op);
      // 在 (at) alone gives no direction. `在 1000万元 至 3000万元`, the text's band, has two bounds:
      // it is two comparisons.
      auto* band = op == L::AT_POS ? dynamic_cast<P::RangeExprContext*>(x->expr(1)) : nullptr;
      if (band) {
        const std::string value = written(x->expr(0));
        diags_.error(diag::kMissingToken, span(x), "a band `在 … 至 …` is written as two comparisons")
            .help.push_back(fmt::format("with both bounds included: `{} 不低于 {} 且 {} 不超过 {}`", value, written(band->expr(0)), value,
                                        written(band->expr(1))));
      } else if (op == L::AT_POS) {
        diags_.error(diag::kMissingToken, span(x), "`在 …` needs `以上`, `以下` or `以内` after its bound")
            .help.push_back("`在 3年 以下` is at most 3年, `在 3年 以上` at least 3年");
      }
      return e;
    }
    auto e = binary(ast::ExprKind::Compare, x, {x->expr(0), postfix->expr()});
    e->cmp = postfix->BELOW() ? ast::CmpOp::Le : ast::CmpOp::Ge;
    // 达 (reach) points upwards: `达 X 以下` says two opposite things.
    if (op == L::REACH && postfix->BELOW())
      diags_.error(diag::kUnexpectedToken, span(postfix->BELOW()),
                   fmt::format("`达 … {}` is contradictory", postfix->BELOW()->getText()))
          .help.push_back(fmt::format("write `在 … {}` for at most, or `达 … 以上` for at least",
                                      postfix->BELOW()->getText()));
    return e;
  }

  // A postfix word anywhere but after the bound of 达 or 在 (`超 500万元 以上`).
  ast::ExprPtr strayPostfix(P::PostfixExprContext* x) {
    auto* word = x->ABOVE() ? x->ABOVE() : x->BELOW();
    diags_.error(diag::kUnexpectedToken, span(word), fmt::format("unexpected `{}`", word->getText()))
        .help.push_back(postfixAfterOtherComparisonHelp(word->getText(), x->ABOVE() != nullptr));
    return expr(x->expr());
  }

  static ast::CmpOp cmpOf(std::size_t tokenType) {
    using L = gen::PolcLexer;
    switch (tokenType) {
      case L::GT: return ast::CmpOp::Gt;
      case L::GE:
      case L::REACH: return ast::CmpOp::Ge;
      case L::LE: return ast::CmpOp::Le;
      case L::LT: return ast::CmpOp::Lt;
      case L::NE: return ast::CmpOp::Ne;
      default: return ast::CmpOp::Eq;
    }
  }

  ast::ExprPtr binary(ast::ExprKind kind, antlr4::ParserRuleContext* ctx,
                      const std::vector<P::ExprContext*>& operands) {
    auto e = node(kind, ctx);
    for (auto* o : operands) e->kids.push_back(expr(o));
    return e;
  }

  ast::ExprPtr expr(P::ExprContext* c) {
    // ANTLR parses `1 + 1 + … + 1` with a loop, but the tree it builds is as deep as the chain is
    // long; the walk below is recursive, so an absurd chain is refused instead of overflowing.
    if (depth_ >= kMaxExprDepth) {
      if (!tooDeepReported_)
        diags_.error(diag::kTooDeep, span(c),
                     fmt::format("an expression of more than {} operators (nested, or in one chain)", kMaxExprDepth));
      tooDeepReported_ = true;
      return node(ast::ExprKind::Bool, c);
    }
    ++depth_;
    auto e = exprAt(c);
    --depth_;
    return e;
  }

  ast::ExprPtr exprAt(P::ExprContext* c) {
    using K = ast::ExprKind;
    if (auto* x = dynamic_cast<P::PrimaryExprContext*>(c)) return primary(x->primary());
    if (auto* x = dynamic_cast<P::AtExprContext*>(c)) return binary(K::At, x, x->expr());
    if (auto* x = dynamic_cast<P::NegExprContext*>(c)) return binary(K::Neg, x, {x->expr()});
    if (auto* x = dynamic_cast<P::NewlyExprContext*>(c)) return binary(K::Newly, x, {x->expr()});
    if (auto* x = dynamic_cast<P::MulExprContext*>(c)) {
      auto e = binary(K::Arith, x, x->expr());
      e->arith = x->STAR() ? ast::ArithOp::Mul : ast::ArithOp::Div;
      return e;
    }
    if (auto* x = dynamic_cast<P::AddExprContext*>(c)) {
      auto e = binary(K::Arith, x, x->expr());
      e->arith = x->PLUS() ? ast::ArithOp::Add : ast::ArithOp::Sub;
      return e;
    }
    if (auto* x = dynamic_cast<P::RangeExprContext*>(c)) return binary(K::Range, x, x->expr());
    if (auto* x = dynamic_cast<P::CapExprContext*>(c)) return binary(K::Cap, x, x->expr());
    if (auto* x = dynamic_cast<P::UpToExprContext*>(c)) return binary(K::UpTo, x, {x->expr()});
    if (auto* x = dynamic_cast<P::CompareExprContext*>(c)) return comparison(x);
    if (auto* x = dynamic_cast<P::PostfixExprContext*>(c)) return strayPostfix(x);
    if (auto* x = dynamic_cast<P::FirstOverExprContext*>(c)) return binary(K::FirstOver, x, x->expr());
    if (auto* x = dynamic_cast<P::MemberExprContext*>(c)) {
      auto e = binary(K::Member, x, x->expr());
      e->negated = x->NOTIN() != nullptr;
      return e;
    }
    if (auto* x = dynamic_cast<P::HasExprContext*>(c)) return binary(K::Has, x, x->expr());
    if (auto* x = dynamic_cast<P::NotExprContext*>(c)) return binary(K::Not, x, {x->expr()});
    if (auto* x = dynamic_cast<P::AndExprContext*>(c)) return binary(K::And, x, x->expr());
    if (auto* x = dynamic_cast<P::OrExprContext*>(c)) return binary(K::Or, x, x->expr());
    if (auto* x = dynamic_cast<P::IfExprContext*>(c)) return binary(K::If, x, x->expr());
    // Unreachable on a tree without syntax errors; an empty literal keeps later passes safe.
    return node(K::Bool, c);
  }

  ast::ExprPtr primary(P::PrimaryContext* c) {
    using K = ast::ExprKind;
    if (auto* x = dynamic_cast<P::QuantityLitContext*>(c)) return quantity(x->QUANTITY());
    if (auto* x = dynamic_cast<P::RatioLitContext*>(c)) {
      auto e = node(K::Ratio, x);
      e->number = x->getText();
      return e;
    }
    if (auto* x = dynamic_cast<P::StringLitContext*>(c)) {
      auto e = node(K::String, x);
      e->text = unquoteString(x->getText());
      return e;
    }
    if (auto* x = dynamic_cast<P::DateLitContext*>(c)) {
      auto e = node(K::Date, x);
      e->text = date(x->DATE());
      return e;
    }
    if (auto* x = dynamic_cast<P::BoolLitContext*>(c)) {
      auto e = node(K::Bool, x);
      e->boolValue = x->TRUE() != nullptr;
      return e;
    }
    if (auto* x = dynamic_cast<P::PathRefContext*>(c)) {
      auto e = node(K::Path, x);
      for (auto* n : x->name()) e->path.push_back(name(n));
      return e;
    }
    if (auto* x = dynamic_cast<P::CallExprContext*>(c)) {
      auto e = node(K::Call, x);
      e->path.push_back(name(x->name()));
      for (auto* a : x->expr()) e->kids.push_back(expr(a));
      return e;
    }
    if (auto* x = dynamic_cast<P::ParenExprContext*>(c)) {
      auto inner = expr(x->expr());
      inner->span = span(x);  // carets under `(a + b)` include the parentheses
      return inner;
    }
    if (auto* x = dynamic_cast<P::SetLitContext*>(c)) {
      auto e = node(K::SetLit, x);
      for (auto* n : x->name()) e->path.push_back(name(n));
      return e;
    }
    if (auto* x = dynamic_cast<P::TiersExprContext*>(c)) {
      auto e = node(K::Tiers, x);
      e->kids.push_back(expr(x->expr()));
      if (x->FIRSTOVER()) e->tiersFirstOver = true;
      else if (x->HAS()) e->tiersHas = true;
      else if (x->GT() || x->GE() || x->LE() || x->LT() || x->EQ() || x->REACH()) {
        auto* op = x->GT() ? x->GT() : x->GE() ? x->GE() : x->LE() ? x->LE()
                 : x->LT() ? x->LT() : x->EQ() ? x->EQ() : x->REACH();
        e->tiersCmp = cmpOf(op->getSymbol()->getType());
      }
      for (auto* t : x->tierEntry()) e->entries.push_back(entry(t->expr(0), t->expr(1), t));
      return e;
    }
    if (auto* x = dynamic_cast<P::CasesExprContext*>(c)) {
      auto e = node(K::Cases, x);
      for (auto* ce : x->caseEntry()) {
        auto exprs = ce->expr();
        if (ce->OTHERWISE()) e->entries.push_back(ast::Entry{nullptr, expr(exprs[0]), span(ce)});
        else e->entries.push_back(entry(exprs[0], exprs[1], ce));
      }
      return e;
    }
    if (auto* x = dynamic_cast<P::MarginalExprContext*>(c)) {
      auto e = node(K::Marginal, x);
      e->kids.push_back(expr(x->expr()));
      for (auto* t : x->tierEntry()) e->entries.push_back(entry(t->expr(0), t->expr(1), t));
      return e;
    }
    if (auto* x = dynamic_cast<P::StepsExprContext*>(c)) {
      auto e = node(K::Steps, x);
      for (auto* a : x->expr()) e->kids.push_back(expr(a));
      return e;
    }
    return node(K::Bool, c);
  }

  ast::Entry entry(P::ExprContext* key, P::ExprContext* value, antlr4::ParserRuleContext* whole) {
    return ast::Entry{expr(key), expr(value), span(whole)};
  }

  int wholeNumber(antlr4::tree::TerminalNode* q, const char* what) {
    auto nums = splitDotted(q->getText());
    if (nums.size() != 1) {
      diags_.error(diag::kBadClauseNumber, span(q),
                   fmt::format("`{}` is not {}", q->getText(), what));
      return 0;
    }
    return nums[0];
  }

  static constexpr int kMaxExprDepth = 1000;
  FileId file_;
  DiagnosticEngine& diags_;
  int depth_ = 0;
  bool tooDeepReported_ = false;
};

}  // namespace

std::unique_ptr<ast::File> buildAst(gen::PolcParser::FileContext* tree, FileId file,
                                    DiagnosticEngine& diags) {
  return Builder(file, diags).file(tree);
}

}  // namespace polc
