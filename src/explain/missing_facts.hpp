// Stage 6: the facts still missing to decide a measure, or to compute its
// amount: MeasureResult::missing, which the explanation lists and which
// `relief batch --questions` asks for on its own (Trace::MissingFacts),
// without building the rest of the explanation.
#ifndef RELIEF_EXPLAIN_MISSING_FACTS_HPP_
#define RELIEF_EXPLAIN_MISSING_FACTS_HPP_

#include <memory>
#include <vector>

#include "eval/decision.hpp"
#include "eval/evaluator.hpp"
#include "relief/result.hpp"

namespace relief::internal {

// Appends to `keys` the facts on the unknown paths of measure `m` decided
// as `d`: of its territory, requirements and the cases tried when it is
// eligible or undetermined, and of its amount and options whatever its
// status. Nothing when it has no version for the month or is out of its
// territory. The evaluator is collecting (Evaluator::StartCollecting).
void CollectMissingKeys(Evaluator& ev, const MeasurePlan& m, const Decision& d, std::vector<MissingKey>& keys);

// `keys` sorted and made unique (in place), as missing facts whose texts
// are the program's, kept alive by `owner` (relief::Text).
std::vector<MissingFact> MissingFactsOf(const Program& program, const std::shared_ptr<const void>& owner,
                                        std::vector<MissingKey>& keys);

// Every measure's missing facts (pack order) for the profile and date the
// evaluator was Reset to.
std::vector<std::vector<MissingFact>> MissingFactsOfAll(Evaluator& ev, const std::shared_ptr<const void>& owner);

}  // namespace relief::internal

#endif  // RELIEF_EXPLAIN_MISSING_FACTS_HPP_
