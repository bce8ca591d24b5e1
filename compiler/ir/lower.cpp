// Checked model → IR. Every name is already resolved in the AST's sema annotations; this pass copies
// what the IR needs, converts literals to exact decimals and re-resolves document-level
// expressions for each clause subject.
#include <algorithm>

#include <fmt/format.h>

#include "ir/lower.h"
#include "ir/source_line.h"
#include "sema/context.h"
#include "sema/expr_checker.h"
#include "support/diag_codes.h"
#include "syntax/literals.h"

namespace polc::ir {

std::optional<Decimal> literalDecimal(const LiteralValue& v) {
  auto d = Decimal::parse(v.digits);
  if (!d) return std::nullopt;
  Decimal out;
  if (shift(*d, v.pow10, out) != polrt::ArithError::None) return std::nullopt;
  if (v.scaleNum != 1 && mulInt(out, v.scaleNum, out) != polrt::ArithError::None) return std::nullopt;
  if (v.scaleDen != 1) {
    Decimal q, back, den = Decimal::fromInt(v.scaleDen);
    if (div(out, den, Decimal::kMaxScale, polrt::RoundingMode::HalfEven, q) != polrt::ArithError::None)
      return std::nullopt;
    if (mul(q, den, back) != polrt::ArithError::None || back != out) return std::nullopt;
    out = q;
  }
  return out.normalized();
}

namespace {

using K = ast::ExprKind;

polrt::RoundingMode roundingMode(const std::string& name) {
  using M = polrt::RoundingMode;
  if (name == "half_up" || name == "四舍五入") return M::HalfUp;
  if (name == "half_even" || name == "银行家舍入") return M::HalfEven;
  if (name == "down" || name == "舍去") return M::Down;
  if (name == "up" || name == "进一") return M::Up;
  if (name == "floor" || name == "向下取整") return M::Floor;
  return M::Ceiling;
}

std::string joinTexts(const std::vector<ast::Text>& texts) {
  std::string out;
  for (const auto& t : texts) out += t.value;
  return out;
}

class Lowerer {
 public:
  Lowerer(sema::Model& m, DiagnosticEngine& diags) : m_(m), diags_(diags) {}

  std::unique_ptr<Program> run() {
    auto p = std::make_unique<Program>();
    p_ = p.get();
    p->baseUnits = m_.baseUnits;
    for (const auto& e : m_.enums) {
      if (e.members.size() > static_cast<std::size_t>(kMaxEnumMembers))
        diags_.error(diag::kTooManyMembers, e.decl->name.span,
                     fmt::format("enum `{}` has {} values; the evaluator supports at most {}", e.name,
                                 e.members.size(), kMaxEnumMembers));
      p->enums.push_back(Enum{e.name, e.ordered, e.members});
    }
    for (const auto& t : m_.targets) p->targets.push_back(Label{t.name, t.description});
    for (const auto& k : m_.kinds) p->kinds.push_back(Label{k.name, k.description});
    subjects();
    parameters();
    for (std::size_t d = 0; d < m_.documents.size(); ++d) document(static_cast<int>(d));
    for (std::size_t c = 0; c < m_.clauses.size(); ++c) clause(static_cast<int>(c));
    groups();
    caps();
    if (diags_.hasErrors()) return nullptr;
    markNeedsFirst(*p);
    markPolarity(*p);
    return p;
  }

 private:
  // ---- expressions --------------------------------------------------------------------------------
  std::string source(Span s) const {
    if (!m_.sources || !m_.sources->contains(s)) return "";
    return m_.sources->file(s.file).slice(s.begin, s.end);
  }

