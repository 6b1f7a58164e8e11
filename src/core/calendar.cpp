// Civil-calendar conversions (Howard Hinnant's days_from_civil algorithm).
#include "relief/calendar.hpp"

#include <fmt/format.h>

#include <array>

namespace relief {
namespace {

std::int32_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Ymd {
  int y, m, d;
};

Ymd CivilFromDays(std::int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp + (mp < 10 ? 3 : -9);
  return {yoe + era * 400 + (m <= 2), m, d};
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysIn(int y, int m) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// Reads exactly `width` digits at `text[pos]`.
std::optional<int> Digits(std::string_view text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int v = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    v = v * 10 + (text[i] - '0');
  }
  return v;
}

constexpr std::array<const char*, 12> kFrenchMonths = {
    "janvier", "février", "mars",      "avril",   "mai",      "juin",
    "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};

}  // namespace

std::optional<Date> Date::FromYmd(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12) return std::nullopt;
  if (day < 1 || day > DaysIn(year, month)) return std::nullopt;
  return Date(DaysFromCivil(year, month, day));
}

std::optional<Date> Date::Parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto y = Digits(text, 0, 4), m = Digits(text, 5, 2), d = Digits(text, 8, 2);
  if (!y || !m || !d) return std::nullopt;
  return FromYmd(*y, *m, *d);
}

int Date::year() const { return CivilFromDays(days_).y; }
int Date::month() const { return CivilFromDays(days_).m; }
int Date::day() const { return CivilFromDays(days_).d; }
Month Date::month_of() const {
  Ymd c = CivilFromDays(days_);
  return *Month::FromYm(c.y, c.m);
}

std::string Date::ToString() const {
  Ymd c = CivilFromDays(days_);
  return fmt::format("{:04}-{:02}-{:02}", c.y, c.m, c.d);
}

std::string Date::ToFrench() const {
  Ymd c = CivilFromDays(days_);
  return fmt::format("{:02}/{:02}/{:04}", c.d, c.m, c.y);
}

std::optional<Month> Month::FromYm(int year, int month) {
  if (year < 1 || year > 9999 || month < 1 || month > 12) return std::nullopt;
  return Month(year * 12 + month - 1);
}

std::optional<Month> Month::Parse(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  auto y = Digits(text, 0, 4), m = Digits(text, 5, 2);
  if (!y || !m) return std::nullopt;
  return FromYm(*y, *m);
}

Date Month::FirstDay() const { return *Date::FromYmd(year(), month(), 1); }
Date Month::LastDay() const { return *Date::FromYmd(year(), month(), DayCount()); }
int Month::DayCount() const { return DaysIn(year(), month()); }

std::string Month::ToString() const { return fmt::format("{:04}-{:02}", year(), month()); }

std::string Month::ToFrench() const {
  return fmt::format("{} {}", kFrenchMonths[month() - 1], year());
}

}  // namespace relief
