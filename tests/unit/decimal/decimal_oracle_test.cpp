// Randomized property tests of Decimal against GMP's exact integers.
//
// Each operation is recomputed with unbounded integers, which know nothing of 128-bit limits,
// and the oracle decides what a correct answer is: the exact value when some Decimal can
// hold it, otherwise Precision (more than 18 decimals) or Overflow (more than 127 bits at the
// shortest scale). Operands are biased towards the edges: near 2^127, 18 decimals, powers of
// ten and runs of trailing zeros, where scale alignment and zero stripping are exercised.
// Built only when the build defines POLC_HAVE_GMP and links gmpxx and gmp.
#ifdef POLC_HAVE_GMP

#include "decimal/decimal.h"

#include <gmpxx.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>

namespace polrt {
namespace {

constexpr int kIterations = 40000;
constexpr int kMaxScale = Decimal::kMaxScale;

mpz_class toZ(uint128_t v) {
  mpz_class hi(static_cast<unsigned long>(v >> 64));
  return (hi << 64) + static_cast<unsigned long>(static_cast<uint64_t>(v));
}

mpz_class toZ(int128_t v) {
  return v < 0 ? mpz_class(-toZ(static_cast<uint128_t>(-v))) : toZ(static_cast<uint128_t>(v));
}

mpz_class toZ(const detail::U256& v) {
  mpz_class r = 0;
  for (int i = 3; i >= 0; --i) r = (r << 64) + static_cast<unsigned long>(v.w[i]);
  return r;
}

mpz_class pow10z(long e) {
  mpz_class r;
  mpz_ui_pow_ui(r.get_mpz_t(), 10, static_cast<unsigned long>(e));
  return r;
}

const mpz_class& maxMantissa() {
  static const mpz_class m = toZ(Decimal::kMaxMantissa);
  return m;
}

// What a correct implementation must produce for an exact value m * 10^-scale.
struct Expected {
  ArithError err = ArithError::None;
  mpz_class m;    // at the shortest scale
  long scale = 0;
};

Expected represent(mpz_class m, long scale) {
  Expected e;
  if (scale < 0) {
    m *= pow10z(-scale);
    scale = 0;
  }
  while (scale > 0 && mpz_divisible_ui_p(m.get_mpz_t(), 10)) {
    m /= 10;
    --scale;
  }
  if (scale > kMaxScale) {
    e.err = ArithError::Precision;
  } else if (abs(m) > maxMantissa()) {
    e.err = ArithError::Overflow;
  }
  e.m = m;
  e.scale = scale;
  return e;
}

// n / d rounded to an integer, d > 0, using GMP's own floor/ceiling/truncating divisions.
mpz_class divRound(const mpz_class& n, const mpz_class& d, RoundingMode mode) {
  mpz_class q;
  switch (mode) {
    case RoundingMode::Floor: mpz_fdiv_q(q.get_mpz_t(), n.get_mpz_t(), d.get_mpz_t()); return q;
    case RoundingMode::Ceiling: mpz_cdiv_q(q.get_mpz_t(), n.get_mpz_t(), d.get_mpz_t()); return q;
    default: break;
  }
  mpz_tdiv_q(q.get_mpz_t(), n.get_mpz_t(), d.get_mpz_t());
  const mpz_class r = n - q * d;
  if (r == 0 || mode == RoundingMode::Down) return q;
  const int away = sgn(n);
  if (mode == RoundingMode::Up) return q + away;
  const int half = cmp(2 * abs(r), d);
  const bool odd = mpz_odd_p(q.get_mpz_t()) != 0;
  if (half > 0 || (half == 0 && (mode == RoundingMode::HalfUp || odd))) q += away;
  return q;
}

// Our answer must match the oracle's error, or its value exactly, and be a valid Decimal.
// `naturalScale` is the scale the result keeps whenever it fits there (values are not
// normalised eagerly); pass -1 to skip that check.
::testing::AssertionResult matches(ArithError err, Decimal got, const Expected& want,
                                   long naturalScale) {
  if (err != want.err) {
    return ::testing::AssertionFailure()
           << "error " << toString(err) << ", oracle says " << toString(want.err)
           << " (exact mantissa " << want.m.get_str() << " scale " << want.scale << ")";
  }
  if (err != ArithError::None) return ::testing::AssertionSuccess();
  if (got.scale() < 0 || got.scale() > kMaxScale || got.mantissa() < Decimal::kMinMantissa) {
    return ::testing::AssertionFailure() << "invalid parts, scale " << got.scale();
  }
  const long s = std::max<long>(got.scale(), want.scale);
  if (toZ(got.mantissa()) * pow10z(s - got.scale()) != want.m * pow10z(s - want.scale)) {
    return ::testing::AssertionFailure() << "value " << got.toString() << ", oracle says "
                                         << want.m.get_str() << "e-" << want.scale;
  }
  if (naturalScale >= 0 && naturalScale <= kMaxScale &&
      abs(want.m) * pow10z(naturalScale - want.scale) <= maxMantissa() &&
      got.scale() != naturalScale) {
    return ::testing::AssertionFailure() << "scale " << got.scale() << ", expected natural scale "
                                         << naturalScale;
  }
  return ::testing::AssertionSuccess();
}

class Gen {
 public:
  explicit Gen(uint64_t seed) : rng_(seed) {}

