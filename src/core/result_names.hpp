// Every name of the public enumerations whose names rule files use, for
// messages that list what was expected.
#ifndef RELIEF_CORE_RESULT_NAMES_HPP_
#define RELIEF_CORE_RESULT_NAMES_HPP_

#include <string_view>
#include <vector>

namespace relief {

std::vector<std::string_view> MeasureKindNames();
std::vector<std::string_view> AmountPeriodNames();

}  // namespace relief

#endif  // RELIEF_CORE_RESULT_NAMES_HPP_
