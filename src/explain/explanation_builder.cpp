// Stage 6: explains every measure for one profile at one date into an
// ExplanationDetail: the decision, then the values the views read (each
// requirement and its operands, the cases tried, the options), the open
// points and sources that apply, the reasons as codes and the missing facts
// as keys. No text is built here: relief/explanation.hpp's views read it.
#include <algorithm>
#include <tuple>

#include "explain/condition_explainer.hpp"
#include "explain/explanation_data.hpp"
#include "explain/missing_facts.hpp"

namespace relief::internal {
namespace {

using About = ReasonEntry::About;

class MeasureExplanation {
 public:
  MeasureExplanation(Evaluator& ev, ExplanationDetail& out, std::vector<MissingKey>& keys)
      : ev_(ev), p_(ev.program()), out_(out), keys_(keys) {}

  // Appends measure `index`'s explanation to `out`.
  void Build(std::uint32_t index);

 private:
  void Texts(const MeasurePlan& m, const Decision& d, ExplainedMeasure& em);
  IndexRange OpenPoints(std::initializer_list<const std::vector<OpenPointPlan>*> lists);
  void EvalNode(const ExplainedMeasure& em, std::uint32_t node);
  void Set(const ExplainedMeasure& em, std::int32_t slot, InstrId instr) {
    out_.values[em.values + static_cast<std::uint32_t>(slot)] = ev_.Eval(instr);
  }
  // The value kept in `em`'s slot.
  const Value& Kept(const ExplainedMeasure& em, std::int32_t slot) const {
    return out_.values[em.values + static_cast<std::uint32_t>(slot)];
  }
  void Requirements(const VersionPlan& version, ExplainedMeasure& em);
  void Cases(const VersionPlan& version, ExplainedMeasure& em);
  void Amount(const VersionPlan& version, ExplainedMeasure& em);
  void Reasons(const ExplainedMeasure& em);
  void EligibleReasons(const ExplainedMeasure& em);
  void IneligibleReasons(const ExplainedMeasure& em);
  void UndeterminedReasons(const ExplainedMeasure& em);
  void Reason(ReasonCode code, About about = About::kMeasure, std::uint32_t index = 0) {
    out_.reasons.push_back({code, about, index});
  }
  void Missing(const MeasurePlan& m, ExplainedMeasure& em);
  Outcome CaseOutcome(const ExplainedMeasure& em, std::uint32_t c) const;

