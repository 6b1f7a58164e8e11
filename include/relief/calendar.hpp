// Calendar dates and months of the proleptic Gregorian calendar.
//
// A Date counts days since 1970-01-01; a Month counts months since 0000-01.
// Both are plain values, totally ordered, with exact calendar arithmetic.
// Dates and months made by Parse, FromYmd and FromYm lie in years 1–9999;
// arithmetic that would leave them gives nullopt (never a wrapped value).
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

  // nullopt when the result falls outside years 1–9999.
  std::optional<Date> AddDays(std::int64_t n) const;
  // The same day n years later (or earlier); 29 February becomes 1 March in
  // a common year, as for a birthday. nullopt outside years 1–9999.
  std::optional<Date> AddYears(std::int64_t n) const;
  std::string ToString() const;  // "2020-09-30"
  std::string ToFrench() const;  // "30/09/2020"

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
  int year() const { return static_cast<int>((std::int64_t{index_} - (index_ < 0 ? 11 : 0)) / 12); }
  int month() const { return static_cast<int>(index_ - std::int64_t{year()} * 12 + 1); }
  // nullopt when the result falls outside years 1–9999.
  std::optional<Month> Add(std::int64_t n) const;
  // For a month outside years 1–9999 (made by FromIndex), the proleptic
  // date, saturated to what a Date can hold.
  Date FirstDay() const;
  Date LastDay() const;
  int DayCount() const;

  std::string ToString() const;  // "2020-11"
  std::string ToFrench() const;  // "novembre 2020"

  friend constexpr auto operator<=>(const Month&, const Month&) = default;

 private:
  constexpr explicit Month(std::int32_t index) : index_(index) {}
  std::int32_t index_ = 0;
};

}  // namespace relief

#endif  // RELIEF_CALENDAR_HPP_
