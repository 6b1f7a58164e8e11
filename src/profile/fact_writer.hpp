// Checks values against the facts' declarations and writes them into a
// ProfileData: the one conversion path of the YAML/JSON reader and of the
// public ProfileBuilder. Locating a problem is the caller's business: every
// method returns what is wrong as a message naming the field.
#ifndef RELIEF_PROFILE_FACT_WRITER_HPP_
#define RELIEF_PROFILE_FACT_WRITER_HPP_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "ir/profile_data.hpp"
#include "ir/program.hpp"
#include "relief/profile_builder.hpp"

namespace relief::internal {

// A fact index, or why there is none.
struct FoundFact {
  std::int32_t fact = -1;
  std::string problem;
};

class FactWriter {
 public:
  explicit FactWriter(std::shared_ptr<const Program> program);

  const Program& program() const { return *program_; }
  FoundFact Find(std::string_view name) const;  // a top-level fact
  FoundFact FindField(std::int32_t record, std::string_view field) const;
  // The index of a series element ("2020-11" → month index, "2019" → 2019).
  std::optional<std::int32_t> Period(const FactInfo& fact, std::string_view key, std::string& problem) const;

  // Each returns "" when the value was written, else the problem. `name` is
  // how messages call the field ("ca_mensuel[2020-11]").
  std::string Set(std::int32_t fact, const FactValue& value, const std::string& name);
  std::string SetElement(std::int32_t fact, std::int32_t period, const FactValue& value, const std::string& name);

  // The profile written so far (the writer can go on afterwards).
  std::shared_ptr<ProfileData> Finish() const;
  // The profile written, without a copy, when the writer is done with.
  std::shared_ptr<ProfileData> Take() &&;

 private:
  std::optional<Value> Convert(const FactInfo& fact, const FactValue& value, const std::string& name,
                               std::string& problem);
  std::optional<Value> FromText(const FactInfo& fact, Type type, const std::string& text, const std::string& name,
                                std::string& problem);
  std::string OutOfBounds(const FactInfo& fact, const Value& v, const std::string& name) const;

  std::shared_ptr<const Program> program_;
  std::shared_ptr<ProfileData> data_;
  std::map<std::int32_t, std::map<std::int32_t, Value>> series_;  // by slot, then period
};

}  // namespace relief::internal

#endif  // RELIEF_PROFILE_FACT_WRITER_HPP_
