#include "relief/batch_evaluator.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

#include "api/access.hpp"
#include "eval/decision.hpp"
#include "explain/explanation_data.hpp"
#include "ir/trace_record.hpp"
#include "relief/explanation.hpp"
#include "relief/trace.hpp"

namespace relief {
namespace {

// The profile's slots, which must have been read against `program`.
const internal::ProfileData& DataOf(const Profile& profile, const internal::Program& program) {
  const internal::ProfileData& data = internal::Access::data(profile);
  if (data.program.get() != &program) {
    throw Error({Diagnostic{Severity::kError, {}, "the profile was read against another rule pack", {}}});
  }
  return data;
}

MeasureOutcome OutcomeOf(const internal::BasicDecision<internal::Cell>& d) {
  std::string_view case_id;
  if (d.status == Status::kEligible && d.version != nullptr && d.case_index >= 0) {
    case_id = d.version->cases[static_cast<std::size_t>(d.case_index)].id;
  }
  return {d.status, d.amount, case_id};
}

// Decides every measure of `profile` on `machine` into `out`; `fresh` as
// BatchMachine::Run.
void DecideAll(internal::BatchMachine& machine, const internal::Program& program, const Profile& profile, Date date,
               bool fresh, std::vector<MeasureOutcome>& out) {
  const internal::ProfileData& data = DataOf(profile, program);
  out.resize(program.measures.size());
  machine.Run(data, date, fresh);
  for (std::size_t i = 0; i < program.measures.size(); ++i)
    out[i] = OutcomeOf(internal::Decide(machine, program.measures[i]));
}

}  // namespace

BatchEvaluator::BatchEvaluator(RulePack pack)
    : pack_(std::move(pack)), machine_(std::make_unique<internal::BatchMachine>(internal::Access::program(pack_))) {}
BatchEvaluator::~BatchEvaluator() = default;
BatchEvaluator::BatchEvaluator(BatchEvaluator&&) noexcept = default;
BatchEvaluator& BatchEvaluator::operator=(BatchEvaluator&&) noexcept = default;

std::size_t BatchEvaluator::measure_count() const { return internal::Access::program(pack_).measures.size(); }

void BatchEvaluator::Evaluate(const Profile& profile, Date date, std::vector<MeasureOutcome>& out) {
  DecideAll(*machine_, internal::Access::program(pack_), profile, date, /*fresh=*/false, out);
}

void BatchEvaluator::Record(const Profile& profile, Date date, Trace& trace) {
  // Fresh: the registers this profile's decisions did not write must not
  // hold another profile's values.
  DecideAll(*machine_, internal::Access::program(pack_), profile, date, /*fresh=*/true, outcomes_);
  stored_.resize(outcomes_.size());
  std::transform(outcomes_.begin(), outcomes_.end(), stored_.begin(), internal::StoredOutcome::Of);
  // Every register, as a value (this path records one profile: its trace
  // is not the one a file keeps by the thousand).
  const std::vector<internal::Cell>& cells = machine_->cells();
  const internal::PackedLayout layout{.booleans = 0, .cells = cells.size()};
  internal::PackCells(
      layout, [&](std::size_t r) -> const internal::Cell& { return cells[r]; },
      KeepRecord(profile, date, stored_, layout, machine_->instr_regs(), trace).cell_words());
}

internal::TraceRecord& BatchEvaluator::KeepRecord(const Profile& profile, Date date,
                                                  std::span<const internal::StoredOutcome> outcomes,
                                                  internal::PackedLayout cells,
                                                  const std::shared_ptr<const std::vector<std::int32_t>>& index,
                                                  Trace& trace) const {
  internal::TraceRecord& r = internal::TraceRecord::Reserve(trace.record_, outcomes.size(), cells);
  r.program = internal::Access::shared_program(pack_);
  r.profile = internal::Access::shared_data(profile);
  r.index = index;
  r.date = date;
  std::copy(outcomes.begin(), outcomes.end(), r.outcomes().begin());
  return r;
}

namespace {

// Runs `lanes` on `profiles` a block at a time (`fresh` as
// LaneMachine::Run), decides each measure of each block into
// outcomes(first profile of the block, measure), then calls
// decided(first profile, profiles in the block).
template <class OutcomesAt, class Decided>
void EvaluateBlocks(internal::LaneMachine& lanes, const internal::Program& program, std::span<const Profile> profiles,
                    Date date, bool fresh, OutcomesAt outcomes, Decided decided) {
  constexpr std::size_t kBlock = internal::LaneMachine::kLanes;
  std::array<const internal::ProfileData*, kBlock> block{};
  for (std::size_t first = 0; first < profiles.size(); first += kBlock) {
    const std::size_t n = std::min(kBlock, profiles.size() - first);
    for (std::size_t i = 0; i < n; ++i) block[i] = &DataOf(profiles[first + i], program);
    lanes.Run({block.data(), n}, date, fresh);
    for (std::size_t m = 0; m < program.measures.size(); ++m) {
      internal::DecideLanes(lanes, program.measures[m], outcomes(first, m));
    }
    decided(first, n);
  }
}

}  // namespace

void BatchEvaluator::Evaluate(std::span<const Profile> profiles, Date date, std::span<MeasureOutcome> out) {
  const internal::Program& program = internal::Access::program(pack_);
  const std::size_t measures = program.measures.size();
  if (out.size() != profiles.size() * measures) {
    throw std::invalid_argument("BatchEvaluator::Evaluate: out must hold profiles.size() * measure_count() outcomes");
  }
  if (!lanes_) lanes_ = std::make_unique<internal::LaneMachine>(program);
  EvaluateBlocks(
      *lanes_, program, profiles, date, /*fresh=*/false,
      [&](std::size_t first, std::size_t m) {
        return internal::OutcomeStructs{out.data() + first * measures + m, measures};
      },
      [](std::size_t, std::size_t) {});
}

void BatchEvaluator::Evaluate(std::span<const Profile> profiles, Date date, OutcomeColumns& out) {
  const internal::Program& program = internal::Access::program(pack_);
  const std::size_t measures = program.measures.size(), size = profiles.size() * measures;
  out.status.resize(size);
  out.cents.resize(size);
  out.has_amount.resize(size);
  out.case_id.resize(size);
  if (!lanes_) lanes_ = std::make_unique<internal::LaneMachine>(program);
  EvaluateBlocks(
      *lanes_, program, profiles, date, /*fresh=*/false,
      [&](std::size_t first, std::size_t m) {
        return internal::OutcomeColumnsAt{&out, first * measures + m, measures};
      },
      [](std::size_t, std::size_t) {});
}

// Runs `profiles` by blocks with fresh registers (what a record reads),
// each block's outcomes into `stored` (lane i's at [i * measures]), then
// calls keep(first profile, profiles in the block).
template <class Keep>
void BatchEvaluator::RecordBlocks(std::span<const Profile> profiles, Date date, Keep keep) {
  const internal::Program& program = internal::Access::program(pack_);
  const std::size_t measures = program.measures.size();
  if (!lanes_) lanes_ = std::make_unique<internal::LaneMachine>(program);
  stored_.resize(internal::LaneMachine::kLanes * measures);
  EvaluateBlocks(
      *lanes_, program, profiles, date, /*fresh=*/true,
      [&](std::size_t, std::size_t m) {
        return internal::StoredOutcomes{stored_.data() + m, measures};
      },
      keep);
}

void BatchEvaluator::Record(std::span<const Profile> profiles, Date date, std::span<Trace> traces) {
  if (traces.size() != profiles.size()) {
    throw std::invalid_argument("BatchEvaluator::Record: traces must hold one trace per profile");
  }
  const std::size_t measures = measure_count();
  RecordBlocks(profiles, date, [&](std::size_t first, std::size_t n) {
    std::array<std::uint64_t*, internal::LaneMachine::kLanes> cells{};
    for (std::size_t i = 0; i < n; ++i) {
      const std::span<const internal::StoredOutcome> outcomes(stored_.data() + i * measures, measures);
      cells[i] = KeepRecord(profiles[first + i], date, outcomes, lanes_->lane_layout(), lanes_->lane_index(),
                            traces[first + i])
                     .cell_words()
                     .data();
    }
    lanes_->CopyLanes({cells.data(), n});
  });
}

void BatchEvaluator::Explain(std::span<const Profile> profiles, Date date, std::span<Explanation> explanations) {
  if (explanations.size() != profiles.size()) {
    throw std::invalid_argument("BatchEvaluator::Explain: explanations must hold one explanation per profile");
  }
  const std::size_t measures = measure_count();
  RecordBlocks(profiles, date, [&](std::size_t first, std::size_t n) {
    auto block = std::make_shared<internal::ExplainedBlock>(n, measures, lanes_->lane_layout(), lanes_->lane_index());
    std::copy_n(stored_.data(), n * measures, block->outcomes());
    std::array<std::uint64_t*, internal::LaneMachine::kLanes> cells{};
    for (std::size_t i = 0; i < n; ++i) cells[i] = block->cells(i);
    lanes_->CopyLanes({cells.data(), n});
    for (std::size_t i = 0; i < n; ++i) {
      explanations[first + i] = internal::Access::MakeExplanation(internal::ExplainedBlock::Explain(
          block, i, internal::Access::shared_program(pack_), internal::Access::shared_data(profiles[first + i]), date));
    }
  });
}

}  // namespace relief
