// A runtime value of the rule language. Unknown and error are values too:
// a fact the profile does not give is unknown, and a division by zero is an
// error carrying the instruction where it happened.
#ifndef RELIEF_IR_VALUE_HPP_
#define RELIEF_IR_VALUE_HPP_

#include <cstdint>
#include <string_view>

#include "relief/calendar.hpp"
#include "relief/decimal.hpp"

namespace relief::internal {

enum class ErrorCode : std::uint8_t { kNone, kDivisionByZero, kOverflow, kNoParameterValue, kDateOutOfRange };

struct Value {
  enum class Kind : std::uint8_t { kUnknown, kError, kBool, kNumber, kDate, kMonth, kString, kEnum };

  Kind kind = Kind::kUnknown;
  bool boolean = false;
  ErrorCode error = ErrorCode::kNone;
  std::int32_t integer = 0;  // date days, month index, enum index, error instruction, string id (Program::string_ids)
  Decimal number;
  std::string_view text;  // kString: points into the profile or the program

  static Value Unknown() { return {}; }
  static Value Bool(bool b) {
    return Make(Kind::kBool, [&](Value& v) { v.boolean = b; });
  }
  static Value Number(Decimal d) {
    return Make(Kind::kNumber, [&](Value& v) { v.number = d; });
  }
  static Value OfDate(Date d) {
    return Make(Kind::kDate, [&](Value& v) { v.integer = d.days_since_epoch(); });
  }
  static Value OfMonth(Month m) {
    return Make(Kind::kMonth, [&](Value& v) { v.integer = m.index(); });
  }
  static Value String(std::string_view s) {
    return Make(Kind::kString, [&](Value& v) { v.text = s; });
  }
  static Value Enum(std::int32_t index) {
    return Make(Kind::kEnum, [&](Value& v) { v.integer = index; });
  }
  static Value Error(ErrorCode code, std::uint32_t at) {
    return Make(Kind::kError, [&](Value& v) {
      v.error = code;
      v.integer = static_cast<std::int32_t>(at);
    });
  }

  bool known() const { return kind != Kind::kUnknown && kind != Kind::kError; }
  bool unknown() const { return kind == Kind::kUnknown; }
  bool is_error() const { return kind == Kind::kError; }
  bool is_true() const { return kind == Kind::kBool && boolean; }
  bool is_false() const { return kind == Kind::kBool && !boolean; }
  Date date() const { return Date::FromDays(integer); }
  Month month() const { return Month::FromIndex(integer); }
  // The integer part of a number (an integer-typed value is whole already).
  std::int64_t whole() const { return number.Floor().numerator(); }
  // A series index: the month index for a monthly series, the year for a
  // yearly one.
  std::int32_t period() const { return kind == Kind::kMonth ? integer : static_cast<std::int32_t>(whole()); }

  template <class Set>
  static Value Make(Kind kind, Set set) {
    Value v;
    v.kind = kind;
    set(v);
    return v;
  }

  friend bool operator==(const Value& a, const Value& b) {
    if (a.kind != b.kind) return false;
    switch (a.kind) {
      case Kind::kUnknown:
        return true;
      case Kind::kError:
        return a.error == b.error && a.integer == b.integer;
      case Kind::kBool:
        return a.boolean == b.boolean;
      case Kind::kNumber:
        return a.number == b.number;
      case Kind::kString:  // interned strings are equal when their ids are
        return a.integer != 0 && b.integer != 0 ? a.integer == b.integer : a.text == b.text;
      default:
        return a.integer == b.integer;
    }
  }
};

}  // namespace relief::internal

#endif  // RELIEF_IR_VALUE_HPP_
