#include "explain/french.hpp"

#include <fmt/format.h>

namespace relief::internal {
namespace {

// "1234.5" → "1 234,5": groups of three digits and a decimal comma.
std::string FrenchNumber(const std::string& plain) {
  std::string sign, integer = plain, fraction;
  if (!integer.empty() && integer[0] == '-') {
    sign = "-";
    integer.erase(0, 1);
  }
  if (auto dot = integer.find('.'); dot != std::string::npos) {
    fraction = "," + integer.substr(dot + 1);
    integer.resize(dot);
  }
  std::string grouped;
  for (std::size_t i = 0; i < integer.size(); ++i) {
    if (i > 0 && (integer.size() - i) % 3 == 0) grouped += ' ';
    grouped += integer[i];
  }
  return sign + grouped + fraction;
}

}  // namespace

std::string FormatMoney(const Decimal& amount) {
  return FrenchNumber(amount.is_integer() ? amount.ToString(0) : amount.ToFixed(2)) + " €";
}

std::string FormatValue(const Program& program, const Value& v, Type type) {
  switch (v.kind) {
    case Value::Kind::kUnknown: return "inconnu";
    case Value::Kind::kError: return "erreur";
    case Value::Kind::kBool: return v.boolean ? "oui" : "non";
    case Value::Kind::kDate: return v.date().ToFrench();
    case Value::Kind::kMonth: return v.month().ToFrench();
    case Value::Kind::kString: return std::string(v.text);
    case Value::Kind::kEnum:
      return type.base == BaseType::kEnum && type.id >= 0 ? program.enums[type.id][v.integer] : std::to_string(v.integer);
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
