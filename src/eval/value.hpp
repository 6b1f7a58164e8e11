// A runtime value of the rule language. Unknown and error are values too:
// a fact the profile does not give is unknown, and a division by zero is an
// error carrying the instruction where it happened.
#ifndef RELIEF_EVAL_VALUE_HPP_
#define RELIEF_EVAL_VALUE_HPP_

#include <cstdint>
#include <string_view>

#include "relief/calendar.hpp"
#include "relief/decimal.hpp"

namespace relief::internal {

enum class ErrorCode : std::uint8_t { kNone, kDivisionByZero, kOverflow, kNoParameterValue };

struct Value {
  enum class Kind : std::uint8_t { kUnknown, kError, kBool, kNumber, kDate, kMonth, kString, kEnum };

  Kind kind = Kind::kUnknown;
  bool boolean = false;
  ErrorCode error = ErrorCode::kNone;
  std::int32_t integer = 0;  // date days, month index, enum index, error instruction
  Decimal number;
  std::string_view text;     // kString: points into the profile or the program

  static Value Unknown() { return {}; }
  static Value Bool(bool b) { return {.kind = Kind::kBool, .boolean = b}; }
  static Value Number(Decimal d) { return {.kind = Kind::kNumber, .number = d}; }
  static Value OfDate(Date d) { return {.kind = Kind::kDate, .integer = d.days_since_epoch()}; }
  static Value OfMonth(Month m) { return {.kind = Kind::kMonth, .integer = m.index()}; }
  static Value String(std::string_view s) { return {.kind = Kind::kString, .text = s}; }
  static Value Enum(std::int32_t index) { return {.kind = Kind::kEnum, .integer = index}; }
  static Value Error(ErrorCode code, std::uint32_t at) {
    return {.kind = Kind::kError, .error = code, .integer = static_cast<std::int32_t>(at)};
  }

  bool known() const { return kind != Kind::kUnknown && kind != Kind::kError; }
  bool unknown() const { return kind == Kind::kUnknown; }
  bool is_error() const { return kind == Kind::kError; }
  bool is_true() const { return kind == Kind::kBool && boolean; }
  bool is_false() const { return kind == Kind::kBool && !boolean; }
  Date date() const { return Date::FromDays(integer); }
  Month month() const { return Month::FromIndex(integer); }

  friend bool operator==(const Value& a, const Value& b) {
    if (a.kind != b.kind) return false;
    switch (a.kind) {
      case Kind::kUnknown: return true;
      case Kind::kError: return a.error == b.error && a.integer == b.integer;
      case Kind::kBool: return a.boolean == b.boolean;
      case Kind::kNumber: return a.number == b.number;
      case Kind::kString: return a.text == b.text;
      default: return a.integer == b.integer;
    }
  }
};

}  // namespace relief::internal

#endif  // RELIEF_EVAL_VALUE_HPP_
