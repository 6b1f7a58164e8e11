#include "explain/explain_tools.hpp"

namespace relief::internal {

ExplainTools& ThreadExplainTools(const std::shared_ptr<const Program>& program) {
  struct Cache {
    std::weak_ptr<const Program> program;
    std::unique_ptr<ExplainTools> tools;
  };
  thread_local Cache cache;
  const bool same =
      !cache.program.expired() && !cache.program.owner_before(program) && !program.owner_before(cache.program);
  if (cache.tools == nullptr || !same) {
    cache.tools = std::make_unique<ExplainTools>(*program);
    cache.program = program;
  }
  return *cache.tools;
}

}  // namespace relief::internal
