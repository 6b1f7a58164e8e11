#include "ir/types.hpp"

#include <fmt/format.h>

namespace relief::internal {

namespace {

struct BaseTypeEntry {
  BaseType base;
  std::string_view name;
  bool declarable;  // may be written in a rule file's `type:`
};

constexpr BaseTypeEntry kBaseTypes[] = {
    {BaseType::kBoolean, "boolean", true}, {BaseType::kInteger, "integer", true},
    {BaseType::kDecimal, "decimal", true}, {BaseType::kPercentage, "percentage", true},
    {BaseType::kMoney, "money", true},     {BaseType::kDate, "date", true},
    {BaseType::kMonth, "month", true},     {BaseType::kString, "string", true},
    {BaseType::kEnum, "enum", true},       {BaseType::kRecord, "record", true},
    {BaseType::kList, "list", false},      {BaseType::kError, "(error)", false},
};

}  // namespace

std::optional<BaseType> DeclarableBaseType(std::string_view name) {
  for (const BaseTypeEntry& e : kBaseTypes) {
    if (e.declarable && e.name == name) return e.base;
  }
  return std::nullopt;
}

std::vector<std::string_view> DeclarableBaseTypeNames() {
  std::vector<std::string_view> names;
  for (const BaseTypeEntry& e : kBaseTypes) {
    if (e.declarable) names.push_back(e.name);
  }
  return names;
}

std::string_view BaseTypeName(BaseType base) {
  for (const BaseTypeEntry& e : kBaseTypes) {
    if (e.base == base) return e.name;
  }
  return "(error)";
}

std::string TypeName(Type type, const std::vector<std::vector<std::string>>& enums) {
  std::string base(BaseTypeName(type.base));
  if (type.base == BaseType::kEnum && type.id >= 0 && static_cast<std::size_t>(type.id) < enums.size()) {
    base += " (" + fmt::format("{}", fmt::join(enums[type.id], ", ")) + ")";
  }
  if (type.series == SeriesKind::kMonthly) return "monthly " + base;
  if (type.series == SeriesKind::kYearly) return "yearly " + base;
  return base;
}

namespace {

// The type of a unitless combination: integers stay integers, two
// percentages stay a percentage, anything else is a decimal.
Type Dimensionless(Type a, Type b) {
  if (a.base == BaseType::kInteger && b.base == BaseType::kInteger) return Type::Of(BaseType::kInteger);
  if (a.base == BaseType::kPercentage && b.base == BaseType::kPercentage) return Type::Of(BaseType::kPercentage);
  return Type::Of(BaseType::kDecimal);
}

}  // namespace

Typing AddSubType(Type a, Type b, bool subtract) {
  if (a.is_money() && b.is_money()) return {Type::Of(BaseType::kMoney), ""};
  if (a.is_dimensionless() && b.is_dimensionless()) return {Dimensionless(a, b), ""};
  if (a.is_money() || b.is_money()) {
    if (a.is_numeric() && b.is_numeric())
      return {std::nullopt, "money can only be added to or subtracted from money (write the other operand in €)"};
  }
  if (a.base == BaseType::kMonth && !a.is_series() && b.base == BaseType::kInteger && !b.is_series())
    return {Type::Of(BaseType::kMonth), ""};
  if (subtract && a.base == BaseType::kMonth && b.base == BaseType::kMonth && !a.is_series() && !b.is_series())
    return {Type::Of(BaseType::kInteger), ""};
  if (a.base == BaseType::kDate || b.base == BaseType::kDate)
    return {std::nullopt, "use add_days(date, n) or days_between(d1, d2) for date arithmetic"};
  return {std::nullopt, "expected numbers"};
}

Typing MulType(Type a, Type b) {
  if (a.is_money() && b.is_dimensionless()) return {Type::Of(BaseType::kMoney), ""};
  if (a.is_dimensionless() && b.is_money()) return {Type::Of(BaseType::kMoney), ""};
  if (a.is_money() && b.is_money()) return {std::nullopt, "money cannot be multiplied by money"};
  if (a.is_dimensionless() && b.is_dimensionless()) return {Dimensionless(a, b), ""};
  return {std::nullopt, "expected numbers"};
}

Typing DivType(Type a, Type b) {
  if (a.is_money() && b.is_money()) return {Type::Of(BaseType::kDecimal), ""};
  if (a.is_money() && b.is_dimensionless()) return {Type::Of(BaseType::kMoney), ""};
  if (a.is_dimensionless() && b.is_money()) return {std::nullopt, "a number cannot be divided by money"};
  if (a.is_dimensionless() && b.is_dimensionless()) {
    Type t = Dimensionless(a, b);
    return {t.base == BaseType::kInteger ? Type::Of(BaseType::kDecimal) : t, ""};
  }
  return {std::nullopt, "expected numbers"};
}

bool Comparable(Type a, Type b, bool ordered) {
  if (a.is_series() || b.is_series()) return false;
  if (a.is_money() || b.is_money()) return a.is_money() && b.is_money();
  if (a.is_numeric() && b.is_numeric()) return true;
  if (a.base != b.base) return false;
  switch (a.base) {
    case BaseType::kDate:
    case BaseType::kMonth:
      return true;
    case BaseType::kBoolean:
    case BaseType::kString:
      return !ordered;
    case BaseType::kEnum:
      return !ordered && a.id == b.id;
    default:
      return false;
  }
}

std::optional<Type> Unify(Type a, Type b) {
  if (a.is_error()) return b;
  if (b.is_error()) return a;
  if (a == b) return a;
  if (a.is_dimensionless() && b.is_dimensionless()) return Dimensionless(a, b);
  return std::nullopt;
}

}  // namespace relief::internal
