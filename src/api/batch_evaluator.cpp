#include "relief/batch_evaluator.hpp"

#include "api/access.hpp"
#include "eval/decision.hpp"

namespace relief {

BatchEvaluator::BatchEvaluator(RulePack pack)
    : pack_(std::move(pack)), machine_(std::make_unique<internal::BatchMachine>(internal::Access::program(pack_))) {}
BatchEvaluator::~BatchEvaluator() = default;
BatchEvaluator::BatchEvaluator(BatchEvaluator&&) noexcept = default;
BatchEvaluator& BatchEvaluator::operator=(BatchEvaluator&&) noexcept = default;

void BatchEvaluator::Evaluate(const Profile& profile, Date date, std::vector<MeasureOutcome>& out) {
  const internal::Program& program = internal::Access::program(pack_);
  const internal::ProfileData& data = internal::Access::data(profile);
  if (data.program.get() != &program) {
    throw Error({Diagnostic{Severity::kError, {}, "the profile was read against another rule pack", {}}});
  }
  out.resize(program.measures.size());
  machine_->Run(data, date);
  for (std::size_t i = 0; i < program.measures.size(); ++i) {
    const auto d = internal::Decide(*machine_, program.measures[i]);
    std::string_view case_id;
    if (d.status == Status::kEligible && d.version != nullptr && d.case_index >= 0) {
      case_id = d.version->cases[static_cast<std::size_t>(d.case_index)].id;
    }
    out[i] = {d.status, d.amount, case_id};
  }
}

}  // namespace relief
