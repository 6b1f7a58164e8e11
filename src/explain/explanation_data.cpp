// ExplanationData (explanation_data.hpp): an explanation made at once, or
// from a batch record with its detail built when first read.
#include "explain/explanation_data.hpp"

#include "explain/explain_tools.hpp"
#include "ir/packed_cells.hpp"

namespace relief::internal {

std::shared_ptr<const ExplanationData> ExplanationData::Explained(Evaluator& evaluator,
                                                                  const std::shared_ptr<const Program>& program,
                                                                  const std::shared_ptr<const ProfileData>& profile,
                                                                  Date date, Evaluator::Computed computed) {
  auto data = std::make_shared<ExplanationData>(Made{}, program, profile, date);
  Explain(evaluator, *profile, date, computed, data->detail_);
  // Not yet shared: no other thread can read it before the caller publishes it.
  data->built_.store(true, std::memory_order_relaxed);
  return data;
}

std::shared_ptr<const ExplanationData> ExplanationData::FromRecord(std::unique_ptr<const TraceRecord> record) {
  auto data = std::make_shared<ExplanationData>(Made{}, record->program, record->profile, record->date);
  data->record_ = std::move(record);
  return data;
}

void ExplanationData::BuildFromRecord() const {
  std::call_once(detail_made_, [this] {
    // What the record's registers computed, by instruction: the evaluator
    // reads those cells and computes only what the record does not hold.
    thread_local std::vector<Cell> cells;
    UnpackCells(record_->cell_words(), record_->cell_layout(), cells);
    Explain(ThreadExplainTools(program_).evaluator, *profile_, date_, {*record_->index, cells}, detail_);
    built_.store(true, std::memory_order_release);
  });
}

Status ExplanationData::status(std::uint32_t measure) const {
  if (record_ != nullptr) return static_cast<Status>(record_->outcomes()[measure].status);
  return detail_.measures[measure].decision.status;
}

std::optional<Decimal> ExplanationData::amount(std::uint32_t measure) const {
  if (record_ != nullptr) {
    const StoredOutcome& o = record_->outcomes()[measure];
    return o.has_amount ? std::optional<Decimal>(Decimal::FromCents(o.cents)) : std::nullopt;
  }
  const ExplainedMeasure& m = detail_.measures[measure];
  return m.shown() ? m.decision.amount : std::nullopt;
}

}  // namespace relief::internal
