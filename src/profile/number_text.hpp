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

}  // namespace relief::internal

#endif  // RELIEF_PROFILE_NUMBER_TEXT_HPP_
