// French wording of values and conditions, for advisors.
#ifndef RELIEF_EXPLAIN_FRENCH_HPP_
#define RELIEF_EXPLAIN_FRENCH_HPP_

#include <string>

#include "compile/program.hpp"
#include "eval/value.hpp"
#include "relief/decimal.hpp"

namespace relief::internal {

// "1 500 €", "1 234,57 €".
std::string FormatMoney(const Decimal& amount);
// A value as an advisor reads it: "42 %", "30/09/2020", "novembre 2020", "oui".
std::string FormatValue(const Program& program, const Value& value, Type type);

}  // namespace relief::internal

#endif  // RELIEF_EXPLAIN_FRENCH_HPP_
