// Every name of the public enumerations whose names rule files use, for
// messages that list what was expected.
#ifndef RELIEF_CORE_RESULT_NAMES_HPP_
#define RELIEF_CORE_RESULT_NAMES_HPP_

#include <optional>
#include <string_view>
#include <vector>

#include "relief/result.hpp"

namespace relief {

std::vector<std::string_view> StatusNames();
std::vector<std::string_view> MeasureKindNames();
std::vector<std::string_view> AmountPeriodNames();
// The status named "eligible", "ineligible", … (as test files write it).
std::optional<Status> StatusNamed(std::string_view name);

}  // namespace relief

#endif  // RELIEF_CORE_RESULT_NAMES_HPP_
