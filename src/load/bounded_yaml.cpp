#include "load/bounded_yaml.hpp"

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>

#include <istream>
#include <streambuf>
#include <vector>

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
namespace {

// Reads a text in place: yaml-cpp wants a stream, and the text may be large.
class ViewBuffer : public std::streambuf {
 public:
  explicit ViewBuffer(std::string_view text) {
    char* begin = const_cast<char*>(text.data());  // only read: get area
    setg(begin, begin, begin + text.size());
  }
};

// Builds the nodes as yaml-cpp's NodeBuilder does, and stops the parse (by
// throwing Exceeded) at the first event beyond a bound: going on could reach
// yaml-cpp's own, far larger, depth.
class Builder : public YAML::EventHandler {
 public:
  struct Exceeded {};

  Builder() : memory_(std::make_shared<YAML::detail::memory_holder>()) {}

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

void Builder::OnDocumentStart(const YAML::Mark& mark) {
  if (++documents_ == 2) {
    result.second_document = true;
    Fail(mark, "a second YAML document (after '---') would be ignored; a file holds one document");
  }
}

// An alias costs the size of what it names (no "billion laughs") and is the
// same node, as in YAML::Load.
void Builder::OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) {
  const Anchor a = anchor >= 1 && anchor <= anchors_.size() ? anchors_[anchor - 1] : Anchor{};
  Count(mark, a.size);
  if (a.node != nullptr) Attach(*a.node);  // the parser refuses an unknown anchor before
}

void Builder::OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       const std::string& value) {
  if (value.size() > limits::kMaxScalarBytes) {
    Fail(mark, fmt::format("a text of {} bytes; at most {} are allowed", value.size(), limits::kMaxScalarBytes));
  }
  YAML::detail::node& node = Make(mark, anchor);
  node.set_scalar(value);
  node.set_tag(tag);
  Attach(node);
}

void Builder::Count(const YAML::Mark& mark, std::size_t n) {
  nodes_ = nodes_ + n > limits::kMaxYamlNodes ? limits::kMaxYamlNodes + 1 : nodes_ + n;
  if (nodes_ > limits::kMaxYamlNodes) {
    Fail(mark, fmt::format("more than {} YAML nodes once aliases are expanded", limits::kMaxYamlNodes));
  }
}

YAML::detail::node& Builder::Make(const YAML::Mark& mark, YAML::anchor_t anchor) {
  Count(mark, 1);
  YAML::detail::node& node = memory_->create_node();
  node.set_mark(mark);
  if (anchor != 0) {
    if (anchor > anchors_.size()) anchors_.resize(anchor);
    anchors_[anchor - 1] = {&node, 1};
  }
  return node;
}

void Builder::Open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
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

void Builder::Close() {
  const Collection c = stack_.back();
  stack_.pop_back();
  if (c.anchor != 0) anchors_[c.anchor - 1].size = nodes_ - c.start + 1;
  Attach(*c.node);
}

// Hands a finished node to the collection that holds it, or makes it the
// document's root.
void Builder::Attach(YAML::detail::node& node) {
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

}  // namespace

BoundedYaml LoadBoundedYaml(std::string_view text) {
  ViewBuffer buffer(text);
  std::istream in(&buffer);
  YAML::Parser parser(in);
  Builder builder;
  try {
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const Builder::Exceeded&) {
  }
  return std::move(builder.result);
}

}  // namespace relief::load