  Decimal literal(const ast::Expr& e) {
    auto d = literalDecimal(e.sema.literal);
    if (!d) {
      // Too large (beyond 2^127 - 1 in its smallest unit, about 1.7 × 10^38) or too fine (more than
      // 18 decimals, or a ratio such as 1:3): say which, so that a 40-digit amount is not taken
      // for a rounding problem.
      const auto& lit = e.sema.literal;
      std::size_t point = lit.digits.find('.');
      long intDigits = static_cast<long>(point == std::string::npos ? lit.digits.size() : point) -
                       (!lit.digits.empty() && lit.digits[0] == '-') + lit.pow10 +
                       static_cast<long>(std::to_string(lit.scaleNum).size()) - 1;
      bool tooLarge = intDigits >= 39;
      diags_.error(diag::kInexactLiteral, e.span,
                   tooLarge ? fmt::format("`{}` is beyond the range of exact amounts (about 1.7 × 10^38, "
                                          "with at most 18 decimals)",
                                          source(e.span))
                            : fmt::format("`{}` has no exact decimal value of at most 18 decimals", source(e.span)));
      return Decimal();
    }
    return *d;
  }

  Bits memberBits(int en, const std::vector<ast::Name>& names) const {
    Bits bits;
    if (en < 0) return 0;
    const auto& ms = m_.enums[en].members;
    for (const auto& n : names) {
      auto it = std::find(ms.begin(), ms.end(), n.text);
      if (it != ms.end() && it - ms.begin() < kMaxEnumMembers) bits.set(it - ms.begin());
    }
    return bits;
  }

  Expr expr(const ast::Expr& e) {
    Expr out;
    out.type = e.sema.type;
    out.span = e.span;
    out.source = oneLine(source(e.span));
    auto kids = [&] {
      for (const auto& k : e.kids) out.kids.push_back(expr(*k));
    };
    auto factOf = [&](const ast::Expr& x) {
      out.subject = x.sema.subject;
      out.fact = x.sema.fact;
      if (out.subject >= 0) out.name = m_.subjects[out.subject].facts[out.fact].name;
    };
    switch (e.kind) {
      case K::Quantity:
      case K::Ratio:
        out.op = Op::Const;
        out.value = Value::num(literal(e));
        break;
      case K::String:
        out.op = Op::Const;
        out.value = Value::string(e.text);
        break;
      case K::Date:
        out.op = Op::Const;
        out.value = Value::date(parseDate(e.text.empty() ? e.number : e.text).value_or(0));
        break;
      case K::Bool:
        out.op = Op::Const;
        out.value = Value::boolean(e.boolValue);
        break;
      case K::Path:
        switch (e.sema.ref) {
          case RefKind::Fact:
            out.op = Op::Fact;
            factOf(e);
            break;
          case RefKind::EnumMember:
            out.op = Op::Const;
            out.value = Value::enumValue(e.sema.member);
            break;
          case RefKind::Set: {
            out.op = Op::Const;
            Bits bits;
            for (int mbr : m_.sets[e.sema.set].members)
              if (mbr < kMaxEnumMembers) bits.set(mbr);
            out.value = Value::set(bits);
            break;
          }
          case RefKind::Parameter:
            out.op = Op::ParamAt;
            out.param = e.sema.parameter;
            out.name = m_.parameters[out.param].name;
            break;
          default:
            diags_.error(diag::kNotConstant, e.span, "internal: an unresolved name reached lowering");
        }
        break;
      case K::Call:
        switch (e.sema.builtin) {
          case Builtin::Previous: out.op = Op::Previous; break;
          case Builtin::Increase: out.op = Op::Increase; break;
          case Builtin::HistoryMax: out.op = Op::HistoryMax; break;
          case Builtin::Min: out.op = Op::Min; break;
          case Builtin::Max: out.op = Op::Max; break;
          case Builtin::None: break;
        }
        kids();
        if (out.op != Op::Min && out.op != Op::Max) factOf(*e.kids[0]);
        break;
      case K::SetLit:
        out.op = Op::Const;
        out.value = Value::set(memberBits(e.sema.type.enumIndex, e.path));
        break;
      case K::Neg: out.op = Op::Neg; kids(); break;
      case K::Newly: out.op = Op::Newly; kids(); break;
      case K::Arith: out.op = Op::Arith; out.arith = e.arith; kids(); break;
      case K::Range:
        out.op = Op::Range;
        kids();
        emptyRange(e, out);
        break;
      case K::Cap: out.op = Op::Cap; kids(); break;
      case K::UpTo: out.op = Op::UpTo; kids(); break;
      case K::Compare: out.op = Op::Compare; out.cmp = e.cmp; kids(); break;
      case K::FirstOver:
        out.op = Op::FirstOver;
        kids();
        factOf(*e.kids[0]);
        break;
      case K::Member: out.op = Op::Member; out.negated = e.negated; kids(); break;
      case K::Has: out.op = Op::Has; kids(); break;
      case K::Not: out.op = Op::Not; kids(); break;
      case K::And: out.op = Op::And; kids(); break;
      case K::Or: out.op = Op::Or; kids(); break;
      case K::If: out.op = Op::If; kids(); break;
      case K::At:
        out.op = Op::ParamAt;
        out.param = e.kids[0]->sema.parameter;
        out.name = out.param >= 0 ? m_.parameters[out.param].name : "";
        out.kids.push_back(expr(*e.kids[1]));
        break;
      case K::Tiers: {
        out.op = Op::Tiers;
        kids();
        TypeKind xk = e.kids[0]->sema.type.kind;
        if (e.tiersFirstOver) {
          out.tierMode = TierMode::FirstOver;
          factOf(*e.kids[0]);
        } else if (e.tiersHas || (!e.tiersCmp && (xk == TypeKind::Set || xk == TypeKind::Recognition))) {
          out.tierMode = TierMode::Has;
        } else if (e.tiersCmp) {
          out.tierMode = TierMode::Compare;
          out.cmp = *e.tiersCmp;
        } else {
          out.tierMode = TierMode::Equal;
        }
        entries(e, out);
        break;
      }
      case K::Cases: out.op = Op::Cases; entries(e, out); break;
      case K::Marginal: out.op = Op::Marginal; kids(); entries(e, out); break;
      case K::Steps: out.op = Op::Steps; kids(); break;
    }
    return out;
  }

