// What a relief::Explanation holds (relief/explanation.hpp): each measure's
// status and amount; then its decision and the values its views read, laid
// out by the version's VersionLayout (ir/explain_layout.hpp), the open
// points and sources that apply, the reasons as codes, and the missing facts
// as keys.
#ifndef RELIEF_EXPLAIN_EXPLANATION_DATA_HPP_
#define RELIEF_EXPLAIN_EXPLANATION_DATA_HPP_

#include <array>
#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "eval/decision.hpp"
#include "eval/evaluator.hpp"
#include "eval/lane_machine.hpp"
#include "explain/deferred_words.hpp"
#include "ir/explain_layout.hpp"
#include "ir/packed_cells.hpp"
#include "ir/program.hpp"
#include "ir/trace_record.hpp"
#include "relief/result.hpp"

namespace relief::internal {

// A reason's code and what it is about.
struct ReasonEntry {
  ReasonCode code = ReasonCode::kRuleError;
  enum class About : std::uint8_t { kMeasure, kCondition, kCase, kOption } about = About::kMeasure;
  std::uint32_t index = 0;  // of the condition (a node), case or option
};

struct ExplainedMeasure {
  Decision decision;
  const VersionLayout* layout = nullptr;             // of the version in force; null when none
  std::uint32_t values = 0;                          // its layout's slot 0 in ExplanationData::values
  std::uint32_t cases_tried = 0;                     // cases 0 … cases_tried - 1
  const ShownAmount* amount = nullptr;               // of the amount plan applied, if any
  IndexRange open_points, sources, measure_sources;  // in ExplanationData::texts
  std::uint32_t condition_points = 0;  // its requirements' open points: ExplanationData::condition_points from here
  IndexRange reasons;                  // in ExplanationData::reasons
  IndexRange missing;                  // in ExplanationData::missing

  // Whether its requirements, cases and amount are shown: it has a version
  // for the date, and the firm is not out of its territory.
  bool shown() const { return layout != nullptr && !decision.out_of_territory; }
  // The node of the formula applied: the amount's, or the chosen option's;
  // -1 when none.
  std::int32_t formula_node() const {
    if (amount == nullptr) return -1;
    if (amount->formula >= 0) return amount->formula;
    if (decision.option_index < 0) return -1;
    return static_cast<std::int32_t>(amount->options.begin) + decision.option_index;
  }
};

// What an explanation shows beyond each measure's status and amount.
//
// Its lists are reserved to the pack's bounds (ExplainBounds) when it is
// built, whatever the firm: for the bundled pack about 12 kB of values and
// 5 kB of texts. That suits an explanation read and dropped; a caller that
// keeps many should keep relief::Traces (a few hundred bytes each), or
// explanations made from them and not yet read (ExplanationData::FromRecord).
struct ExplanationDetail {
  std::vector<ExplainedMeasure> measures;
  std::vector<Value> values;
  std::vector<std::string_view> texts;       // into the program
  std::vector<IndexRange> condition_points;  // by requirement, in `texts`
  std::vector<ReasonEntry> reasons;
  std::vector<MissingKey> missing;       // each measure's sorted, without repeats
  std::vector<std::uint32_t> questions;  // in `missing`: each key's first, the most missed first

  const Value& ValueAt(std::uint32_t measure, std::int32_t slot) const {
    return values[measures[measure].values + static_cast<std::uint32_t>(slot)];
  }
};

// What an explanation made from a batch record reads of it: each measure's
// outcome, and the packed cells of the registers the record kept.
struct RecordView {
  const StoredOutcome* outcomes = nullptr;  // null: no record
  std::span<const std::uint64_t> cells;
  PackedLayout layout;
  const std::vector<std::int32_t>* index = nullptr;  // each instruction's cell, -1: none
};

class ExplainedBlock;

// A firm's explanation at a date. Made by RulePack::Explain, it holds its
// detail at once. Made from a batch record (a relief::Trace's), it answers
// each measure's status and amount from the record's outcomes and builds its
// detail from the record's cells when first read: a file of firms explained
// by blocks costs little more than its records, and a firm's detail is paid
// for when an advisor reads it. Reading from many threads at once is safe
// (the detail is built once, under a std::once_flag).
class ExplanationData {
 public:
  // Explains every measure at once, reading what `computed` holds (see
  // Explain below).
  static std::shared_ptr<const ExplanationData> Explained(Evaluator& evaluator,
                                                          const std::shared_ptr<const Program>& program,
                                                          const std::shared_ptr<const ProfileData>& profile, Date date,
                                                          Evaluator::Computed computed = {});
  // Explains the profile of `record`, its detail built when first read.
  static std::shared_ptr<const ExplanationData> FromRecord(std::unique_ptr<TraceRecord> record);
  // (ExplainedBlock makes the explanations of a block of profiles.)

  const Program& p() const { return *program_; }
  const std::shared_ptr<const Program>& program() const { return program_; }
  const ProfileData& profile() const { return *profile_; }
  const std::shared_ptr<const ProfileData>& profile_shared() const { return profile_; }
  Date date() const { return date_; }
  std::size_t measure_count() const { return program_->measures.size(); }

