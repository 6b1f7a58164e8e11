// Fuzzes the JSON writer of the reports (src/core/json_writer.hpp)
// against nlohmann::json, which it replaced: the input is read as a
// sequence of writing steps (open an object or an array, close one, write a
// string, null or a boolean); the same document is built as a nlohmann tree,
// and what the writer wrote must be, byte for byte, what dump writes for
// the tree (bad UTF-8 replaced by U+FFFD), at the indent the first byte
// chooses. A difference aborts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/json_writer.hpp"

namespace {

using Json = nlohmann::ordered_json;

// The fuzzer's bytes, taken from the front.
class Steps {
 public:
  explicit Steps(std::string_view bytes) : bytes_(bytes) {}
  bool empty() const { return bytes_.empty(); }
  std::uint8_t Byte() {
    const std::uint8_t b = static_cast<std::uint8_t>(bytes_.front());
    bytes_.remove_prefix(1);
    return b;
  }
  // A length byte (below 32), then that many bytes (fewer at the end).
  std::string_view Text() {
    const std::size_t n = empty() ? 0 : std::min<std::size_t>(Byte() % 32, bytes_.size());
    const std::string_view text = bytes_.substr(0, n);
    bytes_.remove_prefix(n);
    return text;
  }

 private:
  std::string_view bytes_;
};

// Writes the same document with the writer and into a nlohmann tree.
class Both {
 public:
  Both(std::string& out, int indent) : writer_(out, indent) {}

  void Open(bool object) {
    Json& node = Add(object ? Json::object() : Json::array());
    object ? writer_.BeginObject() : writer_.BeginArray();
    open_.push_back(&node);
  }
  void Close() {
    open_.back()->is_object() ? writer_.EndObject() : writer_.EndArray();
    open_.pop_back();
  }
  void String(std::string_view text) {
    Add(Json(std::string(text)));
    writer_.String(text);
  }
  void Null() {
    Add(Json(nullptr));
    writer_.Null();
  }
  void Bool(bool value) {
    Add(Json(value));
    writer_.Bool(value);
  }
  // An object's members need a name first: `key`, made unique by the
  // member's position (nlohmann keeps one member per name).
  void KeyIfInObject(std::string_view key) {
    if (open_.empty() || !open_.back()->is_object()) return;
    key_ = std::string(key) + "#" + std::to_string(open_.back()->size());
    writer_.Key(key_);
  }
  bool done() const { return open_.empty() && started_; }
  std::size_t depth() const { return open_.size(); }
  const Json& document() const { return root_; }

 private:
  Json& Add(Json value) {
    started_ = true;
    if (open_.empty()) return root_ = std::move(value);
    Json& parent = *open_.back();
    if (parent.is_object()) return parent[key_] = std::move(value);
    parent.push_back(std::move(value));
    return parent.back();
  }

  relief::internal::JsonWriter writer_;
  Json root_;
  std::vector<Json*> open_;  // the containers not closed yet, innermost last
  std::string key_;
  bool started_ = false;
};

void Step(Steps& steps, Both& both) {
  const std::uint8_t op = steps.Byte();
  if (op % 8 == 2) {
    if (both.depth() > 0) both.Close();
    return;
  }
  both.KeyIfInObject(steps.Text());
  switch (op % 8) {
    case 0:
    case 1:
      if (both.depth() < 32) return both.Open(op % 8 == 0);
      return both.Null();
    case 3:
      return both.Null();
    case 4:
      return both.Bool((op & 0x80) != 0);
    default:
      return both.String(steps.Text());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Steps steps(std::string_view(reinterpret_cast<const char*>(data), size));
  if (steps.empty()) return 0;
  const int indent = static_cast<int>(steps.Byte() % 6) - 1;  // -1 (one line) to 4
  std::string written;
  Both both(written, indent);
  while (!steps.empty() && !both.done()) Step(steps, both);
  if (!both.done() && both.depth() == 0) return 0;  // nothing written
  while (both.depth() > 0) both.Close();
  const std::string dumped = both.document().dump(indent, ' ', false, Json::error_handler_t::replace);
  if (written != dumped) std::abort();
  return 0;
}
