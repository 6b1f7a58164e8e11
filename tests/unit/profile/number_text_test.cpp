// The profile phase's number grammar alone (profile/number_text.hpp): the
// one grammar of numbers and amounts that the YAML/JSON reader, the
// ProfileBuilder and the Python API share (docs/profiles.md).
#include "profile/number_text.hpp"

#include <gtest/gtest.h>

namespace relief::internal {
namespace {

std::optional<Decimal> Money(std::string_view text) { return ParseProfileNumber(text, NumberKind::kMoney).value; }

TEST(ProfileNumbers, AmountsWithSpacesAndEitherDecimalMark) {
  EXPECT_EQ(Money("1500"), Decimal(1500));
  EXPECT_EQ(Money("1 500"), Decimal(1500));
  EXPECT_EQ(Money("1\u00A0500,50"), Decimal::Ratio(300100, 200));
  EXPECT_EQ(Money("1\u202F500.5 €"), Decimal::Ratio(3001, 2));
  EXPECT_EQ(Money("-12,05"), Decimal::Ratio(-1205, 100));
}

TEST(ProfileNumbers, AmbiguousSeparatorsAndExtraDecimalsAreRefusedWithAReason) {
  for (std::string_view text : {"1,500", "4.200", "12,500", "4200.999", "1,500.50", "1e3", "", "€"}) {
    ParsedNumber p = ParseProfileNumber(text, NumberKind::kMoney);
    EXPECT_FALSE(p.value.has_value()) << text;
    EXPECT_FALSE(p.problem.empty()) << text;
  }
}

TEST(ProfileNumbers, IntegersAndPercentages) {
  EXPECT_EQ(ParseProfileNumber("1 000", NumberKind::kInteger).value, Decimal(1000));
  EXPECT_FALSE(ParseProfileNumber("2.5", NumberKind::kInteger).value.has_value());
  EXPECT_EQ(ParseProfileNumber("60 %", NumberKind::kPercentage).value, Decimal::Ratio(3, 5));
  EXPECT_EQ(ParseProfileNumber("0.6", NumberKind::kPercentage).value, Decimal::Ratio(3, 5));
}

// Plain ASCII numbers ("-1234.5") take a fast path; surrounded by spaces,
// the same text goes through the general grammar. Both must agree on every
// kind: the same value, or both a refusal.
TEST(ProfileNumbers, PlainNumbersReadAsTheGeneralGrammarReadsThem) {
  const char* const texts[] = {"0",
                               "-0",
                               "1",
                               "-1",
                               "12",
                               "4766.22",
                               "114969.36",
                               "9368.6",
                               "0.01",
                               "-0.50",
                               "12,5",
                               "007",
                               "0.125",
                               "1234.567",
                               "1.5",
                               "2.0",
                               "-12.05",
                               "100",
                               "0.6",
                               "60",
                               "1,500",
                               "4.200",
                               "-4.200",
                               "4200.999",
                               "12.",
                               ".5",
                               "-",
                               "--1",
                               "+1",
                               "1e5",
                               "1.5E3",
                               "1.2.3",
                               "12a",
                               "999999999999999999",
                               "-999999999999999999",
                               "99999999999999999.9",
                               "0.000000000000000001",
                               "9999999999999999999",
                               "9223372036854775807",
                               "92233720368547758070",
                               "1234567890123456789.5",
                               "0.0000000000000000001",
                               "1000000000000000000.00"};
  for (NumberKind kind : {NumberKind::kNumber, NumberKind::kMoney, NumberKind::kInteger, NumberKind::kPercentage}) {
    for (std::string_view text : texts) {
      const ParsedNumber fast = ParseProfileNumber(text, kind);
      const ParsedNumber general = ParseProfileNumber(" " + std::string(text) + " ", kind);
      EXPECT_EQ(fast.value, general.value) << text << " kind " << static_cast<int>(kind);
      EXPECT_EQ(fast.problem.empty(), general.problem.empty()) << text << " kind " << static_cast<int>(kind);
    }
  }
}

TEST(ProfileNumbers, PlainNumbersHaveTheirExactValue) {
  EXPECT_EQ(Money("0"), Decimal(0));
  EXPECT_EQ(Money("-0"), Decimal(0));
  EXPECT_EQ(Money("4766"), Decimal(4766));
  EXPECT_EQ(Money("9368.6"), Decimal::Ratio(46843, 5));
  EXPECT_EQ(Money("114969.36"), Decimal::Ratio(2874234, 25));
  EXPECT_EQ(Money("-0.50"), Decimal::Ratio(-1, 2));
  EXPECT_EQ(Money("12,05"), Decimal::Ratio(241, 20));
  EXPECT_EQ(ParseProfileNumber("0.125", NumberKind::kNumber).value, Decimal::Ratio(1, 8));
  EXPECT_EQ(ParseProfileNumber("1234.567", NumberKind::kNumber).value, Decimal::Ratio(1234567, 1000));
  EXPECT_EQ(ParseProfileNumber("999999999999999999", NumberKind::kInteger).value, Decimal(999999999999999999));
  EXPECT_EQ(ParseProfileNumber("0.000000000000000001", NumberKind::kNumber).value,
            Decimal::Ratio(1, 1000000000000000000));
  EXPECT_EQ(ParseProfileNumber("0.6", NumberKind::kPercentage).value, Decimal::Ratio(3, 5));
}

// What the fast path leaves to the general grammar is refused (or read) as
// before, with the same messages.
TEST(ProfileNumbers, WhatThePlainPathLeavesIsReadByTheGrammar) {
  EXPECT_EQ(ParseProfileNumber("9223372036854775807", NumberKind::kInteger).value, Decimal(INT64_MAX));
  EXPECT_EQ(ParseProfileNumber("2.0", NumberKind::kInteger).value, Decimal(2));
  EXPECT_EQ(ParseProfileNumber("92233720368547758070", NumberKind::kNumber).problem,
            "a number too large: expected a number (\"12\", \"1 500\", \"0.125\"), found '92233720368547758070'");
  EXPECT_EQ(ParseProfileNumber("2.5", NumberKind::kInteger).problem,
            "expected an integer (\"12\", \"1 500\"), found '2.5'");
  EXPECT_EQ(ParseProfileNumber("1e5", NumberKind::kMoney).problem,
            "expected an amount in euros (\"1500\", \"1 500,50\", \"1500.50 €\": spaces between thousands, '.' or "
            "',' before at most two decimals), found '1e5'");
  EXPECT_EQ(ParseProfileNumber("4200.999", NumberKind::kMoney).problem.substr(0, 18), "too many decimals:");
  EXPECT_EQ(ParseProfileNumber("-1,500", NumberKind::kNumber).problem.substr(0, 17), "ambiguous number:");
}

}  // namespace
}  // namespace relief::internal