  // `5万元 至 1万元`: with both ends written out, a reversed range is the writer's slip, known now;
  // left to evaluation it fails every applicant the clause applies to, or — multiplied by a
  // count, whose product takes the smaller end first — pays the swapped range silently.
  void emptyRange(const ast::Expr& e, const Expr& out) {
    const Expr& lo = out.kids[0];
    const Expr& hi = out.kids[1];
    if (lo.op != Op::Const || hi.op != Op::Const || lo.value.type != VType::Num || hi.value.type != VType::Num) return;
    if (lo.value.lo > hi.value.lo)
      diags_.error(diag::kEmptyRange, e.span,
                   fmt::format("the range `{}` is empty: {} is above {}", source(e.span), source(e.kids[0]->span),
                               source(e.kids[1]->span)));
  }

  void entries(const ast::Expr& e, Expr& out) {
    for (const auto& en : e.entries) {
      Entry x;
      if (en.key) x.key.push_back(expr(*en.key));
      x.value.push_back(expr(*en.value));
      out.entries.push_back(std::move(x));
    }
  }

  // A value known at compile time: a literal, an enum value, a set, or a negated literal.
  std::optional<Value> constant(const ast::Expr& e) {
    Expr x = expr(e);
    if (x.op == Op::Const) return x.value;
    if (x.op == Op::Neg && x.kids[0].op == Op::Const && x.kids[0].value.type == VType::Num)
      return Value::num(x.kids[0].value.lo.negated());
    diags_.error(diag::kNotConstant, e.span, fmt::format("`{}` must be a constant here", source(e.span)));
    return std::nullopt;
  }

  // Lowers a document-level expression for one subject: re-check it in that scope first.
  Expr forSubject(ast::Expr& e, int subject, bool condition = true) {
    DiagnosticEngine scratch;
    sema::Context cx{m_, scratch};
    sema::ExprChecker checker(cx);
    if (condition) checker.checkCondition(e, sema::Scope{subject, {}});
    else checker.check(e, sema::Scope{subject, {}});
    if (scratch.hasErrors())
      diags_.error(diag::kNotConstant, e.span,
                   fmt::format("`{}` does not resolve for {}: {}", source(e.span), m_.subjects[subject].name,
                               scratch.all().front().message));
    return expr(e);
  }

