// Lowers a checked expression into the program's instruction array.
#ifndef RELIEF_COMPILE_LOWERING_HPP_
#define RELIEF_COMPILE_LOWERING_HPP_

#include "check/checked_expr.hpp"
#include "compile/program.hpp"

namespace relief::internal {

// Appends the instructions of `checked` to `program` and returns its root.
InstrId Lower(const CheckedExpr& checked, Program& program);

// The value of a literal expression (a number, money, percentage, date,
// month, string or boolean, possibly negated); nullopt for anything else.
std::optional<Value> LiteralValue(const expr::Tree& tree, expr::NodeId node);

}  // namespace relief::internal

#endif  // RELIEF_COMPILE_LOWERING_HPP_
