#include "eval/lane_machine.hpp"

#include <algorithm>
#include <array>

#include "eval/plan_steps.hpp"
#include "eval/truth_bits.hpp"
#include "plan/step_sharing.hpp"

namespace relief::internal {
namespace {

// Compares two columns lane by lane, the operator fixed at compile time so
// that the loop body is a handful of instructions.
template <Code kOp, class Range>
void CompareLanes(const Cell* x, const Cell* y, Cell* dst, Range lanes) {
  for (const std::size_t i : lanes) {
    if ((x[i].den | y[i].den) == 0) [[likely]] {  // both known and fixed
      dst[i] = Cell::Bool(OrderHolds(kOp, x[i].a <=> y[i].a));
    } else {
      dst[i] = steps::Compare(kOp, x[i], y[i]);
    }
  }
}

template <Arith kOp, class Range>
void ArithmeticLanes(const Cell* x, const Cell* y, Cell* dst, Range lanes) {
  for (const std::size_t i : lanes) dst[i] = steps::Arithmetic(kOp, x[i], y[i]);
}

template <class Range>
void NotLanes(const Cell* x, Cell* dst, Range lanes) {
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
template <class Range, class Compute>
void LaneMachine::ForEachLane(const PlanStep& s, Range lanes, Compute compute) {
  Cell* dst = Column(s.dst);
  for (const std::size_t i : lanes) dst[i] = compute(InputsOf(i));
}

// The columns of the step's operands, in columns_.
void LaneMachine::OperandColumns(const PlanStep& s) {
  columns_.clear();
  for (std::uint32_t k = 0; k < s.count; ++k) columns_.push_back(Column(plan_.operands[s.first + k]));
}

// Kleene `and` / `or` (kDecisive: the operand value that decides, true
// for `or`), as steps::Logic, one operand column after the other: a lane is
// settled by its first error or decisive operand. In integer arithmetic,
// without a branch on the lanes' data: which operand decides varies from
// lane to lane, and mispredicted branches would cost more than the work.
template <bool kDecisive, class Range>
void LaneMachine::LogicLanes(const PlanStep& s, Range lanes) {
  // settled: 0 open, 1 decided by a decisive operand, 2 by an error. An
  // operand's bits (truth_bits.hpp) are those, and 4 when unknown.
  constexpr TruthBits kBits{2, 4, kDecisive ? 0 : 1, kDecisive ? 1 : 0};
  std::array<std::uint8_t, kLanes> settled{}, unknown{}, now;
  for (std::uint32_t k = 0; k < s.count; ++k) {
    // Every lane of the block, four at a time, even when `lanes` is a few.
    BitsOfColumn(Column(plan_.operands[s.first + k]), profiles_.size(), kBits, now.data());
    for (const std::size_t i : lanes) {
      const auto open = static_cast<std::uint8_t>(-static_cast<int>(settled[i] == 0));  // all ones while open
      settled[i] |= now[i] & 3 & open;
      unknown[i] |= now[i] >> 2;
    }
  }
  Cell* dst = Column(s.dst);
  for (const std::size_t i : lanes) {
    const auto open = static_cast<std::uint8_t>(settled[i] == 0);
    const auto state = static_cast<std::uint8_t>((settled[i] & 2) | (open & unknown[i]));
    dst[i] = Cell::Of(static_cast<Cell::State>(state), open ^ static_cast<std::uint8_t>(kDecisive));
  }
}

// Built-ins on cells, lane by lane over the operands' columns, as
// steps::CallCellsOf.
template <class Range>
void LaneMachine::CallCellsLanes(const PlanStep& s, Range lanes) {
  OperandColumns(s);
  const Builtin& fn = Builtins()[static_cast<std::size_t>(s.builtin)];
  Cell* dst = Column(s.dst);
  for (const std::size_t i : lanes) {
    dst[i] =
        steps::CallCellsOf(fn, columns_.size(), [this, i](std::size_t k) -> const Cell& { return columns_[k][i]; });
  }
}

// A string fact against an interned constant or list, read from the
// profile's cells (a string's cell is its interned id, 0 for a text no rule
// names, in no list and equal to no interned constant) as long as the
// fact's text was interned; the rest as steps::StringEqual / StringInList.
// Without a branch on the lanes' data, as LogicLanes.
template <class Range>
bool LaneMachine::StringLanes(const PlanStep& s, Range lanes) {
  const StringSource& fact = plan_.strings[static_cast<std::size_t>(s.a)];
  const bool in_list = s.step == Step::kStringInList;
  const StringSource* constant = in_list ? nullptr : &plan_.strings[static_cast<std::size_t>(s.b)];
  if (fact.slot < 0 || (constant != nullptr && (constant->slot >= 0 || constant->id == 0))) return false;
  const auto slot = static_cast<std::size_t>(fact.slot);
  Cell* dst = Column(s.dst);
  const auto given_state = [](const Cell& given) { return static_cast<std::uint8_t>(given.state()); };
  if (in_list) {
    for (const std::size_t i : lanes) {
      const Cell& given = facts_[i][slot];
      const std::uint8_t membership = program_.Membership(s.b, static_cast<std::int32_t>(given.a));
      const std::uint8_t state =
          std::max(given_state(given), static_cast<std::uint8_t>(membership == Program::kPossibleMember));
      dst[i] = Cell::Of(static_cast<Cell::State>(state), membership == Program::kMember);
    }
    return true;
  }
  const bool equal = static_cast<Code>(s.op) == Code::kEq;
  for (const std::size_t i : lanes) {
    const Cell& given = facts_[i][slot];
    const std::uint8_t state = given_state(given);
    dst[i] = Cell::Of(static_cast<Cell::State>(state), (given.a == constant->id) == equal);
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
  // Steps shared between expressions run once; the amounts' steps move up
  // by the number of steps dropped before them.
  const std::uint32_t dropped = every_lane_end_ - ShareEqualSteps(plan_, order_, every_lane_end_);
  for (std::size_t i = 0; i < later_.size(); ++i) {
    if (!plan_.amount_segment[i]) continue;
    later_[i].begin -= dropped;
    later_[i].end -= dropped;
  }
  every_lane_end_ -= dropped;
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
  for (std::size_t i = 0; i < profiles_.size(); ++i) facts_[i] = profiles_[i]->cells.data();
  for (std::uint32_t k = 0; k < every_lane_end_; ++k) RunStep(plan_.steps[order_[k]], EveryLane{profiles_.size()});
}

void LaneMachine::RunAmount(ExprId expr, Lanes lanes) {
  const std::int32_t segment = plan_.expr_segments[static_cast<std::size_t>(expr)];
  if (segment < 0) return;
  const StepRange range = later_[static_cast<std::size_t>(segment)];
  for (std::uint32_t k = range.begin; k < range.end; ++k) RunStep(plan_.steps[order_[k]], lanes);
}

Evaluator& LaneMachine::Values(std::size_t lane) {
  if (!values_ready_[lane]) {
    values_[lane].Reset(*profiles_[lane], plan_.date);
    values_ready_[lane] = 1;
  }
  return values_[lane];
}

// A built-in on texts (Builtin::on_strings, as steps::CallStrings), lane by
// lane, with the function and the constant operands looked up once per
// block; false, doing nothing, for a built-in without on_strings.
template <class Range>
bool LaneMachine::CallStringsLanes(const PlanStep& s, Range lanes) {
  const Builtin& fn = Builtins()[static_cast<std::size_t>(s.builtin)];
  if (fn.on_strings == nullptr || s.count > static_cast<std::uint32_t>(kMaxBuiltinArgs)) return false;
  std::array<std::string_view, kMaxBuiltinArgs> texts;  // the constants stay, the facts' change by lane
  std::array<std::int32_t, kMaxBuiltinArgs> slots;      // a fact's scalar, or -1 for a constant
  for (std::uint32_t k = 0; k < s.count; ++k) {
    const StringSource& from = plan_.strings[static_cast<std::size_t>(plan_.operands[s.first + k])];
    slots[k] = from.slot;
    texts[k] = from.text;
  }
  Cell* dst = Column(s.dst);
  for (const std::size_t i : lanes) {
    bool given = true;
    for (std::uint32_t k = 0; k < s.count; ++k) {
      if (slots[k] < 0) continue;
      const Value& v = profiles_[i]->scalars[static_cast<std::size_t>(slots[k])];
      given &= !v.unknown();
      texts[k] = v.text;
    }
    dst[i] = given ? fn.on_strings({texts.data(), s.count}) : Cell::Unknown();
  }
  return true;
}

// The most frequent steps have loops of their own; the others run the
// step's definition (plan_steps.hpp) lane by lane, on every lane of the
// block (values, conditions) or on the lanes an amount is computed for.
template <class Range>
void LaneMachine::RunStep(const PlanStep& s, Range n) {
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
      return LogicLanes<false>(s, n);
    case Step::kOr:
      return LogicLanes<true>(s, n);
    case Step::kCallCells:
      return CallCellsLanes(s, n);
    case Step::kStringEqual:
    case Step::kStringInList:
      if (!StringLanes(s, n)) RunOnEachLane(s, n);
      return;
    case Step::kCallStrings:
      if (!CallStringsLanes(s, n)) RunOnEachLane(s, n);
      return;
    default:
      return RunOnEachLane(s, n);
  }
}

template <class Range>
void LaneMachine::RunOnEachLane(const PlanStep& s, Range lanes) {
  ForEachLane(s, lanes, [&s](const auto& in) { return ComputeStep(in, s); });
}

}  // namespace relief::internal
