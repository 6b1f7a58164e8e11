// Evaluation of many profiles without explanations: the status and amount of
// every measure, for scoring whole files of firms.
//
// A BatchEvaluator keeps its working memory between profiles: once warmed up
// it makes no heap allocation per profile. It is not thread-safe: use one per
// thread (they may share the same RulePack).
#ifndef RELIEF_BATCH_EVALUATOR_HPP_
#define RELIEF_BATCH_EVALUATOR_HPP_

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "relief/rule_pack.hpp"

namespace relief {

namespace internal {
class BatchMachine;
class LaneMachine;
class TraceRecord;
struct PackedLayout;
struct StoredOutcome;
}  // namespace internal

class Trace;        // relief/trace.hpp
class Explanation;  // relief/explanation.hpp

struct MeasureOutcome {
  Status status = Status::kNotApplicable;
  std::optional<Decimal> amount;  // rounded to the cent, as in MeasureResult
  std::string_view case_id;       // the case that applied, when eligible; points into the pack
  friend bool operator==(const MeasureOutcome&, const MeasureOutcome&) = default;
};

// The outcomes of many profiles as columns of plain numbers, for a program
// that counts, sums or stores them (a tally, a data frame). Profile i,
// measure m (pack order) is at [i * measure_count() + m]. An amount is exact
// in cents: every amount is rounded to the cent, and one whose cents do not
// fit 64 bits (beyond 92 233 720 368 547 758,07) is an error on every path.
struct OutcomeColumns {
  std::vector<Status> status;
  std::vector<std::int64_t> cents;        // the amount in cents where has_amount, else 0
  std::vector<std::uint8_t> has_amount;   // 1 where MeasureOutcome::amount would be set
  std::vector<std::string_view> case_id;  // as MeasureOutcome::case_id
};

class BatchEvaluator {
 public:
  explicit BatchEvaluator(RulePack pack);
  ~BatchEvaluator();
  BatchEvaluator(BatchEvaluator&&) noexcept;
  BatchEvaluator& operator=(BatchEvaluator&&) noexcept;

  // Fills `out` with one outcome per measure, in pack order (the same
  // statuses and amounts as RulePack::Evaluate).
  void Evaluate(const Profile& profile, Date date, std::vector<MeasureOutcome>& out);

  // The same outcomes into `trace`, with what the decisions computed, so
  // that trace.Explain() gives RulePack::Evaluate's evaluation without
  // deciding again (relief/trace.hpp). A trace recorded into again reuses
  // its memory.
  void Record(const Profile& profile, Date date, Trace& trace);

  // The outcomes of many profiles at once, equal to those of the call above
  // profile by profile, and several times faster: the profiles are evaluated
  // in blocks, each step of the rules running over a whole block. Profile i,
  // measure m (pack order) goes to out[i * measure_count() + m]; `out` must
  // hold profiles.size() * measure_count() outcomes.
  void Evaluate(std::span<const Profile> profiles, Date date, std::span<MeasureOutcome> out);

  // The same outcomes as columns, resized to profiles.size() *
  // measure_count(): no Decimal is made, so a program that sums or stores
  // the amounts reads a file of firms fastest this way.
  void Evaluate(std::span<const Profile> profiles, Date date, OutcomeColumns& out);

  // The traces of many profiles at once, trace i equal to what the
  // single-profile Record gives for profile i, and several times faster (in
  // blocks, as Evaluate above): a file of firms is scored and every firm's
  // explanation kept for later. `traces` must hold one trace per profile.
  void Record(std::span<const Profile> profiles, Date date, std::span<Trace> traces);

  // The explanations of many profiles at once (relief/explanation.hpp):
  // explanation i reads as what RulePack::Explain gives for profile i. Each
  // keeps its profile's record (as Record above) and answers its measures'
  // statuses and amounts from it; the rest (requirements, cases, options,
  // reasons, missing facts, questions) is built from the record when first
  // read. A file of firms is so explained at about the cost of recording it,
  // and a firm's detail is paid for by the reader who reads it. The
  // explanations of a block of 64 profiles share one heap block, freed with
  // the last of them. `explanations` must hold one per profile.
  void Explain(std::span<const Profile> profiles, Date date, std::span<Explanation> explanations);

  // Outcomes per profile: the pack's measures.
  std::size_t measure_count() const;

 private:
  // The record of `trace`, made if need be, set for `profile` at `date` and
  // its outcomes, sized for `cells` cells left to pack (`index`:
  // TraceRecord::index).
  internal::TraceRecord& KeepRecord(const Profile& profile, Date date,
                                    std::span<const internal::StoredOutcome> outcomes, internal::PackedLayout cells,
                                    const std::shared_ptr<const std::vector<std::int32_t>>& index, Trace& trace) const;

  // Runs `profiles` by blocks for their records (batch_evaluator.cpp).
  template <class Keep>
  void RecordBlocks(std::span<const Profile> profiles, Date date, Keep keep);

  RulePack pack_;
  std::unique_ptr<internal::BatchMachine> machine_;
  std::unique_ptr<internal::LaneMachine> lanes_;  // created on first use
  std::vector<MeasureOutcome> outcomes_;          // Record's, for one profile
  std::vector<internal::StoredOutcome> stored_;   // Record's, as kept: one profile's, or a block's
};

}  // namespace relief

#endif  // RELIEF_BATCH_EVALUATOR_HPP_
