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

}  // namespace
}  // namespace relief::internal
