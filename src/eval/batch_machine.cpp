#include "eval/batch_machine.hpp"

#include <algorithm>

#include "eval/plan_steps.hpp"

namespace relief::internal {

void BatchMachine::Prepare(Date date) {
  if (plan_ != nullptr && plan_->date == date) return;
  auto kept = std::find_if(plans_.begin(), plans_.end(), [&](const auto& plan) { return plan->date == date; });
  if (kept == plans_.end()) {
    if (plans_.size() == plans_kept_) plans_.pop_back();
    plans_.insert(plans_.begin(), std::make_shared<const BatchPlan>(PlanBatch(program_, date, scope_)));
  } else {
    std::rotate(plans_.begin(), kept, kept + 1);
  }
  plan_ = plans_.front();
  instr_regs_ = std::shared_ptr<const std::vector<Reg>>(plan_, &plan_->instr_regs);
  cells_ = plan_->initial;
  segment_done_.assign(plan_->segments.size(), 0);
}

void BatchMachine::Run(const ProfileData& profile, Date date, bool fresh) {
  Prepare(date);
  if (fresh) std::copy(plan_->initial.begin(), plan_->initial.end(), cells_.begin());
  profile_ = &profile;
  values_ready_ = false;
  complete_ = false;
  std::fill(segment_done_.begin(), segment_done_.end(), 0);
  RunSegment(0);
}

// Expression segments are not marked when Decide runs them (EvalExpr): a
// machine runs either RunAll or Decide on a profile.
void BatchMachine::RunAll() {
  for (std::size_t s = 1; s < plan_->segments.size(); ++s) {
    if (segment_done_[s]) continue;
    segment_done_[s] = 1;
    RunSegment(static_cast<std::int32_t>(s));
  }
  complete_ = scope_ == PlanScope::kExplain;
}

Evaluator& BatchMachine::Values() {
  if (!values_ready_) {
    values_.Reset(*profile_, plan_->date);
    values_ready_ = true;
  }
  return values_;
}

void BatchMachine::RunSegment(std::int32_t segment) {
  const StepInputs in{program_,
                      *plan_,
                      *profile_,
                      [this](Reg r) -> const Cell& { return At(r); },
                      [this]() -> Evaluator& { return Values(); },
                      value_args_};
  const StepRange range = plan_->segments[static_cast<std::size_t>(segment)];
  for (std::uint32_t i = range.begin; i < range.end; ++i) {
    const PlanStep& s = plan_->steps[i];
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
      cells_[static_cast<std::size_t>(s.dst)] = ComputeStep(in, s);
    }
  }
}

}  // namespace relief::internal
