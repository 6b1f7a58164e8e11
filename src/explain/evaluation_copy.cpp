// Explanation::ToEvaluation: an explanation copied into the owned result of
// relief/result.hpp, view by view. Texts of the pack are shared with it
// (relief::Text), and French words stay deferred: a detail, a formatted
// value or a formula in words is built when a report first reads it.
#include "explain/condition_explainer.hpp"
#include "explain/explanation_data.hpp"
#include "relief/explanation.hpp"

namespace relief {
namespace internal {
namespace {

using Kind = DeferredWords::Kind;

class EvaluationCopy {
 public:
  explicit EvaluationCopy(const ExplanationData& data)
      : data_(data),
        d_(data.detail()),
        owner_(data.program()),
        words_(std::make_shared<DeferredWords>(data.program(), data.profile_shared(), data.date())) {}

  // Measure m, whose view is `view`, into `r` (a default MeasureResult).
  void Measure(const MeasureView& view, std::uint32_t m, MeasureResult& r) const;
  MissingFact Missing(const MissingFactView& view, const MissingKey& key) const;

 private:
  relief::Text Share(std::string_view text) const { return SharedText(owner_, text); }
  relief::Text Later(Kind kind, InstrId instr) const { return DeferredWords::Defer(words_, kind, instr); }
  template <class List>
  std::vector<relief::Text> Texts(const List& list) const {
    std::vector<relief::Text> out;
    out.reserve(list.size());
    for (std::string_view text : list) out.push_back(Share(text));
    return out;
  }
  void Header(const MeasureView& view, MeasureResult& r) const;
  void Amount(const MeasureView& view, std::uint32_t m, MeasureResult& r) const;
  std::vector<UsedValue> Values(const UsedValueList& list, std::uint32_t m, IndexRange reads) const;
  void Condition(const ConditionView& view, std::uint32_t m, std::uint32_t node, ConditionResult& r) const;
  CaseResult Case(const CaseView& view, std::uint32_t m, std::uint32_t c) const;
  Reason ReasonOf(const ReasonEntry& e, std::uint32_t m, const MeasureResult& r) const;

