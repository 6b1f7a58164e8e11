// The entry point: load a rule pack, read profiles against it, evaluate.
//
//   relief::RulePack pack = relief::RulePack::Load("rules/occitanie").value();
//   relief::Profile profile = pack.ReadProfile(text, "firm.yaml").value();
//   relief::Evaluation result = pack.Evaluate(profile, date);
//
// value() (and `*`, `->`) throw relief::Error with the diagnostics when the
// pack or the profile has errors; test ok() first to handle them yourself.
// A RulePack is immutable once loaded and may be shared by many threads;
// copies share the same compiled program.
#ifndef RELIEF_RULE_PACK_HPP_
#define RELIEF_RULE_PACK_HPP_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "relief/calendar.hpp"
#include "relief/checked.hpp"
#include "relief/diagnostic.hpp"
#include "relief/explanation.hpp"
#include "relief/introspection.hpp"
#include "relief/result.hpp"

namespace relief {

namespace internal {
struct Program;
struct ProfileData;
struct Access;  // src/api/access.hpp: the engine's way in
}  // namespace internal

// A business profile read and checked against a pack's facts.
class Profile {
 private:
  friend struct internal::Access;
  explicit Profile(std::shared_ptr<const internal::ProfileData> data) : data_(std::move(data)) {}
  std::shared_ptr<const internal::ProfileData> data_;
};

struct ProfileResult {
  Checked<Profile> profile;             // absent when there is an error
  std::vector<Diagnostic> diagnostics;  // errors name the field and its place
  bool ok() const { return profile.has_value(); }
  // The profile; throws relief::Error with the diagnostics when there is none.
  const Profile& value() const { return profile.value(); }
};

struct LoadResult;

// Rule files in memory: a path relative to the rules directory ("national/
// pack.yaml", "occitanie/regles/loyers.yaml") → the file's text.
using PackFiles = std::map<std::string, std::string>;

// How a pack is loaded.
struct LoadOptions {
  // Whether the rule files read by an earlier load are taken from a cache on
  // disk rather than parsed again (docs/performance.md, "The cache of read
  // rule files"). An entry is used only for a file of the same text, read by
  // the same build of relief; the pack loaded and its diagnostics are the
  // same with or without it. Setting the environment variable
  // RELIEF_NO_CACHE (to anything) turns it off too.
  bool use_cache = true;
  // The cache's directory; empty for $RELIEF_CACHE_DIR, else
  // $XDG_CACHE_HOME/relief, else $HOME/.cache/relief. It is made (mode 0700)
  // when missing; the cache is not used, silently, when the directory cannot
  // be made or written, or is not owned by this user and closed to others.
  std::string cache_directory;
};

class RulePack {
 public:
  // Loads, parses, checks and compiles the pack in `directory` and the packs
  // it imports. Never throws for a bad pack: see LoadResult::diagnostics.
  static LoadResult Load(const std::string& directory);
  static LoadResult Load(const std::string& directory, const LoadOptions& options);
  // The same from files in memory: `pack` names the pack's directory among
  // them ("occitanie"); its imports are its siblings, as on disk.
  static LoadResult Load(const PackFiles& files, const std::string& pack);
  static LoadResult Load(const PackFiles& files, const std::string& pack, const LoadOptions& options);
  // Load(directory).value(): throws relief::Error when the pack has errors.
  static RulePack LoadOrThrow(const std::string& directory);

  const PackInfo& info() const;
  // The ids of the measures, in pack order.
  std::vector<std::string> MeasureIds() const;
  // Every fact a profile may give (record fields after their record), in
  // declaration order, and every measure, in pack order.
  std::vector<FactDescription> Facts() const;
  std::vector<MeasureDescription> Measures() const;
  // Every declaration in detail: measures with their versions, conditions
  // and amounts (in French words), parameters, values and lists.
  PackDescription Description() const;

  // Reads a profile written in YAML or JSON; `file_name` is used in messages.
  ProfileResult ReadProfile(std::string_view text, const std::string& file_name = "profile") const;
  // Evaluates every measure for the month containing `date`.
  Evaluation Evaluate(const Profile& profile, Date date) const;
  // The same explanation as views, to be read in place (relief/explanation.hpp):
  // Explain(profile, date).ToEvaluation() is Evaluate(profile, date).
  Explanation Explain(const Profile& profile, Date date) const;

 private:
  friend struct internal::Access;
  explicit RulePack(std::shared_ptr<const internal::Program> program) : program_(std::move(program)) {}
  std::shared_ptr<const internal::Program> program_;
};

struct LoadResult {
  Checked<RulePack> pack;               // absent when there is an error
  std::vector<Diagnostic> diagnostics;  // errors and warnings, in file order
  bool ok() const { return pack.has_value(); }
  // The pack; throws relief::Error with the diagnostics when there is none.
  const RulePack& value() const { return pack.value(); }
};

// The bundled rule pack (the Occitanie pack): when RELIEF_RULES_DIR is set,
// that directory if it is a pack (it holds pack.yaml), else its occitanie/
// subdirectory; else the copy installed beside the library or the
// program (<prefix>/share/relief/rules, or rules/ beside the Python module),
// else, for a program run from its build tree, the source tree's.
std::string DefaultPackDirectory();

}  // namespace relief

#endif  // RELIEF_RULE_PACK_HPP_
