// An expression after name resolution and type checking: its syntax tree
// with, for every node, its type and what its name or literal resolved to.
#ifndef RELIEF_CHECK_CHECKED_EXPR_HPP_
#define RELIEF_CHECK_CHECKED_EXPR_HPP_

#include <vector>

#include "expr/ast.hpp"
#include "ir/types.hpp"

namespace relief::internal {

struct Resolution {
  enum class Kind : std::uint8_t {
    kNone,
    kFact,
    kValue,
    kParameter,
    kList,
    kEvalMonth,
    kEvalDate,
    kEnumConstant,
    kFunction,
  };
  Kind kind = Kind::kNone;
  std::int32_t index = -1;  // fact, value, parameter, list, enum value, or built-in function
};

struct CheckedExpr {
  expr::Tree tree;
  std::vector<Type> types;              // per node
  std::vector<Resolution> resolutions;  // per node
  std::int32_t info = -1;               // its ExprId: index in Symbols::exprs
};

}  // namespace relief::internal

#endif  // RELIEF_CHECK_CHECKED_EXPR_HPP_
