#include "eval/lane_machine.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <type_traits>

#include "eval/plan_steps.hpp"
#include "eval/truth_bits.hpp"
#include "plan/step_sharing.hpp"

namespace relief::internal {
namespace {

// steps::Compare for a lane the loop below leaves (an operand unknown, an
// error, or a rational such as a loss ratio): on known cells, the sign of
// the difference of internal::Compare's cross products, exact on 128 bits,
// instead of an ordering built from two comparisons.
template <Code kOp>
Cell CompareExact(const Cell& x, const Cell& y) {
  if (!x.known() || !y.known()) return steps::NotKnown(x, y);
  __extension__ using Wide = __int128;
  const std::int64_t xd = x.fixed() ? Cell::kScale : x.den, yd = y.fixed() ? Cell::kScale : y.den;
  const Wide difference = Wide{x.a} * yd - Wide{y.a} * xd;  // each product below 2^126
  return Cell::Bool(OrderHolds(kOp, difference <=> 0));
}

// Compares two columns lane by lane (y: one cell for every lane when
// kConstant, a constant's register), the operator fixed at compile time;
// the truth of each lane of `lanes`. The loop has no branch on the lanes'
// data and writes a byte a lane: it compares the integers, and a lane whose
// operands are not both known and fixed (rare: an unknown, a rational) is
// redone after it, by CompareExact.
template <Code kOp, bool kConstant, class Range>
TruthMasks CompareLanes(const Cell* x, const Cell* y, Range lanes) {
  std::array<std::uint8_t, LaneMachine::kLanes> holds{}, redo{};
  // Unrolled (here and for fact loads, the two most frequent loops): the
  // loop's own count and test were a third of a lane's instructions.
#pragma GCC unroll 4
  for (const std::size_t i : lanes) {
    const Cell& b = y[kConstant ? 0 : i];
    const bool fixed = (x[i].den | b.den) == 0;
    holds[i] = static_cast<std::uint8_t>(OrderHolds(kOp, x[i].a <=> b.a) & fixed);
    redo[i] = static_cast<std::uint8_t>(!fixed);
  }
  TruthMasks m{.is_true = MaskOfBytes(holds.data())};
  for (std::uint64_t left = MaskOfBytes(redo.data()); left != 0; left &= left - 1) {
    const auto i = static_cast<std::size_t>(std::countr_zero(left));
    const Cell c = CompareExact<kOp>(x[i], y[kConstant ? 0 : i]);
    m.is_true |= std::uint64_t{c.is_true()} << i;
    m.unknown |= std::uint64_t{c.unknown()} << i;
    m.error |= std::uint64_t{c.is_error()} << i;
  }
  return m;
}

// A fact's cell, from the profile's cells of each lane (`facts`), else its
// default's column when it has one.
template <class Range>
void LoadLanes(const Cell* const* facts, std::size_t slot, const Cell* fallback, Cell* dst, Range lanes) {
  if (fallback == nullptr) {
    // steps::LoadFact without default is a copy: an unknown cell is
    // Cell::Unknown() whatever made it (no constructor gives another).
#pragma GCC unroll 4
    for (const std::size_t i : lanes) dst[i] = facts[i][slot];
    return;
  }
  for (const std::size_t i : lanes) dst[i] = steps::LoadFact(facts[i][slot], fallback + i);
}

// `if` on the columns of its condition and branches.
template <class Range>
void IfLanes(const Cell* c, const Cell* x, const Cell* y, Cell* dst, Range lanes) {
  for (const std::size_t i : lanes) {
    // A known condition picks its branch by address: a select, not a
    // branch on the lanes' data.
    const Cell* known = c[i].a != 0 ? x + i : y + i;
    dst[i] = c[i].den == 0 ? *known : steps::IfOf(c[i], x[i], y[i]);
  }
}

// min and max of two cells (an amount's ceiling or floor: the most
// frequent calls), as ExtremumOfCells: on two fixed cells a select of the
// first unless the second is strictly beyond it; the rest as
// steps::CallCellsOf.
template <bool kMin, class Range>
void ExtremumLanes(const Builtin& fn, const Cell* x, const Cell* y, Cell* dst, Range lanes) {
  for (const std::size_t i : lanes) {
    if ((x[i].den | y[i].den) == 0) [[likely]] {
      const bool second = kMin ? y[i].a < x[i].a : y[i].a > x[i].a;
      dst[i] = *(second ? y + i : x + i);
    } else {
      dst[i] = steps::CallCellsOf(fn, 2, [&](std::size_t k) -> const Cell& { return k == 0 ? x[i] : y[i]; });
    }
  }
}

template <Arith kOp, class Range>
void ArithmeticLanes(const Cell* x, const Cell* y, Cell* dst, Range lanes) {
  for (const std::size_t i : lanes) dst[i] = steps::Arithmetic(kOp, x[i], y[i]);
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
// for `or`), as steps::Logic, one operand after the other on the masks of
// the whole block: a lane is settled by its first error or decisive
// operand. Word operations, without a branch on the lanes' data: which
// operand decides varies from lane to lane.
template <bool kDecisive, class Range>
void LaneMachine::LogicLanes(const PlanStep& s, Range lanes) {
  const std::uint64_t all = LanesMask(profiles_.size());
  std::uint64_t error = 0, decided = 0, unknown = 0;
  for (std::uint32_t k = 0; k < s.count; ++k) {
    const TruthMasks m = TruthOf(plan_.operands[s.first + k]);
    const std::uint64_t open = ~(error | decided);
    error |= m.error & open;
    decided |= (kDecisive ? m.is_true : m.is_false(all)) & open;
    unknown |= m.unknown;
  }
  const std::uint64_t open = all & ~(error | decided);
  const std::uint64_t is_true = kDecisive ? decided : open & ~unknown;
  WriteBooleans(s.dst, {.is_true = is_true, .unknown = open & unknown, .error = error}, lanes);
}

template <class Range>
void LaneMachine::WriteBooleans(Reg r, const TruthMasks& m, Range lanes) {
  KeepMasks(r, m);
  if (!writes_cells_[static_cast<std::size_t>(r)] && !fresh_) return;
  std::array<std::uint8_t, kLanes> is_true, state;
  BytesOfMasks(m, is_true.data(), state.data());
  Cell* dst = Column(r);
  for (const std::size_t i : lanes) dst[i] = Cell{is_true[i], -std::int64_t{state[i]}};
}

// Built-ins on cells, lane by lane over the operands' columns, as
// steps::CallCellsOf.
template <class Range>
void LaneMachine::CallCellsLanes(const PlanStep& s, Range lanes) {
  const Builtin& fn = Builtins()[static_cast<std::size_t>(s.builtin)];
  Cell* dst = Column(s.dst);
  if (s.count == 2 && fn.pick != Builtin::Pick::kNone) {
    const Cell *x = Column(plan_.operands[s.first]), *y = Column(plan_.operands[s.first + 1]);
    return fn.pick == Builtin::Pick::kLeast ? ExtremumLanes<true>(fn, x, y, dst, lanes)
                                            : ExtremumLanes<false>(fn, x, y, dst, lanes);
  }
  OperandColumns(s);
  for (const std::size_t i : lanes) {
    dst[i] =
        steps::CallCellsOf(fn, columns_.size(), [this, i](std::size_t k) -> const Cell& { return columns_[k][i]; });
  }
}

// A string fact against an interned constant or list, read from the
// profile's cells (a string's cell is its interned id, 0 for a text no rule
// names, in no list and equal to no interned constant) as long as the
// fact's text was interned; the rest as steps::StringEqual / StringInList.
// Without a branch on the lanes' data: a byte a lane for each state, then
// the masks.
template <class Range>
bool LaneMachine::StringLanes(const PlanStep& s, Range lanes) {
  const StringSource& fact = plan_.strings[static_cast<std::size_t>(s.a)];
  const bool in_list = s.step == Step::kStringInList;
  const StringSource* constant = in_list ? nullptr : &plan_.strings[static_cast<std::size_t>(s.b)];
  if (fact.slot < 0 || (constant != nullptr && (constant->slot >= 0 || constant->id == 0))) return false;
  const auto slot = static_cast<std::size_t>(fact.slot);
  std::array<std::uint8_t, kLanes> is_true{}, unknown{}, error{};
  // Tables read through pointers taken before the loops: a store of a byte
  // may change anything as far as the compiler knows, which would reload
  // them at every lane.
  const Cell* const* facts = facts_.data();
  if (in_list) {
    const std::uint8_t* membership = program_.list_membership[static_cast<std::size_t>(s.b)].data();
    for (const std::size_t i : lanes) {
      const Cell& given = facts[i][slot];  // not known: `a` is 0, in no list
      const std::uint8_t member = membership[static_cast<std::size_t>(given.a)];
      const bool known = given.known();
      // A possible member is unknown.
      is_true[i] = static_cast<std::uint8_t>(known & (member == Program::kMember));
      unknown[i] = static_cast<std::uint8_t>(given.unknown() | (known & (member == Program::kPossibleMember)));
      error[i] = static_cast<std::uint8_t>(given.is_error());
    }
  } else {
    const bool equal = static_cast<Code>(s.op) == Code::kEq;
    const std::int32_t id = constant->id;
    for (const std::size_t i : lanes) {
      const Cell& given = facts[i][slot];
      is_true[i] = static_cast<std::uint8_t>(given.known() & ((given.a == id) == equal));
      unknown[i] = static_cast<std::uint8_t>(given.unknown());
      error[i] = static_cast<std::uint8_t>(given.is_error());
    }
  }
  const TruthMasks m{MaskOfBytes(is_true.data()), MaskOfBytes(unknown.data()), MaskOfBytes(error.data())};
  WriteBooleans(s.dst, m, lanes);
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
  MarkRegisters();
  IndexCopiedRegisters();
  // Constants are set once for every lane; no step writes them.
  cells_.resize(plan_.initial.size() * kLanes);
  for (std::size_t r = 0; r < plan_.initial.size(); ++r) {
    std::fill_n(Column(static_cast<Reg>(r)), kLanes, plan_.initial[r]);
  }
  planned_ = true;
}

// Which registers hold constants (no step writes them: a comparison reads
// one cell for every lane), which keep truth masks (those written by the
// boolean steps that run on every lane), and which need their cells: those
// without masks, and those a step other than `and`, `or`, `not` reads.
void LaneMachine::MarkRegisters() {
  const std::size_t registers = plan_.initial.size();
  constant_.assign(registers, 1);
  for (const PlanStep& s : plan_.steps) {
    if (s.dst >= 0) constant_[static_cast<std::size_t>(s.dst)] = 0;
  }
  has_masks_.assign(registers, 0);
  masks_.assign(registers, {});
  for (std::uint32_t k = 0; k < every_lane_end_; ++k) {
    const PlanStep& s = plan_.steps[order_[k]];
    const Step kind = s.step;
    const bool boolean = kind == Step::kCompare || kind == Step::kAnd || kind == Step::kOr || kind == Step::kNot ||
                         kind == Step::kStringEqual || kind == Step::kStringInList;
    if (boolean) has_masks_[static_cast<std::size_t>(s.dst)] = 1;
  }
  writes_cells_.assign(registers, 0);
  for (std::size_t r = 0; r < registers; ++r) writes_cells_[r] = has_masks_[r] == 0 ? 1 : 0;
  for (const std::uint32_t step : order_) {
    PlanStep& s = plan_.steps[step];
    if (s.step == Step::kAnd || s.step == Step::kOr || s.step == Step::kNot) continue;
    ForEachRegisterRead(s, plan_.operands, [this](const Reg& r) { writes_cells_[static_cast<std::size_t>(r)] = 1; });
  }
  amount_registers_.clear();
  for (std::size_t k = every_lane_end_; k < order_.size(); ++k) {
    const Reg dst = plan_.steps[order_[k]].dst;
    if (dst >= 0) amount_registers_.push_back(dst);
  }
}

// The registers a trace keeps (those an instruction maps to and a step
// writes, but the loads of facts without default, which an explanation
// reads from the profile as cheaply), the booleans first, and each
// instruction's index among them.
void LaneMachine::IndexCopiedRegisters() {
  std::vector<std::uint8_t> read_from_profile(plan_.initial.size(), 0);
  for (const PlanStep& s : plan_.steps) {
    if (s.step == Step::kLoadFact && s.b < 0) read_from_profile[static_cast<std::size_t>(s.dst)] = 1;
  }
  // By register: 0 not kept, 1 a boolean, 2 another value.
  std::vector<std::uint8_t> kind(plan_.initial.size(), 0);
  for (std::size_t i = 0; i < plan_.instr_regs.size(); ++i) {
    const Reg r = plan_.instr_regs[i];
    if (r < 0 || constant_[static_cast<std::size_t>(r)] || read_from_profile[static_cast<std::size_t>(r)]) continue;
    const Type& type = program_.at(static_cast<InstrId>(i)).type;
    const bool boolean = type.base == BaseType::kBoolean && type.series == SeriesKind::kNone;
    std::uint8_t& k = kind[static_cast<std::size_t>(r)];
    k = std::max<std::uint8_t>(k, boolean ? 1 : 2);  // a register read as a boolean and not: a value
  }
  copied_.clear();
  for (const std::uint8_t wanted : {1, 2}) {
    for (std::size_t r = 0; r < kind.size(); ++r) {
      if (kind[r] == wanted) copied_.push_back(static_cast<Reg>(r));
    }
    if (wanted == 1) copied_booleans_ = copied_.size();
  }
  std::vector<std::int32_t> index_of(plan_.initial.size(), -1), lane_index(plan_.instr_regs.size(), -1);
  for (std::size_t k = 0; k < copied_.size(); ++k)
    index_of[static_cast<std::size_t>(copied_[k])] = static_cast<std::int32_t>(k);
  for (std::size_t i = 0; i < plan_.instr_regs.size(); ++i) {
    const Reg r = plan_.instr_regs[i];
    if (r >= 0) lane_index[i] = index_of[static_cast<std::size_t>(r)];
  }
  lane_index_ = std::make_shared<const std::vector<std::int32_t>>(std::move(lane_index));
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

void LaneMachine::Run(std::span<const ProfileData* const> profiles, Date date, bool fresh) {
  Prepare(date);
  profiles_ = profiles.first(std::min(profiles.size(), kLanes));
  fresh_ = fresh;
  if (fresh) {
    // The lanes RunAmount skips keep the initial cell, not an earlier
    // block's.
    for (const Reg r : amount_registers_) std::fill_n(Column(r), kLanes, plan_.initial[static_cast<std::size_t>(r)]);
  }
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

void LaneMachine::CopyLanes(std::span<std::uint64_t* const> out) const {
  PackColumns(
      lane_layout(), profiles_.size(), [this](std::size_t k) { return Column(copied_[k]); }, out);
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
    case Step::kLoadFact:
      return LoadLanes(facts_.data(), static_cast<std::size_t>(s.a), s.b >= 0 ? Column(s.b) : nullptr, dst, n);
    case Step::kCompare:
      return WriteBooleans(s.dst, CompareStep(s, n), n);
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
    case Step::kIf:
      return IfLanes(Column(s.a), Column(s.b), Column(s.c), dst, n);
    case Step::kNot: {
      const TruthMasks m = TruthOf(s.a);
      return WriteBooleans(s.dst, {m.is_false(LanesMask(profiles_.size())), m.unknown, m.error}, n);
    }
    case Step::kAnd:
      return LogicLanes<false>(s, n);
    case Step::kOr:
      return LogicLanes<true>(s, n);
    case Step::kCallCells:
      return CallCellsLanes(s, n);
    case Step::kStringEqual:
    case Step::kStringInList:
      if (StringLanes(s, n)) return;
      RunOnEachLane(s, n);
      if (has_masks_[static_cast<std::size_t>(s.dst)]) KeepMasks(s.dst, MasksOfColumn(dst, profiles_.size()));
      return;
    case Step::kCallStrings:
      if (!CallStringsLanes(s, n)) RunOnEachLane(s, n);
      return;
    default:
      return RunOnEachLane(s, n);
  }
}

// The comparison's loop for its operator, and for a constant operand.
template <class Range>
TruthMasks LaneMachine::CompareStep(const PlanStep& s, Range lanes) {
  const Cell *x = Column(s.a), *y = Column(s.b);
  const bool constant = constant_[static_cast<std::size_t>(s.b)] != 0;
  auto compare = [&](auto op) {
    return constant ? CompareLanes<decltype(op)::value, true>(x, y, lanes)
                    : CompareLanes<decltype(op)::value, false>(x, y, lanes);
  };
  switch (static_cast<Code>(s.op)) {
    case Code::kEq:
      return compare(std::integral_constant<Code, Code::kEq>{});
    case Code::kNe:
      return compare(std::integral_constant<Code, Code::kNe>{});
    case Code::kLt:
      return compare(std::integral_constant<Code, Code::kLt>{});
    case Code::kLe:
      return compare(std::integral_constant<Code, Code::kLe>{});
    case Code::kGt:
      return compare(std::integral_constant<Code, Code::kGt>{});
    default:
      return compare(std::integral_constant<Code, Code::kGe>{});
  }
}

template <class Range>
void LaneMachine::RunOnEachLane(const PlanStep& s, Range lanes) {
  ForEachLane(s, lanes, [&s](const auto& in) { return ComputeStep(in, s); });
}

}  // namespace relief::internal
