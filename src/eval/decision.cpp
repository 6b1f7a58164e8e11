#include "eval/decision.hpp"

namespace relief::internal {
namespace {

// The exact amount of `plan`, the best of its options if it has them;
// nullopt when unknown. Records the first error in `d`.
std::optional<Decimal> Amount(Evaluator& ev, const AmountPlan& plan, Decision& d) {
  auto read = [&](ExprId id) -> std::optional<Decimal> {
    Value v = ev.EvalExpr(id);
    if (v.is_error() && !d.error.is_error()) d.error = v;
    return v.known() ? std::optional<Decimal>(v.number) : std::nullopt;
  };
  if (plan.amount != kNoExpr) return read(plan.amount);
  std::optional<Decimal> best;
  bool unknown = false;
  for (std::size_t i = 0; i < plan.options.size(); ++i) {
    auto v = read(plan.options[i].amount);
    if (!v) {
      unknown = true;
    } else if (!best || *best < *v) {
      best = v;
      d.option_index = static_cast<std::int32_t>(i);
    }
  }
  if (unknown) {
    d.option_index = -1;  // an unknown option might have won
    return std::nullopt;
  }
  return best;
}

}  // namespace

Decision Decide(Evaluator& ev, const MeasurePlan& m) {
  Decision d;
  for (const VersionPlan& v : m.versions) {
    if (v.Covers(ev.date())) d.version = &v;
  }
  if (d.version == nullptr) return d;  // out of period: not applicable

  // Territory: outside it the measure does not apply (it is not refused).
  if (m.territory_when != kNoExpr) {
    d.territory = ev.EvalExpr(m.territory_when);
    if (d.territory.is_false()) {
      d.out_of_territory = true;
      return d;
    }
    if (d.territory.is_error()) d.error = d.territory;
  }
  bool any_false = false, any_unknown = d.territory.unknown();
  for (const ConditionPlan& c : d.version->require) {
    Value v = ev.EvalExpr(c.when);
    if (v.is_error() && !d.error.is_error()) d.error = v;
    any_false |= v.is_false();
    any_unknown |= v.unknown();
  }
  // Cases: the first that holds applies; an unknown one before it leaves
  // the choice (and so the amount) open.
  const auto& cases = d.version->cases;
  bool case_unknown = false, some_case_true = cases.empty();
  std::int32_t first_true = -1;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    Value v = cases[i].when == kNoExpr ? Value::Bool(true) : ev.EvalExpr(cases[i].when);
    if (v.is_error() && !d.error.is_error()) d.error = v;
    if (v.unknown()) case_unknown = true;
    if (v.is_true()) {
      some_case_true = true;
      if (!case_unknown && !d.error.is_error()) first_true = static_cast<std::int32_t>(i);
      break;
    }
  }
  // Status = territory ∧ requirements ∧ (some case), in Kleene logic.
  if (d.error.is_error()) {
    d.status = Status::kError;
  } else if (any_false || (!some_case_true && !case_unknown)) {
    d.status = Status::kIneligible;
  } else if (any_unknown || !some_case_true) {
    d.status = Status::kUndetermined;
  } else {
    d.status = Status::kEligible;
  }
  if (d.status != Status::kEligible) return d;
  d.case_index = first_true;
  d.amount_plan = first_true >= 0 ? &cases[first_true].amount : cases.empty() ? &d.version->amount : nullptr;
  if (d.amount_plan == nullptr || d.amount_plan->empty()) return d;
  if (auto exact = Amount(ev, *d.amount_plan, d)) {
    d.amount = exact->Round(2);
    d.rounding_overflow = !d.amount.has_value();
  }
  if (d.error.is_error() || d.rounding_overflow) {
    d.status = Status::kError;
    d.amount.reset();
  }
  return d;
}

}  // namespace relief::internal
