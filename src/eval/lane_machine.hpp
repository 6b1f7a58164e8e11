// Stage 5c: runs a batch plan (plan/batch_plan.hpp) on a block of profiles
// at once.
//
// BatchMachine runs the plan one profile at a time and decides, step by step,
// what to run next. Here each step runs for every profile of the block (up
// to kLanes, one lane each) in one loop, so that choosing a step is paid once
// per block and the loop body is a few instructions of one kind of step:
// for a file of firms this is several times faster.
//
// In exchange, the machine is lazy only about amounts. Values, fact
// defaults, territories, requirements and cases run for every lane, in an
// order where each segment comes after those it reads (the schedule), and
// `and`/`or` read all their operands; an amount runs only for the lanes
// where its measure is eligible (RunAmount, called by DecideLanes). The
// cells are the same as BatchMachine's, because each step is a pure function
// that turns errors into error cells and never throws (see batch_plan.hpp):
// an operand that a short-circuit would have skipped is computed for nothing
// but changes nothing.
#ifndef RELIEF_EVAL_LANE_MACHINE_HPP_
#define RELIEF_EVAL_LANE_MACHINE_HPP_

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "eval/evaluator.hpp"
#include "eval/truth_bits.hpp"
#include "ir/packed_cells.hpp"
#include "plan/batch_plan.hpp"

namespace relief::internal {

// Lane indices, in increasing order.
using Lanes = std::span<const std::uint8_t>;

// Every lane of a block, 0 .. n - 1: a loop over it reads no index from
// memory, so the compiler can unroll and vectorise it.
struct EveryLane {
  struct Iterator {
    std::size_t lane;
    std::size_t operator*() const { return lane; }
    Iterator& operator++() {
      ++lane;
      return *this;
    }
    bool operator!=(const Iterator& other) const { return lane != other.lane; }
  };
  std::size_t n = 0;
  Iterator begin() const { return {0}; }
  Iterator end() const { return {n}; }
};

class LaneMachine {
 public:
  // 64 rather than 32: choosing a step, and its indirect call, are paid
  // once per block; callgrind on bench-12 gives 3 % fewer instructions and a
  // quarter fewer mispredicted branches, and a block's registers still fit
  // the L2 cache.
  static constexpr std::size_t kLanes = 64;

  explicit LaneMachine(const Program& program) : program_(program) {}

  // Runs the plan of `date` on `profiles` (at most kLanes): afterwards, lane
  // i holds the cells of profiles[i], but for amounts. When `fresh`, every
  // register holds its lane's cell (a condition's too, which otherwise its
  // masks may hold alone), and an amount's registers are unknown until
  // RunAmount writes them for the lane, so that CopyLanes reads as the
  // profile's (a record, relief/trace.hpp).
  void Run(std::span<const ProfileData* const> profiles, Date date, bool fresh = false);
  // Computes the amount `expr` (a root of an amount, BatchPlan::amount_segment)
  // for `lanes`: amounts are computed for the measures that are eligible only.
  void RunAmount(ExprId expr, Lanes lanes);

  // What Decide reads for the profile of `lane` (decision.hpp).
  class Lane {
   public:
    Lane(const LaneMachine& machine, std::size_t lane) : machine_(machine), lane_(lane) {}
    const Cell& EvalExpr(ExprId expr) const { return machine_.ExprColumn(expr)[lane_]; }
    Date date() const { return machine_.date(); }

   private:
    const LaneMachine& machine_;
    std::size_t lane_;
  };
  Lane lane(std::size_t i) const { return {*this, i}; }

  // After Run: the number of lanes run, and the cells of a root expression
  // for every lane (but a condition's, which its masks may hold alone:
  // read conditions with Truth).
  std::size_t lanes() const { return profiles_.size(); }
  const Cell* ExprColumn(ExprId expr) const { return Column(plan_.expr_regs[static_cast<std::size_t>(expr)]); }
  // The same for a boolean root expression, as masks of the block's lanes.
  TruthMasks Truth(ExprId expr) const { return TruthOf(plan_.expr_regs[static_cast<std::size_t>(expr)]); }
  Date date() const { return plan_.date; }

