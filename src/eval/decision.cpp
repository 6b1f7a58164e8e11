#include "eval/decision.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <type_traits>
#include <utility>

#include "eval/truth_bits.hpp"

namespace relief::internal {
namespace {

// What differs between a Value and a Cell for Decide: comparing two known
// amounts, and rounding one to the cent.
bool Less(const Value& x, const Value& y) { return x.number < y.number; }
bool Less(const Cell& x, const Cell& y) { return Compare(x, y) < 0; }
// An amount rounded to the cent. Its cents must fit 64 bits (92 233 720 368
// 547 758,07 at most), so that every path holds it exactly as an integer
// (OutcomeColumns); beyond, it is a capacity error, like any overflow.
std::optional<Decimal> RoundToCent(const Value& v) {
  std::optional<Decimal> rounded = v.number.Round(2);
  return rounded && rounded->Cents() ? rounded : std::nullopt;
}
std::optional<Decimal> RoundToCent(const Cell& c) {
  const std::optional<std::int64_t> cents = c.RoundToCents();
  return cents ? std::optional<Decimal>(Decimal::FromCents(*cents)) : std::nullopt;
}

// The exact amount of `plan`, the best of its options if it has them;
// nullopt when unknown. Records the first error in `d`.
template <class Source, class V>
std::optional<V> Amount(Source& ev, const AmountPlan& plan, BasicDecision<V>& d) {
  auto read = [&](ExprId id) -> std::optional<V> {
    const auto& v = ev.EvalExpr(id);  // a reference into the machine's cells, or a Value
    if (v.is_error() && !d.error.is_error()) d.error = v;
    return v.known() ? std::optional<V>(v) : std::nullopt;
  };
  if (plan.amount != kNoExpr) return read(plan.amount);
  std::optional<V> best;
  bool unknown = false;
  for (std::size_t i = 0; i < plan.options.size(); ++i) {
    auto v = read(plan.options[i].amount);
    if (!v) {
      unknown = true;
    } else if (!best || Less(*best, *v)) {
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

// Records the first error met.
template <class V>
void NoteError(BasicDecision<V>& d, const V& v) {
  if (v.is_error() && !d.error.is_error()) d.error = v;
}

// The requirements under Kleene logic: whether one is false, whether one is
// unknown.
struct Requirements {
  bool any_false = false;
  bool any_unknown = false;
};

template <class Source, class V>
Requirements CheckRequirements(Source& ev, const VersionPlan& version, BasicDecision<V>& d) {
  Requirements out;
  for (const ConditionPlan& c : version.require) {
    const auto& v = ev.EvalExpr(c.when);
    NoteError(d, v);
    out.any_false |= v.is_false();
    out.any_unknown |= v.unknown();
  }
  return out;
}

// Cases: the first that holds applies; an unknown one before it leaves the
// choice (and so the amount) open.
struct CaseChoice {
  bool unknown = false;
  bool some_true = false;
  std::int32_t first_true = -1;  // the case that applies, when decided
};

template <class Source, class V>
CaseChoice ChooseCase(Source& ev, const VersionPlan& version, BasicDecision<V>& d) {
  CaseChoice out;
  out.some_true = version.cases.empty();
  for (std::size_t i = 0; i < version.cases.size(); ++i) {
    const ExprId when = version.cases[i].when;
    const V always = V::Bool(true);
    const auto& v = when == kNoExpr ? always : ev.EvalExpr(when);
    NoteError(d, v);
    if (v.unknown()) out.unknown = true;
    if (v.is_true()) {
      out.some_true = true;
      if (!out.unknown && !d.error.is_error()) out.first_true = static_cast<std::int32_t>(i);
      break;
    }
  }
  return out;
}

// The amount of an eligible measure, rounded to the cent.
template <class Source, class V>
void DecideAmount(Source& ev, BasicDecision<V>& d) {
  const auto& cases = d.version->cases;
  d.amount_plan = d.case_index >= 0 ? &cases[d.case_index].amount : cases.empty() ? &d.version->amount : nullptr;
  if (d.amount_plan == nullptr || d.amount_plan->empty()) return;
  if (auto exact = Amount(ev, *d.amount_plan, d)) {
    d.amount = RoundToCent(*exact);
    d.rounding_overflow = !d.amount.has_value();
  }
  if (d.error.is_error() || d.rounding_overflow) {
    d.status = Status::kError;
    d.amount.reset();
  }
}

template <class Source, class V = std::remove_cvref_t<decltype(std::declval<Source&>().EvalExpr(0))>>
BasicDecision<V> DecideWith(Source& ev, const MeasurePlan& m) {
  BasicDecision<V> d;
  d.version = m.InForce(ev.date());
  if (d.version == nullptr) return d;  // out of period: not applicable

  // Territory: outside it the measure does not apply (it is not refused).
  if (m.territory_when != kNoExpr) {
    d.territory = ev.EvalExpr(m.territory_when);
    if (d.territory.is_false()) {
      d.out_of_territory = true;
      return d;
    }
    NoteError(d, d.territory);
  }
  const Requirements req = CheckRequirements(ev, *d.version, d);
  const CaseChoice choice = ChooseCase(ev, *d.version, d);
  // Status = territory ∧ requirements ∧ (some case), in Kleene logic.
  if (d.error.is_error()) {
    d.status = Status::kError;
  } else if (req.any_false || (!choice.some_true && !choice.unknown)) {
    d.status = Status::kIneligible;
  } else if (req.any_unknown || d.territory.unknown() || !choice.some_true) {
    d.status = Status::kUndetermined;
  } else {
    d.status = Status::kEligible;
  }
  if (d.status != Status::kEligible) return d;
  d.case_index = choice.first_true;
  DecideAmount(ev, d);
  return d;
}

// A block's conditions while DecideLanes folds them, a mask of lanes each
// (bit i: lane i; eval/truth_bits.hpp), so that a condition costs a few
// word operations for the whole block.
struct Folded {
  std::uint64_t lanes = 0;  // the block's
  std::uint64_t error_met = 0;
  std::uint64_t some_false = 0, some_unknown = 0;
  std::uint64_t out_of_territory = 0, territory_unknown = 0;
  std::uint64_t case_unknown = 0;  // a case before the one that holds, or every case, is unknown
  std::uint64_t case_holds = 0;
};

// Territory and requirements, as DecideWith.
void FoldConditions(const LaneMachine& m, const MeasurePlan& measure, const VersionPlan& v, Folded& f) {
  if (measure.territory_when != kNoExpr) {
    const TruthMasks t = m.Truth(measure.territory_when);
    f.error_met |= t.error;
    f.territory_unknown = t.unknown;
    f.out_of_territory = t.is_false(f.lanes);
  }
  for (const ConditionPlan& c : v.require) {
    const TruthMasks t = m.Truth(c.when);
    f.error_met |= t.error;
    f.some_unknown |= t.unknown;
    f.some_false |= t.is_false(f.lanes);
  }
}

// Cases, as ChooseCase: the first that holds applies, unless one before it
// is unknown or an error was met. Sets first_true where one applies.
void FoldCases(const LaneMachine& m, const VersionPlan& v, Folded& f, std::span<std::int32_t> first_true) {
  for (std::size_t k = 0; k < v.cases.size(); ++k) {
    const ExprId when = v.cases[k].when;
    const TruthMasks t = when == kNoExpr ? TruthMasks{.is_true = f.lanes} : m.Truth(when);
    const std::uint64_t searching = ~f.case_holds;  // no case held yet
    for (std::uint64_t applies = t.is_true & searching & ~(f.case_unknown | f.error_met); applies != 0;
         applies &= applies - 1) {
      first_true[static_cast<std::size_t>(std::countr_zero(applies))] = static_cast<std::int32_t>(k);
    }
    f.error_met |= t.error & searching;
    f.case_unknown |= t.unknown & searching;
    f.case_holds |= t.is_true & searching;
  }
}

// Each lane's status, as DecideWith: found for the block in words, where
// bit k of a lane's Status is in word k, then spread to a byte a lane.
static_assert(static_cast<int>(Status::kEligible) == 0 && static_cast<int>(Status::kIneligible) == 1 &&
              static_cast<int>(Status::kUndetermined) == 2 && static_cast<int>(Status::kNotApplicable) == 3 &&
              static_cast<int>(Status::kError) == 4);
// Returns the eligible lanes.
std::uint64_t StatusBytes(const Folded& f, bool no_cases, std::span<std::uint8_t, LaneMachine::kLanes> out) {
  const std::uint64_t some_true = no_cases ? f.lanes : f.case_holds;
  std::uint64_t open = f.lanes & ~f.out_of_territory;
  const std::uint64_t error = open & f.error_met;
  open &= ~error;
  const std::uint64_t ineligible = open & (f.some_false | (~some_true & ~f.case_unknown));
  open &= ~ineligible;
  const std::uint64_t undetermined = open & (f.some_unknown | f.territory_unknown | ~some_true);
  const std::uint64_t bit0 = ineligible | f.out_of_territory, bit1 = undetermined | f.out_of_territory;
  for (std::size_t k = 0; k < out.size(); k += 8) {
    const std::uint64_t bytes = kBytesOfBits[(bit0 >> k) & 0xff] | kBytesOfBits[(bit1 >> k) & 0xff] << 1 |
                                kBytesOfBits[(error >> k) & 0xff] << 2;
    std::memcpy(out.data() + k, &bytes, sizeof bytes);
  }
  return open & ~undetermined;
}

// The outcome of an eligible lane whose amount plan is one expression (or
// none), from the expression's cell, as DecideAmount: an error or a
// rounding overflow makes an error, an unknown amount leaves the measure
// eligible without an amount.
template <class Outcomes>
void SetAmount(const Cell* amount, std::string_view case_id, std::size_t i, const Outcomes& out) {
  if (amount == nullptr || amount->unknown()) return out.Finish(i, Status::kEligible, std::nullopt, case_id);
  const std::optional<std::int64_t> cents = amount->known() ? amount->RoundToCents() : std::nullopt;
  if (!cents) return out.Finish(i, Status::kError, std::nullopt, {});
  out.Finish(i, Status::kEligible, cents, case_id);
}

// The outcome of an eligible lane whose amount is the best of options, by
// DecideAmount itself.
template <class Outcomes>
void DecideWithOptions(const LaneMachine::Lane& lane, const VersionPlan& version, std::int32_t case_index,
                       std::size_t i, const Outcomes& out) {
  BasicDecision<Cell> d;
  d.status = Status::kEligible;
  d.version = &version;
  d.case_index = case_index;
  DecideAmount(lane, d);
  const bool with_case = d.status == Status::kEligible && case_index >= 0;
  out.Finish(i, d.status, d.amount ? d.amount->Cents() : std::nullopt,
             with_case ? std::string_view(version.cases[case_index].id) : std::string_view());
}

// The amounts of the eligible lanes, one case at a time (the version's
// amount when it has no cases): the amount's steps run for the case's
// lanes, then each lane's outcome is set from the amount's column.
template <class Outcomes>
void DecideAmounts(LaneMachine& machine, const VersionPlan& version, Lanes eligible,
                   std::span<const std::int32_t> case_of, const Outcomes& out) {
  auto decide = [&](const AmountPlan& plan, std::int32_t case_index, Lanes these) {
    if (these.empty()) return;
    if (plan.amount != kNoExpr) machine.RunAmount(plan.amount, these);
    for (const OptionPlan& o : plan.options) machine.RunAmount(o.amount, these);
    if (!plan.options.empty()) {
      for (const std::uint8_t i : these) DecideWithOptions(machine.lane(i), version, case_index, i, out);
      return;
    }
    const Cell* amounts = plan.amount != kNoExpr ? machine.ExprColumn(plan.amount) : nullptr;
    const std::string_view case_id = case_index >= 0 ? std::string_view(version.cases[case_index].id) : "";
    for (const std::uint8_t i : these) SetAmount(amounts != nullptr ? amounts + i : nullptr, case_id, i, out);
  };
  if (version.cases.empty()) return decide(version.amount, -1, eligible);
  for (std::size_t k = 0; k < version.cases.size(); ++k) {
    std::array<std::uint8_t, LaneMachine::kLanes> lanes;  // the eligible lanes of case k
    std::size_t n = 0;
    for (const std::uint8_t i : eligible) {
      lanes[n] = i;
      n += case_of[i] == static_cast<std::int32_t>(k) ? 1 : 0;
    }
    decide(version.cases[k].amount, static_cast<std::int32_t>(k), {lanes.data(), n});
  }
}

}  // namespace

template <class Outcomes>
void DecideLanes(LaneMachine& machine, const MeasurePlan& measure, const Outcomes& out) {
  const std::size_t n = machine.lanes();
  const VersionPlan* version = measure.InForce(machine.date());
  if (version == nullptr) {
    for (std::size_t i = 0; i < n; ++i) out.Start(i, Status::kNotApplicable);
    return;
  }
  std::array<std::int32_t, LaneMachine::kLanes> first_true;
  std::fill_n(first_true.begin(), n, -1);
  Folded folded{.lanes = LanesMask(n)};
  FoldConditions(machine, measure, *version, folded);
  FoldCases(machine, *version, folded, {first_true.data(), n});
  std::array<std::uint8_t, LaneMachine::kLanes> statuses;
  const std::uint64_t eligible_lanes = StatusBytes(folded, version->cases.empty(), statuses);
  out.StartAll(statuses.data(), n);
  std::array<std::uint8_t, LaneMachine::kLanes> eligible;
  std::size_t eligible_count = 0;
  for (std::uint64_t left = eligible_lanes; left != 0; left &= left - 1) {
    eligible[eligible_count++] = static_cast<std::uint8_t>(std::countr_zero(left));
  }
  DecideAmounts(machine, *version, {eligible.data(), eligible_count}, first_true, out);
}
template void DecideLanes(LaneMachine&, const MeasurePlan&, const OutcomeStructs&);
template void DecideLanes(LaneMachine&, const MeasurePlan&, const OutcomeColumnsAt&);
template void DecideLanes(LaneMachine&, const MeasurePlan&, const StoredOutcomes&);

Decision Decide(Evaluator& evaluator, const MeasurePlan& measure) { return DecideWith(evaluator, measure); }

BasicDecision<Cell> Decide(BatchMachine& machine, const MeasurePlan& measure) { return DecideWith(machine, measure); }

}  // namespace relief::internal
