// A value as an advisor reads it, in French.
#ifndef RELIEF_IR_VALUE_FORMAT_HPP_
#define RELIEF_IR_VALUE_FORMAT_HPP_

#include <string>

#include "ir/program.hpp"
#include "ir/value.hpp"

namespace relief::internal {

// "42 %", "1 500,00 €", "30/09/2020", "novembre 2020", "oui"; an enum value by
// its name in `symbols`.
std::string FormatValue(const Symbols& symbols, const Value& value, Type type);

}  // namespace relief::internal

#endif  // RELIEF_IR_VALUE_FORMAT_HPP_
