// A profile resolved to the slots of a program: what the evaluator reads.
#ifndef RELIEF_IR_PROFILE_DATA_HPP_
#define RELIEF_IR_PROFILE_DATA_HPP_

#include <array>
#include <cstring>
#include <forward_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ir/cell.hpp"
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

// Storage for a profile's string values, at stable addresses (values point
// into it): the first bytes in a buffer inside the profile, so that a
// profile of short codes (SIREN, NAF, département) allocates nothing for
// them, and each string that does not fit there in a block of its own.
class StringStore {
 public:
  StringStore() {}                           // NOLINT(modernize-use-equals-default): the buffer is left uninitialised
  StringStore(const StringStore&) = delete;  // would leave values pointing into the original
  StringStore& operator=(const StringStore&) = delete;

  // A copy of `text`, valid as long as the store.
  std::string_view emplace_back(std::string_view text) {
    if (text.size() > local_.size() - used_) return blocks_.emplace_front(text);
    char* at = local_.data() + used_;
    if (!text.empty()) std::memcpy(at, text.data(), text.size());
    used_ += text.size();
    return {at, text.size()};
  }
  // Forgets every string (the values pointing into the store must go too).
  void clear() {
    used_ = 0;
    blocks_.clear();
  }

 private:
  std::array<char, 128> local_;
  std::size_t used_ = 0;
  std::forward_list<std::string> blocks_;
};

struct ProfileData {
  std::shared_ptr<const Program> program;  // keeps string views valid
  std::vector<Value> scalars;              // by FactInfo::slot
  // The scalars again as the batch machines read them (a string as its
  // interned id), converted once when the profile is finished rather than at
  // every evaluation.
  std::vector<Cell> cells;
  std::vector<SeriesData> series;  // by FactInfo::slot
  StringStore strings;             // storage for string values
  std::string siren;               // carried to the output when given
};

}  // namespace relief::internal

#endif  // RELIEF_IR_PROFILE_DATA_HPP_