  const ExplanationData& data_;
  const ExplanationDetail& d_;
  // The program, as the owner the texts share (converted once: a conversion
  // per text would cost an atomic increment and decrement each).
  const std::shared_ptr<const void> owner_;
  const std::shared_ptr<DeferredWords> words_;
};

void EvaluationCopy::Measure(const MeasureView& view, std::uint32_t m, MeasureResult& r) const {
  Header(view, r);
  const ExplainedMeasure& em = d_.measures[m];
  const ViewList<ConditionView> conditions = view.conditions();
  r.conditions.resize(conditions.size());
  for (std::uint32_t i = 0; i < conditions.size(); ++i) Condition(conditions[i], m, i, r.conditions[i]);
  const ViewList<CaseView> cases = view.cases();
  r.cases.reserve(cases.size());
  for (std::uint32_t c = 0; c < cases.size(); ++c) r.cases.push_back(Case(cases[c], m, c));
  Amount(view, m, r);
  r.reasons.reserve(em.reasons.size());
  for (std::uint32_t i = em.reasons.begin; i < em.reasons.end; ++i) r.reasons.push_back(ReasonOf(d_.reasons[i], m, r));
  const ViewList<MissingFactView> missing = view.missing();
  r.missing.reserve(missing.size());
  for (std::uint32_t i = 0; i < missing.size(); ++i) {
    r.missing.push_back(Missing(missing[i], d_.missing[em.missing.begin + i]));
  }
}

void EvaluationCopy::Header(const MeasureView& view, MeasureResult& r) const {
  r.id = Share(view.id());
  r.title = Share(view.title());
  r.issuer = Share(view.issuer());
  r.kind = view.kind();
  r.per = view.per();
  r.territory = Share(view.territory());
  r.apply = Share(view.apply());
  r.measure_sources = Texts(view.measure_sources());
  r.status = view.status();
  r.version = Share(view.version());
  r.deadline = view.deadline();
  r.sources = Texts(view.sources());
  r.open_points = Texts(view.open_points());
  r.case_id = Share(view.case_id());
  r.case_label = Share(view.case_label());
}

void EvaluationCopy::Amount(const MeasureView& view, std::uint32_t m, MeasureResult& r) const {
  const ViewList<OptionView> options = view.options();
  r.options.reserve(options.size());
  for (const OptionView o : options) r.options.push_back({Share(o.label()), Share(o.source()), o.amount(), o.chosen()});
  r.option = Share(view.option());
  const ExplainedMeasure& em = d_.measures[m];
  if (const std::int32_t node = em.formula_node(); node >= 0) {
    const ShownNode& n = em.layout->nodes[static_cast<std::size_t>(node)];
    r.amount_formula = Share(view.amount_formula());
    r.amount_formula_words = Later(Kind::kWords, n.instr);
    r.amount_values = Values(view.amount_values(), m, n.reads);
  }
  r.amount = view.amount();
  r.error = view.error();
}

std::vector<UsedValue> EvaluationCopy::Values(const UsedValueList& list, std::uint32_t m, IndexRange reads) const {
  std::vector<UsedValue> out;
  if (reads.size() == 0) return out;
  out.reserve(reads.size());
  const VersionLayout& layout = *d_.measures[m].layout;
  for (const UsedValueView v : list) {
    const NamedRead& read = layout.reads[v.place().index];
    relief::Text name = read.period_slot >= 0 ? relief::Text(v.name()) : Share(read.name);
    out.push_back({std::move(name), Share(v.label()), Later(Kind::kValue, read.instr), Share(v.source())});
  }
  return out;
}

// A requirement (node < the version's requirements) or an operand.
void EvaluationCopy::Condition(const ConditionView& view, std::uint32_t m, std::uint32_t node,
                               ConditionResult& r) const {
  const ShownNode& n = d_.measures[m].layout->nodes[node];
  r.label = Share(view.label());
  r.source = Share(view.source());
  r.outcome = view.outcome();
  r.expression = Share(view.expression());
  if (view.has_detail()) r.detail = Later(Kind::kDetail, n.instr);
  r.open_points = Texts(view.open_points());
  const ViewList<ConditionView> parts = view.parts();
  r.parts.resize(parts.size());
  for (std::uint32_t i = 0; i < parts.size(); ++i) Condition(parts[i], m, n.parts.begin + i, r.parts[i]);
  r.values = Values(view.values(), m, n.reads);
}

CaseResult EvaluationCopy::Case(const CaseView& view, std::uint32_t m, std::uint32_t c) const {
  CaseResult r{Share(view.id()), Share(view.label()), Share(view.source()), view.outcome(), {}, view.chosen()};
  const ExplainedMeasure& em = d_.measures[m];
  const std::int32_t node = em.layout->case_nodes[c];
  if (node >= 0 && r.outcome != Outcome::kMet) {
    r.detail = Later(Kind::kDetail, em.layout->nodes[static_cast<std::size_t>(node)].instr);
  }
  return r;
}

// The reason's operands: texts of the pack, and the details already
// deferred for the conditions and cases of `r`.
Reason EvaluationCopy::ReasonOf(const ReasonEntry& e, std::uint32_t m, const MeasureResult& r) const {
  const MeasurePlan& plan = data_.p().measures[m];
  using About = ReasonEntry::About;
  switch (e.code) {
    case ReasonCode::kOutOfPeriod: {
      Reason out{e.code, {relief::Text(data_.date().month_of().ToString()), relief::Text(data_.date().ToString())}};
      out.operands.reserve(2 + plan.versions.size());
      for (const VersionPlan& v : plan.versions) out.operands.push_back(Share(v.period));
      return out;
    }
    case ReasonCode::kOutOfTerritory:
    case ReasonCode::kTerritoryToVerify:
      return {e.code, {r.territory, Later(Kind::kDetail, data_.p().root(plan.territory_when))}};
    case ReasonCode::kCaseUndecided:
    case ReasonCode::kAmountNeedsFacts:
    case ReasonCode::kAmountByAdvisor:
      return {e.code, {}};
    case ReasonCode::kBestOption:
      return {e.code, {r.option}};
    case ReasonCode::kRuleError:
      return {e.code, {relief::Text(r.error)}};
    case ReasonCode::kCaseChosen:
      return {e.code, {r.case_label}};
    case ReasonCode::kConditionMet:
      return {e.code, {r.conditions[e.index].label}};
    default:
      if (e.about == About::kCase) return {e.code, {r.cases[e.index].label, r.cases[e.index].detail}};
      return {e.code, {r.conditions[e.index].label, r.conditions[e.index].detail}};
  }
}

MissingFact EvaluationCopy::Missing(const MissingFactView& view, const MissingKey& key) const {
  MissingFact fact;
  fact.fact = Share(view.fact());
  fact.label = Share(view.label());
  if (!key.has_period) {
    fact.question = Share(data_.p().facts[key.fact].question);
  } else {
    fact.period = view.period();
    fact.question = relief::Text(view.question());
  }
  return fact;
}

}  // namespace
}  // namespace internal

Evaluation Explanation::ToEvaluation() const {
  Evaluation out;
  if (data_ == nullptr) return out;
  const internal::ExplanationData& d = *data_;
  out.pack = d.p().info;
  out.firm = firm();
  out.date = d.date();
  out.month = d.date().month_of();
  const internal::EvaluationCopy copy(d);
  out.measures.resize(d.measure_count());  // built in place: a MeasureResult is large
  for (std::uint32_t m = 0; m < d.measure_count(); ++m) copy.Measure(measure(m), m, out.measures[m]);
  const ViewList<MissingFactView> asked = questions();
  out.questions.reserve(asked.size());
  for (const MissingFactView q : asked) out.questions.push_back(copy.Missing(q, d.detail().missing[q.place().index]));
  return out;
}

}  // namespace relief
