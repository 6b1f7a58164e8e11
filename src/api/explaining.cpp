#include "api/explaining.hpp"

namespace relief::internal {

Explaining& ExplainingFor(const std::shared_ptr<const Program>& program) {
  thread_local Explaining cache;
  const bool same =
      !cache.program.expired() && !cache.program.owner_before(program) && !program.owner_before(cache.program);
  if (cache.evaluator == nullptr || !same) {
    cache.evaluator = std::make_unique<Evaluator>(*program, Evaluator::Mode::kRecord);
    cache.machine = std::make_unique<BatchMachine>(*program);
    cache.program = program;
  }
  return cache;
}

}  // namespace relief::internal
