// Numbers and amounts written the French way, for advisors.
#ifndef RELIEF_CORE_FRENCH_NUMBER_HPP_
#define RELIEF_CORE_FRENCH_NUMBER_HPP_

#include <string>

#include "relief/decimal.hpp"

namespace relief {

// "1234.5" → "1 234,5": groups of three digits and a decimal comma.
std::string FrenchNumber(const std::string& plain);
// "1 500 €", "1 234,57 €".
std::string FormatMoney(const Decimal& amount);

}  // namespace relief

#endif  // RELIEF_CORE_FRENCH_NUMBER_HPP_
