#include "ir/program.hpp"

namespace relief::internal {

std::string VersionPlan::Period() const {
  if (!whole_months) return from.ToString() + ".." + to.ToString();
  Month first = from.month_of(), last = to.month_of();
  return first == last ? first.ToString() : first.ToString() + ".." + last.ToString();
}

}  // namespace relief::internal
