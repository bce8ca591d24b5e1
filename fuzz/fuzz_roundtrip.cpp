// Fuzz target: a round trip. The fuzzer's bytes choose a small *valid* policy (one document, up to
// six paying clauses of the shapes the seed policies use: a fixed amount, rate × base, per-unit ×
// quantity, per-head × count, interest × term, with or without a clause cap, with or without a
// document-level cap over several clauses) written with keywords drawn at random from both
// languages, and an applicant's facts, from tiny to far beyond any money range. The policy is
// compiled, the facts read and the reference evaluator run; the result is compared with an
// independent oracle computed here in exact rational arithmetic (GMP), and the same policy is
// compiled to bytecode (bytecode::emit), loaded and verified by the runtime (polrt::load) and run
// on the VM with the same applicant, which must agree with the reference evaluator exactly:
//   - every amount the evaluator reports equals the oracle's, to the cent;
//   - it reports an evaluation error only when some intermediate of the oracle's computation is
//     beyond 10^18 元 (or the loan date precedes every LPR value), and then the error names the
//     clause — never a wrong number;
//   - the facts reader accepts every value below 10^18 and refuses every value beyond 2^127;
//   - the VM gives every award (clause, item, status, form, amounts, cap flag, reason, missing
//     facts, explanation) and every total the reference evaluator gives, or the same error message.
// The third backend, generated C++, needs a C++ compiler per policy and cannot run inside a fuzzer
// process: tests/differential compares it with the reference evaluator on random applicants.
#include <fuzzer/FuzzedDataProvider.h>
#include <gmpxx.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "backend/bytecode/bridge.h"
#include "backend/bytecode/emit.h"
#include "bytecode/program.h"
#include "eval/eval.h"
#include "facts/facts.h"
#include "fuzz_util.h"
#include "ir/ir.h"

