// relief::MeasureView and relief::ReasonView (relief/explanation.hpp).
#include "explain/condition_explainer.hpp"
#include "explain/explanation_data.hpp"
#include "relief/explanation.hpp"

namespace relief {

using internal::ExplainedMeasure;
using internal::InstrId;

namespace {

const ExplainedMeasure& MeasureAt(const ViewPlace& at) { return at.data->detail().measures[at.measure]; }
const internal::MeasurePlan& PlanAt(const ViewPlace& at) { return at.data->p().measures[at.measure]; }
InstrId FormulaInstr(const ExplainedMeasure& m) {
  const std::int32_t node = m.formula_node();
  return node < 0 ? internal::kNoInstr : m.layout->nodes[static_cast<std::size_t>(node)].instr;
}

const internal::CasePlan* ChosenCase(const ExplainedMeasure& m) {
  const internal::Decision& d = m.decision;
  return d.version != nullptr && d.case_index >= 0 ? &d.version->cases[d.case_index] : nullptr;
}

}  // namespace

std::string_view MeasureView::id() const { return PlanAt(at_).id; }
std::string_view MeasureView::title() const { return PlanAt(at_).title; }
std::string_view MeasureView::issuer() const { return PlanAt(at_).issuer; }
MeasureKind MeasureView::kind() const { return PlanAt(at_).kind; }
AmountPeriod MeasureView::per() const { return PlanAt(at_).per; }
std::string_view MeasureView::territory() const { return PlanAt(at_).territory; }
std::string_view MeasureView::apply() const { return PlanAt(at_).apply; }
// A status and an amount are answered without the detail (explanation_data.hpp).
Status MeasureView::status() const { return at_.data->status(at_.measure); }
std::optional<Decimal> MeasureView::amount() const { return at_.data->amount(at_.measure); }

std::string_view MeasureView::version() const {
  const internal::VersionPlan* v = MeasureAt(at_).decision.version;
  return v != nullptr ? std::string_view(v->heading) : std::string_view();
}

std::optional<Date> MeasureView::deadline() const {
  const internal::VersionPlan* v = MeasureAt(at_).decision.version;
  return v != nullptr ? v->deadline : std::nullopt;
}

std::string_view MeasureView::case_id() const {
  const internal::CasePlan* c = MeasureAt(at_).shown() ? ChosenCase(MeasureAt(at_)) : nullptr;
  return c != nullptr ? std::string_view(c->id) : std::string_view();
}

std::string_view MeasureView::case_label() const {
  const internal::CasePlan* c = MeasureAt(at_).shown() ? ChosenCase(MeasureAt(at_)) : nullptr;
  return c != nullptr ? std::string_view(c->label) : std::string_view();
}

std::string_view MeasureView::option() const {
  const internal::Decision& d = MeasureAt(at_).decision;
  if (MeasureAt(at_).amount == nullptr || d.option_index < 0) return {};
  return d.amount_plan->options[d.option_index].label;
}

std::string_view MeasureView::amount_formula() const {
  const std::int32_t node = MeasureAt(at_).formula_node();
  return node < 0 ? std::string_view() : MeasureAt(at_).layout->nodes[static_cast<std::size_t>(node)].text;
}

std::string MeasureView::amount_formula_words() const {
  const InstrId formula = FormulaInstr(MeasureAt(at_));
  if (formula == internal::kNoInstr) return {};
  return at_.data->Words(internal::DeferredWords::Kind::kWords, formula);
}

UsedValueList MeasureView::amount_values() const {
  const std::int32_t node = MeasureAt(at_).formula_node();
  if (node < 0) return {};
  const internal::IndexRange reads = MeasureAt(at_).layout->nodes[static_cast<std::size_t>(node)].reads;
  return {at_.data, at_.measure, reads.begin, reads.end};
}

std::string MeasureView::error() const {
  const internal::Decision& d = MeasureAt(at_).decision;
  if (!MeasureAt(at_).shown()) return {};
  if (d.rounding_overflow) return "dépassement de capacité en arrondissant le montant au centime";
  return d.error.is_error() ? internal::ErrorText(at_.data->p(), d.error) : std::string();
}

ViewList<ReasonView> MeasureView::reasons() const {
  const internal::IndexRange r = MeasureAt(at_).reasons;
  return {at_.data, at_.measure, r.begin, r.end};
}

ViewList<ConditionView> MeasureView::conditions() const {
  const ExplainedMeasure& m = MeasureAt(at_);
  if (!m.shown()) return {};
  return {at_.data, at_.measure, 0, static_cast<std::uint32_t>(m.decision.version->require.size())};
}

ViewList<CaseView> MeasureView::cases() const {
  const ExplainedMeasure& m = MeasureAt(at_);
  if (!m.shown()) return {};
  return {at_.data, at_.measure, 0, m.cases_tried};
}

ViewList<OptionView> MeasureView::options() const {
  const ExplainedMeasure& m = MeasureAt(at_);
  if (m.amount == nullptr) return {};
  return {at_.data, at_.measure, 0, m.amount->options.size()};
}

ViewList<MissingFactView> MeasureView::missing() const {
  const internal::IndexRange r = MeasureAt(at_).missing;
  return {at_.data, at_.measure, r.begin, r.end};
}

ViewList<std::string_view> MeasureView::sources() const {
  const internal::IndexRange r = MeasureAt(at_).sources;
  return {at_.data, at_.measure, r.begin, r.end};
}

ViewList<std::string_view> MeasureView::measure_sources() const {
  const internal::IndexRange r = MeasureAt(at_).measure_sources;
  return {at_.data, at_.measure, r.begin, r.end};
}

ViewList<std::string_view> MeasureView::open_points() const {
  const internal::IndexRange r = MeasureAt(at_).open_points;
  return {at_.data, at_.measure, r.begin, r.end};
}

// Reasons: their operands are those of relief/result.hpp's ReasonCode.

namespace {

const internal::ReasonEntry& EntryAt(const ViewPlace& at) { return at.data->detail().reasons[at.index]; }

// The label and the detail of the condition or case a reason is about.
std::string AboutOperand(const ViewPlace& at, std::size_t i) {
  const internal::ReasonEntry& e = EntryAt(at);
  const ViewPlace place{at.data, at.measure, e.index};
  using About = internal::ReasonEntry::About;
  if (e.about == About::kCondition) {
    const ConditionView c(place);
    return i == 0 ? std::string(c.label()) : c.detail();
  }
  if (e.about == About::kCase) {
    const CaseView c(place);
    return i == 0 ? std::string(c.label()) : c.detail();
  }
  return std::string(OptionView(place).label());
}

std::string TerritoryOperand(const ViewPlace& at, std::size_t i) {
  if (i == 0) return std::string(PlanAt(at).territory);
  const InstrId when = at.data->p().root(PlanAt(at).territory_when);
  return at.data->Words(internal::DeferredWords::Kind::kDetail, when);
}

std::string OutOfPeriodOperand(const ViewPlace& at, std::size_t i) {
  if (i == 0) return at.data->date().month_of().ToString();
  if (i == 1) return at.data->date().ToString();
  return PlanAt(at).versions[i - 2].period;
}

}  // namespace

ReasonCode ReasonView::code() const { return EntryAt(at_).code; }

std::size_t ReasonView::operand_count() const {
  switch (code()) {
    case ReasonCode::kOutOfPeriod:
      return 2 + PlanAt(at_).versions.size();
    case ReasonCode::kCaseUndecided:
    case ReasonCode::kAmountNeedsFacts:
    case ReasonCode::kAmountByAdvisor:
      return 0;
    case ReasonCode::kCaseChosen:
    case ReasonCode::kBestOption:
    case ReasonCode::kConditionMet:
    case ReasonCode::kRuleError:
      return 1;
    default:
      return 2;
  }
}

std::string ReasonView::operand(std::size_t i) const {
  if (i >= operand_count()) throw std::out_of_range("ReasonView::operand: no such operand");
  switch (code()) {
    case ReasonCode::kOutOfPeriod:
      return OutOfPeriodOperand(at_, i);
    case ReasonCode::kOutOfTerritory:
    case ReasonCode::kTerritoryToVerify:
      return TerritoryOperand(at_, i);
    case ReasonCode::kRuleError:
      return MeasureView(ViewPlace{at_.data, 0, at_.measure}).error();
    default:
      return AboutOperand(at_, i);
  }
}

}  // namespace relief
