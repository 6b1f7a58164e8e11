// Stage 4: lowers checked expressions into one flat instruction array.
#include "compile/lowering.hpp"

#include "builtins/builtins.hpp"
#include "check/literal.hpp"

namespace relief::internal {
namespace {

using expr::Op;

Code BinaryCode(Op op) {
  switch (op) {
    case Op::kAnd: return Code::kAnd;
    case Op::kOr: return Code::kOr;
    case Op::kAdd: return Code::kAdd;
    case Op::kSub: return Code::kSub;
    case Op::kMul: return Code::kMul;
    case Op::kDiv: return Code::kDiv;
    case Op::kEq: return Code::kEq;
    case Op::kNe: return Code::kNe;
    case Op::kLt: return Code::kLt;
    case Op::kLe: return Code::kLe;
    case Op::kGt: return Code::kGt;
    case Op::kGe: return Code::kGe;
    default: return Code::kConst;
  }
}

class Lowerer {
 public:
  Lowerer(const CheckedExpr& c, Program& p) : c_(c), p_(p) {}

  InstrId Emit(expr::NodeId id) {
    const expr::Node& n = c_.tree[id];
    const Resolution& r = c_.resolutions[id];
    Instr instr;
    instr.type = c_.types[id];
    instr.expr = c_.info;
    instr.span = n.span;
    std::vector<InstrId> kids;
    switch (n.op) {
      case Op::kName:
        switch (r.kind) {
          case Resolution::Kind::kFact: instr.code = Code::kFact; break;
          case Resolution::Kind::kValue: instr.code = Code::kValue; break;
          case Resolution::Kind::kParameter: instr.code = Code::kParam; break;
          case Resolution::Kind::kEvalMonth: instr.code = Code::kEvalMonth; break;
          case Resolution::Kind::kEvalDate: instr.code = Code::kEvalDate; break;
          default: break;
        }
        instr.arg = r.index;
        break;
      case Op::kString:
        instr.code = Code::kConst;
        instr.constant = r.kind == Resolution::Kind::kEnumConstant ? Value::Enum(r.index) : Value::String(p_.Intern(n.text));
        break;
      case Op::kField:  // resolved to the field's own fact
        instr.code = Code::kFact;
        instr.arg = r.index;
        break;
      case Op::kIndex:
        instr.code = Code::kSeriesAt;
        instr.arg = c_.resolutions[n.kids[0]].index;
        kids.push_back(Emit(n.kids[1]));
        break;
      case Op::kNeg:
      case Op::kNot:
        instr.code = n.op == Op::kNeg ? Code::kNeg : Code::kNot;
        kids.push_back(Emit(n.kids[0]));
        break;
      case Op::kIf:
        instr.code = Code::kIf;
        for (expr::NodeId k : n.kids) kids.push_back(Emit(k));
        break;
      case Op::kIn: {
        kids.push_back(Emit(n.kids[0]));
        const expr::Node& rhs = c_.tree[n.kids[1]];
        if (rhs.op == Op::kName) {
          instr.code = Code::kInList;
          instr.arg = c_.resolutions[n.kids[1]].index;
        } else {
          instr.code = Code::kInSet;
          for (expr::NodeId k : rhs.kids) kids.push_back(Emit(k));
        }
        break;
      }
      case Op::kCall: {
        instr.code = Code::kCall;
        instr.builtin = static_cast<std::int16_t>(r.index);
        std::size_t first = 0;
        if (Builtins()[static_cast<std::size_t>(r.index)].named != NamedArgument::kNone) {
          instr.arg = c_.resolutions[n.kids[0]].index;  // the series fact, the parameter or the table
          first = 1;
        }
        for (std::size_t i = first; i < n.kids.size(); ++i) kids.push_back(Emit(n.kids[i]));
        break;
      }
      default:
        if (auto literal = LiteralValue(c_.tree, id)) {
          instr.code = Code::kConst;
          instr.constant = *literal;
        } else {
          instr.code = BinaryCode(n.op);
          for (expr::NodeId k : n.kids) kids.push_back(Emit(k));
        }
        break;
    }
    instr.first_kid = static_cast<std::uint32_t>(p_.kids.size());
    instr.kid_count = static_cast<std::uint32_t>(kids.size());
    p_.kids.insert(p_.kids.end(), kids.begin(), kids.end());
    p_.code.push_back(instr);
    return static_cast<InstrId>(p_.code.size() - 1);
  }

 private:
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
  for (const std::optional<CheckedExpr>& checked : pack.exprs) {
    if (checked) program->exprs[static_cast<std::size_t>(checked->info)].root = Lower(*checked, *program);
  }
  return program;
}

}  // namespace relief::internal