  // Read from the record when made from one (inline: a file's statuses are
  // read by the million).
  Status status(std::uint32_t measure) const {
    if (record_.outcomes != nullptr) return static_cast<Status>(record_.outcomes[measure].status);
    return detail_->measures[measure].decision.status;
  }
  // Rounded to the cent (MeasureView::amount).
  std::optional<Decimal> amount(std::uint32_t measure) const {
    if (record_.outcomes != nullptr) {
      const StoredOutcome& o = record_.outcomes[measure];
      return o.has_amount ? std::optional<Decimal>(Decimal::FromCents(o.cents)) : std::nullopt;
    }
    const ExplainedMeasure& m = detail_->measures[measure];
    return m.shown() ? m.decision.amount : std::nullopt;
  }
  // Whether the detail is built (for tests).
  bool built() const { return built_.load(std::memory_order_acquire); }
  // Everything else, built at the first call when made from a record.
  const ExplanationDetail& detail() const {
    if (!built_.load(std::memory_order_acquire)) BuildFromRecord();
    return *detail_;
  }

  // Builds the French words `kind` of instruction `instr` (DeferredWords),
  // with an evaluator made at the first call: most explanations are never
  // worded.
  std::string Words(DeferredWords::Kind kind, InstrId instr) const {
    std::call_once(words_made_, [&] { words_ = std::make_unique<DeferredWords>(program_, profile_, date_); });
    return words_->Build(static_cast<std::uint32_t>(kind), static_cast<std::uint32_t>(instr));
  }

 private:
  struct Made {};  // only Explained, FromRecord and ExplainedBlock make one

 public:
  ExplanationData(Made, std::shared_ptr<const Program> program, std::shared_ptr<const ProfileData> profile, Date date)
      : program_(std::move(program)), profile_(std::move(profile)), date_(date) {}

 private:
  void BuildFromRecord() const;

  std::shared_ptr<const Program> program_;
  std::shared_ptr<const ProfileData> profile_;
  Date date_;
  // When made from a record: what it reads of it, and the record when the
  // explanation owns it (a block's explanations share theirs, which the
  // block owns; a record's program and profile are moved into the fields
  // above).
  RecordView record_;
  std::unique_ptr<const TraceRecord> owned_record_;
  friend class ExplainedBlock;

  // A file's explanations are kept by the thousand and most are never read
  // in detail: the detail is a block of its own, made when built.
  mutable std::atomic<bool> built_{false};
  mutable std::once_flag detail_made_;
  mutable std::unique_ptr<ExplanationDetail> detail_;
  mutable std::once_flag words_made_;
  mutable std::unique_ptr<DeferredWords> words_;
};

// The explanations of a block of profiles (at most LaneMachine::kLanes) made
// from the records a LaneMachine kept (BatchEvaluator::Explain): the
// block's outcomes, packed cells and explanations in three heap blocks
// rather than two per firm. Each explanation keeps its block alive (an
// aliasing std::shared_ptr): a file's explanations are kept or dropped
// together, and one kept alone keeps its block's (about 40 kB for bench-12,
// 610 bytes a firm).
class ExplainedBlock {
 public:
  // Room for `profiles` profiles of `measures` outcomes and `layout` packed
  // cells, read through `index`.
  ExplainedBlock(std::size_t profiles, std::size_t measures, PackedLayout layout,
                 std::shared_ptr<const std::vector<std::int32_t>> index)
      : index_(std::move(index)),
        measures_(measures),
        layout_(layout),
        outcomes_(profiles * measures),
        cells_(profiles * layout.words()) {}

  // Where the outcomes of profile i go ([i * measures]), and its cells.
  StoredOutcome* outcomes() { return outcomes_.data(); }
  std::uint64_t* cells(std::size_t i) { return cells_.data() + i * layout_.words(); }

  // The explanation of profile i, once its outcomes and cells are written.
  static std::shared_ptr<const ExplanationData> Explain(const std::shared_ptr<ExplainedBlock>& block, std::size_t i,
                                                        std::shared_ptr<const Program> program,
                                                        std::shared_ptr<const ProfileData> profile, Date date);

 private:
  std::shared_ptr<const std::vector<std::int32_t>> index_;
  std::size_t measures_;
  PackedLayout layout_;
  std::vector<StoredOutcome> outcomes_;
  std::vector<std::uint64_t> cells_;
  std::array<std::optional<ExplanationData>, LaneMachine::kLanes> explanations_;
};

// The missing facts `met` (each measure's in turn), each once, ranked by
// the number of measures that miss it, ties in the order first met: the
// index in `met` of each one's first occurrence, into `ranked`.
void RankQuestions(const std::vector<MissingKey>& met, std::vector<std::uint32_t>& ranked);

// Explains every measure of the evaluator's program for `profile` at
// `date` into `out`. With `computed`, reads what a batch machine computed
// (Evaluator::Reuse). The evaluator is of Mode::kRecord.
void Explain(Evaluator& evaluator, const ProfileData& profile, Date date, Evaluator::Computed computed,
             ExplanationDetail& out);

}  // namespace relief::internal

#endif  // RELIEF_EXPLAIN_EXPLANATION_DATA_HPP_
