// Stage 6: evaluates one measure for the evaluator's profile and date, and
// explains the outcome: status, amount, case and option, the conditions with
// their values, the reasons in French and the facts still missing.
#ifndef RELIEF_EXPLAIN_MEASURE_RESULT_HPP_
#define RELIEF_EXPLAIN_MEASURE_RESULT_HPP_

#include <memory>

#include "eval/evaluator.hpp"
#include "relief/result.hpp"

namespace relief::internal {

// Every measure of `program`, and the ranked questions. The result's texts
// share the program's (relief::Text) and keep it alive; its details,
// formatted values and formulas in words are built when first read, from
// `profile`, which it keeps alive too (explain/deferred_words.hpp).
Evaluation EvaluateAll(const std::shared_ptr<const Program>& program, const std::shared_ptr<const ProfileData>& profile,
                       Date date);
// The same with an evaluator of `Mode::kRecord` over `*program`, kept
// between calls (building one allocates and clears a slot per instruction of
// the program).
Evaluation EvaluateAll(Evaluator& evaluator, const std::shared_ptr<const Program>& program,
                       const std::shared_ptr<const ProfileData>& profile, Date date);
// The same, reading what a batch machine computed when it decided every
// measure of `profile` at `date` on a fresh run (its registers, kept by a
// relief::Trace): the evaluator takes the values of the instructions whose
// cells are known, and computes only the rest (open points' guards,
// operands that Kleene logic skipped, the paths of missing facts, strings).
Evaluation ExplainComputed(Evaluator& evaluator, const std::shared_ptr<const Program>& program,
                           const std::shared_ptr<const ProfileData>& profile, Date date, Evaluator::Computed computed);

// The missing facts of all results, each once, ranked by the number of
// results that miss it (ties in the order first met).
std::vector<MissingFact> RankQuestions(const std::vector<MeasureResult>& results);

}  // namespace relief::internal

#endif  // RELIEF_EXPLAIN_MEASURE_RESULT_HPP_
