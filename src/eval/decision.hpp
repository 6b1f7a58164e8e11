// Decides a measure for the evaluator's profile and date: the version in
// force, the territory, the requirements and cases under Kleene logic, the
// status and the amount. No explanation is built here (see explain/), so
// this is the whole work of a batch evaluation, and it allocates nothing.
#ifndef RELIEF_EVAL_DECISION_HPP_
#define RELIEF_EVAL_DECISION_HPP_

#include <optional>
#include <span>

#include "eval/batch_machine.hpp"
#include "eval/evaluator.hpp"
#include "eval/lane_machine.hpp"
#include "ir/trace_record.hpp"
#include "relief/batch_evaluator.hpp"
#include "relief/result.hpp"

namespace relief::internal {

// V: a Value (the explained path's Evaluator) or a Cell (the batch path's
// BatchMachine); one logic for both.
template <class V>
struct BasicDecision {
  Status status = Status::kNotApplicable;
  const VersionPlan* version = nullptr;  // null: no version for the month
  bool out_of_territory = false;
  V territory = V::Bool(true);              // the territory condition's value
  std::int32_t case_index = -1;             // the case that applied (eligible only)
  std::int32_t option_index = -1;           // the option that won, if any
  const AmountPlan* amount_plan = nullptr;  // of the case or version applied
  std::optional<Decimal> amount;            // rounded to the cent
  V error;                                  // the first error met, for kError
  bool rounding_overflow = false;
};

using Decision = BasicDecision<Value>;

Decision Decide(Evaluator& evaluator, const MeasurePlan& measure);
// The machine must have run on the profile at the date to decide.
BasicDecision<Cell> Decide(BatchMachine& machine, const MeasurePlan& measure);

// Where DecideLanes writes lane i's outcome: Start gives every lane its
// status (StartAll: lanes 0 .. n - 1, statuses[i] a Status), Finish the
// outcome of an eligible lane once its amount is known.
struct OutcomeStructs {  // MeasureOutcome structs, lane i at out[i * stride]
  MeasureOutcome* out;
  std::size_t stride;
  void Start(std::size_t i, Status status) const { out[i * stride] = MeasureOutcome{status, std::nullopt, {}}; }
  void StartAll(const std::uint8_t* statuses, std::size_t n) const {
    for (std::size_t i = 0; i < n; ++i) Start(i, static_cast<Status>(statuses[i]));
  }
  void Finish(std::size_t i, Status status, std::optional<std::int64_t> cents, std::string_view case_id) const {
    MeasureOutcome& o = out[i * stride];
    o.status = status;
    if (cents) o.amount = Decimal::FromCents(*cents);
    o.case_id = case_id;
  }
};
struct OutcomeColumnsAt {  // OutcomeColumns, lane i at [first + i * stride]
  OutcomeColumns* out;
  std::size_t first;
  std::size_t stride;
  void Start(std::size_t i, Status status) const {
    const std::size_t at = first + i * stride;
    out->status[at] = status;
    out->cents[at] = 0;
    out->has_amount[at] = 0;
    out->case_id[at] = {};
  }
  // The columns' addresses are read once: Start, called lane by lane,
  // reloads them after each store of a byte (which, as far as the compiler
  // knows, may have changed them).
  void StartAll(const std::uint8_t* statuses, std::size_t n) const {
    Status* status = out->status.data() + first;
    std::int64_t* cents = out->cents.data() + first;
    std::uint8_t* has_amount = out->has_amount.data() + first;
    std::string_view* case_id = out->case_id.data() + first;
    for (std::size_t i = 0, at = 0; i < n; ++i, at += stride) {
      status[at] = static_cast<Status>(statuses[i]);
      cents[at] = 0;
      has_amount[at] = 0;
      case_id[at] = {};
    }
  }
  void Finish(std::size_t i, Status status, std::optional<std::int64_t> cents, std::string_view case_id) const {
    const std::size_t at = first + i * stride;
    out->status[at] = status;
    out->cents[at] = cents.value_or(0);
    out->has_amount[at] = cents.has_value();
    out->case_id[at] = case_id;
  }
};

struct StoredOutcomes {  // a record's outcomes (ir/trace_record.hpp), lane i at out[i * stride]
  StoredOutcome* out;
  std::size_t stride;
  void Start(std::size_t i, Status status) const {
    out[i * stride] = StoredOutcome{0, nullptr, 0, static_cast<std::uint8_t>(status), false};
  }
  void StartAll(const std::uint8_t* statuses, std::size_t n) const {
    for (std::size_t i = 0; i < n; ++i) Start(i, static_cast<Status>(statuses[i]));
  }
  // In cents as computed: no Decimal made and taken apart again.
  void Finish(std::size_t i, Status status, std::optional<std::int64_t> cents, std::string_view case_id) const {
    out[i * stride] = StoredOutcome{cents.value_or(0), case_id.data(), static_cast<std::uint32_t>(case_id.size()),
                                    static_cast<std::uint8_t>(status), cents.has_value()};
  }
};

// Decides `measure` for every lane i of `machine` (which must have run on a
// block of profiles) into `out`: the outcomes of Decide on each lane, but
// each condition's column folded for the whole block in one loop, and
// amounts computed for the eligible lanes only.
template <class Outcomes>
void DecideLanes(LaneMachine& machine, const MeasurePlan& measure, const Outcomes& out);

}  // namespace relief::internal

#endif  // RELIEF_EVAL_DECISION_HPP_
