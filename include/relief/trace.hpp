// What the batch path computed for one profile at one date, kept so that
// the profile's full explanation can be built later without deciding again.
//
//   relief::BatchEvaluator batch(pack);
//   relief::Trace trace;
//   batch.Record(profile, date, trace);        // about the cost of Evaluate
//   if (trace.outcome(m).status == relief::Status::kUndetermined)
//     relief::Evaluation why = trace.Explain();  // == pack.Evaluate(profile, date)
//   auto ask = trace.MissingFacts();  // == why.measures[m].missing, m by m: cheaper
//   relief::Explanation views(trace);  // the same read in place (relief/explanation.hpp)
//
//   std::vector<relief::Trace> traces(firms.size());
//   batch.Record(firms, date, traces);  // a whole file, by blocks: faster
//
// A file of firms is scored at the speed of the batch path, and the firms an
// advisor asks about are explained from their record: the explanation reads
// the values the decisions computed (every requirement, case and amount of
// the batch plan) and computes only what they did not need (open points'
// guards, operands that three-valued logic skipped, the paths of missing
// facts). A Trace holds its outcomes and the values of the batch plan's
// registers, packed (a few hundred bytes a firm when recorded by blocks),
// and keeps its pack and profile alive.
#ifndef RELIEF_TRACE_HPP_
#define RELIEF_TRACE_HPP_

#include <memory>
#include <vector>

#include "relief/batch_evaluator.hpp"
#include "relief/result.hpp"

namespace relief {

namespace internal {
class TraceRecord;
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
  // The pack's measures (0 when nothing was recorded), and the outcome of
  // measure m (pack order): that of BatchEvaluator::Evaluate. Outcomes are
  // kept in half the room of a MeasureOutcome (a file's traces keep one a
  // measure a firm) and made when asked; outcome throws std::out_of_range
  // for m >= measure_count().
  std::size_t measure_count() const;
  MeasureOutcome outcome(std::size_t m) const;

  // The evaluation RulePack::Evaluate gives for the profile at date(), with
  // every explanation, built from the record. Thread-safe; throws
  // std::logic_error when nothing was recorded.
  Evaluation Explain() const;
  // The facts still missing to decide each measure or to compute its
  // amount, in pack order: Explain().measures[m].missing, without the rest
  // of the explanation (about a sixth of its cost; what `relief batch
  // --questions` lists). Thread-safe; throws std::logic_error when nothing
  // was recorded.
  std::vector<std::vector<MissingFact>> MissingFacts() const;

 private:
  friend class BatchEvaluator;
  friend class Explanation;
  std::unique_ptr<internal::TraceRecord> record_;
};

}  // namespace relief

#endif  // RELIEF_TRACE_HPP_
