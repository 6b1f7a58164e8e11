#include "core/french_number.hpp"

#include <string_view>

namespace relief {

// Appended piece by piece into one string (GCC 12 reports false -Wrestrict
// at -O3 on string assignments and `"," + string` here).
std::string FrenchNumber(const std::string& plain) {
  std::string_view integer = plain, fraction;
  const bool negative = !integer.empty() && integer[0] == '-';
  if (negative) integer.remove_prefix(1);
  const std::size_t dot = integer.find('.');
  if (dot != std::string_view::npos) {
    fraction = integer.substr(dot + 1);
    integer = integer.substr(0, dot);
  }
  std::string out;
  out.reserve(plain.size() + integer.size() / 3);
  if (negative) out += '-';
  for (std::size_t i = 0; i < integer.size(); ++i) {
    if (i > 0 && (integer.size() - i) % 3 == 0) out += ' ';  // thousands
    out += integer[i];
  }
  if (dot != std::string_view::npos) out.append(",").append(fraction);
  return out;
}

std::string FormatMoney(const Decimal& amount) {
  return FrenchNumber(amount.is_integer() ? amount.ToString(0) : amount.ToFixed(2)) + " €";
}

}  // namespace relief
