#include "api/recording_evaluator.hpp"

namespace relief::internal {

Evaluator& RecordingEvaluator(const std::shared_ptr<const Program>& program) {
  struct Cache {
    std::weak_ptr<const Program> program;
    std::unique_ptr<Evaluator> evaluator;
  };
  thread_local Cache cache;
  const bool same =
      !cache.program.expired() && !cache.program.owner_before(program) && !program.owner_before(cache.program);
  if (cache.evaluator == nullptr || !same) {
    cache.evaluator = std::make_unique<Evaluator>(*program, Evaluator::Mode::kRecord);
    cache.program = program;
  }
  return *cache.evaluator;
}

}  // namespace relief::internal
