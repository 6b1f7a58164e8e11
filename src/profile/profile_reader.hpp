// Reads a business profile (YAML or JSON) against a program's facts: every
// field must be a known fact with a value of its type and within its bounds.
#ifndef RELIEF_PROFILE_PROFILE_READER_HPP_
#define RELIEF_PROFILE_PROFILE_READER_HPP_

#include <memory>
#include <string>
#include <string_view>

#include "core/source_file.hpp"
#include "ir/profile_data.hpp"
#include "ir/program.hpp"

namespace YAML {
class Node;
}  // namespace YAML

namespace relief::internal {

// nullptr when `sink` received an error.
std::shared_ptr<ProfileData> ReadProfile(std::shared_ptr<const Program> program, const SourceFile& file,
                                         DiagnosticSink& sink);

// The same for a profile that is one node of a larger YAML file (a test).
std::shared_ptr<ProfileData> ReadProfileNode(std::shared_ptr<const Program> program, const SourceFile& file,
                                             const YAML::Node& root, DiagnosticSink& sink);

}  // namespace relief::internal

#endif  // RELIEF_PROFILE_PROFILE_READER_HPP_
