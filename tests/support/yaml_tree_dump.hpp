// A YAML tree written out as text (kind, tag, mark and text of every node,
// depth first), to compare the trees libyaml and yaml-cpp build for a text:
// tests/unit/load/libyaml_events_test.cpp and the fuzz target pack_loader.
#ifndef RELIEF_TESTS_SUPPORT_YAML_TREE_DUMP_HPP_
#define RELIEF_TESTS_SUPPORT_YAML_TREE_DUMP_HPP_

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <string>

#include "load/bounded_yaml.hpp"

namespace relief::testing {

// An alias is written out again, down to a bounded depth and size: it may
// name its own ancestor, and a few aliases can stand for many nodes.
inline void DumpYamlTree(const YAML::Node& node, int depth, std::string& out) {
  if (depth > 40 || out.size() > 4'000'000) return;
  const YAML::Mark mark = node.Mark();
  out += fmt::format("{:{}}{} {} @{}:{}:{}", "", depth, static_cast<int>(node.Type()), node.Tag(), mark.line,
                     mark.column, mark.pos);
  if (node.IsScalar()) out += " = " + node.Scalar();
  out += '\n';
  if (node.IsSequence()) {
    for (const YAML::Node& item : node) DumpYamlTree(item, depth + 1, out);
  } else if (node.IsMap()) {
    for (const auto& entry : node) {
      DumpYamlTree(entry.first, depth + 1, out);
      DumpYamlTree(entry.second, depth + 1, out);
    }
  }
}

inline std::string DumpYamlTree(const load::BoundedYaml& yaml) {
  std::string out = yaml.problem;
  if (yaml.root.IsDefined()) DumpYamlTree(yaml.root, 0, out);
  return out;
}

}  // namespace relief::testing

#endif  // RELIEF_TESTS_SUPPORT_YAML_TREE_DUMP_HPP_
