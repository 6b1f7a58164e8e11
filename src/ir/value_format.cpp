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
    case Value::Kind::kEnum: {
      if (type.base != BaseType::kEnum || type.id < 0) return std::to_string(v.integer);
      // The value's French label when the pack gives one, else its code.
      const auto id = static_cast<std::size_t>(type.id);
      const auto index = static_cast<std::size_t>(v.integer);
      if (id < symbols.enum_labels.size() && !symbols.enum_labels[id][index].empty()) {
        return symbols.enum_labels[id][index];
      }
      return symbols.enums[id][index];
    }
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
