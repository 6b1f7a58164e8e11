// Parses one rule expression into a Tree. The grammar itself lives in
// grammar.cpp (Boost.Spirit X3); this is its only entry point.
#ifndef RELIEF_EXPR_PARSER_HPP_
#define RELIEF_EXPR_PARSER_HPP_

#include <optional>
#include <string>
#include <string_view>

#include "expr/ast.hpp"

namespace relief::expr {

struct ParseError {
  std::uint32_t offset = 0;  // byte offset in the expression text
  std::string message;       // "expected ..." in English, for rule authors
};

struct ParseResult {
  std::optional<Tree> tree;
  std::optional<ParseError> error;
};

// Limits that keep hostile input from exhausting the stack.
inline constexpr std::size_t kMaxExpressionBytes = 10000;
inline constexpr int kMaxNesting = 100;

ParseResult Parse(std::string_view text);

// A one-line S-expression dump of the tree, for golden tests:
// "(>= perte_pct 50%)".
std::string Dump(const Tree& tree);
std::string Dump(const Tree& tree, NodeId id);

}  // namespace relief::expr

#endif  // RELIEF_EXPR_PARSER_HPP_
