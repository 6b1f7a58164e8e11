// Calendar dates and months of the proleptic Gregorian calendar.
//
// A Date counts days since 1970-01-01; a Month counts months since 0000-01.
// Both are plain values, totally ordered, with exact calendar arithmetic.
#ifndef RELIEF_CALENDAR_HPP_
#define RELIEF_CALENDAR_HPP_

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace relief {

class Month;

class Date {
 public:
  constexpr Date() = default;
  // nullopt unless year in [1, 9999], month in [1, 12] and day valid.
  static std::optional<Date> FromYmd(int year, int month, int day);
  // Strict ISO form "YYYY-MM-DD".
  static std::optional<Date> Parse(std::string_view text);
  static constexpr Date FromDays(std::int32_t days) { return Date(days); }

  std::int32_t days_since_epoch() const { return days_; }
  int year() const;
  int month() const;
  int day() const;
  Month month_of() const;

  Date AddDays(std::int64_t n) const { return Date(static_cast<std::int32_t>(days_ + n)); }
  std::string ToString() const;         // "2020-09-30"
  std::string ToFrench() const;         // "30/09/2020"

  friend constexpr auto operator<=>(const Date&, const Date&) = default;

 private:
  constexpr explicit Date(std::int32_t days) : days_(days) {}
  std::int32_t days_ = 0;
};

class Month {
 public:
  constexpr Month() = default;
  static std::optional<Month> FromYm(int year, int month);
  // Strict ISO form "YYYY-MM".
  static std::optional<Month> Parse(std::string_view text);
  static constexpr Month FromIndex(std::int32_t index) { return Month(index); }

  std::int32_t index() const { return index_; }
  int year() const { return index_ / 12; }
  int month() const { return index_ % 12 + 1; }
  Month Add(std::int64_t n) const { return Month(static_cast<std::int32_t>(index_ + n)); }
  Date FirstDay() const;
  Date LastDay() const;
  int DayCount() const;

  std::string ToString() const;         // "2020-11"
  std::string ToFrench() const;         // "novembre 2020"

  friend constexpr auto operator<=>(const Month&, const Month&) = default;

 private:
  constexpr explicit Month(std::int32_t index) : index_(index) {}
  std::int32_t index_ = 0;
};

}  // namespace relief

#endif  // RELIEF_CALENDAR_HPP_
