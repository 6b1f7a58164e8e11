// Stage 4: lowers checked expressions into one flat instruction array.
#include "compile/lowering.hpp"

#include "builtins/builtins.hpp"
#include "check/literal.hpp"
#include "compile/explain_layout.hpp"
#include "compile/interning.hpp"
#include "compile/string_tests.hpp"

namespace relief::internal {
namespace {

using expr::Op;

Code BinaryCode(Op op) {
  switch (op) {
    case Op::kAnd:
      return Code::kAnd;
    case Op::kOr:
      return Code::kOr;
    case Op::kAdd:
      return Code::kAdd;
    case Op::kSub:
      return Code::kSub;
    case Op::kMul:
      return Code::kMul;
    case Op::kDiv:
      return Code::kDiv;
    case Op::kEq:
      return Code::kEq;
    case Op::kNe:
      return Code::kNe;
    case Op::kLt:
      return Code::kLt;
    case Op::kLe:
      return Code::kLe;
    case Op::kGt:
      return Code::kGt;
    case Op::kGe:
      return Code::kGe;
    default:
      return Code::kConst;
  }
}

Code NameCode(Resolution::Kind kind) {
  switch (kind) {
    case Resolution::Kind::kFact:
      return Code::kFact;
    case Resolution::Kind::kValue:
      return Code::kValue;
    case Resolution::Kind::kParameter:
      return Code::kParam;
    case Resolution::Kind::kEvalMonth:
      return Code::kEvalMonth;
    case Resolution::Kind::kEvalDate:
      return Code::kEvalDate;
    default:
      return Code::kConst;  // unreachable for a checked name
  }
}

// Emits a checked tree in post-order: an instruction's operands come before
// it in the array.
class Lowerer {
 public:
  Lowerer(const CheckedExpr& c, Program& p) : c_(c), p_(p) {}

  InstrId Emit(expr::NodeId id) {
    const expr::Node& n = c_.tree[id];
    Instr instr;
    instr.type = c_.types[id];
    instr.expr = c_.info;
    instr.span = n.span;
    std::vector<InstrId> kids = Operands(id, instr);
    instr.first_kid = static_cast<std::uint32_t>(p_.kids.size());
    instr.kid_count = static_cast<std::uint32_t>(kids.size());
    p_.kids.insert(p_.kids.end(), kids.begin(), kids.end());
    p_.code.push_back(instr);
    return static_cast<InstrId>(p_.code.size() - 1);
  }

 private:
  // Sets the code and argument of `instr` for node `id` and emits its
  // operands.
  std::vector<InstrId> Operands(expr::NodeId id, Instr& instr) {
    const expr::Node& n = c_.tree[id];
    const Resolution& r = c_.resolutions[id];
    switch (n.op) {
      case Op::kName:
        instr.code = NameCode(r.kind);
        instr.arg = r.index;
        return {};
      case Op::kString:
        instr.code = Code::kConst;
        instr.constant =
            r.kind == Resolution::Kind::kEnumConstant ? Value::Enum(r.index) : Value::String(p_.Intern(n.text));
        return {};
      case Op::kField:  // resolved to the field's own fact
        instr.code = Code::kFact;
        instr.arg = r.index;
        return {};
      case Op::kIndex:
        instr.code = Code::kSeriesAt;
        instr.arg = c_.resolutions[n.kids[0]].index;
        return {Emit(n.kids[1])};
      case Op::kNeg:
      case Op::kNot:
        instr.code = n.op == Op::kNeg ? Code::kNeg : Code::kNot;
        return {Emit(n.kids[0])};
      case Op::kIf:
        instr.code = Code::kIf;
        return EmitAll(n.kids, 0);
      case Op::kIn:
        return InOperands(n, instr);
      case Op::kCall:
        return CallOperands(n, r, instr);
      default:
        if (auto literal = LiteralValue(c_.tree, id)) {
          instr.code = Code::kConst;
          instr.constant = *literal;
          return {};
        }
        instr.code = BinaryCode(n.op);
        if (n.op == Op::kAnd || n.op == Op::kOr) return EmitAll(Chain(id), 0);
        return EmitAll(n.kids, 0);
    }
  }

  // The operands of an and/or chain, flattened: `a and b and c` parses as
  // (a and b) and c; as one instruction of three operands it evaluates
  // without recursion and explains as three parts, not a nest of prefixes
  // (whose texts grew quadratically with the chain).
  std::vector<expr::NodeId> Chain(expr::NodeId id) const {
    const Op op = c_.tree[id].op;
    std::vector<expr::NodeId> operands;
    std::vector<expr::NodeId> pending(c_.tree[id].kids.rbegin(), c_.tree[id].kids.rend());
    while (!pending.empty()) {
      const expr::NodeId k = pending.back();
      pending.pop_back();
      if (c_.tree[k].op == op) {
        pending.insert(pending.end(), c_.tree[k].kids.rbegin(), c_.tree[k].kids.rend());
      } else {
        operands.push_back(k);
      }
    }
    return operands;
  }

  // x in list_name, or x in ["a", "b"]: the list's items are operands.
  std::vector<InstrId> InOperands(const expr::Node& n, Instr& instr) {
    std::vector<InstrId> kids{Emit(n.kids[0])};
    const expr::Node& rhs = c_.tree[n.kids[1]];
    if (rhs.op == Op::kName) {
      instr.code = Code::kInList;
      instr.arg = c_.resolutions[n.kids[1]].index;
      return kids;
    }
    instr.code = Code::kInSet;
    std::vector<InstrId> items = EmitAll(rhs.kids, 0);
    kids.insert(kids.end(), items.begin(), items.end());
    return kids;
  }

  // A named first argument (series fact, parameter, table) is the
  // instruction's argument, not an operand.
  std::vector<InstrId> CallOperands(const expr::Node& n, const Resolution& r, Instr& instr) {
    instr.code = Code::kCall;
    instr.builtin = static_cast<std::int16_t>(r.index);
    if (Builtins()[static_cast<std::size_t>(r.index)].named == NamedArgument::kNone) return EmitAll(n.kids, 0);
    instr.arg = c_.resolutions[n.kids[0]].index;
    return EmitAll(n.kids, 1);
  }

  std::vector<InstrId> EmitAll(const std::vector<expr::NodeId>& nodes, std::size_t first) {
    std::vector<InstrId> out;
    for (std::size_t i = first; i < nodes.size(); ++i) out.push_back(Emit(nodes[i]));
    return out;
  }

  const CheckedExpr& c_;
  Program& p_;
};

}  // namespace

InstrId Lower(const CheckedExpr& checked, Program& program) {
  return Lowerer(checked, program).Emit(checked.tree.root);
}

std::unique_ptr<Program> Compile(CheckedPack pack) {
  auto program = std::make_unique<Program>();
  static_cast<Symbols&>(*program) = std::move(pack.symbols);
  program->roots.assign(program->exprs.size(), kNoInstr);
  for (const std::optional<CheckedExpr>& checked : pack.exprs) {
    if (checked) program->roots[static_cast<std::size_t>(checked->info)] = Lower(*checked, *program);
  }
  auto root_of = [&](ExprId e) { return e == kNoExpr ? kNoInstr : program->root(e); };
  for (const ValueInfo& v : program->values) program->value_roots.push_back(root_of(v.formula));
  for (const FactInfo& f : program->facts) program->default_roots.push_back(root_of(f.default_expr));
  InternStrings(*program);
  FindStringTests(*program);
  LayOutExplanations(*program);
  return program;
}

}  // namespace relief::internal
