// What each step of a batch plan (plan/batch_plan.hpp) computes, for one
// profile: the one definition shared by the machine that runs a profile at a
// time (batch_machine.hpp) and the one that runs a block of profiles at once
// (lane_machine.hpp). A machine gives the step its inputs through a
// StepInputs: where its registers are, which profile, and the Value
// evaluator for the steps that cells cannot express.
#ifndef RELIEF_EVAL_PLAN_STEPS_HPP_
#define RELIEF_EVAL_PLAN_STEPS_HPP_

#include <algorithm>
#include <array>
#include <optional>
#include <span>
#include <vector>

#include "builtins/builtins.hpp"
#include "eval/evaluator.hpp"
#include "plan/batch_plan.hpp"

namespace relief::internal {

// At: `const Cell& at(Reg)`, the machine's registers for this profile.
// Values: `Evaluator& values()`, a Value evaluator reset to this profile.
template <class At, class Values>
struct StepInputs {
  const Program& program;
  const BatchPlan& plan;
  const ProfileData& profile;
  At at;
  Values values;
  std::vector<Value>& value_args;  // scratch for kCallValues

  std::span<const Reg> Operands(const PlanStep& s) const { return {plan.operands.data() + s.first, s.count}; }
};
// (Spelled out for compilers without aggregate deduction.)
template <class At, class Values>
StepInputs(const Program&, const BatchPlan&, const ProfileData&, At, Values, std::vector<Value>&)
    -> StepInputs<At, Values>;

namespace steps {

// The value of an operation with an operand not known: the first error,
// else unknown.
inline Cell NotKnown(const Cell& x, const Cell& y) { return x.is_error() ? x : y.is_error() ? y : Cell::Unknown(); }

// A fact, or its default's register when the profile does not give it.
inline Cell LoadFact(const Cell& given, const Cell* fallback) {
  if (!given.unknown()) return given;
  return fallback != nullptr ? *fallback : Cell::Unknown();
}

inline Cell Unary(Step step, const Cell& x) {
  if (!x.known()) return x;
  return step == Step::kNot ? Cell::Bool(x.a == 0) : Negate(x);
}

inline Cell Compare(Code op, const Cell& x, const Cell& y) {
  if (!x.known() || !y.known()) return NotKnown(x, y);
  return Cell::Bool(OrderHolds(op, internal::Compare(x, y)));
}

inline Cell Arithmetic(Arith op, const Cell& x, const Cell& y) {
  if (!x.known() || !y.known()) return NotKnown(x, y);
  return internal::Arithmetic(op, x, y);
}

// Kleene, as Evaluator::Logic: the first error, a decisive operand, else
// unknown if one is.
template <class In>
Cell Logic(const In& in, const PlanStep& s, bool decisive) {
  bool unknown = false;
  for (Reg r : in.Operands(s)) {
    const Cell& v = in.at(r);
    if (v.is_error()) return v;
    if (v.unknown()) {
      unknown = true;
    } else if ((v.a != 0) == decisive) {
      return Cell::Bool(decisive);
    }
  }
  return unknown ? Cell::Unknown() : Cell::Bool(!decisive);
}

template <class In>
Cell InSet(const In& in, const PlanStep& s) {
  const auto regs = in.Operands(s);
  const Cell& v = in.at(regs[0]);
  if (!v.known()) return v;
  const bool found = std::any_of(regs.begin() + 1, regs.end(), [&](Reg r) { return in.at(r) == v; });
  return Cell::Bool(found);
}

// As Evaluator::If: with an unknown condition, known only if both branches
// agree.
inline Cell IfOf(const Cell& c, const Cell& x, const Cell& y) {
  if (c.is_error()) return c;
  if (c.known()) return c.a != 0 ? x : y;
  if (x.is_error()) return x;
  if (y.is_error()) return y;
  return x.known() && x == y ? x : Cell::Unknown();
}

template <class In>
Cell If(const In& in, const PlanStep& s) {
  return IfOf(in.at(s.a), in.at(s.b), in.at(s.c));
}

template <class In>
Cell SeriesAt(const In& in, const PlanStep& s) {
  const Cell& index = in.at(s.b);
  if (!index.known()) return index;
  // A month index, or a year (an integer number).
  const std::int64_t period = s.op != 0 ? index.a : index.ToDecimal().Floor().numerator();
  const SeriesData& series = in.profile.series[static_cast<std::size_t>(s.a)];
  return CellOf(series.At(static_cast<std::int32_t>(period)));
}

// A built-in function on cells: the first error among the operands, else
// unknown if one is, else its value. read(k) is operand k of `count`.
template <class Read>
Cell CallCellsOf(const Builtin& fn, std::size_t count, Read read) {
  // Storage left uninitialised: filling sixteen cells costs more than the call.
  union Args {
    Args() {}  // NOLINT(modernize-use-equals-default): leaves the cells uninitialised
    std::array<Cell, kMaxBuiltinArgs> cells;
  } storage;
  auto& args = storage.cells;
  bool unknown = false;
  for (std::size_t k = 0; k < count; ++k) {
    const Cell& v = read(k);
    if (v.is_error()) return v;
    unknown |= v.unknown();
    args[k] = v;
  }
  if (unknown) return Cell::Unknown();
  return fn.on_cells({args.data(), count});
}

template <class In>
Cell CallCells(const In& in, const PlanStep& s) {
  const auto regs = in.Operands(s);
  return CallCellsOf(Builtins()[static_cast<std::size_t>(s.builtin)], regs.size(),
                     [&](std::size_t k) -> const Cell& { return in.at(regs[k]); });
}

template <class In>
Cell CallValues(const In& in, const PlanStep& s) {
  in.value_args.clear();
  bool unknown = false;
  const auto regs = in.Operands(s);
  for (std::size_t i = 0; i < regs.size(); ++i) {
    const Cell& v = in.at(regs[i]);
    if (v.is_error()) return v;
    unknown |= v.unknown();
    in.value_args.push_back(ValueOf(v, in.plan.kinds[static_cast<std::size_t>(s.c) + i]));
  }
  if (unknown) return Cell::Unknown();
  const Builtin& fn = Builtins()[static_cast<std::size_t>(s.builtin)];
  return CellOf(fn.eval(in.value_args, CallContext{in.program, in.profile, in.plan.date, s.a, s.instr}));
}

// A string operand (its interned id, 0 if none): nullopt when its fact is
// not given.
struct String {
  std::int32_t id = 0;
  std::string_view text;
};

inline std::optional<String> StringAt(const BatchPlan& plan, const ProfileData& profile, std::int32_t source) {
  const StringSource& from = plan.strings[static_cast<std::size_t>(source)];
  if (from.slot < 0) return String{from.id, from.text};
  const Value& given = profile.scalars[static_cast<std::size_t>(from.slot)];
  if (given.unknown()) return std::nullopt;
  return String{given.integer, given.text};
}

// A built-in on strings (kCallStrings): unknown when one is not given.
template <class In>
Cell CallStrings(const In& in, const PlanStep& s) {
  const Builtin& fn = Builtins()[static_cast<std::size_t>(s.builtin)];
  if (fn.on_strings != nullptr) {
    std::array<std::string_view, kMaxBuiltinArgs> texts;
    std::size_t n = 0;
    for (Reg source : in.Operands(s)) {
      const auto text = StringAt(in.plan, in.profile, source);
      if (!text) return Cell::Unknown();
      texts[n++] = text->text;
    }
    return fn.on_strings({texts.data(), n});
  }
  in.value_args.clear();
  for (Reg source : in.Operands(s)) {
    const auto text = StringAt(in.plan, in.profile, source);
    if (!text) return Cell::Unknown();
    Value v = Value::String(text->text);
    v.integer = text->id;
    in.value_args.push_back(v);
  }
  return CellOf(fn.eval(in.value_args, CallContext{in.program, in.profile, in.plan.date, s.a, s.instr}));
}

// Program::Membership as a cell: a possible member is unknown.
inline Cell MembershipCell(std::uint8_t membership) {
  return membership == Program::kPossibleMember ? Cell::Unknown() : Cell::Bool(membership == Program::kMember);
}

template <class In>
Cell StringInList(const In& in, const PlanStep& s) {
  const auto v = StringAt(in.plan, in.profile, s.a);
  if (!v) return Cell::Unknown();
  return MembershipCell(in.program.Membership(s.b, v->id));
}

template <class In>
Cell StringEqual(const In& in, const PlanStep& s) {
  const auto x = StringAt(in.plan, in.profile, s.a), y = StringAt(in.plan, in.profile, s.b);
  if (!x || !y) return Cell::Unknown();
  // Interned strings are equal when their ids are (Program::string_ids).
  const bool equal = x->id != 0 && y->id != 0 ? x->id == y->id : x->text == y->text;
  return Cell::Bool(static_cast<Code>(s.op) == Code::kEq ? equal : !equal);
}

}  // namespace steps

// The value of a step that writes its register (any step but kEnsure and
// kShortCircuit, which direct the run).
template <class In>
[[gnu::always_inline]] inline Cell ComputeStep(const In& in, const PlanStep& s) {
  switch (s.step) {
    case Step::kLoadFact:
      return steps::LoadFact(in.profile.cells[static_cast<std::size_t>(s.a)], s.b >= 0 ? &in.at(s.b) : nullptr);
    case Step::kSeriesAt:
      return steps::SeriesAt(in, s);
    case Step::kNot:
    case Step::kNegate:
      return steps::Unary(s.step, in.at(s.a));
    case Step::kAnd:
    case Step::kOr:
      return steps::Logic(in, s, s.step == Step::kOr);
    case Step::kArithmetic:
      return steps::Arithmetic(static_cast<Arith>(s.op), in.at(s.a), in.at(s.b));
    case Step::kCompare:
      return steps::Compare(static_cast<Code>(s.op), in.at(s.a), in.at(s.b));
    case Step::kInSet:
      return steps::InSet(in, s);
    case Step::kIf:
      return steps::If(in, s);
    case Step::kCallCells:
      return steps::CallCells(in, s);
    case Step::kCallValues:
      return steps::CallValues(in, s);
    case Step::kCallStrings:
      return steps::CallStrings(in, s);
    case Step::kStringInList:
      return steps::StringInList(in, s);
    case Step::kStringEqual:
      return steps::StringEqual(in, s);
    case Step::kEvaluate:
      return CellOf(in.values().Eval(s.instr));
    case Step::kEnsure:
    case Step::kShortCircuit:
      break;
  }
  return Cell::Unknown();
}

}  // namespace relief::internal

#endif  // RELIEF_EVAL_PLAN_STEPS_HPP_
