// The bundled pack and the example firms, for tests that run on real data.
#ifndef RELIEF_TESTS_SUPPORT_EXAMPLE_PROFILES_HPP_
#define RELIEF_TESTS_SUPPORT_EXAMPLE_PROFILES_HPP_

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "relief/rule_pack.hpp"

namespace relief::testing {

// The texts of examples/profiles/*.yaml.
inline std::vector<std::string> ExampleProfiles() {
  std::vector<std::string> texts;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(RELIEF_TEST_DIR) + "/../examples/profiles")) {
    std::ifstream in(entry.path());
    std::ostringstream text;
    text << in.rdbuf();
    texts.push_back(text.str());
  }
  return texts;
}

inline RulePack BundledPack() { return RulePack::LoadOrThrow(std::string(RELIEF_TEST_DIR) + "/../rules/occitanie"); }

// The example firms, read against `pack`.
inline std::vector<Profile> ExampleFirms(const RulePack& pack) {
  std::vector<Profile> firms;
  for (const std::string& text : ExampleProfiles()) firms.push_back(pack.ReadProfile(text, "firm.yaml").value());
  return firms;
}

}  // namespace relief::testing

#endif  // RELIEF_TESTS_SUPPORT_EXAMPLE_PROFILES_HPP_
