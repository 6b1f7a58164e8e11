#include "load/bounded_yaml.hpp"

#include <istream>
#include <streambuf>

#include "load/libyaml_events.hpp"
#include "load/yaml_node_builder.hpp"

namespace relief::load {
namespace {

// Reads a text in place: yaml-cpp wants a stream, and the text may be large.
class ViewBuffer : public std::streambuf {
 public:
  explicit ViewBuffer(std::string_view text) {
    char* begin = const_cast<char*>(text.data());  // only read: get area
    setg(begin, begin, begin + text.size());
  }
};

}  // namespace

BoundedYaml LoadBoundedYamlWithYamlCpp(std::string_view text) {
  ViewBuffer buffer(text);
  std::istream in(&buffer);
  YAML::Parser parser(in);
  YamlNodeBuilder builder;
  try {
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const YamlNodeBuilder::Exceeded&) {
  }
  return std::move(builder.result);
}

BoundedYaml LoadBoundedYaml(std::string_view text) {
  if (std::optional<BoundedYaml> fast = LoadWithLibyaml(text)) return std::move(*fast);
  return LoadBoundedYamlWithYamlCpp(text);
}

}  // namespace relief::load
