// Writes a JSON document straight into a string, value after value, with no
// document tree in between: the evaluation report is ~170 kB of French text
// for one firm of the bundled pack, and building it as a nlohmann::json tree
// first cost ~15× the evaluation itself (docs/performance.md, "JSON report").
// `relief batch` writes its JSON lines with it too (the same escaping).
//
// The layout is nlohmann::json's dump(indent): with indent >= 0, one member
// or element per line, indented by `indent` spaces per level, "key": value,
// empty containers as {} and []; with indent < 0, everything on one line.
// Strings are escaped as dump does with ensure_ascii off: \" \\ \b \f \n \r
// \t, other control characters as \u00XX, everything else as is; a string
// that is not valid UTF-8 has its bad bytes replaced by U+FFFD.
#ifndef RELIEF_CORE_JSON_WRITER_HPP_
#define RELIEF_CORE_JSON_WRITER_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "relief/decimal.hpp"

namespace relief::internal {

class JsonWriter {
 public:
  JsonWriter(std::string& out, int indent) : out_(out), indent_(indent) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  // The name of an object's next member; its value is what is written next.
  void Key(std::string_view name);

  void String(std::string_view text);
  void Null();
  void Bool(bool value);
  void Integer(std::int64_t value);
  // `text`, or null when it is empty.
  void StringOrNull(std::string_view text) { text.empty() ? Null() : String(text); }
  // An amount to the cent as a string ("1500.00", exact), or null.
  void AmountOrNull(const std::optional<Decimal>& amount) { amount ? String(amount->ToFixed(2)) : Null(); }

  // A member: its name, then its value.
  void Member(std::string_view name, std::string_view text) {
    Key(name);
    String(text);
  }
  void MemberOrNull(std::string_view name, std::string_view text) {
    Key(name);
    StringOrNull(text);
  }
  void AmountMember(std::string_view name, const std::optional<Decimal>& amount) {
    Key(name);
    AmountOrNull(amount);
  }

 private:
  void Open(char bracket);
  void Close(char bracket);
  // Before a value: the comma and line break of an array's next element
  // (nothing after a key, which wrote its own).
  void BeforeValue();
  void NextLine();
  void Quoted(std::string_view text);

  std::string& out_;
  const int indent_;
  int depth_ = 0;
  bool first_ = true;       // no member or element yet in the open container
  bool after_key_ = false;  // a key was written, its value not yet
};

}  // namespace relief::internal

#endif  // RELIEF_CORE_JSON_WRITER_HPP_
