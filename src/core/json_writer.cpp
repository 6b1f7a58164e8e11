#include "core/json_writer.hpp"

#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>

namespace relief::internal {

namespace {

constexpr std::uint64_t kEveryByte = 0x0101010101010101;  // 1 in each of 8 bytes
constexpr std::uint64_t kHighBits = 0x8080808080808080;

// The high bit of a byte that is 0 (or follows one that is): whether any is.
constexpr std::uint64_t ZeroBytes(std::uint64_t word) { return (word - kEveryByte) & ~word & kHighBits; }

// Whether any of the 8 bytes of `word` must be escaped: below 0x20, '"' or '\\'.
constexpr bool NeedsEscape(std::uint64_t word) {
  return (((word - 0x20 * kEveryByte) & ~word & kHighBits) | ZeroBytes(word ^ ('"' * kEveryByte)) |
          ZeroBytes(word ^ ('\\' * kEveryByte))) != 0;
}

constexpr bool NeedsEscape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

void AppendEscape(std::string& out, unsigned char c) {
  static constexpr char kHex[] = "0123456789abcdef";
  switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\b':
      out += "\\b";
      break;
    case '\f':
      out += "\\f";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    default:
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
  }
}

}  // namespace

void JsonWriter::Key(std::string_view name) {
  if (!first_) out_ += ',';
  first_ = false;
  NextLine();
  Quoted(name);
  out_ += indent_ >= 0 ? ": " : ":";
  after_key_ = true;
}

void JsonWriter::String(std::string_view text) {
  BeforeValue();
  Quoted(text);
}

void JsonWriter::Null() {
  BeforeValue();
  out_ += "null";
}

void JsonWriter::Bool(bool value) {
  BeforeValue();
  out_ += value ? "true" : "false";
}

void JsonWriter::Integer(std::int64_t value) {
  BeforeValue();
  char digits[24];
  out_.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);  // 24 > 20 digits and a sign
}

void JsonWriter::Open(char bracket) {
  BeforeValue();
  out_ += bracket;
  ++depth_;
  first_ = true;
}

void JsonWriter::Close(char bracket) {
  --depth_;
  if (!first_) NextLine();  // an empty container stays on its line: {} or []
  out_ += bracket;
  first_ = false;  // the container just closed is a member or element of its parent
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (depth_ == 0) return;  // the document itself
  if (!first_) out_ += ',';
  first_ = false;
  NextLine();
}

void JsonWriter::NextLine() {
  if (indent_ < 0) return;
  out_ += '\n';
  out_.append(static_cast<std::size_t>(indent_) * static_cast<std::size_t>(depth_), ' ');
}

// Eight bytes at a time: most of a report's characters are copied as they
// are, and checked for UTF-8 only when one is not ASCII.
void JsonWriter::Quoted(std::string_view text) {
  const std::size_t mark = out_.size();
  const char* const chars = text.data();
  const std::size_t size = text.size();
  std::uint64_t seen = 0;  // every byte OR'ed: a high bit set when one is not ASCII
  std::size_t copied = 0;  // chars before this are in out_
  out_ += '"';
  for (std::size_t i = 0; i < size;) {
    if (size - i >= 8) {
      std::uint64_t word;
      std::memcpy(&word, chars + i, 8);
      seen |= word;
      if (!NeedsEscape(word)) {
        i += 8;
        continue;
      }
    }
    for (const std::size_t end = std::min(size, i + 8); i < end; ++i) {
      const auto c = static_cast<unsigned char>(chars[i]);
      seen |= c;
      if (!NeedsEscape(c)) continue;
      out_.append(chars + copied, i - copied);
      AppendEscape(out_, c);
      copied = i + 1;
    }
  }
  out_.append(chars + copied, size - copied);
  out_ += '"';
  if ((seen & kHighBits) != 0 && !simdjson::validate_utf8(chars, size)) [[unlikely]] {
    // Profiles are checked to be UTF-8; this is a last resort, worded as
    // nlohmann::json words it (each bad byte becomes U+FFFD).
    out_.resize(mark);
    out_ += nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
}

}  // namespace relief::internal
