// This thread's tools to explain a program's decisions, kept between calls
// by RulePack::Explain and a relief::Trace's explanations.
#ifndef RELIEF_EXPLAIN_EXPLAIN_TOOLS_HPP_
#define RELIEF_EXPLAIN_EXPLAIN_TOOLS_HPP_

#include <memory>

#include "eval/batch_machine.hpp"
#include "eval/evaluator.hpp"
#include "ir/program.hpp"

namespace relief::internal {

// An Evaluator of Mode::kRecord, and a BatchMachine whose plan explains
// (PlanScope::kExplain), over one program. Building an evaluator allocates
// and clears a slot per instruction, and a machine plans once per date, so
// the thread keeps them.
struct ExplainTools {
  explicit ExplainTools(const Program& program)
      : evaluator(program, Evaluator::Mode::kRecord), machine(program, PlanScope::kExplain, kPlansKept) {}
  static constexpr std::size_t kPlansKept = 24;
  Evaluator evaluator;
  BatchMachine machine;
};

// This thread's tools for `*program`. The cache holds the program weakly (it
// never keeps a pack alive); a pack explained after another gets new tools.
ExplainTools& ThreadExplainTools(const std::shared_ptr<const Program>& program);

}  // namespace relief::internal

#endif  // RELIEF_EXPLAIN_EXPLAIN_TOOLS_HPP_
