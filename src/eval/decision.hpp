// Decides a measure for the evaluator's profile and date: the version in
// force, the territory, the requirements and cases under Kleene logic, the
// status and the amount. No explanation is built here (see explain/), so
// this is the whole work of a batch evaluation, and it allocates nothing.
#ifndef RELIEF_EVAL_DECISION_HPP_
#define RELIEF_EVAL_DECISION_HPP_

#include <optional>

#include "eval/evaluator.hpp"
#include "relief/result.hpp"

namespace relief::internal {

struct Decision {
  Status status = Status::kNotApplicable;
  const VersionPlan* version = nullptr;  // null: no version for the month
  bool out_of_territory = false;
  Value territory = Value::Bool(true);      // the territory condition's value
  std::int32_t case_index = -1;             // the case that applied (eligible only)
  std::int32_t option_index = -1;           // the option that won, if any
  const AmountPlan* amount_plan = nullptr;  // of the case or version applied
  std::optional<Decimal> amount;            // rounded to the cent
  Value error;                              // the first error met, for kError
  bool rounding_overflow = false;
};

Decision Decide(Evaluator& evaluator, const MeasurePlan& measure);

}  // namespace relief::internal

#endif  // RELIEF_EVAL_DECISION_HPP_
