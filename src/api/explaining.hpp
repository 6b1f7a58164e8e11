// This thread's explaining evaluator and batch machine for a program, kept
// between calls by RulePack::Evaluate and Trace::Explain.
#ifndef RELIEF_API_EXPLAINING_HPP_
#define RELIEF_API_EXPLAINING_HPP_

#include <memory>

#include "eval/batch_machine.hpp"
#include "eval/evaluator.hpp"
#include "ir/program.hpp"

namespace relief::internal {

struct Explaining {
  std::weak_ptr<const Program> program;
  std::unique_ptr<Evaluator> evaluator;  // Mode::kRecord
  std::unique_ptr<BatchMachine> machine;
};

// Building an evaluator allocates and clears a slot per instruction, a sixth
// of an explained evaluation of the bundled pack, and a machine plans the
// program once per date: both are kept by the thread. The cache holds the
// program weakly (it never keeps a pack alive); a pack evaluated after
// another gets new ones.
Explaining& ExplainingFor(const std::shared_ptr<const Program>& program);

}  // namespace relief::internal

#endif  // RELIEF_API_EXPLAINING_HPP_
