// The syntax tree of one rule expression, as the parser produces it.
//
// Nodes live in a flat arena (Tree::nodes) and refer to their operands by
// index, which keeps the tree cheap to build from parser actions and lets
// later phases attach per-node data in parallel vectors.
#ifndef RELIEF_EXPR_AST_HPP_
#define RELIEF_EXPR_AST_HPP_

#include <cstdint>
#include <string>
#include <vector>

#include "core/text_span.hpp"
#include "relief/calendar.hpp"
#include "relief/decimal.hpp"

namespace relief::expr {

using NodeId = std::uint32_t;
inline constexpr NodeId kNoNode = UINT32_MAX;

enum class Op : std::uint8_t {
  // Literals.
  kNumber,   // 12, 1.5, 10 000
  kPercent,  // 50 %  (number holds 0.5)
  kMoney,    // 10 000 €
  kDate,     // 2020-09-30
  kMonth,    // 2020-11
  kString,   // "totale"
  kBool,     // true, false
  kList,     // ["31", "34"]
  // Names and access.
  kName,   // effectif
  kIndex,  // ca_mensuel[mois - 12]
  kField,  // embauche.date
  kCall,   // min(a, b)
  // Operators.
  kNeg,
  kNot,
  kAnd,
  kOr,
  kAdd,
  kSub,
  kMul,
  kDiv,
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kIn,
  kIf,  // if kids[0] then kids[1] else kids[2]
};

const char* OpName(Op op);

using Span = TextSpan;

struct Node {
  Op op = Op::kNumber;
  Span span;
  Decimal number;            // kNumber, kPercent, kMoney
  Date date;                 // kDate
  Month month;               // kMonth
  bool boolean = false;      // kBool
  std::string text;          // kString, kName, kField (field name), kCall (function)
  std::vector<NodeId> kids;  // operands, in source order
};

struct Tree {
  std::vector<Node> nodes;
  NodeId root = kNoNode;

  const Node& operator[](NodeId id) const { return nodes[id]; }
  NodeId Add(Node node) {
    nodes.push_back(std::move(node));
    return static_cast<NodeId>(nodes.size() - 1);
  }
};

}  // namespace relief::expr

#endif  // RELIEF_EXPR_AST_HPP_
