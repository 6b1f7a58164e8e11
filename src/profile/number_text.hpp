// The grammar of numbers and amounts in profiles, shared by the YAML/JSON
// reader, the ProfileBuilder and so the Python API (docs/profiles.md):
//
//   number  := ['-'] integer [mark digits] ; mark is '.' or ','
//   integer := digits | d{1,3} (space d{3})+  ; space: U+0020, U+00A0 or U+202F
//   amount  := number with at most two decimals, optionally followed by '€'
//
// Refused, with what was expected: a mark followed by exactly three digits
// after one to three digits ("1,500", "4.200": thousands or decimals?),
// more than two decimals in an amount ("4200.999"), anything else.
#ifndef RELIEF_PROFILE_NUMBER_TEXT_HPP_
#define RELIEF_PROFILE_NUMBER_TEXT_HPP_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "relief/decimal.hpp"

namespace relief::internal {

enum class NumberKind { kNumber, kInteger, kMoney, kPercentage };

struct ParsedNumber {
  std::optional<Decimal> value;
  std::string problem;  // when there is no value: why, and what was expected
};

// A percentage is written "60 %" (0.6) or as a fraction (0.6).
ParsedNumber ParseProfileNumber(std::string_view text, NumberKind kind);

// The common case alone, without a message: a number written plainly
// ("-1234.5": ASCII digits, one mark, at most 18 digits) that the grammar
// reads without a doubt. nullopt for any other text, which
// ParseProfileNumber then reads or refuses; the value is always the one
// ParseProfileNumber gives.
std::optional<Decimal> ParsePlainNumber(std::string_view text, NumberKind kind);

// The same number as its digits: units × 10^-places ("-1234.5" → -12345,
// 1), which a reader turns into a cell without the rational (Cell::Scaled).
struct PlainNumber {
  std::int64_t units = 0;
  int places = 0;
};
std::optional<PlainNumber> ScanPlainNumber(std::string_view text, NumberKind kind);
// Where a number's text lies: a text alone (a YAML scalar, a string), or a
// value of a JSON line, where a comma ends the token.
enum class NumberSource : std::uint8_t { kText, kJsonLine };
// The grammar of a plain number, inline for the reader of JSON lines.
namespace plain_number {

inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

inline constexpr std::size_t kMaxDigits = 18;  // of a plain number: below 10^18, the units fit in 64 bits

// 10^i for the digits of a plain number (static: not built on each call).
inline constexpr auto kPow10 = [] {
  std::array<std::uint64_t, kMaxDigits> t{1};
  for (std::size_t i = 1; i < t.size(); ++i) t[i] = t[i - 1] * 10;
  return t;
}();

// A run of ASCII digits: its value (wrapping past 19 digits) and length.
struct Digits {
  std::uint64_t value = 0;
  std::size_t count = 0;
};

// The digits at `p` and their value.
[[gnu::always_inline]] inline Digits DigitsAt(const char* p, const char* end) {
  Digits run;
  for (; p != end && IsAsciiDigit(*p); ++p, ++run.count) run.value = run.value * 10 + static_cast<unsigned>(*p - '0');
  return run;
}

// ['-'] digits [mark digits], ASCII only, at most 18 digits, and nothing
// the general grammar would refuse or have to look at twice (an integer
// with decimals, too many decimals in an amount, three decimals that may be
// thousands). The digits are read once, up to the first byte that is not
// part of the number.
template <NumberSource kSource>
[[gnu::always_inline]] inline std::optional<PlainNumber> ScanPlainNumberFrom(const char*& p, const char* end,
                                                                             NumberKind kind) {
  constexpr bool json = kSource == NumberSource::kJsonLine;
  const bool negative = p != end && *p == '-';
  p += negative ? 1 : 0;
  const bool leading_zero = p != end && *p == '0';
  const Digits integer = DigitsAt(p, end);
  p += integer.count;
  if (integer.count == 0 || integer.count > kMaxDigits) return std::nullopt;
  std::uint64_t units = integer.value;
  std::size_t decimals = 0;
  if (p != end && (*p == '.' || (!json && *p == ','))) {
    if (kind == NumberKind::kInteger) return std::nullopt;
    ++p;
    const Digits fraction = DigitsAt(p, end);
    p += fraction.count;
    decimals = fraction.count;
    if (decimals == 0 || integer.count + decimals > kMaxDigits) return std::nullopt;
    if (kind == NumberKind::kMoney && decimals > 2) return std::nullopt;
    if (decimals == 3 && integer.count <= 3 && !leading_zero) return std::nullopt;
    units = units * kPow10[decimals] + fraction.value;
  }
  const auto value = static_cast<std::int64_t>(units);
  return PlainNumber{negative ? -value : value, static_cast<int>(decimals)};
}

}  // namespace plain_number

// The plain number at `p` (before `end`), read in the same pass as the
// text is scanned: `p` is moved to the first byte after it. The number is
// ScanPlainNumber's when that byte ends the text; nullopt when what is at
// `p` is not a plain number (`p` then anywhere).
inline std::optional<PlainNumber> ScanPlainNumberAt(const char*& p, const char* end, NumberKind kind,
                                                    NumberSource source) {
  return source == NumberSource::kJsonLine ? plain_number::ScanPlainNumberFrom<NumberSource::kJsonLine>(p, end, kind)
                                           : plain_number::ScanPlainNumberFrom<NumberSource::kText>(p, end, kind);
}

}  // namespace relief::internal

#endif  // RELIEF_PROFILE_NUMBER_TEXT_HPP_
