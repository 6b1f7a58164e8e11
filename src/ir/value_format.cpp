#include "ir/value_format.hpp"

#include "core/french_number.hpp"

namespace relief::internal {

std::string FormatValue(const Symbols& symbols, const Value& v, Type type) {
  switch (v.kind) {
    case Value::Kind::kUnknown:
      return "inconnu";
    case Value::Kind::kError:
      return "erreur";
    case Value::Kind::kBool:
      return v.boolean ? "oui" : "non";
    case Value::Kind::kDate:
      return v.date().ToFrench();
    case Value::Kind::kMonth:
      return v.month().ToFrench();
    case Value::Kind::kString:
      return std::string(v.text);
    case Value::Kind::kEnum:
      return type.base == BaseType::kEnum && type.id >= 0 ? symbols.enums[type.id][v.integer]
                                                          : std::to_string(v.integer);
    case Value::Kind::kNumber:
      if (type.base == BaseType::kMoney) return FormatMoney(v.number);
      if (type.base == BaseType::kPercentage) {
        return FrenchNumber(v.number.Mul(100).value_or(Decimal()).ToString(2)) + " %";
      }
      return FrenchNumber(v.number.ToString(4));
  }
  return "";
}

}  // namespace relief::internal
