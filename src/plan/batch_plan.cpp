#include "plan/batch_plan.hpp"

#include <algorithm>
#include <optional>

#include "builtins/builtins.hpp"

namespace relief::internal {
namespace {

Arith ArithOf(Code code) {
  switch (code) {
    case Code::kAdd:
      return Arith::kAdd;
    case Code::kSub:
      return Arith::kSub;
    case Code::kMul:
      return Arith::kMul;
    default:
      return Arith::kDiv;
  }
}

class Planner {
 public:
  Planner(const Program& program, Date date, PlanScope scope) : p_(program) {
    plan_.date = date;
    plan_.scope = scope;
    instr_reg_.assign(program.code.size(), -1);
    fact_reg_.assign(program.facts.size(), -1);
    value_reg_.assign(program.values.size(), -1);
    string_test_reg_.assign(program.string_tests.size(), -1);
    fact_segment_.assign(program.facts.size(), -1);
    value_segment_.assign(program.values.size(), -1);
    plan_.expr_regs.assign(program.exprs.size(), -1);
    plan_.expr_segments.assign(program.exprs.size(), -1);
  }

  BatchPlan Run() {
    // Segment 0, run first for every profile: the loads of facts without a
    // default. It is filled while the roots are lowered.
    plan_.segments.push_back({});
    for (std::size_t i = 0; i < p_.measures.size(); ++i) {
      const MeasurePlan& m = p_.measures[i];
      const VersionPlan* v = m.InForce(plan_.date);
      if (plan_.scope == PlanScope::kExplain) RootGuards(m.open_points);
      if (v == nullptr) continue;
      Root(m.territory_when);
      for (const ConditionPlan& c : v->require) Root(c.when);
      for (const CasePlan& c : v->cases) {
        Root(c.when);
        RootAmount(c.amount);
      }
      RootAmount(v->amount);
      if (plan_.scope == PlanScope::kExplain)
        RootShown(*v, p_.explain_layouts[i][static_cast<std::size_t>(v - m.versions.data())]);
    }
    plan_.segments[0] = Append(prologue_);
    plan_.amount_segment.resize(plan_.segments.size(), 0);
    plan_.instr_regs = std::move(instr_reg_);
    return std::move(plan_);
  }

 private:
  // Returns the segment of `e`'s root (-1 when there is none).
  std::int32_t Root(ExprId e) {
    if (e == kNoExpr) return -1;
    // An expression read twice keeps its first segment: a second would find
    // every instruction lowered already, and hold no step.
    if (plan_.expr_segments[static_cast<std::size_t>(e)] >= 0) return plan_.expr_segments[static_cast<std::size_t>(e)];
    const InstrId root = p_.root(e);
    Reg r = -1;
    plan_.expr_segments[static_cast<std::size_t>(e)] = Segment([&] {
      r = Lower(root);
      if (r < 0) r = Evaluate(root);
    });
    plan_.expr_regs[static_cast<std::size_t>(e)] = r;
    return plan_.expr_segments[static_cast<std::size_t>(e)];
  }

  // Lowers what `lower` lowers into a segment of its own; returns its index.
  template <class Lower>
  std::int32_t Segment(Lower lower) {
    std::vector<PlanStep> steps;
    std::swap(steps, current_);
    lower();
    std::swap(steps, current_);
    plan_.segments.push_back(Append(steps));
    return static_cast<std::int32_t>(plan_.segments.size() - 1);
  }
  StepRange Append(const std::vector<PlanStep>& steps) {
    const auto begin = static_cast<std::uint32_t>(plan_.steps.size());
    plan_.steps.insert(plan_.steps.end(), steps.begin(), steps.end());
    return {begin, static_cast<std::uint32_t>(plan_.steps.size())};
  }
  void RootAmount(const AmountPlan& a) {
    MarkAmount(Root(a.amount));
    for (const OptionPlan& o : a.options) MarkAmount(Root(o.amount));
  }
  // What an explanation of version `v` shows: the values its layout keeps,
  // and the guards of the open points of the version, its requirements and
  // its cases.
  void RootShown(const VersionPlan& v, const VersionLayout& layout) {
    Segment([&] {
      for (InstrId shown : layout.slots) Lower(shown);
    });
    RootGuards(v.open_points);
    for (const ConditionPlan& c : v.require) RootGuards(c.open_points);
    for (const CasePlan& c : v.cases) RootGuards(c.open_points);
  }
  void RootGuards(const std::vector<OpenPointPlan>& points) {
    for (const OpenPointPlan& point : points) Root(point.when);
  }
  void MarkAmount(std::int32_t segment) {
    if (segment < 0) return;
    if (plan_.amount_segment.size() <= static_cast<std::size_t>(segment)) plan_.amount_segment.resize(segment + 1, 0);
    plan_.amount_segment[static_cast<std::size_t>(segment)] = 1;
  }

