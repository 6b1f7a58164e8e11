// Text from rule packs and profiles shown to people: on a terminal, in a
// report, in a message. Such text may hold control characters (ESC
// sequences that clear the screen or forge a line), invalid UTF-8, or be
// megabytes long; these functions make it safe and short to show.
#ifndef RELIEF_CORE_TEXT_SAFETY_HPP_
#define RELIEF_CORE_TEXT_SAFETY_HPP_

#include <cstddef>
#include <string>
#include <string_view>

namespace relief {

// One UTF-8 character at `text[i]`: its size in bytes (1 for an invalid
// byte) and whether it is well formed (shortest form, not a surrogate, at
// most U+10FFFF).
struct Utf8Char {
  std::size_t size = 1;
  char32_t code = 0;
  bool valid = false;
};
Utf8Char DecodeUtf8(std::string_view text, std::size_t i);

// True when `text` is well-formed UTF-8; otherwise `*bad` (if given) is the
// offset of the first byte that is not.
bool IsValidUtf8(std::string_view text, std::size_t* bad = nullptr);

// Whether a well-formed character is shown as an escape: C0 and C1 controls,
// DEL, and the bidirectional overrides that reorder what a terminal shows.
bool IsUnsafeChar(char32_t code);

// `text` with every unsafe character written as an escape ("\n", "\x1b",
// "\u202e") and every invalid byte as "\xNN"; `keep` lists the control
// characters left as they are (e.g. "\n" for a multi-line report).
std::string TerminalSafe(std::string_view text, std::string_view keep = {});

// `text` cut to at most about `max_bytes` bytes, on character boundaries,
// keeping its beginning and end with " … " between them.
std::string Clip(std::string_view text, std::size_t max_bytes);

}  // namespace relief

#endif  // RELIEF_CORE_TEXT_SAFETY_HPP_
