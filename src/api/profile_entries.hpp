// A profile's facts as the text a person wrote, in order: what a
// questionnaire starts from, adds answers to and saves as YAML. The values
// are checked elsewhere (ProfileBuilder); this only keeps and writes them.
#ifndef RELIEF_API_PROFILE_ENTRIES_HPP_
#define RELIEF_API_PROFILE_ENTRIES_HPP_

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace relief::internal {

struct ProfileEntry {
  std::string fact;  // a top-level fact: "effectif", "ca_mensuel", "embauche"
  std::string text;  // its value, for a single value
  // For a series, (period, value) ("2019-11", "20 000"); for a record,
  // (field, value) ("date", "2021-01-04"). Empty for a single value.
  std::vector<std::pair<std::string, std::string>> parts;
};

class ProfileEntries {
 public:
  // The scalars of a profile's YAML or JSON text that RulePack::ReadProfile
  // accepted (unknown values, written ~, are left out).
  static ProfileEntries FromYaml(const std::string& text);

  // Sets a single value (`part` empty), or an element or field of `fact`.
  void Set(const std::string& fact, const std::string& part, const std::string& text);

  const std::vector<ProfileEntry>& entries() const { return entries_; }
  int Count() const;
  // YAML, one fact a line (series and records as indented mappings); a value
  // is written in double quotes when `quoted(fact)` or when it would not read
  // back as the same text.
  std::string ToYaml(const std::function<bool(const std::string& fact)>& quoted) const;

 private:
  std::vector<ProfileEntry> entries_;
};

}  // namespace relief::internal

#endif  // RELIEF_API_PROFILE_ENTRIES_HPP_
