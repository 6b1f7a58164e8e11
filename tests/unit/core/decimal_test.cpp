#include "relief/decimal.hpp"

#include <gtest/gtest.h>

#include <cstdint>

namespace relief {
namespace {

Decimal D(std::string_view text) { return Decimal::Parse(text).value(); }

TEST(Decimal, ParsesPlainGroupedAndFrenchForms) {
  EXPECT_EQ(D("1500"), Decimal(1500));
  EXPECT_EQ(D("1500.00"), Decimal(1500));
  EXPECT_EQ(D("1 500,50").ToString(), "1500.5");
  EXPECT_EQ(D("-0.125").ToString(), "-0.125");
  EXPECT_EQ(D("10\xE2\x80\xAF"
              "000")
                .ToString(),
            "10000");
}

TEST(Decimal, RejectsFloatSyntaxAndGarbage) {
  for (const char* bad : {"", "-", "1e5", "inf", "nan", "1.", ".5", "1.2.3", "12a", "1,000.5"}) {
    EXPECT_FALSE(Decimal::Parse(bad).has_value()) << bad;
  }
}

TEST(Decimal, ArithmeticIsExact) {
  // 0.1 + 0.2 == 0.3, which binary floating point gets wrong.
  EXPECT_EQ(*D("0.1").Add(D("0.2")), D("0.3"));
  EXPECT_EQ(D("1234567.89").Mul(D("0.2"))->ToString(), "246913.578");
  Decimal third = *Decimal(1).Div(3);
  EXPECT_EQ(*third.Mul(3), Decimal(1));
  EXPECT_EQ(third.ToString(4), "0.3333");
}

TEST(Decimal, ComparesAtTheBoundaryExactly) {
  // A 49.99 % loss is below 50 %, a 50 % loss is not.
  Decimal half = *Decimal::Ratio(1, 2);
  EXPECT_LT(*D("4999").Div(10000), half);
  EXPECT_EQ(*D("5000").Div(10000), half);
  EXPECT_GT(*D("2").Div(3), half);
}

TEST(Decimal, ReportsOverflowAndDivisionByZero) {
  Decimal big(INT64_MAX);
  EXPECT_FALSE(big.Add(1).has_value());
  EXPECT_FALSE(big.Mul(2).has_value());
  EXPECT_FALSE(Decimal(1).Div(0).has_value());
  EXPECT_FALSE(Decimal::Ratio(1, 0).has_value());
}

TEST(Decimal, RoundsHalfAwayFromZero) {
  EXPECT_EQ(D("2.345").Round()->ToString(), "2.35");
  EXPECT_EQ(D("-2.345").Round()->ToString(), "-2.35");
  EXPECT_EQ(D("2.344").Round()->ToString(), "2.34");
  EXPECT_EQ(Decimal::Ratio(2, 3)->ToFixed(2), "0.67");
  EXPECT_EQ(D("1500").ToFixed(2), "1500.00");
  EXPECT_EQ(D("-0.004").ToFixed(2), "0.00");
  EXPECT_EQ(D("2.7").Floor(), Decimal(2));
  EXPECT_EQ(D("-2.3").Floor(), Decimal(-3));
  EXPECT_EQ(D("2.3").Ceil(), Decimal(3));
  EXPECT_EQ(D("-2.7").Ceil(), Decimal(-2));
}

// Reduction and rounding run in 64 bits when the terms fit and in 128 bits
// otherwise: both sides of that boundary give the same lowest terms.
TEST(Decimal, ReducesOnBothSidesOfThe64BitBoundary) {
  const Decimal third_of_max = *Decimal::Ratio(INT64_MAX, 3);  // 2^63 - 1 is not a multiple of 3
  EXPECT_EQ(third_of_max.numerator(), INT64_MAX);
  EXPECT_EQ(*third_of_max.Mul(*Decimal::Ratio(3, INT64_MAX)), Decimal(1));  // 128-bit product and GCD
  EXPECT_EQ(Decimal::Ratio(INT64_MIN, 2)->numerator(), -(std::int64_t{1} << 62));
  EXPECT_EQ(*Decimal::Ratio(INT64_MIN, INT64_MIN), Decimal(1));  // a GCD of 2^63: a 128-bit quotient
  const Decimal negative = *Decimal::Ratio(6, -4);
  EXPECT_EQ(negative.numerator(), -3);
  EXPECT_EQ(negative.denominator(), 2);
  EXPECT_EQ(Decimal::Ratio(0, -7)->denominator(), 1);
}

TEST(Decimal, RoundsOnBothSidesOfThe64BitBoundary) {
  EXPECT_EQ(Decimal::Ratio(-1, 8)->Round()->ToString(), "-0.13");
  // (2^63 - 1) / 1000 × 100 leaves 64 bits: rounded on 128 bits.
  const Decimal rounded = *Decimal::Ratio(INT64_MAX, 1000)->Round();
  EXPECT_EQ(rounded.numerator(), 922337203685477581);
  EXPECT_EQ(rounded.denominator(), 100);
}

// FromScaled reduces units / 10^places by twos and fives alone: the same
// lowest terms as the GCD of Ratio, for every sign, size and scale.
TEST(Decimal, FromScaledEqualsTheRatioItReduces) {
  const std::int64_t units[] = {0,
                                1,
                                -1,
                                5,
                                8,
                                10,
                                125,
                                1000,
                                -2500,
                                11496936,
                                936860,
                                -40776440,
                                1606,
                                999999999999999999,
                                -999999999999999999,
                                1000000000000000000,
                                INT64_MAX,
                                INT64_MIN,
                                INT64_MIN + 1,
                                3814697265625,
                                1LL << 62};
  std::int64_t pow10 = 1;
  for (int places = 0; places <= 18; ++places) {
    for (std::int64_t u : units) {
      const std::optional<Decimal> scaled = Decimal::FromScaled(u, places);
      ASSERT_TRUE(scaled.has_value()) << u << " " << places;
      EXPECT_EQ(scaled, Decimal::Ratio(u, pow10)) << u << " / 10^" << places;
    }
    if (places < 18) pow10 *= 10;
  }
  EXPECT_EQ(Decimal::FromScaled(1234, 2)->ToString(), "12.34");
  EXPECT_EQ(Decimal::FromScaled(-50, 2), Decimal::Ratio(-1, 2));
  EXPECT_EQ(Decimal::FromScaled(7, 0), Decimal(7));
  EXPECT_FALSE(Decimal::FromScaled(1, 19).has_value());
  EXPECT_FALSE(Decimal::FromScaled(1, -1).has_value());
}

// Cents() gives back the cents of FromCents for every residue modulo 100 and
// both signs, and nothing for a value that is not a whole number of cents or
// whose cents overflow.
TEST(Decimal, CentsInvertsFromCents) {
  for (std::int64_t cents = -10'000; cents <= 10'000; ++cents) {
    EXPECT_EQ(Decimal::FromCents(cents).Cents(), cents) << cents;
  }
  EXPECT_EQ(Decimal::FromCents(INT64_MAX).Cents(), INT64_MAX);
  EXPECT_EQ(Decimal::FromCents(INT64_MIN).Cents(), INT64_MIN);
  EXPECT_EQ(D("12.5").Cents(), 1250);
  EXPECT_EQ(D("0.25").Cents(), 25);
  EXPECT_FALSE(D("0.125").Cents().has_value());
  EXPECT_FALSE(Decimal::Ratio(1, 3)->Cents().has_value());
  EXPECT_FALSE(Decimal::Ratio(1, 200)->Cents().has_value());
  EXPECT_FALSE(Decimal(INT64_MAX / 10).Cents().has_value());  // overflows in cents
  EXPECT_EQ(Decimal(INT64_MAX / 100).Cents(), INT64_MAX / 100 * 100);
}

}  // namespace
}  // namespace relief
