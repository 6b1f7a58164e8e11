#include "eval/batch_machine.hpp"

#include <algorithm>

#include "eval/plan_steps.hpp"

namespace relief::internal {

void BatchMachine::Prepare(Date date) {
  if (planned_ && plan_.date == date) return;
  plan_ = PlanBatch(program_, date);
  instr_regs_ = std::make_shared<const std::vector<Reg>>(std::move(plan_.instr_regs));
  cells_ = plan_.initial;
  segment_done_.assign(plan_.segments.size(), 0);
  planned_ = true;
}

void BatchMachine::Run(const ProfileData& profile, Date date, bool fresh) {
  Prepare(date);
  if (fresh) std::copy(plan_.initial.begin(), plan_.initial.end(), cells_.begin());
  profile_ = &profile;
  values_ready_ = false;
  std::fill(segment_done_.begin(), segment_done_.end(), 0);
  RunSegment(0);
}

Evaluator& BatchMachine::Values() {
  if (!values_ready_) {
    values_.Reset(*profile_, plan_.date);
    values_ready_ = true;
  }
  return values_;
}

void BatchMachine::RunSegment(std::int32_t segment) {
  const StepInputs in{program_,
                      plan_,
                      *profile_,
                      [this](Reg r) -> const Cell& { return At(r); },
                      [this]() -> Evaluator& { return Values(); },
                      value_args_};
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
      cells_[static_cast<std::size_t>(s.dst)] = ComputeStep(in, s);
    }
  }
}

}  // namespace relief::internal
