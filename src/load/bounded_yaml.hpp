// One pass over a YAML text that builds its node tree and, while it does,
// bounds what a hostile file could make us build or walk: the nesting depth,
// the number of nodes once aliases are expanded, the size of a scalar and
// the number of documents (docs/reliability.md).
#ifndef RELIEF_LOAD_BOUNDED_YAML_HPP_
#define RELIEF_LOAD_BOUNDED_YAML_HPP_

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>

namespace relief::load {

struct BoundedYaml {
  YAML::Node root;               // the first document's (a null node for an empty text)
  std::string problem;           // why the text is refused; empty when it is within bounds
  YAML::Mark where;              // where the problem is
  bool second_document = false;  // `where` is then the second document's start
};

// Throws YAML::ParserException on a syntax error, as YAML::Load does.
// Reads the text with libyaml when it can (libyaml_events.hpp), else with
// yaml-cpp: the tree, marks and messages are yaml-cpp's either way.
BoundedYaml LoadBoundedYaml(std::string_view text);

// The same with yaml-cpp's parser alone, the reference.
BoundedYaml LoadBoundedYamlWithYamlCpp(std::string_view text);

}  // namespace relief::load

#endif  // RELIEF_LOAD_BOUNDED_YAML_HPP_