  Evaluator& ev_;
  const Program& p_;
  ExplanationDetail& out_;
  std::vector<MissingKey>& keys_;
};

void MeasureExplanation::Build(std::uint32_t index) {
  const MeasurePlan& m = p_.measures[index];
  ev_.StartCollecting();
  ExplainedMeasure& em = out_.measures.emplace_back();  // reserved: never moved
  em.decision = Decide(ev_, m);
  const Decision& d = em.decision;
  Texts(m, d, em);
  em.reasons.begin = em.reasons.end = static_cast<std::uint32_t>(out_.reasons.size());
  em.missing.begin = em.missing.end = static_cast<std::uint32_t>(out_.missing.size());
  em.condition_points = static_cast<std::uint32_t>(out_.condition_points.size());
  if (d.version == nullptr) {
    Reason(ReasonCode::kOutOfPeriod);
  } else {
    em.layout = &p_.explain_layouts[index][static_cast<std::size_t>(d.version - m.versions.data())];
    em.values = static_cast<std::uint32_t>(out_.values.size());
    out_.values.resize(out_.values.size() + em.layout->slots.size());
    if (d.out_of_territory) {
      Reason(ReasonCode::kOutOfTerritory);
    } else {
      Requirements(*d.version, em);
      Cases(*d.version, em);
      Amount(*d.version, em);
      Reasons(em);
      Missing(m, em);
    }
  }
  em.reasons.end = static_cast<std::uint32_t>(out_.reasons.size());
}

// The measure's sources, and the version's and chosen case's; the open
// points of the measure, the version and the chosen case, in that order.
void MeasureExplanation::Texts(const MeasurePlan& m, const Decision& d, ExplainedMeasure& em) {
  em.measure_sources.begin = static_cast<std::uint32_t>(out_.texts.size());
  for (const std::string& s : m.sources) out_.texts.emplace_back(s);
  em.measure_sources.end = em.sources.begin = static_cast<std::uint32_t>(out_.texts.size());
  const CasePlan* chosen = d.version != nullptr && d.case_index >= 0 ? &d.version->cases[d.case_index] : nullptr;
  if (d.version != nullptr && !d.version->source.empty()) out_.texts.emplace_back(d.version->source);
  if (chosen != nullptr && !chosen->source.empty()) out_.texts.emplace_back(chosen->source);
  em.sources.end = static_cast<std::uint32_t>(out_.texts.size());
  if (d.version == nullptr) {
    em.open_points = OpenPoints({&m.open_points});
  } else if (chosen == nullptr) {
    em.open_points = OpenPoints({&m.open_points, &d.version->open_points});
  } else {
    em.open_points = OpenPoints({&m.open_points, &d.version->open_points, &chosen->open_points});
  }
}

// The open points that can concern the firm: those whose guard is not
// false (an unknown guard keeps the point).
IndexRange MeasureExplanation::OpenPoints(std::initializer_list<const std::vector<OpenPointPlan>*> lists) {
  IndexRange range;
  range.begin = static_cast<std::uint32_t>(out_.texts.size());
  for (const std::vector<OpenPointPlan>* points : lists) {
    for (const OpenPointPlan& p : *points) {
      if (p.when == kNoExpr || !ev_.EvalExpr(p.when).is_false()) out_.texts.emplace_back(p.text);
    }
  }
  range.end = static_cast<std::uint32_t>(out_.texts.size());
  return range;
}

// The node's value, its series elements' periods, and its operands'.
void MeasureExplanation::EvalNode(const ExplainedMeasure& em, std::uint32_t node) {
  const VersionLayout& layout = *em.layout;
  const ShownNode& n = layout.nodes[node];
  Set(em, n.slot, n.instr);
  for (std::uint32_t r = n.reads.begin; r < n.reads.end; ++r) {
    const std::int32_t period = layout.reads[r].period_slot;
    if (period >= 0) Set(em, period, layout.slots[static_cast<std::size_t>(period)]);
  }
  for (std::uint32_t part = n.parts.begin; part < n.parts.end; ++part) EvalNode(em, part);
}

// Every requirement, so that the advisor sees each of them.
void MeasureExplanation::Requirements(const VersionPlan& version, ExplainedMeasure& em) {
  for (std::uint32_t i = 0; i < version.require.size(); ++i) {
    EvalNode(em, i);
    out_.condition_points.push_back(OpenPoints({&version.require[i].open_points}));
  }
}

// The cases up to the first that holds.
void MeasureExplanation::Cases(const VersionPlan& version, ExplainedMeasure& em) {
  const VersionLayout& layout = *em.layout;
  while (em.cases_tried < version.cases.size()) {
    const std::int32_t node = layout.case_nodes[em.cases_tried++];
    if (node < 0) break;
    EvalNode(em, static_cast<std::uint32_t>(node));
    if (Kept(em, layout.nodes[node].slot).is_true()) break;
  }
}

// The options of the amount applied, and the formula applied.
void MeasureExplanation::Amount(const VersionPlan& version, ExplainedMeasure& em) {
  const AmountPlan* plan = em.decision.amount_plan;
  if (plan == nullptr) return;
  em.amount = &em.layout->amount;
  for (std::size_t c = 0; c < version.cases.size(); ++c) {
    if (plan == &version.cases[c].amount) em.amount = &em.layout->case_amounts[c];
  }
  for (std::uint32_t o = em.amount->options.begin; o < em.amount->options.end; ++o) EvalNode(em, o);
  if (em.amount->formula >= 0) EvalNode(em, static_cast<std::uint32_t>(em.amount->formula));
}

Outcome MeasureExplanation::CaseOutcome(const ExplainedMeasure& em, std::uint32_t c) const {
  const std::int32_t node = em.layout->case_nodes[c];
  if (node < 0) return Outcome::kMet;
  return OutcomeOf(Kept(em, em.layout->nodes[static_cast<std::size_t>(node)].slot));
}

// Why the measure has its status, as reason codes (worded by report/).
void MeasureExplanation::Reasons(const ExplainedMeasure& em) {
  switch (em.decision.status) {
    case Status::kEligible:
      return EligibleReasons(em);
    case Status::kIneligible:
      return IneligibleReasons(em);
    case Status::kUndetermined:
      if (em.decision.territory.unknown()) Reason(ReasonCode::kTerritoryToVerify);
      return UndeterminedReasons(em);
    case Status::kError:
      return Reason(ReasonCode::kRuleError);
    case Status::kNotApplicable:
      return;
  }
}

void MeasureExplanation::EligibleReasons(const ExplainedMeasure& em) {
  const Decision& d = em.decision;
  if (d.case_index >= 0) Reason(ReasonCode::kCaseChosen, About::kCase, static_cast<std::uint32_t>(d.case_index));
  if (d.case_index < 0 && !d.version->cases.empty()) Reason(ReasonCode::kCaseUndecided);
  if (d.option_index >= 0 && !d.amount_plan->options[d.option_index].label.empty()) {
    Reason(ReasonCode::kBestOption, About::kOption, static_cast<std::uint32_t>(d.option_index));
  }
  for (std::uint32_t i = 0; i < d.version->require.size(); ++i) Reason(ReasonCode::kConditionMet, About::kCondition, i);
  const AmountPlan* plan = d.amount_plan;
  if (!d.amount && plan != nullptr && !plan->empty()) Reason(ReasonCode::kAmountNeedsFacts);
  if (plan != nullptr && plan->empty()) Reason(ReasonCode::kAmountByAdvisor);
}

void MeasureExplanation::IneligibleReasons(const ExplainedMeasure& em) {
  const std::size_t before = out_.reasons.size();
  for (std::uint32_t i = 0; i < em.decision.version->require.size(); ++i) {
    if (Kept(em, em.layout->nodes[i].slot).is_false()) Reason(ReasonCode::kConditionUnmet, About::kCondition, i);
  }
  if (out_.reasons.size() != before) return;
  for (std::uint32_t c = 0; c < em.cases_tried; ++c) Reason(ReasonCode::kCaseNotApplicable, About::kCase, c);
}

void MeasureExplanation::UndeterminedReasons(const ExplainedMeasure& em) {
  for (std::uint32_t i = 0; i < em.decision.version->require.size(); ++i) {
    if (Kept(em, em.layout->nodes[i].slot).unknown()) Reason(ReasonCode::kToVerify, About::kCondition, i);
  }
  for (std::uint32_t c = 0; c < em.cases_tried; ++c) {
    if (CaseOutcome(em, c) == Outcome::kUnknown) Reason(ReasonCode::kToVerify, About::kCase, c);
  }
}

void MeasureExplanation::Missing(const MeasurePlan& m, ExplainedMeasure& em) {
  keys_.clear();
  CollectMissingKeys(ev_, m, em.decision, keys_);
  std::sort(keys_.begin(), keys_.end());
  keys_.erase(std::unique(keys_.begin(), keys_.end()), keys_.end());
  em.missing.begin = static_cast<std::uint32_t>(out_.missing.size());
  out_.missing.insert(out_.missing.end(), keys_.begin(), keys_.end());
  em.missing.end = static_cast<std::uint32_t>(out_.missing.size());
}

}  // namespace

// Grouped by sorting indices: nothing is allocated once the thread's
// scratch lists are warm, but the ranking.
void RankQuestions(const std::vector<MissingKey>& met, std::vector<std::uint32_t>& ranked) {
  thread_local std::vector<std::uint32_t> by_key;
  by_key.resize(met.size());
  for (std::size_t i = 0; i < by_key.size(); ++i) by_key[i] = static_cast<std::uint32_t>(i);
  std::sort(by_key.begin(), by_key.end(),
            [&](std::uint32_t a, std::uint32_t b) { return std::tie(met[a], a) < std::tie(met[b], b); });
  struct Counted {
    std::uint32_t first;  // index in `met` of its first occurrence
    std::uint32_t count;
  };
  thread_local std::vector<Counted> order;
  order.clear();
  for (std::size_t i = 0; i < by_key.size(); ++i) {
    if (i > 0 && met[by_key[i]] == met[by_key[i - 1]]) {
      ++order.back().count;
    } else {
      order.push_back({by_key[i], 1});
    }
  }
  std::sort(order.begin(), order.end(), [](const Counted& a, const Counted& b) {
    return a.count != b.count ? a.count > b.count : a.first < b.first;
  });
  ranked.clear();
  ranked.reserve(order.size());
  for (const Counted& c : order) ranked.push_back(c.first);
}

void Explain(Evaluator& evaluator, const ProfileData& profile, Date date, Evaluator::Computed computed,
             ExplanationDetail& out) {
  const Program& program = evaluator.program();
  evaluator.Reset(profile, date);
  evaluator.Reuse(computed);
  const std::size_t measures = program.measures.size();
  out.measures.reserve(measures);
  const ExplainBounds& most = program.explain_bounds;
  out.values.reserve(most.values);
  out.texts.reserve(most.texts);
  out.condition_points.reserve(most.condition_points);
  out.reasons.reserve(most.reasons);
  thread_local std::vector<MissingKey> keys;  // scratch, kept by the thread
  thread_local std::size_t most_missing = 0;  // the most missing facts met by the thread: reserved at once
  out.missing.reserve(most_missing);
  for (std::size_t i = 0; i < measures; ++i) {
    MeasureExplanation(evaluator, out, keys).Build(static_cast<std::uint32_t>(i));
  }
  most_missing = std::max(most_missing, out.missing.size());
  RankQuestions(out.missing, out.questions);
}

}  // namespace relief::internal
