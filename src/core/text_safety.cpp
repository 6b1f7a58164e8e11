#include "core/text_safety.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <cstring>

namespace relief {

Utf8Char DecodeUtf8(std::string_view text, std::size_t i) {
  const unsigned char lead = static_cast<unsigned char>(text[i]);
  if (lead < 0x80) return {1, lead, true};
  std::size_t n;
  char32_t code, min;
  if ((lead & 0xE0) == 0xC0) {
    n = 1, code = lead & 0x1F, min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    n = 2, code = lead & 0x0F, min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    n = 3, code = lead & 0x07, min = 0x10000;
  } else {
    return {1, lead, false};
  }
  if (text.size() - i <= n) return {1, lead, false};
  for (std::size_t k = 1; k <= n; ++k) {
    const unsigned char c = static_cast<unsigned char>(text[i + k]);
    if ((c & 0xC0) != 0x80) return {1, lead, false};
    code = (code << 6) | (c & 0x3F);
  }
  // Overlong forms and surrogates could smuggle a character past a check.
  if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return {1, lead, false};
  return {n + 1, code, true};
}

bool IsValidUtf8(std::string_view text, std::size_t* bad) {
  for (std::size_t i = 0; i < text.size();) {
    // Rule files are mostly ASCII: eight such bytes are passed at once.
    std::uint64_t eight = 0;
    if (text.size() - i >= sizeof eight) {
      std::memcpy(&eight, text.data() + i, sizeof eight);
      if ((eight & 0x8080808080808080ULL) == 0) {
        i += sizeof eight;
        continue;
      }
    }
    const Utf8Char c = DecodeUtf8(text, i);
    if (!c.valid) {
      if (bad != nullptr) *bad = i;
      return false;
    }
    i += c.size;
  }
  return true;
}

bool IsUnsafeChar(char32_t code) {
  return code < 0x20 || code == 0x7F || (code >= 0x80 && code <= 0x9F) || (code >= 0x202A && code <= 0x202E) ||
         (code >= 0x2066 && code <= 0x2069);
}

namespace {

void AppendEscape(std::string& out, char32_t code) {
  switch (code) {
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    case '\t':
      out += "\\t";
      return;
    default:
      break;
  }
  out += code < 0x80 ? fmt::format("\\x{:02x}", static_cast<unsigned>(code))
                     : fmt::format("\\u{:04x}", static_cast<unsigned>(code));
}

}  // namespace

std::string TerminalSafe(std::string_view text, std::string_view keep) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Char c = DecodeUtf8(text, i);
    if (!c.valid) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned>(static_cast<unsigned char>(text[i])));
    } else if (IsUnsafeChar(c.code) && (c.code >= 0x80 || keep.find(static_cast<char>(c.code)) == keep.npos)) {
      AppendEscape(out, c.code);
    } else {
      out.append(text.substr(i, c.size));
    }
    i += c.size;
  }
  return out;
}

namespace {

// The nearest character boundary at or before `i` (UTF-8 continuation bytes
// are 10xxxxxx).
std::size_t BoundaryBefore(std::string_view text, std::size_t i) {
  while (i > 0 && i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  return i;
}

}  // namespace

std::string Clip(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  const std::size_t head = BoundaryBefore(text, max_bytes * 2 / 3);
  const std::size_t tail = BoundaryBefore(text, text.size() - max_bytes / 3);
  return fmt::format("{} … {}", text.substr(0, head), text.substr(tail));
}

}  // namespace relief