  int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool chance(int percent) { return uniform(0, 99) < percent; }

  uint128_t bits128() { return (static_cast<uint128_t>(rng_()) << 64) | rng_(); }

  // Below 10^digits and within the mantissa range.
  uint128_t digits(int n) {
    const uint128_t max = static_cast<uint128_t>(Decimal::kMaxMantissa);
    const uint128_t v = n >= 39 ? bits128() % (max + 1) : bits128() % detail::pow10(n);
    return v > max ? v % (max + 1) : v;
  }

  uint128_t magnitude() {
    const uint128_t max = static_cast<uint128_t>(Decimal::kMaxMantissa);
    switch (uniform(0, 5)) {
      case 0: return digits(uniform(30, 39));  // near the top of the range
      case 1: {                                // edges: 2^127-1, 10^k and neighbours
        const int k = uniform(0, 38);
        switch (uniform(0, 4)) {
          case 0: return max - static_cast<uint128_t>(uniform(0, 3));
          case 1: return detail::pow10(k);
          case 2: return detail::pow10(k) - 1;
          case 3: return detail::pow10(k) + 1;
          default: return max / detail::pow10(k);
        }
      }
      case 2: return digits(uniform(1, 39));
      case 3: return static_cast<uint128_t>(uniform(0, 1000));
      default: {  // trailing zeros, to exercise exact stripping
        const int zeros = uniform(1, 30);
        return digits(38 - zeros) * detail::pow10(zeros);  // below 10^38, so in range
      }
    }
  }

  int scale() {
    const int r = uniform(0, 9);
    return r < 4 ? kMaxScale : r < 6 ? 0 : uniform(0, kMaxScale);
  }

  Decimal decimal() {
    const auto m = static_cast<int128_t>(magnitude());
    return Decimal::fromParts(chance(50) ? -m : m, scale());
  }

  RoundingMode mode() { return static_cast<RoundingMode>(uniform(0, 5)); }

  detail::U256 wide() {
    detail::U256 v;
    const int limbs = uniform(0, 4);
    for (int i = 0; i < limbs; ++i) v.w[i] = chance(10) ? ~0ull : rng_();
    if (limbs > 0 && chance(30)) v.w[limbs - 1] >>= uniform(0, 63);  // vary the top bits
    return v;
  }

