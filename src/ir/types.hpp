// Static types of the rule language and the typing of its operators.
#ifndef RELIEF_IR_TYPES_HPP_
#define RELIEF_IR_TYPES_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relief::internal {

enum class BaseType : std::uint8_t {
  kError,  // a poisoned subexpression: already reported, checked no further
  kBoolean,
  kInteger,
  kDecimal,
  kPercentage,
  kMoney,
  kDate,
  kMonth,
  kString,
  kEnum,
  kRecord,
  kList,
};

enum class SeriesKind : std::uint8_t { kNone, kMonthly, kYearly };

struct Type {
  BaseType base = BaseType::kError;
  SeriesKind series = SeriesKind::kNone;
  // kEnum: the enum's index in Program::enums; kRecord: the fact index;
  // kList: the element's enum index, or -1 for strings.
  std::int32_t id = -1;

  static Type Of(BaseType b, std::int32_t id = -1) { return {b, SeriesKind::kNone, id}; }
  bool is_error() const { return base == BaseType::kError; }
  bool is_series() const { return series != SeriesKind::kNone; }
  bool is_numeric() const {
    return !is_series() && (base == BaseType::kInteger || base == BaseType::kDecimal || base == BaseType::kPercentage ||
                            base == BaseType::kMoney);
  }
  bool is_money() const { return !is_series() && base == BaseType::kMoney; }
  // Integer, decimal or percentage: numbers without a unit.
  bool is_dimensionless() const { return is_numeric() && base != BaseType::kMoney; }
  Type element() const { return {base, SeriesKind::kNone, id}; }
  friend bool operator==(const Type&, const Type&) = default;
};

// The base types a rule file may declare, by the name it uses ("boolean",
// "integer", "decimal", "percentage", "money", "date", "month", "string",
// "enum", "record"), in that order; one table in types.cpp.
std::optional<BaseType> DeclarableBaseType(std::string_view name);
std::vector<std::string_view> DeclarableBaseTypeNames();
// "boolean", …, "list"; "(error)" for kError.
std::string_view BaseTypeName(BaseType base);

// "money", "monthly money", "enum (totale, partielle, aucune)".
std::string TypeName(Type type, const std::vector<std::vector<std::string>>& enums);

// The result type of arithmetic, or nullopt with a reason when the operands
// do not combine (money + number, money × money, number ÷ money, …).
struct Typing {
  std::optional<Type> type;
  std::string reason;
};
Typing AddSubType(Type a, Type b, bool subtract);
Typing MulType(Type a, Type b);
Typing DivType(Type a, Type b);
// Whether two types may be compared (== and !=, or ordered when `ordered`).
bool Comparable(Type a, Type b, bool ordered);
// The common type of two branches or arguments (integer and decimal unify to
// decimal, money stays money); nullopt when they cannot mix.
std::optional<Type> Unify(Type a, Type b);

}  // namespace relief::internal

#endif  // RELIEF_IR_TYPES_HPP_
