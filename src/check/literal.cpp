#include "check/literal.hpp"

namespace relief::internal {

std::optional<Value> LiteralValue(const expr::Tree& tree, expr::NodeId id) {
  using expr::Op;
  const expr::Node& n = tree[id];
  switch (n.op) {
    case Op::kNumber:
    case Op::kPercent:
    case Op::kMoney:
      return Value::Number(n.number);
    case Op::kDate:
      return Value::OfDate(n.date);
    case Op::kMonth:
      return Value::OfMonth(n.month);
    case Op::kBool:
      return Value::Bool(n.boolean);
    case Op::kString:
      return Value::String(n.text);
    case Op::kNeg: {
      auto v = LiteralValue(tree, n.kids[0]);
      if (!v || v->kind != Value::Kind::kNumber) return std::nullopt;
      return Value::Number(v->number.Negate());
    }
    default:
      return std::nullopt;
  }
}

}  // namespace relief::internal
