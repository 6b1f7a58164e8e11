#include "relief/calendar.hpp"

#include <gtest/gtest.h>

namespace relief {
namespace {

TEST(Date, ParsesOnlyRealCalendarDates) {
  EXPECT_TRUE(Date::Parse("2020-02-29").has_value());
  EXPECT_FALSE(Date::Parse("2021-02-29").has_value());
  EXPECT_FALSE(Date::Parse("2020-13-01").has_value());
  EXPECT_FALSE(Date::Parse("2020-9-30").has_value());
  EXPECT_FALSE(Date::Parse("2020-09-30T00").has_value());
}

TEST(Date, ArithmeticAndFormatting) {
  Date d = *Date::Parse("2020-09-30");
  EXPECT_EQ(d.AddDays(1)->ToString(), "2020-10-01");
  EXPECT_EQ(d.ToFrench(), "30/09/2020");
  EXPECT_EQ(d.month_of().ToString(), "2020-09");
  EXPECT_EQ(Date::Parse("1970-01-01")->days_since_epoch(), 0);
  EXPECT_EQ(Date::Parse("2021-01-01")->days_since_epoch() - Date::Parse("2020-01-01")->days_since_epoch(), 366);
  EXPECT_LT(*Date::Parse("2020-09-29"), *Date::Parse("2020-09-30"));
}

TEST(Month, ArithmeticAndBounds) {
  Month m = *Month::Parse("2020-11");
  EXPECT_EQ(m.Add(-12)->ToString(), "2019-11");
  EXPECT_EQ(m.Add(2)->ToString(), "2021-01");
  EXPECT_EQ(Month::Parse("2020-02")->DayCount(), 29);
  EXPECT_EQ(m.LastDay().ToString(), "2020-11-30");
  EXPECT_EQ(m.ToFrench(), "novembre 2020");
  EXPECT_FALSE(Month::Parse("2020-00").has_value());
}

// Dates are formatted digit by digit within years 0–9999 and by fmt
// outside: both give the zero-padded forms.
TEST(Date, FormatsEveryYearZeroPadded) {
  EXPECT_EQ(Date::FromYmd(1, 1, 5)->ToString(), "0001-01-05");
  EXPECT_EQ(Date::FromYmd(1, 1, 5)->ToFrench(), "05/01/0001");
  EXPECT_EQ(Date::FromYmd(987, 12, 31)->ToString(), "0987-12-31");
  EXPECT_EQ(Date::FromYmd(9999, 12, 31)->ToString(), "9999-12-31");
  EXPECT_EQ(Date::FromYmd(9999, 12, 31)->ToFrench(), "31/12/9999");
  EXPECT_EQ(Date::FromDays(Date::FromYmd(9999, 12, 31)->days_since_epoch() + 1).ToString(), "10000-01-01");
  EXPECT_EQ(Date::FromDays(-719529).ToString(), "-001-12-31");  // the day before 0000-01-01
}

TEST(Month, FormatsEveryYearZeroPadded) {
  EXPECT_EQ(Month::FromYm(1, 2)->ToString(), "0001-02");
  EXPECT_EQ(Month::FromYm(42, 10)->ToFrench(), "octobre 42");
  EXPECT_EQ(Month::FromIndex(10000 * 12).ToString(), "10000-01");
  EXPECT_EQ(Month::FromIndex(-1).ToString(), "-001-12");
  EXPECT_EQ(Month::FromIndex(-1).ToFrench(), "décembre -1");
}

}  // namespace
}  // namespace relief
