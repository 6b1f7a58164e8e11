#include "load/libyaml_events.hpp"

#include <yaml.h>

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "load/yaml_node_builder.hpp"

namespace relief::load {
namespace {

// libyaml counts marks in characters, yaml-cpp (and SourceFile) in bytes of
// UTF-8. Events come in text order, so a cursor moving forward makes the
// conversion linear in the text.
class MarkConverter {
 public:
  explicit MarkConverter(std::string_view text) : text_(text) {}

  YAML::Mark operator()(const yaml_mark_t& mark) {
    const std::size_t byte = ByteOf(mark.index);
    YAML::Mark out;
    out.pos = static_cast<int>(byte);
    out.line = static_cast<int>(mark.line);
    out.column = static_cast<int>(byte - line_start_);
    return out;
  }

 private:
  // Moves the cursor to `character`, noting where its line starts (found
  // on the way: a search backwards would cost a long line's length at
  // every event on it).
  std::size_t ByteOf(std::size_t character) {
    if (character < character_) character_ = byte_ = line_start_ = 0;  // rare: events out of text order
    while (character_ < character && byte_ < text_.size()) {
      if (text_[byte_++] == '\n') line_start_ = byte_;
      while (byte_ < text_.size() && (static_cast<unsigned char>(text_[byte_]) & 0xC0) == 0x80) ++byte_;
      ++character_;
    }
    return byte_;
  }

  std::string_view text_;
  std::size_t character_ = 0;
  std::size_t byte_ = 0;
  std::size_t line_start_ = 0;  // of the line byte_ is on
};

// yaml-cpp's null scalars (its IsNullString), given the empty one apart.
bool IsNullWord(std::string_view s) { return s == "~" || s == "null" || s == "Null" || s == "NULL"; }

YAML::EmitterStyle::value StyleOf(bool flow) { return flow ? YAML::EmitterStyle::Flow : YAML::EmitterStyle::Block; }

// Feeds one event to the builder; false when the event is outside the
// subset this reader answers for.
class EventFeeder {
 public:
  EventFeeder(std::string_view text, YamlNodeBuilder& builder) : text_(text), marks_(text), builder_(builder) {}

  bool Feed(const yaml_event_t& e);

 private:
  bool Scalar(const yaml_event_t& e);
  bool SequenceStart(const yaml_event_t& e);
  bool MappingStart(const yaml_event_t& e);
  YAML::anchor_t Anchor(const yaml_char_t* name);
  // Whether a node starting at `mark` in a flow collection follows a '?'
  // with no blank between ("{?a: 1}", "[?[a]]"): libyaml reads an explicit
  // key there, where yaml-cpp refuses the text (found by the pack_loader
  // fuzz target).
  bool AfterTightQuestionMark(const YAML::Mark& mark) const {
    return flow_depth_ > 0 && mark.pos > 0 && static_cast<std::size_t>(mark.pos) <= text_.size() &&
           text_[static_cast<std::size_t>(mark.pos) - 1] == '?';
  }

  std::string_view text_;
  MarkConverter marks_;
  YamlNodeBuilder& builder_;
  void Push(bool flow, bool sequence) {
    open_.push_back(flow ? (sequence ? Open::kFlowSequence : Open::kFlowMap) : Open::kBlock);
    flow_depth_ += flow;
  }
  void Pop() {
    flow_depth_ -= open_.back() != Open::kBlock;
    open_.pop_back();
  }

