#include "eval/batch_machine.hpp"

#include <algorithm>
#include <array>

#include "builtins/builtins.hpp"

// Compute and its helpers are the loop body of RunSegment, inlined there.
#define RELIEF_HOT_INLINE [[gnu::always_inline]] inline

namespace relief::internal {
namespace {

// The value of an operation with an operand not known: the first error,
// else unknown.
Cell NotKnown(const Cell& x, const Cell& y) { return x.is_error() ? x : y.is_error() ? y : Cell::Unknown(); }

}  // namespace

void BatchMachine::Prepare(Date date) {
  if (planned_ && plan_.date == date) return;
  plan_ = PlanBatch(program_, date);
  cells_ = plan_.initial;
  segment_done_.assign(plan_.segments.size(), 0);
  planned_ = true;
}

void BatchMachine::Run(const ProfileData& profile, Date date) {
  Prepare(date);
  profile_ = &profile;
  values_ready_ = false;
  std::fill(segment_done_.begin(), segment_done_.end(), 0);
  RunSegment(0);
}

RELIEF_HOT_INLINE Cell BatchMachine::Unary(const PlanStep& s) const {
  const Cell& x = At(s.a);
  if (!x.known()) return x;
  return s.step == Step::kNot ? Cell::Bool(x.a == 0) : Negate(x);
}

RELIEF_HOT_INLINE Cell BatchMachine::Binary(const PlanStep& s) const {
  const Cell &x = At(s.a), &y = At(s.b);
  if (!x.known() || !y.known()) return NotKnown(x, y);
  return s.step == Step::kCompare ? Cell::Bool(OrderHolds(static_cast<Code>(s.op), Compare(x, y)))
                                  : Arithmetic(static_cast<Arith>(s.op), x, y);
}

// The value of a step that writes its register.
RELIEF_HOT_INLINE Cell BatchMachine::Compute(const PlanStep& s) {
  switch (s.step) {
    case Step::kLoadFact:
      return LoadFact(s);
    case Step::kSeriesAt:
      return SeriesAt(s);
    case Step::kNot:
    case Step::kNegate:
      return Unary(s);
    case Step::kAnd:
    case Step::kOr:
      return Logic(s, s.step == Step::kOr);
    case Step::kArithmetic:
    case Step::kCompare:
      return Binary(s);
    case Step::kInSet:
      return InSet(s);
    case Step::kIf:
      return If(s);
    case Step::kCallCells:
      return CallCells(s);
    case Step::kCallValues:
      return CallValues(s);
    case Step::kStringInList:
      return StringInList(s);
    case Step::kStringEqual:
      return StringEqual(s);
    case Step::kEvaluate:
      return Evaluate(s.instr);
    case Step::kEnsure:        // in RunSegment
    case Step::kShortCircuit:  // in RunSegment
      break;
  }
  return Cell::Unknown();
}

void BatchMachine::RunSegment(std::int32_t segment) {
  const StepRange range = plan_.segments[static_cast<std::size_t>(segment)];
  for (std::uint32_t i = range.begin; i < range.end; ++i) {
    const PlanStep& s = plan_.steps[i];
    if (s.step == Step::kShortCircuit) {
      const Cell& v = At(s.a);
      if (v.is_error() || (v.known() && (v.a != 0) == (s.op != 0))) {
        cells_[static_cast<std::size_t>(s.dst)] = v.is_error() ? v : Cell::Bool(s.op != 0);
        i += static_cast<std::uint32_t>(s.c);
      }
    } else if (s.step == Step::kEnsure) {
      if (!segment_done_[static_cast<std::size_t>(s.a)]) {
        segment_done_[static_cast<std::size_t>(s.a)] = 1;
        RunSegment(s.a);
      }
    } else {
      cells_[static_cast<std::size_t>(s.dst)] = Compute(s);
    }
  }
}

Cell BatchMachine::LoadFact(const PlanStep& s) const {
  const Value& given = profile_->scalars[static_cast<std::size_t>(s.a)];
  if (!given.unknown()) return CellOf(given);
  return s.b >= 0 ? At(s.b) : Cell::Unknown();
}

Cell BatchMachine::SeriesAt(const PlanStep& s) const {
  const Cell& index = At(s.b);
  if (!index.known()) return index;
  // A month index, or a year (an integer number).
  const std::int64_t period = s.op != 0 ? index.a : index.ToDecimal().Floor().numerator();
  const SeriesData& series = profile_->series[static_cast<std::size_t>(s.a)];
  return CellOf(series.At(static_cast<std::int32_t>(period)));
}

// Kleene, as Evaluator::Logic: the first error, a decisive operand, else
// unknown if one is.
Cell BatchMachine::Logic(const PlanStep& s, bool decisive) const {
  bool unknown = false;
  for (Reg r : Operands(s)) {
    const Cell& v = At(r);
    if (v.is_error()) return v;
    if (v.unknown()) {
      unknown = true;
    } else if ((v.a != 0) == decisive) {
      return Cell::Bool(decisive);
    }
  }
  return unknown ? Cell::Unknown() : Cell::Bool(!decisive);
}

Cell BatchMachine::InSet(const PlanStep& s) const {
  const auto regs = Operands(s);
  const Cell& v = At(regs[0]);
  if (!v.known()) return v;
  const bool found = std::any_of(regs.begin() + 1, regs.end(), [&](Reg r) { return At(r) == v; });
  return Cell::Bool(found);
}

// As Evaluator::If: with an unknown condition, known only if both branches
// agree.
Cell BatchMachine::If(const PlanStep& s) const {
  const Cell& c = At(s.a);
  if (c.is_error()) return c;
  if (c.known()) return At(c.a != 0 ? s.b : s.c);
  const Cell &x = At(s.b), &y = At(s.c);
  if (x.is_error()) return x;
  if (y.is_error()) return y;
  return x.known() && x == y ? x : Cell::Unknown();
}

Cell BatchMachine::CallCells(const PlanStep& s) {
  std::array<Cell, kMaxBuiltinArgs> args;
  const auto regs = Operands(s);
  bool unknown = false;
  for (std::size_t i = 0; i < regs.size(); ++i) {
    const Cell& v = At(regs[i]);
    if (v.is_error()) return v;
    unknown |= v.unknown();
    args[i] = v;
  }
  if (unknown) return Cell::Unknown();
  return Builtins()[static_cast<std::size_t>(s.builtin)].on_cells({args.data(), regs.size()});
}

Cell BatchMachine::CallValues(const PlanStep& s) {
  value_args_.clear();
  bool unknown = false;
  const auto regs = Operands(s);
  for (std::size_t i = 0; i < regs.size(); ++i) {
    const Cell& v = At(regs[i]);
    if (v.is_error()) return v;
    unknown |= v.unknown();
    value_args_.push_back(ValueOf(v, plan_.kinds[static_cast<std::size_t>(s.c) + i]));
  }
  if (unknown) return Cell::Unknown();
  const Builtin& fn = Builtins()[static_cast<std::size_t>(s.builtin)];
  return CellOf(fn.eval(value_args_, CallContext{program_, *profile_, plan_.date, s.a, s.instr}));
}

std::optional<BatchMachine::String> BatchMachine::StringAt(std::int32_t source) const {
  const StringSource& from = plan_.strings[static_cast<std::size_t>(source)];
  if (from.slot < 0) return String{from.id, from.text};
  const Value& given = profile_->scalars[static_cast<std::size_t>(from.slot)];
  if (given.unknown()) return std::nullopt;
  return String{given.integer, given.text};
}

Cell BatchMachine::StringInList(const PlanStep& s) const {
  const auto v = StringAt(s.a);
  if (!v) return Cell::Unknown();
  switch (program_.Membership(s.b, v->id)) {
    case Program::kNotMember:
      return Cell::Bool(false);
    case Program::kMember:
      return Cell::Bool(true);
    default:
      return Cell::Unknown();  // graded "possible"
  }
}

Cell BatchMachine::StringEqual(const PlanStep& s) const {
  const auto x = StringAt(s.a), y = StringAt(s.b);
  if (!x || !y) return Cell::Unknown();
  // Interned strings are equal when their ids are (Program::string_ids).
  const bool equal = x->id != 0 && y->id != 0 ? x->id == y->id : x->text == y->text;
  return Cell::Bool(static_cast<Code>(s.op) == Code::kEq ? equal : !equal);
}

Cell BatchMachine::Evaluate(InstrId instr) {
  if (!values_ready_) {
    values_.Reset(*profile_, plan_.date);
    values_ready_ = true;
  }
  return CellOf(values_.Eval(instr));
}

}  // namespace relief::internal
