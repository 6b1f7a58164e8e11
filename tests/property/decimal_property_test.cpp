// Amounts never lose a cent: every operation on amounts written with at
// most two decimals is exact, or reports an overflow; none rounds or wraps
// silently. The reference is 128-bit integer arithmetic on cents.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <random>
#include <string>

#include "relief/decimal.hpp"

namespace relief {
namespace {

__extension__ typedef __int128 Wide;

// "-1234.05" for -123405 cents, as a reference independent of Decimal.
std::string CentsText(std::int64_t cents) {
  const bool negative = cents < 0;
  const unsigned long long abs = negative ? 0ULL - static_cast<unsigned long long>(cents) : cents;
  std::string frac = std::to_string(abs % 100);
  if (frac.size() == 1) frac = "0" + frac;
  return (negative ? "-" : "") + std::to_string(abs / 100) + "." + frac;
}

std::optional<Decimal> FromCents(std::int64_t cents) { return Decimal::Ratio(cents, 100); }

std::int64_t RandomCents(std::mt19937_64& rng) {
  switch (rng() % 4) {
    case 0:
      return static_cast<std::int64_t>(rng() % 100000) - 50000;  // small amounts
    case 1:
      return static_cast<std::int64_t>(rng() % 100000000000) - 50000000000;  // up to 500 M€
    case 2:
      return static_cast<std::int64_t>(rng());  // anything
    default:
      return std::numeric_limits<std::int64_t>::max() - static_cast<std::int64_t>(rng() % 1000);
  }
}

TEST(DecimalProperty, TextRoundTripIsExact) {
  std::mt19937_64 rng(3);
  for (int i = 0; i < 200000; ++i) {
    const std::int64_t cents = RandomCents(rng);
    const std::string text = CentsText(cents);
    const auto parsed = Decimal::Parse(text);
    ASSERT_TRUE(parsed.has_value()) << text;
    ASSERT_EQ(parsed->ToFixed(2), text);
    ASSERT_EQ(parsed, FromCents(cents)) << text;
    ASSERT_EQ(parsed->Round(2), parsed) << text;
  }
}

// Sums, differences and integer multiples of amounts, against cents.
TEST(DecimalProperty, ArithmeticIsExactOrReportsOverflow) {
  std::mt19937_64 rng(5);
  // Decimal keeps p/q in lowest terms: v/100 is representable when its
  // reduced numerator fits 64 bits.
  auto fits = [](Wide v) {
    Wide a = v < 0 ? -v : v, b = 100;
    while (b != 0) a %= b, std::swap(a, b);
    const Wide n = v / (a == 0 ? 1 : a);
    return n >= std::numeric_limits<std::int64_t>::min() && n <= std::numeric_limits<std::int64_t>::max();
  };
  // d == v/100 exactly.
  auto equals = [](const Decimal& d, Wide v) { return Wide(d.numerator()) * 100 == v * d.denominator(); };
  for (int i = 0; i < 300000; ++i) {
    const std::int64_t a = RandomCents(rng), b = RandomCents(rng);
    const std::int64_t k = static_cast<std::int64_t>(rng() % 2000) - 1000;
    const Decimal x = *FromCents(a), y = *FromCents(b);
    const Wide sum = Wide(a) + b, diff = Wide(a) - b, product = Wide(a) * k;
    const auto s = x.Add(y), d = x.Sub(y), p = x.Mul(k);
    ASSERT_EQ(s.has_value(), fits(sum)) << a << " + " << b;
    if (s) {
      ASSERT_TRUE(equals(*s, sum)) << a << " + " << b;
    }
    ASSERT_EQ(d.has_value(), fits(diff)) << a << " - " << b;
    if (d) {
      ASSERT_TRUE(equals(*d, diff)) << a << " - " << b;
    }
    ASSERT_EQ(p.has_value(), fits(product)) << a << " * " << k;
    if (p) {
      ASSERT_TRUE(equals(*p, product)) << a << " * " << k;
    }
  }
}

// The one 64-bit value without a negation is not rounded by one unit.
TEST(DecimalProperty, SubtractingTheSmallestValueIsExact) {
  const Decimal min = std::numeric_limits<std::int64_t>::min();
  EXPECT_FALSE(Decimal(0).Sub(min).has_value());  // 2^63 does not fit
  EXPECT_EQ(Decimal(-1).Sub(min), Decimal(std::numeric_limits<std::int64_t>::max()));
  EXPECT_EQ(min.Sub(min), Decimal(0));
}

// A long sum of amounts (a year of monthly turnovers, say) keeps every cent.
TEST(DecimalProperty, LongSumsKeepEveryCent) {
  std::mt19937_64 rng(9);
  for (int run = 0; run < 200; ++run) {
    Decimal total;
    Wide reference = 0;
    for (int i = 0; i < 1000; ++i) {
      const std::int64_t cents = static_cast<std::int64_t>(rng() % 10000000000) - 2000000000;
      total = *total.Add(*Decimal::Parse(CentsText(cents)));
      reference += cents;
    }
    ASSERT_EQ(total.ToFixed(2), CentsText(static_cast<std::int64_t>(reference)));
  }
}

// A rate applied to an amount is exact; rounding to the cent is half away
// from zero, as the reference computes it.
TEST(DecimalProperty, PercentagesRoundHalfAwayFromZero) {
  std::mt19937_64 rng(13);
  for (int i = 0; i < 200000; ++i) {
    const std::int64_t cents = static_cast<std::int64_t>(rng() % 1000000000000) - 500000000000;
    const std::int64_t percent = static_cast<std::int64_t>(rng() % 10001);  // 0.00 % to 100.00 %
    const auto got = FromCents(cents)->Mul(*Decimal::Ratio(percent, 10000));
    ASSERT_TRUE(got.has_value());
    const Wide exact = Wide(cents) * percent;  // in 1/10000 of a cent
    const Wide abs = exact < 0 ? -exact : exact;
    const Wide rounded = (abs + 5000) / 10000;
    ASSERT_EQ(got->ToFixed(2), CentsText(static_cast<std::int64_t>(exact < 0 ? -rounded : rounded)))
        << cents << " x " << percent;
  }
}

}  // namespace
}  // namespace relief
