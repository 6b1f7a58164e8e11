// What the checker hands to the compiler: the pack's declarations with their
// types (Symbols), and the checked syntax tree of every expression that
// passed, by ExprId. Nothing here is executable yet.
#ifndef RELIEF_CHECK_CHECKED_PACK_HPP_
#define RELIEF_CHECK_CHECKED_PACK_HPP_

#include <optional>
#include <vector>

#include "check/checked_expr.hpp"
#include "ir/program.hpp"

namespace relief::internal {

struct CheckedPack {
  Symbols symbols;
  // By ExprId (parallel to symbols.exprs); empty for an expression that did
  // not check or is not used by the pack (a bound, a parameter's value).
  std::vector<std::optional<CheckedExpr>> exprs;
};

}  // namespace relief::internal

#endif  // RELIEF_CHECK_CHECKED_PACK_HPP_
