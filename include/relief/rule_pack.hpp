// The entry point: load a rule pack, read profiles against it, evaluate.
//
//   relief::LoadResult loaded = relief::RulePack::Load("rules/occitanie");
//   if (!loaded.ok()) { std::cerr << relief::FormatDiagnostics(loaded.diagnostics); }
//   relief::ProfileResult profile = loaded.pack->ReadProfile(text, "firm.yaml");
//   relief::Evaluation result = loaded.pack->Evaluate(*profile.profile, date);
//
// A RulePack is immutable once loaded and may be shared by many threads;
// copies share the same compiled program.
#ifndef RELIEF_RULE_PACK_HPP_
#define RELIEF_RULE_PACK_HPP_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relief/calendar.hpp"
#include "relief/diagnostic.hpp"
#include "relief/result.hpp"

namespace relief {

namespace internal {
struct Program;
struct ProfileData;
}  // namespace internal

class RulePack;

// A business profile read and checked against a pack's facts.
class Profile {
 public:
  const internal::ProfileData& data() const { return *data_; }

 private:
  friend class RulePack;
  explicit Profile(std::shared_ptr<const internal::ProfileData> data) : data_(std::move(data)) {}
  std::shared_ptr<const internal::ProfileData> data_;
};

struct ProfileResult {
  std::optional<Profile> profile;        // absent when there is an error
  std::vector<Diagnostic> diagnostics;   // errors name the field and its place
  bool ok() const { return profile.has_value(); }
};

struct LoadResult;

class RulePack {
 public:
  // Loads, parses, checks and compiles the pack in `directory` and the packs
  // it imports. Never throws for a bad pack: see LoadResult::diagnostics.
  static LoadResult Load(const std::string& directory);
  // The same, throwing relief::Error when the pack has errors.
  static RulePack LoadOrThrow(const std::string& directory);

  const PackInfo& info() const;
  // The ids of the measures, in pack order.
  std::vector<std::string> MeasureIds() const;

  // Reads a profile written in YAML or JSON; `file_name` is used in messages.
  ProfileResult ReadProfile(std::string_view text, const std::string& file_name = "profile") const;
  // Evaluates every measure for the month containing `date`.
  Evaluation Evaluate(const Profile& profile, Date date) const;

  const internal::Program& program() const { return *program_; }

 private:
  explicit RulePack(std::shared_ptr<const internal::Program> program) : program_(std::move(program)) {}
  static LoadResult LoadChecked(const std::string& directory);
  std::shared_ptr<const internal::Program> program_;
};

struct LoadResult {
  std::optional<RulePack> pack;          // absent when there is an error
  std::vector<Diagnostic> diagnostics;   // errors and warnings, in file order
  bool ok() const { return pack.has_value(); }
};

// The rule pack installed with the library (the Occitanie pack).
std::string DefaultPackDirectory();

}  // namespace relief

#endif  // RELIEF_RULE_PACK_HPP_
