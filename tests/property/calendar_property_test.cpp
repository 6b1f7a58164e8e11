// Date arithmetic agrees with the calendar over the whole supported range
// (years 1–9999), and never wraps or reads out of bounds outside it (#7
// defect 4). The reference is an independent day-by-day walk of the
// Gregorian calendar.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <random>

#include "relief/calendar.hpp"

namespace relief {
namespace {

bool Leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int Days(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && Leap(y) ? 29 : kDays[m - 1];
}

TEST(CalendarProperty, EveryDayOfYears1To9999) {
  int y = 1, m = 1, d = 1;
  Date date = *Date::FromYmd(1, 1, 1);
  std::int64_t count = 0;
  for (;;) {
    ASSERT_EQ(date.year(), y);
    ASSERT_EQ(date.month(), m);
    ASSERT_EQ(date.day(), d);
    ASSERT_EQ(Date::FromYmd(y, m, d), date);
    if (count % 97 == 0) {
      ASSERT_EQ(Date::Parse(date.ToString()), date) << date.ToString();
      ASSERT_EQ(date.month_of(), *Month::FromYm(y, m));
    }
    if (d == 1) {
      ASSERT_EQ(Month::FromYm(y, m)->FirstDay(), date);
    }
    if (++d > Days(y, m)) {
      ASSERT_EQ(Month::FromYm(y, m)->LastDay(), date);
      ASSERT_EQ(Month::FromYm(y, m)->DayCount(), Days(y, m));
      d = 1;
      if (++m > 12) m = 1, ++y;
    }
    ++count;
    auto next = date.AddDays(1);
    if (y == 10000) {
      ASSERT_FALSE(next.has_value()) << "past 9999-12-31";
      break;
    }
    ASSERT_TRUE(next.has_value());
    ASSERT_EQ(next->days_since_epoch(), date.days_since_epoch() + 1);
    date = *next;
  }
  EXPECT_EQ(count, 3652059);  // days from 0001-01-01 to 9999-12-31
  EXPECT_FALSE(Date::FromYmd(1, 1, 1)->AddDays(-1).has_value());
}

TEST(CalendarProperty, RandomJumpsAgreeWithTheWalk) {
  std::mt19937_64 rng(7);
  const Date first = *Date::FromYmd(1, 1, 1), last = *Date::FromYmd(9999, 12, 31);
  for (int i = 0; i < 200000; ++i) {
    const std::int64_t from = first.days_since_epoch() + static_cast<std::int64_t>(rng() % 3652059);
    const std::int64_t n = static_cast<std::int64_t>(rng() % 8000000) - 4000000;
    const auto got = Date::FromDays(static_cast<std::int32_t>(from)).AddDays(n);
    const bool inside = from + n >= first.days_since_epoch() && from + n <= last.days_since_epoch();
    ASSERT_EQ(got.has_value(), inside) << from << " + " << n;
    if (inside) {
      ASSERT_EQ(got->days_since_epoch(), from + n);
    }
  }
}

TEST(CalendarProperty, MonthsAndYears) {
  Month m = *Month::FromYm(1, 1);
  for (int y = 1; y <= 9999; ++y) {
    for (int k = 1; k <= 12; ++k) {
      ASSERT_EQ(m.year(), y);
      ASSERT_EQ(m.month(), k);
      auto next = m.Add(1);
      if (y == 9999 && k == 12) {
        ASSERT_FALSE(next.has_value());
      } else {
        ASSERT_TRUE(next.has_value());
        m = *next;
      }
    }
  }
  std::mt19937_64 rng(11);
  for (int i = 0; i < 100000; ++i) {
    const int y = 1 + static_cast<int>(rng() % 9999), mo = 1 + static_cast<int>(rng() % 12);
    const int d = 1 + static_cast<int>(rng() % Days(y, mo));
    const std::int64_t n = static_cast<std::int64_t>(rng() % 20000) - 10000;
    const auto got = Date::FromYmd(y, mo, d)->AddYears(n);
    const std::int64_t year = y + n;
    ASSERT_EQ(got.has_value(), year >= 1 && year <= 9999);
    if (!got) continue;
    const bool feb29 = mo == 2 && d == 29 && !Leap(static_cast<int>(year));
    ASSERT_EQ(*got, *Date::FromYmd(static_cast<int>(year), feb29 ? 3 : mo, feb29 ? 1 : d));
    const auto months = Month::FromYm(y, mo)->Add(n * 12);
    ASSERT_EQ(months, Month::FromYm(static_cast<int>(year), mo));
  }
}

// The cases of #7 defect 4: no wrapping, no truncation, no empty optional.
TEST(CalendarProperty, OutOfRangeNeverWrapsNorCrashes) {
  const Date d = *Date::Parse("2020-11-15");
  EXPECT_FALSE(d.AddDays(std::int64_t{1} << 32).has_value());  // was == d
  EXPECT_FALSE(d.AddDays(std::numeric_limits<std::int64_t>::max()).has_value());
  EXPECT_FALSE(d.AddDays(std::numeric_limits<std::int64_t>::min()).has_value());
  const Month m = *Month::Parse("2020-11");
  EXPECT_FALSE(m.Add((std::int64_t{1} << 32) + 1).has_value());  // was 2020-12
  EXPECT_FALSE(m.Add(std::numeric_limits<std::int64_t>::min()).has_value());
  EXPECT_FALSE(d.AddYears((std::int64_t{1} << 32) + 1).has_value());  // was 2021-11-15
  EXPECT_FALSE(Date::Parse("9999-12-31")->AddYears(30).has_value());
  EXPECT_EQ(Date::Parse("2020-02-29")->AddYears(1)->ToString(), "2021-03-01");
  // Months and dates made by FromIndex/FromDays outside the range: defined
  // results, no crash (the checked operations refuse them).
  for (std::int32_t index : {-1, -13, 0, 9999 * 12 + 12, std::numeric_limits<std::int32_t>::max(),
                             std::numeric_limits<std::int32_t>::min()}) {
    const Month odd = Month::FromIndex(index);
    EXPECT_GE(odd.month(), 1);
    EXPECT_LE(odd.month(), 12);
    EXPECT_FALSE(odd.ToFrench().empty());
    EXPECT_LE(odd.FirstDay(), odd.LastDay());
    EXPECT_FALSE(odd.Add(0).has_value());
  }
  EXPECT_EQ(Month::FromIndex(-1).ToString(), "-001-12");
  for (std::int32_t days : {std::numeric_limits<std::int32_t>::max(), std::numeric_limits<std::int32_t>::min()}) {
    const Date odd = Date::FromDays(days);
    EXPECT_FALSE(odd.ToString().empty());
    EXPECT_FALSE(odd.month_of().ToFrench().empty());
    EXPECT_FALSE(odd.AddDays(0).has_value());
  }
}

}  // namespace
}  // namespace relief
