// A profile resolved to the slots of a program: what the evaluator reads.
#ifndef RELIEF_IR_PROFILE_DATA_HPP_
#define RELIEF_IR_PROFILE_DATA_HPP_

#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "ir/value.hpp"

namespace relief::internal {

struct Program;

// The known elements of one series, dense from `first` (a month index or a
// year); elements not given are unknown.
struct SeriesData {
  std::int32_t first = 0;
  std::vector<Value> values;

  Value At(std::int32_t index) const {
    std::int64_t i = std::int64_t{index} - first;
    return i >= 0 && i < static_cast<std::int64_t>(values.size()) ? values[static_cast<std::size_t>(i)] : Value{};
  }
};

struct ProfileData {
  std::shared_ptr<const Program> program;  // keeps string views valid
  std::vector<Value> scalars;              // by FactInfo::slot
  std::vector<SeriesData> series;          // by FactInfo::slot
  std::deque<std::string> strings;         // storage for string values
  std::string siren;                       // carried to the output when given
};

}  // namespace relief::internal

#endif  // RELIEF_IR_PROFILE_DATA_HPP_
