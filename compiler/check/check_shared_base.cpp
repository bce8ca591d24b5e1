// Two awards on one base that together pay more than it (W0644). 常办发〔2022〕1号 第2条第4款 pays 50 % of
// an enterprise's increase in 地方贡献 (at most 10万元), reply 189 the part of the same increase above
// twice the city's average growth in full; neither text says whether they stack, and an enterprise
// holding both titles is paid 28万元 on an increase of 20万元. W0633 looks at one rate only.
//
// The pairs: paying clauses of any documents and targets whose amounts are at most rate × B + offset
// for one linear form B of facts in money (after translation, as baseOf reads a rate's base), paying one payee:
// bucketed by (payee, B), so that only clauses of one base meet, and inside a bucket by rate, highest
// first, so that pairs whose rates sum to at most 100 % and add no fixed part are never looked at. An
// amount that is not linear is read through its 最小: reply 189's 最小(增量, 增量 − 上年 × 2 × 增幅) is at
// most 增量. Its base is then a part of B, so the claim is not a sum of rates: the solver looks for an
// applicant both pay whose two amounts sum above B, and the evaluator, with the groups and caps that
// reach the two, confirms it.
#include <algorithm>

#include <fmt/format.h>

#include "check/checker.h"

namespace polc::check {

namespace {

ir::Expr node(Op op, std::vector<ir::Expr> kids) {
  ir::Expr e;
  e.op = op;
  e.type.kind = TypeKind::Number;
  e.kids = std::move(kids);
  return e;
}

ir::Expr arith(ast::ArithOp op, ir::Expr a, ir::Expr b) {
  ir::Expr e = node(Op::Arith, {std::move(a), std::move(b)});
  e.arith = op;
  return e;
}

ir::Expr compare(ast::CmpOp op, ir::Expr a, ir::Expr b) {
  ir::Expr e = node(Op::Compare, {std::move(a), std::move(b)});
  e.cmp = op;
  e.type.kind = TypeKind::Bool;
  return e;
}

std::optional<ir::Expr> number(const Q& q) {
  auto d = q.toDecimal();
  if (!d) return std::nullopt;
  ir::Expr e = node(Op::Const, {});
  e.value = ir::Value::num(*d);
  return e;
}

// q as a percentage with at most one decimal (140 %, 133.3 %).
std::string percentText(const Q& q) {
  Q tenths = (q * Q(1000)).floor();
  auto d = (tenths / Q(10)).toDecimal();
  return (d ? d->normalized().toString() : q.str()) + " %";
}

}  // namespace

std::optional<Lin> Checker::upperForm(const Shape& s) {
  if (auto l = s.lin()) return l;
  if (s.kind != Shape::Unknown || !s.expr || s.expr->op != Op::Min) return std::nullopt;
  for (const ir::Expr& k : s.expr->kids) {
    auto l = tr_.lin(k);
    if (l && !l->nonlinear && !l->coef.empty()) return l;
  }
  return std::nullopt;
}

std::optional<Checker::RatedBase> Checker::ratedBase(int c) {
  std::optional<RatedBase> out;
  try {
    for (const Branch& br : cl_[static_cast<std::size_t>(c)].branches) {
      auto l = upperForm(br.shape);
      if (!l || l->coef.empty()) return std::nullopt;
      // A base of money only: 500元 per 吨标煤 of 节能量 is no share of anything.
      for (const auto& [v, x] : l->coef)
        if (vars_[v].type.dim != Dimension::base(0)) return std::nullopt;
      const Q k = l->coef.begin()->second;
      if (k.sign() <= 0) return std::nullopt;
      RatedBase r{{}, k, l->c, {{k, l->c}}};
      for (const auto& [v, x] : l->coef) r.base.emplace_back(v, x / k);
      if (!out) {
        out = std::move(r);
      } else if (out->base != r.base) {
        return std::nullopt;
      } else {
        out->rate = std::max(out->rate, r.rate);
        out->offset = std::max(out->offset, r.offset);
        out->branches.emplace_back(k, l->c);
      }
    }
  } catch (const ArithOverflow&) {
    return std::nullopt;
  }
  return out;
}

void Checker::sharedBases() {
  std::map<std::pair<int, BaseForm>, std::vector<std::pair<int, RatedBase>>> buckets;
  for (std::size_t c = 0; c < p_.clauses.size(); ++c) {
    const ClauseData& d = cl_[c];
    if (payIndex_[c] < 0 || !d.pay || d.dead || alwaysBelowZero(static_cast<int>(c))) continue;
    const int ci = static_cast<int>(c);
    if (auto r = ratedBase(ci)) buckets[{payeeOf(ci), r->base}].emplace_back(ci, *r);
  }
  for (auto& [key, list] : buckets) {
    if (list.size() < 2) continue;
    std::stable_sort(list.begin(), list.end(),
                     [](const auto& x, const auto& y) { return x.second.rate > y.second.rate; });
    try {
      Q maxOffset(0);
      for (const auto& [c, r] : list) maxOffset = std::max(maxOffset, r.offset);
      // Both at most rate × B + offset: with rates summing to at most 1 and no fixed part, never above B.
      // The rates fall along the list, so past the first such partner of x, every one is.
      auto neverAbove = [&](const RatedBase& x, const RatedBase& y) {
        return x.rate + y.rate <= Q(1) && (x.offset + maxOffset).sign() <= 0;
      };
      long tried = 0;
      for (std::size_t i = 0; i < list.size() && tried < kPairsPerBase; ++i)
        for (std::size_t j = i + 1; j < list.size() && tried < kPairsPerBase; ++j) {
          if (neverAbove(list[i].second, list[j].second)) break;
          ++tried;
          overBase(list[i].first, list[i].second, list[j].first, list[j].second);
        }
      if (tried < kPairsPerBase) continue;
      // The pairs past the cap are not known either way: counted, so that a report without W0644
      // does not read as "no two awards above their base" there.
      long all = 0;
      for (auto x = list.begin(); x != list.end(); ++x)
        all += std::partition_point(x + 1, list.end(), [&](const auto& y) { return !neverAbove(x->second, y.second); }) -
               (x + 1);
      out_.stats.basePairsNotTried += all - tried;
    } catch (const ArithOverflow&) {
      // Rates or amounts beyond exact arithmetic: W0633 and W0636 speak of such clauses.
    }
  }
}

std::optional<ir::Expr> Checker::varExpr(int v) const {
  const VarInfo& info = vars_[v];
  ir::Expr e = node(Op::Fact, {});
  switch (info.kind) {
    case VarKind::Fact: e.type = info.type; break;
    case VarKind::Prev: e.op = Op::Previous; break;
    case VarKind::Increase: e.op = Op::Increase; break;
    case VarKind::Sum: {
      std::optional<ir::Expr> sum;
      for (const auto& [part, k] : info.terms) {
        auto x = varExpr(part);
        auto kx = number(k);
        if (!x || !kx) return std::nullopt;
        ir::Expr term = arith(ast::ArithOp::Mul, std::move(*x), std::move(*kx));
        sum = sum ? arith(ast::ArithOp::Add, std::move(*sum), std::move(term)) : std::move(term);
      }
      return sum;
    }
    default: return std::nullopt;
  }
  e.subject = info.subject;
  e.fact = info.fact;
  return e;
}

// What the evaluator pays before caps over several clauses: the branch's amount under its cap.
std::optional<ir::Expr> Checker::amountExpr(int c, std::size_t branch) {
  const Branch& br = cl_[static_cast<std::size_t>(c)].branches[branch];
  if (!br.shape.expr) return std::nullopt;
  const Shape& s = br.shape;
  ir::Expr amount = *s.expr;
  if (!s.cap) return amount;
  auto cap = number(*s.cap);
  if (!cap) return std::nullopt;
  return node(Op::Min, {std::move(amount), std::move(*cap)});
}

std::optional<ir::Expr> Checker::overBaseClaim(int a, std::size_t ia, int b, std::size_t ib, const BaseForm& base) {
  auto x = amountExpr(a, ia), y = amountExpr(b, ib);
  std::optional<ir::Expr> sum;
  for (const auto& [v, k] : base) {
    auto term = varExpr(v);
    auto kx = number(k);
    if (!term || !kx) return std::nullopt;
    ir::Expr t = arith(ast::ArithOp::Mul, std::move(*term), std::move(*kx));
    sum = sum ? arith(ast::ArithOp::Add, std::move(*sum), std::move(t)) : std::move(t);
  }
  if (!x || !y || !sum) return std::nullopt;
  // Each at most the base: one alone above it is W0633's, and says nothing of the pair.
  ir::Expr all = node(Op::And, {compare(ast::CmpOp::Le, *x, *sum), compare(ast::CmpOp::Le, *y, *sum),
                                compare(ast::CmpOp::Gt, arith(ast::ArithOp::Add, *x, *y), *sum)});
  all.type.kind = TypeKind::Bool;
  return all;
}

void Checker::overBase(int a, const RatedBase& ra, int b, const RatedBase& rb) {
  // A stated relation between the two is the policy saying they go together (W0604's reading).
  if (related_.count({std::min(a, b), std::max(a, b)})) return;
  // The witness is one chain of items: the deeper clause's.
  int subj = -1;
  if (p_.ownedBy(subject(a), subject(b))) subj = subject(a);
  else if (p_.ownedBy(subject(b), subject(a))) subj = subject(b);
  if (subj < 0) return;
  const BaseForm& base = ra.base;
  Lin form;
  for (const auto& [v, k] : base) form.coef[v] = k;
  std::optional<Cond> above;
  if (auto l = tr_.literal(form, ast::CmpOp::Gt)) above = solver_.prepare(F::of(*l));
  // Entry by entry of a 分档 or 分情形 table: a witness the solver finds for the whole table may take an
  // entry of a low rate (30 % beside the other's 40 %), where the pair stays within the base. The
  // pairs of entries whose rates and fixed parts cannot take the two above it are not asked.
  const ClauseData &da = cl_[static_cast<std::size_t>(a)], &db = cl_[static_cast<std::size_t>(b)];
  for (std::size_t i = 0; i < ra.branches.size() && i < da.guards.size(); ++i)
    for (std::size_t j = 0; j < rb.branches.size() && j < db.guards.size(); ++j) {
      const auto& [rateA, offsetA] = ra.branches[i];
      const auto& [rateB, offsetB] = rb.branches[j];
      if (rateA + rateB <= Q(1) && (offsetA + offsetB).sign() <= 0) continue;
      std::vector<const Cond*> q{&pay(a), &pay(b), &da.guards[i], &db.guards[j]};
      if (above) q.push_back(&*above);
      auto claim = overBaseClaim(a, i, b, j, base);
      std::optional<Cond> claimed;
      if (claim) {
        F f;
        f.op = F::Opaque;
        f.expr = &*claim;
        claimed = solver_.prepare(std::move(f));
        q.push_back(&*claimed);
      }
      Answer ans = solver_.solve(q, touchOf({a, b}));
      if (ans.sat != Sat::Yes) continue;
      // Z3 reads an increase as this year's value less last year's, and leaves the increase's own
      // variable to the default of an amount's facts: the witness's summary shows the increase its
      // facts give.
      for (auto& [v, val] : ans.model)
        if (vars_[v].kind == VarKind::Increase)
          if (auto d = baseValue({{v, Q(1)}}, ans.model)) val.num = *d;
      if (reportOverBase(a, b, subj, base, ans.model)) return;
    }
}

// The base as the witness's facts give it: an increase is this year's value less last year's when the
// model holds both (the witness is written from them; the increase's own value is then not Z3's).
std::optional<Q> Checker::baseValue(const BaseForm& base, const Assignment& model) const {
  std::function<std::optional<Q>(int)> value = [&](int v) -> std::optional<Q> {
    const VarInfo& info = vars_[v];
    if (info.kind == VarKind::Sum) {
      Q out(0);
      for (const auto& [part, k] : info.terms) {
        auto x = value(part);
        if (!x) return std::nullopt;
        out = out + k * *x;
      }
      return out;
    }
    if (info.kind == VarKind::Increase) {
      auto now = model.find(vars_.find(VarKind::Fact, info.subject, info.fact));
      auto prev = model.find(vars_.find(VarKind::Prev, info.subject, info.fact));
      if (now != model.end() && prev != model.end()) return now->second.num - prev->second.num;
    }
    auto it = model.find(v);
    if (it == model.end()) return std::nullopt;
    return it->second.num;
  };
  try {
    Q out(0);
    for (const auto& [v, k] : base) {
      auto x = value(v);
      if (!x) return std::nullopt;
      out = out + k * *x;
    }
    return out;
  } catch (const ArithOverflow&) {
    return std::nullopt;
  }
}

std::string Checker::baseText(const BaseForm& base) const {
  std::string out;
  for (const auto& [v, k] : base) {
    if (!out.empty()) out += " + ";
    out += vars_[v].name;
    if (k != Q(1)) out += " × " + k.str();
  }
  return base.size() == 1 ? out : "`" + out + "`";
}

// The claim, as the evaluator pays the two clauses under the groups and caps that reach them (as
// W0643 confirms its three): both paid, to one payee, each at most the witness's base, together above it.
bool Checker::reportOverBase(int a, int b, int subj, const BaseForm& base, const Assignment& model) {
  auto total = baseValue(base, model);
  if (!total || total->sign() <= 0) return false;
  auto res = runner_.runWithRules({a, b}, wb_.build(model, subj, ""));
  if (!res) return false;
  const eval::Award* x = awardOf(&runner_, *res, a);
  const eval::Award* y = awardOf(&runner_, *res, b);
  if (!x || !y || !x->hasAmount() || !y->hasAmount() || !x->counted() || !y->counted() ||
      x->payeeInstance != y->payeeInstance)
    return false;
  Q qx = Q::fromDecimal(x->hi), qy = Q::fromDecimal(y->hi);
  if (qx > *total || qy > *total || qx + qy <= *total) return false;
  // The larger award first: the one taking most of the base.
  if (qy > qx) {
    std::swap(a, b);
    std::swap(x, y);
    std::swap(qx, qy);
  }
  const bool oneFact = base.size() == 1 && base[0].second == Q(1);
  const std::string name = baseText(base);
  const std::string value = oneFact ? describeValue(p_, vars_[base[0].first], *total) : moneyText(*total);
  Finding& f = add(FindingKind::PairOverBase, a,
                   fmt::format("{} and {} both pay the same {} on {}, and together more than it: where {} is {}, {} pays {} "
                               "and {} {}, {} in all ({} of it)",
                               cite(a), cite(b), payeeText(subject(a) == subj ? a : b, subject(a) == subj ? b : a),
                               name, name, value, cite(a), amountText(*x), cite(b), amountText(*y),
                               moneyText(qx + qy), percentText((qx + qy) / *total)));
  noteOther(f, b, "the other award on the same base");
  attachWitness(f, model, subj);
  f.limit = total->toDecimal();
  f.baseFact = name;
  f.amounts = {cite(a) + " pays " + amountText(*x), cite(b) + " pays " + amountText(*y)};
  for (const auto& s : f.amounts) f.help.push_back(s);
  f.help.push_back(fmt::format("if the two are not to be paid together on one {}, a non-stacking group must "
                               "compare them; a 关系 between them says they are",
                               name));
  keepIfShown();
  return true;
}

}  // namespace polc::check
