// Civil-calendar conversions (Howard Hinnant's days_from_civil algorithm).
#include "relief/calendar.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <climits>
#include <string>

namespace relief {
namespace {

// In 64 bits: any int year fits, and the result is saturated to int32.
std::int32_t DaysFromCivil(std::int64_t y, int m, int d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const std::int64_t days = era * 146097 + doe - 719468;
  return static_cast<std::int32_t>(std::clamp<std::int64_t>(days, INT32_MIN, INT32_MAX));
}

struct Ymd {
  int y, m, d;
};

Ymd CivilFromDays(std::int32_t days) {
  const std::int64_t z = std::int64_t{days} + 719468;  // no overflow near INT32_MAX
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = static_cast<int>(z - era * 146097);
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp + (mp < 10 ? 3 : -9);
  return {static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}

// The bounds of years 1–9999, in days and in month indices.
constexpr std::int64_t kMinDays = -719162;  // 0001-01-01
constexpr std::int64_t kMaxDays = 2932896;  // 9999-12-31
constexpr std::int64_t kMinMonth = 12;      // 0001-01
constexpr std::int64_t kMaxMonth = std::int64_t{9999} * 12 + 11;

// a + b, or nullopt when it leaves [lo, hi] (b may be any int64).
std::optional<std::int64_t> AddWithin(std::int64_t a, std::int64_t b, std::int64_t lo, std::int64_t hi) {
  if (b > hi - a || b < lo - a) return std::nullopt;  // a is within [lo, hi]: no overflow here
  return a + b;
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

constexpr std::array<const char*, 12> kFrenchMonths = {"janvier",   "février", "mars",     "avril",
                                                       "mai",       "juin",    "juillet",  "août",
                                                       "septembre", "octobre", "novembre", "décembre"};

// Appends `value` in `width` digits, zero-padded (0 <= value < 10^width):
// dates are formatted for every explained measure, fmt's parsing of a
// format string costs more than the digits.
void AppendDigits(std::string& out, int value, int width) {
  char digits[4];
  for (int i = width - 1; i >= 0; --i, value /= 10) digits[i] = static_cast<char>('0' + value % 10);
  out.append(digits, static_cast<std::size_t>(width));
}

bool FourDigitYear(int year) { return year >= 0 && year <= 9999; }

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
  return Month::FromIndex(c.y * 12 + c.m - 1);  // any date, even outside years 1–9999
}

std::optional<Date> Date::AddDays(std::int64_t n) const {
  if (days_ < kMinDays || days_ > kMaxDays) return std::nullopt;
  auto days = AddWithin(days_, n, kMinDays, kMaxDays);
  return days ? std::optional<Date>(Date(static_cast<std::int32_t>(*days))) : std::nullopt;
}

std::optional<Date> Date::AddYears(std::int64_t n) const {
  if (days_ < kMinDays || days_ > kMaxDays) return std::nullopt;
  const Ymd c = CivilFromDays(days_);
  auto year = AddWithin(c.y, n, 1, 9999);
  if (!year) return std::nullopt;
  if (auto same = FromYmd(static_cast<int>(*year), c.m, c.d)) return same;
  return FromYmd(static_cast<int>(*year), 3, 1);
}

std::string Date::ToString() const {
  Ymd c = CivilFromDays(days_);
  if (!FourDigitYear(c.y)) return fmt::format("{:04}-{:02}-{:02}", c.y, c.m, c.d);
  std::string out;
  AppendDigits(out, c.y, 4);
  out += '-';
  AppendDigits(out, c.m, 2);
  out += '-';
  AppendDigits(out, c.d, 2);
  return out;
}

std::string Date::ToFrench() const {
  Ymd c = CivilFromDays(days_);
  if (!FourDigitYear(c.y)) return fmt::format("{:02}/{:02}/{:04}", c.d, c.m, c.y);
  std::string out;
  AppendDigits(out, c.d, 2);
  out += '/';
  AppendDigits(out, c.m, 2);
  out += '/';
  AppendDigits(out, c.y, 4);
  return out;
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

std::optional<Month> Month::Add(std::int64_t n) const {
  if (index_ < kMinMonth || index_ > kMaxMonth) return std::nullopt;
  auto index = AddWithin(index_, n, kMinMonth, kMaxMonth);
  return index ? std::optional<Month>(Month(static_cast<std::int32_t>(*index))) : std::nullopt;
}

Date Month::FirstDay() const { return Date::FromDays(DaysFromCivil(year(), month(), 1)); }
Date Month::LastDay() const { return Date::FromDays(DaysFromCivil(year(), month(), DayCount())); }
int Month::DayCount() const { return DaysIn(year(), month()); }

std::string Month::ToString() const {
  if (!FourDigitYear(year())) return fmt::format("{:04}-{:02}", year(), month());
  std::string out;
  AppendDigits(out, year(), 4);
  out += '-';
  AppendDigits(out, month(), 2);
  return out;
}

std::string Month::ToFrench() const {
  std::string out = kFrenchMonths[month() - 1];
  out += ' ';
  out += std::to_string(year());
  return out;
}

}  // namespace relief