  Reg NewReg(Cell initial = Cell::Unknown()) {
    plan_.initial.push_back(initial);
    return static_cast<Reg>(plan_.initial.size() - 1);
  }
  Reg Constant(Cell c) { return NewReg(c); }
  Reg Emit(PlanStep s, std::vector<PlanStep>* into = nullptr) {
    if (s.dst < 0) s.dst = NewReg();
    (into ? *into : current_).push_back(s);
    return s.dst;
  }
  void Ensure(std::int32_t segment) { current_.push_back({.step = Step::kEnsure, .a = segment}); }
  Reg Evaluate(InstrId id) {
    plan_.uses_values = true;
    return Emit({.step = Step::kEvaluate, .instr = id});
  }
  // Registers of every operand of `in` from `from`, into `operands`; false
  // if one is not a cell.
  bool Operands(const Instr& in, std::size_t from, PlanStep& s) {
    std::vector<Reg> regs;
    for (std::size_t i = from; i < in.kid_count; ++i) {
      const Reg r = Lower(p_.kid(in, i));
      if (r < 0) return false;
      regs.push_back(r);
    }
    s.first = static_cast<std::uint32_t>(plan_.operands.size());
    s.count = static_cast<std::uint32_t>(regs.size());
    plan_.operands.insert(plan_.operands.end(), regs.begin(), regs.end());
    return true;
  }

  Reg Lower(InstrId id) {
    const Instr& in = p_.at(id);
    if (!IsCellType(in.type)) return -1;
    Reg& memo = instr_reg_[static_cast<std::size_t>(id)];
    if (memo < 0) {
      const Reg r = LowerNew(in);
      memo = r >= 0 ? r : Evaluate(id);
    }
    return memo;
  }

  // The register of a cell-typed instruction, or -1 when the Value
  // evaluator must compute it.
  Reg LowerNew(const Instr& in) {
    switch (in.code) {
      case Code::kConst:
        return Constant(CellOf(in.constant));
      case Code::kFact:
        return Fact(in.arg);
      case Code::kValue:
        return ValueReg(in.arg);
      case Code::kParam: {
        const Value* v = p_.parameters[static_cast<std::size_t>(in.arg)].At(plan_.date);
        return Constant(v ? CellOf(*v) : Cell::Error());
      }
      case Code::kEvalMonth:
        return Constant(Cell::Integer(plan_.date.month_of().index()));
      case Code::kEvalDate:
        return Constant(Cell::Integer(plan_.date.days_since_epoch()));
      case Code::kSeriesAt:
        return SeriesAt(in);
      case Code::kIf:
        return Ternary(in);
      case Code::kCall:
        return Call(in);
      default:
        return LowerOperator(in);
    }
  }

  Reg LowerOperator(const Instr& in) {
    switch (in.code) {
      case Code::kNot:
      case Code::kNeg:
        return Unary(in);
      case Code::kAnd:
      case Code::kOr:
        return Logic(in, in.code == Code::kOr);
      case Code::kAdd:
      case Code::kSub:
      case Code::kMul:
      case Code::kDiv:
        if (p_.at(p_.kid(in, 0)).type.base == BaseType::kMonth) return -1;  // calendar arithmetic
        return Binary(in, Step::kArithmetic, static_cast<std::uint8_t>(ArithOf(in.code)));
      case Code::kInList:
        return InList(in);
      case Code::kInSet:
        return Nary(in, Step::kInSet);
      default:  // comparisons
        return Comparison(in);
    }
  }

