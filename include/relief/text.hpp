// An immutable string shared rather than copied: the texts of a result that
// come from the rule pack (ids, titles, labels, sources, questions, the text
// of an expression) refer to the pack's own storage and keep it alive, so
// that an evaluation does not copy them, and a result stays valid after its
// RulePack is destroyed.
#ifndef RELIEF_TEXT_HPP_
#define RELIEF_TEXT_HPP_

#include <atomic>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace relief {

// What builds the characters of a deferred Text when it is first read (the
// explained path's French details, formatted values and formulas in words:
// built for a report, not to answer a status). Build must be safe to call
// from several threads.
class TextBuilder {
 public:
  virtual std::string Build(std::uint32_t kind, std::uint32_t arg) const = 0;

 protected:
  ~TextBuilder() = default;
};

// A text not built yet: `builder.Build(kind, arg)` the first time it is read,
// once, also when read from several threads at a time. It lives in its
// builder's storage; a Text refers to it and keeps that storage alive.
class DeferredText {
 public:
  DeferredText(const TextBuilder& builder, std::uint32_t kind, std::uint32_t arg) noexcept
      : builder_(builder), kind_(kind), arg_(arg) {}
  DeferredText(const DeferredText&) = delete;
  DeferredText& operator=(const DeferredText&) = delete;
  ~DeferredText() { delete built_.load(std::memory_order_acquire); }

  std::string_view Get() const;

 private:
  const TextBuilder& builder_;
  const std::uint32_t kind_;
  const std::uint32_t arg_;
  mutable std::atomic<const std::string*> built_{nullptr};
};

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
  Text(Text&& other) noexcept : chars_(std::move(other.chars_)), size_(other.size_) {
    if (!chars_) std::char_traits<char>::copy(short_, other.short_, kShort);
    other.size_ = 0;
  }
  Text& operator=(Text&& other) noexcept {
    if (this == &other) return *this;
    chars_ = std::move(other.chars_);  // leaves other's null
    size_ = other.size_;
    if (!chars_) std::char_traits<char>::copy(short_, other.short_, kShort);
    other.size_ = 0;
    return *this;
  }

  Text(std::string_view text);  // NOLINT(google-explicit-constructor): a copy, like std::string's
  Text(const std::string& text) : Text(std::string_view(text)) {}  // NOLINT(google-explicit-constructor)
  Text(const char* text) : Text(std::string_view(text)) {}         // NOLINT(google-explicit-constructor)
  // Refers to `text`, which `owner` keeps alive (no copy).
  Text(std::shared_ptr<const void> owner, std::string_view text) noexcept
      : chars_(std::move(owner), text.data()), size_(text.size()) {}
  // Refers to `deferred`, which `owner` keeps alive; its characters are built
  // when the Text is first read (view(), size(), a comparison, a copy out).
  Text(std::shared_ptr<const void> owner, const DeferredText* deferred) noexcept
      : chars_(std::move(owner), reinterpret_cast<const char*>(deferred)), size_(kDeferred) {}

  // Builds a deferred text (may allocate: not noexcept).
  std::string_view view() const {
    if (size_ == kDeferred) [[unlikely]] {
      return reinterpret_cast<const DeferredText*>(chars_.get())->Get();
    }
    return {chars_ ? chars_.get() : short_, size_};
  }
  operator std::string_view() const { return view(); }  // NOLINT(google-explicit-constructor)
  // A copy (allocates when longer than std::string's inline buffer).
  std::string str() const { return std::string(view()); }
  operator std::string() const { return str(); }  // NOLINT(google-explicit-constructor)

  const char* data() const { return view().data(); }
  std::size_t size() const { return view().size(); }
  bool empty() const { return size() == 0; }
  const char* begin() const { return data(); }
  const char* end() const { return data() + size(); }
  // Whether the characters are still to be built (the first read builds them).
  bool deferred() const noexcept { return size_ == kDeferred; }

  friend bool operator==(const Text& a, const Text& b) { return a.view() == b.view(); }
  friend bool operator==(const Text& a, std::string_view b) { return a.view() == b; }
  friend bool operator==(const Text& a, const std::string& b) { return a.view() == b; }
  friend bool operator==(const Text& a, const char* b) { return a.view() == b; }
  friend std::strong_ordering operator<=>(const Text& a, const Text& b) { return a.view() <=> b.view(); }

  friend std::string operator+(const Text& a, std::string_view b) { return std::string(a.view()).append(b); }
  friend std::string operator+(std::string_view a, const Text& b) { return std::string(a).append(b.view()); }
  friend std::string operator+(std::string&& a, const Text& b) { return std::move(a.append(b.view())); }
  friend std::string operator+(const char* a, const Text& b) { return std::string(a).append(b.view()); }
  friend std::string operator+(const Text& a, const char* b) { return std::string(a.view()).append(b); }

 private:
  static constexpr std::size_t kDeferred = static_cast<std::size_t>(-1);  // size_ of a deferred text
  std::shared_ptr<const char> chars_;  // null for a short text; a DeferredText for a deferred one
  std::size_t size_ = 0;
  char short_[kShort] = {};
};

std::ostream& operator<<(std::ostream& out, const Text& text);

// Lists of texts compare with lists of strings, element by element.
bool operator==(const std::vector<Text>& a, const std::vector<std::string>& b);

}  // namespace relief

#endif  // RELIEF_TEXT_HPP_
