// S-expression dump of expression trees, the format of the golden AST tests.
#include <fmt/format.h>

#include "expr/parser.hpp"

namespace relief::expr {

const char* OpName(Op op) {
  switch (op) {
    case Op::kNumber:
      return "number";
    case Op::kPercent:
      return "percent";
    case Op::kMoney:
      return "money";
    case Op::kDate:
      return "date";
    case Op::kMonth:
      return "month";
    case Op::kString:
      return "string";
    case Op::kBool:
      return "bool";
    case Op::kList:
      return "list";
    case Op::kName:
      return "name";
    case Op::kIndex:
      return "index";
    case Op::kField:
      return ".";
    case Op::kCall:
      return "call";
    case Op::kNeg:
      return "neg";
    case Op::kNot:
      return "not";
    case Op::kAnd:
      return "and";
    case Op::kOr:
      return "or";
    case Op::kAdd:
      return "+";
    case Op::kSub:
      return "-";
    case Op::kMul:
      return "*";
    case Op::kDiv:
      return "/";
    case Op::kEq:
      return "==";
    case Op::kNe:
      return "!=";
    case Op::kLt:
      return "<";
    case Op::kLe:
      return "<=";
    case Op::kGt:
      return ">";
    case Op::kGe:
      return ">=";
    case Op::kIn:
      return "in";
    case Op::kIf:
      return "if";
  }
  return "?";
}

std::string Dump(const Tree& tree, NodeId id) {
  const Node& n = tree[id];
  switch (n.op) {
    case Op::kNumber:
      return n.number.ToString(12);
    case Op::kPercent:
      return n.number.Mul(100).value_or(Decimal()).ToString(12) + "%";
    case Op::kMoney:
      return n.number.ToString(12) + "EUR";
    case Op::kDate:
      return n.date.ToString();
    case Op::kMonth:
      return n.month.ToString();
    case Op::kString:
      return fmt::format("\"{}\"", n.text);
    case Op::kBool:
      return n.boolean ? "true" : "false";
    case Op::kName:
      return n.text;
    default:
      break;
  }
  std::string out = "(";
  out += OpName(n.op);
  if (n.op == Op::kCall || n.op == Op::kField) out += " " + n.text;
  for (NodeId kid : n.kids) out += " " + Dump(tree, kid);
  return out + ")";
}

std::string Dump(const Tree& tree) { return tree.root == kNoNode ? "" : Dump(tree, tree.root); }

}  // namespace relief::expr