  // ---- schema -------------------------------------------------------------------------------------
  void subjects() {
    for (const auto& s : m_.subjects) {
      Subject out;
      out.name = s.name;
      out.owner = s.owner;
      for (const auto& f : s.facts) {
        FactSlot slot;
        slot.name = f.name;
        slot.type = f.type;
        slot.history = f.history;
        slot.required = f.required;
        if (f.decl->description) slot.description = f.decl->description->value;
        if (f.decl->defaultValue) slot.defaultValue = constant(*f.decl->defaultValue);
        bounds(f, slot);
        contradictions(f, slot);
        out.facts.push_back(std::move(slot));
      }
      p_->subjects.push_back(std::move(out));
    }
  }

  void bounds(const sema::FactInfo& f, FactSlot& slot) {
    if (!f.type.isNumber()) return;
    // A quantity with a unit, or a count (计数), is never negative.
    const bool nonNegative = !f.type.dim.dimensionless() || f.type.integer;
    if (nonNegative) slot.min = Decimal();
    const auto* range = f.decl->range.get();
    if (!range || range->kind != ast::ExprKind::Range || range->kids.size() != 2) return;
    auto lo = constant(*range->kids[0]);
    auto hi = constant(*range->kids[1]);
    if (!lo || !hi || lo->type != VType::Num || hi->type != VType::Num) return;
    if (lo->lo > hi->lo) {
      diags_.error(diag::kEmptyRange, range->span,
                   fmt::format("the range of {} is empty: {} is above {}", f.name, source(range->kids[0]->span),
                               source(range->kids[1]->span)));
      return;
    }
    // Below 0 it would take values no reader accepts (and quote a range the value is in).
    if (nonNegative && lo->lo.isNegative()) {
      diags_.error(diag::kEmptyRange, range->kids[0]->span,
                   fmt::format("the range of {} starts below 0, which {} never is", f.name,
                               f.type.integer && f.type.dim.dimensionless() ? "a count" : "a quantity with a unit"));
      return;
    }
    // A count takes whole numbers only: a fractional end would be quoted by every reader's message
    // as a value it could take, and the checker would reason up to it.
    for (int end = 0; end < 2 && f.type.integer; ++end)
      if (const Decimal& v = end == 0 ? lo->lo : hi->lo; !v.isInteger()) {
        diags_.error(diag::kFactContradicts, range->kids[static_cast<std::size_t>(end)]->span,
                     fmt::format("the range of {}, a count, ends at {}, which is not a whole number", f.name,
                                 source(range->kids[static_cast<std::size_t>(end)]->span)));
        return;
      }
    slot.min = slot.min ? polrt::max(*slot.min, lo->lo) : lo->lo;
    slot.max = hi->lo;
    slot.rangeText = source(range->span);
  }

  // A declaration that contradicts itself: the evaluators would part ways on it (a default the
  // generated code refuses where a clause reads it, but the others use; a required fact that the
  // generated code cannot tell from its default).
  void contradictions(const sema::FactInfo& f, const FactSlot& slot) {
    if (f.required && f.decl->defaultValue)
      diags_.error(diag::kFactContradicts, f.decl->defaultValue->span,
                   fmt::format("{} is required (必填) and has a default: a fact that must be given needs none", f.name));
    if (!slot.defaultValue || slot.defaultValue->type != VType::Num) return;
    const Decimal d = slot.defaultValue->lo;
    const bool whole = !f.type.integer || d.isInteger();
    if (whole && !(slot.min && d < *slot.min) && !(slot.max && d > *slot.max)) return;
    diags_.error(diag::kFactContradicts, f.decl->defaultValue->span,
                 fmt::format("the default of {}, {}, is a value no reader accepts for it ({})", f.name,
                             source(f.decl->defaultValue->span),
                             !whole                ? "not a whole number"
                             : slot.rangeText.empty() ? "it is never negative"
                                                      : "outside 取值 " + slot.rangeText));
  }

