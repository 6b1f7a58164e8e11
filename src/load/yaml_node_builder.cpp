#include "load/yaml_node_builder.hpp"

#include <fmt/format.h>

#include "core/limits.hpp"

namespace relief::load {
namespace {
struct RootTag {};
}  // namespace
}  // namespace relief::load

// yaml-cpp builds a YAML::Node from a parser's events in its NodeBuilder,
// which is not installed; the one public door to the node constructor it uses
// is the friendship YAML::Node grants to every specialisation of as_if.
template <>
struct YAML::as_if<relief::load::RootTag, void> {
  static Node Wrap(detail::node& node, const detail::shared_memory_holder& memory) { return Node(node, memory); }
};

namespace relief::load {

void YamlNodeBuilder::OnDocumentStart(const YAML::Mark& mark) {
  if (++documents_ == 2) {
    result.second_document = true;
    Fail(mark, "a second YAML document (after '---') would be ignored; a file holds one document");
  }
}

// An alias costs the size of what it names (no "billion laughs") and is the
// same node, as in YAML::Load.
void YamlNodeBuilder::OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) {
  const Anchor a = anchor >= 1 && anchor <= anchors_.size() ? anchors_[anchor - 1] : Anchor{};
  Count(mark, a.size);
  if (a.node != nullptr) Attach(*a.node);  // the parser refuses an unknown anchor before
}

void YamlNodeBuilder::OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                               const std::string& value) {
  if (value.size() > limits::kMaxScalarBytes) {
    Fail(mark, fmt::format("a text of {} bytes; at most {} are allowed", value.size(), limits::kMaxScalarBytes));
  }
  YAML::detail::node& node = Make(mark, anchor);
  node.set_scalar(value);
  node.set_tag(tag);
  Attach(node);
}

void YamlNodeBuilder::Count(const YAML::Mark& mark, std::size_t n) {
  nodes_ = nodes_ + n > limits::kMaxYamlNodes ? limits::kMaxYamlNodes + 1 : nodes_ + n;
  if (nodes_ > limits::kMaxYamlNodes) {
    Fail(mark, fmt::format("more than {} YAML nodes once aliases are expanded", limits::kMaxYamlNodes));
  }
}

YAML::detail::node& YamlNodeBuilder::Make(const YAML::Mark& mark, YAML::anchor_t anchor) {
  Count(mark, 1);
  YAML::detail::node& node = memory_->create_node();
  node.set_mark(mark);
  if (anchor != 0) {
    if (anchor > anchors_.size()) anchors_.resize(anchor);
    anchors_[anchor - 1] = {&node, 1};
  }
  return node;
}

void YamlNodeBuilder::Open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                           YAML::EmitterStyle::value style, YAML::NodeType::value type) {
  YAML::detail::node& node = Make(mark, anchor);
  stack_.push_back({&node, anchor, nodes_});
  if (stack_.size() > static_cast<std::size_t>(limits::kMaxYamlDepth)) {
    Fail(mark, fmt::format("nested more than {} levels deep", limits::kMaxYamlDepth));
  }
  node.set_type(type);
  node.set_tag(tag);
  node.set_style(style);
}

void YamlNodeBuilder::Close() {
  const Collection c = stack_.back();
  stack_.pop_back();
  if (c.anchor != 0) anchors_[c.anchor - 1].size = nodes_ - c.start + 1;
  Attach(*c.node);
}

// Hands a finished node to the collection that holds it, or makes it the
// document's root.
void YamlNodeBuilder::Attach(YAML::detail::node& node) {
  if (stack_.empty()) {
    result.root = YAML::as_if<RootTag, void>::Wrap(node, memory_);
    return;
  }
  Collection& parent = stack_.back();
  if (parent.node->type() == YAML::NodeType::Sequence) {
    parent.node->push_back(node, memory_);
  } else if (parent.key == nullptr) {
    parent.key = &node;
  } else {
    parent.node->insert(*parent.key, node, memory_);
    parent.key = nullptr;
  }
}

}  // namespace relief::load