  enum class Open { kBlock, kFlowSequence, kFlowMap };
  std::vector<Open> open_;  // the open collections
  int flow_depth_ = 0;      // how many of them are flow collections
  int documents_ = 0;
  // yaml-cpp numbers anchors from 1 in the order they are written; a name
  // written again names the later node.
  std::unordered_map<std::string, YAML::anchor_t> anchors_;
  YAML::anchor_t last_anchor_ = YAML::NullAnchor;
};

YAML::anchor_t EventFeeder::Anchor(const yaml_char_t* name) {
  if (name == nullptr) return YAML::NullAnchor;
  anchors_[reinterpret_cast<const char*>(name)] = ++last_anchor_;
  return last_anchor_;
}

bool EventFeeder::Feed(const yaml_event_t& e) {
  switch (e.type) {
    case YAML_STREAM_START_EVENT:
    case YAML_STREAM_END_EVENT:
      return true;
    case YAML_DOCUMENT_START_EVENT:
      if (++documents_ > 1 || !e.data.document_start.implicit || e.data.document_start.version_directive != nullptr ||
          e.data.document_start.tag_directives.start != e.data.document_start.tag_directives.end) {
        return false;
      }
      builder_.OnDocumentStart(marks_(e.start_mark));
      return true;
    case YAML_DOCUMENT_END_EVENT:
      if (!e.data.document_end.implicit) return false;
      builder_.OnDocumentEnd();
      return true;
    case YAML_ALIAS_EVENT: {
      // libyaml's parser does not check that the anchor was written before.
      const auto it = anchors_.find(reinterpret_cast<const char*>(e.data.alias.anchor));
      if (it == anchors_.end()) return false;
      builder_.OnAlias(marks_(e.start_mark), it->second);
      return true;
    }
    case YAML_SCALAR_EVENT:
      return Scalar(e);
    case YAML_SEQUENCE_START_EVENT:
      return SequenceStart(e);
    case YAML_MAPPING_START_EVENT:
      return MappingStart(e);
    case YAML_SEQUENCE_END_EVENT:
      Pop();
      builder_.OnSequenceEnd();
      return true;
    case YAML_MAPPING_END_EVENT:
      Pop();
      builder_.OnMapEnd();
      return true;
    case YAML_NO_EVENT:
      break;
  }
  return false;
}

bool EventFeeder::SequenceStart(const yaml_event_t& e) {
  const auto& s = e.data.sequence_start;
  if (s.tag != nullptr) return false;
  const bool flow = s.style == YAML_FLOW_SEQUENCE_STYLE;
  const YAML::Mark mark = marks_(e.start_mark);
  if (AfterTightQuestionMark(mark)) return false;
  builder_.OnSequenceStart(mark, "?", Anchor(s.anchor), StyleOf(flow));
  Push(flow, true);
  return true;
}

bool EventFeeder::MappingStart(const yaml_event_t& e) {
  const auto& m = e.data.mapping_start;
  if (m.tag != nullptr) return false;
  const YAML::Mark mark = marks_(e.start_mark);
  if (AfterTightQuestionMark(mark)) return false;
  // A map written in a flow sequence without braces ("[a: 1]") is marked
  // otherwise by yaml-cpp.
  const bool braces = static_cast<std::size_t>(mark.pos) < text_.size() && text_[mark.pos] == '{';
  if (!open_.empty() && open_.back() == Open::kFlowSequence && !braces) return false;
  const bool flow = m.style == YAML_FLOW_MAPPING_STYLE;
  builder_.OnMapStart(mark, "?", Anchor(m.anchor), StyleOf(flow));
  Push(flow, false);
  return true;
}

bool EventFeeder::Scalar(const yaml_event_t& e) {
  const auto& s = e.data.scalar;
  if (s.tag != nullptr) return false;
  const std::string_view value(reinterpret_cast<const char*>(s.value), s.length);
  const bool plain = s.style == YAML_PLAIN_SCALAR_STYLE;
  // An empty value ("key:" then nothing) is marked by yaml-cpp at the next
  // token, by libyaml at the end of the last one.
  if (plain && value.empty()) return false;
  // Inside a flow collection yaml-cpp ends a plain text at any '?' (and then
  // mostly refuses the file); libyaml reads the '?' as part of the text.
  if (plain && flow_depth_ > 0 && value.find('?') != std::string_view::npos) return false;
  const YAML::Mark mark = marks_(e.start_mark);
  if (AfterTightQuestionMark(mark)) return false;
  if (plain && IsNullWord(value)) {
    builder_.OnNull(mark, Anchor(s.anchor));
    return true;
  }
  builder_.OnScalar(mark, plain ? "?" : "!", Anchor(s.anchor), std::string(value));
  return true;
}

// libyaml's parser and its current event, freed however the reading ends.
class Parser {
 public:
  explicit Parser(std::string_view text) {
    yaml_parser_initialize(&parser_);
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    yaml_parser_set_encoding(&parser_, YAML_UTF8_ENCODING);
  }
  ~Parser() {
    if (has_event_) yaml_event_delete(&event_);
    yaml_parser_delete(&parser_);
  }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  // The next event; null on a syntax error.
  const yaml_event_t* Next() {
    if (has_event_) yaml_event_delete(&event_);
    has_event_ = yaml_parser_parse(&parser_, &event_) != 0;
    return has_event_ ? &event_ : nullptr;
  }

 private:
  yaml_parser_t parser_{};
  yaml_event_t event_{};
  bool has_event_ = false;
};

// Texts whose lines the two parsers count differently: libyaml also breaks
// lines at a carriage return alone, NEL, LINE SEPARATOR and PARAGRAPH
// SEPARATOR; yaml-cpp skips a byte order mark in its own way.
bool LinesCountedOtherwise(std::string_view text) {
  return text.find('\r') != std::string_view::npos || text.starts_with("\xEF\xBB\xBF") ||
         text.find("\xC2\x85") != std::string_view::npos || text.find("\xE2\x80\xA8") != std::string_view::npos ||
         text.find("\xE2\x80\xA9") != std::string_view::npos;
}

}  // namespace

std::optional<BoundedYaml> LoadWithLibyaml(std::string_view text) {
  if (LinesCountedOtherwise(text)) return std::nullopt;
  YamlNodeBuilder builder;
  EventFeeder feeder(text, builder);
  Parser parser(text);
  try {
    for (;;) {
      const yaml_event_t* e = parser.Next();
      if (e == nullptr || !feeder.Feed(*e)) return std::nullopt;
      if (e->type == YAML_STREAM_END_EVENT) break;
    }
  } catch (const YamlNodeBuilder::Exceeded&) {
    return std::nullopt;  // yaml-cpp finds the same bound and says where
  }
  return std::move(builder.result);
}

}  // namespace relief::load
