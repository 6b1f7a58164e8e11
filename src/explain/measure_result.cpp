// Stage 6: explains one measure for the evaluator's profile and date: the
// decision (eval/decision.hpp), then the conditions with their values, the
// cases tried, the amount and how it was computed, the reasons (as codes)
// and the facts still missing.
#include "explain/measure_result.hpp"

#include <algorithm>
#include <initializer_list>
#include <tuple>

#include "eval/decision.hpp"
#include "explain/condition_explainer.hpp"
#include "explain/deferred_words.hpp"
#include "explain/missing_facts.hpp"

namespace relief::internal {
namespace {

// Assembles a MeasureResult from the decision and the explanations of its
// conditions, cases and amount.
class MeasureExplainer {
 public:
  // `missing` is scratch space, kept between measures so that it is
  // allocated once per evaluation.
  MeasureExplainer(Evaluator& ev, std::shared_ptr<const void> owner, const std::shared_ptr<DeferredWords>& deferred,
                   std::vector<MissingKey>& missing)
      : ev_(ev), p_(ev.program()), conditions_(ev, std::move(owner), deferred), missing_(missing) {
    ev_.StartCollecting();
    missing_.clear();
  }

  // Fills `r`, a default MeasureResult.
  void Evaluate(const MeasurePlan& m, MeasureResult& r);

 private:
  void Header(const MeasurePlan& m, const Decision& d, MeasureResult& r) const;
  Text Share(std::string_view text) const { return conditions_.Share(text); }
  void Conditions(const VersionPlan& version, MeasureResult& r);
  void Cases(const VersionPlan& version, const Decision& d, MeasureResult& r);
  void Amount(const Decision& d, MeasureResult& r);
  void Options(const AmountPlan& plan, const Decision& d, MeasureResult& r);
  void Reasons(const MeasurePlan& m, const Decision& d, MeasureResult& r);
  void GatherReasons(const MeasurePlan& m, const Decision& d, const MeasureResult& r, std::vector<Reason>& reasons);
  static void EligibleReasons(const Decision& d, const MeasureResult& r, std::vector<Reason>& reasons);
  void AddOpenPoints(std::initializer_list<const std::vector<OpenPointPlan>*> lists, std::vector<Text>& out) const;

