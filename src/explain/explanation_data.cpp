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
  data->detail_ = std::make_unique<ExplanationDetail>();
  Explain(evaluator, *profile, date, computed, *data->detail_);
  // Not yet shared: no other thread can read it before the caller publishes it.
  data->built_.store(true, std::memory_order_relaxed);
  return data;
}

std::shared_ptr<const ExplanationData> ExplanationData::FromRecord(std::unique_ptr<TraceRecord> record) {
  auto data =
      std::make_shared<ExplanationData>(Made{}, std::move(record->program), std::move(record->profile), record->date);
  data->record_ = {record->outcomes().data(), record->cell_words(), record->cell_layout(), record->index.get()};
  data->owned_record_ = std::move(record);
  return data;
}

std::shared_ptr<const ExplanationData> ExplainedBlock::Explain(const std::shared_ptr<ExplainedBlock>& block,
                                                               std::size_t i, std::shared_ptr<const Program> program,
                                                               std::shared_ptr<const ProfileData> profile, Date date) {
  ExplanationData& data =
      block->explanations_[i].emplace(ExplanationData::Made{}, std::move(program), std::move(profile), date);
  const std::size_t words = block->layout_.words();
  data.record_ = {block->outcomes_.data() + i * block->measures_,
                  {block->cells_.data() + i * words, words},
                  block->layout_,
                  block->index_.get()};
  return {block, &data};
}

void ExplanationData::BuildFromRecord() const {
  std::call_once(detail_made_, [this] {
    // What the record's registers computed, by instruction: the evaluator
    // reads those cells and computes only what the record does not hold.
    thread_local std::vector<Cell> cells;
    UnpackCells(record_.cells, record_.layout, cells);
    auto detail = std::make_unique<ExplanationDetail>();
    Explain(ThreadExplainTools(program_).evaluator, *profile_, date_, {*record_.index, cells}, *detail);
    detail_ = std::move(detail);
    built_.store(true, std::memory_order_release);
  });
}

}  // namespace relief::internal
