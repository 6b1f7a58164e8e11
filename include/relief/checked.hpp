// A value that may be absent because of errors, and that says why when it is
// dereferenced anyway.
//
// LoadResult::pack and ProfileResult::profile are Checked: `*result.profile`
// on a profile with a typo throws relief::Error carrying the diagnostics,
// rather than dereferencing an empty optional (undefined behaviour).
#ifndef RELIEF_CHECKED_HPP_
#define RELIEF_CHECKED_HPP_

#include <optional>
#include <utility>
#include <vector>

#include "relief/diagnostic.hpp"

namespace relief {

template <class T>
class Checked {
 public:
  Checked() = default;
  Checked(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  // Absent because of `errors` (what value() throws).
  explicit Checked(std::vector<Diagnostic> errors) : errors_(std::move(errors)) {}

  bool has_value() const { return value_.has_value(); }
  explicit operator bool() const { return has_value(); }

  // Throw relief::Error with the diagnostics when absent.
  const T& value() const& { return Get(); }
  T& value() & { return const_cast<T&>(Get()); }
  T&& value() && { return std::move(const_cast<T&>(Get())); }
  const T& operator*() const& { return Get(); }
  T& operator*() & { return const_cast<T&>(Get()); }
  T&& operator*() && { return std::move(const_cast<T&>(Get())); }
  const T* operator->() const { return &Get(); }
  T* operator->() { return &const_cast<T&>(Get()); }

 private:
  const T& Get() const {
    if (!value_)
      throw Error(errors_.empty() ? std::vector<Diagnostic>{Diagnostic{Severity::kError, {}, "no value", {}}}
                                  : errors_);
    return *value_;
  }
  std::optional<T> value_;
  std::vector<Diagnostic> errors_;
};

}  // namespace relief

#endif  // RELIEF_CHECKED_HPP_
