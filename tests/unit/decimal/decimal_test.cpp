#include "decimal/decimal.h"

#include <gtest/gtest.h>

#include <climits>
#include <string>
#include <type_traits>

namespace polrt {
namespace {

constexpr int128_t kMax = Decimal::kMaxMantissa;
constexpr const char* kMaxText = "170141183460469231731687303715884105727";  // 2^127 - 1

Decimal D(std::string_view text) {
  const std::optional<Decimal> v = Decimal::parse(text);
  EXPECT_TRUE(v.has_value()) << "failed to parse " << text;
  return v.value_or(Decimal());
}

// Checks an operation succeeded and returns its canonical text, so expectations read as numbers.
template <typename Op>
std::string ok(Op op) {
  Decimal out;
  const ArithError e = op(out);
  EXPECT_EQ(e, ArithError::None) << toString(e);
  return e == ArithError::None ? out.toString() : std::string("<") + toString(e) + ">";
}

// Checks an operation failed with `expected` and left the output untouched.
template <typename Op>
void fails(ArithError expected, Op op) {
  const Decimal sentinel = D("-7.25");
  Decimal out = sentinel;
  EXPECT_EQ(op(out), expected);
  EXPECT_EQ(out.mantissa(), sentinel.mantissa());
  EXPECT_EQ(out.scale(), sentinel.scale());
}

// ---- representation ----

TEST(DecimalType, IsSmallAndTriviallyCopyable) {
  static_assert(std::is_trivially_copyable_v<Decimal>);
  static_assert(sizeof(Decimal) <= 32);
  EXPECT_TRUE(Decimal().isZero());
  EXPECT_EQ(Decimal().scale(), 0);
}

TEST(DecimalType, TryFromPartsRejectsOutOfRangeParts) {
  EXPECT_TRUE(Decimal::tryFromParts(kMax, 18).has_value());
  EXPECT_TRUE(Decimal::tryFromParts(-kMax, 0).has_value());
  EXPECT_FALSE(Decimal::tryFromParts(-kMax - 1, 0).has_value());  // INT128_MIN is excluded
  EXPECT_FALSE(Decimal::tryFromParts(1, 19).has_value());
  EXPECT_FALSE(Decimal::tryFromParts(1, -1).has_value());
}

// ---- parsing and printing ----

TEST(DecimalParse, AcceptsPlainDecimalsAndKeepsTheirScale) {
  struct Case { const char* text; int64_t mantissa; int scale; };
  for (const Case& c : {Case{"123", 123, 0}, Case{"-0.5", -5, 1}, Case{"1200.00", 120000, 2},
                        Case{"+3", 3, 0}, Case{"0", 0, 0}, Case{"-0", 0, 0}, Case{"007.50", 750, 2},
                        Case{"0.000000000000000001", 1, 18}}) {
    const std::optional<Decimal> d = Decimal::parse(c.text);
    ASSERT_TRUE(d.has_value()) << c.text;
    EXPECT_EQ(d->mantissa(), c.mantissa) << c.text;
    EXPECT_EQ(d->scale(), c.scale) << c.text;
  }
  EXPECT_EQ(D(kMaxText).mantissa(), kMax);
  EXPECT_EQ(D(std::string("-") + kMaxText).mantissa(), -kMax);
  EXPECT_EQ(D("170141183460469231731.687303715884105727").mantissa(), kMax);
}

TEST(DecimalParse, RejectsMalformedOrUnrepresentableText) {
  for (const char* bad : {"", "+", "-", ".", ".5", "5.", "1.2.3", " 1", "1 ", "1e5", "1E5",
                          "1,000", "--1", "+-1", "0x10", "1_000", "１２", "NaN", "inf",
                          "170141183460469231731687303715884105728",    // 2^127
                          "-170141183460469231731687303715884105728",   // INT128_MIN excluded
                          "1000000000000000000000000000000000000000",   // 10^39
                          "0.0000000000000000001",                      // 19 decimals
                          "1.0000000000000000000"}) {                   // 19 decimals, all zero
    EXPECT_FALSE(Decimal::parse(bad).has_value()) << '"' << bad << '"';
  }
}

TEST(DecimalFormat, ToStringIsCanonicalShortestForm) {
  EXPECT_EQ(D("123.45").toString(), "123.45");
  EXPECT_EQ(D("0").toString(), "0");
  EXPECT_EQ(D("-0.000").toString(), "0");
  EXPECT_EQ(D("-0.5").toString(), "-0.5");
  EXPECT_EQ(D("1200.00").toString(), "1200");
  EXPECT_EQ(D("1200").toString(), "1200");
  EXPECT_EQ(D("+0.10").toString(), "0.1");
  EXPECT_EQ(D("0.000000000000000001").toString(), "0.000000000000000001");
  EXPECT_EQ(D("-0.000000000000001000").toString(), "-0.000000000000001");
  EXPECT_EQ(Decimal::fromParts(kMax, 0).toString(), kMaxText);
  EXPECT_EQ(Decimal::fromParts(-kMax, 18).toString(), "-170141183460469231731.687303715884105727");
  EXPECT_EQ(Decimal::fromParts(kMax, 18).toString(), "170141183460469231731.687303715884105727");
  EXPECT_EQ(Decimal::fromParts(10000000000000000000ull, 0).toString(), "10000000000000000000");
  EXPECT_EQ(Decimal::fromInt(INT64_MIN).toString(), "-9223372036854775808");
}

TEST(DecimalFormat, ParseRoundTripsToString) {
  for (const char* text : {"0", "1", "-1", "0.1", "-123.456", "99999999999999999999.999999999999999999",
                           "-0.000000000000000001", kMaxText}) {
    EXPECT_EQ(D(text).toString(), text);
    EXPECT_EQ(D(D(text).toString()), D(text));
  }
}

TEST(DecimalFormat, ToFixedPadsOrRoundsHalfEvenByDefault) {
  EXPECT_EQ(D("1.5").toFixed(2), "1.50");
  EXPECT_EQ(D("1200").toFixed(2), "1200.00");
  EXPECT_EQ(D("1200.00").toFixed(0), "1200");
  EXPECT_EQ(D("0.05").toFixed(3), "0.050");
  EXPECT_EQ(D("-0.5").toFixed(1), "-0.5");
  EXPECT_EQ(D("2.345").toFixed(2), "2.34");   // tie to even
  EXPECT_EQ(D("2.355").toFixed(2), "2.36");   // tie to even
  EXPECT_EQ(D("2.3451").toFixed(2), "2.35");  // above the tie
  EXPECT_EQ(D("2.345").toFixed(2, RoundingMode::HalfUp), "2.35");
  EXPECT_EQ(D("-2.345").toFixed(2, RoundingMode::HalfUp), "-2.35");
  EXPECT_EQ(D("-0.001").toFixed(2), "0.00");  // never "-0.00"
  EXPECT_EQ(D("9.995").toFixed(2), "10.00");  // carry into the integer part
  EXPECT_EQ(D("1.25").toFixed(-3), "1");      // negative places act as 0
  EXPECT_EQ(D("1").toFixed(20), "1.00000000000000000000");
}

// ---- comparison ----

TEST(DecimalCompare, IsByValueAcrossScales) {
  EXPECT_EQ(D("1.50"), D("1.5"));
  EXPECT_EQ(D("1200"), D("1200.000000000000000000"));
  EXPECT_EQ(D("0"), D("-0.000"));
  EXPECT_NE(D("1.5"), D("1.05"));
  EXPECT_LT(D("-0.5"), D("0"));
  EXPECT_LT(D("0.999999999999999999"), D("1"));
  EXPECT_GT(D("1.000000000000000001"), D("1"));
  EXPECT_LE(D("2.0"), D("2"));
  EXPECT_GE(D("2.0"), D("2"));
  EXPECT_EQ(compare(D("-3"), D("-2.999999999999999999")), -1);
  EXPECT_EQ(compare(D("5"), D("5.00")), 0);
  EXPECT_EQ(compare(D("5.01"), D("5")), 1);
}

TEST(DecimalCompare, DoesNotOverflowAtExtremeMagnitudes) {
  const Decimal maxInt = Decimal::fromParts(kMax, 0);    // ~1.7e38
  const Decimal maxFrac = Decimal::fromParts(kMax, 18);  // ~1.7e20
  const Decimal tiny = Decimal::fromParts(1, 18);
  EXPECT_GT(maxInt, maxFrac);
  EXPECT_LT(maxFrac, maxInt);
  EXPECT_LT(maxInt.negated(), maxFrac.negated());
  EXPECT_GT(maxFrac.negated(), maxInt.negated());
  EXPECT_GT(maxInt, tiny);
  EXPECT_LT(maxInt.negated(), tiny.negated());
  EXPECT_LT(maxInt.negated(), maxFrac);
  EXPECT_GT(Decimal::fromParts(kMax, 17), Decimal::fromParts(kMax, 18));
  EXPECT_LT(Decimal::fromParts(-kMax, 17), Decimal::fromParts(-kMax, 18));
  // 10^20 written at scale 0 and at scale 18 (mantissa 10^38): equal, though aligning the
  // other way would overflow.
  const int128_t e20 = static_cast<int128_t>(detail::pow10(20));
  const int128_t e38 = static_cast<int128_t>(detail::pow10(38));
  EXPECT_EQ(Decimal::fromParts(e20, 0), Decimal::fromParts(e38, 18));
  EXPECT_LT(Decimal::fromParts(e20 - 1, 0), Decimal::fromParts(e38, 18));
  EXPECT_GT(Decimal::fromParts(e20, 0), Decimal::fromParts(e38 - 1, 18));
  EXPECT_EQ(Decimal::fromParts(-e20, 0), Decimal::fromParts(-e38, 18));
}

TEST(DecimalCompare, MinMaxAndSignHelpers) {
  EXPECT_EQ(min(D("2"), D("1.5")), D("1.5"));
  EXPECT_EQ(max(D("2"), D("1.5")), D("2"));
  EXPECT_EQ(max(D("-2"), D("-1.5")), D("-1.5"));
  EXPECT_EQ(min(D("1.0"), D("1")).scale(), 1);  // a tie returns the first argument
  EXPECT_EQ(D("-0.1").sign(), -1);
  EXPECT_EQ(D("0.00").sign(), 0);
  EXPECT_EQ(D("3").sign(), 1);
  EXPECT_TRUE(D("-0.1").isNegative());
  EXPECT_FALSE(D("-0").isNegative());
  EXPECT_TRUE(D("0.000").isZero());
  EXPECT_EQ(D("-1.25").abs(), D("1.25"));
  EXPECT_EQ(D("-1.25").negated(), D("1.25"));
}

// ---- rounding ----

struct RoundCase {
  const char* value;
  int scale;
  // Expected results for HalfUp, HalfEven, Down, Up, Floor, Ceiling.
  const char* expected[6];
};

constexpr RoundingMode kModes[6] = {RoundingMode::HalfUp, RoundingMode::HalfEven,
                                    RoundingMode::Down,   RoundingMode::Up,
                                    RoundingMode::Floor,  RoundingMode::Ceiling};

TEST(DecimalRound, EveryModeOnTiesAndNearTies) {
  const RoundCase cases[] = {
      //                 HalfUp  HalfEven Down   Up     Floor  Ceiling
      {"2.5", 0,        {"3",    "2",     "2",   "3",   "2",   "3"}},
      {"-2.5", 0,       {"-3",   "-2",    "-2",  "-3",  "-3",  "-2"}},
      {"3.5", 0,        {"4",    "4",     "3",   "4",   "3",   "4"}},
      {"-3.5", 0,       {"-4",   "-4",    "-3",  "-4",  "-4",  "-3"}},
      {"2.49", 0,       {"2",    "2",     "2",   "3",   "2",   "3"}},
      {"-2.49", 0,      {"-2",   "-2",    "-2",  "-3",  "-3",  "-2"}},
      {"2.51", 0,       {"3",    "3",     "2",   "3",   "2",   "3"}},
      {"-2.51", 0,      {"-3",   "-3",    "-2",  "-3",  "-3",  "-2"}},
      {"0.5", 0,        {"1",    "0",     "0",   "1",   "0",   "1"}},
      {"-0.5", 0,       {"-1",   "0",     "0",   "-1",  "-1",  "0"}},
      {"0.49", 0,       {"0",    "0",     "0",   "1",   "0",   "1"}},
      {"-0.49", 0,      {"0",    "0",     "0",   "-1",  "-1",  "0"}},
      {"1.25", 1,       {"1.3",  "1.2",   "1.2", "1.3", "1.2", "1.3"}},
      {"-1.35", 1,      {"-1.4", "-1.4",  "-1.3", "-1.4", "-1.4", "-1.3"}},
      {"1.2500001", 1,  {"1.3",  "1.3",   "1.2", "1.3", "1.2", "1.3"}},
      {"1.2499999", 1,  {"1.2",  "1.2",   "1.2", "1.3", "1.2", "1.3"}},
      {"7", 0,          {"7",    "7",     "7",   "7",   "7",   "7"}},
      {"-7.000", 0,     {"-7",   "-7",    "-7",  "-7",  "-7",  "-7"}},
      {"0.001", 2,      {"0",    "0",     "0",   "0.01", "0",  "0.01"}},
      // Negative scales round to multiples of 10^-scale: 万元 steps.
      {"15000", -4,     {"20000", "20000", "10000", "20000", "10000", "20000"}},
      {"25000", -4,     {"30000", "20000", "20000", "30000", "20000", "30000"}},
      {"-25000", -4,    {"-30000", "-20000", "-20000", "-30000", "-30000", "-20000"}},
      {"14999.99", -4,  {"10000", "10000", "10000", "20000", "10000", "20000"}},
      {"123.45", -40,   {"0",    "0",     "0",   "<overflow>", "0", "<overflow>"}},
  };
  for (const RoundCase& c : cases) {
    for (int i = 0; i < 6; ++i) {
      Decimal out;
      const ArithError e = round(D(c.value), c.scale, kModes[i], out);
      const std::string got =
          e == ArithError::None ? out.toString() : std::string("<") + toString(e) + ">";
      EXPECT_EQ(got, c.expected[i]) << c.value << " at " << c.scale << " " << toString(kModes[i]);
    }
  }
}

TEST(DecimalRound, KeepsValuesThatAlreadyFitAndRoundsExtremes) {
  Decimal out;
  ASSERT_EQ(round(D("1.5"), 4, RoundingMode::Up, out), ArithError::None);
  EXPECT_EQ(out.scale(), 1);
  // Rounding 2^127 - 1 at scale 1 up must not overflow: it shrinks by ten.
  EXPECT_EQ(ok([](Decimal& o) { return round(Decimal::fromParts(kMax, 1), 0, RoundingMode::Up, o); }),
            "17014118346046923173168730371588410573");
  // Rounding up to a multiple of 10^38 leaves the range.
  fails(ArithError::Overflow,
        [](Decimal& o) { return round(Decimal::fromParts(kMax, 0), -38, RoundingMode::Up, o); });
  EXPECT_EQ(ok([](Decimal& o) {
              return round(Decimal::fromParts(kMax, 0), -38, RoundingMode::Down, o);
            }),
            "100000000000000000000000000000000000000");
  EXPECT_EQ(ok([](Decimal& o) { return round(D("-1"), INT_MIN, RoundingMode::HalfUp, o); }), "0");
  fails(ArithError::Overflow, [](Decimal& o) { return round(D("-1"), INT_MIN, RoundingMode::Up, o); });
}

TEST(DecimalRound, FloorCeilTruncGiveIntegers) {
  EXPECT_EQ(D("3.7").floor().toString(), "3");
  EXPECT_EQ(D("-3.7").floor().toString(), "-4");
  EXPECT_EQ(D("-3.7").ceil().toString(), "-3");
  EXPECT_EQ(D("3.2").ceil().toString(), "4");
  EXPECT_EQ(D("-3.7").trunc().toString(), "-3");
  EXPECT_EQ(D("5.000").floor().scale(), 0);
  EXPECT_EQ(Decimal::fromParts(-kMax, 18).floor().toString(), "-170141183460469231732");
  EXPECT_EQ(Decimal::fromParts(kMax, 0).floor(), Decimal::fromParts(kMax, 0));
}

TEST(DecimalRound, QuantizeFixesTheScale) {
  Decimal out;
  ASSERT_EQ(quantize(D("1.5"), 2, RoundingMode::HalfUp, out), ArithError::None);
  EXPECT_EQ(out.mantissa(), 150);
  EXPECT_EQ(out.scale(), 2);
  ASSERT_EQ(quantize(D("1.005"), 2, RoundingMode::HalfUp, out), ArithError::None);
  EXPECT_EQ(out.mantissa(), 101);
  ASSERT_EQ(quantize(D("12345.6"), -3, RoundingMode::HalfEven, out), ArithError::None);
  EXPECT_EQ(out.mantissa(), 12000);
  EXPECT_EQ(out.scale(), 0);
  fails(ArithError::Overflow, [](Decimal& o) {
    return quantize(Decimal::fromParts(kMax, 0), 1, RoundingMode::HalfUp, o);
  });
  fails(ArithError::Precision, [](Decimal& o) { return quantize(D("1"), 19, RoundingMode::HalfUp, o); });
}

// ---- the policies' money computations ----

TEST(DecimalMoney, PolicyAwardsAreExact) {
  // 8000万元 x 12%
  EXPECT_EQ(ok([](Decimal& o) {
              Decimal yuan;
              if (ArithError e = shift(D("8000"), 4, yuan); e != ArithError::None) return e;
              EXPECT_EQ(yuan.toString(), "80000000");
              return mul(yuan, D("0.12"), o);
            }),
            "9600000");
  // 50000000 x 0.0370 x 0.5 x 1
  EXPECT_EQ(ok([](Decimal& o) {
              Decimal t;
              if (ArithError e = mul(D("50000000"), D("0.0370"), t); e != ArithError::None) return e;
              if (ArithError e = mul(t, D("0.5"), t); e != ArithError::None) return e;
              return mul(t, D("1"), o);
            }),
            "925000");
  // 2000万 x 30%
  EXPECT_EQ(ok([](Decimal& o) {
              Decimal base, rate;
              if (ArithError e = shift(D("2000"), 4, base); e != ArithError::None) return e;
              if (ArithError e = shift(D("30"), -2, rate); e != ArithError::None) return e;
              return mul(base, rate, o);
            }),
            "6000000");
  // 0.1‰ of 1e9
  EXPECT_EQ(ok([](Decimal& o) {
              Decimal rate;
              if (ArithError e = shift(D("0.1"), -3, rate); e != ArithError::None) return e;
              EXPECT_EQ(rate.toString(), "0.0001");
              return mul(rate, D("1000000000"), o);
            }),
            "100000");
  // 0.1 + 0.2 is 0.3 exactly, unlike binary floating point.
  EXPECT_EQ(ok([](Decimal& o) { return add(D("0.1"), D("0.2"), o); }), "0.3");
}

TEST(DecimalMoney, StepCountsAndCaps) {
  // 每满1亿元增加10万元: 3.5亿元 of investment earns 3 full steps.
  Decimal invest, step, steps, bonus;
  ASSERT_EQ(shift(D("3.5"), 8, invest), ArithError::None);
  ASSERT_EQ(shift(D("1"), 8, step), ArithError::None);
  ASSERT_EQ(div(invest, step, 18, RoundingMode::Down, steps), ArithError::None);
  EXPECT_EQ(steps.floor().toInt64(), 3);
  ASSERT_EQ(mulInt(D("100000"), *steps.floor().toInt64(), bonus), ArithError::None);
  EXPECT_EQ(bonus.toString(), "300000");
  // Capped at 500万元.
  Decimal cap;
  ASSERT_EQ(shift(D("500"), 4, cap), ArithError::None);
  EXPECT_EQ(min(D("9600000"), cap).toString(), "5000000");
}

TEST(DecimalMoney, FundingSplitsDivideWithTheGivenRounding) {
  EXPECT_EQ(ok([](Decimal& o) { return div(D("100"), D("3"), 2, RoundingMode::HalfUp, o); }), "33.33");
  EXPECT_EQ(ok([](Decimal& o) { return div(D("200"), D("3"), 2, RoundingMode::HalfUp, o); }), "66.67");
  EXPECT_EQ(ok([](Decimal& o) { return div(D("200"), D("3"), 2, RoundingMode::Down, o); }), "66.66");
  EXPECT_EQ(ok([](Decimal& o) { return div(D("-200"), D("3"), 2, RoundingMode::Floor, o); }), "-66.67");
  EXPECT_EQ(ok([](Decimal& o) { return div(D("-200"), D("3"), 2, RoundingMode::Ceiling, o); }), "-66.66");
  EXPECT_EQ(ok([](Decimal& o) { return div(D("1"), D("8"), 2, RoundingMode::HalfEven, o); }), "0.12");
  EXPECT_EQ(ok([](Decimal& o) { return div(D("1"), D("8"), 2, RoundingMode::HalfUp, o); }), "0.13");
  EXPECT_EQ(ok([](Decimal& o) { return div(D("-1"), D("8"), 2, RoundingMode::HalfUp, o); }), "-0.13");
  EXPECT_EQ(ok([](Decimal& o) { return div(D("1"), D("3"), 18, RoundingMode::HalfUp, o); }),
            "0.333333333333333333");
  EXPECT_EQ(ok([](Decimal& o) { return div(D("12.5"), D("0.25"), 0, RoundingMode::Down, o); }), "50");
  // 1 / (2^127 - 1) is far below 10^-18.
  EXPECT_EQ(ok([](Decimal& o) {
              return div(D("1"), Decimal::fromParts(kMax, 0), 18, RoundingMode::HalfUp, o);
            }),
            "0");
  EXPECT_EQ(ok([](Decimal& o) {
              return div(D("-1"), Decimal::fromParts(kMax, 0), 18, RoundingMode::Up, o);
            }),
            "-0.000000000000000001");
}

// ---- errors at the edges of the range ----

TEST(DecimalErrors, AddAndSubReportOverflowNotWrappedValues) {
  const Decimal maxInt = Decimal::fromParts(kMax, 0);
  fails(ArithError::Overflow, [&](Decimal& o) { return add(maxInt, D("1"), o); });
  fails(ArithError::Overflow, [&](Decimal& o) { return sub(maxInt.negated(), D("1"), o); });
  fails(ArithError::Overflow, [&](Decimal& o) { return add(maxInt, maxInt, o); });
  fails(ArithError::Overflow, [&](Decimal& o) { return sub(maxInt, maxInt.negated(), o); });
  // Needs one decimal, and at scale 1 it is ten times too large.
  fails(ArithError::Overflow, [&](Decimal& o) { return add(maxInt, D("0.5"), o); });
  EXPECT_EQ(ok([&](Decimal& o) { return add(maxInt, D("-1"), o); }),
            "170141183460469231731687303715884105726");
  EXPECT_EQ(ok([&](Decimal& o) { return sub(maxInt, maxInt, o); }), "0");
  // Aligning to scale 18 overflows, but the exact sum fits at its own scale.
  EXPECT_EQ(ok([&](Decimal& o) { return add(maxInt, D("0.000000000000000000"), o); }), kMaxText);
  EXPECT_EQ(ok([&](Decimal& o) { return add(maxInt, D("-0.000000000000000000"), o); }), kMaxText);
  // X.5 + 0.5: the sum at scale 1 exceeds 128 bits, the integer it equals does not.
  EXPECT_EQ(ok([](Decimal& o) {
              return add(D("17014118346046923173168730371588410572.5"), D("0.5"), o);
            }),
            "17014118346046923173168730371588410573");
}

TEST(DecimalErrors, MulReportsOverflowAndStripsOnlyExactZeros) {
  const Decimal maxInt = Decimal::fromParts(kMax, 0);
  fails(ArithError::Overflow, [&](Decimal& o) { return mul(maxInt, D("2"), o); });
  fails(ArithError::Overflow, [&](Decimal& o) { return mul(maxInt.negated(), D("1.1"), o); });
  fails(ArithError::Overflow, [&](Decimal& o) { return mulInt(maxInt, 2, o); });
  fails(ArithError::Overflow, [&](Decimal& o) { return mulInt(maxInt, INT64_MIN, o); });
  fails(ArithError::Overflow, [](Decimal& o) {
    return mul(D("10000000000000000000"), D("100000000000000000000"), o);  // 10^39
  });
  EXPECT_EQ(ok([](Decimal& o) { return mul(D("10000000000000000000"), D("10000000000000000000"), o); }),
            "100000000000000000000000000000000000000");  // 10^38
  EXPECT_EQ(ok([&](Decimal& o) { return mul(maxInt, D("-1"), o); }),
            std::string("-") + kMaxText);
  // The product's mantissa at scale 2 overflows, but 1.00 contributes only zeros.
  EXPECT_EQ(ok([&](Decimal& o) { return mul(maxInt, D("1.00"), o); }), kMaxText);
  EXPECT_EQ(ok([&](Decimal& o) { return mulInt(maxInt, 1, o); }), kMaxText);
}

TEST(DecimalErrors, MulPrecisionWhenMoreThan18DecimalsRemain) {
  fails(ArithError::Precision,
        [](Decimal& o) { return mul(D("0.000000001"), D("0.0000000001"), o); });  // 1e-19
  fails(ArithError::Precision,
        [](Decimal& o) { return mul(D("0.123456789"), D("0.0123456789"), o); });  // 19 decimals
  fails(ArithError::Precision, [](Decimal& o) {
    return mul(D("0.000000000000000001"), D("0.000000000000000001"), o);  // 1e-36
  });
  // Scale 20 that strips back to 1 decimal.
  EXPECT_EQ(ok([](Decimal& o) { return mul(D("0.5000000000"), D("0.2000000000"), o); }), "0.1");
  // Scale 36 that is really an integer.
  EXPECT_EQ(ok([](Decimal& o) {
              return mul(D("2.000000000000000000"), D("3.000000000000000000"), o);
            }),
            "6");
  // Exactly 18 decimals is fine.
  EXPECT_EQ(ok([](Decimal& o) { return mul(D("0.000000001"), D("0.000000001"), o); }),
            "0.000000000000000001");
}

TEST(DecimalErrors, ShiftIsExactAndChecked) {
  EXPECT_EQ(ok([](Decimal& o) { return shift(D("1.2345"), 4, o); }), "12345");
  EXPECT_EQ(ok([](Decimal& o) { return shift(D("1.2345"), 8, o); }), "123450000");
  EXPECT_EQ(ok([](Decimal& o) { return shift(D("-12345"), -8, o); }), "-0.00012345");
  EXPECT_EQ(ok([](Decimal& o) { return shift(D("1"), 38, o); }),
            "100000000000000000000000000000000000000");
  fails(ArithError::Overflow, [](Decimal& o) { return shift(D("2"), 38, o); });
  fails(ArithError::Overflow, [](Decimal& o) { return shift(D("1"), 39, o); });
  fails(ArithError::Overflow, [](Decimal& o) { return shift(D("0.1"), INT_MAX, o); });
  fails(ArithError::Overflow, [&](Decimal& o) { return shift(Decimal::fromParts(kMax, 0), 1, o); });
  EXPECT_EQ(ok([](Decimal& o) { return shift(D("1"), -18, o); }), "0.000000000000000001");
  fails(ArithError::Precision, [](Decimal& o) { return shift(D("1"), -19, o); });
  fails(ArithError::Precision, [](Decimal& o) { return shift(D("1"), INT_MIN, o); });
  // Trailing zeros absorb a shift past 18 decimals.
  EXPECT_EQ(ok([](Decimal& o) { return shift(D("1000"), -21, o); }), "0.000000000000000001");
  EXPECT_EQ(ok([](Decimal& o) {
              return shift(D("100000000000000000000000000000000000000"), -56, o);
            }),
            "0.000000000000000001");
  EXPECT_EQ(ok([](Decimal& o) { return shift(D("0.00"), INT_MAX, o); }), "0");
  EXPECT_EQ(ok([](Decimal& o) { return shift(D("0"), INT_MIN, o); }), "0");
}

TEST(DecimalErrors, DivisionErrors) {
  fails(ArithError::DivideByZero, [](Decimal& o) { return div(D("1"), D("0.00"), 2, RoundingMode::HalfUp, o); });
  fails(ArithError::DivideByZero, [](Decimal& o) { return div(D("0"), D("0"), 2, RoundingMode::HalfUp, o); });
  fails(ArithError::Precision, [](Decimal& o) { return div(D("1"), D("3"), 19, RoundingMode::HalfUp, o); });
  fails(ArithError::Precision, [](Decimal& o) { return div(D("1"), D("3"), -1, RoundingMode::HalfUp, o); });
  fails(ArithError::Overflow, [](Decimal& o) {
    return div(Decimal::fromParts(kMax, 0), D("0.1"), 0, RoundingMode::HalfUp, o);
  });
  // At the requested scale 1 the mantissa would overflow, but the quotient is an integer.
  EXPECT_EQ(ok([](Decimal& o) {
              return div(Decimal::fromParts(kMax, 0), D("-1"), 1, RoundingMode::Down, o);
            }),
            std::string("-") + kMaxText);
  // The quotient's mantissa at scale 2 overflows but the value, an integer, fits.
  EXPECT_EQ(ok([](Decimal& o) {
              return div(D("15000000000000000000000000000000000000"), D("0.1"), 2, RoundingMode::HalfUp, o);
            }),
            "150000000000000000000000000000000000000");
}

TEST(DecimalErrors, NegNeverFails) {
  Decimal out;
  EXPECT_EQ(neg(Decimal::fromParts(-kMax, 3), out), ArithError::None);
  EXPECT_EQ(out.mantissa(), kMax);
  EXPECT_EQ(out.scale(), 3);
}

// ---- conversions ----

TEST(DecimalConvert, ToInt64IsExactOnly) {
  EXPECT_EQ(D("42.000").toInt64(), 42);
  EXPECT_EQ(D("-9223372036854775808").toInt64(), INT64_MIN);
  EXPECT_EQ(D("9223372036854775807.0").toInt64(), INT64_MAX);
  EXPECT_FALSE(D("9223372036854775808").toInt64().has_value());
  EXPECT_FALSE(D("42.5").toInt64().has_value());
  EXPECT_TRUE(D("42.000").isInteger());
  EXPECT_FALSE(D("0.001").isInteger());
}

TEST(DecimalConvert, NormalizedStripsTrailingZerosOnly) {
  const Decimal n = D("1200.500").normalized();
  EXPECT_EQ(n.mantissa(), 12005);
  EXPECT_EQ(n.scale(), 1);
  EXPECT_EQ(D("1200").normalized().mantissa(), 1200);
  EXPECT_EQ(D("0.000").normalized().scale(), 0);
}

TEST(DecimalConvert, ErrorAndModeNames) {
  EXPECT_STREQ(toString(ArithError::Overflow), "overflow");
  EXPECT_STREQ(toString(RoundingMode::HalfEven), "half-even");
}

}  // namespace
}  // namespace polrt
