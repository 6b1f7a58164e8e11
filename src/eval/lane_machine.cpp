#include "eval/lane_machine.hpp"

#include <array>

#include "eval/plan_steps.hpp"

namespace relief::internal {
namespace {

// Compares two columns lane by lane, the operator fixed at compile time so
// that the loop body is a handful of instructions.
template <Code kOp>
void CompareLanes(const Cell* x, const Cell* y, Cell* dst, Lanes lanes) {
  for (const std::size_t i : lanes) {
    if (x[i].known() && y[i].known() && x[i].fixed() && y[i].fixed()) [[likely]] {
      dst[i] = Cell::Bool(OrderHolds(kOp, x[i].a <=> y[i].a));
    } else {
      dst[i] = steps::Compare(kOp, x[i], y[i]);
    }
  }
}

template <Arith kOp>
void ArithmeticLanes(const Cell* x, const Cell* y, Cell* dst, Lanes lanes) {
  for (const std::size_t i : lanes) dst[i] = steps::Arithmetic(kOp, x[i], y[i]);
}

void NotLanes(const Cell* x, Cell* dst, Lanes lanes) {
  for (const std::size_t i : lanes) dst[i] = x[i].known() ? Cell::Bool(x[i].a == 0) : x[i];
}

}  // namespace

[[gnu::always_inline]] inline auto LaneMachine::InputsOf(std::size_t lane) {
  return StepInputs{program_,
                    plan_,
                    *profiles_[lane],
                    [this, lane](Reg r) -> const Cell& { return Column(r)[lane]; },
                    [this, lane]() -> Evaluator& { return Values(lane); },
                    value_args_};
}

// Writes compute(inputs of lane i) to the step's register, lane by lane.
template <class Compute>
void LaneMachine::ForEachLane(const PlanStep& s, Compute compute) {
  Cell* dst = Column(s.dst);
  for (const std::size_t i : active_) dst[i] = compute(InputsOf(i));
}

// The columns of the step's operands, in columns_.
void LaneMachine::OperandColumns(const PlanStep& s) {
  columns_.clear();
  for (std::uint32_t k = 0; k < s.count; ++k) columns_.push_back(Column(plan_.operands[s.first + k]));
}

// Kleene `and` / `or`, as steps::Logic, one operand column after the
// other: a lane is settled by its first error or decisive operand. Without
// branches on the lanes' data: which operand decides varies from lane to
// lane, and mispredicted branches would cost more than the work.
void LaneMachine::LogicLanes(const PlanStep& s, bool decisive) {
  constexpr std::uint8_t kOpen = 0, kDecided = 1, kError = 2;
  std::array<std::uint8_t, kLanes> settled{}, unknown{};
  for (std::uint32_t k = 0; k < s.count; ++k) {
    const Cell* v = Column(plan_.operands[s.first + k]);
    for (const std::size_t i : active_) {
      const bool error = v[i].is_error();
      const bool decides = v[i].known() && (v[i].a != 0) == decisive;
      const std::uint8_t now = error ? kError : decides ? kDecided : kOpen;
      settled[i] = settled[i] != kOpen ? settled[i] : now;
      unknown[i] |= static_cast<std::uint8_t>(v[i].unknown());
    }
  }
  Cell* dst = Column(s.dst);
  for (const std::size_t i : active_) {
    const bool open = settled[i] == kOpen;
    const bool value = open ? !decisive : decisive;
    const Cell::State state = settled[i] == kError        ? Cell::State::kError
                              : (open && unknown[i] != 0) ? Cell::State::kUnknown
                                                          : Cell::State::kKnown;
    dst[i] = {state == Cell::State::kKnown && value ? 1 : 0, 0, state};
  }
}

// Built-ins on cells, lane by lane over the operands' columns, as
// steps::CallCellsOf.
void LaneMachine::CallCellsLanes(const PlanStep& s) {
  OperandColumns(s);
  const Builtin& fn = Builtins()[static_cast<std::size_t>(s.builtin)];
  Cell* dst = Column(s.dst);
  for (const std::size_t i : active_) {
    dst[i] =
        steps::CallCellsOf(fn, columns_.size(), [this, i](std::size_t k) -> const Cell& { return columns_[k][i]; });
  }
}

// A string fact against an interned constant or list, read from the
// profile's cells (a string's cell is its interned id) as long as the fact's
// text was interned; the rest as steps::StringEqual / StringInList.
bool LaneMachine::StringLanes(const PlanStep& s) {
  const StringSource& fact = plan_.strings[static_cast<std::size_t>(s.a)];
  const bool in_list = s.step == Step::kStringInList;
  const StringSource* constant = in_list ? nullptr : &plan_.strings[static_cast<std::size_t>(s.b)];
  if (fact.slot < 0 || (constant != nullptr && (constant->slot >= 0 || constant->id == 0))) return false;
  const auto slot = static_cast<std::size_t>(fact.slot);
  const bool equal = static_cast<Code>(s.op) == Code::kEq;
  Cell* dst = Column(s.dst);
  for (const std::size_t i : active_) {
    const Cell& given = facts_[i][slot];
    const auto id = static_cast<std::int32_t>(given.a);
    if (given.unknown()) {
      dst[i] = Cell::Unknown();
    } else if (id == 0) {  // a text no rule names: in no list, equal to no interned constant
      dst[i] = Cell::Bool(!in_list && !equal);
    } else if (in_list) {
      dst[i] = steps::MembershipCell(program_.Membership(s.b, id));
    } else {
      dst[i] = Cell::Bool((id == constant->id) == equal);
    }
  }
  return true;
}

void LaneMachine::Prepare(Date date) {
  if (planned_ && plan_.date == date) return;
  plan_ = PlanBatch(program_, date);
  // Amounts are run apart, for the lanes that need them; every other
  // segment (values and fact defaults included) for every lane.
  order_.clear();
  std::vector<std::uint8_t> scheduled(plan_.segments.size(), 0);
  for (std::size_t i = 0; i < plan_.segments.size(); ++i) {
    if (!plan_.amount_segment[i]) Schedule(static_cast<std::int32_t>(i), scheduled);
  }
  every_lane_end_ = static_cast<std::uint32_t>(order_.size());
  later_.assign(plan_.segments.size(), {});
  for (std::size_t i = 0; i < plan_.segments.size(); ++i) {
    if (!plan_.amount_segment[i]) continue;
    const auto begin = static_cast<std::uint32_t>(order_.size());
    Schedule(static_cast<std::int32_t>(i), scheduled);
    later_[i] = {begin, static_cast<std::uint32_t>(order_.size())};
  }
  // Constants are set once for every lane; no step writes them.
  cells_.resize(plan_.initial.size() * kLanes);
  for (std::size_t r = 0; r < plan_.initial.size(); ++r) {
    std::fill_n(Column(static_cast<Reg>(r)), kLanes, plan_.initial[r]);
  }
  planned_ = true;
}

// Appends the steps of `segment` to the order, each segment it ensures
// first; short-circuits are dropped (every operand is computed).
void LaneMachine::Schedule(std::int32_t segment, std::vector<std::uint8_t>& scheduled) {
  if (scheduled[static_cast<std::size_t>(segment)]) return;
  scheduled[static_cast<std::size_t>(segment)] = 1;
  const StepRange range = plan_.segments[static_cast<std::size_t>(segment)];
  for (std::uint32_t i = range.begin; i < range.end; ++i) {
    const PlanStep& s = plan_.steps[i];
    if (s.step == Step::kEnsure) {
      Schedule(s.a, scheduled);
    } else if (s.step != Step::kShortCircuit) {
      order_.push_back(i);
    }
  }
}

void LaneMachine::Run(std::span<const ProfileData* const> profiles, Date date) {
  Prepare(date);
  profiles_ = profiles.first(std::min(profiles.size(), kLanes));
  if (plan_.uses_values) {
    while (values_.size() < kLanes) values_.emplace_back(program_);
    values_ready_.assign(kLanes, 0);
  }
  active_ = Lanes(kAllLanes).first(profiles_.size());
  for (std::size_t i = 0; i < profiles_.size(); ++i) facts_[i] = profiles_[i]->cells.data();
  for (std::uint32_t k = 0; k < every_lane_end_; ++k) RunStep(plan_.steps[order_[k]]);
}

void LaneMachine::RunAmount(ExprId expr, Lanes lanes) {
  const std::int32_t segment = plan_.expr_segments[static_cast<std::size_t>(expr)];
  if (segment < 0) return;
  active_ = lanes;
  const StepRange range = later_[static_cast<std::size_t>(segment)];
  for (std::uint32_t k = range.begin; k < range.end; ++k) RunStep(plan_.steps[order_[k]]);
}

Evaluator& LaneMachine::Values(std::size_t lane) {
  if (!values_ready_[lane]) {
    values_[lane].Reset(*profiles_[lane], plan_.date);
    values_ready_[lane] = 1;
  }
  return values_[lane];
}

// The most frequent steps have loops of their own; the others run the
// step's definition (plan_steps.hpp) lane by lane.
void LaneMachine::RunStep(const PlanStep& s) {
  const Lanes n = active_;
  Cell* dst = Column(s.dst);
  switch (s.step) {
    case Step::kLoadFact: {
      const Cell* fallback = s.b >= 0 ? Column(s.b) : nullptr;
      const auto slot = static_cast<std::size_t>(s.a);
      for (const std::size_t i : n) {
        dst[i] = steps::LoadFact(facts_[i][slot], fallback != nullptr ? fallback + i : nullptr);
      }
      return;
    }
    case Step::kCompare: {
      const Cell *x = Column(s.a), *y = Column(s.b);
      switch (static_cast<Code>(s.op)) {
        case Code::kEq:
          return CompareLanes<Code::kEq>(x, y, dst, n);
        case Code::kNe:
          return CompareLanes<Code::kNe>(x, y, dst, n);
        case Code::kLt:
          return CompareLanes<Code::kLt>(x, y, dst, n);
        case Code::kLe:
          return CompareLanes<Code::kLe>(x, y, dst, n);
        case Code::kGt:
          return CompareLanes<Code::kGt>(x, y, dst, n);
        default:
          return CompareLanes<Code::kGe>(x, y, dst, n);
      }
    }
    case Step::kArithmetic: {
      const Cell *x = Column(s.a), *y = Column(s.b);
      switch (static_cast<Arith>(s.op)) {
        case Arith::kAdd:
          return ArithmeticLanes<Arith::kAdd>(x, y, dst, n);
        case Arith::kSub:
          return ArithmeticLanes<Arith::kSub>(x, y, dst, n);
        case Arith::kMul:
          return ArithmeticLanes<Arith::kMul>(x, y, dst, n);
        default:
          return ArithmeticLanes<Arith::kDiv>(x, y, dst, n);
      }
    }
    case Step::kNot:
      return NotLanes(Column(s.a), dst, n);
    case Step::kAnd:
    case Step::kOr:
      return LogicLanes(s, s.step == Step::kOr);
    case Step::kCallCells:
      return CallCellsLanes(s);
    case Step::kStringEqual:
    case Step::kStringInList:
      if (!StringLanes(s)) RunOnEachLane(s);
      return;
    default:
      return RunOnEachLane(s);
  }
}

void LaneMachine::RunOnEachLane(const PlanStep& s) {
  ForEachLane(s, [&s](const auto& in) { return ComputeStep(in, s); });
}

}  // namespace relief::internal
