// An immutable string shared rather than copied: the texts of a result that
// come from the rule pack (ids, titles, labels, sources, questions, the text
// of an expression) refer to the pack's own storage and keep it alive, so
// that an evaluation does not copy them, and a result stays valid after its
// RulePack is destroyed.
#ifndef RELIEF_TEXT_HPP_
#define RELIEF_TEXT_HPP_

#include <compare>
#include <cstddef>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace relief {

// Copying a Text shares its characters (a reference count, no allocation);
// a Text made from a std::string or a literal owns a copy of it (held in the
// Text itself up to kShort characters, else in one shared block). Its
// characters are not NUL-terminated (a Text may be a slice of a longer
// text): read it as a std::string_view, or copy it with str().
class Text {
 public:
  static constexpr std::size_t kShort = 20;

  Text() noexcept = default;
  Text(const Text&) = default;
  Text& operator=(const Text&) = default;
  // A moved-from Text is empty.
  Text(Text&& other) noexcept { *this = std::move(other); }
  Text& operator=(Text&& other) noexcept;

  Text(std::string_view text);  // NOLINT(google-explicit-constructor): a copy, like std::string's
  Text(const std::string& text) : Text(std::string_view(text)) {}  // NOLINT(google-explicit-constructor)
  Text(const char* text) : Text(std::string_view(text)) {}         // NOLINT(google-explicit-constructor)
  // Refers to `text`, which `owner` keeps alive (no copy).
  Text(std::shared_ptr<const void> owner, std::string_view text) noexcept
      : chars_(std::move(owner), text.data()), size_(text.size()) {}

  std::string_view view() const noexcept { return {chars_ ? chars_.get() : short_, size_}; }
  operator std::string_view() const noexcept { return view(); }  // NOLINT(google-explicit-constructor)
  // A copy (allocates when longer than std::string's inline buffer).
  std::string str() const { return std::string(view()); }
  operator std::string() const { return str(); }  // NOLINT(google-explicit-constructor)

  const char* data() const noexcept { return view().data(); }
  std::size_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }
  const char* begin() const noexcept { return data(); }
  const char* end() const noexcept { return data() + size_; }

  friend bool operator==(const Text& a, const Text& b) noexcept { return a.view() == b.view(); }
  friend bool operator==(const Text& a, std::string_view b) noexcept { return a.view() == b; }
  friend bool operator==(const Text& a, const std::string& b) noexcept { return a.view() == b; }
  friend bool operator==(const Text& a, const char* b) noexcept { return a.view() == b; }
  friend std::strong_ordering operator<=>(const Text& a, const Text& b) noexcept { return a.view() <=> b.view(); }

  friend std::string operator+(const Text& a, std::string_view b) { return std::string(a.view()).append(b); }
  friend std::string operator+(std::string_view a, const Text& b) { return std::string(a).append(b.view()); }
  friend std::string operator+(std::string&& a, const Text& b) { return std::move(a.append(b.view())); }
  friend std::string operator+(const char* a, const Text& b) { return std::string(a).append(b.view()); }
  friend std::string operator+(const Text& a, const char* b) { return std::string(a.view()).append(b); }

 private:
  std::shared_ptr<const char> chars_;  // null for a short text
  std::size_t size_ = 0;
  char short_[kShort] = {};
};

std::ostream& operator<<(std::ostream& out, const Text& text);

// Lists of texts compare with lists of strings, element by element.
bool operator==(const std::vector<Text>& a, const std::vector<std::string>& b);

}  // namespace relief

#endif  // RELIEF_TEXT_HPP_
