// The engine's way into the public handles: the compiled program behind a
// RulePack and the slots behind a Profile. Private to the library, its CLI
// and its tests; nothing under include/relief/ names these types.
#ifndef RELIEF_API_ACCESS_HPP_
#define RELIEF_API_ACCESS_HPP_

#include <memory>

#include "ir/profile_data.hpp"
#include "ir/program.hpp"
#include "relief/explanation.hpp"
#include "relief/rule_pack.hpp"

namespace relief::internal {

struct Access {
  static const Program& program(const RulePack& pack) { return *pack.program_; }
  static const std::shared_ptr<const Program>& shared_program(const RulePack& pack) { return pack.program_; }
  static const ProfileData& data(const Profile& profile) { return *profile.data_; }
  static const std::shared_ptr<const ProfileData>& shared_data(const Profile& profile) { return profile.data_; }
  static RulePack MakePack(std::shared_ptr<const Program> program) { return RulePack(std::move(program)); }
  static Profile MakeProfile(std::shared_ptr<const ProfileData> data) { return Profile(std::move(data)); }
  static Explanation MakeExplanation(std::shared_ptr<const ExplanationData> data) {
    return Explanation(std::move(data));
  }
  static const ExplanationData& data(const Explanation& explanation) { return *explanation.data_; }
};

// The errors of `diagnostics` (what an unchecked value() throws); one saying
// `what` at `where` if there is none.
std::vector<Diagnostic> ErrorsOf(const std::vector<Diagnostic>& diagnostics, const std::string& where,
                                 const std::string& what);

// A ProfileResult holding `data`, or, when it is null, the errors.
ProfileResult MakeProfileResult(std::shared_ptr<const ProfileData> data, std::vector<Diagnostic> diagnostics,
                                const std::string& where);

}  // namespace relief::internal

#endif  // RELIEF_API_ACCESS_HPP_
