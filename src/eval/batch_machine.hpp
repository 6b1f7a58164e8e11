// Stage 5b: runs a batch plan (plan/batch_plan.hpp) on one profile.
//
// The plan's segments run over one array of cells, each straight-line, when
// Decide (decision.hpp) asks for the expressions it needs, or all at once
// (RunAll, for an explanation). Steps that cells cannot express run on a
// Value evaluator, reset lazily once per profile. A machine keeps the plans
// of the last dates it saw and its buffers between profiles: once warm it
// allocates nothing.
#ifndef RELIEF_EVAL_BATCH_MACHINE_HPP_
#define RELIEF_EVAL_BATCH_MACHINE_HPP_

#include <algorithm>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "eval/evaluator.hpp"
#include "plan/batch_plan.hpp"

namespace relief::internal {

class BatchMachine {
 public:
  // The machine keeps the plans of the last `plans_kept` dates it ran at
  // (at least one): making a plan costs several evaluations, so a machine
  // that is asked about a few dates in turn (one firm month after month,
  // then the next) keeps theirs.
  explicit BatchMachine(const Program& program, PlanScope scope = PlanScope::kDecide, std::size_t plans_kept = 1)
      : program_(program), scope_(scope), plans_kept_(std::max<std::size_t>(plans_kept, 1)), values_(program) {}

  // Starts the evaluation of `profile` at `date`: loads its facts. The
  // registers keep what earlier profiles wrote where this one's segments do
  // not run, unless `fresh`: then every register this profile did not write
  // is unknown (or its constant), so that computed() reads as this
  // profile's (a copy of the registers per profile).
  void Run(const ProfileData& profile, Date date, bool fresh = false);

  // What Decide reads: an expression's segment is run when asked.
  const Cell& EvalExpr(ExprId expr) {
    RunSegment(plan_->expr_segments[static_cast<std::size_t>(expr)]);
    return cells_[static_cast<std::size_t>(plan_->expr_regs[static_cast<std::size_t>(expr)])];
  }
  Date date() const { return plan_->date; }

  // Runs every segment that did not run for this profile yet. On a machine
  // of PlanScope::kExplain, every register then holds this profile's value
  // (its plan skips no operand): computed() is complete.
  void RunAll();

  // What the machine computed since a fresh Run, for a recording Evaluator
  // of the same profile and date (Evaluator::Reuse): the registers, and the
  // plan's register of each instruction (shared with the traces that keep
  // the cells, relief/trace.hpp).
  Evaluator::Computed computed() const { return {*instr_regs_, cells_, complete_}; }
  const std::vector<Cell>& cells() const { return cells_; }
  const std::shared_ptr<const std::vector<Reg>>& instr_regs() const { return instr_regs_; }

 private:
  void Prepare(Date date);
  void RunSegment(std::int32_t segment);
  Evaluator& Values();  // the Value evaluator, reset to the profile when first used
  const Cell& At(Reg r) const { return cells_[static_cast<std::size_t>(r)]; }

  const Program& program_;
  const PlanScope scope_;
  const std::size_t plans_kept_;
  std::vector<std::shared_ptr<const BatchPlan>> plans_;  // the latest first; plans_[0] is plan_
  std::shared_ptr<const BatchPlan> plan_;                // of the last date run at
  std::shared_ptr<const std::vector<Reg>> instr_regs_;   // plan_->instr_regs
  bool complete_ = false;                                // RunAll ran on a plan that explains
  std::vector<Cell> cells_;
  std::vector<std::uint8_t> segment_done_;  // values and defaults computed for this profile
  const ProfileData* profile_ = nullptr;
  Evaluator values_;  // for kEvaluate steps
  bool values_ready_ = false;
  std::vector<Value> value_args_;  // scratch for kCallValues
};

}  // namespace relief::internal

#endif  // RELIEF_EVAL_BATCH_MACHINE_HPP_