  void parameters() {
    for (const auto& prm : m_.parameters) {
      Parameter out;
      out.name = prm.name;
      out.type = prm.type;
      for (const auto& entry : prm.decl->entries) {
        auto v = constant(*entry.value);
        if (!v) continue;
        out.entries.push_back(ParamEntry{parseDate(entry.date).value_or(0), entry.date, *v});
      }
      p_->parameters.push_back(std::move(out));
    }
  }

  // ---- documents and clauses ----------------------------------------------------------------------
  void document(int d) {
    const sema::DocumentInfo& info = m_.documents[d];
    const ast::DocumentDecl& decl = *info.decl;
    Document out;
    out.name = info.name;
    out.number = info.displayNumber;
    if (decl.title) out.title = decl.title->value;
    if (decl.effectiveFrom) out.effectiveFrom = parseDate(*decl.effectiveFrom);
    if (decl.effectiveTo) out.effectiveTo = parseDate(*decl.effectiveTo);
    if (decl.effectiveFrom || decl.effectiveTo)
      out.effectiveText = decl.effectiveFrom.value_or("…") + " 至 " + decl.effectiveTo.value_or("…");
    if (decl.roundingUnit && decl.roundingMode) {
      out.rounding.present = true;
      out.rounding.unit = literal(*decl.roundingUnit);
      out.rounding.mode = roundingMode(decl.roundingMode->text);
      out.rounding.text = source(decl.roundingUnit->span) + " " + decl.roundingMode->text;
      if (out.rounding.unit.sign() <= 0)
        diags_.error(diag::kNotConstant, decl.roundingUnit->span, "a rounding unit must be positive");
    }
    for (const auto& f : decl.funding) {
      if (!f.text.empty()) out.fundingText.push_back(joinTexts(f.text));
      for (const auto& n : f.notes) out.fundingNotes.push_back(n.value);
      for (const auto& rule : f.rules) {
        FundingRule r;
        r.otherwise = !rule.condition && rule.kinds.empty();
        for (const auto& k : rule.kinds)
          if (auto it = m_.kindIndex.find(k.text); it != m_.kindIndex.end()) r.kinds.push_back(it->second);
        if (rule.arrangement) r.arrangement = rule.arrangement->value;
        r.source = oneLine(source(rule.span));
        for (const auto& share : rule.shares) {
          Share s{share.payer.name.text, std::nullopt};
          if (share.amount) {
            auto v = constant(*share.amount);
            if (v && v->type == VType::Num) s.proportion = v->lo;
          }
          r.shares.push_back(std::move(s));
        }
        for (const auto& n : rule.ratioPayers) r.ratioPayers.push_back(n.name.text);
        std::size_t start = 0;
        while (!rule.ratio.empty()) {
          std::size_t colon = rule.ratio.find(':', start);
          auto part = Decimal::parse(rule.ratio.substr(start, colon == std::string::npos ? std::string::npos : colon - start));
          r.ratio.push_back(part.value_or(Decimal()));
          if (colon == std::string::npos) break;
          start = colon + 1;
        }
        out.funding.push_back(std::move(r));
      }
    }
    out.clauses = info.clauses;
    p_->documents.push_back(std::move(out));
  }

