// The value of a literal expression, known without evaluation.
#ifndef RELIEF_CHECK_LITERAL_HPP_
#define RELIEF_CHECK_LITERAL_HPP_

#include <optional>

#include "expr/ast.hpp"
#include "ir/value.hpp"

namespace relief::internal {

// The value of a literal expression (a number, money, percentage, date,
// month, string or boolean, possibly negated); nullopt for anything else.
// A string's value is a view into `tree`: intern it to keep it.
std::optional<Value> LiteralValue(const expr::Tree& tree, expr::NodeId node);

}  // namespace relief::internal

#endif  // RELIEF_CHECK_LITERAL_HPP_