  // A fact without default is loaded by segment 0; one with a default has a
  // segment of its own (the default, then the load), run before each use.
  Reg Fact(std::int32_t fact) {
    const auto f = static_cast<std::size_t>(fact);
    const InstrId default_root = p_.default_roots[f];
    if (fact_reg_[f] < 0) {
      const std::int32_t slot = p_.facts[f].slot;
      if (default_root == kNoInstr) {
        fact_reg_[f] = Emit({.step = Step::kLoadFact, .a = slot}, &prologue_);
      } else {
        fact_segment_[f] = Segment([&] {
          const Reg fallback = Lower(default_root);
          fact_reg_[f] = Emit({.step = Step::kLoadFact, .a = slot, .b = fallback});
        });
      }
    }
    if (default_root != kNoInstr) Ensure(fact_segment_[f]);
    return fact_reg_[f];
  }

  // A string test is loaded by segment 0, as a fact without default: the
  // profile computed it when it was read (Program::string_tests).
  Reg StringTest(std::int32_t test) {
    const auto t = static_cast<std::size_t>(test);
    if (string_test_reg_[t] < 0) {
      const auto slot = static_cast<std::int32_t>(static_cast<std::size_t>(p_.scalar_slots) + t);
      string_test_reg_[t] = Emit({.step = Step::kLoadFact, .a = slot}, &prologue_);
    }
    return string_test_reg_[t];
  }

  // A value has a segment of its own, run before each use.
  Reg ValueReg(std::int32_t value) {
    const auto v = static_cast<std::size_t>(value);
    if (value_segment_[v] < 0) {
      value_segment_[v] = Segment([&] { value_reg_[v] = Lower(p_.value_roots[v]); });
    }
    if (value_reg_[v] >= 0) Ensure(value_segment_[v]);
    return value_reg_[v];
  }

  Reg SeriesAt(const Instr& in) {
    const Reg index = Lower(p_.kid(in, 0));
    if (index < 0) return -1;
    const bool monthly = p_.at(p_.kid(in, 0)).type.base == BaseType::kMonth;
    return Emit({.step = Step::kSeriesAt,
                 .op = static_cast<std::uint8_t>(monthly),
                 .a = p_.facts[static_cast<std::size_t>(in.arg)].slot,
                 .b = index});
  }

  Reg Unary(const Instr& in) {
    const Reg a = Lower(p_.kid(in, 0));
    if (a < 0) return -1;
    return Emit({.step = in.code == Code::kNot ? Step::kNot : Step::kNegate, .a = a});
  }

  Reg Binary(const Instr& in, Step step, std::uint8_t op) {
    const Reg a = Lower(p_.kid(in, 0)), b = Lower(p_.kid(in, 1));
    if (a < 0 || b < 0) return -1;
    return Emit({.step = step, .op = op, .a = a, .b = b});
  }

  Reg Nary(const Instr& in, Step step) {
    PlanStep s{.step = step};
    if (!Operands(in, 0, s)) return -1;
    return Emit(s);
  }

  // `and` / `or`: after each operand but the last, a step that ends the
  // operation when that operand decides it (or is an error), so that the
  // operands after it are not computed, as in Evaluator::Logic. Not in a
  // plan that explains: there every operand is shown.
  Reg Logic(const Instr& in, bool decisive) {
    const Reg dst = NewReg();
    std::vector<Reg> regs;
    std::vector<std::size_t> exits;
    for (std::size_t i = 0; i < in.kid_count; ++i) {
      const Reg r = Lower(p_.kid(in, i));
      regs.push_back(r);
      if (i + 1 == in.kid_count || plan_.scope == PlanScope::kExplain) continue;
      exits.push_back(current_.size());
      current_.push_back({.step = Step::kShortCircuit, .op = static_cast<std::uint8_t>(decisive), .dst = dst, .a = r});
    }
    PlanStep last{.step = decisive ? Step::kOr : Step::kAnd, .dst = dst};
    last.first = static_cast<std::uint32_t>(plan_.operands.size());
    last.count = static_cast<std::uint32_t>(regs.size());
    plan_.operands.insert(plan_.operands.end(), regs.begin(), regs.end());
    current_.push_back(last);
    for (std::size_t exit : exits) current_[exit].c = static_cast<std::int32_t>(current_.size() - exit - 1);
    return dst;
  }

