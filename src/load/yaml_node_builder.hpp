// Builds yaml-cpp nodes from a parser's events, as yaml-cpp's own
// NodeBuilder does, and stops (by throwing Exceeded) at the first event
// beyond a bound of docs/reliability.md: going on could reach the parser's
// own, far larger, depth. Fed by yaml-cpp's parser or by libyaml's
// (libyaml_events.hpp), so that both give the same tree.
#ifndef RELIEF_LOAD_YAML_NODE_BUILDER_HPP_
#define RELIEF_LOAD_YAML_NODE_BUILDER_HPP_

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <string>
#include <vector>

#include "load/bounded_yaml.hpp"

namespace relief::load {

class YamlNodeBuilder : public YAML::EventHandler {
 public:
  struct Exceeded {};

  YamlNodeBuilder() : memory_(std::make_shared<YAML::detail::memory_holder>()) {}

  BoundedYaml result;

  void OnDocumentStart(const YAML::Mark& mark) override;
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    YAML::detail::node& node = Make(mark, anchor);
    node.set_null();
    Attach(node);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override;
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    Open(mark, tag, anchor, style, YAML::NodeType::Sequence);
  }
  void OnSequenceEnd() override { Close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    Open(mark, tag, anchor, style, YAML::NodeType::Map);
  }
  void OnMapEnd() override { Close(); }

 private:
  struct Anchor {
    YAML::detail::node* node = nullptr;
    std::size_t size = 1;  // nodes once its aliases are expanded; 1 until it is closed
  };
  struct Collection {
    YAML::detail::node* node;
    YAML::anchor_t anchor;
    std::size_t start;                  // nodes_ when it opened
    YAML::detail::node* key = nullptr;  // a map's key waiting for its value
  };

  void Fail(const YAML::Mark& mark, std::string message) {
    result.problem = std::move(message);
    result.where = mark;
    throw Exceeded();
  }
  void Count(const YAML::Mark& mark, std::size_t n);
  YAML::detail::node& Make(const YAML::Mark& mark, YAML::anchor_t anchor);
  void Open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, YAML::EmitterStyle::value style,
            YAML::NodeType::value type);
  void Close();
  void Attach(YAML::detail::node& node);

  YAML::detail::shared_memory_holder memory_;
  std::vector<Collection> stack_;  // the open collections
  std::vector<Anchor> anchors_;    // by anchor number (from 1) in this document
  std::size_t nodes_ = 0;
  int documents_ = 0;
};

}  // namespace relief::load

#endif  // RELIEF_LOAD_YAML_NODE_BUILDER_HPP_
