// A compiled text pattern, for string facts declared with `pattern:`.
// The engine behind it is private to pattern.cpp, so that no phase includes
// a regular-expression header.
#ifndef RELIEF_IR_PATTERN_HPP_
#define RELIEF_IR_PATTERN_HPP_

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace relief::internal {

class Pattern {
 public:
  // The compiled pattern, or nullopt with the reason in `error`.
  static std::optional<Pattern> Compile(const std::string& text, std::string& error);

  // Whether the whole of `text` matches.
  bool FullMatch(std::string_view text) const;
  const std::string& text() const { return text_; }
  // Whether FullMatch reads the text byte by byte, without the regular
  // expression engine: a fixed sequence of ASCII characters and classes
  // ("[0-9]{9}", "[0-9]{2}\\.[0-9]{2}[A-Z]").
  bool fixed_shape() const;

 private:
  struct Engine;
  Pattern(std::string text, std::shared_ptr<const Engine> engine)
      : text_(std::move(text)), engine_(std::move(engine)) {}

  std::string text_;
  std::shared_ptr<const Engine> engine_;  // shared: patterns are immutable
};

}  // namespace relief::internal

#endif  // RELIEF_IR_PATTERN_HPP_
