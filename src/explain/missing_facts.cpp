#include "explain/missing_facts.hpp"

#include <algorithm>

#include "explain/condition_explainer.hpp"

namespace relief::internal {
namespace {

// The facts that could change the outcome: those on the unknown paths of
// the territory, the requirements and the cases tried.
void CollectDecisionKeys(Evaluator& ev, const MeasurePlan& m, const VersionPlan& version, const Value& territory,
                         std::vector<MissingKey>& keys) {
  const Program& p = ev.program();
  if (territory.unknown()) ev.CollectMissing(p.root(m.territory_when), keys);
  for (const ConditionPlan& c : version.require) {
    if (ev.EvalExpr(c.when).unknown()) ev.CollectMissing(p.root(c.when), keys);
  }
  for (const CasePlan& c : version.cases) {
    if (c.when == kNoExpr) break;
    const Value v = ev.EvalExpr(c.when);
    if (v.unknown()) ev.CollectMissing(p.root(c.when), keys);
    if (v.is_true()) break;
  }
}

// Those of the amount and of each option.
void CollectAmountKeys(Evaluator& ev, const AmountPlan& plan, std::vector<MissingKey>& keys) {
  const Program& p = ev.program();
  if (plan.amount != kNoExpr && ev.EvalExpr(plan.amount).unknown()) ev.CollectMissing(p.root(plan.amount), keys);
  for (const OptionPlan& o : plan.options) {
    if (ev.EvalExpr(o.amount).unknown()) ev.CollectMissing(p.root(o.amount), keys);
  }
}

}  // namespace

void CollectMissingKeys(Evaluator& ev, const MeasurePlan& m, const Decision& d, std::vector<MissingKey>& keys) {
  if (d.version == nullptr || d.out_of_territory) return;
  if (d.status == Status::kEligible || d.status == Status::kUndetermined) {
    CollectDecisionKeys(ev, m, *d.version, d.territory, keys);
  }
  if (d.amount_plan != nullptr) CollectAmountKeys(ev, *d.amount_plan, keys);
}

std::vector<MissingFact> MissingFactsOf(const Program& program, const std::shared_ptr<const void>& owner,
                                        std::vector<MissingKey>& keys) {
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  std::vector<MissingFact> facts;
  facts.reserve(keys.size());
  for (const MissingKey& k : keys) {
    const FactInfo& f = program.facts[k.fact];
    MissingFact& fact = facts.emplace_back();
    fact.fact = SharedText(owner, f.name);
    fact.label = SharedText(owner, f.label);
    if (!k.has_period) {
      fact.question = SharedText(owner, f.question);
      continue;
    }
    fact.period = PeriodText(f, k.period);
    fact.question = Text(f.question + " (" + PeriodFrench(f, k.period) + ")");
  }
  return facts;
}

std::vector<std::vector<MissingFact>> MissingFactsOfAll(Evaluator& ev, const std::shared_ptr<const void>& owner) {
  const Program& program = ev.program();
  std::vector<std::vector<MissingFact>> all(program.measures.size());
  std::vector<MissingKey> keys;
  for (std::size_t i = 0; i < program.measures.size(); ++i) {
    const MeasurePlan& m = program.measures[i];
    ev.StartCollecting();
    keys.clear();
    CollectMissingKeys(ev, m, Decide(ev, m), keys);
    all[i] = MissingFactsOf(program, owner, keys);
  }
  return all;
}

}  // namespace relief::internal