  // After a fresh Run and the decisions: the cells of each lane that a
  // recording Evaluator may read (Evaluator::Reuse), packed, and the
  // index in them of each instruction's cell (-1: none), shared with the
  // traces that keep the cells. Only registers that a step writes and an
  // instruction maps to are kept: a constant, the evaluator computes at
  // once, so a trace keeps about half the registers.
  // out[i] for lane i: lane_layout().words() words, for every lane run.
  void CopyLanes(std::span<std::uint64_t* const> out) const;
  PackedLayout lane_layout() const { return {.booleans = copied_booleans_, .cells = copied_.size()}; }
  const std::shared_ptr<const std::vector<std::int32_t>>& lane_index() const { return lane_index_; }

 private:
  void Prepare(Date date);
  void Schedule(std::int32_t segment, std::vector<std::uint8_t>& scheduled);
  // Each runs on `lanes`: a Lanes span, or EveryLane of the block.
  template <class Range>
  void RunStep(const PlanStep& s, Range lanes);
  template <class Range>
  void RunOnEachLane(const PlanStep& s, Range lanes);
  // The truth of a comparison on `lanes` (its caller writes the cells).
  template <class Range>
  TruthMasks CompareStep(const PlanStep& s, Range lanes);
  template <bool kDecisive, class Range>
  void LogicLanes(const PlanStep& s, Range lanes);
  template <class Range>
  void CallCellsLanes(const PlanStep& s, Range lanes);
  template <class Range>
  bool StringLanes(const PlanStep& s, Range lanes);
  template <class Range>
  bool CallStringsLanes(const PlanStep& s, Range lanes);
  template <class Range, class Compute>
  void ForEachLane(const PlanStep& s, Range lanes, Compute compute);
  void OperandColumns(const PlanStep& s);
  void MarkRegisters();
  void IndexCopiedRegisters();
  void KeepMasks(Reg r, const TruthMasks& m) {
    if (has_masks_[static_cast<std::size_t>(r)]) masks_[static_cast<std::size_t>(r)] = m;
  }
  // The masks of a boolean register: kept by the step that wrote it, or
  // read from its column.
  TruthMasks TruthOf(Reg r) const {
    const auto i = static_cast<std::size_t>(r);
    return has_masks_[i] ? masks_[i] : MasksOfColumn(Column(r), profiles_.size());
  }
  // Writes booleans of `m` to the step's register on `lanes`, and keeps
  // the masks when the register has them.
  template <class Range>
  void WriteBooleans(Reg dst, const TruthMasks& m, Range lanes);
  auto InputsOf(std::size_t lane);  // the StepInputs of one lane
  Evaluator& Values(std::size_t lane);

  Cell* Column(Reg r) { return cells_.data() + static_cast<std::size_t>(r) * kLanes; }
  const Cell* Column(Reg r) const { return cells_.data() + static_cast<std::size_t>(r) * kLanes; }

  const Program& program_;
  BatchPlan plan_;
  // For CopyLanes: the registers copied, and by instruction the index of
  // its register among them.
  std::vector<Reg> copied_;  // the booleans first: 2 bits each in a trace
  std::size_t copied_booleans_ = 0;
  std::shared_ptr<const std::vector<std::int32_t>> lane_index_;
  bool planned_ = false;
  bool fresh_ = false;  // this block's Run was fresh
  // The steps to run, in dependency order: [0, every_lane_end_) on every
  // lane, then the steps of each amount, at later_[its segment].
  std::vector<std::uint32_t> order_;
  std::uint32_t every_lane_end_ = 0;
  std::vector<StepRange> later_;
  std::vector<Cell> cells_;  // register r, lane i: cells_[r * kLanes + i]
  // By register: 1 when the step writing it runs on every lane and keeps
  // its truth masks in masks_, for the conditions and `and`/`or`/`not`
  // that read it.
  std::vector<std::uint8_t> has_masks_;
  std::vector<TruthMasks> masks_;
  std::vector<std::uint8_t> constant_;  // by register: 1 when no step writes it
  // By register: 0 when only masks are read (a condition, an operand of
  // `and`/`or`/`not`): its step writes no cells.
  std::vector<std::uint8_t> writes_cells_;
  std::vector<Reg> amount_registers_;  // those the amounts' steps write
  std::span<const ProfileData* const> profiles_;
  std::array<const Cell*, kLanes> facts_{};  // each lane's ProfileData::cells
  std::vector<Evaluator> values_;            // by lane, for kEvaluate steps
  std::vector<std::uint8_t> values_ready_;
  std::vector<Value> value_args_;     // scratch for kCallValues
  std::vector<const Cell*> columns_;  // scratch: the operands of a step
};

}  // namespace relief::internal

#endif  // RELIEF_EVAL_LANE_MACHINE_HPP_
