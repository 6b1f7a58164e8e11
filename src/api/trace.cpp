#include "relief/trace.hpp"

#include <stdexcept>

#include "api/recording_evaluator.hpp"
#include "api/trace_record.hpp"
#include "explain/measure_result.hpp"

namespace relief {

Trace::Trace() = default;
Trace::~Trace() = default;
Trace::Trace(Trace&&) noexcept = default;
Trace& Trace::operator=(Trace&&) noexcept = default;

bool Trace::empty() const { return record_ == nullptr; }

std::size_t Trace::measure_count() const { return record_ != nullptr ? record_->outcomes().size() : 0; }

MeasureOutcome Trace::outcome(std::size_t m) const {
  if (m >= measure_count()) throw std::out_of_range("Trace::outcome: no such measure");
  return record_->outcomes()[m].outcome();
}

Date Trace::date() const { return record_ != nullptr ? record_->date : Date(); }

Evaluation Trace::Explain() const {
  if (record_ == nullptr) throw std::logic_error("Trace::Explain: nothing was recorded");
  const internal::TraceRecord& r = *record_;
  std::vector<internal::Cell> cells;
  internal::UnpackCells(r.cell_words(), r.cell_layout(), cells);
  return internal::ExplainComputed(internal::RecordingEvaluator(r.program), r.program, r.profile, r.date,
                                   {*r.index, cells});
}

}  // namespace relief
