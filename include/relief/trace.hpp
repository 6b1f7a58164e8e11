// What the batch path computed for one profile at one date, kept so that
// the profile's full explanation can be built later without deciding again.
//
//   relief::BatchEvaluator batch(pack);
//   relief::Trace trace;
//   batch.Record(profile, date, trace);        // about the cost of Evaluate
//   if (trace.outcomes()[m].status == relief::Status::kUndetermined)
//     relief::Evaluation why = trace.Explain();  // == pack.Evaluate(profile, date)
//
// A file of firms is scored at the speed of the batch path, and the firms an
// advisor asks about are explained from their record: the explanation reads
// the values the decisions computed (every requirement, case and amount of
// the batch plan) and computes only what they did not need (open points'
// guards, operands that three-valued logic skipped, the paths of missing
// facts). A Trace holds the values of the batch plan's registers (a few
// kilobytes for the bundled pack) and keeps its pack and profile alive.
#ifndef RELIEF_TRACE_HPP_
#define RELIEF_TRACE_HPP_

#include <memory>
#include <span>
#include <vector>

#include "relief/batch_evaluator.hpp"
#include "relief/result.hpp"

namespace relief {

namespace internal {
struct TraceRecord;
}  // namespace internal

class Trace {
 public:
  Trace();
  ~Trace();
  Trace(Trace&&) noexcept;
  Trace& operator=(Trace&&) noexcept;

  // Nothing recorded yet.
  bool empty() const;
  Date date() const;
  // One per measure, in pack order: those of BatchEvaluator::Evaluate.
  std::span<const MeasureOutcome> outcomes() const { return outcomes_; }

  // The evaluation RulePack::Evaluate gives for the profile at date(), with
  // every explanation, built from the record. Thread-safe; throws
  // std::logic_error when nothing was recorded.
  Evaluation Explain() const;

 private:
  friend class BatchEvaluator;
  std::vector<MeasureOutcome> outcomes_;
  std::unique_ptr<internal::TraceRecord> record_;
};

}  // namespace relief

#endif  // RELIEF_TRACE_HPP_