 private:
  std::mt19937_64 rng_;
};

mpz_class valueAt(Decimal d, long scale) {  // d * 10^scale, exact when scale >= d.scale()
  return toZ(d.mantissa()) * pow10z(scale - d.scale());
}

// The stream is fixed, so failures reproduce; --gtest_shuffle --gtest_random_seed=N draws
// another one.
class DecimalOracle : public ::testing::Test {
 protected:
  Gen gen{0x9e3779b97f4a7c15ull + static_cast<uint64_t>(
                                      ::testing::UnitTest::GetInstance()->random_seed())};
};

TEST_F(DecimalOracle, AddAndSub) {
  for (int i = 0; i < kIterations; ++i) {
    const Decimal a = gen.decimal(), b = gen.decimal();
    const long s = std::max(a.scale(), b.scale());
    Decimal out;
    ArithError e = add(a, b, out);
    ASSERT_TRUE(matches(e, out, represent(valueAt(a, s) + valueAt(b, s), s), s))
        << a.toString() << " + " << b.toString();
    e = sub(a, b, out);
    ASSERT_TRUE(matches(e, out, represent(valueAt(a, s) - valueAt(b, s), s), s))
        << a.toString() << " - " << b.toString();
  }
}

TEST_F(DecimalOracle, Mul) {
  for (int i = 0; i < kIterations; ++i) {
    const Decimal a = gen.decimal(), b = gen.decimal();
    const long s = a.scale() + b.scale();
    Decimal out;
    const ArithError e = mul(a, b, out);
    ASSERT_TRUE(matches(e, out, represent(toZ(a.mantissa()) * toZ(b.mantissa()), s), s))
        << a.toString() << " * " << b.toString();
  }
}

TEST_F(DecimalOracle, Div) {
  for (int i = 0; i < kIterations; ++i) {
    const Decimal a = gen.decimal(), b = gen.decimal();
    const int scale = gen.uniform(0, kMaxScale);
    const RoundingMode mode = gen.mode();
    Decimal out;
    const ArithError e = div(a, b, scale, mode, out);
    if (b.isZero()) {
      ASSERT_EQ(e, ArithError::DivideByZero);
      continue;
    }
    // a/b at `scale` is a.m * 10^(b.s + scale) / (b.m * 10^a.s); keep the divisor positive.
    mpz_class n = toZ(a.mantissa()) * pow10z(b.scale() + scale);
    mpz_class d = toZ(b.mantissa()) * pow10z(a.scale());
    if (d < 0) {
      n = -n;
      d = -d;
    }
    ASSERT_TRUE(matches(e, out, represent(divRound(n, d, mode), scale), scale))
        << a.toString() << " / " << b.toString() << " at " << scale << " " << toString(mode);
  }
}

// Round, quantize and floor share the oracle: the value rounded to a multiple of 10^-scale.
Expected expectedRound(Decimal a, int scale, RoundingMode mode) {
  if (scale >= a.scale()) return represent(toZ(a.mantissa()), a.scale());
  const mpz_class q = divRound(toZ(a.mantissa()), pow10z(a.scale() - scale), mode);
  return represent(q, scale);  // represent() scales q up when scale < 0
}

TEST_F(DecimalOracle, RoundAndQuantize) {
  for (int i = 0; i < kIterations; ++i) {
    const Decimal a = gen.decimal();
    const int scale = gen.uniform(-42, kMaxScale + 2);
    const RoundingMode mode = gen.mode();
    const Expected want = expectedRound(a, scale, mode);
    Decimal out;
    ArithError e = round(a, scale, mode, out);
    ASSERT_TRUE(matches(e, out, want, std::min(std::max(scale, 0), a.scale())))
        << "round " << a.toString() << " to " << scale << " " << toString(mode);

    e = quantize(a, scale, mode, out);
    const long target = std::max(scale, 0);
    Expected q = want;
    if (scale > kMaxScale) {
      q.err = ArithError::Precision;
    } else if (q.err == ArithError::None && abs(q.m) * pow10z(target - q.scale) > maxMantissa()) {
      q.err = ArithError::Overflow;  // the value fits, but not at the requested scale
    }
    ASSERT_TRUE(matches(e, out, q, -1)) << "quantize " << a.toString() << " to " << scale;
    if (e == ArithError::None) {
      ASSERT_EQ(out.scale(), target) << "quantize " << a.toString() << " to " << scale;
    }
  }
}

TEST_F(DecimalOracle, FloorCeilTrunc) {
  for (int i = 0; i < kIterations; ++i) {
    const Decimal a = gen.decimal();
    ASSERT_TRUE(matches(ArithError::None, a.floor(), expectedRound(a, 0, RoundingMode::Floor), 0));
    ASSERT_TRUE(matches(ArithError::None, a.ceil(), expectedRound(a, 0, RoundingMode::Ceiling), 0));
    ASSERT_TRUE(matches(ArithError::None, a.trunc(), expectedRound(a, 0, RoundingMode::Down), 0));
  }
}

TEST_F(DecimalOracle, Shift) {
  for (int i = 0; i < kIterations; ++i) {
    const Decimal a = gen.decimal();
    const int exp = gen.uniform(-60, 60);
    Decimal out;
    const ArithError e = shift(a, exp, out);
    ASSERT_TRUE(matches(e, out, represent(toZ(a.mantissa()), long{a.scale()} - exp), -1))
        << a.toString() << " shift " << exp;
  }
}

TEST_F(DecimalOracle, Compare) {
  for (int i = 0; i < kIterations; ++i) {
    const Decimal a = gen.decimal();
    // Half the time compare against the same value at another scale, or a near neighbour.
    Decimal b = gen.decimal();
    if (gen.chance(50)) {
      Decimal moved;
      if (shift(a, gen.uniform(-3, 3), moved) == ArithError::None) b = moved;
      const Decimal n = a.normalized();
      if (gen.chance(50) && n.scale() < kMaxScale &&
          quantize(n, gen.uniform(n.scale(), kMaxScale), RoundingMode::Down, moved) ==
              ArithError::None) {
        b = moved;
      }
    }
    const long s = std::max(a.scale(), b.scale());
    const int want = sgn(valueAt(a, s) - valueAt(b, s));
    ASSERT_EQ(compare(a, b), want) << a.toString() << " vs " << b.toString();
    ASSERT_EQ(compare(b, a), -want);
    ASSERT_EQ(a == b, want == 0);
  }
}

std::string oracleFixed(const mpz_class& m, long scale, long places) {
  std::string digits = mpz_class(abs(m)).get_str();
  if (static_cast<long>(digits.size()) <= scale) {
    digits.insert(0, static_cast<size_t>(scale + 1 - static_cast<long>(digits.size())), '0');
  }
  std::string out = m < 0 ? "-" : "";
  out += digits.substr(0, digits.size() - static_cast<size_t>(scale));
  if (places > 0) out += "." + digits.substr(digits.size() - static_cast<size_t>(scale)) +
                         std::string(static_cast<size_t>(places - scale), '0');
  return out;
}

TEST_F(DecimalOracle, FormatAndParse) {
  for (int i = 0; i < kIterations; ++i) {
    const Decimal a = gen.decimal();
    const Expected canon = represent(toZ(a.mantissa()), a.scale());
    const std::string text = a.toString();
    ASSERT_EQ(text, oracleFixed(canon.m, canon.scale, canon.scale));
    const std::optional<Decimal> back = Decimal::parse(text);
    ASSERT_TRUE(back.has_value()) << text;
    ASSERT_EQ(toZ(back->mantissa()), canon.m) << text;
    ASSERT_EQ(back->scale(), canon.scale) << text;
    ASSERT_EQ(toZ(a.normalized().mantissa()), canon.m) << text;
    ASSERT_EQ(a.normalized().scale(), canon.scale) << text;

    const int places = gen.uniform(0, kMaxScale + 2);
    const RoundingMode mode = gen.mode();
    const Expected r = expectedRound(a, places, mode);  // r.scale <= places
    ASSERT_EQ(a.toFixed(places, mode), oracleFixed(r.m * pow10z(places - r.scale), places, places))
        << text << " to " << places << " " << toString(mode);
  }
}

// Hacker's Delight's test vectors for algorithm D, with 64-bit instead of 32-bit digits: they
// force the trial quotient correction and the rare add-back step.
TEST_F(DecimalOracle, WideDivisionHardCases) {
  constexpr uint64_t kTop = 0x8000000000000000ull, kAll = ~0ull;
  const detail::U256 cases[][2] = {
      {{{0, 0, kTop, kTop - 1}}, {{1, 0, kTop, 0}}},
      {{{3, 0, kTop, 0}}, {{1, 0, 0x2000000000000000ull, 0}}},
      {{{0, 0, kTop, 0}}, {{kAll, 0, kTop, 0}}},
      {{{0, kAll - 1, kTop, 0}}, {{kAll, kTop, 0, 0}}},
      {{{kAll, kAll, kAll, kAll}}, {{kAll, kAll, 0, 0}}},
      {{{0, 0, 0, kTop}}, {{1, 0, 0, kTop}}},
      {{{kAll, kAll, kAll, kAll}}, {{1, 0, 0, 0}}},
  };
  for (const auto& c : cases) {
    detail::U256 r;
    const detail::U256 q = detail::divmod(c[0], c[1], r);
    const mpz_class n = toZ(c[0]), d = toZ(c[1]);
    EXPECT_EQ(toZ(q), n / d) << n.get_str() << " / " << d.get_str();
    EXPECT_EQ(toZ(r), n % d) << n.get_str() << " % " << d.get_str();
  }
}

// The 256-bit helpers directly, at every combination of limb counts.
TEST_F(DecimalOracle, WideIntegerArithmetic) {
  const mpz_class two256 = mpz_class(1) << 256;
  for (int i = 0; i < kIterations; ++i) {
    const detail::U256 n = gen.wide(), d = gen.wide();
    const mpz_class zn = toZ(n), zd = toZ(d);
    ASSERT_EQ(detail::compare(n, d), sgn(zn - zd));
    ASSERT_EQ(toZ(detail::add(n, d)), (zn + zd) % two256);
    if (zn >= zd) {
      ASSERT_EQ(toZ(detail::sub(n, d)), zn - zd);
    }
    const uint128_t x = detail::lowU128(n), y = detail::lowU128(d);
    ASSERT_EQ(toZ(detail::mul(x, y)), toZ(x) * toZ(y));
    if (zd == 0) continue;
    detail::U256 r;
    const detail::U256 q = detail::divmod(n, d, r);
    ASSERT_EQ(toZ(q), zn / zd) << zn.get_str() << " / " << zd.get_str();
    ASSERT_EQ(toZ(r), zn % zd) << zn.get_str() << " % " << zd.get_str();
  }
}

}  // namespace
}  // namespace polrt

#endif  // POLC_HAVE_GMP