  Evaluator& ev_;
  const Program& p_;
  ConditionExplainer conditions_;
  std::vector<MissingKey>& missing_;
};

// Every option of the plan applied, with its amount and whether it won.
void MeasureExplainer::Options(const AmountPlan& plan, const Decision& d, MeasureResult& r) {
  r.options.reserve(plan.options.size());
  for (std::size_t i = 0; i < plan.options.size(); ++i) {
    const OptionPlan& o = plan.options[i];
    Value v = ev_.EvalExpr(o.amount);
    OptionResult option{Share(o.label), Share(o.source), std::nullopt, static_cast<std::int32_t>(i) == d.option_index};
    if (v.known()) option.amount = v.number;
    if (option.chosen) r.option = option.label;
    r.options.push_back(std::move(option));
  }
}

// The open points that can concern the firm: those whose guard is not
// false (an unknown guard keeps the point: it may concern the firm). Each
// list of `lists` in order, appended to `out` grown once to its size.
void MeasureExplainer::AddOpenPoints(std::initializer_list<const std::vector<OpenPointPlan>*> lists,
                                     std::vector<Text>& out) const {
  thread_local std::vector<const std::string*> kept;  // kept between calls: no allocation once warm
  kept.clear();
  for (const std::vector<OpenPointPlan>* points : lists) {
    for (const OpenPointPlan& p : *points) {
      if (p.when == kNoExpr || !ev_.EvalExpr(p.when).is_false()) kept.push_back(&p.text);
    }
  }
  if (kept.empty()) return;
  out.reserve(out.size() + kept.size());
  for (const std::string* text : kept) out.push_back(Share(*text));
}

void MeasureExplainer::Evaluate(const MeasurePlan& m, MeasureResult& r) {
  const Decision d = Decide(ev_, m);
  Header(m, d, r);
  const VersionPlan* version = d.version;
  if (version == nullptr) {
    Reason out{ReasonCode::kOutOfPeriod, {}};
    out.operands.reserve(2 + m.versions.size());
    out.operands.emplace_back(ev_.month().ToString());
    out.operands.emplace_back(ev_.date().ToString());
    for (const VersionPlan& v : m.versions) out.operands.push_back(Share(v.period));
    r.reasons.push_back(std::move(out));
    return;
  }
  if (d.out_of_territory) {
    r.reasons.push_back(
        {ReasonCode::kOutOfTerritory, {r.territory, conditions_.LaterDetail(p_.root(m.territory_when))}});
    return;
  }
  Conditions(*version, r);
  Cases(*version, d, r);
  Amount(d, r);
  Reasons(m, d, r);
  CollectMissingKeys(ev_, m, d, missing_);
  r.missing = MissingFactsOf(p_, conditions_.owner(), missing_);
}

// What the measure is, and the version in force with its sources. The open
// points are the measure's, the version's and the chosen case's (the case
// chosen is known from the decision), in that order.
void MeasureExplainer::Header(const MeasurePlan& m, const Decision& d, MeasureResult& r) const {
  r.id = Share(m.id);
  r.title = Share(m.title);
  r.issuer = Share(m.issuer);
  r.kind = m.kind;
  r.per = m.per;
  r.territory = Share(m.territory);
  r.apply = Share(m.apply);
  r.measure_sources.reserve(m.sources.size());
  for (const std::string& s : m.sources) r.measure_sources.push_back(Share(s));
  r.status = d.status;
  if (d.version == nullptr) return AddOpenPoints({&m.open_points}, r.open_points);
  r.version = Share(d.version->heading);
  r.deadline = d.version->deadline;
  const CasePlan* chosen = d.case_index >= 0 ? &d.version->cases[d.case_index] : nullptr;
  const bool case_source = chosen != nullptr && !chosen->source.empty();
  r.sources.reserve(static_cast<std::size_t>(!d.version->source.empty()) + static_cast<std::size_t>(case_source));
  if (!d.version->source.empty()) r.sources.push_back(Share(d.version->source));
  if (case_source) r.sources.push_back(Share(chosen->source));
  if (chosen == nullptr) return AddOpenPoints({&m.open_points, &d.version->open_points}, r.open_points);
  AddOpenPoints({&m.open_points, &d.version->open_points, &chosen->open_points}, r.open_points);
}

// Requirements, all shown so that the advisor sees each of them.
void MeasureExplainer::Conditions(const VersionPlan& version, MeasureResult& r) {
  r.conditions.reserve(version.require.size());
  for (const ConditionPlan& c : version.require) {
    const InstrId when = p_.root(c.when);
    Value v = ev_.Eval(when);
    ConditionResult& cr = r.conditions.emplace_back();  // built in place: it is large
    cr.label = Share(c.label);
    cr.source = Share(c.source);
    cr.outcome = OutcomeOf(v);
    cr.expression = conditions_.Text(when);
    cr.parts = conditions_.Parts(when);
    AddOpenPoints({&c.open_points}, cr.open_points);
    conditions_.UsedValues(when, cr.parts, cr.values);
    if (!v.is_true()) cr.detail = conditions_.LaterDetail(when);
  }
}

// Cases, in order, up to the first that holds; the one chosen's label (its
// source and open points are the header's).
void MeasureExplainer::Cases(const VersionPlan& version, const Decision& d, MeasureResult& r) {
  std::size_t tried = 0;  // the cases up to the first that holds, counted first to size the list
  while (tried < version.cases.size()) {
    const ExprId when = version.cases[tried++].when;
    if (when == kNoExpr || ev_.EvalExpr(when).is_true()) break;
  }
  r.cases.reserve(tried);
  for (std::size_t i = 0; i < tried; ++i) {
    const CasePlan& c = version.cases[i];
    Value v = c.when == kNoExpr ? Value::Bool(true) : ev_.EvalExpr(c.when);
    CaseResult cr{
        Share(c.id), Share(c.label), Share(c.source), OutcomeOf(v), {}, static_cast<std::int32_t>(i) == d.case_index};
    if (!v.is_true() && c.when != kNoExpr) cr.detail = conditions_.LaterDetail(p_.root(c.when));
    r.cases.push_back(std::move(cr));
  }
  if (d.case_index < 0) return;
  const CasePlan& chosen = version.cases[d.case_index];
  r.case_id = Share(chosen.id);
  r.case_label = Share(chosen.label);
}

// The amount, its options, and how it was computed.
void MeasureExplainer::Amount(const Decision& d, MeasureResult& r) {
  const AmountPlan* plan = d.amount_plan;
  if (plan != nullptr) {
    Options(*plan, d, r);
    ExprId formula = plan->amount != kNoExpr ? plan->amount
                     : d.option_index >= 0   ? plan->options[d.option_index].amount
                                             : kNoExpr;
    if (formula != kNoExpr) {
      r.amount_formula = conditions_.Text(p_.root(formula));
      r.amount_formula_words = conditions_.LaterWords(p_.root(formula));
      conditions_.UsedValues(p_.root(formula), r.amount_values);
    }
  }
  r.amount = d.amount;
  if (d.error.is_error()) r.error = conditions_.ErrorText(d.error);
  if (d.rounding_overflow) r.error = "dépassement de capacité en arrondissant le montant au centime";
}

// Why the measure has its status, as reason codes (worded by report/).
void MeasureExplainer::Reasons(const MeasurePlan& m, const Decision& d, MeasureResult& r) {
  // Gathered apart, then moved into a list allocated once to its size.
  thread_local std::vector<Reason> reasons;  // kept between calls: no allocation once warm
  reasons.clear();
  GatherReasons(m, d, r, reasons);
  if (reasons.empty()) return;
  r.reasons.reserve(r.reasons.size() + reasons.size());
  for (Reason& reason : reasons) r.reasons.push_back(std::move(reason));
  reasons.clear();
}

void MeasureExplainer::GatherReasons(const MeasurePlan& m, const Decision& d, const MeasureResult& r,
                                     std::vector<Reason>& reasons) {
  switch (r.status) {
    case Status::kEligible:
      return EligibleReasons(d, r, reasons);
    case Status::kIneligible:
      for (const ConditionResult& c : r.conditions) {
        if (c.outcome == Outcome::kUnmet) reasons.push_back({ReasonCode::kConditionUnmet, {c.label, c.detail}});
      }
      if (reasons.empty()) {
        for (const CaseResult& c : r.cases) {
          reasons.push_back({ReasonCode::kCaseNotApplicable, {c.label, c.detail}});
        }
      }
      return;
    case Status::kUndetermined:
      if (d.territory.unknown()) {
        reasons.push_back(
            {ReasonCode::kTerritoryToVerify, {r.territory, conditions_.LaterDetail(p_.root(m.territory_when))}});
      }
      for (const ConditionResult& c : r.conditions) {
        if (c.outcome == Outcome::kUnknown) reasons.push_back({ReasonCode::kToVerify, {c.label, c.detail}});
      }
      for (const CaseResult& c : r.cases) {
        if (c.outcome == Outcome::kUnknown) reasons.push_back({ReasonCode::kToVerify, {c.label, c.detail}});
      }
      return;
    case Status::kError:
      reasons.push_back({ReasonCode::kRuleError, {Text(r.error)}});
      return;
    case Status::kNotApplicable:
      return;
  }
}

void MeasureExplainer::EligibleReasons(const Decision& d, const MeasureResult& r, std::vector<Reason>& reasons) {
  if (d.case_index >= 0) reasons.push_back({ReasonCode::kCaseChosen, {r.case_label}});
  if (d.case_index < 0 && !d.version->cases.empty()) reasons.push_back({ReasonCode::kCaseUndecided, {}});
  if (!r.option.empty()) reasons.push_back({ReasonCode::kBestOption, {r.option}});
  for (const ConditionResult& c : r.conditions) reasons.push_back({ReasonCode::kConditionMet, {c.label}});
  const AmountPlan* plan = d.amount_plan;
  if (!r.amount && plan != nullptr && !plan->empty()) reasons.push_back({ReasonCode::kAmountNeedsFacts, {}});
  if (plan != nullptr && plan->empty()) reasons.push_back({ReasonCode::kAmountByAdvisor, {}});
}

}  // namespace

Evaluation EvaluateAll(const std::shared_ptr<const Program>& program, const std::shared_ptr<const ProfileData>& profile,
                       Date date) {
  Evaluator evaluator(*program, Evaluator::Mode::kRecord);
  return EvaluateAll(evaluator, program, profile, date);
}

// Reading a batch machine's registers gains nothing here: the explanation's
// own evaluation costs about what the machine's run would (callgrind,
// docs/performance.md, "Session 11"), so the evaluator computes everything.
Evaluation EvaluateAll(Evaluator& evaluator, const std::shared_ptr<const Program>& owner,
                       const std::shared_ptr<const ProfileData>& profile, Date date) {
  return ExplainComputed(evaluator, owner, profile, date, {});
}

Evaluation ExplainComputed(Evaluator& evaluator, const std::shared_ptr<const Program>& owner,
                           const std::shared_ptr<const ProfileData>& shared_profile, Date date,
                           Evaluator::Computed computed) {
  const ProfileData& profile = *shared_profile;
  const Program& program = evaluator.program();
  Evaluation result;
  result.pack = program.info;
  result.date = date;
  result.month = date.month_of();
  for (const FactInfo& f : program.facts) {
    if (f.identifies && profile.scalars[f.slot].kind == Value::Kind::kString) {
      result.firm.emplace_back(f.name, std::string(profile.scalars[f.slot].text));
    }
  }
  evaluator.Reset(profile, date);
  evaluator.Reuse(computed);
  // Built in place: a MeasureResult is large, and its texts are shared.
  result.measures.resize(program.measures.size());
  // The details, formatted values and words, built when a report reads them.
  const auto words = std::make_shared<DeferredWords>(owner, shared_profile, date);
  std::vector<MissingKey> missing;
  for (std::size_t i = 0; i < program.measures.size(); ++i) {
    MeasureExplainer(evaluator, owner, words, missing).Evaluate(program.measures[i], result.measures[i]);
  }
  result.questions = RankQuestions(result.measures);
  return result;
}

// Grouped by sorting (fact, period) views rather than by a map of key
// strings: nothing is allocated per missing fact but the questions, and the
// scratch lists are kept by the thread between calls.
std::vector<MissingFact> RankQuestions(const std::vector<MeasureResult>& results) {
  thread_local std::vector<const MissingFact*> met;  // in the order first met
  thread_local std::vector<std::uint32_t> by_key;
  met.clear();
  for (const MeasureResult& r : results) {
    for (const MissingFact& m : r.missing) met.push_back(&m);
  }
  by_key.resize(met.size());
  for (std::size_t i = 0; i < by_key.size(); ++i) by_key[i] = static_cast<std::uint32_t>(i);
  std::sort(by_key.begin(), by_key.end(), [&](std::uint32_t a, std::uint32_t b) {
    return std::tie(met[a]->fact, met[a]->period, a) < std::tie(met[b]->fact, met[b]->period, b);
  });
  struct Counted {
    std::uint32_t first;  // index in `met` of its first occurrence
    std::uint32_t count;
  };
  thread_local std::vector<Counted> order;
  order.clear();
  for (std::size_t i = 0; i < by_key.size(); ++i) {
    if (i > 0 && *met[by_key[i]] == *met[by_key[i - 1]]) {
      ++order.back().count;
    } else {
      order.push_back({by_key[i], 1});
    }
  }
  // The most missed first, ties in the order first met (`first` is unique).
  std::sort(order.begin(), order.end(), [](const Counted& a, const Counted& b) {
    return a.count != b.count ? a.count > b.count : a.first < b.first;
  });
  std::vector<MissingFact> questions;
  questions.reserve(order.size());
  for (const Counted& c : order) questions.push_back(*met[c.first]);
  met.clear();
  return questions;
}

}  // namespace relief::internal
