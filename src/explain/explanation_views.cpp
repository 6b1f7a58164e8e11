// The views of relief/explanation.hpp: each reads the ExplanationData and
// the program it points into; French words are built when asked.
#include <stdexcept>

#include "explain/condition_explainer.hpp"
#include "explain/explanation_data.hpp"
#include "relief/explanation.hpp"

namespace relief {

using internal::ExplainedMeasure;
using internal::ExplanationData;
using internal::Instr;
using internal::InstrId;
using internal::Program;
using internal::ShownNode;
using internal::Value;
using internal::VersionLayout;

namespace {

const ExplainedMeasure& MeasureAt(const ViewPlace& at) { return at.data->detail().measures[at.measure]; }
const VersionLayout& LayoutAt(const ViewPlace& at) { return *MeasureAt(at).layout; }
const Value& ValueAt(const ViewPlace& at, std::int32_t slot) { return at.data->detail().ValueAt(at.measure, slot); }
std::string Words(const ViewPlace& at, internal::DeferredWords::Kind kind, InstrId instr) {
  return at.data->Words(kind, instr);
}

}  // namespace

// Used values.

namespace {

const internal::NamedRead& ReadAt(const ViewPlace& at) { return LayoutAt(at).reads[at.index]; }

// Whether read `i` is a series element listed before it in [first, i): the
// same fact at the same period (or with the same period's text, unknown).
bool Repeats(const ViewPlace& list, std::uint32_t first, std::uint32_t i) {
  const VersionLayout& layout = LayoutAt(list);
  const Program& p = list.data->p();
  const internal::NamedRead& read = layout.reads[i];
  if (read.period_slot < 0) return false;
  const Value& period = ValueAt(list, read.period_slot);
  for (std::uint32_t k = first; k < i; ++k) {
    const internal::NamedRead& earlier = layout.reads[k];
    if (earlier.period_slot < 0 || earlier.fact != read.fact) continue;
    const Value& other = ValueAt(list, earlier.period_slot);
    if (period.known() != other.known()) continue;
    if (period.known() ? period.period() == other.period()
                       : p.SourceText(p.kid(p.at(read.instr), 0)) == p.SourceText(p.kid(p.at(earlier.instr), 0))) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::uint32_t UsedValueList::Next(std::uint32_t at) const {
  const ViewPlace list{data_, measure_, first_};
  do {
    ++at;
  } while (at < last_ && Repeats(list, first_, at));
  return at;
}

std::size_t UsedValueList::size() const {
  std::size_t n = 0;
  for (auto it = begin(); it != end(); ++it) ++n;
  return n;
}

std::string UsedValueView::name() const {
  const internal::NamedRead& read = ReadAt(at_);
  if (read.period_slot < 0) return std::string(read.name);
  const Program& p = at_.data->p();
  const internal::FactInfo& f = p.facts[read.fact];
  const Value& period = ValueAt(at_, read.period_slot);
  std::string name = f.name + "[";
  name +=
      period.known() ? internal::PeriodText(f, period.period()) : std::string(p.SourceText(p.kid(p.at(read.instr), 0)));
  return name += ']';
}

std::string_view UsedValueView::label() const { return ReadAt(at_).label; }

std::string UsedValueView::value() const {
  return Words(at_, internal::DeferredWords::Kind::kValue, ReadAt(at_).instr);
}

std::string_view UsedValueView::source() const {
  const internal::NamedRead& read = ReadAt(at_);
  if (read.param < 0) return {};
  const std::string* source = at_.data->p().parameters[read.param].SourceAt(at_.data->date());
  return source != nullptr ? std::string_view(*source) : std::string_view();
}

// Conditions.

namespace {

const ShownNode& NodeAt(const ViewPlace& at) { return LayoutAt(at).nodes[at.index]; }
bool IsRequirement(const ViewPlace& at) { return at.index < MeasureAt(at).decision.version->require.size(); }

}  // namespace

std::string_view ConditionView::label() const {
  return IsRequirement(at_) ? std::string_view(MeasureAt(at_).decision.version->require[at_.index].label)
                            : expression();
}

std::string_view ConditionView::source() const {
  return IsRequirement(at_) ? std::string_view(MeasureAt(at_).decision.version->require[at_.index].source)
                            : std::string_view();
}

Outcome ConditionView::outcome() const { return internal::OutcomeOf(ValueAt(at_, NodeAt(at_).slot)); }

std::string_view ConditionView::expression() const { return NodeAt(at_).text; }

std::string ConditionView::detail() const {
  if (!has_detail()) return {};
  return Words(at_, internal::DeferredWords::Kind::kDetail, NodeAt(at_).instr);
}

UsedValueList ConditionView::values() const {
  return {at_.data, at_.measure, NodeAt(at_).reads.begin, NodeAt(at_).reads.end};
}

ViewList<std::string_view> ConditionView::open_points() const {
  if (!IsRequirement(at_)) return {};
  const internal::IndexRange r = at_.data->detail().condition_points[MeasureAt(at_).condition_points + at_.index];
  return {at_.data, at_.measure, r.begin, r.end};
}

ViewList<ConditionView> ConditionView::parts() const {
  return {at_.data, at_.measure, NodeAt(at_).parts.begin, NodeAt(at_).parts.end};
}

// Cases and options.

namespace {

const internal::CasePlan& CaseAt(const ViewPlace& at) { return MeasureAt(at).decision.version->cases[at.index]; }
std::int32_t CaseNode(const ViewPlace& at) { return LayoutAt(at).case_nodes[at.index]; }
const internal::OptionPlan& OptionAt(const ViewPlace& at) {
  return MeasureAt(at).decision.amount_plan->options[at.index];
}

}  // namespace

std::string_view CaseView::id() const { return CaseAt(at_).id; }
std::string_view CaseView::label() const { return CaseAt(at_).label; }
std::string_view CaseView::source() const { return CaseAt(at_).source; }

Outcome CaseView::outcome() const {
  const std::int32_t node = CaseNode(at_);
  return node < 0 ? Outcome::kMet : internal::OutcomeOf(ValueAt(at_, LayoutAt(at_).nodes[node].slot));
}

std::string CaseView::detail() const {
  const std::int32_t node = CaseNode(at_);
  if (node < 0 || outcome() == Outcome::kMet) return {};
  return Words(at_, internal::DeferredWords::Kind::kDetail, LayoutAt(at_).nodes[node].instr);
}

bool CaseView::chosen() const { return static_cast<std::int32_t>(at_.index) == MeasureAt(at_).decision.case_index; }

std::string_view OptionView::label() const { return OptionAt(at_).label; }
std::string_view OptionView::source() const { return OptionAt(at_).source; }

std::optional<Decimal> OptionView::amount() const {
  const ShownNode& node = LayoutAt(at_).nodes[MeasureAt(at_).amount->options.begin + at_.index];
  const Value& v = ValueAt(at_, node.slot);
  return v.known() ? std::optional<Decimal>(v.number) : std::nullopt;
}

bool OptionView::chosen() const { return static_cast<std::int32_t>(at_.index) == MeasureAt(at_).decision.option_index; }

// Missing facts.

namespace {

const internal::MissingKey& KeyAt(const ViewPlace& at) { return at.data->detail().missing[at.index]; }
const internal::FactInfo& FactAt(const ViewPlace& at) { return at.data->p().facts[KeyAt(at).fact]; }

}  // namespace

std::string_view MissingFactView::fact() const { return FactAt(at_).name; }
std::string_view MissingFactView::label() const { return FactAt(at_).label; }

std::string MissingFactView::period() const {
  return KeyAt(at_).has_period ? internal::PeriodText(FactAt(at_), KeyAt(at_).period) : std::string();
}

std::string MissingFactView::question() const {
  const internal::FactInfo& f = FactAt(at_);
  if (!KeyAt(at_).has_period) return f.question;
  return f.question + " (" + internal::PeriodFrench(f, KeyAt(at_).period) + ")";
}

std::string MissingFactView::Key() const {
  return KeyAt(at_).has_period ? std::string(fact()) + "." + period() : std::string(fact());
}

std::string MissingFactView::Column() const {
  return KeyAt(at_).has_period ? std::string(fact()) + "[" + period() + "]" : std::string(fact());
}

}  // namespace relief
