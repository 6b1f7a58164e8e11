#include "api/access.hpp"

namespace relief::internal {

std::vector<Diagnostic> ErrorsOf(const std::vector<Diagnostic>& diagnostics, const std::string& where,
                                 const std::string& what) {
  std::vector<Diagnostic> errors;
  for (const Diagnostic& d : diagnostics) {
    if (d.is_error()) errors.push_back(d);
  }
  if (errors.empty()) errors.push_back(Diagnostic{Severity::kError, {where, 0, 0}, what, {}});
  return errors;
}

ProfileResult MakeProfileResult(std::shared_ptr<const ProfileData> data, std::vector<Diagnostic> diagnostics,
                                const std::string& where) {
  ProfileResult result;
  result.diagnostics = std::move(diagnostics);
  if (data) {
    result.profile = Access::MakeProfile(std::move(data));
  } else {
    result.profile = Checked<Profile>(ErrorsOf(result.diagnostics, where, "the profile has errors"));
  }
  return result;
}

}  // namespace relief::internal