  void clause(int index) {
    const sema::ClauseInfo& ci = m_.clauses[index];
    ast::Clause& c = *ci.decl;
    Clause out;
    out.document = ci.document;
    out.citation = ci.citation;
    out.article = ci.article->number;
    out.clause = c.clause;
    out.item = c.item;
    if (c.title) out.title = c.title->value;
    else if (ci.article->title) out.title = ci.article->title->value;
    out.text = joinTexts(c.text);
    for (const auto& n : c.notes) out.notes.push_back(n.value);
    out.subject = ci.subject;
    out.payee = ci.payee;
    out.target = ci.target;
    out.kind = ci.kind;
    switch (ci.award) {
      case sema::AwardKind::Pay: out.award = AwardKind::Pay; break;
      case sema::AwardKind::Benefit: out.award = AwardKind::Benefit; break;
      case sema::AwardKind::Negotiated: out.award = AwardKind::Negotiated; break;
      case sema::AwardKind::None: out.award = AwardKind::None; break;
    }
    ast::DocumentDecl& doc = *m_.documents[ci.document].decl;
    if (ci.subject >= 0) {
      for (auto& e : doc.eligible) out.eligibility.push_back(forSubject(*e, ci.subject));
      for (auto& f : doc.funding)
        for (auto& rule : f.rules) {
          out.fundingConditions.emplace_back();
          if (rule.condition) out.fundingConditions.back().push_back(forSubject(*rule.condition, ci.subject));
          out.fundingPayers.emplace_back();
          if (rule.arrangement) continue;
          int place = 0;
          auto payer = [&](ast::Payer& p) {
            if (p.fact) out.fundingPayers.back().push_back(PayerFact{place, forSubject(*p.fact, ci.subject, false)});
            ++place;
          };
          for (auto& share : rule.shares) payer(share.payer);
          for (auto& p : rule.ratioPayers) payer(p);
        }
    }
    for (const auto& cond : c.conditions) out.conditions.push_back(expr(*cond));
    if (c.pay) out.amount.push_back(expr(*c.pay));
    if (c.benefit) out.benefit = c.benefit->value;
    if (c.negotiated) out.negotiatedBasis = c.negotiatedBasis ? c.negotiatedBasis->value : "";
    if (c.cap) out.cap.push_back(expr(*c.cap));
    if (c.capLabel) out.capLabel = c.capLabel->value;
    if (c.quota) {
      auto v = constant(*c.quota);
      if (v && v->type == VType::Num) out.quota = v->lo.toInt64();
      out.quotaAnnual = c.quotaAnnual;
    }
    for (const auto& i : c.installments) {
      auto v = constant(*i);
      if (v && v->type == VType::Num) out.installments.push_back(v->lo);
    }
    out.topup = c.topup;
    out.once = c.once;
    p_->clauses.push_back(std::move(out));
  }

  void groups() {
    std::vector<Group> named, docWide, cross;
    for (const auto& g : m_.groups) {
      Group out;
      out.name = g.decl->name.text;
      out.document = g.document;
      out.clauses = g.clauses;
      out.per = g.perSubjects;
      out.perItem = g.perItem;
      out.sameTarget = g.decl->sameTarget;
      out.exceptKinds = g.exceptKinds;
      out.prefer = g.prefer;
      out.text = joinTexts(g.decl->text);
      for (const auto& n : g.decl->notes) out.notes.push_back(n.value);
      switch (g.decl->scope) {
        case ast::NonStackingGroup::Scope::Clauses:
          out.scope = GroupScope::Clauses;
          named.push_back(std::move(out));
          break;
        case ast::NonStackingGroup::Scope::All:
          out.scope = GroupScope::All;
          cross.push_back(std::move(out));
          break;
        default:
          out.scope = GroupScope::Document;
          docWide.push_back(std::move(out));
          break;
      }
    }
    for (auto* list : {&named, &docWide, &cross})
      for (auto& g : *list) p_->groups.push_back(std::move(g));
  }

  void caps() {
    for (const auto& k : m_.caps) {
      Cap out;
      out.name = k.decl->name.text;
      out.document = k.document;
      if (auto v = constant(*k.decl->amount); v && v->type == VType::Num) out.amount = v->lo;
      out.per = k.per;
      switch (k.decl->period) {
        case ast::CapDecl::Period::Once: out.period = CapPeriod::Once; break;
        case ast::CapDecl::Period::Cumulative: out.period = CapPeriod::Cumulative; break;
        case ast::CapDecl::Period::Annual: out.period = CapPeriod::Annual; break;
      }
      out.clauses = k.clauses;
      out.text = joinTexts(k.decl->text);
      for (const auto& n : k.decl->notes) out.notes.push_back(n.value);
      p_->caps.push_back(std::move(out));
    }
  }

  sema::Model& m_;
  DiagnosticEngine& diags_;
  Program* p_ = nullptr;
};

}  // namespace

std::unique_ptr<Program> lower(sema::Model& model, DiagnosticEngine& diags) {
  return Lowerer(model, diags).run();
}

}  // namespace polc::ir