  Reg Ternary(const Instr& in) {
    const Reg c = Lower(p_.kid(in, 0)), a = Lower(p_.kid(in, 1)), b = Lower(p_.kid(in, 2));
    if (c < 0 || a < 0 || b < 0) return -1;
    return Emit({.step = Step::kIf, .a = c, .b = a, .c = b});
  }

  Reg Call(const Instr& in) {
    const std::int32_t test = p_.StringTestOf(static_cast<InstrId>(&in - p_.code.data()));
    if (test >= 0) return StringTest(test);
    const Builtin& fn = Builtins()[static_cast<std::size_t>(in.builtin)];
    PlanStep s{.step = fn.on_cells ? Step::kCallCells : Step::kCallValues, .builtin = in.builtin};
    if (!Operands(in, 0, s)) return CallOnStrings(in);
    s.a = in.arg;
    s.instr = static_cast<InstrId>(&in - p_.code.data());
    for (std::size_t i = 0; i < in.kid_count; ++i) {
      plan_.kinds.push_back(ValueKindOf(p_.at(p_.kid(in, i)).type));
    }
    s.c = static_cast<std::int32_t>(plan_.kinds.size() - in.kid_count);  // first kind
    return Emit(s);
  }

  // A call whose arguments are all strings read from the profile or
  // constants (`starts_with(naf, "47")`): the built-in gets their texts,
  // without the Value evaluator. -1 when an argument is anything else.
  Reg CallOnStrings(const Instr& in) {
    std::vector<Reg> sources;
    for (std::size_t i = 0; i < in.kid_count; ++i) {
      const auto source = StringOperand(p_.kid(in, i));
      if (!source) return -1;
      sources.push_back(*source);
    }
    PlanStep s{.step = Step::kCallStrings, .builtin = in.builtin, .a = in.arg};
    s.instr = static_cast<InstrId>(&in - p_.code.data());
    s.first = static_cast<std::uint32_t>(plan_.operands.size());
    s.count = static_cast<std::uint32_t>(sources.size());
    plan_.operands.insert(plan_.operands.end(), sources.begin(), sources.end());
    return Emit(s);
  }

  // A string read as an interned id: a fact without default, or a constant.
  std::optional<std::int32_t> StringOperand(InstrId id) {
    const Instr& in = p_.at(id);
    if (in.type.base != BaseType::kString || in.type.is_series()) return std::nullopt;
    StringSource source;
    if (in.code == Code::kConst) {
      source.id = in.constant.integer;
      source.text = in.constant.text;
    } else if (in.code == Code::kFact && p_.default_roots[static_cast<std::size_t>(in.arg)] == kNoInstr) {
      source.slot = p_.facts[static_cast<std::size_t>(in.arg)].slot;
    } else {
      return std::nullopt;
    }
    plan_.strings.push_back(source);
    return static_cast<std::int32_t>(plan_.strings.size() - 1);
  }

  Reg InList(const Instr& in) {
    const auto source = StringOperand(p_.kid(in, 0));
    if (!source) return -1;
    return Emit({.step = Step::kStringInList, .a = *source, .b = in.arg});
  }

  Reg Comparison(const Instr& in) {
    const Type t = p_.at(p_.kid(in, 0)).type;
    if (IsCellType(t)) return Binary(in, Step::kCompare, static_cast<std::uint8_t>(in.code));
    if (in.code != Code::kEq && in.code != Code::kNe) return -1;
    const auto a = StringOperand(p_.kid(in, 0)), b = StringOperand(p_.kid(in, 1));
    if (!a || !b) return -1;
    return Emit({.step = Step::kStringEqual, .op = static_cast<std::uint8_t>(in.code), .a = *a, .b = *b});
  }

  const Program& p_;
  BatchPlan plan_;
  std::vector<Reg> instr_reg_, fact_reg_, value_reg_, string_test_reg_;
  std::vector<std::int32_t> fact_segment_, value_segment_;
  std::vector<PlanStep> current_, prologue_;  // steps of the segment being lowered, of segment 0
};

}  // namespace

BatchPlan PlanBatch(const Program& program, Date date, PlanScope scope) { return Planner(program, date, scope).Run(); }

}  // namespace relief::internal
