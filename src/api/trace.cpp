#include "relief/trace.hpp"

#include <stdexcept>
#include <string>
#include <vector>

#include "explain/explain_tools.hpp"
#include "explain/explanation_data.hpp"
#include "explain/missing_facts.hpp"
#include "ir/trace_record.hpp"
#include "relief/explanation.hpp"

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

namespace {

const internal::TraceRecord& RecordOf(const std::unique_ptr<internal::TraceRecord>& record, const char* what) {
  if (record == nullptr) throw std::logic_error(std::string("Trace::") + what + ": nothing was recorded");
  return *record;
}

// What the record's registers computed, by instruction, unpacked into `cells`.
internal::Evaluator::Computed Unpacked(const internal::TraceRecord& r, std::vector<internal::Cell>& cells) {
  internal::UnpackCells(r.cell_words(), r.cell_layout(), cells);
  return {*r.index, cells};
}

}  // namespace

Evaluation Trace::Explain() const {
  RecordOf(record_, "Explain");
  return relief::Explanation(*this).ToEvaluation();
}

Explanation::Explanation(const Trace& trace)
    : data_(
          internal::ExplanationData::FromRecord(internal::TraceRecord::Copy(RecordOf(trace.record_, "Explanation")))) {}

Explanation::Explanation(Trace&& trace) {
  RecordOf(trace.record_, "Explanation");
  data_ = internal::ExplanationData::FromRecord(std::move(trace.record_));
}

std::vector<std::vector<MissingFact>> Trace::MissingFacts() const {
  const internal::TraceRecord& r = RecordOf(record_, "MissingFacts");
  std::vector<internal::Cell> cells;
  internal::Evaluator& evaluator = internal::ThreadExplainTools(r.program).evaluator;
  evaluator.Reset(*r.profile, r.date);
  evaluator.Reuse(Unpacked(r, cells));
  return internal::MissingFactsOfAll(evaluator, r.program);
}

}  // namespace relief