namespace {

[[noreturn]] void fail(const std::string& what, const std::string& policy, const std::string& facts) {
  std::fprintf(stderr, "fuzz_roundtrip: %s\n---- policy ----\n%s\n---- facts ----\n%s\n", what.c_str(),
               policy.c_str(), facts.c_str());
  std::abort();
}

// One keyword, in the language the fuzzer picks each time it is written.
struct Writer {
  FuzzedDataProvider& fdp;
  std::string kw(const char* zh, const char* en) { return fdp.ConsumeBool() ? zh : en; }
};

// A decimal written as digits: `digits` significant digits, `frac` of them after the point.
struct Num {
  std::string text;  // "1234.5"
  mpq_class value;
};

Num makeNumber(FuzzedDataProvider& fdp, int maxDigits, int maxFrac) {
  int digits = fdp.ConsumeIntegralInRange<int>(1, maxDigits);
  int frac = fdp.ConsumeIntegralInRange<int>(0, std::min(maxFrac, digits - 1));
  std::string d;
  for (int i = 0; i < digits; ++i) {
    int c = fdp.ConsumeIntegralInRange<int>(i == 0 && digits > 1 ? 1 : 0, 9);
    d.push_back(static_cast<char>('0' + c));
  }
  // Trailing zeros in a fraction are fine, but keep the integer part without a leading zero.
  std::string text = frac == 0 ? d : d.substr(0, d.size() - frac) + "." + d.substr(d.size() - frac);
  if (text[0] == '.') text = "0" + text;
  mpz_class m(d, 10);
  mpz_class den;
  mpz_ui_pow_ui(den.get_mpz_t(), 10, static_cast<unsigned long>(frac));
  mpq_class v(m, den);
  v.canonicalize();
  return Num{text, v};
}

mpq_class pow10q(int e) {
  mpz_class p;
  mpz_ui_pow_ui(p.get_mpz_t(), 10, static_cast<unsigned long>(e));
  return mpq_class(p);
}

// Money in 元 with a unit of 元, 万元 or 亿元.
struct Money {
  std::string text;  // "12.5万元"
  mpq_class yuan;
};

Money makeMoney(FuzzedDataProvider& fdp, int maxDigits) {
  Num n = makeNumber(fdp, maxDigits, 4);
  switch (fdp.ConsumeIntegralInRange<int>(0, 2)) {
    case 0: return {n.text + "元", n.value};
    case 1: return {n.text + "万元", n.value * pow10q(4)};
    default: return {n.text + "亿元", n.value * pow10q(8)};
  }
}

// Rounds to 0.01 with ties away from zero (四舍五入); values here are never negative.
mpq_class roundCents(const mpq_class& v) {
  mpq_class scaled = v * 100;
  mpz_class fl = scaled.get_num() / scaled.get_den();  // floor for v >= 0
  mpq_class rest = scaled - mpq_class(fl);
  if (rest >= mpq_class(1, 2)) fl += 1;
  mpq_class r(fl, 100);
  r.canonicalize();
  return r;
}

std::string toDecimalString(const mpq_class& v) {
  // Exact: v has a power-of-ten denominator in every use here.
  mpz_class den = v.get_den();
  int frac = 0;
  while (den % 10 == 0) {
    den /= 10;
    ++frac;
  }
  mpz_class scaled = v.get_num() * (pow10q(frac).get_num() / v.get_den());
  std::string s = scaled.get_str();
  if (frac == 0) return s;
  bool neg = s[0] == '-';
  if (neg) s.erase(0, 1);
  while (static_cast<int>(s.size()) <= frac) s.insert(0, "0");
  s.insert(s.size() - frac, ".");
  return (neg ? "-" : "") + s;
}

// Base 10 throughout: GMP's default base 0 reads a leading 0 as octal, so 0.27 ("027") was 23/100
// (a mismatch the fuzzer reported against a correct evaluator).
mpq_class fromDecimal(const polrt::Decimal& d) {
  std::string s = d.toString();
  std::size_t dot = s.find('.');
  if (dot == std::string::npos) return mpq_class(mpz_class(s, 10));
  int frac = static_cast<int>(s.size() - dot - 1);
  s.erase(dot, 1);
  mpq_class v(mpz_class(s, 10), pow10q(frac).get_num());
  v.canonicalize();
  return v;
}

enum class Shape { Fixed, RateTimesBase, PerUnit, PerHead, Interest };

struct ClauseSpec {
  Shape shape = Shape::Fixed;
  bool upTo = false;                // 最高
  bool needsManufacturing = false;  // 条件 制造业
  Money fixed;                      // Fixed, PerHead (per head)
  Num rate;                         // RateTimesBase, Interest (percent)
  Num perUnit;                      // PerUnit (元 per 吨标煤)
  std::optional<Money> cap;
};

struct FactValue {
  bool given = false;
  std::string json;  // the JSON value
  mpq_class value;
};

// Everything below 10^18 must be computed exactly; beyond it an error is allowed.
const mpq_class& limit() {
  static const mpq_class l = pow10q(18);
  return l;
}

bool big(const mpq_class& v) { return abs(v) >= limit(); }

// Runs the applicant through the bytecode backend and the VM and fails unless it agrees with the
// reference evaluator's `ref` (or its error `refError`) in everything the result holds.
void compareWithVm(const polc::ir::Program& program, const polc::eval::Applicant& applicant, bool explain,
                   const polc::eval::Result& ref, const std::string& refError, const std::string& p,
                   const std::string& f) {
  auto bc = polc::bytecode::emit(program);
  if (!bc.ok()) fail("bytecode::emit refused a policy the front end accepted: " + bc.error, p, f);
  auto loaded = polrt::load(bc.bytes.data(), bc.bytes.size());
  if (!loaded.program) fail("the runtime rejected the emitted bytecode: " + loaded.error, p, f);
  polrt::Session session(*loaded.program);
  polc::bytecode::loadApplicant(session, applicant, std::nullopt);
  const bool ok = session.evaluate(explain);
  if (!refError.empty() || !ok) {
    const std::string vmError = ok ? std::string("(no error)") : session.error();
    if (vmError != (refError.empty() ? std::string("(no error)") : refError))
      fail("VM: " + vmError + "; reference evaluator: " + (refError.empty() ? "(no error)" : refError), p, f);
    return;
  }
  const polc::eval::Result vm = polc::bytecode::toResult(session, explain);
  if (vm.awards.size() != ref.awards.size())
    fail("VM gives " + std::to_string(vm.awards.size()) + " awards, the reference evaluator " +
             std::to_string(ref.awards.size()),
         p, f);
  auto same = [](const polc::eval::Award& a, const polc::eval::Award& b) {
    return a.clause == b.clause && a.instance == b.instance && a.kind == b.kind && a.form == b.form &&
           a.status == b.status && a.lo.toString() == b.lo.toString() && a.hi.toString() == b.hi.toString() &&
           a.computedHi.toString() == b.computedHi.toString() && a.capped == b.capped && a.reason == b.reason &&
           a.missing == b.missing && a.explanation == b.explanation;
  };
  for (std::size_t i = 0; i < ref.awards.size(); ++i) {
    const auto &r = ref.awards[i], &v = vm.awards[i];
    if (!same(r, v))
      fail("award " + std::to_string(i) + " (" + program.clauses[r.clause].citation + "): VM " +
               polc::eval::statusName(v.status) + " [" + v.lo.toString() + ", " + v.hi.toString() + "] \"" +
               v.reason + "\", reference " + polc::eval::statusName(r.status) + " [" + r.lo.toString() + ", " +
               r.hi.toString() + "] \"" + r.reason + "\"",
           p, f);
  }
  const auto &rt = ref.totals, &vt = vm.totals;
  if (rt.lo.toString() != vt.lo.toString() || rt.hi.toString() != vt.hi.toString() ||
      rt.exact.toString() != vt.exact.toString() || rt.upTo.toString() != vt.upTo.toString() ||
      rt.dropped != vt.dropped || rt.notAssessable != vt.notAssessable)
    fail("totals: VM [" + vt.lo.toString() + ", " + vt.hi.toString() + "], reference [" + rt.lo.toString() + ", " +
             rt.hi.toString() + "]",
         p, f);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider fdp(data, size);
  Writer w{fdp};
  const int clauseCount = fdp.ConsumeIntegralInRange<int>(1, 6);
  std::vector<ClauseSpec> clauses(clauseCount);
  for (auto& c : clauses) {
    c.shape = static_cast<Shape>(fdp.ConsumeIntegralInRange<int>(0, 4));
    c.upTo = fdp.ConsumeBool();
    c.needsManufacturing = fdp.ConsumeBool();
    c.fixed = makeMoney(fdp, fdp.ConsumeBool() ? 8 : 45);
    c.rate = makeNumber(fdp, fdp.ConsumeBool() ? 4 : 30, 2);
    c.perUnit = makeNumber(fdp, fdp.ConsumeBool() ? 4 : 30, 2);
    if (fdp.ConsumeBool()) c.cap = makeMoney(fdp, fdp.ConsumeBool() ? 6 : 40);
  }
  std::optional<Money> docCap;
  if (fdp.ConsumeBool()) docCap = makeMoney(fdp, fdp.ConsumeBool() ? 6 : 40);

  // ---- the policy ----
  std::string p;
  p += w.kw("单位", "unit") + " 吨标煤\n";
  p += w.kw("单位", "unit") + " 年\n";
  p += w.kw("参数", "parameter") + " LPR { 2022-01-20: 3.70%/年; 2022-08-22: 3.65%/年 }\n";
  p += w.kw("主体", "subject") + " 企业 {\n";
  const std::string fact = "  " + w.kw("事实", "fact") + " ";
  p += fact + "制造业: " + w.kw("布尔", "bool") + "\n";
  p += fact + "投入: " + w.kw("金额", "money") + "\n";
  p += fact + "节能量: 吨标煤\n";
  p += fact + "人数: " + w.kw("计数", "count") + "\n";
  p += fact + "贷款金额: 元\n";
  p += fact + "放款日期: " + w.kw("日期", "date") + "\n";
  p += fact + "贷款期限: 年\n";
  p += "}\n";
  for (int i = 0; i < clauseCount; ++i) p += w.kw("标的", "target") + " 标的" + std::to_string(i + 1) + "\n";
  p += w.kw("文件", "document") + " 测试 {\n";
  p += "  " + w.kw("文号", "number") + " \"测〔2024〕1号\"\n";
  p += "  " + w.kw("舍入", "rounding") + " 0.01元 四舍五入\n";
  p += "  " + w.kw("条", "article") + " 1 {\n";
  for (int i = 0; i < clauseCount; ++i) {
    const ClauseSpec& c = clauses[i];
    p += "    " + w.kw("款", "clause") + " " + std::to_string(i + 1) + " {\n";
    p += "      " + w.kw("原文", "text") + " \"生成的条款\"\n";
    p += "      " + w.kw("对象", "for") + " 企业\n";
    p += "      " + w.kw("标的", "target") + " 标的" + std::to_string(i + 1) + "\n";
    if (c.needsManufacturing) p += "      " + w.kw("条件", "when") + " 制造业\n";
    std::string times = fdp.ConsumeBool() ? " × " : " * ";
    std::string e;
    switch (c.shape) {
      case Shape::Fixed: e = c.fixed.text; break;
      case Shape::RateTimesBase: e = "投入" + times + c.rate.text + "%"; break;
      case Shape::PerUnit: e = "节能量" + times + c.perUnit.text + "元/吨标煤"; break;
      case Shape::PerHead: e = c.fixed.text + times + "人数"; break;
      case Shape::Interest:
        e = "贷款金额" + times + "LPR " + w.kw("于", "at") + " 放款日期" + times + c.rate.text + "%" + times + "贷款期限";
        break;
    }
    p += "      " + w.kw("给予", "pay") + " " + (c.upTo ? w.kw("最高", "up to") + " " : "") + e + "\n";
    if (c.cap) p += "      " + w.kw("上限", "cap") + " " + c.cap->text + "\n";
    p += "    }\n";
  }
  p += "  }\n";
  if (docCap) {
    p += "  " + w.kw("上限", "cap") + " 合计 " + docCap->text + " " + w.kw("每个", "per") + " 企业 " + w.kw("覆盖", "covers");
    for (int i = 0; i < clauseCount; ++i) p += (i ? ", " : " ") + std::string("第1条第") + std::to_string(i + 1) + "款";
    p += "\n";
  }
  p += "}\n";

  // ---- the facts ----
  FactValue manufacturing, investment, saving, heads, loan, loanDate, term;
  auto money = [&](FactValue& f) {
    if (!fdp.ConsumeBool() && fdp.ConsumeBool()) return;  // absent one time in four
    Money m = makeMoney(fdp, fdp.ConsumeBool() ? 10 : 45);
    f = {true, "\"" + m.text + "\"", m.yuan};
  };
  if (fdp.ConsumeBool()) {
    bool v = fdp.ConsumeBool();
    manufacturing = {true, v ? "true" : "false", v ? 1 : 0};
  }
  money(investment);
  money(loan);
  if (fdp.ConsumeIntegralInRange<int>(0, 3) != 0) {
    Num n = makeNumber(fdp, fdp.ConsumeBool() ? 6 : 42, 3);
    bool wan = fdp.ConsumeBool();
    saving = {true, "\"" + n.text + (wan ? "万吨标煤" : "吨标煤") + "\"", wan ? n.value * pow10q(4) : n.value};
  }
  if (fdp.ConsumeIntegralInRange<int>(0, 3) != 0) {
    Num n = makeNumber(fdp, fdp.ConsumeBool() ? 4 : 25, 0);
    heads = {true, n.text, n.value};
  }
  if (fdp.ConsumeIntegralInRange<int>(0, 3) != 0) {
    static const char* dates[] = {"2021-06-01", "2022-01-20", "2022-03-01", "2022-08-22", "2023-03-01"};
    loanDate = {true, std::string("\"") + dates[fdp.ConsumeIntegralInRange<int>(0, 4)] + "\"", 0};
  }
  if (fdp.ConsumeIntegralInRange<int>(0, 3) != 0) {
    Num n = makeNumber(fdp, fdp.ConsumeBool() ? 3 : 30, 2);
    term = {true, "\"" + n.text + "年\"", n.value};
  }
  std::string f = "{\"date\": \"2024-06-30\", \"企业\": {";
  bool first = true;
  auto put = [&](const char* name, const FactValue& v) {
    if (!v.given) return;
    f += std::string(first ? "" : ", ") + "\"" + name + "\": " + v.json;
    first = false;
  };
  put("制造业", manufacturing);
  put("投入", investment);
  put("节能量", saving);
  put("人数", heads);
  put("贷款金额", loan);
  put("放款日期", loanDate);
  put("贷款期限", term);
  f += "}}";

  // ---- compile: every literal below 10^18 must compile; beyond 2^127 it must be refused ----
  auto compiled = polc::fuzz::compileTexts({p});
  polc::fuzz::renderAll(*compiled);
  bool bigLiteral = false;
  for (const auto& c : clauses) {
    if (c.shape == Shape::Fixed || c.shape == Shape::PerHead) bigLiteral |= big(c.fixed.yuan);
    if (c.shape == Shape::RateTimesBase || c.shape == Shape::Interest) bigLiteral |= big(c.rate.value);
    if (c.shape == Shape::PerUnit) bigLiteral |= big(c.perUnit.value);
    if (c.cap) bigLiteral |= big(c.cap->yuan);
  }
  if (docCap) bigLiteral |= big(docCap->yuan);
  if (!compiled->program) {
    if (!bigLiteral)
      fail("a valid policy failed to compile:\n" +
               polc::renderText(compiled->sm, compiled->diags.all(), polc::RenderOptions{}),
           p, f);
    return 0;
  }

  // ---- facts ----
  auto facts = polc::facts::readFacts(*compiled->model, *compiled->program, f);
  const mpq_class twoTo127 = mpq_class(mpz_class(1) << 127);
  bool bigFact = false, hugeFact = false;
  for (const FactValue* v : {&investment, &saving, &heads, &loan, &term}) {
    if (!v->given) continue;
    bigFact |= big(v->value);
    hugeFact |= abs(v->value) >= twoTo127;
  }
  if (!facts.ok()) {
    if (!bigFact) fail("valid facts refused: " + facts.errors.front(), p, f);
    return 0;
  }
  if (hugeFact) fail("a value beyond 2^127 was accepted", p, f);

  // ---- the oracle ----
  struct Expected {
    bool present = false;     // the condition holds
    bool assessable = true;   // every fact it needs is given
    bool mayFail = false;     // an intermediate beyond 10^18 or the LPR before its first date
    mpq_class hi;             // after the clause cap and rounding
    mpq_class lo;
  };
  std::vector<Expected> expected(clauseCount);
  bool anyMayFail = false;
  for (int i = 0; i < clauseCount; ++i) {
    const ClauseSpec& c = clauses[i];
    Expected& x = expected[i];
    x.present = !c.needsManufacturing || (manufacturing.given && manufacturing.value == 1);
    if (!x.present) continue;
    std::vector<mpq_class> partial;
    mpq_class v;
    switch (c.shape) {
      case Shape::Fixed: v = c.fixed.yuan; break;
      case Shape::RateTimesBase:
        x.assessable = investment.given;
        v = investment.value * c.rate.value / 100;
        partial.push_back(v);
        break;
      case Shape::PerUnit:
        x.assessable = saving.given;
        v = saving.value * c.perUnit.value;
        partial.push_back(v);
        break;
      case Shape::PerHead:
        x.assessable = heads.given;
        v = c.fixed.yuan * heads.value;
        partial.push_back(v);
        break;
      case Shape::Interest: {
        x.assessable = loan.given && loanDate.given && term.given;
        // The evaluators look for every fact an amount needs before they compute any of it
        // (compiler/ir/needs_first.cpp): with the term missing the clause is not assessable, never
        // the error of the LPR looked up before its first value or of the first factors' product
        // (tests/regressions/loan_overflow_term_missing.roundtrip).
        if (!x.assessable) break;
        mpq_class lpr;
        if (loanDate.json < "\"2022-01-20\"") x.mayFail = true;  // no LPR yet
        else lpr = loanDate.json < "\"2022-08-22\"" ? mpq_class(370, 10000) : mpq_class(365, 10000);
        lpr.canonicalize();
        partial.push_back(loan.value * lpr);
        partial.push_back(partial.back() * c.rate.value / 100);
        v = partial.back() * term.value;
        partial.push_back(v);
        break;
      }
    }
    if (!x.assessable) continue;
    for (const auto& q : partial) x.mayFail |= big(q);
    x.mayFail |= big(v);
    if (c.cap && v > c.cap->yuan) v = c.cap->yuan;
    x.hi = roundCents(v);
    x.lo = c.upTo ? mpq_class(0) : x.hi;
    anyMayFail |= x.mayFail;
  }
  // The document's cap over every clause: the excess is taken off the last clauses first.
  if (docCap) {
    mpq_class sumHi, sumLo;
    for (const auto& x : expected)
      if (x.present && x.assessable) {
        sumHi += x.hi;
        sumLo += x.lo;
      }
    anyMayFail |= big(sumHi);
    mpq_class exHi = sumHi > docCap->yuan ? sumHi - docCap->yuan : mpq_class(0);
    mpq_class exLo = sumLo > docCap->yuan ? sumLo - docCap->yuan : mpq_class(0);
    for (int i = clauseCount - 1; i >= 0; --i) {
      Expected& x = expected[i];
      if (!x.present || !x.assessable) continue;
      mpq_class cutHi = x.hi < exHi ? x.hi : exHi;
      mpq_class cutLo = x.lo < exLo ? x.lo : exLo;
      x.hi -= cutHi;
      x.lo -= cutLo;
      if (x.lo > x.hi) x.lo = x.hi;  // a lower end above its cut upper end is lowered to it (docs/ir.md, step 8)
      exHi -= cutHi;
      exLo -= cutLo;
    }
  }

  // ---- evaluate and compare: the VM with the reference evaluator, the evaluator with the oracle ----
  // Explanations (text built on both sides) on every other input.
  const bool explain = size > 0 && (data[0] & 1);
  polc::eval::Options options;
  options.explain = explain;
  polc::eval::Result result;
  std::string refError;
  try {
    result = polc::eval::evaluate(*compiled->program, facts.applicant, options);
  } catch (const polc::eval::EvalError& e) {
    refError = e.what();
  }
  compareWithVm(*compiled->program, facts.applicant, explain, result, refError, p, f);
  if (!refError.empty()) {
    if (!anyMayFail) fail("evaluation error where the oracle computes every amount: " + refError, p, f);
    if (refError.find("第1条第") == std::string::npos) fail("an evaluation error that names no clause: " + refError, p, f);
    return 0;
  }
  std::vector<const polc::eval::Award*> byClause(clauseCount, nullptr);
  for (const auto& a : result.awards) {
    const std::string& cit = compiled->program->clauses[a.clause].citation;
    std::size_t k = cit.rfind("第");
    int n = std::atoi(cit.c_str() + k + std::string("第").size());
    if (n < 1 || n > clauseCount || byClause[n - 1]) fail("unexpected award " + cit, p, f);
    byClause[n - 1] = &a;
  }
  mpq_class totalHi;
  for (int i = 0; i < clauseCount; ++i) {
    const Expected& x = expected[i];
    const polc::eval::Award* a = byClause[i];
    std::string which = "第1条第" + std::to_string(i + 1) + "款";
    if (!x.present) {
      if (a) fail(which + ": awarded although its condition does not hold", p, f);
      continue;
    }
    if (!a) fail(which + ": no award", p, f);
    if (!x.assessable) {
      if (a->status != polc::eval::Status::NotAssessable) fail(which + ": assessable without its facts", p, f);
      continue;
    }
    if (a->status == polc::eval::Status::NotAssessable) fail(which + ": not assessable with every fact given", p, f);
    mpq_class hi = fromDecimal(a->hi), lo = fromDecimal(a->lo);
    if (hi != x.hi || lo != x.lo)
      fail(which + ": evaluator gives [" + a->lo.toString() + ", " + a->hi.toString() + "], oracle [" +
               toDecimalString(x.lo) + ", " + toDecimalString(x.hi) + "] (as fractions: evaluator [" + lo.get_str() +
               ", " + hi.get_str() + "], oracle [" + x.lo.get_str() + ", " + x.hi.get_str() + "])",
           p, f);
    totalHi += hi;
  }
  if (fromDecimal(result.totals.hi) != totalHi)
    fail("total " + result.totals.hi.toString() + ", oracle " + toDecimalString(totalHi), p, f);
  return 0;
}
