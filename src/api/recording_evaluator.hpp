// This thread's recording evaluator for a program, kept between calls by
// RulePack::Evaluate and Trace::Explain.
#ifndef RELIEF_API_RECORDING_EVALUATOR_HPP_
#define RELIEF_API_RECORDING_EVALUATOR_HPP_

#include <memory>

#include "eval/evaluator.hpp"
#include "ir/program.hpp"

namespace relief::internal {

// An Evaluator of Mode::kRecord over `*program`. Building one allocates and
// clears a slot per instruction, a sixth of an explained evaluation of the
// bundled pack, so the thread keeps it. The cache holds the program weakly
// (it never keeps a pack alive); a pack evaluated after another gets a new
// evaluator.
Evaluator& RecordingEvaluator(const std::shared_ptr<const Program>& program);

}  // namespace relief::internal

#endif  // RELIEF_API_RECORDING_EVALUATOR_HPP_
