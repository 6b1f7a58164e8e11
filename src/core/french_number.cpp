#include "core/french_number.hpp"

namespace relief {

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

std::string FormatMoney(const Decimal& amount) {
  return FrenchNumber(amount.is_integer() ? amount.ToString(0) : amount.ToFixed(2)) + " €";
}

}  // namespace relief
