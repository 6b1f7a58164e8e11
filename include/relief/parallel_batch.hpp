// Evaluation of many profiles on every core: the statuses and amounts of a
// BatchEvaluator, for a whole span of profiles at once.
//
//   relief::ParallelBatch batch(pack);            // one thread per core
//   std::vector<relief::MeasureOutcome> out;
//   batch.Evaluate(profiles, date, out);
//   // profile i, measure m (pack order): out[i * batch.measure_count() + m]
//
// or, without keeping every outcome (a file of millions of firms), each
// profile's outcomes handed to a function on the thread that computed them:
//
//   std::vector<Totals> totals(batch.threads());
//   batch.ForEach(profiles, date, [&](unsigned thread, std::size_t i,
//                                     std::span<const relief::MeasureOutcome> outcomes) {
//     totals[thread].Add(outcomes);
//   });
//
// or, fastest for a program that sums or stores amounts, a block of
// profiles at a time as OutcomeColumns (amounts in cents, no Decimal made):
//
//   batch.ForEachBlock(profiles, date, [&](unsigned thread, std::size_t first,
//                                          const relief::OutcomeColumns& block) {
//     totals[thread].Add(block);  // profiles first, first + 1, ...
//   });
//
// The span is cut into chunks of consecutive profiles (whole blocks, at
// most 4 096 profiles, about 8 per thread for a smaller span) that the
// threads take in turn, each the next chunk when done with its last: a
// thread slowed by the machine does not hold back the others. Each thread
// runs its own BatchEvaluator (kept between calls, so that their working
// memory is warm) on blocks of profiles (its span API) and writes its
// profiles' outcomes in place, so the results are in input order and equal,
// outcome for outcome, those of one BatchEvaluator over the same profiles.
// Threads are started for each call and joined before it returns; a span
// too small to be worth a thread uses fewer. A ParallelBatch is not itself
// thread-safe: one call at a time.
#ifndef RELIEF_PARALLEL_BATCH_HPP_
#define RELIEF_PARALLEL_BATCH_HPP_

#include <cstddef>
#include <functional>
#include <span>
#include <vector>

#include "relief/batch_evaluator.hpp"

namespace relief {

class ParallelBatch {
 public:
  // `threads` = 0: std::thread::hardware_concurrency() (1 if unknown).
  explicit ParallelBatch(const RulePack& pack, unsigned threads = 0);
  ~ParallelBatch();
  ParallelBatch(ParallelBatch&&) noexcept;
  ParallelBatch& operator=(ParallelBatch&&) noexcept;

  unsigned threads() const { return static_cast<unsigned>(evaluators_.size()); }
  // Outcomes per profile: the pack's measures.
  std::size_t measure_count() const { return measure_count_; }

  // Resizes `out` to profiles.size() × measure_count() and fills it. Every
  // profile must have been read against this pack; the first exception a
  // thread meets is rethrown here, after every thread has stopped.
  void Evaluate(std::span<const Profile> profiles, Date date, std::vector<MeasureOutcome>& out);

  // What ForEach calls for profile `index`: `thread` (below threads()) is the
  // thread calling it; calls on different threads run at the same time, and
  // `outcomes` is valid during the call only.
  using Visitor = std::function<void(unsigned thread, std::size_t index, std::span<const MeasureOutcome> outcomes)>;
  // Evaluates every profile and calls `visit` with its outcomes; the calls on
  // one thread are in input order (its chunks are taken in order).
  // Exceptions: as Evaluate (those thrown by `visit` too).
  void ForEach(std::span<const Profile> profiles, Date date, const Visitor& visit);

  // What ForEachBlock calls for the profiles [first, first + n), n =
  // block.status.size() / measure_count(): their outcomes as columns
  // (BatchEvaluator::Evaluate's OutcomeColumns), valid during the call only.
  using BlockVisitor = std::function<void(unsigned thread, std::size_t first, const OutcomeColumns& block)>;
  // Evaluates every profile and calls `visit` once per block of profiles;
  // the calls on one thread are in input order. Exceptions: as Evaluate.
  void ForEachBlock(std::span<const Profile> profiles, Date date, const BlockVisitor& visit);

 private:
  // Cuts [0, n) into chunks [begin, end) and calls range(k, begin, end) for
  // each, on the thread k that took it (threads take the chunks in order);
  // rethrows the first exception once all threads are done.
  void RunRanges(std::size_t n, const std::function<void(std::size_t, std::size_t, std::size_t)>& range);

  std::size_t measure_count_;
  std::vector<BatchEvaluator> evaluators_;  // one per thread
};

}  // namespace relief

#endif  // RELIEF_PARALLEL_BATCH_HPP_
